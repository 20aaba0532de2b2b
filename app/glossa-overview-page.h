/* glossa-overview-page.h: the corpus overview: charts of statuses, labels, progress and agreement
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "glossa-chart.h"
#include "glossa-corpus.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_OVERVIEW_PAGE (glossa_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossaOverviewPage, glossa_overview_page, GLOSSA, OVERVIEW_PAGE, AdwWindow)

/* A window beside the annotation window that reads @corpus again in a
 * worker thread ("loading" is TRUE meanwhile, with a spinner) and draws its
 * figures. A second annotator's folder or JSONL export can be chosen on the
 * page ("against"), which adds the agreement chart.
 */
GlossaOverviewPage    *glossa_overview_page_new            (GlossaCorpus       *corpus);
gboolean               glossa_overview_page_get_loading    (GlossaOverviewPage *self);
void                   glossa_overview_page_set_against    (GlossaOverviewPage *self,
                                                            GFile              *against);
/* Reads the corpus again. */
void                   glossa_overview_page_refresh        (GlossaOverviewPage *self);
/* What chart @kind draws now; NULL before the first reading ends. */
const GlossaChartData *glossa_overview_page_get_chart_data (GlossaOverviewPage *self,
                                                            GlossaChartKind     kind);
const char            *glossa_overview_page_get_summary    (GlossaOverviewPage *self);
/* Writes chart @kind as shown (its size, the current style) to @file. */
gboolean               glossa_overview_page_export         (GlossaOverviewPage *self,
                                                            GlossaChartKind     kind,
                                                            GlossaChartFormat   format,
                                                            GFile              *file,
                                                            GError            **error);

G_END_DECLS
