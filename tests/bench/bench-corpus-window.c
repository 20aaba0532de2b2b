/* bench-corpus-window.c: the window on a 100,000-article corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real GlossaApplication on CORPUS (a folder or a .jsonl file), the
 * way main.c does, and prints, in milliseconds since the process started:
 *
 *   list-frame MS     the first frame painted with the corpus list filled
 *                     and an article shown: the window is usable;
 *   statuses-ms MS    when every status has been read in the background;
 *   rss-kb KB         the resident memory then;
 *   switch MS         N times: from asking for the next article to the
 *                     end of the first frame painted with it.
 *
 * The launcher (bench-corpus-window.py) generates the corpora and compares
 * with bare-view's first frame on one article.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "glossa-application.h"
#include "glossa-window-private.h"

typedef struct
{
  gint64        start_time;
  GlossaWindow *window;
  GdkFrameClock *clock;
  guint         n_switches;
  guint         done_switches;
  gboolean      listed;
  gboolean      statuses;
  GlossaDocument *before;
  gint64        switch_start;
  gboolean      switching;
} Bench;

static Bench bench;

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

static long
rss_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
next_switch (void)
{
  if (bench.done_switches == bench.n_switches)
    {
      fflush (stdout);
      exit (0);
    }
  bench.before = glossa_window_get_document (bench.window);
  bench.switch_start = g_get_monotonic_time ();
  bench.switching = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.next-article", NULL);
}

static gboolean
start_switches (gpointer data)
{
  next_switch ();
  return G_SOURCE_REMOVE;
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  GlossaDocument *document = glossa_window_get_document (bench.window);

  if (!bench.listed)
    {
      if (document != NULL && bench.window->corpus != NULL &&
          g_list_model_get_n_items (glossa_corpus_sidebar_get_model (bench.window->corpus_sidebar)) > 0)
        {
          bench.listed = TRUE;
          printf ("list-frame %.1f\n", ms_since (bench.start_time));
          fflush (stdout);
        }
      return;
    }

  if (!bench.statuses && !glossa_corpus_get_loading (bench.window->corpus))
    {
      bench.statuses = TRUE;
      printf ("statuses-ms %.1f\n", ms_since (bench.start_time));
      printf ("rss-kb %ld\n", rss_kb ());
      fflush (stdout);
      g_timeout_add (200, start_switches, NULL);
      return;
    }

  if (bench.switching && document != bench.before && document != NULL)
    {
      bench.switching = FALSE;
      printf ("switch %.2f\n", ms_since (bench.switch_start));
      bench.done_switches++;
      g_idle_add_once ((GSourceOnceFunc) next_switch, NULL);
    }
}

static gboolean
watch_window (gpointer data)
{
  GtkApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL || !gtk_widget_get_realized (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  bench.window = GLOSSA_WINDOW (window);
  bench.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint), NULL);
  /* Keep frames coming while we wait for statuses. */
  gdk_frame_clock_begin_updating (bench.clock);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossaApplication) app = NULL;
  char *app_argv[3];

  bench.start_time = g_get_monotonic_time ();

  if (argc != 3)
    {
      g_printerr ("Usage: %s CORPUS N_SWITCHES\n", argv[0]);
      return 2;
    }
  bench.n_switches = atoi (argv[2]);

  app = glossa_application_new ();
  g_timeout_add (1, watch_window, app);
  app_argv[0] = argv[0];
  app_argv[1] = argv[1];
  app_argv[2] = NULL;
  return g_application_run (G_APPLICATION (app), 2, app_argv);
}
