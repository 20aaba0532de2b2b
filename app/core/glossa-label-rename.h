/* glossa-label-rename.h: renaming a label across a corpus, with a preview first
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GlossaLabelRename GlossaLabelRename;

/* A rename is made in two steps so that the user sees what it will do
 * before anything changes:
 *
 * glossa_label_rename_new() reads every file of the corpus at
 * @corpus_root (a folder, or a JSONL corpus file) that can name the label:
 * annotation files, the JSONL corpus and its FILE.annotations.jsonl, the
 * corpus's glossa-schema.json files. Each is checked under its schema and
 * its new contents made in memory; a file that does not read is an error
 * naming it, and then nothing is planned. A file already using @new_name
 * under the renamed schema (left by a rename that stopped half-way) is
 * taken as done, so running the same rename again finishes it.
 *
 * glossa_label_rename_apply() writes the planned files, each atomically,
 * after checking that none changed since it was read (GLOSSA_ERROR_CONFLICT
 * names the file, and nothing is written). The schema files are written
 * last: until then every file the rename has not reached still reads. On a
 * failure part-way, the error says how many files were renamed and
 * @written lists them (always set, empty when nothing was written).
 */
GlossaLabelRename  *glossa_label_rename_new          (GFile              *corpus_root,
                                                      const char         *old_name,
                                                      const char         *new_name,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
void                glossa_label_rename_free         (GlossaLabelRename  *self);

/* The files that change (display names, annotation files first, the schema
 * files last), and how many spans in all change label.
 */
guint               glossa_label_rename_get_n_files  (GlossaLabelRename  *self);
const char * const *glossa_label_rename_get_files    (GlossaLabelRename  *self);
guint               glossa_label_rename_get_n_spans  (GlossaLabelRename  *self);
/* Where the renamed schema is written (a new glossa-schema.json in the
 * corpus root when the corpus used the built-in labels).
 */
GFile              *glossa_label_rename_get_schema_file (GlossaLabelRename *self);

gboolean            glossa_label_rename_apply        (GlossaLabelRename  *self,
                                                      GPtrArray         **written,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaLabelRename, glossa_label_rename_free)

G_END_DECLS
