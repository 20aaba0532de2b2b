/* glossa-corpus-folder.c: a corpus that is a folder of articles and their annotation files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glossa-corpus-private.h"
#include "glossa-format-private.h"
#include "glossa-guidelines.h"
#include "glossa-json.h"
#include "glossa-natural-sort.h"
#include "glossa-storage.h"

/* glossa_article_find_date() looks at the first 256 bytes; a date starting
 * there needs 15 more.
 */
#define DATE_HEAD_BYTES (256 + 15)

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
  GlossaCorpusIndex *index;
  GPtrArray         *warnings;
  GCancellable      *cancellable;
  GString           *path; /* absolute path of the folder being read */
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
      /* The corpus's guidelines (see glossa-guidelines.h), not an article. */
      if (g_strv_contains (glossa_guidelines_names, name))
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
          GlossaCorpusEntry entry = { 0 };

          entry.path = _glossa_corpus_index_intern (scan->index, path);
          entry.id = _glossa_corpus_index_intern (scan->index, path);
          /* The id is the path without ".txt", cut in the copy. */
          ((char *) entry.id)[strlen (path) - txt_len] = '\0';
          if (g_utf8_validate (path, -1, NULL))
            entry.name = entry.path;
          else
            {
              g_autofree char *display = g_filename_display_name (path);
              entry.name = _glossa_corpus_index_intern (scan->index, display);
            }
          entry.has_sidecar = g_hash_table_contains (sidecars, stem);
          g_array_append_val (scan->index->entries, entry);
        }
    }
}

gboolean
_glossa_corpus_read_folder (GlossaCorpusIndex  *index,
                            GPtrArray          *warnings,
                            GCancellable       *cancellable,
                            GError            **error)
{
  Scan scan = { index, warnings, cancellable, g_string_new (index->path) };
  struct stat st;

  if (stat (index->path, &st) != 0)
    {
      g_string_free (scan.path, TRUE);
      return _glossa_corpus_set_errno_error (error, errno, index->display);
    }

  scan_folder (&scan, "");
  g_string_free (scan.path, TRUE);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Statuses and dates */

void
_glossa_corpus_read_folder_statuses (GlossaCorpusIndex *index,
                                     GlossaCorpusSink  *sink,
                                     GCancellable      *cancellable)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < index->entries->len; i++)
    {
      const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (index, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *shown = NULL;
      g_autoptr(GlossaSchema) schema = NULL;
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
          !(schema = _glossa_corpus_index_schema_for (index, entry->path, &error)) ||
          !_glossa_format_summarize (root, display, schema, &summary, &error))
        {
          _glossa_corpus_add_warning (_glossa_corpus_sink_warnings (sink), error);
          _glossa_corpus_sink_add (sink, GLOSSA_CORPUS_RESULT_LOADED, i);
        }
      else
        _glossa_corpus_sink_add (sink, GLOSSA_CORPUS_RESULT_SUMMARY, i)->summary = summary;

      _glossa_corpus_sink_maybe_flush (sink);
    }

  g_string_free (path, TRUE);
}

/* Only articles without an annotation file: the others got their date from
 * it, and it is the same date (the file records the article's).
 */
void
_glossa_corpus_read_dates (GlossaCorpusIndex *index,
                           GlossaCorpusSink  *sink,
                           GCancellable      *cancellable)
{
  GString *path = g_string_new (NULL);

  if (index->kind != GLOSSA_CORPUS_FOLDER)
    return;

  for (guint i = 0; i < index->entries->len; i++)
    {
      const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (index, i);
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
          _glossa_corpus_sink_add (sink, GLOSSA_CORPUS_RESULT_DATE, i)->summary.date = date;
          _glossa_corpus_sink_maybe_flush (sink);
        }
    }

  g_string_free (path, TRUE);
}
