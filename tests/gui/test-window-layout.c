/* test-window-layout.c: the window at 700 and 1400 px wide, with one article and with a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14, item 1: "The window cannot be narrowed: its minimum width is
 * 1223 px with a corpus and 963 px with one article […] With a single
 * article the empty span list takes half the window. In review the window
 * widens itself when the review bar's text changes." The side panels are
 * AdwFlaps: beside the article when there is room, folded away otherwise,
 * and back over the article with F9 (span list) and Shift+F9 (article
 * list). Screenshots of each case go to the build folder, named after the
 * width, the style and the language (LANGUAGE picks it).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-review.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"
#define NARROW 700
#define WIDE 1400

static int
min_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static void
save_screenshot (GlossaWindow *window,
                 const char   *what)
{
  g_autofree char *stem = g_strdup_printf ("layout-%s", what);
  g_autofree char *path = gui_test_screenshot_path (GTK_WIDGET (window), stem);

  gui_test_save_png (GTK_WIDGET (window), path);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} Width;

static gboolean
has_width (gpointer data)
{
  Width *w = data;

  int width = gtk_widget_get_width (w->widget);

  /* The frame of the client-side decorations is outside the default size. */
  return width <= w->width && width >= w->width - 20;
}

static gboolean
is_ready (gpointer data)
{
  GlossaWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && glossa_window_get_document (window) != NULL;
}

/* A window @width px wide on @file (an article or a folder). Under Xvfb no
 * window manager resizes a window once shown, so each width is a window of
 * its own; it takes the width asked for, no more (it never widens itself).
 */
static GlossaWindow *
open_at (GFile *file,
         int    width)
{
  GlossaWindow *window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  Width w = { GTK_WIDGET (window), width };

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  glossa_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_ready, window, 5000));
  if (!gui_test_wait_for (has_width, &w, 5000))
    g_error ("width %d, asked %d, min %d", gtk_widget_get_width (GTK_WIDGET (window)), width, min_width (GTK_WIDGET (window)));
  /* The flaps fold or unfold, and their transitions end. */
  gui_test_iterate (600);
  g_assert_true (has_width (&w));
  return window;
}

static void
activate (GlossaWindow *window,
          const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  gui_test_iterate (500);
}

static void
test_single (gconstpointer data)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  GlossaWindow *window;
  int minimum;

  gui_test_set_dark (GPOINTER_TO_INT (data));
  window = open_at (article, NARROW);
  minimum = min_width (GTK_WIDGET (window));
  g_test_message ("minimum width with one article: %d px", minimum);
  g_assert_cmpint (minimum, <=, NARROW);

  g_assert_true (adw_flap_get_folded (window->span_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->span_flap));
  save_screenshot (window, "article");
  /* F9 brings the span list back, over the article. */
  activate (window, "win.show-side-panel");
  g_assert_true (adw_flap_get_reveal_flap (window->span_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->span_list)));
  save_screenshot (window, "article-spans");
  activate (window, "win.show-side-panel");
  g_assert_false (adw_flap_get_reveal_flap (window->span_flap));

  gui_test_close_window (window);

  /* Wide: beside the article, and far from half the window. */
  window = open_at (article, WIDE);
  g_assert_false (adw_flap_get_folded (window->span_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->span_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->span_list)), <, WIDE / 4);
  save_screenshot (window, "article");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

static void
test_corpus (gconstpointer data)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (article);
  g_autofree char *second = g_build_filename (g_file_peek_path (folder), "second.txt", NULL);
  GlossaWindow *window;
  int minimum;

  g_assert_true (g_file_set_contents (second, "A second article, short.", -1, NULL));
  gui_test_set_dark (GPOINTER_TO_INT (data));
  window = open_at (folder, NARROW);
  minimum = min_width (GTK_WIDGET (window));
  g_test_message ("minimum width with a corpus: %d px", minimum);
  g_assert_cmpint (minimum, <=, NARROW);

  g_assert_true (adw_flap_get_folded (window->corpus_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->corpus_flap));
  g_assert_true (adw_flap_get_folded (window->span_flap));
  save_screenshot (window, "corpus");
  /* Shift+F9: the article list over the article; choosing closes it. */
  activate (window, "win.show-corpus-list");
  g_assert_true (adw_flap_get_reveal_flap (window->corpus_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->corpus_sidebar)));
  save_screenshot (window, "corpus-list");
  activate (window, "win.show-corpus-list");
  g_assert_false (adw_flap_get_reveal_flap (window->corpus_flap));

  gui_test_close_window (window);

  window = open_at (folder, WIDE);
  g_assert_false (adw_flap_get_folded (window->corpus_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->corpus_flap));
  g_assert_false (adw_flap_get_folded (window->span_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->span_flap));
  save_screenshot (window, "corpus");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  /* LANGUAGE=it (with a locale other than plain C) for the Italian shots. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_data_func ("/gui/window-layout/single/light", GINT_TO_POINTER (FALSE), test_single);
  g_test_add_data_func ("/gui/window-layout/single/dark", GINT_TO_POINTER (TRUE), test_single);
  g_test_add_data_func ("/gui/window-layout/corpus/light", GINT_TO_POINTER (FALSE), test_corpus);
  g_test_add_data_func ("/gui/window-layout/corpus/dark", GINT_TO_POINTER (TRUE), test_corpus);

  return g_test_run ();
}
