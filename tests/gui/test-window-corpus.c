/* test-window-corpus.c: a corpus in the window, moving through it, and review
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-error.h"
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


/* The error state */

static gboolean
has_load_error (gpointer data)
{
  GlossaWindow *window = data;

  return window->load_error != NULL;
}

static gboolean
has_document (gpointer data)
{
  return glossa_window_get_document (data) != NULL;
}

static const char *
visible_page (GlossaWindow *window)
{
  return gtk_stack_get_visible_child_name (window->main_stack);
}

/* Whether the header's button for @action (an actionable widget follows
 * its action's enabled state) can be pressed.
 */
static gboolean
action_button_sensitive (GtkWidget  *widget,
                         const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return gtk_widget_is_sensitive (child);
      if (action_button_sensitive (child, action))
        return TRUE;
    }
  return FALSE;
}

static char *
read_or_null (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

/* Case 1 of issue 9: moving from a good article to one that cannot be read
 * showed the good one still, and its keys tagged the good one's file.
 */
static void
test_unreadable_article (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bad_annotations = NULL;
  g_autoptr(GlossaCorpusItem) item = NULL;
  GlossaWindow *window;
  const char *description;

  /* Latin-1: "café" with a lone 0xE9. Natural order: bad, n1, n2, n10. */
  write_text (f->dir, "bad.txt", "Le caf\xe9 de Ana Lima.");
  annotate (f->dir, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_IN_PROGRESS);
  before = read_or_null (f->dir, "n1.annotations.json");

  window = open_corpus (f);
  g_assert_true (gui_test_wait_for (has_load_error, window, 5000));
  _glossa_window_show_item (window, 1);
  wait_showing (window, 0);
  g_assert_true (action_button_sensitive (GTK_WIDGET (window), "win.tag"));

  _glossa_window_show_item (window, 0);
  g_assert_true (gui_test_wait_for (has_load_error, window, 5000));
  gui_test_iterate (50);

  /* The bad article's error state, not the good article. */
  g_assert_null (glossa_window_get_document (window));
  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_true (strstr (adw_status_page_get_title (window->error_page), "bad.txt") != NULL);
  description = adw_status_page_get_description (window->error_page);
  g_assert_true (strstr (description, "bad.txt") != NULL);
  g_assert_true (strstr (description, "Windows-1252") != NULL);
  g_assert_true (gtk_widget_get_visible (window->cp1252_button));
  g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.tag"));
  g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.mark-done"));
  item = g_list_model_get_item (G_LIST_MODEL (window->corpus), 0);
  g_assert_error ((GError *) glossa_corpus_item_get_error (item), GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);

  /* Tagging and marking done there write nothing anywhere. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-done", NULL);
  gui_test_iterate (300);
  after = read_or_null (f->dir, "n1.annotations.json");
  bad_annotations = read_or_null (f->dir, "bad.annotations.json");
  g_assert_cmpstr (before, ==, after);
  g_assert_null (bad_annotations);
  g_assert_cmpuint (glossa_corpus_item_get_status (item), ==, GLOSSA_STATUS_TODO);

  /* Moving on still works. */
  activate (window, "win.next-article");
  wait_showing (window, 0);
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_true (action_button_sensitive (GTK_WIDGET (window), "win.tag"));

  /* Fixed on disk, Try Again reads it. */
  _glossa_window_show_item (window, 0);
  g_assert_true (gui_test_wait_for (has_load_error, window, 5000));
  write_text (f->dir, "bad.txt", "Le café de Ana Lima.");
  activate (window, "win.reload-article");
  g_assert_true (gui_test_wait_for (has_document, window, 5000));
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_null (glossa_corpus_item_get_error (item));

  gui_test_close_window (window);
}

/* Marking the last article done does not say every article is done while
 * one before it (here the unreadable one) is not.
 */
static void
test_mark_done_unreadable (Fixture       *f,
                           gconstpointer  data)
{
  GlossaWindow *window;

  write_text (f->dir, "bad.txt", "caf\xe9");
  annotate (f->dir, "n1", -1, -1, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_DONE);
  window = open_corpus (f);
  g_assert_true (gui_test_wait_for (has_load_error, window, 5000));
  _glossa_window_show_item (window, 3);
  wait_showing (window, 2);
  activate (window, "win.mark-done");
  g_assert_true (gui_test_wait_for (has_load_error, window, 5000));
  g_assert_cmpuint (window->corpus_position, ==, 0);
  gui_test_close_window (window);
}

static gboolean
has_no_error (gpointer data)
{
  GlossaWindow *window = data;
  GlossaDocument *document = glossa_window_get_document (window);

  return document != NULL && glossa_document_get_error (document) == NULL;
}

static guint
count_other_copies (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (folder)))
    n += strstr (name, ".other-") != NULL;
  return n;
}

/* Case 8: an annotation file that failed to load, fixed on disk, is read
 * again: no "Keep Mine" dialog, no copy of the other version.
 */
static void
test_fixed_file_reloads (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *good = NULL;
  GlossaWindow *window;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;

  annotate (f->dir, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_IN_PROGRESS);
  good = read_or_null (f->dir, "n1.annotations.json");
  write_text (f->dir, "n1.annotations.json", "{ not json");

  window = open_corpus (f);
  wait_showing (window, 0);
  g_assert_nonnull (glossa_document_get_error (glossa_window_get_document (window)));
  g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.tag"));
  n_toplevels = g_list_model_get_n_items (toplevels);

  write_text (f->dir, "n1.annotations.json", good);
  g_assert_true (gui_test_wait_for (has_no_error, window, 5000));
  gui_test_iterate (1200);

  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 1);
  g_assert_true (action_button_sensitive (GTK_WIDGET (window), "win.tag"));
  g_assert_cmpuint (count_other_copies (f->dir), ==, 0);
  gui_test_close_window (window);
}

static gboolean
article_changed (gpointer data)
{
  GlossaWindow *window = data;

  return window->article_changed;
}

/* An article changed on disk while open stops editing; its annotation file
 * keeps the edits made before, and nothing after.
 */
static void
test_article_changed_while_open (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GlossaWindow *window = open_corpus (f);

  wait_showing (window, 0);
  gui_test_select (window, 16, 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor"));

  write_text (f->dir, "n1.txt", "Today: date 2024-02-01 Ana Lima opened the bridge.");
  g_assert_true (gui_test_wait_for (article_changed, window, 5000));
  gui_test_iterate (50);
  g_assert_true (gtk_revealer_get_reveal_child (window->article_bar_revealer));
  g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.tag"));
  before = read_or_null (f->dir, "n1.annotations.json");
  g_assert_nonnull (before);
  g_assert_true (strstr (before, "\"Ana Lima\"") != NULL);

  gui_test_select (window, 32, 38);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "claim");
  gui_test_iterate (600);
  after = read_or_null (f->dir, "n1.annotations.json");
  g_assert_cmpstr (before, ==, after);
  gui_test_close_window (window);
}

static gboolean
showing_article_changed (gpointer data)
{
  GlossaWindow *window = data;

  return window->reanchor != NULL;
}

/* A sidecar made on another version of the article: the error state, no
 * keys; re-anchoring saves the spans where their text went.
 */
static void
test_reanchor (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (f->dir, "n1.annotations.json", NULL);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;
  GlossaSpan *span;
  gsize len;

  annotate (f->dir, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_IN_PROGRESS);
  write_text (f->dir, "n1.txt", "Today: date 2024-02-01 Ana Lima opened the bridge.");
  window = open_corpus (f);
  g_assert_true (gui_test_wait_for (showing_article_changed, window, 5000));
  gui_test_iterate (50);

  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.tag"));
  g_assert_true (gtk_widget_get_visible (window->reanchor_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window->reanchor_button)), ==, "_Re-anchor 1 Span");

  activate (window, "win.reanchor");
  g_assert_true (gui_test_wait_for (has_no_error, window, 5000));
  gui_test_wait_saved (window);
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_true (action_button_sensitive (GTK_WIDGET (window), "win.tag"));

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  annotations = glossa_format_read (contents, len, path,
                                    glossa_document_get_article (glossa_window_get_document (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 1);
  span = g_ptr_array_index (annotations->spans, 0);
  g_assert_cmpint (span->start, ==, 23);
  g_assert_cmpstr (span->text, ==, "Ana Lima");
  /* The file as it was is kept beside it. */
  g_assert_cmpuint (count_other_copies (f->dir), ==, 1);
  gui_test_close_window (window);
}


static AdwMessageDialog *
find_message_dialog (void)
{
  return gui_test_find_message_dialog ();
}

/* Start Over asks first (Cancel is the default), then writes an empty set
 * over the old one, which is kept beside it byte for byte.
 */
static void
test_start_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *old = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *path = g_build_filename (f->dir, "n1.annotations.json", NULL);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GlossaWindow *window;
  const char *name;
  gsize len;

  annotate (f->dir, "n1", 16, 24, GLOSSA_LABEL_ACTOR, GLOSSA_STATUS_IN_PROGRESS);
  old = read_or_null (f->dir, "n1.annotations.json");
  write_text (f->dir, "n1.txt", "Rewritten: nothing of the old text is here.");
  window = open_corpus (f);
  g_assert_true (gui_test_wait_for (showing_article_changed, window, 5000));

  activate (window, "win.start-over");
  gui_test_iterate (100);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gui_test_iterate (300);
  cancelled = read_or_null (f->dir, "n1.annotations.json");
  g_assert_cmpstr (cancelled, ==, old);

  activate (window, "win.start-over");
  gui_test_iterate (100);
  adw_message_dialog_response (find_message_dialog (), "start-over");
  g_assert_true (gui_test_wait_for (has_no_error, window, 5000));
  gui_test_wait_saved (window);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  annotations = glossa_format_read (contents, len, path,
                                    glossa_document_get_article (glossa_window_get_document (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 0);

  folder = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (folder)))
    if (strstr (name, ".other-") != NULL)
      copy = read_or_null (f->dir, name);
  g_assert_cmpstr (copy, ==, old);
  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/window-corpus/navigate", Fixture, NULL, fixture_set_up, test_navigate, fixture_tear_down);
  g_test_add ("/gui/window-corpus/unreadable-article", Fixture, NULL, fixture_set_up, test_unreadable_article, fixture_tear_down);
  g_test_add ("/gui/window-corpus/mark-done-unreadable", Fixture, NULL, fixture_set_up, test_mark_done_unreadable, fixture_tear_down);
  g_test_add ("/gui/window-corpus/fixed-file-reloads", Fixture, NULL, fixture_set_up, test_fixed_file_reloads, fixture_tear_down);
  g_test_add ("/gui/window-corpus/article-changed-while-open", Fixture, NULL, fixture_set_up, test_article_changed_while_open, fixture_tear_down);
  g_test_add ("/gui/window-corpus/reanchor", Fixture, NULL, fixture_set_up, test_reanchor, fixture_tear_down);
  g_test_add ("/gui/window-corpus/start-over", Fixture, NULL, fixture_set_up, test_start_over, fixture_tear_down);
  g_test_add ("/gui/window-corpus/mark-done-and-reopen", Fixture, NULL, fixture_set_up, test_mark_done_and_reopen, fixture_tear_down);
  g_test_add ("/gui/window-corpus/review", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);

  return g_test_run ();
}
