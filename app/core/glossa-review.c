/* glossa-review.c: comparing two annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-by-id.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-output.h"
#include "glossa-review.h"
#include "glossa-storage.h"

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
      else if (glossa_label_compare (a->label, b->label) < 0)
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

static gboolean
has_option (JsonArray        *options,
            const GlossaSpan *span)
{
  for (guint i = 0; span != NULL && i < json_array_get_length (options); i++)
    {
      JsonNode *node = json_array_get_element (options, i);
      JsonObject *option = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (option != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (option, "label", NULL),
                     glossa_label_to_string (span->label)) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
glossa_review_decision_matches (JsonNode               *record,
                                const GlossaReviewItem *item)
{
  JsonObject *object;
  JsonNode *options;
  guint n;

  g_return_val_if_fail (record != NULL && item != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (record))
    return FALSE;
  object = json_node_get_object (record);
  options = json_object_get_member (object, "options");
  n = (item->a != NULL) + (item->b != NULL);
  return json_object_get_int_member_with_default (object, "start", -1) == item->start &&
         json_object_get_int_member_with_default (object, "end", -1) == item->end &&
         options != NULL && JSON_NODE_HOLDS_ARRAY (options) &&
         json_array_get_length (json_node_get_array (options)) == n &&
         (item->a == NULL || has_option (json_node_get_array (options), item->a)) &&
         (item->b == NULL || has_option (json_node_get_array (options), item->b));
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

guint
glossa_review_count_pending (GPtrArray               *a_spans,
                             GPtrArray               *b_spans,
                             const GlossaAnnotations *result)
{
  g_autoptr(GPtrArray) items = glossa_review_compare (a_spans, b_spans);
  guint pending = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GlossaReviewItem *item = g_ptr_array_index (items, i);

      if (!glossa_review_item_is_disagreement (item))
        continue;
      if (result == NULL ||
          !(has_span (result->spans, item->a) || has_span (result->spans, item->b) ||
            decided_neither (result, item)))
        pending++;
    }
  return pending;
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

/* Review sources: the documents of B, found by id (glossa-by-id.c) */

struct _GlossaReviewSource
{
  GlossaById *documents;
};

void
glossa_review_source_free (GlossaReviewSource *source)
{
  if (source == NULL)
    return;
  g_clear_pointer (&source->documents, glossa_by_id_free);
  g_free (source);
}

GlossaReviewSource *
glossa_review_source_open (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GlossaReviewSource) source = g_new0 (GlossaReviewSource, 1);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(source->documents = glossa_by_id_open (file, cancellable, error)))
    return NULL;
  return g_steal_pointer (&source);
}

GFile *
glossa_review_source_get_file (GlossaReviewSource *source)
{
  return glossa_by_id_get_file (source->documents);
}

gboolean
glossa_review_source_has (GlossaReviewSource *source,
                          const char         *id)
{
  return glossa_by_id_has (source->documents, id);
}

guint
glossa_review_source_get_n_documents (GlossaReviewSource *source)
{
  return glossa_by_id_get_n_documents (source->documents);
}

GPtrArray *
glossa_review_source_get_spans (GlossaReviewSource  *source,
                                const char          *id,
                                GlossaArticle       *article,
                                GError             **error)
{
  g_return_val_if_fail (source != NULL, NULL);

  return glossa_by_id_get_spans (source->documents, id, article, error);
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
