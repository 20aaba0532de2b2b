/* glossa-span-item.c: a span as an item of a list model
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-span-item.h"

/* GListModel wants objects and spans are boxed: an item holds one reference
 * to an immutable span. A changed span gets a new item.
 */
struct _GlossaSpanItem
{
  GObject     parent_instance;

  GlossaSpan *span;
};

G_DEFINE_FINAL_TYPE (GlossaSpanItem, glossa_span_item, G_TYPE_OBJECT)

GlossaSpanItem *
glossa_span_item_new (GlossaSpan *span)
{
  GlossaSpanItem *self;

  g_return_val_if_fail (span != NULL, NULL);

  self = g_object_new (GLOSSA_TYPE_SPAN_ITEM, NULL);
  self->span = glossa_span_ref (span);

  return self;
}

GlossaSpan *
glossa_span_item_get_span (GlossaSpanItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_ITEM (self), NULL);

  return self->span;
}

static void
glossa_span_item_finalize (GObject *object)
{
  GlossaSpanItem *self = GLOSSA_SPAN_ITEM (object);

  g_clear_pointer (&self->span, glossa_span_unref);

  G_OBJECT_CLASS (glossa_span_item_parent_class)->finalize (object);
}

static void
glossa_span_item_class_init (GlossaSpanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = glossa_span_item_finalize;
}

static void
glossa_span_item_init (GlossaSpanItem *self)
{
}
