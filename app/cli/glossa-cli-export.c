/* glossa-cli-export.c: `glossa export`, a corpus as a training dataset
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-export.h"

/* --skip-invalid wrote the output but left documents out. */
#define EXIT_SKIPPED 3

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

static int
report_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                    : GLOSSA_EXIT_INVALID;
}

/* Each document that could not be read, one line each: the message names
 * its file (and line), so none is hidden behind the first.
 */
static char *
label_names (GlossaSchema *schema)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, glossa_label_to_string (glossa_schema_get_label (schema, i)->name));
    }
  return g_string_free (names, FALSE);
}

static void
print_invalid (const GlossaExportStats *stats,
               char                   **paths)
{
  for (guint i = 0; stats->invalid != NULL && i < stats->invalid->len; i++)
    {
      const char *message = g_ptr_array_index (stats->invalid, i);
      g_autofree char *shown = g_strdup (message);

      /* Named as the user named the corpus or file it is in. */
      for (guint p = 0; paths[p] != NULL && g_strcmp0 (shown, message) == 0; p++)
        {
          g_free (shown);
          shown = _glossa_cli_as_given (message, paths[p]);
        }
      g_printerr ("%s\n", shown);
    }
}

static void
print_summary (const GlossaExportOptions *options,
               const GlossaExportStats   *stats,
               const char                *output)
{
  g_printerr (ngettext ("%s: %u document, %u spans written to %s\n",
                        "%s: %u documents, %u spans written to %s\n", stats->n_documents),
              g_get_prgname (), stats->n_documents, stats->n_spans, output);

  if (options->splits != NULL)
    {
      for (guint i = 0; i < options->splits->len; i++)
        g_printerr (_("  %s: %u documents\n"),
                    g_array_index (options->splits, GlossaSplit, i).name, stats->split_sizes[i]);
    }
  if (stats->n_invalid > 0)
    g_printerr (ngettext ("%s: exported %u documents, skipped %u that could not be read\n",
                          "%s: exported %u documents, skipped %u that could not be read\n",
                          stats->n_invalid),
                g_get_prgname (), stats->n_documents, stats->n_invalid);
  if (stats->n_skipped > 0)
    g_printerr (ngettext ("%s: %u document left out by --status\n",
                          "%s: %u documents left out by --status\n", stats->n_skipped),
                g_get_prgname (), stats->n_skipped);
  if (stats->n_dropped > 0 && options->format == GLOSSA_EXPORT_CONLL)
    g_printerr (ngettext ("%s: %u overlapping span dropped: IOB2 cannot hold overlaps, the outermost "
                          "span is kept (--label exports one label alone)\n",
                          "%s: %u overlapping spans dropped: IOB2 cannot hold overlaps, the outermost "
                          "span is kept (--label exports one label alone)\n", stats->n_dropped),
                g_get_prgname (), stats->n_dropped);
  else if (stats->n_dropped > 0)
    g_printerr (ngettext ("%s: %u span of nothing but line breaks dropped (brat cannot show it)\n",
                          "%s: %u spans of nothing but line breaks dropped (brat cannot show them)\n",
                          stats->n_dropped),
                g_get_prgname (), stats->n_dropped);
  if (stats->n_fragmented > 0)
    g_printerr (ngettext ("%s: %u span crosses a line break and was written as fragments\n",
                          "%s: %u spans cross a line break and were written as fragments\n",
                          stats->n_fragmented),
                g_get_prgname (), stats->n_fragmented);
}

int
_glossa_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;
  g_autofree char *split = NULL;
  gint64 seed = 0;
  int n_threads = 0;
  gboolean skip_invalid = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("jsonl (the default), doccano, brat or conll"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (a folder for brat and for --split)"), N_("OUT") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("Unit of start and end: codepoint (the default), utf16 or byte"), N_("UNIT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Export only documents with this status: todo, in-progress or done"), N_("STATUS") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("Export only the spans of this label"), N_("LABEL") },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      N_("Write splits, e.g. train=0.8,dev=0.1,test=0.1"), N_("SPEC") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the split's shuffle (default 0)"), N_("N") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &n_threads,
      N_("Worker threads (default: one per processor)"), N_("N") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Export the documents that can be read and report the others"), NULL },
    { NULL }
  };
  GlossaExportOptions options = { GLOSSA_EXPORT_JSONL, GLOSSA_OFFSETS_CODEPOINT, -1, 0, NULL, 0, 0 };
  GlossaExportStats stats = { 0 };
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GArray) splits = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("CORPUS…"),
                                  _("Writes a corpus (a folder, a JSONL corpus or annotation files)\n"
                                    "as a dataset:\n"
                                    "  jsonl    one line per document: id, text, date, status,\n"
                                    "           annotator, spans [{id, start, end, label, text,\n"
                                    "           attributes}], relations [{id, type, from, to}]\n"
                                    "  doccano  one line per document: id, text, entities [{id,\n"
                                    "           start_offset, end_offset, label}], relations [{id,\n"
                                    "           from_id, to_id, type}]\n"
                                    "  brat     a folder of NAME.txt, NAME.ann (T, R and A lines; text\n"
                                    "           and date values as NAME=VALUE notes) and annotation.conf\n"
                                    "  conll    IOB2 tags, one token per line, sentences separated\n"
                                    "           by a blank line, -DOCSTART- before each document;\n"
                                    "           no links\n\n"
                                    "Every span is checked against the exported text before the\n"
                                    "output appears. Every document is read; if any cannot be\n"
                                    "(one “FILE: message” line each on standard error), nothing is\n"
                                    "written, unless --skip-invalid asks to export the others.\n\n"
                                    "Exit status: 0 on success, 1 on bad input (nothing written),\n"
                                    "2 for usage errors, 3 when --skip-invalid left documents out\n"
                                    "(the others written)."),
                                  entries, &exit_code))
    return exit_code;

  if (argc < 2)
    return usage_error (_("no corpus given"));
  if (output == NULL)
    return usage_error (_("no output given (-o OUT)"));
  if (format != NULL && !glossa_export_format_from_string (format, &options.format))
    return usage_error (_("--format must be jsonl, doccano, brat or conll"));
  if (offsets != NULL && !glossa_offsets_from_string (offsets, &options.offsets))
    return usage_error (_("--offsets must be codepoint, utf16 or byte"));
  if (offsets != NULL && options.format == GLOSSA_EXPORT_CONLL)
    return usage_error (_("--offsets has no meaning for conll, which has no offsets"));
  if (status != NULL)
    {
      GlossaStatus value;

      if (!glossa_status_from_string (status, &value))
        return usage_error (_("--status must be todo, in-progress or done"));
      options.status = value;
    }
  if (label != NULL)
    {
      g_autoptr(GFile) corpus = g_file_new_for_commandline_arg (argv[1]);
      g_autoptr(GlossaSchema) schema = NULL;
      GlossaLabel value;

      /* The corpus root's schema (a file's folder's for files given one by
       * one): a label only a subfolder's schema has is refused; it is
       * rare, and checking one schema keeps the message a plain list.
       */
      if (!(schema = glossa_corpus_find_schema (corpus, NULL, &error)))
        return report_error (error);
      if (!glossa_label_from_string (label, &value) || glossa_schema_label_index (schema, value) < 0)
        {
          g_autofree char *names = label_names (schema);
          g_autofree char *message = g_strdup_printf (_("--label must be one of the corpus’s labels: %s"),
                                                      names);

          return usage_error (message);
        }
      options.label = value;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    return usage_error (_("--seed must be between 0 and 4294967295"));
  if (n_threads < 0)
    return usage_error (_("--threads must not be negative"));
  if (split != NULL && !(splits = glossa_export_parse_splits (split, &error)))
    return usage_error (error->message);

  options.splits = splits;
  options.seed = (guint32) seed;
  options.n_threads = n_threads;
  options.skip_invalid = skip_invalid;

  source = glossa_record_source_open_keeping_problems ((const char * const *) argv + 1, NULL, &error);
  if (source == NULL)
    return report_error (error);

  file = g_file_new_for_commandline_arg (output);
  if (!glossa_export (source, file, &options, &stats, NULL, &error))
    {
      if (stats.n_invalid == 0)
        return report_error (error);
      print_invalid (&stats, argv + 1);
      if (skip_invalid)
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      else
        g_printerr (ngettext ("%s: %u document or line could not be read, so nothing was written "
                              "(--skip-invalid exports the others)\n",
                              "%s: %u documents or lines could not be read, so nothing was written "
                              "(--skip-invalid exports the others)\n", stats.n_invalid),
                    g_get_prgname (), stats.n_invalid);
      glossa_export_stats_clear (&stats);
      return GLOSSA_EXIT_INVALID;
    }

  print_invalid (&stats, argv + 1);
  for (guint i = 0; stats.warnings != NULL && i < stats.warnings->len; i++)
    g_printerr (_("%s: warning: %s\n"), g_get_prgname (), (const char *) g_ptr_array_index (stats.warnings, i));
  print_summary (&options, &stats, output);
  /* A dataset with documents missing is written as asked, but a script
   * must be able to tell it from a whole one.
   */
  exit_code = stats.n_invalid > 0 ? EXIT_SKIPPED : GLOSSA_EXIT_OK;
  glossa_export_stats_clear (&stats);
  return exit_code;
}
