/* glossa-span.c: one annotated span of an article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-span.h"

G_DEFINE_BOXED_TYPE (GlossaSpan, glossa_span, glossa_span_ref, glossa_span_unref)

static void
glossa_span_clear (gpointer data)
{
  GlossaSpan *span = data;

  g_free (span->id);
  g_free (span->text);
  g_free (span->note);
  g_free (span->annotator);
  g_free (span->created);
  g_free (span->modified);
  g_clear_pointer (&span->extra, json_object_unref);
  g_clear_pointer (&span->attributes, json_object_unref);
  g_free (span->value_source);
}

GlossaSpan *
glossa_span_new (const char  *id,
                 gint64       start,
                 gint64       end,
                 GlossaLabel  label,
                 const char  *text)
{
  GlossaSpan *span = g_atomic_rc_box_new0 (GlossaSpan);

  span->id = g_strdup (id);
  span->start = start;
  span->end = end;
  span->label = label;
  span->text = g_strdup (text);
  return span;
}

GlossaSpan *
glossa_span_copy (const GlossaSpan *span)
{
  GlossaSpan *copy;

  g_return_val_if_fail (span != NULL, NULL);

  copy = glossa_span_new (span->id, span->start, span->end, span->label, span->text);
  copy->origin = span->origin;
  copy->note = g_strdup (span->note);
  copy->annotator = g_strdup (span->annotator);
  copy->created = g_strdup (span->created);
  copy->modified = g_strdup (span->modified);
  if (span->extra != NULL)
    copy->extra = json_object_ref (span->extra);
  /* Spans are immutable, so their attribute objects can be shared. */
  if (span->attributes != NULL)
    copy->attributes = json_object_ref (span->attributes);
  copy->value_source = g_strdup (span->value_source);
  return copy;
}

GlossaSpan *
glossa_span_ref (GlossaSpan *span)
{
  g_return_val_if_fail (span != NULL, NULL);
  return g_atomic_rc_box_acquire (span);
}

void
glossa_span_unref (GlossaSpan *span)
{
  g_return_if_fail (span != NULL);
  g_atomic_rc_box_release_full (span, glossa_span_clear);
}

/* The order of spans everywhere: by start, then end, then label. */
int
glossa_span_compare (const GlossaSpan *a,
                     const GlossaSpan *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->label != b->label)
    return glossa_label_compare (a->label, b->label);
  return 0;
}

gboolean
glossa_span_same_key (const GlossaSpan *a,
                      const GlossaSpan *b)
{
  return glossa_span_compare (a, b) == 0;
}

static gboolean
attributes_equal (JsonObject *a,
                  JsonObject *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);
  return json_object_equal (a, b);
}

gboolean
glossa_span_equal (const GlossaSpan *a,
                   const GlossaSpan *b)
{
  return glossa_span_compare (a, b) == 0 &&
         a->origin == b->origin &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->annotator, b->annotator) == 0 &&
         g_strcmp0 (a->created, b->created) == 0 &&
         g_strcmp0 (a->modified, b->modified) == 0 &&
         g_strcmp0 (a->value_source, b->value_source) == 0 &&
         attributes_equal (a->attributes, b->attributes);
}

gboolean
glossa_span_overlaps (const GlossaSpan *a,
                      const GlossaSpan *b)
{
  return a->start < b->end && b->start < a->end;
}

gboolean
glossa_span_contains (const GlossaSpan *outer,
                      const GlossaSpan *inner)
{
  return outer->start <= inner->start && inner->end <= outer->end;
}

const char *
glossa_span_get_attribute (const GlossaSpan *span,
                           const char       *name)
{
  JsonNode *node;

  if (span->attributes == NULL ||
      (node = json_object_get_member (span->attributes, name)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? "true" : "false";
  return json_node_get_string (node);
}

gboolean
glossa_span_is_v2 (const GlossaSpan *span)
{
  return (span->attributes != NULL && json_object_get_size (span->attributes) > 0) ||
         span->value_source != NULL;
}
