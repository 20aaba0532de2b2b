/* test-corpus.c: folder and JSONL corpora, natural order, statuses
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-natural-sort.h"
#include "glossa-storage.h"

/* Helpers */

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("glossa-corpus-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
write_file (const char *dir,
            const char *rel,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, rel, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *rel)
{
  g_autofree char *path = g_build_filename (dir, rel, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GlossaCorpus *
open_corpus (const char *dir,
             const char *rel)
{
  g_autofree char *path = rel ? g_build_filename (dir, rel, NULL) : g_strdup (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossaCorpus *corpus = glossa_corpus_open (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (GLOSSA_IS_CORPUS (corpus));
  return corpus;
}

static GlossaCorpusItem *
item_at (GlossaCorpus *corpus,
         guint         position)
{
  /* The corpus keeps its items, so a borrowed pointer is safe here. */
  GlossaCorpusItem *item = g_list_model_get_item (G_LIST_MODEL (corpus), position);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}

static char *
corpus_names (GlossaCorpus *corpus)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (corpus)); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", glossa_corpus_item_get_name (item_at (corpus, i)));
  return g_string_free (out, FALSE);
}

static guint
count_warnings (GlossaCorpus *corpus)
{
  return g_strv_length ((char **) glossa_corpus_get_warnings (corpus));
}

/* Writes NAME.annotations.json for article @rel with the core's writer:
 * spans at the given (start, end, label) triples, then @status.
 */
static void
annotate (const char   *dir,
          const char   *rel,
          GlossaStatus  status,
          guint         n_spans,
          const gint64 *spans)
{
  g_autofree char *path = g_build_filename (dir, rel, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_spans; i++)
    {
      glossa_document_add_span (document, spans[3 * i], spans[3 * i + 1], spans[3 * i + 2], &error);
      g_assert_no_error (error);
    }
  glossa_document_set_status (document, status);
  glossa_document_save (document, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint status;
  guint n_spans;
  guint loaded;
} Notified;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              Notified   *notified)
{
  if (g_str_equal (pspec->name, "status"))
    notified->status++;
  else if (g_str_equal (pspec->name, "n-spans"))
    notified->n_spans++;
  else if (g_str_equal (pspec->name, "loaded"))
    notified->loaded++;
}

/* Like g_assert_finalize_object(), for objects a finished GTask may still
 * hold for a moment: its worker thread drops its reference after the
 * callback has run.
 */
static void
assert_finalize_soon (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
}

/* Natural order */

static void
test_natural_order (void)
{
  static const char * const sorted[] = {
    "1.txt", "2.txt", "02a.txt", "10.txt", "100.txt",
    "a/1.txt", "a/9.txt", "a/10.txt", "a.txt",
    "Apple.txt", "b2.txt", "B10.txt", "banana.txt", "Zed.txt",
    "zz99999999999999999999998.txt", "zz99999999999999999999999.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        int cmp = glossa_natural_compare (sorted[i], sorted[j]);
        int expected = i < j ? -1 : i > j;

        if (cmp != expected)
          g_error ("compare (%s, %s) = %d, expected %d", sorted[i], sorted[j], cmp, expected);
      }

  /* Equal by value and case, still a total order. */
  g_assert_cmpint (glossa_natural_compare ("7.txt", "007.txt"), <, 0);
  g_assert_cmpint (glossa_natural_compare ("ABC", "abc"), <, 0);
  g_assert_cmpint (glossa_natural_compare ("abc", "abc"), ==, 0);
  g_assert_cmpint (glossa_natural_compare ("Éa", "éb"), <, 0);
}

/* Folders */

static void
test_folder_scan (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autofree char *names = NULL;
  g_autofree char *expected_path = NULL;
  guint position = 0;

  write_file (dir, "10.txt", "ten");
  write_file (dir, "2.txt", "two");
  write_file (dir, "B.txt", "b");
  write_file (dir, "a.txt", "a");
  write_file (dir, "notes.md", "not an article");
  write_file (dir, "sub/11.txt", "eleven");
  write_file (dir, "sub/3.txt", "three");
  write_file (dir, "sub/deeper/1.txt", "one");
  write_file (dir, ".hidden/1.txt", "hidden folder");
  write_file (dir, "sub/.git/x.txt", "hidden folder");
  write_file (dir, "2.annotations.json", "{}");

  corpus = open_corpus (dir, NULL);
  g_assert_cmpint (glossa_corpus_get_kind (corpus), ==, GLOSSA_CORPUS_FOLDER);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (corpus)) == GLOSSA_TYPE_CORPUS_ITEM);

  names = corpus_names (corpus);
  g_assert_cmpstr (names, ==, "2.txt 10.txt a.txt B.txt sub/3.txt sub/11.txt sub/deeper/1.txt");
  g_assert_cmpuint (count_warnings (corpus), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (corpus), 7));

  g_assert_cmpstr (glossa_corpus_item_get_id (item_at (corpus, 5)), ==, "sub/11");
  g_assert_cmpuint (glossa_corpus_item_get_position (item_at (corpus, 5)), ==, 5);
  g_assert_null (glossa_corpus_item_get_title (item_at (corpus, 5)));
  expected_path = g_build_filename (dir, "sub", "11.txt", NULL);
  g_assert_cmpstr (g_file_peek_path (glossa_corpus_item_get_file (item_at (corpus, 5))), ==, expected_path);

  /* An article with an annotation file waits for load_statuses(). */
  g_assert_false (glossa_corpus_item_get_loaded (item_at (corpus, 0)));
  g_assert_true (glossa_corpus_item_get_loaded (item_at (corpus, 1)));

  g_assert_true (glossa_corpus_lookup (corpus, "sub/deeper/1", &position));
  g_assert_cmpuint (position, ==, 6);
  g_assert_false (glossa_corpus_lookup (corpus, "sub/deeper/1.txt", NULL));

  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

static void
test_folder_missing (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nothing-here", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = glossa_corpus_open (file, NULL, &error);

  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing-here"));
  ct_remove_tree (dir);
}

static void
test_folder_statuses (void)
{
  const gint64 spans[] = { 0, 5, GLOSSA_LABEL_ACTOR, 6, 11, GLOSSA_LABEL_DATE,
                           12, 17, GLOSSA_LABEL_ACTOR };
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  Notified notified = { 0 };
  const char * const *warnings;

  write_file (dir, "1.txt", "date 2024-02-29 Alice met Bob.");
  write_file (dir, "2.txt", "Carol Dave Erin and more");
  write_file (dir, "3.txt", "Short.");
  write_file (dir, "4.txt", "Broken annotations.");
  write_file (dir, "5.txt", " date 2023-05-01 no annotations here");
  annotate (dir, "1.txt", GLOSSA_STATUS_DONE, 1, spans);
  annotate (dir, "2.txt", GLOSSA_STATUS_IN_PROGRESS, 3, spans);
  write_file (dir, "4.annotations.json", "{\"status\": \"done\", \"spans\": [,]}");

  corpus = open_corpus (dir, NULL);
  g_signal_connect (item_at (corpus, 1), "notify", G_CALLBACK (count_notify), &notified);

  glossa_corpus_load_statuses (corpus, NULL);

  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 0)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 0)), ==, 1);
  g_assert_cmpstr (glossa_corpus_item_get_date (item_at (corpus, 0)), ==, "2024-02-29");
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 1)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 1)), ==, 3);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (corpus, 1), GLOSSA_LABEL_ACTOR), ==, 2);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (corpus, 1), GLOSSA_LABEL_DATE), ==, 1);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (corpus, 1), GLOSSA_LABEL_QUOTE), ==, 0);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 2)), ==, GLOSSA_STATUS_TODO);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 3)), ==, GLOSSA_STATUS_TODO);
  for (guint i = 0; i < 5; i++)
    g_assert_true (glossa_corpus_item_get_loaded (item_at (corpus, i)));

  g_assert_cmpuint (notified.status, ==, 1);
  g_assert_cmpuint (notified.n_spans, ==, 1);
  g_assert_cmpuint (notified.loaded, ==, 1);

  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_TODO), ==, 3);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE), ==, 1);

  /* The broken file is named with its line and column. */
  warnings = glossa_corpus_get_warnings (corpus);
  g_assert_cmpuint (count_warnings (corpus), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "/4.annotations.json:1:"));

  /* Dates of articles without annotations come from their header. */
  g_assert_null (glossa_corpus_item_get_date (item_at (corpus, 4)));
  glossa_corpus_load_dates (corpus, NULL);
  g_assert_cmpstr (glossa_corpus_item_get_date (item_at (corpus, 4)), ==, "2023-05-01");
  g_assert_null (glossa_corpus_item_get_date (item_at (corpus, 2)));

  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

static void
test_folder_save (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaCorpus) reopened = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sidecar = NULL;
  Notified notified = { 0 };

  write_file (dir, "a/1.txt", "Alice met Bob.");
  write_file (dir, "a/2.txt", "Nobody here.");

  corpus = open_corpus (dir, NULL);
  glossa_corpus_load_statuses (corpus, NULL);
  g_signal_connect (item_at (corpus, 0), "notify", G_CALLBACK (count_notify), &notified);

  document = glossa_corpus_load_document (corpus, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_article_get_text (glossa_document_get_article (document)), ==, "Alice met Bob.");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);

  glossa_document_add_span (document, 0, 5, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  glossa_document_set_status (document, GLOSSA_STATUS_DONE);
  g_assert_true (glossa_corpus_save_document (corpus, 0, document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_get_modified (document));

  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 0)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 0)), ==, 1);
  g_assert_cmpuint (notified.status, ==, 1);
  g_assert_cmpuint (notified.n_spans, ==, 1);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE), ==, 1);

  sidecar = read_file (dir, "a/1.annotations.json");
  g_assert_nonnull (strstr (sidecar, "\"status\": \"done\""));

  /* Status round trip: a new corpus reads what was saved. */
  reopened = open_corpus (dir, NULL);
  glossa_corpus_load_statuses (reopened, NULL);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (reopened, 0)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (reopened, 0), GLOSSA_LABEL_ACTOR), ==, 1);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (reopened, 1)), ==, GLOSSA_STATUS_TODO);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  ct_remove_tree (dir);
}

/* JSONL */

#define JSONL_CORPUS \
  "{\"id\": \"first\", \"text\": \"Alice met Bob in Rome.\", \"title\": \"A meeting\", " \
  "\"date\": \"2024-01-02\", \"url\": \"https://example.org/1\", " \
  "\"spans\": [{\"id\": \"p1\", \"start\": 0, \"end\": 5, \"label\": \"actor\", \"text\": \"Alice\"}, " \
  "{\"id\": \"p2\", \"start\": 10, \"end\": 13, \"label\": \"actor\", \"text\": \"Bob\", \"origin\": \"suggested\"}]}\n" \
  "{\"id\": 2, \"text\": \"Plain text, no spans.\"}\n" \
  "\n" \
  "{\"id\": \"broken\", \"text\": \"unterminated}\n" \
  "{\"id\": \"no-text\"}\n" \
  "{\"id\": \"bad-span\", \"text\": \"abc\", \"spans\": [{\"id\": \"s\", \"start\": 1, \"end\": 9, \"label\": \"actor\", \"text\": \"bc\"}]}\n" \
  "{\"id\": \"first\", \"text\": \"again\"}\n" \
  "[1, 2]\n" \
  "{\"id\": \"last\", \"text\": \"The end\"}"

static void
test_jsonl_read (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autofree char *names = NULL;
  g_autofree char *path = NULL;
  const char * const *warnings;
  GlossaCorpusItem *item;

  write_file (dir, "corpus.jsonl", JSONL_CORPUS);
  corpus = open_corpus (dir, "corpus.jsonl");
  path = g_build_filename (dir, "corpus.jsonl", NULL);

  g_assert_cmpint (glossa_corpus_get_kind (corpus), ==, GLOSSA_CORPUS_JSONL);
  names = corpus_names (corpus);
  g_assert_cmpstr (names, ==, "first 2 last");

  item = item_at (corpus, 0);
  g_assert_cmpstr (glossa_corpus_item_get_id (item), ==, "first");
  g_assert_cmpstr (glossa_corpus_item_get_title (item), ==, "A meeting");
  g_assert_cmpstr (glossa_corpus_item_get_date (item), ==, "2024-01-02");
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item), ==, 2);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item, GLOSSA_LABEL_ACTOR), ==, 2);
  g_assert_null (glossa_corpus_item_get_file (item));
  g_assert_false (glossa_corpus_item_get_loaded (item));
  g_assert_null (glossa_corpus_item_get_title (item_at (corpus, 1)));

  /* Every bad line is reported by number; the good ones all opened. */
  warnings = glossa_corpus_get_warnings (corpus);
  g_assert_cmpuint (count_warnings (corpus), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_true (g_str_has_prefix (warnings[i], path));
  g_assert_nonnull (strstr (warnings[0], "corpus.jsonl:4:"));
  g_assert_nonnull (strstr (warnings[1], "corpus.jsonl:5: text: missing"));
  g_assert_nonnull (strstr (warnings[2], "corpus.jsonl:6: spans[0].end: 9 is beyond"));
  g_assert_nonnull (strstr (warnings[3], "corpus.jsonl:7: id: “first” is already the id of line 1"));
  g_assert_nonnull (strstr (warnings[4], "corpus.jsonl:8: expected an object"));

  glossa_corpus_load_statuses (corpus, NULL);
  g_assert_true (glossa_corpus_item_get_loaded (item));
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_TODO), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

/* Case 7 of issue 9: a JSONL line's values are checked where they enter,
 * as the loader checks them. A bad date is dropped with a warning (the
 * article is still worth annotating); spans that would not open against
 * the article refuse the line at once, not when it is opened.
 */
static void
test_jsonl_values_checked (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char * const *warnings;

  write_file (dir, "corpus.jsonl",
              "{\"id\": \"feb30\", \"text\": \"a\", \"date\": \"2024-02-30\"}\n"
              "{\"id\": \"words\", \"text\": \"b\", \"date\": \"not a date\"}\n"
              "{\"id\": \"leap\", \"text\": \"c\", \"date\": \"2024-02-29\"}\n"
              "{\"id\": \"text\", \"text\": \"Anna\", \"spans\": [{\"start\": 0, \"end\": 2, \"label\": \"actor\", \"text\": \"Bo\"}]}\n"
              "{\"id\": \"bom\", \"text\": \"\xef\xbb\xbf" "Anna\", \"spans\": [{\"start\": 1, \"end\": 5, \"label\": \"actor\", \"text\": \"nna\"}]}\n"
              "{\"id\": \"good\", \"text\": \"\xef\xbb\xbf" "Anna\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"actor\", \"text\": \"Anna\"}]}\n"
              "{\"id\": \"status\", \"text\": \"d\", \"status\": \"finished\"}\n"
              /* Left out for its id: nothing is said of its date. */
              "{\"id\": \"leap\", \"text\": \"e\", \"date\": \"2023-02-29\"}\n");
  corpus = open_corpus (dir, "corpus.jsonl");

  names = corpus_names (corpus);
  g_assert_cmpstr (names, ==, "feb30 words leap good status");
  g_assert_null (glossa_corpus_item_get_date (item_at (corpus, 0)));
  g_assert_null (glossa_corpus_item_get_date (item_at (corpus, 1)));
  g_assert_cmpstr (glossa_corpus_item_get_date (item_at (corpus, 2)), ==, "2024-02-29");
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 3)), ==, 1);

  warnings = glossa_corpus_get_warnings (corpus);
  g_assert_cmpuint (count_warnings (corpus), ==, 6);
  g_assert_nonnull (strstr (warnings[0], "corpus.jsonl:1: date: “2024-02-30” is not a date as YYYY-MM-DD"));
  g_assert_nonnull (strstr (warnings[0], "listed without a date"));
  g_assert_nonnull (strstr (warnings[1], "corpus.jsonl:2: date: “not a date” is not a date"));
  g_assert_nonnull (strstr (warnings[2], "corpus.jsonl:4: spans[0].text: “Bo” differs"));
  /* The article drops a byte-order mark: offsets count from after it. */
  g_assert_nonnull (strstr (warnings[3], "corpus.jsonl:5: spans[0].end: 5 is beyond the article's 4 characters"));
  g_assert_nonnull (strstr (warnings[4], "corpus.jsonl:7: status: unknown status “finished” (expected todo, "
                                         "in-progress or done); the article is listed as todo"));
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 4)), ==, GLOSSA_STATUS_TODO);
  g_assert_nonnull (strstr (warnings[5], "corpus.jsonl:8: id: “leap” is already the id of line 3"));

  /* What was listed opens, with the spans it was listed with. */
  document = glossa_corpus_load_document (corpus, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

static void
test_jsonl_document (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlossaSpan *span;

  write_file (dir, "corpus.jsonl", JSONL_CORPUS);
  corpus = open_corpus (dir, "corpus.jsonl");

  /* Without an annotations line: the corpus line's own spans. */
  document = glossa_corpus_load_document (corpus, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_article_get_text (glossa_document_get_article (document)), ==,
                   "Alice met Bob in Rome.");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 2);
  span = glossa_document_get_span (document, 0);
  g_assert_cmpint (span->start, ==, 0);
  g_assert_cmpint (span->end, ==, 5);
  g_assert_cmpstr (span->text, ==, "Alice");
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_TODO);
  /* Taken as they are: ids and origins kept, nothing to undo or save. */
  g_assert_cmpstr (span->id, ==, "p1");
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_IMPORTED);
  g_assert_cmpstr (glossa_document_get_span (document, 1)->id, ==, "p2");
  g_assert_cmpint (glossa_document_get_span (document, 1)->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_false (glossa_document_can_undo (document));
  g_assert_false (glossa_document_get_modified (document));

  /* Saved through the corpus, the document is no longer modified. */
  g_assert_nonnull (glossa_document_add_span (document, 17, 21, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_get_modified (document));
  g_assert_true (glossa_corpus_save_document (corpus, 0, document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_get_modified (document));
  g_clear_object (&document);

  document = glossa_corpus_load_document (corpus, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_article_get_text (glossa_document_get_article (document)), ==, "The end");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

/* What `glossa export --format jsonl` writes: statuses, spans without ids. */
static void
test_jsonl_export_read_only (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  write_file (dir, "export.jsonl",
              "{\"id\": \"a\", \"text\": \"Ana met Rui.\", \"date\": null, \"status\": \"done\", "
              "\"annotator\": \"kim\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"actor\", "
              "\"text\": \"Ana\"}, {\"start\": 8, \"end\": 11, \"label\": \"actor\", \"text\": \"Rui\"}]}\n"
              "{\"id\": \"b\", \"text\": \"Nothing here.\", \"status\": \"todo\", \"spans\": []}\n");
  corpus = open_corpus (dir, "export.jsonl");

  g_assert_cmpuint (count_warnings (corpus), ==, 0);
  g_assert_true (glossa_corpus_get_read_only (corpus));
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 0)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE), ==, 1);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_TODO), ==, 1);

  document = glossa_corpus_load_document (corpus, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_document_get_read_only (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 2);
  g_assert_cmpstr (glossa_document_get_span (document, 0)->id, ==, "s1");
  g_assert_cmpstr (glossa_document_get_span (document, 1)->id, ==, "s2");
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_DONE);
  g_assert_null (glossa_document_add_span (document, 4, 7, GLOSSA_LABEL_CLAIM, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

static void
save_status (GlossaCorpus *corpus,
             guint         position,
             GlossaStatus  status,
             gint64        start,
             gint64        end,
             GlossaLabel   label)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = glossa_corpus_load_document (corpus, position, NULL, &error);
  g_assert_no_error (error);
  if (start >= 0)
    {
      glossa_document_add_span (document, start, end, label, &error);
      g_assert_no_error (error);
    }
  glossa_document_set_status (document, status);
  g_assert_true (glossa_corpus_save_document (corpus, position, document, NULL, &error));
  g_assert_no_error (error);
}

static void
test_jsonl_roundtrip (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaCorpus) reopened = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  static const char foreign[] = "{\"id\": \"someone-else\", \"status\": \"done\", \"spans\": []}\n";

  write_file (dir, "corpus.jsonl", JSONL_CORPUS);
  corpus = open_corpus (dir, "corpus.jsonl");
  glossa_corpus_load_statuses (corpus, NULL);

  /* The last article first: the file stays in corpus order anyway. */
  save_status (corpus, 2, GLOSSA_STATUS_IN_PROGRESS, 4, 7, GLOSSA_LABEL_CLAIM);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 2)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 2)), ==, 1);

  /* A line written by someone else is kept as it is. */
  before = read_file (dir, "corpus.annotations.jsonl");
  {
    g_autofree char *with_foreign = g_strconcat (before, foreign, NULL);
    write_file (dir, "corpus.annotations.jsonl", with_foreign);
  }

  save_status (corpus, 0, GLOSSA_STATUS_DONE, 17, 21, GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (corpus, 0)), ==, 3);
  save_status (corpus, 1, GLOSSA_STATUS_DONE, -1, 0, 0);
  save_status (corpus, 0, GLOSSA_STATUS_IN_PROGRESS, -1, 0, 0);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE), ==, 1);

  after = read_file (dir, "corpus.annotations.jsonl");
  lines = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\": \"first\", \"status\": \"in-progress\", \"annotator\": \"\", \"spans\": ["));
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\": \"2\", \"status\": \"done\""));
  g_assert_true (g_str_has_prefix (lines[2], "{\"id\": \"last\", \"status\": \"in-progress\""));
  g_assert_nonnull (strstr (lines[2], "\"label\": \"claim\""));
  g_assert_cmpstr (lines[3], ==, "{\"id\": \"someone-else\", \"status\": \"done\", \"spans\": []}");
  g_assert_cmpstr (lines[4], ==, "");

  /* Reopened: the statuses, and the documents from the annotations. */
  reopened = open_corpus (dir, "corpus.jsonl");
  glossa_corpus_load_statuses (reopened, NULL);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (reopened, 0)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (reopened, 0)), ==, 3);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (reopened, 1)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_item_get_n_spans (item_at (reopened, 1)), ==, 0);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (reopened, 2)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (reopened, 2), GLOSSA_LABEL_CLAIM), ==, 1);

  /* The line for an id not in the corpus is reported. */
  g_assert_cmpuint (count_warnings (reopened), ==, 6);
  g_assert_nonnull (strstr (glossa_corpus_get_warnings (reopened)[5],
                            "corpus.annotations.jsonl:4: id: no article “someone-else”"));

  document = glossa_corpus_load_document (reopened, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 3);
  g_assert_cmpstr (glossa_document_get_span (document, 2)->text, ==, "Rome");
  g_clear_object (&document);

  document = glossa_corpus_load_document (reopened, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_DONE);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  ct_remove_tree (dir);
}

/* A bad annotations line fails that document only, never silently. */
static void
test_jsonl_bad_annotations (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  write_file (dir, "corpus.jsonl", JSONL_CORPUS);
  write_file (dir, "corpus.annotations.jsonl",
              "{\"id\": \"first\", \"status\": \"done\", \"annotator\": \"\", \"spans\": "
              "[{\"id\": \"s1\", \"start\": 0, \"end\": 5, \"label\": \"actor\", \"text\": \"Alicia\"}]}\n"
              "{\"id\": \"last\", \"status\": \"finished\", \"spans\": []}\n");
  corpus = open_corpus (dir, "corpus.jsonl");
  glossa_corpus_load_statuses (corpus, NULL);

  /* The quick read counts the first line; the second is reported. */
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 0)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 2)), ==, GLOSSA_STATUS_TODO);
  g_assert_nonnull (strstr (glossa_corpus_get_warnings (corpus)[5],
                            "corpus.annotations.jsonl:2: status: unknown status “finished”"));

  /* The full read checks the span against the article. */
  document = glossa_corpus_load_document (corpus, 0, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "corpus.annotations.jsonl:1: spans[0].text"));

  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

/* Async: the list first, then the statuses in batches on this thread. */

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossaCorpus **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = glossa_corpus_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async_open (void)
{
  const gint64 spans[] = { 0, 3, GLOSSA_LABEL_QUOTE };
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  GlossaCorpus *corpus = NULL;
  Notified notified = { 0 };
  guint n_done_notified = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i);
      write_file (dir, name, "date 2020-01-01 Some text.");
      if (i % 3 == 0)
        annotate (dir, name, i % 2 ? GLOSSA_STATUS_DONE : GLOSSA_STATUS_IN_PROGRESS, 1, spans);
    }

  glossa_corpus_open_async (file, NULL, opened_cb, &corpus);
  while (corpus == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 300);
  g_assert_cmpstr (glossa_corpus_item_get_name (item_at (corpus, 10)), ==, "doc-10.txt");
  g_assert_true (glossa_corpus_get_loading (corpus));
  g_signal_connect (item_at (corpus, 3), "notify", G_CALLBACK (count_notify), &notified);
  g_signal_connect_swapped (corpus, "notify::n-done", G_CALLBACK (g_atomic_int_inc), &n_done_notified);

  while (glossa_corpus_get_loading (corpus))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 3)), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 0)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (notified.status, ==, 1);
  g_assert_cmpuint (notified.loaded, ==, 1);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE), ==, 50);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_IN_PROGRESS), ==, 50);
  g_assert_cmpuint (glossa_corpus_count_status (corpus, GLOSSA_STATUS_TODO), ==, 200);
  g_assert_cmpuint (n_done_notified, >=, 1);
  /* Dates: from the annotations, and from the header of the others. */
  for (guint i = 0; i < 300; i++)
    g_assert_cmpstr (glossa_corpus_item_get_date (item_at (corpus, i)), ==, "2020-01-01");

  assert_finalize_soon (corpus);
  ct_remove_tree (dir);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The window's path: load and save off the main thread. */
static void
test_jsonl_async (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  Notified notified = { 0 };

  write_file (dir, "corpus.jsonl", JSONL_CORPUS);
  corpus = open_corpus (dir, "corpus.jsonl");
  glossa_corpus_load_statuses (corpus, NULL);
  g_signal_connect (item_at (corpus, 1), "notify", G_CALLBACK (count_notify), &notified);

  glossa_corpus_load_document_async (corpus, 1, NULL, result_cb, &loaded);
  document = glossa_corpus_load_document_finish (corpus, wait_for (&loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_article_get_text (glossa_document_get_article (document)), ==,
                   "Plain text, no spans.");

  glossa_document_add_span (document, 0, 5, GLOSSA_LABEL_QUOTE, &error);
  g_assert_no_error (error);
  glossa_document_set_status (document, GLOSSA_STATUS_IN_PROGRESS);
  glossa_corpus_save_document_async (corpus, 1, document, NULL, result_cb, &saved);
  g_assert_true (glossa_corpus_save_document_finish (corpus, wait_for (&saved), &error));
  g_assert_no_error (error);

  g_assert_cmpint (glossa_corpus_item_get_status (item_at (corpus, 1)), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (glossa_corpus_item_get_label_count (item_at (corpus, 1), GLOSSA_LABEL_QUOTE), ==, 1);
  g_assert_cmpuint (notified.status, ==, 1);
  g_assert_cmpuint (notified.n_spans, ==, 1);

  written = read_file (dir, "corpus.annotations.jsonl");
  g_assert_true (g_str_has_prefix (written, "{\"id\": \"2\", \"status\": \"in-progress\""));
  g_assert_nonnull (strstr (written, "\"text\": \"Plain\""));

  /* The results hold the corpus and the saved document. */
  g_clear_object (&loaded);
  g_clear_object (&saved);
  assert_finalize_soon (g_steal_pointer (&document));
  assert_finalize_soon (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}


static void
count_calls (GObject    *object,
             GParamSpec *pspec,
             guint      *n)
{
  (*n)++;
}

/* An article that cannot be read marks its item ("Cannot be read" in the
 * list), notified once; read again once fixed, the mark goes.
 */
static void
test_folder_item_error (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossaCorpusItem *item;
  guint n_notified = 0;

  write_file (dir, "corpus/a.txt", "Le caf\xe9.");
  corpus = open_corpus (dir, "corpus");
  item = item_at (corpus, 0);
  g_assert_null (glossa_corpus_item_get_error (item));
  g_signal_connect (item, "notify::error", G_CALLBACK (count_calls), &n_notified);

  for (guint i = 0; i < 2; i++)
    {
      glossa_corpus_load_document_async (corpus, 0, NULL, result_cb, &loaded);
      document = glossa_corpus_load_document_finish (corpus, wait_for (&loaded), &error);
      g_assert_null (document);
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
      g_clear_error (&error);
      g_clear_object (&loaded);
    }
  g_assert_error ((GError *) glossa_corpus_item_get_error (item), GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpint (glossa_corpus_item_get_status (item), ==, GLOSSA_STATUS_TODO);

  write_file (dir, "corpus/a.txt", "Le café.");
  glossa_corpus_load_document_async (corpus, 0, NULL, result_cb, &loaded);
  document = glossa_corpus_load_document_finish (corpus, wait_for (&loaded), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_null (glossa_corpus_item_get_error (item));
  g_assert_cmpuint (n_notified, ==, 2);

  g_clear_object (&loaded);
  assert_finalize_soon (g_steal_pointer (&document));
  assert_finalize_soon (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

/* A line without a line break is not buffered without bound: the reader of
 * the corpus and of FILE.annotations.jsonl refuses a line longer than the
 * storage's read limit, naming the file and the line. The files are sparse,
 * so the test writes nothing; it reads a little over the limit.
 */
static void
test_jsonl_line_limit (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autofree char *annotations = g_build_filename (dir, "corpus.annotations.jsonl", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *first = "{\"id\": \"a\", \"text\": \"Anna said so.\"}\n";
  const char * const *warnings;

  /* Line 2 is LIMIT + 1 bytes and has no end. */
  write_file (dir, "corpus.jsonl", first);
  g_assert_cmpint (truncate (path, strlen (first) + GLOSSA_STORAGE_READ_LIMIT + 1), ==, 0);
  corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  expected = g_strdup_printf ("%s:2: the line is too long", path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* A line of FILE.annotations.jsonl as long is a warning naming it; the
   * corpus still opens.
   */
  write_file (dir, "corpus.jsonl", first);
  write_file (dir, "corpus.annotations.jsonl", "");
  g_assert_cmpint (truncate (annotations, GLOSSA_STORAGE_READ_LIMIT + 1), ==, 0);
  corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_no_error (error);
  glossa_corpus_load_statuses (corpus, NULL);
  warnings = glossa_corpus_get_warnings (corpus);
  g_assert_cmpuint (count_warnings (corpus), ==, 1);
  expected = g_strdup_printf ("%s:1: the line is too long", annotations);
  g_assert_true (g_str_has_prefix (warnings[0], expected));

  g_assert_finalize_object (g_steal_pointer (&corpus));
  ct_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/corpus/natural-order", test_natural_order);
  g_test_add_func ("/core/corpus/folder-scan", test_folder_scan);
  g_test_add_func ("/core/corpus/folder-missing", test_folder_missing);
  g_test_add_func ("/core/corpus/folder-statuses", test_folder_statuses);
  g_test_add_func ("/core/corpus/folder-save", test_folder_save);
  g_test_add_func ("/core/corpus/folder-item-error", test_folder_item_error);
  g_test_add_func ("/core/corpus/jsonl-read", test_jsonl_read);
  g_test_add_func ("/core/corpus/jsonl-values-checked", test_jsonl_values_checked);
  g_test_add_func ("/core/corpus/jsonl-document", test_jsonl_document);
  g_test_add_func ("/core/corpus/jsonl-roundtrip", test_jsonl_roundtrip);
  g_test_add_func ("/core/corpus/jsonl-export-read-only", test_jsonl_export_read_only);
  g_test_add_func ("/core/corpus/jsonl-bad-annotations", test_jsonl_bad_annotations);
  g_test_add_func ("/core/corpus/jsonl-async", test_jsonl_async);
  g_test_add_func ("/core/corpus/jsonl-line-limit", test_jsonl_line_limit);
  g_test_add_func ("/core/corpus/async-open", test_async_open);

  return g_test_run ();
}
