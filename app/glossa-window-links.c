/* glossa-window-links.c: linking spans and editing date values in the window
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-schema.h"
#include "glossa-timex.h"
#include "glossa-value-editor.h"
#include "glossa-window-private.h"

/* Links are made from the keyboard first. With a span selected that a link
 * type may start at (a quote or claim, for "source"), the type's key from
 * the schema enters link mode: the spans it may end at are the candidates,
 * nearest first, outlined in the text with the current one drawn stronger.
 * Tab and the arrows cycle, typing filters by the candidates' text, Enter
 * links, Escape cancels. A status line below the article says where one
 * is. The keys are read on the window in the capture phase, before the
 * view's own (the label keys), and only while the article has the focus:
 * outside link mode only a link key with such a span selected is taken,
 * so no label key changes meaning.
 *
 * The mouse does the same from a context menu on the span, or by dragging
 * from one end to the other with Ctrl held.
 *
 * No arcs: the selected span's partners are outlined, Ctrl+J jumps between
 * the two ends however far apart, and Ctrl+Shift+J goes to the next
 * statement without a source. View → Show Links (Ctrl+Shift+K) captions
 * every statement on screen with its source instead.
 */

struct _GlossaWindowLinks
{
  GSignalGroup *document_signals;

  /* Link mode: the type, the span it starts at, the candidates (of
   * GlossaSpan, nearest first, filtered) and the current one.
   */
  char         *type;
  char         *from_id;
  GPtrArray    *candidates;
  guint         current;
  GString      *filter;

  /* Ctrl+J goes back where it came from when it can. */
  char         *came_from;

  /* Ctrl+drag from a span. */
  char         *drag_from;

  /* The partners are outlined again shortly after a change, not in it
   * (see on_document_changed()).
   */
  guint         marks_source;

  /* View → Show Links: the ids of the spans at either end of a link when
   * the captions were made, and whether a change may have made them stale
   * (see on_span_changed()).
   */
  GHashTable   *caption_ends;
  gboolean      captions_stale;
};

/* A source's text in a caption, at most this many characters. */
#define CAPTION_CHARS 24

static void update_marks (GlossaWindow *self);

static GlossaSpan *
selected_span (GlossaWindow *self)
{
  if (self->selected_id == NULL || self->document == NULL)
    return NULL;
  return glossa_document_lookup_span (self->document, self->selected_id);
}

static gboolean
label_in (GArray      *labels,
          GlossaLabel  label)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (g_array_index (labels, GlossaLabel, i) == label)
      return TRUE;
  return FALSE;
}

/* An empty list of ends allows any label (glossa-schema.h). */
static gboolean
end_allowed (GArray      *labels,
             GlossaLabel  label)
{
  return labels == NULL || labels->len == 0 || label_in (labels, label);
}

/* The relation's name for people: the built-in "source" translated. */
static const char *
relation_title (const GlossaSchemaRelation *relation)
{
  if (strcmp (relation->name, "source") == 0)
    return _("Source");
  return relation->name;
}

/* A span's text on one line and at most @max characters. */
static char *
short_text (const char *text,
            guint       max)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\r\n\t", ' ');
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);
  cut = g_utf8_substring (flat, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

static gint64
distance (const GlossaSpan *a,
          const GlossaSpan *b)
{
  if (a->end <= b->start)
    return b->start - a->end;
  if (b->end <= a->start)
    return a->start - b->end;
  return 0;
}

/* Nearest to @origin first; at the same distance, in text order. */
static int
compare_nearest (gconstpointer a,
                 gconstpointer b,
                 gpointer      origin)
{
  const GlossaSpan *x = *(GlossaSpan * const *) a;
  const GlossaSpan *y = *(GlossaSpan * const *) b;
  gint64 dx = distance (x, origin), dy = distance (y, origin);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return glossa_span_compare (x, y);
}

/* The spans a @relation from @from may end at whose text contains
 * @filter (case-folded), nearest first.
 */
static GPtrArray *
find_candidates (GlossaDocument             *document,
                 const GlossaSchemaRelation *relation,
                 GlossaSpan                 *from,
                 const char                 *filter)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autofree char *folded = filter[0] ? g_utf8_casefold (filter, -1) : NULL;

  for (guint i = 0; i < glossa_document_get_n_spans (document); i++)
    {
      GlossaSpan *span = glossa_document_get_span (document, i);

      if (span == from || !end_allowed (relation->to, span->label))
        continue;
      if (folded != NULL)
        {
          g_autofree char *text = g_utf8_casefold (span->text, -1);

          if (strstr (text, folded) == NULL)
            continue;
        }
      g_ptr_array_add (out, glossa_span_ref (span));
    }
  g_ptr_array_sort_with_data (out, compare_nearest, from);
  return out;
}

static gboolean
in_link_mode (GlossaWindow *self)
{
  return self->links->type != NULL;
}

static void
set_status (GlossaWindow *self,
            const char   *text)
{
  if (text != NULL)
    gtk_label_set_text (self->link_status, text);
  gtk_revealer_set_reveal_child (self->link_revealer, text != NULL);
}

/* A date's value, shown below the article while the date is selected. */
static void
show_value_status (GlossaWindow *self)
{
  GlossaSpan *span = selected_span (self);
  const char *value = span ? glossa_span_get_attribute (span, "value") : NULL;
  g_autofree char *meaning = NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    {
      set_status (self, NULL);
      return;
    }
  meaning = glossa_timex_describe (value);
  if (g_strcmp0 (span->value_source, "annotator") == 0)
    /* Translators: a date's value, what it means, and the key to edit it. */
    text = g_strdup_printf (_("Value %s: %s, set by hand — F2 to edit"), value, meaning ? meaning : "");
  else
    text = g_strdup_printf (_("Value %s: %s, filled in by Glossa — F2 to edit"), value, meaning ? meaning : "");
  set_status (self, text);
}

static void
update_link_status (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;
  GlossaSpan *from = glossa_document_lookup_span (self->document, links->from_id);
  const GlossaSchemaRelation *relation = glossa_schema_find_relation (glossa_document_get_schema (self->document),
                                                                      links->type);
  g_autofree char *text = from ? short_text (from->text, 40) : g_strdup ("");
  g_autofree char *status = NULL;

  if (relation == NULL)
    return;
  if (links->candidates->len == 0 && links->filter->len > 0)
    /* Translators: link mode found nothing: the link type, the span, what was typed */
    status = g_strdup_printf (_("%s for “%s”: nothing matches “%s” — Backspace to change, Esc to cancel"),
                              relation_title (relation), text, links->filter->str);
  else if (links->candidates->len == 0)
    status = g_strdup_printf (_("%s for “%s”: no span to link to — Esc to cancel"),
                              relation_title (relation), text);
  else if (links->filter->len > 0)
    /* Translators: link mode: the link type, the span, what was typed, which candidate of how many */
    status = g_strdup_printf (_("%s for “%s” matching “%s”: %u of %u — Tab for the next, Enter to link"),
                              relation_title (relation), text, links->filter->str,
                              links->current + 1, links->candidates->len);
  else
    /* Translators: link mode: the link type, the span, which candidate of how many */
    status = g_strdup_printf (_("%s for “%s”: %u of %u — Tab for the next, Enter to link"),
                              relation_title (relation), text, links->current + 1, links->candidates->len);
  set_status (self, status);
}

static GlossaSpan *
current_candidate (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;

  if (links->candidates == NULL || links->current >= links->candidates->len)
    return NULL;
  return g_ptr_array_index (links->candidates, links->current);
}

/* Shows the current candidate: outlined, and scrolled to without moving
 * the selection (the span being linked stays selected).
 */
static void
show_candidates (GlossaWindow *self)
{
  GlossaSpan *current = current_candidate (self);

  glossa_article_view_set_link_marks (self->view, self->links->candidates, current);
  if (current != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, current->start);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &iter, 0.1, FALSE, 0, 0);
    }
  update_link_status (self);
}

static void
refilter (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;
  GlossaSpan *from = glossa_document_lookup_span (self->document, links->from_id);
  const GlossaSchemaRelation *relation = glossa_schema_find_relation (glossa_document_get_schema (self->document),
                                                                      links->type);

  g_clear_pointer (&links->candidates, g_ptr_array_unref);
  links->current = 0;
  if (from == NULL || relation == NULL)
    links->candidates = g_ptr_array_new ();
  else
    links->candidates = find_candidates (self->document, relation, from, links->filter->str);
  show_candidates (self);
}

static void
leave_link_mode (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;

  if (!in_link_mode (self))
    return;
  g_clear_pointer (&links->type, g_free);
  g_clear_pointer (&links->from_id, g_free);
  g_clear_pointer (&links->candidates, g_ptr_array_unref);
  g_string_truncate (links->filter, 0);
  set_status (self, NULL);
  update_marks (self);
}

static gboolean
enter_link_mode (GlossaWindow               *self,
                 const GlossaSchemaRelation *relation,
                 GlossaSpan                 *from)
{
  GlossaWindowLinks *links = self->links;

  leave_link_mode (self);
  links->type = g_strdup (relation->name);
  links->from_id = g_strdup (from->id);
  refilter (self);
  return TRUE;
}

static void
add_link (GlossaWindow *self,
          const char   *type,
          const char   *from_id,
          const char   *to_id)
{
  g_autoptr(GError) error = NULL;
  GlossaSpan *to = glossa_document_lookup_span (self->document, to_id);

  if (glossa_document_add_relation (self->document, type, from_id, to_id, &error) == NULL)
    {
      _glossa_window_show_error (self, error);
      return;
    }
  if (to != NULL)
    {
      g_autofree char *text = short_text (to->text, 40);
      /* Translators: a toast after linking; %s is the span linked to */
      g_autofree char *message = g_strdup_printf (_("Linked to “%s”"), text);

      _glossa_window_show_message (self, message);
    }
}

static void
link_current (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;
  GlossaSpan *to = current_candidate (self);
  g_autofree char *type = g_strdup (links->type);
  g_autofree char *from_id = g_strdup (links->from_id);

  if (to == NULL)
    return;
  glossa_span_ref (to);
  leave_link_mode (self);
  add_link (self, type, from_id, to->id);
  glossa_span_unref (to);
  update_marks (self);
}

static void
cycle (GlossaWindow *self,
       int           step)
{
  GlossaWindowLinks *links = self->links;
  guint n = links->candidates->len;

  if (n == 0)
    return;
  links->current = (links->current + n + step) % n;
  show_candidates (self);
}

/* The relation whose key is @keyval and that may start at @span. */
static const GlossaSchemaRelation *
relation_for_key (GlossaWindow *self,
                  GlossaSpan   *span,
                  guint         keyval)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);
  gunichar c = g_unichar_tolower (gdk_keyval_to_unicode (keyval));

  if (c == 0)
    return NULL;
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      if (relation->key != NULL && g_unichar_tolower (g_utf8_get_char (relation->key)) == c &&
          end_allowed (relation->from, span->label))
        return relation;
    }
  return NULL;
}

static gboolean
link_mode_key (GlossaWindow    *self,
               guint            keyval,
               GdkModifierType  state)
{
  GlossaWindowLinks *links = self->links;
  gunichar c = gdk_keyval_to_unicode (keyval);

  switch (keyval)
    {
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_Down: case GDK_KEY_Right:
      cycle (self, (state & GDK_SHIFT_MASK) && keyval != GDK_KEY_Down && keyval != GDK_KEY_Right ? -1 : 1);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab: case GDK_KEY_Up: case GDK_KEY_Left:
      cycle (self, -1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      link_current (self);
      return TRUE;
    case GDK_KEY_Escape:
      leave_link_mode (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      if (links->filter->len > 0)
        {
          const char *last = g_utf8_find_prev_char (links->filter->str, links->filter->str + links->filter->len);

          g_string_truncate (links->filter, last - links->filter->str);
          refilter (self);
        }
      return TRUE;
    default:
      break;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 && c != 0 && g_unichar_isprint (c))
    {
      g_string_append_unichar (links->filter, c);
      refilter (self);
      return TRUE;
    }
  /* Shift and the like alone change nothing; any other key ends the mode
   * and does what it does.
   */
  if (gdk_keyval_to_unicode (keyval) == 0 && (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R ||
                                              keyval == GDK_KEY_Control_L || keyval == GDK_KEY_Control_R ||
                                              keyval == GDK_KEY_Alt_L || keyval == GDK_KEY_Alt_R))
    return TRUE;
  leave_link_mode (self);
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GlossaWindow          *self)
{
  const GlossaSchemaRelation *relation;
  GlossaSpan *span;

  if (self->document == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return FALSE;
  if (in_link_mode (self))
    return link_mode_key (self, keyval, state);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      glossa_document_get_read_only (self->document) ||
      (span = selected_span (self)) == NULL ||
      (relation = relation_for_key (self, span, keyval)) == NULL)
    return FALSE;
  return enter_link_mode (self, relation, span);
}

/* Outside link mode the selected span's partners are outlined. */
static GPtrArray *
dup_partners (GlossaWindow *self,
              GlossaSpan   *span)
{
  g_autoptr(GPtrArray) relations = glossa_document_get_relations_of (self->document, span->id);
  GPtrArray *partners = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      const char *other = strcmp (relation->from, span->id) == 0 ? relation->to : relation->from;
      GlossaSpan *partner = glossa_document_lookup_span (self->document, other);

      if (partner != NULL)
        g_ptr_array_add (partners, glossa_span_ref (partner));
    }
  g_ptr_array_sort_with_data (partners, compare_nearest, span);
  return partners;
}

static gboolean
may_start_link (GlossaSchema *schema,
                GlossaLabel   label)
{
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    if (label_in (glossa_schema_get_relation (schema, i)->from, label))
      return TRUE;
  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Span id → the spans it links to (GlossaSpan), in one pass over the
 * links.
 */
static GHashTable *
index_sources (GlossaDocument *document,
               GHashTable     *ends)
{
  g_autoptr(GPtrArray) relations = glossa_document_dup_relations (document);
  GHashTable *sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      GlossaSpan *to = glossa_document_lookup_span (document, relation->to);
      GPtrArray *list = g_hash_table_lookup (sources, relation->from);

      g_hash_table_add (ends, g_strdup (relation->from));
      g_hash_table_add (ends, g_strdup (relation->to));
      if (to == NULL)
        continue;
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
          g_hash_table_insert (sources, g_strdup (relation->from), list);
        }
      g_ptr_array_add (list, glossa_span_ref (to));
    }
  return sources;
}

/* "← Jen Psaki", the sources in text order, each shortened. */
static char *
caption_text (GPtrArray *sources)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_ptr_array_sort (sources, compare_spans);
  for (guint i = 0; i < sources->len; i++)
    {
      GlossaSpan *source = g_ptr_array_index (sources, i);
      g_autofree char *text = short_text (source->text, CAPTION_CHARS);

      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, text);
    }
  /* Translators: above a quote in the article, where it comes from */
  return g_strdup_printf (_("← %s"), joined->str);
}

/* The labels whose spans may start a link. */
static GArray *
link_start_labels (GlossaSchema *schema)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      GlossaLabel label = glossa_schema_get_label (schema, i)->name;

      if (may_start_link (schema, label))
        g_array_append_val (labels, label);
    }
  return labels;
}

/* The captions of View → Show Links: every span a link may start at, with
 * the text of the spans it links to, or a "?" when it has none. Built
 * once per change (30 ms after it, as the outlines), never per frame, and
 * only for the linked spans: the view captions the others "?" itself.
 */
static void
update_captions (GlossaWindow *self)
{
  g_autoptr(GHashTable) captions = NULL;
  g_autoptr(GHashTable) sources = NULL;
  g_autoptr(GArray) unlinked = NULL;
  GHashTableIter iter;
  gpointer from, list;

  self->links->captions_stale = FALSE;
  g_hash_table_remove_all (self->links->caption_ends);
  if (self->document == NULL || !g_settings_get_boolean (self->settings, "show-links"))
    {
      glossa_article_view_set_link_captions (self->view, NULL, NULL);
      return;
    }
  sources = index_sources (self->document, self->links->caption_ends);
  captions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) glossa_article_view_caption_free);
  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &from, &list))
    {
      GlossaArticleViewCaption *caption = g_new0 (GlossaArticleViewCaption, 1);

      caption->text = caption_text (list);
      g_hash_table_insert (captions, g_strdup (from), caption);
    }
  unlinked = link_start_labels (glossa_document_get_schema (self->document));
  glossa_article_view_set_link_captions (self->view, captions, unlinked);
}

static void
update_marks (GlossaWindow *self)
{
  g_autoptr(GPtrArray) partners = NULL;
  GlossaSpan *span;

  if (in_link_mode (self))
    return;
  span = selected_span (self);
  if (span != NULL)
    partners = dup_partners (self, span);
  glossa_article_view_set_link_marks (self->view, partners, NULL);
  show_value_status (self);
}

/**
 * _glossa_window_links_selection_changed:
 *
 * Follows the window's selection: link mode ends when the span it links
 * from is no longer selected, and the partners outlined are the new
 * selected span's.
 */
void
_glossa_window_links_selection_changed (GlossaWindow *self)
{
  if (self->links == NULL)
    return;
  if (in_link_mode (self) && g_strcmp0 (self->selected_id, self->links->from_id) != 0)
    leave_link_mode (self);
  update_marks (self);
  _glossa_window_links_update_actions (self);
}

static gboolean
marks_cb (gpointer user_data)
{
  GlossaWindow *self = user_data;

  self->links->marks_source = 0;
  update_marks (self);
  if (self->links->captions_stale)
    update_captions (self);
  return G_SOURCE_REMOVE;
}

/* Most edits touch no link: the captions are made again only when a link
 * comes or goes, or a span at one of their ends changes (its text, or a
 * label the link does not allow), not for each tag among 20,000 links.
 */
static void
on_relation_changed (GlossaWindow *self)
{
  self->links->captions_stale = TRUE;
}

static void
on_span_changed (GlossaWindow *self,
                 GlossaSpan   *span)
{
  if (g_hash_table_contains (self->links->caption_ends, span->id))
    self->links->captions_stale = TRUE;
}

/* Finding the selected span's partners looks at every link: with 20,000
 * of them, a few milliseconds that an edit need not wait for.
 */
static void
on_document_changed (GlossaWindow *self)
{
  /* An undo may have removed the span being linked from. */
  if (in_link_mode (self) && glossa_document_lookup_span (self->document, self->links->from_id) == NULL)
    leave_link_mode (self);
  else if (in_link_mode (self))
    refilter (self);
  if (self->links->marks_source == 0)
    self->links->marks_source = g_timeout_add (30, marks_cb, self);
  _glossa_window_links_update_actions (self);
}

/* Ctrl+J: from the selected span to its partner; from there, back to the
 * span it came from, so that two presses return.
 */
static void
go_to_linked_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSpan *span = selected_span (self);
  g_autoptr(GPtrArray) partners = NULL;
  GlossaSpan *target = NULL;

  if (span == NULL)
    return;
  partners = dup_partners (self, span);
  if (partners->len == 0)
    {
      _glossa_window_show_message (self, _("The selected span has no links"));
      return;
    }
  for (guint i = 0; i < partners->len && self->links->came_from != NULL; i++)
    {
      GlossaSpan *partner = g_ptr_array_index (partners, i);

      if (strcmp (partner->id, self->links->came_from) == 0)
        target = partner;
    }
  if (target == NULL)
    target = g_ptr_array_index (partners, 0);

  g_free (self->links->came_from);
  self->links->came_from = g_strdup (span->id);
  _glossa_window_select_span (self, target);
}

/* A span a link may start at and that has no link of such a type. */
static gboolean
is_unattributed (GlossaWindow *self,
                 GlossaSpan   *span)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);
  g_autoptr(GPtrArray) relations = NULL;
  gboolean may_start = FALSE;

  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    may_start |= label_in (glossa_schema_get_relation (schema, i)->from, span->label);
  if (!may_start)
    return FALSE;
  relations = glossa_document_get_relations_of (self->document, span->id);
  for (guint i = 0; i < relations->len; i++)
    if (strcmp (((GlossaRelation *) g_ptr_array_index (relations, i))->from, span->id) == 0)
      return FALSE;
  return TRUE;
}

/* Ctrl+Shift+J: the next statement without a source after the selected
 * span (or the cursor), wrapping around.
 */
static void
next_unattributed_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSpan *selected = selected_span (self);
  guint n = glossa_document_get_n_spans (self->document);
  guint first = 0;

  if (selected != NULL && glossa_document_find_span (self->document, selected, &first))
    first++;
  else
    {
      gint64 start, end;

      glossa_article_view_get_selection (self->view, &start, &end);
      while (first < n && glossa_document_get_span (self->document, first)->start < start)
        first++;
    }

  for (guint k = 0; k < n; k++)
    {
      GlossaSpan *span = glossa_document_get_span (self->document, (first + k) % n);

      if (is_unattributed (self, span))
        {
          _glossa_window_select_span (self, span);
          return;
        }
    }
  _glossa_window_show_message (self, _("Every quote and claim has a source"));
}

/* win.link-to ("source", from, to): the context menu's items. */
static void
link_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  const char *type, *from, *to;

  g_variant_get (parameter, "(&s&s&s)", &type, &from, &to);
  if (self->document == NULL)
    return;
  leave_link_mode (self);
  add_link (self, type, from, to);
  update_marks (self);
}

/* win.start-link ("source"): link mode for the selected span, as its key. */
static void
start_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSpan *span = selected_span (self);
  const GlossaSchemaRelation *relation;

  if (span == NULL)
    return;
  relation = glossa_schema_find_relation (glossa_document_get_schema (self->document),
                                          g_variant_get_string (parameter, NULL));
  if (relation != NULL && end_allowed (relation->from, span->label))
    enter_link_mode (self, relation, span);
}

/* win.unlink (relation id): the context menu's "Remove Link". */
static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL &&
      !glossa_document_remove_relation (self->document, g_variant_get_string (parameter, NULL), &error))
    _glossa_window_show_error (self, error);
}

/* The attribute of @span's label that holds a date value, or NULL. */
static const char *
timex_attribute (GlossaWindow *self,
                 GlossaSpan   *span)
{
  const GlossaSchemaLabel *label = glossa_schema_find_label (glossa_document_get_schema (self->document),
                                                             span->label);

  for (guint i = 0; label != NULL && label->attributes != NULL && i < label->attributes->len; i++)
    {
      const GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, i);

      if (attribute->type == GLOSSA_ATTRIBUTE_TIMEX)
        return attribute->name;
    }
  return NULL;
}

static void
on_value_response (GlossaValueEditor *editor,
                   const char        *response,
                   GlossaWindow      *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *id = g_object_get_data (G_OBJECT (editor), "span-id");
  const char *attribute = g_object_get_data (G_OBJECT (editor), "attribute");
  const char *value = glossa_value_editor_get_value (editor);

  if (!g_str_equal (response, "save") || self->document == NULL)
    return;
  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  if (!glossa_document_set_attribute (self->document, id, attribute, node, &error))
    _glossa_window_show_error (self, error);
  else
    glossa_window_select_span (self, id);
}

/* F2: the selected date's value, checked as it is typed. */
static void
edit_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSpan *span = selected_span (self);
  const char *attribute;
  GtkWidget *editor;

  if (span == NULL || (attribute = timex_attribute (self, span)) == NULL)
    return;
  leave_link_mode (self);
  editor = glossa_value_editor_new (span->text, glossa_span_get_attribute (span, attribute));
  g_object_set_data_full (G_OBJECT (editor), "span-id", g_strdup (span->id), g_free);
  g_object_set_data_full (G_OBJECT (editor), "attribute", g_strdup (attribute), g_free);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "response", G_CALLBACK (on_value_response), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
_glossa_window_links_update_actions (GlossaWindow *self)
{
  GlossaSpan *span = self->document ? selected_span (self) : NULL;
  gboolean writable = span != NULL && !glossa_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-to-linked", span != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-unattributed", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-value",
                                 writable && timex_attribute (self, span) != NULL);
}

/* The context menu: for a span a link may start at, a submenu per link
 * type listing its candidates nearest first; for a linked span, Remove
 * Link per link. GtkTextView adds it to its own menu.
 */
#define MENU_MAX_CANDIDATES 12

static void
append_candidates (GlossaWindow               *self,
                   GMenu                      *menu,
                   const GlossaSchemaRelation *relation,
                   GlossaSpan                 *span)
{
  g_autoptr(GPtrArray) candidates = find_candidates (self->document, relation, span, "");
  g_autoptr(GMenu) submenu = g_menu_new ();
  g_autofree char *more = NULL;

  for (guint i = 0; i < MIN (candidates->len, MENU_MAX_CANDIDATES); i++)
    {
      GlossaSpan *to = g_ptr_array_index (candidates, i);
      g_autofree char *text = short_text (to->text, 40);
      g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

      g_menu_item_set_action_and_target_value (item, "win.link-to",
                                               g_variant_new ("(sss)", relation->name, span->id, to->id));
      g_menu_append_item (submenu, item);
    }
  if (candidates->len > MENU_MAX_CANDIDATES)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("More…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.start-link", g_variant_new_string (relation->name));
      g_menu_append_item (submenu, item);
    }
  if (candidates->len > 0)
    g_menu_append_submenu (menu, relation_title (relation), G_MENU_MODEL (submenu));
}

static GMenuModel *
build_context_menu (GlossaWindow *self,
                    GlossaSpan   *span)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);
  g_autoptr(GPtrArray) relations = glossa_document_get_relations_of (self->document, span->id);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      if (label_in (relation->from, span->label))
        append_candidates (self, menu, relation, span);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      const char *other_id = strcmp (relation->from, span->id) == 0 ? relation->to : relation->from;
      GlossaSpan *other = glossa_document_lookup_span (self->document, other_id);
      g_autofree char *text = short_text (other ? other->text : other_id, 30);
      /* Translators: a context menu item; %s is the linked span's text */
      g_autofree char *title = g_strdup_printf (_("Remove Link to “%s”"), text);
      g_autoptr(GMenuItem) item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target_value (item, "win.unlink", g_variant_new_string (relation->id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* The innermost span at @offset that @usable accepts. */
static GlossaSpan *
span_at (GlossaWindow *self,
         gint64        offset,
         gboolean    (*usable) (GlossaWindow *, GlossaSpan *))
{
  g_autoptr(GPtrArray) spans = glossa_document_spans_at (self->document, offset);

  for (guint i = 0; i < spans->len; i++)
    if (usable (self, g_ptr_array_index (spans, i)))
      return g_ptr_array_index (spans, i);
  return NULL;
}

/* Whether some link type may start or end at @span. */
static gboolean
may_link (GlossaWindow *self,
          GlossaSpan   *span)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);

  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      if (label_in (relation->from, span->label) || label_in (relation->to, span->label))
        return TRUE;
    }
  return FALSE;
}

static void
on_right_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GlossaWindow    *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  GlossaSpan *span;
  gint64 offset;

  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), NULL);
  if (self->document == NULL || glossa_document_get_read_only (self->document) ||
      !glossa_article_view_get_offset_at (self->view, x, y, &offset) ||
      (span = span_at (self, offset, may_link)) == NULL)
    return;
  menu = build_context_menu (self, span);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), menu);
}

/* The link a drag from @a to @b makes: from the statement to the actor,
 * whichever end the drag started at.
 */
static const GlossaSchemaRelation *
relation_between (GlossaWindow  *self,
                  GlossaSpan    *a,
                  GlossaSpan    *b,
                  GlossaSpan   **from,
                  GlossaSpan   **to)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);

  for (guint i = 0; a != b && i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      *from = a, *to = b;
      if (end_allowed (relation->from, a->label) && end_allowed (relation->to, b->label))
        return relation;
      *from = b, *to = a;
      if (end_allowed (relation->from, b->label) && end_allowed (relation->to, a->label))
        return relation;
    }
  return NULL;
}

static GlossaSpan *
drag_target (GlossaWindow *self,
             GtkGesture   *gesture,
             double        dx,
             double        dy)
{
  GlossaSpan *source = glossa_document_lookup_span (self->document, self->links->drag_from);
  g_autoptr(GPtrArray) spans = NULL;
  double x, y;
  gint64 offset;

  if (source == NULL || !gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (gesture), &x, &y) ||
      !glossa_article_view_get_offset_at (self->view, x + dx, y + dy, &offset))
    return NULL;
  spans = glossa_document_spans_at (self->document, offset);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i), *from, *to;

      if (relation_between (self, source, span, &from, &to) != NULL)
        return span;
    }
  return NULL;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GlossaWindow   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GlossaSpan *span;
  gint64 offset;

  g_clear_pointer (&self->links->drag_from, g_free);
  if ((state & GDK_CONTROL_MASK) == 0 || self->document == NULL ||
      glossa_document_get_read_only (self->document) ||
      !glossa_article_view_get_offset_at (self->view, x, y, &offset) ||
      (span = span_at (self, offset, may_link)) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* Claimed: the view selects no text while a link is dragged. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  leave_link_mode (self);
  self->links->drag_from = g_strdup (span->id);
  _glossa_window_select_span (self, span);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                GlossaWindow   *self)
{
  GlossaSpan *target;

  if (self->links->drag_from == NULL)
    return;
  target = drag_target (self, GTK_GESTURE (gesture), dx, dy);
  glossa_article_view_set_link_marks (self->view, NULL, target);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             GlossaWindow   *self)
{
  GlossaSpan *target, *source, *from, *to;
  const GlossaSchemaRelation *relation;

  if (self->links->drag_from == NULL)
    return;
  target = drag_target (self, GTK_GESTURE (gesture), dx, dy);
  source = glossa_document_lookup_span (self->document, self->links->drag_from);
  g_clear_pointer (&self->links->drag_from, g_free);
  if (target != NULL && source != NULL &&
      (relation = relation_between (self, source, target, &from, &to)) != NULL)
    add_link (self, relation->name, from->id, to->id);
  update_marks (self);
}

void
_glossa_window_class_links_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-to-linked", NULL, go_to_linked_action);
  gtk_widget_class_install_action (widget_class, "win.next-unattributed", NULL, next_unattributed_action);
  gtk_widget_class_install_action (widget_class, "win.edit-value", NULL, edit_value_action);
  gtk_widget_class_install_action (widget_class, "win.link-to", "(sss)", link_to_action);
  gtk_widget_class_install_action (widget_class, "win.start-link", "s", start_link_action);
  gtk_widget_class_install_action (widget_class, "win.unlink", "s", unlink_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "win.go-to-linked", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.next-unattributed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-value", NULL);
}

void
_glossa_window_links_init (GlossaWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *right = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->links = g_new0 (GlossaWindowLinks, 1);
  self->links->filter = g_string_new (NULL);
  self->links->document_signals = g_signal_group_new (GLOSSA_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->links->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
  g_signal_group_connect_swapped (self->links->document_signals, "relation-added",
                                  G_CALLBACK (on_relation_changed), self);
  g_signal_group_connect_swapped (self->links->document_signals, "relation-removed",
                                  G_CALLBACK (on_relation_changed), self);
  g_signal_group_connect_swapped (self->links->document_signals, "span-added",
                                  G_CALLBACK (on_span_changed), self);
  g_signal_group_connect_swapped (self->links->document_signals, "span-removed",
                                  G_CALLBACK (on_span_changed), self);
  self->links->caption_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "glossa-link-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (right), GTK_PHASE_CAPTURE);
  g_signal_connect (right, "pressed", G_CALLBACK (on_right_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (right));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (drag));
}

/* The window's document changed: link mode does not survive it. */
void
_glossa_window_links_set_document (GlossaWindow *self)
{
  if (self->links == NULL)
    return;
  leave_link_mode (self);
  g_clear_pointer (&self->links->came_from, g_free);
  g_signal_group_set_target (self->links->document_signals, self->document);
  update_marks (self);
  if (self->settings != NULL)
    update_captions (self);
  _glossa_window_links_update_actions (self);
}

/**
 * _glossa_window_links_constructed:
 *
 * Once the window has its settings: win.show-links (View → Show Links,
 * Ctrl+Shift+K), remembered in the "show-links" key.
 */
void
_glossa_window_links_constructed (GlossaWindow *self)
{
  g_autoptr(GAction) show = g_settings_create_action (self->settings, "show-links");

  g_action_map_add_action (G_ACTION_MAP (self), show);
  g_signal_connect_object (self->settings, "changed::show-links",
                           G_CALLBACK (update_captions), self, G_CONNECT_SWAPPED);
  update_captions (self);
}

void
_glossa_window_links_dispose (GlossaWindow *self)
{
  GlossaWindowLinks *links = self->links;

  if (links == NULL)
    return;
  g_clear_handle_id (&links->marks_source, g_source_remove);
  g_signal_group_set_target (links->document_signals, NULL);
  g_clear_object (&links->document_signals);
  g_free (links->type);
  g_free (links->from_id);
  g_free (links->came_from);
  g_free (links->drag_from);
  g_clear_pointer (&links->candidates, g_ptr_array_unref);
  g_clear_pointer (&links->caption_ends, g_hash_table_unref);
  g_string_free (links->filter, TRUE);
  g_clear_pointer (&self->links, g_free);
}

/**
 * _glossa_window_links_get_state:
 * @type: (out) (optional): the link type being made
 * @current: (out) (optional): the current candidate
 * @n_candidates: (out) (optional): how many there are
 *
 * For tests: whether link mode is on, and where it is.
 *
 * Returns: whether link mode is on
 */
gboolean
_glossa_window_links_get_state (GlossaWindow  *self,
                                const char   **type,
                                GlossaSpan   **current,
                                guint         *n_candidates)
{
  if (type != NULL)
    *type = self->links ? self->links->type : NULL;
  if (current != NULL)
    *current = self->links && in_link_mode (self) ? current_candidate (self) : NULL;
  if (n_candidates != NULL)
    *n_candidates = self->links && self->links->candidates ? self->links->candidates->len : 0;
  return self->links != NULL && in_link_mode (self);
}
