/* glossa-cli-validate.c: `glossa validate`, checking annotation files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-article.h"
#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-format.h"
#include "glossa-schema.h"
#include "glossa-storage.h"

static gboolean quiet;

/* What the summary line counts: files read and problem lines printed. */
static guint n_files;
static guint n_problems;
/* The corpus folder being walked (NULL for files given alone: their own
 * folder), and every schema met: path -> GlossaSchema, or NULL for one
 * that failed (already reported).
 */
static GFile *corpus_root;
static const char *corpus_root_arg;
static GHashTable *schemas;

static void
schema_unref0 (gpointer schema)
{
  if (schema != NULL)
    glossa_schema_unref (schema);
}

static const GOptionEntry entries[] = {
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only the problems"), NULL },
  { NULL }
};

/* Every problem is one line on standard error, counted for the summary. */
static void
problem (const char *message)
{
  g_printerr ("%s\n", message);
  n_problems++;
}

static GlossaSchema *
load_schema (const char *path,
             gboolean    show_valid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GlossaSchema *schema;
  gsize len;

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_unref0);
  if (g_hash_table_lookup_extended (schemas, path, NULL, (gpointer *) &schema))
    return schema;

  n_files++;
  /* Read by path, so that messages name it as the user typed it. */
  if (glossa_storage_read_path (path, GLOSSA_SCHEMA_READ_LIMIT, &contents, &len, NULL, &error))
    schema = glossa_schema_parse (contents, len, path, &error);
  else
    schema = NULL;
  if (schema == NULL)
    problem (error->message);
  else if (show_valid && !quiet)
    g_print (ngettext ("%s: valid schema, %u label\n", "%s: valid schema, %u labels\n",
                       glossa_schema_get_n_labels (schema)),
             path, glossa_schema_get_n_labels (schema));
  g_hash_table_insert (schemas, g_strdup (path), schema);
  return schema;
}

/* The schema @annotations_path is read under: NULL if it is broken. */
static GlossaSchema *
schema_for (const char *annotations_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (annotations_path);
  g_autoptr(GFile) found = glossa_schema_locate (file, corpus_root);
  g_autofree char *path = NULL;

  if (found == NULL)
    return glossa_schema_get_default ();
  /* Named as the walk names it: below the folder as it was typed. */
  if (corpus_root != NULL && g_file_has_prefix (found, corpus_root))
    {
      g_autofree char *relative = g_file_get_relative_path (corpus_root, found);

      path = g_build_filename (corpus_root_arg, relative, NULL);
    }
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *dir = g_path_get_dirname (annotations_path);

      if (g_file_has_parent (found, parent))
        path = g_build_filename (dir, GLOSSA_SCHEMA_FILE_NAME, NULL);
      else
        path = g_file_get_path (found);
    }
  return load_schema (path, TRUE) != NULL ? glossa_schema_ref (load_schema (path, TRUE)) : NULL;
}

/* @path is shown as the user typed it, so that messages can be pasted back. */
static gboolean
validate_annotations (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article_file = glossa_article_file_for_annotations (file);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *article_name = g_file_get_basename (article_file);
  gboolean ok = TRUE;
  gsize len;

  /* The message names the file: a FIFO or a link to a device is refused
   * at once rather than read without end.
   */
  n_files++;
  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error))
    {
      problem (error->message);
      return FALSE;
    }

  article_path = g_build_filename (dir, article_name, NULL);
  if (g_file_test (article_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = NULL;
      gsize text_len;

      n_files++;
      if (!glossa_storage_read_path (article_path, GLOSSA_STORAGE_READ_LIMIT, &text, &text_len, NULL, &error) ||
          !(article = glossa_article_new_from_data (text, text_len, article_path, &error)))
        {
          problem (error->message);
          g_clear_error (&error);
          ok = FALSE;
        }
    }
  else
    {
      g_autofree char *message = NULL;

      /* Checking the file on its own still finds what is wrong inside it. */
      message = g_strdup_printf (_("%s: the article %s is missing, so the spans cannot be checked against it"),
                                 path, article_path);
      problem (message);
      ok = FALSE;
    }

  schema = schema_for (path);
  if (schema == NULL)
    return FALSE;   /* the schema's own problem is reported once */
  annotations = glossa_format_read_with_schema (contents, len, path, article, schema, &error);
  if (annotations == NULL ||
      !glossa_schema_check_overlaps (schema, annotations->spans, path, "spans", &error))
    {
      problem (error->message);
      return FALSE;
    }

  if (ok && !quiet)
    g_print (ngettext ("%s: valid, %u span\n", "%s: valid, %u spans\n", annotations->spans->len),
             path, annotations->spans->len);
  return ok;
}

static gboolean
validate_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) annotations_file = glossa_annotations_file_for_article (file);
  g_autofree char *annotations_path = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_file_get_basename (annotations_file);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  annotations_path = g_build_filename (dir, name, NULL);
  if (g_file_test (annotations_path, G_FILE_TEST_EXISTS))
    return validate_annotations (annotations_path);

  n_files++;
  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &text, &len, NULL, &error) ||
      !(article = glossa_article_new_from_data (text, len, path, &error)))
    {
      problem (error->message);
      return FALSE;
    }

  if (!quiet)
    g_print (_("%s: valid, not annotated yet\n"), path);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* An annotation file whose article is there is checked with the article;
 * one alone is checked on its own (and its missing article reported).
 */
static gboolean
has_article (const char *annotations_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (annotations_path);
  g_autoptr(GFile) article_file = glossa_article_file_for_annotations (file);
  g_autofree char *dir = g_path_get_dirname (annotations_path);
  g_autofree char *name = g_file_get_basename (article_file);
  g_autofree char *article_path = g_build_filename (dir, name, NULL);

  return g_file_test (article_path, G_FILE_TEST_EXISTS);
}

/* Every article (NAME.txt) and annotation file below @path. Links to
 * folders are followed, each folder once (@visited), so that a link to an
 * enclosing folder cannot make the walk go round.
 */
static gboolean
validate_folder (const char *path,
                 GHashTable *visited,
                 guint      *n_checked)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  const char *name;

  if (!glossa_storage_enter_folder (visited, path))
    return TRUE;
  if (!(dir = g_dir_open (path, 0, &error)))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

      problem (message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ok &= validate_folder (child, visited, n_checked);
      else if (strcmp (g_ptr_array_index (names, i), GLOSSA_SCHEMA_FILE_NAME) == 0)
        ok &= load_schema (child, TRUE) != NULL;
      else if (g_str_has_suffix (child, ".txt"))
        {
          ok &= validate_article (child);
          (*n_checked)++;
        }
      else if (glossa_is_annotations_file (child) && !has_article (child))
        {
          ok &= validate_annotations (child);
          (*n_checked)++;
        }
    }
  return ok;
}

/* Warnings the corpus gathered since @from, each a problem once: loading
 * a document may repeat what reading the statuses said.
 */
static void
problem_once (const char *message,
              const char *given,
              GHashTable *said)
{
  g_autofree char *rewritten = _glossa_cli_as_given (message, given);

  if (g_hash_table_add (said, g_strdup (rewritten)))
    problem (rewritten);
}

static guint
report_warnings (GlossaCorpus *corpus,
                 guint         from,
                 const char   *given,
                 GHashTable   *said)
{
  const char * const *warnings = glossa_corpus_get_warnings (corpus);
  guint n = g_strv_length ((char **) warnings);

  for (guint i = from; i < n; i++)
    problem_once (warnings[i], given, said);
  return n;
}

/* A JSONL corpus, read by the corpus itself, the way the window and
 * `export` read it: each line of FILE.jsonl (id, text, date, spans), then
 * each line of FILE.annotations.jsonl checked against its article as an
 * annotation file is. A JSONL export is read the same way: its lines are
 * corpus lines with spans.
 */
static gboolean
validate_jsonl (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) annotations_file = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus_path = NULL;
  guint n_before = n_problems;
  guint n_seen;
  guint n_items;

  /* FILE.annotations.jsonl stands for its corpus, FILE.jsonl. */
  if (g_str_has_suffix (path, GLOSSA_ANNOTATIONS_JSONL_SUFFIX))
    corpus_path = g_strdup_printf ("%.*s.jsonl", (int) (strlen (path) - strlen (GLOSSA_ANNOTATIONS_JSONL_SUFFIX)),
                                   path);
  else
    corpus_path = g_strdup (path);

  file = g_file_new_for_path (corpus_path);
  n_files++;
  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      problem_once (error->message, corpus_path, said);
      return FALSE;
    }
  annotations_file = glossa_corpus_annotations_file_for_jsonl (file);
  if (g_file_query_exists (annotations_file, NULL))
    n_files++;

  n_seen = report_warnings (corpus, 0, corpus_path, said);
  glossa_corpus_load_statuses (corpus, NULL);
  n_seen = report_warnings (corpus, n_seen, corpus_path, said);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossaDocument) document = glossa_corpus_load_document (corpus, i, NULL, &error);
      const GError *document_error = document != NULL ? glossa_document_get_error (document) : error;

      n_seen = report_warnings (corpus, n_seen, corpus_path, said);
      if (document_error != NULL)
        problem_once (document_error->message, corpus_path, said);
      g_clear_error (&error);
    }

  if (n_problems == n_before && !quiet)
    g_print (ngettext ("%s: valid, %u document\n", "%s: valid, %u documents\n", n_items),
             corpus_path, n_items);
  return n_problems == n_before;
}

int
_glossa_cli_validate (int    argc,
                      char **argv)
{
  gboolean ok = TRUE;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("FILE…"),
                                  _("Checks annotation files (NAME.annotations.json) against the\n"
                                    "article beside each (NAME.txt): the JSON syntax, every field,\n"
                                    "every span's offsets, label and text, and the article's SHA-256.\n"
                                    "A NAME.txt stands for itself and its annotation file; a folder\n"
                                    "for every article and annotation file below it. A JSONL corpus\n"
                                    "(FILE.jsonl, or FILE.annotations.jsonl for it) is checked line\n"
                                    "by line: each article (id, text, date, spans) and each line of\n"
                                    "FILE.annotations.jsonl against its article.\n\n"
                                    "Every problem is one “FILE:LINE[:COLUMN]: message” line on\n"
                                    "standard error; a last line counts the files and problems.\n\n"
                                    "Exit status: 0 when all are valid, 1 when any is not, 2 for\n"
                                    "usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc < 2)
    {
      g_printerr (_("%s: no file given\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GHashTable) visited = glossa_storage_visited_new ();
          guint n_checked = 0;

          corpus_root = g_file_new_for_path (path);
          corpus_root_arg = path;
          ok &= validate_folder (path, visited, &n_checked);
          g_clear_object (&corpus_root);
          if (n_checked == 0 && !quiet)
            g_print (_("%s: no articles or annotation files\n"), path);
        }
      else if (g_str_has_suffix (path, ".txt"))
        ok &= validate_article (path);
      else if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("%s: no such file"), path);

          problem (message);
          ok = FALSE;
        }
      else if (g_str_has_suffix (path, GLOSSA_SCHEMA_FILE_NAME))
        ok &= load_schema (path, TRUE) != NULL;
      else if (g_str_has_suffix (path, ".jsonl"))
        ok &= validate_jsonl (path);
      else
        ok &= validate_annotations (path);
    }

  g_clear_pointer (&schemas, g_hash_table_unref);
  if (!quiet)
    {
      g_autofree char *files = g_strdup_printf (ngettext ("%u file", "%u files", n_files), n_files);

      g_print (ngettext ("%s, %u problem\n", "%s, %u problems\n", n_problems), files, n_problems);
    }
  return ok ? GLOSSA_EXIT_OK : GLOSSA_EXIT_INVALID;
}
