/* glossa-corpus.h: a folder or JSON Lines file of articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_CORPUS_ITEM (glossa_corpus_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossaCorpusItem, glossa_corpus_item, GLOSSA, CORPUS_ITEM, GObject)

#define GLOSSA_TYPE_CORPUS (glossa_corpus_get_type ())
G_DECLARE_FINAL_TYPE (GlossaCorpus, glossa_corpus, GLOSSA, CORPUS, GObject)

typedef enum
{
  GLOSSA_CORPUS_FOLDER,
  GLOSSA_CORPUS_JSONL,
} GlossaCorpusKind;

/* One article of a corpus. "status" and "n-spans" are filled in the
 * background after the corpus opens (notify on change); "loaded" tells
 * whether they are known yet.
 */
const char   *glossa_corpus_item_get_id        (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_name      (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_title     (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_date      (GlossaCorpusItem *self);
GlossaStatus  glossa_corpus_item_get_status    (GlossaCorpusItem *self);
guint         glossa_corpus_item_get_n_spans   (GlossaCorpusItem *self);
gboolean      glossa_corpus_item_get_loaded    (GlossaCorpusItem *self);
guint         glossa_corpus_item_get_position  (GlossaCorpusItem *self);
/* For a folder corpus: the article file; NULL in a JSONL corpus. */
GFile        *glossa_corpus_item_get_file      (GlossaCorpusItem *self);

/* A corpus is a GListModel of GlossaCorpusItem in natural order (2 before
 * 10). Problems that do not stop it from opening (a malformed JSONL line)
 * are kept as warnings, one "FILE:LINE: message" string each.
 */
GlossaCorpus     *glossa_corpus_open            (GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void              glossa_corpus_open_async      (GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
GlossaCorpus     *glossa_corpus_open_finish     (GAsyncResult   *result,
                                                 GError        **error);
GlossaCorpusKind  glossa_corpus_get_kind        (GlossaCorpus   *self);
GFile            *glossa_corpus_get_file        (GlossaCorpus   *self);
const char * const *glossa_corpus_get_warnings  (GlossaCorpus   *self);
/* Reads every item's status and span count (blocking); the async open
 * does this in a worker thread after returning.
 */
void              glossa_corpus_load_statuses   (GlossaCorpus   *self,
                                                 GCancellable   *cancellable);
/* The document of item @position: its article and annotations. */
GlossaDocument   *glossa_corpus_load_document   (GlossaCorpus   *self,
                                                 guint           position,
                                                 GCancellable   *cancellable,
                                                 GError        **error);

G_END_DECLS
