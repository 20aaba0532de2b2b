/* glossa-review.c: comparing two annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-review.h"

static void
review_item_free (gpointer data)
{
  GlossaReviewItem *item = data;

  g_clear_pointer (&item->a, glossa_span_unref);
  g_clear_pointer (&item->b, glossa_span_unref);
  g_free (item);
}

static void
add_item (GPtrArray        *items,
          GlossaReviewKind  kind,
          GlossaSpan       *a,
          GlossaSpan       *b)
{
  GlossaReviewItem *item = g_new0 (GlossaReviewItem, 1);
  GlossaSpan *any = a ? a : b;

  item->kind = kind;
  item->a = a ? glossa_span_ref (a) : NULL;
  item->b = b ? glossa_span_ref (b) : NULL;
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

/* Takes the run of spans in @spans from *@i that share the range of the
 * span at *@i, and advances *@i past it.
 */
static GPtrArray *
take_range (GPtrArray *spans,
            guint     *i)
{
  GPtrArray *run = g_ptr_array_new ();
  GlossaSpan *first = g_ptr_array_index (spans, *i);

  while (*i < spans->len && same_range (g_ptr_array_index (spans, *i), first))
    g_ptr_array_add (run, g_ptr_array_index (spans, (*i)++));
  return run;
}

/* Both runs cover the same characters and are sorted by label. */
static void
pair_range (GPtrArray *items,
            GPtrArray *run_a,
            GPtrArray *run_b)
{
  g_autoptr(GPtrArray) rest_a = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest_b = g_ptr_array_new ();
  guint i = 0, j = 0, k;

  while (i < run_a->len && j < run_b->len)
    {
      GlossaSpan *a = g_ptr_array_index (run_a, i);
      GlossaSpan *b = g_ptr_array_index (run_b, j);

      if (a->label == b->label)
        {
          add_item (items, GLOSSA_REVIEW_AGREE, a, b);
          i++, j++;
        }
      else if (a->label < b->label)
        g_ptr_array_add (rest_a, g_ptr_array_index (run_a, i++));
      else
        g_ptr_array_add (rest_b, g_ptr_array_index (run_b, j++));
    }
  for (; i < run_a->len; i++)
    g_ptr_array_add (rest_a, g_ptr_array_index (run_a, i));
  for (; j < run_b->len; j++)
    g_ptr_array_add (rest_b, g_ptr_array_index (run_b, j));

  for (k = 0; k < rest_a->len && k < rest_b->len; k++)
    add_item (items, GLOSSA_REVIEW_LABEL_CONFLICT,
              g_ptr_array_index (rest_a, k), g_ptr_array_index (rest_b, k));
  for (guint m = k; m < rest_a->len; m++)
    add_item (items, GLOSSA_REVIEW_ONLY_A, g_ptr_array_index (rest_a, m), NULL);
  for (guint m = k; m < rest_b->len; m++)
    add_item (items, GLOSSA_REVIEW_ONLY_B, NULL, g_ptr_array_index (rest_b, m));
}

GPtrArray *
glossa_review_compare (GPtrArray *a_spans,
                       GPtrArray *b_spans)
{
  g_autoptr(GPtrArray) a = sorted_copy (a_spans);
  g_autoptr(GPtrArray) b = sorted_copy (b_spans);
  GPtrArray *items = g_ptr_array_new_with_free_func (review_item_free);
  guint i = 0, j = 0;

  /* A merge of two sorted lists, one range of characters at a time. */
  while (i < a->len || j < b->len)
    {
      g_autoptr(GPtrArray) run_a = NULL;
      g_autoptr(GPtrArray) run_b = NULL;
      GlossaSpan *sa = i < a->len ? g_ptr_array_index (a, i) : NULL;
      GlossaSpan *sb = j < b->len ? g_ptr_array_index (b, j) : NULL;

      if (sa != NULL && sb != NULL && same_range (sa, sb))
        {
          run_a = take_range (a, &i);
          run_b = take_range (b, &j);
        }
      else if (sb == NULL || (sa != NULL && (sa->start < sb->start ||
                                             (sa->start == sb->start && sa->end < sb->end))))
        {
          run_a = take_range (a, &i);
          run_b = g_ptr_array_new ();
        }
      else
        {
          run_a = g_ptr_array_new ();
          run_b = take_range (b, &j);
        }
      pair_range (items, run_a, run_b);
    }

  return items;
}

gboolean
glossa_review_item_is_disagreement (const GlossaReviewItem *item)
{
  return item->kind != GLOSSA_REVIEW_AGREE;
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
    default:
      g_return_val_if_reached (NULL);
    }
}
