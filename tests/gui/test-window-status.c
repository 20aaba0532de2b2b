/* test-window-status.c: the header shows the status and annotator, Done can be taken back, text zoom
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14, item 3: "'Done' cannot be undone: there is no way to mark a
 * document in progress again, and the header does not show that the
 * article is done." And: "Text size: zoom in and out (Ctrl+plus,
 * Ctrl+minus, Ctrl+0) remembered in GSettings".
 */

#include "config.h"

#include <string.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"

static void
activate (GlossaWindow *window,
          const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  gui_test_iterate (50);
}

static GlossaStatus
status_on_disk (GlossaWindow *window)
{
  g_autoptr(GlossaAnnotations) annotations = gui_test_read_annotations (window);

  return annotations->status;
}

static void
test_status (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  GlossaWindow *window = gui_test_open_window (article);
  const char *subtitle;

  subtitle = adw_window_title_get_subtitle (window->window_title);
  g_assert_nonnull (strstr (subtitle, "2021-12-31"));
  g_assert_nonnull (strstr (subtitle, "To do"));
  /* Only Done is taken back: a disabled action does nothing. */
  activate (window, "win.mark-in-progress");
  g_assert_cmpint (glossa_document_get_status (glossa_window_get_document (window)), ==, GLOSSA_STATUS_TODO);

  activate (window, "win.mark-done");
  gui_test_wait_saved (window);
  g_assert_cmpint (status_on_disk (window), ==, GLOSSA_STATUS_DONE);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title), "Done"));

  /* Taken back, and saved. */
  activate (window, "win.mark-in-progress");
  g_assert_cmpint (glossa_document_get_status (glossa_window_get_document (window)), ==,
                   GLOSSA_STATUS_IN_PROGRESS);
  gui_test_wait_saved (window);
  g_assert_cmpint (status_on_disk (window), ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title), "In progress"));

  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

/* The annotator recorded in the file is in the header. */
static void
test_annotator (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (article, NULL, &error);
  GlossaWindow *window;

  g_assert_no_error (error);
  glossa_document_set_annotator (document, "Ana Lima");
  g_assert_nonnull (glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_DATE, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);

  window = gui_test_open_window (article);
  g_test_message ("subtitle: %s", adw_window_title_get_subtitle (window->window_title));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title), "Ana Lima"));
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

static int
font_size (GlossaWindow *window)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (window->view));

  gui_test_iterate (50);
  return pango_font_description_get_size (pango_context_get_font_description (context));
}

static void
test_zoom (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GlossaWindow *window;
  GlossaWindow *second;
  int normal, bigger;

  g_settings_reset (settings, "text-zoom");
  window = gui_test_open_window (article);
  normal = font_size (window);
  /* At 100 %, the size of ui/style.css, as any article view would have. */
  {
    GtkWidget *reference = g_object_ref_sink (gtk_text_view_new ());
    GtkWidget *holder = gtk_window_new ();

    gtk_widget_add_css_class (reference, "article");
    gtk_window_set_child (GTK_WINDOW (holder), reference);
    g_assert_cmpint (normal, ==,
                     pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (reference))));
    gtk_window_destroy (GTK_WINDOW (holder));
    g_object_unref (reference);
  }

  activate (window, "win.zoom-in");
  activate (window, "win.zoom-in");
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 120);
  bigger = font_size (window);
  g_assert_cmpint (bigger, >, normal);
  g_assert_cmpint (ABS (bigger - normal * 12 / 10), <=, PANGO_SCALE);

  /* Remembered: the next window starts at that size. */
  second = gui_test_open_window (NULL);
  g_assert_cmpint (font_size (second), ==, bigger);
  gui_test_close_window (second);

  activate (window, "win.zoom-out");
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 110);
  activate (window, "win.zoom-reset");
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 100);
  g_assert_cmpint (font_size (window), ==, normal);

  /* Bounded by the key's range. */
  g_settings_set_int (settings, "text-zoom", 300);
  activate (window, "win.zoom-in");
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 300);
  g_settings_set_int (settings, "text-zoom", 50);
  activate (window, "win.zoom-out");
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 50);

  g_settings_reset (settings, "text-zoom");
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/window-status/status", test_status);
  g_test_add_func ("/gui/window-status/annotator", test_annotator);
  g_test_add_func ("/gui/window-status/zoom", test_zoom);

  return g_test_run ();
}
