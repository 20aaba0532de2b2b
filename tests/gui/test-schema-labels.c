/* test-schema-labels.c: GTK tests of a corpus's own labels in the window: buttons, keys, colours
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "glossa-article-view.h"
#include "glossa-color.h"
#include "glossa-schema.h"
#include "glossa-span-list.h"
#include "glossa-window-private.h"

#define SAMPLE "000_5c30643a3adee991.txt"

/* A CoNLL-style tagset, as issue 11 imports it: keys and colours set by
 * the schema, except EVENT, whose key comes from its title.
 */
static const struct
{
  const char *name;
  const char *title;
  const char *key;
  const char *color;
} ner[] = {
  { "PER", "Person", "p", "#e01b24" },
  { "ORG", "Organisation", "o", "#3584e4" },
  { "LOC", "Location", "l", "#33d17a" },
  { "MISC", "Miscellaneous", "m", "#f6d32d" },
  { "DATE", "Date", "d", "#000000" },
  { "EVENT", "Event", NULL, "#9141ac" },
};

typedef struct
{
  GFile        *article;
  GlossaWindow *window;
} Fixture;

static GlossaSchema *
ner_schema_new (void)
{
  GlossaSchema *schema = glossa_schema_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ner); i++)
    {
      GlossaSchemaLabel *label = glossa_schema_label_new (g_quark_from_string (ner[i].name), ner[i].color);

      label->title = g_strdup (ner[i].title);
      label->key = g_strdup (ner[i].key);
      /* Places are never nested nor crossed (issue 11's overlap rule). */
      if (g_str_equal (ner[i].name, "LOC"))
        label->overlap = GLOSSA_OVERLAP_NONE;
      glossa_schema_add_label (schema, label);
    }
  return schema;
}

/* The window's document again, under the NER schema: what a corpus with
 * that glossa-schema.json gives it.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GFile) annotations_file = NULL;
  GlossaDocument *shown;

  fixture->article = gui_test_copy_sample (SAMPLE);
  fixture->window = gui_test_open_window (fixture->article);
  shown = glossa_window_get_document (fixture->window);
  annotations_file = g_file_get_child (g_file_get_parent (fixture->article), "ner.annotations.json");
  g_clear_pointer (&annotations->schema, glossa_schema_unref);
  annotations->schema = ner_schema_new ();
  document = glossa_document_new_with_annotations (glossa_document_get_article (shown), annotations_file, annotations);
  glossa_window_set_document (fixture->window, document);
  gui_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_close_window (fixture->window);
  gui_test_remove_tree (fixture->article);
  g_clear_object (&fixture->article);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
assert_buttons (GtkWidget *box,
                gboolean   named)
{
  guint i = 0;

  g_assert_cmpuint (count_children (box), ==, G_N_ELEMENTS (ner));
  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button), i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      const char *tooltip = gtk_widget_get_tooltip_text (button);
      g_autofree char *expected = g_strdup_printf ("Tag as %s (%u or %c;", ner[i].title, i + 1,
                                                   g_ascii_toupper (ner[i].key ? ner[i].key[0] : 'e'));

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.tag");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, ner[i].name);
      g_assert_true (g_str_has_prefix (tooltip, expected));
      if (named)
        {
          GtkWidget *label = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, ner[i].title);
        }
    }
}

static void
test_buttons (Fixture       *fixture,
              gconstpointer  data)
{
  assert_buttons (fixture->window->label_buttons, TRUE);
  assert_buttons (fixture->window->compact_labels, FALSE);

  /* Back to an article of the built-in schema: its four labels again. */
  glossa_window_set_document (fixture->window, NULL);
  g_assert_cmpuint (count_children (fixture->window->label_buttons), ==, 4);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* What pressing @keyval on the article does: the shortcut the view's
 * controllers bind to it, activated as GTK would.
 */
static void
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *view = GTK_WIDGET (fixture->window->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            continue;
          found++;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                                       gtk_shortcut_get_arguments (shortcut)));
        }
    }
  /* One binding per key: two would be a collision. */
  g_assert_cmpuint (found, ==, 1);
}

static GlossaLabel
tag_with (Fixture         *fixture,
          const char      *needle,
          guint            keyval,
          GdkModifierType  modifiers)
{
  gint64 start = gui_test_find (fixture->window, needle);
  GlossaDocument *document = glossa_window_get_document (fixture->window);
  g_autoptr(GPtrArray) spans = NULL;
  GlossaSpan *span;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unselect-span", NULL);
  gui_test_select (fixture->window, start, start + g_utf8_strlen (needle, -1));
  press (fixture, keyval, modifiers);
  spans = glossa_document_spans_at (document, start);
  g_assert_cmpuint (spans->len, ==, 1);
  span = g_ptr_array_index (spans, 0);
  g_assert_cmpint (span->end, ==, start + g_utf8_strlen (needle, -1));
  return span->label;
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_p, 0)), ==, "PER");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_o, 0)), ==, "ORG");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  /* Digits tag by position, on the keypad too. */
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_5, 0)), ==, "DATE");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_KP_3, 0)), ==, "LOC");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  /* EVENT sets no key: its title's first letter. */
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_e, 0)), ==, "EVENT");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Biden", GDK_KEY_m, GDK_ALT_MASK)), ==, "MISC");
}

/* The keys of the built-in labels are gone under this schema: a and q
 * tag nothing, c is nobody's.
 */
static void
test_old_keys_gone (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->window->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  const guint gone[] = { GDK_KEY_a, GDK_KEY_q, GDK_KEY_c, GDK_KEY_7 };

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          for (guint k = 0; k < G_N_ELEMENTS (gone); k++)
            g_assert_false (trigger_matches (gtk_shortcut_get_trigger (shortcut), gone[k], 0));
        }
    }
}

/* Every label's tint behind the text keeps 4.5:1 with it, light and dark,
 * whatever the schema's colour (yellow, black), and the underline keeps
 * the schema's own colour.
 */
static void
check_colors (Fixture *fixture,
              gboolean dark)
{
  static const char * const text[2] = { "#504e55", "#c0bfbc" };
  static const char * const background[2] = { "#fcfcfc", "#262626" };

  for (guint i = 0; i < G_N_ELEMENTS (ner); i++)
    for (guint depth = 0; depth < GLOSSA_ARTICLE_VIEW_N_DEPTHS; depth++)
      {
        GtkTextTag *tag = glossa_article_view_get_tag (fixture->window->view, g_quark_from_string (ner[i].name), depth);
        g_autoptr(GdkRGBA) rgba = NULL;
        GlossaColor tint, under, fg, seen;

        g_object_get (tag, "background-rgba", &rgba, NULL);
        tint = (GlossaColor) { rgba->red, rgba->green, rgba->blue };
        glossa_color_parse (background[dark], &under);
        glossa_color_parse (text[dark], &fg);
        glossa_color_blend (&tint, rgba->alpha, &under, &seen);
        g_assert_cmpfloat (glossa_color_contrast (&seen, &fg), >=, GLOSSA_COLOR_MIN_CONTRAST);
        if (depth == 0 && !dark)
          {
            g_autoptr(GdkRGBA) line = NULL;
            GdkRGBA expected;

            g_object_get (tag, "underline-rgba", &line, NULL);
            gdk_rgba_parse (&expected, ner[i].color);
            g_assert_true (gdk_rgba_equal (line, &expected));
          }
      }
}

static void
test_colors (Fixture       *fixture,
             gconstpointer  data)
{
  check_colors (fixture, FALSE);
  gui_test_set_dark (TRUE);
  gui_test_iterate (50);
  check_colors (fixture, TRUE);
  gui_test_set_dark (FALSE);
  gui_test_iterate (50);
}

/* Hovering a span names its label, and every label of the spans nested
 * there, innermost first: colour is not the only cue.
 */
static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  GlossaArticleView *view = fixture->window->view;
  gint64 start = gui_test_find (fixture->window, "Biden");
  g_autofree char *outer = NULL;
  g_autofree char *both = NULL;
  g_autofree char *none = NULL;

  tag_with (fixture, "Biden", GDK_KEY_p, 0);
  outer = glossa_article_view_describe_at (view, start);
  g_assert_cmpstr (outer, ==, "Person");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unselect-span", NULL);
  gui_test_select (fixture->window, start - 4, start + 5);
  press (fixture, GDK_KEY_e, GDK_ALT_MASK);
  both = glossa_article_view_describe_at (view, start + 1);
  g_assert_cmpstr (both, ==, "Person\nEvent");

  none = glossa_article_view_describe_at (view, start - 6);
  g_assert_null (none);
}

/* The view option, from the menu's action to the settings key and the
 * view, and the room it makes between the lines for the names.
 */
static void
test_show_names (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossaArticleView *view = fixture->window->view;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_false (glossa_article_view_get_show_label_names (view));
  g_assert_cmpint (gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-label-names", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-label-names"));
  g_assert_true (glossa_article_view_get_show_label_names (view));
  g_assert_cmpint (gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view)), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-label-names", NULL));
  g_assert_false (g_settings_get_boolean (settings, "show-label-names"));
  g_assert_false (glossa_article_view_get_show_label_names (view));
  g_assert_cmpint (gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view)), ==, 0);
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, needle))
      return TRUE;
  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  GlossaWindow *window = data;

  return has_label_containing (GTK_WIDGET (window->toast_overlay), "cannot be nested with the “LOC” span");
}

/* Tagging against the overlap rule changes nothing and says why, in the
 * window's toast.
 */
static void
test_overlap_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossaDocument *document = glossa_window_get_document (fixture->window);
  gint64 start = gui_test_find (fixture->window, "Joe Biden");

  g_assert_cmpstr (glossa_label_to_string (tag_with (fixture, "Joe Biden", GDK_KEY_l, 0)), ==, "LOC");
  g_assert_false (toast_shown (fixture->window));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unselect-span", NULL);
  gui_test_select (fixture->window, start + 4, start + 9);
  press (fixture, GDK_KEY_p, 0);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);
  g_assert_true (gui_test_wait_for (toast_shown, fixture->window, 3000));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The counts beside the filter, in the schema's order. */
static void
collect_counts (GtkWidget *widget,
                GString   *counts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    g_string_append_printf (counts, "%s ", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_counts (child, counts);
}

static gboolean
list_filled (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (glossa_span_list_get_model (fixture->window->span_list)) == 3;
}

/* The span list's filter offers the schema's labels, and its counts are
 * per label of the schema.
 */
static void
test_span_list (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (fixture->window->span_list);
  GtkDropDown *filter = GTK_DROP_DOWN (find_descendant (list, GTK_TYPE_DROP_DOWN));
  GListModel *choices = gtk_drop_down_get_model (filter);
  g_autoptr(GString) counts = g_string_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, G_N_ELEMENTS (ner) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (ner); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), i + 1), ==, ner[i].title);

  tag_with (fixture, "Joe Biden", GDK_KEY_p, 0);
  tag_with (fixture, "colossal", GDK_KEY_l, 0);
  tag_with (fixture, "President", GDK_KEY_p, 0);
  g_assert_true (gui_test_wait_for (list_filled, fixture, 3000));
  collect_counts (gtk_widget_get_next_sibling (GTK_WIDGET (filter)), counts);
  g_assert_cmpstr (counts->str, ==, "2 0 1 0 0 0 ");
  /* The rows name the labels by their titles in the schema. */
  gui_test_iterate (100);
  g_assert_true (has_label_containing (find_descendant (list, GTK_TYPE_LIST_VIEW), "Person"));
  g_assert_true (has_label_containing (find_descendant (list, GTK_TYPE_LIST_VIEW), "Location"));

  glossa_span_list_set_filter (fixture->window->span_list, g_quark_from_string ("LOC"));
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (glossa_span_list_get_model (fixture->window->span_list)), ==, 1);
  gtk_drop_down_set_selected (filter, 1);
  g_assert_cmpuint (g_list_model_get_n_items (glossa_span_list_get_model (fixture->window->span_list)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/schema-labels/buttons", Fixture, NULL, fixture_set_up, test_buttons, fixture_tear_down);
  g_test_add ("/schema-labels/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/schema-labels/old-keys-gone", Fixture, NULL, fixture_set_up, test_old_keys_gone, fixture_tear_down);
  g_test_add ("/schema-labels/colors", Fixture, NULL, fixture_set_up, test_colors, fixture_tear_down);

  g_test_add ("/schema-labels/tooltip", Fixture, NULL, fixture_set_up, test_tooltip, fixture_tear_down);

  g_test_add ("/schema-labels/show-names", Fixture, NULL, fixture_set_up, test_show_names, fixture_tear_down);

  g_test_add ("/schema-labels/overlap-refused", Fixture, NULL, fixture_set_up, test_overlap_refused, fixture_tear_down);

  g_test_add ("/schema-labels/span-list", Fixture, NULL, fixture_set_up, test_span_list, fixture_tear_down);

  return g_test_run ();
}
