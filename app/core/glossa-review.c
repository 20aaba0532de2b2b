/* glossa-review.c: comparing two annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-json.h"
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

/* The adjudicated output */

GFile *
glossa_review_output_file (GFile      *output,
                           const char *id)
{
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  name = glossa_output_safe_name (id, NULL);
  file_name = g_strconcat (name, GLOSSA_ANNOTATIONS_SUFFIX, NULL);
  file = g_file_resolve_relative_path (output, file_name);

  /* Ids of folder corpora have subfolders ("2021/article-7"), which the
   * document's save would not make. Failing here is not fatal: the save
   * reports it, naming the file.
   */
  path = g_file_get_path (file);
  if (path != NULL && strchr (name, '/') != NULL && !glossa_output_make_parent (path, &error))
    g_debug ("%s", error->message);
  return g_steal_pointer (&file);
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
