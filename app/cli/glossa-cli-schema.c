/* glossa-cli-schema.c: glossa schema, the effective schema of a corpus and where it comes from
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-label-rename.h"
#include "glossa-schema.h"

static void
print_files (const char * const *files)
{
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_print ("%s\n", files[i]);
}

/* --rename OLD=NEW: the files that change on standard output, one a line
 * (those written, even when a later one fails), the summary on standard
 * error.
 */
static int
rename_label (const char *path,
              const char *spec,
              gboolean    dry_run)
{
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (spec, "=", 2);
  g_autofree char *files_part = NULL;
  g_autofree char *spans_part = NULL;
  guint n_files, n_spans;

  if (g_strv_length (names) != 2 || *names[0] == '\0' || *names[1] == '\0')
    {
      g_printerr (_("%s: --rename: expected OLD=NEW, e.g. actor=person, not “%s”\n"),
                  g_get_prgname (), spec);
      return GLOSSA_EXIT_USAGE;
    }
  rename = glossa_label_rename_new (root, names[0], names[1], NULL, &error);
  if (rename == NULL)
    {
      g_printerr ("%s\n", error->message);
      return GLOSSA_EXIT_INVALID;
    }
  n_files = glossa_label_rename_get_n_files (rename);
  n_spans = glossa_label_rename_get_n_spans (rename);
  files_part = g_strdup_printf (ngettext ("%u file", "%u files", n_files), n_files);
  spans_part = g_strdup_printf (ngettext ("%u span", "%u spans", n_spans), n_spans);
  if (dry_run)
    {
      print_files (glossa_label_rename_get_files (rename));
      g_printerr (_("would rename “%s” to “%s” in %s (%s); nothing written\n"),
                  names[0], names[1], files_part, spans_part);
      return GLOSSA_EXIT_OK;
    }
  if (!glossa_label_rename_apply (rename, &written, &error))
    {
      for (guint i = 0; written != NULL && i < written->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (written, i));
      g_printerr ("%s\n", error->message);
      return GLOSSA_EXIT_INVALID;
    }
  print_files (glossa_label_rename_get_files (rename));
  g_printerr (_("renamed “%s” to “%s” in %s (%s)\n"), names[0], names[1], files_part, spans_part);
  return GLOSSA_EXIT_OK;
}

int
_glossa_cli_schema (int    argc,
                    char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) found = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rename = NULL;
  gboolean dry_run = FALSE;
  int exit_code = GLOSSA_EXIT_OK;
  const GOptionEntry entries[] = {
    { "rename", 0, 0, G_OPTION_ARG_STRING, &rename,
      N_("Rename label OLD to NEW in the schema and every annotation file of the corpus"),
      N_("OLD=NEW") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("With --rename: list the files that would change, write nothing"), NULL },
    { NULL }
  };

  if (!_glossa_cli_parse_options (&argc, &argv, _("PATH"),
                                  _("Prints the schema (labels, keys, colors, relations, overlap\n"
                                    "rules) that applies to PATH, a corpus folder, a JSONL corpus or\n"
                                    "an article, as glossa-schema.json on standard output; standard\n"
                                    "error says which file it comes from, or that it is the built-in\n"
                                    "one. Only glossa-schema.json files at PATH's folder count: for an\n"
                                    "article in a corpus, name the corpus.\n\n"
                                    "With --rename OLD=NEW, PATH is a corpus (a folder or a JSONL\n"
                                    "corpus): the label is renamed in its glossa-schema.json (written\n"
                                    "there when the corpus used the built-in labels) and in every\n"
                                    "annotation file that names it, each file replaced atomically.\n"
                                    "Every file is read and checked before any is written; a file\n"
                                    "changed meanwhile is not written over. The files that change\n"
                                    "are listed on standard output. If writing stops part-way, the\n"
                                    "files listed were renamed and the same command finishes the rest.\n\n"
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
  if (dry_run && rename == NULL)
    {
      g_printerr (_("%s: --dry-run goes with --rename\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }
  if (rename != NULL)
    return rename_label (argv[1], rename, dry_run);

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
