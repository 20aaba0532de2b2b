/* glossa-format-jsonl.c: format v1 by the line, and the summary the corpus list reads
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
#include "glossa-schema.h"
#include "glossa-span.h"

void
_glossa_format_summary_clear (GlossaFormatSummary *summary)
{
  g_clear_pointer (&summary->date, g_free);
  glossa_label_counts_clear (&summary->labels);
}

const char *
_glossa_format_node_kind (JsonNode *node)
{
  if (node == NULL)
    return "nothing";
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return "a string";
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return "a boolean";
      return "a number";
    default:
      return "something else";
    }
}

gboolean
_glossa_format_node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Article ids in JSONL dumps are strings or integers; both are kept as
 * their text, so line {"id": 7} and annotations {"id": "7"} match.
 */
char *
_glossa_format_dup_id (JsonObject  *object,
                       const char  *name,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (_glossa_format_node_is_string (node) && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  if (_glossa_format_node_is_string (node))
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s: id: must not be empty", name);
  else
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 node ? "%s: id: expected a string, found %s" : "%s: id: missing%s",
                 name, node ? _glossa_format_node_kind (node) : " (a string is required)");
  return NULL;
}

/* Reads what the list needs from an annotation file or line, checking only
 * what it reads: this runs over every annotation file of the corpus, and
 * the full check against the article happens when the document is opened.
 */
gboolean
_glossa_format_summarize (JsonNode             *root,
                          const char           *name,
                          GlossaSchema         *schema,
                          GlossaFormatSummary  *out,
                          GError              **error)
{
  JsonObject *object;
  JsonNode *node;
  JsonArray *spans;
  const char *status = NULL;

  memset (out, 0, sizeof *out);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: expected a JSON object, found %s", name, _glossa_format_node_kind (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "status");
  if (_glossa_format_node_is_string (node))
    status = json_node_get_string (node);
  if (node == NULL || !glossa_status_from_string (status, &out->status))
    {
      if (node == NULL)
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     "%s: status: missing (todo, in-progress or done is required)", name);
      else if (status == NULL)
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     "%s: status: expected a string, found %s", name, _glossa_format_node_kind (node));
      else
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     "%s: status: unknown status “%s” (expected todo, in-progress or done)",
                     name, status);
      return FALSE;
    }

  node = json_object_get_member (object, "spans");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   node ? "%s: spans: expected an array, found %s" : "%s: spans: missing%s",
                   name, node ? _glossa_format_node_kind (node) : " (an array is required)");
      return FALSE;
    }
  spans = json_node_get_array (node);
  out->n_spans = json_array_get_length (spans);

  for (guint i = 0; i < out->n_spans; i++)
    {
      JsonNode *span = json_array_get_element (spans, i);
      JsonNode *label = NULL;
      GlossaLabel value;

      if (JSON_NODE_HOLDS_OBJECT (span))
        label = json_object_get_member (json_node_get_object (span), "label");
      if (!_glossa_format_node_is_string (label) ||
          !glossa_label_from_string (json_node_get_string (label), &value))
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("%s: spans[%u].label: expected a label name"), name, i);
          glossa_label_counts_clear (&out->labels);
          return FALSE;
        }
      if (glossa_schema_label_index (schema, value) < 0)
        {
          g_autofree char *field = g_strdup_printf ("spans[%u].label", i);

          glossa_label_counts_clear (&out->labels);
          return glossa_schema_check_label (schema, value, name, field, error);
        }
      glossa_label_counts_add (&out->labels, value, 1);
    }

  node = json_object_get_member (object, "document");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *date = json_object_get_member (json_node_get_object (node), "date");

      if (_glossa_format_node_is_string (date))
        out->date = g_strdup (json_node_get_string (date));
    }

  return TRUE;
}

gboolean
glossa_annotations_count (const char              *data,
                          gsize                    len,
                          const char              *name,
                          GlossaSchema            *schema,
                          GlossaAnnotationCounts  *counts,
                          GError                 **error)
{
  g_autoptr(JsonNode) root = NULL;
  GlossaFormatSummary summary;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!(root = glossa_json_parse (data, len, name, error)) ||
      !_glossa_format_summarize (root, name, schema, &summary, error))
    return FALSE;

  counts->status = summary.status;
  counts->n_spans = summary.n_spans;
  glossa_label_counts_copy (&counts->labels, &summary.labels);
  _glossa_format_summary_clear (&summary);
  return TRUE;
}

static gboolean
read_annotation_spans (JsonObject     *object,
                       GlossaArticle  *article,
                       const char     *name,
                       GPtrArray      *spans,
                       GError        **error)
{
  return glossa_format_spans_from_json (json_object_get_member (object, "spans"), article, 0,
                                        name, spans, error);
}

static gboolean read_annotation_v2 (JsonObject         *object,
                                    GlossaAnnotations  *annotations,
                                    const char         *name,
                                    GError            **error);

static const char * const annotation_members[] = { "id", "status", "annotator", "spans", "relations", NULL };

/* Reads an article's line of FILE.annotations.jsonl, checked against the
 * article as strictly as an annotation file.
 */
GlossaAnnotations *
_glossa_format_read_annotation_line (GlossaSchema   *schema,
                                     const char     *line,
                                     gsize           len,
                                     const char     *display,
                                     guint           line_no,
                                     GlossaArticle  *article,
                                     GError        **error)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", display, line_no);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  GlossaFormatSummary summary;
  JsonObject *object;
  JsonNode *annotator;

  if (!(root = glossa_json_parse_line (line, len, display, line_no, error)) ||
      !_glossa_format_summarize (root, name, schema, &summary, error))
    return NULL;
  object = json_node_get_object (root);
  annotations->status = summary.status;
  _glossa_format_summary_clear (&summary);

  annotator = json_object_get_member (object, "annotator");
  if (annotator != NULL && !JSON_NODE_HOLDS_NULL (annotator))
    {
      if (!_glossa_format_node_is_string (annotator))
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       "%s: annotator: expected a string, found %s", name,
                       _glossa_format_node_kind (annotator));
          return NULL;
        }
      g_free (annotations->annotator);
      annotations->annotator = g_strdup (json_node_get_string (annotator));
    }

  if (!read_annotation_spans (object, article, name, annotations->spans, error) ||
      !glossa_format_check_labels (annotations->spans, schema, name, "spans", error))
    return NULL;
  glossa_schema_unref (annotations->schema);
  annotations->schema = glossa_schema_ref (schema);
  if (!read_annotation_v2 (object, annotations, name, error))
    return NULL;

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (annotation_members, l->data))
        continue;
      if (annotations->extra == NULL)
        annotations->extra = json_object_new ();
      json_object_set_member (annotations->extra, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
    }

  return g_steal_pointer (&annotations);
}

/* Format v2 in a line: the spans' attributes against the schema (named by
 * their sorted place, as their labels are), and the links.
 */
static gboolean
read_annotation_v2 (JsonObject         *object,
                    GlossaAnnotations  *annotations,
                    const char         *name,
                    GError            **error)
{
  for (guint i = 0; i < annotations->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);
      g_autoptr(GList) members = NULL;

      if (span->attributes == NULL)
        continue;
      members = json_object_get_members (span->attributes);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *field = g_strdup_printf ("spans[%u].attributes.%s", i,
                                                    (const char *) l->data);

          if (!glossa_format_check_attribute (annotations->schema, span->label, l->data,
                                              json_object_get_member (span->attributes, l->data),
                                              name, field, error))
            return FALSE;
        }
    }
  return glossa_format_relations_from_json (json_object_get_member (object, "relations"),
                                            annotations->spans, annotations->schema, name,
                                            annotations->relations, error);
}

/* Format v2: the links after the spans, only when there are some. */
static void
write_annotation_relations (GString                 *out,
                            const GlossaAnnotations *annotations)
{
  if (annotations->relations == NULL || annotations->relations->len == 0)
    return;
  g_string_append (out, ", \"relations\": [");
  for (guint i = 0; i < annotations->relations->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      glossa_format_write_relation (out, g_ptr_array_index (annotations->relations, i), -1);
    }
  g_string_append_c (out, ']');
}

/* One line of FILE.annotations.jsonl: id, status, annotator, spans, then
 * unknown members as they were read.
 */
GBytes *
_glossa_format_write_annotation_line (const char              *id,
                       const GlossaAnnotations *annotations)
{
  GString *out = g_string_new ("{\"id\": ");

  glossa_json_write_string (out, id);
  g_string_append (out, ", \"status\": ");
  glossa_json_write_string (out, glossa_status_to_string (annotations->status));
  g_string_append (out, ", \"annotator\": ");
  glossa_json_write_string (out, annotations->annotator ? annotations->annotator : "");
  g_string_append (out, ", \"spans\": [");
  for (guint i = 0; i < annotations->spans->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      glossa_format_write_span (out, g_ptr_array_index (annotations->spans, i), -1);
    }
  g_string_append_c (out, ']');
  write_annotation_relations (out, annotations);

  if (annotations->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (annotations->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_string_append (out, ", ");
          glossa_json_write_string (out, l->data);
          g_string_append (out, ": ");
          glossa_json_write (out, json_object_get_member (annotations->extra, l->data), -1);
        }
    }
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}
