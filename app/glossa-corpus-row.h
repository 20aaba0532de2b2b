/* glossa-corpus-row.h: one article in the corpus sidebar
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-corpus.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_CORPUS_ROW (glossa_corpus_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossaCorpusRow, glossa_corpus_row, GLOSSA, CORPUS_ROW, GtkWidget)

GtkWidget        *glossa_corpus_row_new      (void);
GlossaCorpusItem *glossa_corpus_row_get_item (GlossaCorpusRow  *self);
void              glossa_corpus_row_set_item (GlossaCorpusRow  *self,
                                              GlossaCorpusItem *item);

G_END_DECLS
