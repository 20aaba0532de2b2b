/* bench-search-window.c: how soon Search the Corpus shows its first results
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens CORPUS, shows the search window on it, searches QUERY and prints,
 * in milliseconds since the search started:
 *
 *   first-results-ms MS   the first hits are in the window's list;
 *   first-frame-ms MS     the end of the first frame painted with them;
 *   all-results-ms MS     the search has been through every article;
 *   hits N                how many it found.
 *
 * The search runs twice: "cold-" figures are the first, which also pays for
 * the process's first list rows (fonts, styles); the others are the second,
 * as in a window that has been showing text for a while.
 *
 * bench-search.py runs it on the 100,000-article JSONL corpus.
 */

#include "config.h"

#include <stdio.h>

#include "glossa-search-window.h"

typedef struct
{
  const char         *prefix;
  guint               round;
  gint64              start;
  GlossaSearchWindow *window;
  GMainLoop          *loop;
  gboolean            first;
  gboolean            painted;
} Bench;

static gboolean start_search (gpointer data);

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->first && !bench->painted)
    {
      bench->painted = TRUE;
      printf ("%sfirst-frame-ms %.1f\n", bench->prefix, ms_since (bench->start));
    }
}

static void
on_items_changed (GListModel *hits,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *bench)
{
  if (added > 0 && !bench->first)
    {
      bench->first = TRUE;
      printf ("%sfirst-results-ms %.1f\n", bench->prefix, ms_since (bench->start));
    }
}

static gboolean
check_done (gpointer data)
{
  Bench *bench = data;

  if (glossa_search_window_get_searching (bench->window))
    return G_SOURCE_CONTINUE;
  printf ("%sall-results-ms %.1f\n", bench->prefix, ms_since (bench->start));
  printf ("%shits %u\n", bench->prefix, g_list_model_get_n_items (glossa_search_window_get_hits (bench->window)));
  if (++bench->round == 2)
    g_main_loop_quit (bench->loop);
  else
    g_timeout_add (500, start_search, bench);
  return G_SOURCE_REMOVE;
}

static gboolean
start_search (gpointer data)
{
  Bench *bench = data;

  if (bench->round == 0)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                      G_CALLBACK (on_after_paint), bench);
  bench->prefix = bench->round == 0 ? "cold-" : "";
  bench->first = FALSE;
  bench->painted = FALSE;
  /* An empty query clears the list, as a user erasing the entry would. */
  glossa_search_window_set_query (bench->window, "");
  bench->start = g_get_monotonic_time ();
  glossa_search_window_set_query (bench->window, g_object_get_data (G_OBJECT (bench->window), "query"));
  g_timeout_add (5, check_done, bench);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  Bench bench = { 0 };

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s CORPUS QUERY\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.window = GLOSSA_SEARCH_WINDOW (glossa_search_window_new (NULL, corpus));
  g_object_set_data_full (G_OBJECT (bench.window), "query", g_strdup (argv[2]), g_free);
  g_signal_connect (glossa_search_window_get_hits (bench.window), "items-changed",
                    G_CALLBACK (on_items_changed), &bench);
  gtk_window_present (GTK_WINDOW (bench.window));
  /* Searching starts once the window is on screen, as after Ctrl+Shift+F. */
  g_timeout_add (500, start_search, &bench);
  g_main_loop_run (bench.loop);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_main_loop_unref (bench.loop);
  return 0;
}
