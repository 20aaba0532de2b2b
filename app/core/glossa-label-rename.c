/* glossa-label-rename.c: renaming a label across a corpus, with a preview first
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dirent.h>
#include <string.h>

#include <glib/gi18n.h>

#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-json.h"
#include "glossa-label-rename.h"
#include "glossa-merge.h"
#include "glossa-natural-sort.h"
#include "glossa-schema.h"
#include "glossa-span.h"
#include "glossa-storage.h"

/* A schema met in the corpus and its renamed copy (NULL when it has no
 * such label, so that nothing under it changes).
 */
typedef struct
{
  GlossaSchema *old;
  GlossaSchema *renamed;
} SchemaPair;

typedef enum
{
  PLANNED_ANNOTATIONS,
  PLANNED_JSONL,
  PLANNED_SCHEMA,
} PlannedKind;

/* One file the rename rewrites, and the version read, which must still be
 * there when it is written. Only a schema's new contents are kept: a data
 * file's are made again from the file when it is written, so that a corpus
 * of any size is renamed holding one file at a time.
 */
typedef struct
{
  PlannedKind      kind;
  GFile           *file;
  char            *display;
  GlossaFileStamp  stamp;
  SchemaPair      *pair;    /* annotation files: their schemas (borrowed) */
  GBytes          *bytes;   /* schema files only */
} Planned;

struct _GlossaLabelRename
{
  GFile        *root;
  char         *old_name;
  char         *new_name;
  GlossaLabel   old;
  GCancellable *cancellable;
  GHashTable   *schemas;     /* schema path ("" for the built-in one) → SchemaPair */
  GPtrArray    *planned;     /* of Planned: the data files */
  GPtrArray    *schema_planned;  /* of Planned: the schema files, written last */
  GStrv         files;
  guint         n_spans;
  GFile        *schema_file;
};

static void
planned_free (gpointer data)
{
  Planned *planned = data;

  g_clear_object (&planned->file);
  g_free (planned->display);
  g_clear_pointer (&planned->bytes, g_bytes_unref);
  g_free (planned);
}

static void
schema_pair_free (gpointer data)
{
  SchemaPair *pair = data;

  g_clear_pointer (&pair->old, glossa_schema_unref);
  g_clear_pointer (&pair->renamed, glossa_schema_unref);
  g_free (pair);
}

void
glossa_label_rename_free (GlossaLabelRename *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->root);
  g_free (self->old_name);
  g_free (self->new_name);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->schemas, g_hash_table_unref);
  g_clear_pointer (&self->planned, g_ptr_array_unref);
  g_clear_pointer (&self->schema_planned, g_ptr_array_unref);
  g_strfreev (self->files);
  g_clear_object (&self->schema_file);
  g_free (self);
}

static Planned *
plan (GPtrArray       *into,
      PlannedKind      kind,
      GFile           *file,
      GlossaFileStamp *stamp)
{
  Planned *planned = g_new0 (Planned, 1);

  planned->kind = kind;
  planned->file = g_object_ref (file);
  planned->display = g_file_get_parse_name (file);
  planned->stamp = *stamp;
  g_ptr_array_add (into, planned);
  return planned;
}

/* Renaming in a JSON tree */

static gboolean
rename_string (JsonNode   *node,
               const char *old_name,
               const char *new_name)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), old_name) != 0)
    return FALSE;
  json_node_set_string (node, new_name);
  return TRUE;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The strings of @array equal to @old_name, renamed; the number renamed. */
static guint
rename_strings (JsonArray  *array,
                const char *old_name,
                const char *new_name)
{
  guint n = 0;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    n += rename_string (json_array_get_element (array, i), old_name, new_name);
  return n;
}

/* The "label" member of each object of @array. */
static guint
rename_label_members (JsonArray  *array,
                      const char *old_name,
                      const char *new_name)
{
  guint n = 0;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = object_element (array, i);

      if (object != NULL)
        n += rename_string (json_object_get_member (object, "label"), old_name, new_name);
    }
  return n;
}

/* A review's decisions name labels: the options decided between and the
 * labels kept.
 */
static guint
rename_in_decisions (JsonObject *object,
                     const char *old_name,
                     const char *new_name)
{
  JsonArray *decisions = array_member (object, GLOSSA_DECISIONS_MEMBER);
  guint n = 0;

  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision = object_element (decisions, i);

      n += rename_label_members (array_member (decision, "options"), old_name, new_name);
      n += rename_strings (array_member (decision, "kept"), old_name, new_name);
    }
  return n;
}

/* Where a JSON Lines record names labels: its spans, and a review's
 * decisions. Only those values change, in place, so that everything else
 * is written back as it was.
 *
 * Returns: whether anything changed; @n_spans counts the spans.
 */
static gboolean
rename_in_line (JsonNode   *root,
                const char *old_name,
                const char *new_name,
                guint      *n_spans)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  guint n;

  *n_spans = rename_label_members (array_member (object, "spans"), old_name, new_name);
  n = rename_in_decisions (object, old_name, new_name);
  return n + *n_spans > 0;
}

/* Schemas */

static GlossaSchema *
rename_schema (GlossaLabelRename  *self,
               GlossaSchema       *schema,
               GError            **error)
{
  GlossaSchema *renamed = glossa_schema_copy_renamed (schema, self->old, self->new_name, error);
  GlossaSchemaLabel *label;

  if (renamed == NULL)
    return NULL;
  /* A built-in label's title is its old name in the UI's language: the
   * renamed label shows its new name instead.
   */
  label = (GlossaSchemaLabel *) glossa_schema_find_label (renamed, g_quark_from_string (self->new_name));
  if (glossa_schema_is_default (schema))
    g_clear_pointer (&label->title, g_free);
  return renamed;
}

static void
prefix_error (GError     **error,
              const char  *display)
{
  if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, display))
    g_prefix_error (error, "%s: ", display);
}

/* The pair of @found (a glossa-schema.json, or NULL for the built-in
 * labels), read once; a schema with the label gets its renamed file planned.
 */
static SchemaPair *
schema_pair (GlossaLabelRename  *self,
             GFile              *found,
             GError            **error)
{
  g_autofree char *key = found != NULL ? g_file_get_path (found) : g_strdup ("");
  g_autofree char *display = NULL;
  g_autoptr(GlossaSchema) old = NULL;
  g_autoptr(GlossaSchema) renamed = NULL;
  GlossaFileStamp stamp = { FALSE, };
  SchemaPair *pair;

  if (key == NULL)
    key = g_file_get_uri (found);
  if ((pair = g_hash_table_lookup (self->schemas, key)) != NULL)
    return pair;

  old = found != NULL ? glossa_schema_load (found, &stamp, error) : glossa_schema_get_default ();
  if (old == NULL)
    return NULL;
  if (glossa_schema_label_index (old, self->old) >= 0)
    {
      GFile *target = found;
      g_autoptr(GFile) created = NULL;

      display = found != NULL ? g_file_get_parse_name (found) : NULL;
      if ((renamed = rename_schema (self, old, error)) == NULL)
        {
          if (display != NULL)
            prefix_error (error, display);
          return NULL;
        }
      if (target == NULL)
        target = created = glossa_schema_file_for_root (self->root);
      plan (self->schema_planned, PLANNED_SCHEMA, target, &stamp)->bytes = glossa_schema_to_bytes (renamed);
    }

  pair = g_new0 (SchemaPair, 1);
  pair->old = g_steal_pointer (&old);
  pair->renamed = g_steal_pointer (&renamed);
  g_hash_table_insert (self->schemas, g_steal_pointer (&key), pair);
  return pair;
}

static SchemaPair *
schema_pair_for (GlossaLabelRename  *self,
                 GFile              *file,
                 GError            **error)
{
  g_autoptr(GFile) found = glossa_schema_locate (file, self->root);

  return schema_pair (self, found, error);
}

/* Annotation files */

static int
compare_span_pointers (gconstpointer a,
                       gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

static GlossaAnnotations *
read_under (const char    *data,
            gsize          len,
            const char    *name,
            GlossaSchema  *schema,
            GError       **error)
{
  return glossa_format_read_with_schema (data, len, name, NULL, schema, error);
}

/* The label renamed in @annotations, which then belong to @renamed. */
static guint
rename_annotations (GlossaLabelRename *self,
                    GlossaAnnotations *annotations,
                    GlossaSchema      *renamed)
{
  GlossaLabel new_label = g_quark_from_string (self->new_name);
  guint n = 0;

  for (guint i = 0; i < annotations->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);

      if (span->label == self->old)
        {
          span->label = new_label;
          n++;
        }
    }
  /* Spans are kept sorted by start, end, label: a new name may move one. */
  g_ptr_array_sort (annotations->spans, compare_span_pointers);
  glossa_schema_unref (annotations->schema);
  annotations->schema = glossa_schema_ref (renamed);
  rename_in_decisions (annotations->extra, self->old_name, self->new_name);
  return n;
}

/* An annotation file is read under its schema and written again by the
 * format's own writer, as saving it in the window would: the result is the
 * file Glossa would have written had the label always had its new name.
 * NULL without an error when nothing changes (or an earlier run that
 * stopped before the schema renamed it already).
 */
static GBytes *
renamed_annotation_file (GlossaLabelRename  *self,
                         GFile              *file,
                         SchemaPair         *pair,
                         GlossaFileStamp    *stamp,
                         guint              *n_spans,
                         GError            **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) why = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GlossaAnnotations) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &data, &len, stamp,
                                 self->cancellable, error))
    return NULL;
  annotations = read_under (data, len, name, pair->old, &why);
  if (annotations == NULL)
    {
      if ((check = read_under (data, len, name, pair->renamed, NULL)) == NULL)
        g_propagate_error (error, g_steal_pointer (&why));
      return NULL;
    }

  *n_spans = rename_annotations (self, annotations, pair->renamed);
  bytes = glossa_format_write (annotations);
  if (g_bytes_get_size (bytes) == len && memcmp (g_bytes_get_data (bytes, NULL), data, len) == 0)
    return NULL;
  /* What is written must read under the renamed schema. */
  if ((check = read_under (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                           pair->renamed, error)) == NULL)
    return NULL;
  return g_steal_pointer (&bytes);
}

static gboolean
plan_annotation_file (GlossaLabelRename  *self,
                      GFile              *file,
                      GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) why = NULL;
  GlossaFileStamp stamp;
  SchemaPair *pair;
  guint n_spans = 0;

  if ((pair = schema_pair_for (self, file, error)) == NULL)
    return FALSE;
  if (pair->renamed == NULL)
    return TRUE;
  bytes = renamed_annotation_file (self, file, pair, &stamp, &n_spans, &why);
  if (why != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&why));
      return FALSE;
    }
  if (bytes != NULL)
    {
      plan (self->planned, PLANNED_ANNOTATIONS, file, &stamp)->pair = pair;
      self->n_spans += n_spans;
    }
  return TRUE;
}

/* JSON Lines: each line naming the label is written anew, every other
 * line (blank, malformed, or without it) kept byte for byte.
 */
static GBytes *
rename_lines (GlossaLabelRename *self,
              const char        *data,
              gsize              len,
              const char        *name,
              guint             *n_spans)
{
  GString *out = g_string_sized_new (len);
  gboolean changed = FALSE;
  guint line_no = 0;

  *n_spans = 0;
  for (const char *line = data; line < data + len; )
    {
      const char *nl = memchr (line, '\n', data + len - line);
      const char *end = nl != NULL ? nl : data + len;
      const char *next = nl != NULL ? nl + 1 : end;
      gsize text_len = end - line - (end > line && end[-1] == '\r');
      g_autoptr(JsonNode) root = NULL;
      guint n = 0;

      line_no++;
      root = glossa_json_parse_line (line, text_len, name, line_no, NULL);
      if (root != NULL && rename_in_line (root, self->old_name, self->new_name, &n))
        {
          glossa_json_write (out, root, -1);
          g_string_append_len (out, line + text_len, next - line - text_len);
          *n_spans += n;
          changed = TRUE;
        }
      else
        g_string_append_len (out, line, next - line);
      line = next;
    }
  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free_to_bytes (out);
}

/* NULL without an error when nothing changes or there is no such file. */
static GBytes *
renamed_jsonl_file (GlossaLabelRename  *self,
                    GFile              *file,
                    GlossaFileStamp    *stamp,
                    guint              *n_spans,
                    GError            **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) why = NULL;
  gsize len;

  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &data, &len, stamp,
                                 self->cancellable, &why))
    {
      /* A JSONL corpus nobody has annotated has no annotation file yet. */
      if (!g_error_matches (why, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&why));
      return NULL;
    }
  return rename_lines (self, data, len, name, n_spans);
}

static gboolean
plan_jsonl_file (GlossaLabelRename  *self,
                 GFile              *file,
                 GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) why = NULL;
  GlossaFileStamp stamp;
  guint n_spans = 0;

  bytes = renamed_jsonl_file (self, file, &stamp, &n_spans, &why);
  if (why != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&why));
      return FALSE;
    }
  if (bytes != NULL)
    {
      plan (self->planned, PLANNED_JSONL, file, &stamp);
      self->n_spans += n_spans;
    }
  return TRUE;
}

/* Folder corpora */

/* Collects the annotation files and schema files below @path, as the
 * corpus reads them: hidden entries skipped, links to folders not followed
 * (so that no link can make the walk loop).
 */
static void
collect (const char *path,
         GPtrArray  *annotations,
         GPtrArray  *schemas)
{
  struct dirent *dirent;
  DIR *dir = opendir (path);

  if (dir == NULL)
    return;
  while ((dirent = readdir (dir)) != NULL)
    {
      const char *name = dirent->d_name;
      g_autofree char *child = NULL;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      if (dirent->d_type == DT_DIR ||
          (dirent->d_type == DT_UNKNOWN && g_file_test (child, G_FILE_TEST_IS_DIR)))
        collect (child, annotations, schemas);
      else if (g_str_has_suffix (name, GLOSSA_ANNOTATIONS_SUFFIX))
        g_ptr_array_add (annotations, g_steal_pointer (&child));
      else if (strcmp (name, GLOSSA_SCHEMA_FILE_NAME) == 0)
        g_ptr_array_add (schemas, g_steal_pointer (&child));
    }
  closedir (dir);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return glossa_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
plan_folder (GlossaLabelRename  *self,
             GError            **error)
{
  g_autofree char *path = g_file_get_path (self->root);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) schemas = g_ptr_array_new_with_free_func (g_free);

  collect (path, annotations, schemas);
  g_ptr_array_sort (annotations, compare_paths);
  g_ptr_array_sort (schemas, compare_paths);
  /* A subfolder's own schema with the label is renamed too, even where no
   * annotation file uses it yet.
   */
  for (guint i = 0; i < schemas->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (schemas, i));

      if (schema_pair (self, file, error) == NULL)
        return FALSE;
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (annotations, i));

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
          !plan_annotation_file (self, file, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_jsonl (GlossaLabelRename  *self,
            GError            **error)
{
  g_autoptr(GFile) annotations = glossa_corpus_annotations_file_for_jsonl (self->root);

  return plan_jsonl_file (self, self->root, error) &&
         plan_jsonl_file (self, annotations, error);
}

/* The corpus's own schema must have the label: a rename of a label it does
 * not know is a typo, not a rename of nothing.
 */
static gboolean
check_root_schema (GlossaLabelRename  *self,
                   GError            **error)
{
  g_autoptr(GFile) found = glossa_schema_locate (self->root, self->root);
  SchemaPair *pair = schema_pair (self, found, error);
  g_autofree char *where = NULL;

  if (pair == NULL)
    return FALSE;
  if (pair->renamed != NULL)
    {
      self->schema_file = found != NULL ? g_object_ref (found) : glossa_schema_file_for_root (self->root);
      return TRUE;
    }
  where = found != NULL ? g_file_get_parse_name (found) : g_strdup (_("the built-in labels"));
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
               _("%s: there is no label “%s” to rename"), where, self->old_name);
  return FALSE;
}

static void
list_files (GlossaLabelRename *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  g_ptr_array_extend_and_steal (self->planned, g_steal_pointer (&self->schema_planned));
  self->schema_planned = g_ptr_array_new_with_free_func (planned_free);
  for (guint i = 0; i < self->planned->len; i++)
    g_strv_builder_add (builder, ((Planned *) g_ptr_array_index (self->planned, i))->display);
  self->files = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

GlossaLabelRename *
glossa_label_rename_new (GFile         *corpus_root,
                         const char    *old_name,
                         const char    *new_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GlossaLabelRename) self = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (corpus_root), NULL);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, NULL);

  self = g_new0 (GlossaLabelRename, 1);
  self->root = g_object_ref (corpus_root);
  self->old_name = g_strdup (old_name);
  self->new_name = g_strdup (new_name);
  self->old = g_quark_from_string (old_name);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_pair_free);
  self->planned = g_ptr_array_new_with_free_func (planned_free);
  self->schema_planned = g_ptr_array_new_with_free_func (planned_free);

  if (strcmp (old_name, new_name) == 0)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("“%s” is already the label’s name"), old_name);
      return NULL;
    }
  type = g_file_query_file_type (corpus_root, G_FILE_QUERY_INFO_NONE, cancellable);
  if (!check_root_schema (self, error))
    return NULL;
  if (type == G_FILE_TYPE_DIRECTORY ? !plan_folder (self, error) : !plan_jsonl (self, error))
    return NULL;
  list_files (self);
  return g_steal_pointer (&self);
}

guint
glossa_label_rename_get_n_files (GlossaLabelRename *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->planned->len;
}

const char * const *
glossa_label_rename_get_files (GlossaLabelRename *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->files;
}

guint
glossa_label_rename_get_n_spans (GlossaLabelRename *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_spans;
}

GFile *
glossa_label_rename_get_schema_file (GlossaLabelRename *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->schema_file;
}

/* Applying */

static gboolean
conflict (Planned  *planned,
          GError  **error)
{
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
               _("%s changed on disk since it was read: not written over"), planned->display);
  return FALSE;
}

static gboolean
check_unchanged (Planned  *planned,
                 GError  **error)
{
  GlossaFileStamp now = glossa_file_stamp_read (planned->file);

  return glossa_file_stamp_equal (&now, &planned->stamp) || conflict (planned, error);
}

/* A data file's new contents, made again from the version planned. */
static GBytes *
remake (GlossaLabelRename  *self,
        Planned            *planned,
        GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) why = NULL;
  GlossaFileStamp stamp;
  guint n_spans;

  if (planned->kind == PLANNED_SCHEMA)
    return g_bytes_ref (planned->bytes);
  if (planned->kind == PLANNED_ANNOTATIONS)
    bytes = renamed_annotation_file (self, planned->file, planned->pair, &stamp, &n_spans, &why);
  else
    bytes = renamed_jsonl_file (self, planned->file, &stamp, &n_spans, &why);
  if (why != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&why));
      return NULL;
    }
  if (bytes == NULL || !glossa_file_stamp_equal (&stamp, &planned->stamp))
    return conflict (planned, error), NULL;
  return g_steal_pointer (&bytes);
}

static gboolean
write_planned (GlossaLabelRename  *self,
               Planned            *planned,
               GError            **error)
{
  g_autoptr(GBytes) bytes = remake (self, planned, error);

  if (bytes == NULL || !check_unchanged (planned, error))
    return FALSE;
  if (!planned->stamp.exists)
    return glossa_file_create_new (planned->file, bytes, NULL, error);
  return glossa_file_replace_atomic (planned->file, bytes, NULL, error);
}

gboolean
glossa_label_rename_apply (GlossaLabelRename  *self,
                           GPtrArray         **written,
                           GError            **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, FALSE);

  if (written != NULL)
    *written = NULL;
  /* Nothing is written while any file has changed since it was read. */
  for (guint i = 0; i < self->planned->len; i++)
    if (!check_unchanged (g_ptr_array_index (self->planned, i), error))
      {
        if (written != NULL)
          *written = g_steal_pointer (&done);
        return FALSE;
      }

  for (guint i = 0; i < self->planned->len; i++)
    {
      Planned *planned = g_ptr_array_index (self->planned, i);

      if (!write_planned (self, planned, error))
        {
          if (done->len > 0)
            g_prefix_error (error,
                            ngettext ("“%s” was renamed in %u file, not in the %u others: ",
                                      "“%s” was renamed in %u files, not in the %u others: ",
                                      done->len),
                            self->old_name, done->len, self->planned->len - done->len);
          if (written != NULL)
            *written = g_steal_pointer (&done);
          return FALSE;
        }
      g_ptr_array_add (done, g_strdup (planned->display));
    }
  if (written != NULL)
    *written = g_steal_pointer (&done);
  return TRUE;
}

gboolean
glossa_schema_rename_label (GFile       *corpus_root,
                            const char  *old,
                            const char  *new_name,
                            gboolean     dry_run,
                            guint       *n_files,
                            GError     **error)
{
  g_autoptr(GlossaLabelRename) rename = NULL;

  g_return_val_if_fail (G_IS_FILE (corpus_root), FALSE);

  if (n_files != NULL)
    *n_files = 0;
  rename = glossa_label_rename_new (corpus_root, old, new_name, NULL, error);
  if (rename == NULL)
    return FALSE;
  if (n_files != NULL)
    *n_files = glossa_label_rename_get_n_files (rename);
  return dry_run || glossa_label_rename_apply (rename, NULL, error);
}
