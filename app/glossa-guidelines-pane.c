/* glossa-guidelines-pane.c: the side pane showing a corpus's annotation guidelines (F1)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "glossa-guidelines.h"
#include "glossa-guidelines-pane.h"
#include "glossa-resources.h"

/* Changes on disk come in bursts (an editor's save is several events). */
#define RELOAD_DELAY_MS 150
/* Blocks put into the text between two frames: a few milliseconds' work. */
#define FILL_BLOCKS 200

struct _GlossaGuidelinesPane
{
  GtkWidget               parent_instance;

  GtkLabel               *file_label;
  GtkSearchEntry         *search_entry;
  GtkLabel               *match_label;
  GtkStack               *stack;
  GtkScrolledWindow      *scrolled;
  GtkTextView            *view;
  AdwStatusPage          *none_page;
  AdwStatusPage          *error_page;

  GtkSourceBuffer        *buffer;
  GtkSourceSearchContext *search;

  /* Where to look, and what was found there. The guidelines are read only
   * while the pane is shown: a hidden pane costs nothing (dirty is set
   * instead, and the pane loads when it is mapped).
   */
  GFile                  *folder;
  GFile                  *root;
  GFile                  *file;
  GCancellable           *cancellable;
  /* One monitor per folder looked in (a GUIDELINES.md may appear in any),
   * and one on the file found, which may be a link to another folder.
   */
  GPtrArray              *monitors;
  guint                   reload_source;
  /* The search context notifies its count before it says it has finished
   * counting: until it does, the label is updated again shortly.
   */
  guint                   count_source;
  /* The guidelines being put into the buffer, and how many blocks are in. */
  GlossaGuidelines       *filling;
  guint                   filled;
  guint                   fill_source;
  guint                   dirty : 1;
};

G_DEFINE_FINAL_TYPE (GlossaGuidelinesPane, glossa_guidelines_pane, GTK_TYPE_WIDGET)

GtkWidget *
glossa_guidelines_pane_new (void)
{
  return g_object_new (GLOSSA_TYPE_GUIDELINES_PANE, NULL);
}

static void glossa_guidelines_pane_reload (GlossaGuidelinesPane *self);

/* Text tags: the look of each block and style. Sizes are relative, so the
 * pane follows the text size of the desktop.
 */
static void
create_tags (GlossaGuidelinesPane *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GdkRGBA dim = { 0.5, 0.5, 0.5, 1.0 };
  GdkRGBA shade = { 0.5, 0.5, 0.5, 0.15 };
  GdkRGBA current = { 0.96, 0.47, 0.0, 0.45 };

  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6,
                              "pixels-above-lines", 6, "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.35,
                              "pixels-above-lines", 12, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h4", "weight", PANGO_WEIGHT_BOLD, "pixels-above-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", "background-rgba", &shade, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "target", "foreground-rgba", &dim, "scale", 0.85, NULL);
  gtk_text_buffer_create_tag (buffer, "code-block", "family", "monospace", "wrap-mode", GTK_WRAP_CHAR,
                              "left-margin", 24, "paragraph-background-rgba", &shade, NULL);
  gtk_text_buffer_create_tag (buffer, "rule", "foreground-rgba", &dim, "justification", GTK_JUSTIFY_CENTER, NULL);
  gtk_text_buffer_create_tag (buffer, "marker", "foreground-rgba", &dim, NULL);
  /* The match Enter went to: the selection alone is faint while the
   * search entry has the focus. Made last, so that it shows over the rest.
   */
  gtk_text_buffer_create_tag (buffer, "current-match", "background-rgba", &current, NULL);
}

/* The tag indenting a list item or quote @depth levels in: made when first
 * needed. Items hang, so that their wrapped lines start under the text.
 */
static GtkTextTag *
indent_tag (GlossaGuidelinesPane *self,
            const char           *kind,
            guint                 depth)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));
  g_autofree char *name = g_strdup_printf ("%s-%u", kind, depth);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    {
      gboolean list = g_str_equal (kind, "list");

      tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), name,
                                        "left-margin", 12 + (list ? 24 : 16) * (depth + (list ? 1 : 0)),
                                        "indent", list ? -16 : 0,
                                        "pixels-below-lines", list ? 3 : 6,
                                        NULL);
      /* Quotes are set in italics; lists keep their emphasis visible. */
      if (!list)
        g_object_set (tag, "style", PANGO_STYLE_ITALIC, NULL);
      /* Tags made later win: emphasis and bold must still show inside. */
      gtk_text_tag_set_priority (tag, 0);
    }
  return tag;
}

static void
insert (GlossaGuidelinesPane *self,
        GtkTextIter          *end,
        const char           *text,
        const char           *tag1,
        const char           *tag2,
        const char           *tag3)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *names[] = { tag1, tag2, tag3 };
  GtkTextIter start;
  int offset;

  /* Most text is plain: inserted without looking for where it starts. */
  if (tag1 == NULL && tag2 == NULL && tag3 == NULL)
    {
      gtk_text_buffer_insert (buffer, end, text, -1);
      return;
    }
  offset = gtk_text_iter_get_offset (end);
  gtk_text_buffer_insert (buffer, end, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL)
      gtk_text_buffer_apply_tag_by_name (buffer, names[i], &start, end);
}

static GtkTextTag *
block_tag (GlossaGuidelinesPane  *self,
           GlossaGuidelinesBlock *block)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));
  g_autofree char *heading = NULL;

  switch (block->kind)
    {
    case GLOSSA_GUIDELINES_HEADING:
      heading = g_strdup_printf ("h%u", MIN (block->level, 4));
      return gtk_text_tag_table_lookup (table, heading);
    case GLOSSA_GUIDELINES_BULLET:
    case GLOSSA_GUIDELINES_NUMBERED:
      return indent_tag (self, "list", block->level);
    case GLOSSA_GUIDELINES_QUOTE:
      return indent_tag (self, "quote", block->level);
    case GLOSSA_GUIDELINES_CODE:
      return gtk_text_tag_table_lookup (table, "code-block");
    case GLOSSA_GUIDELINES_RULE:
      return gtk_text_tag_table_lookup (table, "rule");
    case GLOSSA_GUIDELINES_PARAGRAPH:
    default:
      return NULL;
    }
}

/* A link is shown as its text, followed by its target when that differs:
 * the pane opens nothing, but the target can be read and copied.
 */
static void
insert_runs (GlossaGuidelinesPane  *self,
             GtkTextIter           *end,
             GlossaGuidelinesBlock *block)
{
  g_autoptr(GString) link_text = g_string_new (NULL);

  for (guint i = 0; i < block->runs->len; i++)
    {
      GlossaGuidelinesRun *run = g_ptr_array_index (block->runs, i);
      GlossaGuidelinesRun *next = i + 1 < block->runs->len ? g_ptr_array_index (block->runs, i + 1) : NULL;
      GlossaGuidelinesStyle style = run->style;

      insert (self, end, run->text,
              style & GLOSSA_GUIDELINES_STYLE_BOLD ? "bold" : NULL,
              style & GLOSSA_GUIDELINES_STYLE_EMPHASIS ? "emphasis" : NULL,
              style & GLOSSA_GUIDELINES_STYLE_CODE ? "code" : style & GLOSSA_GUIDELINES_STYLE_LINK ? "link" : NULL);
      if (run->url == NULL)
        continue;
      g_string_append (link_text, run->text);
      if (next != NULL && g_strcmp0 (next->url, run->url) == 0)
        continue;
      if (!g_str_equal (link_text->str, run->url))
        {
          g_autofree char *target = g_strdup_printf (" (%s)", run->url);

          insert (self, end, target, "target", NULL, NULL);
        }
      g_string_truncate (link_text, 0);
    }
}

static void
insert_block (GlossaGuidelinesPane  *self,
              GtkTextIter           *end,
              GlossaGuidelinesBlock *block)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextTag *tag = block_tag (self, block);
  GtkTextIter start;
  int offset;

  if (!gtk_text_iter_is_start (end))
    gtk_text_buffer_insert (buffer, end, "\n", 1);
  offset = gtk_text_iter_get_offset (end);

  if (block->kind == GLOSSA_GUIDELINES_BULLET)
    insert (self, end, "•  ", "marker", NULL, NULL);
  else if (block->kind == GLOSSA_GUIDELINES_NUMBERED)
    {
      g_autofree char *number = g_strdup_printf ("%u.  ", block->number);

      insert (self, end, number, "marker", NULL, NULL);
    }
  else if (block->kind == GLOSSA_GUIDELINES_RULE)
    insert (self, end, "⁂", NULL, NULL, NULL);

  insert_runs (self, end, block);
  if (tag != NULL)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      gtk_text_buffer_apply_tag (buffer, tag, &start, end);
    }
}

static void follow_style       (GlossaGuidelinesPane *self);
static void update_match_label (GlossaGuidelinesPane *self);

/* A new buffer for each version shown, filled while no view shows it
 * (several times faster than filling the view's, whose layout each
 * insertion would invalidate), with a search of its own.
 */
static void
new_buffer (GlossaGuidelinesPane *self)
{
  GtkSourceSearchSettings *settings;

  g_clear_object (&self->search);
  g_clear_object (&self->buffer);
  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  create_tags (self);
  follow_style (self);

  self->search = gtk_source_search_context_new (self->buffer, NULL);
  settings = gtk_source_search_context_get_settings (self->search);
  gtk_source_search_settings_set_wrap_around (settings, TRUE);
  g_object_bind_property (self->search_entry, "text", settings, "search-text", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search, "notify::occurrences-count",
                           G_CALLBACK (update_match_label), self, G_CONNECT_SWAPPED);
}

/* Shows the buffer once it is whole, where the last version was read. */
static void
finish_filling (GlossaGuidelinesPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double scrolled_to = gtk_adjustment_get_value (adjustment);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start;

  g_clear_pointer (&self->filling, glossa_guidelines_free);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_set_buffer (self->view, buffer);
  update_match_label (self);
  gtk_adjustment_set_value (adjustment, scrolled_to);
  gtk_stack_set_visible_child_name (self->stack, "text");
}

/* Fills FILL_BLOCKS blocks at a time: the few of most guidelines at once,
 * the tens of thousands of huge ones between frames, so that the window
 * never waits on them.
 */
static gboolean
fill_some (gpointer user_data)
{
  GlossaGuidelinesPane *self = user_data;
  guint n_blocks = self->filling->blocks->len;
  guint limit = MIN (self->filled + FILL_BLOCKS, n_blocks);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &end);
  for (; self->filled < limit; self->filled++)
    insert_block (self, &end, g_ptr_array_index (self->filling->blocks, self->filled));
  if (self->filled < n_blocks)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  finish_filling (self);
  return G_SOURCE_REMOVE;
}

static void
stop_filling (GlossaGuidelinesPane *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->filling, glossa_guidelines_free);
}

static void
show_guidelines (GlossaGuidelinesPane *self,
                 GlossaGuidelines     *guidelines)
{
  stop_filling (self);
  new_buffer (self);
  self->filling = guidelines;
  self->filled = 0;
  if (fill_some (self) == G_SOURCE_CONTINUE)
    self->fill_source = g_idle_add (fill_some, self);
}

static void
show_file_label (GlossaGuidelinesPane *self)
{
  g_autofree char *where = self->file != NULL ? g_file_get_parse_name (self->file) : NULL;

  gtk_label_set_text (self->file_label, where != NULL ? where : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), where);
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), where != NULL);
}

/* Says where guidelines go: beside the articles, at the corpus's root. */
static void
show_none (GlossaGuidelinesPane *self)
{
  g_autofree char *description = NULL;

  if (self->folder == NULL)
    description = g_strdup (_("Open an article to see its corpus’s guidelines"));
  else
    {
      g_autofree char *where = g_file_get_parse_name (self->root != NULL ? self->root : self->folder);

      description = g_strdup_printf (_("To show annotation guidelines here, put a GUIDELINES.md "
                                       "(Markdown) or GUIDELINES.txt file in “%s”, beside the articles"),
                                     where);
    }
  stop_filling (self);
  adw_status_page_set_description (self->none_page, description);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), "", 0);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
show_error (GlossaGuidelinesPane *self,
            const GError         *error)
{
  stop_filling (self);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), "", 0);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_monitor_changed (GlossaGuidelinesPane *self,
                    GFile                *file,
                    GFile                *other,
                    GFileMonitorEvent     event,
                    GFileMonitor         *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other != NULL ? g_file_get_basename (other) : NULL;

  /* A folder's monitor sees every file in it: a corpus folder's
   * annotation files change all the time.
   */
  if (!g_strv_contains (glossa_guidelines_names, name)
      && (other_name == NULL || !g_strv_contains (glossa_guidelines_names, other_name))
      && !g_object_get_data (G_OBJECT (monitor), "is-file"))
    return;
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add_once (RELOAD_DELAY_MS, (GSourceOnceFunc) glossa_guidelines_pane_reload, self);
}

static void
add_monitor (GlossaGuidelinesPane *self,
             GFile                *file,
             gboolean              is_file)
{
  g_autoptr(GFileMonitor) monitor = NULL;

  monitor = is_file ? g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL)
                    : g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  /* Without a monitor the pane still shows what it read. */
  if (monitor == NULL)
    return;
  if (is_file)
    g_object_set_data (G_OBJECT (monitor), "is-file", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->monitors, g_steal_pointer (&monitor));
}

static void
watch (GlossaGuidelinesPane *self)
{
  g_autoptr(GPtrArray) path = NULL;

  g_ptr_array_set_size (self->monitors, 0);
  if (self->folder == NULL)
    return;
  path = glossa_guidelines_search_path (self->folder, self->root);
  for (guint i = 0; i < path->len; i++)
    add_monitor (self, g_ptr_array_index (path, i), FALSE);
  if (self->file != NULL)
    add_monitor (self, self->file, TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GlossaGuidelinesPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaGuidelines) guidelines = glossa_guidelines_load_finish (result, &file, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_set_object (&self->file, file);
  show_file_label (self);
  if (guidelines != NULL)
    show_guidelines (self, g_steal_pointer (&guidelines));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && file == NULL)
    show_none (self);
  else
    show_error (self, error);
  watch (self);
}

static void
glossa_guidelines_pane_reload (GlossaGuidelinesPane *self)
{
  self->reload_source = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_filling (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (self->folder == NULL)
    {
      g_clear_object (&self->file);
      show_file_label (self);
      g_ptr_array_set_size (self->monitors, 0);
      show_none (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  glossa_guidelines_load_async (self->folder, self->root, self->cancellable, on_loaded, g_object_ref (self));
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  return a == b || (a != NULL && b != NULL && g_file_equal (a, b));
}

void
glossa_guidelines_pane_set_location (GlossaGuidelinesPane *self,
                                     GFile                *folder,
                                     GFile                *root)
{
  g_return_if_fail (GLOSSA_IS_GUIDELINES_PANE (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (root == NULL || G_IS_FILE (root));

  /* Next article, same folder: nothing to read again. */
  if (same_file (folder, self->folder) && same_file (root, self->root) && !self->dirty
      && gtk_stack_get_visible_child_name (self->stack) != NULL)
    return;
  g_set_object (&self->folder, folder);
  g_set_object (&self->root, root);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  glossa_guidelines_pane_reload (self);
}

GFile *
glossa_guidelines_pane_get_file (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  return self->file;
}

const char *
glossa_guidelines_pane_get_state (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkTextView *
glossa_guidelines_pane_get_view (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  return self->view;
}

GtkEditable *
glossa_guidelines_pane_get_search_entry (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

const char *
glossa_guidelines_pane_get_match_text (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  return gtk_label_get_text (self->match_label);
}

const char *
glossa_guidelines_pane_get_message (GlossaGuidelinesPane *self)
{
  const char *state;

  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), NULL);

  state = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (state, "none") == 0)
    return adw_status_page_get_description (self->none_page);
  if (g_strcmp0 (state, "error") == 0)
    return adw_status_page_get_description (self->error_page);
  return NULL;
}

int
glossa_guidelines_pane_get_n_matches (GlossaGuidelinesPane *self)
{
  g_return_val_if_fail (GLOSSA_IS_GUIDELINES_PANE (self), -1);

  return gtk_source_search_context_get_occurrences_count (self->search);
}

/* The match Enter last went to, marked with the current-match tag. */
static gboolean
current_match (GlossaGuidelinesPane *self,
               GtkTextIter          *start,
               GtkTextIter          *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current-match");

  gtk_text_buffer_get_start_iter (buffer, start);
  if (!gtk_text_iter_starts_tag (start, tag) && !gtk_text_iter_forward_to_tag_toggle (start, tag))
    return FALSE;
  *end = *start;
  return gtk_text_iter_forward_to_tag_toggle (end, tag);
}

static void
recount (GlossaGuidelinesPane *self)
{
  self->count_source = 0;
  update_match_label (self);
}

/* "2 of 5" when a match is selected, "5 matches" before, nothing while
 * counting or with nothing to find.
 */
static void
update_match_label (GlossaGuidelinesPane *self)
{
  int count = gtk_source_search_context_get_occurrences_count (self->search);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int position = 0;

  if (current_match (self, &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search, &start, &end);

  if (needle[0] != '\0' && count < 0 && self->count_source == 0)
    self->count_source = g_timeout_add_once (50, (GSourceOnceFunc) recount, self);
  if (needle[0] == '\0' || count < 0)
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No matches"));
  else if (position > 0)
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);
  gtk_label_set_text (self->match_label, text);
}

static void
select_match (GlossaGuidelinesPane *self,
              gboolean              forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter from, start, end;
  gboolean found;

  if (current_match (self, &start, &end))
    from = forward ? end : start;
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));
  found = forward ? gtk_source_search_context_forward (self->search, &from, &start, &end, NULL)
                  : gtk_source_search_context_backward (self->search, &from, &start, &end, NULL);
  if (found)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
      GtkTextIter first, last;

      /* Over the search's own highlight, whose tag it makes when it
       * first highlights.
       */
      gtk_text_tag_set_priority (gtk_text_tag_table_lookup (table, "current-match"),
                                 gtk_text_tag_table_get_size (table) - 1);
      gtk_text_buffer_get_bounds (buffer, &first, &last);
      gtk_text_buffer_remove_tag_by_name (buffer, "current-match", &first, &last);
      gtk_text_buffer_apply_tag_by_name (buffer, "current-match", &start, &end);
      /* No selection: its colour would cover the match's. */
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
    }
  update_match_label (self);
}

static void
on_search_next (GlossaGuidelinesPane *self)
{
  select_match (self, TRUE);
}

static void
on_search_previous (GlossaGuidelinesPane *self)
{
  select_match (self, FALSE);
}

static void
on_search_stop (GlossaGuidelinesPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
previous_match_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  select_match (GLOSSA_GUIDELINES_PANE (widget), FALSE);
}

static void
on_search_changed (GlossaGuidelinesPane *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  /* A new search starts from the top, with no match selected yet. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "current-match", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  update_match_label (self);
}

static void
follow_style (GlossaGuidelinesPane *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita"));
}

static void
glossa_guidelines_pane_map (GtkWidget *widget)
{
  GlossaGuidelinesPane *self = GLOSSA_GUIDELINES_PANE (widget);

  GTK_WIDGET_CLASS (glossa_guidelines_pane_parent_class)->map (widget);
  if (self->dirty)
    glossa_guidelines_pane_reload (self);
}

static void
glossa_guidelines_pane_dispose (GObject *object)
{
  GlossaGuidelinesPane *self = GLOSSA_GUIDELINES_PANE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  stop_filling (self);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_GUIDELINES_PANE);
  /* The template's root box is not a bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->search);
  g_clear_object (&self->buffer);
  g_clear_object (&self->folder);
  g_clear_object (&self->root);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (glossa_guidelines_pane_parent_class)->dispose (object);
}

static void
glossa_guidelines_pane_class_init (GlossaGuidelinesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_guidelines_pane_dispose;
  widget_class->map = glossa_guidelines_pane_map;

  /* The resources register themselves from their object file, which a
   * static library links in only when something refers to it.
   */
  g_assert (glossa_get_resource () != NULL);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-guidelines-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, file_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, match_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, view);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, none_page);
  gtk_widget_class_bind_template_child (widget_class, GlossaGuidelinesPane, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_install_action (widget_class, "guidelines.previous-match", NULL, previous_match_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "guidelinespane");
}

static void
glossa_guidelines_pane_init (GlossaGuidelinesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = TRUE;
  new_buffer (self);
  gtk_text_view_set_buffer (self->view, GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (follow_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  show_none (self);
}
