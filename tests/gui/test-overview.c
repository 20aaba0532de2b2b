/* test-overview.c: the corpus overview window reads a corpus, shows its figures, compares and saves charts
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts are checked through the figures they are drawn from (what
 * glossa_overview_page_get_chart_data() gives the drawing areas), and looked
 * at in screenshots written to the build folder:
 * overview-WHAT-WIDTH-STYLE-LANGUAGE.png (LANGUAGE=it for Italian).
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-overview-page.h"
#include "gui-test-util.h"

#define TEXT "Anna Keller met Marco Rossi in Rome on Tuesday."

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* NAME.txt and NAME.annotations.json with @spans_json, a JSON array. */
static void
write_doc (const char *dir,
           const char *name,
           const char *status,
           const char *spans_json)
{
  g_autofree char *txt = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann = g_strconcat (name, ".annotations.json", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TEXT, -1);
  g_autofree char *json = NULL;

  write_file (dir, txt, TEXT);
  if (status == NULL)
    return;
  json = g_strdup_printf ("{\"format\": \"glossa-annotations\", \"version\": 1, \"document\": "
                          "{\"id\": \"%s\", \"file\": \"%s\", \"sha256\": \"%s\", \"length\": %d, "
                          "\"date\": null}, \"labels\": [\"actor\", \"quote\", \"claim\", \"date\"], "
                          "\"status\": \"%s\", \"annotator\": \"\", \"spans\": %s}\n",
                          name, txt, sha, (int) strlen (TEXT), status, spans_json);
  write_file (dir, ann, json);
}

#define ACTOR(id, created) \
  "{\"id\": \"" id "\", \"start\": 0, \"end\": 11, \"label\": \"actor\", \"text\": \"Anna Keller\", " \
  "\"created\": \"" created "\"}"
#define DATE(id, created) \
  "{\"id\": \"" id "\", \"start\": 39, \"end\": 46, \"label\": \"date\", \"text\": \"Tuesday\", " \
  "\"created\": \"" created "\"}"

/* Six documents: two done, one in progress, two to do, one unreadable;
 * actor 3, date 2; spans on the 1st (2), 2nd (1) and 4th (2).
 */
static char *
make_corpus (void)
{
  char *dir = g_dir_make_tmp ("glossa-overview-XXXXXX", NULL);

  write_doc (dir, "a", "done", "[" ACTOR ("s1", "2026-05-01T09:00:00Z") ", "
                               DATE ("s2", "2026-05-02T09:00:00Z") "]");
  write_doc (dir, "b", "done", "[" ACTOR ("s1", "2026-05-04T09:00:00Z") ", "
                               DATE ("s2", "2026-05-04T10:00:00Z") "]");
  write_doc (dir, "c", "in-progress", "[" ACTOR ("s1", "2026-05-01T11:00:00Z") "]");
  write_doc (dir, "d", "todo", "[]");
  write_doc (dir, "e", NULL, NULL);
  write_doc (dir, "f", NULL, NULL);
  write_file (dir, "f.annotations.json", "{\"format\": ");
  return dir;
}

static gboolean
not_loading (gpointer data)
{
  return !glossa_overview_page_get_loading (data);
}

static GlossaOverviewPage *
open_page (const char *dir,
           int         width)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GlossaOverviewPage *page;

  corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_no_error (error);
  page = glossa_overview_page_new (corpus);
  /* The figures are read in a worker: the window shows a spinner first. */
  g_assert_true (glossa_overview_page_get_loading (page));
  gtk_window_set_default_size (GTK_WINDOW (page), width, 900);
  gtk_window_present (GTK_WINDOW (page));
  g_assert_true (gui_test_wait_for (not_loading, page, 20000));
  gui_test_iterate (300);
  return page;
}

static void
assert_values (const GlossaChartData *data,
               const char * const    *names,
               const double          *values,
               guint                  n)
{
  g_assert_nonnull (data);
  g_assert_cmpuint (data->categories->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (data->categories, i), ==, names[i]);
      g_assert_cmpfloat (glossa_chart_data_get (data, i, 0), ==, values[i]);
    }
}

static void
save_screenshot (GtkWidget  *window,
                 const char *what)
{
  g_autofree char *stem = g_strdup_printf ("overview-%s", what);
  g_autofree char *path = gui_test_screenshot_path (window, stem);

  gui_test_save_png (window, path);
}

/* The status chart: the first drawing area in the page. */
static GtkWidget *
first_drawing_area (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_drawing_area (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_figures (gconstpointer user_data)
{
  gboolean dark = GPOINTER_TO_INT (user_data) & 1;
  int width = GPOINTER_TO_INT (user_data) & 2 ? 700 : 1400;
  const char * const statuses[] = { C_("status", "To do"), C_("status", "In progress"), C_("status", "Done"),
                                    C_("status", "Cannot be read") };
  const double status_values[] = { 2, 1, 2, 1 };
  const char * const labels[] = { "actor", "quote", "claim", "date" };
  const double label_values[] = { 3, 0, 0, 2 };
  const char * const days[] = { "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04" };
  const double spans[] = { 0, 2, 3, 3, 5 };
  g_autofree char *dir = make_corpus ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  GlossaOverviewPage *page;
  const GlossaChartData *agreement;

  gui_test_set_dark (dark);
  page = open_page (dir, width);

  assert_values (glossa_overview_page_get_chart_data (page, GLOSSA_CHART_STATUS), statuses, status_values, 4);
  assert_values (glossa_overview_page_get_chart_data (page, GLOSSA_CHART_LABELS), labels, label_values, 4);
  assert_values (glossa_overview_page_get_chart_data (page, GLOSSA_CHART_PROGRESS), days, spans, 5);
  /* Documents done, cumulative: a on the 2nd, b on the 4th. */
  g_assert_cmpfloat (glossa_chart_data_get (glossa_overview_page_get_chart_data (page, GLOSSA_CHART_PROGRESS), 2, 1), ==, 1);
  g_assert_cmpfloat (glossa_chart_data_get (glossa_overview_page_get_chart_data (page, GLOSSA_CHART_PROGRESS), 4, 1), ==, 2);
  agreement = glossa_overview_page_get_chart_data (page, GLOSSA_CHART_AGREEMENT);
  g_assert_cmpuint (agreement->categories->len, ==, 0);
  g_assert_nonnull (strstr (glossa_overview_page_get_summary (page), "6"));
  g_assert_nonnull (strstr (glossa_overview_page_get_summary (page), "5"));

  /* Screen readers get the figures of each chart in words. */
  {
    GtkWidget *area = first_drawing_area (GTK_WIDGET (page));
    g_autofree char *expected = g_strdup_printf ("%s: %s: 2; %s: 1; %s: 2; %s: 1", _("Documents by Status"),
                                                 statuses[0], statuses[1], statuses[2], statuses[3]);
    g_autofree char *mismatch = NULL;

    g_assert_nonnull (area);
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                   expected);
    g_assert_null (mismatch);
  }
  save_screenshot (GTK_WIDGET (page), "corpus");
  gtk_window_destroy (GTK_WINDOW (page));
  gui_test_iterate (50);
  gui_test_set_dark (FALSE);
  gui_test_remove_tree (root);
}

/* A second annotator's folder: agreement per label, as glossa agree gives it. */
static void
test_against (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *other = g_dir_make_tmp ("glossa-overview-b-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  GlossaOverviewPage *page;
  const GlossaChartData *data;

  write_doc (other, "a", "done", "[" ACTOR ("s1", "2026-05-01T09:00:00Z") "]");
  page = open_page (dir, 1400);
  glossa_overview_page_set_against (page, other_file);
  g_assert_true (glossa_overview_page_get_loading (page));
  g_assert_true (gui_test_wait_for (not_loading, page, 20000));
  gui_test_iterate (300);

  /* a: A has actor and date, B the same actor: actor F1 1, date F1 none
   * (B has no date, so recall's denominator is 0).
   */
  data = glossa_overview_page_get_chart_data (page, GLOSSA_CHART_AGREEMENT);
  g_assert_cmpuint (data->categories->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (data->categories, 0), ==, "actor");
  g_assert_cmpfloat (glossa_chart_data_get (data, 0, 0), ==, 1.0);
  g_assert_cmpstr (g_ptr_array_index (data->categories, 4), ==, _("Overall"));
  g_assert_cmpfloat_with_epsilon (glossa_chart_data_get (data, 4, 0), 2.0 / 3.0, 1e-9);
  save_screenshot (GTK_WIDGET (page), "agreement");

  gtk_window_destroy (GTK_WINDOW (page));
  gui_test_iterate (50);
  gui_test_remove_tree (root);
  gui_test_remove_tree (other_file);
}

static void
check_svg_start (const char *text,
                 gsize       len)
{
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (g_strstr_len (text, len, "<svg"));
  g_assert_true (g_str_has_suffix (g_strchomp ((char *) text), "</svg>"));
}

/* Saved as shown, at least 640×400; written whole through the storage
 * layer; a folder that cannot be written gives a message naming the file.
 */
static void
test_export (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *out = g_dir_make_tmp ("glossa-overview-out-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (out, "labels.png", NULL);
  g_autofree char *svg_path = g_build_filename (out, "status.svg", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) out_dir = g_file_new_for_path (out);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  GlossaOverviewPage *page = open_page (dir, 1400);

  g_assert_true (glossa_overview_page_export (page, GLOSSA_CHART_LABELS, GLOSSA_CHART_PNG, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (glossa_overview_page_export (page, GLOSSA_CHART_STATUS, GLOSSA_CHART_SVG, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &len, NULL));
  check_svg_start (contents, len);

  if (g_chmod (out, 0500) == 0 && g_access (out, W_OK) != 0)
    {
      g_autofree char *denied = g_build_filename (out, "denied.png", NULL);
      g_autoptr(GFile) denied_file = g_file_new_for_path (denied);

      g_assert_false (glossa_overview_page_export (page, GLOSSA_CHART_STATUS, GLOSSA_CHART_PNG,
                                                   denied_file, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "denied.png"));
      g_assert_false (g_file_test (denied, G_FILE_TEST_EXISTS));
    }
  g_chmod (out, 0700);

  gtk_window_destroy (GTK_WINDOW (page));
  gui_test_iterate (50);
  gui_test_remove_tree (root);
  gui_test_remove_tree (out_dir);
}

static GlossaOverviewPage *
find_page (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  GlossaOverviewPage *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GLOSSA_IS_OVERVIEW_PAGE (window))
        {
          g_assert_null (found);  /* never two */
          found = GLOSSA_OVERVIEW_PAGE (window);
        }
    }
  return found;
}

/* Ctrl+I once the corpus is open (it opens in the background). */
static gboolean
overview_opens (gpointer data)
{
  gtk_widget_activate_action (data, "win.overview", NULL);
  return find_page () != NULL;
}

/* win.overview (Ctrl+I, the primary menu): nothing without a corpus; once,
 * then the same window again; gone with the annotation window.
 */
static void
test_from_window (void)
{
  g_autofree char *dir = make_corpus ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  GlossaWindow *window = gui_test_open_window (NULL);
  GlossaOverviewPage *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.overview", NULL);
  gui_test_iterate (50);
  g_assert_null (find_page ());

  glossa_window_open_file (window, root);
  g_assert_true (gui_test_wait_for (overview_opens, window, 10000));
  page = find_page ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (page)) == GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (not_loading, page, 20000));
  g_assert_nonnull (strstr (glossa_overview_page_get_summary (page), "6"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.overview", NULL);
  gui_test_iterate (50);
  g_assert_true (find_page () == page);

  gui_test_close_window (window);
  gui_test_iterate (50);
  g_assert_null (find_page ());
  gui_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  /* gtk_test_init() leaves the C locale, in which LANGUAGE is ignored. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_data_func ("/gui/overview/figures/1400/light", GINT_TO_POINTER (0), test_figures);
  g_test_add_data_func ("/gui/overview/figures/1400/dark", GINT_TO_POINTER (1), test_figures);
  g_test_add_data_func ("/gui/overview/figures/700/light", GINT_TO_POINTER (2), test_figures);
  g_test_add_data_func ("/gui/overview/figures/700/dark", GINT_TO_POINTER (3), test_figures);
  g_test_add_func ("/gui/overview/against", test_against);
  g_test_add_func ("/gui/overview/export", test_export);
  g_test_add_func ("/gui/overview/from-window", test_from_window);

  return g_test_run ();
}
