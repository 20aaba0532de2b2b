/* glossa-import.c: reading datasets (JSONL, doccano, Label Studio; brat in glossa-import-brat.c)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-import.h"
#include "glossa-import-private.h"
#include "glossa-json.h"
#include "glossa-output.h"
#include "glossa-storage.h"

/* Import happens in two steps. Each reader turns its format into GlossaRawDocs,
 * whose spans still have foreign labels and offsets in the input's unit;
 * then the labels are checked all at once (so that every unknown label is
 * listed, with its count, before anything is written) and the spans are
 * converted and checked against their text.
 */

static const char * const format_names[] = { "jsonl", "doccano", "label-studio", "brat" };

gboolean
glossa_import_format_from_string (const char         *str,
                                  GlossaImportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (str, format_names[i]) == 0)
        {
          *format = (GlossaImportFormat) i;
          return TRUE;
        }
    }
  if (g_strcmp0 (str, "labelstudio") == 0)
    {
      *format = GLOSSA_IMPORT_LABEL_STUDIO;
      return TRUE;
    }
  return FALSE;
}

GlossaOffsets
glossa_import_default_offsets (GlossaImportFormat format)
{
  return format == GLOSSA_IMPORT_DOCCANO ? GLOSSA_OFFSETS_UTF16 : GLOSSA_OFFSETS_CODEPOINT;
}

/* Whether @name is one of the built-in schema's labels, which is what an
 * import writes.
 */
static gboolean
is_builtin_label (const char *name)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();
  GlossaLabel label;

  return glossa_label_from_string (name, &label) && glossa_schema_label_index (schema, label) >= 0;
}

gboolean
glossa_import_add_mapping (GHashTable  *map,
                           const char  *mapping,
                           GError     **error)
{
  const char *eq = strrchr (mapping, '=');

  if (eq == NULL || eq == mapping || !is_builtin_label (eq + 1))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   "--map: “%s” is not FOREIGN=LABEL with LABEL one of actor, quote, claim, date",
                   mapping);
      return FALSE;
    }
  g_hash_table_insert (map, g_strndup (mapping, eq - mapping), g_strdup (eq + 1));
  return TRUE;
}

gboolean
glossa_import_add_link_mapping (GHashTable  *link_map,
                                const char  *mapping,
                                GError     **error)
{
  const char *eq = strrchr (mapping, '=');
  const char *gt = strchr (mapping, '>');

  if (eq == NULL || eq == mapping || eq[1] == '\0' || strchr (eq + 1, '>') != NULL ||
      (gt != NULL && (gt == mapping || gt + 1 == eq || strchr (gt + 1, '>') != NULL)))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   "--map-link: “%s” is not FOREIGN=TYPE (a brat relation or Label Studio label, "
                   "e.g. Said=source) or ROLE>ROLE=TYPE (a brat event's arguments, e.g. "
                   "Content>Source=source)", mapping);
      return FALSE;
    }
  g_hash_table_insert (link_map, g_strndup (mapping, eq - mapping), g_strdup (eq + 1));
  return TRUE;
}

void
glossa_import_report_clear (GlossaImportReport *report)
{
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

void
_glossa_import_warn (GlossaImportReport *report,
                     const char         *format,
                     ...)
{
  va_list args;

  if (report->warnings == NULL)
    report->warnings = g_ptr_array_new_with_free_func (g_free);
  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
clear_raw_span (gpointer data)
{
  GlossaRawSpan *span = data;

  g_free (span->label);
  g_free (span->text);
  g_free (span->note);
  g_free (span->where);
  g_free (span->id);
  g_free (span->value_source);
}

static void
clear_raw_link (gpointer data)
{
  GlossaRawLink *link = data;

  g_free (link->type);
  g_free (link->from);
  g_free (link->to);
  g_free (link->where);
  g_free (link->field);
}

static void
clear_raw_attribute (gpointer data)
{
  GlossaRawAttribute *attribute = data;

  g_free (attribute->span_id);
  g_free (attribute->name);
  g_clear_pointer (&attribute->value, json_node_unref);
  g_free (attribute->where);
}

static void
raw_doc_free (gpointer data)
{
  GlossaRawDoc *doc = data;

  g_free (doc->id);
  g_free (doc->text);
  g_free (doc->date);
  g_free (doc->annotator);
  g_free (doc->where);
  g_array_unref (doc->spans);
  g_array_unref (doc->links);
  g_array_unref (doc->attributes);
  g_clear_pointer (&doc->by_id, g_hash_table_unref);
  g_clear_pointer (&doc->not_spans, g_hash_table_unref);
  g_free (doc);
}

GlossaRawDoc *
_glossa_raw_doc_new (const char *where)
{
  GlossaRawDoc *doc = g_new0 (GlossaRawDoc, 1);

  doc->where = g_strdup (where);
  doc->status = GLOSSA_STATUS_TODO;
  doc->spans = g_array_new (FALSE, TRUE, sizeof (GlossaRawSpan));
  g_array_set_clear_func (doc->spans, clear_raw_span);
  doc->links = g_array_new (FALSE, TRUE, sizeof (GlossaRawLink));
  g_array_set_clear_func (doc->links, clear_raw_link);
  doc->attributes = g_array_new (FALSE, TRUE, sizeof (GlossaRawAttribute));
  g_array_set_clear_func (doc->attributes, clear_raw_attribute);
  return doc;
}

void
_glossa_raw_doc_add_link (GlossaRawDoc *doc,
                          const char   *type,
                          const char   *from,
                          const char   *to,
                          const char   *where,
                          const char   *field)
{
  GlossaRawLink link = { g_strdup (type), g_strdup (from), g_strdup (to), g_strdup (where), g_strdup (field) };

  g_array_append_val (doc->links, link);
}

/* Takes @value. */
void
_glossa_raw_doc_add_attribute (GlossaRawDoc *doc,
                               const char   *span_id,
                               const char   *name,
                               JsonNode     *value,
                               const char   *where,
                               gboolean      from_note)
{
  GlossaRawAttribute attribute = { g_strdup (span_id), g_strdup (name), value, g_strdup (where), from_note };

  g_array_append_val (doc->attributes, attribute);
}

/* The index of the first span the input calls @id, or -1. Built once the
 * reader is done, so that links and attributes resolve in constant time.
 */
static int
raw_doc_find (GlossaRawDoc *doc,
              const char   *id)
{
  if (doc->by_id == NULL)
    {
      doc->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = doc->spans->len; i > 0; i--)
        {
          GlossaRawSpan *span = &g_array_index (doc->spans, GlossaRawSpan, i - 1);

          if (span->id != NULL)
            g_hash_table_insert (doc->by_id, span->id, GUINT_TO_POINTER (i));
        }
    }
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (doc->by_id, id)) - 1;
}

/* The last span added: the readers give it its id and attributes. */
GlossaRawSpan *
_glossa_raw_doc_last_span (GlossaRawDoc *doc)
{
  return &g_array_index (doc->spans, GlossaRawSpan, doc->spans->len - 1);
}

void
_glossa_raw_doc_add_span (GlossaRawDoc *doc,
                          gint64        start,
                          gint64        end,
                          const char   *label,
                          const char   *text,
                          const char   *note,
                          char         *where)
{
  GlossaRawSpan span = { start, end, g_strdup (label), g_strdup (text), g_strdup (note), where };

  g_array_append_val (doc->spans, span);
}

int
_glossa_import_compare_strings (gconstpointer a,
                                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A span may carry several notes (brat lets each annotator add one): all
 * are kept, in file order, one per line of the span's note.
 */
void
_glossa_import_append_note (char       **note,
                            const char  *more)
{
  char *joined;

  if (*note == NULL)
    {
      *note = g_strdup (more);
      return;
    }
  joined = g_strconcat (*note, "\n", more, NULL);
  g_free (*note);
  *note = joined;
}

gboolean
_glossa_import_fail (GError     **error,
                     const char  *where,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

/* JSON helpers: the readers accept only what the formats say. */

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
get_integer (JsonObject  *object,
             const char  *name,
             const char  *where,
             gint64      *value,
             GError     **error)
{
  JsonNode *node = member (object, name);

  if (!is_integer (node))
    return _glossa_import_fail (error, where, "“%s” must be an integer", name);
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char  *where,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_string (node))
    return _glossa_import_fail (error, where, "“%s” must be a string", name);
  *value = json_node_get_string (node);
  return TRUE;
}

/* An id may be a string or an integer (doccano and Label Studio number
 * their documents); without one, the line number names the document.
 */
static char *
get_id (JsonObject *object,
        const char *name,
        guint       fallback)
{
  JsonNode *node = member (object, name);

  if (is_string (node) && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  if (is_integer (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup_printf ("document-%u", fallback);
}

/* A span's or link's id, as the formats write it: a non-empty string or
 * an integer (doccano's). Absent or null gives NULL.
 */
static gboolean
get_optional_id (JsonObject  *object,
                 const char  *name,
                 const char  *where,
                 char       **value,
                 GError     **error)
{
  JsonNode *node = member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (is_integer (node))
    *value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (is_string (node) && *json_node_get_string (node) != '\0')
    *value = g_strdup (json_node_get_string (node));
  else
    return _glossa_import_fail (error, where, "“%s” must be a non-empty string or an integer", name);
  return TRUE;
}

/* Links and attributes name spans by id: with two spans of one id, which
 * one a link is to is a guess. @seen maps each id to where it was first.
 */
static gboolean
check_unique_id (GHashTable  *seen,
                 const char  *id,
                 const char  *where,
                 GError     **error)
{
  const char *first;

  if (id == NULL)
    return TRUE;
  if ((first = g_hash_table_lookup (seen, id)) != NULL)
    return _glossa_import_fail (error, where, _("“%s” is already the id of %s; ids must be unique in a document"),
                                id, first);
  g_hash_table_insert (seen, g_strdup (id), g_strdup (where));
  return TRUE;
}

/* "attributes": {"NAME": "value" or true/false}, of the span just added. */
static gboolean
read_span_attributes (GlossaRawDoc *doc,
                      JsonObject   *span,
                      const char   *where,
                      GError      **error)
{
  JsonNode *node = member (span, "attributes");
  g_autoptr(GList) names = NULL;
  GlossaRawSpan *raw = _glossa_raw_doc_last_span (doc);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _glossa_import_fail (error, where, "“attributes” must be an object");
  names = json_object_get_members (json_node_get_object (node));
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (node), l->data);
      g_autofree char *at = g_strdup_printf ("%s.attributes.%s", where, (const char *) l->data);

      if (!is_string (value) && !(JSON_NODE_HOLDS_VALUE (value) &&
                                  json_node_get_value_type (value) == G_TYPE_BOOLEAN))
        return _glossa_import_fail (error, at, "must be a string or true or false");
      if (raw->id == NULL)
        return _glossa_import_fail (error, where, "a span with attributes needs an “id”");
      _glossa_raw_doc_add_attribute (doc, raw->id, l->data, json_node_copy (value), at, FALSE);
    }
  return TRUE;
}

/* A list of links whose ends are named by span ids, each {"type",
 * @from_member, @to_member}; @missing is the message for one that lacks
 * any of them.
 */
static gboolean
read_relation_list (GlossaRawDoc *doc,
                    JsonNode     *relations,
                    const char   *from_member,
                    const char   *to_member,
                    const char   *missing,
                    GError      **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (relations))
    return _glossa_import_fail (error, doc->where, "“relations” must be an array");

  array = json_node_get_array (relations);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("relations[%u]", i);
      g_autofree char *where = g_strdup_printf ("%s: %s", doc->where, field);
      g_autofree char *from = NULL, *to = NULL;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _glossa_import_fail (error, where, "must be an object");
      if (!get_optional_string (json_node_get_object (node), "type", where, &type, error) ||
          !get_optional_id (json_node_get_object (node), from_member, where, &from, error) ||
          !get_optional_id (json_node_get_object (node), to_member, where, &to, error))
        return FALSE;
      if (type == NULL || *type == '\0' || from == NULL || to == NULL)
        return _glossa_import_fail (error, where, "%s", missing);
      _glossa_raw_doc_add_link (doc, type, from, to, doc->where, field);
    }
  return TRUE;
}

/* "relations": [{"id", "type", "from", "to"}], ends named by span ids: our
 * JSONL export's links, which are annotation files' own.
 */
static gboolean
read_jsonl_relations (GlossaRawDoc *doc,
                      JsonNode     *relations,
                      GError      **error)
{
  if (relations == NULL || JSON_NODE_HOLDS_NULL (relations))
    return TRUE;
  return read_relation_list (doc, relations, "from", "to", "a link needs “type”, “from” and “to”", error);
}

static gboolean
set_text (GlossaRawDoc *doc,
          JsonNode     *node,
          const char   *name,
          GError      **error)
{
  if (!is_string (node))
    return _glossa_import_fail (error, doc->where, "“%s” must be a string", name);
  doc->text = g_strdup (json_node_get_string (node));
  doc->len = strlen (doc->text);
  return TRUE;
}

/* The members of a list of spans, as JSONL writes them ("spans":
 * [{"start", "end", "label", "text", "note", "id", "value_source",
 * "attributes"}]) and as doccano does ("entities": [{"start_offset",
 * "end_offset", "label", "id"}]): one reader for both.
 */
typedef struct
{
  const char *list;   /* the list's member name, for messages */
  const char *start;
  const char *end;
  gboolean    jsonl;  /* with JSONL's text, note, value_source and attributes */
} SpanMembers;

static const SpanMembers jsonl_spans = { "spans", "start", "end", TRUE };
static const SpanMembers doccano_entities = { "entities", "start_offset", "end_offset", FALSE };

/* One span of the list; @seen has the ids of those before it. */
static gboolean
read_span (GlossaRawDoc       *doc,
           JsonObject         *span,
           const char         *where,
           const SpanMembers  *members,
           GHashTable         *seen,
           GError            **error)
{
  const char *label, *text = NULL, *note = NULL, *value_source = NULL;
  g_autofree char *id = NULL;
  gint64 start, end;

  if (!get_integer (span, members->start, where, &start, error) ||
      !get_integer (span, members->end, where, &end, error) ||
      !get_optional_string (span, "label", where, &label, error) ||
      (members->jsonl && (!get_optional_string (span, "text", where, &text, error) ||
                          !get_optional_string (span, "note", where, &note, error))) ||
      !get_optional_id (span, "id", where, &id, error) ||
      (members->jsonl && !get_optional_string (span, "value_source", where, &value_source, error)) ||
      !check_unique_id (seen, id, where, error))
    return FALSE;
  if (label == NULL)
    return _glossa_import_fail (error, where, "“label” must be a string");
  /* The loader takes only these two: anything else would make a file
   * that does not load. */
  if (value_source != NULL && g_strcmp0 (value_source, "auto") != 0 &&
      g_strcmp0 (value_source, "annotator") != 0)
    return _glossa_import_fail (error, where, _("“value_source” must be \"auto\" or \"annotator\""));
  _glossa_raw_doc_add_span (doc, start, end, label, text, note, g_strdup (where));
  _glossa_raw_doc_last_span (doc)->id = g_steal_pointer (&id);
  _glossa_raw_doc_last_span (doc)->value_source = g_strdup (value_source);
  return !members->jsonl || read_span_attributes (doc, span, where, error);
}

static gboolean
read_span_list (GlossaRawDoc       *doc,
                JsonNode           *list,
                const SpanMembers  *members,
                GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (list))
    return _glossa_import_fail (error, doc->where, "“%s” must be an array", members->list);

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s: %s[%u]", doc->where, members->list, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _glossa_import_fail (error, where, "must be an object");
      if (!read_span (doc, json_node_get_object (node), where, members, seen, error))
        return FALSE;
    }
  return TRUE;
}

/* JSONL: our own export, or any lines with "id", "text" and "spans". */
static gboolean
read_jsonl_object (GlossaRawDoc *doc,
                   JsonObject   *object,
                   guint         line_no,
                   GError      **error)
{
  const char *date, *status, *annotator;
  JsonNode *spans = member (object, "spans");

  doc->id = get_id (object, "id", line_no);
  if (!set_text (doc, member (object, "text"), "text", error) ||
      !get_optional_string (object, "date", doc->where, &date, error) ||
      !get_optional_string (object, "status", doc->where, &status, error) ||
      !get_optional_string (object, "annotator", doc->where, &annotator, error))
    return FALSE;

  /* A date the loader would refuse fails the import here, naming the
   * line, rather than being written into a file that then never opens.
   */
  if (date != NULL && !glossa_format_check_date (date, doc->where, "date", error))
    return FALSE;
  doc->date = g_strdup (date);
  doc->annotator = g_strdup (annotator);
  if (status != NULL && !glossa_format_check_status (status, &doc->status, doc->where, "status", error))
    return FALSE;

  if (spans == NULL || JSON_NODE_HOLDS_NULL (spans))
    return TRUE;
  if (!read_span_list (doc, spans, &jsonl_spans, error))
    return FALSE;
  return read_jsonl_relations (doc, member (object, "relations"), error);
}

/* doccano: {"text", "label": [[start, end, "LABEL"], …]} or, from its
 * newer exports, {"text", "entities": [{"start_offset", "end_offset",
 * "label"}, …]}.
 */
static gboolean
read_doccano_labels (GlossaRawDoc *doc,
                     JsonNode     *labels,
                     GError      **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (labels))
    return _glossa_import_fail (error, doc->where, "“label” must be an array of [start, end, \"LABEL\"]");

  array = json_node_get_array (labels);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s: label[%u]", doc->where, i);
      JsonArray *triple;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 3)
        return _glossa_import_fail (error, where,
                                    "expected [start, end, \"LABEL\"] (document labels are not spans)");
      triple = json_node_get_array (node);
      if (!is_integer (json_array_get_element (triple, 0)) ||
          !is_integer (json_array_get_element (triple, 1)) ||
          !is_string (json_array_get_element (triple, 2)))
        return _glossa_import_fail (error, where, "expected [start, end, \"LABEL\"]");
      _glossa_raw_doc_add_span (doc, json_array_get_int_element (triple, 0),
                                json_array_get_int_element (triple, 1),
                                json_array_get_string_element (triple, 2), NULL, NULL,
                                g_steal_pointer (&where));
    }
  return TRUE;
}

/* doccano's relations: [{"id", "from_id", "to_id", "type"}], ends named by
 * the entities' ids.
 */
static gboolean
read_doccano_relations (GlossaRawDoc *doc,
                        JsonNode     *relations,
                        GError      **error)
{
  return read_relation_list (doc, relations, "from_id", "to_id",
                             "a relation needs “from_id”, “to_id” and “type”", error);
}

/* doccano: {"text", "label": [[start, end, "LABEL"], …]} or, from its
 * newer exports, {"text", "entities": [{"start_offset", "end_offset",
 * "label"}, …]}. A line with both (a project converted by hand, or a tool
 * writing both shapes) keeps the spans of both: nothing is dropped, and
 * spans given in both shapes are counted once, as duplicates.
 */
static gboolean
read_doccano_object (GlossaRawDoc       *doc,
                     JsonObject         *object,
                     guint               line_no,
                     GlossaImportReport *report,
                     GError            **error)
{
  JsonNode *text = member (object, "text");
  JsonNode *labels = member (object, "label");
  JsonNode *entities = member (object, "entities");
  JsonNode *relations = member (object, "relations");
  guint n_labels;

  if (text == NULL)
    text = member (object, "data");
  doc->id = get_id (object, "id", line_no);
  if (!set_text (doc, text, "text", error))
    return FALSE;

  if (labels != NULL && !read_doccano_labels (doc, labels, error))
    return FALSE;
  n_labels = doc->spans->len;
  if (relations != NULL && !JSON_NODE_HOLDS_NULL (relations) &&
      !read_doccano_relations (doc, relations, error))
    return FALSE;
  if (entities == NULL)
    return TRUE;
  if (!read_span_list (doc, entities, &doccano_entities, error))
    return FALSE;

  if (labels != NULL)
    _glossa_import_warn (report, _("%s: both “label” and “entities”; the spans of both were imported "
                                   "(%u and %u, each span once)"),
                         doc->where, n_labels, doc->spans->len - n_labels);
  return TRUE;
}

static gboolean
read_lines (GFile               *input,
            GlossaImportFormat   format,
            GPtrArray           *docs,
            GlossaImportReport  *report,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (input);
  const char *p, *end;
  gsize len;
  guint line_no = 0;

  if (!glossa_storage_read_file (input, GLOSSA_STORAGE_READ_LIMIT, &data, &len, NULL, cancellable, error))
    return FALSE;
  if (!g_utf8_validate_len (data, len, NULL))
    return _glossa_import_fail (error, name, "not valid UTF-8");

  for (p = data, end = data + len; p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *where = NULL;
      GlossaRawDoc *doc;
      gboolean ok;

      line_no++;
      if (line_end > p && line_end[-1] == '\r')
        line_end--;

      if (line_end > p && strspn (p, " \t") < (gsize) (line_end - p))
        {
          node = glossa_json_parse_line (p, line_end - p, name, line_no, error);
          if (node == NULL)
            return FALSE;
          where = g_strdup_printf ("%s:%u", name, line_no);
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return _glossa_import_fail (error, where, "expected an object");

          doc = _glossa_raw_doc_new (where);
          g_ptr_array_add (docs, doc);
          if (format == GLOSSA_IMPORT_DOCCANO)
            ok = read_doccano_object (doc, json_node_get_object (node), line_no, report, error);
          else
            ok = read_jsonl_object (doc, json_node_get_object (node), line_no, error);
          if (!ok)
            return FALSE;
        }

      p = nl != NULL ? nl + 1 : end;
    }

  return TRUE;
}

/* A relation links two regions ("from_id", "to_id"). */
static gboolean
is_relation (JsonObject *result)
{
  JsonNode *type = member (result, "type");

  return is_string (type) && strcmp (json_node_get_string (type), "relation") == 0;
}

/* {"type": "relation", "from_id", "to_id", "direction", "labels"}: one link
 * per label, from the region "from_id" unless the direction is "left". A
 * relation without labels has the type "relation", for --map-link.
 */
static gboolean
read_label_studio_relation (GlossaRawDoc *doc,
                            JsonObject   *result,
                            const char   *at,
                            GError      **error)
{
  g_autofree char *from = NULL, *to = NULL;
  JsonNode *labels = member (result, "labels");
  const char *direction;
  JsonArray *array;
  gboolean left;

  if (!get_optional_id (result, "from_id", at, &from, error) ||
      !get_optional_id (result, "to_id", at, &to, error) ||
      !get_optional_string (result, "direction", at, &direction, error))
    return FALSE;
  if (from == NULL || to == NULL)
    return _glossa_import_fail (error, at, "a relation needs “from_id” and “to_id”");
  left = g_strcmp0 (direction, "left") == 0;
  if (labels == NULL || JSON_NODE_HOLDS_NULL (labels) ||
      (JSON_NODE_HOLDS_ARRAY (labels) && json_array_get_length (json_node_get_array (labels)) == 0))
    {
      _glossa_raw_doc_add_link (doc, "relation", left ? to : from, left ? from : to, at, "relation");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (labels))
    return _glossa_import_fail (error, at, "“labels” must be an array");

  array = json_node_get_array (labels);
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      JsonNode *label = json_array_get_element (array, k);

      if (!is_string (label) || *json_node_get_string (label) == '\0')
        return _glossa_import_fail (error, at, "“labels” must hold non-empty strings");
      _glossa_raw_doc_add_link (doc, json_node_get_string (label), left ? to : from, left ? from : to,
                                at, "relation");
    }
  return TRUE;
}

/* Label Studio's JSON export: an array of tasks, each with "data" holding
 * the text and "annotations", each with a "result" of regions whose
 * "value" has "start", "end", "text" and "labels", and relations between
 * regions by their "id".
 */
static gboolean
read_label_studio_result (GlossaRawDoc *doc,
                          JsonArray    *results,
                          const char   *where,
                          GError      **error)
{
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      g_autofree char *at = g_strdup_printf ("%s.result[%u]", where, i);
      g_autofree char *id = NULL;
      JsonNode *value_node;
      JsonObject *value;
      JsonNode *labels;
      const char *text;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _glossa_import_fail (error, at, "must be an object");
      if (is_relation (json_node_get_object (node)))
        {
          if (!read_label_studio_relation (doc, json_node_get_object (node), at, error))
            return FALSE;
          continue;
        }
      value_node = member (json_node_get_object (node), "value");
      if (value_node == NULL || !JSON_NODE_HOLDS_OBJECT (value_node))
        return _glossa_import_fail (error, at, "“value” must be an object");
      value = json_node_get_object (value_node);
      labels = member (value, "labels");
      /* Regions of other tools (choices, ratings…) have no labels. */
      if (labels == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (labels))
        return _glossa_import_fail (error, at, "“value.labels” must be an array");
      if (!get_integer (value, "start", at, &start, error) ||
          !get_integer (value, "end", at, &end, error) ||
          !get_optional_string (value, "text", at, &text, error) ||
          !get_optional_id (json_node_get_object (node), "id", at, &id, error))
        return FALSE;

      for (guint k = 0; k < json_array_get_length (json_node_get_array (labels)); k++)
        {
          JsonNode *label = json_array_get_element (json_node_get_array (labels), k);

          if (!is_string (label))
            return _glossa_import_fail (error, at, "“value.labels” must hold strings");
          _glossa_raw_doc_add_span (doc, start, end, json_node_get_string (label), text, NULL,
                                    g_strdup_printf ("%s.value", at));
          _glossa_raw_doc_last_span (doc)->id = g_strdup (id);
        }
    }
  return TRUE;
}

static gboolean
read_label_studio_task (GlossaRawDoc       *doc,
                        JsonObject         *task,
                        guint               index,
                        GlossaImportReport *report,
                        GError            **error)
{
  JsonNode *data = member (task, "data");
  JsonNode *annotations = member (task, "annotations");
  JsonNode *text = NULL;
  JsonArray *array;
  guint n_used = 0;

  doc->id = get_id (task, "id", index + 1);
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return _glossa_import_fail (error, doc->where, "“data” must be an object");
  text = member (json_node_get_object (data), "text");
  if (!set_text (doc, text, "data.text", error))
    return FALSE;

  if (annotations == NULL)
    annotations = member (task, "completions");
  if (annotations == NULL || JSON_NODE_HOLDS_NULL (annotations))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (annotations))
    return _glossa_import_fail (error, doc->where, "“annotations” must be an array");

  array = json_node_get_array (annotations);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.annotations[%u]", doc->where, i);
      JsonObject *annotation;
      JsonNode *cancelled, *result;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _glossa_import_fail (error, where, "must be an object");
      annotation = json_node_get_object (node);
      cancelled = member (annotation, "was_cancelled");
      if (cancelled != NULL && JSON_NODE_HOLDS_VALUE (cancelled) &&
          json_node_get_value_type (cancelled) == G_TYPE_BOOLEAN && json_node_get_boolean (cancelled))
        continue;

      /* One annotator per document: the first completed annotation. */
      if (n_used++ > 0)
        continue;
      result = member (annotation, "result");
      if (result == NULL || !JSON_NODE_HOLDS_ARRAY (result))
        return _glossa_import_fail (error, where, "“result” must be an array");
      if (!read_label_studio_result (doc, json_node_get_array (result), where, error))
        return FALSE;
    }

  if (n_used > 1)
    _glossa_import_warn (report, "%s: %u annotations; the first was imported", doc->where, n_used);
  return TRUE;
}

static gboolean
read_label_studio (GFile               *input,
                   GPtrArray           *docs,
                   GlossaImportReport  *report,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (input);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *tasks;
  gsize len;

  if (!glossa_storage_read_file (input, GLOSSA_STORAGE_READ_LIMIT, &data, &len, NULL, cancellable, error))
    return FALSE;
  root = glossa_json_parse (data, len, name, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return _glossa_import_fail (error, name, "expected an array of tasks (Label Studio's JSON export)");

  tasks = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);
      g_autofree char *where = g_strdup_printf ("%s: [%u]", name, i);
      GlossaRawDoc *doc;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _glossa_import_fail (error, where, "a task must be an object");
      doc = _glossa_raw_doc_new (where);
      g_ptr_array_add (docs, doc);
      if (!read_label_studio_task (doc, json_node_get_object (node), i, report, error))
        return FALSE;
    }
  return TRUE;
}

/* Labels */

/* The labelling config's schema; its warnings join the report's. */
static GlossaSchema *
read_ls_config (GFile               *file,
                GlossaImportReport  *report,
                GError             **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize len;

  if (report->warnings == NULL)
    report->warnings = g_ptr_array_new_with_free_func (g_free);
  if (!glossa_storage_read_file (file, GLOSSA_IMPORT_LS_CONFIG_READ_LIMIT, &data, &len, NULL, NULL, error))
    return NULL;
  return _glossa_import_read_ls_config (data, len, name, report->warnings, error);
}

/* With no --map and no --drop-unmapped, the source's labels are kept and
 * become the new corpus's schema.
 */
static gboolean
keeps_labels (const GlossaImportOptions *options)
{
  return (options->map == NULL || g_hash_table_size (options->map) == 0) && !options->drop_unmapped;
}

static const char *
map_label (const GlossaImportOptions *options,
           const char                *label,
           GHashTable                *used)
{
  const char *mapped = options->map != NULL ? g_hash_table_lookup (options->map, label) : NULL;

  if (mapped != NULL)
    {
      if (used != NULL)
        g_hash_table_add (used, (gpointer) label);
      return mapped;
    }
  if (is_builtin_label (label) || (keeps_labels (options) && glossa_label_from_string (label, NULL)))
    return label;
  return NULL;
}

static void
add_schema_label (GlossaSchema *schema,
                  const char   *name)
{
  GlossaLabel label;

  glossa_label_from_string (name, &label);
  if (glossa_schema_find_label (schema, label) == NULL)
    glossa_schema_add_label (schema, glossa_schema_label_new (label, glossa_schema_palette_color (
                                                                glossa_schema_get_n_labels (schema))));
}

/* What import writes must read back: labels that differ only in case
 * ("PER" and "per") are one label to the schema reader, so such a source
 * is refused here, with the reader's words, rather than written broken.
 * Takes @schema.
 */
static GlossaSchema *
check_import_schema (GlossaSchema  *schema,
                     GError       **error)
{
  g_autoptr(GlossaSchema) owned = schema;
  g_autoptr(GBytes) bytes = glossa_schema_to_bytes (schema);
  g_autoptr(GlossaSchema) again = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  again = glossa_schema_parse (data, len, GLOSSA_SCHEMA_FILE_NAME, &local_error);
  if (again == NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "the source's labels cannot make a schema, nothing was written: %s; "
                   "map them with --map LABEL=actor|quote|claim|date", local_error->message);
      return NULL;
    }
  return g_steal_pointer (&owned);
}

static GlossaSchemaAttribute *
find_attribute (const GlossaSchemaLabel *label,
                const char              *name)
{
  for (guint i = 0; label != NULL && i < label->attributes->len; i++)
    {
      GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, i);

      if (g_str_equal (attribute->name, name))
        return attribute;
    }
  return NULL;
}

/* Adds a copy of @attribute to @label unless it has one of that name. */
static void
add_attribute_copy (const GlossaSchemaLabel     *label,
                    const GlossaSchemaAttribute *attribute)
{
  GlossaSchemaAttribute *copy;

  if (label == NULL || find_attribute (label, attribute->name) != NULL)
    return;
  copy = glossa_schema_attribute_new (attribute->name, attribute->type);
  copy->choices = g_strdupv (attribute->choices);
  copy->description = g_strdup (attribute->description);
  g_ptr_array_add (label->attributes, copy);
}

static gboolean
has_all_labels (GlossaSchema *schema,
                GArray       *labels)
{
  for (guint i = 0; i < labels->len; i++)
    if (glossa_schema_find_label (schema, g_array_index (labels, GlossaLabel, i)) == NULL)
      return FALSE;
  return TRUE;
}

/* Adds a link type named @name, as @like has it if its labels are all in
 * @schema, else with any labels at either end.
 */
static void
add_relation_like (GlossaSchema               *schema,
                   const char                 *name,
                   const GlossaSchemaRelation *like)
{
  GlossaSchemaRelation *relation;

  if (glossa_schema_find_relation (schema, name) != NULL)
    return;
  relation = glossa_schema_relation_new (name);
  if (like != NULL && has_all_labels (schema, like->from) && has_all_labels (schema, like->to))
    {
      g_array_append_vals (relation->from, like->from->data, like->from->len);
      g_array_append_vals (relation->to, like->to->data, like->to->len);
    }
  glossa_schema_add_relation (schema, relation);
}

/* A built-in label keeps the built-in attributes (a date its value). */
static void
add_builtin_attributes (GlossaSchema *schema)
{
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);
      const GlossaSchemaLabel *same = glossa_schema_find_label (builtin, label->name);

      for (guint a = 0; same != NULL && a < same->attributes->len; a++)
        add_attribute_copy (label, g_ptr_array_index (same->attributes, a));
    }
}

static void
add_conf_parts (GlossaSchema   *schema,
                GlossaBratConf *conf)
{
  for (guint i = 0; i < conf->relations->len; i++)
    add_relation_like (schema, ((GlossaSchemaRelation *) g_ptr_array_index (conf->relations, i))->name,
                       g_ptr_array_index (conf->relations, i));

  for (guint i = 0; i < conf->attributes->len; i++)
    {
      GStrv names = g_ptr_array_index (conf->attribute_labels, i);

      for (guint k = 0; k < glossa_schema_get_n_labels (schema); k++)
        {
          const GlossaSchemaLabel *label = glossa_schema_get_label (schema, k);

          if (names == NULL || g_strv_contains ((const char * const *) names, "<ENTITY>") ||
              g_strv_contains ((const char * const *) names, glossa_label_to_string (label->name)))
            add_attribute_copy (label, g_ptr_array_index (conf->attributes, i));
        }
    }
}

#define MAX_SEEN_CHOICES 100

/* An attribute no file declares takes its type from its values: true or
 * false a flag, brat's values a choice of those seen (free text beyond
 * MAX_SEEN_CHOICES of them), any other string free text.
 */
static void
add_seen_attribute (GlossaSchema       *schema,
                    GlossaLabel         name,
                    GlossaRawAttribute *raw,
                    gboolean            choice)
{
  const GlossaSchemaLabel *label = glossa_schema_find_label (schema, name);
  GlossaSchemaAttribute *attribute = find_attribute (label, raw->name);
  gboolean boolean = json_node_get_value_type (raw->value) == G_TYPE_BOOLEAN;

  if (label == NULL || raw->from_note)
    return;
  if (attribute == NULL)
    {
      attribute = glossa_schema_attribute_new (raw->name, boolean ? GLOSSA_ATTRIBUTE_BOOLEAN
                                                          : choice ? GLOSSA_ATTRIBUTE_CHOICE
                                                                   : GLOSSA_ATTRIBUTE_TEXT);
      attribute->choices = choice && !boolean ? g_new0 (char *, 1) : NULL;
      g_ptr_array_add (label->attributes, attribute);
    }
  if (attribute->type == GLOSSA_ATTRIBUTE_CHOICE && !boolean &&
      !g_strv_contains ((const char * const *) attribute->choices, json_node_get_string (raw->value)))
    {
      guint n = g_strv_length (attribute->choices);

      /* Hundreds of values are no choice an annotator makes from a list,
       * and a list that grew without end would cost its square to build.
       */
      if (n >= MAX_SEEN_CHOICES)
        {
          attribute->type = GLOSSA_ATTRIBUTE_TEXT;
          g_clear_pointer (&attribute->choices, g_strfreev);
          return;
        }
      attribute->choices = g_renew (char *, attribute->choices, n + 2);
      attribute->choices[n] = g_strdup (json_node_get_string (raw->value));
      attribute->choices[n + 1] = NULL;
    }
}

static const char *
map_link_type (const GlossaImportOptions *options,
               const char                *type)
{
  const char *mapped = options->link_map != NULL ? g_hash_table_lookup (options->link_map, type) : NULL;

  return mapped != NULL ? mapped : type;
}

static void
add_seen_parts (GlossaSchema              *schema,
                GPtrArray                 *docs,
                const GlossaImportOptions *options)
{
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();

  for (guint i = 0; i < docs->len; i++)
    {
      GlossaRawDoc *doc = g_ptr_array_index (docs, i);

      for (guint k = 0; k < doc->links->len; k++)
        {
          const char *type = map_link_type (options, g_array_index (doc->links, GlossaRawLink, k).type);

          add_relation_like (schema, type, glossa_schema_find_relation (builtin, type));
        }
      for (guint k = 0; k < doc->attributes->len; k++)
        {
          GlossaRawAttribute *raw = &g_array_index (doc->attributes, GlossaRawAttribute, k);
          int index = raw_doc_find (doc, raw->span_id);
          GlossaLabel label;

          if (index >= 0 &&
              glossa_label_from_string (g_array_index (doc->spans, GlossaRawSpan, index).label, &label))
            add_seen_attribute (schema, label, raw, options->format == GLOSSA_IMPORT_BRAT);
        }
    }
}

/* Whether @schema says nothing the built-in schema does not: then the
 * corpus needs no schema file.
 */
static gboolean
fits_builtin (GlossaSchema *schema)
{
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);
      const GlossaSchemaLabel *same = glossa_schema_find_label (builtin, label->name);

      if (same == NULL)
        return FALSE;
      for (guint a = 0; a < label->attributes->len; a++)
        {
          GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, a);
          GlossaSchemaAttribute *known = find_attribute (same, attribute->name);

          if (known == NULL || known->type != attribute->type)
            return FALSE;
        }
    }
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    if (glossa_schema_find_relation (builtin, glossa_schema_get_relation (schema, i)->name) == NULL)
      return FALSE;
  return TRUE;
}

/* The schema of an import that keeps its labels: annotation.conf's labels,
 * then every other label in the order spans first have it; the built-in
 * attributes of built-in labels; the conf's link types and attributes,
 * then those the links and attributes read have. A source that says
 * nothing the built-in schema does not gets the built-in schema, and no
 * schema file. Label Studio's @config (nullable, taken) comes first, as
 * annotation.conf does for brat.
 */
static GlossaSchema *
import_schema (GPtrArray                 *docs,
               GlossaBratConf            *conf,
               GlossaSchema              *config,
               const GlossaImportOptions *options,
               GError                   **error)
{
  g_autoptr(GlossaSchema) given = config;
  g_autoptr(GlossaSchema) schema = given != NULL ? g_steal_pointer (&given)
                                                 : glossa_schema_new (GLOSSA_SCHEMA_FILE_NAME);
  /* A config's colours and keys are worth a file even for built-in labels. */
  gboolean configured = config != NULL;

  if (!keeps_labels (options))
    return glossa_schema_get_default ();

  for (guint i = 0; i < conf->labels->len; i++)
    add_schema_label (schema, g_ptr_array_index (conf->labels, i));
  for (guint i = 0; i < docs->len; i++)
    {
      GlossaRawDoc *doc = g_ptr_array_index (docs, i);

      for (guint k = 0; k < doc->spans->len; k++)
        add_schema_label (schema, g_array_index (doc->spans, GlossaRawSpan, k).label);
    }

  if (glossa_schema_get_n_labels (schema) > GLOSSA_SCHEMA_MAX_LABELS)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%u labels, more than a corpus may have (%d): map them with --map LABEL=actor|quote|claim|date",
                   glossa_schema_get_n_labels (schema), GLOSSA_SCHEMA_MAX_LABELS);
      return NULL;
    }
  add_builtin_attributes (schema);
  add_conf_parts (schema, conf);
  add_seen_parts (schema, docs, options);
  if (!configured && fits_builtin (schema))
    return glossa_schema_get_default ();
  return check_import_schema (g_steal_pointer (&schema), error);
}

typedef struct
{
  const char *label;
  guint       count;
} LabelCount;

static int
compare_label_counts (gconstpointer pa,
                      gconstpointer pb)
{
  const LabelCount *a = pa;
  const LabelCount *b = pb;

  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return strcmp (a->label, b->label);
}

/* A --map rule whose foreign label no span has is most likely misspelt
 * ("Persn=actor"): say so, naming the rule, in a stable order.
 */
static void
warn_unused_rules (const GlossaImportOptions *options,
                   GHashTable                *used,
                   GlossaImportReport        *report)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  if (options->map == NULL)
    return;

  keys = g_hash_table_get_keys_as_array (options->map, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), _glossa_import_compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      if (!g_hash_table_contains (used, keys[i]))
        _glossa_import_warn (report, _("--map %s=%s: no span has the label “%s”; the rule matched nothing"),
                             (const char *) keys[i], (const char *) g_hash_table_lookup (options->map, keys[i]),
                             (const char *) keys[i]);
    }
}

static gboolean
check_labels (GPtrArray                  *docs,
              const GlossaImportOptions  *options,
              GlossaImportReport         *report,
              GError                    **error)
{
  g_autoptr(GHashTable) unknown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (LabelCount));
  g_autoptr(GString) message = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < docs->len; i++)
    {
      GlossaRawDoc *doc = g_ptr_array_index (docs, i);

      for (guint k = 0; k < doc->spans->len; k++)
        {
          const char *label = g_array_index (doc->spans, GlossaRawSpan, k).label;

          if (map_label (options, label, used) == NULL)
            g_hash_table_insert (unknown, (gpointer) label,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (unknown, label)) + 1));
        }
    }

  warn_unused_rules (options, used, report);
  if (g_hash_table_size (unknown) == 0 || options->drop_unmapped)
    return TRUE;

  g_hash_table_iter_init (&iter, unknown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LabelCount count = { key, GPOINTER_TO_UINT (value) };
      g_array_append_val (counts, count);
    }
  g_array_sort (counts, compare_label_counts);

  message = g_string_new ("unknown labels, nothing was written:");
  for (guint i = 0; i < counts->len; i++)
    {
      LabelCount *count = &g_array_index (counts, LabelCount, i);
      g_string_append_printf (message, "%s “%s” (%u)", i > 0 ? "," : "", count->label, count->count);
    }
  g_string_append (message, "; map them with --map LABEL=actor|quote|claim|date, or leave them out with --drop-unmapped");
  g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, message->str);
  return FALSE;
}

/* Spans */

static GlossaSpan *
convert_span (GlossaArticle   *article,
              GlossaOffsetMap *map,
              GlossaOffsets    unit,
              GlossaRawSpan   *raw,
              GlossaLabel      label,
              GError         **error)
{
  g_autofree char *slice = NULL;
  gint64 start, end;
  GlossaSpan *span;

  if (!glossa_offset_map_from_unit (map, raw->start, &start))
    {
      _glossa_import_fail (error, raw->where, "start %" G_GINT64_FORMAT " is not a character position of the text "
                           "in %s offsets (%" G_GINT64_FORMAT " in all)", raw->start,
                           glossa_offsets_to_string (unit),
                           glossa_offset_map_to_unit (map, glossa_article_get_length (article)));
      return NULL;
    }
  if (!glossa_offset_map_from_unit (map, raw->end, &end))
    {
      _glossa_import_fail (error, raw->where, "end %" G_GINT64_FORMAT " is not a character position of the text "
                           "in %s offsets (%" G_GINT64_FORMAT " in all)", raw->end,
                           glossa_offsets_to_string (unit),
                           glossa_offset_map_to_unit (map, glossa_article_get_length (article)));
      return NULL;
    }
  if (end <= start)
    {
      _glossa_import_fail (error, raw->where, "end %" G_GINT64_FORMAT " is not after start %" G_GINT64_FORMAT,
                           raw->end, raw->start);
      return NULL;
    }

  slice = glossa_article_slice (article, start, end);
  if (raw->text != NULL && strcmp (raw->text, slice) != 0)
    {
      _glossa_import_fail (error, raw->where, "the span's text “%s” differs from the text at %" G_GINT64_FORMAT
                           "–%" G_GINT64_FORMAT " in %s offsets, “%s”", raw->text, raw->start, raw->end,
                           glossa_offsets_to_string (unit), slice);
      return NULL;
    }

  span = glossa_span_new (NULL, start, end, label, slice);
  span->origin = GLOSSA_ORIGIN_IMPORTED;
  span->note = g_strdup (raw->note);
  return span;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Sorts, drops repeats of the same (start, end, label), and numbers the
 * spans s1, s2… in file order. A repeat's note is not dropped with it: it
 * joins the note of the span kept, unless that already says the same.
 * @repeats gets each repeat dropped and the span kept instead (the caller
 * holds a reference to each).
 */
static void
finish_spans (GPtrArray          *spans,
              GHashTable         *repeats,
              GlossaImportReport *report)
{
  guint kept = 0;

  g_ptr_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (kept > 0 && glossa_span_same_key (g_ptr_array_index (spans, kept - 1), span))
        {
          GlossaSpan *first = g_ptr_array_index (spans, kept - 1);

          if (span->note != NULL && g_strcmp0 (first->note, span->note) != 0)
            _glossa_import_append_note (&first->note, span->note);
          if (first->attributes == NULL && span->attributes != NULL)
            {
              first->attributes = json_object_ref (span->attributes);
              first->value_source = g_strdup (span->value_source);
            }
          /* Links to the repeat go to the span kept. */
          g_hash_table_insert (repeats, span, first);
          report->n_duplicates++;
          glossa_span_unref (span);
          continue;
        }
      g_free (span->id);
      span->id = g_strdup_printf ("s%u", kept + 1);
      spans->pdata[kept++] = span;
    }
  /* The repeats were released above; shrink without freeing again. */
  g_ptr_array_set_free_func (spans, NULL);
  g_ptr_array_set_size (spans, kept);
  g_ptr_array_set_free_func (spans, (GDestroyNotify) glossa_span_unref);
}

/* The loader's own checks on what is about to be written, so that every
 * importer, present and future, gives only records whose annotation file
 * loads: the readers above check the shape of their format, these the
 * values.
 */
static gboolean
check_record (GlossaRecord  *record,
              const char    *where,
              GError       **error)
{
  if (!glossa_format_check_id (record->id, where, "id", error) ||
      (record->date != NULL && !glossa_format_check_date (record->date, where, "date", error)))
    return FALSE;

  for (guint i = 0; i < record->spans->len; i++)
    {
      g_autofree char *field = g_strdup_printf ("spans[%u]", i);

      if (!glossa_format_check_span (g_ptr_array_index (record->spans, i), record->article, 0,
                                     where, field, error))
        return FALSE;
    }
  return glossa_format_check_spans (record->spans, where, "spans", error);
}

static void
unref_nullable_span (gpointer span)
{
  if (span != NULL)
    glossa_span_unref (span);
}

/* The input's ids of the converted spans: each id to the first span of it
 * that was kept. Among spans of one id (a Label Studio region with two
 * labels) that is the one links and attributes go to.
 */
static GHashTable *
converted_by_id (GlossaRawDoc *doc,
                 GPtrArray    *converted)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const char *id = g_array_index (doc->spans, GlossaRawSpan, i).id;

      if (id != NULL && converted->pdata[i] != NULL && !g_hash_table_contains (by_id, id))
        g_hash_table_insert (by_id, (gpointer) id, converted->pdata[i]);
    }
  return by_id;
}

/* The span the input calls @id once converted: NULL with @missing TRUE if
 * nothing has that id, NULL with @missing FALSE if its label was left out
 * or it is no span (a brat event).
 */
static GlossaSpan *
converted_span (GlossaRawDoc *doc,
                GHashTable   *by_id,
                const char   *id,
                gboolean     *missing)
{
  *missing = raw_doc_find (doc, id) < 0 &&
             (doc->not_spans == NULL || !g_hash_table_contains (doc->not_spans, id));
  return g_hash_table_lookup (by_id, id);
}

static void
set_attribute (GlossaSpan *span,
               const char *name,
               JsonNode   *value)
{
  if (span->attributes == NULL)
    span->attributes = json_object_new ();
  json_object_set_member (span->attributes, name, json_node_copy (value));
}

/* A brat note "NAME=VALUE" is a text or date value where the span's label
 * has such an attribute, and "value_source=…" says who set the value (see
 * glossa-export.c); any other stays a note.
 */
static gboolean
take_note_attribute (GlossaSpan         *span,
                     GlossaRawAttribute *raw,
                     GlossaSchema       *schema,
                     GlossaImportReport *report)
{
  const GlossaSchemaAttribute *declared = find_attribute (glossa_schema_find_label (schema, span->label),
                                                          raw->name);
  const char *value = json_node_get_string (raw->value);

  if (declared != NULL && (declared->type == GLOSSA_ATTRIBUTE_TEXT || declared->type == GLOSSA_ATTRIBUTE_TIMEX) &&
      glossa_format_check_attribute (schema, span->label, raw->name, raw->value, raw->where, raw->name, NULL))
    {
      set_attribute (span, raw->name, raw->value);
      report->n_attributes++;
      return TRUE;
    }
  if (g_str_equal (raw->name, "value_source") && (g_str_equal (value, "auto") || g_str_equal (value, "annotator")))
    {
      g_free (span->value_source);
      span->value_source = g_strdup (value);
      return TRUE;
    }
  return FALSE;
}

static gboolean
convert_attributes (GlossaRawDoc       *doc,
                    GHashTable         *by_id,
                    GlossaSchema       *schema,
                    GlossaImportReport *report,
                    GError            **error)
{
  for (guint i = 0; i < doc->attributes->len; i++)
    {
      GlossaRawAttribute *raw = &g_array_index (doc->attributes, GlossaRawAttribute, i);
      gboolean missing;
      GlossaSpan *span = converted_span (doc, by_id, raw->span_id, &missing);

      if (missing)
        return _glossa_import_fail (error, raw->where, _("no span has the id “%s”"), raw->span_id);
      if (span == NULL)
        report->n_attributes_dropped++;
      else if (raw->from_note)
        {
          if (!take_note_attribute (span, raw, schema, report))
            {
              g_autofree char *note = g_strdup_printf ("%s=%s", raw->name, json_node_get_string (raw->value));

              _glossa_import_append_note (&span->note, note);
              report->n_notes++;
            }
        }
      else if (find_attribute (glossa_schema_find_label (schema, span->label), raw->name) == NULL)
        report->n_attributes_dropped++;
      else if (!glossa_format_check_attribute (schema, span->label, raw->name, raw->value,
                                               raw->where, raw->name, error))
        return FALSE;
      else
        {
          set_attribute (span, raw->name, raw->value);
          report->n_attributes++;
        }
    }
  return TRUE;
}

/* JSONL's "value_source", for spans that have a value; the loader refuses
 * it on others.
 */
static void
convert_value_sources (GlossaRawDoc *doc,
                       GPtrArray    *converted)
{
  for (guint i = 0; i < doc->spans->len; i++)
    {
      GlossaRawSpan *raw = &g_array_index (doc->spans, GlossaRawSpan, i);
      GlossaSpan *span = converted->pdata[i];

      if (span != NULL && raw->value_source != NULL)
        {
          g_free (span->value_source);
          span->value_source = g_strdup (raw->value_source);
        }
    }
  for (guint i = 0; i < doc->spans->len; i++)
    {
      GlossaSpan *span = converted->pdata[i];

      if (span != NULL && glossa_span_get_attribute (span, "value") == NULL)
        g_clear_pointer (&span->value_source, g_free);
    }
}

/* A --map-link rule whose target is no link type is a mistake in the rule
 * (a typo), whatever --drop-unmapped says: name the rule and the types.
 */
static gboolean
fail_mapped_type (GlossaRawLink *raw,
                  const char    *type,
                  GlossaSchema  *schema,
                  GError       **error)
{
  g_autoptr(GString) types = g_string_new (NULL);

  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    g_string_append_printf (types, "%s%s", i > 0 ? ", " : "", glossa_schema_get_relation (schema, i)->name);
  return _glossa_import_fail (error, raw->where, _("%s: --map-link %s=%s: the schema has no link type “%s” (it has: %s)"),
                              raw->field, raw->type, type, type, types->len > 0 ? types->str : _("none"));
}

static GlossaRelation *
convert_link (GlossaRawDoc              *doc,
              GlossaRawLink             *raw,
              GHashTable                *by_id,
              GHashTable                *repeats,
              GlossaSchema              *schema,
              const GlossaImportOptions *options,
              GlossaImportReport        *report,
              GError                   **error)
{
  const char *type = map_link_type (options, raw->type);
  GlossaSpan *from, *to, *kept;
  gboolean missing;

  if (glossa_schema_find_relation (schema, type) == NULL && type != raw->type)
    return fail_mapped_type (raw, type, schema, error), NULL;
  if (glossa_schema_find_relation (schema, type) == NULL)
    {
      if (!options->drop_unmapped)
        _glossa_import_fail (error, raw->where, _("%s: “%s” is not a link type of the schema; map it with "
                                                  "--map-link %s=TYPE, or leave it out with --drop-unmapped"),
                             raw->field, raw->type, raw->type);
      else
        report->n_links_dropped++;
      return NULL;
    }
  if ((from = converted_span (doc, by_id, raw->from, &missing)) == NULL && missing)
    return _glossa_import_fail (error, raw->where, _("%s: no span has the id “%s”"),
                                raw->field, raw->from), NULL;
  if ((to = converted_span (doc, by_id, raw->to, &missing)) == NULL && missing)
    return _glossa_import_fail (error, raw->where, _("%s: no span has the id “%s”"),
                                raw->field, raw->to), NULL;
  if (from == NULL || to == NULL)
    {
      report->n_links_dropped++;
      return NULL;
    }
  if ((kept = g_hash_table_lookup (repeats, from)) != NULL)
    from = kept;
  if ((kept = g_hash_table_lookup (repeats, to)) != NULL)
    to = kept;
  return glossa_relation_new ("r", type, from->id, to->id);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  return glossa_relation_compare (*(GlossaRelation * const *) a, *(GlossaRelation * const *) b);
}

/* Checks @relation as the loader will. A link the schema allows only the
 * other way round (brat's Arg1 the speaker, Arg2 the quote, where Glossa
 * links the quote to its source) is turned round and counted: the
 * direction is a convention of the source, the pair is what it says.
 */
static gboolean
check_link (GlossaRelation    **relation,
            GHashTable         *spans_by_id,
            GlossaSchema       *schema,
            GlossaRawLink      *raw,
            GlossaImportReport *report,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossaRelation) reversed = NULL;

  if (glossa_format_check_relation (*relation, spans_by_id, schema, raw->where, raw->field, &local_error))
    return TRUE;
  reversed = glossa_relation_new ((*relation)->id, (*relation)->type, (*relation)->to, (*relation)->from);
  if (!glossa_format_check_relation (reversed, spans_by_id, schema, raw->where, raw->field, NULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  glossa_relation_unref (*relation);
  *relation = g_steal_pointer (&reversed);
  report->n_links_reversed++;
  return TRUE;
}

/* Converts the links once the spans have their final ids: checked as the
 * loader checks them, repeats dropped, sorted and numbered r1, r2….
 */
static gboolean
convert_links (GlossaRawDoc              *doc,
               GlossaRecord              *record,
               GHashTable                *by_id,
               GHashTable                *repeats,
               const GlossaImportOptions *options,
               GlossaImportReport        *report,
               GError                   **error)
{
  g_autoptr(GHashTable) spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < record->spans->len; i++)
    g_hash_table_insert (spans_by_id, ((GlossaSpan *) g_ptr_array_index (record->spans, i))->id,
                         g_ptr_array_index (record->spans, i));

  for (guint i = 0; i < doc->links->len; i++)
    {
      GlossaRawLink *raw = &g_array_index (doc->links, GlossaRawLink, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GlossaRelation) relation = convert_link (doc, raw, by_id, repeats, record->schema,
                                                         options, report, &local_error);

      if (local_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      if (relation == NULL)
        continue;
      if (!check_link (&relation, spans_by_id, record->schema, raw, report, error))
        return FALSE;
      if (!g_hash_table_add (keys, g_strjoin ("\n", relation->from, relation->to, relation->type, NULL)))
        {
          report->n_links_dropped++;
          continue;
        }
      g_ptr_array_add (record->relations, g_steal_pointer (&relation));
    }

  g_ptr_array_sort (record->relations, compare_relations);
  for (guint i = 0; i < record->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (record->relations, i);

      g_free (relation->id);
      relation->id = g_strdup_printf ("r%u", i + 1);
    }
  report->n_links += record->relations->len;
  return TRUE;
}

static GlossaRecord *
new_record (GlossaRawDoc  *doc,
            GlossaArticle *article,
            GlossaSchema  *schema)
{
  GlossaRecord *record = glossa_record_new (doc->id, article);

  glossa_schema_unref (record->schema);
  record->schema = glossa_schema_ref (schema);
  if (doc->date != NULL)
    {
      g_free (record->date);
      record->date = g_strdup (doc->date);
    }
  record->status = doc->status;
  if (doc->annotator != NULL)
    {
      g_free (record->annotator);
      record->annotator = g_strdup (doc->annotator);
    }
  return record;
}

static GlossaRecord *
convert_doc (GlossaRawDoc              *doc,
             GlossaSchema              *schema,
             const GlossaImportOptions *options,
             GlossaImportReport        *report,
             GError                   **error)
{
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaOffsetMap) map = NULL;
  g_autoptr(GlossaRecord) record = NULL;
  g_autoptr(GPtrArray) converted = g_ptr_array_new_full (doc->spans->len, unref_nullable_span);
  g_autoptr(GHashTable) repeats = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_id = NULL;
  GlossaOffsets unit = options->offsets_set ? options->offsets : glossa_import_default_offsets (options->format);

  /* A byte-order mark would be dropped from the article, moving every
   * offset by one: refuse rather than guess.
   */
  if (g_str_has_prefix (doc->text, "\xEF\xBB\xBF"))
    {
      _glossa_import_fail (error, doc->where, "the text starts with a byte-order mark, which Glossa's articles drop; "
                           "remove it and shift the offsets first");
      return NULL;
    }
  article = glossa_article_new_from_data (doc->text, doc->len, doc->where, error);
  if (article == NULL)
    return NULL;
  record = new_record (doc, article, schema);

  map = glossa_offset_map_new (article, unit);
  for (guint i = 0; i < doc->spans->len; i++)
    {
      GlossaRawSpan *raw = &g_array_index (doc->spans, GlossaRawSpan, i);
      const char *label_name = map_label (options, raw->label, NULL);
      GlossaLabel label;
      GlossaSpan *span;

      if (label_name == NULL)
        {
          report->n_unmapped++;
          g_ptr_array_add (converted, NULL);
          continue;
        }
      glossa_label_from_string (label_name, &label);
      span = convert_span (article, map, unit, raw, label, error);
      if (span == NULL)
        return NULL;
      g_ptr_array_add (record->spans, span);
      g_ptr_array_add (converted, glossa_span_ref (span));
    }

  by_id = converted_by_id (doc, converted);
  if (!convert_attributes (doc, by_id, schema, report, error))
    return NULL;
  convert_value_sources (doc, converted);
  finish_spans (record->spans, repeats, report);
  if (!convert_links (doc, record, by_id, repeats, options, report, error) ||
      !check_record (record, doc->where, error))
    return NULL;
  report->n_spans += record->spans->len;
  return g_steal_pointer (&record);
}

GPtrArray *
glossa_import_read (GFile                      *input,
                    const GlossaImportOptions  *options,
                    GlossaImportReport         *report,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (raw_doc_free);
  g_autoptr(GPtrArray) records = NULL;
  g_auto(GlossaBratConf) conf = { NULL };
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GlossaSchema) config = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (input), NULL);
  g_return_val_if_fail (options != NULL && report != NULL, NULL);

  if (options->config != NULL && (options->format != GLOSSA_IMPORT_LABEL_STUDIO || !keeps_labels (options)))
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                           _("--config is Label Studio’s labeling config: it goes with --format "
                             "label-studio only, and not with --map or --drop-unmapped"));
      return NULL;
    }

  _glossa_brat_conf_init (&conf);
  switch (options->format)
    {
    case GLOSSA_IMPORT_JSONL:
    case GLOSSA_IMPORT_DOCCANO:
      ok = read_lines (input, options->format, docs, report, cancellable, error);
      break;
    case GLOSSA_IMPORT_LABEL_STUDIO:
      ok = read_label_studio (input, docs, report, cancellable, error) &&
           (options->config == NULL || (config = read_ls_config (options->config, report, error)) != NULL);
      break;
    case GLOSSA_IMPORT_BRAT:
      ok = _glossa_import_read_brat (input, options, docs, report, error) &&
           (!keeps_labels (options) || _glossa_import_read_brat_conf (input, &conf, error));
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!ok || !check_labels (docs, options, report, error) ||
      !(schema = import_schema (docs, &conf, g_steal_pointer (&config), options, error)))
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);
  for (guint i = 0; i < docs->len; i++)
    {
      GlossaRecord *record = convert_doc (g_ptr_array_index (docs, i), schema, options, report, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  report->n_documents = records->len;
  return g_steal_pointer (&records);
}

/* Writing the corpus */

/* NAME.txt and NAME.annotations.json, NAME the id made safe. */
static gboolean
write_record (GlossaOutput       *out,
              GlossaRecord       *record,
              GlossaOutputNames  *names,
              GPtrArray          *warnings,
              GError            **error)
{
  g_autofree char *warning = NULL;
  g_autofree char *name = glossa_output_names_add (names, record->id,
                                                   glossa_article_get_name (record->article), &warning);
  g_autofree char *txt = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann = g_strconcat (name, GLOSSA_ANNOTATIONS_SUFFIX, NULL);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) json = NULL;

  if (warning != NULL && warnings != NULL)
    g_ptr_array_add (warnings, g_steal_pointer (&warning));

  /* The file's own id is its base name, as a document saved by the
   * window has it; the corpus's id is the relative path.
   */
  annotations->doc_id = g_path_get_basename (name);
  annotations->file = g_strdup_printf ("%s.txt", annotations->doc_id);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (record->article));
  annotations->length = glossa_article_get_length (record->article);
  annotations->date = g_strdup (record->date);
  annotations->status = record->status;
  /* The file's "labels" are its schema's. */
  if (record->schema != NULL)
    {
      g_clear_pointer (&annotations->schema, glossa_schema_unref);
      annotations->schema = glossa_schema_ref (record->schema);
    }
  g_free (annotations->annotator);
  annotations->annotator = g_strdup (record->annotator);
  for (guint i = 0; i < record->spans->len; i++)
    g_ptr_array_add (annotations->spans, glossa_span_ref (g_ptr_array_index (record->spans, i)));
  for (guint i = 0; i < record->relations->len; i++)
    g_ptr_array_add (annotations->relations, glossa_relation_ref (g_ptr_array_index (record->relations, i)));
  /* Members Glossa does not read (rejected suggestions) are kept. */
  annotations->extra = record->extra != NULL ? json_object_ref (record->extra) : NULL;

  text = g_bytes_new (glossa_article_get_text (record->article), glossa_article_get_n_bytes (record->article));
  json = glossa_format_write (annotations);
  return glossa_output_write (out, txt, text, error) &&
         glossa_output_write (out, ann, json, error);
}

/* Records of labels the built-in schema lacks carry their own schema (an
 * import that kept its labels, a merge of such a corpus): the new corpus
 * gets it as its glossa-schema.json, or it could not be read back.
 */
static gboolean
write_schema (GlossaOutput  *out,
              GPtrArray     *records,
              GError       **error)
{
  GlossaSchema *schema = records->len > 0 ? ((GlossaRecord *) g_ptr_array_index (records, 0))->schema : NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (schema == NULL || glossa_schema_is_default (schema))
    return TRUE;
  bytes = glossa_schema_to_bytes (schema);
  return glossa_output_write (out, GLOSSA_SCHEMA_FILE_NAME, bytes, error);
}

/* The files are not flushed one by one but once, at the commit
 * (glossa_output_write()): nothing is at @output until every file is on
 * disk, as with a flush per file, without its cost (two fsyncs per
 * article).
 */
gboolean
glossa_import_write_corpus (GPtrArray           *records,
                            GFile               *output,
                            GlossaImportReport  *report,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GlossaOutput) out = NULL;
  g_autoptr(GlossaOutputNames) names = glossa_output_names_new ();
  GPtrArray *warnings = NULL;
  gboolean ok;

  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  out = glossa_output_begin (output, GLOSSA_OUTPUT_FOLDER, NULL, error);
  if (out == NULL)
    return FALSE;

  if (report != NULL)
    {
      if (report->warnings == NULL)
        report->warnings = g_ptr_array_new_with_free_func (g_free);
      warnings = report->warnings;
    }

  /* On failure, freeing @out removes what was written. */
  ok = write_schema (out, records, error);
  for (guint i = 0; ok && i < records->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         write_record (out, g_ptr_array_index (records, i), names, warnings, error);
  if (!ok)
    {
      if (error != NULL)
        glossa_output_name_error (out, *error);
      return FALSE;
    }
  return glossa_output_commit (out, error);
}
