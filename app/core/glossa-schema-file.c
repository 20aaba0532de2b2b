/* glossa-schema-file.c: reading, checking, finding and writing glossa-schema.json
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-json.h"
#include "glossa-schema.h"

/* The window's own single keys (ui/glossa-window.ui): the digits tag by
 * position, n adds a note, space types.
 */
const char * const glossa_schema_reserved_keys[] = {
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "n", " ", NULL
};

gboolean
glossa_schema_key_is_reserved (const char *key)
{
  return key != NULL && g_strv_contains (glossa_schema_reserved_keys, key);
}

/* Where a value is: a path of members and indices, for messages. */
typedef struct
{
  const char *member;   /* NULL: an array index */
  guint       index;
} Step;

#define MAX_STEPS 8

typedef struct
{
  const char   *data;
  gsize         len;
  const char   *name;
  GError      **error;
  Step          steps[MAX_STEPS];
  guint         n_steps;
} Reader;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSchemaAttribute, glossa_schema_attribute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSchemaLabel, glossa_schema_label_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSchemaRelation, glossa_schema_relation_free)

/* A minimal walk of text already known to be valid JSON: enough to find
 * where a member or element starts, so that checks made on the parsed tree
 * can still report a line and column.
 */
static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end && *p != '"'; p++)
    if (*p == '\\')
      p++;
  return p < end ? p + 1 : end;
}

static const char *
skip_value (const char *p,
            const char *end)
{
  int depth = 0;

  p = skip_space (p, end);
  do
    {
      if (p >= end)
        return end;
      if (*p == '"')
        {
          p = skip_string (p, end);
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        depth--;
      else if (depth == 0)
        {
          while (p < end && strchr (",}] \t\r\n", *p) == NULL)
            p++;
          return p;
        }
      p++;
    }
  while (depth > 0);
  return p;
}

/* @p is at a value; returns where @step's member or element starts, or
 * NULL when it is not there.
 */
static const char *
find_step (const char *p,
           const char *end,
           const Step *step)
{
  char open = step->member != NULL ? '{' : '[';
  guint index = 0;

  p = skip_space (p, end);
  if (p >= end || *p != open)
    return NULL;
  p = skip_space (p + 1, end);
  while (p < end && *p != '}' && *p != ']')
    {
      if (step->member != NULL)
        {
          const char *key = p + 1;
          const char *after = skip_string (p, end);
          gboolean match = (gsize) (after - 1 - key) == strlen (step->member) &&
                           memcmp (key, step->member, after - 1 - key) == 0;

          p = skip_space (after, end);
          p = skip_space (p + 1, end);      /* the colon */
          if (match)
            return p;
        }
      else if (index++ == step->index)
        return p;
      p = skip_space (skip_value (p, end), end);
      if (p < end && *p == ',')
        p = skip_space (p + 1, end);
    }
  return NULL;
}

static void
position_of (Reader *reader,
             guint  *line,
             guint  *column)
{
  const char *end = reader->data + reader->len;
  const char *at = reader->data;

  for (guint i = 0; i < reader->n_steps; i++)
    {
      const char *next = find_step (at, end, &reader->steps[i]);

      if (next == NULL)
        break;
      at = next;
    }
  at = skip_space (at, end);

  *line = 1;
  *column = 1;
  for (const char *p = reader->data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*p & 0xc0) != 0x80)
        (*column)++;
    }
}

static char *
field_of (Reader *reader)
{
  GString *field = g_string_new (NULL);

  for (guint i = 0; i < reader->n_steps; i++)
    {
      if (reader->steps[i].member == NULL)
        g_string_append_printf (field, "[%u]", reader->steps[i].index);
      else
        g_string_append_printf (field, "%s%s", field->len > 0 ? "." : "", reader->steps[i].member);
    }
  return g_string_free (field, FALSE);
}

/* Every check fails through here: "FILE:LINE:COLUMN: FIELD: message". */
static gboolean G_GNUC_PRINTF (3, 4)
fail (Reader     *reader,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *field = field_of (reader);
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  position_of (reader, &line, &column);
  if (*field != '\0')
    g_set_error (reader->error, GLOSSA_ERROR, code, "%s:%u:%u: %s: %s",
                 reader->name, line, column, field, message);
  else
    g_set_error (reader->error, GLOSSA_ERROR, code, "%s:%u:%u: %s",
                 reader->name, line, column, message);
  return FALSE;
}

static void
push (Reader     *reader,
      const char *member,
      guint       index)
{
  g_assert (reader->n_steps < MAX_STEPS);
  reader->steps[reader->n_steps].member = member;
  reader->steps[reader->n_steps].index = index;
  reader->n_steps++;
}

static void
pop (Reader *reader)
{
  g_assert (reader->n_steps > 0);
  reader->n_steps--;
}

/* Refuses any member not in @known, so that a typo ("colour") is an error
 * instead of a setting silently ignored.
 */
static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *expected = g_strjoinv (", ", (GStrv) known);

        push (reader, l->data, 0);
        return fail (reader, GLOSSA_ERROR_INVALID, _("unknown member “%s” (expected one of: %s)"),
                     (const char *) l->data, expected);
      }
  return TRUE;
}

/* The string member @member of @object: NULL and TRUE when absent (unless
 * @required), FALSE with an error when it is not a non-empty string.
 */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok = TRUE;

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return fail (reader, GLOSSA_ERROR_INVALID, _("the member “%s” is missing"), member);
      return TRUE;
    }
  push (reader, member, 0);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    ok = fail (reader, GLOSSA_ERROR_INVALID, _("expected a string"));
  else if (*json_node_get_string (node) == '\0')
    ok = fail (reader, GLOSSA_ERROR_INVALID, _("cannot be empty"));
  else
    *out = json_node_get_string (node);
  pop (reader);
  return ok;
}

static JsonArray *
get_array (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  push (reader, member, 0);
  *ok = fail (reader, GLOSSA_ERROR_INVALID, _("expected an array"));
  pop (reader);
  return NULL;
}

static JsonObject *
element_object (Reader    *reader,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  fail (reader, GLOSSA_ERROR_INVALID, _("expected an object"));
  return NULL;
}

/* "#rgb" or "#rrggbb", returned as lower-case "#rrggbb". */
static char *
parse_color (const char *str)
{
  gsize len = strlen (str);

  if (str[0] != '#' || (len != 4 && len != 7))
    return NULL;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (str[i]))
      return NULL;
  if (len == 7)
    return g_ascii_strdown (str, -1);
  return g_ascii_strdown ((char[]) { '#', str[1], str[1], str[2], str[2], str[3], str[3], '\0' }, -1);
}

static gboolean
get_color (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           char       **out)
{
  const char *str;
  gboolean ok = TRUE;

  if (!get_string (reader, object, member, FALSE, &str))
    return FALSE;
  if (str == NULL)
    return TRUE;
  *out = parse_color (str);
  if (*out == NULL)
    {
      push (reader, member, 0);
      ok = fail (reader, GLOSSA_ERROR_INVALID,
                 _("“%s” is not a color: write #rrggbb or #rgb, e.g. #1c71d8"), str);
      pop (reader);
    }
  return ok;
}

/* Keys are one printable character; the ones Glossa uses itself and
 * the ones already taken (by a label or a relation, whatever the case:
 * Shift may be held) are refused.
 */
static gboolean
check_key (Reader     *reader,
           const char *key,
           GHashTable *keys_seen)
{
  g_autofree char *folded = NULL;
  gboolean ok = TRUE;

  push (reader, "key", 0);
  if (g_utf8_strlen (key, -1) != 1 || !g_unichar_isgraph (g_utf8_get_char (key)))
    ok = fail (reader, GLOSSA_ERROR_INVALID, _("a key is one visible character, not “%s”"), key);
  else if (glossa_schema_key_is_reserved (key))
    ok = fail (reader, GLOSSA_ERROR_INVALID,
               _("the key “%s” is one of Glossa’s own (the digits tag by position, n adds a note)"), key);
  else if (g_hash_table_contains (keys_seen, (folded = g_utf8_casefold (key, -1))))
    ok = fail (reader, GLOSSA_ERROR_INVALID, _("the key “%s” is already used by “%s”"),
               key, (const char *) g_hash_table_lookup (keys_seen, folded));
  pop (reader);
  return ok;
}

static gboolean
read_choices (Reader                *reader,
              JsonObject            *object,
              GlossaSchemaAttribute *attribute)
{
  gboolean ok;
  JsonArray *values = get_array (reader, object, "values", &ok);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!ok)
    return FALSE;
  if (attribute->type != GLOSSA_ATTRIBUTE_CHOICE)
    return values == NULL ||
           fail (reader, GLOSSA_ERROR_INVALID, _("only a choice has values"));
  if (values == NULL || json_array_get_length (values) == 0)
    return fail (reader, GLOSSA_ERROR_INVALID, _("a choice needs a non-empty array “values”"));

  push (reader, "values", 0);
  for (guint i = 0; ok && i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);

      push (reader, NULL, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        ok = fail (reader, GLOSSA_ERROR_INVALID, _("expected a non-empty string"));
      else if (!g_hash_table_add (seen, (gpointer) json_node_get_string (node)))
        ok = fail (reader, GLOSSA_ERROR_INVALID, _("the value “%s” is listed twice"),
                   json_node_get_string (node));
      else
        g_strv_builder_add (builder, json_node_get_string (node));
      pop (reader);
    }
  pop (reader);
  attribute->choices = g_strv_builder_end (builder);
  return ok;
}

static GlossaSchemaAttribute *
read_attribute (Reader     *reader,
                JsonObject *object,
                GHashTable *names_seen)
{
  static const char * const known[] = { "name", "type", "values", "description", NULL };
  g_autoptr(GlossaSchemaAttribute) attribute = NULL;
  const char *name, *type, *description;
  GlossaAttributeType type_value;

  if (!check_members (reader, object, known) ||
      !get_string (reader, object, "name", TRUE, &name) ||
      !get_string (reader, object, "type", TRUE, &type) ||
      !get_string (reader, object, "description", FALSE, &description))
    return NULL;
  push (reader, "name", 0);
  if (!g_hash_table_add (names_seen, (gpointer) name))
    {
      fail (reader, GLOSSA_ERROR_INVALID, _("the attribute “%s” is listed twice"), name);
      return NULL;
    }
  pop (reader);
  if (!glossa_attribute_type_from_string (type, &type_value))
    {
      push (reader, "type", 0);
      fail (reader, GLOSSA_ERROR_INVALID,
            _("unknown attribute type “%s” (expected text, choice, boolean or timex)"), type);
      return NULL;
    }
  attribute = glossa_schema_attribute_new (name, type_value);
  attribute->description = g_strdup (description);
  if (!read_choices (reader, object, attribute))
    return NULL;
  return g_steal_pointer (&attribute);
}

static gboolean
read_attributes (Reader            *reader,
                 JsonObject        *object,
                 GlossaSchemaLabel *label)
{
  gboolean ok;
  JsonArray *array = get_array (reader, object, "attributes", &ok);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (array == NULL)
    return ok;
  push (reader, "attributes", 0);
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      JsonObject *element;
      GlossaSchemaAttribute *attribute = NULL;

      push (reader, NULL, i);
      element = element_object (reader, array, i);
      if (element != NULL)
        attribute = read_attribute (reader, element, seen);
      if (attribute != NULL)
        g_ptr_array_add (label->attributes, attribute);
      ok = attribute != NULL;
      if (ok)
        pop (reader);
    }
  if (ok)
    pop (reader);
  return ok;
}

/* A fixed palette for labels without a colour (and for imports): GNOME's
 * darker hues, readable on a light background.
 */
static const char * const palette[] = {
  "#1c71d8", "#26a269", "#e66100", "#9141ac", "#c01c28", "#986a44",
  "#2ec27e", "#a51d2d", "#1a5fb4", "#c64600", "#613583", "#63452c",
};

const char *
glossa_schema_palette_color (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)];
}

typedef struct
{
  GHashTable *names;   /* case-folded name → name */
  GHashTable *keys;    /* case-folded key → who has it */
} Seen;

static GlossaSchemaLabel *
read_label (Reader     *reader,
            JsonObject *object,
            guint       index,
            Seen       *seen)
{
  static const char * const known[] = {
    "name", "title", "key", "color", "color_dark", "description", "attributes", NULL
  };
  g_autoptr(GlossaSchemaLabel) label = NULL;
  g_autoptr(GError) why = NULL;
  const char *name, *title, *key, *description;
  g_autofree char *color = NULL, *color_dark = NULL, *folded = NULL;
  GlossaLabel label_value;

  if (!check_members (reader, object, known) ||
      !get_string (reader, object, "name", TRUE, &name) ||
      !get_string (reader, object, "title", FALSE, &title) ||
      !get_string (reader, object, "key", FALSE, &key) ||
      !get_string (reader, object, "description", FALSE, &description) ||
      !get_color (reader, object, "color", &color) ||
      !get_color (reader, object, "color_dark", &color_dark))
    return NULL;

  push (reader, "name", 0);
  folded = g_utf8_casefold (name, -1);
  if (!glossa_label_name_is_valid (name, &why) || !glossa_label_from_string (name, &label_value))
    return fail (reader, GLOSSA_ERROR_INVALID, "%s", why != NULL ? why->message : name), NULL;
  if (g_hash_table_contains (seen->names, folded))
    return fail (reader, GLOSSA_ERROR_INVALID,
                 _("the label “%s” is listed twice (as “%s”; names differing only in case are the same label)"),
                 name, (const char *) g_hash_table_lookup (seen->names, folded)), NULL;
  pop (reader);
  g_hash_table_insert (seen->names, g_strdup (folded), g_strdup (name));

  if (key != NULL && !check_key (reader, key, seen->keys))
    return NULL;
  if (key != NULL)
    g_hash_table_insert (seen->keys, g_utf8_casefold (key, -1), g_strdup (name));

  label = glossa_schema_label_new (label_value,
                                   color != NULL ? color : glossa_schema_palette_color (index));
  label->title = g_strdup (title);
  label->key = g_strdup (key);
  label->color_dark = g_steal_pointer (&color_dark);
  label->description = g_strdup (description);
  if (!read_attributes (reader, object, label))
    return NULL;
  return g_steal_pointer (&label);
}

static gboolean
read_labels (Reader       *reader,
             JsonObject   *root,
             GlossaSchema *schema,
             Seen         *seen)
{
  gboolean ok;
  JsonArray *array = get_array (reader, root, "labels", &ok);
  guint n;

  if (!ok)
    return FALSE;
  if (array == NULL)
    return fail (reader, GLOSSA_ERROR_INVALID, _("the member “labels” is missing"));
  n = json_array_get_length (array);
  push (reader, "labels", 0);
  if (n == 0)
    return fail (reader, GLOSSA_ERROR_INVALID, _("a schema needs at least one label"));
  if (n > GLOSSA_SCHEMA_MAX_LABELS)
    return fail (reader, GLOSSA_ERROR_INVALID, _("a schema has at most %d labels, not %u"),
                 GLOSSA_SCHEMA_MAX_LABELS, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *element;
      GlossaSchemaLabel *label;

      push (reader, NULL, i);
      if ((element = element_object (reader, array, i)) == NULL ||
          (label = read_label (reader, element, i, seen)) == NULL)
        return FALSE;
      glossa_schema_add_label (schema, label);
      pop (reader);
    }
  pop (reader);
  return TRUE;
}

static gboolean
read_label_list (Reader       *reader,
                 JsonObject   *object,
                 const char   *member,
                 GlossaSchema *schema,
                 GArray       *out)
{
  gboolean ok;
  JsonArray *array = get_array (reader, object, member, &ok);

  if (array == NULL)
    return ok;
  push (reader, member, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GlossaLabel label;

      push (reader, NULL, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (reader, GLOSSA_ERROR_INVALID, _("expected a label name"));
      label = g_quark_try_string (json_node_get_string (node));
      if (label == 0 || glossa_schema_label_index (schema, label) < 0)
        return fail (reader, GLOSSA_ERROR_INVALID, _("the label “%s” is not in this schema"),
                     json_node_get_string (node));
      g_array_append_val (out, label);
      pop (reader);
    }
  pop (reader);
  return TRUE;
}

static GlossaSchemaRelation *
read_relation (Reader       *reader,
               JsonObject   *object,
               GlossaSchema *schema,
               Seen         *seen,
               GHashTable   *names)
{
  static const char * const known[] = { "name", "key", "from", "to", "description", NULL };
  g_autoptr(GlossaSchemaRelation) relation = NULL;
  const char *name, *key, *description;

  if (!check_members (reader, object, known) ||
      !get_string (reader, object, "name", TRUE, &name) ||
      !get_string (reader, object, "key", FALSE, &key) ||
      !get_string (reader, object, "description", FALSE, &description))
    return NULL;
  push (reader, "name", 0);
  if (!g_hash_table_add (names, (gpointer) name))
    return fail (reader, GLOSSA_ERROR_INVALID, _("the relation “%s” is listed twice"), name), NULL;
  pop (reader);
  if (key != NULL && !check_key (reader, key, seen->keys))
    return NULL;
  if (key != NULL)
    g_hash_table_insert (seen->keys, g_utf8_casefold (key, -1), g_strdup (name));

  relation = glossa_schema_relation_new (name);
  relation->key = g_strdup (key);
  relation->description = g_strdup (description);
  if (!read_label_list (reader, object, "from", schema, relation->from) ||
      !read_label_list (reader, object, "to", schema, relation->to))
    return NULL;
  return g_steal_pointer (&relation);
}

static gboolean
read_relations (Reader       *reader,
                JsonObject   *root,
                GlossaSchema *schema,
                Seen         *seen)
{
  gboolean ok;
  JsonArray *array = get_array (reader, root, "relations", &ok);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  if (array == NULL)
    return ok;
  push (reader, "relations", 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element;
      GlossaSchemaRelation *relation;

      push (reader, NULL, i);
      if ((element = element_object (reader, array, i)) == NULL ||
          (relation = read_relation (reader, element, schema, seen, names)) == NULL)
        return FALSE;
      glossa_schema_add_relation (schema, relation);
      pop (reader);
    }
  pop (reader);
  return TRUE;
}

static JsonObject *
get_object (Reader     *reader,
            JsonObject *root,
            const char *member,
            gboolean   *ok)
{
  JsonNode *node = json_object_get_member (root, member);

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  push (reader, member, 0);
  *ok = fail (reader, GLOSSA_ERROR_INVALID, _("expected an object"));
  pop (reader);
  return NULL;
}

static gboolean
read_overlap (Reader       *reader,
              JsonObject   *root,
              GlossaSchema *schema)
{
  gboolean ok;
  JsonObject *object = get_object (reader, root, "overlap", &ok);
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return ok;
  push (reader, "overlap", 0);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      GlossaLabel label = g_quark_try_string (l->data);
      int index = label != 0 ? glossa_schema_label_index (schema, label) : -1;
      GlossaOverlap overlap;

      push (reader, l->data, 0);
      if (index < 0)
        return fail (reader, GLOSSA_ERROR_INVALID, _("the label “%s” is not in this schema"),
                     (const char *) l->data);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !glossa_overlap_from_string (json_node_get_string (node), &overlap))
        return fail (reader, GLOSSA_ERROR_INVALID,
                     _("unknown overlap rule (expected \"any\", \"nested\" or \"none\")"));
      ((GlossaSchemaLabel *) glossa_schema_get_label (schema, index))->overlap = overlap;
      pop (reader);
    }
  pop (reader);
  return TRUE;
}

static const char * const suggester_names[] = { "quotes", "dates", "names", NULL };

static gboolean
read_suggesters (Reader       *reader,
                 JsonObject   *root,
                 GlossaSchema *schema)
{
  gboolean ok;
  JsonObject *object = get_object (reader, root, "suggesters", &ok);
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return ok;
  push (reader, "suggesters", 0);
  if (!check_members (reader, object, suggester_names))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      push (reader, l->data, 0);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (reader, GLOSSA_ERROR_INVALID, _("expected true or false"));
      glossa_schema_set_suggester (schema, l->data, json_node_get_boolean (node));
      pop (reader);
    }
  pop (reader);
  return TRUE;
}

static gboolean
read_header (Reader     *reader,
             JsonObject *root)
{
  static const char * const known[] = {
    "format", "version", "labels", "relations", "overlap", "suggesters", NULL
  };
  JsonNode *version = json_object_get_member (root, "version");
  const char *format;

  if (!get_string (reader, root, "format", TRUE, &format))
    return FALSE;
  if (g_strcmp0 (format, GLOSSA_SCHEMA_FORMAT) != 0)
    {
      push (reader, "format", 0);
      return fail (reader, GLOSSA_ERROR_UNSUPPORTED, _("expected \"%s\", not \"%s\""),
                   GLOSSA_SCHEMA_FORMAT, format);
    }
  if (version == NULL)
    return fail (reader, GLOSSA_ERROR_INVALID, _("the member “%s” is missing"), "version");
  push (reader, "version", 0);
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != GLOSSA_SCHEMA_VERSION)
    return fail (reader, GLOSSA_ERROR_UNSUPPORTED,
                 _("this version of Glossa reads schema version %d only"), GLOSSA_SCHEMA_VERSION);
  pop (reader);
  return check_members (reader, root, known);
}

/**
 * glossa_schema_parse:
 *
 * Reads a glossa-schema.json held in @data. Syntax errors come from the
 * strict reader; every other error names the member and its line and
 * column.
 */
GlossaSchema *
glossa_schema_parse (const char  *data,
                     gsize        len,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader reader = { data, len, name, error, { { 0 } }, 0 };
  Seen seen = { names, keys };
  JsonObject *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = glossa_json_parse (data, len, name, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (&reader, GLOSSA_ERROR_INVALID, _("expected a JSON object")), NULL;
  root = json_node_get_object (node);
  schema = glossa_schema_new (name);
  if (!read_header (&reader, root) ||
      !read_labels (&reader, root, schema, &seen) ||
      !read_relations (&reader, root, schema, &seen) ||
      !read_overlap (&reader, root, schema) ||
      !read_suggesters (&reader, root, schema))
    return NULL;
  return g_steal_pointer (&schema);
}

GlossaSchema *
glossa_schema_load (GFile            *file,
                    GlossaFileStamp  *stamp,
                    GError          **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!glossa_storage_read_file (file, GLOSSA_SCHEMA_READ_LIMIT, &data, &len, stamp, NULL, error))
    return NULL;
  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_uri (file);
  return glossa_schema_parse (data, len, name, error);
}

/* Finding */

GFile *
glossa_schema_locate (GFile *file,
                      GFile *corpus_root)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    folder = g_object_ref (file);
  else
    folder = g_file_get_parent (file);

  /* A root that is a JSONL file or an article stands for its folder. */
  if (corpus_root != NULL &&
      g_file_query_file_type (corpus_root, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    corpus_root = g_file_get_parent (corpus_root);
  else if (corpus_root != NULL)
    g_object_ref (corpus_root);

  while (folder != NULL)
    {
      g_autoptr(GFile) candidate = g_file_get_child (folder, GLOSSA_SCHEMA_FILE_NAME);
      gboolean at_root = corpus_root == NULL || g_file_equal (folder, corpus_root);

      if (g_file_query_exists (candidate, NULL))
        {
          g_clear_object (&corpus_root);
          return g_steal_pointer (&candidate);
        }
      /* Never above the root, nor anywhere when @file is outside it. */
      if (at_root || (corpus_root != NULL && !g_file_has_prefix (folder, corpus_root)))
        break;
      {
        GFile *parent = g_file_get_parent (folder);

        g_object_unref (folder);
        folder = parent;
      }
    }
  g_clear_object (&corpus_root);
  return NULL;
}

GlossaSchema *
glossa_schema_find_for (GFile   *file,
                        GFile   *corpus_root,
                        GError **error)
{
  g_autoptr(GFile) found = glossa_schema_locate (file, corpus_root);

  if (found == NULL)
    return glossa_schema_get_default ();
  return glossa_schema_load (found, NULL, error);
}

/* Writing */

/* A node holding @array; the node takes the caller's reference. */
static JsonNode *
node_taking_array (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

static JsonNode *
string_array (GStrv strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return node_taking_array (array);
}

static JsonNode *
label_array (GArray *labels)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < labels->len; i++)
    json_array_add_string_element (array, glossa_label_to_string (g_array_index (labels, GlossaLabel, i)));
  return node_taking_array (array);
}

static void
add_optional (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static JsonObject *
label_to_json (const GlossaSchemaLabel *label)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", glossa_label_to_string (label->name));
  add_optional (object, "title", label->title);
  add_optional (object, "key", label->key);
  add_optional (object, "color", label->color);
  add_optional (object, "color_dark", label->color_dark);
  add_optional (object, "description", label->description);
  if (label->attributes->len > 0)
    {
      JsonArray *attributes = json_array_new ();

      for (guint i = 0; i < label->attributes->len; i++)
        {
          GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, i);
          JsonObject *a = json_object_new ();

          json_object_set_string_member (a, "name", attribute->name);
          json_object_set_string_member (a, "type", glossa_attribute_type_to_string (attribute->type));
          if (attribute->type == GLOSSA_ATTRIBUTE_CHOICE)
            json_object_set_member (a, "values", string_array (attribute->choices));
          add_optional (a, "description", attribute->description);
          json_array_add_object_element (attributes, a);
        }
      json_object_set_array_member (object, "attributes", attributes);
    }
  return object;
}

static JsonObject *
relation_to_json (const GlossaSchemaRelation *relation)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", relation->name);
  add_optional (object, "key", relation->key);
  json_object_set_member (object, "from", label_array (relation->from));
  json_object_set_member (object, "to", label_array (relation->to));
  add_optional (object, "description", relation->description);
  return object;
}

JsonNode *
glossa_schema_to_json (GlossaSchema *self)
{
  JsonObject *root = json_object_new ();
  JsonArray *labels = json_array_new ();
  JsonArray *relations = json_array_new ();
  JsonObject *overlap = json_object_new ();
  JsonObject *suggesters = json_object_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (root, "format", GLOSSA_SCHEMA_FORMAT);
  json_object_set_int_member (root, "version", GLOSSA_SCHEMA_VERSION);
  for (guint i = 0; i < glossa_schema_get_n_labels (self); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (self, i);

      json_array_add_object_element (labels, label_to_json (label));
      if (label->overlap != GLOSSA_OVERLAP_ANY)
        json_object_set_string_member (overlap, glossa_label_to_string (label->name),
                                       glossa_overlap_to_string (label->overlap));
    }
  json_object_set_array_member (root, "labels", labels);
  for (guint i = 0; i < glossa_schema_get_n_relations (self); i++)
    json_array_add_object_element (relations, relation_to_json (glossa_schema_get_relation (self, i)));
  if (json_array_get_length (relations) > 0)
    json_object_set_array_member (root, "relations", relations);
  else
    json_array_unref (relations);
  if (json_object_get_size (overlap) > 0)
    json_object_set_object_member (root, "overlap", overlap);
  else
    json_object_unref (overlap);
  for (guint i = 0; suggester_names[i] != NULL; i++)
    if (!glossa_schema_get_suggester (self, suggester_names[i]))
      json_object_set_boolean_member (suggesters, suggester_names[i], FALSE);
  if (json_object_get_size (suggesters) > 0)
    json_object_set_object_member (root, "suggesters", suggesters);
  else
    json_object_unref (suggesters);

  {
    /* json_node_init_object() takes a reference of its own. */
    JsonNode *node = json_node_init_object (json_node_alloc (), root);

    json_object_unref (root);
    return node;
  }
}

GBytes *
glossa_schema_to_bytes (GlossaSchema *self)
{
  g_autoptr(JsonNode) node = glossa_schema_to_json (self);
  GString *out = g_string_new (NULL);

  glossa_json_write (out, node, 2);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

gboolean
glossa_schema_save (GlossaSchema     *self,
                    GFile            *file,
                    GlossaFileStamp  *stamp,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (stamp != NULL)
    {
      GlossaFileStamp now = glossa_file_stamp_read (file);

      if (!glossa_file_stamp_equal (&now, stamp))
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                       _("%s changed on disk since it was read: not written over"), path);
          return FALSE;
        }
    }
  bytes = glossa_schema_to_bytes (self);
  if (!glossa_file_replace_atomic (file, bytes, NULL, error))
    return FALSE;
  if (stamp != NULL)
    *stamp = glossa_file_stamp_read (file);
  return TRUE;
}

/* Where the corpus at @corpus_root keeps its own schema: glossa-schema.json
 * in the folder, or beside a JSONL corpus file (whether it exists or not).
 */
GFile *
glossa_schema_file_for_root (GFile *corpus_root)
{
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (corpus_root), NULL);

  if (g_file_query_file_type (corpus_root, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_file_get_child (corpus_root, GLOSSA_SCHEMA_FILE_NAME);
  parent = g_file_get_parent (corpus_root);
  return g_file_get_child (parent, GLOSSA_SCHEMA_FILE_NAME);
}
