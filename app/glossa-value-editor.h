/* glossa-value-editor.h: a dialog that edits a date's value, checked as it is typed
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_VALUE_EDITOR (glossa_value_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossaValueEditor, glossa_value_editor, GLOSSA, VALUE_EDITOR, AdwMessageDialog)

GtkWidget  *glossa_value_editor_new       (const char        *text,
                                           const char        *value);
/* The value typed, stripped; NULL when empty (the value is removed). */
const char *glossa_value_editor_get_value (GlossaValueEditor *self);
/* What the value means, or why it is wrong, as shown below the entry. */
const char *glossa_value_editor_get_meaning (GlossaValueEditor *self);
GtkEditable *glossa_value_editor_get_entry (GlossaValueEditor *self);

G_END_DECLS
