/* main-window.c: glossa-window, the window program that `glossa` starts
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "glossa-application.h"
#include "glossa-cli.h"

/* The catalogues of the build folder when this binary is the one in it,
 * so that a build that was never installed speaks the user's language;
 * the installed ones otherwise.
 */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;

  if (dir != NULL && g_str_equal (dir, BUILD_APPDIR) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossaApplication) app = NULL;
  g_autoptr(GString) commands = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command never opens a display: it must work over ssh and in CI. */
  if (argc >= 2 && glossa_cli_is_command (argv[1]))
    return glossa_cli_run (argc, argv);

  app = glossa_application_new ();

  /* `glossa --help` lists the commands too: they are half of the program. */
  commands = g_string_new (NULL);
  glossa_cli_print_commands (commands);
  g_application_set_option_context_parameter_string (G_APPLICATION (app),
                                                     _("[ARTICLE.txt… | FOLDER | CORPUS.jsonl]"));
  g_application_set_option_context_summary (G_APPLICATION (app),
                                            _("Opens the window on articles, a folder of articles or a JSON Lines corpus."));
  g_application_set_option_context_description (G_APPLICATION (app), commands->str);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
