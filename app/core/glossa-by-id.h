/* glossa-by-id.h: finding annotated documents by id in a folder or a JSON Lines file
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-format.h"

G_BEGIN_DECLS

/* Annotations found by document id, without the articles: a folder holding
 * NAME.annotations.json files (anywhere below it, articles beside them or
 * not; the id is NAME), or a JSON Lines file with one {"id", …, "spans"}
 * object per line ("text" and the rest may be there or not). Only the
 * index is kept (id → file, or id → the line's place in the file), so a
 * file of 100,000 documents is never held whole.
 *
 * Ids are only ever looked up, never turned into paths: "../x" or
 * "/etc/passwd" is an id that is not there.
 */
typedef struct _GlossaById GlossaById;

/* Reads the index of @file, a folder or a JSON Lines file. Folders are
 * walked following links to folders, each folder once, so `loop -> .` is
 * harmless. A JSONL file must be a regular file (a FIFO or a device is
 * refused at once), read line by line; a line that is not JSON or has no id
 * is an error naming the file and line.
 */
GlossaById *glossa_by_id_open            (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
void        glossa_by_id_free            (GlossaById    *self);

GFile      *glossa_by_id_get_file        (GlossaById    *self);
gboolean    glossa_by_id_is_jsonl        (GlossaById    *self);
gboolean    glossa_by_id_has             (GlossaById    *self,
                                          const char    *id);
guint       glossa_by_id_get_n_documents (GlossaById    *self);
/* Ids found more than once: the last file or line found is the one used,
 * and each earlier one is reported here, as a message naming both places
 * (file paths, or FILE:LINE), in the order they were found.
 *
 * Returns: (transfer none) (element-type utf8): never %NULL
 */
GPtrArray  *glossa_by_id_get_duplicates  (GlossaById    *self);
/* The spans of document @id, checked against @article; span ids are given
 * when the source has none. Returns %NULL with an error naming the file
 * (and line) if the document is missing (GLOSSA_ERROR_FAILED), cannot be
 * read or does not match the article.
 *
 * Returns: (transfer full) (element-type GlossaSpan)
 */
GPtrArray  *glossa_by_id_get_spans       (GlossaById    *self,
                                          const char    *id,
                                          GlossaArticle *article,
                                          GError       **error);

/* The links of document @id, read as glossa_by_id_get_spans() reads its
 * spans (whose ids they name), in a folder's file or a JSON Lines line
 * ("relations" with "from" and "to", as an export or FILE.annotations.jsonl
 * writes them); none for an id that is not there. %NULL with an error when
 * the file cannot be read.
 *
 * Returns: (transfer full) (element-type GlossaRelation)
 */
GPtrArray  *glossa_by_id_get_relations   (GlossaById    *self,
                                          const char    *id,
                                          GlossaArticle *article,
                                          GError       **error);

/* Everything document @id's file or line holds: spans, links and the
 * annotator it names ("" when none). %NULL with an error as
 * glossa_by_id_get_spans().
 */
GlossaAnnotations *glossa_by_id_get_annotations (GlossaById    *self,
                                                 const char    *id,
                                                 GlossaArticle *article,
                                                 GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaById, glossa_by_id_free)

G_END_DECLS
