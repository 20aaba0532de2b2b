/* glossa-format-v2.c: what format v2 adds to annotation files, links and attributes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-relation.h"
#include "glossa-schema.h"
#include "glossa-span.h"
#include "glossa-timex.h"

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError     **error,
      const char  *name,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s: %s: %s", name, field, message);
  return FALSE;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static const GlossaSchemaAttribute *
find_attribute (GlossaSchema *schema,
                GlossaLabel   label,
                const char   *attribute)
{
  const GlossaSchemaLabel *found = glossa_schema_find_label (schema, label);

  for (guint i = 0; found != NULL && found->attributes != NULL && i < found->attributes->len; i++)
    {
      const GlossaSchemaAttribute *a = g_ptr_array_index (found->attributes, i);

      if (strcmp (a->name, attribute) == 0)
        return a;
    }
  return NULL;
}

gboolean
glossa_format_check_attribute (GlossaSchema  *schema,
                               GlossaLabel    label,
                               const char    *attribute,
                               JsonNode      *value,
                               const char    *name,
                               const char    *field,
                               GError       **error)
{
  const GlossaSchemaAttribute *declared = find_attribute (schema, label, attribute);
  g_autoptr(GError) why = NULL;
  const char *str;

  if (declared == NULL)
    return fail (error, name, field, _("label %s has no attribute “%s”"),
                 glossa_label_to_string (label), attribute);

  if (declared->type == GLOSSA_ATTRIBUTE_BOOLEAN)
    {
      if (!holds_type (value, G_TYPE_BOOLEAN))
        return fail (error, name, field, _("expected true or false"));
      return TRUE;
    }

  if (!holds_type (value, G_TYPE_STRING))
    return fail (error, name, field, _("expected a string"));
  str = json_node_get_string (value);

  switch (declared->type)
    {
    case GLOSSA_ATTRIBUTE_TIMEX:
      if (!glossa_timex_check (str, &why))
        return fail (error, name, field, "%s", why->message);
      return TRUE;
    case GLOSSA_ATTRIBUTE_CHOICE:
      if (declared->choices == NULL || !g_strv_contains ((const char * const *) declared->choices, str))
        return fail (error, name, field, _("“%s” is not one of the choices of attribute %s"),
                     str, attribute);
      return TRUE;
    case GLOSSA_ATTRIBUTE_TEXT:
    case GLOSSA_ATTRIBUTE_BOOLEAN:
    default:
      return TRUE;
    }
}

static gboolean
take_value_source (GlossaSpan  *span,
                   const char  *name,
                   const char  *field,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (span->extra, "value_source");
  g_autofree char *sub = NULL;

  if (node == NULL)
    return TRUE;

  if (!holds_type (node, G_TYPE_STRING) ||
      (strcmp (json_node_get_string (node), "auto") != 0 &&
       strcmp (json_node_get_string (node), "annotator") != 0))
    {
      sub = g_strdup_printf ("%s.value_source", field);
      return fail (error, name, sub, _("expected \"auto\" or \"annotator\""));
    }
  if (glossa_span_get_attribute (span, "value") == NULL)
    {
      sub = g_strdup_printf ("%s.value_source", field);
      return fail (error, name, sub, _("the span has no attribute “value”"));
    }

  span->value_source = g_strdup (json_node_get_string (node));
  json_object_remove_member (span->extra, "value_source");
  return TRUE;
}

/* Moves the v2 members "attributes" and "value_source" of a span just read
 * out of its unknown members, checking them (against @schema if not NULL).
 */
gboolean
glossa_format_take_attributes (GlossaSpan    *span,
                               GlossaSchema  *schema,
                               const char    *name,
                               const char    *field,
                               GError       **error)
{
  g_autoptr(GList) members = NULL;
  JsonNode *node;
  JsonObject *attributes;

  if (span->extra == NULL)
    return TRUE;

  node = json_object_get_member (span->extra, "attributes");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *sub = g_strdup_printf ("%s.attributes", field);
          return fail (error, name, sub, _("expected an object"));
        }
      attributes = json_node_get_object (node);
      members = json_object_get_members (attributes);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (attributes, l->data);
          g_autofree char *member_field = NULL;

          /* Checked first without a field name, made only for the message. */
          if ((holds_type (value, G_TYPE_STRING) || holds_type (value, G_TYPE_BOOLEAN)) &&
              (schema == NULL ||
               glossa_format_check_attribute (schema, span->label, l->data, value, name, "", NULL)))
            continue;
          member_field = g_strdup_printf ("%s.attributes.%s", field, (const char *) l->data);
          if (!holds_type (value, G_TYPE_STRING) && !holds_type (value, G_TYPE_BOOLEAN))
            return fail (error, name, member_field, _("expected a string or true or false"));
          return glossa_format_check_attribute (schema, span->label, l->data, value,
                                                name, member_field, error);
        }
      span->attributes = json_object_ref (attributes);
      json_object_remove_member (span->extra, "attributes");
    }

  if (!take_value_source (span, name, field, error))
    return FALSE;
  if (json_object_get_size (span->extra) == 0)
    g_clear_pointer (&span->extra, json_object_unref);
  return TRUE;
}

const char * const _glossa_relation_members[] = { "id", "type", "from", "to", NULL };

/* Messages name their field ("relations[3].to"), but most links are fine:
 * the name is only made for a message, since formatting it for each of
 * 20,000 links was most of what checking them cost. @field, when given,
 * names the link; else it is "relations[@index]".
 */
static char *
link_field (const char *field,
            guint       index,
            const char *member)
{
  g_autofree char *base = field != NULL ? g_strdup (field) : g_strdup_printf ("relations[%u]", index);

  return member != NULL ? g_strdup_printf ("%s.%s", base, member) : g_steal_pointer (&base);
}

static gboolean
label_allowed (GArray      *labels,
               GlossaLabel  label)
{
  if (labels == NULL || labels->len == 0)
    return TRUE;
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, GlossaLabel, i) == label)
      return TRUE;
  return FALSE;
}

static gboolean
check_end (GHashTable           *spans_by_id,
           const char           *id,
           GArray               *allowed,
           const GlossaRelation *relation,
           const char           *member,
           const char           *name,
           const char           *field,
           guint                 index,
           GError              **error)
{
  GlossaSpan *span = g_hash_table_lookup (spans_by_id, id);
  g_autofree char *sub = NULL;

  if (span != NULL && label_allowed (allowed, span->label))
    return TRUE;
  sub = link_field (field, index, member);
  if (span == NULL)
    return fail (error, name, sub, _("no span has the id “%s”"), id);
  return fail (error, name, sub,
               strcmp (member, "from") == 0
                 ? _("a %s link cannot start at span “%s” (label %s)")
                 : _("a %s link cannot end at span “%s” (label %s)"),
               relation->type, id, glossa_label_to_string (span->label));
}

static gboolean
check_relation (const GlossaRelation *relation,
                GHashTable           *spans_by_id,
                GlossaSchema         *schema,
                const char           *name,
                const char           *field,
                guint                 index,
                GError              **error)
{
  const GlossaSchemaRelation *type = glossa_schema_find_relation (schema, relation->type);

  if (type == NULL)
    {
      g_autofree char *sub = link_field (field, index, "type");
      return fail (error, name, sub, _("“%s” is not a link type of the schema"), relation->type);
    }
  if (strcmp (relation->from, relation->to) == 0)
    {
      g_autofree char *sub = link_field (field, index, "to");
      return fail (error, name, sub, _("a span cannot be linked to itself (“%s”)"), relation->to);
    }
  return check_end (spans_by_id, relation->from, type->from, relation, "from", name, field, index, error) &&
         check_end (spans_by_id, relation->to, type->to, relation, "to", name, field, index, error);
}

/* Every rule a link obeys, named by @field ("relations[3]"): its type is
 * one of @schema's, both ends exist and have labels the type allows, and it
 * does not link a span to itself.
 */
gboolean
glossa_format_check_relation (const GlossaRelation *relation,
                              GHashTable           *spans_by_id,
                              GlossaSchema         *schema,
                              const char           *name,
                              const char           *field,
                              GError              **error)
{
  return check_relation (relation, spans_by_id, schema, name, field, 0, error);
}

static int
compare_relation_pointers (gconstpointer a,
                           gconstpointer b)
{
  return glossa_relation_compare (*(GlossaRelation * const *) a, *(GlossaRelation * const *) b);
}

/* A file Glossa wrote has its links in order already: checking that is a
 * tenth of the cost of sorting 20,000 of them.
 */
static void
sort_relations (GPtrArray *relations)
{
  for (guint i = 1; i < relations->len; i++)
    if (glossa_relation_compare (g_ptr_array_index (relations, i - 1), g_ptr_array_index (relations, i)) > 0)
      {
        g_ptr_array_sort (relations, compare_relation_pointers);
        return;
      }
}

/* Two links are the same when they join the same spans with one type. */
static guint
relation_key_hash (gconstpointer data)
{
  const GlossaRelation *relation = data;

  return (g_str_hash (relation->from) * 31 + g_str_hash (relation->to)) * 31 + g_str_hash (relation->type);
}

static gboolean
relation_key_equal (gconstpointer a,
                    gconstpointer b)
{
  return glossa_relation_same_key (a, b);
}

static GlossaRelation *
relation_from_fields (const GlossaRelationFields  *fields,
                      const char                  *name,
                      guint                        index,
                      GError                     **error)
{
  if (fields->kind != GLOSSA_JSON_OBJECT)
    {
      g_autofree char *field = link_field (NULL, index, NULL);

      fail (error, name, field, _("expected an object"));
      return NULL;
    }
  for (guint m = 0; m < GLOSSA_RELATION_N_MEMBERS; m++)
    {
      const GlossaJsonValue *value = &fields->members[m];
      g_autofree char *sub = NULL;

      if (value->kind == GLOSSA_JSON_STRING && *value->str != '\0')
        continue;
      sub = link_field (NULL, index, _glossa_relation_members[m]);
      if (value->kind == GLOSSA_JSON_NONE)
        fail (error, name, sub, _("missing (a string is required)"));
      else
        fail (error, name, sub, _("expected a non-empty string"));
      return NULL;
    }
  return glossa_relation_new (fields->members[0].str, fields->members[1].str,
                              fields->members[2].str, fields->members[3].str);
}

gboolean
_glossa_format_relations_from_fields (GlossaJsonKind  kind,
                                      GArray         *fields,
                                      GPtrArray      *spans,
                                      GlossaSchema   *schema,
                                      const char     *name,
                                      GPtrArray      *relations,
                                      GError        **error)
{
  g_autoptr(GHashTable) spans_by_id = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) keys = NULL;

  if (kind == GLOSSA_JSON_NONE || kind == GLOSSA_JSON_NULL)
    return TRUE;
  if (kind != GLOSSA_JSON_ARRAY)
    return fail (error, name, "relations", _("expected an array"));

  spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  keys = g_hash_table_new (relation_key_hash, relation_key_equal);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      g_hash_table_insert (spans_by_id, span->id, span);
    }

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      g_autoptr(GlossaRelation) relation = NULL;

      relation = relation_from_fields (&g_array_index (fields, GlossaRelationFields, i), name, i, error);
      if (relation == NULL || !check_relation (relation, spans_by_id, schema, name, NULL, i, error))
        return FALSE;
      if (!g_hash_table_add (ids, relation->id))
        {
          g_autofree char *sub = link_field (NULL, i, "id");
          return fail (error, name, sub, _("“%s” is already the id of another link"), relation->id);
        }
      if (!g_hash_table_add (keys, relation))
        {
          g_autofree char *field = link_field (NULL, i, NULL);
          return fail (error, name, field, _("“%s” links %s to %s with %s a second time"),
                       relation->id, relation->from, relation->to, relation->type);
        }
      /* @relations keeps it alive, and with it the keys of both tables. */
      g_ptr_array_add (relations, g_steal_pointer (&relation));
    }

  sort_relations (relations);
  return TRUE;
}

static GlossaJsonKind
node_kind (JsonNode *node)
{
  if (node == NULL)
    return GLOSSA_JSON_NONE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return GLOSSA_JSON_OBJECT;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return GLOSSA_JSON_ARRAY;
  if (holds_type (node, G_TYPE_STRING))
    return GLOSSA_JSON_STRING;
  /* The checks tell only strings from the rest. */
  return GLOSSA_JSON_NULL;
}

/* Reads the "relations" member @node (absent or null: none) into
 * @relations, checks each against @spans and @schema, refuses duplicate ids
 * and duplicate links, then sorts them. The same checks as the annotation
 * file's reader, on a tree (a JSONL line).
 */
gboolean
glossa_format_relations_from_json (JsonNode      *node,
                                   GPtrArray     *spans,
                                   GlossaSchema  *schema,
                                   const char    *name,
                                   GPtrArray     *relations,
                                   GError       **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (GlossaRelationFields));
  GlossaJsonKind kind = node != NULL && JSON_NODE_HOLDS_NULL (node) ? GLOSSA_JSON_NULL : node_kind (node);
  JsonArray *array = kind == GLOSSA_JSON_ARRAY ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GlossaRelationFields entry = { node_kind (element), { { 0 } } };

      for (guint m = 0; entry.kind == GLOSSA_JSON_OBJECT && m < GLOSSA_RELATION_N_MEMBERS; m++)
        {
          JsonNode *member = json_object_get_member (json_node_get_object (element),
                                                     _glossa_relation_members[m]);

          entry.members[m].kind = node_kind (member);
          if (entry.members[m].kind == GLOSSA_JSON_STRING)
            entry.members[m].str = json_node_get_string (member);
        }
      g_array_append_val (fields, entry);
    }
  return _glossa_format_relations_from_fields (kind, fields, spans, schema, name, relations, error);
}

gboolean
glossa_annotations_is_v2 (const GlossaAnnotations *annotations)
{
  if (annotations->relations != NULL && annotations->relations->len > 0)
    return TRUE;
  for (guint i = 0; i < annotations->spans->len; i++)
    if (glossa_span_is_v2 (g_ptr_array_index (annotations->spans, i)))
      return TRUE;
  return FALSE;
}

static void
write_line (GString *out,
            int      indent)
{
  if (indent < 0)
    return;
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (a, b);
}

/* `"attributes": {…}` with the names sorted, as the value of a member whose
 * line is indented by @indent (< 0: on one line).
 */
void
glossa_format_write_attributes (GString    *out,
                                JsonObject *attributes,
                                int         indent)
{
  g_autoptr(GList) names = json_object_get_members (attributes);

  names = g_list_sort (names, compare_names);
  g_string_append_c (out, '{');
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (attributes, l->data);

      if (l != names)
        g_string_append (out, indent < 0 ? ", " : ",");
      write_line (out, indent < 0 ? -1 : indent + 2);
      glossa_json_write_string (out, l->data);
      g_string_append (out, ": ");
      glossa_json_write (out, value, -1);
    }
  if (names != NULL)
    write_line (out, indent);
  g_string_append_c (out, '}');
}

void
glossa_format_write_relation (GString              *out,
                              const GlossaRelation *relation,
                              int                   indent)
{
  const char *keys[] = { "id", "type", "from", "to" };
  const char *values[] = { relation->id, relation->type, relation->from, relation->to };

  g_string_append_c (out, '{');
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (i > 0)
        g_string_append (out, indent < 0 ? ", " : ",");
      write_line (out, indent < 0 ? -1 : indent + 2);
      glossa_json_write_string (out, keys[i]);
      g_string_append (out, ": ");
      glossa_json_write_string (out, values[i]);
    }
  write_line (out, indent);
  g_string_append_c (out, '}');
}
