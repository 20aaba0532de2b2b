/* bench-learn-names.c: a tag in a 5 MB article with suggestions on, the name learned and suggested at once
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Usage: bench-learn-names QUOTES_FOLDER [MEGABYTES] [TEXT]
 *
 * Issue 13: a text tagged by hand is suggested wherever else the article
 * has it, cheaply (no run of the suggesters per tag). Builds one article
 * of MEGABYTES (5) from the quote test articles in QUOTES_FOLDER (whole
 * copies, blank lines between them), shows it in a window with every
 * suggestion computed, then tags the first occurrence of TEXT ("White
 * House") as actor and times the tag itself and the learning after it,
 * until its other occurrences are suggested; then undoes the tag and
 * times their withdrawal. The window must then show one suggestion per
 * other occurrence, so that a fast wrong answer fails. Prints the
 * figures; 77 (skip) without a display.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "glossa-window-private.h"

static char *
build_article (const char *folder,
               gsize       megabytes)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) copy = g_string_new ("date 2026-03-12\n\n");
  g_autoptr(GString) article = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (names, i), &text, NULL, NULL));
      g_string_append (copy, g_strstrip (text));
      g_string_append (copy, "\n\n");
    }
  while (article->len < megabytes * 1000 * 1000)
    g_string_append_len (article, copy->str, copy->len);
  return g_string_free (g_steal_pointer (&article), FALSE);
}

static guint
count_shown (GlossaWindow *window,
             const char   *text)
{
  GlossaArticle *article = glossa_document_get_article (glossa_window_get_document (window));
  GArray *marks = glossa_article_view_get_suggestions (window->view, NULL);
  guint n = 0;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);

      n += s->label == GLOSSA_LABEL_ACTOR && glossa_article_slice_equals (article, s->start, s->end, text);
    }
  return n;
}

/* What the window should show after the first occurrence of @text in
 * @full is tagged: an actor suggestion at every other occurrence that one
 * exactly there had, or that no actor suggestion overlapped. Counted
 * here, from the suggestions shown before, the slow way.
 */
static guint
expected_after (GlossaWindow *window,
                const char   *full,
                const char   *text,
                guint        *n_occurrences)
{
  GArray *marks = glossa_article_view_get_suggestions (window->view, NULL);
  glong n = g_utf8_strlen (text, -1);
  const char *last = full;
  glong offset = 0;
  guint expected = 0;

  *n_occurrences = 0;
  for (const char *p = full; (p = strstr (p, text)) != NULL; p += strlen (text))
    {
      gboolean free_here = TRUE, exact = FALSE;

      offset += g_utf8_pointer_to_offset (last, p);
      last = p;
      if ((*n_occurrences)++ == 0)
        continue;
      for (guint i = 0; i < marks->len; i++)
        {
          const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);

          if (s->label != GLOSSA_LABEL_ACTOR || s->start >= offset + n || s->end <= offset)
            continue;
          free_here = FALSE;
          exact = exact || (s->start == offset && s->end == offset + n);
        }
      expected += free_here || exact;
    }
  return expected;
}

/* Iterates the main loop until @window shows @n actor suggestions of
 * @text; the ms since @start.
 */
static double
wait_for_count (GlossaWindow *window,
                const char   *text,
                guint         n,
                gint64        start)
{
  gint64 deadline = start + 30 * G_USEC_PER_SEC;

  while (count_shown (window, text) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_shown (window, text), ==, n);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
select_first (GlossaWindow *window,
              const char   *full,
              const char   *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->view));
  glong at = g_utf8_pointer_to_offset (full, strstr (full, text));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, at);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, at + g_utf8_strlen (text, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

int
main (int    argc,
      char **argv)
{
  gsize megabytes = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 5;
  const char *name = argc > 3 ? argv[3] : "White House";
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  GlossaWindow *window;
  guint before, after, n_occurrences;
  gint64 start, deadline;
  double tag_ms, learned_ms, undo_ms, withdrawn_ms;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s QUOTES_FOLDER [MEGABYTES] [TEXT]\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      printf ("# no display: skipped\n");
      return 77;
    }
  adw_init ();

  text = build_article (argv[1], megabytes);
  g_assert_nonnull (strstr (text, name));
  dir = g_dir_make_tmp ("glossa-bench-learn-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.txt", NULL);
  sidecar = g_build_filename (dir, "big.annotations.json", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  file = g_file_new_for_path (path);
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);

  window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  glossa_window_set_document (window, document);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (_glossa_window_suggest_get_elapsed_complete (window) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (_glossa_window_suggest_get_elapsed_complete (window), >, 0);
  before = count_shown (window, name);
  after = expected_after (window, text, name, &n_occurrences);
  printf ("# a %zu-byte article, %u suggestions, “%s” %u times, %u of them suggested as actor before, "
          "%u to be after\n", strlen (text), glossa_article_view_get_suggestions (window->view, NULL)->len,
          name, n_occurrences, before, after);

  select_first (window, text, name);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor"));
  tag_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);
  learned_ms = wait_for_count (window, name, after, start);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undo_ms = (g_get_monotonic_time () - start) / 1000.0;
  withdrawn_ms = wait_for_count (window, name, before, start);
  printf ("a tag of “%s” in the %zu MB article: the tag %.1f ms, %u of its other occurrences suggested "
          "%.1f ms after it; undone in %.1f ms, withdrawn %.1f ms after\n",
          name, megabytes, tag_ms, after, learned_ms, undo_ms, withdrawn_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
  g_unlink (sidecar);
  g_rmdir (dir);
  return 0;
}
