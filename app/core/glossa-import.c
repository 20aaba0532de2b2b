/* glossa-import.c: reading datasets (JSONL, doccano, Label Studio, brat)
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
#include "glossa-json.h"
#include "glossa-output.h"
#include "glossa-storage.h"

/* Import happens in two steps. Each reader turns its format into RawDocs,
 * whose spans still have foreign labels and offsets in the input's unit;
 * then the labels are checked all at once (so that every unknown label is
 * listed, with its count, before anything is written) and the spans are
 * converted and checked against their text.
 */

typedef struct
{
  gint64  start;   /* in the input's unit */
  gint64  end;
  char   *label;
  char   *text;    /* nullable: the input's idea of the slice */
  char   *note;    /* nullable */
  char   *where;   /* "FILE:LINE: spans[2]", for messages */
} RawSpan;

typedef struct
{
  char         *id;
  char         *text;
  gsize         len;
  char         *date;       /* nullable */
  GlossaStatus  status;
  char         *annotator;  /* nullable */
  char         *where;      /* "FILE:LINE" */
  GArray       *spans;      /* of RawSpan */
} RawDoc;

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

void
glossa_import_report_clear (GlossaImportReport *report)
{
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

G_GNUC_PRINTF (2, 3)
static void
warn (GlossaImportReport *report,
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
  RawSpan *span = data;

  g_free (span->label);
  g_free (span->text);
  g_free (span->note);
  g_free (span->where);
}

static void
raw_doc_free (gpointer data)
{
  RawDoc *doc = data;

  g_free (doc->id);
  g_free (doc->text);
  g_free (doc->date);
  g_free (doc->annotator);
  g_free (doc->where);
  g_array_unref (doc->spans);
  g_free (doc);
}

static RawDoc *
raw_doc_new (const char *where)
{
  RawDoc *doc = g_new0 (RawDoc, 1);

  doc->where = g_strdup (where);
  doc->status = GLOSSA_STATUS_TODO;
  doc->spans = g_array_new (FALSE, TRUE, sizeof (RawSpan));
  g_array_set_clear_func (doc->spans, clear_raw_span);
  return doc;
}

static void
raw_doc_add_span (RawDoc     *doc,
                  gint64      start,
                  gint64      end,
                  const char *label,
                  const char *text,
                  const char *note,
                  char       *where)
{
  RawSpan span = { start, end, g_strdup (label), g_strdup (text), g_strdup (note), where };

  g_array_append_val (doc->spans, span);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError     **error,
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
    return fail (error, where, "“%s” must be an integer", name);
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
    return fail (error, where, "“%s” must be a string", name);
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

static gboolean
set_text (RawDoc      *doc,
          JsonNode    *node,
          const char  *name,
          GError     **error)
{
  if (!is_string (node))
    return fail (error, doc->where, "“%s” must be a string", name);
  doc->text = g_strdup (json_node_get_string (node));
  doc->len = strlen (doc->text);
  return TRUE;
}

/* JSONL: our own export, or any lines with "id", "text" and "spans". */
static gboolean
read_jsonl_object (RawDoc      *doc,
                   JsonObject  *object,
                   guint        line_no,
                   GError     **error)
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
  if (!JSON_NODE_HOLDS_ARRAY (spans))
    return fail (error, doc->where, "“spans” must be an array");

  for (guint i = 0; i < json_array_get_length (json_node_get_array (spans)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (spans), i);
      g_autofree char *where = g_strdup_printf ("%s: spans[%u]", doc->where, i);
      const char *label, *text, *note;
      JsonObject *span;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "must be an object");
      span = json_node_get_object (node);
      if (!get_integer (span, "start", where, &start, error) ||
          !get_integer (span, "end", where, &end, error) ||
          !get_optional_string (span, "label", where, &label, error) ||
          !get_optional_string (span, "text", where, &text, error) ||
          !get_optional_string (span, "note", where, &note, error))
        return FALSE;
      if (label == NULL)
        return fail (error, where, "“label” must be a string");
      raw_doc_add_span (doc, start, end, label, text, note, g_steal_pointer (&where));
    }
  return TRUE;
}

/* doccano: {"text", "label": [[start, end, "LABEL"], …]} or, from its
 * newer exports, {"text", "entities": [{"start_offset", "end_offset",
 * "label"}, …]}.
 */
static gboolean
read_doccano_labels (RawDoc      *doc,
                     JsonNode    *labels,
                     GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (labels))
    return fail (error, doc->where, "“label” must be an array of [start, end, \"LABEL\"]");

  array = json_node_get_array (labels);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s: label[%u]", doc->where, i);
      JsonArray *triple;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 3)
        return fail (error, where, "expected [start, end, \"LABEL\"] (document labels are not spans)");
      triple = json_node_get_array (node);
      if (!is_integer (json_array_get_element (triple, 0)) ||
          !is_integer (json_array_get_element (triple, 1)) ||
          !is_string (json_array_get_element (triple, 2)))
        return fail (error, where, "expected [start, end, \"LABEL\"]");
      raw_doc_add_span (doc, json_array_get_int_element (triple, 0),
                        json_array_get_int_element (triple, 1),
                        json_array_get_string_element (triple, 2), NULL, NULL,
                        g_steal_pointer (&where));
    }
  return TRUE;
}

static gboolean
read_doccano_entities (RawDoc      *doc,
                       JsonNode    *entities,
                       GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (entities))
    return fail (error, doc->where, "“entities” must be an array");

  array = json_node_get_array (entities);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s: entities[%u]", doc->where, i);
      const char *label;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "must be an object");
      if (!get_integer (json_node_get_object (node), "start_offset", where, &start, error) ||
          !get_integer (json_node_get_object (node), "end_offset", where, &end, error) ||
          !get_optional_string (json_node_get_object (node), "label", where, &label, error))
        return FALSE;
      if (label == NULL)
        return fail (error, where, "“label” must be a string");
      raw_doc_add_span (doc, start, end, label, NULL, NULL, g_steal_pointer (&where));
    }
  return TRUE;
}

/* doccano: {"text", "label": [[start, end, "LABEL"], …]} or, from its
 * newer exports, {"text", "entities": [{"start_offset", "end_offset",
 * "label"}, …]}. A line with both (a project converted by hand, or a tool
 * writing both shapes) keeps the spans of both: nothing is dropped, and
 * spans given in both shapes are counted once, as duplicates.
 */
static gboolean
read_doccano_object (RawDoc              *doc,
                     JsonObject          *object,
                     guint                line_no,
                     GlossaImportReport  *report,
                     GError             **error)
{
  JsonNode *text = member (object, "text");
  JsonNode *labels = member (object, "label");
  JsonNode *entities = member (object, "entities");
  guint n_labels;

  if (text == NULL)
    text = member (object, "data");
  doc->id = get_id (object, "id", line_no);
  if (!set_text (doc, text, "text", error))
    return FALSE;

  if (labels != NULL && !read_doccano_labels (doc, labels, error))
    return FALSE;
  n_labels = doc->spans->len;
  if (entities == NULL)
    return TRUE;
  if (!read_doccano_entities (doc, entities, error))
    return FALSE;

  if (labels != NULL)
    warn (report, _("%s: both “label” and “entities”; the spans of both were imported "
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
    return fail (error, name, "not valid UTF-8");

  for (p = data, end = data + len; p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *where = NULL;
      RawDoc *doc;
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
            return fail (error, where, "expected an object");

          doc = raw_doc_new (where);
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

/* A relation links two regions ("from_id", "to_id"); format v1 has no
 * links between spans, so relations are counted and reported.
 */
static gboolean
is_relation (JsonObject *result)
{
  JsonNode *type = member (result, "type");

  return is_string (type) && strcmp (json_node_get_string (type), "relation") == 0;
}

/* Label Studio's JSON export: an array of tasks, each with "data" holding
 * the text and "annotations", each with a "result" of regions whose
 * "value" has "start", "end", "text" and "labels".
 */
static gboolean
read_label_studio_result (RawDoc      *doc,
                          JsonArray   *results,
                          const char  *where,
                          guint       *n_relations,
                          GError     **error)
{
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      g_autofree char *at = g_strdup_printf ("%s.result[%u]", where, i);
      JsonNode *value_node;
      JsonObject *value;
      JsonNode *labels;
      const char *text;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, at, "must be an object");
      if (is_relation (json_node_get_object (node)))
        {
          (*n_relations)++;
          continue;
        }
      value_node = member (json_node_get_object (node), "value");
      if (value_node == NULL || !JSON_NODE_HOLDS_OBJECT (value_node))
        return fail (error, at, "“value” must be an object");
      value = json_node_get_object (value_node);
      labels = member (value, "labels");
      /* Regions of other tools (choices, ratings…) have no labels. */
      if (labels == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (labels))
        return fail (error, at, "“value.labels” must be an array");
      if (!get_integer (value, "start", at, &start, error) ||
          !get_integer (value, "end", at, &end, error) ||
          !get_optional_string (value, "text", at, &text, error))
        return FALSE;

      for (guint k = 0; k < json_array_get_length (json_node_get_array (labels)); k++)
        {
          JsonNode *label = json_array_get_element (json_node_get_array (labels), k);

          if (!is_string (label))
            return fail (error, at, "“value.labels” must hold strings");
          raw_doc_add_span (doc, start, end, json_node_get_string (label), text, NULL,
                            g_strdup_printf ("%s.value", at));
        }
    }
  return TRUE;
}

static gboolean
read_label_studio_task (RawDoc              *doc,
                        JsonObject          *task,
                        guint                index,
                        GlossaImportReport  *report,
                        GError             **error)
{
  JsonNode *data = member (task, "data");
  JsonNode *annotations = member (task, "annotations");
  JsonNode *text = NULL;
  JsonArray *array;
  guint n_used = 0;
  guint n_relations = 0;

  doc->id = get_id (task, "id", index + 1);
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return fail (error, doc->where, "“data” must be an object");
  text = member (json_node_get_object (data), "text");
  if (!set_text (doc, text, "data.text", error))
    return FALSE;

  if (annotations == NULL)
    annotations = member (task, "completions");
  if (annotations == NULL || JSON_NODE_HOLDS_NULL (annotations))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (annotations))
    return fail (error, doc->where, "“annotations” must be an array");

  array = json_node_get_array (annotations);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.annotations[%u]", doc->where, i);
      JsonObject *annotation;
      JsonNode *cancelled, *result;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "must be an object");
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
        return fail (error, where, "“result” must be an array");
      if (!read_label_studio_result (doc, json_node_get_array (result), where, &n_relations, error))
        return FALSE;
    }

  if (n_used > 1)
    warn (report, "%s: %u annotations; the first was imported", doc->where, n_used);
  if (n_relations > 0)
    warn (report, ngettext ("%s: %u relation between regions was not imported (Glossa's spans have no links)",
                            "%s: %u relations between regions were not imported (Glossa's spans have no links)",
                            n_relations),
          doc->where, n_relations);
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
    return fail (error, name, "expected an array of tasks (Label Studio's JSON export)");

  tasks = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);
      g_autofree char *where = g_strdup_printf ("%s: [%u]", name, i);
      RawDoc *doc;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "a task must be an object");
      doc = raw_doc_new (where);
      g_ptr_array_add (docs, doc);
      if (!read_label_studio_task (doc, json_node_get_object (node), i, report, error))
        return FALSE;
    }
  return TRUE;
}

/* brat standoff: NAME.txt and NAME.ann. Only text-bound annotations (T)
 * become spans; AnnotatorNotes on them become notes.
 */
static gboolean
parse_brat_offsets (const char  *str,
                    gint64      *start,
                    gint64      *end,
                    guint       *n_fragments)
{
  g_auto(GStrv) fragments = g_strsplit (str, ";", -1);
  gboolean reversed = FALSE;

  *n_fragments = 0;
  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      guint64 a, b;

      if (g_strv_length (pair) != 2 ||
          !g_ascii_string_to_unsigned (pair[0], 10, 0, G_MAXINT64, &a, NULL) ||
          !g_ascii_string_to_unsigned (pair[1], 10, 0, G_MAXINT64, &b, NULL))
        return FALSE;
      /* brat writes fragments in text order, but nothing says they are:
       * the span runs from the smallest start to the largest end.
       */
      if (i == 0 || (gint64) a < *start)
        *start = a;
      if (i == 0 || (gint64) b > *end)
        *end = b;
      reversed |= b < a;
      (*n_fragments)++;
    }
  /* One reversed pair is reported as such by the span checks; among
   * several it would vanish into the others.
   */
  return *n_fragments > 0 && !(reversed && *n_fragments > 1);
}

static gboolean
read_brat_text_bound (RawDoc              *doc,
                      GHashTable          *by_id,
                      char               **fields,
                      const char          *where,
                      GlossaImportReport  *report,
                      GError             **error)
{
  g_auto(GStrv) type_offsets = NULL;
  const char *space;
  gint64 start = 0, end = 0;
  guint n_fragments;
  guint index;
  const char *text;

  if (fields[1] == NULL || (space = strchr (fields[1], ' ')) == NULL)
    return fail (error, where, "expected “ID<TAB>TYPE START END<TAB>TEXT”");
  type_offsets = g_new0 (char *, 3);
  type_offsets[0] = g_strndup (fields[1], space - fields[1]);
  type_offsets[1] = g_strdup (space + 1);
  if (!parse_brat_offsets (type_offsets[1], &start, &end, &n_fragments))
    return fail (error, where, "“%s” are not offsets (“START END” or “S1 E1;S2 E2”)", type_offsets[1]);

  /* A fragmented span's text is its pieces joined by spaces: it cannot be
   * compared with the one slice it becomes.
   */
  text = fields[2];
  if (n_fragments > 1)
    {
      report->n_fragmented++;
      warn (report, "%s: %s has %u fragments; imported as one span from %" G_GINT64_FORMAT
            " to %" G_GINT64_FORMAT, where, fields[0], n_fragments, start, end);
      text = NULL;
    }

  /* Notes and relations name spans by id: with two spans of one id, which
   * one a note belongs to is a guess.
   */
  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, fields[0]))) != 0)
    return fail (error, where, _("%s is already the id of the span on %s; ids must be unique in a file"),
                 fields[0], g_array_index (doc->spans, RawSpan, index - 1).where);

  raw_doc_add_span (doc, start, end, type_offsets[0], text, NULL, g_strdup (where));
  g_hash_table_insert (by_id, g_strdup (fields[0]), GUINT_TO_POINTER (doc->spans->len));
  return TRUE;
}

/* A span may carry several notes (brat lets each annotator add one): all
 * are kept, in file order, one per line of the span's note.
 */
static void
append_note (char       **note,
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

static gboolean
read_brat_note (RawDoc              *doc,
                GHashTable          *by_id,
                char               **fields,
                GlossaImportReport  *report)
{
  const char *target;
  guint index;

  if (fields[1] == NULL || !g_str_has_prefix (fields[1], "AnnotatorNotes ") || fields[2] == NULL)
    return FALSE;
  target = fields[1] + strlen ("AnnotatorNotes ");
  index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, target));
  if (index == 0)
    return FALSE;

  append_note (&g_array_index (doc->spans, RawSpan, index - 1).note, fields[2]);
  report->n_notes++;
  return TRUE;
}

static gboolean
read_brat_ann (RawDoc              *doc,
               const char          *path,
               GlossaImportReport  *report,
               GError             **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &data, NULL, NULL, error))
    return FALSE;
  if (!g_utf8_validate (data, -1, NULL))
    return fail (error, path, "not valid UTF-8");

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", path, i + 1);
      g_auto(GStrv) fields = NULL;
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      switch (lines[i][0])
        {
        case 'T':
          if (!read_brat_text_bound (doc, by_id, fields, where, report, error))
            return FALSE;
          break;
        case '#':
          /* Notes may come before the span they are about. */
          g_ptr_array_add (notes, g_steal_pointer (&fields));
          break;
        default:
          /* A, R, E, N, M and * lines: attributes, relations, events,
           * normalizations and equivalences have no place in format v1.
           */
          report->n_skipped++;
          break;
        }
    }

  for (guint i = 0; i < notes->len; i++)
    {
      if (!read_brat_note (doc, by_id, g_ptr_array_index (notes, i), report))
        report->n_skipped++;
    }
  return TRUE;
}

/* Links to folders are followed, each folder once (@visited): two
 * `loop -> .` links would otherwise make the walk exponential.
 */
static void
find_ann_files (const char *folder,
                GHashTable *visited,
                GPtrArray  *paths)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!glossa_storage_enter_folder (visited, folder))
    return;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_ann_files (path, visited, paths);
      else if (g_str_has_suffix (name, ".ann"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_brat (GFile               *input,
           GPtrArray           *docs,
           GlossaImportReport  *report,
           GError             **error)
{
  g_autofree char *folder = g_file_get_path (input);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) visited = glossa_storage_visited_new ();

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return fail (error, g_file_peek_path (input), "brat input must be a folder of .txt and .ann files");

  find_ann_files (folder, visited, paths);
  g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *ann = g_ptr_array_index (paths, i);
      g_autofree char *stem = g_strndup (ann, strlen (ann) - 4);
      g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
      g_autoptr(GError) local_error = NULL;
      RawDoc *doc = raw_doc_new (txt);

      g_ptr_array_add (docs, doc);
      doc->id = g_path_get_basename (stem);
      if (!glossa_storage_read_path (txt, GLOSSA_STORAGE_READ_LIMIT, &doc->text, &doc->len, NULL, &local_error))
        return fail (error, ann, "no article beside it: %s", local_error->message);
      if (!read_brat_ann (doc, ann, report, error))
        return FALSE;
    }
  return TRUE;
}

/* Labels */

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

/* The entity types of brat's annotation.conf beside the .ann files, in its
 * order, so that a label no span has yet is kept too. Only [entities] is
 * read: its lines are a name, indented for brat's type hierarchy; "!" marks
 * an abstract type, which no span may have.
 */
static gboolean
read_brat_conf (GFile      *input,
                GPtrArray  *labels,
                GError    **error)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (input), "annotation.conf", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_entities = FALSE;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, error))
    return FALSE;
  if (memchr (contents, '\0', len) != NULL || !g_utf8_validate (contents, len, NULL))
    return fail (error, path, "not UTF-8 text");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '[')
        in_entities = g_str_equal (line, "[entities]");
      else if (in_entities && line[0] != '\0' && line[0] != '#' && line[0] != '!')
        {
          line[strcspn (line, " \t")] = '\0';
          if (!glossa_label_from_string (line, NULL))
            return fail (error, path, "line %u: “%s” cannot be a Glossa label", i + 1, line);
          g_ptr_array_add (labels, g_strdup (line));
        }
    }
  return TRUE;
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

/* The schema of an import that keeps its labels: annotation.conf's, then
 * every other label in the order spans first have it. Only built-in labels
 * need no schema file: the built-in schema is returned.
 */
static GlossaSchema *
import_schema (GPtrArray                  *docs,
               GPtrArray                  *conf_labels,
               const GlossaImportOptions  *options,
               GError                    **error)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_new (GLOSSA_SCHEMA_FILE_NAME);
  gboolean all_builtin = TRUE;

  if (!keeps_labels (options))
    return glossa_schema_get_default ();

  for (guint i = 0; i < conf_labels->len; i++)
    add_schema_label (schema, g_ptr_array_index (conf_labels, i));
  for (guint i = 0; i < docs->len; i++)
    {
      RawDoc *doc = g_ptr_array_index (docs, i);

      for (guint k = 0; k < doc->spans->len; k++)
        add_schema_label (schema, g_array_index (doc->spans, RawSpan, k).label);
    }

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    if (!is_builtin_label (glossa_label_to_string (glossa_schema_get_label (schema, i)->name)))
      all_builtin = FALSE;
  if (all_builtin)
    return glossa_schema_get_default ();
  if (glossa_schema_get_n_labels (schema) > GLOSSA_SCHEMA_MAX_LABELS)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%u labels, more than a corpus may have (%d): map them with --map LABEL=actor|quote|claim|date",
                   glossa_schema_get_n_labels (schema), GLOSSA_SCHEMA_MAX_LABELS);
      return NULL;
    }
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
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      if (!g_hash_table_contains (used, keys[i]))
        warn (report, _("--map %s=%s: no span has the label “%s”; the rule matched nothing"),
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
      RawDoc *doc = g_ptr_array_index (docs, i);

      for (guint k = 0; k < doc->spans->len; k++)
        {
          const char *label = g_array_index (doc->spans, RawSpan, k).label;

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
              RawSpan         *raw,
              GlossaLabel      label,
              GError         **error)
{
  g_autofree char *slice = NULL;
  gint64 start, end;
  GlossaSpan *span;

  if (!glossa_offset_map_from_unit (map, raw->start, &start))
    {
      fail (error, raw->where, "start %" G_GINT64_FORMAT " is not a character position of the text "
            "in %s offsets (%" G_GINT64_FORMAT " in all)", raw->start, glossa_offsets_to_string (unit),
            glossa_offset_map_to_unit (map, glossa_article_get_length (article)));
      return NULL;
    }
  if (!glossa_offset_map_from_unit (map, raw->end, &end))
    {
      fail (error, raw->where, "end %" G_GINT64_FORMAT " is not a character position of the text "
            "in %s offsets (%" G_GINT64_FORMAT " in all)", raw->end, glossa_offsets_to_string (unit),
            glossa_offset_map_to_unit (map, glossa_article_get_length (article)));
      return NULL;
    }
  if (end <= start)
    {
      fail (error, raw->where, "end %" G_GINT64_FORMAT " is not after start %" G_GINT64_FORMAT,
            raw->end, raw->start);
      return NULL;
    }

  slice = glossa_article_slice (article, start, end);
  if (raw->text != NULL && strcmp (raw->text, slice) != 0)
    {
      fail (error, raw->where, "the span's text “%s” differs from the text at %" G_GINT64_FORMAT
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
 */
static void
finish_spans (GPtrArray          *spans,
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
            append_note (&first->note, span->note);
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

static GlossaRecord *
convert_doc (RawDoc                    *doc,
             GlossaSchema              *schema,
             const GlossaImportOptions *options,
             GlossaImportReport        *report,
             GError                   **error)
{
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaOffsetMap) map = NULL;
  g_autoptr(GlossaRecord) record = NULL;
  GlossaOffsets unit = options->offsets_set ? options->offsets : glossa_import_default_offsets (options->format);

  /* A byte-order mark would be dropped from the article, moving every
   * offset by one: refuse rather than guess.
   */
  if (g_str_has_prefix (doc->text, "\xEF\xBB\xBF"))
    {
      fail (error, doc->where, "the text starts with a byte-order mark, which Glossa's articles drop; "
            "remove it and shift the offsets first");
      return NULL;
    }
  article = glossa_article_new_from_data (doc->text, doc->len, doc->where, error);
  if (article == NULL)
    return NULL;

  record = glossa_record_new (doc->id, article);
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

  map = glossa_offset_map_new (article, unit);
  for (guint i = 0; i < doc->spans->len; i++)
    {
      RawSpan *raw = &g_array_index (doc->spans, RawSpan, i);
      const char *label_name = map_label (options, raw->label, NULL);
      GlossaLabel label;
      GlossaSpan *span;

      if (label_name == NULL)
        {
          report->n_unmapped++;
          continue;
        }
      glossa_label_from_string (label_name, &label);
      span = convert_span (article, map, unit, raw, label, error);
      if (span == NULL)
        return NULL;
      g_ptr_array_add (record->spans, span);
    }

  finish_spans (record->spans, report);
  if (!check_record (record, doc->where, error))
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
  g_autoptr(GPtrArray) conf_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossaSchema) schema = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (input), NULL);
  g_return_val_if_fail (options != NULL && report != NULL, NULL);

  switch (options->format)
    {
    case GLOSSA_IMPORT_JSONL:
    case GLOSSA_IMPORT_DOCCANO:
      ok = read_lines (input, options->format, docs, report, cancellable, error);
      break;
    case GLOSSA_IMPORT_LABEL_STUDIO:
      ok = read_label_studio (input, docs, report, cancellable, error);
      break;
    case GLOSSA_IMPORT_BRAT:
      ok = read_brat (input, docs, report, error) &&
           (!keeps_labels (options) || read_brat_conf (input, conf_labels, error));
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!ok || !check_labels (docs, options, report, error) ||
      !(schema = import_schema (docs, conf_labels, options, error)))
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

static gboolean
write_record (GlossaRecord       *record,
              const char         *folder,
              GlossaOutputNames  *names,
              GPtrArray          *warnings,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autofree char *warning = NULL;
  g_autofree char *name = glossa_output_names_add (names, record->id,
                                                   glossa_article_get_name (record->article), &warning);
  g_autofree char *txt_path = g_strdup_printf ("%s/%s.txt", folder, name);
  g_autofree char *ann_path = g_strdup_printf ("%s/%s%s", folder, name, GLOSSA_ANNOTATIONS_SUFFIX);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GFile) ann = g_file_new_for_path (ann_path);
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

  text = g_bytes_new (glossa_article_get_text (record->article), glossa_article_get_n_bytes (record->article));
  json = glossa_format_write (annotations);
  return glossa_output_make_parent (txt_path, error) &&
         glossa_file_replace_atomic (txt, text, cancellable, error) &&
         glossa_file_replace_atomic (ann, json, cancellable, error);
}

/* Records of labels the built-in schema lacks carry their own schema (an
 * import that kept its labels, a merge of such a corpus): the new corpus
 * gets it as its glossa-schema.json, or it could not be read back.
 */
static gboolean
write_schema (GPtrArray     *records,
              const char    *folder,
              GCancellable  *cancellable,
              GError       **error)
{
  GlossaSchema *schema = records->len > 0 ? ((GlossaRecord *) g_ptr_array_index (records, 0))->schema : NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (schema == NULL || glossa_schema_is_default (schema))
    return TRUE;
  path = g_build_filename (folder, GLOSSA_SCHEMA_FILE_NAME, NULL);
  file = g_file_new_for_path (path);
  bytes = glossa_schema_to_bytes (schema);
  return glossa_file_replace_atomic (file, bytes, cancellable, error);
}

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
  if (!write_schema (records, glossa_output_get_path (out), cancellable, error))
    {
      if (error != NULL)
        glossa_output_name_error (out, *error);
      return FALSE;
    }
  for (guint i = 0; i < records->len; i++)
    {
      if (!write_record (g_ptr_array_index (records, i), glossa_output_get_path (out),
                         names, warnings, cancellable, error))
        {
          if (error != NULL)
            glossa_output_name_error (out, *error);
          return FALSE;
        }
    }

  return glossa_output_commit (out, error);
}
