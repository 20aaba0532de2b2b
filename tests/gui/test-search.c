/* test-search.c: Search the Corpus (Ctrl+Shift+F) and Find in the article (Ctrl+F)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-corpus.h"
#include "glossa-search-item.h"
#include "glossa-search-window.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

/* "Lima" four times in two articles, one already tagged, none in c. */
static const char *texts[] = {
  "Ana Lima opened the bridge. Lima smiled.",
  "The port of Lima closed; LIMA agreed.",
  "Nobody here.",
};
static const char *names[] = { "a", "b", "c" };

typedef struct
{
  char         *dir;
  GlossaWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossaDocument) document = NULL;

  f->dir = g_dir_make_tmp ("glossa-search-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.txt", f->dir, names[i]);
      g_file_set_contents (path, texts[i], -1, &error);
      g_assert_no_error (error);
    }
  /* b's Lima is an actor already, as another session left it. */
  article = g_file_new_build_filename (f->dir, "b.txt", NULL);
  document = glossa_document_open (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (document, 12, 16, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));

  folder = g_file_new_for_path (f->dir);
  f->window = gui_test_open_window (NULL);
  glossa_window_open_file (f->window, folder);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (f->dir, "any", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  gui_test_close_window (f->window);
  gui_test_remove_tree (file);
  g_free (f->dir);
}

static gboolean
has_document (gpointer data)
{
  GlossaWindow *window = data;

  return glossa_window_get_document (window) != NULL && !glossa_window_get_saving (window);
}

static gboolean
search_done (gpointer data)
{
  return !glossa_search_window_get_searching (data);
}

static GlossaSearchWindow *
search_corpus (Fixture    *f,
               const char *query)
{
  GlossaSearchWindow *dialog;

  g_assert_true (gui_test_wait_for (has_document, f->window, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-corpus", NULL));
  dialog = GLOSSA_SEARCH_WINDOW (_glossa_window_get_search_window (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  glossa_search_window_set_query (dialog, query);
  g_assert_true (gui_test_wait_for (search_done, dialog, 5000));
  gui_test_iterate (20);
  return dialog;
}

static char *
item_string (GlossaSearchItem *item,
             const char       *property)
{
  char *value = NULL;

  g_object_get (item, property, &value, NULL);
  return value;
}

static void
test_results_and_count (Fixture       *f,
                        gconstpointer  data)
{
  GlossaSearchWindow *dialog = search_corpus (f, "lima");
  GListModel *hits = glossa_search_window_get_hits (dialog);
  static const char *articles[] = { "a", "a", "b", "b" };
  static const char *labels[] = { "", "", "actor", "" };

  g_assert_cmpstr (glossa_search_window_get_status (dialog), ==, "4 matches in 2 articles");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GlossaSearchItem) item = g_list_model_get_item (hits, i);
      g_autofree char *article = item_string (item, "article");
      g_autofree char *label = item_string (item, "label");
      g_autofree char *match = item_string (item, "match");

      g_assert_cmpstr (article, ==, articles[i]);
      g_assert_cmpstr (label, ==, labels[i]);
      g_assert_cmpint (g_ascii_strcasecmp (match, "lima"), ==, 0);
    }

  /* A new query replaces the results. */
  glossa_search_window_set_query (dialog, "lima opened");
  g_assert_true (gui_test_wait_for (search_done, dialog, 5000));
  g_assert_cmpstr (glossa_search_window_get_status (dialog), ==, "1 match in 1 article");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
}

/* Emptying the entry empties the list; Ctrl+Shift+F again shows the same window. */
static void
test_empty_query (Fixture       *f,
                  gconstpointer  data)
{
  GlossaSearchWindow *dialog = search_corpus (f, "lima");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-corpus", NULL));
  g_assert_true (GTK_WIDGET (dialog) == _glossa_window_get_search_window (f->window));
  glossa_search_window_set_query (dialog, "");
  g_assert_cmpuint (g_list_model_get_n_items (glossa_search_window_get_hits (dialog)), ==, 0);
  g_assert_cmpstr (glossa_search_window_get_status (dialog), ==, "Type to search every article of the corpus");
}

typedef struct
{
  GlossaWindow *window;
  const char   *text;
  gint64        start;
  gint64        end;
} Selected;

static gboolean
is_selected (gpointer data)
{
  Selected *s = data;
  GlossaDocument *document = glossa_window_get_document (s->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (s->window->view));
  GtkTextIter start, end;

  if (document == NULL ||
      g_strcmp0 (glossa_article_get_text (glossa_document_get_article (document)), s->text) != 0)
    return FALSE;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  return gtk_text_iter_get_offset (&start) == s->start && gtk_text_iter_get_offset (&end) == s->end;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activating a row opens its article with the match selected, ready to tag. */
static void
test_activate_opens_match (Fixture       *f,
                           gconstpointer  data)
{
  GlossaSearchWindow *dialog = search_corpus (f, "lima");
  GtkWidget *list = find_child (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);
  Selected selected = { f->window, texts[1], 12, 16 };
  Selected second = { f->window, texts[0], 28, 32 };

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 2);
  g_assert_true (gui_test_wait_for (is_selected, &selected, 5000));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->window->view)));

  /* Back to another article, and within the one shown. */
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_true (gui_test_wait_for (is_selected, &second, 5000));
  second.start = 4;
  second.end = 8;
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (gui_test_wait_for (is_selected, &second, 5000));

  /* The keys then tag the match. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "s", "actor"));
  g_assert_cmpuint (glossa_document_count_label (glossa_window_get_document (f->window), GLOSSA_LABEL_ACTOR), ==, 1);
}

static GtkWidget *
find_message_dialog (void)
{
  return GTK_WIDGET (gui_test_find_message_dialog ());
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static guint
actors_on_disk (Fixture    *f,
                const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.annotations.json", f->dir, name);
  g_autofree char *contents = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  guint n = 0;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return 0;
  annotations = glossa_format_read (contents, len, path, NULL, NULL);
  g_assert_nonnull (annotations);
  for (guint i = 0; i < annotations->spans->len; i++)
    if (((GlossaSpan *) g_ptr_array_index (annotations->spans, i))->label == GLOSSA_LABEL_ACTOR)
      n++;
  return n;
}

typedef struct
{
  Fixture    *f;
  const char *name;
  guint       n;
} OnDisk;

static gboolean
has_actors (gpointer data)
{
  OnDisk *d = data;

  return actors_on_disk (d->f, d->name) == d->n;
}

/* Tag All asks with the count, then tags the article shown in its own
 * document (one undo step) and the others on disk.
 */
static void
test_tag_all (Fixture       *f,
              gconstpointer  data)
{
  GlossaSearchWindow *dialog = search_corpus (f, "lima");
  GlossaDocument *shown;
  GtkWidget *message;
  OnDisk b = { f, "b", 2 };

  g_assert_cmpuint (glossa_search_window_get_n_untagged (dialog), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "search.tag-all", "s", "actor"));
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 5000));
  message = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Tag All 3 Matches as actor?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "tag");

  g_assert_true (gui_test_wait_for (has_actors, &b, 5000));
  shown = glossa_window_get_document (f->window);
  g_assert_cmpstr (glossa_article_get_text (glossa_document_get_article (shown)), ==, texts[0]);
  g_assert_cmpuint (glossa_document_count_label (shown, GLOSSA_LABEL_ACTOR), ==, 2);
  g_assert_true (glossa_document_can_undo (shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (glossa_document_count_label (shown, GLOSSA_LABEL_ACTOR), ==, 0);
}

static gboolean
count_is (gpointer data)
{
  GlossaWindow *window = ((gpointer *) data)[0];
  const char *expected = ((gpointer *) data)[1];

  return g_strcmp0 (glossa_search_bar_get_count (window->find_bar), expected) == 0;
}

static void
wait_count (GlossaWindow *window,
            const char   *expected)
{
  gpointer data[2] = { window, (gpointer) expected };

  /* The search context counts in idle time, slowly on a busy machine. */
  if (!gui_test_wait_for (count_is, data, 20000))
    g_error ("the find bar says “%s”, not “%s”", glossa_search_bar_get_count (window->find_bar), expected);
}

/* Ctrl+F in the article: "3 of 12", next and previous, Tag All in Article. */
static void
test_find_in_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-find-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "twelve.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (NULL);
  GlossaWindow *window;
  GlossaDocument *document;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "Para %u: the port reopened.\n", i + 1);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  window = gui_test_open_window (file);
  document = glossa_window_get_document (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "port");
  wait_count (window, "12 matches");
  g_signal_emit_by_name (window->search_entry, "activate");
  wait_count (window, "1 of 12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  wait_count (window, "3 of 12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL));
  wait_count (window, "2 of 12");
  /* Backwards from the first wraps to the last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL));
  wait_count (window, "12 of 12");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->find_bar), "search-bar.tag-all", "s", "claim"));
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_CLAIM), ==, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_CLAIM), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "harbour");
  wait_count (window, "No matches");

  gui_test_close_window (window);
  gui_test_remove_tree (file);
}

/* The first menu button under @widget whose menu's items go to @action. */
static GMenuModel *
find_menu (GtkWidget  *widget,
           const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *menu = GTK_IS_MENU_BUTTON (child) ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) : NULL;
      g_autofree char *name = NULL;

      if (menu != NULL && g_menu_model_get_n_items (menu) > 0 &&
          g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return menu;
      if ((menu = find_menu (child, action)) != NULL)
        return menu;
    }
  return NULL;
}

static char *
menu_labels (GMenuModel *menu)
{
  GString *labels = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_string_append_printf (labels, "%s%s", i > 0 ? "|" : "", label);
    }
  return g_string_free (labels, FALSE);
}

static gboolean
find_bar_offers_per (gpointer data)
{
  GlossaWindow *window = data;
  GMenuModel *menu = find_menu (GTK_WIDGET (window->find_bar), "search-bar.tag-all");
  g_autofree char *labels = menu != NULL ? menu_labels (menu) : NULL;

  return labels != NULL && g_str_has_prefix (labels, "Tag All in Article as PER");
}

/* Tag All, in the corpus and in the article, offers the labels of the
 * corpus's glossa-schema.json, not the built-in ones.
 */
static void
test_schema_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-search-schema-XXXXXX", &error);
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *schema = g_build_filename (dir, "glossa-schema.json", NULL);
  g_autofree char *inside = g_build_filename (dir, "any", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) tree = g_file_new_for_path (inside);
  g_autofree char *corpus_labels = NULL;
  g_autofree char *article_labels = NULL;
  Fixture f = { dir, NULL };
  GlossaSearchWindow *dialog;

  g_file_set_contents (article, "Ana Lima met Lima Costa.", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (schema,
                       "{\"format\": \"glossa-schema\", \"version\": 1, \"labels\": ["
                       "{\"name\": \"PER\", \"key\": \"p\", \"color\": \"#1c71d8\"},"
                       "{\"name\": \"ORG\", \"key\": \"o\", \"color\": \"#26a269\"}]}", -1, &error);
  g_assert_no_error (error);
  f.window = gui_test_open_window (NULL);
  glossa_window_open_file (f.window, folder);

  dialog = search_corpus (&f, "lima");
  g_assert_cmpstr (glossa_search_window_get_status (dialog), ==, "2 matches in 1 article");
  corpus_labels = menu_labels (find_menu (GTK_WIDGET (dialog), "search.tag-all"));
  g_assert_cmpstr (corpus_labels, ==, "Tag All 2 as PER|Tag All 2 as ORG");

  /* The find bar follows the document from an idle, late on a busy
   * machine, and later still while the search window is drawn.
   */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.find", NULL));
  gui_test_wait_for (find_bar_offers_per, f.window, 20000);
  article_labels = menu_labels (find_menu (GTK_WIDGET (f.window->find_bar), "search-bar.tag-all"));
  g_assert_cmpstr (article_labels, ==, "Tag All in Article as PER|Tag All in Article as ORG");

  gui_test_close_window (f.window);
  gui_test_remove_tree (tree);
}

static void
on_hits_changed (GListModel *hits,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GArray     *sizes)
{
  if (added > 0)
    g_array_append_val (sizes, added);
}

/* Many hits go into the list a screenful at a time while the list is
 * short, then all at once; the count says all that was found meanwhile,
 * and the list ends with every hit, in text order.
 */
static void
test_rows_in_chunks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-search-chunks-XXXXXX", &error);
  g_autofree char *inside = g_build_filename (dir, "any", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) tree = g_file_new_for_path (inside);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  Fixture f = { dir, NULL };
  GlossaSearchWindow *dialog;
  GListModel *hits;
  guint total = 0;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "Lima %u. ", i);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%c.txt", dir, 'a' + i);

      g_file_set_contents (path, text->str, -1, &error);
      g_assert_no_error (error);
    }
  f.window = gui_test_open_window (NULL);
  glossa_window_open_file (f.window, folder);
  g_assert_true (gui_test_wait_for (has_document, f.window, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.search-corpus", NULL));
  dialog = GLOSSA_SEARCH_WINDOW (_glossa_window_get_search_window (f.window));
  hits = glossa_search_window_get_hits (dialog);
  g_signal_connect (hits, "items-changed", G_CALLBACK (on_hits_changed), sizes);
  glossa_search_window_set_query (dialog, "lima");
  g_assert_true (gui_test_wait_for (search_done, dialog, 20000));
  g_signal_handlers_disconnect_by_func (hits, on_hits_changed, sizes);

  g_assert_cmpstr (glossa_search_window_get_status (dialog), ==, "1200 matches in 2 articles");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1200);
  for (guint i = 0; i < sizes->len; i++)
    {
      guint added = g_array_index (sizes, guint, i);

      /* Short of 200 items, no more than 24 come at a time. */
      if (total < 200)
        g_assert_cmpuint (added, <=, 24);
      total += added;
    }
  g_assert_cmpuint (total, ==, 1200);
  g_assert_cmpuint (g_array_index (sizes, guint, 0), >, 0);
  for (guint i = 0; i < 1200; i++)
    {
      g_autoptr(GlossaSearchItem) item = g_list_model_get_item (hits, i);
      g_autofree char *article = item_string (item, "article");

      g_assert_cmpstr (article, ==, i < 600 ? "a" : "b");
      if (i > 0 && i != 600)
        {
          g_autoptr(GlossaSearchItem) before = g_list_model_get_item (hits, i - 1);

          g_assert_cmpint (glossa_search_item_get_start (before), <, glossa_search_item_get_start (item));
        }
    }
  gui_test_close_window (f.window);
  gui_test_remove_tree (tree);
}

static void
save_shot (GtkWidget  *widget,
           const char *what)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *name = g_strdup_printf ("search-%s-%d-%s.png", what, gtk_widget_get_width (widget),
                                           dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (GLOSSA_BUILD_ROOT, name, NULL);

  gui_test_save_png (widget, path);
}

static gboolean
has_width (gpointer data)
{
  GtkWidget *widget = ((gpointer *) data)[0];

  return gtk_widget_get_width (widget) == GPOINTER_TO_INT (((gpointer *) data)[1]);
}

/* Screenshots of the search window at 700 and 1400 pixels, light and dark,
 * for a person to look at; the test checks only that they are made.
 */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  GlossaSearchWindow *dialog = search_corpus (f, "lima");
  static const int widths[] = { 700, 1400 };

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
        {
          gpointer wanted[2] = { dialog, GINT_TO_POINTER (widths[i]) };

          gtk_window_set_default_size (GTK_WINDOW (dialog), widths[i], 500);
          gtk_window_unmaximize (GTK_WINDOW (dialog));
          gui_test_wait_for (has_width, wanted, 2000);
          gui_test_iterate (100);
          save_shot (GTK_WIDGET (dialog), "corpus");
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/search/results-and-count", Fixture, NULL, fixture_set_up, test_results_and_count,
              fixture_tear_down);
  g_test_add ("/gui/search/empty-query", Fixture, NULL, fixture_set_up, test_empty_query,
              fixture_tear_down);
  g_test_add ("/gui/search/activate-opens-match", Fixture, NULL, fixture_set_up, test_activate_opens_match,
              fixture_tear_down);
  g_test_add ("/gui/search/tag-all", Fixture, NULL, fixture_set_up, test_tag_all, fixture_tear_down);
  g_test_add_func ("/gui/search/find-in-article", test_find_in_article);
  g_test_add_func ("/gui/search/schema-labels", test_schema_labels);
  g_test_add_func ("/gui/search/rows-in-chunks", test_rows_in_chunks);
  g_test_add ("/gui/search/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
