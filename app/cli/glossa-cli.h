/* glossa-cli.h: the headless commands of the glossa binary
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes shared by every command. */
#define GLOSSA_EXIT_OK      0
#define GLOSSA_EXIT_INVALID 1
#define GLOSSA_EXIT_USAGE   2

gboolean glossa_cli_is_command (const char  *arg);
int      glossa_cli_run        (int          argc,
                                char       **argv);
void     glossa_cli_print_commands (GString *out);

G_END_DECLS
