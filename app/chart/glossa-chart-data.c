/* glossa-chart-data.c: the figures each overview chart draws, taken from a GlossaOverview
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "glossa-chart.h"
#include "glossa-json.h"
#include "glossa-types.h"

/* A line over every day from the first to the last keeps the x axis in
 * proportion to time; beyond this many days (a stray time in 1970) only
 * the days something happened on are drawn, evenly spaced.
 */
#define MAX_FILLED_DAYS 731

static const char * const kind_names[] = { "status", "labels", "progress", "agreement" };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == GLOSSA_CHART_N_KINDS);

const char *
glossa_chart_kind_to_string (GlossaChartKind kind)
{
  g_return_val_if_fail ((guint) kind < GLOSSA_CHART_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
glossa_chart_kind_from_string (const char      *str,
                               GlossaChartKind *kind)
{
  int value;

  if (!glossa_lookup_name (kind_names, GLOSSA_CHART_N_KINDS, str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

gboolean
glossa_chart_format_for_path (const char        *path,
                              GlossaChartFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = GLOSSA_CHART_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = GLOSSA_CHART_SVG;
  else
    return FALSE;
  return TRUE;
}

void
glossa_chart_data_free (GlossaChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->note);
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->categories);
  g_array_unref (data->values);
  g_free (data);
}

double
glossa_chart_data_get (const GlossaChartData *data,
                       guint                  category,
                       guint                  series)
{
  g_return_val_if_fail (category < data->categories->len, NAN);
  g_return_val_if_fail (series < data->series->len, NAN);

  return g_array_index (data->values, double, category * data->series->len + series);
}

static GlossaChartData *
data_new (GlossaChartKind  kind,
          const char      *title)
{
  GlossaChartData *data = g_new0 (GlossaChartData, 1);

  data->kind = kind;
  data->title = g_strdup (title);
  data->series = g_ptr_array_new_with_free_func (g_free);
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->values = g_array_new (FALSE, FALSE, sizeof (double));
  return data;
}

/* Adds a category with its values, one per series (as many as there are). */
static void
data_add (GlossaChartData *data,
          const char      *category,
          const double    *values)
{
  g_ptr_array_add (data->categories, g_strdup (category));
  g_array_append_vals (data->values, values, data->series->len);
}

static void
build_status (GlossaChartData *data,
              GlossaOverview  *overview)
{
  const struct { const char *name; guint count; } rows[] = {
    { C_("status", "To do"), overview->todo },
    { C_("status", "In progress"), overview->in_progress },
    { C_("status", "Done"), overview->done },
    { C_("status", "Cannot be read"), overview->unreadable },
  };

  g_ptr_array_add (data->series, g_strdup (_("Documents")));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double value = rows[i].count;

      data_add (data, rows[i].name, &value);
    }
}

static void
build_labels (GlossaChartData *data,
              GlossaOverview  *overview)
{
  g_ptr_array_add (data->series, g_strdup (_("Spans")));
  for (guint i = 0; i < overview->labels->len; i++)
    {
      GlossaOverviewLabel *label = g_ptr_array_index (overview->labels, i);
      double value = label->spans;

      data_add (data, label->name, &value);
    }
}

static GDate *
parse_day (const char *day)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, day);
  return date;
}

/* The days to draw: every day from the one before the first (where the
 * lines start at 0) to the last, or (over a longer time) only those in
 * @days.
 */
static GPtrArray *
progress_days (GPtrArray *days)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);
  GDate *first;
  GDate *last;
  int span;

  if (days->len == 0)
    return all;
  first = parse_day (((GlossaOverviewDay *) g_ptr_array_index (days, 0))->day);
  last = parse_day (((GlossaOverviewDay *) g_ptr_array_index (days, days->len - 1))->day);
  span = g_date_valid (first) && g_date_valid (last) ? g_date_days_between (first, last) : -1;
  if (span >= 0 && span < MAX_FILLED_DAYS && g_date_get_julian (first) > 1)
    {
      g_date_subtract_days (first, 1);
      span++;
      for (int i = 0; i <= span; i++, g_date_add_days (first, 1))
        {
          char buffer[16];

          g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", first);
          g_ptr_array_add (all, g_strdup (buffer));
        }
    }
  else
    {
      for (guint i = 0; i < days->len; i++)
        g_ptr_array_add (all, g_strdup (((GlossaOverviewDay *) g_ptr_array_index (days, i))->day));
    }
  g_date_free (first);
  g_date_free (last);
  return all;
}

static void
build_progress (GlossaChartData *data,
                GlossaOverview  *overview)
{
  g_autoptr(GPtrArray) all = progress_days (overview->days);
  double totals[2] = { 0, 0 };
  guint next = 0;

  g_ptr_array_add (data->series, g_strdup (_("Spans created")));
  g_ptr_array_add (data->series, g_strdup (_("Documents done")));
  for (guint i = 0; i < all->len; i++)
    {
      const char *day = g_ptr_array_index (all, i);

      if (next < overview->days->len)
        {
          GlossaOverviewDay *event = g_ptr_array_index (overview->days, next);

          if (strcmp (event->day, day) == 0)
            {
              totals[0] += event->spans_created;
              totals[1] += event->documents_done;
              next++;
            }
        }
      data_add (data, day, totals);
    }
  if (overview->spans_undated > 0 || overview->done_undated > 0)
    data->note = g_strdup_printf (_("Not shown: %u spans without a creation time, "
                                    "%u done documents without span times"),
                                  overview->spans_undated, overview->done_undated);
}

static void
add_agreement_row (GlossaChartData *data,
                   const char      *name,
                   double           f1_exact,
                   double           f1_overlap,
                   double           kappa)
{
  const double values[] = { f1_exact, f1_overlap, kappa };

  data_add (data, name, values);
}

static void
build_agreement (GlossaChartData *data,
                 GlossaOverview  *overview)
{
  data->fraction = TRUE;
  g_ptr_array_add (data->series, g_strdup (_("F1 exact")));
  g_ptr_array_add (data->series, g_strdup (_("F1 overlap")));
  g_ptr_array_add (data->series, g_strdup (_("Kappa")));
  if (!overview->compared)
    {
      data->note = g_strdup (_("Choose a second annotator’s folder to compare"));
      return;
    }
  for (guint i = 0; i < overview->labels->len; i++)
    {
      GlossaOverviewLabel *label = g_ptr_array_index (overview->labels, i);

      add_agreement_row (data, label->name, label->f1_exact, label->f1_overlap, label->kappa);
    }
  add_agreement_row (data, _("Overall"), overview->f1_exact, overview->f1_overlap, overview->kappa);
  data->note = g_strdup_printf (ngettext ("Over %u document in both", "Over %u documents in both",
                                          overview->compared_documents),
                                overview->compared_documents);
}

GlossaChartData *
glossa_chart_data_new (GlossaOverview  *overview,
                       GlossaChartKind  kind)
{
  const char *titles[] = {
    N_("Documents by Status"),
    N_("Spans per Label"),
    N_("Progress over Time"),
    N_("Agreement per Label"),
  };
  GlossaChartData *data;

  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail ((guint) kind < GLOSSA_CHART_N_KINDS, NULL);

  data = data_new (kind, _(titles[kind]));
  if (kind == GLOSSA_CHART_STATUS)
    build_status (data, overview);
  else if (kind == GLOSSA_CHART_LABELS)
    build_labels (data, overview);
  else if (kind == GLOSSA_CHART_PROGRESS)
    build_progress (data, overview);
  else
    build_agreement (data, overview);
  return data;
}

static void
add_value (JsonBuilder *builder,
           double       value,
           gboolean     fraction)
{
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (fraction)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_int_value (builder, (gint64) value);
}

/* {"chart": KIND, "title", "note", "series": [NAME…], "categories":
 * [{"name", "values": [one per series]}…]}
 */
char *
glossa_chart_data_to_json (const GlossaChartData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chart");
  json_builder_add_string_value (builder, glossa_chart_kind_to_string (data->kind));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, data->title);
  json_builder_set_member_name (builder, "note");
  if (data->note != NULL)
    json_builder_add_string_value (builder, data->note);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint s = 0; s < data->series->len; s++)
    json_builder_add_string_value (builder, g_ptr_array_index (data->series, s));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint c = 0; c < data->categories->len; c++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, g_ptr_array_index (data->categories, c));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint s = 0; s < data->series->len; s++)
        add_value (builder, glossa_chart_data_get (data, c, s), data->fraction);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  glossa_json_write (out, root, 2);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static void
describe_category (GString               *out,
                   const GlossaChartData *data,
                   guint                  category)
{
  for (guint s = 0; s < data->series->len; s++)
    {
      double value = glossa_chart_data_get (data, category, s);
      g_autofree char *text = isnan (value) ? g_strdup ("–")
                              : data->fraction ? g_strdup_printf ("%.2f", value)
                              : g_strdup_printf ("%.0f", value);

      if (s > 0)
        g_string_append (out, ", ");
      if (data->series->len > 1)
        g_string_append_printf (out, "%s %s", (const char *) g_ptr_array_index (data->series, s), text);
      else
        g_string_append (out, text);
    }
}

char *
glossa_chart_data_describe (const GlossaChartData *data)
{
  GString *out = g_string_new (data->title);
  guint first = 0;

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append (out, ": ");
  if (data->categories->len == 0)
    g_string_append (out, _("nothing to show yet"));
  if (data->kind == GLOSSA_CHART_PROGRESS && data->categories->len > 0)
    first = data->categories->len - 1;
  for (guint c = first; c < data->categories->len; c++)
    {
      if (c > first)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: ", (const char *) g_ptr_array_index (data->categories, c));
      describe_category (out, data, c);
    }
  if (data->note != NULL)
    g_string_append_printf (out, ". %s", data->note);
  return g_string_free (out, FALSE);
}
