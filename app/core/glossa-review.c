/* glossa-review.c: comparing two annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-json.h"
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

/* Review sources */

typedef struct
{
  gsize offset;
  gsize len;
  guint line_no;
} LineRef;

struct _GlossaReviewSource
{
  GFile      *file;
  char       *name;
  /* A folder: id → GFile of the annotation file. A JSONL file: id → LineRef
   * into @contents, which is kept whole rather than parsed into nodes so
   * that 100,000 documents cost one copy of the file.
   */
  GHashTable *documents;
  char       *contents;
  gsize       length;
  gboolean    is_jsonl;
};

void
glossa_review_source_free (GlossaReviewSource *source)
{
  if (source == NULL)
    return;
  g_clear_object (&source->file);
  g_clear_pointer (&source->documents, g_hash_table_unref);
  g_free (source->name);
  g_free (source->contents);
  g_free (source);
}

/* Links to folders are followed, each folder once (@visited): a link to
 * an enclosing folder must not make the scan go round.
 */
static gboolean
scan_folder (GlossaReviewSource  *source,
             GFile               *folder,
             GHashTable          *visited,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *path = g_file_get_path (folder);

  if (path != NULL && !glossa_storage_enter_folder (visited, path))
    return TRUE;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        return TRUE;

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!scan_folder (source, child, visited, cancellable, error))
            return FALSE;
        }
      else if (glossa_is_annotations_file (name))
        {
          char *id = g_strndup (name, strlen (name) - strlen (GLOSSA_ANNOTATIONS_SUFFIX));
          g_hash_table_replace (source->documents, id, g_object_ref (child));
        }
    }
}

static gboolean
index_jsonl (GlossaReviewSource  *source,
             GError             **error)
{
  gsize offset = 0;
  guint line_no = 0;

  while (offset < source->length)
    {
      const char *line = source->contents + offset;
      const char *nl = memchr (line, '\n', source->length - offset);
      gsize len = nl ? (gsize) (nl - line) : source->length - offset;
      g_autoptr(JsonNode) node = NULL;
      JsonNode *id;
      LineRef *ref;

      line_no++;
      offset += len + (nl ? 1 : 0);
      if (len == 0 || (len == 1 && line[0] == '\r'))
        continue;

      if (!(node = glossa_json_parse_line (line, len, source->name, line_no, error)))
        return FALSE;
      id = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "id") : NULL;
      if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       "%s:%u: id: a string naming the document is required", source->name, line_no);
          return FALSE;
        }

      ref = g_new (LineRef, 1);
      ref->offset = line - source->contents;
      ref->len = len;
      ref->line_no = line_no;
      g_hash_table_replace (source->documents, g_strdup (json_node_get_string (id)), ref);
    }
  return TRUE;
}

GlossaReviewSource *
glossa_review_source_open (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GlossaReviewSource) source = g_new0 (GlossaReviewSource, 1);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  source->file = g_object_ref (file);
  source->name = g_file_get_parse_name (file);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GHashTable) visited = glossa_storage_visited_new ();

      source->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      if (!scan_folder (source, file, visited, cancellable, error))
        return NULL;
      return g_steal_pointer (&source);
    }

  source->is_jsonl = TRUE;
  source->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &source->contents, &source->length,
                                 NULL, cancellable, error) ||
      !index_jsonl (source, error))
    return NULL;
  return g_steal_pointer (&source);
}

GFile *
glossa_review_source_get_file (GlossaReviewSource *source)
{
  return source->file;
}

gboolean
glossa_review_source_has (GlossaReviewSource *source,
                          const char         *id)
{
  return g_hash_table_contains (source->documents, id);
}

guint
glossa_review_source_get_n_documents (GlossaReviewSource *source)
{
  return g_hash_table_size (source->documents);
}

static GPtrArray *
spans_from_line (GlossaReviewSource  *source,
                 const LineRef       *ref,
                 GlossaArticle       *article,
                 GError             **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autofree char *name = g_strdup_printf ("%s:%u", source->name, ref->line_no);
  node = glossa_json_parse_line (source->contents + ref->offset, ref->len, source->name, ref->line_no, error);
  if (node == NULL)
    return NULL;

  /* Exports carry no span ids: they are given here. */
  if (!glossa_format_spans_from_json (json_object_get_member (json_node_get_object (node), "spans"),
                                      article, 0, name, spans, error))
    return NULL;
  return g_steal_pointer (&spans);
}

GPtrArray *
glossa_review_source_get_spans (GlossaReviewSource  *source,
                                const char          *id,
                                GlossaArticle       *article,
                                GError             **error)
{
  gpointer entry;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  if (!(entry = g_hash_table_lookup (source->documents, id)))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                   "%s has no annotations for “%s”", source->name, id);
      return NULL;
    }

  if (source->is_jsonl)
    return spans_from_line (source, entry, article, error);
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *name = g_file_get_parse_name (entry);
      g_autoptr(GlossaAnnotations) annotations = NULL;
      gsize len;

      if (!glossa_storage_read_file (entry, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, NULL, error))
        return NULL;
      if (!(annotations = glossa_format_read (contents, len, name, article, error)))
        return NULL;
      return g_ptr_array_ref (annotations->spans);
    }
}
