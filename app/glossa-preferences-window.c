/* glossa-preferences-window.c: the annotator's name and other preferences
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-preferences-window.h"

struct _GlossaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *annotator_row;
  GtkSpinButton        *delay_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (GlossaPreferencesWindow, glossa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GlossaPreferencesWindow *
glossa_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSSA_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/* An empty key means the account's real name: show that name rather than
 * an empty field, and store nothing until the user types another.
 */
static gboolean
annotator_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  g_value_set_string (value, name[0] != '\0' ? name : g_get_real_name ());
  return TRUE;
}

static GVariant *
annotator_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  g_autofree char *name = g_strstrip (g_value_dup_string (value));

  if (g_strcmp0 (name, g_get_real_name ()) == 0)
    return g_variant_new_string ("");
  return g_variant_new_string (name);
}

/* The key is a "u", the spin button's value a double. */
static gboolean
delay_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
delay_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value));
}

static void
glossa_preferences_window_constructed (GObject *object)
{
  GlossaPreferencesWindow *self = GLOSSA_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (glossa_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "annotator", self->annotator_row, "text",
                                G_SETTINGS_BIND_DEFAULT,
                                annotator_get_mapping, annotator_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "auto-save-delay", self->delay_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                delay_get_mapping, delay_set_mapping, NULL, NULL);
}

static void
glossa_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  GlossaPreferencesWindow *self = GLOSSA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_preferences_window_dispose (GObject *object)
{
  GlossaPreferencesWindow *self = GLOSSA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (glossa_preferences_window_parent_class)->dispose (object);
}

static void
glossa_preferences_window_class_init (GlossaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = glossa_preferences_window_constructed;
  object_class->set_property = glossa_preferences_window_set_property;
  object_class->dispose = glossa_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossaPreferencesWindow, delay_spin);
}

static void
glossa_preferences_window_init (GlossaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
