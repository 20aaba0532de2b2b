/* glossa-cli-stats.c: `glossa stats`, documents by status and spans by label
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-json.h"
#include "glossa-storage.h"

static gboolean as_json;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the counts as JSON"), NULL },
  { NULL }
};

typedef struct
{
  guint       documents;
  guint       status[GLOSSA_N_STATUSES];
  guint       labels[GLOSSA_N_LABELS];
  guint       spans;
  gboolean    failed;
  /* Articles (absolute paths) and JSONL corpora counted already, so that
   * "stats dir dir/a.txt" or "stats *.txt *.annotations.json" count each
   * document once.
   */
  GHashTable *seen;
  gboolean    dedup;     /* more than one PATH */
} Stats;

static void
stats_add (Stats                        *stats,
           const GlossaAnnotationCounts *counts)
{
  stats->documents++;
  stats->status[counts->status]++;
  for (guint i = 0; i < GLOSSA_N_LABELS; i++)
    stats->labels[i] += counts->labels[i];
  stats->spans += counts->n_spans;
}

static gboolean
stats_first_time (Stats      *stats,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_hash_table_add (stats->seen, g_file_get_path (file));
}

static void
report (Stats      *stats,
        const char *message)
{
  g_printerr ("%s\n", message);
  stats->failed = TRUE;
}

/* The corpus names files by absolute path; messages name them as the user
 * did, so they can be pasted back. The path leads the message ("FILE:
 * message") or, in a file that could not be read, is quoted in it.
 */
static void
report_as_given (Stats        *stats,
                 const char   *message,
                 GFile        *file,
                 const char   *given)
{
  g_autofree char *root = g_file_get_path (file);
  gsize root_len = strlen (root);
  const char *at = strstr (message, root);

  if (at != NULL && (at == message || (at - message >= 3 && memcmp (at - 3, "“", 3) == 0)))
    {
      g_autofree char *trimmed = g_strdup (given);
      g_autofree char *rewritten = NULL;
      gsize len = strlen (trimmed);

      while (len > 1 && trimmed[len - 1] == '/')
        trimmed[--len] = '\0';
      rewritten = g_strdup_printf ("%.*s%s%s", (int) (at - message), message, trimmed, at + root_len);
      report (stats, rewritten);
    }
  else
    report (stats, message);
}

static void
count_corpus (Stats      *stats,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_file_get_path (file);
  gboolean folder;
  guint n_items;

  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      report_as_given (stats, error->message, file, path);
      return;
    }
  folder = glossa_corpus_get_kind (corpus) == GLOSSA_CORPUS_FOLDER;
  if (!folder && !g_hash_table_add (stats->seen, g_strdup (root)))
    return;

  glossa_corpus_load_statuses (corpus, NULL);
  for (const char * const *w = glossa_corpus_get_warnings (corpus); *w != NULL; w++)
    report_as_given (stats, *w, file, path);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      GlossaAnnotationCounts counts;

      if (folder && stats->dedup &&
          !g_hash_table_add (stats->seen, g_build_filename (root, glossa_corpus_item_get_name (item), NULL)))
        continue;

      counts.status = glossa_corpus_item_get_status (item);
      counts.n_spans = glossa_corpus_item_get_n_spans (item);
      for (guint l = 0; l < GLOSSA_N_LABELS; l++)
        counts.labels[l] = glossa_corpus_item_get_label_count (item, l);
      stats_add (stats, &counts);
    }
}

/* One article, by its text file or its annotation file. */
static void
count_document (Stats      *stats,
                const char *article_path,
                const char *annotations_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GlossaAnnotationCounts counts = { GLOSSA_STATUS_TODO, 0, { 0 } };
  gsize len;

  if (!stats_first_time (stats, article_path))
    return;

  /* The storage's message names the file; a FIFO or a link to a device is
   * refused at once.
   */
  if (!glossa_storage_read_path (annotations_path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          !g_file_test (article_path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *message = g_strdup (error->message);

          /* Neither file is there: name the one the user gave. */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_free (message);
              message = g_strdup_printf (_("%s: no such file"), article_path);
            }
          report (stats, message);
          return;
        }
    }
  else if (!glossa_annotations_count (contents, len, annotations_path, &counts, &error))
    {
      report (stats, error->message);
      return;
    }

  stats_add (stats, &counts);
}

static void
count_path (Stats      *stats,
            const char *path)
{
  gsize len = strlen (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_str_has_suffix (path, ".txt") &&
      !g_str_has_suffix (path, GLOSSA_ANNOTATIONS_JSONL_SUFFIX))
    {
      g_autofree char *message = g_strdup_printf (_("%s: no such file"), path);
      report (stats, message);
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_has_suffix (path, ".jsonl"))
    {
      if (g_str_has_suffix (path, GLOSSA_ANNOTATIONS_JSONL_SUFFIX))
        {
          /* FILE.annotations.jsonl counts as its corpus, FILE.jsonl. */
          g_autofree char *stem = g_strndup (path, len - strlen (GLOSSA_ANNOTATIONS_JSONL_SUFFIX));
          g_autofree char *corpus = g_strconcat (stem, ".jsonl", NULL);

          count_corpus (stats, corpus);
        }
      else
        count_corpus (stats, path);
    }
  else if (g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *stem = g_strndup (path, len - strlen (".txt"));
      g_autofree char *annotations = g_strconcat (stem, GLOSSA_ANNOTATIONS_SUFFIX, NULL);

      count_document (stats, path, annotations);
    }
  else if (g_str_has_suffix (path, GLOSSA_ANNOTATIONS_SUFFIX))
    {
      g_autofree char *stem = g_strndup (path, len - strlen (GLOSSA_ANNOTATIONS_SUFFIX));
      g_autofree char *article = g_strconcat (stem, ".txt", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("%s: no such file"), path);
          report (stats, message);
        }
      else
        count_document (stats, article, path);
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: not an article (.txt), an annotation file (.annotations.json), "
                           "a folder or a JSONL corpus (.jsonl)"), path);
      report (stats, message);
    }
}

static void
print_text (const Stats *stats)
{
  g_print ("%-16s %9u\n", _("Documents"), stats->documents);
  for (guint i = 0; i < GLOSSA_N_STATUSES; i++)
    g_print ("  %-14s %9u\n", glossa_status_to_string (i), stats->status[i]);
  g_print ("%-16s %9u\n", _("Spans"), stats->spans);
  for (guint i = 0; i < GLOSSA_N_LABELS; i++)
    g_print ("  %-14s %9u\n", glossa_label_to_string (i), stats->labels[i]);
}

static void
print_json (const Stats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, stats->documents);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  for (guint i = 0; i < GLOSSA_N_STATUSES; i++)
    {
      json_builder_set_member_name (builder, glossa_status_to_string (i));
      json_builder_add_int_value (builder, stats->status[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < GLOSSA_N_LABELS; i++)
    {
      json_builder_set_member_name (builder, glossa_label_to_string (i));
      json_builder_add_int_value (builder, stats->labels[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "spans");
  json_builder_add_int_value (builder, stats->spans);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  glossa_json_write (out, root, 2);
  g_print ("%s\n", out->str);
}

int
_glossa_cli_stats (int    argc,
                   char **argv)
{
  Stats stats = { 0 };
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("PATH…"),
                                  _("Counts documents by status (todo, in-progress, done) and spans\n"
                                    "by label (actor, quote, claim, date). Each PATH is an article\n"
                                    "(NAME.txt), an annotation file (NAME.annotations.json), a folder\n"
                                    "(every NAME.txt below it, hidden folders skipped) or a JSONL\n"
                                    "corpus (FILE.jsonl, with FILE.annotations.jsonl beside it).\n"
                                    "An article without annotations counts as todo. Only annotation\n"
                                    "files are read, and not checked against their articles: use\n"
                                    "“glossa validate” for that.\n\n"
                                    "Exit status: 0 when every file was read, 1 when any could not be\n"
                                    "(one “FILE: message” line each on standard error; the rest are\n"
                                    "still counted), 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc < 2)
    {
      g_printerr (_("%s: no path given\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  stats.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stats.dedup = argc > 2;
  for (int i = 1; i < argc; i++)
    count_path (&stats, argv[i]);
  g_hash_table_unref (stats.seen);

  if (as_json)
    print_json (&stats);
  else
    print_text (&stats);

  return stats.failed ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;
}
