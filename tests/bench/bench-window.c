/* bench-window.c: time Glossa's window: first frame, tagging and deleting spans
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real GlossaApplication, the way main.c does, on FILE:
 *
 *   bench-window startup FILE   prints "text-frame MS" at the first frame
 *                               painted with the article's text in the view
 *                               and "first-frame MS" at the first one with
 *                               the document shown (if it has spans, the
 *                               first span's tag applied too), then quits;
 *   bench-window edit FILE N    then makes N changes: tags words in the
 *                               visible part of the article and deletes
 *                               each new span again, timing each from the
 *                               action to the end of the frame that shows
 *                               it; between changes, a plain GtkTextTag
 *                               applied or removed gives this window's
 *                               floor (see op_kind()).
 *                               One line a change: "op KIND CALL FRAME
 *                               LATENCY" in milliseconds.
 *
 * A change goes through the window's actions, as a key press does: a word
 * is selected in the view's buffer and shown in a frame of its own, untimed
 * (the keys that select come before the label key), then "win.tag" is
 * activated on the view with the label, timed; then the new span is deleted
 * with "win.delete-span".
 * If the window has no such actions, the document API is used instead and
 * the output says so ("path document").
 *
 * The launcher (bench-window.py) measures start-up as the wall time from
 * spawning this program to its "text-frame" and "first-frame" lines, and
 * bare-view's to its "first-frame" line.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <gtksourceview/gtksource.h>

#include "glossa-application.h"
#include "glossa-document.h"
#include "glossa-window.h"

typedef enum {
  MODE_STARTUP,
  MODE_EDIT,
} Mode;

typedef struct {
  Mode             mode;
  guint            n_ops;
  gint64           start_time;
  GlossaApplication *app;
  GlossaWindow    *window;
  GtkSourceView   *view;
  GdkFrameClock   *clock;
  gboolean         shown;
  gboolean         text_shown;
  guint            frames;
  gboolean         use_actions;

  /* Edit mode: words (start, end offsets) visible on screen, the op in
   * flight and the timings, in milliseconds.
   */
  GArray          *words;
  guint            next_word;
  guint            op;
  gint64           op_start;
  gint64           op_done;
  gboolean         waiting;
  gboolean         selected;
  gboolean         selecting;
  guint            skipped;
  guint            watchdog;
  gint64           paint_start;
  GlossaSpan      *added;
  GtkTextTag      *floor_tag;
} Bench;

static Bench bench;

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static GtkSourceView *
find_view (GtkWidget *widget,
           gint64     length)
{
  if (GTK_SOURCE_IS_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      if (gtk_text_buffer_get_char_count (buffer) == length)
        return GTK_SOURCE_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSourceView *view = find_view (child, length);

      if (view != NULL)
        return view;
    }

  return NULL;
}

/* The text is shown when the view holds the article's text; the document
 * is shown when, besides, the first span (at the top, so on screen) is
 * drawn.
 */
static gboolean
text_shown (void)
{
  GlossaDocument *document = glossa_window_get_document (bench.window);

  return document != NULL
         && find_view (GTK_WIDGET (bench.window),
                       glossa_article_get_length (glossa_document_get_article (document))) != NULL;
}

static gboolean
document_shown (void)
{
  GlossaDocument *document = glossa_window_get_document (bench.window);
  GlossaArticle *article;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  if (document == NULL)
    return FALSE;

  article = glossa_document_get_article (document);
  bench.view = find_view (GTK_WIDGET (bench.window), glossa_article_get_length (article));
  if (bench.view == NULL)
    return FALSE;
  if (glossa_document_get_n_spans (document) == 0)
    return TRUE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, glossa_document_get_span (document, 0)->start);
  tags = gtk_text_iter_get_tags (&iter);
  return tags != NULL;
}

static void
finish (void)
{
  if (bench.mode == MODE_EDIT)
    printf ("path %s\n", bench.use_actions ? "actions" : "document");
  printf ("peak-rss-kb %ld\n", peak_rss_kb ());
  fflush (stdout);
  exit (0);
}

/* Words wholly inside the visible part of the view, as offset pairs. */
static void
collect_visible_words (void)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (bench.view);
  GdkRectangle rect;
  GtkTextIter iter;
  GtkTextIter end;

  gtk_text_view_get_visible_rect (text_view, &rect);
  gtk_text_view_get_iter_at_location (text_view, &iter, rect.x, rect.y);
  gtk_text_view_get_iter_at_location (text_view, &end, rect.x + rect.width, rect.y + rect.height - 1);

  while (gtk_text_iter_forward_word_end (&iter) && gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter word_start = iter;
      int pair[2];

      gtk_text_iter_backward_word_start (&word_start);
      pair[0] = gtk_text_iter_get_offset (&word_start);
      pair[1] = gtk_text_iter_get_offset (&iter);
      g_array_append_vals (bench.words, pair, 2);
    }
}

/* The label tagged with: claim, or GLOSSA_BENCH_LABEL's (a benchmark under
 * a corpus schema of its own names one of its labels).
 */
static GlossaLabel
tag_label (void)
{
  const char *name = g_getenv ("GLOSSA_BENCH_LABEL");

  return name != NULL ? g_quark_from_string (name) : GLOSSA_LABEL_CLAIM;
}

static gboolean
tag_word (int start,
          int end)
{
  GlossaDocument *document = glossa_window_get_document (bench.window);

  if (bench.use_actions)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.view));
      guint before = glossa_document_get_n_spans (document);
      const char *id;
      GlossaSpan *span;
      GtkTextIter a, b;

      /* The selection was made in a step of its own (see step_cb()), as
       * the keys or the mouse that make it come before the label key.
       */
      gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      if (gtk_text_iter_get_offset (&a) != start || gtk_text_iter_get_offset (&b) != end)
        return FALSE;
      if (!gtk_widget_activate_action (GTK_WIDGET (bench.view), "win.tag", "s", glossa_label_to_string (tag_label ())))
        {
          bench.use_actions = FALSE;
          return tag_word (start, end);
        }
      bench.op_done = g_get_monotonic_time ();
      if (glossa_document_get_n_spans (document) == before)
        return FALSE;
      /* The window selects the span it made. */
      g_clear_pointer (&bench.added, glossa_span_unref);
      id = glossa_window_get_selected_span (bench.window);
      span = id != NULL ? glossa_document_lookup_span (document, id) : NULL;
      if (span != NULL && span->start == start && span->end == end && span->label == tag_label ())
        bench.added = glossa_span_ref (span);
      return bench.added != NULL;
    }
  else
    {
      g_autoptr(GError) error = NULL;
      GlossaSpan *span = glossa_document_add_span (document, start, end, tag_label (), &error);

      bench.op_done = g_get_monotonic_time ();
      g_clear_pointer (&bench.added, glossa_span_unref);
      if (span != NULL)
        bench.added = glossa_span_ref (span);
      return span != NULL;
    }
}

static gboolean
delete_added (void)
{
  GlossaDocument *document = glossa_window_get_document (bench.window);
  g_autoptr(GlossaSpan) span = g_steal_pointer (&bench.added);
  gboolean ok;

  if (span == NULL)
    return FALSE;

  if (bench.use_actions)
    {
      guint before = glossa_document_get_n_spans (document);

      /* Tagging left the new span selected, as after a key press. */
      if (gtk_widget_activate_action (GTK_WIDGET (bench.view), "win.delete-span", NULL))
        {
          bench.op_done = g_get_monotonic_time ();
          return glossa_document_get_n_spans (document) < before;
        }
      bench.use_actions = FALSE;
    }

  ok = glossa_document_remove_span (document, span->id, NULL);
  bench.op_done = g_get_monotonic_time ();
  return ok;
}

static void
toggle_floor_tag (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.view));
  guint n_words = bench.words->len / 2;
  int *pair = &g_array_index (bench.words, int, 2 * ((bench.op / 4) % n_words));
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, pair[0]);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, pair[1]);
  if (bench.op % 4 == 1)
    gtk_text_buffer_apply_tag (buffer, bench.floor_tag, &a, &b);
  else
    gtk_text_buffer_remove_tag (buffer, bench.floor_tag, &a, &b);
}

static gboolean step_cb (gpointer user_data);

/* Before a tag, the next word is selected in the view's buffer, and a frame
 * shows the selection, untimed: the timed change is the label key alone.
 */
static void
select_next_word (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.view));
  int *pair = &g_array_index (bench.words, int, 2 * (bench.next_word++ % (bench.words->len / 2)));
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, pair[0]);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, pair[1]);
  gtk_text_buffer_select_range (buffer, &a, &b);
  bench.selected = TRUE;
  bench.selecting = TRUE;
  gdk_frame_clock_request_phase (bench.clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  bench.watchdog = 0;
  g_printerr ("no frame within a second of change %u\n", bench.op);
  exit (1);
}

/* Changes alternate with floor changes: tag, floor, delete, floor. A floor
 * change applies or removes a plain GtkTextTag on a word on screen, as the
 * bare window does, without Glossa knowing: what it costs, in this window
 * and in the same conditions as the changes, is not Glossa's doing.
 */
static const char *
op_kind (guint op)
{
  static const char *kinds[] = { "tag", "floor", "delete", "floor" };

  return kinds[op % 4];
}

static gboolean
step_cb (gpointer user_data)
{
  const char *kind = op_kind (bench.op);
  gboolean ok = TRUE;

  if (bench.op >= 2 * bench.n_ops)
    finish ();

  if (g_str_equal (kind, "tag") && !bench.selected)
    {
      select_next_word ();
      return G_SOURCE_REMOVE;
    }

  bench.op_start = g_get_monotonic_time ();
  if (g_str_equal (kind, "tag"))
    {
      int *pair = &g_array_index (bench.words, int, 2 * ((bench.next_word - 1) % (bench.words->len / 2)));

      bench.selected = FALSE;
      if (!tag_word (pair[0], pair[1]))
        {
          /* The word already carries a claim: select the next one. */
          if (++bench.skipped > bench.words->len / 2)
            {
              g_printerr ("no word on screen can be tagged\n");
              exit (1);
            }
          g_timeout_add (30, step_cb, NULL);
          return G_SOURCE_REMOVE;
        }
      bench.skipped = 0;
    }
  else if (g_str_equal (kind, "delete"))
    ok = delete_added ();
  else
    {
      toggle_floor_tag ();
      bench.op_done = g_get_monotonic_time ();
    }

  if (!ok)
    {
      g_printerr ("change %u (%s) did nothing\n", bench.op, kind);
      exit (1);
    }

  bench.waiting = TRUE;
  bench.watchdog = g_timeout_add (1000, watchdog_cb, NULL);
  gdk_frame_clock_request_phase (bench.clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  return G_SOURCE_REMOVE;
}

static void
start_edits (void)
{
  /* Until the window turns out not to have them. */
  bench.use_actions = TRUE;
  bench.words = g_array_new (FALSE, FALSE, sizeof (int));
  bench.floor_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.view)),
                                                NULL, "background", "#f6d32d", NULL);
  collect_visible_words ();
  if (bench.words->len == 0)
    {
      g_printerr ("no words on screen\n");
      exit (1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (bench.view));
  g_timeout_add (200, step_cb, NULL);
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
  if (!bench.shown)
    {
      bench.frames++;
      if (!bench.text_shown && text_shown ())
        {
          bench.text_shown = TRUE;
          printf ("text-frame %.3f\n", ms_since (bench.start_time));
          fflush (stdout);
        }
      if (!document_shown ())
        return;

      bench.shown = TRUE;
      print_main_thread_times ();
      printf ("first-frame %.3f after %u frames\n", ms_since (bench.start_time), bench.frames);
      fflush (stdout);
      if (bench.mode == MODE_STARTUP)
        finish ();
      start_edits ();
      return;
    }

  if (bench.selecting)
    {
      bench.selecting = FALSE;
      g_timeout_add (30, step_cb, NULL);
      return;
    }

  if (!bench.waiting)
    return;

  bench.waiting = FALSE;
  g_clear_handle_id (&bench.watchdog, g_source_remove);
  /* One line a change: kind, the action's own time, the frame's time
   * (before-paint to after-paint) and the latency to the end of that frame.
   */
  printf ("op %s %.3f %.3f %.3f\n", op_kind (bench.op),
          (bench.op_done - bench.op_start) / 1000.0,
          ms_since (bench.paint_start), ms_since (bench.op_start));
  bench.op++;
  /* A pause, so that each change starts a frame of its own. */
  g_timeout_add (30, step_cb, NULL);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  bench.paint_start = g_get_monotonic_time ();
}

static void
window_map_cb (GtkWidget *widget,
               gpointer   user_data)
{
  if (bench.clock != NULL)
    return;

  bench.window = GLOSSA_WINDOW (widget);
  bench.clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  if (GLOSSA_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (window_map_cb), NULL);
}

int
main (int    argc,
      char **argv)
{
  char *app_argv[3];

  bench.start_time = g_get_monotonic_time ();

  if (argc < 3 || (g_strcmp0 (argv[1], "startup") != 0 && g_strcmp0 (argv[1], "edit") != 0))
    {
      fprintf (stderr, "usage: %s startup FILE | edit FILE [N]\n", argv[0]);
      return 2;
    }

  bench.mode = g_strcmp0 (argv[1], "edit") == 0 ? MODE_EDIT : MODE_STARTUP;
  bench.n_ops = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 200;

  bench.app = glossa_application_new ();
  g_signal_connect (bench.app, "window-added", G_CALLBACK (window_added_cb), NULL);

  app_argv[0] = argv[0];
  app_argv[1] = argv[2];
  app_argv[2] = NULL;
  return g_application_run (G_APPLICATION (bench.app), 2, app_argv);
}
