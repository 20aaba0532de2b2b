/* glossa-cli-private.h: what the commands share
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-cli.h"
#include "glossa-types.h"

G_BEGIN_DECLS

/* Each command gets argv with argv[0] = "glossa COMMAND" and returns an exit
 * code. Usage errors go to stderr with GLOSSA_EXIT_USAGE.
 */
int  _glossa_cli_validate (int argc, char **argv);
int  _glossa_cli_stats    (int argc, char **argv);
int  _glossa_cli_export   (int argc, char **argv);
int  _glossa_cli_import   (int argc, char **argv);
int  _glossa_cli_agree    (int argc, char **argv);
int  _glossa_cli_quotes   (int argc, char **argv);
int  _glossa_cli_timex    (int argc, char **argv);
int  _glossa_cli_suggest  (int argc, char **argv);
int  _glossa_cli_merge    (int argc, char **argv);
int  _glossa_cli_search   (int argc, char **argv);
int  _glossa_cli_schema   (int argc, char **argv);
int  _glossa_cli_normalize (int argc, char **argv);

/* Parses @entries from @argv (as GOptionContext does) with @parameter and
 * @summary for --help. Returns FALSE after printing the usage error.
 */
gboolean _glossa_cli_parse_options (int           *argc,
                                    char        ***argv,
                                    const char    *parameter,
                                    const char    *summary,
                                    const GOptionEntry *entries,
                                    int           *exit_code);

/* @message with the absolute path of @given, where it names that file or
 * one below it, written as @given was.
 */
char    *_glossa_cli_as_given      (const char    *message,
                                    const char    *given);

/* Sets @label to the label @name of the schema the corpus @corpus (as
 * given) is read with. Otherwise FALSE with @error: GLOSSA_ERROR_USAGE for
 * a name that is not one of its labels (the message lists them and names
 * the schema file), another code for a schema file that cannot be read.
 */
gboolean _glossa_cli_corpus_label  (const char    *corpus,
                                    const char    *name,
                                    GlossaLabel   *label,
                                    GError       **error);

/* @file's path relative to the working folder, or its parse name. */
char    *_glossa_cli_display_path  (GFile         *file);

G_END_DECLS
