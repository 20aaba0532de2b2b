/* glossa-store.h: where a document's annotations live, and the only way they are written
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-format.h"
#include "glossa-schema.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_STORE (glossa_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossaStore, glossa_store, GLOSSA, STORE, GObject)

/* A store is given to a document when it is made and is the only thing
 * that writes its annotations. Every kind keeps what it last read or wrote
 * and refuses to write over anything else (GLOSSA_ERROR_CONFLICT) until
 * set_aside_other_version() has kept the other version somewhere safe.
 *
 * load() and save() may run in a worker thread; the document makes sure
 * that at most one of them runs at a time. The other calls are made on the
 * document's thread.
 */
struct _GlossaStoreClass
{
  GObjectClass parent_class;

  /* What is stored now, checked against @article, taken as seen. NULL
   * without an error when nothing is stored yet.
   */
  GlossaAnnotations *(*load)                    (GlossaStore             *self,
                                                 GlossaArticle           *article,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
  gboolean           (*save)                    (GlossaStore             *self,
                                                 const GlossaAnnotations *annotations,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
  gboolean           (*changed_on_disk)         (GlossaStore             *self);
  gboolean           (*set_aside_other_version) (GlossaStore             *self,
                                                 GFile                  **copy,
                                                 GError                 **error);
  /* Names the place for good across runs: the recovery copy is named by it. */
  char              *(*dup_identity)            (GlossaStore             *self);
  /* For messages: "NAME.annotations.json", "FILE.annotations.jsonl, article ID". */
  char              *(*dup_description)         (GlossaStore             *self);
  GFile             *(*get_file)                (GlossaStore             *self);

  gpointer padding[8];
};

GlossaSchema      *glossa_store_get_schema              (GlossaStore             *self);
void               glossa_store_set_schema              (GlossaStore             *self,
                                                         GlossaSchema            *schema);
GlossaAnnotations *glossa_store_load                    (GlossaStore             *self,
                                                         GlossaArticle           *article,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);
gboolean           glossa_store_save                    (GlossaStore             *self,
                                                         const GlossaAnnotations *annotations,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);
gboolean           glossa_store_changed_on_disk         (GlossaStore             *self);
gboolean           glossa_store_set_aside_other_version (GlossaStore             *self,
                                                         GFile                  **copy,
                                                         GError                 **error);
char              *glossa_store_dup_identity            (GlossaStore             *self);
char              *glossa_store_dup_description         (GlossaStore             *self);
GFile             *glossa_store_get_file                (GlossaStore             *self);

/* Recovery copies: edits that could not be written where they belong are
 * kept as an annotation file (format v1) under
 * g_get_user_data_dir()/glossa/recovery/, named by a hash of the store's
 * identity, so that opening the same article again finds them.
 */
GFile             *glossa_store_get_recovery_file       (GlossaStore             *self);
gboolean           glossa_store_write_recovery          (GlossaStore             *self,
                                                         GBytes                  *bytes,
                                                         GError                 **error);
/* The recovery copy's contents and when it was written, or NULL without an
 * error when there is none.
 */
GBytes            *glossa_store_read_recovery           (GlossaStore             *self,
                                                         GDateTime              **written,
                                                         GError                 **error);
void               glossa_store_discard_recovery        (GlossaStore             *self);

/* The sidecar kind: one annotation file (NAME.annotations.json beside an
 * article, in a folder corpus, or in a review's output folder). It is
 * taken as changed when its inode, size or modification time differ from
 * what was last read or written.
 */
#define GLOSSA_TYPE_FILE_STORE (glossa_file_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossaFileStore, glossa_file_store, GLOSSA, FILE_STORE, GlossaStore)

GlossaStore       *glossa_file_store_new                (GFile                   *file);
GlossaStore       *glossa_file_store_new_replacing      (GFile                   *file);

G_END_DECLS
