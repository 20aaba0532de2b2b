/* gui-test-util.c: helpers shared by the GTK tests
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

/* AdwApplication loads these; the tests run windows without one. */
static void
gui_test_load_css (void)
{
  static const char *names[] = { "style.css", "style-dark.css" };
  GdkDisplay *display = gdk_display_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/", names[i], NULL);

      gtk_css_provider_load_from_resource (provider, path);
      if (i == 0)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      else
        g_object_set_data_full (G_OBJECT (display), "glossa-dark-css", g_object_ref (provider), g_object_unref);
    }
}

/* Switches the style, with Glossa's dark stylesheet as AdwApplication would. */
void
gui_test_set_dark (gboolean dark)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkStyleProvider *provider = g_object_get_data (G_OBJECT (display), "glossa-dark-css");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (dark)
    gtk_style_context_add_provider_for_display (display, provider, GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else
    gtk_style_context_remove_provider_for_display (display, provider);
}

/* GTK 4.8 measures the page buttons of a shortcuts window's section (the
 * labels "1", "2"… in its GtkStackSwitcher) at -3 pixels wide under
 * libadwaita's style, now and then, and warns. GTK clamps the size to 0 and
 * the window draws as it should, but the tests make warnings fatal: that
 * one warning, and only for a label inside a GtkShortcutsWindow, is let
 * through as a message. GTK logs through the structured API, whose fatal
 * warnings are the writer's to raise, so this is the place to filter it.
 */
static GLogWriterOutput
gui_test_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }

      if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL && g_str_has_prefix (message, "GtkLabel 0x")
          && strstr (message, " (label) reported min width -") != NULL)
        {
          gpointer label = NULL;

          if (sscanf (message, "GtkLabel %p", &label) == 1 && GTK_IS_LABEL (label)
              && gtk_widget_get_ancestor (label, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
            {
              g_printerr ("(ignored) %s\n", message);
              return G_LOG_WRITER_HANDLED;
            }
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
gui_test_init (int    *argc,
               char ***argv)
{
  g_log_set_writer_func (gui_test_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_source_init ();
  gui_test_load_css ();
  /* Tests never follow the desktop's style unless they ask to. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Copies a sample article to a fresh folder, so each test writes its own
 * annotation file.
 */
GFile *
gui_test_copy_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-gui-XXXXXX", &error);
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize len;

  g_assert_no_error (error);
  source = g_build_filename (g_getenv ("GLOSSA_SOURCE_DIR"), "data", "samples", name, NULL);
  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  target = g_build_filename (dir, name, NULL);
  g_file_set_contents (target, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (target);
}

static void
delete_below (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        delete_below (child);
      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
}

/* Removes the folder a test made: @file itself if it is a folder, else the
 * folder holding it, with everything below it (links are removed, never
 * followed). A folder other programs share (the temporary folder itself,
 * the home folder, the root) is refused: emptying /tmp took the session
 * bus's and the X server's sockets with it.
 */
void
gui_test_remove_tree (GFile *file)
{
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL);
  g_autoptr(GFile) dir = type == G_FILE_TYPE_DIRECTORY ? g_object_ref (file) : g_file_get_parent (file);
  g_autoptr(GFile) tmp = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autoptr(GFile) parent = NULL;

  g_assert_nonnull (dir);
  parent = g_file_get_parent (dir);
  g_assert_nonnull (parent);
  g_assert_false (g_file_equal (dir, tmp));
  g_assert_false (g_file_equal (dir, home));

  /* A save still on its way (a closed window's last one, from a worker
   * thread) may add a file once the folder was emptied: empty it again.
   */
  for (guint i = 0; i < 40; i++)
    {
      delete_below (dir);
      if (g_file_delete (dir, NULL, NULL) ||
          g_file_query_file_type (dir, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
        return;
      gui_test_iterate (50);
    }
}

/* The folder at @path and everything below it, as gui_test_remove_tree()
 * does; anything else at @path (a file, a link) is removed alone, and
 * nothing at all is no error.
 */
void
gui_test_remove_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
    gui_test_remove_tree (file);
  else
    g_unlink (path);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
gui_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
gui_test_wait_for (gboolean (*condition) (gpointer),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

GlossaWindow *
gui_test_open_window (GFile *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  GlossaWindow *window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);

  if (article != NULL)
    {
      document = glossa_document_open (article, NULL, &error);
      g_assert_no_error (error);
      glossa_window_set_document (window, document);
    }

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_mapped, window, 5000));
  gui_test_iterate (50);

  return window;
}

static gboolean
is_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes like the user would, then checks that nothing kept the window or
 * its document alive.
 */
void
gui_test_close_window (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);

  if (document != NULL)
    g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_destroyed, &window, 5000));
  g_assert_true (gui_test_wait_for (is_destroyed, &document, 5000));
}

static gboolean
is_saved (gpointer data)
{
  GlossaWindow *window = data;

  return !glossa_window_get_saving (window)
      && !glossa_document_get_modified (glossa_window_get_document (window));
}

/* Autosave must land within a second. */
void
gui_test_wait_saved (GlossaWindow *window)
{
  g_assert_true (gui_test_wait_for (is_saved, window, 1000));
}

GlossaAnnotations *
gui_test_read_annotations (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GlossaAnnotations *annotations;
  gsize len;

  g_file_get_contents (g_file_peek_path (glossa_document_get_file (document)), &contents, &len, &error);
  g_assert_no_error (error);
  annotations = glossa_format_read (contents, len, "test", glossa_document_get_article (document), &error);
  g_assert_no_error (error);

  return annotations;
}

/* Code point offset of @needle in the article. */
gint64
gui_test_find (GlossaWindow *window,
               const char   *needle)
{
  GlossaArticle *article = glossa_document_get_article (glossa_window_get_document (window));
  const char *text = glossa_article_get_text (article);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

void
gui_test_select (GlossaWindow *window,
                 gint64        start,
                 gint64        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->view));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &e, &s);
}

/* The language the tests run in, for screenshot names: LANGUAGE's, or "en". */
const char *
gui_test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && language[0] != '\0' ? language : "en";
}

/* Where a screenshot of @widget goes: "STEM-WIDTH-light|dark-LANGUAGE.png"
 * at the root of the build folder.
 */
char *
gui_test_screenshot_path (GtkWidget  *widget,
                          const char *stem)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *name = g_strdup_printf ("%s-%d-%s-%s.png", stem, gtk_widget_get_width (widget),
                                           dark ? "dark" : "light", gui_test_language ());

  return g_build_filename (GLOSSA_BUILD_ROOT, name, NULL);
}

/* Renders @widget (a window) as it is drawn now into the PNG file @path. */
void
gui_test_save_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* The message dialog shown now, if any (the window's questions). */
AdwMessageDialog *
gui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}
