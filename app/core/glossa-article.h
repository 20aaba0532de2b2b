/* glossa-article.h: the text of a news article, with code point offsets
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-types.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_ARTICLE (glossa_article_get_type ())

G_DECLARE_FINAL_TYPE (GlossaArticle, glossa_article, GLOSSA, ARTICLE, GObject)

GlossaArticle *glossa_article_new_from_data   (const char     *data,
                                               gsize           len,
                                               const char     *name,
                                               GError        **error);
GlossaArticle *glossa_article_load            (GFile          *file,
                                               GCancellable   *cancellable,
                                               GError        **error);
GFile         *glossa_article_get_file        (GlossaArticle  *self);
const char    *glossa_article_get_name        (GlossaArticle  *self);
const char    *glossa_article_get_text        (GlossaArticle  *self);
gsize          glossa_article_get_n_bytes     (GlossaArticle  *self);
gint64         glossa_article_get_length      (GlossaArticle  *self);
const char    *glossa_article_get_sha256      (GlossaArticle  *self);
const char    *glossa_article_get_date        (GlossaArticle  *self);
gboolean       glossa_article_had_bom         (GlossaArticle  *self);
gsize          glossa_article_offset_to_byte  (GlossaArticle  *self,
                                               gint64          offset);
gint64         glossa_article_byte_to_offset  (GlossaArticle  *self,
                                               gsize           byte);
char          *glossa_article_slice           (GlossaArticle  *self,
                                               gint64          start,
                                               gint64          end);
gboolean       glossa_article_slice_equals    (GlossaArticle  *self,
                                               gint64          start,
                                               gint64          end,
                                               const char     *text);
char          *glossa_article_find_date       (const char     *text,
                                               gsize           len);

G_END_DECLS
