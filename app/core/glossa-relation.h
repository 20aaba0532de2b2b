/* glossa-relation.h: one link between two spans of an article (format v2)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "glossa-types.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_RELATION (glossa_relation_get_type ())

/* A link of type @type (a relation of the schema, e.g. "source") from the
 * span with id @from to the span with id @to. Immutable once made, like
 * spans: a change replaces it, and the undo stack keeps references.
 */
typedef struct
{
  char *id;
  char *type;
  char *from;
  char *to;
} GlossaRelation;

GType           glossa_relation_get_type (void) G_GNUC_CONST;
GlossaRelation *glossa_relation_new      (const char           *id,
                                          const char           *type,
                                          const char           *from,
                                          const char           *to);
GlossaRelation *glossa_relation_ref      (GlossaRelation       *relation);
void            glossa_relation_unref    (GlossaRelation       *relation);
/* The order of relations in files: by from, to, type, then id. */
int             glossa_relation_compare  (const GlossaRelation *a,
                                          const GlossaRelation *b);
gboolean        glossa_relation_equal    (const GlossaRelation *a,
                                          const GlossaRelation *b);
/* Whether @a and @b link the same two spans with the same type. */
gboolean        glossa_relation_same_key (const GlossaRelation *a,
                                          const GlossaRelation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaRelation, glossa_relation_unref)

G_END_DECLS
