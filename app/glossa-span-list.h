/* glossa-span-list.h: the side panel listing a document's spans in text order
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SPAN_LIST (glossa_span_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSpanList, glossa_span_list, GLOSSA, SPAN_LIST, GtkWidget)

GtkWidget      *glossa_span_list_new           (void);
GlossaDocument *glossa_span_list_get_document  (GlossaSpanList *self);
void            glossa_span_list_set_document  (GlossaSpanList *self,
                                                GlossaDocument *document);
void            glossa_span_list_reload        (GlossaSpanList *self);
GListModel     *glossa_span_list_get_model     (GlossaSpanList *self);
void            glossa_span_list_set_filter    (GlossaSpanList *self,
                                                GlossaLabel     label);
void            glossa_span_list_select_span   (GlossaSpanList *self,
                                                const char     *id);
void            glossa_span_list_activate      (GlossaSpanList *self,
                                                guint           position);
guint           glossa_span_list_get_n_unattributed (GlossaSpanList *self);

G_END_DECLS
