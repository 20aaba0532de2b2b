/* test-chart.c: the overview's charts draw the figures they are given, and render valid PNG and SVG
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-chart.h"

static void
add_label (GlossaOverview *overview,
           const char     *name,
           guint           spans)
{
  GlossaOverviewLabel *label = g_new0 (GlossaOverviewLabel, 1);

  label->name = g_strdup (name);
  label->spans = spans;
  label->f1_exact = label->f1_overlap = label->kappa = NAN;
  g_ptr_array_add (overview->labels, label);
}

static void
free_label (gpointer data)
{
  GlossaOverviewLabel *label = data;

  g_free (label->name);
  g_free (label);
}

static void
free_day (gpointer data)
{
  GlossaOverviewDay *day = data;

  g_free (day->day);
  g_free (day);
}

static void
add_day (GlossaOverview *overview,
         const char     *name,
         guint           spans,
         guint           done)
{
  GlossaOverviewDay *day = g_new0 (GlossaOverviewDay, 1);

  day->day = g_strdup (name);
  day->spans_created = spans;
  day->documents_done = done;
  g_ptr_array_add (overview->days, day);
}

/* An overview as glossa_overview_compute() would give it, with a label
 * that is not one of the defaults (labels are data).
 */
static GlossaOverview *
make_overview (void)
{
  GlossaOverview *overview = g_new0 (GlossaOverview, 1);

  overview->labels = g_ptr_array_new_with_free_func (free_label);
  overview->days = g_ptr_array_new_with_free_func (free_day);
  overview->problems = g_ptr_array_new_with_free_func (g_free);
  overview->todo = 7;
  overview->in_progress = 3;
  overview->done = 12;
  overview->unreadable = 1;
  overview->documents = 23;
  add_label (overview, "actor", 40);
  add_label (overview, "quote", 0);
  add_label (overview, "source", 5);
  add_day (overview, "2026-02-27", 10, 1);
  add_day (overview, "2026-03-02", 5, 2);
  overview->f1_exact = overview->f1_overlap = overview->kappa = NAN;
  return overview;
}

static guint
draw_count (GlossaChartData *data,
            double           width,
            double           height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  GlossaChartStyle style;
  guint drawn;

  glossa_chart_style_init (&style, FALSE);
  drawn = glossa_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  glossa_chart_style_clear (&style);
  return drawn;
}

static void
test_status (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_STATUS);

  g_assert_cmpuint (data->categories->len, ==, 4);
  g_assert_cmpfloat (glossa_chart_data_get (data, 0, 0), ==, 7);
  g_assert_cmpfloat (glossa_chart_data_get (data, 1, 0), ==, 3);
  g_assert_cmpfloat (glossa_chart_data_get (data, 2, 0), ==, 12);
  g_assert_cmpfloat (glossa_chart_data_get (data, 3, 0), ==, 1);
  g_assert_cmpuint (draw_count (data, 700, 400), ==, 4);
  /* Too small to hold a plot: nothing drawn, no crash. */
  g_assert_cmpuint (draw_count (data, 30, 30), ==, 0);
}

static void
test_labels (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_LABELS);

  g_assert_cmpuint (data->categories->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (data->categories, 2), ==, "source");
  g_assert_cmpfloat (glossa_chart_data_get (data, 2, 0), ==, 5);
  /* A zero is a bar too: its "0" is written. */
  g_assert_cmpuint (draw_count (data, 1400, 500), ==, 3);
}

/* Cumulative, from 0 the day before the first, every day filled in. */
static void
test_progress (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_PROGRESS);
  const double spans[] = { 0, 10, 10, 10, 15 };
  const double done[] = { 0, 1, 1, 1, 3 };

  g_assert_cmpuint (data->categories->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (data->categories, 0), ==, "2026-02-26");
  g_assert_cmpstr (g_ptr_array_index (data->categories, 2), ==, "2026-02-28");
  g_assert_cmpstr (g_ptr_array_index (data->categories, 4), ==, "2026-03-02");
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (glossa_chart_data_get (data, i, 0), ==, spans[i]);
      g_assert_cmpfloat (glossa_chart_data_get (data, i, 1), ==, done[i]);
    }
  g_assert_cmpuint (draw_count (data, 700, 400), ==, 10);
}

/* Far-apart days are not filled in day by day. */
static void
test_progress_long (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = NULL;

  g_ptr_array_set_size (overview->days, 0);
  add_day (overview, "1970-01-01", 1, 0);
  add_day (overview, "2026-03-02", 2, 0);
  data = glossa_chart_data_new (overview, GLOSSA_CHART_PROGRESS);
  g_assert_cmpuint (data->categories->len, ==, 2);
  g_assert_cmpfloat (glossa_chart_data_get (data, 1, 0), ==, 3);
}

static void
test_agreement (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_AGREEMENT);
  GlossaOverviewLabel *actor;

  /* Not compared: nothing to draw, and the note says what to do. */
  g_assert_cmpuint (data->categories->len, ==, 0);
  g_assert_nonnull (data->note);
  g_assert_cmpuint (draw_count (data, 700, 400), ==, 0);
  glossa_chart_data_free (g_steal_pointer (&data));

  overview->compared = TRUE;
  overview->compared_documents = 4;
  overview->f1_exact = 0.5;
  actor = g_ptr_array_index (overview->labels, 0);
  actor->f1_exact = 0.75;
  actor->f1_overlap = 0.8;
  actor->kappa = -0.1;
  data = glossa_chart_data_new (overview, GLOSSA_CHART_AGREEMENT);
  g_assert_cmpuint (data->categories->len, ==, 4);  /* three labels and overall */
  g_assert_cmpfloat (glossa_chart_data_get (data, 0, 0), ==, 0.75);
  g_assert_cmpfloat (glossa_chart_data_get (data, 0, 2), ==, -0.1);
  g_assert_true (isnan (glossa_chart_data_get (data, 1, 0)));
  g_assert_cmpfloat (glossa_chart_data_get (data, 3, 0), ==, 0.5);
  /* Bars for the figures that exist: actor's three and overall's F1 exact. */
  g_assert_cmpuint (draw_count (data, 700, 400), ==, 4);
}

static void
test_render (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_LABELS);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  GlossaChartStyle style;
  const char *text;
  gsize len;

  glossa_chart_style_init (&style, TRUE);
  png = glossa_chart_render (data, &style, GLOSSA_CHART_PNG, 640, 360, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  svg = glossa_chart_render (data, &style, GLOSSA_CHART_SVG, 640, 360, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, &len);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (g_strstr_len (text, len, "width=\"640\""));
  g_assert_nonnull (g_strstr_len (text, len, "</svg>"));
  glossa_chart_style_clear (&style);
}

/* Saving replaces the file atomically (a link to it is not broken and
 * nothing is left beside it) and refuses a FIFO.
 */
static void
test_save (void)
{
  g_autoptr(GlossaOverview) overview = make_overview ();
  g_autoptr(GlossaChartData) data = glossa_chart_data_new (overview, GLOSSA_CHART_STATUS);
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDir) listing = NULL;
  GlossaChartStyle style;
  guint n = 0;

  glossa_chart_style_init (&style, FALSE);
  ct_write_file (path, "old", -1);
  g_assert_true (glossa_chart_save (data, &style, GLOSSA_CHART_PNG, 400, 300, file, &error));
  g_assert_no_error (error);
  bytes = ct_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (glossa_chart_save (data, &style, GLOSSA_CHART_SVG, 400, 300, fifo_file, &error));
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "fifo.svg");

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);
  glossa_chart_style_clear (&style);
  ct_remove_tree (dir);
}

static void
test_names (void)
{
  GlossaChartKind kind;
  GlossaChartFormat format;

  g_assert_true (glossa_chart_kind_from_string ("progress", &kind));
  g_assert_cmpint (kind, ==, GLOSSA_CHART_PROGRESS);
  g_assert_false (glossa_chart_kind_from_string ("pie", &kind));
  g_assert_true (glossa_chart_format_for_path ("a/b.SVG", &format));
  g_assert_cmpint (format, ==, GLOSSA_CHART_SVG);
  g_assert_false (glossa_chart_format_for_path ("b.jpg", &format));
  g_assert_false (glossa_chart_format_for_path ("png", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chart/status", test_status);
  g_test_add_func ("/core/chart/labels", test_labels);
  g_test_add_func ("/core/chart/progress", test_progress);
  g_test_add_func ("/core/chart/progress-long", test_progress_long);
  g_test_add_func ("/core/chart/agreement", test_agreement);
  g_test_add_func ("/core/chart/render", test_render);
  g_test_add_func ("/core/chart/save", test_save);
  g_test_add_func ("/core/chart/names", test_names);

  return g_test_run ();
}
