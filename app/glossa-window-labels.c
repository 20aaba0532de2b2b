/* glossa-window-labels.c: the window's label buttons and keys, from the document's schema
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-label-keys.h"
#include "glossa-label-swatch.h"
#include "glossa-schema.h"
#include "glossa-window-private.h"

/* The buttons and keys are built again whenever the window shows a
 * document of another schema (another corpus), and when the style turns
 * dark or light (the swatches' colours). A label's buttons, its key and
 * its digit all activate win.tag with the label's name.
 */

/* "1 or A": the keys as GTK names them, in the UI language. */
static char *
keys_text (guint    position,
           gunichar key)
{
  g_autofree char *letter = key ? gtk_accelerator_get_label (gdk_unicode_to_keyval (key), 0) : NULL;

  if (position < GLOSSA_LABEL_KEYS_MAX_DIGIT && letter != NULL)
    /* Translators: the keys that tag with a label: a digit or a letter. */
    return g_strdup_printf (_("%u or %s"), position + 1, letter);
  if (position < GLOSSA_LABEL_KEYS_MAX_DIGIT)
    return g_strdup_printf ("%u", position + 1);
  return g_strdup (letter ? letter : "");
}

static GtkWidget *
label_button_new (const GlossaSchemaLabel *label,
                  guint                    position,
                  gunichar                 key,
                  gboolean                 compact)
{
  GtkWidget *button = gtk_button_new ();
  const char *title = glossa_schema_label_title (label);
  g_autofree char *keys = keys_text (position, key);
  g_autofree char *tooltip = NULL;
  g_autofree char *name = NULL;

  if (keys[0] != '\0')
    /* Translators: a label button's tooltip: the label's title and its keys. */
    tooltip = g_strdup_printf (_("Tag as %s (%s; with Alt: exact characters)"), title, keys);
  else
    tooltip = g_strdup_printf (_("Tag as %s"), title);
  name = g_strdup_printf (_("Tag as %s"), title);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", glossa_label_to_string (label->name));
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "label-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (compact)
    gtk_button_set_child (GTK_BUTTON (button), glossa_label_swatch_new (label));
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), glossa_label_swatch_new (label));
      gtk_box_append (GTK_BOX (box), gtk_label_new (title));
      gtk_button_set_child (GTK_BUTTON (button), box);
    }
  return button;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
build_buttons (GlossaWindow   *self,
               const gunichar *keys)
{
  GlossaSchema *schema = self->label_schema;

  clear_box (self->label_buttons);
  if (self->compact_labels != NULL)
    adw_squeezer_remove (self->label_squeezer, self->compact_labels);
  /* Narrow windows get the swatches alone (AdwSqueezer picks). */
  self->compact_labels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);

      gtk_box_append (GTK_BOX (self->label_buttons), label_button_new (label, i, keys[i], FALSE));
      gtk_box_append (GTK_BOX (self->compact_labels), label_button_new (label, i, keys[i], TRUE));
    }
  adw_squeezer_add (self->label_squeezer, self->compact_labels);
}

static void
add_shortcut (GtkShortcutController *controller,
              GtkShortcutTrigger    *trigger,
              const char            *action,
              const char            *label)
{
  GtkShortcut *shortcut = gtk_shortcut_new (trigger, gtk_named_action_new (action));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (label));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* @keyvals: up to three keys for one label; 0 ends them. */
static GtkShortcutTrigger *
trigger_new (const guint     *keyvals,
             GdkModifierType  modifiers)
{
  GtkShortcutTrigger *trigger = NULL;

  for (guint i = 0; i < 3 && keyvals[i] != 0; i++)
    {
      GtkShortcutTrigger *one = gtk_keyval_trigger_new (keyvals[i], modifiers);

      trigger = trigger ? gtk_alternative_trigger_new (trigger, one) : one;
    }
  return trigger;
}

/* The keys act on the article only (capture phase: see the view's other
 * keys in glossa-window.ui), so typing in the search entry never tags.
 */
static void
build_keys (GlossaWindow   *self,
            const gunichar *keys)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  if (self->label_keys != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (self->view), self->label_keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (controller), "glossa-label-keys");

  for (guint i = 0; i < glossa_schema_get_n_labels (self->label_schema); i++)
    {
      const char *name = glossa_label_to_string (glossa_schema_get_label (self->label_schema, i)->name);
      guint keyvals[4] = { 0, 0, 0, 0 };
      guint n = 0;

      if (i < GLOSSA_LABEL_KEYS_MAX_DIGIT)
        {
          keyvals[n++] = GDK_KEY_1 + i;
          keyvals[n++] = GDK_KEY_KP_1 + i;
        }
      if (keys[i] != 0)
        keyvals[n++] = gdk_unicode_to_keyval (keys[i]);
      if (n == 0)
        continue;
      add_shortcut (controller, trigger_new (keyvals, 0), "win.tag", name);
      add_shortcut (controller, trigger_new (keyvals, GDK_ALT_MASK), "win.tag-exact", name);
    }

  self->label_keys = GTK_EVENT_CONTROLLER (controller);
  gtk_widget_add_controller (GTK_WIDGET (self->view), self->label_keys);
}

static void
rebuild (GlossaWindow *self)
{
  g_autofree gunichar *keys = glossa_label_keys_assign (self->label_schema, GLOSSA_LABEL_KEYS_RESERVED);

  build_buttons (self, keys);
  build_keys (self, keys);
}

/**
 * _glossa_window_labels_set_schema:
 * @schema: (nullable): the document's schema; %NULL for the built-in one
 *
 * Shows @schema's labels in the header bar and binds their keys.
 */
void
_glossa_window_labels_set_schema (GlossaWindow *self,
                                  GlossaSchema *schema)
{
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();

  if (schema == NULL)
    schema = builtin;
  if (self->label_schema == schema)
    return;

  g_clear_pointer (&self->label_schema, glossa_schema_unref);
  self->label_schema = glossa_schema_ref (schema);
  rebuild (self);
}

static void
apply_label_names (GlossaWindow *self)
{
  glossa_article_view_set_show_label_names (self->view, g_settings_get_boolean (self->settings, "show-label-names"));
}

/**
 * _glossa_window_labels_fill_shortcuts:
 * @slots: the Keyboard Shortcuts window's GtkShortcutsShortcut tag_1 … tag_9
 *
 * Lists the document's labels with their digit and letter, so that the
 * window shows the keys that tag here (an Italian user's “Affermazione” is
 * F, not C), however many labels the schema has.
 */
void
_glossa_window_labels_fill_shortcuts (GlossaWindow *self,
                                      GPtrArray    *slots)
{
  g_autofree gunichar *keys = glossa_label_keys_assign (self->label_schema, GLOSSA_LABEL_KEYS_RESERVED);
  guint n_labels = glossa_schema_get_n_labels (self->label_schema);

  for (guint i = 0; i < slots->len; i++)
    {
      GObject *slot = g_ptr_array_index (slots, i);
      g_autofree char *title = NULL;
      g_autofree char *accel = NULL;
      const GlossaSchemaLabel *label;

      if (slot == NULL)
        continue;
      if (i >= n_labels)
        {
          gtk_widget_set_visible (GTK_WIDGET (slot), FALSE);
          continue;
        }
      label = glossa_schema_get_label (self->label_schema, i);
      /* Translators: in the Keyboard Shortcuts window; %s is a label's name */
      title = g_strdup_printf (C_("shortcut window", "Tag as %s"), glossa_schema_label_title (label));
      if (keys[i] != 0)
        {
          g_autofree char *name = gtk_accelerator_name (gdk_unicode_to_keyval (keys[i]), 0);

          accel = g_strdup_printf ("%u %s", i + 1, name);
        }
      else
        accel = g_strdup_printf ("%u", i + 1);
      g_object_set (slot, "title", title, "accelerator", accel, "visible", TRUE, NULL);
    }
}

void
_glossa_window_labels_init (GlossaWindow *self)
{
  g_autoptr(GAction) names = g_settings_create_action (self->settings, "show-label-names");

  _glossa_window_labels_set_schema (self, NULL);

  /* win.show-label-names, Ctrl+Shift+L: names on the spans. */
  g_action_map_add_action (G_ACTION_MAP (self), names);
  g_signal_connect_object (self->settings, "changed::show-label-names",
                           G_CALLBACK (apply_label_names), self, G_CONNECT_SWAPPED);
  apply_label_names (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
}

void
_glossa_window_labels_dispose (GlossaWindow *self)
{
  g_clear_pointer (&self->label_schema, glossa_schema_unref);
}
