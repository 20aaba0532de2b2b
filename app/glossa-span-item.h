/* glossa-span-item.h: a span as an item of a list model
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "glossa-span.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SPAN_ITEM (glossa_span_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSpanItem, glossa_span_item, GLOSSA, SPAN_ITEM, GObject)

GlossaSpanItem *glossa_span_item_new      (GlossaSpan     *span);
GlossaSpan     *glossa_span_item_get_span (GlossaSpanItem *self);

G_END_DECLS
