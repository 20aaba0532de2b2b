/* glossa-corpus-jsonl.c: a corpus that is a JSON Lines file, its annotations in FILE.annotations.jsonl
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "glossa-corpus-private.h"
#include "glossa-error.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-storage.h"

#define READ_CHUNK      (1 << 20)
/* A longer line is refused rather than buffered: a file without a line
 * break would otherwise be read whole into memory.
 */
#define LINE_LIMIT      GLOSSA_STORAGE_READ_LIMIT

typedef struct
{
  gint64 offset;
  gsize  length;    /* without the line end */
  guint  line_no;
} AnnotationLine;

/* Reading the corpus: the line reader is shared (glossa-corpus-private.h) */

void
_glossa_line_reader_init (GlossaLineReader *reader,
                          int               fd)
{
  struct stat st;

  memset (reader, 0, sizeof *reader);
  reader->fd = fd;
  /* A small file gets a buffer of its size, not a chunk: a corpus opens a
   * reader per file, and a fuzzer one per input. The byte more lets the
   * read that finds the end need no bigger buffer.
   */
  reader->size = READ_CHUNK;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size < READ_CHUNK)
    reader->size = st.st_size + 1;
  reader->buf = g_malloc (reader->size);
}

void
_glossa_line_reader_clear (GlossaLineReader *reader)
{
  g_clear_pointer (&reader->buf, g_free);
}

static gboolean
line_reader_fill (GlossaLineReader  *reader,
                  const char        *display,
                  GError           **error)
{
  gssize n;

  if (reader->start > 0)
    {
      memmove (reader->buf, reader->buf + reader->start, reader->end - reader->start);
      reader->buf_offset += reader->start;
      reader->end -= reader->start;
      reader->start = 0;
    }
  /* Never beyond a line of LINE_LIMIT and its line end: the reader
   * refuses a longer line before asking for more.
   */
  if (reader->end == reader->size)
    {
      reader->size = MIN (reader->size * 2, (gsize) LINE_LIMIT + 1);
      reader->buf = g_realloc (reader->buf, reader->size);
    }

  do
    n = read (reader->fd, reader->buf + reader->end, reader->size - reader->end);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    return _glossa_corpus_set_errno_error (error, errno, display);
  if (n == 0)
    reader->eof = TRUE;
  reader->end += n;
  return TRUE;
}

static gboolean
line_too_long (GlossaLineReader  *reader,
               const char        *display,
               GError           **error)
{
  g_autofree char *limit = g_format_size (LINE_LIMIT);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("%s:%u: the line is too long (the limit is %s)"), display, reader->line_no + 1, limit);
  return FALSE;
}

/* Returns FALSE at the end of the file, or on a read error or a line longer
 * than LINE_LIMIT (then @error is set). The line excludes its "\n" or "\r\n".
 */
gboolean
_glossa_line_reader_next (GlossaLineReader  *reader,
                          const char       **line,
                          gsize             *len,
                          gint64            *offset,
                          const char        *display,
                          GError           **error)
{
  for (;;)
    {
      const char *start = reader->buf + reader->start;
      gsize avail = reader->end - reader->start;
      const char *nl = memchr (start, '\n', avail);

      if (nl != NULL || (reader->eof && avail > 0))
        {
          gsize n = nl ? (gsize) (nl - start) : avail;

          *line = start;
          *offset = reader->buf_offset + reader->start;
          reader->start += nl ? n + 1 : n;
          reader->line_no++;
          if (n > 0 && start[n - 1] == '\r')
            n--;
          *len = n;
          return TRUE;
        }
      if (reader->eof)
        return FALSE;
      if (avail > LINE_LIMIT)
        return line_too_long (reader, display, error);
      if (!line_reader_fill (reader, display, error))
        return FALSE;
    }
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* A string member that may be absent or null. */
static gboolean
get_optional_string (JsonObject   *object,
                     const char   *member,
                     const char   *name,
                     const char  **out,
                     GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!_glossa_format_node_is_string (node))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: %s: expected a string, found %s", name, member,
                   _glossa_format_node_kind (node));
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

/* A corpus line's date is only shown in the list, and the article is still
 * worth annotating without it: a date the loader would refuse is dropped
 * with a warning that names the line, so that it is never shown as the
 * article's date nor written anywhere.
 */
static const char *
check_line_date (const char  *date,
                 const char  *name,
                 GPtrArray   *warnings)
{
  g_autoptr(GError) error = NULL;

  if (date == NULL || glossa_format_check_date (date, name, "date", &error))
    return date;
  g_ptr_array_add (warnings, g_strdup_printf (_("%s; the article is listed without a date"),
                                              error->message));
  return NULL;
}

/* A JSONL export says each article's status; one the loader would refuse
 * is reported, and the article is listed as todo, as it always was.
 */
static void
check_line_status (JsonNode          *status,
                   const char        *name,
                   GlossaCorpusEntry *entry,
                   GPtrArray         *warnings)
{
  g_autoptr(GError) error = NULL;
  GlossaStatus value;

  if (status == NULL || JSON_NODE_HOLDS_NULL (status))
    return;
  if (!_glossa_format_node_is_string (status))
    g_set_error (&error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("%s: status: expected a string, found %s"), name,
                 _glossa_format_node_kind (status));
  else if (glossa_format_check_status (json_node_get_string (status), &value, name, "status", &error))
    {
      entry->status = value;
      return;
    }
  g_ptr_array_add (warnings, g_strdup_printf (_("%s; the article is listed as todo"), error->message));
}

/* The spans a corpus line comes with are checked as the loader will check
 * them when the article is opened, against the article itself (whose text
 * drops a byte-order mark, for one); only lines with spans pay for it.
 */
static gboolean
count_line_spans (JsonNode           *spans,
                  const char         *text,
                  const char         *name,
                  GlossaSchema       *schema,
                  GlossaCorpusEntry  *entry,
                  GError            **error)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GlossaArticle) article = NULL;

  if (spans == NULL || JSON_NODE_HOLDS_NULL (spans))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (spans) || json_array_get_length (json_node_get_array (spans)) == 0)
    return glossa_format_spans_from_json (spans, NULL, 0, name, parsed, error);

  if (!(article = glossa_article_new_from_data (text, strlen (text), name, error)) ||
      !glossa_format_spans_from_json (spans, article, 0, name, parsed, error) ||
      !glossa_format_check_labels (parsed, schema, name, "spans", error))
    return FALSE;
  for (guint i = 0; i < parsed->len; i++)
    glossa_label_counts_add (&entry->labels, ((GlossaSpan *) g_ptr_array_index (parsed, i))->label, 1);
  entry->n_spans = parsed->len;
  return TRUE;
}

static gboolean
read_jsonl_line (GlossaCorpusIndex  *index,
                 const char         *line,
                 gsize               len,
                 gint64              offset,
                 guint               line_no,
                 GPtrArray          *warnings,
                 JsonNode          **root_out,
                 GError            **error)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", index->display, line_no);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonNode *text, *spans;
  const char *title, *date, *url;
  gpointer previous;
  GlossaCorpusEntry entry = { 0 };

  if (!(root = glossa_json_parse_line (line, len, index->display, line_no, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: expected an object {\"id\": …, \"text\": …}, found %s", name,
                   _glossa_format_node_kind (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!(id = _glossa_format_dup_id (object, name, error)))
    return FALSE;

  text = json_object_get_member (object, "text");
  if (!_glossa_format_node_is_string (text))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   text ? "%s: text: expected a string, found %s" : "%s: text: missing%s",
                   name, text ? _glossa_format_node_kind (text) : " (a string is required)");
      return FALSE;
    }

  if (json_object_has_member (object, "status"))
    {
      index->exported = TRUE;
      check_line_status (json_object_get_member (object, "status"), name, &entry, pending);
    }

  if (!get_optional_string (object, "title", name, &title, error) ||
      !get_optional_string (object, "date", name, &date, error) ||
      !get_optional_string (object, "url", name, &url, error))
    return FALSE;

  spans = json_object_get_member (object, "spans");
  if (!count_line_spans (spans, json_node_get_string (text), name, index->schema, &entry, error))
    return FALSE;
  date = check_line_date (date, name, pending);

  if ((previous = g_hash_table_lookup (index->ids, id)) != NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: id: “%s” is already the id of line %u", name, id,
                   _glossa_corpus_index_entry (index, GPOINTER_TO_UINT (previous) - 1)->line_no);
      glossa_label_counts_clear (&entry.labels);
      return FALSE;
    }

  entry.id = _glossa_corpus_index_intern (index, id);
  entry.name = entry.id;
  entry.title = _glossa_corpus_index_intern (index, title);
  entry.date = _glossa_corpus_index_intern (index, date);
  entry.offset = offset;
  entry.length = len;
  entry.line_no = line_no;
  g_array_append_val (index->entries, entry);
  g_hash_table_insert (index->ids, (gpointer) entry.id, GUINT_TO_POINTER (index->entries->len));

  /* What was set aside is said only of a line that is listed. */
  for (guint i = 0; i < pending->len && warnings != NULL; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (pending, i)));
  if (root_out != NULL)
    *root_out = g_steal_pointer (&root);
  return TRUE;
}

gboolean
_glossa_corpus_list_jsonl_line (GlossaCorpusIndex  *index,
                                const char         *line,
                                gsize               len,
                                gint64              offset,
                                guint               line_no,
                                JsonNode          **root,
                                GError            **error)
{
  if (len > G_MAXUINT)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s:%u: the line is too long", index->display, line_no);
      return FALSE;
    }
  return read_jsonl_line (index, line, len, offset, line_no, NULL, root, error);
}

gboolean
_glossa_corpus_read_jsonl (GlossaCorpusIndex  *index,
                           GPtrArray          *warnings,
                           GCancellable       *cancellable,
                           GError            **error)
{
  GlossaLineReader reader;
  const char *line;
  gsize len;
  gint64 offset;
  gboolean ok = TRUE;
  int fd;

  if ((fd = glossa_storage_open_regular (index->path, NULL, error)) < 0)
    return FALSE;

  _glossa_line_reader_init (&reader, fd);
  while (_glossa_line_reader_next (&reader, &line, &len, &offset, index->display, error))
    {
      g_autoptr(GError) line_error = NULL;

      if (reader.line_no % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (is_blank (line, len))
        continue;
      if (len > G_MAXUINT)
        {
          g_ptr_array_add (warnings, g_strdup_printf ("%s:%u: the line is too long",
                                                      index->display, reader.line_no));
          continue;
        }
      if (!read_jsonl_line (index, line, len, offset, reader.line_no, warnings, NULL, &line_error))
        _glossa_corpus_add_warning (warnings, line_error);
    }
  if (error != NULL && *error != NULL)
    ok = FALSE;
  _glossa_line_reader_clear (&reader);
  close (fd);
  return ok;
}

/* Reads FILE.annotations.jsonl from @fd: where each article's line is and,
 * if @results is not NULL, what it says. Lines that do not parse or name no
 * article of the corpus become warnings; they stay in the file untouched.
 */
static GHashTable *
scan_annotations (GlossaCorpusIndex  *index,
                  int                 fd,
                  GArray             *results,
                  GPtrArray          *warnings,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *display = index->annotations_display;
  GlossaLineReader reader;
  const char *line;
  gsize len;
  gint64 offset;

  _glossa_line_reader_init (&reader, fd);
  while (_glossa_line_reader_next (&reader, &line, &len, &offset, display, error))
    {
      g_autoptr(GError) line_error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      AnnotationLine *found;
      GlossaCorpusResult result = { GLOSSA_CORPUS_RESULT_SUMMARY, 0, { 0 } };
      guint position;

      if (reader.line_no % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (is_blank (line, len))
        continue;

      name = g_strdup_printf ("%s:%u", display, reader.line_no);
      if (!(root = glossa_json_parse_line (line, len, display, reader.line_no, &line_error)) ||
          !_glossa_format_summarize (root, name, index->schema, &result.summary, &line_error) ||
          !(id = _glossa_format_dup_id (json_node_get_object (root), name, &line_error)))
        {
          _glossa_format_summary_clear (&result.summary);
          if (warnings)
            _glossa_corpus_add_warning (warnings, line_error);
          continue;
        }

      position = GPOINTER_TO_UINT (g_hash_table_lookup (index->ids, id));
      if (position == 0)
        {
          _glossa_format_summary_clear (&result.summary);
          if (warnings)
            g_ptr_array_add (warnings, g_strdup_printf ("%s: id: no article “%s” in %s",
                                                        name, id, index->display));
          continue;
        }
      position--;

      if ((found = g_hash_table_lookup (lines, GUINT_TO_POINTER (position))) != NULL)
        {
          _glossa_format_summary_clear (&result.summary);
          if (warnings)
            g_ptr_array_add (warnings,
                             g_strdup_printf ("%s: id: “%s” already has its annotations on line %u; "
                                              "this line is ignored",
                                              name, id, found->line_no));
          continue;
        }

      found = g_new (AnnotationLine, 1);
      found->offset = offset;
      found->length = len;
      found->line_no = reader.line_no;
      g_hash_table_insert (lines, GUINT_TO_POINTER (position), found);

      if (results != NULL)
        {
          /* The date of a JSONL article is on its corpus line. */
          g_clear_pointer (&result.summary.date, g_free);
          result.position = position;
          g_array_append_val (results, result);
        }
      else
        _glossa_format_summary_clear (&result.summary);
    }
  _glossa_line_reader_clear (&reader);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&lines);
}

void
_glossa_corpus_read_jsonl_statuses (GlossaCorpusIndex *index,
                                    GlossaCorpusSink  *sink,
                                    GCancellable      *cancellable)
{
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (GlossaCorpusResult));
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  int fd;

  g_array_set_clear_func (results, _glossa_corpus_result_clear);

  fd = glossa_storage_open_regular (index->annotations_path, &st, &error);
  if (fd < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _glossa_corpus_add_warning (_glossa_corpus_sink_warnings (sink), error);
    }
  else if ((lines = scan_annotations (index, fd, results, warnings, cancellable, &error)) != NULL)
    {
      /* Whoever reads the file first leaves the map of its lines for the
       * next document load or save.
       */
      g_mutex_lock (&index->mutex);
      g_clear_pointer (&index->lines, g_hash_table_unref);
      index->lines = g_hash_table_ref (lines);
      index->lines_stamp = glossa_file_stamp_from_stat (&st);
      g_mutex_unlock (&index->mutex);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _glossa_corpus_add_warning (_glossa_corpus_sink_warnings (sink), error);
  if (fd >= 0)
    close (fd);

  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (_glossa_corpus_sink_warnings (sink), g_strdup (g_ptr_array_index (warnings, i)));

  for (guint i = 0; i < results->len; i++)
    {
      GlossaCorpusResult *result = &g_array_index (results, GlossaCorpusResult, i);
      GlossaCorpusResult *added = _glossa_corpus_sink_add (sink, GLOSSA_CORPUS_RESULT_SUMMARY,
                                                           result->position);

      added->summary = result->summary;
      memset (&result->summary, 0, sizeof result->summary);
      _glossa_corpus_sink_maybe_flush (sink);
    }

  /* Articles without a line have nothing more to read. */
  for (guint i = 0; i < index->entries->len; i++)
    {
      if (lines == NULL || !g_hash_table_contains (lines, GUINT_TO_POINTER (i)))
        _glossa_corpus_sink_add (sink, GLOSSA_CORPUS_RESULT_LOADED, i);
      _glossa_corpus_sink_maybe_flush (sink);
    }
}

/* Documents */

/* Reads the @length bytes at @offset of the file open as @fd. */
static char *
read_range (int          fd,
            gint64       offset,
            gsize        length,
            const char  *display,
            GError     **error)
{
  g_autofree char *buf = g_malloc (length + 1);
  gsize done = 0;

  while (done < length)
    {
      gssize n = pread (fd, buf + done, length - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _glossa_corpus_set_errno_error (error, errno, display);
          return NULL;
        }
      if (n == 0)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                       _("%s was changed by another program; open it again"), display);
          return NULL;
        }
      done += n;
    }
  buf[length] = '\0';
  return g_steal_pointer (&buf);
}

/* Makes index->lines describe the current FILE.annotations.jsonl, open as
 * @fd (-1 if there is none), reading it again if it changed. Called with
 * the mutex held.
 */
static gboolean
ensure_lines (GlossaCorpusIndex  *index,
              int                 fd,
              GCancellable       *cancellable,
              GError            **error)
{
  GlossaFileStamp stamp = { FALSE };
  struct stat st;
  GHashTable *lines;

  if (fd >= 0)
    {
      if (fstat (fd, &st) != 0)
        return _glossa_corpus_set_errno_error (error, errno, index->annotations_display);
      stamp = glossa_file_stamp_from_stat (&st);
    }

  if (index->lines != NULL && glossa_file_stamp_equal (&stamp, &index->lines_stamp))
    return TRUE;

  if (fd < 0)
    lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  else
    {
      if (lseek (fd, 0, SEEK_SET) < 0)
        return _glossa_corpus_set_errno_error (error, errno, index->annotations_display);
      if (!(lines = scan_annotations (index, fd, NULL, NULL, cancellable, error)))
        return FALSE;
    }

  g_clear_pointer (&index->lines, g_hash_table_unref);
  index->lines = lines;
  index->lines_stamp = stamp;
  return TRUE;
}

/* The annotations of a JSONL article that has no line in
 * FILE.annotations.jsonl: the spans its corpus line came with.
 */
static GlossaAnnotations *
read_corpus_spans (GlossaCorpusIndex  *index,
                   JsonObject         *object,
                   guint               line_no,
                   GlossaStatus        status,
                   GlossaArticle      *article,
                   GError            **error)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", index->display, line_no);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  if (!glossa_format_spans_from_json (json_object_get_member (object, "spans"), article, 0,
                                      name, spans, error) ||
      !glossa_format_check_labels (spans, index->schema, name, "spans", error))
    return NULL;
  glossa_schema_unref (annotations->schema);
  annotations->schema = glossa_schema_ref (index->schema);
  annotations->status = status;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      /* Not in a document yet, so still ours to change. */
      if (span->origin != GLOSSA_ORIGIN_SUGGESTED)
        span->origin = GLOSSA_ORIGIN_IMPORTED;
      g_ptr_array_add (annotations->spans, glossa_span_ref (span));
    }
  return g_steal_pointer (&annotations);
}

static GlossaStore *jsonl_store_new (GlossaCorpusIndex *index,
                                     guint              position,
                                     GBytes            *seen);

GlossaDocument *
_glossa_corpus_load_jsonl_document (GlossaCorpusIndex  *index,
                                    guint               position,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (index, position);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *name = g_strdup_printf ("%s:%u", index->display, entry->line_no);
  g_autofree char *id = NULL;
  g_autoptr(GBytes) seen = NULL;
  g_autoptr(GlossaStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  GlossaDocument *document;
  gboolean found_none = TRUE;
  const char *text;
  int fd;

  if ((fd = glossa_storage_open_regular (index->path, NULL, error)) < 0)
    return NULL;
  line = read_range (fd, entry->offset, entry->length, index->display, error);
  close (fd);
  if (line == NULL)
    return NULL;

  if (!(root = glossa_json_parse_line (line, entry->length, index->display, entry->line_no, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(id = _glossa_format_dup_id (json_node_get_object (root), name, NULL)) ||
      strcmp (id, entry->id) != 0 ||
      !_glossa_format_node_is_string (json_object_get_member (json_node_get_object (root), "text")))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                   _("%s was changed by another program; open it again"), index->display);
      return NULL;
    }

  text = json_object_get_string_member (json_node_get_object (root), "text");
  if (!(article = glossa_article_new_from_data (text, strlen (text), entry->id, error)))
    return NULL;

  g_mutex_lock (&index->mutex);
  fd = glossa_storage_open_regular (index->annotations_path, NULL, &open_error);
  if (fd < 0 && !g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&open_error));
  else if (ensure_lines (index, fd, cancellable, error))
    {
      AnnotationLine *found = g_hash_table_lookup (index->lines, GUINT_TO_POINTER (position));
      g_autofree char *annotation = NULL;

      found_none = found == NULL;
      if (found == NULL)
        annotations = read_corpus_spans (index, json_node_get_object (root), entry->line_no, entry->status,
                                         article, error);
      else if ((annotation = read_range (fd, found->offset, found->length,
                                         index->annotations_display, error)) != NULL)
        {
          annotations = _glossa_format_read_annotation_line (index->schema, annotation, found->length,
                                                             index->annotations_display,
                                                             found->line_no, article, error);
          seen = g_bytes_new (annotation, found->length);
        }
    }
  if (fd >= 0)
    close (fd);
  g_mutex_unlock (&index->mutex);

  if (annotations == NULL)
    return NULL;
  /* The line as read is what the store later checks the file against. */
  store = jsonl_store_new (index, position, seen);
  document = glossa_document_new_with_store (article, store, annotations);
  /* An export is shown as it is: annotating it would fork the dataset. */
  if (index->exported && found_none)
    glossa_document_set_read_only (document, TRUE);
  return document;
}

/* Saving */

/* Where a new line goes: before the line of the next article of the
 * corpus that has one, so the file stays in corpus order.
 */
static gint64
insertion_offset (GlossaCorpusIndex *index,
                  guint              position,
                  gint64             file_size)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best = G_MAXUINT;
  gint64 offset = -1;

  g_hash_table_iter_init (&iter, index->lines);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint other = GPOINTER_TO_UINT (key);

      if (other > position && other < best)
        {
          best = other;
          offset = ((AnnotationLine *) value)->offset;
        }
    }
  return offset >= 0 ? offset : file_size;
}

static guint
count_lines (const char *data,
             gsize       len)
{
  guint n = 0;

  for (const char *p = data; (p = memchr (p, '\n', data + len - p)) != NULL; p++)
    n++;
  return n;
}

/* Moves the map of lines from before to after replacing old[start, end)
 * by @line_len bytes, the first @added_nl of them a line end for the line
 * before.
 */
static void
shift_lines (GlossaCorpusIndex *index,
             guint              position,
             gint64             start,
             gint64             end,
             gsize              line_len,
             gsize              added_nl,
             guint              line_no,
             gboolean           inserted)
{
  gint64 delta = (gint64) (added_nl + line_len) - (end - start);
  AnnotationLine *line = g_new (AnnotationLine, 1);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, index->lines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AnnotationLine *other = value;

      if (other->offset >= end)
        {
          other->offset += delta;
          other->line_no += inserted;
        }
    }

  line->offset = start + added_nl;
  line->length = line_len - 1;
  line->line_no = line_no;
  g_hash_table_insert (index->lines, GUINT_TO_POINTER (position), line);
}

/* Reads the current line of item @position in FILE.annotations.jsonl, open
 * as @fd (-1 if there is none), into @line (NULL if it has none). Called
 * with the mutex held.
 */
static gboolean
read_current_line (GlossaCorpusIndex  *index,
                   guint               position,
                   int                 fd,
                   GBytes            **line,
                   GCancellable       *cancellable,
                   GError            **error)
{
  AnnotationLine *found;
  char *data;

  *line = NULL;
  if (!ensure_lines (index, fd, cancellable, error))
    return FALSE;
  found = g_hash_table_lookup (index->lines, GUINT_TO_POINTER (position));
  if (found == NULL)
    return TRUE;
  if (!(data = read_range (fd, found->offset, found->length, index->annotations_display, error)))
    return FALSE;
  *line = g_bytes_new_take (data, found->length);
  return TRUE;
}

/* Opens FILE.annotations.jsonl for reading: -1 without an error if there
 * is none yet.
 */
static gboolean
open_annotations (GlossaCorpusIndex  *index,
                  int                *fd,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Never blocks: a FIFO in its place is refused, not waited on. */
  *fd = glossa_storage_open_regular (index->annotations_path, NULL, &local_error);
  if (*fd < 0 && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_line (GBytes *a,
           GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

static void
set_conflict_error (GlossaCorpusIndex  *index,
                    guint               position,
                    GError            **error)
{
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
               _("%s: the line of article %s was changed by another program; it was not written over"),
               index->annotations_display, _glossa_corpus_index_entry (index, position)->id);
}

/* Runs in any thread; the mutex makes saves of one corpus take turns.
 * Writes @line (ending in a line end) as the line of item @position,
 * unless the line there is no longer *@seen (NULL: no line); then *@seen
 * becomes @line without its line end.
 */
static gboolean
save_jsonl_line (GlossaCorpusIndex  *index,
                 guint               position,
                 GBytes             *line,
                 GBytes            **seen,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (index->annotations_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autofree char *old = NULL;
  AnnotationLine *found;
  GString *out;
  gsize old_len = 0, line_len, added_nl = 0;
  const char *line_data = g_bytes_get_data (line, &line_len);
  gint64 start, end;
  guint line_no;
  gboolean ok = FALSE;
  struct stat st;
  int fd;

  g_mutex_lock (&index->mutex);

  if (!open_annotations (index, &fd, error))
    goto out;
  if (!read_current_line (index, position, fd, &current, cancellable, error))
    goto out;
  /* Another window or program wrote this article's line: theirs is not
   * spliced over. Lines of other articles may change freely.
   */
  if (!same_line (current, *seen))
    {
      set_conflict_error (index, position, error);
      goto out;
    }
  if (fd >= 0)
    {
      old_len = index->lines_stamp.size;
      if (!(old = read_range (fd, 0, old_len, index->annotations_display, error)))
        goto out;
    }

  found = g_hash_table_lookup (index->lines, GUINT_TO_POINTER (position));
  if (found != NULL)
    {
      start = found->offset;
      end = start + found->length;
      if (end < (gint64) old_len && old[end] == '\r')
        end++;
      if (end < (gint64) old_len && old[end] == '\n')
        end++;
    }
  else
    start = end = insertion_offset (index, position, old_len);

  out = g_string_sized_new (old_len + line_len + 1);
  g_string_append_len (out, old, start);
  /* A last line without its line end gets one before ours. */
  if (start > 0 && old[start - 1] != '\n')
    {
      g_string_append_c (out, '\n');
      added_nl = 1;
    }
  line_no = count_lines (out->str, out->len) + 1;
  g_string_append_len (out, line_data, line_len);
  g_string_append_len (out, old + end, old_len - end);
  bytes = g_string_free_to_bytes (out);

  if (!glossa_file_replace_atomic (file, bytes, cancellable, error))
    goto out;
  ok = TRUE;
  g_clear_pointer (seen, g_bytes_unref);
  *seen = g_bytes_new (line_data, line_len - 1);

  /* The map follows the file we wrote rather than reading it again. */
  if (stat (index->annotations_path, &st) == 0)
    {
      shift_lines (index, position, start, end, line_len, added_nl, line_no, found == NULL);
      index->lines_stamp = glossa_file_stamp_from_stat (&st);
    }
  else
    g_clear_pointer (&index->lines, g_hash_table_unref);

out:
  if (fd >= 0)
    close (fd);
  g_mutex_unlock (&index->mutex);
  return ok;
}

/* The JSONL kind of store: one article's line of FILE.annotations.jsonl.
 * Whether it changed is told by the line's bytes, not the file's stamp, so
 * that a write of another article's line is no conflict.
 */

#define GLOSSA_TYPE_JSONL_STORE (glossa_jsonl_store_get_type ())
G_DECLARE_FINAL_TYPE (GlossaJsonlStore, glossa_jsonl_store, GLOSSA, JSONL_STORE, GlossaStore)

struct _GlossaJsonlStore
{
  GlossaStore        parent_instance;

  GlossaCorpusIndex *index;
  guint              position;
  /* The line last read or written, without its line end; NULL when the
   * article had none. Guarded by index->mutex.
   */
  GBytes            *seen;
};

G_DEFINE_FINAL_TYPE (GlossaJsonlStore, glossa_jsonl_store, GLOSSA_TYPE_STORE)

/* Reads the line of the store's article as it is now, with the mutex held. */
static gboolean
jsonl_store_read_locked (GlossaJsonlStore  *self,
                         GBytes           **line,
                         guint             *line_no,
                         GCancellable      *cancellable,
                         GError           **error)
{
  gboolean ok;
  int fd;

  if (!open_annotations (self->index, &fd, error))
    return FALSE;
  ok = read_current_line (self->index, self->position, fd, line, cancellable, error);
  if (ok && *line != NULL && line_no != NULL)
    *line_no = ((AnnotationLine *) g_hash_table_lookup (self->index->lines,
                                                        GUINT_TO_POINTER (self->position)))->line_no;
  if (fd >= 0)
    close (fd);
  return ok;
}

/* A reload: the article's line as it is now. Without a line, the article
 * has no spans (the corpus line's own spans are only a start).
 */
static GlossaAnnotations *
glossa_jsonl_store_load (GlossaStore    *store,
                         GlossaArticle  *article,
                         GCancellable   *cancellable,
                         GError        **error)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);
  g_autoptr(GBytes) line = NULL;
  guint line_no = 0;
  gboolean ok;

  g_mutex_lock (&self->index->mutex);
  ok = jsonl_store_read_locked (self, &line, &line_no, cancellable, error);
  if (ok)
    {
      g_clear_pointer (&self->seen, g_bytes_unref);
      self->seen = line ? g_bytes_ref (line) : NULL;
    }
  g_mutex_unlock (&self->index->mutex);

  if (!ok || line == NULL)
    return NULL;
  return _glossa_format_read_annotation_line (self->index->schema,
                                              g_bytes_get_data (line, NULL), g_bytes_get_size (line),
                                              self->index->annotations_display, line_no, article,
                                              error);
}

static gboolean
glossa_jsonl_store_save (GlossaStore              *store,
                         const GlossaAnnotations  *annotations,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);
  const char *id = _glossa_corpus_index_entry (self->index, self->position)->id;
  g_autoptr(GBytes) line = _glossa_format_write_annotation_line (id, annotations);

  return save_jsonl_line (self->index, self->position, line, &self->seen, cancellable, error);
}

static gboolean
glossa_jsonl_store_changed_on_disk (GlossaStore *store)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);
  g_autoptr(GBytes) line = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  g_mutex_lock (&self->index->mutex);
  /* A file that cannot be read is not what we saw either. */
  changed = !jsonl_store_read_locked (self, &line, NULL, NULL, &error) || !same_line (line, self->seen);
  g_mutex_unlock (&self->index->mutex);
  return changed;
}

/* FILE.annotations.jsonl.other-YYYYMMDD-HHMMSS (-2, -3… if taken), made
 * anew, never over a file. The name ends in neither .jsonl nor .json, so
 * that no corpus and no command takes it for a corpus or an annotation
 * file.
 */
static GFile *
write_other_line (GlossaCorpusIndex  *index,
                  GBytes             *line,
                  GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_byte_array_append (data, g_bytes_get_data (line, NULL), g_bytes_get_size (line));
  g_byte_array_append (data, (const guint8 *) "\n", 1);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileOutputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;

      if (n == 1)
        path = g_strdup_printf ("%s.other-%s", index->annotations_path, time);
      else
        path = g_strdup_printf ("%s.other-%s-%u", index->annotations_path, time, n);
      file = g_file_new_for_path (path);
      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      if (stream == NULL ||
          !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data->data, data->len, NULL, NULL, &local_error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot keep a copy of the other version of %s: "),
                                      index->annotations_display);
          return NULL;
        }
      return g_steal_pointer (&file);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot keep a copy of the other version of %s: too many copies already"),
               index->annotations_display);
  return NULL;
}

static gboolean
glossa_jsonl_store_set_aside_other_version (GlossaStore  *store,
                                            GFile       **copy,
                                            GError      **error)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);
  g_autoptr(GBytes) line = NULL;
  g_autoptr(GFile) made = NULL;
  gboolean ok;

  g_mutex_lock (&self->index->mutex);
  ok = jsonl_store_read_locked (self, &line, NULL, NULL, error);
  if (ok && line != NULL && !same_line (line, self->seen))
    ok = (made = write_other_line (self->index, line, error)) != NULL;
  if (ok)
    {
      g_clear_pointer (&self->seen, g_bytes_unref);
      self->seen = g_steal_pointer (&line);
    }
  g_mutex_unlock (&self->index->mutex);

  if (ok && copy != NULL)
    *copy = g_steal_pointer (&made);
  return ok;
}

static char *
glossa_jsonl_store_dup_identity (GlossaStore *store)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);
  g_autoptr(GFile) file = g_file_new_for_path (self->index->annotations_path);
  g_autofree char *uri = g_file_get_uri (file);

  /* An id may hold any character but NUL. */
  return g_strdup_printf ("jsonl-store:%s\n%s", uri,
                          _glossa_corpus_index_entry (self->index, self->position)->id);
}

static char *
glossa_jsonl_store_dup_description (GlossaStore *store)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);

  return g_strdup_printf (_("%s, article %s"), self->index->annotations_display,
                          _glossa_corpus_index_entry (self->index, self->position)->id);
}

static void
glossa_jsonl_store_finalize (GObject *object)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (object);

  g_clear_pointer (&self->seen, g_bytes_unref);
  g_clear_pointer (&self->index, _glossa_corpus_index_unref);

  G_OBJECT_CLASS (glossa_jsonl_store_parent_class)->finalize (object);
}

static void
glossa_jsonl_store_class_init (GlossaJsonlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossaStoreClass *store_class = GLOSSA_STORE_CLASS (klass);

  object_class->finalize = glossa_jsonl_store_finalize;
  store_class->load = glossa_jsonl_store_load;
  store_class->save = glossa_jsonl_store_save;
  store_class->changed_on_disk = glossa_jsonl_store_changed_on_disk;
  store_class->set_aside_other_version = glossa_jsonl_store_set_aside_other_version;
  store_class->dup_identity = glossa_jsonl_store_dup_identity;
  store_class->dup_description = glossa_jsonl_store_dup_description;
}

static void
glossa_jsonl_store_init (GlossaJsonlStore *self)
{
}

static GlossaStore *
jsonl_store_new (GlossaCorpusIndex *index,
                 guint              position,
                 GBytes            *seen)
{
  GlossaJsonlStore *self = g_object_new (GLOSSA_TYPE_JSONL_STORE, NULL);

  self->index = _glossa_corpus_index_ref (index);
  self->position = position;
  self->seen = seen ? g_bytes_ref (seen) : NULL;
  return GLOSSA_STORE (self);
}
