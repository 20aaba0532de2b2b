/* bare-view.c: the floor for start-up benchmarks, a bare GtkSourceView window
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Usage: bare-view [--adw] FILE [N]
 *
 * Shows FILE in a GtkSourceView inside a GtkScrolledWindow, as plainly as
 * this stack allows, then prints "first-frame MS" and quits at the first
 * frame painted after mapping.
 *
 * With --adw, the window is the least libadwaita window showing the same
 * text, the floor issue 14 sets Glossa's start-up against: an
 * AdwApplication (not unique, as Glossa's) whose AdwApplicationWindow holds
 * an empty AdwHeaderBar above the same scrolled view, the icon themes read
 * in a thread as Glossa reads them. The launcher (bench-window.py)
 * measures the wall time from spawn to the "first-frame" line, the same way
 * as for Glossa. MS is the time since main() was entered, for information
 * only.
 *
 * With N, it then applies and removes a coloured tag on words on screen N
 * times, timed as bench-window times Glossa's changes: the floor for a
 * change that must be drawn.
 */

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

static gint64 start_time;
static gboolean done;

static struct {
  guint          n_ops;
  guint          op;
  GtkTextView   *view;
  GtkTextTag    *tag;
  GdkFrameClock *clock;
  gboolean       waiting;
  gint64         op_start;
  gint64         op_done;
  gint64         paint_start;
  GArray        *words;
} edit;

static void
collect_visible_words (void)
{
  GdkRectangle rect;
  GtkTextIter iter;
  GtkTextIter end;

  gtk_text_view_get_visible_rect (edit.view, &rect);
  gtk_text_view_get_iter_at_location (edit.view, &iter, rect.x, rect.y);
  gtk_text_view_get_iter_at_location (edit.view, &end, rect.x + rect.width, rect.y + rect.height - 1);
  while (gtk_text_iter_forward_word_end (&iter) && gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter word_start = iter;
      int pair[2];

      gtk_text_iter_backward_word_start (&word_start);
      pair[0] = gtk_text_iter_get_offset (&word_start);
      pair[1] = gtk_text_iter_get_offset (&iter);
      g_array_append_vals (edit.words, pair, 2);
    }
}

static gboolean
edit_step_cb (gpointer user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (edit.view);
  guint n_words = edit.words->len / 2;
  int *pair = &g_array_index (edit.words, int, 2 * ((edit.op / 2) % n_words));
  GtkTextIter a, b;

  edit.op_start = g_get_monotonic_time ();
  gtk_text_buffer_get_iter_at_offset (buffer, &a, pair[0]);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, pair[1]);
  if (edit.op % 2 == 0)
    gtk_text_buffer_apply_tag (buffer, edit.tag, &a, &b);
  else
    gtk_text_buffer_remove_tag (buffer, edit.tag, &a, &b);
  edit.op_done = g_get_monotonic_time ();
  edit.waiting = TRUE;
  gdk_frame_clock_request_phase (edit.clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  return G_SOURCE_REMOVE;
}

static void
edit_before_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  edit.paint_start = g_get_monotonic_time ();
}

static void
edit_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (!edit.waiting)
    return;

  edit.waiting = FALSE;
  /* As bench-window: kind, call, frame and latency in milliseconds. */
  printf ("op change %.3f %.3f %.3f\n", (edit.op_done - edit.op_start) / 1000.0,
          (now - edit.paint_start) / 1000.0, (now - edit.op_start) / 1000.0);
  if (++edit.op < edit.n_ops)
    {
      g_timeout_add (30, edit_step_cb, NULL);
      return;
    }

  fflush (stdout);
  exit (0);
}

static void
start_edits (GtkWidget *window)
{
  edit.clock = gtk_widget_get_frame_clock (window);
  edit.words = g_array_new (FALSE, FALSE, sizeof (int));
  edit.tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (edit.view), NULL,
                                         "background", "#f6d32d", NULL);
  collect_visible_words ();
  if (edit.words->len == 0)
    {
      fprintf (stderr, "no words on screen\n");
      exit (1);
    }
  g_signal_connect (edit.clock, "before-paint", G_CALLBACK (edit_before_paint_cb), NULL);
  g_signal_connect (edit.clock, "after-paint", G_CALLBACK (edit_after_paint_cb), NULL);
  g_timeout_add (200, edit_step_cb, NULL);
}

/* The main thread's time on a CPU and waiting for one, from the kernel's
 * schedstat, in milliseconds: on a busy machine the wall time to the first
 * frame is mostly waiting for a CPU, which these two tell apart.
 */
static void
print_main_thread_times (void)
{
  g_autofree char *contents = NULL;
  guint64 run_ns = 0, wait_ns = 0;

  if (g_file_get_contents ("/proc/thread-self/schedstat", &contents, NULL, NULL)
      && sscanf (contents, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &run_ns, &wait_ns) == 2)
    printf ("main-thread run %.3f wait %.3f\n", run_ns / 1e6, wait_ns / 1e6);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *window = user_data;

  if (done)
    return;
  done = TRUE;

  print_main_thread_times ();
  printf ("first-frame %.3f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  fflush (stdout);
  if (edit.n_ops > 0)
    start_edits (window);
  else
    /* At once, as bench-window does: the launcher counts the CPU time of
     * the whole run, and tearing down is not starting up.
     */
    exit (0);
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

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "window-close-symbolic");
  g_task_return_boolean (task, TRUE);
}

static GtkWidget *
adw_window_with (GtkApplication *app,
                 GtkWidget      *scrolled)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return window;
}

static GtkWidget *
scrolled_view (const char *text,
               gsize       length)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);
  GtkWidget *view;
  GtkWidget *scrolled;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, length);
  view = gtk_source_view_new_with_buffer (buffer);
  edit.view = GTK_TEXT_VIEW (view);
  g_object_unref (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

static void
show_window (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct {
  const char *text;
  gsize       length;
} Article;

static void
adw_startup_cb (GApplication *app,
                gpointer      user_data)
{
  g_autoptr(GTask) task = g_task_new (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      NULL, NULL, NULL);

  g_task_run_in_thread (task, read_icon_theme_thread);
  gtk_source_init ();
}

static void
adw_activate_cb (GApplication *app,
                 gpointer      user_data)
{
  Article *article = user_data;

  show_window (adw_window_with (GTK_APPLICATION (app), scrolled_view (article->text, article->length)));
}

/* The libadwaita floor runs as an application, as Glossa does: an
 * AdwApplicationWindow needs one.
 */
static int
run_adw (const char *text,
         gsize       length)
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.example.BareView",
                                                       G_APPLICATION_NON_UNIQUE);
  Article article = { text, length };

  g_signal_connect (app, "startup", G_CALLBACK (adw_startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (adw_activate_cb), &article);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window;
  gboolean running = TRUE;
  gboolean adw = FALSE;
  gsize length;

  start_time = g_get_monotonic_time ();

  if (argc > 1 && g_str_equal (argv[1], "--adw"))
    {
      adw = TRUE;
      argc--;
      argv++;
    }
  if (argc != 2 && argc != 3)
    {
      fprintf (stderr, "usage: %s [--adw] FILE [N]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    edit.n_ops = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  if (!g_file_get_contents (argv[1], &text, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (adw)
    return run_adw (text, length);

  gtk_init ();
  gtk_source_init ();
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), scrolled_view (text, length));
  g_signal_connect (window, "destroy", G_CALLBACK (destroy_cb), &running);
  show_window (window);

  while (running)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
