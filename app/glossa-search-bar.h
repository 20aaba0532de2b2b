/* glossa-search-bar.h: beside Find in the article, "3 of 12", previous, next and Tag All in Article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SEARCH_BAR (glossa_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSearchBar, glossa_search_bar, GLOSSA, SEARCH_BAR, GtkWidget)

/* Follows @context (the article's GtkSourceSearchContext, which highlights
 * the matches) and shows which match the selection is, of how many. Tag All
 * in Article tags every match of @document that has no span and crosses
 * none, as one undoable step. @view, the view showing the buffer, is
 * scrolled to the match moved to.
 */
void        glossa_search_bar_set_context (GlossaSearchBar        *self,
                                           GtkSourceSearchContext *context,
                                           GlossaDocument         *document,
                                           GtkTextView            *view);
/* Selects the next or previous match, wrapping around. */
void        glossa_search_bar_move        (GlossaSearchBar        *self,
                                           gboolean                forward);
const char *glossa_search_bar_get_count   (GlossaSearchBar        *self);

G_END_DECLS
