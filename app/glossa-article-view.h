/* glossa-article-view.h: the article, read-only, with its spans drawn as tags
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_ARTICLE_VIEW (glossa_article_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossaArticleView, glossa_article_view, GLOSSA, ARTICLE_VIEW, GtkSourceView)

/* Nesting levels drawn differently; deeper spans share the last one. */
#define GLOSSA_ARTICLE_VIEW_N_DEPTHS 3

GtkWidget      *glossa_article_view_new           (void);
GlossaDocument *glossa_article_view_get_document  (GlossaArticleView *self);
void            glossa_article_view_set_document  (GlossaArticleView *self,
                                                   GlossaDocument    *document);
void            glossa_article_view_reload_spans  (GlossaArticleView *self);
GtkTextTag     *glossa_article_view_get_tag       (GlossaArticleView *self,
                                                   GlossaLabel        label,
                                                   guint              depth);
guint           glossa_article_view_get_depth     (GlossaArticleView *self,
                                                   GlossaSpan        *span);
gboolean        glossa_article_view_get_tag_range (GlossaArticleView *self,
                                                   gboolean           exact,
                                                   gint64            *start,
                                                   gint64            *end);
void            glossa_article_view_set_selected_span (GlossaArticleView *self,
                                                       GlossaSpan        *span);
void            glossa_article_view_get_selection (GlossaArticleView *self,
                                                   gint64            *start,
                                                   gint64            *end);
void            glossa_article_view_select_range  (GlossaArticleView *self,
                                                   gint64             start,
                                                   gint64             end);
gboolean        glossa_article_view_resize_range  (GlossaArticleView *self,
                                                   gboolean           at_start,
                                                   gboolean           grow,
                                                   gint64            *start,
                                                   gint64            *end);
gboolean        glossa_article_view_get_offset_at (GlossaArticleView *self,
                                                   double             x,
                                                   double             y,
                                                   gint64            *offset);
char           *glossa_article_view_describe_at   (GlossaArticleView *self,
                                                   gint64             offset);
void            glossa_article_view_set_show_label_names (GlossaArticleView *self,
                                                          gboolean           show);
gboolean        glossa_article_view_get_show_label_names (GlossaArticleView *self);
void            glossa_article_view_set_link_marks (GlossaArticleView *self,
                                                    GPtrArray         *spans,
                                                    GlossaSpan        *current);
GPtrArray      *glossa_article_view_get_link_marks (GlossaArticleView  *self,
                                                    GlossaSpan        **current);

/* A caption drawn above a span's start: where its statement comes from
 * ("← Jen Psaki"), or, @missing, that it has no source yet.
 */
typedef struct
{
  char     *text;
  gboolean  missing;
} GlossaArticleViewCaption;

void            glossa_article_view_caption_free    (GlossaArticleViewCaption *caption);
void            glossa_article_view_set_link_captions (GlossaArticleView *self,
                                                       GHashTable        *captions,
                                                       GArray            *unlinked);
GPtrArray      *glossa_article_view_dup_visible_captions (GlossaArticleView *self);

/* A suggestion as the view draws it: an extent and a label. */
typedef struct
{
  gint64      start;
  gint64      end;
  GlossaLabel label;
} GlossaArticleViewSuggestion;

void            glossa_article_view_set_suggestions (GlossaArticleView *self,
                                                     GArray            *suggestions);
void            glossa_article_view_set_current_suggestion (GlossaArticleView *self,
                                                            int                index);
GArray         *glossa_article_view_get_suggestions (GlossaArticleView *self,
                                                     int               *current);

G_END_DECLS
