/* glossa-corpus.c: a folder or JSON Lines file of articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-natural-sort.h"
#include "glossa-storage.h"

/* A corpus of 100,000 articles must open in a fraction of a second and stay
 * small, so nothing per article is kept but a few short strings and numbers.
 * Those live in an Index that never changes once the corpus is open; worker
 * threads (status loading, document loading, saving) share it by reference
 * and so never touch the GObjects, which belong to the opening thread.
 */

#define READ_CHUNK      (1 << 20)
#define BATCH_SIZE      2000
#define BATCH_INTERVAL  (100 * G_TIME_SPAN_MILLISECOND)
/* glossa_article_find_date() looks at the first 256 bytes; a date starting
 * there needs 15 more.
 */
#define DATE_HEAD_BYTES (256 + 15)

typedef struct
{
  const char *path;       /* folder: relative path of the article */
  const char *id;
  const char *name;       /* valid UTF-8 */
  const char *title;      /* nullable */
  const char *date;       /* nullable */
  gint64      offset;     /* JSONL: where the line starts */
  guint       length;     /* JSONL: the line's bytes, without the line end */
  guint       line_no;    /* JSONL */
  guint       n_spans;    /* JSONL: the line's own (pre-annotated) spans */
  guint       labels[GLOSSA_N_LABELS];
  guint       has_sidecar : 1;  /* folder: NAME.annotations.json exists */
  guint       status : 2;       /* JSONL: the line's own, in an export */
} Entry;

typedef struct
{
  gint64 offset;
  gsize  length;    /* without the line end */
  guint  line_no;
} AnnotationLine;

typedef struct
{
  gatomicrefcount   ref_count;
  GlossaCorpusKind  kind;
  char             *path;              /* the folder or the .jsonl file */
  char             *display;           /* @path for messages */
  char             *annotations_path;  /* JSONL: FILE.annotations.jsonl */
  char             *annotations_display;
  GStringChunk     *strings;
  GArray           *entries;           /* of Entry, in list order */
  GHashTable       *ids;               /* id -> position + 1 */
  /* JSONL: lines carry a "status", as `glossa export` writes them: a
   * dataset to look at, not a corpus to annotate.
   */
  gboolean          exported;

  /* JSONL: where each article's line is in FILE.annotations.jsonl, valid
   * for the version of the file in @lines_stamp. Guarded by @mutex, which
   * also makes saves run one at a time.
   */
  GMutex            mutex;
  GHashTable       *lines;             /* position -> AnnotationLine */
  GlossaFileStamp   lines_stamp;
} Index;

typedef enum
{
  RESULT_SUMMARY,
  RESULT_DATE,
  RESULT_LOADED,
} ResultKind;

typedef struct
{
  ResultKind           kind;
  guint                position;
  GlossaFormatSummary  summary;
} Result;

struct _GlossaCorpusItem
{
  GObject       parent_instance;

  Index        *index;
  guint         position;
  GlossaStatus  status;
  guint         n_spans;
  guint         labels[GLOSSA_N_LABELS];
  char         *date;           /* nullable: overrides the entry's */
  GFile        *file;           /* created when first asked for */
  GError       *error;          /* nullable: why its article could not be read */
  guint         loaded : 1;
  /* Set by a save: anything the background reader says about this item
   * was read before and is older.
   */
  guint         pinned : 1;
};

struct _GlossaCorpus
{
  GObject       parent_instance;

  GFile        *file;
  Index        *index;
  GPtrArray    *items;
  GPtrArray    *warnings;       /* NULL-terminated */
  GMainContext *context;
  GCancellable *loader_cancellable;
  guint         status_counts[GLOSSA_N_STATUSES];
  guint         loading : 1;
};

static void glossa_corpus_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (GlossaCorpusItem, glossa_corpus_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (GlossaCorpus, glossa_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      glossa_corpus_list_model_init))

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_TITLE,
  ITEM_PROP_DATE,
  ITEM_PROP_STATUS,
  ITEM_PROP_N_SPANS,
  ITEM_PROP_LOADED,
  ITEM_PROP_POSITION,
  ITEM_PROP_ERROR,
  N_ITEM_PROPS
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_KIND,
  PROP_WARNINGS,
  PROP_LOADING,
  PROP_N_DONE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];
static GParamSpec *properties[N_PROPS];

/* Index */

static Index *
index_new (GlossaCorpusKind  kind,
           GFile            *file)
{
  Index *index = g_new0 (Index, 1);

  g_atomic_ref_count_init (&index->ref_count);
  index->kind = kind;
  index->path = g_file_get_path (file);
  index->display = g_file_get_parse_name (file);
  if (kind == GLOSSA_CORPUS_JSONL)
    {
      g_autoptr(GFile) annotations = glossa_corpus_annotations_file_for_jsonl (file);

      index->annotations_path = g_file_get_path (annotations);
      index->annotations_display = g_file_get_parse_name (annotations);
    }
  index->strings = g_string_chunk_new (64 * 1024);
  index->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&index->mutex);
  return index;
}

static Index *
index_ref (Index *index)
{
  g_atomic_ref_count_inc (&index->ref_count);
  return index;
}

static void
index_unref (Index *index)
{
  if (!g_atomic_ref_count_dec (&index->ref_count))
    return;

  g_free (index->path);
  g_free (index->display);
  g_free (index->annotations_path);
  g_free (index->annotations_display);
  g_hash_table_unref (index->ids);
  g_array_unref (index->entries);
  g_string_chunk_free (index->strings);
  g_clear_pointer (&index->lines, g_hash_table_unref);
  g_mutex_clear (&index->mutex);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Index, index_unref)

static inline Entry *
index_entry (Index *index,
             guint  position)
{
  return &g_array_index (index->entries, Entry, position);
}

static const char *
index_intern (Index      *index,
              const char *str)
{
  return str ? g_string_chunk_insert (index->strings, str) : NULL;
}

static void
result_clear (gpointer data)
{
  _glossa_format_summary_clear (&((Result *) data)->summary);
}

/* Files */

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *display)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               "%s: %s", display, g_strerror (errsv));
  return FALSE;
}

/* Reads a file in chunks and hands out its lines with their offsets, so a
 * JSONL file of any size is read with a buffer as big as its longest line.
 */
typedef struct
{
  int     fd;
  char   *buf;
  gsize   size;
  gsize   start;       /* unread data is buf[start, end) */
  gsize   end;
  gint64  buf_offset;  /* file offset of buf[0] */
  guint   line_no;
  gboolean eof;
} LineReader;

static void
line_reader_init (LineReader *reader,
                  int         fd)
{
  memset (reader, 0, sizeof *reader);
  reader->fd = fd;
  reader->size = READ_CHUNK;
  reader->buf = g_malloc (reader->size);
}

static void
line_reader_clear (LineReader *reader)
{
  g_clear_pointer (&reader->buf, g_free);
}

static gboolean
line_reader_fill (LineReader  *reader,
                  const char  *display,
                  GError     **error)
{
  gssize n;

  if (reader->start > 0)
    {
      memmove (reader->buf, reader->buf + reader->start, reader->end - reader->start);
      reader->buf_offset += reader->start;
      reader->end -= reader->start;
      reader->start = 0;
    }
  if (reader->end == reader->size)
    {
      reader->size *= 2;
      reader->buf = g_realloc (reader->buf, reader->size);
    }

  do
    n = read (reader->fd, reader->buf + reader->end, reader->size - reader->end);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    return set_errno_error (error, errno, display);
  if (n == 0)
    reader->eof = TRUE;
  reader->end += n;
  return TRUE;
}

/* Returns FALSE at the end of the file or on a read error (then @error is
 * set). The line excludes its "\n" or "\r\n".
 */
static gboolean
line_reader_next (LineReader   *reader,
                  const char  **line,
                  gsize        *len,
                  gint64       *offset,
                  const char   *display,
                  GError      **error)
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

static void
add_warning (GPtrArray    *warnings,
             const GError *error)
{
  g_ptr_array_add (warnings, g_strdup (error->message));
}

/* Folder scanning */

static gboolean
has_suffix (const char *name,
            gsize       len,
            const char *suffix,
            gsize       suffix_len)
{
  return len > suffix_len && memcmp (name + len - suffix_len, suffix, suffix_len) == 0;
}

#define TXT_SUFFIX ".txt"

typedef struct
{
  Index        *index;
  GPtrArray    *warnings;
  GCancellable *cancellable;
  GString      *path;      /* absolute path of the folder being read */
} Scan;

/* A name in a folder, sorted with a "/" after a subfolder's name so that
 * sorting each folder's names gives the natural order of the whole paths:
 * "a/…" before "a.txt", "2/…" before "10.txt".
 */
typedef struct
{
  char     *key;
  gboolean  is_dir;
} Child;

static void
child_clear (gpointer data)
{
  g_free (((Child *) data)->key);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  return glossa_natural_compare (((const Child *) a)->key, ((const Child *) b)->key);
}

/* Reads one folder: its articles become entries, its subfolders are read in
 * turn, all in natural order. readdir()'s d_type saves a stat() per file,
 * which is most of the cost on 100,000 files. Symbolic links to folders are
 * not followed, so links cannot make the scan loop.
 */
static void
scan_folder (Scan       *scan,
             const char *rel)
{
  g_autoptr(GHashTable) sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (Child));
  gsize path_len = scan->path->len;
  gsize txt_len = strlen (TXT_SUFFIX);
  gsize sidecar_len = strlen (GLOSSA_ANNOTATIONS_SUFFIX);
  struct dirent *dirent;
  DIR *dir;

  g_array_set_clear_func (children, child_clear);

  if (g_cancellable_is_cancelled (scan->cancellable))
    return;

  if (!(dir = opendir (scan->path->str)))
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (scan->path->str);

      g_ptr_array_add (scan->warnings, g_strdup_printf ("%s: %s", display, g_strerror (errsv)));
      return;
    }

  while ((dirent = readdir (dir)) != NULL)
    {
      const char *name = dirent->d_name;
      gsize len = strlen (name);
      gboolean is_dir = dirent->d_type == DT_DIR;
      gboolean is_file = dirent->d_type == DT_REG;
      Child child;

      if (name[0] == '.')
        continue;

      if (dirent->d_type == DT_UNKNOWN || dirent->d_type == DT_LNK)
        {
          struct stat st;

          g_string_append_printf (scan->path, "/%s", name);
          if (stat (scan->path->str, &st) == 0)
            {
              is_file = S_ISREG (st.st_mode);
              is_dir = S_ISDIR (st.st_mode) && dirent->d_type == DT_UNKNOWN;
            }
          g_string_truncate (scan->path, path_len);
        }

      if (is_dir)
        {
          child.key = g_strconcat (name, "/", NULL);
          child.is_dir = TRUE;
          g_array_append_val (children, child);
        }
      else if (is_file && has_suffix (name, len, TXT_SUFFIX, txt_len))
        {
          child.key = g_strdup (name);
          child.is_dir = FALSE;
          g_array_append_val (children, child);
        }
      /* Not only regular files: a FIFO or a link to a device named like an
       * annotation file is one, which reading then refuses with a message,
       * rather than its article looking as if nobody had annotated it.
       */
      else if (!is_dir && dirent->d_type != DT_DIR &&
               has_suffix (name, len, GLOSSA_ANNOTATIONS_SUFFIX, sidecar_len))
        g_hash_table_add (sidecars, g_strndup (name, len - sidecar_len));
    }
  closedir (dir);

  g_array_sort (children, compare_children);

  for (guint i = 0; i < children->len; i++)
    {
      const Child *child = &g_array_index (children, Child, i);
      g_autofree char *path = g_strconcat (rel, child->key, NULL);

      if (child->is_dir)
        {
          g_string_append_c (scan->path, '/');
          g_string_append_len (scan->path, child->key, strlen (child->key) - 1);
          scan_folder (scan, path);
          g_string_truncate (scan->path, path_len);
        }
      else
        {
          g_autofree char *stem = g_strndup (child->key, strlen (child->key) - txt_len);
          Entry entry = { 0 };

          entry.path = index_intern (scan->index, path);
          entry.id = index_intern (scan->index, path);
          /* The id is the path without ".txt", cut in the copy. */
          ((char *) entry.id)[strlen (path) - txt_len] = '\0';
          if (g_utf8_validate (path, -1, NULL))
            entry.name = entry.path;
          else
            {
              g_autofree char *display = g_filename_display_name (path);
              entry.name = index_intern (scan->index, display);
            }
          entry.has_sidecar = g_hash_table_contains (sidecars, stem);
          g_array_append_val (scan->index->entries, entry);
        }
    }
}

static gboolean
read_folder (Index         *index,
             GPtrArray     *warnings,
             GCancellable  *cancellable,
             GError       **error)
{
  Scan scan = { index, warnings, cancellable, g_string_new (index->path) };
  struct stat st;

  if (stat (index->path, &st) != 0)
    {
      g_string_free (scan.path, TRUE);
      return set_errno_error (error, errno, index->display);
    }

  scan_folder (&scan, "");
  g_string_free (scan.path, TRUE);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* JSONL corpora */

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
check_line_status (JsonNode    *status,
                   const char  *name,
                   Entry       *entry,
                   GPtrArray   *warnings)
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
count_line_spans (JsonNode    *spans,
                  const char  *text,
                  const char  *name,
                  Entry       *entry,
                  GError     **error)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GlossaArticle) article = NULL;

  if (spans == NULL || JSON_NODE_HOLDS_NULL (spans))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (spans) || json_array_get_length (json_node_get_array (spans)) == 0)
    return glossa_format_spans_from_json (spans, NULL, 0, name, parsed, error);

  if (!(article = glossa_article_new_from_data (text, strlen (text), name, error)) ||
      !glossa_format_spans_from_json (spans, article, 0, name, parsed, error))
    return FALSE;
  for (guint i = 0; i < parsed->len; i++)
    entry->labels[((GlossaSpan *) g_ptr_array_index (parsed, i))->label]++;
  entry->n_spans = parsed->len;
  return TRUE;
}

static gboolean
read_jsonl_line (Index       *index,
                 const char  *line,
                 gsize        len,
                 gint64       offset,
                 guint        line_no,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", index->display, line_no);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonNode *text, *spans;
  const char *title, *date, *url;
  gpointer previous;
  Entry entry = { 0 };

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
  if (!count_line_spans (spans, json_node_get_string (text), name, &entry, error))
    return FALSE;
  date = check_line_date (date, name, pending);

  if ((previous = g_hash_table_lookup (index->ids, id)) != NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: id: “%s” is already the id of line %u", name, id,
                   index_entry (index, GPOINTER_TO_UINT (previous) - 1)->line_no);
      return FALSE;
    }

  entry.id = index_intern (index, id);
  entry.name = entry.id;
  entry.title = index_intern (index, title);
  entry.date = index_intern (index, date);
  entry.offset = offset;
  entry.length = len;
  entry.line_no = line_no;
  g_array_append_val (index->entries, entry);
  g_hash_table_insert (index->ids, (gpointer) entry.id, GUINT_TO_POINTER (index->entries->len));

  /* What was set aside is said only of a line that is listed. */
  for (guint i = 0; i < pending->len; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (pending, i)));
  return TRUE;
}

static gboolean
read_jsonl (Index         *index,
            GPtrArray     *warnings,
            GCancellable  *cancellable,
            GError       **error)
{
  LineReader reader;
  const char *line;
  gsize len;
  gint64 offset;
  gboolean ok = TRUE;
  int fd;

  if ((fd = glossa_storage_open_regular (index->path, NULL, error)) < 0)
    return FALSE;

  line_reader_init (&reader, fd);
  while (line_reader_next (&reader, &line, &len, &offset, index->display, error))
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
      if (!read_jsonl_line (index, line, len, offset, reader.line_no, warnings, &line_error))
        add_warning (warnings, line_error);
    }
  if (error != NULL && *error != NULL)
    ok = FALSE;
  line_reader_clear (&reader);
  close (fd);
  return ok;
}

/* Reads FILE.annotations.jsonl from @fd: where each article's line is and,
 * if @results is not NULL, what it says. Lines that do not parse or name no
 * article of the corpus become warnings; they stay in the file untouched.
 */
static GHashTable *
scan_annotations (Index         *index,
                  int            fd,
                  GArray        *results,
                  GPtrArray     *warnings,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *display = index->annotations_display;
  LineReader reader;
  const char *line;
  gsize len;
  gint64 offset;

  line_reader_init (&reader, fd);
  while (line_reader_next (&reader, &line, &len, &offset, display, error))
    {
      g_autoptr(GError) line_error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      AnnotationLine *found;
      Result result = { RESULT_SUMMARY, 0, { 0 } };
      guint position;

      if (reader.line_no % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (is_blank (line, len))
        continue;

      name = g_strdup_printf ("%s:%u", display, reader.line_no);
      if (!(root = glossa_json_parse_line (line, len, display, reader.line_no, &line_error)) ||
          !_glossa_format_summarize (root, name, &result.summary, &line_error) ||
          !(id = _glossa_format_dup_id (json_node_get_object (root), name, &line_error)))
        {
          _glossa_format_summary_clear (&result.summary);
          if (warnings)
            add_warning (warnings, line_error);
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
  line_reader_clear (&reader);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&lines);
}

/* Items */

static void
glossa_corpus_item_finalize (GObject *object)
{
  GlossaCorpusItem *self = GLOSSA_CORPUS_ITEM (object);

  g_clear_pointer (&self->index, index_unref);
  g_clear_pointer (&self->date, g_free);
  g_clear_object (&self->file);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (glossa_corpus_item_parent_class)->finalize (object);
}

static void
glossa_corpus_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossaCorpusItem *self = GLOSSA_CORPUS_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, glossa_corpus_item_get_id (self));
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, glossa_corpus_item_get_name (self));
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, glossa_corpus_item_get_title (self));
      break;
    case ITEM_PROP_DATE:
      g_value_set_string (value, glossa_corpus_item_get_date (self));
      break;
    case ITEM_PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case ITEM_PROP_N_SPANS:
      g_value_set_uint (value, self->n_spans);
      break;
    case ITEM_PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case ITEM_PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case ITEM_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_item_class_init (GlossaCorpusItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = glossa_corpus_item_finalize;
  object_class->get_property = glossa_corpus_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  /* A GlossaStatus; the core registers no enum types. */
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, GLOSSA_N_STATUSES - 1, GLOSSA_STATUS_TODO, flags);
  item_properties[ITEM_PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
glossa_corpus_item_init (GlossaCorpusItem *self)
{
}

static GlossaCorpusItem *
item_new (Index *index,
          guint  position)
{
  GlossaCorpusItem *self = g_object_new (GLOSSA_TYPE_CORPUS_ITEM, NULL);
  const Entry *entry = index_entry (index, position);

  self->index = index_ref (index);
  self->position = position;
  self->status = entry->status;
  self->n_spans = entry->n_spans;
  memcpy (self->labels, entry->labels, sizeof self->labels);
  /* Without an annotation file there is nothing more to read. */
  self->loaded = index->kind == GLOSSA_CORPUS_FOLDER && !entry->has_sidecar;
  return self;
}

static inline const Entry *
item_entry (GlossaCorpusItem *self)
{
  return index_entry (self->index, self->position);
}

const char *
glossa_corpus_item_get_id (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->id;
}

const char *
glossa_corpus_item_get_name (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->name;
}

const char *
glossa_corpus_item_get_title (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->title;
}

const char *
glossa_corpus_item_get_date (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return self->date ? self->date : item_entry (self)->date;
}

GlossaStatus
glossa_corpus_item_get_status (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), GLOSSA_STATUS_TODO);
  return self->status;
}

guint
glossa_corpus_item_get_n_spans (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  return self->n_spans;
}

guint
glossa_corpus_item_get_label_count (GlossaCorpusItem *self,
                                    GlossaLabel       label)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  g_return_val_if_fail ((guint) label < GLOSSA_N_LABELS, 0);
  return self->labels[label];
}

gboolean
glossa_corpus_item_get_loaded (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), FALSE);
  return self->loaded;
}

guint
glossa_corpus_item_get_position (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  return self->position;
}

const GError *
glossa_corpus_item_get_error (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return self->error;
}

/* Takes @error (nullable), notifying only a change. */
static void
item_set_error (GlossaCorpusItem *self,
                GError           *error)
{
  gboolean same = (self->error == NULL && error == NULL) ||
                  (self->error != NULL && error != NULL &&
                   g_error_matches (self->error, error->domain, error->code) &&
                   g_str_equal (self->error->message, error->message));

  g_clear_error (&self->error);
  self->error = error;
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ERROR]);
}

static char *
entry_article_path (Index       *index,
                    const Entry *entry)
{
  return g_build_filename (index->path, entry->path, NULL);
}

GFile *
glossa_corpus_item_get_file (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);

  if (self->index->kind != GLOSSA_CORPUS_FOLDER)
    return NULL;
  if (self->file == NULL)
    {
      g_autofree char *path = entry_article_path (self->index, item_entry (self));
      self->file = g_file_new_for_path (path);
    }
  return self->file;
}

/* The corpus */

static gpointer
glossa_corpus_get_item (GListModel *model,
                        guint       position)
{
  GlossaCorpus *self = GLOSSA_CORPUS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static guint
glossa_corpus_get_n_items (GListModel *model)
{
  return GLOSSA_CORPUS (model)->items->len;
}

static GType
glossa_corpus_get_item_type (GListModel *model)
{
  return GLOSSA_TYPE_CORPUS_ITEM;
}

static void
glossa_corpus_list_model_init (GListModelInterface *iface)
{
  iface->get_item = glossa_corpus_get_item;
  iface->get_n_items = glossa_corpus_get_n_items;
  iface->get_item_type = glossa_corpus_get_item_type;
}

static void
glossa_corpus_dispose (GObject *object)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  /* The reader of statuses holds only a weak reference: stop it. */
  if (self->loader_cancellable)
    g_cancellable_cancel (self->loader_cancellable);
  g_clear_object (&self->loader_cancellable);

  G_OBJECT_CLASS (glossa_corpus_parent_class)->dispose (object);
}

static void
glossa_corpus_finalize (GObject *object)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->index, index_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (glossa_corpus_parent_class)->finalize (object);
}

static void
glossa_corpus_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->index->kind);
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, glossa_corpus_get_warnings (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->status_counts[GLOSSA_STATUS_DONE]);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_class_init (GlossaCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = glossa_corpus_dispose;
  object_class->finalize = glossa_corpus_finalize;
  object_class->get_property = glossa_corpus_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, GLOSSA_CORPUS_JSONL,
                                             GLOSSA_CORPUS_FOLDER, flags);
  properties[PROP_WARNINGS] = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
glossa_corpus_init (GlossaCorpus *self)
{
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossaCorpusKind
glossa_corpus_get_kind (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), GLOSSA_CORPUS_FOLDER);
  return self->index->kind;
}

GFile *
glossa_corpus_get_file (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  return self->file;
}

const char * const *
glossa_corpus_get_warnings (GlossaCorpus *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  /* An empty array may have no storage yet. */
  if (self->warnings->pdata == NULL)
    return none;
  return (const char * const *) self->warnings->pdata;
}

/**
 * glossa_corpus_get_read_only:
 *
 * Returns: whether this is a dataset exported by `glossa export` (JSONL
 *   lines with a "status"), whose documents are for reading only
 */
gboolean
glossa_corpus_get_read_only (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  return self->index->kind == GLOSSA_CORPUS_JSONL && self->index->exported;
}

gboolean
glossa_corpus_get_loading (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  return self->loading;
}

guint
glossa_corpus_count_status (GlossaCorpus *self,
                            GlossaStatus  status)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), 0);
  g_return_val_if_fail ((guint) status < GLOSSA_N_STATUSES, 0);
  return self->status_counts[status];
}

gboolean
glossa_corpus_lookup (GlossaCorpus *self,
                      const char   *id,
                      guint        *position)
{
  guint found;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* JSONL ids are registered while reading, to find duplicates; a
   * folder's only when first asked for, as `glossa stats` never does.
   */
  if (self->index->kind == GLOSSA_CORPUS_FOLDER && g_hash_table_size (self->index->ids) == 0)
    for (guint i = 0; i < self->index->entries->len; i++)
      g_hash_table_insert (self->index->ids, (gpointer) index_entry (self->index, i)->id,
                           GUINT_TO_POINTER (i + 1));

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->index->ids, id));
  if (found == 0)
    return FALSE;
  if (position)
    *position = found - 1;
  return TRUE;
}

static void
add_warnings (GlossaCorpus *self,
              GPtrArray    *warnings)
{
  if (warnings == NULL || warnings->len == 0)
    return;
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (warnings, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

static void
set_loading (GlossaCorpus *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Opening */

GFile *
glossa_corpus_annotations_file_for_jsonl (GFile *jsonl_file)
{
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *sidecar = NULL;

  g_return_val_if_fail (G_IS_FILE (jsonl_file), NULL);

  path = g_file_get_path (jsonl_file);
  g_return_val_if_fail (path != NULL, NULL);
  stem = g_str_has_suffix (path, ".jsonl") ? g_strndup (path, strlen (path) - strlen (".jsonl"))
                                           : g_strdup (path);
  sidecar = g_strconcat (stem, GLOSSA_ANNOTATIONS_JSONL_SUFFIX, NULL);
  return g_file_new_for_path (sidecar);
}

static GlossaCorpus *
corpus_new (GFile        *file,
            Index        *index,
            GPtrArray    *warnings,
            GMainContext *context)
{
  GlossaCorpus *self = g_object_new (GLOSSA_TYPE_CORPUS, NULL);

  self->file = g_object_ref (file);
  self->index = index_ref (index);
  self->context = g_main_context_ref (context);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_free_func (self->items, g_object_unref);
  for (guint i = 0; i < index->entries->len; i++)
    {
      GlossaCorpusItem *item = item_new (index, i);

      self->status_counts[item->status]++;
      g_ptr_array_add (self->items, item);
    }

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (warnings, i)));
  return self;
}

static GlossaCorpus *
corpus_open (GFile         *file,
             GMainContext  *context,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Index) index = NULL;
  g_autofree char *path = g_file_get_path (file);
  GFileType type;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files and folders can be opened as a corpus"), uri);
      return NULL;
    }

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      index = index_new (GLOSSA_CORPUS_FOLDER, file);
      if (!read_folder (index, warnings, cancellable, error))
        return NULL;
    }
  else
    {
      index = index_new (GLOSSA_CORPUS_JSONL, file);
      if (!read_jsonl (index, warnings, cancellable, error))
        return NULL;
    }

  return corpus_new (file, index, warnings, context);
}

/**
 * glossa_corpus_open:
 * @file: a folder, or a JSONL file
 *
 * Reads the list of articles. The statuses are not read: call
 * glossa_corpus_load_statuses() for them.
 *
 * Returns: (transfer full): the corpus, or %NULL if @file cannot be read
 */
GlossaCorpus *
glossa_corpus_open (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GMainContext) context = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  context = g_main_context_ref_thread_default ();
  return corpus_open (file, context, cancellable, error);
}

typedef struct
{
  GFile        *file;
  GMainContext *context;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_clear_pointer (&open->context, g_main_context_unref);
  g_free (open);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *open = task_data;
  GError *error = NULL;
  GlossaCorpus *corpus = corpus_open (open->file, open->context, cancellable, &error);

  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

void
glossa_corpus_open_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open;

  g_return_if_fail (G_IS_FILE (file));

  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (file);
  open->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_open_async);
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

static void start_loading (GlossaCorpus *self);

GlossaCorpus *
glossa_corpus_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  GlossaCorpus *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  if (self != NULL)
    start_loading (self);
  return self;
}

/* Statuses */

/* What a reader found, applied on the corpus's thread. */
typedef struct
{
  GWeakRef   corpus;
  GArray    *results;    /* of Result */
  GPtrArray *warnings;
  gboolean   last;
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  g_weak_ref_init (&batch->corpus, NULL);
  batch->results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_array_set_clear_func (batch->results, result_clear);
  batch->warnings = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_weak_ref_clear (&batch->corpus);
  g_array_unref (batch->results);
  g_ptr_array_unref (batch->warnings);
  g_free (batch);
}

static void
item_set_date (GlossaCorpusItem *item,
               char             *date)
{
  if (date == NULL || g_strcmp0 (date, glossa_corpus_item_get_date (item)) == 0)
    {
      g_free (date);
      return;
    }
  g_free (item->date);
  item->date = date;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_DATE]);
}

static void
item_set_loaded (GlossaCorpusItem *item)
{
  if (item->loaded)
    return;
  item->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_LOADED]);
}

static void
corpus_set_summary (GlossaCorpus        *self,
                    guint                position,
                    GlossaFormatSummary *summary)
{
  GlossaCorpusItem *item = g_ptr_array_index (self->items, position);
  GlossaStatus old_status = item->status;

  g_object_freeze_notify (G_OBJECT (item));

  memcpy (item->labels, summary->labels, sizeof item->labels);
  if (item->status != summary->status)
    {
      self->status_counts[item->status]--;
      self->status_counts[summary->status]++;
      item->status = summary->status;
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_STATUS]);
    }
  if (item->n_spans != summary->n_spans)
    {
      item->n_spans = summary->n_spans;
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_N_SPANS]);
    }
  item_set_date (item, g_steal_pointer (&summary->date));
  item_set_loaded (item);

  g_object_thaw_notify (G_OBJECT (item));

  if ((old_status == GLOSSA_STATUS_DONE) != (summary->status == GLOSSA_STATUS_DONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
corpus_apply_batch (GlossaCorpus *self,
                    Batch        *batch)
{
  guint old_done = self->status_counts[GLOSSA_STATUS_DONE];

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < batch->results->len; i++)
    {
      Result *result = &g_array_index (batch->results, Result, i);
      GlossaCorpusItem *item = g_ptr_array_index (self->items, result->position);

      if (item->pinned)
        continue;

      switch (result->kind)
        {
        case RESULT_SUMMARY:
          corpus_set_summary (self, result->position, &result->summary);
          break;
        case RESULT_DATE:
          item_set_date (item, g_steal_pointer (&result->summary.date));
          break;
        case RESULT_LOADED:
          item_set_loaded (item);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  add_warnings (self, batch->warnings);
  if (batch->last)
    set_loading (self, FALSE);

  if (old_done != self->status_counts[GLOSSA_STATUS_DONE])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Where a reader sends its batches: straight to the corpus when it runs on
 * the corpus's thread, through the corpus's main context otherwise.
 */
typedef struct
{
  GlossaCorpus *direct;      /* nullable */
  GMainContext *context;
  GWeakRef     *corpus;      /* when not direct */
  Batch        *batch;       /* being filled */
  gint64        last_sent;
} Sink;

static gboolean
apply_batch_cb (gpointer data)
{
  Batch *batch = data;
  g_autoptr(GlossaCorpus) corpus = g_weak_ref_get (&batch->corpus);

  if (corpus != NULL)
    corpus_apply_batch (corpus, batch);
  return G_SOURCE_REMOVE;
}

static Result *
sink_add (Sink       *sink,
          ResultKind  kind,
          guint       position)
{
  Result result = { kind, position, { 0 } };

  if (sink->batch == NULL)
    sink->batch = batch_new ();
  g_array_append_val (sink->batch->results, result);
  return &g_array_index (sink->batch->results, Result, sink->batch->results->len - 1);
}

static GPtrArray *
sink_warnings (Sink *sink)
{
  if (sink->batch == NULL)
    sink->batch = batch_new ();
  return sink->batch->warnings;
}

static void
sink_flush (Sink     *sink,
            gboolean  last)
{
  Batch *batch = sink->batch;

  if (batch == NULL)
    {
      if (!last)
        return;
      batch = batch_new ();
    }
  sink->batch = NULL;
  sink->last_sent = g_get_monotonic_time ();
  batch->last = last;

  if (sink->direct != NULL)
    {
      corpus_apply_batch (sink->direct, batch);
      batch_free (batch);
      return;
    }

  {
    g_autoptr(GlossaCorpus) corpus = g_weak_ref_get (sink->corpus);
    g_weak_ref_set (&batch->corpus, corpus);
  }
  g_main_context_invoke_full (sink->context, G_PRIORITY_DEFAULT, apply_batch_cb, batch, batch_free);
}

/* Sends the batch when it is big or old enough that the list should show
 * it: the first statuses appear at once, and 100,000 of them do not flood
 * the main loop with a callback each.
 */
static void
sink_maybe_flush (Sink *sink)
{
  if (sink->batch != NULL &&
      (sink->batch->results->len >= BATCH_SIZE ||
       g_get_monotonic_time () - sink->last_sent >= BATCH_INTERVAL))
    sink_flush (sink, FALSE);
}

static void
read_folder_statuses (Index        *index,
                      Sink         *sink,
                      GCancellable *cancellable)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < index->entries->len; i++)
    {
      const Entry *entry = index_entry (index, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *shown = NULL;
      const char *display;
      GlossaFormatSummary summary;
      gsize len;

      if (!entry->has_sidecar)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;

      g_string_printf (path, "%s/%s%s", index->path, entry->id, GLOSSA_ANNOTATIONS_SUFFIX);
      /* Paths are nearly always UTF-8: convert only the others. */
      display = path->str;
      if (!g_utf8_validate (path->str, path->len, NULL))
        display = shown = g_filename_display_name (path->str);
      /* The storage's messages name the file: a FIFO or a link to a
       * device is refused at once, not read.
       */
      if (!glossa_storage_read_path (path->str, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error) ||
          !(root = glossa_json_parse (contents, len, display, &error)) ||
          !_glossa_format_summarize (root, display, &summary, &error))
        {
          add_warning (sink_warnings (sink), error);
          sink_add (sink, RESULT_LOADED, i);
        }
      else
        sink_add (sink, RESULT_SUMMARY, i)->summary = summary;

      sink_maybe_flush (sink);
    }

  g_string_free (path, TRUE);
}

static void
read_jsonl_statuses (Index        *index,
                     Sink         *sink,
                     GCancellable *cancellable)
{
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  int fd;

  g_array_set_clear_func (results, result_clear);

  fd = glossa_storage_open_regular (index->annotations_path, &st, &error);
  if (fd < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        add_warning (sink_warnings (sink), error);
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
    add_warning (sink_warnings (sink), error);
  if (fd >= 0)
    close (fd);

  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (sink_warnings (sink), g_strdup (g_ptr_array_index (warnings, i)));

  for (guint i = 0; i < results->len; i++)
    {
      Result *result = &g_array_index (results, Result, i);
      Result *added = sink_add (sink, RESULT_SUMMARY, result->position);

      added->summary = result->summary;
      memset (&result->summary, 0, sizeof result->summary);
      sink_maybe_flush (sink);
    }

  /* Articles without a line have nothing more to read. */
  for (guint i = 0; i < index->entries->len; i++)
    {
      if (lines == NULL || !g_hash_table_contains (lines, GUINT_TO_POINTER (i)))
        sink_add (sink, RESULT_LOADED, i);
      sink_maybe_flush (sink);
    }
}

static void
read_statuses (Index        *index,
               Sink         *sink,
               GCancellable *cancellable)
{
  switch (index->kind)
    {
    case GLOSSA_CORPUS_FOLDER:
      read_folder_statuses (index, sink, cancellable);
      break;
    case GLOSSA_CORPUS_JSONL:
      read_jsonl_statuses (index, sink, cancellable);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Only articles without an annotation file: the others got their date from
 * it, and it is the same date (the file records the article's).
 */
static void
read_dates (Index        *index,
            Sink         *sink,
            GCancellable *cancellable)
{
  GString *path = g_string_new (NULL);

  if (index->kind != GLOSSA_CORPUS_FOLDER)
    return;

  for (guint i = 0; i < index->entries->len; i++)
    {
      const Entry *entry = index_entry (index, i);
      char head[DATE_HEAD_BYTES];
      gssize n;
      char *date;
      int fd;

      if (entry->has_sidecar)
        continue;
      if (i % 256 == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      g_string_printf (path, "%s/%s", index->path, entry->path);
      if ((fd = glossa_storage_open_regular (path->str, NULL, NULL)) < 0)
        continue;
      n = read (fd, head, sizeof head);
      close (fd);

      if (n > 0 && (date = glossa_article_find_date (head, n)) != NULL)
        {
          sink_add (sink, RESULT_DATE, i)->summary.date = date;
          sink_maybe_flush (sink);
        }
    }

  g_string_free (path, TRUE);
}

void
glossa_corpus_load_statuses (GlossaCorpus *self,
                             GCancellable *cancellable)
{
  Sink sink = { 0 };

  g_return_if_fail (GLOSSA_IS_CORPUS (self));

  sink.direct = self;
  read_statuses (self->index, &sink, cancellable);
  sink_flush (&sink, TRUE);
}

void
glossa_corpus_load_dates (GlossaCorpus *self,
                          GCancellable *cancellable)
{
  Sink sink = { 0 };

  g_return_if_fail (GLOSSA_IS_CORPUS (self));

  sink.direct = self;
  read_dates (self->index, &sink, cancellable);
  sink_flush (&sink, FALSE);
}

typedef struct
{
  Index        *index;
  GMainContext *context;
  GWeakRef      corpus;
} LoaderData;

static void
loader_data_free (gpointer data)
{
  LoaderData *loader = data;

  index_unref (loader->index);
  g_main_context_unref (loader->context);
  g_weak_ref_clear (&loader->corpus);
  g_free (loader);
}

static void
loader_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoaderData *loader = task_data;
  Sink sink = { 0 };

  sink.context = loader->context;
  sink.corpus = &loader->corpus;
  sink.last_sent = g_get_monotonic_time ();

  read_statuses (loader->index, &sink, cancellable);
  sink_flush (&sink, FALSE);
  read_dates (loader->index, &sink, cancellable);
  sink_flush (&sink, TRUE);
  g_task_return_boolean (task, TRUE);
}

/* Reads statuses, then dates, in a worker thread that only holds a weak
 * reference to the corpus: closing the corpus cancels it.
 */
static void
start_loading (GlossaCorpus *self)
{
  g_autoptr(GTask) task = NULL;
  LoaderData *loader;

  g_return_if_fail (self->loader_cancellable == NULL);

  self->loader_cancellable = g_cancellable_new ();
  loader = g_new0 (LoaderData, 1);
  loader->index = index_ref (self->index);
  loader->context = g_main_context_ref (self->context);
  g_weak_ref_init (&loader->corpus, self);

  set_loading (self, TRUE);
  task = g_task_new (NULL, self->loader_cancellable, NULL, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, loader, loader_data_free);
  g_task_run_in_thread (task, loader_thread);
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
          set_errno_error (error, errno, display);
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
ensure_lines (Index         *index,
              int            fd,
              GCancellable  *cancellable,
              GError       **error)
{
  GlossaFileStamp stamp = { FALSE };
  struct stat st;
  GHashTable *lines;

  if (fd >= 0)
    {
      if (fstat (fd, &st) != 0)
        return set_errno_error (error, errno, index->annotations_display);
      stamp = glossa_file_stamp_from_stat (&st);
    }

  if (index->lines != NULL && glossa_file_stamp_equal (&stamp, &index->lines_stamp))
    return TRUE;

  if (fd < 0)
    lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  else
    {
      if (lseek (fd, 0, SEEK_SET) < 0)
        return set_errno_error (error, errno, index->annotations_display);
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
read_corpus_spans (Index          *index,
                   JsonObject     *object,
                   guint           line_no,
                   GlossaStatus    status,
                   GlossaArticle  *article,
                   GError        **error)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", index->display, line_no);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  if (!glossa_format_spans_from_json (json_object_get_member (object, "spans"), article, 0,
                                      name, spans, error))
    return NULL;
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

static GlossaStore *jsonl_store_new (Index  *index,
                                     guint   position,
                                     GBytes *seen);

static GlossaDocument *
load_jsonl_document (Index         *index,
                     guint          position,
                     GCancellable  *cancellable,
                     GError       **error)
{
  const Entry *entry = index_entry (index, position);
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
          annotations = _glossa_format_read_annotation_line (annotation, found->length,
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

/**
 * glossa_corpus_load_document:
 *
 * Returns: (transfer full): the document of item @position, or %NULL if the
 *   article cannot be read. In a folder corpus, as with
 *   glossa_document_open(), annotations that do not load leave the document
 *   read-only with its error; in a JSONL corpus they fail the load.
 */
static void follow_document (GlossaCorpus   *self,
                             guint           position,
                             GlossaDocument *document);

GlossaDocument *
glossa_corpus_load_document (GlossaCorpus  *self,
                             guint          position,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GlossaDocument *document = NULL;
  Index *index;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  g_return_val_if_fail (position < self->index->entries->len, NULL);

  index = self->index;
  switch (index->kind)
    {
    case GLOSSA_CORPUS_FOLDER:
      {
        g_autofree char *path = entry_article_path (index, index_entry (index, position));
        g_autoptr(GFile) file = g_file_new_for_path (path);

        document = glossa_document_open (file, cancellable, error);
      }
      break;
    case GLOSSA_CORPUS_JSONL:
      document = load_jsonl_document (index, position, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (document != NULL)
    follow_document (self, position, document);
  return document;
}

static void
load_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GlossaDocument *document;

  document = glossa_corpus_load_document (source_object, GPOINTER_TO_UINT (task_data),
                                          cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
glossa_corpus_load_document_async (GlossaCorpus        *self,
                                   guint                position,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSSA_IS_CORPUS (self));
  g_return_if_fail (position < self->index->entries->len);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_load_document_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (position), NULL);
  g_task_run_in_thread (task, load_document_thread);
}

/* The item remembers whether its article could be read, for the list: an
 * article that cannot be read must not look like one not yet started.
 */
GlossaDocument *
glossa_corpus_load_document_finish (GlossaCorpus  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossaDocument *document;
  guint position;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  position = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  document = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (position < self->items->len && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    item_set_error (g_ptr_array_index (self->items, position),
                    local_error != NULL ? g_error_copy (local_error) : NULL);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}

/* Saving */

static void
summary_from_annotations (GlossaFormatSummary     *summary,
                          const GlossaAnnotations *annotations)
{
  memset (summary, 0, sizeof *summary);
  summary->status = annotations->status;
  summary->n_spans = annotations->spans->len;
  for (guint i = 0; i < annotations->spans->len; i++)
    summary->labels[((GlossaSpan *) g_ptr_array_index (annotations->spans, i))->label]++;
  summary->date = g_strdup (annotations->date);
}

/* After a save, the item shows what was saved, whatever the background
 * reader may still have to say.
 */
static void
corpus_saved (GlossaCorpus            *self,
              guint                    position,
              const GlossaAnnotations *annotations)
{
  GlossaCorpusItem *item = g_ptr_array_index (self->items, position);
  GlossaFormatSummary summary;

  summary_from_annotations (&summary, annotations);
  if (self->index->kind == GLOSSA_CORPUS_JSONL)
    g_clear_pointer (&summary.date, g_free);
  corpus_set_summary (self, position, &summary);
  _glossa_format_summary_clear (&summary);
  item->pinned = TRUE;
}

/* Where a new line goes: before the line of the next article of the
 * corpus that has one, so the file stays in corpus order.
 */
static gint64
insertion_offset (Index *index,
                  guint  position,
                  gint64 file_size)
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
shift_lines (Index  *index,
             guint   position,
             gint64  start,
             gint64  end,
             gsize   line_len,
             gsize   added_nl,
             guint   line_no,
             gboolean inserted)
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
read_current_line (Index          *index,
                   guint           position,
                   int             fd,
                   GBytes        **line,
                   GCancellable   *cancellable,
                   GError        **error)
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
open_annotations (Index   *index,
                  int     *fd,
                  GError **error)
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
set_conflict_error (Index       *index,
                    guint        position,
                    GError     **error)
{
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
               _("%s: the line of article %s was changed by another program; it was not written over"),
               index->annotations_display, index_entry (index, position)->id);
}

/* Runs in any thread; the mutex makes saves of one corpus take turns.
 * Writes @line (ending in a line end) as the line of item @position,
 * unless the line there is no longer *@seen (NULL: no line); then *@seen
 * becomes @line without its line end.
 */
static gboolean
save_jsonl_line (Index         *index,
                 guint          position,
                 GBytes        *line,
                 GBytes       **seen,
                 GCancellable  *cancellable,
                 GError       **error)
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
  GlossaStore  parent_instance;

  Index       *index;
  guint        position;
  /* The line last read or written, without its line end; NULL when the
   * article had none. Guarded by index->mutex.
   */
  GBytes      *seen;
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
  return _glossa_format_read_annotation_line (g_bytes_get_data (line, NULL), g_bytes_get_size (line),
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
  const char *id = index_entry (self->index, self->position)->id;
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
write_other_line (Index   *index,
                  GBytes  *line,
                  GError **error)
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
  return g_strdup_printf ("jsonl-store:%s\n%s", uri, index_entry (self->index, self->position)->id);
}

static char *
glossa_jsonl_store_dup_description (GlossaStore *store)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (store);

  return g_strdup_printf (_("%s, article %s"), self->index->annotations_display,
                          index_entry (self->index, self->position)->id);
}

static void
glossa_jsonl_store_finalize (GObject *object)
{
  GlossaJsonlStore *self = GLOSSA_JSONL_STORE (object);

  g_clear_pointer (&self->seen, g_bytes_unref);
  g_clear_pointer (&self->index, index_unref);

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
jsonl_store_new (Index  *index,
                 guint   position,
                 GBytes *seen)
{
  GlossaJsonlStore *self = g_object_new (GLOSSA_TYPE_JSONL_STORE, NULL);

  self->index = index_ref (index);
  self->position = position;
  self->seen = seen ? g_bytes_ref (seen) : NULL;
  return GLOSSA_STORE (self);
}

/* Every save of a document of the corpus, whoever asks for it, shows in
 * its item.
 */
typedef struct
{
  GWeakRef corpus;
  guint    position;
} Follow;

static void
follow_free (gpointer  data,
             GClosure *closure)
{
  Follow *follow = data;

  g_weak_ref_clear (&follow->corpus);
  g_free (follow);
}

static void
on_document_saved (GlossaDocument          *document,
                   const GlossaAnnotations *annotations,
                   Follow                  *follow)
{
  g_autoptr(GlossaCorpus) self = g_weak_ref_get (&follow->corpus);

  if (self != NULL)
    corpus_saved (self, follow->position, annotations);
}

static void
follow_document (GlossaCorpus   *self,
                 guint           position,
                 GlossaDocument *document)
{
  Follow *follow = g_new0 (Follow, 1);

  g_weak_ref_init (&follow->corpus, self);
  follow->position = position;
  g_signal_connect_data (document, "saved", G_CALLBACK (on_document_saved), follow, follow_free, 0);
}

static gboolean
check_save (GlossaCorpus    *self,
            GlossaDocument  *document,
            GError         **error)
{
  if (self->index->kind == GLOSSA_CORPUS_JSONL && glossa_document_get_read_only (document))
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY,
                           _("This document did not load, so it is not saved"));
      return FALSE;
    }
  return TRUE;
}

/**
 * glossa_corpus_save_document:
 *
 * Saves @document, a document this corpus loaded, through its store (the
 * same as glossa_document_save(), which any caller may use instead).
 */
gboolean
glossa_corpus_save_document (GlossaCorpus    *self,
                             guint            position,
                             GlossaDocument  *document,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), FALSE);

  if (!check_save (self, document, error))
    return FALSE;
  return glossa_document_save (document, cancellable, error);
}

static void
save_document_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!glossa_document_save_finish (GLOSSA_DOCUMENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
glossa_corpus_save_document_async (GlossaCorpus        *self,
                                   guint                position,
                                   GlossaDocument      *document,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GLOSSA_IS_CORPUS (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (GLOSSA_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_save_document_async);

  if (!check_save (self, document, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  glossa_document_save_async (document, cancellable, save_document_done, g_steal_pointer (&task));
}

gboolean
glossa_corpus_save_document_finish (GlossaCorpus  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
