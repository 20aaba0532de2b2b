/* core-test-util.h: small helpers shared by the core tests
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each core test is one executable built from one file, so the helpers are
 * static inline here rather than a library of their own.
 */

#pragma once

#include <errno.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

/* A fresh folder under the temporary directory; remove it with
 * ct_remove_tree().
 */
static inline char *
ct_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("glossa-core-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static inline void
ct_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)))
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              ct_remove_tree (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline void
ct_write_file (const char *path,
               const char *data,
               gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static inline GBytes *
ct_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Checks that @message contains @needle, showing both when it does not.
 * The test goes on, so that one run reports every wrong message.
 */
#define ct_assert_contains(message, needle)                               \
  G_STMT_START {                                                          \
    const char *ct_m = (message), *ct_n = (needle);                       \
    if (ct_m == NULL || strstr (ct_m, ct_n) == NULL)                      \
      {                                                                   \
        g_test_fail_printf ("%s:%d: message “%s” does not contain “%s”",  \
                            __FILE__, __LINE__, ct_m ? ct_m : "(null)", ct_n); \
      }                                                                   \
  } G_STMT_END

/* The Python interpreter the tests compare against. The build requires it
 * (tests/meson.build), so not finding it is a failure, not a skip.
 */
static inline char *
ct_find_python (void)
{
  char *python = g_find_program_in_path ("python3");

  if (python == NULL)
    g_error ("python3 is not in PATH: the core tests check the format with it");
  return python;
}

/* Runs tests/core/check-annotations.py on @annotations (and @article, if
 * not NULL) and fails the test with its output if it reports a problem.
 */
static inline void
ct_check_with_python (const char *annotations,
                      const char *article)
{
  g_autofree char *python = ct_find_python ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "check-annotations.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, annotations, article, NULL };
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_fail_printf ("check-annotations.py %s %s failed:\n%s%s", annotations,
                        article ? article : "", out, err);
  else
    g_assert_cmpstr (out, ==, "ok\n");
}

/* A regular article of exactly @length ASCII characters, words of five
 * letters separated by spaces.
 */
static inline char *
ct_ascii_article (gsize length)
{
  GString *text = g_string_sized_new (length + 1);

  for (gsize i = 0; i < length; i++)
    g_string_append_c (text, (i % 6 == 5) ? ' ' : "abcde"[i % 6]);
  return g_string_free (text, FALSE);
}
