/* test-window-convert.c: an article that is not UTF-8 is opened through a UTF-8 copy beside it
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14, item 5: "For an article that is not UTF-8, offer to open it as
 * Latin-1 or Windows-1252 (GLib's g_convert) and to write a UTF-8 copy
 * beside it; never change the original." Annotating a converted view of
 * the original would record offsets and a hash of text that is not on
 * disk, so opening it as Latin-1 or Windows-1252 writes the UTF-8 copy
 * (NAME.utf-8.txt, never over an existing file) and opens the copy.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "glossa-storage.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

/* "Café naïve €uro – ok" in Windows-1252; 0x80 is a C1 control in Latin-1. */
static const char cp1252[] = "date 2024-01-01 Caf\xe9 na\xefve \x80uro \x96 ok.";
static const char as_cp1252[] = "date 2024-01-01 Café naïve €uro – ok.";
static const char as_latin1[] = "date 2024-01-01 Café naïve \xc2\x80uro \xc2\x96 ok.";

typedef struct
{
  char *dir;
  char *article;
  char *copy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("glossa-convert-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "article.txt", NULL);
  f->copy = g_build_filename (f->dir, "article.utf-8.txt", NULL);
  g_assert_true (g_file_set_contents (f->article, cp1252, -1, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (f->dir, "any", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  gui_test_remove_tree (file);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->copy);
}

static char *
read_or_null (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The window on the article, showing its error state. */
static GlossaWindow *
open_unreadable (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->article);
  GlossaWindow *window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  glossa_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_mapped, window, 5000));
  gui_test_iterate (100);
  g_assert_null (glossa_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_true (gtk_widget_get_visible (window->latin1_button));
  g_assert_true (gtk_widget_get_visible (window->cp1252_button));
  return window;
}

/* The error page, as a PNG in the build folder to look at. */
static void
save_screenshot (GlossaWindow *window,
                 const char   *name)
{
  g_autofree char *path = g_build_filename (GLOSSA_BUILD_ROOT, name, NULL);

  gui_test_save_png (GTK_WIDGET (window), path);
}

static void
open_as (GlossaWindow *window,
         const char   *charset)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-converted", "s", charset));
  gui_test_iterate (100);
}

static void
assert_original (Fixture *f)
{
  g_autofree char *original = read_or_null (f->article);

  g_assert_cmpstr (original, ==, cp1252);
}

static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  GlossaWindow *window = open_unreadable (f);
  g_autofree char *copy = NULL;
  g_autofree char *annotations = g_build_filename (f->dir, "article.utf-8.annotations.json", NULL);
  g_autofree char *original_annotations = g_build_filename (f->dir, "article.annotations.json", NULL);
  GlossaDocument *document;
  GFile *shown;

  save_screenshot (window, "error-not-utf8.png");
  open_as (window, "WINDOWS-1252");
  copy = read_or_null (f->copy);
  g_assert_cmpstr (copy, ==, as_cp1252);
  assert_original (f);

  /* The copy is what is annotated. */
  document = glossa_window_get_document (window);
  g_assert_nonnull (document);
  shown = glossa_article_get_file (glossa_document_get_article (document));
  g_assert_cmpstr (g_file_peek_path (shown), ==, f->copy);
  gui_test_select (window, 16, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor"));
  gui_test_wait_saved (window);
  g_assert_true (g_file_test (annotations, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (original_annotations, G_FILE_TEST_EXISTS));
  assert_original (f);
  gui_test_close_window (window);
}

static void
test_latin1 (Fixture       *f,
             gconstpointer  data)
{
  GlossaWindow *window = open_unreadable (f);
  g_autofree char *copy = NULL;

  open_as (window, "ISO-8859-1");
  copy = read_or_null (f->copy);
  g_assert_cmpstr (copy, ==, as_latin1);
  assert_original (f);
  g_assert_nonnull (glossa_window_get_document (window));
  gui_test_close_window (window);
}

/* Another file under the copy's name is never written over; the same copy,
 * made before, is opened again.
 */
static void
test_existing_copy (Fixture       *f,
                    gconstpointer  data)
{
  static const char other[] = "Someone else's file.";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;

  g_assert_true (g_file_set_contents (f->copy, other, -1, &error));
  window = open_unreadable (f);
  open_as (window, "WINDOWS-1252");
  after = read_or_null (f->copy);
  g_assert_cmpstr (after, ==, other);
  g_assert_null (glossa_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  assert_original (f);

  g_assert_true (g_file_set_contents (f->copy, as_cp1252, -1, &error));
  open_as (window, "WINDOWS-1252");
  g_assert_nonnull (glossa_window_get_document (window));
  gui_test_close_window (window);
}

/* 0x81 has no character in Windows-1252: nothing is written. */
static void
test_not_that_charset (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;

  g_assert_true (g_file_set_contents (f->article, "date 2024-01-01 \x81 undefined.", -1, &error));
  window = open_unreadable (f);
  open_as (window, "WINDOWS-1252");
  g_assert_false (g_file_test (f->copy, G_FILE_TEST_EXISTS));
  g_assert_null (glossa_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The storage function: a name that is taken, by a file or by a link,
 * dangling or not, is refused, and no temporary file is left.
 */
static void
test_create_new (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.txt", NULL);
  g_autofree char *link = g_build_filename (f->dir, "dangling.txt", NULL);
  g_autofree char *target = g_build_filename (f->dir, "nowhere.txt", NULL);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) article_file = g_file_new_for_path (f->article);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_assert_true (glossa_file_create_new (fresh_file, bytes, NULL, &error));
  g_assert_no_error (error);
  written = read_or_null (fresh);
  g_assert_cmpstr (written, ==, "new");

  g_assert_false (glossa_file_create_new (article_file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, f->article));
  g_clear_error (&error);
  assert_original (f);

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_false (glossa_file_create_new (link_file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  listing = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/window-convert/windows-1252", Fixture, NULL, fixture_set_up, test_windows_1252, fixture_tear_down);
  g_test_add ("/gui/window-convert/latin-1", Fixture, NULL, fixture_set_up, test_latin1, fixture_tear_down);
  g_test_add ("/gui/window-convert/existing-copy", Fixture, NULL, fixture_set_up, test_existing_copy, fixture_tear_down);
  g_test_add ("/gui/window-convert/not-that-charset", Fixture, NULL, fixture_set_up, test_not_that_charset, fixture_tear_down);
  g_test_add ("/gui/window-convert/create-new", Fixture, NULL, fixture_set_up, test_create_new, fixture_tear_down);

  return g_test_run ();
}
