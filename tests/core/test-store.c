/* test-store.c: tests of the storage layer: JSONL conflicts, failed saves, recovery copies
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-saver.h"
#include "glossa-store.h"

#include "core-test-util.h"

#define CORPUS \
  "{\"id\": \"a\", \"text\": \"Alpha said beta was wrong.\"}\n" \
  "{\"id\": \"b\", \"text\": \"Gamma met delta on Monday.\"}\n"

static char *data_home;

static void wait_for (GlossaSaver *saver, guint n_failures, guint timeout_ms);
static void run_for  (guint ms);

static GlossaCorpus *
open_corpus (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossaCorpus *corpus = glossa_corpus_open (file, NULL, &error);

  g_assert_no_error (error);
  return corpus;
}

static GlossaDocument *
load (GlossaCorpus *corpus,
      const char   *id)
{
  g_autoptr(GError) error = NULL;
  GlossaDocument *document;
  guint position;

  g_assert_true (glossa_corpus_lookup (corpus, id, &position));
  document = glossa_corpus_load_document (corpus, position, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static gboolean
save (GlossaCorpus    *corpus,
      GlossaDocument  *document,
      const char      *id,
      GError         **error)
{
  guint position;

  g_assert_true (glossa_corpus_lookup (corpus, id, &position));
  return glossa_corpus_save_document (corpus, position, document, NULL, error);
}

static void
tag (GlossaDocument *document,
     gint64          start,
     gint64          end)
{
  g_autoptr(GError) error = NULL;

  glossa_document_add_span (document, start, end, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
}

static char *
make_corpus (void)
{
  char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);

  ct_write_file (path, CORPUS, -1);
  return dir;
}

static GBytes *
read_annotations (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "corpus.annotations.jsonl", NULL);

  return ct_read_file (path);
}

/* Case 3: two windows (two corpora) on one JSONL corpus edit the same
 * article. The second save is refused and the first one's line stays,
 * byte for byte.
 */
static void
test_jsonl_conflict (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GlossaCorpus) first = open_corpus (dir);
  g_autoptr(GlossaCorpus) second = open_corpus (dir);
  g_autoptr(GlossaDocument) mine = load (first, "a");
  g_autoptr(GlossaDocument) theirs = load (second, "a");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  tag (mine, 0, 5);
  g_assert_true (save (first, mine, "a", &error));
  g_assert_no_error (error);
  before = read_annotations (dir);
  g_assert_nonnull (strstr (g_bytes_get_data (before, NULL), "\"id\": \"a\""));

  g_assert_true (glossa_document_changed_on_disk (theirs));
  g_assert_false (glossa_document_changed_on_disk (mine));
  tag (theirs, 11, 15);
  g_assert_false (save (second, theirs, "a", &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  ct_assert_contains (error->message, "corpus.annotations.jsonl");
  ct_assert_contains (error->message, "article a");
  g_assert_true (glossa_document_get_modified (theirs));

  after = read_annotations (dir);
  g_assert_true (g_bytes_equal (before, after));

  ct_remove_tree (dir);
}

/* Two windows editing different articles of one corpus: each keeps the
 * other's line, and a write of another line is no conflict.
 */
static void
test_jsonl_other_lines_merge (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GlossaCorpus) first = open_corpus (dir);
  g_autoptr(GlossaCorpus) second = open_corpus (dir);
  g_autoptr(GlossaCorpus) third = NULL;
  g_autoptr(GlossaDocument) a = load (first, "a");
  g_autoptr(GlossaDocument) b = load (second, "b");
  g_autoptr(GlossaDocument) a_again = NULL;
  g_autoptr(GlossaDocument) b_again = NULL;
  g_autoptr(GError) error = NULL;

  tag (a, 0, 5);
  g_assert_true (save (first, a, "a", &error));
  g_assert_no_error (error);
  tag (b, 0, 5);
  g_assert_false (glossa_document_changed_on_disk (b));
  g_assert_true (save (second, b, "b", &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_changed_on_disk (a));
  tag (a, 11, 15);
  g_assert_true (save (first, a, "a", &error));
  g_assert_no_error (error);

  third = open_corpus (dir);
  a_again = load (third, "a");
  b_again = load (third, "b");
  g_assert_cmpuint (glossa_document_get_n_spans (a_again), ==, 2);
  g_assert_cmpuint (glossa_document_get_n_spans (b_again), ==, 1);

  ct_remove_tree (dir);
}

/* Keeping ours over another program's line: their line goes to a side
 * file that no corpus reads, and then ours is written.
 */
static void
test_jsonl_set_aside (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GlossaCorpus) first = open_corpus (dir);
  g_autoptr(GlossaCorpus) second = open_corpus (dir);
  g_autoptr(GlossaCorpus) third = NULL;
  g_autoptr(GlossaDocument) mine = load (first, "a");
  g_autoptr(GlossaDocument) theirs = load (second, "a");
  g_autoptr(GlossaDocument) reread = NULL;
  g_autoptr(GBytes) their_file = NULL;
  g_autoptr(GBytes) side = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *side_name = NULL;

  tag (theirs, 11, 15);
  g_assert_true (save (second, theirs, "a", &error));
  their_file = read_annotations (dir);

  tag (mine, 0, 5);
  g_assert_false (save (first, mine, "a", &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (glossa_document_set_aside_disk_version (mine, &copy, &error));
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  side_name = g_file_get_basename (copy);
  g_assert_true (g_str_has_prefix (side_name, "corpus.annotations.jsonl.other-"));
  side = ct_read_file (g_file_peek_path (copy));
  /* The side file holds their line as it was, with a line end. */
  g_assert_true (g_bytes_equal (side, their_file));
  g_assert_false (glossa_document_changed_on_disk (mine));

  g_assert_true (save (first, mine, "a", &error));
  g_assert_no_error (error);

  third = open_corpus (dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (third)), ==, 2);
  g_assert_null (glossa_corpus_get_warnings (third)[0]);
  reread = load (third, "a");
  g_assert_cmpuint (glossa_document_get_n_spans (reread), ==, 1);
  g_assert_cmpint (glossa_document_get_span (reread, 0)->start, ==, 0);

  ct_remove_tree (dir);
}

/* Reload after a conflict: the other line is shown and can be saved on. */
static void
test_jsonl_reload (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GlossaCorpus) first = open_corpus (dir);
  g_autoptr(GlossaCorpus) second = open_corpus (dir);
  g_autoptr(GlossaDocument) mine = load (first, "a");
  g_autoptr(GlossaDocument) theirs = load (second, "a");
  g_autoptr(GError) error = NULL;

  tag (theirs, 11, 15);
  g_assert_true (save (second, theirs, "a", &error));
  tag (mine, 0, 5);
  g_assert_true (glossa_document_changed_on_disk (mine));
  g_assert_true (glossa_document_reload (mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_document_get_n_spans (mine), ==, 1);
  g_assert_cmpint (glossa_document_get_span (mine, 0)->start, ==, 11);
  g_assert_false (glossa_document_changed_on_disk (mine));
  tag (mine, 0, 5);
  g_assert_true (save (first, mine, "a", &error));
  g_assert_no_error (error);

  ct_remove_tree (dir);
}

/* A conflict is not retried: nothing is written until the user chooses,
 * and it is not warned about (the window asks instead).
 */
static void
test_saver_conflict_waits (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GlossaCorpus) first = open_corpus (dir);
  g_autoptr(GlossaCorpus) second = open_corpus (dir);
  g_autoptr(GlossaDocument) mine = load (first, "a");
  g_autoptr(GlossaDocument) theirs = load (second, "a");
  g_autoptr(GlossaSaver) saver = glossa_saver_new (mine);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  glossa_saver_set_delay (saver, 10);
  tag (theirs, 11, 15);
  g_assert_true (save (second, theirs, "a", &error));
  before = read_annotations (dir);

  tag (mine, 0, 5);
  wait_for (saver, 1, 5000);
  g_assert_error (glossa_saver_get_error (saver), GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  tag (mine, 16, 20);
  run_for (1000);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), ==, 1);
  g_assert_cmpuint (glossa_saver_get_retry_delay (saver), ==, 0);
  after = read_annotations (dir);
  g_assert_true (g_bytes_equal (before, after));

  /* Keeping mine: theirs is set aside, then the saver writes. */
  g_assert_true (glossa_document_set_aside_disk_version (mine, NULL, &error));
  glossa_saver_save_now (saver);
  g_assert_true (glossa_saver_flush (saver, &error));
  g_assert_no_error (error);
  g_assert_null (glossa_saver_get_error (saver));
  g_assert_false (glossa_document_get_modified (mine));
  /* The corpus's item follows a save, whoever asked for it. */
  g_assert_true (glossa_corpus_lookup (first, "a", &position));
  {
    g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (first), position);

    g_assert_cmpuint (glossa_corpus_item_get_n_spans (item), ==, 2);
  }

  ct_remove_tree (dir);
}

/* A FIFO put in place of FILE.annotations.jsonl is refused at once, by
 * name, and nothing waits on it.
 */
static void
test_jsonl_fifo (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *path = g_build_filename (dir, "corpus.annotations.jsonl", NULL);
  g_autoptr(GlossaCorpus) corpus = open_corpus (dir);
  g_autoptr(GlossaDocument) document = load (corpus, "a");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  tag (document, 0, 5);
  g_assert_false (save (corpus, document, "a", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  ct_assert_contains (error->message, "corpus.annotations.jsonl");
  g_assert_true (glossa_document_get_modified (document));

  ct_remove_tree (dir);
}

/* The sidecar store of a folder corpus refuses the same way. */
static void
test_sidecar_conflict (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "a.annotations.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaDocument) mine = NULL;
  g_autoptr(GlossaDocument) theirs = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (article, "Alpha said beta was wrong.", -1);
  file = g_file_new_for_path (article);
  mine = glossa_document_open (file, NULL, &error);
  theirs = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (GLOSSA_IS_FILE_STORE (glossa_document_get_store (mine)));

  tag (theirs, 11, 15);
  g_assert_true (glossa_document_save (theirs, NULL, &error));
  before = ct_read_file (sidecar);
  tag (mine, 0, 5);
  g_assert_false (glossa_document_save (mine, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  after = ct_read_file (sidecar);
  g_assert_true (g_bytes_equal (before, after));

  ct_remove_tree (dir);
}

static void
wait_for (GlossaSaver *saver,
          guint        n_failures,
          guint        timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (glossa_saver_get_n_failures (saver) < n_failures && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* A save that cannot be written (here: its folder is gone) keeps the
 * document modified, warns once, retries with a growing wait, keeps the
 * edits in a recovery copy, and a later open offers them.
 */
static void
check_failed_saves (const char *dir,
                    const char *article)
{
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;
  g_autoptr(GlossaSaver) saver = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  guint error_notifies = 0;

  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  saver = glossa_saver_new (document);
  glossa_saver_set_delay (saver, 10);
  g_signal_connect_swapped (saver, "notify::error", G_CALLBACK (count_notify), &error_notifies);

  /* One warning, whatever the number of tries. */
  g_test_expect_message ("Glossa", G_LOG_LEVEL_WARNING, "Could not save: *");
  tag (document, 0, 5);
  wait_for (saver, 1, 5000);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), ==, 1);
  g_assert_nonnull (glossa_saver_get_error (saver));
  ct_assert_contains (glossa_saver_get_error (saver)->message, "a.annotations.json");
  g_assert_true (glossa_saver_get_modified (saver));
  g_assert_true (glossa_saver_get_unsaved (saver));
  g_assert_cmpuint (glossa_saver_get_retry_delay (saver), ==, GLOSSA_SAVER_FIRST_BACKOFF_MS);

  recovery = glossa_store_get_recovery_file (glossa_document_get_store (document));
  g_assert_true (g_str_has_prefix (g_file_peek_path (recovery), data_home));
  g_assert_true (g_file_query_exists (recovery, NULL));

  /* 0.3 s, then 1 s, then 2 s: at most three tries in two seconds (a
   * fixed 300 ms would make seven).
   */
  run_for (2000);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), >=, 2);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), <=, 3);
  g_assert_cmpuint (glossa_saver_get_retry_delay (saver), >=, 1000);
  g_assert_true (glossa_document_get_modified (document));
  /* The error is the same each time: notified once. */
  g_assert_cmpuint (error_notifies, ==, 1);
  g_test_assert_expected_messages ();

  /* Opening the article again offers the edits. */
  reopened = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 0);
  date = glossa_document_dup_recovery_date (reopened);
  g_assert_nonnull (date);
  g_assert_true (glossa_document_restore_recovery (reopened, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 1);
  g_assert_cmpint (glossa_document_get_span (reopened, 0)->end, ==, 5);
  g_assert_true (glossa_document_get_modified (reopened));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  g_assert_finalize_object (g_steal_pointer (&saver));
  g_assert_finalize_object (g_steal_pointer (&document));
  (void) dir;
}

static void
test_saver_missing_folder (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  g_autofree char *sidecar = g_build_filename (gone, "a.annotations.json", NULL);
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GFile) sidecar_file = g_file_new_for_path (sidecar);
  g_autoptr(GlossaArticle) loaded = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaSaver) saver = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (article, "Alpha said beta was wrong.", -1);
  article_file = g_file_new_for_path (article);
  loaded = glossa_article_load (article_file, NULL, &error);
  g_assert_no_error (error);
  document = glossa_document_new (loaded, sidecar_file);
  saver = glossa_saver_new (document);
  glossa_saver_set_delay (saver, 10);

  g_test_expect_message ("Glossa", G_LOG_LEVEL_WARNING, "Could not save: *");
  tag (document, 0, 5);
  wait_for (saver, 1, 5000);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), ==, 1);
  g_assert_true (glossa_document_get_modified (document));
  run_for (1500);
  g_assert_cmpuint (glossa_saver_get_n_failures (saver), <=, 3);
  g_test_assert_expected_messages ();
  recovery = glossa_store_get_recovery_file (glossa_document_get_store (document));
  g_assert_true (g_file_query_exists (recovery, NULL));

  /* Once it can be written, it is, and the recovery copy goes. */
  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  g_assert_true (glossa_saver_flush (saver, &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_get_modified (document));
  g_assert_null (glossa_saver_get_error (saver));
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_query_exists (recovery, NULL));

  ct_remove_tree (dir);
}

static gboolean
run_mount (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* Case 2 on a read-only folder (a read-only bind mount: chmod does not
 * stop root, and only root may mount).
 */
static void
test_saver_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *article = NULL;
  g_autofree char *sidecar = NULL;

  if (getuid () != 0)
    {
      g_test_skip ("a read-only bind mount needs root");
      return;
    }

  dir = ct_make_tmpdir ();
  article = g_build_filename (dir, "a.txt", NULL);
  sidecar = g_build_filename (dir, "a.annotations.json", NULL);
  ct_write_file (article, "Alpha said beta was wrong.", -1);
  {
    const char *bind[] = { "mount", "--bind", dir, dir, NULL };
    const char *ro[] = { "mount", "-o", "remount,bind,ro", dir, NULL };

    if (!run_mount (bind))
      {
        g_test_skip ("mount --bind failed: no mount privilege here");
        ct_remove_tree (dir);
        return;
      }
    g_assert_true (run_mount (ro));
  }

  check_failed_saves (dir, article);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  {
    const char *umount[] = { "umount", dir, NULL };

    g_assert_true (run_mount (umount));
  }
  ct_remove_tree (dir);
}

/* Case 2 on a full disk: a small tmpfs, filled up after the article. */
static void
test_saver_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *article = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *block = g_malloc0 (4096);
  FILE *out;

  if (getuid () != 0)
    {
      g_test_skip ("mounting a small tmpfs needs root");
      return;
    }

  dir = ct_make_tmpdir ();
  {
    const char *tmpfs[] = { "mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir, NULL };

    if (!run_mount (tmpfs))
      {
        g_test_skip ("mount -t tmpfs failed: no mount privilege here");
        ct_remove_tree (dir);
        return;
      }
  }
  article = g_build_filename (dir, "a.txt", NULL);
  sidecar = g_build_filename (dir, "a.annotations.json", NULL);
  filler = g_build_filename (dir, "filler", NULL);
  ct_write_file (article, "Alpha said beta was wrong.", -1);
  out = fopen (filler, "wb");
  g_assert_nonnull (out);
  while (fwrite (block, 1, 4096, out) == 4096 && fflush (out) == 0)
    ;
  fclose (out);

  check_failed_saves (dir, article);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  {
    const char *umount[] = { "umount", dir, NULL };

    g_assert_true (run_mount (umount));
  }
  ct_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Recovery copies go under the user's data folder: a private one, set
   * before GLib first reads it.
   */
  data_home = ct_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/jsonl/conflict", test_jsonl_conflict);
  g_test_add_func ("/store/jsonl/other-lines-merge", test_jsonl_other_lines_merge);
  g_test_add_func ("/store/jsonl/set-aside", test_jsonl_set_aside);
  g_test_add_func ("/store/jsonl/reload", test_jsonl_reload);
  g_test_add_func ("/store/jsonl/fifo", test_jsonl_fifo);
  g_test_add_func ("/store/sidecar/conflict", test_sidecar_conflict);
  g_test_add_func ("/store/saver/conflict-waits", test_saver_conflict_waits);
  g_test_add_func ("/store/saver/missing-folder", test_saver_missing_folder);
  g_test_add_func ("/store/saver/read-only-folder", test_saver_read_only_folder);
  g_test_add_func ("/store/saver/full-disk", test_saver_full_disk);

  ret = g_test_run ();
  ct_remove_tree (data_home);
  g_free (data_home);
  return ret;
}
