/* glossa-schema-editor.h: the window that edits a corpus's labels (glossa-schema.json)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_SCHEMA_EDITOR (glossa_schema_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSchemaEditor, glossa_schema_editor, GLOSSA, SCHEMA_EDITOR, AdwWindow)

/* Edits the labels of the corpus at @corpus_root (a folder or a JSONL
 * corpus file). With @single_article, @corpus_root is the folder of an
 * article opened on its own, and the editor says that its labels are those
 * of that folder.
 *
 * Signals:
 * "prepare" (returns gboolean): before a rename rewrites annotation files;
 *   the window writes its pending edits and returns FALSE if it cannot,
 *   and then nothing is renamed.
 * "saved": after glossa-schema.json (and, for a rename, the annotation
 *   files) changed on disk.
 *
 * Actions: "editor.add-label", "editor.save" (Ctrl+S).
 */
GlossaSchemaEditor *glossa_schema_editor_new         (GFile              *corpus_root,
                                                      gboolean            single_article);

GFile              *glossa_schema_editor_get_file    (GlossaSchemaEditor *self);
gboolean            glossa_schema_editor_get_modified (GlossaSchemaEditor *self);
guint               glossa_schema_editor_get_n_labels (GlossaSchemaEditor *self);
/* The widget of @field ("name", "title", "key", "color", "overlap", "rename")
 * for label @index, and the error shown next to the label's fields (NULL
 * when none): what the user types into and reads.
 */
GtkWidget          *glossa_schema_editor_get_field   (GlossaSchemaEditor *self,
                                                      guint               index,
                                                      const char         *field);
const char         *glossa_schema_editor_get_error   (GlossaSchemaEditor *self,
                                                      guint               index);
/* Starts renaming label @index to @new_name as the Rename dialog does:
 * counts the files in the background, then asks "Rename … in N files?".
 */
void                glossa_schema_editor_rename      (GlossaSchemaEditor *self,
                                                      guint               index,
                                                      const char         *new_name);

G_END_DECLS
