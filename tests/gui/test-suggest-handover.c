/* test-suggest-handover.c: GTK tests of suggestions handed to the window after the user acted
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "001_harbour_strike.txt"
#define QUELL_QUOTE "nobody wins a strike, but today we did not lose one."

static gboolean
has_all_suggestions (gpointer data)
{
  return _glossa_window_suggest_get_elapsed_complete (data) > 0;
}

/* The extent of the shown suggestion of @label whose text is @text; FALSE
 * when none is shown.
 */
static gboolean
find_shown (GlossaWindow *window,
            GlossaLabel   label,
            const char   *text,
            gint64       *start,
            gint64       *end)
{
  GlossaArticle *article = glossa_document_get_article (glossa_window_get_document (window));
  GArray *marks = glossa_article_view_get_suggestions (window->view, NULL);

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);
      g_autofree char *slice = glossa_article_slice (article, s->start, s->end);

      if (s->label == label && g_str_equal (slice, text))
        {
          *start = s->start;
          *end = s->end;
          return TRUE;
        }
    }
  return FALSE;
}

/* A span tagged while the suggesters work (before the window has their
 * results) makes the suggestion of its extent and label accepted when the
 * results come: it is not shown. Another span at the same start, of
 * another label and shorter, is passed over on the way to it; the
 * suggestions it does not match are shown.
 */
static void
test_tagged_meanwhile (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GlossaDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;
  gint64 start, end, other_start, other_end;

  g_settings_set_boolean (settings, "show-suggestions", TRUE);
  g_object_unref (settings);
  window = gui_test_open_window (article);
  g_assert_true (gui_test_wait_for (has_all_suggestions, window, 10000));
  g_assert_true (find_shown (window, GLOSSA_LABEL_ACTOR, "Marta Quell", &start, &end));
  g_assert_true (find_shown (window, GLOSSA_LABEL_QUOTE, QUELL_QUOTE, &other_start, &other_end));

  /* Opened again: the worker starts on the spans there are (none), and
   * the main loop does not run until both are tagged.
   */
  again = glossa_document_open (article, NULL, &error);
  g_assert_no_error (error);
  glossa_window_set_document (window, again);
  g_assert_false (has_all_suggestions (window));
  g_assert_nonnull (glossa_document_add_span (again, start, start + strlen ("Marta"), GLOSSA_LABEL_CLAIM, &error));
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (again, start, end, GLOSSA_LABEL_ACTOR, &error));
  g_assert_no_error (error);

  g_assert_true (gui_test_wait_for (has_all_suggestions, window, 10000));
  g_assert_false (find_shown (window, GLOSSA_LABEL_ACTOR, "Marta Quell", &start, &end));
  g_assert_true (find_shown (window, GLOSSA_LABEL_QUOTE, QUELL_QUOTE, &start, &end));
  g_assert_cmpint (start, ==, other_start);
  g_assert_cmpint (end, ==, other_end);

  /* The window's reference must be the last (see gui_test_close_window()). */
  g_clear_object (&again);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/suggest-handover/tagged-meanwhile", test_tagged_meanwhile);
  return g_test_run ();
}
