/* glossa-cli-validate.c: `glossa validate`, checking annotation files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-article.h"
#include "glossa-cli-private.h"
#include "glossa-format.h"
#include "glossa-storage.h"

static gboolean quiet;

static const GOptionEntry entries[] = {
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only the problems"), NULL },
  { NULL }
};

/* @path is shown as the user typed it, so that messages can be pasted back. */
static gboolean
validate_annotations (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article_file = glossa_article_file_for_annotations (file);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *article_name = g_file_get_basename (article_file);
  gboolean ok = TRUE;
  gsize len;

  /* The message names the file: a FIFO or a link to a device is refused
   * at once rather than read without end.
   */
  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  article_path = g_build_filename (dir, article_name, NULL);
  if (g_file_test (article_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = NULL;
      gsize text_len;

      if (!glossa_storage_read_path (article_path, GLOSSA_STORAGE_READ_LIMIT, &text, &text_len, NULL, &error) ||
          !(article = glossa_article_new_from_data (text, text_len, article_path, &error)))
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          ok = FALSE;
        }
    }
  else
    {
      /* Checking the file on its own still finds what is wrong inside it. */
      g_printerr (_("%s: the article %s is missing, so the spans cannot be checked against it\n"),
                  path, article_path);
      ok = FALSE;
    }

  annotations = glossa_format_read (contents, len, path, article, &error);
  if (annotations == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (ok && !quiet)
    g_print (ngettext ("%s: valid, %u span\n", "%s: valid, %u spans\n", annotations->spans->len),
             path, annotations->spans->len);
  return ok;
}

static gboolean
validate_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) annotations_file = glossa_annotations_file_for_article (file);
  g_autofree char *annotations_path = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_file_get_basename (annotations_file);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  annotations_path = g_build_filename (dir, name, NULL);
  if (g_file_test (annotations_path, G_FILE_TEST_EXISTS))
    return validate_annotations (annotations_path);

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &text, &len, NULL, &error) ||
      !(article = glossa_article_new_from_data (text, len, path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (!quiet)
    g_print (_("%s: valid, not annotated yet\n"), path);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Links to folders are followed, each folder once (@visited), so that a
 * link to an enclosing folder cannot make the walk go round.
 */
static gboolean
validate_folder (const char *path,
                 GHashTable *visited,
                 guint      *n_checked)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  const char *name;

  if (!glossa_storage_enter_folder (visited, path))
    return TRUE;
  if (!(dir = g_dir_open (path, 0, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ok &= validate_folder (child, visited, n_checked);
      else if (glossa_is_annotations_file (child))
        {
          ok &= validate_annotations (child);
          (*n_checked)++;
        }
    }
  return ok;
}

int
_glossa_cli_validate (int    argc,
                      char **argv)
{
  gboolean ok = TRUE;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("FILE…"),
                                  _("Checks annotation files (NAME.annotations.json) against the\n"
                                    "article beside each (NAME.txt): the JSON syntax, every field,\n"
                                    "every span's offsets, label and text, and the article's SHA-256.\n"
                                    "A NAME.txt stands for its annotation file; a folder for every\n"
                                    "annotation file below it.\n\n"
                                    "Exit status: 0 when all are valid, 1 when any is not (one line\n"
                                    "per problem on standard error), 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc < 2)
    {
      g_printerr (_("%s: no file given\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GHashTable) visited = glossa_storage_visited_new ();
          guint n_checked = 0;

          ok &= validate_folder (path, visited, &n_checked);
          if (n_checked == 0 && !quiet)
            g_print (_("%s: no annotation files\n"), path);
        }
      else if (g_str_has_suffix (path, ".txt"))
        ok &= validate_article (path);
      else if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_printerr (_("%s: no such file\n"), path);
          ok = FALSE;
        }
      else
        ok &= validate_annotations (path);
    }

  return ok ? GLOSSA_EXIT_OK : GLOSSA_EXIT_INVALID;
}
