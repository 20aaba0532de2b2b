/* glossa-corpus.h: a folder or JSON Lines file of articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-document.h"
#include "glossa-schema.h"

G_BEGIN_DECLS

#define GLOSSA_ANNOTATIONS_JSONL_SUFFIX ".annotations.jsonl"

#define GLOSSA_TYPE_CORPUS_ITEM (glossa_corpus_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossaCorpusItem, glossa_corpus_item, GLOSSA, CORPUS_ITEM, GObject)

#define GLOSSA_TYPE_CORPUS (glossa_corpus_get_type ())
G_DECLARE_FINAL_TYPE (GlossaCorpus, glossa_corpus, GLOSSA, CORPUS, GObject)

typedef enum
{
  GLOSSA_CORPUS_FOLDER,
  GLOSSA_CORPUS_JSONL,
} GlossaCorpusKind;

/* One article of a corpus. "status", "n-spans", "date" and the label counts
 * are filled in the background after the corpus opens (notify on change, on
 * the thread that opened the corpus); "loaded" tells whether they are known
 * yet.
 *
 * The id is unique within the corpus and stable across runs: the relative
 * path without ".txt" in a folder ("2021/article-7"), the "id" member of the
 * line in a JSONL corpus. The name is what a list shows: the relative path
 * with ".txt" in a folder, the id in a JSONL corpus.
 */
const char   *glossa_corpus_item_get_id          (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_name        (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_title       (GlossaCorpusItem *self);
const char   *glossa_corpus_item_get_date        (GlossaCorpusItem *self);
GlossaStatus  glossa_corpus_item_get_status      (GlossaCorpusItem *self);
guint         glossa_corpus_item_get_n_spans     (GlossaCorpusItem *self);
const GlossaLabelCounts *glossa_corpus_item_get_label_counts (GlossaCorpusItem *self);
guint         glossa_corpus_item_get_label_count (GlossaCorpusItem *self,
                                                  GlossaLabel       label);
gboolean      glossa_corpus_item_get_loaded      (GlossaCorpusItem *self);
guint         glossa_corpus_item_get_position    (GlossaCorpusItem *self);
/* Why the item's article could not be read, the last time the window tried
 * (glossa_corpus_load_document_async()); NULL once it is read ("error" is
 * notified on change).
 */
const GError *glossa_corpus_item_get_error       (GlossaCorpusItem *self);
/* For a folder corpus: the article file; NULL in a JSONL corpus. */
GFile        *glossa_corpus_item_get_file        (GlossaCorpusItem *self);
/* Set by the window's review ("review-left" is notified on change). */
int           glossa_corpus_item_get_review_left (GlossaCorpusItem *self);
void          glossa_corpus_item_set_review_left (GlossaCorpusItem *self,
                                                  int               left);

/* A corpus is a GListModel of GlossaCorpusItem: a folder's articles (every
 * *.txt below it, hidden folders skipped) in natural order of their
 * relative paths (2 before 10), or a JSONL corpus's lines in file order.
 * Problems that do not stop it from opening (a malformed JSONL line, an
 * annotation file that does not parse) are kept as warnings, one
 * "FILE:LINE: message" or "FILE: message" string each ("warnings" is
 * notified when one is added).
 *
 * The corpus and its items belong to the thread that opened it (for the
 * async open, the thread that called glossa_corpus_open_async()).
 */
GlossaCorpus     *glossa_corpus_open               (GFile          *file,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
/* Opens the corpus in a worker thread. When it finishes, the items are
 * there with "loaded" FALSE where the status is not known yet; a second
 * worker then reads the statuses and dates ("loading" is TRUE meanwhile)
 * and fills the items in batches on the caller's thread.
 */
void              glossa_corpus_open_async         (GFile          *file,
                                                    GCancellable   *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer        user_data);
GlossaCorpus     *glossa_corpus_open_finish        (GAsyncResult   *result,
                                                    GError        **error);
GlossaCorpusKind  glossa_corpus_get_kind           (GlossaCorpus   *self);
GFile            *glossa_corpus_get_file           (GlossaCorpus   *self);
const char * const *glossa_corpus_get_warnings     (GlossaCorpus   *self);
gboolean          glossa_corpus_get_loading        (GlossaCorpus   *self);
/* The schema of the corpus root (a folder's subfolders may have their own). */
GlossaSchema     *glossa_corpus_get_schema         (GlossaCorpus   *self);
gboolean          glossa_corpus_get_read_only      (GlossaCorpus   *self);
/* How many items have @status, as far as known ("n-done" is notified). */
guint             glossa_corpus_count_status       (GlossaCorpus   *self,
                                                    GlossaStatus    status);
gboolean          glossa_corpus_lookup             (GlossaCorpus   *self,
                                                    const char     *id,
                                                    guint          *position);

/* Reads every item's status, span counts and (from the annotations) date,
 * blocking. Annotation files are only parsed, not checked against their
 * articles, so this stays fast; items whose annotations do not parse keep
 * status todo and add a warning.
 */
void              glossa_corpus_load_statuses      (GlossaCorpus   *self,
                                                    GCancellable   *cancellable);
/* Reads the date header of the articles that have no date yet (folder
 * corpora only: a JSONL line carries its date), blocking.
 */
void              glossa_corpus_load_dates         (GlossaCorpus   *self,
                                                    GCancellable   *cancellable);

/* The document of item @position: its article and annotations. In a JSONL
 * corpus, an article without a line in FILE.annotations.jsonl starts with
 * the spans of its corpus line (origin "imported" unless they say
 * "suggested"). A JSONL document's store is its line of
 * FILE.annotations.jsonl; glossa_document_save() writes that line, and
 * fails with GLOSSA_ERROR_CONFLICT if another window or program changed it
 * since it was read or last written. Whoever saves a document of the
 * corpus, its item then shows what was saved. Safe to call from any thread.
 */
GlossaDocument   *glossa_corpus_load_document      (GlossaCorpus   *self,
                                                    guint           position,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
void              glossa_corpus_load_document_async  (GlossaCorpus        *self,
                                                      guint                position,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GlossaDocument   *glossa_corpus_load_document_finish (GlossaCorpus        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Saves @document, the document of item @position, through its store: its
 * annotation file in a folder corpus; in a JSONL corpus,
 * FILE.annotations.jsonl rewritten atomically with this article's line
 * replaced (or added) and every other line kept byte for byte. The item
 * then takes the document's status and span counts.
 */
gboolean          glossa_corpus_save_document      (GlossaCorpus   *self,
                                                    guint           position,
                                                    GlossaDocument *document,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
void              glossa_corpus_save_document_async  (GlossaCorpus        *self,
                                                      guint                position,
                                                      GlossaDocument      *document,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          glossa_corpus_save_document_finish (GlossaCorpus        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* FILE.jsonl -> FILE.annotations.jsonl beside it. */
GFile            *glossa_corpus_annotations_file_for_jsonl (GFile *jsonl_file);

/* The schema a corpus (a folder or a JSONL file) is read with, found
 * without opening it: the root's glossa-schema.json (a JSONL file's
 * folder's), or the built-in one. @location receives the file read, or
 * NULL for the built-in schema. A broken schema is an error.
 */
GlossaSchema     *glossa_corpus_find_schema        (GFile          *file,
                                                    GFile         **location,
                                                    GError        **error);
/* "the labels of WHERE are a, b, c", or with @where NULL "the built-in
 * labels are …", for messages that refuse a label.
 */
char             *glossa_corpus_describe_labels    (GlossaSchema   *schema,
                                                    const char     *where);

G_END_DECLS
