/* glossa-cli-normalize.c: `glossa normalize`, a corpus with its dates' missing values filled in
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
#include "glossa-import.h"
#include "glossa-normalize.h"
#include "glossa-output.h"

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

static int
failed (GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                    : GLOSSA_EXIT_INVALID;
}

/* Every record is read before anything is written: an article that cannot
 * be read stops the command with nothing written, as in `glossa suggest`.
 */
static GPtrArray *
normalize_all (GlossaRecordSource     *source,
               GlossaTimexLang         lang,
               GlossaNormalizeReport  *report,
               GError                **error)
{
  guint n = glossa_record_source_get_n_records (source);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);

  for (guint i = 0; i < n; i++)
    {
      GlossaRecord *record = glossa_record_source_load (source, i, error);

      if (record == NULL)
        return NULL;
      glossa_normalize_record (record, lang, report);
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

static void
print_values (GlossaNormalizeReport *report)
{
  g_printerr (_("%s: filled %u, could not normalize %u, kept %u values already there\n"),
              g_get_prgname (), report->n_filled, report->missed->len, report->n_kept);
  for (guint i = 0; i < report->missed->len; i++)
    {
      const GlossaNormalizeMiss *miss = g_ptr_array_index (report->missed, i);

      g_printerr ("%s:%" G_GINT64_FORMAT ": “%s”: %s\n", miss->name, miss->start, miss->text, miss->reason);
    }
}

static void
print_report (GlossaNormalizeReport *report,
              guint                  n_documents,
              const char            *output)
{
  g_printerr (ngettext ("%s: %u document written to %s\n",
                        "%s: %u documents written to %s\n", n_documents),
              g_get_prgname (), n_documents, output);
  print_values (report);
}

/* --in-place: each document read from the corpus, filled and saved back
 * through its store, one file (or JSONL line) at a time. A document that
 * cannot be read or saved (another program changed it meanwhile) is
 * reported and left as it is; the others are still done.
 */
static gboolean
normalize_in_place (const char             *path,
                    GlossaTimexLang         lang,
                    GlossaNormalizeReport  *report,
                    guint                  *n_written,
                    GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossaCorpus) corpus = glossa_corpus_open (file, NULL, error);
  gboolean ok = TRUE;
  guint n;

  if (corpus == NULL)
    return FALSE;
  if (glossa_corpus_get_read_only (corpus))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("%s: the corpus is read-only; write a new one with -o"), path);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      g_autoptr(GlossaDocument) document = NULL;
      g_autoptr(GError) local = NULL;
      guint before = report->n_filled;

      document = glossa_corpus_load_document (corpus, i, NULL, &local);
      if (document == NULL ||
          !glossa_normalize_document (document, glossa_corpus_item_get_date (item), lang, report, NULL, &local))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), local->message);
          ok = FALSE;
          continue;
        }
      if (report->n_filled > before)
        (*n_written)++;
    }
  if (!ok)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("%s: some documents could not be read or saved (see above); the others were filled in"), path);
  return ok;
}

static int
run_in_place (const char      *path,
              GlossaTimexLang  lang)
{
  g_autoptr(GError) error = NULL;
  GlossaNormalizeReport report;
  guint n_written = 0;
  gboolean ok;

  glossa_normalize_report_init (&report);
  ok = normalize_in_place (path, lang, &report, &n_written, &error);
  g_printerr (ngettext ("%s: %u document rewritten in %s\n", "%s: %u documents rewritten in %s\n",
                        n_written),
              g_get_prgname (), n_written, path);
  print_values (&report);
  glossa_normalize_report_clear (&report);
  return ok ? GLOSSA_EXIT_OK : failed (error);
}

int
_glossa_cli_normalize (int    argc,
                       char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang_name = NULL;
  gboolean in_place = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The corpus folder to create"), N_("CORPUS") },
    { "in-place", 0, 0, G_OPTION_ARG_NONE, &in_place,
      N_("Write the values into the corpus itself, each annotation file replaced atomically"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_name,
      N_("The articles’ language: en, it or auto (the default: guessed for each article)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GlossaNormalizeReport report;
  GlossaImportReport written = { 0 };
  GlossaTimexLang lang = GLOSSA_TIMEX_LANG_AUTO;
  const char *paths[2] = { NULL, NULL };
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("CORPUS"),
                                  _("Writes a new corpus folder with the corpus's articles and\n"
                                    "annotations, where every date span without a value gets the\n"
                                    "value of the date normalizer, counted from the article's date\n"
                                    "(its \"date YYYY-MM-DD\" line), marked value_source \"auto\". A\n"
                                    "value already there, an annotator's or not, is never changed.\n"
                                    "What was filled and each date that could not be (FILE:OFFSET,\n"
                                    "offsets in code points) go to standard error. With --in-place the\n"
                                    "corpus itself is written instead, each annotation file (or JSONL\n"
                                    "line) that gains a value replaced atomically, and one changed by\n"
                                    "someone else since it was read left alone and reported.\n\n"
                                    "Exit status: 0 on success, 1 on bad input, 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc != 2)
    return usage_error (_("give one corpus"));
  if (output == NULL && !in_place)
    return usage_error (_("no output given (-o CORPUS, or --in-place)"));
  if (output != NULL && in_place)
    return usage_error (_("give either -o CORPUS or --in-place, not both"));
  if (lang_name != NULL && !glossa_timex_lang_from_string (lang_name, &lang))
    return usage_error (_("--lang must be en, it or auto"));
  if (in_place)
    return run_in_place (argv[1], lang);

  input = g_file_new_for_commandline_arg (argv[1]);
  corpus = g_file_new_for_commandline_arg (output);
  g_ptr_array_add (inputs, input);
  if (!glossa_output_check (corpus, GLOSSA_OUTPUT_FOLDER, inputs, &error))
    return usage_error (error->message);

  paths[0] = argv[1];
  glossa_normalize_report_init (&report);
  source = glossa_record_source_open (paths, NULL, &error);
  if (source == NULL || !(records = normalize_all (source, lang, &report, &error)) ||
      !glossa_import_write_corpus (records, corpus, &written, NULL, &error))
    {
      glossa_import_report_clear (&written);
      glossa_normalize_report_clear (&report);
      return failed (error);
    }

  for (guint i = 0; written.warnings != NULL && i < written.warnings->len; i++)
    g_printerr (_("%s: warning: %s\n"), g_get_prgname (), (const char *) g_ptr_array_index (written.warnings, i));
  print_report (&report, records->len, output);
  glossa_import_report_clear (&written);
  glossa_normalize_report_clear (&report);
  return GLOSSA_EXIT_OK;
}
