/* glossa-relation.c: one link between two spans of an article (format v2)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-relation.h"

G_DEFINE_BOXED_TYPE (GlossaRelation, glossa_relation, glossa_relation_ref, glossa_relation_unref)

static void
glossa_relation_clear (gpointer data)
{
  GlossaRelation *relation = data;

  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->from);
  g_free (relation->to);
}

GlossaRelation *
glossa_relation_new (const char *id,
                     const char *type,
                     const char *from,
                     const char *to)
{
  GlossaRelation *relation = g_atomic_rc_box_new0 (GlossaRelation);

  g_return_val_if_fail (id != NULL && type != NULL && from != NULL && to != NULL, NULL);

  relation->id = g_strdup (id);
  relation->type = g_strdup (type);
  relation->from = g_strdup (from);
  relation->to = g_strdup (to);
  return relation;
}

GlossaRelation *
glossa_relation_ref (GlossaRelation *relation)
{
  g_return_val_if_fail (relation != NULL, NULL);
  return g_atomic_rc_box_acquire (relation);
}

void
glossa_relation_unref (GlossaRelation *relation)
{
  g_return_if_fail (relation != NULL);
  g_atomic_rc_box_release_full (relation, glossa_relation_clear);
}

int
glossa_relation_compare (const GlossaRelation *a,
                         const GlossaRelation *b)
{
  int c;

  if ((c = strcmp (a->from, b->from)) != 0 ||
      (c = strcmp (a->to, b->to)) != 0 ||
      (c = strcmp (a->type, b->type)) != 0)
    return c;
  return strcmp (a->id, b->id);
}

gboolean
glossa_relation_same_key (const GlossaRelation *a,
                          const GlossaRelation *b)
{
  return strcmp (a->from, b->from) == 0 && strcmp (a->to, b->to) == 0 &&
         strcmp (a->type, b->type) == 0;
}

gboolean
glossa_relation_equal (const GlossaRelation *a,
                       const GlossaRelation *b)
{
  return glossa_relation_compare (a, b) == 0;
}
