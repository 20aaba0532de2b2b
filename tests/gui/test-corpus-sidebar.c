/* test-corpus-sidebar.c: the corpus list, its filters, sorting and progress
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "glossa-corpus-sidebar.h"
#include "gui-test-util.h"

typedef struct
{
  char                *dir;
  GlossaCorpus        *corpus;
  GlossaCorpusSidebar *sidebar;
  GtkWindow           *window;
} Fixture;

/* Writes NAME.txt and, for a status other than todo, its annotation file
 * through the core, so that it is valid.
 */
static void
write_article (Fixture      *f,
               const char   *name,
               const char   *date,
               GlossaStatus  status)
{
  g_autofree char *text = g_strdup_printf ("date %s News about %s.", date, name);
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", f->dir, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (txt, text, -1, &error);
  g_assert_no_error (error);

  if (status != GLOSSA_STATUS_TODO)
    {
      g_autoptr(GFile) file = g_file_new_for_path (txt);
      g_autoptr(GlossaDocument) document = glossa_document_open (file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (glossa_document_add_span (document, 16, 20, GLOSSA_LABEL_CLAIM, &error));
      glossa_document_set_status (document, status);
      g_assert_true (glossa_document_save (document, NULL, &error));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("glossa-sidebar-XXXXXX", &error);
  g_assert_no_error (error);

  /* Names chosen so that plain string order (a1, a10, a11, a2…) would be wrong. */
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%u", i);
      g_autofree char *date = g_strdup_printf ("2024-01-%02u", 13 - i);
      GlossaStatus status = i == 2 || i == 3 ? GLOSSA_STATUS_DONE
                          : i == 10 ? GLOSSA_STATUS_IN_PROGRESS
                          : GLOSSA_STATUS_TODO;
      write_article (f, name, date, status);
    }

  folder = g_file_new_for_path (f->dir);
  f->corpus = glossa_corpus_open (folder, NULL, &error);
  g_assert_no_error (error);
  glossa_corpus_load_statuses (f->corpus, NULL);
  glossa_corpus_load_dates (f->corpus, NULL);

  f->sidebar = GLOSSA_CORPUS_SIDEBAR (glossa_corpus_sidebar_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->sidebar));
  gtk_window_present (f->window);
  glossa_corpus_sidebar_set_corpus (f->sidebar, f->corpus);
  gui_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* gui_test_remove_tree() empties and removes the folder of the file given. */
  g_autofree char *inside = g_build_filename (f->dir, "any", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (inside);

  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->corpus);
  gui_test_remove_tree (folder);
  g_free (f->dir);
}

/* The names the list shows, in order, joined by spaces. */
static char *
shown (Fixture *f)
{
  GListModel *model = glossa_corpus_sidebar_get_model (f->sidebar);
  GString *out = g_string_new (NULL);

  /* Filtering and sorting are incremental: let them finish. */
  gui_test_iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", glossa_corpus_item_get_id (item));
    }
  return g_string_free (out, FALSE);
}

static guint
position_of (Fixture    *f,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->corpus)); i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (f->corpus), i);

      if (g_strcmp0 (glossa_corpus_item_get_id (item), name) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_natural_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *names = shown (f);

  g_assert_cmpstr (names, ==, "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12");
  g_assert_cmpuint (glossa_corpus_sidebar_get_n_done (f->sidebar), ==, 2);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;
  g_autofree char *both = NULL;
  g_autofree char *none = NULL;

  glossa_corpus_sidebar_set_filter (f->sidebar, GLOSSA_STATUS_DONE, NULL);
  done = shown (f);
  g_assert_cmpstr (done, ==, "a2 a3");

  glossa_corpus_sidebar_set_filter (f->sidebar, -1, "A1");
  text = shown (f);
  g_assert_cmpstr (text, ==, "a1 a10 a11 a12");

  glossa_corpus_sidebar_set_filter (f->sidebar, GLOSSA_STATUS_IN_PROGRESS, "a1");
  both = shown (f);
  g_assert_cmpstr (both, ==, "a10");

  glossa_corpus_sidebar_set_filter (f->sidebar, GLOSSA_STATUS_DONE, "a1");
  none = shown (f);
  g_assert_cmpstr (none, ==, "");
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *by_date = NULL;
  g_autofree char *by_status = NULL;
  g_autofree char *by_name = NULL;

  /* Dates run backwards from a1 (2024-01-12) to a12 (2024-01-01). */
  glossa_corpus_sidebar_set_sort (f->sidebar, GLOSSA_CORPUS_SORT_DATE);
  by_date = shown (f);
  g_assert_cmpstr (by_date, ==, "a12 a11 a10 a9 a8 a7 a6 a5 a4 a3 a2 a1");

  /* By status: todo, in progress, done; ties keep natural order. */
  glossa_corpus_sidebar_set_sort (f->sidebar, GLOSSA_CORPUS_SORT_STATUS);
  by_status = shown (f);
  g_assert_cmpstr (by_status, ==, "a1 a4 a5 a6 a7 a8 a9 a11 a12 a10 a2 a3");

  glossa_corpus_sidebar_set_sort (f->sidebar, GLOSSA_CORPUS_SORT_NAME);
  by_name = shown (f);
  g_assert_cmpstr (by_name, ==, "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12");
}

static void
test_neighbor (Fixture       *f,
               gconstpointer  data)
{
  guint next = G_MAXUINT;

  g_assert_true (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a1"), 1, FALSE, &next));
  g_assert_cmpuint (next, ==, position_of (f, "a2"));

  /* "Next not done" passes over a2 and a3. */
  g_assert_true (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a1"), 1, TRUE, &next));
  g_assert_cmpuint (next, ==, position_of (f, "a4"));

  g_assert_true (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a10"), -1, FALSE, &next));
  g_assert_cmpuint (next, ==, position_of (f, "a9"));

  g_assert_false (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a12"), 1, FALSE, &next));
  g_assert_false (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a1"), -1, FALSE, &next));

  /* Moving follows the order shown: by date, a1 is the last one. */
  glossa_corpus_sidebar_set_sort (f->sidebar, GLOSSA_CORPUS_SORT_DATE);
  gui_test_iterate (100);
  g_assert_true (glossa_corpus_sidebar_get_neighbor (f->sidebar, position_of (f, "a2"), 1, FALSE, &next));
  g_assert_cmpuint (next, ==, position_of (f, "a1"));
}

static void
on_activated (GlossaCorpusSidebar *sidebar,
              guint                position,
              gpointer             user_data)
{
  *(guint *) user_data = position;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (glossa_corpus_sidebar_get_model (f->sidebar));
  guint activated = G_MAXUINT;

  g_signal_connect (f->sidebar, "item-activated", G_CALLBACK (on_activated), &activated);
  g_free (shown (f));

  /* Selecting a row (a click, or arrows in the list) opens the article. */
  gtk_single_selection_set_selected (selection, 4);
  g_assert_cmpuint (activated, ==, position_of (f, "a5"));

  /* Selecting from the program (the window moved on) does not. */
  activated = G_MAXUINT;
  glossa_corpus_sidebar_select (f->sidebar, position_of (f, "a7"));
  g_assert_cmpuint (activated, ==, G_MAXUINT);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/corpus-sidebar/natural-order", Fixture, NULL, fixture_set_up, test_natural_order, fixture_tear_down);
  g_test_add ("/gui/corpus-sidebar/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/gui/corpus-sidebar/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/gui/corpus-sidebar/neighbor", Fixture, NULL, fixture_set_up, test_neighbor, fixture_tear_down);
  g_test_add ("/gui/corpus-sidebar/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);

  return g_test_run ();
}
