/* test-review-three.c: the window reviewing three annotators, the start dialog, stop and resume
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-merge.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

/*                               0         1         2         3         4
 *                               0123456789012345678901234567890123456789012 */
static const char text[] = "date 2024-02-01 Ana Lima opened the bridge.";

typedef struct
{
  char *dirs[3];    /* Ada's (A, the corpus), Ben's and Cleo's */
  char *output;
} Fixture;

static void
annotate_named (const char   *dir,
                const char   *name,
                const char   *annotator,
                gint64        start,
                gint64        end,
                GlossaLabel   label)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);

  g_assert_no_error (error);
  glossa_document_set_user (document, annotator);
  g_assert_nonnull (glossa_document_add_span (document, start, end, label, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
}

static void
annotate (const char   *dir,
          const char   *annotator,
          gint64        start,
          gint64        end,
          GlossaLabel   label)
{
  annotate_named (dir, "n1.txt", annotator, start, end, label);
}

/* Ana Lima: Ada and Ben actor, Cleo quote (majority actor); "opened":
 * Ada claim, Ben date, Cleo nothing (no majority); "the bridge": Cleo
 * alone (no majority).
 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *who[] = { "ada", "ben", "cleo" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = NULL;

      f->dirs[i] = g_dir_make_tmp ("glossa-three-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (f->dirs[i], "n1.txt", NULL);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      annotate (f->dirs[i], who[i], 16, 24, i == 2 ? GLOSSA_LABEL_QUOTE : GLOSSA_LABEL_ACTOR);
    }
  annotate (f->dirs[0], "ada", 25, 31, GLOSSA_LABEL_CLAIM);
  annotate (f->dirs[1], "ben", 25, 31, GLOSSA_LABEL_DATE);
  annotate (f->dirs[2], "cleo", 32, 42, GLOSSA_LABEL_ACTOR);
  f->output = g_dir_make_tmp ("glossa-three-out-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_folder (const char *dir)
{
  g_autofree char *inside = g_build_filename (dir, "any", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  gui_test_remove_tree (file);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < 3; i++)
    {
      remove_folder (f->dirs[i]);
      g_free (f->dirs[i]);
    }
  remove_folder (f->output);
  g_free (f->output);
}

static gboolean
is_reviewing (gpointer data)
{
  GlossaWindow *window = data;

  return window->review_source != NULL && glossa_window_get_document (window) != window->article_document;
}

static gboolean
is_showing (gpointer data)
{
  GlossaWindow *window = data;

  return glossa_window_get_document (window) != NULL && window->review_source == NULL;
}

static AdwMessageDialog *
find_start_dialog (void)
{
  return gui_test_find_message_dialog ();
}

static GtkSwitch *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Compare… with Ben's and Cleo's folders: the start dialog asks about
 * the majority, and the review starts as answered.
 */
static GlossaWindow *
start (Fixture  *f,
       gboolean  majority)
{
  g_autoptr(GFile) corpus = g_file_new_for_path (f->dirs[0]);
  g_autoptr(GFile) output = g_file_new_for_path (f->output);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  GlossaWindow *window = gui_test_open_window (NULL);
  AdwMessageDialog *dialog;

  glossa_window_open_file (window, corpus);
  g_assert_true (gui_test_wait_for (is_showing, window, 5000));
  gui_test_iterate (20);
  g_ptr_array_add (others, g_file_new_for_path (f->dirs[1]));
  g_ptr_array_add (others, g_file_new_for_path (f->dirs[2]));
  _glossa_window_compare_sides (window, others, output);
  gui_test_iterate (20);
  dialog = find_start_dialog ();
  g_assert_nonnull (dialog);
  gtk_switch_set_active (find_switch (GTK_WIDGET (dialog)), majority);
  adw_message_dialog_response (dialog, "start");
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  gui_test_iterate (20);
  return window;
}

static char *
result_spans (GlossaWindow *window)
{
  GlossaDocument *result = glossa_window_get_document (window);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < glossa_document_get_n_spans (result); i++)
    {
      GlossaSpan *span = glossa_document_get_span (result, i);

      g_string_append_printf (out, "%s%d-%d %s %s", i ? "; " : "", (int) span->start, (int) span->end,
                              glossa_label_to_string (span->label), glossa_merge_span_get_decision (span));
    }
  return g_string_free (out, FALSE);
}

static void
keep_side (GlossaWindow *window,
           int           side)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-side", "i", side));
}

static void
test_majority_then_resume (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seeded = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *resumed = NULL;
  GlossaWindow *window = start (f, TRUE);

  /* Ana Lima by the majority; two left. */
  seeded = result_spans (window);
  g_assert_cmpstr (seeded, ==, "16-24 actor majority");
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (window->review_bar), ==, 3);
  g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, 2);

  /* "opened": keep Ben's (side 2); "the bridge": keep Cleo's (side 3). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL));
  keep_side (window, 1);
  keep_side (window, 2);
  decided = result_spans (window);
  g_assert_cmpstr (decided, ==, "16-24 actor majority; 25-31 date kept; 32-42 actor kept");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, 0);
  g_assert_true (glossa_window_flush (window, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-review", NULL);
  g_assert_true (gui_test_wait_for (is_showing, window, 5000));
  gui_test_close_window (window);

  /* Started again without the majority: every decision is still there. */
  window = start (f, FALSE);
  resumed = result_spans (window);
  g_assert_cmpstr (resumed, ==, decided);
  g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, 0);
  gui_test_close_window (window);
}

/* Without the majority, nothing is decided for the reviewer. */
static void
test_no_majority (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *seeded = NULL;
  GlossaWindow *window = start (f, FALSE);

  seeded = result_spans (window);
  g_assert_cmpstr (seeded, ==, "");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, 3);
  gui_test_close_window (window);
}

static int
review_left (GlossaWindow *window,
             guint         position)
{
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (window->corpus), position);

  return glossa_corpus_item_get_review_left (item);
}

static gboolean
second_counted (gpointer data)
{
  return review_left (data, 1) >= 0;
}

/* n2 as n1's first two disagreements: "Ana Lima", which the majority
 * decides, and "opened", which it does not.
 */
static void
add_second_article (Fixture *f)
{
  static const char *who[] = { "ada", "ben", "cleo" };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_build_filename (f->dirs[i], "n2.txt", NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      annotate_named (f->dirs[i], "n2.txt", who[i], 16, 24, i == 2 ? GLOSSA_LABEL_QUOTE : GLOSSA_LABEL_ACTOR);
    }
  annotate_named (f->dirs[0], "n2.txt", "ada", 25, 31, GLOSSA_LABEL_CLAIM);
  annotate_named (f->dirs[1], "n2.txt", "ben", 25, 31, GLOSSA_LABEL_DATE);
}

/* The list counts, before an article is opened, what will be left in it
 * once shown: with the majority accepted, one in n2; without, two. Opened,
 * the bar says the same.
 */
static void
test_majority_counted_before_open (Fixture       *f,
                                   gconstpointer  data)
{
  for (guint majority = 0; majority < 2; majority++)
    {
      g_autoptr(GError) error = NULL;
      GlossaWindow *window;
      guint expected = majority ? 1 : 2;

      if (majority == 0)
        add_second_article (f);
      else
        {
          /* Nothing adjudicated yet, as at the first start. */
          remove_folder (f->output);
          g_free (f->output);
          f->output = g_dir_make_tmp ("glossa-three-out-XXXXXX", &error);
          g_assert_no_error (error);
        }
      window = start (f, majority);
      g_assert_cmpuint (window->corpus_position, ==, 0);
      g_assert_true (gui_test_wait_for (second_counted, window, 5000));
      g_assert_cmpint (review_left (window, 1), ==, expected);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL));
      g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
      gui_test_iterate (50);
      g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, expected);
      g_assert_cmpint (review_left (window, 1), ==, expected);
      /* The next window opens the corpus where this one leaves it. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-article", NULL));
      g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
      gui_test_close_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/review-three/majority-then-resume", Fixture, NULL, fixture_set_up,
              test_majority_then_resume, fixture_tear_down);
  g_test_add ("/gui/review-three/no-majority", Fixture, NULL, fixture_set_up, test_no_majority, fixture_tear_down);
  g_test_add ("/gui/review-three/majority-counted-before-open", Fixture, NULL, fixture_set_up,
              test_majority_counted_before_open, fixture_tear_down);

  return g_test_run ();
}
