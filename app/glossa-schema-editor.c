/* glossa-schema-editor.c: the window that edits a corpus's labels (glossa-schema.json)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "glossa-json.h"
#include "glossa-label-rename.h"
#include "glossa-label-swatch.h"
#include "glossa-schema-editor.h"
#include "glossa-schema.h"
#include "glossa-storage.h"

/* The editor keeps the schema as read and, while the user types, a
 * candidate: the schema's JSON with the fields changed, read back by the
 * core's own reader. Whatever that reader refuses (a duplicate key, a
 * reserved one, a bad name) is shown beside the field it names, and
 * nothing can be saved until every field reads. Renaming a saved label is
 * not an edit but a rewrite of the corpus: it has its own dialog, which
 * says how many files change first.
 */

/* One label's rows. Labels saved keep their index in the schema; new ones
 * come after them.
 */
typedef struct
{
  GlossaSchemaEditor *editor;        /* unowned */
  GlossaLabel         saved;         /* 0 for a label not saved yet */
  char               *shown_title;   /* the title as first shown */
  char               *saved_color;
  GtkWidget          *row;           /* AdwExpanderRow */
  GtkWidget          *swatch;
  GtkWidget          *name;          /* AdwEntryRow, new labels only */
  GtkWidget          *rename;        /* GtkButton, saved labels only */
  GtkWidget          *title;
  GtkWidget          *key;
  GtkWidget          *color;
  GtkWidget          *overlap;       /* AdwComboRow */
  GtkWidget          *errors[5];     /* under each field, as in fields[] */
  char               *error_text;
} Row;

static const char * const fields[] = { "name", "title", "key", "color", "overlap" };

struct _GlossaSchemaEditor
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toasts;
  GtkLabel            *location_label;
  GtkLabel            *error_label;
  AdwPreferencesGroup *labels_group;

  GFile               *root;
  gboolean             single_article;
  GFile               *file;
  GlossaFileStamp      stamp;
  GlossaSchema        *schema;       /* as read; NULL when it does not read */
  GBytes              *saved_bytes;
  GlossaSchema        *candidate;    /* NULL while an edit does not read */
  GBytes              *candidate_bytes;
  GPtrArray           *rows;         /* of Row */
  GlossaLabelRename   *rename;       /* between the count and the answer */
  GCancellable        *cancellable;
  gboolean             busy;
  gboolean             disposed;      /* a worker's answer then has nowhere to go */
};

G_DEFINE_FINAL_TYPE (GlossaSchemaEditor, glossa_schema_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ROOT,
  PROP_SINGLE_ARTICLE,
  N_PROPS
};

enum {
  PREPARE,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void validate (GlossaSchemaEditor *self);

GlossaSchemaEditor *
glossa_schema_editor_new (GFile    *corpus_root,
                          gboolean  single_article)
{
  g_return_val_if_fail (G_IS_FILE (corpus_root), NULL);

  return g_object_new (GLOSSA_TYPE_SCHEMA_EDITOR,
                       "root", corpus_root,
                       "single-article", single_article,
                       NULL);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->shown_title);
  g_free (row->saved_color);
  g_free (row->error_text);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSchemaLabel, glossa_schema_label_free)

/* Colours */

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255 + .5));
}

static char *
row_color (Row *row)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (row->color), &rgba);
  return rgba_to_hex (&rgba);
}

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
row_name (Row *row)
{
  if (row->name != NULL)
    return g_strstrip (g_strdup (entry_text (row->name)));
  return g_strdup (glossa_label_to_string (row->saved));
}

/* The expander's own lines: the title, then the name, key and rule. */
static void
row_update_summary (Row *row)
{
  g_autofree char *name = row_name (row);
  g_autofree char *color = row_color (row);
  const char *title = entry_text (row->title);
  const char *key = entry_text (row->key);
  guint overlap = adw_combo_row_get_selected (ADW_COMBO_ROW (row->overlap));
  GtkStringObject *rule = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (row->overlap)), overlap);
  g_autofree char *subtitle = NULL;
  g_autoptr(GlossaSchemaLabel) swatch_label = NULL;

  if (*key != '\0')
    /* Translators: a label's summary: its name, its key and its overlap rule. */
    subtitle = g_strdup_printf (_("%s · key %s · overlap: %s"), name, key, gtk_string_object_get_string (rule));
  else
    subtitle = g_strdup_printf (_("%s · no key · overlap: %s"), name, gtk_string_object_get_string (rule));
  g_object_unref (rule);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), *title != '\0' ? title : (*name != '\0' ? name : _("New Label")));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), subtitle);
  swatch_label = glossa_schema_label_new (g_quark_from_string ("swatch"), color);
  glossa_label_swatch_set_color (row->swatch, swatch_label);
}

/* Building the candidate */

static JsonObject *
label_object (JsonArray *labels,
              guint      index)
{
  if (index < json_array_get_length (labels))
    return json_array_get_object_element (labels, index);
  json_array_add_object_element (labels, json_object_new ());
  return json_array_get_object_element (labels, index);
}

static void
set_or_remove (JsonObject *object,
               const char *member,
               const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

static void
row_to_json (Row        *row,
             JsonObject *label,
             JsonObject *overlap)
{
  g_autofree char *name = row_name (row);
  g_autofree char *color = row_color (row);
  guint rule = adw_combo_row_get_selected (ADW_COMBO_ROW (row->overlap));

  json_object_set_string_member (label, "name", name);
  /* An untouched title stays as stored (a built-in one is translated when
   * shown, so what the entry shows is not what the file says).
   */
  if (g_strcmp0 (entry_text (row->title), row->shown_title) != 0)
    set_or_remove (label, "title", entry_text (row->title));
  set_or_remove (label, "key", entry_text (row->key));
  if (g_strcmp0 (color, row->saved_color) != 0)
    {
      json_object_set_string_member (label, "color", color);
      /* The dark variant of another colour: derived again from the new one. */
      set_or_remove (label, "color_dark", NULL);
    }
  if (*name == '\0')
    return;
  if (rule == GLOSSA_OVERLAP_ANY)
    set_or_remove (overlap, name, NULL);
  else
    json_object_set_string_member (overlap, name, glossa_overlap_to_string (rule));
}

static GBytes *
candidate_json (GlossaSchemaEditor *self)
{
  g_autoptr(JsonNode) node = glossa_schema_to_json (self->schema);
  JsonObject *root = json_node_get_object (node);
  JsonArray *labels = json_object_get_array_member (root, "labels");
  JsonObject *overlap = json_object_new ();
  GString *out = g_string_new (NULL);

  if (json_object_has_member (root, "overlap"))
    {
      json_object_unref (overlap);
      overlap = json_object_ref (json_object_get_object_member (root, "overlap"));
    }
  for (guint i = 0; i < self->rows->len; i++)
    row_to_json (g_ptr_array_index (self->rows, i), label_object (labels, i), overlap);
  json_object_set_object_member (root, "overlap", overlap);
  glossa_json_write (out, node, 2);
  return g_string_free_to_bytes (out);
}

/* Errors beside their fields */

static GtkWidget *
row_field (Row        *row,
           const char *field)
{
  if (g_str_equal (field, "name"))
    return row->name != NULL ? row->name : row->rename;
  if (g_str_equal (field, "title"))
    return row->title;
  if (g_str_equal (field, "key"))
    return row->key;
  if (g_str_equal (field, "color"))
    return row->color;
  if (g_str_equal (field, "overlap"))
    return row->overlap;
  if (g_str_equal (field, "rename"))
    return row->rename;
  return NULL;
}

static const char *
field_title (const char *field)
{
  if (g_str_equal (field, "name"))
    return _("Name");
  if (g_str_equal (field, "title"))
    return _("Title");
  if (g_str_equal (field, "key"))
    return _("Key");
  if (g_str_equal (field, "color"))
    return _("Color");
  return _("Overlap");
}

static void
row_set_error (Row        *row,
               const char *field,
               const char *message)
{
  g_clear_pointer (&row->error_text, g_free);
  if (message != NULL)
    /* Translators: an error beside a label's fields: the field, then why. */
    row->error_text = g_strdup_printf (_("%s: %s"), field_title (field), message);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = row_field (row, fields[i]);
      gboolean here = message != NULL && g_strcmp0 (field, fields[i]) == 0;

      if (widget != NULL && here)
        gtk_widget_add_css_class (widget, "error");
      else if (widget != NULL)
        gtk_widget_remove_css_class (widget, "error");
      gtk_label_set_text (GTK_LABEL (row->errors[i]), here ? message : "");
      /* The list's row around the label, or its separator would show. */
      gtk_widget_set_visible (gtk_widget_get_parent (row->errors[i]), here);
    }
  if (message != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->row), TRUE);
}

static Row *
row_named (GlossaSchemaEditor *self,
           const char         *name,
           gsize               len)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autofree char *row_name_text = row_name (row);

      if (strlen (row_name_text) == len && strncmp (row_name_text, name, len) == 0)
        return row;
    }
  return NULL;
}

/* The reader's messages read "FILE:LINE:COLUMN: FIELD: message": a field
 * "labels[2].key" goes beside label 2's key, "overlap.PER" beside PER's
 * rule, anything else above the list.
 */
static void
show_error (GlossaSchemaEditor *self,
            const char         *message)
{
  const char *at = message ? strstr (message, ": labels[") : NULL;
  const char *overlap = message ? strstr (message, ": overlap.") : NULL;
  guint index;
  char field[16] = "";
  int consumed = 0;

  if (at != NULL && sscanf (at, ": labels[%u].%15[a-z_]: %n", &index, field, &consumed) >= 2 &&
      consumed > 0 && index < self->rows->len)
    {
      row_set_error (g_ptr_array_index (self->rows, index), field, at + consumed);
      return;
    }
  if (overlap != NULL)
    {
      const char *name = overlap + strlen (": overlap.");
      const char *end = strstr (name, ": ");
      Row *row = end ? row_named (self, name, end - name) : NULL;

      if (row != NULL)
        {
          row_set_error (row, "overlap", end + 2);
          return;
        }
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (GlossaSchemaEditor *self)
{
  gboolean modified = glossa_schema_editor_get_modified (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->candidate != NULL && modified && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-label",
                                 self->schema != NULL && !self->busy &&
                                 self->rows->len < GLOSSA_SCHEMA_MAX_LABELS);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->rename == NULL)
        continue;
      gtk_widget_set_sensitive (row->rename, !modified && !self->busy);
      gtk_widget_set_tooltip_text (row->rename, modified ? _("Save or undo your changes first: renaming rewrites the corpus’s files")
                                                         : _("Rename this label in every file of the corpus"));
    }
}

/* Reads the candidate back as the core would read the file. */
static void
validate (GlossaSchemaEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) json = NULL;

  if (self->schema == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    row_set_error (g_ptr_array_index (self->rows, i), NULL, NULL);
  show_error (self, NULL);

  g_clear_pointer (&self->candidate, glossa_schema_unref);
  g_clear_pointer (&self->candidate_bytes, g_bytes_unref);
  name = g_file_get_parse_name (self->file);
  json = candidate_json (self);
  self->candidate = glossa_schema_parse (g_bytes_get_data (json, NULL), g_bytes_get_size (json), name, &error);
  if (self->candidate == NULL)
    show_error (self, error->message);
  else
    self->candidate_bytes = glossa_schema_to_bytes (self->candidate);
  update_actions (self);
}

static void
on_field_changed (Row *row)
{
  row_update_summary (row);
  validate (row->editor);
}

/* Rows */

static GtkWidget *
entry_row_new (const char *title,
               const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  return entry;
}

static GtkWidget *
action_row_new (const char *title,
                GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static GtkWidget *
overlap_row_new (GlossaOverlap overlap)
{
  const char * const rules[] = {
    /* Translators: overlap rules: spans of the label may meet any other, … */
    C_("overlap", "Any"), C_("overlap", "Nested only"), C_("overlap", "None"), NULL
  };
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (rules);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Overlap"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("How its spans may meet other spans"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), overlap);
  return row;
}

static void on_rename_clicked (GtkButton *button, Row *row);

/* The field's error goes right under it, hidden while there is none. */
static void
add_field (Row       *row,
           guint      index,
           GtkWidget *field_row)
{
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_start (error, 12);
  gtk_widget_set_margin_end (error, 12);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_set_margin_bottom (error, 6);
  gtk_widget_add_css_class (error, "error");
  row->errors[index] = error;
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), field_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), error);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (error)), FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (error), FALSE);
}

static void
row_add_fields (Row                     *row,
                const GlossaSchemaLabel *label,
                const char              *color)
{
  GdkRGBA rgba;

  if (row->saved != 0)
    {
      GtkWidget *name_row;

      row->rename = gtk_button_new_with_mnemonic (_("_Rename…"));
      name_row = action_row_new (_("Name"), row->rename);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (name_row), glossa_label_to_string (row->saved));
      add_field (row, 0, name_row);
      g_signal_connect (row->rename, "clicked", G_CALLBACK (on_rename_clicked), row);
    }
  else
    {
      row->name = entry_row_new (_("Name"), NULL);
      add_field (row, 0, row->name);
    }
  row->title = entry_row_new (_("Title"), row->shown_title);
  add_field (row, 1, row->title);
  row->key = entry_row_new (_("Key"), label ? label->key : NULL);
  add_field (row, 2, row->key);
  row->color = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (row->color), FALSE);
  gdk_rgba_parse (&rgba, color);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row->color), &rgba);
  add_field (row, 3, action_row_new (_("Color"), row->color));
  row->overlap = overlap_row_new (label ? label->overlap : GLOSSA_OVERLAP_ANY);
  add_field (row, 4, row->overlap);
}

static void
row_connect (Row *row)
{
  GtkWidget *entries[] = { row->name, row->title, row->key };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (entries[i] != NULL)
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (on_field_changed), row);
  g_signal_connect_swapped (row->color, "notify::rgba", G_CALLBACK (on_field_changed), row);
  g_signal_connect_swapped (row->overlap, "notify::selected", G_CALLBACK (on_field_changed), row);
}

/* @label is NULL for a new label. */
static Row *
add_row (GlossaSchemaEditor      *self,
         const GlossaSchemaLabel *label)
{
  Row *row = g_new0 (Row, 1);
  const char *color = label ? label->color : glossa_schema_palette_color (self->rows->len);
  g_autoptr(GlossaSchemaLabel) fresh = glossa_schema_label_new (g_quark_from_string ("swatch"), color);

  row->editor = self;
  row->saved = label ? label->name : 0;
  row->shown_title = g_strdup (label && label->title ? glossa_schema_label_title (label) : "");
  row->saved_color = g_strdup (color);
  row->row = adw_expander_row_new ();
  row->swatch = glossa_label_swatch_new (label ? label : fresh);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row->row), row->swatch);
  row_add_fields (row, label, color);
  row_update_summary (row);
  row_connect (row);
  adw_preferences_group_add (self->labels_group, row->row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* The rows' widgets may outlive them a little (GTK may hold one): they
 * must not call back into a row that is gone.
 */
static void
row_disconnect (Row *row)
{
  GtkWidget *widgets[] = { row->name, row->rename, row->title, row->key, row->color, row->overlap };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      g_signal_handlers_disconnect_by_data (widgets[i], row);
}

static void
clear_rows (GlossaSchemaEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      row_disconnect (row);
      adw_preferences_group_remove (self->labels_group, row->row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Loading */

static void
update_location (GlossaSchemaEditor *self)
{
  g_autofree char *path = g_file_get_parse_name (self->file);
  g_autofree char *text = NULL;

  if (self->single_article)
    text = g_strdup_printf (_("This article is not in a corpus: its labels are those of its folder, saved in %s."), path);
  else if (self->stamp.exists)
    text = g_strdup_printf (_("The labels of this corpus, saved in %s."), path);
  else
    text = g_strdup_printf (_("This corpus has the built-in labels. Saving writes them, with your changes, to %s."), path);
  gtk_label_set_text (self->location_label, text);
}

/* (Re)reads glossa-schema.json, or takes the built-in labels, and shows them. */
static void
load (GlossaSchemaEditor *self)
{
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  g_clear_pointer (&self->schema, glossa_schema_unref);
  g_clear_pointer (&self->saved_bytes, g_bytes_unref);
  g_clear_pointer (&self->candidate, glossa_schema_unref);
  g_clear_pointer (&self->candidate_bytes, g_bytes_unref);
  self->stamp = (GlossaFileStamp) { FALSE, };
  if (g_file_query_exists (self->file, NULL))
    self->schema = glossa_schema_load (self->file, &self->stamp, &error);
  else
    self->schema = glossa_schema_get_default ();
  update_location (self);
  if (self->schema == NULL)
    {
      show_error (self, error->message);
      update_actions (self);
      return;
    }
  self->saved_bytes = glossa_schema_to_bytes (self->schema);
  for (guint i = 0; i < glossa_schema_get_n_labels (self->schema); i++)
    add_row (self, glossa_schema_get_label (self->schema, i));
  validate (self);
}

/* Saving */

static gboolean
write_schema (GlossaSchemaEditor  *self,
              GError             **error)
{
  if (self->stamp.exists)
    return glossa_schema_save (self->candidate, self->file, &self->stamp, error);
  /* A new file: never over one another program made meanwhile. */
  return glossa_file_create_new (self->file, self->candidate_bytes, NULL, error);
}

static void
toast (GlossaSchemaEditor *self,
       const char         *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static gboolean
save (GlossaSchemaEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->candidate == NULL || !glossa_schema_editor_get_modified (self))
    return FALSE;
  if (!write_schema (self, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  load (self);
  toast (self, _("Labels saved"));
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (GLOSSA_SCHEMA_EDITOR (widget));
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closing with edits not saved asks first; Cancel is the default. The
 * editor goes once the dialog, which it holds, has finished answering.
 */
static void
on_close_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   GlossaSchemaEditor *self)
{
  if (g_strcmp0 (response, "discard") == 0 ||
      (g_strcmp0 (response, "save") == 0 && save (self)))
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

static gboolean
glossa_schema_editor_close_request (GtkWindow *window)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (window);
  AdwMessageDialog *dialog;

  /* A rename under way finishes first: its answer belongs here. */
  if (self->busy)
    return TRUE;
  if (!glossa_schema_editor_get_modified (self))
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes to the Labels?"),
                                                       self->candidate != NULL ? NULL
                                                       : _("Some fields are not valid yet, so the changes cannot be saved as they are.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", self->candidate != NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
add_label_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (widget);
  Row *row = add_row (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->row), TRUE);
  gtk_widget_grab_focus (row->name);
  validate (self);
}

/* Renaming */

static void
show_failure (GlossaSchemaEditor *self,
              const char         *heading,
              const GError       *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (GlossaSchemaEditor *self,
          gboolean            busy)
{
  self->busy = busy;
  update_actions (self);
}

/* One rename, from the count to the files written. */
typedef struct
{
  char              *old_name;
  char              *new_name;
  GlossaLabelRename *rename;
  GPtrArray         *written;
} Renaming;

static void
renaming_free (gpointer data)
{
  Renaming *renaming = data;

  g_free (renaming->old_name);
  g_free (renaming->new_name);
  g_clear_pointer (&renaming->rename, glossa_label_rename_free);
  g_clear_pointer (&renaming->written, g_ptr_array_unref);
  g_free (renaming);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Renaming, renaming_free)

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GlossaSchemaEditor *self = source;
  Renaming *renaming = task_data;
  GError *error = NULL;

  renaming->rename = glossa_label_rename_new (self->root, renaming->old_name, renaming->new_name,
                                              cancellable, &error);
  if (renaming->rename == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Renaming *renaming = task_data;
  GError *error = NULL;

  if (glossa_label_rename_apply (renaming->rename, &renaming->written, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
apply_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);
  Renaming *renaming = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->disposed)
    return;
  set_busy (self, FALSE);
  load (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Renamed “%s” to “%s” in %u file",
                                                         "Renamed “%s” to “%s” in %u files",
                                                         renaming->written->len),
                                               renaming->old_name, renaming->new_name,
                                               renaming->written->len);
      toast (self, text);
    }
  else
    show_failure (self, _("Label Not Renamed"), error);
  /* Files written before a failure are news to the window too. */
  if (renaming->written != NULL && renaming->written->len > 0)
    g_signal_emit (self, signals[SAVED], 0);
}

static void
on_confirm_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     GlossaSchemaEditor *self)
{
  Renaming *renaming = g_object_steal_data (G_OBJECT (dialog), "renaming");
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    {
      renaming_free (renaming);
      set_busy (self, FALSE);
      return;
    }
  task = g_task_new (self, self->cancellable, apply_done, NULL);
  g_task_set_task_data (task, renaming, renaming_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
ask_confirmation (GlossaSchemaEditor *self,
                  Renaming           *renaming)
{
  guint n_files = glossa_label_rename_get_n_files (renaming->rename);
  guint n_spans = glossa_label_rename_get_n_spans (renaming->rename);
  g_autofree char *heading = g_strdup_printf (ngettext ("Rename “%s” to “%s” in %u file?",
                                                        "Rename “%s” to “%s” in %u files?", n_files),
                                              renaming->old_name, renaming->new_name, n_files);
  g_autofree char *spans = g_strdup_printf (ngettext ("%u span changes label.", "%u spans change label.", n_spans),
                                            n_spans);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));

  adw_message_dialog_format_body (dialog, "%s %s", spans,
                                  _("Each file is replaced whole, and one that another program changed meanwhile is not written over."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "renaming", renaming, renaming_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
count_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);
  g_autoptr(Renaming) renaming = user_data;
  g_autoptr(GError) error = NULL;

  if (self->disposed)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("Label Not Renamed"), error);
      return;
    }
  ask_confirmation (self, g_steal_pointer (&renaming));
}

void
glossa_schema_editor_rename (GlossaSchemaEditor *self,
                             guint               index,
                             const char         *new_name)
{
  g_autoptr(GTask) task = NULL;
  gboolean ready = TRUE;
  Renaming *renaming;
  Row *row;

  g_return_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self));
  g_return_if_fail (index < self->rows->len);
  row = g_ptr_array_index (self->rows, index);
  g_return_if_fail (row->saved != 0);

  if (self->busy)
    return;
  /* The files must hold every edit of the open article before they are
   * rewritten, or the next save would bring the old name back.
   */
  if (g_signal_has_handler_pending (self, signals[PREPARE], 0, FALSE))
    g_signal_emit (self, signals[PREPARE], 0, &ready);
  if (!ready)
    return;

  renaming = g_new0 (Renaming, 1);
  renaming->old_name = g_strdup (glossa_label_to_string (row->saved));
  renaming->new_name = g_strdup (new_name);
  set_busy (self, TRUE);
  /* The callback owns @renaming (passing it on to the confirmation); the
   * worker only fills it in.
   */
  task = g_task_new (self, self->cancellable, count_done, renaming);
  g_task_set_task_data (task, renaming, NULL);
  g_task_run_in_thread (task, count_thread);
}

/* The Rename dialog: the new name is checked as it is typed, by the same
 * rule the rename itself applies.
 */
static void
on_new_name_changed (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  GlossaSchemaEditor *self = g_object_get_data (G_OBJECT (dialog), "editor");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error-label");
  Row *row = g_object_get_data (G_OBJECT (dialog), "row");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GlossaSchema) renamed = NULL;
  g_autoptr(GError) error = NULL;

  if (*name != '\0' && strcmp (name, glossa_label_to_string (row->saved)) != 0)
    renamed = glossa_schema_copy_renamed (self->schema, row->saved, name, &error);
  gtk_label_set_text (error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), error != NULL);
  adw_message_dialog_set_response_enabled (dialog, "rename", renamed != NULL);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Row              *row)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  guint index;

  if (g_strcmp0 (response, "rename") == 0 && g_ptr_array_find (row->editor->rows, row, &index))
    glossa_schema_editor_rename (row->editor, index, name);
}

static void
on_rename_clicked (GtkButton *button,
                   Row       *row)
{
  GlossaSchemaEditor *self = row->editor;
  const char *old_name = glossa_label_to_string (row->saved);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename Label"), NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  adw_message_dialog_format_body (dialog, _("Annotation files record labels by name: renaming “%s” rewrites every file of the corpus that names it."),
                                  old_name);
  gtk_editable_set_text (GTK_EDITABLE (entry), old_name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "rename", FALSE);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "editor", self);
  g_object_set_data (G_OBJECT (dialog), "row", row);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "error-label", error_label);
  g_signal_connect (entry, "changed", G_CALLBACK (on_new_name_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_rename_response), row);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Accessors */

GFile *
glossa_schema_editor_get_file (GlossaSchemaEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self), NULL);
  return self->file;
}

/* Whether what the fields say differs from the file (new labels count
 * even before they read).
 */
gboolean
glossa_schema_editor_get_modified (GlossaSchemaEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self), FALSE);

  if (self->schema == NULL)
    return FALSE;
  if (self->candidate_bytes == NULL)
    return TRUE;
  return !g_bytes_equal (self->candidate_bytes, self->saved_bytes);
}

guint
glossa_schema_editor_get_n_labels (GlossaSchemaEditor *self)
{
  g_return_val_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self), 0);
  return self->rows->len;
}

GtkWidget *
glossa_schema_editor_get_field (GlossaSchemaEditor *self,
                                guint               index,
                                const char         *field)
{
  g_return_val_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return row_field (g_ptr_array_index (self->rows, index), field);
}

const char *
glossa_schema_editor_get_error (GlossaSchemaEditor *self,
                                guint               index)
{
  g_return_val_if_fail (GLOSSA_IS_SCHEMA_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((Row *) g_ptr_array_index (self->rows, index))->error_text;
}

/* GObject */

static void
glossa_schema_editor_constructed (GObject *object)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);

  G_OBJECT_CLASS (glossa_schema_editor_parent_class)->constructed (object);

  self->file = glossa_schema_file_for_root (self->root);
  load (self);
}

static void
glossa_schema_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      self->root = g_value_dup_object (value);
      break;
    case PROP_SINGLE_ARTICLE:
      self->single_article = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_schema_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;
    case PROP_SINGLE_ARTICLE:
      g_value_set_boolean (value, self->single_article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_schema_editor_dispose (GObject *object)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_SCHEMA_EDITOR);
  G_OBJECT_CLASS (glossa_schema_editor_parent_class)->dispose (object);
}

static void
glossa_schema_editor_finalize (GObject *object)
{
  GlossaSchemaEditor *self = GLOSSA_SCHEMA_EDITOR (object);

  g_clear_object (&self->root);
  g_clear_object (&self->file);
  g_clear_pointer (&self->schema, glossa_schema_unref);
  g_clear_pointer (&self->saved_bytes, g_bytes_unref);
  g_clear_pointer (&self->candidate, glossa_schema_unref);
  g_clear_pointer (&self->candidate_bytes, g_bytes_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (glossa_schema_editor_parent_class)->finalize (object);
}

static void
glossa_schema_editor_class_init (GlossaSchemaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = glossa_schema_editor_constructed;
  object_class->set_property = glossa_schema_editor_set_property;
  object_class->get_property = glossa_schema_editor_get_property;
  object_class->dispose = glossa_schema_editor_dispose;
  object_class->finalize = glossa_schema_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = glossa_schema_editor_close_request;

  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINGLE_ARTICLE] =
    g_param_spec_boolean ("single-article", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PREPARE] = g_signal_new ("prepare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   g_signal_accumulator_first_wins, NULL, NULL,
                                   G_TYPE_BOOLEAN, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossa/Glossa/glossa-schema-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaSchemaEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, GlossaSchemaEditor, location_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSchemaEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSchemaEditor, labels_group);
  gtk_widget_class_install_action (widget_class, "editor.add-label", NULL, add_label_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
glossa_schema_editor_init (GlossaSchemaEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
