/* test-save.c: tests of saving: atomic under SIGKILL, symlinks, permissions
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-storage.h"

#include "core-test-util.h"

#define N_KILLS 50

/* A large article: about 240,000 code points of mixed scripts, so that a
 * save takes long enough to be killed in the middle of it.
 */
static char *
large_article (void)
{
  static const char *const words[] = {
    "Putin", "Biden", "sanzioni", "caf\xC3\xA9", "\xE6\x9D\xB1\xE4\xBA\xAC", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF0\x9F\x87\xAE\xF0\x9F\x87\xB9", "news",
  };
  GString *text = g_string_new ("date 2021-12-31 ");

  for (guint i = 0; i < 30000; i++)
    {
      g_string_append (text, words[i % G_N_ELEMENTS (words)]);
      g_string_append (text, (i % 17 == 16) ? ".\r\n" : " ");
    }
  return g_string_free (text, FALSE);
}

/* Opens @article_path's document and tags every word with two labels. */
static GlossaDocument *
open_and_tag (const char *article_path,
              guint       max_spans)
{
  g_autoptr(GFile) file = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  GlossaDocument *document = glossa_document_open (file, NULL, &error);
  GlossaArticle *article;
  const char *text;
  gint64 start = 0, i = 0;

  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  article = glossa_document_get_article (document);
  text = glossa_article_get_text (article);

  glossa_document_begin_group (document, NULL);
  for (const char *p = text; *p && glossa_document_get_n_spans (document) < max_spans;
       p = g_utf8_next_char (p), i++)
    {
      if (*p == ' ')
        {
          if (i > start)
            {
              g_assert_nonnull (glossa_document_add_span (document, start, i, GLOSSA_LABEL_ACTOR, NULL));
              g_assert_nonnull (glossa_document_add_span (document, start, i + 1, GLOSSA_LABEL_CLAIM, NULL));
            }
          start = i + 1;
        }
      else if (*p == '\r' || *p == '\n')
        start = i + 1;
    }
  glossa_document_end_group (document);
  return document;
}

/* The child: saves in a loop until it is killed */

static int
child_replace (const char *target,
               const char *a_path,
               const char *b_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) a = ct_read_file (a_path);
  g_autoptr(GBytes) b = ct_read_file (b_path);

  printf ("ready\n");
  fflush (stdout);
  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (!glossa_file_replace_atomic (file, b, NULL, &error) ||
          !glossa_file_replace_atomic (file, a, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}

static int
child_document (const char *article_path)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;

  document = glossa_document_open (file, NULL, &error);
  if (document == NULL || glossa_document_get_error (document) != NULL)
    {
      fprintf (stderr, "cannot open: %s\n", error ? error->message : glossa_document_get_error (document)->message);
      return 1;
    }

  printf ("ready\n");
  fflush (stdout);
  for (;;)
    {
      GlossaSpan *span = glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_DATE, &error);
      g_autofree char *id = span ? g_strdup (span->id) : NULL;

      if (span == NULL ||
          !glossa_document_save (document, NULL, &error) ||
          !glossa_document_remove_span (document, id, &error) ||
          !glossa_document_save (document, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}

/* Starts this test program again as a child that saves in a loop, waits
 * until it is ready, lets it run for a random moment and kills it.
 */
static void
run_and_kill (const char * const *child_args,
              GRand              *rand,
              gboolean           *killed_in_time)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd, status = 0;
  char buf[16] = { 0 };
  gssize n;

  g_assert_nonnull (self);
  g_ptr_array_add (argv, self);
  g_ptr_array_add (argv, (gpointer) "--save-child");
  for (guint i = 0; child_args[i]; i++)
    g_ptr_array_add (argv, (gpointer) child_args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  do
    n = read (out_fd, buf, sizeof buf - 1);
  while (n < 0 && errno == EINTR);
  close (out_fd);
  g_assert_cmpstr (buf, ==, "ready\n");

  g_usleep (g_rand_int_range (rand, 0, 30000));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* If it exited on its own, it failed to save: that is a failure too. */
  *killed_in_time = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

static guint
count_leftovers (const char *dir,
                 const char *keep[])
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)))
    if (!g_strv_contains (keep, name))
      n++;
  return n;
}

/* glossa_file_replace_atomic() killed at random moments: the file is always
 * one of the two complete versions, and it parses.
 */
static void
test_atomic_replace_killed (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "news.txt", NULL);
  g_autofree char *target = g_build_filename (dir, "news.annotations.json", NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.json", NULL);
  g_autofree char *text = large_article ();
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char *child_args[] = { "replace", target, a_path, b_path, NULL };
  const char *keep[] = { "news.txt", "news.annotations.json", "a.json", "b.json", NULL };
  guint n_a = 0, n_b = 0;

  ct_write_file (article_path, text, -1);
  document = open_and_tag (article_path, 3000);
  a = glossa_document_serialize (document);
  g_assert_nonnull (glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_DATE, NULL));
  b = glossa_document_serialize (document);
  g_assert_false (g_bytes_equal (a, b));
  g_test_message ("versions of %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes",
                  g_bytes_get_size (a), g_bytes_get_size (b));
  ct_write_file (a_path, g_bytes_get_data (a, NULL), g_bytes_get_size (a));
  ct_write_file (b_path, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  ct_write_file (target, g_bytes_get_data (a, NULL), g_bytes_get_size (a));

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autoptr(GlossaAnnotations) annotations = NULL;
      g_autoptr(GError) error = NULL;
      gboolean killed;

      run_and_kill (child_args, rand, &killed);
      g_assert_true (killed);

      now = ct_read_file (target);
      if (g_bytes_equal (now, a))
        n_a++;
      else if (g_bytes_equal (now, b))
        n_b++;
      else
        g_error ("after kill %u the file has %" G_GSIZE_FORMAT " bytes, neither version (%"
                 G_GSIZE_FORMAT " or %" G_GSIZE_FORMAT ")", i, g_bytes_get_size (now),
                 g_bytes_get_size (a), g_bytes_get_size (b));

      annotations = glossa_format_read (g_bytes_get_data (now, NULL), g_bytes_get_size (now), target,
                                        glossa_document_get_article (document), &error);
      g_assert_no_error (error);
    }

  g_test_message ("%u kills: %u times the old version, %u times the new one, %u temporary files left",
                  N_KILLS, n_a, n_b, count_leftovers (dir, keep));

  g_assert_finalize_object (g_steal_pointer (&document));
  ct_remove_tree (dir);
}

/* The same through glossa_document_save(), the way the window saves. */
static void
test_atomic_document_killed (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "news.txt", NULL);
  g_autofree char *target = g_build_filename (dir, "news.annotations.json", NULL);
  g_autofree char *text = large_article ();
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char *child_args[] = { "document", article_path, NULL };
  const char *keep[] = { "news.txt", "news.annotations.json", NULL };
  g_autoptr(GError) error = NULL;
  guint n_spans;

  ct_write_file (article_path, text, -1);
  document = open_and_tag (article_path, 3000);
  n_spans = glossa_document_get_n_spans (document);
  glossa_document_save (document, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autoptr(GlossaAnnotations) annotations = NULL;
      gboolean killed;

      run_and_kill (child_args, rand, &killed);
      g_assert_true (killed);

      now = ct_read_file (target);
      annotations = glossa_format_read (g_bytes_get_data (now, NULL), g_bytes_get_size (now), target,
                                        glossa_document_get_article (document), &error);
      g_assert_no_error (error);
      g_assert_true (annotations->spans->len == n_spans || annotations->spans->len == n_spans + 1);
    }

  g_test_message ("%u temporary files left", count_leftovers (dir, keep));
  g_assert_finalize_object (g_steal_pointer (&document));
  ct_remove_tree (dir);
}

/* Symbolic links and permissions */

typedef struct
{
  char  *dir;
  char  *article_path;
  char  *annotations_path;
  GFile *article_file;
} Folder;

static void
folder_init (Folder *f)
{
  f->dir = ct_make_tmpdir ();
  f->article_path = g_build_filename (f->dir, "news.txt", NULL);
  f->annotations_path = g_build_filename (f->dir, "news.annotations.json", NULL);
  f->article_file = g_file_new_for_path (f->article_path);
  ct_write_file (f->article_path, "Vladimir Putin warned Joe Biden.", -1);
}

static void
folder_clear (Folder *f)
{
  ct_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->article_path);
  g_free (f->annotations_path);
  g_clear_object (&f->article_file);
}

/* Opens the folder's document, adds a span over [@start, @end) and saves. */
static void
edit_and_save (Folder *f,
               gint64  start,
               gint64  end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (f->article_file, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  g_assert_nonnull (glossa_document_add_span (document, start, end, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static guint
spans_in (const char *path)
{
  g_autoptr(GBytes) bytes = ct_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), path, NULL, &error);
  g_assert_no_error (error);
  return annotations->spans->len;
}

static void
check_symlink (const char *relative_target)
{
  Folder f;
  g_autofree char *real_dir = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *link = NULL;
  struct stat st;

  folder_init (&f);
  real_dir = g_build_filename (f.dir, "store", NULL);
  real_path = g_build_filename (real_dir, "real.json", NULL);
  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);

  edit_and_save (&f, 0, 14);
  g_assert_cmpint (g_rename (f.annotations_path, real_path), ==, 0);
  g_assert_cmpint (symlink (relative_target ? relative_target : real_path, f.annotations_path), ==, 0);

  edit_and_save (&f, 22, 31);

  /* The link is still a link, to the same place; the target has the edit. */
  g_assert_cmpint (lstat (f.annotations_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link = g_file_read_link (f.annotations_path, NULL);
  g_assert_cmpstr (link, ==, relative_target ? relative_target : real_path);
  g_assert_cmpuint (spans_in (real_path), ==, 2);
  ct_check_with_python (f.annotations_path, f.article_path);

  /* Nothing was left beside the link or the target. */
  {
    const char *keep_top[] = { "news.txt", "news.annotations.json", "store", NULL };
    const char *keep_store[] = { "real.json", NULL };

    g_assert_cmpuint (count_leftovers (f.dir, keep_top), ==, 0);
    g_assert_cmpuint (count_leftovers (real_dir, keep_store), ==, 0);
  }

  folder_clear (&f);
}

static void
test_symlink_absolute (void)
{
  check_symlink (NULL);
}

static void
test_symlink_relative (void)
{
  check_symlink ("store/real.json");
}

/* A link whose target does not exist yet: the first save creates the
 * target and leaves the link in place.
 */
static void
test_symlink_dangling (void)
{
  Folder f;
  g_autofree char *real_path = NULL;
  struct stat st;

  folder_init (&f);
  real_path = g_build_filename (f.dir, "elsewhere.json", NULL);
  g_assert_cmpint (symlink ("elsewhere.json", f.annotations_path), ==, 0);

  edit_and_save (&f, 0, 14);
  g_assert_cmpint (lstat (f.annotations_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_test (real_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (spans_in (real_path), ==, 1);

  folder_clear (&f);
}

static void
check_mode (mode_t mode)
{
  Folder f;
  struct stat st;

  folder_init (&f);
  edit_and_save (&f, 0, 14);
  g_assert_cmpint (g_chmod (f.annotations_path, mode), ==, 0);
  edit_and_save (&f, 22, 31);
  g_assert_cmpint (g_stat (f.annotations_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, mode);
  g_assert_cmpuint (spans_in (f.annotations_path), ==, 2);
  folder_clear (&f);
}

static void
test_permissions (void)
{
  check_mode (0640);
  check_mode (0600);
  check_mode (0664);
  check_mode (0444);
}

static void
test_permissions_through_symlink (void)
{
  Folder f;
  g_autofree char *real_path = NULL;
  struct stat st;

  folder_init (&f);
  real_path = g_build_filename (f.dir, "real.json", NULL);
  edit_and_save (&f, 0, 14);
  g_assert_cmpint (g_rename (f.annotations_path, real_path), ==, 0);
  g_assert_cmpint (g_chmod (real_path, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.json", f.annotations_path), ==, 0);

  edit_and_save (&f, 22, 31);
  g_assert_cmpint (g_stat (real_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpint (lstat (f.annotations_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  folder_clear (&f);
}

/* No temporary file stays behind after ordinary saves. */
static void
test_no_leftovers (void)
{
  Folder f;
  const char *keep[] = { "news.txt", "news.annotations.json", NULL };

  folder_init (&f);
  edit_and_save (&f, 0, 14);
  edit_and_save (&f, 22, 31);
  g_assert_cmpuint (count_leftovers (f.dir, keep), ==, 0);
  folder_clear (&f);
}

/* Two documents on one file: a save by one is a change on disk for the
 * other, which then refuses to write over it.
 */
static void
test_changed_on_disk_by_other (void)
{
  Folder f;
  g_autoptr(GlossaDocument) mine = NULL;
  g_autoptr(GlossaDocument) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after_theirs = NULL;
  g_autoptr(GBytes) now = NULL;

  folder_init (&f);
  edit_and_save (&f, 0, 14);
  mine = glossa_document_open (f.article_file, NULL, &error);
  g_assert_no_error (error);
  theirs = glossa_document_open (f.article_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (glossa_document_changed_on_disk (mine));

  g_assert_nonnull (glossa_document_add_span (theirs, 22, 31, GLOSSA_LABEL_ACTOR, NULL));
  g_assert_true (glossa_document_save (theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_changed_on_disk (theirs));
  g_assert_true (glossa_document_changed_on_disk (mine));
  after_theirs = ct_read_file (f.annotations_path);

  g_assert_nonnull (glossa_document_add_span (mine, 15, 21, GLOSSA_LABEL_CLAIM, NULL));
  g_assert_false (glossa_document_save (mine, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  now = ct_read_file (f.annotations_path);
  g_assert_true (g_bytes_equal (now, after_theirs));

  g_assert_finalize_object (g_steal_pointer (&mine));
  g_assert_finalize_object (g_steal_pointer (&theirs));
  folder_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 3 && strcmp (argv[1], "--save-child") == 0)
    {
      if (strcmp (argv[2], "replace") == 0 && argc == 6)
        return child_replace (argv[3], argv[4], argv[5]);
      if (strcmp (argv[2], "document") == 0 && argc == 4)
        return child_document (argv[3]);
      return 2;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/save/atomic-replace-killed", test_atomic_replace_killed);
  g_test_add_func ("/core/save/atomic-document-killed", test_atomic_document_killed);
  g_test_add_func ("/core/save/symlink-absolute", test_symlink_absolute);
  g_test_add_func ("/core/save/symlink-relative", test_symlink_relative);
  g_test_add_func ("/core/save/permissions", test_permissions);
  g_test_add_func ("/core/save/permissions-through-symlink", test_permissions_through_symlink);
  g_test_add_func ("/core/save/no-leftovers", test_no_leftovers);
  g_test_add_func ("/core/save/changed-on-disk-by-other", test_changed_on_disk_by_other);
  g_test_add_func ("/core/save/symlink-dangling", test_symlink_dangling);

  return g_test_run ();
}
