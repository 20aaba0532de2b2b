/* glossa-span.h: one annotated span of an article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "glossa-types.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SPAN (glossa_span_get_type ())

/* A span is immutable once it is in a document: a change replaces it by a
 * new span with the same id. That makes the undo stack a list of
 * (old, new) pairs and lets a save snapshot the spans by taking references.
 *
 * Offsets are Unicode code points, 0-based, end exclusive.
 */
struct _GlossaSpan
{
  char         *id;
  gint64        start;
  gint64        end;
  GlossaLabel   label;
  GlossaOrigin  origin;
  char         *text;       /* the article's slice [start, end) */
  char         *note;       /* nullable */
  char         *annotator;  /* nullable */
  char         *created;    /* nullable, ISO 8601 UTC */
  char         *modified;   /* nullable, ISO 8601 UTC */
  JsonObject   *extra;      /* nullable: unknown members, kept in file order */
  /* Format v2: nullable, attribute name -> string or boolean, as the schema
   * declares for the label; written sorted by name.
   */
  JsonObject   *attributes;
  /* Format v2: nullable, "auto" when the date normaliser set attribute
   * "value", "annotator" when a person did (the normaliser never touches it).
   */
  char         *value_source;
};

GType       glossa_span_get_type  (void) G_GNUC_CONST;
GlossaSpan *glossa_span_new       (const char       *id,
                                   gint64            start,
                                   gint64            end,
                                   GlossaLabel       label,
                                   const char       *text);
GlossaSpan *glossa_span_copy      (const GlossaSpan *span);
GlossaSpan *glossa_span_ref       (GlossaSpan       *span);
void        glossa_span_unref     (GlossaSpan       *span);
int         glossa_span_compare   (const GlossaSpan *a,
                                   const GlossaSpan *b);
gboolean    glossa_span_same_key  (const GlossaSpan *a,
                                   const GlossaSpan *b);
gboolean    glossa_span_equal     (const GlossaSpan *a,
                                   const GlossaSpan *b);
gboolean    glossa_span_overlaps  (const GlossaSpan *a,
                                   const GlossaSpan *b);
gboolean    glossa_span_contains  (const GlossaSpan *outer,
                                   const GlossaSpan *inner);

/* The string or boolean value of attribute @name ("true"/"false" for
 * booleans), or NULL.
 */
const char *glossa_span_get_attribute (const GlossaSpan *span,
                                       const char       *name);
/* Whether the span uses anything format v1 cannot hold. */
gboolean    glossa_span_is_v2         (const GlossaSpan *span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSpan, glossa_span_unref)

G_END_DECLS
