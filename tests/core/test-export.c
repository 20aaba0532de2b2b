/* test-export.c: tests of dataset export (JSONL, doccano, brat, CoNLL)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-error.h"
#include "glossa-export.h"
#include "glossa-format.h"
#include "glossa-json.h"

#define MIXED "date 2023-05-04 Emoji 👍🏽, flags 🇮🇹🇺🇦, family 👨‍👩‍👧.\r\n" \
              "Cafe\xcc\x81 in 東京都: “we stay”. שלום said مرحبا."

/* A span over the @occurrence-th (0-based) @sub of @text, in code points. */
static GlossaSpan *
span_over (const char  *text,
           const char  *sub,
           guint        occurrence,
           GlossaLabel  label)
{
  const char *at = strstr (text, sub);
  g_autofree char *slice = NULL;
  gint64 start, end;

  for (guint i = 0; i < occurrence && at != NULL; i++)
    at = strstr (at + 1, sub);
  g_assert_nonnull (at);

  start = g_utf8_pointer_to_offset (text, at);
  end = start + g_utf8_strlen (sub, -1);
  slice = g_strdup (sub);
  return glossa_span_new (NULL, start, end, label, slice);
}

static GlossaRecord *
record_new (const char *id,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), id, &error);

  g_assert_no_error (error);
  return glossa_record_new (id, article);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* A tag as CoNLL writes it, valid until the next call. */
static const char *
iob_name (GlossaSchema *schema,
          guint8        tag)
{
  static GString *name;

  if (name == NULL)
    name = g_string_new (NULL);
  g_string_truncate (name, 0);
  glossa_iob_append_tag (name, schema, tag);
  return name->str;
}

static void
record_add (GlossaRecord *record,
            GlossaSpan   *span)
{
  g_autofree char *id = g_strdup_printf ("s%u", record->spans->len + 1);

  g_free (span->id);
  span->id = g_steal_pointer (&id);
  g_ptr_array_add (record->spans, span);
  g_ptr_array_sort (record->spans, compare_spans);
}

static char *
export_one (GlossaRecord       *record,
            GlossaExportFormat  format,
            GlossaOffsets       offsets,
            GlossaLabel         label,
            guint              *n_dropped,
            char              **ann)
{
  GlossaExportChunk chunk = { 0 };
  g_autoptr(GError) error = NULL;
  char *text;

  glossa_export_record (record, format, offsets, label, &chunk, &error);
  g_assert_no_error (error);
  if (n_dropped != NULL)
    *n_dropped = chunk.n_dropped;
  if (ann != NULL)
    *ann = g_strdup (chunk.ann->str);
  text = g_strdup (chunk.text->str);
  glossa_export_chunk_clear (&chunk);
  return text;
}

/* Writes NAME.txt and NAME.annotations.json with the core's writer. */
static void
write_document (const char   *dir,
                GlossaRecord *record)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GBytes) json = NULL;
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", dir, record->id);
  g_autofree char *ann = g_strdup_printf ("%s/%s.annotations.json", dir, record->id);

  annotations->doc_id = g_strdup (record->id);
  annotations->file = g_strdup_printf ("%s.txt", record->id);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (record->article));
  annotations->length = glossa_article_get_length (record->article);
  annotations->date = g_strdup (record->date);
  annotations->status = record->status;
  for (guint i = 0; i < record->spans->len; i++)
    g_ptr_array_add (annotations->spans, glossa_span_ref (g_ptr_array_index (record->spans, i)));
  json = glossa_format_write (annotations);

  ct_write_file (txt, glossa_article_get_text (record->article), -1);
  ct_write_file (ann, g_bytes_get_data (json, NULL), g_bytes_get_size (json));
}

static GlossaRecordSource *
open_fixture_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *crlf = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "crlf.annotations.json", NULL);
  g_autofree char *mixed = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "mixed.annotations.json", NULL);
  g_autofree char *plain = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "plain.annotations.json", NULL);
  const char *paths[] = { crlf, mixed, plain, NULL };
  GlossaRecordSource *source = glossa_record_source_open (paths, NULL, &error);

  g_assert_no_error (error);
  return source;
}

static void
test_offset_map (void)
{
  g_autoptr(GlossaRecord) record = record_new ("m", MIXED);
  g_autoptr(GlossaOffsetMap) cp = glossa_offset_map_new (record->article, GLOSSA_OFFSETS_CODEPOINT);
  g_autoptr(GlossaOffsetMap) u16 = glossa_offset_map_new (record->article, GLOSSA_OFFSETS_UTF16);
  g_autoptr(GlossaOffsetMap) bytes = glossa_offset_map_new (record->article, GLOSSA_OFFSETS_BYTE);
  gint64 length = glossa_article_get_length (record->article);
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (MIXED, -1, NULL, &n_units, NULL);
  gint64 value;

  g_assert_cmpint (glossa_offset_map_to_unit (u16, length), ==, n_units);
  g_assert_cmpint (glossa_offset_map_to_unit (bytes, length), ==, strlen (MIXED));

  for (gint64 i = 0; i <= length; i++)
    {
      const char *p = g_utf8_offset_to_pointer (MIXED, i);
      g_autofree gunichar2 *prefix = g_utf8_to_utf16 (MIXED, p - MIXED, NULL, &n_units, NULL);

      g_assert_cmpint (glossa_offset_map_to_unit (cp, i), ==, i);
      g_assert_cmpint (glossa_offset_map_to_unit (bytes, i), ==, p - MIXED);
      g_assert_cmpint (glossa_offset_map_to_unit (u16, i), ==, n_units);

      g_assert_true (glossa_offset_map_from_unit (u16, n_units, &value));
      g_assert_cmpint (value, ==, i);
      g_assert_true (glossa_offset_map_from_unit (bytes, p - MIXED, &value));
      g_assert_cmpint (value, ==, i);
    }

  /* Inside a surrogate pair, inside a UTF-8 sequence, out of range. */
  value = glossa_offset_map_to_unit (u16, g_utf8_pointer_to_offset (MIXED, strstr (MIXED, "👍")));
  g_assert_false (glossa_offset_map_from_unit (u16, value + 1, &value));
  g_assert_false (glossa_offset_map_from_unit (bytes, strstr (MIXED, "東") - MIXED + 1, &value));
  g_assert_false (glossa_offset_map_from_unit (cp, length + 1, &value));
  g_assert_false (glossa_offset_map_from_unit (cp, -1, &value));
  g_assert_false (glossa_offset_map_from_unit (u16, -1, &value));
}

static void
test_jsonl_line (void)
{
  g_autoptr(GlossaRecord) record = record_new ("doc-1", MIXED);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  JsonObject *object, *span;
  JsonArray *spans;

  record_add (record, span_over (MIXED, "👨‍👩‍👧", 0, GLOSSA_LABEL_ACTOR));
  record_add (record, span_over (MIXED, "“we stay”", 0, GLOSSA_LABEL_QUOTE));
  record->status = GLOSSA_STATUS_DONE;
  g_free (record->annotator);
  record->annotator = g_strdup ("ana");

  line = export_one (record, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_UTF16, 0, NULL, NULL);
  g_assert_true (g_str_has_suffix (line, "}\n"));
  g_assert_true (strchr (line, '\n') == line + strlen (line) - 1);
  g_assert_true (g_str_has_prefix (line, "{\"id\": \"doc-1\", \"text\": "));

  node = glossa_json_parse (line, strlen (line), "line", &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, MIXED);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2023-05-04");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (object, "annotator"), ==, "ana");
  spans = json_object_get_array_member (object, "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, 2);

  /* The family is 5 code points and 8 UTF-16 units; the flags before it
   * are 4 units more than their 4 code points, the thumb 2 more.
   */
  span = json_array_get_object_element (spans, 0);
  g_assert_cmpint (json_object_get_int_member (span, "end") - json_object_get_int_member (span, "start"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (span, "start"), ==,
                   ((GlossaSpan *) g_ptr_array_index (record->spans, 0))->start + 6);
  g_assert_cmpstr (json_object_get_string_member (span, "label"), ==, "actor");
  g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, "👨‍👩‍👧");
  g_assert_cmpstr (json_object_get_string_member (span, "id"), ==, "s1");
  /* Every span has "attributes", so that a table of them has one shape. */
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (span, "attributes")), ==, 0);
  g_assert_cmpuint (json_object_get_size (span), ==, 6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "relations")), ==, 0);
}

static void
test_doccano_line (void)
{
  g_autoptr(GlossaRecord) record = record_new ("7", "Marco Rossi met Lena.");
  g_autofree char *line = NULL;

  record_add (record, span_over ("Marco Rossi met Lena.", "Marco Rossi", 0, GLOSSA_LABEL_ACTOR));
  record_add (record, span_over ("Marco Rossi met Lena.", "Lena", 0, GLOSSA_LABEL_ACTOR));
  line = export_one (record, GLOSSA_EXPORT_DOCCANO, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, NULL);
  g_assert_cmpstr (line, ==, "{\"id\": \"7\", \"text\": \"Marco Rossi met Lena.\", \"entities\": ["
                             "{\"id\": 1, \"start_offset\": 0, \"end_offset\": 11, \"label\": \"actor\"}, "
                             "{\"id\": 2, \"start_offset\": 16, \"end_offset\": 20, \"label\": \"actor\"}], "
                             "\"relations\": []}\n");
}

#define LINKED "Putin said it was “a colossal mistake” on Tuesday.\n“We stay”, Anna Keller said."

/* A record of the built-in schema with two quotes linked to their
 * speakers, a date with its value set by the normaliser, and a note.
 */
static GlossaRecord *
linked_record (void)
{
  GlossaRecord *record = record_new ("linked", LINKED);
  GlossaSpan *date;

  record_add (record, span_over (LINKED, "Putin", 0, GLOSSA_LABEL_ACTOR));
  record_add (record, span_over (LINKED, "“a colossal mistake”", 0, GLOSSA_LABEL_QUOTE));
  record_add (record, date = span_over (LINKED, "Tuesday", 0, GLOSSA_LABEL_DATE));
  record_add (record, span_over (LINKED, "“We stay”", 0, GLOSSA_LABEL_QUOTE));
  record_add (record, span_over (LINKED, "Anna Keller", 0, GLOSSA_LABEL_ACTOR));
  date->attributes = json_object_new ();
  json_object_set_string_member (date->attributes, "value", "2021-12-28");
  date->value_source = g_strdup ("auto");
  date->note = g_strdup ("the day before");
  /* Ids in sorted order: s1 Putin, s2 mistake, s3 Tuesday, s4 We stay, s5 Anna. */
  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, i);

      g_free (span->id);
      span->id = g_strdup_printf ("s%u", i + 1);
    }
  g_ptr_array_add (record->relations, glossa_relation_new ("r1", "source", "s2", "s1"));
  g_ptr_array_add (record->relations, glossa_relation_new ("r2", "source", "s4", "s5"));
  return record;
}

static void
test_jsonl_links (void)
{
  g_autoptr(GlossaRecord) record = linked_record ();
  g_autofree char *line = export_one (record, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, NULL);

  ct_assert_contains (line, "{\"id\": \"s3\", \"start\": 42, \"end\": 49, \"label\": \"date\", "
                            "\"text\": \"Tuesday\", \"attributes\": {\"value\": \"2021-12-28\"}, "
                            "\"note\": \"the day before\", \"value_source\": \"auto\"}");
  g_assert_true (g_str_has_suffix (line, "\"relations\": [{\"id\": \"r1\", \"type\": \"source\", "
                                         "\"from\": \"s2\", \"to\": \"s1\"}, {\"id\": \"r2\", "
                                         "\"type\": \"source\", \"from\": \"s4\", \"to\": \"s5\"}]}\n"));
  g_clear_pointer (&line, g_free);

  /* With --label quote, no link keeps both its ends. */
  line = export_one (record, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, GLOSSA_LABEL_QUOTE, NULL, NULL);
  g_assert_true (g_str_has_suffix (line, "\"relations\": []}\n"));
}

static void
test_doccano_links (void)
{
  g_autoptr(GlossaRecord) record = linked_record ();
  g_autofree char *line = export_one (record, GLOSSA_EXPORT_DOCCANO, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, NULL);

  ct_assert_contains (line, "{\"id\": 3, \"start_offset\": 42, \"end_offset\": 49, \"label\": \"date\"}");
  g_assert_true (g_str_has_suffix (line, "\"relations\": [{\"id\": 1, \"from_id\": 2, \"to_id\": 1, "
                                         "\"type\": \"source\"}, {\"id\": 2, \"from_id\": 4, \"to_id\": 5, "
                                         "\"type\": \"source\"}]}\n"));
}

/* brat: R lines from the quote (Arg1) to its actor (Arg2); the value in a
 * note "value=…" (brat has no free-text attribute), who set it in another,
 * numbered after the spans' own notes.
 */
static void
test_brat_links (void)
{
  g_autoptr(GlossaRecord) record = linked_record ();
  g_autofree char *ann = NULL;
  g_autofree char *text = export_one (record, GLOSSA_EXPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, &ann);

  g_assert_cmpstr (ann, ==,
                   "T1\tactor 0 5\tPutin\n"
                   "T2\tquote 18 38\t“a colossal mistake”\n"
                   "T3\tdate 42 49\tTuesday\n"
                   "#3\tAnnotatorNotes T3\tthe day before\n"
                   "T4\tquote 51 60\t“We stay”\n"
                   "T5\tactor 62 73\tAnna Keller\n"
                   "R1\tsource Arg1:T2 Arg2:T1\n"
                   "R2\tsource Arg1:T4 Arg2:T5\n"
                   "#6\tAnnotatorNotes T3\tvalue=2021-12-28\n"
                   "#7\tAnnotatorNotes T3\tvalue_source=auto\n");
}

/* brat's fields are separated by white space: a link type that has some
 * gets "_" instead.
 */
static void
test_brat_names (void)
{
  g_autoptr(GlossaRecord) record = linked_record ();
  g_autofree char *ann = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (record->relations, glossa_relation_new ("r3", "said\tby them", "s4", "s1"));
  text = export_one (record, GLOSSA_EXPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, &ann);
  ct_assert_contains (ann, "R3\tsaid_by_them Arg1:T4 Arg2:T1\n");
}

/* Flags and choices are brat attributes: a true flag an A line with no
 * value, a false one none, a choice its value.
 */
static void
test_brat_attributes (void)
{
  g_autoptr(GlossaRecord) record = record_new ("a", "Anna left.");
  g_autoptr(GlossaSchema) schema = glossa_schema_new ("test");
  GlossaLabel name;
  GlossaSchemaLabel *label;
  GlossaSchemaAttribute *choice;
  GlossaSpan *span;
  g_autofree char *ann = NULL;
  g_autofree char *text = NULL;

  glossa_label_from_string ("PER", &name);
  label = glossa_schema_label_new (name, "#1c71d8");
  choice = glossa_schema_attribute_new ("role", GLOSSA_ATTRIBUTE_CHOICE);
  choice->choices = g_strsplit ("official,witness", ",", -1);
  g_ptr_array_add (label->attributes, choice);
  g_ptr_array_add (label->attributes, glossa_schema_attribute_new ("named", GLOSSA_ATTRIBUTE_BOOLEAN));
  g_ptr_array_add (label->attributes, glossa_schema_attribute_new ("negated", GLOSSA_ATTRIBUTE_BOOLEAN));
  glossa_schema_add_label (schema, label);
  glossa_schema_unref (record->schema);
  record->schema = glossa_schema_ref (schema);

  record_add (record, span = span_over ("Anna left.", "Anna", 0, name));
  span->attributes = json_object_new ();
  json_object_set_string_member (span->attributes, "role", "witness");
  json_object_set_boolean_member (span->attributes, "named", TRUE);
  json_object_set_boolean_member (span->attributes, "negated", FALSE);
  text = export_one (record, GLOSSA_EXPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, &ann);
  g_assert_cmpstr (ann, ==, "T1\tPER 0 4\tAnna\nA1\trole T1 witness\nA2\tnamed T1\n");
}

/* Runs check_slices.py and returns the number of spans it checked. */
static guint
check_with_python (const char *kind,
                   const char *unit,
                   const char *path,
                   const char *ref)
{
  g_autofree char *python = ct_find_python ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "datasets", "check_slices.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, kind, unit, path, ref, NULL };
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_fail_printf ("check_slices.py %s %s %s: %s", kind, unit, path, err);
      return 0;
    }
  return (guint) g_ascii_strtoull (out, NULL, 10);
}

static void
export_to (GlossaRecordSource  *source,
           const char          *path,
           GlossaExportFormat   format,
           GlossaOffsets        offsets,
           GlossaExportStats   *stats)
{
  GlossaExportOptions options = { format, offsets, -1, 0, NULL, 0, 2 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  glossa_export (source, file, &options, stats, NULL, &error);
  g_assert_no_error (error);
}

/* The fixture corpus, exported in every format and unit, sliced in
 * Python: emoji with skin tones, flags and ZWJ, combining marks, CJK,
 * Hebrew and Arabic, CRLF.
 */
static void
test_slicing_python (void)
{
  g_autoptr(GlossaRecordSource) source = open_fixture_corpus ();
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *ref = g_build_filename (dir, "ref.jsonl", NULL);
  const char *units[] = { "codepoint", "utf16", "byte" };
  GlossaExportStats stats;

  export_to (source, ref, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, &stats);
  g_assert_cmpuint (stats.n_documents, ==, 3);
  g_assert_cmpuint (stats.n_spans, ==, 22);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *jsonl = g_strdup_printf ("%s/%s.jsonl", dir, units[i]);
      g_autofree char *doccano = g_strdup_printf ("%s/%s-doccano.jsonl", dir, units[i]);
      g_autofree char *brat = g_strdup_printf ("%s/%s-brat", dir, units[i]);
      GlossaOffsets unit;

      g_assert_true (glossa_offsets_from_string (units[i], &unit));
      export_to (source, jsonl, GLOSSA_EXPORT_JSONL, unit, NULL);
      export_to (source, doccano, GLOSSA_EXPORT_DOCCANO, unit, NULL);
      export_to (source, brat, GLOSSA_EXPORT_BRAT, unit, &stats);
      g_assert_cmpuint (stats.n_fragmented, ==, 2);

      g_assert_cmpuint (check_with_python ("jsonl", units[i], jsonl, NULL), ==, 22);
      g_assert_cmpuint (check_with_python ("doccano", units[i], doccano, ref), ==, 22);
      g_assert_cmpuint (check_with_python ("brat", units[i], brat, NULL), ==, 22);
    }

  ct_remove_tree (dir);
}

static void
test_brat_fragments (void)
{
  const char *text = "A quote\r\nthat runs\non. Next";
  g_autoptr(GlossaRecord) record = record_new ("b", text);
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  GlossaSpan *quote = glossa_span_new (NULL, 2, 22, GLOSSA_LABEL_QUOTE, "quote\r\nthat runs\non.");
  GlossaSpan *actor = glossa_span_new (NULL, 23, 27, GLOSSA_LABEL_ACTOR, "Next");

  quote->note = g_strdup ("two\tlines\nhere");
  record_add (record, quote);
  record_add (record, actor);

  txt = export_one (record, GLOSSA_EXPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, &ann);
  g_assert_cmpstr (txt, ==, text);
  g_assert_cmpstr (ann, ==,
                   "T1\tquote 2 7;9 18;19 22\tquote that runs on.\n"
                   "#1\tAnnotatorNotes T1\ttwo lines\n"
                   "T2\tactor 23 27\tNext\n"
                   /* A note's second line is a note of its own, so that
                    * import joins them one per line again.
                    */
                   "#3\tAnnotatorNotes T1\there\n");
}

/* Olaf Scholz (actor) is crossed by a claim, which holds a date: the
 * claim goes, the date stays.
 */
static void
test_conll_overlaps (void)
{
  const char *text = "Olaf Scholz told reporters on 12 May.";
  g_autoptr(GlossaRecord) record = record_new ("c", text);
  g_autofree char *conll = NULL;
  g_autofree char *claims = NULL;
  guint dropped = 0;

  record_add (record, span_over (text, "Olaf Scholz", 0, GLOSSA_LABEL_ACTOR));
  record_add (record, span_over (text, "Scholz told reporters on 12 May", 0, GLOSSA_LABEL_CLAIM));
  record_add (record, span_over (text, "12 May", 0, GLOSSA_LABEL_DATE));

  conll = export_one (record, GLOSSA_EXPORT_CONLL, GLOSSA_OFFSETS_CODEPOINT, 0, &dropped, NULL);
  g_assert_cmpuint (dropped, ==, 1);
  g_assert_cmpstr (conll, ==,
                   "-DOCSTART- O\n\n"
                   "Olaf B-actor\nScholz I-actor\ntold O\nreporters O\non O\n"
                   "12 B-date\nMay I-date\n. O\n\n");

  /* One label alone holds no overlap. */
  claims = export_one (record, GLOSSA_EXPORT_CONLL, GLOSSA_OFFSETS_CODEPOINT, GLOSSA_LABEL_CLAIM, &dropped, NULL);
  g_assert_cmpuint (dropped, ==, 0);
  g_assert_cmpstr (claims, ==,
                   "-DOCSTART- O\n\n"
                   "Olaf O\nScholz B-claim\ntold I-claim\nreporters I-claim\non I-claim\n"
                   "12 I-claim\nMay I-claim\n. O\n\n");
}

/* A nested span inside an outer one of the same extent start: the longer
 * one is the outermost.
 */
static void
test_conll_nested (void)
{
  const char *text = "Said Anna Keller today";
  g_autoptr(GlossaRecord) record = record_new ("n", text);
  g_autofree char *conll = NULL;
  guint dropped = 0;

  record_add (record, span_over (text, "Anna", 0, GLOSSA_LABEL_ACTOR));
  record_add (record, span_over (text, "Anna Keller today", 0, GLOSSA_LABEL_QUOTE));
  conll = export_one (record, GLOSSA_EXPORT_CONLL, GLOSSA_OFFSETS_CODEPOINT, 0, &dropped, NULL);
  g_assert_cmpuint (dropped, ==, 1);
  g_assert_cmpstr (conll, ==, "-DOCSTART- O\n\nSaid O\nAnna B-quote\nKeller I-quote\ntoday I-quote\n\n");
}

/* A span running into the next sentence begins again there with B-, as
 * each sentence is a sequence of its own.
 */
static void
test_conll_sentences (void)
{
  const char *text = "He said: Go now. Stay here.\r\n\r\nEnd";
  g_autoptr(GlossaRecord) record = record_new ("s", text);
  g_autofree char *conll = NULL;

  record_add (record, span_over (text, "Go now. Stay", 0, GLOSSA_LABEL_QUOTE));
  conll = export_one (record, GLOSSA_EXPORT_CONLL, GLOSSA_OFFSETS_CODEPOINT, 0, NULL, NULL);
  g_assert_cmpstr (conll, ==,
                   "-DOCSTART- O\n\n"
                   "He O\nsaid O\n: O\nGo B-quote\nnow I-quote\n. I-quote\n\n"
                   "Stay B-quote\nhere O\n. O\n\n"
                   "End O\n\n");
}

/* Spans that do not follow token boundaries still tag the tokens they
 * touch; two spans inside one token cannot both have it.
 */
static void
test_iob_partial (void)
{
  const char *text = "Putin's Kremlin";
  g_autoptr(GlossaRecord) record = record_new ("p", text);
  g_autoptr(GlossaTokens) tokens = glossa_tokenize (text, -1);
  g_autofree guint8 *tags = NULL;
  guint dropped = 0;

  record_add (record, glossa_span_new (NULL, 0, 5, GLOSSA_LABEL_ACTOR, "Putin"));
  record_add (record, glossa_span_new (NULL, 5, 7, GLOSSA_LABEL_CLAIM, "'s"));
  record_add (record, glossa_span_new (NULL, 10, 13, GLOSSA_LABEL_ACTOR, "eml"));

  g_assert_cmpuint (tokens->tokens->len, ==, 2);
  tags = glossa_iob_tag (record->spans, record->schema, tokens, 0, &dropped);
  g_assert_cmpstr (iob_name (record->schema, tags[0]), ==, "B-actor");
  g_assert_cmpstr (iob_name (record->schema, tags[1]), ==, "B-actor");
  g_assert_cmpuint (dropped, ==, 1);
}

/* CoNLL of @record as the whole text's tokens and tags give it, the way
 * the export did before it went a piece at a time.
 */
static char *
conll_of_whole (GlossaRecord *record,
                guint        *n_dropped)
{
  const char *text = glossa_article_get_text (record->article);
  g_autoptr(GlossaTokens) tokens = glossa_tokenize (text, -1);
  g_autofree guint8 *tags = glossa_iob_tag (record->spans, record->schema, tokens, 0, n_dropped);
  GString *out = g_string_new ("-DOCSTART- O\n\n");
  const char *p = text;
  gint64 position = 0;

  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);

      for (guint k = 0; k < sentence->n_tokens; k++)
        {
          const GlossaToken *token = &g_array_index (tokens->tokens, GlossaToken, sentence->first_token + k);
          guint8 tag = tags[sentence->first_token + k];
          const char *from = g_utf8_offset_to_pointer (p, token->start - position);
          const char *to = g_utf8_offset_to_pointer (from, token->end - token->start);

          p = to;
          position = token->end;

          if (k == 0 && tag != GLOSSA_IOB_O && tag == GLOSSA_IOB_I ((tag - 1) / 2))
            tag = GLOSSA_IOB_B ((tag - 1) / 2);
          g_string_append_printf (out, "%.*s %s\n", (int) (to - from), from, iob_name (record->schema, tag));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* An article longer than the export's pieces, with spans that overlap and
 * spans across paragraph breaks (where pieces are cut): the pieces give
 * what the whole text gives.
 */
static void
test_conll_pieces (void)
{
  const char *paragraph = "Marco Rossi said the talks would resume. Cafe\xcc\x81 in 東京都: “we stay”.\n\n";
  const char *tail = strstr (paragraph, "stay");
  gint64 length = g_utf8_strlen (paragraph, -1);
  gint64 tail_start = g_utf8_pointer_to_offset (paragraph, tail);
  g_autofree char *crossing = g_strconcat (tail, "Marco", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossaRecord) record = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  guint n_paragraphs = 0, expected_dropped = 0, dropped = 0;

  while (text->len < 800 * 1024)
    {
      g_string_append (text, paragraph);
      n_paragraphs++;
    }
  record = record_new ("long", text->str);

  for (guint k = 0; k < n_paragraphs; k++)
    {
      gint64 base = k * length;

      g_ptr_array_add (record->spans, glossa_span_new (NULL, base, base + 11, GLOSSA_LABEL_ACTOR, "Marco Rossi"));
      g_ptr_array_add (record->spans, glossa_span_new (NULL, base + 6, base + 16, GLOSSA_LABEL_CLAIM, "Rossi said"));
      if (k + 1 < n_paragraphs && k % 3 == 0)
        g_ptr_array_add (record->spans, glossa_span_new (NULL, base + tail_start, base + length + 5,
                                                         GLOSSA_LABEL_QUOTE, crossing));
    }
  g_ptr_array_sort (record->spans, compare_spans);

  expected = conll_of_whole (record, &expected_dropped);
  got = export_one (record, GLOSSA_EXPORT_CONLL, GLOSSA_OFFSETS_CODEPOINT, 0, &dropped, NULL);
  g_assert_cmpuint (strlen (got), ==, strlen (expected));
  g_assert_true (strcmp (got, expected) == 0);
  g_assert_cmpuint (dropped, ==, expected_dropped);
  g_assert_cmpuint (dropped, >, 0);
}

static void
test_self_check (void)
{
  g_autoptr(GlossaRecord) record = record_new ("bad", "Marco Rossi spoke.");
  GlossaExportChunk chunk = { 0 };
  g_autoptr(GError) error = NULL;

  /* A span whose text is not the article's: only a bug could make one,
   * since the loader refuses such files, and the export must catch it.
   */
  record_add (record, glossa_span_new (NULL, 0, 5, GLOSSA_LABEL_ACTOR, "Mario"));
  g_assert_false (glossa_export_record (record, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_UTF16, 0, &chunk, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED);
  ct_assert_contains (error->message, "bug in Glossa");
  glossa_export_chunk_clear (&chunk);
}

static void
test_splits_parse (void)
{
  const char *bad[] = { "train=0.8,dev=0.1", "train=0.5,train=0.5", "train", "a=0,b=1",
                        "a/b=1", "a=x", "=1", "a=1.5,b=-0.5" };
  g_autoptr(GArray) splits = NULL;
  g_autoptr(GError) error = NULL;

  splits = glossa_export_parse_splits ("train=0.8,dev=0.1,test=0.1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (splits->len, ==, 3);
  g_assert_cmpstr (g_array_index (splits, GlossaSplit, 1).name, ==, "dev");
  g_assert_cmpfloat_with_epsilon (g_array_index (splits, GlossaSplit, 0).ratio, 0.8, 1e-12);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GArray) result = glossa_export_parse_splits (bad[i], &error);

      g_assert_null (result);
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
      g_clear_error (&error);
    }
}

static void
test_splits_assign (void)
{
  g_autoptr(GArray) splits = glossa_export_parse_splits ("train=0.8,dev=0.1,test=0.1", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  g_autofree guint *first = NULL;
  g_autofree guint *again = NULL;
  g_autofree guint *backwards = NULL;
  g_autofree guint *other_seed = NULL;
  guint sizes[3] = { 0 };
  guint differ = 0;
  const guint n = 101;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_strdup_printf ("doc-%03u", i));
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (ids, i - 1));

  first = glossa_export_assign_splits ((const char * const *) ids->pdata, n, splits, 7);
  again = glossa_export_assign_splits ((const char * const *) ids->pdata, n, splits, 7);
  backwards = glossa_export_assign_splits ((const char * const *) reversed->pdata, n, splits, 7);
  other_seed = glossa_export_assign_splits ((const char * const *) ids->pdata, n, splits, 8);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (first[i], <, 3);
      sizes[first[i]]++;
      g_assert_cmpuint (again[i], ==, first[i]);
      /* The split of a document does not depend on the corpus's order. */
      g_assert_cmpuint (backwards[n - 1 - i], ==, first[i]);
      differ += other_seed[i] != first[i];
    }

  /* 80.8, 10.1, 10.1: the floors are 80, 10, 10 and the one left over goes
   * to the largest remainder, train's.
   */
  g_assert_cmpuint (sizes[0], ==, 81);
  g_assert_cmpuint (sizes[1], ==, 10);
  g_assert_cmpuint (sizes[2], ==, 10);
  g_assert_cmpuint (differ, >, 0);
}

/* Splits through the whole export: one folder with a file per split, every
 * document in exactly one, in the corpus's order within each.
 */
static void
test_splits_export (void)
{
  g_autoptr(GlossaRecordSource) source = open_fixture_corpus ();
  g_autoptr(GArray) splits = glossa_export_parse_splits ("train=0.34,test=0.66", NULL);
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "splits", NULL);
  g_autofree char *train = g_build_filename (out, "train.jsonl", NULL);
  g_autofree char *test = g_build_filename (out, "test.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  GlossaExportOptions options = { GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, -1, 0, splits, 3, 2 };
  GlossaExportStats stats;

  glossa_export (source, file, &options, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.split_sizes[0], ==, 1);
  g_assert_cmpuint (stats.split_sizes[1], ==, 2);

  a = ct_read_file (train);
  b = ct_read_file (test);
  g_assert_cmpuint (g_bytes_get_size (a) + g_bytes_get_size (b), >, 0);
  g_assert_null (memchr (g_bytes_get_data (a, NULL), '\n', g_bytes_get_size (a) - 1));

  ct_remove_tree (dir);
}

static void
test_status_filter (void)
{
  g_autoptr(GlossaRecordSource) source = open_fixture_corpus ();
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "done.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossaExportOptions options = { GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT,
                                  GLOSSA_STATUS_DONE, GLOSSA_LABEL_DATE, NULL, 0, 0 };
  GlossaExportStats stats;

  glossa_export (source, file, &options, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_documents, ==, 2);
  g_assert_cmpuint (stats.n_skipped, ==, 1);
  /* --label date: two in mixed, two in crlf. */
  g_assert_cmpuint (stats.n_spans, ==, 4);
  bytes = ct_read_file (out);
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"plain\""));
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"actor\""));

  ct_remove_tree (dir);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* One bad document among good ones: the export fails and leaves nothing,
 * not even its temporary files.
 */
static void
test_all_or_nothing (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *input = g_build_filename (dir, "in", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *brat = g_build_filename (dir, "brat", NULL);
  g_autofree char *bad_txt = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GlossaExportFormat formats[] = { GLOSSA_EXPORT_JSONL, GLOSSA_EXPORT_BRAT };

  g_mkdir (input, 0700);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc%02u", i);
      g_autoptr(GlossaRecord) record = record_new (id, "Anna Keller spoke.");

      record_add (record, glossa_span_new (NULL, 0, 11, GLOSSA_LABEL_ACTOR, "Anna Keller"));
      write_document (input, record);
      g_ptr_array_add (paths, g_strdup_printf ("%s/%s.annotations.json", input, id));
    }
  g_ptr_array_add (paths, NULL);

  /* The article changed after it was annotated. */
  bad_txt = g_build_filename (input, "doc13.txt", NULL);
  ct_write_file (bad_txt, "Anne Keller spoke.", -1);

  source = glossa_record_source_open ((const char * const *) paths->pdata, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GlossaExportOptions options = { formats[i], GLOSSA_OFFSETS_CODEPOINT, -1, 0, NULL, 0, 2 };
      g_autoptr(GFile) file = g_file_new_for_path (formats[i] == GLOSSA_EXPORT_BRAT ? brat : out);

      g_assert_false (glossa_export (source, file, &options, NULL, NULL, &error));
      g_assert_nonnull (error);
      ct_assert_contains (error->message, "doc13");
      g_clear_error (&error);
    }

  /* Only the input folder is left. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  ct_remove_tree (dir);
}

static void
test_refuse_folder (void)
{
  g_autoptr(GlossaRecordSource) source = open_fixture_corpus ();
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *keep = g_build_filename (dir, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GlossaExportOptions options = { GLOSSA_EXPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, -1, 0, NULL, 0, 0 };

  ct_write_file (keep, "mine", -1);
  g_assert_false (glossa_export (source, file, &options, NULL, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  ct_remove_tree (dir);
}

/* However many threads format the documents, the output is the same bytes
 * in the same order.
 */
static void
test_threads_order (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GError) error = NULL;
  guint threads[] = { 1, 2, 5 };

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%03u", (i * 37) % 150);
      g_autofree char *text = g_strdup_printf ("Document %u by Lena Novak, %s.", i, i % 2 ? "👍🏽" : "東京");
      g_autoptr(GlossaRecord) record = record_new (id, text);

      record_add (record, span_over (text, "Lena Novak", 0, GLOSSA_LABEL_ACTOR));
      write_document (dir, record);
      g_ptr_array_add (paths, g_strdup_printf ("%s/%s.annotations.json", dir, id));
    }
  g_ptr_array_add (paths, NULL);
  source = glossa_record_source_open ((const char * const *) paths->pdata, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/out-%u.jsonl", dir, threads[i]);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autoptr(GBytes) bytes = NULL;
      GlossaExportOptions options = { GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_UTF16, -1, -1, NULL, 0, threads[i] };

      glossa_export (source, file, &options, NULL, NULL, &error);
      g_assert_no_error (error);
      bytes = ct_read_file (out);
      if (reference == NULL)
        {
          const char *data = g_bytes_get_data (bytes, NULL);

          reference = g_bytes_ref (bytes);
          /* The source's order: the 1st path first, the 2nd next. */
          g_assert_true (g_str_has_prefix (data, "{\"id\": \"d000\""));
          g_assert_nonnull (strstr (data, "}\n{\"id\": \"d037\""));
        }
      else
        g_assert_true (g_bytes_equal (bytes, reference));
    }

  ct_remove_tree (dir);
}

static char *
export_source_to_string (const char * const *paths)
{
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  source = glossa_record_source_open (paths, NULL, &error);
  g_assert_no_error (error);
  export_to (source, out, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, NULL);
  bytes = ct_read_file (out);
  ct_remove_tree (dir);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A folder, its annotation files named one by one, and the folder's own
 * JSONL export read back as a corpus all export the same.
 */
static void
test_sources (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", NULL);
  g_autoptr(GlossaRecordSource) files = open_fixture_corpus ();
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *from_files = g_build_filename (dir, "files.jsonl", NULL);
  g_autofree char *again = NULL;
  g_autofree char *from_folder = NULL;
  g_autoptr(GBytes) expected = NULL;
  const char *folder_paths[] = { folder, NULL };
  const char *jsonl_paths[] = { from_files, NULL };

  export_to (files, from_files, GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, NULL);
  expected = ct_read_file (from_files);

  from_folder = export_source_to_string (folder_paths);
  g_assert_cmpstr (from_folder, ==, g_bytes_get_data (expected, NULL));
  again = export_source_to_string (jsonl_paths);
  g_assert_cmpstr (again, ==, g_bytes_get_data (expected, NULL));

  ct_remove_tree (dir);
}

/* A JSONL corpus with its annotations beside it goes through the corpus:
 * a line's own spans, or the annotations' where there are some.
 */
static void
test_jsonl_corpus (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *corpus = g_build_filename (dir, "c.jsonl", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "c.annotations.jsonl", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.jsonl", NULL);
  g_autofree char *bad_sidecar = g_build_filename (dir, "bad.annotations.jsonl", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  const char *bad_paths[] = { bad, NULL };

  ct_write_file (corpus,
                 "{\"id\": \"one\", \"text\": \"Anna Keller met Marco Rossi.\"}\n"
                 "{\"id\": \"two\", \"text\": \"Lena 👍🏽 Novak.\", \"spans\": [{\"id\": \"p1\", "
                 "\"start\": 0, \"end\": 4, \"label\": \"actor\", \"text\": \"Lena\"}]}\n", -1);
  ct_write_file (sidecar,
                 "{\"id\": \"one\", \"status\": \"done\", \"annotator\": \"x\", \"spans\": "
                 "[{\"id\": \"s1\", \"start\": 16, \"end\": 27, \"label\": \"actor\", \"text\": \"Marco Rossi\"}]}\n", -1);

  out = export_source_to_string (paths);
  g_assert_cmpstr (out, ==,
                   "{\"id\": \"one\", \"text\": \"Anna Keller met Marco Rossi.\", \"date\": null, "
                   "\"status\": \"done\", \"annotator\": \"x\", \"spans\": [{\"id\": \"s1\", \"start\": 16, "
                   "\"end\": 27, \"label\": \"actor\", \"text\": \"Marco Rossi\", \"attributes\": {}}], "
                   "\"relations\": []}\n"
                   "{\"id\": \"two\", \"text\": \"Lena 👍🏽 Novak.\", \"date\": null, "
                   "\"status\": \"todo\", \"annotator\": \"\", \"spans\": [{\"id\": \"p1\", \"start\": 0, "
                   "\"end\": 4, \"label\": \"actor\", \"text\": \"Lena\", \"attributes\": {}}], "
                   "\"relations\": []}\n");

  /* A line the corpus skips (and the window warns about) stops an export. */
  ct_write_file (bad, "{\"id\": \"one\", \"text\": \"x\"}\n{\"id\": \"two\", \"text\": }\n", -1);
  ct_write_file (bad_sidecar, "", 0);
  source = glossa_record_source_open (bad_paths, NULL, &error);
  g_assert_null (source);
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "bad.jsonl:2");

  ct_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/export/offset-map", test_offset_map);
  g_test_add_func ("/core/export/jsonl-line", test_jsonl_line);
  g_test_add_func ("/core/export/doccano-line", test_doccano_line);
  g_test_add_func ("/core/export/jsonl-links", test_jsonl_links);
  g_test_add_func ("/core/export/doccano-links", test_doccano_links);
  g_test_add_func ("/core/export/brat-links", test_brat_links);
  g_test_add_func ("/core/export/brat-attributes", test_brat_attributes);
  g_test_add_func ("/core/export/brat-names", test_brat_names);
  g_test_add_func ("/core/export/slicing-python", test_slicing_python);
  g_test_add_func ("/core/export/brat-fragments", test_brat_fragments);
  g_test_add_func ("/core/export/conll-overlaps", test_conll_overlaps);
  g_test_add_func ("/core/export/conll-nested", test_conll_nested);
  g_test_add_func ("/core/export/conll-sentences", test_conll_sentences);
  g_test_add_func ("/core/export/iob-partial", test_iob_partial);
  g_test_add_func ("/core/export/conll-pieces", test_conll_pieces);
  g_test_add_func ("/core/export/self-check", test_self_check);
  g_test_add_func ("/core/export/splits-parse", test_splits_parse);
  g_test_add_func ("/core/export/splits-assign", test_splits_assign);
  g_test_add_func ("/core/export/splits-export", test_splits_export);
  g_test_add_func ("/core/export/status-filter", test_status_filter);
  g_test_add_func ("/core/export/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/core/export/refuse-folder", test_refuse_folder);
  g_test_add_func ("/core/export/threads-order", test_threads_order);
  g_test_add_func ("/core/export/sources", test_sources);
  g_test_add_func ("/core/export/jsonl-corpus", test_jsonl_corpus);

  return g_test_run ();
}
