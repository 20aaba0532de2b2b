/* test-window-corpus.c: a corpus in the window, moving through it, and review
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

typedef struct
{
  char *dir;        /* the corpus */
  char *other;      /* another annotator's copy */
  char *output;     /* where the adjudicated set goes */
} Fixture;

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Annotates @dir/@name.txt through the core, as another annotator would. */
static void
annotate (const char   *dir,
          const char   *name,
          gint64        start,
          gint64        end,
          GlossaLabel   label,
          GlossaStatus  status)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.txt", dir, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);

  g_assert_no_error (error);
  if (start >= 0)
    g_assert_nonnull (glossa_document_add_span (document, start, end, label, &error));
  glossa_document_set_status (document, status);
  g_assert_true (glossa_document_save (document, NULL, &error));
}

static const char *texts[] = {
  "date 2024-02-01 Ana Lima opened the bridge.",
  "date 2024-02-02 Rui Costa closed the port.",
  "date 2024-02-03 Eva Dias said rain is coming.",
};
static const char *names[] = { "n1", "n2", "n10" };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("glossa-corpus-XXXXXX", &error);
  f->other = g_dir_make_tmp ("glossa-other-XXXXXX", &error);
  f->output = g_dir_make_tmp ("glossa-output-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".txt", NULL);

      write_text (f->dir, name, texts[i]);
      write_text (f->other, name, texts[i]);
    }
  /* n2 is done already: "next not done" passes over it. */
  annotate (f->dir, "n2", 16, 25, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_DONE);
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
  remove_folder (f->dir);
  remove_folder (f->other);
  remove_folder (f->output);
  g_free (f->dir);
  g_free (f->other);
  g_free (f->output);
}

typedef struct
{
  GlossaWindow *window;
  const char   *text;
} Showing;

static gboolean
is_showing (gpointer data)
{
  Showing *showing = data;
  GlossaDocument *document = glossa_window_get_document (showing->window);

  return document != NULL &&
         g_strcmp0 (glossa_article_get_text (glossa_document_get_article (document)), showing->text) == 0 &&
         !glossa_window_get_saving (showing->window);
}

static void
wait_showing (GlossaWindow *window,
              guint         index)
{
  Showing showing = { window, texts[index] };

  g_assert_true (gui_test_wait_for (is_showing, &showing, 5000));
  gui_test_iterate (20);
}

static GlossaWindow *
open_corpus (Fixture *f)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlossaWindow *window = gui_test_open_window (NULL);

  glossa_window_open_file (window, folder);
  return window;
}

static GlossaStatus
status_on_disk (Fixture    *f,
                const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.annotations.json", f->dir, name);
  g_autofree char *contents = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return GLOSSA_STATUS_TODO;
  annotations = glossa_format_read (contents, len, path, NULL, &error);
  g_assert_no_error (error);
  return annotations->status;
}

static void
activate (GlossaWindow *window,
          const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

static void
test_navigate (Fixture       *f,
               gconstpointer  data)
{
  GlossaWindow *window = open_corpus (f);

  /* Natural order: n1, n2, n10. */
  wait_showing (window, 0);
  activate (window, "win.next-article");
  wait_showing (window, 1);
  activate (window, "win.next-article");
  wait_showing (window, 2);
  activate (window, "win.previous-article");
  wait_showing (window, 1);
  activate (window, "win.previous-article");
  wait_showing (window, 0);

  /* Tag on n1, then "next not done" goes past the done n2 to n10. */
  gui_test_select (window, 16, 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor"));
  activate (window, "win.next-unfinished");
  wait_showing (window, 2);
  g_assert_cmpint (status_on_disk (f, "n1"), ==, GLOSSA_STATUS_IN_PROGRESS);

  gui_test_close_window (window);
}

static void
test_mark_done_and_reopen (Fixture       *f,
                           gconstpointer  data)
{
  GlossaWindow *window = open_corpus (f);

  wait_showing (window, 0);
  /* Marking done saves the status and moves to the next article not done. */
  activate (window, "win.mark-done");
  wait_showing (window, 2);
  g_assert_cmpint (status_on_disk (f, "n1"), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (glossa_corpus_count_status (window->corpus, GLOSSA_STATUS_DONE), ==, 2);
  gui_test_close_window (window);

  /* Reopening the corpus returns to the article we were on. */
  window = open_corpus (f);
  wait_showing (window, 2);
  gui_test_close_window (window);
}

typedef struct
{
  GlossaWindow *window;
} Reviewing;

static gboolean
is_reviewing (gpointer data)
{
  GlossaWindow *window = data;

  return window->review_source != NULL && glossa_window_get_document (window) != window->article_document;
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) other = g_file_new_for_path (f->other);
  g_autoptr(GFile) output = g_file_new_for_path (f->output);
  g_autofree char *result_path = g_build_filename (f->output, "n1.annotations.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GlossaAnnotations) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_before = NULL;
  g_autofree char *a_after = NULL;
  g_autofree char *a_path = g_build_filename (f->dir, "n1.annotations.json", NULL);
  GlossaWindow *window;
  gsize len;

  /* A tags "Ana Lima" as actor and "the bridge" as claim; B tags
   * "Ana Lima" as actor too and "opened" as a claim.
   */
  annotate (f->dir, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_IN_PROGRESS);
  {
    g_autofree char *path = g_build_filename (f->dir, "n1.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);

    g_assert_nonnull (glossa_document_add_span (document, 32, 42, GLOSSA_LABEL_CLAIM, &error));
    g_assert_true (glossa_document_save (document, NULL, &error));
  }
  annotate (f->other, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_DONE);
  annotate (f->other, "n1", 25, 31, GLOSSA_LABEL_CLAIM, GLOSSA_STATUS_DONE);
  g_file_get_contents (a_path, &a_before, NULL, &error);

  window = open_corpus (f);
  wait_showing (window, 0);
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));

  /* The result starts with what both agree on. */
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (window->review_bar), ==, 2);

  /* F8, then keep A's claim ("the bridge" comes after "opened": the
   * first disagreement is B's "opened").
   */
  activate (window, "win.review-next");
  activate (window, "win.keep-neither");
  activate (window, "win.keep-a");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (window->review_bar), ==, 0);
  g_assert_true (glossa_window_flush (window, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (result_path, &contents, &len, &error));
  result = glossa_format_read (contents, len, result_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->spans->len, ==, 2);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (result->spans, 0))->text, ==, "Ana Lima");
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (result->spans, 1))->text, ==, "the bridge");

  /* A's own file was never written. */
  activate (window, "win.stop-review");
  wait_showing (window, 0);
  g_file_get_contents (a_path, &a_after, NULL, &error);
  g_assert_cmpstr (a_before, ==, a_after);
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 2);

  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/window-corpus/navigate", Fixture, NULL, fixture_set_up, test_navigate, fixture_tear_down);
  g_test_add ("/gui/window-corpus/mark-done-and-reopen", Fixture, NULL, fixture_set_up, test_mark_done_and_reopen, fixture_tear_down);
  g_test_add ("/gui/window-corpus/review", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);

  return g_test_run ();
}
