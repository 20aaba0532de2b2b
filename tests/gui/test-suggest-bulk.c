/* test-suggest-bulk.c: GTK tests of accepting hundreds of suggestions at once: one step, the list, the file
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-span-item.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

/* Paragraphs each with one date and one name: more dates than the span
 * list follows one by one in a batch.
 */
#define N_PARAGRAPHS 300

typedef struct
{
  GFile        *article;
  GlossaWindow *window;
} Fixture;

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static char *
make_text (void)
{
  GString *text = g_string_new ("Harbour council minutes\n\n");

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    g_string_append_printf (text, "On %u %s %u the harbour council met again and Marta Quell chaired item %u.\n\n",
                            1 + i % 28, months[i % 12], 1990 + i % 30, i);
  return g_string_free (text, FALSE);
}

static gboolean
has_suggestions (gpointer data)
{
  GlossaWindow *window = data;
  GArray *shown = glossa_article_view_get_suggestions (window->view, NULL);

  return shown != NULL && shown->len > 0 && _glossa_window_suggest_get_elapsed_complete (window) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = make_text ();

  g_assert_no_error (error);
  g_settings_set_boolean (settings, "show-suggestions", TRUE);
  g_object_unref (settings);
  path = g_build_filename (dir, "minutes.txt", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  fixture->article = g_file_new_for_path (path);
  fixture->window = gui_test_open_window (fixture->article);
  g_assert_true (gui_test_wait_for (has_suggestions, fixture->window, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gui_test_close_window (fixture->window);
  gui_test_remove_tree (fixture->article);
  g_clear_object (&fixture->article);
}

static guint
count_shown (GlossaWindow *window,
             GlossaLabel   label)
{
  GArray *marks = glossa_article_view_get_suggestions (window->view, NULL);
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    n += g_array_index (marks, GlossaArticleViewSuggestion, i).label == label;
  return n;
}

/* Makes a date suggestion current with ], as a user would. */
static void
go_to_date (GlossaWindow *window)
{
  int current = -1;

  for (guint i = 0; i < 10; i++)
    {
      GArray *marks;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-suggestion", NULL));
      marks = glossa_article_view_get_suggestions (window->view, &current);
      if (current >= 0 && g_array_index (marks, GlossaArticleViewSuggestion, current).label == GLOSSA_LABEL_DATE)
        return;
    }
  g_assert_not_reached ();
}

static GBytes *
read_saved (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  gui_test_wait_saved (window);
  g_file_get_contents (g_file_peek_path (glossa_document_get_file (document)), &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* The span list shows the document's spans, in its order. */
static void
assert_list_matches (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);
  GListModel *model = glossa_span_list_get_model (window->span_list);
  guint n = glossa_document_get_n_spans (document);

  gui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i += MAX (n / 20, 1))
    {
      g_autoptr(GlossaSpanItem) item = g_list_model_get_item (model, i);

      g_assert_true (glossa_span_item_get_span (item) == glossa_document_get_span (document, i));
    }
}

/* Shift+Return on a date: every date, in one undo step; the list shows
 * them; Ctrl+Z takes them all back and the file on disk is what it was;
 * Ctrl+Shift+Z brings back the file the accept wrote.
 */
static void
test_accept_all_one_step (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossaWindow *window = fixture->window;
  GlossaDocument *document = glossa_window_get_document (window);
  guint n_dates = count_shown (window, GLOSSA_LABEL_DATE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) accepted = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_dates, >=, N_PARAGRAPHS);
  /* A span tagged by hand first, in a step of its own. */
  g_assert_nonnull (glossa_document_add_span (document, 0, 7, GLOSSA_LABEL_ACTOR, &error));
  g_assert_no_error (error);
  before = read_saved (window);
  assert_list_matches (window);

  go_to_date (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-label-suggestions", NULL));
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_DATE), ==, n_dates);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, n_dates + 1);
  g_assert_cmpuint (count_shown (window, GLOSSA_LABEL_DATE), ==, 0);
  assert_list_matches (window);
  accepted = read_saved (window);
  g_assert_false (g_bytes_equal (accepted, before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);
  g_assert_cmpuint (count_shown (window, GLOSSA_LABEL_DATE), ==, n_dates);
  assert_list_matches (window);
  undone = read_saved (window);
  g_assert_true (g_bytes_equal (undone, before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_DATE), ==, n_dates);
  g_assert_cmpuint (count_shown (window, GLOSSA_LABEL_DATE), ==, 0);
  assert_list_matches (window);
  redone = read_saved (window);
  g_assert_true (g_bytes_equal (redone, accepted));

  /* The hand-tagged span's step is the one before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
  assert_list_matches (window);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/suggest-bulk/accept-all-one-step", Fixture, NULL, fixture_set_up, test_accept_all_one_step,
              fixture_tear_down);

  return g_test_run ();
}
