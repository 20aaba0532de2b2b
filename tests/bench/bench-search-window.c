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
 *   hits N                how many it found;
 *   bare-first-frame-ms MS  the floor, measured after the searches: a bare
 *                         window with a GtkColumnView of five label columns
 *                         given its first 24 rows at once, to the end of its
 *                         first frame with them.
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
  GObject            *loop_owner;  /* holds the bare window */
  gboolean            bare_painted;
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

/* The floor: the same rows in the least window that shows them. */

static void
bare_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bare_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

static void
on_bare_paint (GdkFrameClock *clock,
               Bench         *bench)
{
  if (!bench->bare_painted)
    {
      bench->bare_painted = TRUE;
      printf ("bare-first-frame-ms %.1f\n", ms_since (bench->start));
      g_main_loop_quit (bench->loop);
    }
}

static gboolean
fill_bare (gpointer data)
{
  Bench *bench = data;
  GtkWidget *window = g_object_get_data (G_OBJECT (bench->loop_owner), "bare");
  GListStore *store = g_object_get_data (G_OBJECT (window), "store");
  GListModel *hits = glossa_search_window_get_hits (bench->window);

  /* Not before the window is on screen. */
  if (!gtk_widget_get_mapped (window))
    return G_SOURCE_CONTINUE;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_bare_paint), bench);
  bench->start = g_get_monotonic_time ();
  for (guint i = 0; i < 24 && i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(GObject) hit = g_list_model_get_item (hits, i);
      g_autofree char *match = NULL;
      g_autoptr(GtkStringObject) row = NULL;

      g_object_get (hit, "match", &match, NULL);
      row = gtk_string_object_new (match);
      g_list_store_append (store, row);
    }
  return G_SOURCE_REMOVE;
}

/* A window with an empty five-column list, shown; filled half a second
 * later, as the search window is.
 */
static void
start_bare (Bench *bench)
{
  GtkWidget *window = gtk_window_new ();
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (store)));
  GtkWidget *view = gtk_column_view_new (selection);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint i = 0; i < 5; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (bare_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bare_bind), NULL);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), gtk_column_view_column_new ("", factory));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  g_object_set_data (G_OBJECT (window), "store", store);
  g_object_set_data (G_OBJECT (bench->loop_owner), "bare", window);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (500, fill_bare, bench);
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
    start_bare (bench);
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
  bench.loop_owner = g_object_new (G_TYPE_OBJECT, NULL);
  bench.window = GLOSSA_SEARCH_WINDOW (glossa_search_window_new (NULL, corpus));
  g_object_set_data_full (G_OBJECT (bench.window), "query", g_strdup (argv[2]), g_free);
  g_signal_connect (glossa_search_window_get_hits (bench.window), "items-changed",
                    G_CALLBACK (on_items_changed), &bench);
  gtk_window_present (GTK_WINDOW (bench.window));
  /* Searching starts once the window is on screen, as after Ctrl+Shift+F. */
  g_timeout_add (500, start_search, &bench);
  g_main_loop_run (bench.loop);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  gtk_window_destroy (GTK_WINDOW (g_object_get_data (bench.loop_owner, "bare")));
  g_object_unref (bench.loop_owner);
  g_main_loop_unref (bench.loop);
  return 0;
}
