/* glossa-export-run.c: exporting a whole corpus, on every core, all or nothing
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-export.h"
#include "glossa-format.h"
#include "glossa-import.h"
#include "glossa-output.h"
#include "glossa-storage.h"

/* Record sources */

typedef enum
{
  SOURCE_FILES,    /* article files (a folder corpus or a list of files) */
  SOURCE_CORPUS,   /* a JSONL corpus with its annotations beside it */
  SOURCE_RECORDS,  /* a JSONL export, read whole */
} SourceKind;

struct _GlossaRecordSource
{
  SourceKind    kind;
  GlossaCorpus *corpus;
  GPtrArray    *files;    /* SOURCE_FILES: of GFile */
  GPtrArray    *ids;      /* of char* */
  GPtrArray    *records;  /* SOURCE_RECORDS: of GlossaRecord */
  GPtrArray    *inputs;   /* of GFile: the paths read, which the output must not be or be in */
  GPtrArray    *members;  /* of GFile: each article and annotation file, nor be one of them */
  GPtrArray    *problems; /* of char*: lines and files the corpus could not read */
  guint         n_stray;  /* of which lines of FILE.annotations.jsonl, at the end */
};

static GlossaRecordSource *
source_new (SourceKind kind)
{
  GlossaRecordSource *source = g_new0 (GlossaRecordSource, 1);

  source->kind = kind;
  source->files = g_ptr_array_new_with_free_func (g_object_unref);
  source->ids = g_ptr_array_new_with_free_func (g_free);
  source->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  source->members = g_ptr_array_new_with_free_func (g_object_unref);
  source->problems = g_ptr_array_new_with_free_func (g_free);
  return source;
}

void
glossa_record_source_free (GlossaRecordSource *source)
{
  if (source == NULL)
    return;

  g_clear_object (&source->corpus);
  g_clear_pointer (&source->files, g_ptr_array_unref);
  g_clear_pointer (&source->ids, g_ptr_array_unref);
  g_clear_pointer (&source->records, g_ptr_array_unref);
  g_clear_pointer (&source->inputs, g_ptr_array_unref);
  g_clear_pointer (&source->members, g_ptr_array_unref);
  g_clear_pointer (&source->problems, g_ptr_array_unref);
  g_free (source);
}

static gboolean
open_corpus (GlossaRecordSource  *source,
             GFile               *file,
             gboolean             keep_problems,
             GCancellable        *cancellable,
             GError             **error)
{
  guint n;

  const char * const *warnings;

  source->corpus = glossa_corpus_open (file, cancellable, error);
  if (source->corpus == NULL)
    return FALSE;

  /* The window opens a corpus with a bad line and shows the rest; a
   * dataset must not silently lack a document.
   */
  /* The lines of FILE.annotations.jsonl that cannot be read are only found
   * by reading the statuses: loading a document skips them.
   */
  if (keep_problems && glossa_corpus_get_kind (source->corpus) == GLOSSA_CORPUS_JSONL)
    {
      guint n_open = g_strv_length ((char **) glossa_corpus_get_warnings (source->corpus));

      glossa_corpus_load_statuses (source->corpus, cancellable);
      source->n_stray = g_strv_length ((char **) glossa_corpus_get_warnings (source->corpus)) - n_open;
    }
  warnings = glossa_corpus_get_warnings (source->corpus);
  for (guint i = 0; keep_problems && warnings != NULL && warnings[i] != NULL; i++)
    g_ptr_array_add (source->problems, g_strdup (warnings[i]));
  if (!keep_problems && warnings != NULL && warnings[0] != NULL)
    {
      guint n_warnings = g_strv_length ((char **) warnings);

      if (n_warnings == 1)
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s", warnings[0]);
      else
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     "%s (and %u more problems)", warnings[0], n_warnings - 1);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (source->corpus));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (source->corpus), i);
      GFile *article_file = glossa_corpus_item_get_file (item);

      g_ptr_array_add (source->ids, g_strdup (glossa_corpus_item_get_id (item)));
      if (source->kind == SOURCE_FILES)
        g_ptr_array_add (source->files, g_object_ref (article_file));
    }
  return TRUE;
}

static gboolean
add_file (GlossaRecordSource  *source,
          const char          *path,
          GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) article_file = NULL;
  g_autofree char *base = NULL;

  if (glossa_is_annotations_file (path))
    article_file = glossa_article_file_for_annotations (file);
  else if (g_str_has_suffix (path, ".txt"))
    article_file = g_object_ref (file);
  else
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   "%s: not a folder, a JSONL corpus or an annotation file", path);
      return FALSE;
    }

  base = g_file_get_basename (article_file);
  if (g_str_has_suffix (base, ".txt"))
    base[strlen (base) - 4] = '\0';
  g_ptr_array_add (source->ids, g_steal_pointer (&base));
  g_ptr_array_add (source->files, g_steal_pointer (&article_file));
  return TRUE;
}

static gboolean
read_export (GlossaRecordSource  *source,
             GFile               *file,
             GCancellable        *cancellable,
             GError             **error)
{
  GlossaImportOptions options = { GLOSSA_IMPORT_JSONL, FALSE, GLOSSA_OFFSETS_CODEPOINT, NULL, FALSE };
  GlossaImportReport report = { 0 };

  source->records = glossa_import_read (file, &options, &report, cancellable, error);
  glossa_import_report_clear (&report);
  if (source->records == NULL)
    return FALSE;

  for (guint i = 0; i < source->records->len; i++)
    {
      GlossaRecord *record = g_ptr_array_index (source->records, i);
      g_ptr_array_add (source->ids, g_strdup (record->id));
    }
  return TRUE;
}

/* The paths given and the annotations of a JSONL corpus; apart, each
 * article and annotation file (those of a folder corpus may be links to
 * files outside it).
 */
static void
add_inputs (GlossaRecordSource  *source,
            const char * const  *paths)
{
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (source->inputs, g_file_new_for_commandline_arg (paths[i]));
  if (source->kind == SOURCE_CORPUS)
    g_ptr_array_add (source->inputs,
                     glossa_corpus_annotations_file_for_jsonl (glossa_corpus_get_file (source->corpus)));
  for (guint i = 0; i < source->files->len; i++)
    {
      GFile *article_file = g_ptr_array_index (source->files, i);

      g_ptr_array_add (source->members, g_object_ref (article_file));
      g_ptr_array_add (source->members, glossa_annotations_file_for_article (article_file));
    }
}

/**
 * glossa_record_source_open:
 * @paths: one folder or JSONL file, or any number of annotation files
 *
 * A folder is a corpus. A JSONL file with FILE.annotations.jsonl beside it
 * is a JSONL corpus; without, it is read as a JSONL export (ours, or any
 * lines with "id" and "text" and optional "spans").
 */
static GlossaRecordSource *
source_open (const char * const  *paths,
             gboolean             keep_problems,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GlossaRecordSource) source = NULL;
  guint n_paths;

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  n_paths = g_strv_length ((char **) paths);

  if (n_paths == 1 && g_file_test (paths[0], G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[0]);

      source = source_new (SOURCE_FILES);
      if (!open_corpus (source, file, keep_problems, cancellable, error))
        return NULL;
    }
  else if (n_paths == 1 && g_str_has_suffix (paths[0], ".jsonl"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[0]);
      g_autofree char *sidecar_path = g_strdup_printf ("%.*s.annotations.jsonl",
                                                       (int) strlen (paths[0]) - 6, paths[0]);

      if (g_file_test (sidecar_path, G_FILE_TEST_EXISTS))
        {
          source = source_new (SOURCE_CORPUS);
          if (!open_corpus (source, file, keep_problems, cancellable, error))
            return NULL;
        }
      else
        {
          source = source_new (SOURCE_RECORDS);
          if (!read_export (source, file, cancellable, error))
            return NULL;
        }
    }
  else
    {
      source = source_new (SOURCE_FILES);
      for (guint i = 0; i < n_paths; i++)
        {
          if (!add_file (source, paths[i], error))
            return NULL;
        }
    }

  add_inputs (source, paths);
  return g_steal_pointer (&source);
}

GlossaRecordSource *
glossa_record_source_open (const char * const  *paths,
                           GCancellable        *cancellable,
                           GError             **error)
{
  return source_open (paths, FALSE, cancellable, error);
}

/* For `export --skip-invalid` and for naming every bad line at once: the
 * lines a corpus skips are kept for glossa_export() to report.
 */
GlossaRecordSource *
glossa_record_source_open_keeping_problems (const char * const  *paths,
                                            GCancellable        *cancellable,
                                            GError             **error)
{
  return source_open (paths, TRUE, cancellable, error);
}

guint
glossa_record_source_get_n_records (GlossaRecordSource *source)
{
  g_return_val_if_fail (source != NULL, 0);
  return source->ids->len;
}

const char *
glossa_record_source_get_id (GlossaRecordSource *source,
                             guint               index)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (index < source->ids->len, NULL);
  return g_ptr_array_index (source->ids, index);
}

gboolean
glossa_record_source_is_annotated (GlossaRecordSource *source,
                                   guint               index)
{
  g_autoptr(GFile) annotations_file = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (index < source->ids->len, FALSE);

  if (source->kind != SOURCE_FILES)
    return TRUE;

  annotations_file = glossa_annotations_file_for_article (g_ptr_array_index (source->files, index));
  return g_file_query_exists (annotations_file, NULL);
}

/* An article and the annotation file beside it, read without a
 * GlossaDocument: nothing here is shared between threads. Local files are
 * read with plain system calls, which costs a third of what GIO's
 * g_file_load_contents() does on small files. Only regular files are read:
 * a FIFO or a link to a device is refused at once.
 */
static gboolean
load_bytes (GFile   *file,
            char   **data,
            gsize   *len,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, data, len, NULL, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED, "%s", local_error->message);
  return FALSE;
}

/* A record without annotations still has its schema: CoNLL's tags and
 * --label are read against it.
 */
static GlossaRecord *
record_with_schema (const char    *id,
                    GlossaArticle *article,
                    GlossaSchema  *schema)
{
  GlossaRecord *record = glossa_record_new (id, article);

  glossa_schema_unref (record->schema);
  record->schema = glossa_schema_ref (schema);
  return record;
}

/* @corpus_root is the folder corpus the article is in, NULL for annotation
 * files given one by one (their own folder's schema applies then).
 */
static GlossaRecord *
load_files (GFile       *article_file,
            GFile       *corpus_root,
            const char  *id,
            GError     **error)
{
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GFile) annotations_file = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize len;

  name = g_file_get_path (article_file);
  if (name == NULL)
    name = g_file_get_uri (article_file);
  if (!load_bytes (article_file, &text, &len, &local_error))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  article = glossa_article_new_from_data (text, len, name, error);
  if (article == NULL)
    return NULL;
  /* A broken schema is an error, never silently the built-in one. */
  schema = glossa_schema_find_for (article_file, corpus_root, error);
  if (schema == NULL)
    return NULL;
  /* The article has its own copy: a long one must not be held twice while
   * its annotations are read.
   */
  g_clear_pointer (&text, g_free);

  annotations_file = glossa_annotations_file_for_article (article_file);
  g_free (name);
  name = g_file_get_path (annotations_file);
  if (name == NULL)
    name = g_file_get_uri (annotations_file);
  if (!load_bytes (annotations_file, &data, &len, &local_error))
    {
      if (local_error->domain != GLOSSA_ERROR)
        return record_with_schema (id, article, schema);

      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }

  annotations = glossa_format_read_with_schema (data, len, name, article, schema, error);
  if (annotations == NULL)
    return NULL;

  return glossa_record_new_from_annotations (id, article, annotations);
}

static GlossaRecord *
load_from_corpus (GlossaRecordSource  *source,
                  guint                index,
                  GError             **error)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  /* glossa_corpus_load_document() may be called from any thread. */
  document = glossa_corpus_load_document (source->corpus, index, NULL, error);
  if (document == NULL)
    return NULL;

  if (glossa_document_get_error (document) != NULL)
    {
      g_propagate_error (error, g_error_copy (glossa_document_get_error (document)));
      return NULL;
    }

  annotations = glossa_document_snapshot (document);
  return glossa_record_new_from_annotations (g_ptr_array_index (source->ids, index),
                                             glossa_document_get_article (document),
                                             annotations);
}

static GlossaRecord *
copy_record (GlossaRecord *record)
{
  GlossaRecord *copy = glossa_record_new (record->id, record->article);

  g_free (copy->date);
  copy->date = g_strdup (record->date);
  copy->status = record->status;
  g_free (copy->annotator);
  copy->annotator = g_strdup (record->annotator);
  for (guint i = 0; i < record->spans->len; i++)
    g_ptr_array_add (copy->spans, glossa_span_ref (g_ptr_array_index (record->spans, i)));
  return copy;
}

GlossaRecord *
glossa_record_source_load (GlossaRecordSource  *source,
                           guint                index,
                           GError             **error)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (index < source->ids->len, NULL);

  switch (source->kind)
    {
    case SOURCE_FILES:
      return load_files (g_ptr_array_index (source->files, index),
                         source->corpus != NULL ? glossa_corpus_get_file (source->corpus) : NULL,
                         g_ptr_array_index (source->ids, index), error);
    case SOURCE_CORPUS:
      return load_from_corpus (source, index, error);
    case SOURCE_RECORDS:
      return copy_record (g_ptr_array_index (source->records, index));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Splits */

static void
clear_split (gpointer data)
{
  GlossaSplit *split = data;

  g_free (split->name);
}

static gboolean
is_split_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

GArray *
glossa_export_parse_splits (const char  *str,
                            GError     **error)
{
  g_autoptr(GArray) splits = g_array_new (FALSE, TRUE, sizeof (GlossaSplit));
  g_auto(GStrv) parts = g_strsplit (str, ",", -1);
  double sum = 0;

  g_array_set_clear_func (splits, clear_split);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *name = eq != NULL ? g_strndup (parts[i], eq - parts[i]) : NULL;
      char *end = NULL;
      GlossaSplit split;
      double ratio;

      if (name == NULL || !is_split_name (name))
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       "--split: “%s” is not NAME=RATIO (NAME of letters, digits, - and _)", parts[i]);
          return NULL;
        }
      ratio = g_ascii_strtod (eq + 1, &end);
      if (end == eq + 1 || *end != '\0' || !isfinite (ratio) || ratio <= 0 || ratio > 1)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       "--split: “%s” is not a ratio between 0 and 1", eq + 1);
          return NULL;
        }
      for (guint j = 0; j < splits->len; j++)
        {
          if (strcmp (g_array_index (splits, GlossaSplit, j).name, name) == 0)
            {
              g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                           "--split: “%s” appears twice", name);
              return NULL;
            }
        }
      if (splits->len == GLOSSA_EXPORT_MAX_SPLITS)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       "--split: at most %d splits", GLOSSA_EXPORT_MAX_SPLITS);
          return NULL;
        }

      split.name = g_steal_pointer (&name);
      split.ratio = ratio;
      g_array_append_val (splits, split);
      sum += ratio;
    }

  if (fabs (sum - 1.0) > 1e-6)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   "--split: the ratios add up to %g, not 1", sum);
      return NULL;
    }

  return g_steal_pointer (&splits);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char * const *ids = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  int cmp = strcmp (ids[ia], ids[ib]);

  if (cmp != 0)
    return cmp;
  return ia < ib ? -1 : ia > ib;
}

/* How many documents each split gets: the floor of its share, then the
 * documents left over one each to the largest remainders (the earlier split
 * on ties), so that the sizes add up to @n.
 */
static void
split_sizes (GArray *splits,
             guint   n,
             guint  *sizes)
{
  double remainders[GLOSSA_EXPORT_MAX_SPLITS];
  guint total = 0;

  for (guint i = 0; i < splits->len; i++)
    {
      double exact = g_array_index (splits, GlossaSplit, i).ratio * n;

      sizes[i] = (guint) floor (exact + 1e-9);
      remainders[i] = exact - sizes[i];
      total += sizes[i];
    }

  while (total < n)
    {
      guint best = 0;

      for (guint i = 1; i < splits->len; i++)
        {
          if (remainders[i] > remainders[best])
            best = i;
        }
      sizes[best]++;
      remainders[best] = -1;
      total++;
    }
}

guint *
glossa_export_assign_splits (const char * const *ids,
                             guint               n_ids,
                             GArray             *splits,
                             guint32             seed)
{
  g_autofree guint *order = g_new (guint, MAX (n_ids, 1));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint sizes[GLOSSA_EXPORT_MAX_SPLITS] = { 0 };
  guint *assignment = g_new0 (guint, MAX (n_ids, 1));
  guint k = 0;

  g_return_val_if_fail (splits != NULL && splits->len > 0, assignment);

  /* Sorting first makes the result independent of the corpus's order. */
  for (guint i = 0; i < n_ids; i++)
    order[i] = i;
  g_qsort_with_data (order, n_ids, sizeof (guint), compare_ids, (gpointer) ids);

  /* Fisher–Yates with GLib's Mersenne Twister, which is stable across
   * GLib versions for a given seed.
   */
  for (guint i = n_ids; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      guint tmp = order[i - 1];

      order[i - 1] = order[j];
      order[j] = tmp;
    }

  split_sizes (splits, n_ids, sizes);
  for (guint s = 0; s < splits->len; s++)
    {
      for (guint i = 0; i < sizes[s]; i++, k++)
        assignment[order[k]] = s;
    }

  return assignment;
}

/* The schema the dataset is described by (brat's annotation.conf): the
 * corpus root's, the first annotation file's folder's for files given one
 * by one, the labels of a JSONL export read back. A subfolder's own
 * schema is not merged in.
 */
static GlossaSchema *
source_schema (GlossaRecordSource  *source,
               GError             **error)
{
  if (source->corpus != NULL)
    return glossa_schema_ref (glossa_corpus_get_schema (source->corpus));
  if (source->kind == SOURCE_FILES && source->files->len > 0)
    return glossa_schema_find_for (g_ptr_array_index (source->files, 0), NULL, error);
  /* An export read back keeps its labels: its records share one schema. */
  if (source->kind == SOURCE_RECORDS && source->records->len > 0)
    return glossa_schema_ref (((GlossaRecord *) g_ptr_array_index (source->records, 0))->schema);
  return glossa_schema_get_default ();
}

/* Sinks: where formatted documents go */

typedef struct
{
  GlossaExportFormat  format;
  char               *path;    /* a file, or brat's folder */
  FILE               *fp;
  GlossaOutputNames  *names;   /* brat: file names used */
  GPtrArray          *warnings; /* brat: of char*, ids renamed; borrowed */
} Sink;

/* brat's annotation.conf for @schema. A relation with no allowed labels
 * on one end takes any: brat has no word for that, so every label is
 * listed. brat's attributes are flags or a choice of values; text and
 * date-value attributes have no brat form and are left out.
 */
static void
append_label_list (GString      *conf,
                   GlossaSchema *schema,
                   GArray       *labels)
{
  guint n = labels->len > 0 ? labels->len : glossa_schema_get_n_labels (schema);

  for (guint i = 0; i < n; i++)
    {
      GlossaLabel label = labels->len > 0 ? g_array_index (labels, GlossaLabel, i)
                                          : glossa_schema_get_label (schema, i)->name;

      if (i > 0)
        g_string_append_c (conf, '|');
      g_string_append (conf, glossa_label_to_string (label));
    }
}

static void
append_brat_attributes (GString      *conf,
                        GlossaSchema *schema)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_labels = glossa_schema_get_n_labels (schema);

  /* One line per attribute name, with every label that declares it. */
  for (guint i = 0; i < n_labels; i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);

      for (guint a = 0; a < label->attributes->len; a++)
        {
          const GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, a);
          gboolean first = TRUE;

          if ((attribute->type != GLOSSA_ATTRIBUTE_CHOICE && attribute->type != GLOSSA_ATTRIBUTE_BOOLEAN) ||
              g_hash_table_contains (done, attribute->name))
            continue;
          g_hash_table_add (done, attribute->name);
          g_string_append_printf (conf, "%s\tArg:", attribute->name);
          for (guint j = i; j < n_labels; j++)
            {
              const GlossaSchemaLabel *other = glossa_schema_get_label (schema, j);

              for (guint b = 0; b < other->attributes->len; b++)
                {
                  const GlossaSchemaAttribute *same = g_ptr_array_index (other->attributes, b);

                  if (g_str_equal (same->name, attribute->name) && same->type == attribute->type)
                    {
                      g_string_append_printf (conf, "%s%s", first ? "" : "|",
                                              glossa_label_to_string (other->name));
                      first = FALSE;
                      break;
                    }
                }
            }
          if (attribute->type == GLOSSA_ATTRIBUTE_CHOICE && attribute->choices != NULL)
            {
              g_autofree char *values = g_strjoinv ("|", attribute->choices);

              g_string_append_printf (conf, ", Value:%s", values);
            }
          g_string_append_c (conf, '\n');
        }
    }
}

static GString *
brat_conf (GlossaSchema *schema)
{
  GString *conf = g_string_new ("[entities]\n");

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    g_string_append_printf (conf, "%s\n", glossa_label_to_string (glossa_schema_get_label (schema, i)->name));

  g_string_append (conf, "\n[relations]\n");
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      g_string_append_printf (conf, "%s\tArg1:", relation->name);
      append_label_list (conf, schema, relation->from);
      g_string_append (conf, ", Arg2:");
      append_label_list (conf, schema, relation->to);
      g_string_append_c (conf, '\n');
    }

  g_string_append (conf, "\n[events]\n\n[attributes]\n");
  append_brat_attributes (conf, schema);
  return conf;
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED, "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sink_open (Sink                *sink,
           GlossaExportFormat   format,
           GlossaSchema        *schema,
           const char          *path,
           GError             **error)
{
  g_autofree char *conf = NULL;
  g_autoptr(GString) conf_text = NULL;

  sink->format = format;
  sink->path = g_strdup (path);

  if (format != GLOSSA_EXPORT_BRAT)
    {
      sink->fp = fopen (path, "w");
      if (sink->fp == NULL)
        return set_errno_error (error, path, errno);
      setvbuf (sink->fp, NULL, _IOFBF, 1 << 20);
      return TRUE;
    }

  sink->names = glossa_output_names_new ();
  if (g_mkdir_with_parents (path, 0777) != 0)
    return set_errno_error (error, path, errno);
  conf = g_build_filename (path, "annotation.conf", NULL);
  conf_text = brat_conf (schema);
  return g_file_set_contents_full (conf, conf_text->str, conf_text->len, G_FILE_SET_CONTENTS_NONE, 0666, error);
}

static gboolean
sink_write (Sink               *sink,
            const char         *id,
            const char         *origin,
            GlossaExportChunk  *chunk,
            GError            **error)
{
  g_autofree char *warning = NULL;
  g_autofree char *name = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;

  if (sink->format != GLOSSA_EXPORT_BRAT)
    {
      if (fwrite (chunk->text->str, 1, chunk->text->len, sink->fp) != chunk->text->len)
        return set_errno_error (error, sink->path, errno);
      return TRUE;
    }

  name = glossa_output_names_add (sink->names, id, origin, &warning);
  if (warning != NULL)
    g_ptr_array_add (sink->warnings, g_steal_pointer (&warning));
  txt = g_strdup_printf ("%s/%s.txt", sink->path, name);
  ann = g_strdup_printf ("%s/%s.ann", sink->path, name);
  return glossa_output_make_parent (txt, error) &&
         g_file_set_contents_full (txt, chunk->text->str, chunk->text->len,
                                   G_FILE_SET_CONTENTS_NONE, 0666, error) &&
         g_file_set_contents_full (ann, chunk->ann->str, chunk->ann->len,
                                   G_FILE_SET_CONTENTS_NONE, 0666, error);
}

/* Flushes the data to disk before the rename makes it visible. */
static gboolean
sink_close (Sink    *sink,
            GError **error)
{
  gboolean ok = TRUE;

  if (sink->fp != NULL)
    {
      if (fflush (sink->fp) != 0 || fsync (fileno (sink->fp)) != 0)
        ok = set_errno_error (error, sink->path, errno);
      if (fclose (sink->fp) != 0 && ok)
        ok = set_errno_error (error, sink->path, errno);
      sink->fp = NULL;
    }
  return ok;
}

static void
sink_clear (Sink *sink)
{
  if (sink->fp != NULL)
    fclose (sink->fp);
  g_clear_pointer (&sink->names, glossa_output_names_free);
  g_clear_pointer (&sink->path, g_free);
}

/* The parallel part: workers load and format documents in any order, each
 * into its slot; the calling thread writes the slots in the source's order
 * as they fill. Formatting is most of the work, so it scales with cores
 * while the output stays deterministic.
 */

typedef struct
{
  GlossaExportChunk chunk;
  char             *id;
  char             *origin;  /* where the document came from, for messages */
  GError           *error;
  gboolean          included;
  gboolean          done;
} Slot;

typedef struct
{
  GlossaRecordSource        *source;
  const GlossaExportOptions *options;
  GCancellable              *cancellable;
  Slot                      *slots;
  guint                      n;
  gint                       next;  /* atomic: the next document to take */
  gint                       stop;  /* atomic: the writer gave up */
  guint                      waiting_for;  /* the slot the writer waits on */
  GMutex                     lock;
  GCond                      cond;
} Job;

/* The file (and line, for records read from JSONL) a document came from. */
static char *
record_origin (GlossaRecordSource *source,
               GlossaRecord       *record)
{
  if (source->kind == SOURCE_CORPUS)
    return g_file_get_parse_name (glossa_corpus_get_file (source->corpus));
  return g_strdup (glossa_article_get_name (record->article));
}

static void
process (Job   *job,
         guint  index,
         Slot  *slot)
{
  g_autoptr(GlossaRecord) record = NULL;
  const GlossaExportOptions *options = job->options;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &slot->error))
    return;

  record = glossa_record_source_load (job->source, index, &slot->error);
  if (record == NULL)
    return;

  slot->id = g_strdup (record->id);
  slot->origin = record_origin (job->source, record);
  slot->included = options->status < 0 || (int) record->status == options->status;
  if (slot->included)
    glossa_export_record (record, options->format, options->offsets, options->label,
                          &slot->chunk, &slot->error);
}

/* Takes the next document and formats it into its slot; FALSE when there
 * is none left or the writer gave up.
 */
static gboolean
take_one (Job *job)
{
  guint index = (guint) g_atomic_int_add (&job->next, 1);
  Slot slot = { 0 };

  if (index >= job->n || g_atomic_int_get (&job->stop))
    return FALSE;

  process (job, index, &slot);

  /* Waking the writer for a slot it is not waiting on would cost a
   * context switch per document for nothing.
   */
  g_mutex_lock (&job->lock);
  job->slots[index] = slot;
  job->slots[index].done = TRUE;
  if (job->waiting_for == index)
    g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
  return TRUE;
}

static gpointer
worker (gpointer data)
{
  Job *job = data;

  while (take_one (job))
    ;
  return NULL;
}

/* While the next slot to write is not ready, the writer formats documents
 * itself rather than sleep: on a machine busy with other work, that is CPU
 * time the export would otherwise not get.
 */
static Slot *
wait_for_slot (Job   *job,
               guint  index)
{
  for (;;)
    {
      gboolean done;

      g_mutex_lock (&job->lock);
      done = job->slots[index].done;
      g_mutex_unlock (&job->lock);
      if (done || !take_one (job))
        break;
    }

  g_mutex_lock (&job->lock);
  job->waiting_for = index;
  while (!job->slots[index].done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
  return &job->slots[index];
}

static void
clear_slot (Slot *slot)
{
  glossa_export_chunk_clear (&slot->chunk);
  g_clear_pointer (&slot->id, g_free);
  g_clear_pointer (&slot->origin, g_free);
  g_clear_error (&slot->error);
}

static const char *
file_extension (GlossaExportFormat format)
{
  switch (format)
    {
    case GLOSSA_EXPORT_JSONL:
    case GLOSSA_EXPORT_DOCCANO:
      return ".jsonl";
    case GLOSSA_EXPORT_CONLL:
      return ".conll";
    case GLOSSA_EXPORT_BRAT:
      return "";
    default:
      g_return_val_if_reached ("");
    }
}

static void
count_slot (GlossaExportStats *stats,
            Slot              *slot)
{
  stats->n_documents++;
  stats->n_spans += slot->chunk.n_spans;
  stats->n_dropped += slot->chunk.n_dropped;
  stats->n_fragmented += slot->chunk.n_fragmented;
}

/* Writes every slot to @sinks: in order as they come, or, with splits,
 * once all are in, since the split of a document depends on which others
 * the status filter keeps.
 */
/* A document that cannot be read or formatted is set aside (@invalid) and
 * the run goes on, so that one run names every bad file, not only the
 * first. Cancelling still stops at once.
 */
static gboolean
set_aside (Job        *job,
           Slot       *slot,
           GPtrArray  *invalid,
           GError    **error)
{
  if (g_error_matches (slot->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&slot->error));
      return FALSE;
    }
  g_ptr_array_add (invalid, g_strdup (slot->error->message));
  clear_slot (slot);
  return TRUE;
}

static gboolean
write_slots (Job                *job,
             Sink               *sinks,
             GlossaExportStats  *stats,
             GPtrArray          *invalid,
             GError            **error)
{
  GArray *splits = job->options->splits;
  g_autofree guint *assignment = NULL;
  g_autofree guint *included = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint n_included = 0;

  for (guint i = 0; i < job->n; i++)
    {
      Slot *slot = wait_for_slot (job, i);

      if (slot->error != NULL)
        {
          if (!set_aside (job, slot, invalid, error))
            return FALSE;
          continue;
        }
      if (!slot->included)
        {
          stats->n_skipped++;
          clear_slot (slot);
          continue;
        }
      /* Without --skip-invalid nothing will be kept: only read on. */
      if (invalid->len > 0 && !job->options->skip_invalid)
        clear_slot (slot);
      else if (splits == NULL)
        {
          count_slot (stats, slot);
          if (!sink_write (&sinks[0], slot->id, slot->origin, &slot->chunk, error))
            return FALSE;
          clear_slot (slot);
        }
    }

  /* One bad document is its own message, as it always was; for more, the
   * caller has them all in the stats.
   */
  if (invalid->len == 1 && !job->options->skip_invalid)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s",
                   (const char *) g_ptr_array_index (invalid, 0));
      return FALSE;
    }
  /* A line of FILE.annotations.jsonl that cannot be read may hold any
   * article's spans: exporting that article as its corpus line has it
   * would put a wrong document in the dataset, so nothing is exported.
   */
  if (job->source->n_stray > 0 && job->options->skip_invalid)
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                           _("a line of the annotations that cannot be read may hold any article's "
                             "spans, so --skip-invalid cannot leave it out: nothing was written"));
      return FALSE;
    }
  if (invalid->len > 0 && !job->options->skip_invalid)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   ngettext ("%u document or line could not be read, so nothing was written "
                             "(--skip-invalid exports the others)",
                             "%u documents or lines could not be read, so nothing was written "
                             "(--skip-invalid exports the others)", invalid->len),
                   invalid->len);
      return FALSE;
    }
  if (splits == NULL)
    return TRUE;

  included = g_new (guint, MAX (job->n, 1));
  ids = g_ptr_array_new ();
  for (guint i = 0; i < job->n; i++)
    {
      if (job->slots[i].included)
        {
          included[n_included++] = i;
          g_ptr_array_add (ids, job->slots[i].id);
        }
    }

  assignment = glossa_export_assign_splits ((const char * const *) ids->pdata, n_included,
                                            splits, job->options->seed);
  for (guint k = 0; k < n_included; k++)
    {
      Slot *slot = &job->slots[included[k]];

      count_slot (stats, slot);
      stats->split_sizes[assignment[k]]++;
      if (!sink_write (&sinks[assignment[k]], slot->id, slot->origin, &slot->chunk, error))
        return FALSE;
      clear_slot (slot);
    }
  return TRUE;
}

static gboolean
open_sinks (const char                 *temp,
            const GlossaExportOptions  *options,
            GlossaSchema               *schema,
            Sink                       *sinks,
            GPtrArray                  *warnings,
            GError                    **error)
{
  for (guint s = 0; s < GLOSSA_EXPORT_MAX_SPLITS; s++)
    sinks[s].warnings = warnings;

  if (options->splits == NULL)
    return sink_open (&sinks[0], options->format, schema, temp, error);

  for (guint s = 0; s < options->splits->len; s++)
    {
      const char *name = g_array_index (options->splits, GlossaSplit, s).name;
      g_autofree char *path = g_strdup_printf ("%s/%s%s", temp, name, file_extension (options->format));

      if (!sink_open (&sinks[s], options->format, schema, path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_job (Job                        *job,
         const char                 *temp,
         GlossaExportStats          *stats,
         GPtrArray                  *invalid,
         GError                    **error)
{
  const GlossaExportOptions *options = job->options;
  Sink sinks[GLOSSA_EXPORT_MAX_SPLITS] = { { 0 } };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_sinks = options->splits != NULL ? options->splits->len : 1;
  guint n_threads = options->n_threads > 0 ? options->n_threads : g_get_num_processors ();
  g_autoptr(GlossaSchema) schema = source_schema (job->source, error);
  gboolean ok;

  ok = schema != NULL && open_sinks (temp, options, schema, sinks, stats->warnings, error);

  if (ok)
    {
      for (guint i = 0; i < MIN (n_threads, MAX (job->n, 1)); i++)
        g_ptr_array_add (threads, g_thread_new ("glossa-export", worker, job));

      ok = write_slots (job, sinks, stats, invalid, error);
      if (!ok)
        g_atomic_int_set (&job->stop, 1);

      for (guint i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
    }

  for (guint s = 0; s < n_sinks; s++)
    {
      if (ok && !sink_close (&sinks[s], error))
        ok = FALSE;
      sink_clear (&sinks[s]);
    }

  return ok;
}

gboolean
glossa_export (GlossaRecordSource         *source,
               GFile                      *output,
               const GlossaExportOptions  *options,
               GlossaExportStats          *stats,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(GlossaOutput) out = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) invalid = g_ptr_array_new_with_free_func (g_free);
  GlossaExportStats local_stats = { 0 };
  GlossaOutputKind kind;
  gboolean folder;
  gboolean ok;
  Job job = { 0 };

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  folder = options->format == GLOSSA_EXPORT_BRAT || options->splits != NULL;
  kind = folder ? GLOSSA_OUTPUT_FOLDER : GLOSSA_OUTPUT_FILE;
  /* A corpus's files can only be an output that exists: a new output
   * spares a stat() of every one of them.
   */
  if (!glossa_output_check (output, kind, source->inputs, error) ||
      (g_file_query_exists (output, NULL) && !glossa_output_check (output, kind, source->members, error)))
    return FALSE;
  out = glossa_output_begin (output, kind, source->inputs, error);
  if (out == NULL)
    return FALSE;

  job.source = source;
  job.options = options;
  job.cancellable = cancellable;
  job.n = glossa_record_source_get_n_records (source);
  job.waiting_for = G_MAXUINT;
  job.slots = g_new0 (Slot, MAX (job.n, 1));
  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);

  for (guint i = 0; i < source->problems->len; i++)
    g_ptr_array_add (invalid, g_strdup (g_ptr_array_index (source->problems, i)));

  local_stats.warnings = warnings;
  ok = run_job (&job, glossa_output_get_path (out), &local_stats, invalid, error);

  for (guint i = 0; i < job.n; i++)
    clear_slot (&job.slots[i]);
  g_free (job.slots);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);

  /* On failure, freeing @out removes the partial output. */
  if (ok)
    ok = glossa_output_commit (out, error);
  else if (error != NULL)
    glossa_output_name_error (out, *error);

  local_stats.warnings = NULL;
  if (ok && stats != NULL)
    {
      *stats = local_stats;
      if (warnings->len > 0)
        stats->warnings = g_steal_pointer (&warnings);
    }
  /* The bad documents are what a failed run has to say. */
  if (stats != NULL && invalid->len > 0)
    {
      stats->n_invalid = invalid->len;
      stats->invalid = g_steal_pointer (&invalid);
    }
  return ok;
}

void
glossa_export_stats_clear (GlossaExportStats *stats)
{
  g_return_if_fail (stats != NULL);
  g_clear_pointer (&stats->warnings, g_ptr_array_unref);
  g_clear_pointer (&stats->invalid, g_ptr_array_unref);
}
