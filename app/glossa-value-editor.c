/* glossa-value-editor.c: a dialog that edits a date's value, checked as it is typed
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-timex.h"
#include "glossa-value-editor.h"

/* The entry is checked by the core's validator on every change: below it
 * the value's meaning ("Tuesday 28 December 2021") or what is wrong, and
 * Save is enabled only for a well-formed value or an empty one (which
 * removes the value). Enter saves; the caller makes the change.
 */
struct _GlossaValueEditor
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *entry;
  GtkLabel         *meaning_label;
  char             *value;
};

G_DEFINE_FINAL_TYPE (GlossaValueEditor, glossa_value_editor, ADW_TYPE_MESSAGE_DIALOG)

static void
on_entry_changed (GlossaValueEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meaning = NULL;
  gboolean valid;

  g_free (self->value);
  self->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (self->value[0] == '\0')
    {
      g_clear_pointer (&self->value, g_free);
      valid = TRUE;
      meaning = g_strdup (_("No value: Save removes it"));
    }
  else if ((valid = glossa_timex_check (self->value, &error)))
    meaning = glossa_timex_describe (self->value);
  else
    meaning = g_strdup (error->message);

  gtk_label_set_text (self->meaning_label, meaning ? meaning : "");
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->meaning_label), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->meaning_label), "error");
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

static void
glossa_value_editor_finalize (GObject *object)
{
  GlossaValueEditor *self = GLOSSA_VALUE_EDITOR (object);

  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (glossa_value_editor_parent_class)->finalize (object);
}

static void
glossa_value_editor_class_init (GlossaValueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = glossa_value_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-value-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaValueEditor, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossaValueEditor, meaning_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
}

static void
glossa_value_editor_init (GlossaValueEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * glossa_value_editor_new:
 * @text: the date's text in the article, shown as the body
 * @value: (nullable): its value now
 */
GtkWidget *
glossa_value_editor_new (const char *text,
                         const char *value)
{
  GlossaValueEditor *self = g_object_new (GLOSSA_TYPE_VALUE_EDITOR, "body", text, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), value ? value : "");
  on_entry_changed (self);
  return GTK_WIDGET (self);
}

const char *
glossa_value_editor_get_value (GlossaValueEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_VALUE_EDITOR (self), NULL);
  return self->value;
}

const char *
glossa_value_editor_get_meaning (GlossaValueEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_VALUE_EDITOR (self), NULL);
  return gtk_label_get_text (self->meaning_label);
}

GtkEditable *
glossa_value_editor_get_entry (GlossaValueEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_VALUE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->entry);
}
