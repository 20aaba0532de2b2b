/* glossa-cli-merge.c: `glossa merge`, the spans N annotators agree on, as a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-error.h"
#include "glossa-merge.h"

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

int
_glossa_cli_merge (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  int min_agree = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The corpus to create: a folder, or a FILE.jsonl JSONL corpus"), N_("CORPUS") },
    { "min-agree", 0, 0, G_OPTION_ARG_INT, &min_agree,
      N_("Keep the spans at least N annotators have (default: all of them)"), N_("N") },
    { NULL }
  };
  g_autoptr(GFile) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GlossaMergeReport report = { 0 };
  int exit_code = GLOSSA_EXIT_OK;
  int n_inputs;

  if (!_glossa_cli_parse_options (&argc, &argv, _("A B [C…]"),
                                  _("Writes the spans that at least N of the annotators' corpora\n"
                                    "(folders, JSONL corpora or exports) have with the same start,\n"
                                    "end and label, document by document (matched by id), as a new\n"
                                    "corpus folder of NAME.txt and NAME.annotations.json files, or\n"
                                    "with -o FILE.jsonl a JSONL corpus (FILE.jsonl with the articles,\n"
                                    "FILE.annotations.jsonl with their annotations). Each\n"
                                    "span keeps the first annotator's copy and says in \"review\" who\n"
                                    "had it (\"sources\"). A document fewer than N annotators\n"
                                    "annotated is left out. On any problem nothing is written.\n\n"
                                    "Exit status: 0 on success, 1 on bad input, 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  n_inputs = argc - 1;
  if (n_inputs < 2)
    return usage_error (_("give at least two corpora"));
  if (output == NULL)
    return usage_error (_("no output given (-o CORPUS)"));
  if (min_agree == 0)
    min_agree = n_inputs;
  if (min_agree < 1 || min_agree > n_inputs)
    return usage_error (_("--min-agree must be between 1 and the number of corpora"));

  corpus = g_file_new_for_commandline_arg (output);
  if (!glossa_merge_corpus ((const char * const *) argv + 1, (guint) min_agree, corpus,
                            &report, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                        : GLOSSA_EXIT_INVALID;
    }

  g_printerr (ngettext ("%s: %u document, %u spans written to %s\n",
                        "%s: %u documents, %u spans written to %s\n", report.n_documents),
              g_get_prgname (), report.n_documents, report.n_spans, output);
  if (report.n_skipped > 0)
    g_printerr (ngettext ("%s: %u document annotated by fewer than %d annotators left out\n",
                          "%s: %u documents annotated by fewer than %d annotators left out\n",
                          report.n_skipped),
                g_get_prgname (), report.n_skipped, min_agree);
  return GLOSSA_EXIT_OK;
}
