/* glossa-search-item.h: one hit of a corpus search, as a row of the search window's list
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "glossa-search.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SEARCH_ITEM (glossa_search_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSearchItem, glossa_search_item, GLOSSA, SEARCH_ITEM, GObject)

/* Immutable: the properties ("left", "match", "right", "article", "label")
 * are what the row shows, for the list factory's expressions.
 */
GlossaSearchItem *glossa_search_item_new          (const char            *id,
                                                   guint                  position,
                                                   const GlossaSearchHit *hit);
const char       *glossa_search_item_get_id       (GlossaSearchItem      *self);
guint             glossa_search_item_get_position (GlossaSearchItem      *self);
gint64            glossa_search_item_get_start    (GlossaSearchItem      *self);
gint64            glossa_search_item_get_end      (GlossaSearchItem      *self);
/* Whether a span has exactly the hit's text already. */
gboolean          glossa_search_item_get_tagged   (GlossaSearchItem      *self);

G_END_DECLS
