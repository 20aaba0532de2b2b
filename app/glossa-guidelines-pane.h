/* glossa-guidelines-pane.h: the side pane showing a corpus's annotation guidelines (F1)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_GUIDELINES_PANE (glossa_guidelines_pane_get_type ())

G_DECLARE_FINAL_TYPE (GlossaGuidelinesPane, glossa_guidelines_pane, GLOSSA, GUIDELINES_PANE, GtkWidget)

GtkWidget     *glossa_guidelines_pane_new          (void);
/* Where the article shown lives: @folder, in a corpus whose root folder is
 * @root (NULL for a single article). NULL @folder: nothing is open.
 */
void           glossa_guidelines_pane_set_location (GlossaGuidelinesPane *self,
                                                    GFile                *folder,
                                                    GFile                *root);
/* The guidelines file shown (or that failed to load), or NULL. */
GFile         *glossa_guidelines_pane_get_file     (GlossaGuidelinesPane *self);
/* "text", "none" (no file, or nothing open) or "error". */
const char    *glossa_guidelines_pane_get_state    (GlossaGuidelinesPane *self);
GtkTextView   *glossa_guidelines_pane_get_view     (GlossaGuidelinesPane *self);
GtkEditable   *glossa_guidelines_pane_get_search_entry (GlossaGuidelinesPane *self);
/* What the pane says about the search ("2 of 5"), and what it says
 * instead of the guidelines when it shows none.
 */
const char    *glossa_guidelines_pane_get_match_text (GlossaGuidelinesPane *self);
const char    *glossa_guidelines_pane_get_message  (GlossaGuidelinesPane *self);
/* The number of matches of the search, or -1 while they are counted. */
int            glossa_guidelines_pane_get_n_matches (GlossaGuidelinesPane *self);

G_END_DECLS
