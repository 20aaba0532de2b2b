/* test-schema-editor.c: GTK tests of the Labels… editor: add, rekey, errors beside fields, rename
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "glossa-schema.h"
#include "glossa-schema-editor.h"
#include "glossa-window-private.h"

#define ARTICLE "Mario Rossi of ACME met Anna in Rome."
#define SAMPLE "000_5c30643a3adee991.txt"

#define NER_SCHEMA \
  "{\"format\": \"glossa-schema\", \"version\": 1,\n" \
  " \"labels\": [{\"name\": \"PER\", \"title\": \"Person\", \"key\": \"p\", \"color\": \"#1c71d8\"},\n" \
  "            {\"name\": \"ORG\", \"key\": \"o\", \"color\": \"#26a269\"}]}\n"

typedef struct
{
  char         *dir;
  char         *schema_path;
  GlossaWindow *window;
} Fixture;

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* a.txt tags PER twice and ORG once; b.txt and c.txt nothing. */
static void
write_article (Fixture    *f,
               const char *name,
               const char *spans)
{
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", f->dir, name);
  g_autofree char *json_path = g_strdup_printf ("%s/%s.annotations.json", f->dir, name);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ARTICLE, -1);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"glossa-annotations\", \"version\": 1,\n"
    " \"document\": {\"id\": \"%s\", \"file\": \"%s.txt\", \"sha256\": \"%s\", \"length\": %d},\n"
    " \"labels\": [\"PER\", \"ORG\"], \"status\": \"in-progress\", \"annotator\": \"ada\",\n"
    " \"spans\": [%s]}\n",
    name, name, sha, (int) strlen (ARTICLE), spans);

  write_file (txt, ARTICLE);
  write_file (json_path, json);
}

typedef struct
{
  GlossaWindow *window;
  const char   *first_label;
} Labels;

static gboolean
window_has_labels (gpointer data)
{
  Labels *labels = data;
  GtkWidget *first = gtk_widget_get_first_child (labels->window->label_buttons);
  GVariant *target = first ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (first)) : NULL;

  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), labels->first_label) &&
         glossa_window_get_document (labels->window) != NULL &&
         !glossa_window_get_saving (labels->window);
}

static void
wait_labels (GlossaWindow *window,
             const char   *first_label)
{
  Labels labels = { window, first_label };

  g_assert_true (gui_test_wait_for (window_has_labels, &labels, 5000));
  gui_test_iterate (50);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("glossa-gui-schema-XXXXXX", &error);
  g_assert_no_error (error);
  f->schema_path = path_in (f, GLOSSA_SCHEMA_FILE_NAME);
  write_file (f->schema_path, NER_SCHEMA);
  write_article (f, "a",
                 "{\"id\": \"s1\", \"start\": 0, \"end\": 11, \"label\": \"PER\", \"text\": \"Mario Rossi\"},"
                 "{\"id\": \"s2\", \"start\": 15, \"end\": 19, \"label\": \"ORG\", \"text\": \"ACME\"},"
                 "{\"id\": \"s3\", \"start\": 24, \"end\": 28, \"label\": \"PER\", \"text\": \"Anna\"}");
  write_article (f, "b", "");
  write_article (f, "c", "");
  folder = g_file_new_for_path (f->dir);
  f->window = gui_test_open_window (NULL);
  glossa_window_open_file (f->window, folder);
  wait_labels (f->window, "PER");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);

  gui_test_close_window (f->window);
  gui_test_remove_tree (folder);
  g_free (f->dir);
  g_free (f->schema_path);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GlossaSchemaEditor *
open_editor (GlossaWindow *window)
{
  GlossaSchemaEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-labels", NULL));
  gui_test_iterate (50);
  editor = GLOSSA_SCHEMA_EDITOR (find_toplevel (GLOSSA_TYPE_SCHEMA_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static void
close_editor (GlossaSchemaEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_iterate (20);
}

/* Typing into a field: the text the entry gets, as the user would. */
static void
type_into (GlossaSchemaEditor *editor,
           guint               index,
           const char         *field,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (glossa_schema_editor_get_field (editor, index, field)), text);
}

static void
activate (GlossaSchemaEditor *editor,
          const char         *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  gui_test_iterate (20);
}

typedef struct
{
  GlossaWindow *window;
  guint         n;
} Buttons;

static gboolean
has_n_buttons (gpointer data)
{
  Buttons *buttons = data;
  guint n = 0;

  for (GtkWidget *b = gtk_widget_get_first_child (buttons->window->label_buttons); b; b = gtk_widget_get_next_sibling (b))
    n++;
  return n == buttons->n;
}

static void
wait_n_buttons (GlossaWindow *window,
                guint         n)
{
  Buttons buttons = { window, n };

  g_assert_true (gui_test_wait_for (has_n_buttons, &buttons, 5000));
}

/* The labels saved are those the window then tags with: a button per
 * label, with its key in the tooltip.
 */
static void
test_add_label (Fixture       *f,
                gconstpointer  data)
{
  GlossaSchemaEditor *editor = open_editor (f->window);
  g_autoptr(GFile) file = g_file_new_for_path (f->schema_path);
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  GVariant *target;

  g_assert_cmpuint (glossa_schema_editor_get_n_labels (editor), ==, 2);
  g_assert_false (glossa_schema_editor_get_modified (editor));
  activate (editor, "editor.add-label");
  g_assert_cmpuint (glossa_schema_editor_get_n_labels (editor), ==, 3);
  type_into (editor, 2, "name", "DATE");
  type_into (editor, 2, "key", "t");
  type_into (editor, 2, "title", "Date");
  g_assert_null (glossa_schema_editor_get_error (editor, 2));
  g_assert_true (glossa_schema_editor_get_modified (editor));
  activate (editor, "editor.save");
  g_assert_false (glossa_schema_editor_get_modified (editor));

  schema = glossa_schema_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, 3);
  g_assert_cmpstr (glossa_schema_get_label (schema, 2)->key, ==, "t");
  g_assert_cmpstr (glossa_schema_get_label (schema, 2)->title, ==, "Date");
  /* The palette's third colour, given to a label added third. */
  g_assert_cmpstr (glossa_schema_get_label (schema, 2)->color, ==, glossa_schema_palette_color (2));
  g_assert_cmpstr (glossa_schema_get_label (schema, 0)->title, ==, "Person");

  /* The window opens the corpus again, under the new labels. */
  wait_n_buttons (f->window, 3);
  wait_labels (f->window, "PER");
  button = gtk_widget_get_last_child (f->window->label_buttons);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "DATE");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), "Tag as Date (3 or T;"));
  close_editor (editor);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Closing with a label added and not saved asks: Cancel keeps the editor
 * open, Save writes the label and closes.
 */
static void
close_asks (GlossaSchemaEditor *editor,
            const char         *schema_path)
{
  AdwMessageDialog *dialog;
  g_autofree char *saved = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (glossa_schema_editor_get_modified (editor));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "cancel");
  gui_test_iterate (50);
  g_assert_nonnull (editor);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "save");
  gui_test_iterate (50);
  g_assert_null (editor);
  saved = read_file (schema_path);
  g_assert_nonnull (strstr (saved, "\"DATE\""));
}

/* A colour and an overlap rule chosen are saved; the dark variant of the
 * old colour goes with it.
 */
static void
test_recolour (Fixture       *f,
               gconstpointer  data)
{
  GlossaSchemaEditor *editor = open_editor (f->window);
  g_autoptr(GFile) file = g_file_new_for_path (f->schema_path);
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  GdkRGBA red = { 0.8, 0.1, 0.1, 1.0 };

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (glossa_schema_editor_get_field (editor, 1, "color")), &red);
  adw_combo_row_set_selected (ADW_COMBO_ROW (glossa_schema_editor_get_field (editor, 1, "overlap")),
                              GLOSSA_OVERLAP_NONE);
  g_assert_true (glossa_schema_editor_get_modified (editor));
  activate (editor, "editor.save");
  schema = glossa_schema_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_schema_get_label (schema, 1)->color, ==, "#cc1a1a");
  g_assert_null (glossa_schema_get_label (schema, 1)->color_dark);
  g_assert_cmpint (glossa_schema_get_label (schema, 1)->overlap, ==, GLOSSA_OVERLAP_NONE);
  g_assert_cmpint (glossa_schema_get_label (schema, 0)->overlap, ==, GLOSSA_OVERLAP_ANY);
  g_assert_cmpstr (glossa_schema_get_label (schema, 0)->color, ==, "#1c71d8");
  close_editor (editor);
}

/* Whatever the schema reader refuses shows beside its field, and nothing
 * is saved until it reads.
 */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  GlossaSchemaEditor *editor = open_editor (f->window);
  g_autofree char *before = read_file (f->schema_path);
  g_autofree char *after = NULL;
  static const struct
  {
    guint       index;
    const char *field;
    const char *text;
    const char *message;
  } cases[] = {
    { 2, "key", "p", "Key: the key “p” is already used by “PER”" },
    { 2, "key", "P", "Key: the key “P” is already used by “PER”" },
    { 2, "key", "n", "Key: the key “n” is one of Glossa’s own" },
    { 2, "key", "xy", "Key: a key is one visible character" },
    { 2, "name", "per", "Name: " },
    { 2, "name", "a b", "Name: " },
    { 1, "key", "p", "Key: the key “p” is already used by “PER”" },
  };

  activate (editor, "editor.add-label");
  type_into (editor, 2, "name", "DATE");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *error;

      type_into (editor, cases[i].index, cases[i].field, cases[i].text);
      error = glossa_schema_editor_get_error (editor, cases[i].index);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error, cases[i].message))
        g_test_fail_printf ("typing “%s” into %s: “%s”, expected “%s…”",
                            cases[i].text, cases[i].field, error, cases[i].message);
      g_assert_true (gtk_widget_has_css_class (glossa_schema_editor_get_field (editor, cases[i].index, cases[i].field),
                                               "error"));
      activate (editor, "editor.save");
      after = read_file (f->schema_path);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
      /* Put the field right again for the next case. */
      type_into (editor, 1, "key", "o");
      type_into (editor, 2, "name", "DATE");
      type_into (editor, 2, "key", "");
      g_assert_null (glossa_schema_editor_get_error (editor, cases[i].index));
      g_assert_false (gtk_widget_has_css_class (glossa_schema_editor_get_field (editor, cases[i].index, cases[i].field),
                                                "error"));
    }
  close_asks (editor, f->schema_path);
}

static gboolean
file_contains (gpointer data)
{
  const char * const *args = data;
  g_autofree char *contents = read_file (args[0]);

  return strstr (contents, args[1]) != NULL;
}

/* A rename asks with the number of files first, then rewrites them all;
 * the window then tags with the new name.
 */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GlossaSchemaEditor *editor = open_editor (f->window);
  g_autofree char *a_path = path_in (f, "a.annotations.json");
  g_autofree char *a_after = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { f->schema_path, "\"person\"" };
  AdwMessageDialog *dialog;

  /* Not while other edits wait to be saved. */
  type_into (editor, 1, "key", "z");
  g_assert_false (gtk_widget_get_sensitive (glossa_schema_editor_get_field (editor, 0, "rename")));
  type_into (editor, 1, "key", "o");
  g_assert_true (gtk_widget_get_sensitive (glossa_schema_editor_get_field (editor, 0, "rename")));

  /* An edit of the open article not written yet is written first, and
   * renamed with the rest.
   */
  g_assert_nonnull (glossa_document_add_span (glossa_window_get_document (f->window), 32, 36,
                                              g_quark_from_string ("PER"), &error));
  g_assert_no_error (error);
  g_assert_true (glossa_document_get_modified (glossa_window_get_document (f->window)));
  glossa_schema_editor_rename (editor, 0, "person");
  g_assert_true (gui_test_wait_for (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Rename “PER” to “person” in 4 files?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "3 spans change label."));
  /* Nothing is renamed before the answer. */
  a_after = read_file (a_path);
  g_assert_nonnull (strstr (a_after, "\"Rome\""));
  g_assert_null (strstr (a_after, "person"));
  g_clear_pointer (&a_after, g_free);

  adw_message_dialog_response (dialog, "rename");
  g_assert_true (gui_test_wait_for (file_contains, args, 5000));
  wait_labels (f->window, "person");
  a_after = read_file (a_path);
  g_assert_nonnull (strstr (a_after, "\"label\": \"person\""));
  g_assert_nonnull (strstr (a_after, "\"Rome\""));
  g_assert_null (strstr (a_after, "\"PER\""));
  g_assert_cmpuint (glossa_schema_get_n_labels (glossa_document_get_schema (glossa_window_get_document (f->window))), ==, 2);
  close_editor (editor);
}

/* An article opened alone: its folder's labels, in a file made there. */
static void
test_single_article (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (article);
  g_autoptr(GFile) expected = g_file_get_child (folder, GLOSSA_SCHEMA_FILE_NAME);
  GlossaWindow *window = gui_test_open_window (article);
  GlossaSchemaEditor *editor = open_editor (window);
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_equal (glossa_schema_editor_get_file (editor), expected));
  g_assert_false (g_file_query_exists (expected, NULL));
  g_assert_cmpuint (glossa_schema_editor_get_n_labels (editor), ==, 4);
  activate (editor, "editor.add-label");
  type_into (editor, 4, "name", "event");
  activate (editor, "editor.save");
  schema = glossa_schema_load (expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, 5);
  g_assert_cmpstr (glossa_label_to_string (glossa_schema_get_label (schema, 0)->name), ==, "actor");
  wait_n_buttons (window, 5);
  wait_labels (window, "actor");
  g_assert_cmpuint (glossa_schema_get_n_labels (glossa_document_get_schema (glossa_window_get_document (window))), ==, 5);
  close_editor (editor);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/schema-editor/add-label", Fixture, NULL, fixture_set_up, test_add_label, fixture_tear_down);
  g_test_add ("/schema-editor/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/schema-editor/recolour", Fixture, NULL, fixture_set_up, test_recolour, fixture_tear_down);
  g_test_add ("/schema-editor/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add_func ("/schema-editor/single-article", test_single_article);

  return g_test_run ();
}
