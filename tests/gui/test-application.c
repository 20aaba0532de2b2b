/* test-application.c: the application opening the files named on its command line
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The articles named on the command line are read from the moment the
 * program starts, before the window exists, and the window takes what was
 * read. Each test runs the real GlossaApplication on a command line, waits
 * for its window to show the document, looks at what the window shows,
 * then quits as the user would (which saves).
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "glossa-application.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"

typedef struct
{
  GlossaApplication *app;
  /* What the window showed. */
  char              *title;
  char              *text;
  guint              n_spans;
  gboolean           read_only;
  gboolean           banner;
  char              *banner_text;
  guint              n_windows;
  guint              timeout;
} Run;

static gboolean
check_cb (gpointer data)
{
  Run *run = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (run->app));
  GlossaWindow *window;
  GlossaDocument *document;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (windows == NULL || !GLOSSA_IS_WINDOW (windows->data))
    return G_SOURCE_CONTINUE;
  window = windows->data;
  document = glossa_window_get_document (window);
  if (document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  run->text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  run->title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  run->n_spans = glossa_document_get_n_spans (document);
  run->read_only = glossa_document_get_read_only (document);
  run->banner = gtk_revealer_get_reveal_child (window->banner_revealer);
  run->banner_text = g_strdup (gtk_label_get_text (window->banner_label));
  run->n_windows = g_list_length (windows);

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  run->timeout = 0;
  return G_SOURCE_REMOVE;
}

static void
startup_cb (GApplication *app,
            Run          *run)
{
  run->timeout = g_timeout_add (10, check_cb, run);
}

/* Runs the application on FILE (a path), as `glossa FILE` would. */
static void
run_on (Run        *run,
        const char *path)
{
  char *argv[] = { (char *) "glossa", (char *) path, NULL };

  memset (run, 0, sizeof *run);
  run->app = glossa_application_new ();
  g_signal_connect (run->app, "startup", G_CALLBACK (startup_cb), run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run->app), 2, argv), ==, 0);
  g_assert_cmpuint (run->timeout, ==, 0);
  g_clear_object (&run->app);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->title, g_free);
  g_clear_pointer (&run->text, g_free);
  g_clear_pointer (&run->banner_text, g_free);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
annotations_path (GFile *article)
{
  g_autoptr(GFile) file = glossa_annotations_file_for_article (article);

  return g_file_get_path (file);
}

/* A small article: its window shows the text at once and its spans. */
static void
test_open_article (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autofree char *contents = read_file (g_file_peek_path (article));
  g_autofree char *json_path = annotations_path (article);
  Run run;

  /* First with no annotation file, then with the one the quit wrote. */
  run_on (&run, g_file_peek_path (article));
  g_assert_cmpuint (run.n_windows, ==, 1);
  g_assert_cmpstr (run.text, ==, contents);
  g_assert_cmpuint (run.n_spans, ==, 0);
  g_assert_false (run.read_only);
  g_assert_false (run.banner);
  run_clear (&run);

  {
    g_autoptr(GlossaDocument) document = glossa_document_open (article, NULL, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (document);
    g_assert_nonnull (glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_DATE, &error));
    g_assert_no_error (error);
    g_assert_true (glossa_document_save (document, NULL, &error));
    g_assert_no_error (error);
  }

  run_on (&run, g_file_peek_path (article));
  g_assert_cmpstr (run.text, ==, contents);
  g_assert_cmpuint (run.n_spans, ==, 1);
  g_assert_true (g_file_test (json_path, G_FILE_TEST_EXISTS));
  run_clear (&run);

  gui_test_remove_tree (article);
}

/* The annotation file stands for its article on the command line. */
static void
test_open_annotations_file (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autofree char *contents = read_file (g_file_peek_path (article));
  g_autofree char *json_path = annotations_path (article);
  g_autoptr(GlossaDocument) document = glossa_document_open (article, NULL, NULL);
  g_autoptr(GError) error = NULL;
  Run run;

  g_assert_nonnull (glossa_document_add_span (document, 5, 15, GLOSSA_LABEL_CLAIM, &error));
  g_assert_nonnull (glossa_document_add_span (document, 20, 30, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);

  run_on (&run, json_path);
  g_assert_cmpstr (run.text, ==, contents);
  g_assert_cmpuint (run.n_spans, ==, 2);
  run_clear (&run);

  gui_test_remove_tree (article);
}

/* An article too big to read on the main thread (over 256 kB), with spans:
 * the read started at start-up is still running when the window asks for
 * it (at 16 MB, here, where GTK is already initialised and start-up is
 * quick), and the window gets it all the same when it is done.
 */
static void
test_open_big_article (void)
{
  g_autofree char *dir = g_dir_make_tmp ("glossa-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("date 2024-05-06\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = annotations_path (article);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run;

  while (text->len < 16 * 1024 * 1024)
    g_string_append (text, "The minister met the unions in Zürich on Monday.\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GlossaDocument) document = glossa_document_open (article, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 500; i++)
      {
        gint64 at = 17 + 49 * (gint64) i * 20;

        g_assert_nonnull (glossa_document_add_span (document, at + 4, at + 12, GLOSSA_LABEL_ACTOR, &error));
        g_assert_no_error (error);
      }
    g_assert_true (glossa_document_save (document, NULL, &error));
    g_assert_no_error (error);
  }
  before = read_file (json_path);

  run_on (&run, path);
  g_assert_cmpstr (run.text, ==, text->str);
  g_assert_cmpuint (run.n_spans, ==, 500);
  g_assert_false (run.read_only);
  run_clear (&run);

  /* Nothing changed, so quitting wrote the same file. */
  after = read_file (json_path);
  g_assert_cmpstr (after, ==, before);

  gui_test_remove_tree (article);
}

/* An annotation file that does not load: the window shows the article
 * read-only with the loader's message, and the file is left as it was.
 */
static void
test_open_invalid (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autofree char *contents = read_file (g_file_peek_path (article));
  g_autofree char *json_path = annotations_path (article);
  const char *broken = "{\"format\": \"glossa-annotations\", \"version\": 1,\n  \"spans\": [}\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  Run run;

  g_assert_true (g_file_set_contents (json_path, broken, -1, &error));
  g_assert_no_error (error);

  run_on (&run, g_file_peek_path (article));
  g_assert_cmpstr (run.text, ==, contents);
  g_assert_true (run.read_only);
  g_assert_true (run.banner);
  g_assert_nonnull (strstr (run.banner_text, ".annotations.json:2:"));
  run_clear (&run);

  after = read_file (json_path);
  g_assert_cmpstr (after, ==, broken);

  gui_test_remove_tree (article);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/application/open/article", test_open_article);
  g_test_add_func ("/application/open/annotations-file", test_open_annotations_file);
  g_test_add_func ("/application/open/big-article", test_open_big_article);
  g_test_add_func ("/application/open/invalid", test_open_invalid);

  return g_test_run ();
}
