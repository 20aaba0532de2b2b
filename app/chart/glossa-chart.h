/* glossa-chart.h: the overview's charts drawn with cairo and Pango, for the window and the command line
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "glossa-overview.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_CHART_STATUS,     /* documents by status */
  GLOSSA_CHART_LABELS,     /* spans per label */
  GLOSSA_CHART_PROGRESS,   /* spans created and documents done, cumulative, per day */
  GLOSSA_CHART_AGREEMENT,  /* F1 exact, F1 overlap and kappa per label */
} GlossaChartKind;

#define GLOSSA_CHART_N_KINDS 4

const char *glossa_chart_kind_to_string   (GlossaChartKind  kind);
gboolean    glossa_chart_kind_from_string (const char      *str,
                                           GlossaChartKind *kind);

typedef enum
{
  GLOSSA_CHART_PNG,
  GLOSSA_CHART_SVG,
} GlossaChartFormat;

/* From the file name's extension, .png or .svg in any case. */
gboolean    glossa_chart_format_for_path  (const char        *path,
                                           GlossaChartFormat *format);

typedef struct
{
  double red, green, blue, alpha;
} GlossaChartColor;

#define GLOSSA_CHART_N_SERIES 4

/* Colours and font. The window takes the foreground from the widget's
 * style; glossa_chart_style_init() gives GNOME's palette for a light or a
 * dark background.
 */
typedef struct
{
  GlossaChartColor foreground;
  GlossaChartColor background;  /* alpha 0: not painted */
  GlossaChartColor series[GLOSSA_CHART_N_SERIES];
  GlossaChartColor status[4];   /* to do, in progress, done, cannot be read */
  char            *font;        /* a Pango font description; NULL for "Sans 10" */
} GlossaChartStyle;

void        glossa_chart_style_init       (GlossaChartStyle *style,
                                           gboolean          dark);
void        glossa_chart_style_clear      (GlossaChartStyle *style);

/* The figures one chart draws, taken from an overview: each category (a
 * status, a label, a day) has one value per series. What is drawn is
 * exactly this, so tests and scripts can check it (glossa_chart_data_to_json()).
 */
typedef struct
{
  GlossaChartKind  kind;
  char            *title;
  char            *note;        /* nullable: what the figures leave out */
  GPtrArray       *series;      /* of char*, names */
  GPtrArray       *categories;  /* of char* */
  GArray          *values;      /* of double, categories × series, row by row; NAN: none */
  gboolean         fraction;    /* values between 0 and 1 (agreement) */
} GlossaChartData;

GlossaChartData *glossa_chart_data_new     (GlossaOverview   *overview,
                                            GlossaChartKind   kind);
void             glossa_chart_data_free    (GlossaChartData  *data);
double           glossa_chart_data_get     (const GlossaChartData *data,
                                            guint             category,
                                            guint             series);
char            *glossa_chart_data_to_json (const GlossaChartData *data);
/* The figures in a sentence, for screen readers: every category's values,
 * or for progress the totals on the last day.
 */
char            *glossa_chart_data_describe (const GlossaChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaChartData, glossa_chart_data_free)

/* Draws @data into the rectangle (0, 0, @width, @height) of @cr. Returns
 * how many bars (or points of a line) were drawn, for tests.
 */
guint       glossa_chart_draw             (cairo_t                *cr,
                                           const GlossaChartData  *data,
                                           const GlossaChartStyle *style,
                                           double                  width,
                                           double                  height);

/* Draws @data into a PNG or an SVG image in memory (cairo's stream
 * surfaces): nothing is written anywhere.
 */
GBytes     *glossa_chart_render           (const GlossaChartData  *data,
                                           const GlossaChartStyle *style,
                                           GlossaChartFormat       format,
                                           int                     width,
                                           int                     height,
                                           GError                **error);
/* The same, written to @file through glossa_file_replace_atomic(). */
gboolean    glossa_chart_save             (const GlossaChartData  *data,
                                           const GlossaChartStyle *style,
                                           GlossaChartFormat       format,
                                           int                     width,
                                           int                     height,
                                           GFile                  *file,
                                           GError                **error);

G_END_DECLS
