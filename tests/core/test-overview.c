/* test-overview.c: the corpus overview's figures on a corpus made here, counted by hand
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-article.h"
#include "glossa-format.h"
#include "glossa-overview-private.h"
#include "glossa-span.h"

#define TEXT "Anna Keller met Marco Rossi in Rome on Tuesday."

typedef struct
{
  gint64      start;
  gint64      end;
  const char *label;
  const char *created;   /* nullable */
  const char *modified;  /* nullable */
} SpanSpec;

/* NAME.txt with TEXT and, if @status is not NULL, NAME.annotations.json
 * with @spans, written as Glossa writes them.
 */
static void
write_doc (const char     *dir,
           const char     *name,
           const char     *status,
           const SpanSpec *spans,
           guint           n_spans)
{
  g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *txt = g_build_filename (dir, txt_name, NULL);
  g_autofree char *stem = g_build_filename (dir, name, NULL);
  g_autofree char *json = g_strconcat (stem, GLOSSA_ANNOTATIONS_SUFFIX, NULL);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (txt, TEXT, -1);
  if (status == NULL)
    return;
  article = glossa_article_new_from_data (TEXT, strlen (TEXT), txt_name, &error);
  g_assert_no_error (error);
  annotations = glossa_annotations_new ();
  annotations->doc_id = g_strdup (name);
  annotations->file = g_strdup (txt_name);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  g_assert_true (glossa_status_from_string (status, &annotations->status));
  for (guint i = 0; i < n_spans; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *text = g_strndup (TEXT + spans[i].start, spans[i].end - spans[i].start);
      GlossaLabel label;
      GlossaSpan *span;

      g_assert_true (glossa_label_from_string (spans[i].label, &label));
      span = glossa_span_new (id, spans[i].start, spans[i].end, label, text);
      span->created = g_strdup (spans[i].created);
      span->modified = g_strdup (spans[i].modified);
      g_ptr_array_add (annotations->spans, span);
    }
  bytes = glossa_format_write (annotations);
  ct_write_file (json, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Annotator A: five documents.
 * one    done         actor 20th (modified 21st), actor 21st (23:30 at -02:00), date 22nd
 *                     -> done on the 22nd, its latest time
 * two    in-progress  quote without times, claim 22nd
 * three  done         no spans -> done, without a day
 * four   (no annotation file) -> to do
 * five   annotation file that is not JSON -> cannot be read
 */
static void
make_corpus_a (const char *dir)
{
  const SpanSpec one[] = {
    { 0, 11, "actor", "2026-11-20T09:00:00Z", "2026-11-21T10:00:00Z" },
    { 16, 27, "actor", "2026-11-20T23:30:00-02:00", NULL },
    { 39, 46, "date", "2026-11-22T08:00:00Z", NULL },
  };
  const SpanSpec two[] = {
    { 31, 35, "quote", NULL, NULL },
    { 0, 27, "claim", "2026-11-22T12:00:00Z", NULL },
  };
  g_autofree char *five = g_build_filename (dir, "five" GLOSSA_ANNOTATIONS_SUFFIX, NULL);

  write_doc (dir, "one", "done", one, G_N_ELEMENTS (one));
  write_doc (dir, "two", "in-progress", two, G_N_ELEMENTS (two));
  write_doc (dir, "three", "done", NULL, 0);
  write_doc (dir, "four", NULL, NULL, 0);
  write_doc (dir, "five", NULL, NULL, 0);
  ct_write_file (five, "{\"format\": ", -1);
}

static void
assert_day (GlossaOverview *overview,
            guint           index,
            const char     *day,
            guint           spans_created,
            guint           documents_done)
{
  GlossaOverviewDay *d;

  g_assert_cmpuint (index, <, overview->days->len);
  d = g_ptr_array_index (overview->days, index);
  g_assert_cmpstr (d->day, ==, day);
  g_assert_cmpuint (d->spans_created, ==, spans_created);
  g_assert_cmpuint (d->documents_done, ==, documents_done);
}

static void
test_figures (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  GlossaOverviewLabel *label;

  make_corpus_a (dir);
  overview = glossa_overview_compute (dir, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (overview->documents, ==, 5);
  g_assert_cmpuint (overview->todo, ==, 1);
  g_assert_cmpuint (overview->in_progress, ==, 1);
  g_assert_cmpuint (overview->done, ==, 2);
  g_assert_cmpuint (overview->unreadable, ==, 1);
  g_assert_cmpuint (overview->problems->len, ==, 1);
  ct_assert_contains (g_ptr_array_index (overview->problems, 0), "five.annotations.json");

  g_assert_cmpuint (overview->spans, ==, 5);
  g_assert_cmpuint (overview->labels->len, ==, 4);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "actor")->spans, ==, 2);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "quote")->spans, ==, 1);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "claim")->spans, ==, 1);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "date")->spans, ==, 1);
  g_assert_null (glossa_overview_lookup_label (overview, "nope"));
  /* The default labels come first, in their usual order. */
  label = g_ptr_array_index (overview->labels, 0);
  g_assert_cmpstr (label->name, ==, "actor");
  g_assert_true (isnan (label->f1_exact));
  g_assert_false (overview->compared);

  /* Days in UTC: 23:30 at -02:00 on the 20th is the 21st. */
  g_assert_cmpuint (overview->spans_undated, ==, 1);
  g_assert_cmpuint (overview->done_undated, ==, 1);
  g_assert_cmpuint (overview->days->len, ==, 3);
  assert_day (overview, 0, "2026-11-20", 1, 0);
  assert_day (overview, 1, "2026-11-21", 1, 0);
  assert_day (overview, 2, "2026-11-22", 2, 1);

  /* The window's way, from the open corpus: the same figures. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (dir);
    g_autoptr(GlossaCorpus) corpus = glossa_corpus_open (file, NULL, &error);
    g_autoptr(GlossaOverview) again = NULL;

    g_assert_no_error (error);
    again = glossa_overview_compute_for_corpus (corpus, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->documents, ==, 5);
    g_assert_cmpuint (again->done, ==, 2);
    g_assert_cmpuint (again->unreadable, ==, 1);
    g_assert_cmpuint (again->spans, ==, 5);
    g_assert_cmpuint (again->days->len, ==, 3);
  }

  ct_remove_tree (dir);
}

/* B has only "one", with the first actor span: A's figures against it are
 * A: 2 actors and a date, B: 1 actor, 1 equal.
 *   actor exact P = 1/2, R = 1/1, F1 = 2/3; overall P = 1/3, R = 1, F1 = 1/2
 */
static void
test_agreement (void)
{
  const SpanSpec b_one[] = { { 0, 11, "actor", NULL, NULL } };
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  GlossaOverviewLabel *actor;

  g_assert_cmpint (g_mkdir (a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (b, 0700), ==, 0);
  make_corpus_a (a);
  write_doc (b, "one", "done", b_one, G_N_ELEMENTS (b_one));

  overview = glossa_overview_compute (a, b, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (overview->compared);
  g_assert_cmpuint (overview->compared_documents, ==, 1);
  actor = glossa_overview_lookup_label (overview, "actor");
  g_assert_cmpfloat_with_epsilon (actor->f1_exact, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (actor->f1_overlap, 2.0 / 3.0, 1e-9);
  g_assert_false (isnan (actor->kappa));
  g_assert_cmpfloat_with_epsilon (overview->f1_exact, 0.5, 1e-9);
  /* The figures of A alone do not change. */
  g_assert_cmpuint (overview->spans, ==, 5);
  g_assert_cmpuint (actor->spans, ==, 2);

  ct_remove_tree (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  overview = glossa_overview_compute (missing, NULL, NULL, &error);
  g_assert_null (overview);
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "missing");
  g_clear_error (&error);

  make_corpus_a (dir);
  overview = glossa_overview_compute (dir, missing, NULL, &error);
  g_assert_null (overview);
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "missing");
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  overview = glossa_overview_compute (dir, NULL, cancellable, &error);
  g_assert_null (overview);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  ct_remove_tree (dir);
}

/* A JSONL corpus: statuses and spans come from FILE.annotations.jsonl; an
 * article without a line there is to do.
 */
static void
test_jsonl (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autofree char *annotations = g_build_filename (dir, "corpus.annotations.jsonl", NULL);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (path,
                 "{\"id\": \"a\", \"text\": \"" TEXT "\"}\n"
                 "{\"id\": \"b\", \"text\": \"" TEXT "\"}\n", -1);
  ct_write_file (annotations,
                 "{\"id\": \"a\", \"status\": \"done\", \"spans\": [{\"id\": \"s1\", \"start\": 0, "
                 "\"end\": 11, \"label\": \"actor\", \"text\": \"Anna Keller\", "
                 "\"created\": \"2026-01-02T03:04:05Z\"}]}\n", -1);
  overview = glossa_overview_compute (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overview->documents, ==, 2);
  g_assert_cmpuint (overview->todo, ==, 1);
  g_assert_cmpuint (overview->done, ==, 1);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "actor")->spans, ==, 1);
  g_assert_cmpuint (overview->days->len, ==, 1);
  assert_day (overview, 0, "2026-01-02", 1, 1);

  ct_remove_tree (dir);
}

static void assert_many (GlossaOverview *overview);

/* Enough documents to be read by up to four threads: whatever their
 * number, their figures add up to the same, days and labels included.
 */
static void
test_many (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autofree char *annotations = g_build_filename (dir, "corpus.annotations.jsonl", NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) annotated = g_string_new (NULL);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1200; i++)
    {
      g_string_append_printf (lines, "{\"id\": \"d%u\", \"text\": \"" TEXT "\"}\n", i);
      if (i % 3 != 0)
        continue;
      /* d0, d3, d6…: done, one span each; the last 30 of them a claim. */
      g_string_append_printf (annotated,
                              "{\"id\": \"d%u\", \"status\": \"done\", \"spans\": [{\"id\": \"s1\", "
                              "\"start\": 0, \"end\": 11, \"label\": \"%s\", \"text\": \"Anna Keller\", "
                              "\"created\": \"2026-03-0%uT12:00:00Z\"}]}\n",
                              i, i >= 1110 ? "claim" : "actor", 1 + (i / 3) % 5);
    }
  ct_write_file (path, lines->str, lines->len);
  ct_write_file (annotations, annotated->str, annotated->len);

  for (guint n_threads = 1; n_threads <= 4; n_threads++)
    {
      g_clear_pointer (&overview, glossa_overview_free);
      overview = _glossa_overview_compute_threads (path, NULL, n_threads, NULL, &error);
      g_assert_no_error (error);
      assert_many (overview);
    }

  ct_remove_tree (dir);
}

static void
assert_many (GlossaOverview *overview)
{
  g_assert_cmpuint (overview->documents, ==, 1200);
  g_assert_cmpuint (overview->done, ==, 400);
  g_assert_cmpuint (overview->todo, ==, 800);
  g_assert_cmpuint (overview->spans, ==, 400);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "actor")->spans, ==, 370);
  g_assert_cmpuint (glossa_overview_lookup_label (overview, "claim")->spans, ==, 30);
  g_assert_cmpuint (overview->labels->len, ==, 4);
  g_assert_cmpuint (overview->days->len, ==, 5);
  for (guint d = 0; d < 5; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-0%u", d + 1);

      assert_day (overview, d, day, 80, 80);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/overview/figures", test_figures);
  g_test_add_func ("/core/overview/agreement", test_agreement);
  g_test_add_func ("/core/overview/errors", test_errors);
  g_test_add_func ("/core/overview/jsonl", test_jsonl);
  g_test_add_func ("/core/overview/many", test_many);

  return g_test_run ();
}
