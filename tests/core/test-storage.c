/* test-storage.c: bounded reads of regular files only, file stamps, folder walks
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-document.h"
#include "glossa-review.h"
#include "glossa-storage.h"

/* Reads that could block are run under an alarm: a read that hangs kills
 * the test (SIGALRM) instead of hanging the suite until its timeout.
 */
#define HANG_SECONDS 10

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ct_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ct_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Reads @path with @limit, expecting an error in G_IO_ERROR with @code
 * whose message names @path and says @what; within a second.
 */
static void
expect_refused (const char *path,
                guint64     limit,
                int         code,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 12345;
  gint64 start = g_get_monotonic_time ();

  alarm (HANG_SECONDS);
  g_assert_false (glossa_storage_read_path (path, limit, &contents, &len, NULL, &error));
  alarm (0);

  g_assert_error (error, G_IO_ERROR, code);
  g_assert_null (contents);
  g_assert_cmpuint (len, ==, 12345);
  g_assert_nonnull (strstr (error->message, path));
  if (strstr (error->message, what) == NULL)
    g_error ("expected “%s” in “%s”", what, error->message);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.annotations.json", NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* No writer: a blocking open() would wait for one for ever. */
  expect_refused (path, GLOSSA_STORAGE_READ_LIMIT, G_IO_ERROR_NOT_REGULAR_FILE, "named pipe (FIFO)");

  alarm (HANG_SECONDS);
  fd = glossa_storage_open_regular (path, NULL, &error);
  alarm (0);
  g_assert_cmpint (fd, ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_char_device (Fixture       *fixture,
                  gconstpointer  data)
{
  expect_refused ("/dev/null", GLOSSA_STORAGE_READ_LIMIT, G_IO_ERROR_NOT_REGULAR_FILE, "a device");
}

/* /dev/zero never ends: it must be refused before anything is read. */
static void
test_link_to_dev_zero (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "zero.annotations.json", NULL);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  expect_refused (path, GLOSSA_STORAGE_READ_LIMIT, G_IO_ERROR_NOT_REGULAR_FILE, "a device");
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "folder.annotations.json", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  expect_refused (path, GLOSSA_STORAGE_READ_LIMIT, G_IO_ERROR_IS_DIRECTORY, "a folder");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nothing.txt", NULL);
  g_autoptr(GError) error = NULL;

  expect_refused (path, GLOSSA_STORAGE_READ_LIMIT, G_IO_ERROR_NOT_FOUND, "No such file");
  g_assert_cmpint (glossa_storage_open_regular (path, NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  ct_write_file (path, "0123456789a", 11);
  expect_refused (path, 10, G_IO_ERROR_NO_SPACE, "too large");

  /* Exactly the limit is allowed. */
  g_assert_true (glossa_storage_read_path (path, 11, &contents, &len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 11);
}

/* Files under /proc say they are empty and then give their contents: the
 * read goes on past the size fstat() gave, as it must for a file that
 * grows while it is read, and stops at the limit.
 */
static void
test_growth (Fixture       *fixture,
             gconstpointer  data)
{
  const char *path = "/proc/self/status";
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  gsize len = 0;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    {
      g_test_skip ("needs /proc/self/status, a regular file that stat() says is empty");
      return;
    }

  g_assert_true (glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 64);
  g_assert_cmpuint (strlen (contents), ==, len);
  g_assert_true (g_str_has_prefix (contents, "Name:"));

  expect_refused (path, 64, G_IO_ERROR_NO_SPACE, "too large");
}

static void
test_whole (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bytes.bin", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.bin", NULL);
  g_autofree guint8 *expected = g_malloc (3 * 1024 * 1024 + 7);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  gsize n = 3 * 1024 * 1024 + 7, len = 0;

  /* Every byte value, NULs included, through a symbolic link. */
  for (gsize i = 0; i < n; i++)
    expected[i] = (guint8) g_rand_int (rand);
  ct_write_file (path, (const char *) expected, n);
  g_assert_cmpint (symlink ("bytes.bin", link), ==, 0);

  g_assert_true (glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, expected, n);
  g_assert_cmpint (contents[len], ==, '\0');
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 99;

  ct_write_file (path, "", 0);
  g_assert_true (glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 0);
  g_assert_nonnull (contents);
  g_assert_cmpint (contents[0], ==, '\0');
}

/* The stamp of a read is the version read: equal to the file's stamp until
 * it is replaced, and no file is a stamp of its own.
 */
static void
test_stamp (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/glossa/a.txt");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("second version", 14);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GlossaFileStamp read_stamp = { 0 }, now, none, none2;
  struct stat st;

  ct_write_file (path, "first", 5);
  g_assert_true (glossa_storage_read_file (file, 100, &contents, NULL, &read_stamp, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (read_stamp.exists);
  g_assert_cmpint (read_stamp.size, ==, 5);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (read_stamp.ino, ==, st.st_ino);

  now = glossa_file_stamp_read (file);
  g_assert_true (glossa_file_stamp_equal (&read_stamp, &now));

  g_assert_true (glossa_file_replace_atomic (file, bytes, NULL, &error));
  g_assert_no_error (error);
  now = glossa_file_stamp_read (file);
  g_assert_false (glossa_file_stamp_equal (&read_stamp, &now));
  g_assert_cmpint (now.size, ==, 14);

  none = glossa_file_stamp_read (missing);
  none2 = glossa_file_stamp_read (missing);
  g_assert_false (none.exists);
  g_assert_true (glossa_file_stamp_equal (&none, &none2));
  g_assert_false (glossa_file_stamp_equal (&none, &now));
}

/* A folder is entered once, however it is reached. */
static void
test_enter_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *loop = g_build_filename (sub, "loop", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "a.txt", NULL);
  g_autoptr(GHashTable) visited = glossa_storage_visited_new ();

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  ct_write_file (file, "a", 1);

  g_assert_true (glossa_storage_enter_folder (visited, fixture->dir));
  g_assert_true (glossa_storage_enter_folder (visited, sub));
  g_assert_false (glossa_storage_enter_folder (visited, loop));
  g_assert_false (glossa_storage_enter_folder (visited, sub));
  g_assert_false (glossa_storage_enter_folder (visited, file));
}

/* An article whose annotation file is @hostile ("fifo" or a link target):
 * the path of the annotation file.
 */
static char *
make_hostile_article (const char *dir,
                      const char *hostile)
{
  g_autofree char *article = g_build_filename (dir, "bad.txt", NULL);
  char *sidecar = g_build_filename (dir, "bad.annotations.json", NULL);

  ct_write_file (article, "Dock workers said so.\n", -1);
  if (strcmp (hostile, "fifo") == 0)
    g_assert_cmpint (mkfifo (sidecar, 0600), ==, 0);
  else
    g_assert_cmpint (symlink (hostile, sidecar), ==, 0);
  return sidecar;
}

/* What the window does when an article is selected: the document opens
 * with the annotation file's error, read-only, instead of waiting on the
 * pipe or reading /dev/zero.
 */
static void
test_document_hostile_sidecar (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *hostiles[] = { "fifo", "/dev/zero" };

  for (guint i = 0; i < G_N_ELEMENTS (hostiles); i++)
    {
      g_autofree char *dir = g_build_filename (fixture->dir, i == 0 ? "fifo" : "zero", NULL);
      g_autofree char *sidecar = NULL;
      g_autofree char *article = g_build_filename (dir, "bad.txt", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (article);
      g_autoptr(GlossaDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      const GError *load_error;

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      sidecar = make_hostile_article (dir, hostiles[i]);

      alarm (HANG_SECONDS);
      document = glossa_document_open (file, NULL, &error);
      alarm (0);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      load_error = glossa_document_get_error (document);
      g_assert_nonnull (load_error);
      g_assert_nonnull (strstr (load_error->message, sidecar));
      g_assert_nonnull (strstr (load_error->message, i == 0 ? "FIFO" : "device"));
      g_assert_true (glossa_document_get_read_only (document));
    }
}

/* Reading a folder corpus's statuses reports the annotation file that is a
 * FIFO by name, rather than blocking or counting its article as todo.
 */
static void
test_corpus_fifo_sidecar (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autofree char *sidecar = make_hostile_article (fixture->dir, "fifo");
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;

  corpus = glossa_corpus_open (folder, NULL, &error);
  g_assert_no_error (error);
  alarm (HANG_SECONDS);
  glossa_corpus_load_statuses (corpus, NULL);
  alarm (0);

  warnings = glossa_corpus_get_warnings (corpus);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], sidecar));
  g_assert_nonnull (strstr (warnings[0], "FIFO"));
}

/* A review source (a second annotator's folder) with two links to itself:
 * the scan ends at once and finds the one annotation file once.
 */
static void
test_review_link_loops (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (fixture->dir, "a.annotations.json", NULL);
  g_autofree char *loop = g_build_filename (fixture->dir, "loop", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GlossaReviewSource) source = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (sidecar, "{}", -1);
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_cmpint (symlink (".", again), ==, 0);

  alarm (HANG_SECONDS);
  source = glossa_review_source_open (folder, NULL, &error);
  alarm (0);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_review_source_get_n_documents (source), ==, 1);
  g_assert_true (glossa_review_source_has (source, "a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/storage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("fifo-refused", test_fifo);
  ADD ("char-device-refused", test_char_device);
  ADD ("link-to-dev-zero-refused", test_link_to_dev_zero);
  ADD ("folder-refused", test_folder);
  ADD ("missing", test_missing);
  ADD ("size-limit", test_too_large);
  ADD ("growth-past-limit", test_growth);
  ADD ("whole-byte-for-byte", test_whole);
  ADD ("empty-file", test_empty);
  ADD ("stamp", test_stamp);
  ADD ("enter-folder-once", test_enter_folder);
  ADD ("document-hostile-sidecar", test_document_hostile_sidecar);
  ADD ("corpus-fifo-sidecar", test_corpus_fifo_sidecar);
  ADD ("review-link-loops", test_review_link_loops);

#undef ADD

  return g_test_run ();
}
