/* glossa-cli.c: dispatching `glossa COMMAND …` to the headless commands
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-error.h"

typedef struct
{
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "validate", N_("Check annotation files against their articles"), _glossa_cli_validate },
  { "stats",    N_("Count documents by status and spans by label"), _glossa_cli_stats },
  { "export",   N_("Write a corpus as a dataset (JSONL, doccano, brat, CoNLL)"), _glossa_cli_export },
  { "import",   N_("Read a dataset into a corpus of annotation files"), _glossa_cli_import },
  { "agree",    N_("Measure the agreement of two annotators"), _glossa_cli_agree },
  { "quotes",   N_("Suggest quotations and their speakers in articles"), _glossa_cli_quotes },
  { "timex",    N_("Print the dates in articles with their TimeML values"), _glossa_cli_timex },
  { "suggest",  N_("Write a corpus pre-annotated with suggested quotes, dates and known names"), _glossa_cli_suggest },
  { "merge",    N_("Write the spans several annotators agree on as a corpus"), _glossa_cli_merge },
  { "search",   N_("Find a text or pattern in a corpus, in context; tag every match"), _glossa_cli_search },
  { "schema",   N_("Print the labels of a corpus (its glossa-schema.json) and where they come from"), _glossa_cli_schema },
  { "normalize", N_("Fill in the dates' missing values with the date normalizer's"), _glossa_cli_normalize },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
glossa_cli_is_command (const char *arg)
{
  return arg != NULL && find_command (arg) != NULL;
}

void
glossa_cli_print_commands (GString *out)
{
  g_string_append_printf (out, "%s\n", _("Commands (run without a display):"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (out, "\n%s\n", _("Run “glossa COMMAND --help” for a command’s options."));
}

int
glossa_cli_run (int    argc,
                char **argv)
{
  const Command *command;
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (argc >= 2, GLOSSA_EXIT_USAGE);

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("glossa: unknown command “%s”\n"), argv[1]);
      return GLOSSA_EXIT_USAGE;
    }

  prgname = g_strdup_printf ("glossa %s", command->name);
  g_set_prgname (prgname);
  argv[1] = prgname;
  return command->run (argc - 1, argv + 1);
}

gboolean
_glossa_cli_parse_options (int                 *argc,
                           char              ***argv,
                           const char          *parameter,
                           const char          *summary,
                           const GOptionEntry  *entries,
                           int                 *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      *exit_code = GLOSSA_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

/* The core names files by absolute path; messages name them as the user
 * did, so they can be pasted back. The path leads the message ("FILE:
 * message") or, in a file that could not be read, is quoted in it.
 */
static char *
replace_path (const char *message,
              const char *given)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (given);
  g_autofree char *root = g_file_get_path (file);
  g_autofree char *trimmed = NULL;
  const char *at;
  gsize root_len;
  gsize len;

  if (root == NULL || !(at = strstr (message, root)))
    return NULL;
  root_len = strlen (root);
  /* Only the whole path, or a file below it. */
  if (at[root_len] != ':' && at[root_len] != '/' && strncmp (at + root_len, "”", 3) != 0)
    return NULL;
  if (at != message && !(at - message >= 3 && memcmp (at - 3, "“", 3) == 0))
    return NULL;

  trimmed = g_strdup (given);
  len = strlen (trimmed);
  while (len > 1 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';
  return g_strdup_printf ("%.*s%s%s", (int) (at - message), message, trimmed, at + root_len);
}

char *
_glossa_cli_as_given (const char *message,
                      const char *given)
{
  g_autofree char *annotations = NULL;
  char *rewritten;

  if ((rewritten = replace_path (message, given)))
    return rewritten;

  /* A JSONL corpus's messages may name FILE.annotations.jsonl beside it. */
  if (g_str_has_suffix (given, ".jsonl") && !g_str_has_suffix (given, GLOSSA_ANNOTATIONS_JSONL_SUFFIX))
    {
      annotations = g_strdup_printf ("%.*s%s", (int) (strlen (given) - strlen (".jsonl")), given,
                                     GLOSSA_ANNOTATIONS_JSONL_SUFFIX);
      if ((rewritten = replace_path (message, annotations)))
        return rewritten;
    }
  return g_strdup (message);
}

/* A schema file as a message should name it: from the current folder when
 * it is below it, so that it can be pasted back.
 */
static char *
schema_display (GFile *location)
{
  g_autoptr(GFile) cwd = NULL;
  g_autofree char *here = g_get_current_dir ();
  char *relative;

  cwd = g_file_new_for_path (here);
  relative = g_file_get_relative_path (cwd, location);
  return relative != NULL ? relative : g_file_get_parse_name (location);
}

gboolean
_glossa_cli_corpus_label (const char   *corpus,
                          const char   *name,
                          GlossaLabel  *label,
                          GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (corpus);
  g_autoptr(GFile) location = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autofree char *where = NULL;
  g_autofree char *labels = NULL;

  if (!(schema = glossa_corpus_find_schema (file, &location, error)))
    return FALSE;
  if (glossa_label_from_string (name, label) && glossa_schema_label_index (schema, *label) >= 0)
    return TRUE;
  where = location != NULL ? schema_display (location) : NULL;
  labels = glossa_corpus_describe_labels (schema, where);
  /* Translators: "“PERSON” is not a label of this corpus: the labels of
   * corpus/glossa-schema.json are PER, ORG"
   */
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE, _("“%s” is not a label of this corpus: %s"), name, labels);
  return FALSE;
}

char *
_glossa_cli_display_path (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return schema_display (file);
}
