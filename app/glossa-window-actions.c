/* glossa-window-actions.c: the window's commands: open, save, tag, select, undo
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-window-private.h"

/* Every command is a GAction: the header bar's buttons, the keys bound on
 * the article view (glossa-window.ui), the shortcuts window and the tests
 * all go through the same path.
 *
 * A "selected span" is a span whose range is the text selection; moving the
 * selection elsewhere unselects it (see on_mark_set()). A label key
 * relabels the selected span, or else tags the selection.
 */

static const char *span_actions[] = {
  "win.delete-span", "win.grow-start", "win.grow-end", "win.shrink-start",
  "win.shrink-end", "win.edit-note",
};

void
_glossa_window_update_actions (GlossaWindow *self)
{
  /* Its error page shows no article to move in or search. */
  gboolean has_document = self->document != NULL && !_glossa_window_shows_article_changed (self);
  gboolean writable = has_document && !glossa_document_get_read_only (self->document);
  gboolean has_span = writable && self->selected_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tag", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tag-exact", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && glossa_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && glossa_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-span", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-span", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_document);
  for (guint i = 0; i < G_N_ELEMENTS (span_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), span_actions[i], has_span);
  _glossa_window_links_update_actions (self);
}

void
_glossa_window_clear_selection (GlossaWindow *self)
{
  if (self->selected_id == NULL)
    return;

  g_clear_pointer (&self->selected_id, g_free);
  glossa_article_view_set_selected_span (self->view, NULL);
  glossa_span_list_select_span (self->span_list, NULL);
  _glossa_window_update_actions (self);
  _glossa_window_links_selection_changed (self);
}

void
_glossa_window_select_span (GlossaWindow *self,
                            GlossaSpan   *span)
{
  /* Relabelling or resizing keeps the id: the next click still cycles on. */
  if (g_strcmp0 (self->clicked_id, span->id) != 0)
    g_clear_pointer (&self->clicked_id, g_free);
  g_free (self->selected_id);
  self->selected_id = g_strdup (span->id);

  self->selecting = TRUE;
  glossa_article_view_select_range (self->view, span->start, span->end);
  self->selecting = FALSE;
  glossa_article_view_set_selected_span (self->view, span);
  glossa_span_list_select_span (self->span_list, span->id);

  _glossa_window_update_actions (self);
  _glossa_window_links_selection_changed (self);
}

void
glossa_window_select_span (GlossaWindow *self,
                           const char   *id)
{
  GlossaSpan *span;

  g_return_if_fail (GLOSSA_IS_WINDOW (self));

  if (id == NULL || self->document == NULL
      || (span = glossa_document_lookup_span (self->document, id)) == NULL)
    {
      _glossa_window_clear_selection (self);
      return;
    }

  _glossa_window_select_span (self, span);
}

static GlossaSpan *
get_selected_span (GlossaWindow *self)
{
  if (self->selected_id == NULL || self->document == NULL)
    return NULL;

  return glossa_document_lookup_span (self->document, self->selected_id);
}

static gint64
span_length (const GlossaSpan *span)
{
  return span->end - span->start;
}

static int
compare_inner_first (gconstpointer a,
                     gconstpointer b)
{
  const GlossaSpan *x = *(GlossaSpan * const *) a;
  const GlossaSpan *y = *(GlossaSpan * const *) b;

  if (span_length (x) != span_length (y))
    return span_length (x) < span_length (y) ? -1 : 1;
  return glossa_span_compare (x, y);
}

/* A click on spans selects the innermost; clicking again, while one of
 * them is selected, moves outward, and from the outermost back in.
 */
void
_glossa_window_on_offset_clicked (GlossaWindow *self,
                                  gint64        offset)
{
  g_autoptr(GPtrArray) spans = NULL;
  const char *current;
  GlossaSpan *span;
  guint next = 0;

  if (self->document == NULL)
    return;

  spans = glossa_document_spans_at (self->document, offset);
  if (spans->len == 0)
    {
      g_clear_pointer (&self->clicked_id, g_free);
      _glossa_window_clear_selection (self);
      return;
    }

  current = self->clicked_id != NULL ? self->clicked_id : self->selected_id;
  g_ptr_array_sort (spans, compare_inner_first);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *candidate = g_ptr_array_index (spans, i);

      if (g_strcmp0 (candidate->id, current) == 0)
        {
          next = (i + 1) % spans->len;
          break;
        }
    }

  span = g_ptr_array_index (spans, next);
  _glossa_window_select_span (self, span);
  g_free (self->clicked_id);
  self->clicked_id = g_strdup (span->id);
}

static gboolean
alt_is_down (GlossaWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkDevice *keyboard = gdk_seat_get_keyboard (gdk_display_get_default_seat (display));

  return keyboard != NULL && (gdk_device_get_modifier_state (keyboard) & GDK_ALT_MASK) != 0;
}

static void
glossa_window_tag (GlossaWindow *self,
                   GlossaLabel   label,
                   gboolean      exact)
{
  g_autoptr(GError) error = NULL;
  GlossaSpan *selected = get_selected_span (self);
  GlossaSpan *span;
  gint64 start, end;

  gtk_widget_grab_focus (GTK_WIDGET (self->view));

  /* The selected span's range is the selection: relabel it. */
  if (selected != NULL)
    {
      if (selected->label == label)
        return;
      span = glossa_document_update_span (self->document, selected->id, selected->start, selected->end,
                                          label, selected->note, &error);
    }
  else if (!glossa_article_view_get_tag_range (self->view, exact || alt_is_down (self), &start, &end))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      return;
    }
  else
    span = glossa_document_add_span (self->document, start, end, label, &error);

  if (span == NULL)
    {
      _glossa_window_show_error (self, error);
      return;
    }

  _glossa_window_select_span (self, span);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlossaLabel label;

  if (!glossa_label_from_string (g_variant_get_string (parameter, NULL), &label))
    g_return_if_reached ();

  glossa_window_tag (GLOSSA_WINDOW (widget), label, g_str_equal (action_name, "win.tag-exact"));
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GlossaSpan *span = get_selected_span (self);
  g_autofree char *id = NULL;

  if (span == NULL)
    return;

  id = g_strdup (span->id);
  _glossa_window_clear_selection (self);
  if (!glossa_document_remove_span (self->document, id, &error))
    _glossa_window_show_error (self, error);
}

static void
resize_span (GlossaWindow *self,
             gboolean      at_start,
             gboolean      grow)
{
  g_autoptr(GError) error = NULL;
  GlossaSpan *span = get_selected_span (self);
  GlossaSpan *changed;
  gint64 start, end;

  if (span == NULL)
    return;

  start = span->start;
  end = span->end;
  if (!glossa_article_view_resize_range (self->view, at_start, grow, &start, &end))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      return;
    }

  changed = glossa_document_update_span (self->document, span->id, start, end, span->label, span->note, &error);
  if (changed == NULL)
    {
      _glossa_window_show_error (self, error);
      return;
    }

  _glossa_window_select_span (self, changed);
}

static void
resize_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  resize_span (GLOSSA_WINDOW (widget),
               g_str_has_suffix (action_name, "-start"),
               g_str_has_prefix (action_name, "win.grow"));
}

/* First span at or after @offset, in the document's order. */
static guint
first_span_from (GlossaDocument *document,
                 gint64          offset)
{
  guint lo = 0;
  guint hi = glossa_document_get_n_spans (document);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (glossa_document_get_span (document, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Tab and Shift+Tab: from the selected span, or else from the caret, to
 * the next or previous span in text order, wrapping around.
 */
static void
move_span_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-span");
  GlossaSpan *selected = get_selected_span (self);
  guint n_spans = glossa_document_get_n_spans (self->document);
  guint index;

  if (n_spans == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      return;
    }

  if (selected != NULL && glossa_document_find_span (self->document, selected, &index))
    index = forward ? (index + 1) % n_spans : (index + n_spans - 1) % n_spans;
  else
    {
      gint64 start, end;

      glossa_article_view_get_selection (self->view, &start, &end);
      index = first_span_from (self->document, start);
      if (forward)
        index = index % n_spans;
      else
        index = (index + n_spans - 1) % n_spans;
    }

  _glossa_window_select_span (self, glossa_document_get_span (self->document, index));
}

static void
unselect_span_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter insert;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_place_cursor (buffer, &insert);
  _glossa_window_clear_selection (self);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autofree char *selected = g_strdup (self->selected_id);

  if (g_str_equal (action_name, "win.undo"))
    glossa_document_undo (self->document);
  else
    glossa_document_redo (self->document);

  /* Keep the span selected when it survived, so undoing a relabel or a
   * resize shows what came back.
   */
  glossa_window_select_span (self, selected);
}

static void
on_note_response (AdwMessageDialog *dialog,
                  const char       *response,
                  GlossaWindow     *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *id = g_object_get_data (G_OBJECT (dialog), "span-id");
  g_autofree char *note = NULL;
  GlossaSpan *span;

  if (!g_str_equal (response, "save") || self->document == NULL
      || (span = glossa_document_lookup_span (self->document, id)) == NULL)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (g_strcmp0 (note[0] ? note : NULL, span->note) == 0)
    return;

  span = glossa_document_update_span (self->document, span->id, span->start, span->end, span->label,
                                      note[0] ? note : NULL, &error);
  if (span == NULL)
    _glossa_window_show_error (self, error);
  else
    _glossa_window_select_span (self, span);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSpan *span = get_selected_span (self);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (span == NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/glossa-note-dialog.ui");
  dialog = GTK_WIDGET (gtk_builder_get_object (builder, "dialog"));
  entry = GTK_WIDGET (gtk_builder_get_object (builder, "entry"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), span->text);
  gtk_editable_set_text (GTK_EDITABLE (entry), span->note ? span->note : "");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "span-id", g_strdup (span->id), g_free);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Written even when unchanged: Ctrl+S makes the annotation file. */
  _glossa_window_save_now (GLOSSA_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  GlossaWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      glossa_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autofree char *last_folder = g_settings_get_string (self->settings, "last-folder");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Articles"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (last_folder[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GtkShortcutLabel shows a key without a symbol of its own by its keysym
 * name, through GTK's translations, which English lacks: "Page_Down" where
 * menus and tooltips say "Page Down". Its key caps are given the name
 * gtk_accelerator_get_label() gives the key, which is the translated one
 * where there is a translation.
 */
static void
glossa_window_format_key_caps (GtkWidget *widget,
                               gboolean   in_shortcut_label)
{
  in_shortcut_label = in_shortcut_label || GTK_IS_SHORTCUT_LABEL (widget);

  if (in_shortcut_label && GTK_IS_LABEL (widget))
    {
      const char *name = gtk_label_get_label (GTK_LABEL (widget));
      guint keyval = strchr (name, '_') != NULL ? gdk_keyval_from_name (name) : GDK_KEY_VoidSymbol;

      if (keyval != GDK_KEY_VoidSymbol)
        {
          g_autofree char *label = gtk_accelerator_get_label (keyval, 0);

          gtk_label_set_label (GTK_LABEL (widget), label);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    glossa_window_format_key_caps (child, in_shortcut_label);
}

/* The Keyboard Shortcuts window is built the first time it is asked for.
 * GtkApplication would build one for every new window (about a tenth of
 * the window's start-up) if it were at gtk/help-overlay.ui under the
 * resource base path, so it is not, and this action stands in for the one
 * GtkApplicationWindow would add.
 */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/glossa-shortcuts-window.ui");
      GPtrArray *slots = g_ptr_array_new ();

      self->help_overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* The label slots, filled in each time below; the window owns them. */
      for (guint i = 1; i <= 9; i++)
        {
          g_autofree char *id = g_strdup_printf ("tag_%u", i);

          g_ptr_array_add (slots, gtk_builder_get_object (builder, id));
        }
      g_object_set_data_full (G_OBJECT (self->help_overlay), "glossa-label-slots", slots,
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_add_weak_pointer (G_OBJECT (self->help_overlay), (gpointer *) &self->help_overlay);
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (self->help_overlay, TRUE);
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
    }

  /* The labels and their keys are the current document's, which another
   * corpus may have changed since the window was last shown.
   */
  _glossa_window_labels_fill_shortcuts (self, g_object_get_data (G_OBJECT (self->help_overlay),
                                                                 "glossa-label-slots"));
  glossa_window_format_key_caps (GTK_WIDGET (self->help_overlay), FALSE);

  gtk_window_present (self->help_overlay);
}

void
_glossa_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const char *resize_actions[] = {
    "win.grow-start", "win.grow-end", "win.shrink-start", "win.shrink-end",
  };

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.tag-exact", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.delete-span", NULL, delete_span_action);
  gtk_widget_class_install_action (widget_class, "win.next-span", NULL, move_span_action);
  gtk_widget_class_install_action (widget_class, "win.previous-span", NULL, move_span_action);
  gtk_widget_class_install_action (widget_class, "win.unselect-span", NULL, unselect_span_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  for (guint i = 0; i < G_N_ELEMENTS (resize_actions); i++)
    gtk_widget_class_install_action (widget_class, resize_actions[i], NULL, resize_action);
}
