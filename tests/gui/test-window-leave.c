/* test-window-leave.c: every way of leaving an article asks about edits that could not be written
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 9: "closing the window or quitting with unsaved changes asks (save
 * elsewhere, discard, cancel)". Ctrl+W and moving between articles asked;
 * opening a single file (Ctrl+O, a drop and the command line of a running
 * instance all call glossa_window_open_file(), which also closes the
 * corpus), opening another corpus (Ctrl+Shift+O), starting and stopping a
 * review showed a toast and stayed, or went ahead and left the edits only
 * in the recovery copy. Saving is made to fail with a read-only bind
 * mount: chmod does not stop root, and only root may mount.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

typedef struct
{
  char *root;       /* holds everything below */
  char *corpus;     /* a1.txt, a2.txt */
  char *elsewhere;  /* b.txt, and a folder corpus of its own */
  char *other;      /* another annotator's copy of the corpus */
  char *output;     /* where the adjudicated set goes */
  GPtrArray *mounts;
} Fixture;

static const char *text_a = "date 2024-02-01 Ana Lima opened the bridge.";
static const char *text_b = "date 2024-02-02 Rui Costa closed the port.";

static char *
make_dir (Fixture    *f,
          const char *name)
{
  char *dir = g_build_filename (f->root, name, NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  return dir;
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gboolean
run (const char * const *argv)
{
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* A read-only bind mount of @dir over itself: writes fail with EROFS. */
static gboolean
mount_read_only (Fixture    *f,
                 const char *dir)
{
  const char *bind[] = { "mount", "--bind", dir, dir, NULL };
  const char *ro[] = { "mount", "-o", "remount,bind,ro", dir, NULL };

  if (!run (bind))
    return FALSE;
  g_ptr_array_add (f->mounts, g_strdup (dir));
  return run (ro);
}

static void
unmount_all (Fixture *f)
{
  for (guint i = f->mounts->len; i > 0; i--)
    {
      const char *argv[] = { "umount", g_ptr_array_index (f->mounts, i - 1), NULL };

      run (argv);
    }
  g_ptr_array_set_size (f->mounts, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("glossa-leave-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = make_dir (f, "corpus");
  f->elsewhere = make_dir (f, "elsewhere");
  f->other = make_dir (f, "other");
  f->output = make_dir (f, "output");
  f->mounts = g_ptr_array_new_with_free_func (g_free);
  write_text (f->corpus, "a1.txt", text_a);
  write_text (f->corpus, "a2.txt", text_b);
  write_text (f->elsewhere, "b.txt", text_b);
  write_text (f->other, "a1.txt", text_a);
  write_text (f->other, "a2.txt", text_b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (f->root, "any", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  unmount_all (f);
  gui_test_remove_tree (file);
  g_ptr_array_unref (f->mounts);
  g_free (f->root);
  g_free (f->corpus);
  g_free (f->elsewhere);
  g_free (f->other);
  g_free (f->output);
}

static gboolean
can_mount (void)
{
  if (geteuid () != 0)
    {
      g_test_skip ("a read-only bind mount needs root");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GlossaWindow *window;
  const char   *text;
} Showing;

static gboolean
is_showing (gpointer data)
{
  Showing *showing = data;
  GlossaDocument *document = glossa_window_get_document (showing->window);

  return document != NULL &&
         g_strcmp0 (glossa_article_get_text (glossa_document_get_article (document)), showing->text) == 0;
}

static void
wait_showing (GlossaWindow *window,
              const char   *text)
{
  Showing showing = { window, text };

  g_assert_true (gui_test_wait_for (is_showing, &showing, 5000));
  gui_test_iterate (50);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return gui_test_find_message_dialog ();
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
save_failed (gpointer data)
{
  GlossaWindow *window = data;

  return window->saver != NULL && glossa_saver_get_unsaved (window->saver);
}

/* Opens the corpus, tags on a1 and waits for the save to fail. */
static GlossaWindow *
open_and_fail (Fixture *f)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->corpus);
  GlossaWindow *window = gui_test_open_window (NULL);

  glossa_window_open_file (window, folder);
  wait_showing (window, text_a);
  g_assert_true (mount_read_only (f, f->corpus));
  gui_test_select (window, 16, 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor"));
  g_assert_true (gui_test_wait_for (save_failed, window, 5000));
  return window;
}

static void
answer (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate (100);
}

/* The window asked, and still shows a1 with its span, in the corpus. */
static void
assert_stayed (GlossaWindow *window,
               gboolean      in_corpus)
{
  AdwMessageDialog *dialog;

  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 3000));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (is_showing (&(Showing) { window, text_a }));
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);
  g_assert_true (glossa_saver_get_unsaved (window->saver));
  g_assert_true ((window->corpus != NULL) == in_corpus);
}

/* Cancel stays with the edits; asking again and Discard goes on. */
typedef void (*Leave) (Fixture *f, GlossaWindow *window);

static void
check_leave (Fixture *f,
             Leave    leave)
{
  GlossaWindow *window = open_and_fail (f);

  leave (f, window);
  assert_stayed (window, TRUE);
  answer ("cancel");
  gui_test_iterate (300);
  g_assert_null (find_message_dialog ());
  g_assert_true (is_showing (&(Showing) { window, text_a }));
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);

  leave (f, window);
  assert_stayed (window, TRUE);
  answer ("discard");
  wait_showing (window, text_b);
  unmount_all (f);
  gui_test_close_window (window);
}

static void
open_single (Fixture      *f,
             GlossaWindow *window)
{
  g_autofree char *path = g_build_filename (f->elsewhere, "b.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  glossa_window_open_file (window, file);
}

/* Ctrl+O, a drop, the command line of a running instance; the corpus is
 * closed only once the user let go of the edits.
 */
static void
test_open_file (Fixture       *f,
                gconstpointer  data)
{
  if (!can_mount ())
    return;
  check_leave (f, open_single);
}

static void
open_other_corpus (Fixture      *f,
                   GlossaWindow *window)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->elsewhere);

  _glossa_window_open_corpus (window, folder);
}

/* Ctrl+Shift+O: the corpus is opened in a thread, then asked about. */
static void
test_open_corpus (Fixture       *f,
                  gconstpointer  data)
{
  if (!can_mount ())
    return;
  check_leave (f, open_other_corpus);
}

static gboolean
is_reviewing (gpointer data)
{
  GlossaWindow *window = data;

  return window->review_source != NULL;
}

/* Compare…: the adjudicated set would replace the article's edits. */
static void
test_start_review (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) output = NULL;
  GlossaWindow *window;

  if (!can_mount ())
    return;

  other = g_file_new_for_path (f->other);
  output = g_file_new_for_path (f->output);
  window = open_and_fail (f);
  _glossa_window_compare (window, other, output);
  assert_stayed (window, TRUE);
  g_assert_null (window->review_source);
  answer ("cancel");
  gui_test_iterate (500);
  g_assert_null (window->review_source);
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);

  _glossa_window_compare (window, other, output);
  assert_stayed (window, TRUE);
  answer ("discard");
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  unmount_all (f);
  gui_test_close_window (window);
}

/* Stop Review with decisions the output folder would not take. */
static void
test_stop_review (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GlossaDocument) b_document = NULL;
  g_autofree char *b_path = g_build_filename (f->other, "a1.txt", NULL);
  g_autoptr(GFile) b_file = g_file_new_for_path (b_path);
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;

  if (!can_mount ())
    return;

  /* B tagged "Ana Lima": one disagreement to decide. */
  b_document = glossa_document_open (b_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (b_document, 16, 24, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (b_document, NULL, &error));

  folder = g_file_new_for_path (f->corpus);
  other = g_file_new_for_path (f->other);
  output = g_file_new_for_path (f->output);
  window = gui_test_open_window (NULL);
  glossa_window_open_file (window, folder);
  wait_showing (window, text_a);
  g_assert_true (mount_read_only (f, f->output));
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  gui_test_iterate (100);
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (window->review_bar), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-b", NULL));
  g_assert_true (gui_test_wait_for (save_failed, window, 5000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-review", NULL));
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 3000));
  g_assert_nonnull (window->review_source);
  answer ("cancel");
  gui_test_iterate (300);
  g_assert_nonnull (window->review_source);
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-review", NULL));
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 3000));
  answer ("discard");
  gui_test_iterate (300);
  g_assert_null (window->review_source);
  wait_showing (window, text_a);
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 0);
  unmount_all (f);
  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  /* Each failed save is warned about once: expected here, not fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/gui/window-leave/open-file", Fixture, NULL, fixture_set_up, test_open_file, fixture_tear_down);
  g_test_add ("/gui/window-leave/open-corpus", Fixture, NULL, fixture_set_up, test_open_corpus, fixture_tear_down);
  g_test_add ("/gui/window-leave/start-review", Fixture, NULL, fixture_set_up, test_start_review, fixture_tear_down);
  g_test_add ("/gui/window-leave/stop-review", Fixture, NULL, fixture_set_up, test_stop_review, fixture_tear_down);

  return g_test_run ();
}
