/* glossa-cli-stats.c: `glossa stats`, documents by status and spans by label
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-chart.h"
#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-json.h"
#include "glossa-output.h"
#include "glossa-overview.h"
#include "glossa-schema.h"
#include "glossa-storage.h"

static gboolean as_json;
static char *chart_kind;
static char *chart_output;
static char *chart_against;
static int chart_width = 800;
static int chart_height = 500;
static gboolean chart_dark;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the counts as JSON (with --chart, the figures drawn)"), NULL },
  { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_kind, N_("Draw a chart: status, labels, progress or agreement"), N_("KIND") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &chart_output, N_("Write the chart to FILE (.png or .svg)"), N_("FILE") },
  { "against", 0, 0, G_OPTION_ARG_FILENAME, &chart_against, N_("Second annotator’s corpus, for the agreement chart"), N_("B") },
  { "width", 0, 0, G_OPTION_ARG_INT, &chart_width, N_("Chart width in pixels (default 800)"), N_("PIXELS") },
  { "height", 0, 0, G_OPTION_ARG_INT, &chart_height, N_("Chart height in pixels (default 500)"), N_("PIXELS") },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &chart_dark, N_("Draw the chart for a dark background"), NULL },
  { NULL }
};

typedef struct
{
  guint       documents;
  guint       status[GLOSSA_N_STATUSES];
  GlossaLabelCounts labels;
  GFile      *root;       /* nullable: the corpus folder being counted */
  GHashTable *schemas;    /* the schemas met, by path ("" the built-in) */
  guint       spans;
  /* Documents whose annotations could not be read: their status is not
   * known, so they are in no status's count (nor in documents).
   */
  guint       unreadable;
  gboolean    failed;
  /* Articles (absolute paths) and JSONL corpora counted already, so that
   * "stats dir dir/a.txt" or "stats *.txt *.annotations.json" count each
   * document once.
   */
  GHashTable *seen;
  gboolean    dedup;     /* more than one PATH */
} Stats;

/* The schema @annotations_path is read under; the first time a schema is
 * met, its labels are listed (in its order, even at 0), so that a corpus
 * with several schemas lists every label of each.
 */
static void
stats_meet_schema (Stats        *stats,
                   GlossaSchema *schema)
{
  const char *path = glossa_schema_get_path (schema);

  if (!g_hash_table_add (stats->schemas, g_strdup (path != NULL ? path : "")))
    return;
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    glossa_label_counts_add (&stats->labels, glossa_schema_get_label (schema, i)->name, 0);
}

static GlossaSchema *
stats_schema_for (Stats       *stats,
                  const char  *annotations_path,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (annotations_path);
  GlossaSchema *schema = glossa_schema_find_for (file, stats->root, error);

  if (schema != NULL)
    stats_meet_schema (stats, schema);
  return schema;
}

static void
stats_add (Stats                        *stats,
           const GlossaAnnotationCounts *counts)
{
  stats->documents++;
  stats->status[counts->status]++;
  glossa_label_counts_merge (&stats->labels, &counts->labels);
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

static void
report_as_given (Stats      *stats,
                 const char *message,
                 const char *given)
{
  g_autofree char *rewritten = _glossa_cli_as_given (message, given);

  report (stats, rewritten);
}

/* The corpus keeps an item whose annotation file does not parse as todo,
 * with a warning that does not say which item: read the todo items'
 * annotation files again, as count_document() does, to tell them apart.
 * Only done when there was such a warning, so a clean corpus costs nothing
 * more. Returns FALSE (after reporting) when @item's file cannot be read.
 */
static gboolean
item_is_readable (Stats            *stats,
                  GlossaCorpusItem *item,
                  const char       *given)
{
  g_autoptr(GFile) annotations_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *annotations_path = NULL;
  GlossaAnnotationCounts counts = { 0 };
  gsize len;
  g_autoptr(GlossaSchema) schema = NULL;

  if (glossa_corpus_item_get_status (item) != GLOSSA_STATUS_TODO ||
      glossa_corpus_item_get_n_spans (item) != 0)
    return TRUE;

  annotations_file = glossa_annotations_file_for_article (glossa_corpus_item_get_file (item));
  annotations_path = g_file_get_path (annotations_file);
  if (!glossa_storage_read_path (annotations_path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
    }
  else if ((schema = stats_schema_for (stats, annotations_path, &error)) != NULL &&
           glossa_annotations_count (contents, len, annotations_path, schema, &counts, &error))
    {
      glossa_label_counts_clear (&counts.labels);
      return TRUE;
    }

  stats->unreadable++;
  report_as_given (stats, error->message, given);
  return FALSE;
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
  gboolean some_unreadable;
  guint n_items;
  guint n_open_warnings;

  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      report_as_given (stats, error->message, path);
      return;
    }
  folder = glossa_corpus_get_kind (corpus) == GLOSSA_CORPUS_FOLDER;
  if (!folder && !g_hash_table_add (stats->seen, g_strdup (root)))
    return;
  stats_meet_schema (stats, glossa_corpus_get_schema (corpus));
  g_clear_object (&stats->root);
  if (folder)
    stats->root = g_object_ref (file);

  /* Warnings from opening (a bad corpus line, a folder that cannot be
   * listed) are not documents; those that reading the statuses adds are
   * annotations that could not be read.
   */
  n_open_warnings = g_strv_length ((char **) glossa_corpus_get_warnings (corpus));
  glossa_corpus_load_statuses (corpus, NULL);
  some_unreadable = g_strv_length ((char **) glossa_corpus_get_warnings (corpus)) > n_open_warnings;
  for (const char * const *w = glossa_corpus_get_warnings (corpus); *w != NULL; w++)
    {
      gboolean from_statuses = w - glossa_corpus_get_warnings (corpus) >= n_open_warnings;

      /* In a folder, item_is_readable() names each such file itself. */
      if (folder && from_statuses)
        continue;
      /* A line of FILE.annotations.jsonl that cannot be read does not
       * say which article it is for: it is counted on its own.
       */
      if (from_statuses)
        stats->unreadable++;
      report_as_given (stats, *w, path);
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      GlossaAnnotationCounts counts = { 0 };

      if (folder && stats->dedup &&
          !g_hash_table_add (stats->seen, g_build_filename (root, glossa_corpus_item_get_name (item), NULL)))
        continue;
      if (folder && some_unreadable && !item_is_readable (stats, item, path))
        continue;

      counts.status = glossa_corpus_item_get_status (item);
      counts.n_spans = glossa_corpus_item_get_n_spans (item);
      stats_add (stats, &counts);
      glossa_label_counts_merge (&stats->labels, glossa_corpus_item_get_label_counts (item));
    }
  g_clear_object (&stats->root);
}

/* One article, by its text file or its annotation file. */
static void
count_document (Stats      *stats,
                const char *article_path,
                const char *annotations_path)
{
  g_autoptr(GlossaSchema) schema = NULL;
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
          else
            stats->unreadable++;
          report (stats, message);
          return;
        }
    }
  else if ((schema = stats_schema_for (stats, annotations_path, &error)) == NULL ||
           !glossa_annotations_count (contents, len, annotations_path, schema, &counts, &error))
    {
      stats->unreadable++;
      report (stats, error->message);
      return;
    }

  stats_add (stats, &counts);
  glossa_label_counts_clear (&counts.labels);
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
  g_print ("%-16s %9u\n", _("Unreadable"), stats->unreadable);
  g_print ("%-16s %9u\n", _("Spans"), stats->spans);
  for (guint i = 0; i < stats->labels.n_items; i++)
    g_print ("  %-14s %9u\n", glossa_label_to_string (stats->labels.items[i].label),
             stats->labels.items[i].count);
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
  json_builder_set_member_name (builder, "unreadable");
  json_builder_add_int_value (builder, stats->unreadable);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < stats->labels.n_items; i++)
    {
      json_builder_set_member_name (builder, glossa_label_to_string (stats->labels.items[i].label));
      json_builder_add_int_value (builder, stats->labels.items[i].count);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "spans");
  json_builder_add_int_value (builder, stats->spans);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  glossa_json_write (out, root, 2);
  g_print ("%s\n", out->str);
}

/* --chart */

static int
chart_usage (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

/* The options of --chart, checked before anything is read. */
static int
chart_check_usage (int                argc,
                   GlossaChartKind   *kind,
                   GlossaChartFormat *format)
{
  if (!glossa_chart_kind_from_string (chart_kind, kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("--chart: “%s” is not one of status, labels, progress, agreement"), chart_kind);
      return chart_usage (message);
    }
  if (argc != 2)
    return chart_usage (_("--chart: give one corpus, a folder or a JSONL file"));
  if (chart_output == NULL)
    return chart_usage (_("--chart: give the image to write with -o FILE.svg or -o FILE.png"));
  if (!glossa_chart_format_for_path (chart_output, format))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: the chart is written as PNG or SVG: name it FILE.png or FILE.svg"), chart_output);
      return chart_usage (message);
    }
  if (*kind == GLOSSA_CHART_AGREEMENT && chart_against == NULL)
    return chart_usage (_("--chart agreement: give the second annotator’s corpus with --against B"));
  if (chart_width < 200 || chart_width > 4000 || chart_height < 150 || chart_height > 4000)
    return chart_usage (_("--width and --height: from 200×150 to 4000×4000 pixels"));
  return GLOSSA_EXIT_OK;
}

static int
chart_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                    : GLOSSA_EXIT_INVALID;
}

/* `stats CORPUS --chart KIND -o FILE`: the overview's chart, written
 * atomically; the output may be neither the corpus nor B, nor inside them.
 */
static int
run_chart (const char        *path,
           GlossaChartKind    kind,
           GlossaChartFormat  format)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (chart_output);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GlossaChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  GlossaChartStyle style;
  gboolean saved;

  g_ptr_array_add (inputs, g_file_new_for_commandline_arg (path));
  if (chart_against != NULL)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (chart_against));
  if (!glossa_output_check (output, GLOSSA_OUTPUT_FILE, inputs, &error))
    return chart_error (error);
  if (!(overview = glossa_overview_compute (path, kind == GLOSSA_CHART_AGREEMENT ? chart_against : NULL,
                                            NULL, &error)))
    return chart_error (error);
  for (guint i = 0; i < overview->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (overview->problems, i));

  data = glossa_chart_data_new (overview, kind);
  glossa_chart_style_init (&style, chart_dark);
  saved = glossa_chart_save (data, &style, format, chart_width, chart_height, output, &error);
  glossa_chart_style_clear (&style);
  if (!saved)
    return chart_error (error);
  if (as_json)
    {
      g_autofree char *json = glossa_chart_data_to_json (data);

      g_print ("%s", json);
    }
  return overview->problems->len > 0 ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;
}

int
_glossa_cli_stats (int    argc,
                   char **argv)
{
  Stats stats = { 0 };
  int exit_code = GLOSSA_EXIT_OK;
  g_autoptr(GHashTable) schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stats.schemas = schemas;

  if (!_glossa_cli_parse_options (&argc, &argv, _("PATH…"),
                                  _("Counts documents by status (todo, in-progress, done) and spans\n"
                                    "by label (those of the corpus’s glossa-schema.json, or actor, quote,\n"
                                    "claim, date). Each PATH is an article\n"
                                    "(NAME.txt), an annotation file (NAME.annotations.json), a folder\n"
                                    "(every NAME.txt below it, hidden folders skipped) or a JSONL\n"
                                    "corpus (FILE.jsonl, with FILE.annotations.jsonl beside it).\n"
                                    "An article without annotations counts as todo; one whose\n"
                                    "annotations cannot be read counts as unreadable, in no status,\n"
                                    "as does a line of FILE.annotations.jsonl that cannot be read.\n"
                                    "Only annotation files are read, and not checked against their\n"
                                    "articles: use “glossa validate” for that.\n\n"
                                    "With --chart KIND -o FILE.svg|FILE.png, draws one chart of the\n"
                                    "corpus overview instead: status (documents by status), labels\n"
                                    "(spans per label), progress (spans created and documents done,\n"
                                    "cumulative, per day of the spans’ times) or agreement (per label,\n"
                                    "against the corpus given with --against). --json then prints the\n"
                                    "figures drawn.\n\n"
                                    "Exit status: 0 when every file was read, 1 when any could not be\n"
                                    "(one “FILE: message” line each on standard error; the rest are\n"
                                    "still counted), 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (chart_kind != NULL)
    {
      GlossaChartKind kind;
      GlossaChartFormat format;

      if ((exit_code = chart_check_usage (argc, &kind, &format)) != GLOSSA_EXIT_OK)
        return exit_code;
      return run_chart (argv[1], kind, format);
    }
  if (chart_output != NULL || chart_against != NULL)
    {
      g_printerr (_("%s: -o and --against go with --chart\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }
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
  /* Nothing read: the labels are still listed, those of the built-in schema. */
  if (g_hash_table_size (schemas) == 0)
    {
      g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();

      stats_meet_schema (&stats, builtin);
    }

  if (as_json)
    print_json (&stats);
  else
    print_text (&stats);
  glossa_label_counts_clear (&stats.labels);

  return stats.failed ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;
}
