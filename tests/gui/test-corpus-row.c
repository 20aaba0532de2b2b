/* test-corpus-row.c: a JSONL corpus's rows show the title on one line and the id under it
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14, item 4: "The JSONL corpus list shows only the title, ellipsized
 * in the middle: ids are hidden, titles with line breaks make rows uneven,
 * identical titles cannot be told apart."
 */

#include "config.h"

#include <string.h>

#include "glossa-corpus-row.h"
#include "glossa-corpus-sidebar.h"
#include "gui-test-util.h"

typedef struct
{
  char         *dir;
  GlossaCorpus *corpus;
} Fixture;

static const char lines[] =
  "{\"id\": \"bbc-2021-001\", \"title\": \"Putin warns Biden\\nof a complete\\r\\n\\tbreak\", \"text\": \"One.\"}\n"
  "{\"id\": \"bbc-2021-002\", \"title\": \"Talks in Geneva\", \"text\": \"Two.\"}\n"
  "{\"id\": \"bbc-2021-003\", \"title\": \"Talks in Geneva\", \"text\": \"Three.\"}\n"
  "{\"id\": \"no-title\", \"text\": \"Four.\"}\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("glossa-rows-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "corpus.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, lines, -1, &error));
  file = g_file_new_for_path (path);
  f->corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (f->dir, "any", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  g_clear_object (&f->corpus);
  gui_test_remove_tree (file);
  g_free (f->dir);
}

/* The labels of @widget shown, top to bottom (the grid's order). */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkLabel *
row_label (GtkWidget *row,
           guint      index)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (row, labels);
  g_assert_cmpuint (index, <, labels->len);
  return g_ptr_array_index (labels, index);
}

static GtkWidget *
make_row (Fixture *f,
          guint    position)
{
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (f->corpus), position);
  GtkWidget *row = glossa_corpus_row_new ();

  g_object_ref_sink (row);
  glossa_corpus_row_set_item (GLOSSA_CORPUS_ROW (row), item);
  return row;
}

static void
test_title_and_id (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkWidget) first = make_row (f, 0);
  g_autoptr(GtkWidget) second = make_row (f, 1);
  g_autoptr(GtkWidget) third = make_row (f, 2);
  g_autoptr(GtkWidget) untitled = make_row (f, 3);
  GtkLabel *title = row_label (first, 0);

  /* Line breaks and tabs fold to single spaces; cut at the end. */
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Putin warns Biden of a complete break");
  g_assert_cmpint (gtk_label_get_ellipsize (title), ==, PANGO_ELLIPSIZE_END);
  g_assert_true (gtk_label_get_single_line_mode (title));
  g_assert_cmpstr (gtk_label_get_text (row_label (first, 1)), ==, "bbc-2021-001");
  /* The whole title, as written, is the tooltip, with the id. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==,
                   "Putin warns Biden\nof a complete\r\n\tbreak\nbbc-2021-001");

  /* Two articles with one title: their ids tell them apart. */
  g_assert_cmpstr (gtk_label_get_text (row_label (second, 0)), ==, "Talks in Geneva");
  g_assert_cmpstr (gtk_label_get_text (row_label (third, 0)), ==, "Talks in Geneva");
  g_assert_cmpstr (gtk_label_get_text (row_label (second, 1)), ==, "bbc-2021-002");
  g_assert_cmpstr (gtk_label_get_text (row_label (third, 1)), ==, "bbc-2021-003");

  /* No title: the id alone, once, cut in the middle like a path. */
  g_assert_cmpstr (gtk_label_get_text (row_label (untitled, 0)), ==, "no-title");
  g_assert_cmpint (gtk_label_get_ellipsize (row_label (untitled, 0)), ==, PANGO_ELLIPSIZE_MIDDLE);
  g_assert_cmpstr (gtk_label_get_text (row_label (untitled, 1)), !=, "no-title");
}

static char *
shown (GlossaCorpusSidebar *sidebar)
{
  GListModel *model = glossa_corpus_sidebar_get_model (sidebar);
  GString *names = g_string_new (NULL);

  /* Filtering is incremental: let it finish. */
  gui_test_iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? " " : "", glossa_corpus_item_get_id (item));
    }
  return g_string_free (names, FALSE);
}

/* The sidebar of this corpus, as a PNG in the build folder to look at. */
static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *sidebar = glossa_corpus_sidebar_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (GLOSSA_BUILD_ROOT, "corpus-rows.png", NULL);
  int width, height;

  glossa_corpus_sidebar_set_corpus (GLOSSA_CORPUS_SIDEBAR (sidebar), f->corpus);
  gtk_widget_add_css_class (sidebar, "background");
  gtk_window_set_child (window, sidebar);
  gtk_window_set_default_size (window, 280, 360);
  gtk_window_present (window);
  gui_test_iterate (500);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
  glossa_corpus_sidebar_set_corpus (GLOSSA_CORPUS_SIDEBAR (sidebar), NULL);
  gtk_window_destroy (window);
}

/* The search matches the id and the title, the title's line breaks as the
 * row shows them (spaces) too.
 */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GlossaCorpusSidebar *sidebar = GLOSSA_CORPUS_SIDEBAR (g_object_ref_sink (glossa_corpus_sidebar_new ()));
  g_autofree char *by_id = NULL;
  g_autofree char *by_title = NULL;
  g_autofree char *across_lines = NULL;

  glossa_corpus_sidebar_set_corpus (sidebar, f->corpus);
  glossa_corpus_sidebar_set_filter (sidebar, -1, "2021-003");
  by_id = shown (sidebar);
  g_assert_cmpstr (by_id, ==, "bbc-2021-003");
  glossa_corpus_sidebar_set_filter (sidebar, -1, "geneva");
  by_title = shown (sidebar);
  g_assert_cmpstr (by_title, ==, "bbc-2021-002 bbc-2021-003");
  glossa_corpus_sidebar_set_filter (sidebar, -1, "biden of a");
  across_lines = shown (sidebar);
  g_assert_cmpstr (across_lines, ==, "bbc-2021-001");
  glossa_corpus_sidebar_set_corpus (sidebar, NULL);
  g_object_unref (sidebar);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/corpus-row/title-and-id", Fixture, NULL, fixture_set_up, test_title_and_id, fixture_tear_down);
  g_test_add ("/gui/corpus-row/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/gui/corpus-row/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);

  return g_test_run ();
}
