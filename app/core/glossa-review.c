/* glossa-review.c: comparing two or more annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-by-id.h"
#include "glossa-corpus.h"
#include "glossa-export.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-merge.h"
#include "glossa-output.h"
#include "glossa-review.h"
#include "glossa-storage.h"

void
glossa_review_item_free (GlossaReviewItem *item)
{
  if (item == NULL)
    return;
  for (guint i = 0; i < item->n_sides; i++)
    {
      g_clear_pointer (&item->sides[i], glossa_span_unref);
      if (item->targets != NULL)
        g_clear_pointer (&item->targets[i], glossa_span_unref);
      if (item->link_types != NULL)
        g_free (item->link_types[i]);
    }
  g_free (item->sides);
  g_free (item->targets);
  g_free (item->link_types);
  g_free (item);
}

gboolean
glossa_review_same_values (const GlossaSpan *a,
                           const GlossaSpan *b)
{
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->attributes == NULL || b->attributes == NULL)
    return (a->attributes == NULL || json_object_get_size (a->attributes) == 0) &&
           (b->attributes == NULL || json_object_get_size (b->attributes) == 0);
  node_a = json_node_init_object (json_node_alloc (), a->attributes);
  node_b = json_node_init_object (json_node_alloc (), b->attributes);
  return json_node_equal (node_a, node_b);
}

/* Whether every span of @sides (nullable ones skipped) has @first's values. */
static gboolean
all_same_values (GlossaSpan **sides,
                 guint        n_sides)
{
  GlossaSpan *first = NULL;

  for (guint i = 0; i < n_sides; i++)
    {
      if (sides[i] == NULL)
        continue;
      if (first != NULL && !glossa_review_same_values (first, sides[i]))
        return FALSE;
      first = first ? first : sides[i];
    }
  return TRUE;
}

/* The kind of an item that is not an agreement. */
static GlossaReviewKind
disagreement_kind (GlossaSpan **sides,
                   guint        n_sides)
{
  GlossaLabel label = 0;
  guint present = 0;

  for (guint i = 0; i < n_sides; i++)
    {
      if (sides[i] == NULL)
        continue;
      if (label != 0 && sides[i]->label != label)
        return GLOSSA_REVIEW_LABEL_CONFLICT;
      label = sides[i]->label;
      present++;
    }
  if (present == n_sides)
    return GLOSSA_REVIEW_VALUE_CONFLICT;
  if (n_sides == 2)
    return sides[0] != NULL ? GLOSSA_REVIEW_ONLY_A : GLOSSA_REVIEW_ONLY_B;
  return GLOSSA_REVIEW_PARTIAL;
}

/* Takes @sides, an array of n_sides spans (nullable), references added. */
static void
add_item (GPtrArray   *items,
          gboolean     agree,
          GlossaSpan **sides,
          guint        n_sides)
{
  GlossaReviewItem *item = g_new0 (GlossaReviewItem, 1);
  GlossaSpan *any = NULL;

  item->n_sides = n_sides;
  item->sides = g_new0 (GlossaSpan *, MAX (n_sides, 2));
  for (guint i = 0; i < n_sides; i++)
    {
      item->sides[i] = sides[i] ? glossa_span_ref (sides[i]) : NULL;
      any = any ? any : sides[i];
    }
  item->a = item->sides[0];
  item->b = item->sides[1];
  item->kind = agree ? GLOSSA_REVIEW_AGREE : disagreement_kind (sides, n_sides);
  item->start = any->start;
  item->end = any->end;
  g_ptr_array_add (items, item);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

static GPtrArray *
sorted_copy (GPtrArray *spans)
{
  GPtrArray *copy = g_ptr_array_new_full (spans ? spans->len : 0, NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (spans, i));
  g_ptr_array_sort (copy, compare_pointers);
  return copy;
}

static gboolean
same_range (const GlossaSpan *a,
            const GlossaSpan *b)
{
  return a->start == b->start && a->end == b->end;
}

static gboolean
range_before (const GlossaSpan *a,
              const GlossaSpan *b)
{
  return a->start < b->start || (a->start == b->start && a->end < b->end);
}

/* The index in @run (spans over one range, sorted by label) of a span
 * with @label, or -1.
 */
static int
find_label (GPtrArray   *run,
            GlossaLabel  label)
{
  for (guint i = 0; i < run->len; i++)
    if (((GlossaSpan *) g_ptr_array_index (run, i))->label == label)
      return (int) i;
  return -1;
}

/* The label the most runs have (ties: the first in label order), or 0
 * when every run is empty.
 */
static GlossaLabel
most_shared_label (GPtrArray **runs,
                   guint       n)
{
  GlossaLabel best = 0;
  guint best_count = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < runs[i]->len; j++)
      {
        GlossaLabel label = ((GlossaSpan *) g_ptr_array_index (runs[i], j))->label;
        guint count = 0;

        for (guint k = 0; k < n; k++)
          count += find_label (runs[k], label) >= 0;
        if (count > best_count ||
            (count == best_count && glossa_label_compare (label, best) < 0))
          best = label, best_count = count;
      }
  return best;
}

/* Takes from each run its span with @label, else (unless @exact) its
 * first span, into @taken; returns how many sides had @label.
 */
static guint
take_label (GPtrArray   **runs,
            guint         n,
            GlossaLabel   label,
            gboolean      exact,
            GlossaSpan  **taken)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      int index = find_label (runs[i], label);

      count += index >= 0;
      if (index < 0 && (exact || runs[i]->len == 0))
        {
          taken[i] = NULL;
          continue;
        }
      taken[i] = g_ptr_array_steal_index (runs[i], index >= 0 ? (guint) index : 0);
    }
  return count;
}

/* Every run covers the same characters and is sorted by label. */
static void
pair_range (GPtrArray  *items,
            GPtrArray **runs,
            guint       n)
{
  g_autofree GlossaSpan **taken = g_new0 (GlossaSpan *, n);
  GlossaLabel label;

  /* Agreements first, in label order: a label every side has. */
  for (;;)
    {
      GlossaLabel shared = 0;

      for (guint j = 0; n > 0 && j < runs[0]->len && shared == 0; j++)
        {
          GlossaLabel candidate = ((GlossaSpan *) g_ptr_array_index (runs[0], j))->label;
          guint count = 0;

          for (guint k = 0; k < n; k++)
            count += find_label (runs[k], candidate) >= 0;
          if (count == n)
            shared = candidate;
        }
      if (shared == 0)
        break;
      take_label (runs, n, shared, TRUE, taken);
      add_item (items, all_same_values (taken, n), taken, n);
    }

  while ((label = most_shared_label (runs, n)) != 0)
    {
      take_label (runs, n, label, FALSE, taken);
      add_item (items, FALSE, taken, n);
    }
}

/* The run over the first range of characters any side has left. */
static gboolean
next_range (GPtrArray **sorted,
            guint      *next,
            guint       n,
            GPtrArray **runs)
{
  GlossaSpan *first = NULL;

  for (guint i = 0; i < n; i++)
    if (next[i] < sorted[i]->len)
      {
        GlossaSpan *span = g_ptr_array_index (sorted[i], next[i]);

        if (first == NULL || range_before (span, first))
          first = span;
      }
  if (first == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      runs[i] = g_ptr_array_new ();
      while (next[i] < sorted[i]->len && same_range (g_ptr_array_index (sorted[i], next[i]), first))
        g_ptr_array_add (runs[i], g_ptr_array_index (sorted[i], next[i]++));
    }
  return TRUE;
}

GPtrArray *
glossa_review_compare_n (GPtrArray *sides)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_review_item_free);
  guint n;
  g_autofree GPtrArray **sorted = NULL;
  g_autofree GPtrArray **runs = NULL;
  g_autofree guint *next = NULL;

  g_return_val_if_fail (sides != NULL, items);

  n = sides->len;
  sorted = g_new0 (GPtrArray *, n);
  runs = g_new0 (GPtrArray *, n);
  next = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    sorted[i] = sorted_copy (g_ptr_array_index (sides, i));

  /* A merge of sorted lists, one range of characters at a time. */
  while (next_range (sorted, next, n, runs))
    {
      pair_range (items, runs, n);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&runs[i], g_ptr_array_unref);
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (sorted[i]);
  return items;
}

GPtrArray *
glossa_review_compare (GPtrArray *a_spans,
                       GPtrArray *b_spans)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();

  g_ptr_array_add (sides, a_spans);
  g_ptr_array_add (sides, b_spans);
  return glossa_review_compare_n (sides);
}

/* Links */

/* One side's spans by id, and its links by the id of the span they leave. */
typedef struct
{
  GHashTable *spans;
  GHashTable *links;
} SideLinks;

static void
side_links_init (SideLinks *side,
                 GPtrArray *spans,
                 GPtrArray *relations)
{
  side->spans = g_hash_table_new (g_str_hash, g_str_equal);
  side->links = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->id != NULL)
        g_hash_table_insert (side->spans, span->id, span);
    }
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      GPtrArray *from = g_hash_table_lookup (side->links, relation->from);

      if (from == NULL)
        g_hash_table_insert (side->links, relation->from, from = g_ptr_array_new ());
      g_ptr_array_add (from, relation);
    }
}

static void
side_links_clear (SideLinks *side)
{
  g_clear_pointer (&side->spans, g_hash_table_unref);
  g_clear_pointer (&side->links, g_hash_table_unref);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* What @span's links are, independent of span ids ("type start end
 * label" lines, sorted), so that sides compare; the first one's target
 * and type go to @target and @type. A link to a span the side does not
 * have is left out, as the reader would have refused it.
 */
static char *
link_key (SideLinks         *side,
          const GlossaSpan  *span,
          GlossaSpan       **target,
          char             **type)
{
  GPtrArray *links = span->id ? g_hash_table_lookup (side->links, span->id) : NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GlossaRelation *first = NULL;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (links, i);
      GlossaSpan *to = g_hash_table_lookup (side->spans, relation->to);

      if (to == NULL)
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
                                               relation->type, to->start, to->end,
                                               glossa_label_to_string (to->label)));
      if (first == NULL || glossa_relation_compare (relation, first) < 0)
        first = relation;
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  *target = first ? glossa_span_ref (g_hash_table_lookup (side->spans, first->to)) : NULL;
  *type = first ? g_strdup (first->type) : NULL;
  return g_strjoinv ("", (char **) lines->pdata);
}

/* Fills @item's targets; returns whether every side's links are alike. */
static gboolean
item_links_agree (GlossaReviewItem *item,
                  SideLinks        *sides)
{
  g_autofree char *first = NULL;
  gboolean agree = TRUE;

  item->targets = g_new0 (GlossaSpan *, item->n_sides);
  item->link_types = g_new0 (char *, item->n_sides);
  for (guint i = 0; i < item->n_sides; i++)
    {
      g_autofree char *key = link_key (&sides[i], item->sides[i], &item->targets[i], &item->link_types[i]);

      if (first == NULL)
        first = g_steal_pointer (&key);
      else
        agree = agree && g_str_equal (first, key);
    }
  return agree;
}

void
glossa_review_compare_links (GPtrArray *items,
                             GPtrArray *sides,
                             GPtrArray *relations)
{
  g_autofree SideLinks *links = NULL;

  g_return_if_fail (items != NULL && sides != NULL && relations != NULL);
  g_return_if_fail (relations->len == sides->len);

  links = g_new0 (SideLinks, sides->len);
  for (guint i = 0; i < sides->len; i++)
    side_links_init (&links[i], g_ptr_array_index (sides, i), g_ptr_array_index (relations, i));
  for (guint i = 0; i < items->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (items, i);

      /* Only an agreement has the same span on every side to compare. */
      if (item->kind != GLOSSA_REVIEW_AGREE || item->n_sides != sides->len || item->targets != NULL)
        continue;
      if (!item_links_agree (item, links))
        item->kind = GLOSSA_REVIEW_LINK_CONFLICT;
    }
  for (guint i = 0; i < sides->len; i++)
    side_links_clear (&links[i]);
}

/* The id of @result's span with @span's characters and label, or NULL. */
static const char *
result_span_id (GlossaDocument   *result,
                const GlossaSpan *span)
{
  guint index;

  if (!glossa_document_find_span (result, (GlossaSpan *) span, &index))
    return NULL;
  return glossa_document_get_span (result, index)->id;
}

/* Removes the links that leave @span_id in @result. */
static gboolean
remove_links_from (GlossaDocument  *result,
                   const char      *span_id,
                   GError         **error)
{
  g_autoptr(GPtrArray) links = glossa_document_get_relations_of (result, span_id);

  for (guint i = 0; i < links->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (links, i);

      if (g_str_equal (relation->from, span_id) &&
          !glossa_document_remove_relation (result, relation->id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
glossa_review_keep_link (GlossaDocument          *result,
                         const GlossaReviewItem  *item,
                         guint                    side,
                         const char              *decision,
                         const char * const      *sources,
                         const char              *reviewed,
                         GError                 **error)
{
  const char *from, *to;
  GlossaSpan *target;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (result), FALSE);
  g_return_val_if_fail (item != NULL && side < item->n_sides, FALSE);
  g_return_val_if_fail (decision != NULL && sources != NULL, FALSE);

  if (item->targets == NULL || item->sides[side] == NULL ||
      !(from = result_span_id (result, item->sides[side])))
    return TRUE;
  if (!remove_links_from (result, from, error))
    return FALSE;
  if ((target = item->targets[side]) == NULL)
    return TRUE;

  /* A link needs its target in the result: the side's span, with the
   * provenance of this decision, when no span there has its characters
   * and label yet.
   */
  if (!(to = result_span_id (result, target)))
    {
      g_autoptr(GlossaSpan) copy = glossa_merge_span_with_review (target, decision, sources,
                                                                  reviewed ? glossa_document_get_user (result) : NULL,
                                                                  reviewed);
      GlossaSpan *added = glossa_document_add_span_copy (result, copy, error);

      if (added == NULL)
        return FALSE;
      to = added->id;
    }
  return glossa_document_add_relation (result, item->link_types[side], from, to, error) != NULL;
}

void
glossa_review_item_get_options (const GlossaReviewItem *item,
                                GArray                 *labels,
                                GArray                 *counts)
{
  g_return_if_fail (item != NULL && labels != NULL);

  for (guint i = 0; i < item->n_sides; i++)
    {
      GlossaLabel label;
      guint at = 0, one = 1;

      if (item->sides[i] == NULL)
        continue;
      label = item->sides[i]->label;
      while (at < labels->len && g_array_index (labels, GlossaLabel, at) != label &&
             glossa_label_compare (g_array_index (labels, GlossaLabel, at), label) < 0)
        at++;
      if (at < labels->len && g_array_index (labels, GlossaLabel, at) == label)
        {
          if (counts != NULL)
            g_array_index (counts, guint, at)++;
          continue;
        }
      g_array_insert_val (labels, at, label);
      if (counts != NULL)
        g_array_insert_val (counts, at, one);
    }
}

/* Whether sides @i and @j of @item have the same first link (both none too). */
static gboolean
same_link (const GlossaReviewItem *item,
           guint                   i,
           guint                   j)
{
  GlossaSpan *a, *b;

  if (item->targets == NULL)
    return TRUE;
  a = item->targets[i], b = item->targets[j];
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (item->link_types[i], item->link_types[j]) == 0 && glossa_span_same_key (a, b);
}

int
glossa_review_item_get_majority_side (const GlossaReviewItem *item)
{
  g_return_val_if_fail (item != NULL, -1);

  /* The first side of a group, the same label and values, that more than
   * half of the sides are in.
   */
  for (guint i = 0; i < item->n_sides; i++)
    {
      guint count = 0;

      if (item->sides[i] == NULL)
        continue;
      for (guint j = 0; j < item->n_sides; j++)
        count += item->sides[j] != NULL && item->sides[j]->label == item->sides[i]->label &&
                 glossa_review_same_values (item->sides[i], item->sides[j]) &&
                 same_link (item, i, j);
      if (count * 2 > item->n_sides)
        return (int) i;
    }
  return -1;
}

GlossaLabel
glossa_review_item_get_majority (const GlossaReviewItem *item)
{
  int side;

  g_return_val_if_fail (item != NULL, 0);

  side = glossa_review_item_get_majority_side (item);
  return side >= 0 ? item->sides[side]->label : 0;
}

gboolean
glossa_review_item_is_disagreement (const GlossaReviewItem *item)
{
  return item->kind != GLOSSA_REVIEW_AGREE;
}

static gboolean
has_option (JsonArray   *options,
            GlossaLabel  label)
{
  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonNode *node = json_array_get_element (options, i);
      JsonObject *option = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (option != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (option, "label", NULL),
                     glossa_label_to_string (label)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The same characters, and options that are the item's labels. */
gboolean
glossa_review_decision_matches (JsonNode               *record,
                                const GlossaReviewItem *item)
{
  g_autoptr(GArray) labels = NULL;
  JsonObject *object;
  JsonNode *options;

  g_return_val_if_fail (record != NULL && item != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (record))
    return FALSE;
  object = json_node_get_object (record);
  options = json_object_get_member (object, "options");
  if (json_object_get_int_member_with_default (object, "start", -1) != item->start ||
      json_object_get_int_member_with_default (object, "end", -1) != item->end ||
      options == NULL || !JSON_NODE_HOLDS_ARRAY (options))
    return FALSE;

  labels = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  glossa_review_item_get_options (item, labels, NULL);
  if (json_array_get_length (json_node_get_array (options)) != labels->len)
    return FALSE;
  for (guint i = 0; i < labels->len; i++)
    if (!has_option (json_node_get_array (options), g_array_index (labels, GlossaLabel, i)))
      return FALSE;
  return TRUE;
}

static gboolean
decided_neither (const GlossaAnnotations *result,
                 const GlossaReviewItem  *item)
{
  JsonNode *node = result->extra ? json_object_get_member (result->extra, "decisions") : NULL;
  JsonArray *decisions = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    {
      JsonNode *record = json_array_get_element (decisions, i);

      if (glossa_review_decision_matches (record, item) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (record),
                                                                 "decision", NULL), "neither") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_span (GPtrArray        *sorted,
          const GlossaSpan *span)
{
  guint index;

  return span != NULL &&
         g_ptr_array_find_with_equal_func (sorted, span, (GEqualFunc) glossa_span_same_key, &index);
}

static gboolean
result_has_side (GPtrArray              *spans,
                 const GlossaReviewItem *item)
{
  for (guint i = 0; i < item->n_sides; i++)
    if (has_span (spans, item->sides[i]))
      return TRUE;
  return FALSE;
}

GPtrArray *
glossa_review_compare_sides (GPtrArray *sides,
                             GPtrArray *relations)
{
  GPtrArray *items;

  g_return_val_if_fail (sides != NULL, NULL);
  g_return_val_if_fail (relations == NULL || relations->len == sides->len, NULL);

  items = glossa_review_compare_n (sides);
  if (relations != NULL)
    glossa_review_compare_links (items, sides, relations);
  return items;
}

guint
glossa_review_count_pending_n (GPtrArray               *sides,
                               const GlossaAnnotations *result)
{
  return glossa_review_count_pending_with_links (sides, NULL, result, FALSE);
}

/* Nothing adjudicated yet: no result, or one with neither spans nor
 * decisions (a JSONL output's line before the article is first shown).
 */
static gboolean
result_is_fresh (const GlossaAnnotations *result)
{
  return result == NULL ||
         (result->spans->len == 0 &&
          (result->extra == NULL || !json_object_has_member (result->extra, "decisions")));
}

guint
glossa_review_count_pending_with_links (GPtrArray               *sides,
                                        GPtrArray               *relations,
                                        const GlossaAnnotations *result,
                                        gboolean                 majority)
{
  g_autoptr(GPtrArray) items = glossa_review_compare_sides (sides, relations);
  gboolean majority_decides = majority && result_is_fresh (result);
  guint pending = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GlossaReviewItem *item = g_ptr_array_index (items, i);

      if (!glossa_review_item_is_disagreement (item) ||
          (majority_decides && glossa_review_item_get_majority_side (item) >= 0))
        continue;
      if (result == NULL ||
          !(result_has_side (result->spans, item) || decided_neither (result, item)))
        pending++;
    }
  return pending;
}

guint
glossa_review_count_pending (GPtrArray               *a_spans,
                             GPtrArray               *b_spans,
                             const GlossaAnnotations *result)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();

  g_ptr_array_add (sides, a_spans);
  g_ptr_array_add (sides, b_spans);
  return glossa_review_count_pending_n (sides, result);
}

const char *
glossa_review_kind_to_string (GlossaReviewKind kind)
{
  switch (kind)
    {
    case GLOSSA_REVIEW_AGREE:
      return "agree";
    case GLOSSA_REVIEW_LABEL_CONFLICT:
      return "label-conflict";
    case GLOSSA_REVIEW_ONLY_A:
      return "only-a";
    case GLOSSA_REVIEW_ONLY_B:
      return "only-b";
    case GLOSSA_REVIEW_PARTIAL:
      return "partial";
    case GLOSSA_REVIEW_VALUE_CONFLICT:
      return "value-conflict";
    case GLOSSA_REVIEW_LINK_CONFLICT:
      return "link-conflict";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Review sources: the documents of B, found by id (glossa-by-id.c) */

struct _GlossaReviewSource
{
  GPtrArray *sides;  /* of GlossaById, B first */
  GPtrArray *files;  /* of GFile: each side as given */
};

/* What a side's spans are read from: a JSONL corpus's annotations are in
 * FILE.annotations.jsonl beside it, lines with "id" and "spans" as an
 * export's are; FILE.jsonl itself has only the articles (and at most the
 * spans they came with).
 */
static GFile *
spans_file_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) annotations = NULL;

  if (name == NULL || !g_str_has_suffix (name, ".jsonl") || g_str_has_suffix (name, ".annotations.jsonl"))
    return g_object_ref (file);
  annotations = glossa_corpus_annotations_file_for_jsonl (file);
  if (g_file_query_file_type (annotations, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
    return g_steal_pointer (&annotations);
  return g_object_ref (file);
}

void
glossa_review_source_free (GlossaReviewSource *source)
{
  if (source == NULL)
    return;
  g_clear_pointer (&source->sides, g_ptr_array_unref);
  g_clear_pointer (&source->files, g_ptr_array_unref);
  g_free (source);
}

GlossaReviewSource *
glossa_review_source_open_sides (GFile * const  *files,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(GlossaReviewSource) source = g_new0 (GlossaReviewSource, 1);

  g_return_val_if_fail (files != NULL && G_IS_FILE (files[0]), NULL);

  source->sides = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_by_id_free);
  source->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) spans_file = spans_file_for (files[i]);
      GlossaById *documents = glossa_by_id_open (spans_file, cancellable, error);

      if (documents == NULL)
        return NULL;
      g_ptr_array_add (source->sides, documents);
      g_ptr_array_add (source->files, g_object_ref (files[i]));
    }
  return g_steal_pointer (&source);
}

GlossaReviewSource *
glossa_review_source_open (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GFile *files[] = { file, NULL };

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return glossa_review_source_open_sides (files, cancellable, error);
}

guint
glossa_review_source_get_n_sides (GlossaReviewSource *source)
{
  g_return_val_if_fail (source != NULL, 0);
  return source->sides->len;
}

static GlossaById *
side_documents (GlossaReviewSource *source,
                guint               side)
{
  return g_ptr_array_index (source->sides, side);
}

GFile *
glossa_review_source_get_side_file (GlossaReviewSource *source,
                                    guint               side)
{
  g_return_val_if_fail (source != NULL && side < source->sides->len, NULL);
  return g_ptr_array_index (source->files, side);
}

GFile *
glossa_review_source_get_file (GlossaReviewSource *source)
{
  return glossa_review_source_get_side_file (source, 0);
}

gboolean
glossa_review_source_has (GlossaReviewSource *source,
                          const char         *id)
{
  return glossa_by_id_has (side_documents (source, 0), id);
}

guint
glossa_review_source_get_n_documents (GlossaReviewSource *source)
{
  return glossa_by_id_get_n_documents (side_documents (source, 0));
}

GPtrArray *
glossa_review_source_get_side_spans (GlossaReviewSource  *source,
                                     guint                side,
                                     const char          *id,
                                     GlossaArticle       *article,
                                     GError             **error)
{
  g_return_val_if_fail (source != NULL && side < source->sides->len, NULL);

  return glossa_by_id_get_spans (side_documents (source, side), id, article, error);
}

GPtrArray *
glossa_review_source_get_side_relations (GlossaReviewSource  *source,
                                         guint                side,
                                         const char          *id,
                                         GlossaArticle       *article,
                                         GError             **error)
{
  g_return_val_if_fail (source != NULL && side < source->sides->len, NULL);

  return glossa_by_id_get_relations (side_documents (source, side), id, article, error);
}

GlossaAnnotations *
glossa_review_source_get_side_annotations (GlossaReviewSource  *source,
                                           guint                side,
                                           const char          *id,
                                           GlossaArticle       *article,
                                           GError             **error)
{
  g_return_val_if_fail (source != NULL && side < source->sides->len, NULL);

  return glossa_by_id_get_annotations (side_documents (source, side), id, article, error);
}

GPtrArray *
glossa_review_source_get_spans (GlossaReviewSource  *source,
                                const char          *id,
                                GlossaArticle       *article,
                                GError             **error)
{
  return glossa_review_source_get_side_spans (source, 0, id, article, error);
}

/* The adjudicated output */

static GFile *
result_file (GFile      *output,
             const char *id)
{
  g_autofree char *name = glossa_output_safe_name (id, NULL);
  g_autofree char *file_name = g_strconcat (name, GLOSSA_ANNOTATIONS_SUFFIX, NULL);

  return g_file_resolve_relative_path (output, file_name);
}

GlossaAnnotations *
glossa_review_read_result (GFile          *output,
                           const char     *id,
                           GlossaArticle  *article,
                           GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  file = result_file (output, id);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  name = g_file_get_parse_name (file);
  return glossa_format_read (contents, len, name, article, error);
}

GFile *
glossa_review_output_file (GFile      *output,
                           const char *id)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  file = result_file (output, id);

  /* The output folder may not exist yet (glossa review -o NEW), and ids of
   * folder corpora have subfolders ("2021/article-7"), which the
   * document's save would not make. Failing here is not fatal: the save
   * reports it, naming the file.
   */
  path = g_file_get_path (file);
  if (path != NULL && !glossa_output_make_parent (path, &error))
    g_debug ("%s", error->message);
  return g_steal_pointer (&file);
}

static const char *
most_named_annotator (GPtrArray *spans)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      guint count;

      if (span->annotator == NULL || span->annotator[0] == '\0')
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, span->annotator)) + 1;
      g_hash_table_insert (counts, span->annotator, GUINT_TO_POINTER (count));
      if (count > best_count)
        best = span->annotator, best_count = count;
    }
  return best;
}

char *
glossa_review_side_name (const char *annotator,
                         GPtrArray  *spans,
                         GFile      *file,
                         const char *other)
{
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : g_strdup ("?");
  const char *name = annotator != NULL && annotator[0] != '\0' ? annotator : most_named_annotator (spans);

  /* "ben.jsonl" goes by "ben", as a folder "ben" does. */
  if (g_str_has_suffix (base, ".jsonl") && strlen (base) > strlen (".jsonl"))
    base[strlen (base) - strlen (".jsonl")] = '\0';

  if (name == NULL)
    return g_steal_pointer (&base);
  if (g_strcmp0 (name, other) == 0)
    return g_strdup_printf ("%s (%s)", name, base);
  return g_strdup (name);
}

gboolean
glossa_review_copy_article (GFile          *output,
                            const char     *id,
                            GlossaArticle  *article,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GFile) annotations = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossaArticle) there = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), FALSE);

  /* NAME.txt beside NAME.annotations.json, whatever NAME the id made. */
  annotations = glossa_review_output_file (output, id);
  file = glossa_article_file_for_annotations (annotations);
  bytes = g_bytes_new (glossa_article_get_text (article), glossa_article_get_n_bytes (article));
  if (glossa_file_create_new (file, bytes, cancellable, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_error (&local_error);
  there = glossa_article_load (file, cancellable, &local_error);
  if (there != NULL &&
      g_strcmp0 (glossa_article_get_sha256 (there), glossa_article_get_sha256 (article)) == 0)
    return TRUE;
  name = g_file_get_parse_name (file);
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
               _("%s: another article is already there; the adjudicated article is not copied"), name);
  return FALSE;
}

/* Why @output may not hold the adjudication of a comparison with @input
 * (A's or B's file or folder), or NULL if it may.
 */
static char *
output_conflict (GFile *output,
                 GFile *input)
{
  g_autofree char *input_name = g_file_get_parse_name (input);
  g_autoptr(GFile) input_folder = NULL;

  if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      if (glossa_output_is_inside (output, input))
        return g_strdup_printf (_("it is the compared folder “%s” or inside it"), input_name);
      if (glossa_output_is_inside (input, output))
        return g_strdup_printf (_("it holds the compared folder “%s”"), input_name);
      return NULL;
    }

  /* A's file itself, or its folder, where NAME.annotations.json would
   * be the compared annotations.
   */
  input_folder = g_file_get_parent (input);
  if (glossa_output_is_inside (output, input) ||
      (input_folder != NULL && glossa_output_is_inside (input_folder, output) &&
       glossa_output_is_inside (output, input_folder)))
    return g_strdup_printf (_("it is the folder of the compared “%s”"), input_name);
  return NULL;
}

/* A JSONL corpus as the output */

gboolean
glossa_review_output_is_jsonl (GFile *output)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  name = g_file_get_basename (output);
  return name != NULL && g_str_has_suffix (name, ".jsonl") &&
         g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY;
}

/* OUT.jsonl and OUT.annotations.jsonl may be neither A's nor B's files. */
static gboolean
check_jsonl_output (GFile   *output,
                    GFile   *a,
                    GFile   *b,
                    GError **error)
{
  g_autoptr(GFile) annotations = glossa_corpus_annotations_file_for_jsonl (output);
  g_autofree char *output_name = g_file_get_parse_name (output);
  g_autofree char *name = g_file_get_basename (output);

  if (g_str_has_suffix (name, ".annotations.jsonl"))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("The adjudicated corpus cannot be “%s”: that name is for annotation files"), output_name);
      return FALSE;
    }
  /* A link could lead to A's or B's own files. */
  if (g_file_query_file_type (output, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_SYMBOLIC_LINK ||
      g_file_query_file_type (annotations, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("The adjudicated corpus cannot be “%s”: it or its annotations file is a symbolic link"),
                   output_name);
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      GFile *input = i == 0 ? a : b;
      g_autoptr(GFile) input_annotations = NULL;

      if (input == NULL)
        continue;
      input_annotations = glossa_corpus_annotations_file_for_jsonl (input);
      if (g_file_equal (output, input) || g_file_equal (annotations, input) ||
          g_file_equal (annotations, input_annotations))
        {
          g_autofree char *input_name = g_file_get_parse_name (input);

          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       _("The adjudicated annotations need a file of their own, not “%s”: it is the compared “%s”"),
                       output_name, input_name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
glossa_review_prepare_jsonl_output (GFile         *output,
                                    GFile         *a,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GlossaRecordSource) records = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *paths[] = { NULL, NULL };

  g_return_val_if_fail (G_IS_FILE (output) && G_IS_FILE (a), FALSE);

  if (g_file_query_exists (output, cancellable))
    return TRUE;
  path = g_file_get_path (a);
  paths[0] = path;
  if (!(records = glossa_record_source_open (paths, cancellable, error)))
    return FALSE;
  for (guint i = 0; i < glossa_record_source_get_n_records (records); i++)
    {
      g_autoptr(GlossaRecord) record = glossa_record_source_load (records, i, error);

      if (record == NULL)
        return FALSE;
      /* No spans: a line's spans would be taken as the result's first
       * annotations. */
      glossa_record_append_article_line (lines, record);
    }
  bytes = g_bytes_new_static (lines->str, lines->len);
  /* Never over a file: one made meanwhile is the one used. */
  if (glossa_file_create_new (output, bytes, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GlossaAnnotations *
glossa_review_result_from_document (GlossaDocument *document)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();
  JsonNode *decisions;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), annotations);

  g_ptr_array_extend_and_steal (annotations->spans, glossa_document_dup_spans (document));
  decisions = glossa_document_get_extra_member (document, "decisions");
  if (decisions != NULL)
    {
      annotations->extra = json_object_new ();
      json_object_set_member (annotations->extra, "decisions", json_node_copy (decisions));
    }
  return annotations;
}

gboolean
glossa_review_check_output (GFile   *output,
                            GFile   *a,
                            GFile   *b,
                            GError **error)
{
  g_autofree char *output_name = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (a == NULL || G_IS_FILE (a), FALSE);
  g_return_val_if_fail (b == NULL || G_IS_FILE (b), FALSE);

  output_name = g_file_get_parse_name (output);
  if (glossa_review_output_is_jsonl (output))
    return check_jsonl_output (output, a, b, error);
  type = g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL);
  if (type != G_FILE_TYPE_UNKNOWN && type != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("The adjudicated annotations need a folder; “%s” is not one"), output_name);
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      GFile *input = i == 0 ? a : b;
      g_autofree char *reason = input != NULL ? output_conflict (output, input) : NULL;

      if (reason != NULL)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       _("The adjudicated annotations need a folder of their own, not “%s”: %s"),
                       output_name, reason);
          return FALSE;
        }
    }
  return TRUE;
}
