/* test-import.c: tests of dataset import (JSONL, doccano, Label Studio, brat)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-import.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "datasets", name, NULL);
}

static GPtrArray *
load_fixture_records (void)
{
  g_autofree char *crlf = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "crlf.annotations.json", NULL);
  g_autofree char *mixed = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "mixed.annotations.json", NULL);
  g_autofree char *plain = g_test_build_filename (G_TEST_DIST, "data", "datasets", "corpus", "plain.annotations.json", NULL);
  const char *paths[] = { crlf, mixed, plain, NULL };
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);

  source = glossa_record_source_open (paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < glossa_record_source_get_n_records (source); i++)
    {
      GlossaRecord *record = glossa_record_source_load (source, i, &error);

      g_assert_no_error (error);
      g_ptr_array_add (records, record);
    }
  return records;
}

static GPtrArray *
import_with_links (const char          *path,
                   GlossaImportFormat   format,
                   GHashTable          *map,
                   GHashTable          *link_map,
                   gboolean             drop,
                   GlossaImportReport  *report)
{
  GlossaImportOptions options = { format, FALSE, 0, map, drop, link_map };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = glossa_import_read (file, &options, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static GPtrArray *
import (const char          *path,
        GlossaImportFormat   format,
        int                  offsets,
        GHashTable          *map,
        gboolean             drop,
        GlossaImportReport  *report)
{
  GlossaImportOptions options = { format, offsets >= 0, offsets >= 0 ? offsets : 0, map, drop, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = glossa_import_read (file, &options, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static char *
import_error (const char          *path,
              GlossaImportFormat   format,
              GHashTable          *map)
{
  GlossaImportOptions options = { format, FALSE, 0, map, FALSE, NULL };
  GlossaImportReport report = { 0 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = glossa_import_read (file, &options, &report, NULL, &error);

  glossa_import_report_clear (&report);
  g_assert_null (records);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
export_records (GPtrArray          *records,
                const char         *path,
                GlossaExportFormat  format,
                GlossaOffsets       offsets)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      GlossaExportChunk chunk = { 0 };

      glossa_export_record (g_ptr_array_index (records, i), format, offsets, 0, &chunk, &error);
      g_assert_no_error (error);
      if (format == GLOSSA_EXPORT_BRAT)
        {
          GlossaRecord *record = g_ptr_array_index (records, i);
          g_autofree char *txt = g_strdup_printf ("%s/%s.txt", path, record->id);
          g_autofree char *ann = g_strdup_printf ("%s/%s.ann", path, record->id);

          ct_write_file (txt, chunk.text->str, chunk.text->len);
          ct_write_file (ann, chunk.ann->str, chunk.ann->len);
        }
      else
        g_string_append_len (out, chunk.text->str, chunk.text->len);
      glossa_export_chunk_clear (&chunk);
    }
  if (format != GLOSSA_EXPORT_BRAT)
    ct_write_file (path, out->str, out->len);
}

/* @b came back from an export of @a: same documents, same spans. */
static void
assert_same_records (GPtrArray *a,
                     GPtrArray *b,
                     gboolean   metadata,
                     gboolean   notes)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      GlossaRecord *ra = g_ptr_array_index (a, i);
      GlossaRecord *rb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpstr (glossa_article_get_text (ra->article), ==, glossa_article_get_text (rb->article));
      if (metadata)
        {
          g_assert_cmpstr (ra->date, ==, rb->date);
          g_assert_cmpint (ra->status, ==, rb->status);
          g_assert_cmpstr (ra->annotator, ==, rb->annotator);
        }
      g_assert_cmpuint (ra->spans->len, ==, rb->spans->len);
      for (guint k = 0; k < ra->spans->len; k++)
        {
          GlossaSpan *sa = g_ptr_array_index (ra->spans, k);
          GlossaSpan *sb = g_ptr_array_index (rb->spans, k);

          g_assert_cmpint (sa->start, ==, sb->start);
          g_assert_cmpint (sa->end, ==, sb->end);
          g_assert_cmpint (sa->label, ==, sb->label);
          g_assert_cmpstr (sa->text, ==, sb->text);
          g_assert_cmpint (sb->origin, ==, GLOSSA_ORIGIN_IMPORTED);
          if (notes && sa->note != NULL)
            {
              /* brat's notes are lines: each line of a note is one. */
              g_autofree char *flat = g_strdelimit (g_strdup (sa->note), "\t\r", ' ');
              g_assert_cmpstr (flat, ==, sb->note);
            }
        }
    }
}

static void
test_roundtrip (void)
{
  g_autoptr(GPtrArray) records = load_fixture_records ();
  g_autofree char *dir = ct_make_tmpdir ();
  const struct {
    GlossaExportFormat export_format;
    GlossaImportFormat import_format;
    GlossaOffsets offsets;
    gboolean explicit_offsets;
  } cases[] = {
    { GLOSSA_EXPORT_JSONL, GLOSSA_IMPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, FALSE },
    { GLOSSA_EXPORT_JSONL, GLOSSA_IMPORT_JSONL, GLOSSA_OFFSETS_UTF16, TRUE },
    { GLOSSA_EXPORT_JSONL, GLOSSA_IMPORT_JSONL, GLOSSA_OFFSETS_BYTE, TRUE },
    { GLOSSA_EXPORT_DOCCANO, GLOSSA_IMPORT_DOCCANO, GLOSSA_OFFSETS_UTF16, FALSE },
    { GLOSSA_EXPORT_DOCCANO, GLOSSA_IMPORT_DOCCANO, GLOSSA_OFFSETS_CODEPOINT, TRUE },
    { GLOSSA_EXPORT_DOCCANO, GLOSSA_IMPORT_DOCCANO, GLOSSA_OFFSETS_BYTE, TRUE },
    { GLOSSA_EXPORT_BRAT, GLOSSA_IMPORT_BRAT, GLOSSA_OFFSETS_CODEPOINT, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/case-%u", dir, i);
      g_autoptr(GPtrArray) back = NULL;
      GlossaImportReport report = { 0 };

      if (cases[i].export_format == GLOSSA_EXPORT_BRAT)
        g_mkdir (path, 0700);
      export_records (records, path, cases[i].export_format, cases[i].offsets);
      back = import (path, cases[i].import_format, cases[i].explicit_offsets ? (int) cases[i].offsets : -1,
                     NULL, FALSE, &report);

      assert_same_records (records, back, cases[i].export_format == GLOSSA_EXPORT_JSONL,
                           cases[i].export_format != GLOSSA_EXPORT_DOCCANO);
      g_assert_cmpuint (report.n_spans, ==, 22);
      if (cases[i].export_format == GLOSSA_EXPORT_BRAT)
        {
          g_assert_cmpuint (report.n_fragmented, ==, 2);
          /* Two notes, one of two lines. */
          g_assert_cmpuint (report.n_notes, ==, 3);
        }
      glossa_import_report_clear (&report);
    }

  ct_remove_tree (dir);
}

static void
assert_span (GlossaRecord *record,
             guint         index,
             const char   *text,
             GlossaLabel   label)
{
  GlossaSpan *span;

  g_assert_cmpuint (index, <, record->spans->len);
  span = g_ptr_array_index (record->spans, index);
  g_assert_cmpstr (span->text, ==, text);
  g_assert_cmpint (span->label, ==, label);
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_IMPORTED);
  g_assert_true (glossa_article_slice_equals (record->article, span->start, span->end, text));
}

static GHashTable *
new_map (const char *first,
         ...)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *m = first; m != NULL; m = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;

      glossa_import_add_mapping (map, m, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return map;
}

static GHashTable *
new_link_map (const char *first,
              ...)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *m = first; m != NULL; m = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;

      glossa_import_add_link_mapping (map, m, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return map;
}

static void
test_doccano (void)
{
  g_autofree char *label_form = fixture ("doccano-label.jsonl");
  g_autofree char *entities_form = fixture ("doccano-entities.jsonl");
  g_autoptr(GHashTable) map = new_map ("PER=actor", "LOC=actor", "QUOTE=quote", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  /* UTF-16 offsets by default: the thumb with its skin tone is 4 units. */
  records = import (label_form, GLOSSA_IMPORT_DOCCANO, -1, map, FALSE, &report);
  g_assert_cmpuint (records->len, ==, 2);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->id, ==, "7");
  assert_span (record, 0, "👍🏽", GLOSSA_LABEL_ACTOR);
  assert_span (record, 1, "東京都", GLOSSA_LABEL_ACTOR);
  assert_span (record, 2, "“we stay”", GLOSSA_LABEL_QUOTE);
  assert_span (record, 3, "Dana Levi", GLOSSA_LABEL_ACTOR);
  record = g_ptr_array_index (records, 1);
  g_assert_cmpstr (record->id, ==, "document-2");
  assert_span (record, 0, "Marco Rossi", GLOSSA_LABEL_ACTOR);
  glossa_import_report_clear (&report);

  entities = import (entities_form, GLOSSA_IMPORT_DOCCANO, -1, map, FALSE, &report);
  assert_span (g_ptr_array_index (entities, 0), 0, "Omar", GLOSSA_LABEL_ACTOR);
  glossa_import_report_clear (&report);
}

/* Read as code points, the same UTF-16 offsets miss the text. */
static void
test_doccano_wrong_unit (void)
{
  g_autofree char *path = fixture ("doccano-label.jsonl");
  g_autoptr(GHashTable) map = new_map ("PER=actor", "LOC=actor", "QUOTE=quote", NULL);
  GlossaImportReport report = { 0 };
  g_autoptr(GPtrArray) records = import (path, GLOSSA_IMPORT_DOCCANO, GLOSSA_OFFSETS_CODEPOINT, map, FALSE, &report);
  GlossaSpan *span = g_ptr_array_index (((GlossaRecord *) g_ptr_array_index (records, 0))->spans, 0);

  g_assert_cmpstr (span->text, !=, "👍🏽");
  glossa_import_report_clear (&report);
}

static void
test_label_studio (void)
{
  g_autofree char *path = fixture ("label-studio.json");
  g_autoptr(GHashTable) map = new_map ("Person=actor", "Date=date", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  records = import (path, GLOSSA_IMPORT_LABEL_STUDIO, -1, map, FALSE, &report);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->id, ==, "42");
  g_assert_cmpuint (record->spans->len, ==, 2);
  assert_span (record, 0, "Anna Keller", GLOSSA_LABEL_ACTOR);
  assert_span (record, 1, "autumn", GLOSSA_LABEL_DATE);
  /* The cancelled annotation does not count as a second one. */
  g_assert_null (report.warnings);
  glossa_import_report_clear (&report);
}

static void
test_brat (void)
{
  g_autofree char *path = fixture ("brat");
  g_autoptr(GHashTable) map = new_map ("Person=actor", "Quote=quote", "Date=date", NULL);
  g_autoptr(GHashTable) link_map = new_link_map ("Speaker=source", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;
  GlossaSpan *span;
  GlossaRelation *relation;

  records = import_with_links (path, GLOSSA_IMPORT_BRAT, map, link_map, FALSE, &report);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->id, ==, "crlf");
  assert_span (record, 0, "Anna Keller", GLOSSA_LABEL_ACTOR);
  span = g_ptr_array_index (record->spans, 0);
  g_assert_cmpstr (span->note, ==, "the minister");
  /* Two fragments become one span from the first start to the last end,
   * the line break between them included.
   */
  assert_span (record, 1, "“Prices will fall\r\nby autumn.”", GLOSSA_LABEL_QUOTE);
  assert_span (record, 2, "autumn", GLOSSA_LABEL_DATE);

  /* "R1 Speaker Arg1:T1 Arg2:T2" runs from the speaker to the quote:
   * turned round, since a source link runs from the quote to its actor.
   */
  g_assert_cmpuint (record->relations->len, ==, 1);
  relation = g_ptr_array_index (record->relations, 0);
  g_assert_cmpstr (relation->id, ==, "r1");
  g_assert_cmpstr (relation->type, ==, "source");
  g_assert_cmpstr (relation->from, ==, "s2");
  g_assert_cmpstr (relation->to, ==, "s1");
  g_assert_cmpuint (report.n_links, ==, 1);
  g_assert_cmpuint (report.n_links_reversed, ==, 1);
  /* A quote has no attribute "Negated" in the built-in schema. */
  g_assert_cmpuint (report.n_attributes_dropped, ==, 1);
  g_assert_cmpuint (report.n_fragmented, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 1);
  g_assert_cmpuint (report.n_notes, ==, 1);
  g_assert_nonnull (report.warnings);
  ct_assert_contains (g_ptr_array_index (report.warnings, 0), "crlf.ann:2: T2 has 2 fragments");
  glossa_import_report_clear (&report);
}

/* With no map, the labels are kept: every record shares one schema of
 * them, in the order spans first have them, so the corpus written reads
 * back.
 */
static void
test_kept_labels (void)
{
  g_autofree char *path = fixture ("doccano-label.jsonl");
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *first;
  GlossaSchema *schema;
  const char *expected[] = { "PER", "LOC", "QUOTE" };

  records = import (path, GLOSSA_IMPORT_DOCCANO, -1, NULL, FALSE, &report);
  g_assert_cmpuint (report.n_unmapped, ==, 0);
  g_assert_cmpuint (report.n_spans, ==, 5);
  first = g_ptr_array_index (records, 0);
  schema = first->schema;
  g_assert_false (glossa_schema_is_default (schema));
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (glossa_label_to_string (glossa_schema_get_label (schema, i)->name), ==, expected[i]);
  for (guint i = 1; i < records->len; i++)
    g_assert_true (((GlossaRecord *) g_ptr_array_index (records, i))->schema == schema);
  g_assert_cmpstr (glossa_label_to_string (((GlossaSpan *) g_ptr_array_index (first->spans, 0))->label), ==, "PER");
  glossa_import_report_clear (&report);
}

static void
test_unknown_labels (void)
{
  g_autofree char *path = fixture ("doccano-label.jsonl");
  g_autoptr(GHashTable) some = new_map ("QUOTE=quote", NULL);
  /* A rule for a label no span has: still every other label must map. */
  g_autoptr(GHashTable) none = new_map ("ORG=actor", NULL);
  g_autofree char *message = import_error (path, GLOSSA_IMPORT_DOCCANO, none);
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  /* Each unknown label with its count, the most frequent first. */
  ct_assert_contains (message, "“PER” (3), “LOC” (1), “QUOTE” (1)");
  ct_assert_contains (message, "--map");
  ct_assert_contains (message, "--drop-unmapped");

  partial = import_error (path, GLOSSA_IMPORT_DOCCANO, some);
  ct_assert_contains (partial, "“PER” (3), “LOC” (1)");
  g_assert_null (strstr (partial, "QUOTE"));

  records = import (path, GLOSSA_IMPORT_DOCCANO, -1, some, TRUE, &report);
  g_assert_cmpuint (report.n_unmapped, ==, 4);
  g_assert_cmpuint (report.n_spans, ==, 1);
  record = g_ptr_array_index (records, 0);
  assert_span (record, 0, "“we stay”", GLOSSA_LABEL_QUOTE);
  glossa_import_report_clear (&report);
}

static void
test_bad_input (void)
{
  const struct {
    GlossaImportFormat format;
    const char *contents;
    const char *message;
  } cases[] = {
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": }\n", "in.data:2:21:" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"Anna\", \"spans\": [{\"start\": 0, \"end\": 9, "
                           "\"label\": \"actor\", \"text\": \"Anna\"}]}\n", "in.data:1: spans[0]: end 9 is not" },
    { GLOSSA_IMPORT_JSONL, "\n{\"id\": \"a\", \"text\": \"Anna\", \"spans\": [{\"start\": 0, \"end\": 3, "
                           "\"label\": \"actor\", \"text\": \"Anna\"}]}\n", "in.data:2: spans[0]: the span's text “Anna” differs" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"Anna\", \"spans\": [{\"start\": 2, \"end\": 2, "
                           "\"label\": \"actor\"}]}\n", "end 2 is not after start 2" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"Anna\", \"spans\": [{\"start\": \"0\", \"end\": 2, "
                           "\"label\": \"actor\"}]}\n", "in.data:1: spans[0]: “start” must be an integer" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\"}\n", "in.data:1: “text” must be a string" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\", \"status\": \"finished\"}\n", "unknown status “finished”" },
    { GLOSSA_IMPORT_JSONL, "[1, 2]\n", "in.data:1: expected an object" },
    { GLOSSA_IMPORT_JSONL, "{\"text\": \"x\", \"text\": \"y\"}\n", "duplicate key" },
    /* 👍 is two UTF-16 units: 1 falls between them. */
    { GLOSSA_IMPORT_DOCCANO, "{\"text\": \"👍 ok\", \"label\": [[1, 5, \"actor\"]]}\n", "start 1 is not a character position" },
    { GLOSSA_IMPORT_DOCCANO, "{\"text\": \"ok\", \"label\": [\"positive\"]}\n", "label[0]: expected [start, end, \"LABEL\"]" },
    { GLOSSA_IMPORT_LABEL_STUDIO, "{\"data\": {}}", "expected an array of tasks" },
    { GLOSSA_IMPORT_LABEL_STUDIO, "[{\"data\": {\"text\": \"Anna\"}, \"annotations\": [{\"result\": "
                                  "[{\"value\": {\"start\": 0, \"end\": 4, \"text\": \"Anne\", \"labels\": [\"actor\"]}}]}]}]",
                                  "[0].annotations[0].result[0].value: the span's text “Anne” differs" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"\xef\xbb\xbfx\"}\n", "byte-order mark" },
  };
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.data", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      ct_write_file (path, cases[i].contents, -1);
      message = import_error (path, cases[i].format, NULL);
      ct_assert_contains (message, cases[i].message);
    }

  ct_remove_tree (dir);
}

static void
test_brat_bad (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "a.ann", NULL);
  g_autofree char *message = NULL;
  g_autofree char *missing = NULL;

  ct_write_file (txt, "Anna Keller", -1);
  ct_write_file (ann, "T1\tactor 0 4\tAnna\nT2\tactor 5 x\tKeller\n", -1);
  message = import_error (dir, GLOSSA_IMPORT_BRAT, NULL);
  ct_assert_contains (message, "a.ann:2: “5 x” are not offsets");

  ct_write_file (ann, "T1\tactor 0 4\tAnne\n", -1);
  g_free (message);
  message = import_error (dir, GLOSSA_IMPORT_BRAT, NULL);
  ct_assert_contains (message, "a.ann:1: the span's text “Anne” differs");

  g_unlink (txt);
  missing = import_error (dir, GLOSSA_IMPORT_BRAT, NULL);
  ct_assert_contains (missing, "a.ann: no article beside it");

  ct_remove_tree (dir);
}

static void
test_duplicates (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.jsonl", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  ct_write_file (path, "{\"id\": \"a\", \"text\": \"Anna Keller\", \"spans\": ["
                       "{\"start\": 5, \"end\": 11, \"label\": \"actor\"}, "
                       "{\"start\": 0, \"end\": 4, \"label\": \"actor\"}, "
                       "{\"start\": 5, \"end\": 11, \"label\": \"actor\", \"text\": \"Keller\"}]}\n", -1);
  records = import (path, GLOSSA_IMPORT_JSONL, -1, NULL, FALSE, &report);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (report.n_duplicates, ==, 1);
  g_assert_cmpuint (record->spans->len, ==, 2);
  /* Sorted, and numbered in that order. */
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (record->spans, 0))->id, ==, "s1");
  assert_span (record, 0, "Anna", GLOSSA_LABEL_ACTOR);
  assert_span (record, 1, "Keller", GLOSSA_LABEL_ACTOR);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* The corpus written is what the loader accepts, what Python reads, and
 * what was imported.
 */
static void
test_write_corpus (void)
{
  g_autofree char *path = fixture ("label-studio.json");
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "corpus", NULL);
  g_autofree char *ann = g_build_filename (out, "42.annotations.json", NULL);
  g_autofree char *txt = g_build_filename (out, "42.txt", NULL);
  g_autofree char *dup_ann = g_build_filename (out, "42-2.annotations.json", NULL);
  g_autoptr(GHashTable) map = new_map ("Person=actor", "Date=date", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  GlossaImportReport report = { 0 };

  records = import (path, GLOSSA_IMPORT_LABEL_STUDIO, -1, map, FALSE, &report);
  again = import (path, GLOSSA_IMPORT_LABEL_STUDIO, -1, map, FALSE, &report);
  /* Two documents with one id still get a file each. */
  g_ptr_array_add (records, g_ptr_array_steal_index (again, 0));

  glossa_import_write_corpus (records, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (dup_ann, G_FILE_TEST_EXISTS));

  text = ct_read_file (txt);
  json = ct_read_file (ann);
  article = glossa_article_new_from_data (g_bytes_get_data (text, NULL), g_bytes_get_size (text), txt, &error);
  g_assert_no_error (error);
  annotations = glossa_format_read (g_bytes_get_data (json, NULL), g_bytes_get_size (json), ann, article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 2);
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (annotations->spans, 0))->origin, ==, GLOSSA_ORIGIN_IMPORTED);
  g_assert_cmpstr (annotations->date, ==, "2022-03-01");
  ct_check_with_python (ann, txt);

  /* A second import into the same, now full, folder is refused. */
  g_assert_false (glossa_import_write_corpus (records, file, NULL, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);

  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

static void
test_mapping (void)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *bad[] = { "PER", "PER=person", "=actor", "PER=" };
  g_autoptr(GError) error = NULL;

  g_assert_true (glossa_import_add_mapping (map, "B-PER=actor", &error));
  g_assert_cmpstr (g_hash_table_lookup (map, "B-PER"), ==, "actor");
  /* A label may itself hold "=": the last one separates. */
  g_assert_true (glossa_import_add_mapping (map, "a=b=claim", &error));
  g_assert_cmpstr (g_hash_table_lookup (map, "a=b"), ==, "claim");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (glossa_import_add_mapping (map, bad[i], &error));
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
      g_clear_error (&error);
    }
}

/* Case 7 of issue 9: what import writes, the loader reads. Every file of
 * the corpus written must load against its article, whatever the input;
 * an input whose values the loader would refuse fails the import instead.
 */
static void
assert_output_loads (GPtrArray *records)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "corpus", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint n_loaded = 0;

  glossa_import_write_corpus (records, file, NULL, NULL, &error);
  g_assert_no_error (error);

  folder = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *ann = g_build_filename (out, name, NULL);
      g_autofree char *stem = NULL;
      g_autofree char *txt = NULL;
      g_autoptr(GBytes) text = NULL;
      g_autoptr(GBytes) json = NULL;
      g_autoptr(GlossaArticle) article = NULL;
      g_autoptr(GlossaAnnotations) annotations = NULL;

      if (!g_str_has_suffix (name, GLOSSA_ANNOTATIONS_SUFFIX))
        continue;
      stem = g_strndup (ann, strlen (ann) - strlen (GLOSSA_ANNOTATIONS_SUFFIX));
      txt = g_strconcat (stem, ".txt", NULL);
      text = ct_read_file (txt);
      json = ct_read_file (ann);
      article = glossa_article_new_from_data (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                                              txt, &error);
      g_assert_no_error (error);
      annotations = glossa_format_read_with_schema (g_bytes_get_data (json, NULL), g_bytes_get_size (json), ann,
                                                    article, ((GlossaRecord *) g_ptr_array_index (records, 0))->schema,
                                                    &error);
      g_assert_no_error (error);
      n_loaded++;
    }
  g_assert_cmpuint (n_loaded, ==, records->len);
  ct_remove_tree (dir);
}

static void
test_values_checked (void)
{
  const struct {
    GlossaImportFormat format;
    const char *contents;
    const char *message;   /* NULL: the import succeeds */
  } cases[] = {
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\", \"date\": \"2024-02-30\"}\n",
      "in.data:1: date: “2024-02-30” is not a date as YYYY-MM-DD" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\", \"date\": \"not a date\"}\n",
      "in.data:2: date: “not a date” is not a date as YYYY-MM-DD" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\", \"date\": \"2024-2-3\"}\n", "in.data:1: date:" },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"a\", \"text\": \"x\", \"date\": \"2024-02-29\", \"status\": \"done\", "
                           "\"annotator\": \"\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"claim\"}]}\n", NULL },
    { GLOSSA_IMPORT_JSONL, "{\"id\": \"\", \"text\": \"date 2021-12-31 x\"}\n{\"id\": 0, \"text\": \"\"}\n", NULL },
    { GLOSSA_IMPORT_DOCCANO, "{\"text\": \"\xf0\x9f\x91\x8d Anna\", \"label\": [[3, 7, \"actor\"]]}\n", NULL },
    { GLOSSA_IMPORT_LABEL_STUDIO, "[{\"data\": {\"text\": \"Anna\\r\\nBo\"}, \"annotations\": [{\"result\": "
                                  "[{\"value\": {\"start\": 0, \"end\": 6, \"labels\": [\"actor\"]}}]}]}]", NULL },
  };
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.data", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GlossaImportOptions options = { cases[i].format, FALSE, 0, NULL, FALSE, NULL };
      GlossaImportReport report = { 0 };
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      ct_write_file (path, cases[i].contents, -1);
      records = glossa_import_read (file, &options, &report, NULL, &error);
      glossa_import_report_clear (&report);
      if (cases[i].message != NULL)
        {
          g_assert_null (records);
          g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
          ct_assert_contains (error->message, cases[i].message);
          continue;
        }
      g_assert_no_error (error);
      assert_output_loads (records);
    }

  ct_remove_tree (dir);
}

/* The round trip for each importer over its fixture. */
static void
test_output_loads (void)
{
  g_autoptr(GHashTable) map = new_map ("PER=actor", "LOC=actor", "QUOTE=quote", "Person=actor",
                                       "Quote=quote", "Date=date", NULL);
  const struct {
    const char *fixture;
    GlossaImportFormat format;
  } cases[] = {
    { "doccano-label.jsonl", GLOSSA_IMPORT_DOCCANO },
    { "doccano-entities.jsonl", GLOSSA_IMPORT_DOCCANO },
    { "label-studio.json", GLOSSA_IMPORT_LABEL_STUDIO },
    { "brat", GLOSSA_IMPORT_BRAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].fixture);
      GlossaImportReport report = { 0 };
      g_autoptr(GPtrArray) records = import (path, cases[i].format, -1, map, TRUE, &report);

      g_assert_cmpuint (records->len, >, 0);
      assert_output_loads (records);
      glossa_import_report_clear (&report);
    }
}

static GPtrArray *
import_brat (const char         *dir,
             const char         *text,
             const char         *ann,
             GlossaImportReport *report)
{
  g_autofree char *txt_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "a.ann", NULL);

  ct_write_file (txt_path, text, -1);
  ct_write_file (ann_path, ann, -1);
  return import (dir, GLOSSA_IMPORT_BRAT, -1, NULL, FALSE, report);
}

/* Every note on a span is kept, one per line, in file order; so is the
 * note of a span that repeats another.
 */
static void
test_brat_notes (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  records = import_brat (dir, "Anna Keller",
                         "#1\tAnnotatorNotes T1\tthe minister\n"
                         "T1\tactor 0 4\tAnna\n"
                         "#2\tAnnotatorNotes T1\tsince 2021\n"
                         "T2\tactor 5 11\tKeller\n"
                         "T3\tactor 5 11\tKeller\n"
                         "#3\tAnnotatorNotes T2\tsurname\n"
                         "#4\tAnnotatorNotes T3\tfamily name\n", &report);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->spans->len, ==, 2);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (record->spans, 0))->note, ==,
                   "the minister\nsince 2021");
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (record->spans, 1))->note, ==,
                   "surname\nfamily name");
  g_assert_cmpuint (report.n_notes, ==, 4);
  g_assert_cmpuint (report.n_duplicates, ==, 1);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

static void
test_brat_fragment_order (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  const char *orders[] = { "0 4;5 11", "5 11;0 4", "5 11; 0 4;2 3" };
  g_autofree char *message = NULL;
  g_autofree char *txt_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "a.ann", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *ann = g_strdup_printf ("T1\tactor %s\tAnna Keller\n", orders[i]);
      g_autoptr(GPtrArray) records = NULL;
      GlossaImportReport report = { 0 };

      records = import_brat (dir, "Anna Keller", ann, &report);
      assert_span (g_ptr_array_index (records, 0), 0, "Anna Keller", GLOSSA_LABEL_ACTOR);
      g_assert_cmpuint (report.n_fragmented, ==, 1);
      glossa_import_report_clear (&report);
    }

  /* A reversed pair among several is refused, not hidden by the others. */
  ct_write_file (txt_path, "Anna Keller", -1);
  ct_write_file (ann_path, "T1\tactor 0 4;11 5\tAnna Keller\n", -1);
  message = import_error (dir, GLOSSA_IMPORT_BRAT, NULL);
  ct_assert_contains (message, "a.ann:1: “0 4;11 5” are not offsets");
  ct_remove_tree (dir);
}

static void
test_brat_repeated_id (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *txt_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "a.ann", NULL);
  g_autofree char *message = NULL;
  g_autofree char *expected = g_strdup_printf ("a.ann:3: T1 is already the id of the span on %s:1", ann_path);

  ct_write_file (txt_path, "Anna Keller", -1);
  ct_write_file (ann_path, "T1\tactor 0 4\tAnna\nT2\tactor 5 11\tKeller\nT1\tclaim 5 11\tKeller\n", -1);
  message = import_error (dir, GLOSSA_IMPORT_BRAT, NULL);
  ct_assert_contains (message, expected);
  ct_remove_tree (dir);
}

static void
assert_link (GlossaRecord *record,
             guint         index,
             const char   *type,
             const char   *from,
             const char   *to)
{
  g_autofree char *id = g_strdup_printf ("r%u", index + 1);
  GlossaRelation *relation;

  g_assert_cmpuint (index, <, record->relations->len);
  relation = g_ptr_array_index (record->relations, index);
  g_assert_cmpstr (relation->id, ==, id);
  g_assert_cmpstr (relation->type, ==, type);
  g_assert_cmpstr (relation->from, ==, from);
  g_assert_cmpstr (relation->to, ==, to);
}

/* Label Studio's relations link regions by id: one link per label, the
 * type "relation" for one without; with no map the types are kept in the
 * schema, any label at either end.
 */
static void
test_label_studio_relations (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tasks.json", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  ct_write_file (path, "[{\"data\": {\"text\": \"Anna met Bo\"}, \"annotations\": [{\"result\": ["
                       "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 4, \"labels\": [\"actor\"]}},"
                       "{\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"relation\", \"direction\": \"right\"},"
                       "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 9, \"end\": 11, \"labels\": [\"actor\"]}},"
                       "{\"from_id\": \"b\", \"to_id\": \"a\", \"type\": \"relation\", \"labels\": [\"knows\"]},"
                       "{\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"relation\", \"direction\": \"left\", "
                       "\"labels\": [\"met\"]}]}]}]", -1);
  records = import (path, GLOSSA_IMPORT_LABEL_STUDIO, -1, NULL, FALSE, &report);
  record = g_ptr_array_index (records, 0);
  assert_span (record, 0, "Anna", GLOSSA_LABEL_ACTOR);
  assert_span (record, 1, "Bo", GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (record->relations->len, ==, 3);
  assert_link (record, 0, "relation", "s1", "s2");
  assert_link (record, 1, "knows", "s2", "s1");
  /* "direction": "left" runs from to_id to from_id. */
  assert_link (record, 2, "met", "s2", "s1");
  g_assert_nonnull (glossa_schema_find_relation (record->schema, "knows"));
  g_assert_null (report.warnings);
  assert_output_loads (records);
  glossa_import_report_clear (&report);

  /* A region linked to itself is named by its result. */
  ct_write_file (path, "[{\"data\": {\"text\": \"Anna\"}, \"annotations\": [{\"result\": ["
                       "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 4, \"labels\": [\"actor\"]}},"
                       "{\"from_id\": \"a\", \"to_id\": \"a\", \"type\": \"relation\", \"labels\": [\"knows\"]}]}]}]", -1);
  message = import_error (path, GLOSSA_IMPORT_LABEL_STUDIO, NULL);
  ct_assert_contains (message, "tasks.json: [0].annotations[0].result[1]: relation.to: a span cannot be linked to itself");
  ct_remove_tree (dir);
}

#define LINKED "Putin said it was “a colossal mistake” on Tuesday."

/* brat's R lines become links, "value=" notes the date's value (export
 * writes them so: brat has no free-text attribute), "value_source=" who
 * set it; another NAME=VALUE note on a label without such an attribute
 * stays a note.
 */
static void
test_brat_links_values (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;
  GlossaSpan *date;

  records = import_brat (dir, LINKED,
                         "T1\tactor 0 5\tPutin\n"
                         "T2\tquote 18 38\t“a colossal mistake”\n"
                         "T3\tdate 42 49\tTuesday\n"
                         "R1\tsource Arg1:T2 Arg2:T1\n"
                         "#1\tAnnotatorNotes T3\tvalue=2021-12-28\n"
                         "#2\tAnnotatorNotes T3\tvalue_source=auto\n"
                         "#3\tAnnotatorNotes T1\tx=y\n", &report);
  record = g_ptr_array_index (records, 0);
  /* Nothing the built-in schema lacks: no schema file. */
  g_assert_true (glossa_schema_is_default (record->schema));
  assert_link (record, 0, "source", "s2", "s1");
  date = g_ptr_array_index (record->spans, 2);
  g_assert_cmpstr (glossa_span_get_attribute (date, "value"), ==, "2021-12-28");
  g_assert_cmpstr (date->value_source, ==, "auto");
  g_assert_null (date->note);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (record->spans, 0))->note, ==, "x=y");
  g_assert_cmpuint (report.n_attributes, ==, 1);
  g_assert_cmpuint (report.n_notes, ==, 1);
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* PARC 3.0 in brat: an attribution event whose trigger is the cue, with
 * Source and Content arguments; --map-link Content>Source=source links
 * each content to its source. The cue's label is left out.
 */
static void
test_brat_events (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "a.ann", NULL);
  g_autoptr(GHashTable) map = new_map ("Source=actor", "Content=quote", NULL);
  g_autoptr(GHashTable) link_map = new_link_map ("Content>Source=source", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  ct_write_file (txt, LINKED, -1);
  ct_write_file (ann, "T1\tSource 0 5\tPutin\n"
                      "T2\tCue 6 10\tsaid\n"
                      "T3\tContent 18 38\t“a colossal mistake”\n"
                      "E1\tAttribution:T2 Source:T1 Content:T3\n"
                      "E2\tOther:T2 Content:T3\n"
                      /* An attribute of an event, an event as an
                       * argument: left out, counted.
                       */
                      "A1\tFactual E1\n"
                      "E3\tNested:T2 Content:E1 Source:T1\n", -1);
  records = import_with_links (dir, GLOSSA_IMPORT_BRAT, map, link_map, TRUE, &report);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->spans->len, ==, 2);
  g_assert_cmpuint (record->relations->len, ==, 1);
  assert_link (record, 0, "source", "s2", "s1");
  g_assert_cmpuint (report.n_unmapped, ==, 1);
  g_assert_cmpuint (report.n_attributes_dropped, ==, 1);
  g_assert_cmpuint (report.n_links_dropped, ==, 1);
  /* E2 has no Source: no rule uses it. */
  g_assert_cmpuint (report.n_skipped, ==, 1);
  assert_output_loads (records);
  glossa_import_report_clear (&report);

  /* An event of thousands of arguments would make millions of links. */
  {
    g_autoptr(GString) many = g_string_new ("T1\tSource 0 5\tPutin\nE1\tAttribution:T1");
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (dir);
    GlossaImportOptions options = { GLOSSA_IMPORT_BRAT, FALSE, 0, map, TRUE, link_map };

    for (guint i = 0; i < 65; i++)
      g_string_append (many, i % 2 ? " Source:T1" : " Content:T1");
    g_string_append_c (many, '\n');
    ct_write_file (ann, many->str, -1);
    none = glossa_import_read (file, &options, &report, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
    ct_assert_contains (error->message, "a.ann:2: an event of more than 64 arguments");
    glossa_import_report_clear (&report);
  }
  ct_remove_tree (dir);
}

/* Without a map, brat's annotation.conf gives the schema its link types
 * (with the labels of each end) and attributes (a choice where it lists
 * values, else a flag); A lines give the spans their values.
 */
static void
test_brat_conf_links (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  const GlossaSchemaRelation *member;
  GlossaRecord *record;
  GlossaSpan *span;
  GlossaLabel per, org;

  ct_write_file (conf, "[entities]\nPER\nORG\n\n[relations]\nmember\tArg1:PER, Arg2:ORG\n"
                       "<OVERLAP>\tArg1:PER, Arg2:ORG, <OVL-TYPE>:<ANY>\n\n[events]\n\n"
                       "[attributes]\nrole\tArg:PER, Value:official|witness\nnegated\tArg:PER\n", -1);
  records = import_brat (dir, "Anna of ACME",
                         "T1\tPER 0 4\tAnna\nT2\tORG 8 12\tACME\nR1\tmember Arg1:T1 Arg2:T2\n"
                         "A1\trole T1 witness\nA2\tnegated T1\n", &report);
  record = g_ptr_array_index (records, 0);
  glossa_label_from_string ("PER", &per);
  glossa_label_from_string ("ORG", &org);
  member = glossa_schema_find_relation (record->schema, "member");
  g_assert_nonnull (member);
  g_assert_cmpuint (member->from->len, ==, 1);
  g_assert_cmpint (g_array_index (member->from, GlossaLabel, 0), ==, per);
  g_assert_cmpint (g_array_index (member->to, GlossaLabel, 0), ==, org);
  g_assert_cmpuint (glossa_schema_get_n_relations (record->schema), ==, 1);
  g_assert_cmpuint (glossa_schema_find_label (record->schema, per)->attributes->len, ==, 2);
  assert_link (record, 0, "member", "s1", "s2");
  span = g_ptr_array_index (record->spans, 0);
  g_assert_cmpstr (glossa_span_get_attribute (span, "role"), ==, "witness");
  g_assert_cmpstr (glossa_span_get_attribute (span, "negated"), ==, "true");
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* Values of an attribute no conf declares make a choice of them, free
 * text once they are more than a list to choose from.
 */
static void
test_brat_seen_choices (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GString) ann = g_string_new ("T1\tPER 0 4\tAnna\n");
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  const GlossaSchemaLabel *per;
  const GlossaSchemaAttribute *attribute;
  GlossaLabel name;

  g_string_append (ann, "A1\trole T1 witness\n");
  records = import_brat (dir, "Anna", ann->str, &report);
  glossa_label_from_string ("PER", &name);
  per = glossa_schema_find_label (((GlossaRecord *) g_ptr_array_index (records, 0))->schema, name);
  attribute = g_ptr_array_index (per->attributes, 0);
  g_assert_cmpint (attribute->type, ==, GLOSSA_ATTRIBUTE_CHOICE);
  g_assert_cmpstrv (attribute->choices, ((const char *[]) { "witness", NULL }));
  glossa_import_report_clear (&report);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* One more than MAX_SEEN_CHOICES. */
  for (guint i = 0; i < 101; i++)
    g_string_append_printf (ann, "A%u\tcode T1 v%u\n", i + 2, i);
  records = import_brat (dir, "Anna", ann->str, &report);
  per = glossa_schema_find_label (((GlossaRecord *) g_ptr_array_index (records, 0))->schema, name);
  attribute = g_ptr_array_index (per->attributes, 1);
  g_assert_cmpstr (attribute->name, ==, "code");
  g_assert_cmpint (attribute->type, ==, GLOSSA_ATTRIBUTE_TEXT);
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* Bad links and attributes name the file, the line and the line's id. */
static void
test_link_errors (void)
{
  const struct {
    const char *ann;
    gboolean mapped;
    const char *message;
  } cases[] = {
    { "T1\tactor 0 5\tPutin\nR1\tsource Arg1:T9 Arg2:T1\n", FALSE, "a.ann:2: R1: no span has the id “T9”" },
    { "T1\tactor 0 5\tPutin\nT2\tquote 18 38\t“a colossal mistake”\nR7\tSaid Arg1:T2 Arg2:T1\n", TRUE,
      "a.ann:3: R7: “Said” is not a link type of the schema; map it with --map-link Said=TYPE" },
    { "T1\tactor 0 5\tPutin\nT2\tactor 42 49\tTuesday\nR1\tsource Arg1:T2 Arg2:T1\n", FALSE,
      "a.ann:3: R1.from: a source link cannot start at span “s2” (label actor)" },
    { "T1\tactor 0 5\tPutin\nR1\tsource Arg1:T1 Arg2:T1\n", FALSE, "a.ann:2: R1.to: a span cannot be linked to itself" },
    { "T1\tactor 0 5\tPutin\nR1\tsource T1\n", FALSE, "a.ann:2: expected “ID<TAB>TYPE Arg1:ID Arg2:ID”" },
    { "T1\tdate 42 49\tTuesday\nA1\tvalue T3 x\n", FALSE, "a.ann:2: no span has the id “T3”" },
    { "T1\tdate 42 49\tTuesday\n#1\tAnnotatorNotes T1\tvalue=2021-13-45\n", FALSE, NULL },
    { "T1\tdate 42 49\tTuesday\nE1\tAttribution Source:T1\n", FALSE, "a.ann:2: expected “ID<TAB>TYPE:TRIGGER ROLE:ID …”" },
  };
  g_autoptr(GHashTable) map = new_map ("Person=actor", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = ct_make_tmpdir ();
      g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
      g_autofree char *ann = g_build_filename (dir, "a.ann", NULL);
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *message = NULL;
      GlossaImportReport report = { 0 };

      ct_write_file (txt, LINKED, -1);
      ct_write_file (ann, cases[i].ann, -1);
      if (cases[i].message == NULL)
        {
          /* An ill-formed value in a note is no value: it stays a note. */
          records = import (dir, GLOSSA_IMPORT_BRAT, -1, NULL, FALSE, &report);
          g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (((GlossaRecord *) g_ptr_array_index (records, 0))->spans, 0))->note,
                           ==, "value=2021-13-45");
          glossa_import_report_clear (&report);
        }
      else
        {
          message = import_error (dir, GLOSSA_IMPORT_BRAT, cases[i].mapped ? map : NULL);
          ct_assert_contains (message, cases[i].message);
        }
      ct_remove_tree (dir);
    }
}

static void
test_doccano_relations (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.jsonl", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *message = NULL;
  GlossaImportReport report = { 0 };

  ct_write_file (path, "{\"text\": \"" LINKED "\", \"entities\": ["
                       "{\"id\": 10, \"start_offset\": 0, \"end_offset\": 5, \"label\": \"actor\"}, "
                       "{\"id\": 11, \"start_offset\": 18, \"end_offset\": 38, \"label\": \"quote\"}], "
                       "\"relations\": [{\"id\": 1, \"from_id\": 11, \"to_id\": 10, \"type\": \"source\"}]}\n", -1);
  records = import (path, GLOSSA_IMPORT_DOCCANO, GLOSSA_OFFSETS_CODEPOINT, NULL, FALSE, &report);
  assert_link (g_ptr_array_index (records, 0), 0, "source", "s2", "s1");
  assert_output_loads (records);
  glossa_import_report_clear (&report);

  ct_write_file (path, "{\"text\": \"x\", \"entities\": [], \"relations\": [{\"id\": 1, \"from_id\": 11, \"type\": \"source\"}]}\n", -1);
  message = import_error (path, GLOSSA_IMPORT_DOCCANO, NULL);
  ct_assert_contains (message, "in.jsonl:1: relations[0]: a relation needs “from_id”, “to_id” and “type”");
  g_clear_pointer (&message, g_free);

  /* Two entities of one id: which one a relation is to is a guess. */
  ct_write_file (path, "{\"text\": \"ab\", \"entities\": [{\"id\": 3, \"start_offset\": 0, \"end_offset\": 1, "
                       "\"label\": \"actor\"}, {\"id\": 3, \"start_offset\": 1, \"end_offset\": 2, \"label\": \"actor\"}]}\n", -1);
  message = import_error (path, GLOSSA_IMPORT_DOCCANO, NULL);
  ct_assert_contains (message, "in.jsonl:1: entities[1]: “3” is already the id of ");
  ct_assert_contains (message, "in.jsonl:1: entities[0]; ids must be unique in a document");
  ct_remove_tree (dir);
}

/* Glossa's JSONL export read back and exported again is the same line:
 * ids, attributes, who set a value, links.
 */
static void
test_jsonl_links_round_trip (void)
{
  const char *line =
    "{\"id\": \"a\", \"text\": \"" LINKED "\", \"date\": \"2021-12-29\", \"status\": \"done\", "
    "\"annotator\": \"ana\", \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 5, \"label\": \"actor\", "
    "\"text\": \"Putin\", \"attributes\": {}}, {\"id\": \"s2\", \"start\": 18, \"end\": 38, \"label\": \"quote\", "
    "\"text\": \"“a colossal mistake”\", \"attributes\": {}}, {\"id\": \"s3\", \"start\": 42, \"end\": 49, "
    "\"label\": \"date\", \"text\": \"Tuesday\", \"attributes\": {\"value\": \"2021-12-28\"}, "
    "\"value_source\": \"annotator\"}], \"relations\": [{\"id\": \"r1\", \"type\": \"source\", "
    "\"from\": \"s2\", \"to\": \"s1\"}]}\n";
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.jsonl", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GlossaExportChunk chunk = { 0 };
  GlossaImportReport report = { 0 };

  ct_write_file (path, line, -1);
  records = import (path, GLOSSA_IMPORT_JSONL, -1, NULL, FALSE, &report);
  glossa_export_record (g_ptr_array_index (records, 0), GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT,
                        0, &chunk, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chunk.text->str, ==, line);
  glossa_export_chunk_clear (&chunk);
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* doccano lines with both shapes keep the spans of both; the one given in
 * both is counted once.
 */
static void
test_doccano_both (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.jsonl", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  ct_write_file (path, "{\"text\": \"Anna Keller\", \"label\": [[0, 4, \"actor\"]], "
                       "\"entities\": [{\"start_offset\": 0, \"end_offset\": 4, \"label\": \"actor\"}, "
                       "{\"start_offset\": 5, \"end_offset\": 11, \"label\": \"actor\"}]}\n", -1);
  records = import (path, GLOSSA_IMPORT_DOCCANO, -1, NULL, FALSE, &report);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->spans->len, ==, 2);
  assert_span (record, 0, "Anna", GLOSSA_LABEL_ACTOR);
  assert_span (record, 1, "Keller", GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (report.n_duplicates, ==, 1);
  g_assert_nonnull (report.warnings);
  ct_assert_contains (g_ptr_array_index (report.warnings, 0),
                      "in.jsonl:1: both “label” and “entities”; the spans of both were imported (1 and 2");
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

static void
test_map_unused (void)
{
  g_autofree char *path = fixture ("doccano-label.jsonl");
  g_autoptr(GHashTable) map = new_map ("PER=actor", "Persn=actor", "LOC=actor", "QUOTE=quote", "ORG=actor", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GlossaImportReport report = { 0 };

  records = import (path, GLOSSA_IMPORT_DOCCANO, -1, map, FALSE, &report);
  g_assert_nonnull (report.warnings);
  g_assert_cmpuint (report.warnings->len, ==, 2);
  /* Sorted by rule, so that the output is the same every time. */
  ct_assert_contains (g_ptr_array_index (report.warnings, 0), "--map ORG=actor: no span has the label “ORG”");
  ct_assert_contains (g_ptr_array_index (report.warnings, 1), "--map Persn=actor: no span has the label “Persn”");
  glossa_import_report_clear (&report);
}

/* Label Studio's labelling config */

#define LS_TASKS "[{\"data\": {\"text\": \"Ann met Bo\"}, \"annotations\": [{\"result\": [" \
                 "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"labels\": [\"PER\"]}}," \
                 "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 10, \"labels\": [\"Other\"]}}]}]}]"

/* Imports @tasks with the labelling config @config; NULL with the error's
 * message in @message on failure.
 */
static GPtrArray *
import_ls_config (const char          *dir,
                  const char          *config,
                  GlossaImportFormat   format,
                  GlossaImportReport  *report,
                  GError             **error)
{
  g_autofree char *tasks_path = g_build_filename (dir, "tasks.json", NULL);
  g_autofree char *config_path = g_build_filename (dir, "config.xml", NULL);
  g_autoptr(GFile) tasks = g_file_new_for_path (tasks_path);
  g_autoptr(GFile) config_file = g_file_new_for_path (config_path);
  GlossaImportOptions options = { format, FALSE, 0, NULL, FALSE, NULL, config_file };

  ct_write_file (tasks_path, LS_TASKS, -1);
  ct_write_file (config_path, config, -1);
  return glossa_import_read (tasks, &options, report, NULL, error);
}

/* The config's labels come first, in its order, with its colours (CSS
 * names as a browser reads them, #rgb widened) and keys; a label only the
 * tasks have follows with a colour of Glossa's; relations link any labels.
 * What cannot be kept is dropped with a warning naming the label.
 */
static void
test_ls_config (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *written = NULL;
  GlossaImportReport report = { 0 };
  GlossaRecord *record;

  records = import_ls_config (dir,
                              "<View>\n"
                              "  <Text name=\"text\" value=\"$text\"/>\n"
                              "  <Labels name=\"label\" toName=\"text\">\n"
                              "    <Label value=\"PER\" background=\"green\" hotkey=\"p\"/>\n"
                              "    <Label value=\"ORG\" background=\"#0A0\" hotkey=\"n\"/>\n"
                              "    <Label value=\"LOC\" background=\"rgba(0,0,0,0.5)\" hotkey=\"P\"/>\n"
                              "    <Label value=\"MISC\" background=\"#FFA39E\" hotkey=\"m\"/>\n"
                              "  </Labels>\n"
                              "  <Relations><Relation value=\"works_for\"/></Relations>\n"
                              "</View>\n", GLOSSA_IMPORT_LABEL_STUDIO, &report, &error);
  g_assert_no_error (error);
  record = g_ptr_array_index (records, 0);
  bytes = glossa_schema_to_bytes (record->schema);
  written = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (written, ==,
                   "{\n"
                   "  \"format\": \"glossa-schema\",\n"
                   "  \"version\": 1,\n"
                   "  \"labels\": [\n"
                   "    {\n      \"name\": \"PER\",\n      \"key\": \"p\",\n      \"color\": \"#008000\"\n    },\n"
                   "    {\n      \"name\": \"ORG\",\n      \"color\": \"#00aa00\"\n    },\n"
                   "    {\n      \"name\": \"LOC\",\n      \"color\": \"#e66100\"\n    },\n"
                   "    {\n      \"name\": \"MISC\",\n      \"key\": \"m\",\n      \"color\": \"#ffa39e\"\n    },\n"
                   "    {\n      \"name\": \"Other\",\n      \"color\": \"#c01c28\"\n    }\n"
                   "  ],\n"
                   "  \"relations\": [\n"
                   "    {\n      \"name\": \"works_for\",\n      \"from\": [],\n      \"to\": []\n    }\n"
                   "  ]\n"
                   "}\n");
  g_assert_cmpuint (report.warnings->len, ==, 3);
  ct_assert_contains (g_ptr_array_index (report.warnings, 0),
                      "config.xml:5:54: the label “ORG”: the key “n” is one of Glossa’s own");
  ct_assert_contains (g_ptr_array_index (report.warnings, 1),
                      "config.xml:6:65: the label “LOC”: “rgba(0,0,0,0.5)” is not a color");
  ct_assert_contains (g_ptr_array_index (report.warnings, 2),
                      "config.xml:6:65: the label “LOC”: the key “P” is already used by “PER”; left out");
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

static void
assert_ls_config_fails (const char *config,
                        const char *expected)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GlossaImportReport report = { 0 };

  records = import_ls_config (dir, config, GLOSSA_IMPORT_LABEL_STUDIO, &report, &error);
  g_assert_null (records);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, expected);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* A broken config fails the import, naming the place; so does --config
 * with another format.
 */
static void
test_ls_config_bad (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GlossaImportReport report = { 0 };

  assert_ls_config_fails ("<View>\n  <Labels>\n    <Label value=\"A\">\n  </Labels>\n</View>\n",
                          "config.xml:4:12: Element “Labels” was closed, but the currently open element is “Label”");
  assert_ls_config_fails ("<View><Labels><Label value=\"A\"/></Labels>", "config.xml:1:");
  /* GMarkup expands no entity a DOCTYPE declares (nor a billion of them). */
  assert_ls_config_fails ("<!DOCTYPE View [<!ENTITY a \"aaaa\">]>\n<View><Labels><Label value=\"&a;\"/>",
                          "config.xml:2:33: Entity name “a” is not known");
  assert_ls_config_fails ("<View><Labels><Label value=\"A\"/></Labels><Choices perRegion=\"true\" name=\"c\">"
                          "<Choice/></Choices></View>", "config.xml:1:85: a <Choice> without a value");
  assert_ls_config_fails ("<View><Labels><Label background=\"red\"/></Labels></View>",
                          "config.xml:1:39: a <Label> without a value");
  assert_ls_config_fails ("<View><Labels><Label value=\"a b\"/></Labels></View>",
                          "config.xml:1:34: the label name “a b” has a space");
  assert_ls_config_fails ("<View><Choices><Choice value=\"A\"/></Choices></View>",
                          "config.xml: no <Label> inside a <Labels>");
  assert_ls_config_fails ("<View><Labels><Label value=\"A\"/><Label value=\"a\"/></Labels></View>",
                          "config.xml:1:50: the label “a” differs from “A” only in case");

  /* A bound on link types, so that no config makes every lookup slow. */
  {
    g_autoptr(GString) many = g_string_new ("<View><Labels><Label value=\"A\"/></Labels><Relations>");

    for (guint i = 0; i <= 1024; i++)
      g_string_append_printf (many, "<Relation value=\"r%u\"/>", i);
    g_string_append (many, "</Relations></View>");
    assert_ls_config_fails (many->str, "config.xml:1:24567: more than 1024 relations");
  }

  records = import_ls_config (dir, "<View/>", GLOSSA_IMPORT_DOCCANO, &report, &error);
  g_assert_null (records);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

/* <Choices perRegion="true"> is a choice attribute of every label of the
 * config; one of several values at once, or of the document, is not.
 */
static void
test_ls_config_choices (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *written = NULL;
  GlossaImportReport report = { 0 };
  const char *choice = "        {\n          \"name\": \"sentiment\",\n          \"type\": \"choice\",\n"
                       "          \"values\": [\n            \"Positive\",\n            \"Negative\"\n"
                       "          ]\n        }\n";
  g_autofree char *expected = NULL;

  records = import_ls_config (dir,
                              "<View>\n"
                              "  <Labels name=\"label\" toName=\"text\"><Label value=\"PER\"/><Label value=\"ORG\"/></Labels>\n"
                              "  <Choices name=\"sentiment\" toName=\"text\" perRegion=\"true\">\n"
                              "    <Choice value=\"Positive\"/><Choice value=\"Negative\"/><Choice value=\"Positive\"/>\n"
                              "  </Choices>\n"
                              "  <Choices name=\"tags\" toName=\"text\" perRegion=\"true\" choice=\"multiple\">"
                              "<Choice value=\"x\"/></Choices>\n"
                              "  <Choices name=\"topic\" toName=\"text\"><Choice value=\"y\"/></Choices>\n"
                              "</View>\n", GLOSSA_IMPORT_LABEL_STUDIO, &report, &error);
  g_assert_no_error (error);
  bytes = glossa_schema_to_bytes (((GlossaRecord *) g_ptr_array_index (records, 0))->schema);
  written = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  expected = g_strconcat ("{\n  \"format\": \"glossa-schema\",\n  \"version\": 1,\n  \"labels\": [\n"
                          "    {\n      \"name\": \"PER\",\n      \"color\": \"#1c71d8\",\n"
                          "      \"attributes\": [\n", choice, "      ]\n    },\n"
                          "    {\n      \"name\": \"ORG\",\n      \"color\": \"#26a269\",\n"
                          "      \"attributes\": [\n", choice, "      ]\n    },\n"
                          "    {\n      \"name\": \"Other\",\n      \"color\": \"#e66100\"\n    }\n"
                          "  ]\n}\n", NULL);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (report.warnings->len, ==, 1);
  ct_assert_contains (g_ptr_array_index (report.warnings, 0),
                      "the choices “tags” allow several values, a Glossa attribute one; left out");
  assert_output_loads (records);
  glossa_import_report_clear (&report);
  ct_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/roundtrip", test_roundtrip);
  g_test_add_func ("/core/import/doccano", test_doccano);
  g_test_add_func ("/core/import/doccano-wrong-unit", test_doccano_wrong_unit);
  g_test_add_func ("/core/import/label-studio", test_label_studio);
  g_test_add_func ("/core/import/brat", test_brat);
  g_test_add_func ("/core/import/unknown-labels", test_unknown_labels);
  g_test_add_func ("/core/import/kept-labels", test_kept_labels);
  g_test_add_func ("/core/import/bad-input", test_bad_input);
  g_test_add_func ("/core/import/brat-bad", test_brat_bad);
  g_test_add_func ("/core/import/duplicates", test_duplicates);
  g_test_add_func ("/core/import/write-corpus", test_write_corpus);
  g_test_add_func ("/core/import/mapping", test_mapping);
  g_test_add_func ("/core/import/values-checked", test_values_checked);
  g_test_add_func ("/core/import/output-loads", test_output_loads);
  g_test_add_func ("/core/import/brat-notes", test_brat_notes);
  g_test_add_func ("/core/import/brat-fragment-order", test_brat_fragment_order);
  g_test_add_func ("/core/import/brat-repeated-id", test_brat_repeated_id);
  g_test_add_func ("/core/import/label-studio-relations", test_label_studio_relations);
  g_test_add_func ("/core/import/brat-links-values", test_brat_links_values);
  g_test_add_func ("/core/import/brat-events", test_brat_events);
  g_test_add_func ("/core/import/brat-conf-links", test_brat_conf_links);
  g_test_add_func ("/core/import/brat-seen-choices", test_brat_seen_choices);
  g_test_add_func ("/core/import/link-errors", test_link_errors);
  g_test_add_func ("/core/import/doccano-relations", test_doccano_relations);
  g_test_add_func ("/core/import/jsonl-links-round-trip", test_jsonl_links_round_trip);
  g_test_add_func ("/core/import/doccano-both", test_doccano_both);
  g_test_add_func ("/core/import/map-unused", test_map_unused);
  g_test_add_func ("/core/import/ls-config", test_ls_config);
  g_test_add_func ("/core/import/ls-config-bad", test_ls_config_bad);
  g_test_add_func ("/core/import/ls-config-choices", test_ls_config_choices);

  return g_test_run ();
}
