/* test-guidelines.c: the guidelines pane (F1): shown, rendered, searched, reloaded from disk
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14: "a GUIDELINES.md (or .txt) beside the corpus's schema or
 * articles is shown in a side pane (F1), rendered readably (headings,
 * lists, emphasis; no web view needed), searchable". Screenshots go to the
 * build folder as guidelines-WIDTH-STYLE-LANGUAGE.png.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "001_harbour_strike.txt"

/* "claim" five times, in every letter case and block kind. */
static const char guidelines_text[] =
  "# Guidelines for the Test\n"
  "\n"
  "A **claim** is checkable. Every claim counts.\n"
  "\n"
  "- Claim one, *emphasised*\n"
  "- claim two\n"
  "\n"
  "> a CLAIM in a quote\n";

static void
save_screenshot (GlossaWindow *window)
{
  g_autofree char *path = NULL;

  /* A frame is drawn after the last change, so that there is one to take. */
  gui_test_iterate (300);
  path = gui_test_screenshot_path (GTK_WIDGET (window), "guidelines");
  gui_test_save_png (GTK_WIDGET (window), path);
}

static gboolean
is_ready (gpointer data)
{
  GlossaWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && glossa_window_get_document (window) != NULL
      && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static GlossaWindow *
open_at (GFile *file,
         int    width)
{
  GlossaWindow *window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  glossa_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_ready, window, 5000));
  gui_test_iterate (600);
  return window;
}

typedef struct
{
  GlossaGuidelinesPane *pane;
  const char           *state;
  /* The first line of the text shown, or something the message says. */
  const char           *first_line;
} Shown;

static char *
first_line (GlossaGuidelinesPane *pane)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (glossa_guidelines_pane_get_view (pane));
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&start, &end);
}

static gboolean
pane_shows (gpointer data)
{
  Shown *shown = data;
  g_autofree char *line = NULL;

  if (g_strcmp0 (glossa_guidelines_pane_get_state (shown->pane), shown->state) != 0)
    return FALSE;
  if (shown->first_line == NULL)
    return TRUE;
  if (!g_str_equal (shown->state, "text"))
    return strstr (glossa_guidelines_pane_get_message (shown->pane), shown->first_line) != NULL;
  line = first_line (shown->pane);
  return g_strcmp0 (line, shown->first_line) == 0;
}

static void
wait_shows (GlossaGuidelinesPane *pane,
            const char           *state,
            const char           *line)
{
  Shown shown = { pane, state, line };

  if (!gui_test_wait_for (pane_shows, &shown, 5000))
    {
      g_autofree char *got = first_line (pane);

      g_error ("the pane shows “%s” (%s), not “%s” (%s)", glossa_guidelines_pane_get_state (pane), got,
               state, line);
    }
}

/* The largest weight and scale the tags at @offset give. */
static void
style_at (GlossaGuidelinesPane *pane,
          int                   offset,
          int                  *weight,
          double               *scale)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (glossa_guidelines_pane_get_view (pane));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;

  *weight = PANGO_WEIGHT_NORMAL;
  *scale = 1.0;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean weight_set, scale_set;
      int w;
      double s;

      g_object_get (l->data, "weight-set", &weight_set, "weight", &w, "scale-set", &scale_set, "scale", &s, NULL);
      if (weight_set)
        *weight = MAX (*weight, w);
      if (scale_set)
        *scale = MAX (*scale, s);
    }
}

static int
offset_of (GlossaGuidelinesPane *pane,
           const char           *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (glossa_guidelines_pane_get_view (pane));
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match, NULL, NULL));
  return gtk_text_iter_get_offset (&match);
}

static gboolean
counted (gpointer data)
{
  return glossa_guidelines_pane_get_n_matches (data) >= 0;
}

typedef struct
{
  GlossaGuidelinesPane *pane;
  const char           *text;
} Says;

static gboolean
match_says (gpointer data)
{
  Says *says = data;

  return g_strcmp0 (glossa_guidelines_pane_get_match_text (says->pane), says->text) == 0;
}

static void
wait_match_says (GlossaGuidelinesPane *pane,
                 const char           *text)
{
  Says says = { pane, text };

  if (!gui_test_wait_for (match_says, &says, 5000))
    g_error ("the search says “%s”, not “%s”", glossa_guidelines_pane_get_match_text (pane), text);
}

static void
check_match (GlossaGuidelinesPane *pane,
             int                   position)
{
  g_autofree char *expected = g_strdup_printf (_("%d of %d"), position, 5);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (glossa_guidelines_pane_get_view (pane));
  g_autofree char *selected = NULL;
  g_autofree char *folded = NULL;
  GtkTextIter start, end;
  GtkTextTag *tag;

  g_assert_cmpstr (glossa_guidelines_pane_get_match_text (pane), ==, expected);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current-match");
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&start, tag));
  end = start;
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, tag));
  selected = gtk_text_iter_get_text (&start, &end);
  folded = g_utf8_casefold (selected, -1);
  g_assert_cmpstr (folded, ==, "claim");
  /* The only match marked as the current one. */
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&end, tag));
}

static void
write_guidelines (GFile      *article,
                  const char *name,
                  const char *text,
                  gssize      length)
{
  g_autoptr(GFile) folder = g_file_get_parent (article);
  g_autofree char *path = g_build_filename (g_file_peek_path (folder), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

/* F1 shows the pane with the file's heading large and bold, emphasis in
 * its place, and a search that counts and steps through every match.
 */
static void
test_shown (gconstpointer data)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (article);
  g_autoptr(GFile) expected = g_file_get_child (folder, "GUIDELINES.md");
  GlossaGuidelinesPane *pane;
  GtkEditable *entry;
  GlossaWindow *window;
  int weight;
  double scale;

  gui_test_set_dark (GPOINTER_TO_INT (data));
  write_guidelines (article, "GUIDELINES.md", guidelines_text, -1);
  window = open_at (article, 1400);
  pane = window->guidelines_pane;
  /* Hidden, the pane has read nothing. */
  g_assert_false (adw_flap_get_reveal_flap (window->guide_flap));
  g_assert_null (glossa_guidelines_pane_get_file (pane));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guidelines", NULL));
  wait_shows (pane, "text", "Guidelines for the Test");
  g_assert_true (g_file_equal (glossa_guidelines_pane_get_file (pane), expected));
  g_assert_false (adw_flap_get_folded (window->guide_flap));
  /* Beside the article and the span list, not over them. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->span_list)));

  style_at (pane, 0, &weight, &scale);
  g_assert_cmpint (weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_cmpfloat (scale, >, 1.2);
  style_at (pane, offset_of (pane, "claim"), &weight, &scale);
  g_assert_cmpint (weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_cmpfloat (scale, ==, 1.0);
  style_at (pane, offset_of (pane, "checkable"), &weight, &scale);
  g_assert_cmpint (weight, ==, PANGO_WEIGHT_NORMAL);
  /* List items get their bullet. */
  g_assert_cmpint (offset_of (pane, "•  Claim one"), >, 0);

  entry = glossa_guidelines_pane_get_search_entry (pane);
  gtk_editable_set_text (entry, "claim");
  g_assert_true (gui_test_wait_for (counted, pane, 5000));
  g_assert_cmpint (glossa_guidelines_pane_get_n_matches (pane), ==, 5);
  {
    g_autofree char *five = g_strdup_printf (ngettext ("%d match", "%d matches", 5), 5);

    wait_match_says (pane, five);
  }
  g_signal_emit_by_name (entry, "activate");
  check_match (pane, 1);
  g_signal_emit_by_name (entry, "activate");
  check_match (pane, 2);
  /* Shift+Enter goes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (entry), "guidelines.previous-match", NULL));
  check_match (pane, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (entry), "guidelines.previous-match", NULL));
  check_match (pane, 5);
  save_screenshot (window);

  gtk_editable_set_text (entry, "no such words");
  wait_match_says (pane, _("No matches"));

  /* F1 again hides it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guidelines", NULL));
  g_assert_false (adw_flap_get_reveal_flap (window->guide_flap));

  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

/* The pane follows the file on disk: an edit, bytes that are not UTF-8, a
 * GUIDELINES.txt instead, none at all.
 */
static void
test_follows_disk (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (article);
  g_autofree char *md = g_build_filename (g_file_peek_path (folder), "GUIDELINES.md", NULL);
  g_autofree char *where = g_file_get_parse_name (folder);
  GlossaGuidelinesPane *pane;
  GlossaWindow *window;
  const char *message;

  window = open_at (article, 1400);
  pane = window->guidelines_pane;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guidelines", NULL));

  /* None: the pane says where to put one. */
  wait_shows (pane, "none", where);
  message = glossa_guidelines_pane_get_message (pane);
  g_assert_nonnull (strstr (message, "GUIDELINES.md"));
  g_assert_nonnull (strstr (message, where));

  write_guidelines (article, "GUIDELINES.md", "# First\n", -1);
  wait_shows (pane, "text", "First");
  write_guidelines (article, "GUIDELINES.md", "# Second version\n\ntext\n", -1);
  wait_shows (pane, "text", "Second version");

  write_guidelines (article, "GUIDELINES.md", "# Title\n\ncaf\xE9\n", 14);
  wait_shows (pane, "error", NULL);
  message = glossa_guidelines_pane_get_message (pane);
  g_assert_true (g_str_has_prefix (message, "GUIDELINES.md:3: "));
  g_assert_nonnull (strstr (message, " 12 (0xE9)"));

  g_assert_cmpint (g_unlink (md), ==, 0);
  write_guidelines (article, "GUIDELINES.txt", "# Plain text\n**as written**\n", -1);
  wait_shows (pane, "text", "# Plain text");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

/* Guidelines of many blocks are put into the view between frames, and all
 * of them arrive, in order.
 */
static void
test_large (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GString) text = g_string_new ("# Many items\n\n");
  GlossaGuidelinesPane *pane;
  GtkTextBuffer *buffer;
  GlossaWindow *window;
  GtkTextIter end;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "- item **%u**\n", i);
  write_guidelines (article, "GUIDELINES.md", text->str, text->len);
  window = open_at (article, 1400);
  pane = window->guidelines_pane;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guidelines", NULL));
  wait_shows (pane, "text", "Many items");

  buffer = gtk_text_view_get_buffer (glossa_guidelines_pane_get_view (pane));
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, 5001);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 5000);
  {
    GtkTextIter line_end = end;

    gtk_text_iter_forward_to_line_end (&line_end);
    last = gtk_text_iter_get_text (&end, &line_end);
  }
  g_assert_cmpstr (last, ==, "•  item 4999");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

/* At 700 px the pane folds: F1 shows it over the article. */
static void
test_narrow (gconstpointer data)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autofree char *sample = g_build_filename (g_getenv ("GLOSSA_SOURCE_DIR"), "data", "samples", "GUIDELINES.md", NULL);
  g_autofree char *contents = NULL;
  GlossaWindow *window;
  int minimum, natural;

  gui_test_set_dark (GPOINTER_TO_INT (data));
  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  write_guidelines (article, "GUIDELINES.md", contents, -1);
  window = open_at (article, 700);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 700);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guidelines", NULL));
  wait_shows (window->guidelines_pane, "text", "Annotation Guidelines");
  gui_test_iterate (500);
  g_assert_true (adw_flap_get_folded (window->guide_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->guide_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->guidelines_pane)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 700);
  save_screenshot (window);

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

  g_test_add_data_func ("/gui/guidelines/shown/light", GINT_TO_POINTER (FALSE), test_shown);
  g_test_add_data_func ("/gui/guidelines/shown/dark", GINT_TO_POINTER (TRUE), test_shown);
  g_test_add_func ("/gui/guidelines/follows-disk", test_follows_disk);
  g_test_add_func ("/gui/guidelines/large", test_large);
  g_test_add_data_func ("/gui/guidelines/narrow/light", GINT_TO_POINTER (FALSE), test_narrow);
  g_test_add_data_func ("/gui/guidelines/narrow/dark", GINT_TO_POINTER (TRUE), test_narrow);

  return g_test_run ();
}
