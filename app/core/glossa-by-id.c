/* glossa-by-id.c: finding annotated documents by id in a folder or a JSON Lines file
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "glossa-by-id.h"
#include "glossa-corpus-private.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-storage.h"

/* Where a document's line is in a JSONL file. */
typedef struct
{
  gint64 offset;
  gsize  length;    /* without the line end */
  guint  line_no;
} LineRef;

struct _GlossaById
{
  GFile           *file;
  char            *display;
  /* A folder: id → GFile of the annotation file. A JSONL file: id → LineRef. */
  GHashTable      *documents;
  GPtrArray       *duplicates;
  gboolean         is_jsonl;
  char            *path;      /* JSONL: the file, read again for each document */
  GlossaFileStamp  stamp;     /* JSONL: the version indexed */
  GlossaSchema    *schema;    /* JSONL: its links' schema, read when first needed */
};

void
glossa_by_id_free (GlossaById *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->file);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_free (self->display);
  g_free (self->path);
  g_clear_pointer (&self->schema, glossa_schema_unref);
  g_free (self);
}

static char *
describe_file (gpointer entry)
{
  return g_file_get_parse_name (entry);
}

static char *
describe_line (GlossaById *self,
               gpointer    entry)
{
  return g_strdup_printf ("%s:%u", self->display, ((LineRef *) entry)->line_no);
}

/* Adds @id, taking @entry; an id seen before is reported, and the later
 * place wins, as it did before duplicates were reported.
 */
static void
add_document (GlossaById *self,
              char       *id,
              gpointer    entry)
{
  gpointer old = g_hash_table_lookup (self->documents, id);

  if (old != NULL)
    {
      g_autofree char *was = self->is_jsonl ? describe_line (self, old) : describe_file (old);
      g_autofree char *now = self->is_jsonl ? describe_line (self, entry) : describe_file (entry);

      g_ptr_array_add (self->duplicates,
                       g_strdup_printf (_("The id “%s” is both in %s and in %s; the second is used"),
                                        id, was, now));
    }
  g_hash_table_replace (self->documents, id, entry);
}

/* Folders */

/* Links to folders are followed, each folder once (@visited): a link to
 * an enclosing folder must not make the scan go round.
 */
static gboolean
scan_folder (GlossaById    *self,
             GFile         *folder,
             GHashTable    *visited,
             GCancellable  *cancellable,
             GError       **error)
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
          if (!scan_folder (self, child, visited, cancellable, error))
            return FALSE;
        }
      /* A FIFO or a device with the name is listed too: reading it is
       * refused, with its name, when its spans are asked for.
       */
      else if (glossa_is_annotations_file (name))
        add_document (self, g_strndup (name, strlen (name) - strlen (GLOSSA_ANNOTATIONS_SUFFIX)),
                      g_object_ref (child));
    }
}

/* The file is read under the schema of its folder, up to the corpus root
 * @root: labels and rules the built-in schema lacks are then accepted.
 */
static GlossaAnnotations *
annotations_from_file (GFile          *file,
                       GFile          *root,
                       GlossaArticle  *article,
                       GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  gsize len;

  if (!(schema = glossa_schema_find_for (file, root, error)))
    return NULL;
  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, NULL, error))
    return NULL;
  return glossa_format_read_with_schema (contents, len, name, article, schema, error);
}

static GPtrArray *
spans_from_file (GFile          *file,
                 GFile          *root,
                 GlossaArticle  *article,
                 GError        **error)
{
  g_autoptr(GlossaAnnotations) annotations = annotations_from_file (file, root, article, error);

  return annotations ? g_ptr_array_ref (annotations->spans) : NULL;
}

/* JSON Lines */

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static char *
dup_line_id (GlossaById  *self,
             const char  *line,
             gsize        len,
             guint        line_no,
             GError     **error)
{
  g_autoptr(JsonNode) node = glossa_json_parse_line (line, len, self->display, line_no, error);
  g_autofree char *name = g_strdup_printf ("%s:%u", self->display, line_no);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: expected a JSON object, found %s", name, _glossa_format_node_kind (node));
      return NULL;
    }
  return _glossa_format_dup_id (json_node_get_object (node), name, error);
}

static gboolean
index_lines (GlossaById    *self,
             int            fd,
             GCancellable  *cancellable,
             GError       **error)
{
  GlossaLineReader reader;
  g_autoptr(GError) local_error = NULL;
  const char *line;
  gsize len;
  gint64 offset;

  _glossa_line_reader_init (&reader, fd);
  while (_glossa_line_reader_next (&reader, &line, &len, &offset, self->display, &local_error))
    {
      LineRef *ref;
      char *id;

      if (is_blank (line, len))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
          !(id = dup_line_id (self, line, len, reader.line_no, &local_error)))
        break;

      ref = g_new (LineRef, 1);
      ref->offset = offset;
      ref->length = len;
      ref->line_no = reader.line_no;
      add_document (self, id, ref);
    }
  _glossa_line_reader_clear (&reader);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_jsonl (GlossaById    *self,
            GCancellable  *cancellable,
            GError       **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  self->path = g_file_get_path (self->file);
  if (self->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file"), self->display);
      return FALSE;
    }
  if ((fd = glossa_storage_open_regular (self->path, &st, error)) < 0)
    return FALSE;
  self->stamp = glossa_file_stamp_from_stat (&st);
  ok = index_lines (self, fd, cancellable, error);
  close (fd);
  return ok;
}

/* Reads the line of @ref again, from the version of the file that was
 * indexed: a file changed since would put other bytes at the offset.
 */
static char *
read_line (GlossaById     *self,
           const LineRef  *ref,
           GError        **error)
{
  g_autofree char *line = NULL;
  GlossaFileStamp now;
  struct stat st;
  gsize done = 0;
  int fd;

  if ((fd = glossa_storage_open_regular (self->path, &st, error)) < 0)
    return NULL;
  now = glossa_file_stamp_from_stat (&st);
  if (!glossa_file_stamp_equal (&now, &self->stamp))
    {
      close (fd);
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                   _("%s changed on disk since it was opened; open it again"), self->display);
      return NULL;
    }

  line = g_malloc (ref->length + 1);
  while (done < ref->length)
    {
      gssize n = pread (fd, line + done, ref->length - done, ref->offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int errsv = n < 0 ? errno : EIO;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not read %s: %s"), self->display, g_strerror (errsv));
          return NULL;
        }
      done += n;
    }
  close (fd);
  line[done] = '\0';
  return g_steal_pointer (&line);
}

/* Line @ref of the file, which must be a JSON object, as that object. */
static JsonNode *
parse_line (GlossaById     *self,
            const LineRef  *ref,
            GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *line = read_line (self, ref, error);

  if (line == NULL ||
      !(node = glossa_json_parse_line (line, ref->length, self->display, ref->line_no, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s:%u: expected a JSON object, found %s", self->display, ref->line_no,
                   _glossa_format_node_kind (node));
      return NULL;
    }
  return g_steal_pointer (&node);
}

static GPtrArray *
spans_from_line (GlossaById     *self,
                 const LineRef  *ref,
                 GlossaArticle  *article,
                 GError        **error)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autofree char *name = g_strdup_printf ("%s:%u", self->display, ref->line_no);
  g_autoptr(JsonNode) node = parse_line (self, ref, error);

  /* Exports carry no span ids: they are given here. */
  if (node == NULL ||
      !glossa_format_spans_from_json (json_object_get_member (json_node_get_object (node), "spans"),
                                      article, 0, name, spans, error))
    return NULL;
  return g_steal_pointer (&spans);
}

/* The whole line: its spans, its links (named by the spans' ids, checked
 * against the schema beside the file, as a JSONL corpus's are) and the
 * annotator it names. A line with no "relations" needs no schema.
 */
static GlossaAnnotations *
annotations_from_line (GlossaById     *self,
                       const LineRef  *ref,
                       GlossaArticle  *article,
                       GError        **error)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autofree char *name = g_strdup_printf ("%s:%u", self->display, ref->line_no);
  g_autoptr(JsonNode) node = parse_line (self, ref, error);
  JsonObject *object;
  JsonNode *annotator, *relations;

  if (node == NULL)
    return NULL;
  object = json_node_get_object (node);
  if (!glossa_format_spans_from_json (json_object_get_member (object, "spans"),
                                      article, 0, name, annotations->spans, error))
    return NULL;
  /* Only names the side: one that is not a string is no name, not an error. */
  annotator = json_object_get_member (object, "annotator");
  if (annotator != NULL && _glossa_format_node_is_string (annotator))
    {
      g_free (annotations->annotator);
      annotations->annotator = g_strdup (json_node_get_string (annotator));
    }
  relations = json_object_get_member (object, "relations");
  if (relations == NULL || JSON_NODE_HOLDS_NULL (relations))
    return g_steal_pointer (&annotations);
  if (self->schema == NULL && !(self->schema = glossa_schema_find_for (self->file, NULL, error)))
    return NULL;
  if (!glossa_format_relations_from_json (relations, annotations->spans, self->schema, name,
                                          annotations->relations, error))
    return NULL;
  return g_steal_pointer (&annotations);
}

/* Both */

GlossaById *
glossa_by_id_open (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GlossaById) self = g_new0 (GlossaById, 1);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->file = g_object_ref (file);
  self->display = g_file_get_parse_name (file);
  self->duplicates = g_ptr_array_new_with_free_func (g_free);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GHashTable) visited = glossa_storage_visited_new ();

      self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      if (!scan_folder (self, file, visited, cancellable, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  self->is_jsonl = TRUE;
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!open_jsonl (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

GFile *
glossa_by_id_get_file (GlossaById *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

gboolean
glossa_by_id_is_jsonl (GlossaById *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->is_jsonl;
}

gboolean
glossa_by_id_has (GlossaById *self,
                  const char *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return id != NULL && g_hash_table_contains (self->documents, id);
}

guint
glossa_by_id_get_n_documents (GlossaById *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->documents);
}

GPtrArray *
glossa_by_id_get_duplicates (GlossaById *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->duplicates;
}

/* The entry of document @id: a file or a JSONL line; NULL, with the error,
 * when the corpus has none.
 */
static gpointer
lookup_entry (GlossaById  *self,
              const char  *id,
              GError     **error)
{
  gpointer entry = g_hash_table_lookup (self->documents, id);

  if (entry == NULL)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                 _("%s has no annotations for “%s”"), self->display, id);
  return entry;
}

GPtrArray *
glossa_by_id_get_spans (GlossaById     *self,
                        const char     *id,
                        GlossaArticle  *article,
                        GError        **error)
{
  gpointer entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  if (!(entry = lookup_entry (self, id, error)))
    return NULL;
  if (self->is_jsonl)
    return spans_from_line (self, entry, article, error);
  return spans_from_file (entry, self->file, article, error);
}

GlossaAnnotations *
glossa_by_id_get_annotations (GlossaById     *self,
                              const char     *id,
                              GlossaArticle  *article,
                              GError        **error)
{
  gpointer entry;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  if (!(entry = lookup_entry (self, id, error)))
    return NULL;
  if (self->is_jsonl)
    return annotations_from_line (self, entry, article, error);
  return annotations_from_file (entry, self->file, article, error);
}

GPtrArray *
glossa_by_id_get_relations (GlossaById     *self,
                            const char     *id,
                            GlossaArticle  *article,
                            GError        **error)
{
  g_autoptr(GlossaAnnotations) annotations = NULL;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  if (!g_hash_table_contains (self->documents, id))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
  if (!(annotations = glossa_by_id_get_annotations (self, id, article, error)))
    return NULL;
  return g_ptr_array_ref (annotations->relations);
}
