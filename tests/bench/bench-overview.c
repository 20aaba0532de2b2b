/* bench-overview.c: the overview window on a large corpus: time to the charts, and the longest stall of the main loop meanwhile
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-overview CORPUS (under a display). Prints one line of JSON:
 * {"documents", "shown_seconds", "first_seconds", "seconds", "max_stall_ms"}:
 * the time until the window is on screen (with its spinner), to the first charts (window start-up included), then, once the window is up,
 * the time to read the corpus again (Refresh) and the longest time between
 * two ticks of a 10 ms timeout meanwhile: how long the window would not
 * answer.
 */

#include "config.h"

#include <adwaita.h>

#include "glossa-overview-page.h"
#include "glossa-resources.h"

typedef struct
{
  gint64 last;
  gint64 max_stall;
  gint64 at;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (now - ticks->last > ticks->max_stall)
    {
      ticks->max_stall = now - ticks->last;
      ticks->at = now;
    }
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GlossaOverviewPage *page;
  const GlossaChartData *status;
  Ticks ticks = { 0, 0, 0 };
  double total = 0;
  double first, shown;
  gint64 done;
  gint64 start;
  guint source;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS\n", argv[0]);
      return 2;
    }
  adw_init ();
  /* The templates: a static library's resources are linked only when used. */
  g_resources_register (glossa_get_resource ());
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  page = glossa_overview_page_new (corpus);
  gtk_window_present (GTK_WINDOW (page));
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  shown = (g_get_monotonic_time () - start) / 1e6;
  while (glossa_overview_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);
  first = (g_get_monotonic_time () - start) / 1e6;

  start = ticks.last = g_get_monotonic_time ();
  source = g_timeout_add (10, tick, &ticks);
  glossa_overview_page_refresh (page);
  while (glossa_overview_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);
  done = g_get_monotonic_time ();
  tick (&ticks);
  g_source_remove (source);
  g_printerr ("stall ended %.3f s after the start, the reading %.3f s\n", (ticks.at - start) / 1e6, (done - start) / 1e6);

  status = glossa_overview_page_get_chart_data (page, GLOSSA_CHART_STATUS);
  for (guint i = 0; i < status->categories->len; i++)
    total += glossa_chart_data_get (status, i, 0);
  g_print ("{\"documents\": %.0f, \"shown_seconds\": %.3f, \"first_seconds\": %.3f, \"seconds\": %.3f, \"max_stall_ms\": %.1f}\n",
           total, shown, first, (g_get_monotonic_time () - start) / 1e6, ticks.max_stall / 1e3);
  gtk_window_destroy (GTK_WINDOW (page));
  return 0;
}
