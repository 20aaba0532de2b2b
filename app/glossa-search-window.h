/* glossa-search-window.h: Search the Corpus, a keyword-in-context list of every match
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "glossa-corpus.h"
#include "glossa-search.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SEARCH_WINDOW (glossa_search_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSearchWindow, glossa_search_window, GLOSSA, SEARCH_WINDOW, AdwWindow)

/* Searches @corpus in a worker thread as the query changes, and fills the
 * list as articles are searched. Emits "hit-activated" (position, start,
 * end: the article and the match's code points) when a row is activated,
 * and "tag-all" (label name) when Tag All is chosen; the window that made
 * it does both, since it holds the article shown.
 */
GtkWidget    *glossa_search_window_new           (GtkWindow          *parent,
                                                  GlossaCorpus       *corpus);
GlossaCorpus *glossa_search_window_get_corpus    (GlossaSearchWindow *self);
/* The query of the results shown, or NULL. */
GlossaSearch *glossa_search_window_get_search    (GlossaSearchWindow *self);
/* The articles with untagged matches, in corpus order (of guint). */
GArray       *glossa_search_window_dup_positions (GlossaSearchWindow *self);
guint         glossa_search_window_get_n_untagged (GlossaSearchWindow *self);
gboolean      glossa_search_window_get_searching (GlossaSearchWindow *self);
/* What the count line says, e.g. "128 matches in 40 articles". */
const char   *glossa_search_window_get_status    (GlossaSearchWindow *self);
/* The hits shown, of GlossaSearchItem. */
GListModel   *glossa_search_window_get_hits      (GlossaSearchWindow *self);
/* Searches again, e.g. after tagging. */
void          glossa_search_window_refresh       (GlossaSearchWindow *self);
void          glossa_search_window_set_query     (GlossaSearchWindow *self,
                                                  const char         *query);

G_END_DECLS
