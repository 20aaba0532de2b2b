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

  sub = g_strdup_printf ("%s.value_source", field);
  if (!holds_type (node, G_TYPE_STRING) ||
      (strcmp (json_node_get_string (node), "auto") != 0 &&
       strcmp (json_node_get_string (node), "annotator") != 0))
    return fail (error, name, sub, _("expected \"auto\" or \"annotator\""));
  if (glossa_span_get_attribute (span, "value") == NULL)
    return fail (error, name, sub, _("the span has no attribute “value”"));

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
      g_autofree char *sub = g_strdup_printf ("%s.attributes", field);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, name, sub, _("expected an object"));
      attributes = json_node_get_object (node);
      members = json_object_get_members (attributes);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *member_field = g_strdup_printf ("%s.%s", sub, (const char *) l->data);
          JsonNode *value = json_object_get_member (attributes, l->data);

          if (!holds_type (value, G_TYPE_STRING) && !holds_type (value, G_TYPE_BOOLEAN))
            return fail (error, name, member_field, _("expected a string or true or false"));
          if (schema != NULL &&
              !glossa_format_check_attribute (schema, span->label, l->data, value,
                                              name, member_field, error))
            return FALSE;
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

static char *
dup_member (JsonObject  *object,
            const char  *member,
            const char  *name,
            const char  *field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *sub = g_strdup_printf ("%s.%s", field, member);

  if (node == NULL)
    {
      fail (error, name, sub, _("missing (a string is required)"));
      return NULL;
    }
  if (!holds_type (node, G_TYPE_STRING) || *json_node_get_string (node) == '\0')
    {
      fail (error, name, sub, _("expected a non-empty string"));
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
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
check_end (GHashTable          *spans_by_id,
           const char          *id,
           GArray              *allowed,
           const GlossaRelation *relation,
           const char          *member,
           const char          *name,
           const char          *field,
           GError             **error)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", field, member);
  GlossaSpan *span = g_hash_table_lookup (spans_by_id, id);

  if (span == NULL)
    return fail (error, name, sub, _("no span has the id “%s”"), id);
  if (!label_allowed (allowed, span->label))
    return fail (error, name, sub,
                 strcmp (member, "from") == 0
                   ? _("a %s link cannot start at span “%s” (label %s)")
                   : _("a %s link cannot end at span “%s” (label %s)"),
                 relation->type, id, glossa_label_to_string (span->label));
  return TRUE;
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
  const GlossaSchemaRelation *type = glossa_schema_find_relation (schema, relation->type);

  if (type == NULL)
    {
      g_autofree char *sub = g_strdup_printf ("%s.type", field);
      return fail (error, name, sub, _("“%s” is not a link type of the schema"), relation->type);
    }
  if (strcmp (relation->from, relation->to) == 0)
    {
      g_autofree char *sub = g_strdup_printf ("%s.to", field);
      return fail (error, name, sub, _("a span cannot be linked to itself (“%s”)"), relation->to);
    }
  return check_end (spans_by_id, relation->from, type->from, relation, "from", name, field, error) &&
         check_end (spans_by_id, relation->to, type->to, relation, "to", name, field, error);
}

static int
compare_relation_pointers (gconstpointer a,
                           gconstpointer b)
{
  return glossa_relation_compare (*(GlossaRelation * const *) a, *(GlossaRelation * const *) b);
}

static GlossaRelation *
relation_from_json (JsonNode     *node,
                    const char   *name,
                    const char   *field,
                    GError      **error)
{
  g_autofree char *id = NULL, *type = NULL, *from = NULL, *to = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, name, field, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!(id = dup_member (object, "id", name, field, error)) ||
      !(type = dup_member (object, "type", name, field, error)) ||
      !(from = dup_member (object, "from", name, field, error)) ||
      !(to = dup_member (object, "to", name, field, error)))
    return NULL;
  return glossa_relation_new (id, type, from, to);
}

/* Reads the "relations" member @node (absent or null: none) into
 * @relations, checks each against @spans and @schema, refuses duplicate ids
 * and duplicate links, then sorts them.
 */
gboolean
glossa_format_relations_from_json (JsonNode      *node,
                                   GPtrArray     *spans,
                                   GlossaSchema  *schema,
                                   const char    *name,
                                   GPtrArray     *relations,
                                   GError       **error)
{
  g_autoptr(GHashTable) spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, name, "relations", _("expected an array"));

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      g_hash_table_insert (spans_by_id, span->id, span);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *field = g_strdup_printf ("relations[%u]", i);
      g_autoptr(GlossaRelation) relation = NULL;
      char *key;

      relation = relation_from_json (json_array_get_element (array, i), name, field, error);
      if (relation == NULL ||
          !glossa_format_check_relation (relation, spans_by_id, schema, name, field, error))
        return FALSE;
      if (!g_hash_table_add (ids, relation->id))
        {
          g_autofree char *sub = g_strdup_printf ("%s.id", field);
          return fail (error, name, sub, _("“%s” is already the id of another link"), relation->id);
        }
      /* Ids are non-empty and hold no NUL: the key is unambiguous. */
      key = g_strjoin ("\n", relation->from, relation->to, relation->type, NULL);
      if (!g_hash_table_add (keys, key))
        return fail (error, name, field, _("“%s” links %s to %s with %s a second time"),
                     relation->id, relation->from, relation->to, relation->type);
      g_ptr_array_add (relations, g_steal_pointer (&relation));
    }

  g_ptr_array_sort (relations, compare_relation_pointers);
  return TRUE;
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
