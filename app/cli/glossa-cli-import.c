/* glossa-cli-import.c: `glossa import`, a dataset into a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-error.h"
#include "glossa-import.h"
#include "glossa-output.h"

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

static void
print_report (const GlossaImportReport *report,
              const char               *output)
{
  const char *prgname = g_get_prgname ();

  for (guint i = 0; report->warnings != NULL && i < report->warnings->len; i++)
    g_printerr (_("%s: warning: %s\n"), prgname, (const char *) g_ptr_array_index (report->warnings, i));

  g_printerr (ngettext ("%s: %u document, %u spans written to %s\n",
                        "%s: %u documents, %u spans written to %s\n", report->n_documents),
              prgname, report->n_documents, report->n_spans, output);
  if (report->n_unmapped > 0)
    g_printerr (ngettext ("%s: %u span with an unmapped label left out\n",
                          "%s: %u spans with unmapped labels left out\n", report->n_unmapped),
                prgname, report->n_unmapped);
  if (report->n_duplicates > 0)
    g_printerr (ngettext ("%s: %u repeated span (same start, end and label) left out\n",
                          "%s: %u repeated spans (same start, end and label) left out\n",
                          report->n_duplicates),
                prgname, report->n_duplicates);
  if (report->n_fragmented > 0)
    g_printerr (ngettext ("%s: %u fragmented brat span joined into one\n",
                          "%s: %u fragmented brat spans joined into one each\n", report->n_fragmented),
                prgname, report->n_fragmented);
  if (report->n_notes > 0)
    g_printerr (ngettext ("%s: %u brat note kept as a span note\n",
                          "%s: %u brat notes kept as span notes\n", report->n_notes),
                prgname, report->n_notes);
  if (report->n_links > 0)
    g_printerr (ngettext ("%s: %u link written\n", "%s: %u links written\n", report->n_links),
                prgname, report->n_links);
  if (report->n_links_dropped > 0)
    g_printerr (ngettext ("%s: %u link left out (to a span left out, of a type left out, or repeated)\n",
                          "%s: %u links left out (to a span left out, of a type left out, or repeated)\n",
                          report->n_links_dropped),
                prgname, report->n_links_dropped);
  if (report->n_links_reversed > 0)
    g_printerr (ngettext ("%s: %u link turned round: the schema allows it only from its second end to its first\n",
                          "%s: %u links turned round: the schema allows them only from their second end to their first\n",
                          report->n_links_reversed),
                prgname, report->n_links_reversed);
  if (report->n_attributes > 0)
    g_printerr (ngettext ("%s: %u attribute value written\n", "%s: %u attribute values written\n",
                          report->n_attributes),
                prgname, report->n_attributes);
  if (report->n_attributes_dropped > 0)
    g_printerr (ngettext ("%s: %u attribute value left out (the schema has no such attribute for its label)\n",
                          "%s: %u attribute values left out (the schema has no such attribute for their label)\n",
                          report->n_attributes_dropped),
                prgname, report->n_attributes_dropped);
  if (report->n_skipped > 0)
    g_printerr (ngettext ("%s: %u brat line skipped (events no --map-link uses, normalizations, comments)\n",
                          "%s: %u brat lines skipped (events no --map-link uses, normalizations, comments)\n",
                          report->n_skipped),
                prgname, report->n_skipped);
}

int
_glossa_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *config = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) link_maps = NULL;
  gboolean drop_unmapped = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("jsonl (the default), doccano, label-studio or brat"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The corpus folder to create"), N_("CORPUS") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("Unit of the input's offsets: codepoint, utf16 or byte (default: utf16 for doccano, "
         "codepoint for the others)"), N_("UNIT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map a foreign label to one of actor, quote, claim, date (repeatable)"), N_("FOREIGN=LABEL") },
    { "map-link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &link_maps,
      N_("Map a foreign link type to one of the schema's (Said=source), or link a brat event's "
         "arguments of one role to those of another (Content>Source=source) (repeatable)"),
      N_("FOREIGN=TYPE") },
    { "drop-unmapped", 0, 0, G_OPTION_ARG_NONE, &drop_unmapped,
      N_("Leave out spans whose label is not mapped, and links whose type is not"), NULL },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config,
      N_("Label Studio’s labeling config, for the schema’s labels, colors, keys and link types "
         "(label-studio only)"), N_("CONFIG.xml") },
    { NULL }
  };
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) link_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) corpus = NULL;
  g_autoptr(GFile) config_file = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  GlossaImportOptions options = { GLOSSA_IMPORT_JSONL, FALSE, GLOSSA_OFFSETS_CODEPOINT, NULL, FALSE };
  GlossaImportReport report = { 0 };
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("IN"),
                                  _("Reads a dataset into a new corpus folder of NAME.txt and\n"
                                    "NAME.annotations.json files:\n"
                                    "  jsonl         Glossa's export, or lines with id, text and spans\n"
                                    "  doccano       lines with text and label [[start, end, LABEL]] or\n"
                                    "                entities [{id, start_offset, end_offset, label}]\n"
                                    "                and relations [{from_id, to_id, type}]\n"
                                    "  label-studio  Label Studio's JSON export\n"
                                    "  brat          a folder of NAME.txt and NAME.ann\n\n"
                                    "Without --map, the source's labels are kept and the corpus gets a\n"
                                    "glossa-schema.json for them (from brat's annotation.conf where\n"
                                    "there is one, or from Label Studio's labeling config given\n"
                                    "with --config). With --map, labels other than actor, quote, claim\n"
                                    "and date must be mapped (--map PER=actor) or dropped\n"
                                    "(--drop-unmapped). Imported spans get origin \"imported\".\n\n"
                                    "Links come from brat's R lines, doccano's relations, Label\n"
                                    "Studio's relation results and JSONL's relations; a type the\n"
                                    "schema lacks must be mapped (--map-link Said=source) or dropped\n"
                                    "(--drop-unmapped). brat events become links with\n"
                                    "--map-link Content>Source=source. Attributes come from brat's A\n"
                                    "lines and NAME=VALUE notes, and JSONL's attributes, where the\n"
                                    "schema has them.\n\n"
                                    "On any problem nothing is written.\n\n"
                                    "Exit status: 0 on success, 1 on bad input, 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc != 2)
    return usage_error (_("give one input"));
  if (output == NULL)
    return usage_error (_("no output given (-o CORPUS)"));
  if (format != NULL && !glossa_import_format_from_string (format, &options.format))
    return usage_error (_("--format must be jsonl, doccano, label-studio or brat"));
  if (offsets != NULL)
    {
      if (!glossa_offsets_from_string (offsets, &options.offsets))
        return usage_error (_("--offsets must be codepoint, utf16 or byte"));
      options.offsets_set = TRUE;
    }
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      if (!glossa_import_add_mapping (map, maps[i], &error))
        return usage_error (error->message);
    }
  for (guint i = 0; link_maps != NULL && link_maps[i] != NULL; i++)
    {
      if (!glossa_import_add_link_mapping (link_map, link_maps[i], &error))
        return usage_error (error->message);
    }
  if (config != NULL && options.format != GLOSSA_IMPORT_LABEL_STUDIO)
    return usage_error (_("--config goes with --format label-studio only"));
  if (config != NULL && (maps != NULL || drop_unmapped))
    return usage_error (_("--config keeps the config’s labels: it cannot go with --map or --drop-unmapped"));
  if (config != NULL)
    options.config = config_file = g_file_new_for_commandline_arg (config);
  options.map = map;
  options.link_map = link_map;
  options.drop_unmapped = drop_unmapped;

  input = g_file_new_for_commandline_arg (argv[1]);
  corpus = g_file_new_for_commandline_arg (output);
  inputs = g_ptr_array_new ();
  g_ptr_array_add (inputs, input);
  if (config_file != NULL)
    g_ptr_array_add (inputs, config_file);
  /* Checked before reading too, so that a wrong -o costs nothing. */
  if (!glossa_output_check (corpus, GLOSSA_OUTPUT_FOLDER, inputs, &error))
    return usage_error (error->message);
  records = glossa_import_read (input, &options, &report, NULL, &error);
  if (records == NULL || !glossa_import_write_corpus (records, corpus, &report, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      glossa_import_report_clear (&report);
      return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                        : GLOSSA_EXIT_INVALID;
    }

  print_report (&report, output);
  glossa_import_report_clear (&report);
  return GLOSSA_EXIT_OK;
}
