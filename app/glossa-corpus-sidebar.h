/* glossa-corpus-sidebar.h: the list of a corpus's articles, filtered and sorted
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-corpus.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_CORPUS_SIDEBAR (glossa_corpus_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (GlossaCorpusSidebar, glossa_corpus_sidebar, GLOSSA, CORPUS_SIDEBAR, GtkWidget)

typedef enum
{
  GLOSSA_CORPUS_SORT_NAME,
  GLOSSA_CORPUS_SORT_DATE,
  GLOSSA_CORPUS_SORT_STATUS,
} GlossaCorpusSort;

GtkWidget    *glossa_corpus_sidebar_new          (void);
GlossaCorpus *glossa_corpus_sidebar_get_corpus   (GlossaCorpusSidebar *self);
void          glossa_corpus_sidebar_set_corpus   (GlossaCorpusSidebar *self,
                                                  GlossaCorpus        *corpus);
void          glossa_corpus_sidebar_select       (GlossaCorpusSidebar *self,
                                                  guint                position);
gboolean      glossa_corpus_sidebar_get_neighbor (GlossaCorpusSidebar *self,
                                                  guint                position,
                                                  int                  direction,
                                                  gboolean             skip_done,
                                                  guint               *neighbor);
void          glossa_corpus_sidebar_refresh      (GlossaCorpusSidebar *self);
guint         glossa_corpus_sidebar_get_n_done   (GlossaCorpusSidebar *self);
void          glossa_corpus_sidebar_set_filter   (GlossaCorpusSidebar *self,
                                                  int                  status,
                                                  const char          *text);
void          glossa_corpus_sidebar_set_sort     (GlossaCorpusSidebar *self,
                                                  GlossaCorpusSort     sort);
GListModel   *glossa_corpus_sidebar_get_model    (GlossaCorpusSidebar *self);

G_END_DECLS
