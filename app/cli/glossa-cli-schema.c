/* glossa-cli-schema.c: glossa schema, the effective schema of a corpus and where it comes from
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-schema.h"

static const GOptionEntry entries[] = {
  { NULL }
};

int
_glossa_cli_schema (int    argc,
                    char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) found = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("PATH"),
                                  _("Prints the schema (labels, keys, colours, relations, overlap\n"
                                    "rules) that applies to PATH, a corpus folder, a JSONL corpus or\n"
                                    "an article, as glossa-schema.json on standard output; standard\n"
                                    "error says which file it comes from, or that it is the built-in\n"
                                    "one. Only glossa-schema.json files at PATH's folder count: for an\n"
                                    "article in a corpus, name the corpus.\n\n"
                                    "Exit status: 0 when the schema is valid, 1 when it is not (its\n"
                                    "“FILE:LINE:COLUMN: message” on standard error), 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc != 2)
    {
      g_printerr (_("%s: give one corpus or article\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  found = glossa_schema_locate (file, file);
  schema = glossa_schema_find_for (file, file, &error);
  if (schema == NULL)
    {
      g_printerr ("%s\n", error->message);
      return GLOSSA_EXIT_INVALID;
    }
  if (found != NULL)
    g_printerr (_("%s: from %s\n"), argv[1], glossa_schema_get_path (schema));
  else
    g_printerr (_("%s: the built-in schema (no %s)\n"), argv[1], GLOSSA_SCHEMA_FILE_NAME);

  bytes = glossa_schema_to_bytes (schema);
  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  return GLOSSA_EXIT_OK;
}
