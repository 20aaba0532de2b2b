/* bench-guidelines.c: parsing and showing guidelines at the size limit (4 MiB)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "glossa-guidelines.h"
#include "glossa-guidelines-pane.h"

/* The sample guidelines repeated to just under @limit bytes: realistic
 * Markdown with every construct.
 */
static char *
write_guidelines (const char *dir,
                  gsize       limit,
                  gsize      *size)
{
  g_autofree char *sample_path = g_build_filename (g_getenv ("GLOSSA_SOURCE_DIR"), "data", "samples",
                                                   "GUIDELINES.md", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "GUIDELINES.md", NULL);
  gsize length;

  g_file_get_contents (sample_path, &sample, &length, &error);
  g_assert_no_error (error);
  while (text->len + length < limit)
    g_string_append_len (text, sample, length);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  *size = text->len;
  return path;
}

static gboolean
shows_text (GlossaGuidelinesPane *pane)
{
  return g_strcmp0 (glossa_guidelines_pane_get_state (pane), "text") == 0;
}

static GtkWindow *
new_pane (GlossaGuidelinesPane **pane)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 400, 800);
  *pane = GLOSSA_GUIDELINES_PANE (glossa_guidelines_pane_new ());
  gtk_window_set_child (window, GTK_WIDGET (*pane));
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (*pane)))
    g_main_context_iteration (NULL, TRUE);
  return window;
}

/* Wall-clock figures: the worker thread's reading and parsing, then the
 * main thread filling the view between frames (with the longest the main
 * loop was held at a time), then the search counting in idle time.
 */
static void
measure (const char *dir,
         gsize       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaGuidelines) guidelines = NULL;
  GlossaGuidelinesPane *pane;
  GtkWindow *window;
  gint64 started;
  gsize size;
  double parse_ms, show_ms, count_ms, stall_ms = 0;

  path = write_guidelines (dir, limit, &size);
  file = g_file_new_for_path (path);
  started = g_get_monotonic_time ();
  guidelines = glossa_guidelines_load (file, NULL, &error);
  parse_ms = (g_get_monotonic_time () - started) / 1000.0;
  g_assert_no_error (error);

  window = new_pane (&pane);
  started = g_get_monotonic_time ();
  glossa_guidelines_pane_set_location (pane, folder, NULL);
  while (!shows_text (pane))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      stall_ms = MAX (stall_ms, (g_get_monotonic_time () - before) / 1000.0);
    }
  show_ms = (g_get_monotonic_time () - started) / 1000.0;

  started = g_get_monotonic_time ();
  gtk_editable_set_text (glossa_guidelines_pane_get_search_entry (pane), "actor");
  while (glossa_guidelines_pane_get_n_matches (pane) < 0)
    g_main_context_iteration (NULL, TRUE);
  count_ms = (g_get_monotonic_time () - started) / 1000.0;

  g_print ("guidelines of %.3f MB, %u blocks: read and parse %.0f ms; pane shown (read, parse, fill) %.0f ms, "
           "the window held at most %.0f ms at a time; search counts %d matches in %.0f ms\n",
           size / 1e6, guidelines->blocks->len, parse_ms, show_ms, stall_ms,
           glossa_guidelines_pane_get_n_matches (pane), count_ms);
  gtk_window_destroy (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-bench-XXXXXX", &error);

  g_assert_no_error (error);
  gtk_init ();
  adw_init ();
  gtk_source_init ();

  /* The sample itself, guidelines twenty times longer than most, and the limit. */
  measure (dir, 5000);
  measure (dir, 100 * 1000);
  measure (dir, GLOSSA_GUIDELINES_MAX_SIZE);

  g_rmdir (dir);
  return 0;
}
