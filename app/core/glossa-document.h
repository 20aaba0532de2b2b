/* glossa-document.h: an article and its annotations, editable and undoable
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-format.h"
#include "glossa-relation.h"
#include "glossa-span.h"
#include "glossa-store.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_DOCUMENT (glossa_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossaDocument, glossa_document, GLOSSA, DOCUMENT, GObject)

/* A document is the truth about one article's spans. Views follow its
 * "span-added" and "span-removed" signals (a change is a removal followed by
 * an addition with the same id) and "changed", emitted once after every edit,
 * undo, redo or status change.
 *
 * A document is given its store when it is made (see glossa-store.h): its
 * sidecar file, its line of a JSONL corpus's annotation file, or a review's
 * output. Every save goes through it, and only through it.
 *
 * If the annotation file exists but does not load, the document keeps the
 * error in its "error" property, has no spans, is read-only, and refuses to
 * save: a file that fails to load is never written over.
 */
GlossaDocument *glossa_document_new              (GlossaArticle   *article,
                                                  GFile           *annotations_file);
GlossaDocument *glossa_document_new_with_annotations (GlossaArticle     *article,
                                                     GFile             *annotations_file,
                                                     GlossaAnnotations *annotations);
GlossaDocument *glossa_document_new_with_store   (GlossaArticle     *article,
                                                  GlossaStore       *store,
                                                  GlossaAnnotations *annotations);
GlossaDocument *glossa_document_open             (GFile           *article_file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
GlossaDocument *glossa_document_open_full        (GFile           *article_file,
                                                  GFile           *annotations_file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
GlossaDocument *glossa_document_open_in_corpus   (GFile           *article_file,
                                                  GFile           *annotations_file,
                                                  GFile           *corpus_root,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void            glossa_document_open_async       (GFile           *article_file,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
GlossaDocument *glossa_document_open_finish      (GAsyncResult    *result,
                                                  GError         **error);
gboolean        glossa_document_reload           (GlossaDocument  *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

GlossaArticle  *glossa_document_get_article      (GlossaDocument  *self);
GFile          *glossa_document_get_file         (GlossaDocument  *self);
GlossaStore    *glossa_document_get_store        (GlossaDocument  *self);
const GError   *glossa_document_get_error        (GlossaDocument  *self);
gboolean        glossa_document_get_read_only    (GlossaDocument  *self);
void            glossa_document_set_read_only    (GlossaDocument  *self,
                                                  gboolean         read_only);
gboolean        glossa_document_get_modified     (GlossaDocument  *self);
GlossaStatus    glossa_document_get_status       (GlossaDocument  *self);
void            glossa_document_set_status       (GlossaDocument  *self,
                                                  GlossaStatus     status);
const char     *glossa_document_get_annotator    (GlossaDocument  *self);
void            glossa_document_set_annotator    (GlossaDocument  *self,
                                                  const char      *annotator);
const char     *glossa_document_get_user         (GlossaDocument  *self);
void            glossa_document_set_user         (GlossaDocument  *self,
                                                  const char      *user);
const char     *glossa_document_get_date         (GlossaDocument  *self);

guint           glossa_document_get_n_spans      (GlossaDocument  *self);
GlossaSpan     *glossa_document_get_span         (GlossaDocument  *self,
                                                  guint            index);
GlossaSpan     *glossa_document_lookup_span      (GlossaDocument  *self,
                                                  const char      *id);
gboolean        glossa_document_find_span        (GlossaDocument  *self,
                                                  GlossaSpan      *span,
                                                  guint           *index);
GPtrArray      *glossa_document_dup_spans        (GlossaDocument  *self);
GPtrArray      *glossa_document_spans_at         (GlossaDocument  *self,
                                                  gint64           offset);
GlossaSchema   *glossa_document_get_schema       (GlossaDocument  *self);
guint           glossa_document_count_label      (GlossaDocument  *self,
                                                  GlossaLabel      label);

GlossaSpan     *glossa_document_add_span         (GlossaDocument  *self,
                                                  gint64           start,
                                                  gint64           end,
                                                  GlossaLabel      label,
                                                  GError         **error);
gboolean        glossa_document_remove_span      (GlossaDocument  *self,
                                                  const char      *id,
                                                  GError         **error);
GlossaSpan     *glossa_document_update_span      (GlossaDocument  *self,
                                                  const char      *id,
                                                  gint64           start,
                                                  gint64           end,
                                                  GlossaLabel      label,
                                                  const char      *note,
                                                  GError         **error);
void            glossa_document_begin_group      (GlossaDocument  *self,
                                                  const char      *description);
void            glossa_document_end_group        (GlossaDocument  *self);
void            glossa_document_begin_batch      (GlossaDocument  *self,
                                                  const char      *description);
void            glossa_document_end_batch        (GlossaDocument  *self);
gboolean        glossa_document_in_batch         (GlossaDocument  *self);
gboolean        glossa_document_can_undo         (GlossaDocument  *self);
gboolean        glossa_document_can_redo         (GlossaDocument  *self);
gboolean        glossa_document_undo             (GlossaDocument  *self);
gboolean        glossa_document_redo             (GlossaDocument  *self);

GPtrArray      *glossa_document_get_relations_of (GlossaDocument  *self,
                                                  const char      *span_id);
GlossaRelation *glossa_document_add_relation     (GlossaDocument  *self,
                                                  const char      *type,
                                                  const char      *from_id,
                                                  const char      *to_id,
                                                  GError         **error);
gboolean        glossa_document_remove_relation  (GlossaDocument  *self,
                                                  const char      *relation_id,
                                                  GError         **error);
gboolean        glossa_document_set_attribute    (GlossaDocument  *self,
                                                  const char      *span_id,
                                                  const char      *name,
                                                  JsonNode        *value,
                                                  GError         **error);
GPtrArray      *glossa_document_dup_relations    (GlossaDocument  *self);

GlossaAnnotations *glossa_document_snapshot      (GlossaDocument  *self);
GBytes         *glossa_document_serialize        (GlossaDocument  *self);
gboolean        glossa_document_save             (GlossaDocument  *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void            glossa_document_save_async       (GlossaDocument  *self,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean        glossa_document_save_finish      (GlossaDocument  *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
gboolean        glossa_document_get_saving       (GlossaDocument  *self);
gboolean        glossa_document_save_copy        (GlossaDocument  *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean        glossa_document_changed_on_disk  (GlossaDocument  *self);
gboolean        glossa_document_set_aside_disk_version (GlossaDocument  *self,
                                                        GFile          **copy,
                                                        GError         **error);
guint64         glossa_document_get_serial       (GlossaDocument  *self);
void            glossa_document_mark_saved       (GlossaDocument  *self,
                                                  guint64          serial);

gboolean        glossa_document_write_recovery   (GlossaDocument  *self,
                                                  GError         **error);
GDateTime      *glossa_document_dup_recovery_date (GlossaDocument *self);
gboolean        glossa_document_restore_recovery (GlossaDocument  *self,
                                                  GError         **error);
void            glossa_document_discard_recovery (GlossaDocument  *self);

GlossaSpan     *glossa_document_add_span_copy    (GlossaDocument    *self,
                                                  const GlossaSpan  *span,
                                                  GError           **error);
void            glossa_document_set_mark_added   (GlossaDocument  *self,
                                                  gboolean         mark_added);
JsonNode       *glossa_document_get_extra_member (GlossaDocument  *self,
                                                  const char      *member);
void            glossa_document_set_extra_member (GlossaDocument  *self,
                                                  const char      *member,
                                                  JsonNode        *value);
void            glossa_document_set_extra_member_undoable (GlossaDocument *self,
                                                           const char     *member,
                                                           JsonNode       *value,
                                                           const char     *description);

G_END_DECLS
