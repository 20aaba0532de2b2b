/* bare-view.c: the floor for start-up benchmarks, a bare GtkSourceView window
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shows FILE in a GtkSourceView inside a GtkScrolledWindow, as plainly as
 * this stack allows, then prints "first-frame MS" and quits at the first
 * frame painted after mapping. The launcher (bench-window.py) measures the
 * wall time from spawn to that line, the same way as for Glossa. MS is the
 * time since main() was entered, for information only.
 */

#include <stdio.h>
#include <stdlib.h>

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

static gint64 start_time;
static gboolean done;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *window = user_data;

  if (done)
    return;
  done = TRUE;

  printf ("first-frame %.3f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
map_cb (GtkWidget *window,
        gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
destroy_cb (GtkWidget *window,
            gpointer   user_data)
{
  gboolean *running = user_data;

  *running = FALSE;
  g_main_context_wakeup (NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkSourceBuffer *buffer;
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *view;
  gboolean running = TRUE;
  gsize length;

  start_time = g_get_monotonic_time ();

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  gtk_init ();
  gtk_source_init ();

  if (!g_file_get_contents (argv[1], &text, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  buffer = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, length);

  view = gtk_source_view_new_with_buffer (buffer);
  g_object_unref (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (window, "destroy", G_CALLBACK (destroy_cb), &running);
  gtk_window_present (GTK_WINDOW (window));

  while (running)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
