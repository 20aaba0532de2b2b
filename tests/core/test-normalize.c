/* test-normalize.c: filling the missing date values of records and documents
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
#include "glossa-normalize.h"

/* Thursday 30 December 2021. */
#define TEXT "date 2021-12-30 Talks\n\nPrices fell yesterday, then on 4 March 2021, and in the festive bit.\n"

static GlossaArticle *
make_article (const char *name)
{
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_new_from_data (TEXT, strlen (TEXT), name, &error);

  g_assert_no_error (error);
  return article;
}

static GlossaSpan *
make_span (GlossaArticle *article,
           const char    *id,
           const char    *words,
           GlossaLabel    label,
           const char    *value)
{
  gint64 start = g_utf8_pointer_to_offset (TEXT, strstr (TEXT, words));
  gint64 end = start + g_utf8_strlen (words, -1);
  g_autofree char *text = glossa_article_slice (article, start, end);
  GlossaSpan *span = glossa_span_new (id, start, end, label, text);

  if (value != NULL)
    {
      span->attributes = json_object_new ();
      json_object_set_string_member (span->attributes, "value", value);
      span->value_source = g_strdup ("annotator");
    }
  return span;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

static void
add_spans (GlossaArticle *article,
           GPtrArray     *spans)
{
  g_ptr_array_add (spans, make_span (article, "s1", "yesterday", GLOSSA_LABEL_DATE, NULL));
  g_ptr_array_add (spans, make_span (article, "s2", "4 March 2021", GLOSSA_LABEL_DATE, "2021-03-05"));
  g_ptr_array_add (spans, make_span (article, "s3", "the festive bit", GLOSSA_LABEL_DATE, NULL));
  /* An actor has no date value: never touched. */
  g_ptr_array_add (spans, make_span (article, "s4", "Prices", GLOSSA_LABEL_ACTOR, NULL));
  g_ptr_array_sort (spans, compare_spans);
}

static GlossaSpan *
find (GPtrArray  *spans,
      const char *id)
{
  for (guint i = 0; i < spans->len; i++)
    if (strcmp (((GlossaSpan *) g_ptr_array_index (spans, i))->id, id) == 0)
      return g_ptr_array_index (spans, i);
  g_assert_not_reached ();
}

/* The missing value is filled and marked the normaliser's, the annotator's
 * (though another than the normaliser would give) kept, and the expression
 * it does not know listed with the article and its offset. The span that
 * was replaced is not changed: others may hold it.
 */
static void
test_record (void)
{
  g_autoptr(GlossaArticle) article = make_article ("talks.txt");
  g_autoptr(GlossaRecord) record = glossa_record_new ("talks", article);
  g_autoptr(GlossaSpan) before = NULL;
  GlossaNormalizeReport report;
  const GlossaNormalizeMiss *miss;
  GlossaSpan *filled;

  add_spans (article, record->spans);
  before = glossa_span_ref (find (record->spans, "s1"));
  glossa_normalize_report_init (&report);
  glossa_normalize_record (record, GLOSSA_TIMEX_LANG_EN, &report);

  g_assert_cmpuint (report.n_filled, ==, 1);
  g_assert_cmpuint (report.n_kept, ==, 1);
  g_assert_cmpuint (report.missed->len, ==, 1);
  filled = find (record->spans, "s1");
  g_assert_cmpstr (glossa_span_get_attribute (filled, "value"), ==, "2021-12-29");
  g_assert_cmpstr (filled->value_source, ==, "auto");
  g_assert_null (before->attributes);
  g_assert_null (before->value_source);
  g_assert_cmpstr (glossa_span_get_attribute (find (record->spans, "s2"), "value"), ==, "2021-03-05");
  g_assert_cmpstr (find (record->spans, "s2")->value_source, ==, "annotator");
  g_assert_null (find (record->spans, "s4")->attributes);

  miss = g_ptr_array_index (report.missed, 0);
  g_assert_cmpstr (miss->name, ==, "talks.txt");
  g_assert_cmpint (miss->start, ==, g_utf8_pointer_to_offset (TEXT, strstr (TEXT, "the festive bit")));
  g_assert_cmpstr (miss->text, ==, "the festive bit");
  glossa_normalize_report_clear (&report);
}

/* A folder's article and its annotation file, with the spans above. */
static GFile *
write_document (const char *dir)
{
  g_autofree char *txt = g_build_filename (dir, "talks.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "talks.annotations.json", NULL);
  g_autoptr(GlossaArticle) article = make_article (txt);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GBytes) bytes = NULL;

  annotations->doc_id = g_strdup ("talks");
  annotations->file = g_strdup ("talks.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  add_spans (article, annotations->spans);
  bytes = glossa_format_write (annotations);
  ct_write_file (txt, TEXT, strlen (TEXT));
  ct_write_file (json, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (txt);
}

static GlossaAnnotations *
read_back (const char    *dir,
           GlossaArticle *article)
{
  g_autofree char *json = g_build_filename (dir, "talks.annotations.json", NULL);
  g_autoptr(GBytes) bytes = ct_read_file (json);
  g_autoptr(GError) error = NULL;
  GlossaAnnotations *annotations = glossa_format_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                       json, article, &error);

  g_assert_no_error (error);
  return annotations;
}

static void
test_document_saves (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GFile) file = write_document (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);
  g_autoptr(GlossaAnnotations) saved = NULL;
  GlossaNormalizeReport report;

  g_assert_no_error (error);
  glossa_normalize_report_init (&report);
  g_assert_true (glossa_normalize_document (document, NULL, GLOSSA_TIMEX_LANG_AUTO, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_filled, ==, 1);

  saved = read_back (dir, glossa_document_get_article (document));
  g_assert_cmpstr (glossa_span_get_attribute (find (saved->spans, "s1"), "value"), ==, "2021-12-29");
  g_assert_cmpstr (find (saved->spans, "s1")->value_source, ==, "auto");
  g_assert_cmpstr (glossa_span_get_attribute (find (saved->spans, "s2"), "value"), ==, "2021-03-05");
  glossa_normalize_report_clear (&report);
  g_clear_object (&document);
  ct_remove_tree (dir);
}

/* Someone saved the file after the document was read: nothing is written
 * over their work, and nothing counts as filled.
 */
static void
test_document_conflict (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "talks.annotations.json", NULL);
  g_autoptr(GFile) file = write_document (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  GlossaNormalizeReport report;

  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = ct_read_file (json);
    g_autoptr(GString) changed = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_cmpuint (g_string_replace (changed, "\"todo\"", "\"done\"", 1), ==, 1);
    ct_write_file (json, changed->str, changed->len);
    theirs = g_bytes_new (changed->str, changed->len);
  }

  glossa_normalize_report_init (&report);
  g_assert_false (glossa_normalize_document (document, NULL, GLOSSA_TIMEX_LANG_AUTO, &report, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  g_assert_cmpuint (report.n_filled, ==, 0);
  after = ct_read_file (json);
  g_assert_true (g_bytes_equal (after, theirs));
  glossa_normalize_report_clear (&report);
  g_clear_object (&document);
  ct_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/normalize/record", test_record);
  g_test_add_func ("/core/normalize/document-saves", test_document_saves);
  g_test_add_func ("/core/normalize/document-conflict", test_document_conflict);
  return g_test_run ();
}
