/* test-review-layout.c: the review bar at 700 and 1400 px: the whole disagreement, never cut
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 10: "The review bar's line is cut at normal widths with no
 * tooltip; A and B are named by folder, not by annotator." The bar wraps:
 * at 700 px and at 1400 px its description gets the height it needs for
 * its width, the window keeps the width asked for, and the sides are
 * named by their annotators. Screenshots go to the build folder, named
 * after the width, the style and the language (LANGUAGE picks it).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

/* Long on purpose: a note that does not fit one line at either width. */
static const char text[] = "date 2024-03-14 Dock workers at Port Alvera returned to the cranes.";
static const char note[] = "Named in the first paragraph as the spokesperson of the strike committee, "
                           "which the union's own statement confirms a few lines further down";

static void
annotate (const char  *dir,
          const char  *who,
          GlossaLabel  label,
          const char  *span_note)
{
  g_autofree char *path = g_build_filename (dir, "news.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  GlossaSpan *span;

  g_assert_cmpint (g_mkdir (dir, 0777), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  glossa_document_set_user (document, who);
  span = glossa_document_add_span (document, 16, 28, label, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_update_span (document, span->id, 16, 28, label, span_note, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
has_document (gpointer data)
{
  return glossa_window_get_document (data) != NULL;
}

typedef struct
{
  GlossaWindow *window;
  int           width;
} Shown;

static gboolean
is_reviewing (gpointer data)
{
  Shown *shown = data;
  GlossaWindow *window = shown->window;

  return window->review_source != NULL && glossa_window_get_document (window) != window->article_document &&
         gtk_widget_get_width (GTK_WIDGET (window)) <= shown->width &&
         gtk_widget_get_width (GTK_WIDGET (window)) >= shown->width - 20;
}

static void
save_screenshot (GlossaWindow *window,
                 const char   *what)
{
  g_autofree char *stem = g_strdup_printf ("layout-%s", what);
  g_autofree char *path = gui_test_screenshot_path (GTK_WIDGET (window), stem);

  gui_test_save_png (GTK_WIDGET (window), path);
}

/* The wrapped label below @widget that names side A. */
static GtkLabel *
find_description (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), "(A)") != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_description (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_at (const char *a_path,
          GFile      *other,
          GFile      *output,
          int         width)
{
  g_autoptr(GFile) a = g_file_new_for_path (a_path);
  GlossaWindow *window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  Shown shown = { window, width };
  GtkLabel *description;
  int needed;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  glossa_window_open_file (window, a);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (has_document, window, 5000));
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, &shown, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL);
  gui_test_iterate (600);

  description = find_description (GTK_WIDGET (window->review_bar));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (gtk_label_get_text (description), "ada (A): Actor"));
  g_assert_nonnull (strstr (gtk_label_get_text (description), "bea (B): Claim"));
  g_assert_nonnull (strstr (gtk_label_get_text (description), note));
  g_assert_cmpint (gtk_label_get_ellipsize (description), ==, PANGO_ELLIPSIZE_NONE);
  /* Nothing cut: the label has the height its text needs at its width,
   * and the window kept its width.
   */
  gtk_widget_measure (GTK_WIDGET (description), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (description)), &needed, NULL, NULL, NULL);
  g_test_message ("%d px: description %d x %d, needs %d px high", width,
                  gtk_widget_get_width (GTK_WIDGET (description)),
                  gtk_widget_get_height (GTK_WIDGET (description)), needed);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (description)), >=, needed);
  g_assert_true (is_reviewing (&shown));
  save_screenshot (window, "review");
  gui_test_close_window (window);
}

static void
test_widths (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-review-layout-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "ada", NULL);
  g_autofree char *b = g_build_filename (dir, "bea", NULL);
  g_autofree char *a_article = g_build_filename (a, "news.txt", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (b);

  g_assert_no_error (error);
  gui_test_set_dark (GPOINTER_TO_INT (data));
  annotate (a, "ada", GLOSSA_LABEL_ACTOR, note);
  annotate (b, "bea", GLOSSA_LABEL_CLAIM, "a claim made by the union");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out_path = g_strdup_printf ("%s/adjudicated-%u", dir, i);
      g_autoptr(GFile) output = g_file_new_for_path (out_path);

      check_at (a_article, other, output, i == 0 ? 700 : 1400);
    }
  gui_test_set_dark (FALSE);
  gui_test_remove_path (dir);
}

/* Nine annotators at 700 px: every side's line is there, the Keep
 * buttons wrap, and the window keeps its width.
 */
static void
test_nine_sides (void)
{
  static const char *who[] = { "ada", "bea", "cai", "dov", "eli", "fay", "gus", "hal", "ivo" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-review-layout-XXXXXX", &error);
  g_autofree char *a_article = NULL;
  g_autofree char *out_path = g_build_filename (dir, "adjudicated", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out_path);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) a = NULL;
  GlossaWindow *window;
  Shown shown = { NULL, 700 };
  GtkLabel *description;
  int needed;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_autofree char *side = g_build_filename (dir, who[i], NULL);

      annotate (side, who[i], i % 2 ? GLOSSA_LABEL_CLAIM : GLOSSA_LABEL_ACTOR, i == 0 ? note : NULL);
      if (i > 0)
        g_ptr_array_add (others, g_file_new_for_path (side));
    }
  a_article = g_build_filename (dir, "ada", "news.txt", NULL);
  a = g_file_new_for_path (a_article);

  window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  shown.window = window;
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 800);
  glossa_window_open_file (window, a);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (has_document, window, 5000));
  _glossa_window_review_sides_when_shown (window, others, output, FALSE);
  g_assert_true (gui_test_wait_for (is_reviewing, &shown, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL);
  gui_test_iterate (600);

  description = find_description (GTK_WIDGET (window->review_bar));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (gtk_label_get_text (description), "ada (A): Actor"));
  g_assert_nonnull (strstr (gtk_label_get_text (description), "ivo (I): Actor"));
  g_assert_nonnull (strstr (gtk_label_get_text (description), "hal (H): Claim"));
  gtk_widget_measure (GTK_WIDGET (description), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (description)), &needed, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (description)), >=, needed);
  g_assert_true (is_reviewing (&shown));
  save_screenshot (window, "review-nine");
  gui_test_close_window (window);
  gui_test_remove_path (dir);
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

  g_test_add_data_func ("/gui/review-layout/light", GINT_TO_POINTER (FALSE), test_widths);
  g_test_add_data_func ("/gui/review-layout/dark", GINT_TO_POINTER (TRUE), test_widths);
  g_test_add_func ("/gui/review-layout/nine-sides", test_nine_sides);

  return g_test_run ();
}
