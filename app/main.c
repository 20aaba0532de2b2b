/* main.c: the glossa binary: a headless command, or the window program
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "glossa-cli.h"

/* This binary links only the core and the commands: GTK, libadwaita and
 * GtkSourceView (about 75 libraries) took a command's start-up ~0.045 s of
 * CPU to load, as much as a grep over the whole corpus. Anything that is not
 * a command goes to glossa-window, which has them.
 */

/* The folder this binary is in, or NULL without /proc. */
static char *
exe_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

/* The catalogues of the build folder when this binary is the one in it,
 * so that a build that was never installed speaks the user's language;
 * the installed ones otherwise.
 */
static const char *
locale_dir (const char *dir)
{
  if (dir != NULL && g_str_equal (dir, BUILD_APPDIR) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

/* The window program: beside this binary in the build folder; installed,
 * in libexecdir under the prefix this binary is in, so that a tree installed
 * with DESTDIR or moved runs its own window and not another installation's;
 * the configured libexecdir otherwise.
 */
static char *
window_program (const char *dir)
{
  const char *bindir = "/" BINDIR_IN_PREFIX;

  if (dir != NULL && g_str_equal (dir, BUILD_APPDIR))
    return g_build_filename (dir, "glossa-window", NULL);

  if (dir != NULL && !g_path_is_absolute (BINDIR_IN_PREFIX) &&
      !g_path_is_absolute (LIBEXECDIR_IN_PREFIX) &&
      g_str_has_suffix (dir, bindir))
    {
      g_autofree char *prefix = g_strndup (dir, strlen (dir) - strlen (bindir));
      g_autofree char *beside = g_build_filename (prefix, LIBEXECDIR_IN_PREFIX, "glossa-window", NULL);

      /* A lone copy of glossa (in ~/bin, say) still finds the installed one. */
      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (LIBEXECDIR, "glossa-window", NULL);
}

/* `glossa stats … --chart KIND …`: the chart is drawn with cairo, which
 * this binary does not link (cairo and the X libraries it needs cost a
 * command ~0.01 s of start-up); glossa-window runs the command instead.
 * GOption takes the option only as “--chart KIND” or “--chart=KIND”; an
 * argument spelled so after “--” is a path, and glossa-window reads it as
 * one too: it is only slower.
 */
static gboolean
draws_chart (int    argc,
             char **argv)
{
  if (!g_str_equal (argv[1], "stats"))
    return FALSE;
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--chart") || g_str_has_prefix (argv[i], "--chart="))
      return TRUE;
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = exe_dir ();
  g_autofree char *window = NULL;
  int saved_errno;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir (dir));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command never opens a display: it must work over ssh and in CI. */
  if (argc >= 2 && glossa_cli_is_command (argv[1]) && !draws_chart (argc, argv))
    return glossa_cli_run (argc, argv);

  /* The window, --help, --version and charts: the same process becomes the
   * window program with the same arguments, so the pid that a desktop, a
   * test or a script started is the window's.
   */
  window = window_program (dir);
  execv (window, argv);
  saved_errno = errno;
  g_printerr (_("glossa: cannot start the window program %s: %s\n"),
              window, g_strerror (saved_errno));
  return GLOSSA_EXIT_INVALID;
}
