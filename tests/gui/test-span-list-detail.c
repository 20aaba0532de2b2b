/* test-span-list-detail.c: the span list shows a long span's whole text and its note
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14, item 2: "The span list cuts long quotes and claims ("Biden, in
 * turn, wa…"); a note shows only as a pencil icon with no tooltip." A row
 * wraps to three lines, its tooltip holds the whole text, the note icon's
 * tooltip the note; the selected row grows to show both whole.
 * Screenshots go to the build folder as
 * span-detail-{collapsed,selected}-WIDTH-STYLE-LANGUAGE.png.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-span-row.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

#define NOTE "Said at the press conference, not in the statement; check the video."

static void
save_screenshot (GlossaWindow *window,
                 const char   *what)
{
  g_autofree char *stem = g_strdup_printf ("span-detail-%s", what);
  g_autofree char *path = NULL;

  gui_test_iterate (300);
  path = gui_test_screenshot_path (GTK_WIDGET (window), stem);
  gui_test_save_png (GTK_WIDGET (window), path);
}

/* An article with a quote of exactly 600 characters, no two words alike,
 * so that any cut shows.
 */
static GFile *
write_article (char **quote)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint word = 0;

  g_assert_no_error (error);
  while (text->len < 600)
    g_string_append_printf (text, "word%u ", word++);
  g_string_truncate (text, 599);
  g_string_append_c (text, '.');
  *quote = g_strdup (text->str);
  g_string_prepend (text, "The minister said: \"");
  g_string_append (text, "\" Then she left.\n");

  path = g_build_filename (dir, "long-quote.txt", NULL);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
is_ready (gpointer data)
{
  GlossaWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && glossa_window_get_document (window) != NULL
      && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static GlossaSpanRow *
find_row (GtkWidget *widget)
{
  if (GLOSSA_IS_SPAN_ROW (widget))
    return GLOSSA_SPAN_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GlossaSpanRow *row = find_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
has_row (gpointer data)
{
  GlossaWindow *window = data;

  return find_row (GTK_WIDGET (window->span_list)) != NULL;
}

/* The label or image in @row whose text (or, with @tooltip, tooltip) is
 * @text, or NULL; a shown one first.
 */
static GtkWidget *find_text_in (GtkWidget  *widget,
                                const char *text,
                                gboolean    tooltip,
                                gboolean    mapped);

static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text,
           gboolean    tooltip)
{
  GtkWidget *found = find_text_in (widget, text, tooltip, TRUE);

  return found != NULL ? found : find_text_in (widget, text, tooltip, FALSE);
}

static GtkWidget *
find_text_in (GtkWidget  *widget,
              const char *text,
              gboolean    tooltip,
              gboolean    mapped)
{
  const char *have = NULL;

  if (mapped && !gtk_widget_get_mapped (widget))
    return NULL;
  if (tooltip)
    have = gtk_widget_get_tooltip_text (widget);
  else if (GTK_IS_LABEL (widget))
    have = gtk_label_get_text (GTK_LABEL (widget));
  if (g_strcmp0 (have, text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_in (child, text, tooltip, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the label shows all its text: not cut with an ellipsis. */
static gboolean
shows_whole (GtkWidget *label)
{
  return gtk_widget_get_mapped (label) && !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

/* The row of the span whose text is @text. */
static GlossaSpanRow *
find_row_at (GlossaWindow *window,
             const char   *text)
{
  GtkWidget *label = find_text (GTK_WIDGET (window->span_list), text, TRUE);

  g_assert_nonnull (label);
  return GLOSSA_SPAN_ROW (gtk_widget_get_ancestor (label, GLOSSA_TYPE_SPAN_ROW));
}

static void
check_detail (GlossaWindow *window,
              const char   *quote,
              GlossaSpan   *span)
{
  GlossaSpanRow *row;
  GtkWidget *text, *note_icon, *note;
  int collapsed, expanded;

  g_assert_true (gui_test_wait_for (has_row, window, 5000));
  gui_test_iterate (300);
  row = find_row_at (window, quote);
  g_assert_false (glossa_span_row_get_expanded (row));

  /* Collapsed: the text is cut, whole in its tooltip; the note is an
   * icon whose tooltip is the note.
   */
  text = find_text (GTK_WIDGET (row), quote, TRUE);
  g_assert_nonnull (text);
  g_assert_true (GTK_IS_LABEL (text));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, quote);
  g_assert_false (shows_whole (text));
  note_icon = find_text (GTK_WIDGET (row), NOTE, TRUE);
  g_assert_nonnull (note_icon);
  g_assert_true (gtk_widget_get_mapped (note_icon));
  note = find_text (GTK_WIDGET (row), NOTE, FALSE);
  g_assert_nonnull (note);
  g_assert_false (gtk_widget_get_mapped (note));
  collapsed = gtk_widget_get_height (GTK_WIDGET (row));
  save_screenshot (window, "collapsed");

  /* Selected (in the article or the list): the row grows to show both. */
  _glossa_window_select_span (window, span);
  gui_test_iterate (400);
  row = find_row_at (window, quote);
  g_assert_true (glossa_span_row_get_expanded (row));
  text = find_text (GTK_WIDGET (row), quote, FALSE);
  g_assert_true (shows_whole (text));
  note = find_text (GTK_WIDGET (row), NOTE, FALSE);
  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_true (shows_whole (note));
  expanded = gtk_widget_get_height (GTK_WIDGET (row));
  g_test_message ("row height: %d px, selected %d px", collapsed, expanded);
  g_assert_cmpint (expanded, >, collapsed * 2);
}

static void
test_detail (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data) & 0xFFFF;
  gboolean dark = (GPOINTER_TO_INT (data) & 0x10000) != 0;
  g_autofree char *quote = NULL;
  g_autoptr(GFile) article = write_article (&quote);
  g_autoptr(GError) error = NULL;
  GlossaDocument *document;
  GlossaSpan *span;
  GlossaWindow *window;
  g_autofree char *id = NULL;

  gui_test_set_dark (dark);
  window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  glossa_window_open_file (window, article);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_ready, window, 5000));
  gui_test_iterate (600);
  if (adw_flap_get_folded (window->span_flap))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-panel", NULL));
  g_assert_true (adw_flap_get_reveal_flap (window->span_flap));

  document = glossa_window_get_document (window);
  span = glossa_document_add_span (document, 20, 620, GLOSSA_LABEL_QUOTE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->text, ==, quote);
  id = g_strdup (span->id);
  span = glossa_document_update_span (document, id, 20, 620, GLOSSA_LABEL_QUOTE, NOTE, &error);
  g_assert_no_error (error);

  /* A short span before it, which stays one line. */
  g_assert_nonnull (glossa_document_add_span (document, 0, 12, GLOSSA_LABEL_ACTOR, &error));
  g_assert_no_error (error);

  check_detail (window, quote, span);
  save_screenshot (window, "selected");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_data_func ("/gui/span-list/detail/1400/light", GINT_TO_POINTER (1400), test_detail);
  g_test_add_data_func ("/gui/span-list/detail/1400/dark", GINT_TO_POINTER (1400 | 0x10000), test_detail);
  g_test_add_data_func ("/gui/span-list/detail/700/light", GINT_TO_POINTER (700), test_detail);
  g_test_add_data_func ("/gui/span-list/detail/700/dark", GINT_TO_POINTER (700 | 0x10000), test_detail);

  return g_test_run ();
}
