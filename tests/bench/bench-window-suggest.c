/* bench-window-suggest.c: suggestions for a 5 MB article in the window, and the window meanwhile
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Usage: bench-window-suggest QUOTES_FOLDER [MEGABYTES] [RUNS] [SAMPLE_ARTICLE]
 *
 * Issue 13, "Speed": suggestions for the 5 MB article ready within 1 s of
 * opening, without blocking the window. Builds one article of MEGABYTES
 * (5) from the quote test articles in QUOTES_FOLDER (whole copies, blank
 * lines between them), shows it in a window RUNS (5) times, and prints the
 * medians of: the time from the document given to the window to its first
 * suggestions drawn (the article's beginning is done first: those on
 * screen), to all of them drawn (the frame after the hand-over painted),
 * the worker's CPU time (its side threads' included), the main thread's
 * hand-over, and the whole process's CPU time. Meanwhile a 5 ms timeout on
 * the main loop records the longest gap between its runs: the window's
 * longest stall while the suggesters work. Then the same for
 * SAMPLE_ARTICLE. The window must show as many suggestions as
 * glossa_suggest_article() finds in the same text, so that a fast wrong
 * answer fails. Exits 1 when the median time until all are drawn exceeds
 * 1 s (the budget holds on a quiet machine: the machine's load is part of
 * the figure), 77 (skip) without a display. With GLOSSA_BENCH_ACCEPT_ALL
 * set, also times Shift+Return on a date (every date suggested accepted,
 * as one step), Tag All of a common word, and the undo of each: the
 * action, the next frame painted (against the time to open the article in
 * the same run), GTK's idle work after it, CPU and the longest stall.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "glossa-search.h"
#include "glossa-suggest.h"
#include "glossa-window-private.h"

#define BUDGET_MS 1000.0

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticker;

static char *
build_article (const char *folder,
               gsize       megabytes)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) copy = g_string_new ("date 2026-03-12\n\n");
  g_autoptr(GString) article = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (texts, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (texts, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (texts, i), &text, NULL, NULL));
      g_string_append (copy, g_strstrip (text));
      g_string_append (copy, "\n\n");
    }
  while (article->len < megabytes * 1000 * 1000)
    g_string_append_len (article, copy->str, copy->len);
  return g_string_free (g_steal_pointer (&article), FALSE);
}

static gboolean
tick (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
has_all_suggestions (GlossaWindow *window)
{
  return _glossa_window_suggest_get_elapsed_complete (window) > 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* CPU time in ms: the whole process's (every thread), or the calling
 * thread's.
 */
static double
cpu_ms (gboolean whole_process)
{
  struct timespec now;

  clock_gettime (whole_process ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the window has painted a frame: suggestions handed over are only
 * drawn then.
 */
static void
wait_painted (GlossaWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;

  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window->view));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* What one opening took, in ms. */
typedef struct
{
  double shown;      /* until the window showed the text */
  double first;      /* until the first suggestions (the beginning's) were drawn */
  double all;        /* until all of them were */
  double stall;      /* the main loop's longest gap after the text was shown */
  double queued;     /* until the worker ran */
  double found;      /* until the worker had found the beginning's */
  double worker;     /* until the worker had found all of them */
  double worker_cpu; /* the worker's CPU time, its side threads' included */
  double install;    /* the main thread's hand-over of all of them */
  double cpu;        /* the process's CPU time until all were drawn */
  double main_cpu;   /* the main thread's */
  guint  n;          /* how many were drawn */
} Run;

static void
run_once (GlossaWindow *window,
          GFile        *file,
          Run          *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);
  GlossaWindowSuggestTimings timings;
  Ticker ticker = { 0 };
  gint64 start, deadline, first;
  double cpu, main_cpu;
  guint source;

  g_assert_no_error (error);
  glossa_window_set_document (window, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cpu = cpu_ms (TRUE);
  main_cpu = cpu_ms (FALSE);
  start = g_get_monotonic_time ();
  glossa_window_set_document (window, document);
  ticker.last = g_get_monotonic_time ();
  run->shown = (ticker.last - start) / 1000.0;
  source = g_timeout_add_full (G_PRIORITY_HIGH, 5, tick, &ticker, NULL);
  deadline = start + 30 * G_USEC_PER_SEC;
  first = 0;
  while (!has_all_suggestions (window) && g_get_monotonic_time () < deadline)
    {
      GArray *drawn;

      g_main_context_iteration (NULL, TRUE);
      drawn = glossa_article_view_get_suggestions (window->view, NULL);
      if (first == 0 && drawn != NULL && drawn->len > 0)
        first = g_get_monotonic_time ();
    }
  wait_painted (window);
  run->all = (g_get_monotonic_time () - start) / 1000.0;
  run->cpu = cpu_ms (TRUE) - cpu;
  run->main_cpu = cpu_ms (FALSE) - main_cpu;
  g_source_remove (source);
  g_assert_true (has_all_suggestions (window));
  run->stall = ticker.longest / 1000.0;
  run->n = glossa_article_view_get_suggestions (window->view, NULL)->len;
  run->first = ((first ? first : g_get_monotonic_time ()) - start) / 1000.0;
  _glossa_window_suggest_get_timings (window, &timings);
  run->queued = timings.queued / 1000.0;
  run->found = timings.first_found / 1000.0;
  run->worker = timings.whole_found / 1000.0;
  run->worker_cpu = timings.worker_cpu / 1000.0;
  run->install = timings.install / 1000.0;
}

/* The median of field @offset of @runs. */
static double
median (const Run *runs,
        guint      n,
        gsize      offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &runs[i], offset);
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

#define MEDIAN(field) median (runs, n, G_STRUCT_OFFSET (Run, field))

/* Opens @file @n times; prints each run and the medians. Returns the
 * median time until all are drawn, or -1 when the window shows another
 * number of suggestions than the suggesters find.
 */
static double
measure (GlossaWindow *window,
         const char   *what,
         GFile        *file,
         guint         expected,
         guint         n)
{
  g_autofree Run *runs = g_new0 (Run, n);
  double worst_stall = 0;

  for (guint i = 0; i < n; i++)
    {
      Run *run = &runs[i];

      run_once (window, file, run);
      worst_stall = MAX (worst_stall, run->stall);
      printf ("# %s, run %u: first drawn %.0f ms, all %.0f ms (the worker ran after %.0f ms, found the "
              "beginning's by %.0f ms and all by %.0f ms, %.0f ms of CPU; hand-over %.1f ms); showing the text "
              "%.0f ms; longest stall after it %.0f ms; CPU %.0f ms (main thread %.0f ms)\n", what, i + 1,
              run->first, run->all, run->queued, run->found, run->worker, run->worker_cpu, run->install, run->shown, run->stall, run->cpu, run->main_cpu);
      if (run->n != expected)
        {
          printf ("not ok - the window shows %u suggestions, the suggesters find %u\n", run->n, expected);
          return -1;
        }
    }
  printf ("%s, %u suggestions (median of %u): first drawn %.0f ms, all drawn %.0f ms after opening "
          "(budget %.0f ms: %.2f of it); worker CPU %.0f ms; longest main-loop stall %.0f ms "
          "(median %.0f); process CPU %.0f ms\n", what, expected, n, MEDIAN (first), MEDIAN (all),
          BUDGET_MS, MEDIAN (all) / BUDGET_MS, MEDIAN (worker_cpu), worst_stall, MEDIAN (stall), MEDIAN (cpu));
  return MEDIAN (all);
}

/* Shift+Return on a date: every date suggested accepted in one step; the
 * ms it takes, with the window's own work for the spans (list, tags).
 */
static void
make_date_current (GlossaWindow *window)
{
  int current = -1;

  for (guint i = 0; i < 50; i++)
    {
      GArray *marks;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-suggestion", NULL);
      marks = glossa_article_view_get_suggestions (window->view, &current);
      if (current >= 0 && g_array_index (marks, GlossaArticleViewSuggestion, current).label == GLOSSA_LABEL_DATE)
        break;
    }
  g_assert_cmpint (current, >=, 0);
}

static double
accept_all_dates (GlossaWindow *window,
                  guint        *n_accepted,
                  double       *action_ms)
{
  GlossaDocument *document = glossa_window_get_document (window);
  gint64 start;

  make_date_current (window);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-label-suggestions", NULL);
  *action_ms = (g_get_monotonic_time () - start) / 1000.0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  *n_accepted = glossa_document_count_label (document, GLOSSA_LABEL_DATE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* What one bulk edit cost: wall and CPU time until the next frame was
 * painted, and the main loop's longest stall meanwhile (the edit itself
 * runs on the main loop, so it counts as one).
 */
typedef struct
{
  double painted;
  double wall;
  double action;
  double cpu;
  double stall;
} Step;

typedef void (*StepFunc) (GlossaWindow *window, gpointer data);

static void
timed_step (GlossaWindow *window,
            StepFunc      func,
            gpointer      data,
            Step         *step)
{
  Ticker ticker = { 0 };
  double cpu = cpu_ms (TRUE);
  gint64 start = g_get_monotonic_time ();
  guint source = g_timeout_add_full (G_PRIORITY_HIGH, 5, tick, &ticker, NULL);

  ticker.last = start;
  func (window, data);
  step->action = (g_get_monotonic_time () - start) / 1000.0;
  ticker.longest = MAX (ticker.longest, g_get_monotonic_time () - ticker.last);
  ticker.last = g_get_monotonic_time ();
  wait_painted (window);
  step->painted = (g_get_monotonic_time () - start) / 1000.0;
  /* GTK lays out the lines whose tags changed in idles of its own. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wait_painted (window);
  step->wall = (g_get_monotonic_time () - start) / 1000.0;
  step->cpu = cpu_ms (TRUE) - cpu;
  g_source_remove (source);
  step->stall = ticker.longest / 1000.0;
}

static void
press_accept_all (GlossaWindow *window,
                  gpointer      data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-label-suggestions", NULL);
}

static void
press_undo (GlossaWindow *window,
            gpointer      data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
}

/* What the search bar's Tag All does with its search. */
static void
tag_all_word (GlossaWindow *window,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) search = glossa_search_new (data, GLOSSA_SEARCH_WHOLE_WORD, &error);
  GlossaSearchTagCounts counts;

  g_assert_no_error (error);
  g_assert_true (glossa_search_tag_document (search, glossa_window_get_document (window), GLOSSA_LABEL_ACTOR,
                                             TRUE, &counts, NULL, &error));
  g_assert_no_error (error);
}

static void
print_step (const char *what,
            const Step *step,
            double      open_ms,
            guint       n_spans)
{
  double load[3] = { 0 };

  g_assert_cmpint (getloadavg (load, 3), >=, 1);
  printf ("# %s: the action %.0f ms, the next frame painted after %.0f ms (%.2fx opening the article, "
          "%.0f ms), all GTK's work done after %.0f ms, CPU %.0f ms, longest main-loop stall %.0f ms, "
          "%u spans after it, load %.2f\n",
          what, step->action, step->painted, step->painted / open_ms, open_ms, step->wall, step->cpu,
          step->stall, n_spans, load[0]);
}

/* Shift+Return on a date and Ctrl+Z, then Tag All of a common word and
 * Ctrl+Z, each timed until painted, against the time to open the article
 * in the same run.
 */
static void
measure_bulk (GlossaWindow *window,
              GFile        *file)
{
  GlossaDocument *document;
  Run run = { 0 };
  Step step;
  guint n_dates, before;
  double action_ms;

  glossa_window_set_document (window, NULL);
  run_once (window, file, &run);
  document = glossa_window_get_document (window);
  before = glossa_document_get_n_spans (document);
  /* Only to make the date suggestion current. */
  accept_all_dates (window, &n_dates, &action_ms);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_painted (window);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, before);

  make_date_current (window);
  timed_step (window, press_accept_all, NULL, &step);
  print_step ("Shift+Return on a date", &step, run.all, glossa_document_get_n_spans (document));
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_DATE), ==, n_dates);
  timed_step (window, press_undo, NULL, &step);
  print_step ("Ctrl+Z of it", &step, run.all, glossa_document_get_n_spans (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, before);

  timed_step (window, tag_all_word, (gpointer) "said", &step);
  print_step ("Tag All of “said”", &step, run.all, glossa_document_get_n_spans (document));
  timed_step (window, press_undo, NULL, &step);
  print_step ("Ctrl+Z of it", &step, run.all, glossa_document_get_n_spans (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, before);
}

/* As many as the window must show: what the suggesters find in @file's
 * text, dated as the window dates it.
 */
/* One more span (the article's first word, as an actor): the ms the
 * document's change takes with the window's handlers, the suggestions'
 * among them, once thousands are accepted.
 */
static double
tag_one (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_ACTOR, &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint
expected_count (GFile *file)
{
  GlossaSuggestOptions options = { 0 };
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, NULL);
  GlossaArticle *article = glossa_document_get_article (document);
  const char *text = glossa_article_get_text (article);
  gsize len = glossa_article_get_n_bytes (article);
  g_autofree char *dct = glossa_article_get_date (article) != NULL ? g_strdup (glossa_article_get_date (article))
                                                                   : glossa_article_find_date (text, len);
  g_autoptr(GPtrArray) out = glossa_suggest_article (text, len, dct, GLOSSA_SUGGEST_LANG_AUTO, names,
                                                     &options, NULL);

  g_assert_nonnull (out);
  return out->len;
}

/* Writes @text to @name in @dir; the file. */
static GFile *
write_article (const char *dir,
               const char *name,
               const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return g_file_new_for_path (path);
}

static void
remove_article (const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *base = g_strndup (name, strlen (name) - strlen (".txt"));
  g_autofree char *annotations = g_strdup_printf ("%s/%s.annotations.json", dir, base);

  g_unlink (path);
  g_unlink (annotations);
}

int
main (int    argc,
      char **argv)
{
  gsize megabytes = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 5;
  guint runs = argc > 3 ? MAX (g_ascii_strtoull (argv[3], NULL, 10), 1) : 5;
  const char *sample = argc > 4 ? argv[4] : NULL;
  g_autofree char *text = NULL;
  g_autofree char *sample_text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) sample_file = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;
  guint expected;
  double all, sample_all = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s QUOTES_FOLDER [MEGABYTES] [RUNS] [SAMPLE_ARTICLE]\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      printf ("# no display: skipped\n");
      return 77;
    }
  adw_init ();

  text = build_article (argv[1], megabytes);
  dir = g_dir_make_tmp ("glossa-bench-suggest-XXXXXX", &error);
  g_assert_no_error (error);
  file = write_article (dir, "big.txt", text);
  expected = expected_count (file);
  printf ("# a %zu-byte article, %u suggestions\n", strlen (text), expected);
  if (sample != NULL)
    {
      g_assert_true (g_file_get_contents (sample, &sample_text, NULL, &error));
      sample_file = write_article (dir, "sample.txt", sample_text);
    }

  window = g_object_new (GLOSSA_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  what = g_strdup_printf ("the %zu MB article", megabytes);
  all = measure (window, what, file, expected, runs);
  if (all >= 0 && sample_file != NULL)
    {
      g_autofree char *base = g_path_get_basename (sample);
      g_autofree char *sample_what = g_strdup_printf ("the sample article %s", base);

      sample_all = measure (window, sample_what, sample_file, expected_count (sample_file), runs);
    }

  if (all >= 0 && g_getenv ("GLOSSA_BENCH_ACCEPT_ALL") != NULL)
    measure_bulk (window, file);
  if (all >= 0 && g_getenv ("GLOSSA_BENCH_ACCEPT_ALL") != NULL)
    {
      guint n_accepted;
      double action_ms;
      double ms;

      glossa_window_set_document (window, NULL);
      run_once (window, file, &(Run) { 0 });
      ms = accept_all_dates (window, &n_accepted, &action_ms);
      printf ("# Shift+Return on a date: %u dates accepted in %.0f ms (the action %.0f ms, "
              "the window's work after it the rest)\n", n_accepted, ms, action_ms);
      printf ("# then one span tagged: %.1f ms until the window had taken the change\n",
              tag_one (window));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_article (dir, "big.txt");
  remove_article (dir, "sample.txt");
  g_rmdir (dir);
  return all >= 0 && sample_all >= 0 && all <= BUDGET_MS ? 0 : 1;
}
