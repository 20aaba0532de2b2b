/* glossa-chart-none.c: the chart drawing of the `glossa` binary, which links no cairo
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-chart.h"
#include "glossa-error.h"

/* `glossa stats --chart` is handed to glossa-window before it starts (see
 * app/main.c), so nothing here draws: these keep the commands linkable
 * without cairo and fail plainly should a new caller reach them.
 */

void
glossa_chart_style_init (GlossaChartStyle *style,
                         gboolean          dark G_GNUC_UNUSED)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
}

void
glossa_chart_style_clear (GlossaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font, g_free);
}

gboolean
glossa_chart_save (const GlossaChartData  *data G_GNUC_UNUSED,
                   const GlossaChartStyle *style G_GNUC_UNUSED,
                   GlossaChartFormat       format G_GNUC_UNUSED,
                   int                     width G_GNUC_UNUSED,
                   int                     height G_GNUC_UNUSED,
                   GFile                  *file,
                   GError                **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
               _("%s: this program draws no charts: run glossa-window"), name);
  return FALSE;
}
