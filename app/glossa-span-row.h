/* glossa-span-row.h: one row of the span list
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-span.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SPAN_ROW (glossa_span_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSpanRow, glossa_span_row, GLOSSA, SPAN_ROW, GtkWidget)

GtkWidget *glossa_span_row_new      (void);
void       glossa_span_row_set_schema (GlossaSpanRow *self,
                                       GlossaSchema  *schema);
void       glossa_span_row_set_span (GlossaSpanRow *self,
                                     GlossaSpan    *span);
/* Whether the row shows the span's whole text and note (the selected row). */
gboolean   glossa_span_row_get_expanded (GlossaSpanRow *self);
void       glossa_span_row_set_expanded (GlossaSpanRow *self,
                                         gboolean       expanded);
void       glossa_span_row_set_links (GlossaSpanRow *self,
                                      const char    *text);
const char *glossa_span_row_get_links (GlossaSpanRow *self);
GlossaSpan *glossa_span_row_get_span (GlossaSpanRow *self);

G_END_DECLS
