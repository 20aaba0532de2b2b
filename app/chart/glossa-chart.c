/* glossa-chart.c: bar and line charts drawn with cairo and Pango; PNG and SVG rendered in memory
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "glossa-chart.h"
#include "glossa-storage.h"

#define PAD        16.0
#define GAP        8.0
#define MAX_BAR    56.0
#define DOTS_UP_TO 60   /* points drawn as dots on lines this short */

/* Where the plot goes, once the title, legend and axes have their room. */
typedef struct
{
  cairo_t                *cr;
  const GlossaChartData  *data;
  const GlossaChartStyle *style;
  double                  x, y, width, height;
  double                  max;    /* the top of the value axis */
  double                  step;   /* between grid lines */
  double                  bar;    /* a bar's width */
  gboolean                upright;      /* values written upwards: wider than their bars */
  int                     label_lines;  /* lines of the category names, 1 or 2 */
} Plot;

/* Style */

static GlossaChartColor
rgb (guint32 hex)
{
  GlossaChartColor color = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                             (hex & 0xff) / 255.0, 1.0 };
  return color;
}

/* GNOME's palette: the darker shades on white, the lighter on dark grey,
 * so that each keeps its contrast with the background.
 */
void
glossa_chart_style_init (GlossaChartStyle *style,
                         gboolean          dark)
{
  const guint32 light_series[] = { 0x1c71d8, 0x26a269, 0x813d9c, 0xe66100 };
  const guint32 dark_series[] = { 0x62a0ea, 0x57e389, 0xc061cb, 0xffa348 };
  const guint32 light_status[] = { 0x9a9996, 0xe5a50a, 0x26a269, 0xc01c28 };
  const guint32 dark_status[] = { 0x77767b, 0xf6d32d, 0x57e389, 0xff7b63 };

  style->foreground = dark ? rgb (0xffffff) : rgb (0x000000);
  style->foreground.alpha = dark ? 1.0 : 0.8;
  style->background = dark ? rgb (0x242424) : rgb (0xffffff);
  for (guint i = 0; i < GLOSSA_CHART_N_SERIES; i++)
    style->series[i] = rgb (dark ? dark_series[i] : light_series[i]);
  for (guint i = 0; i < G_N_ELEMENTS (style->status); i++)
    style->status[i] = rgb (dark ? dark_status[i] : light_status[i]);
  style->font = NULL;
}

void
glossa_chart_style_clear (GlossaChartStyle *style)
{
  g_clear_pointer (&style->font, g_free);
}

static void
set_color (cairo_t                *cr,
           const GlossaChartColor *color,
           double                  alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Text */

static PangoLayout *
make_layout (Plot       *plot,
             const char *text,
             double      scale,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (plot->cr);
  PangoFontDescription *font =
    pango_font_description_from_string (plot->style->font != NULL ? plot->style->font : "Sans 10");
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Draws @layout with its top at @y and, by @align (0 left, 0.5 centre,
 * 1 right), its left, centre or right at @x.
 */
static void
show_layout_in (Plot                   *plot,
                PangoLayout            *layout,
                double                  x,
                double                  y,
                double                  align,
                const GlossaChartColor *color,
                double                  alpha)
{
  double width;

  layout_size (layout, &width, NULL);
  set_color (plot->cr, color, alpha);
  cairo_move_to (plot->cr, x - align * width, y);
  pango_cairo_show_layout (plot->cr, layout);
  cairo_new_path (plot->cr);
}

static void
show_layout (Plot        *plot,
             PangoLayout *layout,
             double       x,
             double       y,
             double       align,
             double       alpha)
{
  show_layout_in (plot, layout, x, y, align, &plot->style->foreground, alpha);
}

static double
text_height (Plot   *plot,
             double  scale)
{
  g_autoptr(PangoLayout) layout = make_layout (plot, "0", scale, FALSE);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static char *
format_value (const GlossaChartData *data,
              double                 value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (data->fraction)
    return g_strdup_printf ("%.2f", value);
  return g_strdup_printf ("%.0f", value);
}

/* Scale */

static double
data_max (const GlossaChartData *data)
{
  double max = 0;

  for (guint i = 0; i < data->values->len; i++)
    {
      double value = g_array_index (data->values, double, i);

      if (!isnan (value) && value > max)
        max = value;
    }
  return max;
}

/* A round step (1, 2 or 5 times a power of ten) giving about four grid
 * lines up to @max; counts never get a step below 1.
 */
static void
choose_scale (Plot *plot)
{
  double max = data_max (plot->data);
  double raw, magnitude;

  if (plot->data->fraction)
    {
      plot->max = 1.0;
      plot->step = 0.25;
      return;
    }
  raw = MAX (max, 1.0) / 4.0;
  magnitude = pow (10, floor (log10 (raw)));
  plot->step = magnitude;
  if (raw > 5 * magnitude)
    plot->step = 10 * magnitude;
  else if (raw > 2 * magnitude)
    plot->step = 5 * magnitude;
  else if (raw > magnitude)
    plot->step = 2 * magnitude;
  plot->step = MAX (plot->step, 1.0);
  plot->max = ceil (MAX (max, 1.0) / plot->step) * plot->step;
}

static double
value_y (Plot   *plot,
         double  value)
{
  return plot->y + plot->height - CLAMP (value, 0, plot->max) / plot->max * plot->height;
}

/* Frame: title, legend, grid */

static double
draw_title (Plot *plot)
{
  g_autoptr(PangoLayout) layout = make_layout (plot, plot->data->title, 1.2, TRUE);
  double height;

  pango_layout_set_width (layout, (int) (plot->width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  show_layout (plot, layout, plot->x, plot->y, 0, 1);
  layout_size (layout, NULL, &height);
  return height + GAP;
}

static void
draw_swatch (Plot   *plot,
             guint   series,
             double  x,
             double  y,
             double  size)
{
  cairo_t *cr = plot->cr;

  set_color (cr, &plot->style->series[series % GLOSSA_CHART_N_SERIES], 1);
  if (plot->data->kind == GLOSSA_CHART_PROGRESS)
    {
      /* The line's own pattern, so the legend tells the lines apart
       * without their colours.
       */
      cairo_set_line_width (cr, 2.5);
      if (series > 0)
        cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + 2 * size, y + size / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      cairo_rectangle (cr, x, y, size, size);
      cairo_fill (cr);
    }
}

static gboolean
is_empty (const GlossaChartData *data)
{
  return data->categories->len == 0 || (!data->fraction && data_max (data) == 0 &&
                                         data->kind == GLOSSA_CHART_PROGRESS);
}

/* One line of series names with their colours, wrapping when the plot is
 * narrow. Only for charts with more than one series.
 */
static double
draw_legend (Plot *plot)
{
  double x = plot->x, y = plot->y, line = text_height (plot, 1.0);
  double swatch = line * 0.7;

  if (plot->data->series->len < 2 || is_empty (plot->data))
    return 0;
  for (guint s = 0; s < plot->data->series->len; s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (plot, g_ptr_array_index (plot->data->series, s), 1.0, FALSE);
      double swatch_width = plot->data->kind == GLOSSA_CHART_PROGRESS ? 2 * swatch : swatch;
      double width;

      layout_size (layout, &width, NULL);
      if (x > plot->x && x + swatch_width + 6 + width > plot->x + plot->width)
        {
          x = plot->x;
          y += line + 4;
        }
      draw_swatch (plot, s, x, y + (line - swatch) / 2, swatch);
      show_layout (plot, layout, x + swatch_width + 6, y, 0, 0.8);
      x += swatch_width + 6 + width + 2 * GAP;
    }
  return y + line + GAP - plot->y;
}

static double
draw_note (Plot *plot)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (plot->data->note == NULL)
    return 0;
  layout = make_layout (plot, plot->data->note, 0.9, FALSE);
  pango_layout_set_width (layout, (int) (plot->width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  layout_size (layout, NULL, &height);
  show_layout (plot, layout, plot->x, plot->y + plot->height - height, 0, 0.6);
  return height + GAP;
}

static double
axis_label_width (Plot *plot)
{
  double widest = 0;

  for (double v = 0; v <= plot->max + plot->step / 2; v += plot->step)
    {
      g_autofree char *text = format_value (plot->data, v);
      g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, FALSE);
      double width;

      layout_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static void
draw_grid (Plot *plot)
{
  cairo_t *cr = plot->cr;
  double half = text_height (plot, 0.9) / 2;

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= plot->max + plot->step / 2; v += plot->step)
    {
      g_autofree char *text = format_value (plot->data, v);
      g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, FALSE);
      double y = round (value_y (plot, v)) + 0.5;

      set_color (cr, &plot->style->foreground, v == 0 ? 0.45 : 0.12);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      show_layout (plot, layout, plot->x - GAP, y - half, 1, 0.7);
    }
}

static void
draw_empty (Plot *plot)
{
  g_autoptr(PangoLayout) layout = make_layout (plot, _("Nothing to show yet"), 1.0, FALSE);
  double height;

  layout_size (layout, NULL, &height);
  show_layout (plot, layout, plot->x + plot->width / 2, plot->y + (plot->height - height) / 2, 0.5, 0.55);
}

/* Bars */

static void
bar_path (cairo_t *cr,
          double   x,
          double   top,
          double   width,
          double   bottom)
{
  double r = MIN (4.0, MIN (width / 2, bottom - top));

  cairo_new_sub_path (cr);
  cairo_move_to (cr, x, bottom);
  cairo_line_to (cr, x, top + r);
  cairo_arc (cr, x + r, top + r, r, G_PI, 1.5 * G_PI);
  cairo_arc (cr, x + width - r, top + r, r, 1.5 * G_PI, 2 * G_PI);
  cairo_line_to (cr, x + width, bottom);
  cairo_close_path (cr);
}

static const GlossaChartColor *
bar_color (Plot  *plot,
           guint  category,
           guint  series)
{
  if (plot->data->kind == GLOSSA_CHART_STATUS && category < G_N_ELEMENTS (plot->style->status))
    return &plot->style->status[category];
  return &plot->style->series[series % GLOSSA_CHART_N_SERIES];
}

/* One bar with its value written above it (or "–" for none), so that the
 * figure is read, not guessed from a colour.
 */
static gboolean
draw_bar (Plot   *plot,
          guint   category,
          guint   series,
          double  x,
          double  width)
{
  double value = glossa_chart_data_get (plot->data, category, series);
  double bottom = value_y (plot, 0);
  double top = isnan (value) ? bottom : value_y (plot, value);
  g_autofree char *text = format_value (plot->data, value);
  g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, TRUE);
  double height;

  if (bottom - top >= 0.5)
    {
      set_color (plot->cr, bar_color (plot, category, series), 1);
      bar_path (plot->cr, x, top, width, bottom);
      cairo_fill (plot->cr);
    }
  layout_size (layout, NULL, &height);
  if (plot->upright)
    {
      cairo_save (plot->cr);
      cairo_translate (plot->cr, x + width / 2 - height / 2, top - 4);
      cairo_rotate (plot->cr, -G_PI / 2);
      show_layout (plot, layout, 0, 0, 0, 0.9);
      cairo_restore (plot->cr);
    }
  else
    show_layout (plot, layout, x + width / 2, top - height - 2, 0.5, 0.9);
  return !isnan (value);
}

static void
draw_category_label (Plot   *plot,
                     guint   category,
                     double  x,
                     double  width)
{
  g_autoptr(PangoLayout) layout = make_layout (plot, g_ptr_array_index (plot->data->categories, category), 0.9, FALSE);

  pango_layout_set_width (layout, (int) (MAX (width - 4, 8) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_height (layout, -plot->label_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_color (plot->cr, &plot->style->foreground, 0.8);
  cairo_move_to (plot->cr, x + 2, plot->y + plot->height + 6);
  pango_cairo_show_layout (plot->cr, layout);
  cairo_new_path (plot->cr);
}

static double
group_width (Plot *plot)
{
  return plot->width / plot->data->categories->len;
}

static double
bar_width (Plot *plot)
{
  return MIN (group_width (plot) * 0.8 / plot->data->series->len, MAX_BAR);
}

static double
widest_value (Plot *plot)
{
  double widest = 0;

  for (guint i = 0; i < plot->data->values->len; i++)
    {
      g_autofree char *text = format_value (plot->data, g_array_index (plot->data->values, double, i));
      g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, TRUE);
      double width;

      layout_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

/* Category names wrap onto a second line rather than being cut, when a
 * word does not fit; only beyond two lines are they ellipsized.
 */
static int
category_lines (Plot *plot)
{
  for (guint c = 0; c < plot->data->categories->len; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (plot, g_ptr_array_index (plot->data->categories, c), 0.9, FALSE);

      pango_layout_set_width (layout, (int) (MAX (group_width (plot) - 4, 8) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      if (pango_layout_get_line_count (layout) > 1)
        return 2;
    }
  return 1;
}

static guint
draw_bars (Plot *plot)
{
  guint n = plot->data->categories->len, m = plot->data->series->len;
  double group = plot->width / n;
  double bar = plot->bar;
  guint drawn = 0;

  for (guint c = 0; c < n; c++)
    {
      double left = plot->x + c * group + (group - bar * m) / 2;

      for (guint s = 0; s < m; s++)
        drawn += draw_bar (plot, c, s, left + s * bar + (m > 1 ? 1 : 0), bar - (m > 1 ? 2 : 0));
      draw_category_label (plot, c, plot->x + c * group, group);
    }
  return drawn;
}

/* Lines */

static double
point_x (Plot  *plot,
         guint  index)
{
  guint n = plot->data->categories->len;

  if (n < 2)
    return plot->x + plot->width / 2;
  return plot->x + plot->width * index / (n - 1);
}

static guint
draw_line (Plot  *plot,
           guint  series)
{
  cairo_t *cr = plot->cr;
  guint n = plot->data->categories->len;

  set_color (cr, &plot->style->series[series % GLOSSA_CHART_N_SERIES], 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (series > 0)
    cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, point_x (plot, i), value_y (plot, glossa_chart_data_get (plot->data, i, series)));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (n > DOTS_UP_TO)
    return n;
  for (guint i = 0; i < n; i++)
    {
      cairo_arc (cr, point_x (plot, i), value_y (plot, glossa_chart_data_get (plot->data, i, series)),
                 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  return n;
}

/* The last value of each line, at its end, moved apart when they would
 * overlap: the totals are read, not guessed from the axis.
 */
static void
draw_line_ends (Plot *plot)
{
  guint last = plot->data->categories->len - 1;
  double line = text_height (plot, 0.9), previous = -G_MAXDOUBLE;

  for (guint s = 0; s < plot->data->series->len; s++)
    {
      g_autofree char *text = format_value (plot->data, glossa_chart_data_get (plot->data, last, s));
      g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, TRUE);
      double y = value_y (plot, glossa_chart_data_get (plot->data, last, s)) - line / 2;

      if (fabs (y - previous) < line)
        y = previous + (y >= previous ? line : -line);
      show_layout_in (plot, layout, point_x (plot, last) + GAP, y, 0,
                      &plot->style->series[s % GLOSSA_CHART_N_SERIES], 1);
      previous = y;
    }
}

/* As many dates as fit side by side, the first and the last always. */
static void
draw_day_labels (Plot *plot)
{
  guint n = plot->data->categories->len;
  g_autoptr(PangoLayout) sample = make_layout (plot, g_ptr_array_index (plot->data->categories, 0), 0.9, FALSE);
  double width;
  guint fit, shown;

  layout_size (sample, &width, NULL);
  fit = MAX (1, (guint) (plot->width / (width + 2 * GAP)));
  shown = MIN (n, MAX (fit, 1));
  for (guint j = 0; j < shown; j++)
    {
      guint i = shown < 2 ? n - 1 : (guint) round ((double) j * (n - 1) / (shown - 1));
      g_autoptr(PangoLayout) layout = make_layout (plot, g_ptr_array_index (plot->data->categories, i), 0.9, FALSE);
      double align = shown < 2 ? 0.5 : (double) j / (shown - 1);

      show_layout (plot, layout, point_x (plot, i), plot->y + plot->height + 6, align, 0.7);
    }
}

static guint
draw_lines (Plot *plot)
{
  guint drawn = 0;

  for (guint s = 0; s < plot->data->series->len; s++)
    drawn += draw_line (plot, s);
  draw_line_ends (plot);
  draw_day_labels (plot);
  return drawn;
}

static double
line_end_width (Plot *plot)
{
  guint last = plot->data->categories->len - 1;
  double widest = 0;

  for (guint s = 0; s < plot->data->series->len; s++)
    {
      g_autofree char *text = format_value (plot->data, glossa_chart_data_get (plot->data, last, s));
      g_autoptr(PangoLayout) layout = make_layout (plot, text, 0.9, TRUE);
      double width;

      layout_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest + GAP;
}

guint
glossa_chart_draw (cairo_t                *cr,
                   const GlossaChartData  *data,
                   const GlossaChartStyle *style,
                   double                  width,
                   double                  height)
{
  Plot plot = { cr, data, style, PAD, PAD, width - 2 * PAD, height - 2 * PAD, 1, 1, 0, FALSE, 1 };
  double top, axis, bottom;

  g_return_val_if_fail (cr != NULL && data != NULL && style != NULL, 0);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }
  top = draw_title (&plot);
  plot.y += top;
  plot.height -= top;
  top = draw_legend (&plot);
  plot.y += top;
  plot.height -= top;
  bottom = draw_note (&plot);
  plot.height -= bottom;
  if (is_empty (data) || plot.width < 40 || plot.height < 40)
    {
      draw_empty (&plot);
      cairo_restore (cr);
      return 0;
    }
  choose_scale (&plot);
  /* Room for the axis's figures on the left, the category names below,
   * the values above the highest bar, and the lines' totals on the right.
   */
  axis = axis_label_width (&plot) + GAP;
  plot.x += axis;
  plot.width -= axis;
  if (data->kind == GLOSSA_CHART_PROGRESS)
    {
      plot.width -= line_end_width (&plot);
      top = text_height (&plot, 0.9) + 4;
      bottom = text_height (&plot, 0.9) + 8;
    }
  else
    {
      /* A value wider than its bar (or, alone, than its group) would run
       * into the next one: such values are written upwards.
       */
      double widest = widest_value (&plot);

      plot.bar = bar_width (&plot);
      plot.upright = data->series->len > 1 ? widest > plot.bar - 6 : widest > group_width (&plot) - 4;
      plot.label_lines = category_lines (&plot);
      top = plot.upright ? widest + 8 : text_height (&plot, 0.9) + 4;
      bottom = plot.label_lines * text_height (&plot, 0.9) + 8;
    }
  plot.y += top;
  plot.height -= top + bottom;
  if (plot.height < 20)
    {
      draw_empty (&plot);
      cairo_restore (cr);
      return 0;
    }
  draw_grid (&plot);

  {
    guint drawn = data->kind == GLOSSA_CHART_PROGRESS ? draw_lines (&plot) : draw_bars (&plot);

    cairo_restore (cr);
    return drawn;
  }
}

/* Rendering */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
glossa_chart_render (const GlossaChartData  *data,
                     const GlossaChartStyle *style,
                     GlossaChartFormat       format,
                     int                     width,
                     int                     height,
                     GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (format == GLOSSA_CHART_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_array, out, width, height);
      /* Pixels, as the PNG, rather than cairo's default points. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  glossa_chart_draw (cr, data, style, width, height);
  cairo_destroy (cr);
  if (format == GLOSSA_CHART_PNG)
    cairo_surface_write_to_png_stream (surface, append_to_array, out);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
glossa_chart_save (const GlossaChartData  *data,
                   const GlossaChartStyle *style,
                   GlossaChartFormat       format,
                   int                     width,
                   int                     height,
                   GFile                  *file,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = glossa_chart_render (data, style, format, width, height, error)))
    return FALSE;
  return glossa_file_replace_atomic (file, bytes, NULL, error);
}
