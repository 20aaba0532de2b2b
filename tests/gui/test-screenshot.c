/* test-screenshot.c: screenshots of the window, light and dark, into the build folder
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"

/* A few spans of each label, one nested in another, and one selected, so
 * the screenshot shows what annotators see.
 */
static const struct {
  const char *text;
  const char *label;
} spans[] = {
  { "2021-12-31", "date" },
  { "Vladimir Putin warned his US counterpart Joe Biden that imposing new sanctions on Moscow "
    "for the crisis in Ukraine could lead to a complete break in relations between Moscow and Washington",
    "claim" },
  { "Vladimir Putin", "actor" },
  { "Joe Biden", "actor" },
  { "BBC", "actor" },
  { "such sanctions would be a “colossal mistake”", "quote" },
  { "this month", "date" },
  { "the troops are there for exercises", "claim" },
};

static char *
screenshot_path (const char *variant)
{
  g_autofree char *name = g_strdup_printf ("screenshot-%s.png", variant);

  return g_build_filename (GLOSSA_BUILD_ROOT, name, NULL);
}

static void
save_screenshot (GlossaWindow *window,
                 const char   *variant)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = screenshot_path (variant);
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
test_screenshot (gconstpointer data)
{
  const char *variant = data;
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  GlossaWindow *window;
  GlossaDocument *document;
  GlossaArticle *text;

  gui_test_set_dark (g_str_equal (variant, "dark"));
  window = gui_test_open_window (article);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  document = glossa_window_get_document (window);
  text = glossa_document_get_article (document);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *found = strstr (glossa_article_get_text (text), spans[i].text);
      gint64 start;

      g_assert_nonnull (found);
      start = g_utf8_pointer_to_offset (glossa_article_get_text (text), found);
      glossa_document_add_span (document, start, start + g_utf8_strlen (spans[i].text, -1),
                                g_quark_from_static_string (spans[i].label), &error);
      g_assert_no_error (error);
    }
  _glossa_window_on_offset_clicked (window, gui_test_find (window, "Joe Biden") + 1);
  gui_test_iterate (500);

  save_screenshot (window, variant);

  gui_test_wait_saved (window);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_data_func ("/gui/screenshot/light", "light", test_screenshot);
  g_test_add_data_func ("/gui/screenshot/dark", "dark", test_screenshot);

  return g_test_run ();
}
