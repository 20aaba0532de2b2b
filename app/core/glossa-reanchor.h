/* glossa-reanchor.h: moving spans onto a changed article by finding their text
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-format.h"

G_BEGIN_DECLS

/* How far (in bytes, each side) a span's text is looked for around where
 * it is expected. Together with the shift learnt from the spans before it,
 * this follows any single insertion or deletion up to this size.
 */
#define GLOSSA_REANCHOR_WINDOW (1 << 16)

typedef struct
{
  /* The annotations for the new article: its sha256 and length, the
   * spans placed (ids, notes, origins and unknown members kept), every
   * other member as it was.
   */
  GlossaAnnotations *annotations;
  guint              n_unchanged;  /* found at their old offsets */
  guint              n_moved;      /* found elsewhere */
  GPtrArray         *lost;         /* of GlossaSpan, as they were: not placed */
} GlossaReanchor;

void            glossa_reanchor_free       (GlossaReanchor          *reanchor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaReanchor, glossa_reanchor_free)

/* Places each span of @old in @article: where the span before it moved to
 * (at its old offsets while nothing moved) if its text is there; else at
 * its old offsets; else at the occurrence nearest to where it is expected
 * (its old offset plus the shift of the span before), within
 * GLOSSA_REANCHOR_WINDOW. A span whose text is not found, or whose place
 * another span of the same label already took, is lost. Deterministic;
 * time grows with the number of spans and how far they moved, within a
 * budget proportional to the article's size.
 */
GlossaReanchor *glossa_reanchor            (const GlossaAnnotations *old,
                                            GlossaArticle           *article);

/* Reads @annotations_file (bounded, regular files only) checking only its
 * own consistency, not the article's hash, and re-anchors it in @article.
 */
GlossaReanchor *glossa_reanchor_file       (GFile                   *annotations_file,
                                            GlossaArticle           *article,
                                            GCancellable            *cancellable,
                                            GError                 **error);

G_END_DECLS
