/* glossa-article-view.c: the article, read-only, with its spans drawn as tags
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "glossa-article-view.h"
#include "glossa-color.h"
#include "glossa-timex.h"

/* The spans are a view of the document: one GtkTextTag per label and
 * nesting depth. A span's depth is the number of spans "outside" it that
 * cover its start: those starting earlier, or at the same place and ending
 * later (or, for the same range, with an earlier label). Deeper tags have a
 * higher priority and a stronger tint, so the innermost colour is drawn.
 * Lines show the extent of the outer spans, which the tint of an inner one
 * covers: depth 0 is underlined in the label's colour, depth 1 overlined,
 * and no deeper tag sets either line, so those lines show through inner
 * spans. No span hides behind another, and colour is not the only cue.
 *
 * Edits are applied locally: "span-added" and "span-removed" only widen a
 * dirty range, and "changed" (emitted once the document is consistent again)
 * re-tags the spans overlapping it. Nothing is ever rebuilt in full for one
 * span.
 */
struct _GlossaArticleView
{
  GtkSourceView    parent_instance;

  GlossaDocument  *document;
  GSignalGroup    *document_signals;
  GtkTextTagTable *tag_table;
  GHashTable      *tags;  /* GlossaLabel → GtkTextTag *[N_DEPTHS] */
  /* The selected span, drawn above all others in its label's full colour:
   * tag backgrounds hide the text selection's own.
   */
  GtkTextTag      *selected_tag;
  GtkTextMark     *selected_start;
  GtkTextMark     *selected_end;
  GlossaLabel      selected_label;

  gint64           dirty_start;
  gint64           dirty_end;

  /* Spans starting before this offset are tagged; the rest are tagged in
   * the background (see tag_more_cb()).
   */
  gint64           tagged_upto;
  guint            tag_source;

  double           press_x;
  double           press_y;
  int              n_press;
  guint            click_source;

  /* The label's title drawn above each span's start (see draw_names()). */
  gboolean         show_names;

  /* Suggestions, drawn as outlines (see draw_suggestions()): sorted by
   * start; current is an index into them or -1.
   */
  GArray          *suggestions;
  int              current_suggestion;
  gint64           longest_suggestion;  /* in code points */
  /* Spans outlined for linking: the selected span's partners, or the
   * candidates while a link is made, @link_current drawn stronger (see
   * glossa_article_view_set_link_marks()).
   */
  GPtrArray       *link_spans;
  GlossaSpan      *link_current;
  /* Span id → GlossaArticleViewCaption of the linked spans, and the
   * labels (GlossaLabel) whose spans without links get "← ?" (see
   * glossa_article_view_set_link_captions()); NULL when links are hidden.
   */
  GHashTable      *link_captions;
  GArray          *link_unlinked;
};

G_DEFINE_FINAL_TYPE (GlossaArticleView, glossa_article_view, GTK_SOURCE_TYPE_VIEW)

enum {
  OFFSET_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tagging a large document: the first chunk at once, the rest in chunks
 * of a few milliseconds with a pause between them for frames to be drawn.
 * Not an idle: when frames take longer than the frame interval (software
 * rendering, a blinking cursor), idles below the redraw priority starve.
 */
#define FIRST_CHUNK_CHARS 20000
#define FIRST_CHUNK_SPANS 500
#define CHUNK_SPANS       1000
#define CHUNK_PAUSE_MS    5

static const double depth_alpha[2][GLOSSA_ARTICLE_VIEW_N_DEPTHS] = {
  { 0.24, 0.42, 0.60 },
  { 0.30, 0.46, 0.62 },
};

GtkWidget *
glossa_article_view_new (void)
{
  return g_object_new (GLOSSA_TYPE_ARTICLE_VIEW, NULL);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
set_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, is_dark () ? "Adwaita-dark" : "Adwaita"));
}

/* The text and background of GtkSourceView's Adwaita and Adwaita-dark
 * schemes (set_scheme()), and the selected span's text: the tints behind
 * them must keep the text readable.
 */
static const char * const view_text[2] = { "#504e55", "#c0bfbc" };
static const char * const view_background[2] = { "#fcfcfc", "#262626" };
static const char * const selected_text[2] = { "#ffffff", "#1e1e1e" };

/* The colour of @label in the document's schema, in the light or the
 * dark style. A label the schema lacks (it cannot load, but a view may
 * briefly show a document of another corpus) is grey.
 */
static void
label_color (GlossaArticleView *self,
             GlossaLabel        label,
             gboolean           dark,
             GlossaColor       *color)
{
  const GlossaSchemaLabel *entry = NULL;

  if (self->document != NULL)
    entry = glossa_schema_find_label (glossa_document_get_schema (self->document), label);
  if (entry == NULL || !glossa_color_parse (dark && entry->color_dark ? entry->color_dark : entry->color, color))
    glossa_color_parse ("#77767b", color);
  else if (dark && entry->color_dark == NULL)
    glossa_color_derive_dark (color, color);
}

/* @color drawn at @alpha behind @text, made readable (see
 * glossa_color_make_readable()).
 */
static void
readable_rgba (const GlossaColor *color,
               double             alpha,
               gboolean           dark,
               const char        *text,
               GdkRGBA           *rgba)
{
  GlossaColor tint = *color;
  GlossaColor background, foreground;

  glossa_color_parse (view_background[dark], &background);
  glossa_color_parse (text, &foreground);
  glossa_color_make_readable (&tint, alpha, &background, &foreground);
  *rgba = (GdkRGBA) { tint.red, tint.green, tint.blue, alpha };
}

static void
update_selected_color (GlossaArticleView *self)
{
  guint dark = is_dark () ? 1 : 0;
  GlossaColor color;
  GdkRGBA background;
  GdkRGBA foreground;

  label_color (self, self->selected_label, dark, &color);
  readable_rgba (&color, 1.0, dark, selected_text[dark], &background);
  gdk_rgba_parse (&foreground, selected_text[dark]);
  g_object_set (self->selected_tag,
                "background-rgba", &background,
                "foreground-rgba", &foreground,
                NULL);
}

static void
update_label_colors (GlossaArticleView *self,
                     GlossaLabel        label,
                     GtkTextTag       **tags)
{
  guint dark = is_dark () ? 1 : 0;
  GlossaColor color;

  label_color (self, label, dark, &color);
  for (guint depth = 0; depth < GLOSSA_ARTICLE_VIEW_N_DEPTHS; depth++)
    {
      GdkRGBA background;

      readable_rgba (&color, depth_alpha[dark][depth], dark, view_text[dark], &background);
      g_object_set (tags[depth], "background-rgba", &background, NULL);
      if (depth == 0)
        {
          /* The line is not behind text: the label's own colour. */
          GdkRGBA line = { color.red, color.green, color.blue, 1.0 };

          g_object_set (tags[depth],
                        "underline", PANGO_UNDERLINE_SINGLE,
                        "underline-rgba", &line,
                        NULL);
        }
      else if (depth == 1)
        /* Not "overline-rgba": GTK 4.8 corrupts memory copying it. */
        g_object_set (tags[depth], "overline", PANGO_OVERLINE_SINGLE, NULL);
    }
}

static void
glossa_article_view_update_colors (GlossaArticleView *self)
{
  GHashTableIter iter;
  gpointer label, tags;

  update_selected_color (self);

  set_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))));

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, &label, &tags))
    update_label_colors (self, GPOINTER_TO_UINT (label), tags);
}

/* The tags live in one table that every buffer of the view shares: each
 * document gets a fresh buffer (see glossa_article_view_set_document()).
 * A label's tags are made when a document first uses it.
 */
static void
glossa_article_view_create_tags (GlossaArticleView *self)
{
  self->tag_table = gtk_text_tag_table_new ();
  self->tags = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  self->selected_tag = gtk_text_tag_new ("glossa-selected");
  gtk_text_tag_table_add (self->tag_table, self->selected_tag);
  g_object_unref (self->selected_tag);
}

/* Priorities: every label's depth-0 tag below every depth-1 tag and so on,
 * so that the innermost span's colour is the one drawn, and the selected
 * span above them all.
 */
static void
order_tags (GlossaArticleView *self)
{
  int priority = 0;

  for (guint depth = 0; depth < GLOSSA_ARTICLE_VIEW_N_DEPTHS; depth++)
    {
      GHashTableIter iter;
      gpointer tags;

      g_hash_table_iter_init (&iter, self->tags);
      while (g_hash_table_iter_next (&iter, NULL, &tags))
        gtk_text_tag_set_priority (((GtkTextTag **) tags)[depth], priority++);
    }
  gtk_text_tag_set_priority (self->selected_tag, gtk_text_tag_table_get_size (self->tag_table) - 1);
}

static GtkTextTag **
label_tags (GlossaArticleView *self,
            GlossaLabel        label)
{
  GtkTextTag **tags = g_hash_table_lookup (self->tags, GUINT_TO_POINTER (label));

  if (tags != NULL)
    return tags;

  tags = g_new0 (GtkTextTag *, GLOSSA_ARTICLE_VIEW_N_DEPTHS);
  for (guint depth = 0; depth < GLOSSA_ARTICLE_VIEW_N_DEPTHS; depth++)
    {
      g_autofree char *name = g_strdup_printf ("glossa-%s-%u", glossa_label_to_string (label), depth);
      g_autoptr(GtkTextTag) tag = gtk_text_tag_new (name);

      gtk_text_tag_table_add (self->tag_table, tag);
      tags[depth] = tag;
    }
  g_hash_table_insert (self->tags, GUINT_TO_POINTER (label), tags);
  update_label_colors (self, label, tags);
  order_tags (self);
  return tags;
}

static GtkTextBuffer *
glossa_article_view_new_buffer (GlossaArticleView *self)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (self->tag_table);

  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  set_scheme (buffer);

  return GTK_TEXT_BUFFER (buffer);
}

GtkTextTag *
glossa_article_view_get_tag (GlossaArticleView *self,
                             GlossaLabel        label,
                             guint              depth)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (label != 0, NULL);

  return label_tags (self, label)[MIN (depth, GLOSSA_ARTICLE_VIEW_N_DEPTHS - 1)];
}

/* Whether @outer is drawn outside @inner: the order of the nesting sweep. */
static int
compare_outer_first (gconstpointer a,
                     gconstpointer b)
{
  const GlossaSpan *x = *(GlossaSpan * const *) a;
  const GlossaSpan *y = *(GlossaSpan * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (int) x->label - (int) y->label;
}

guint
glossa_article_view_get_depth (GlossaArticleView *self,
                               GlossaSpan        *span)
{
  g_autoptr(GPtrArray) covering = NULL;
  guint depth = 0;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), 0);
  g_return_val_if_fail (self->document != NULL, 0);

  covering = glossa_document_spans_at (self->document, span->start);
  for (guint i = 0; i < covering->len; i++)
    {
      GlossaSpan *other = g_ptr_array_index (covering, i);

      if (compare_outer_first (&other, &span) < 0)
        depth++;
    }

  return depth;
}

/* First index of the document's spans with start >= @offset. */
static guint
lower_bound (GlossaDocument *document,
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

static void
apply_span_tag (GlossaArticleView *self,
                GtkTextBuffer     *buffer,
                GlossaSpan        *span,
                guint              depth)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end);
  gtk_text_buffer_apply_tag (buffer, glossa_article_view_get_tag (self, span->label, depth), &start, &end);
}

/* Re-tags [@start, @end): clears every span tag there, then applies the tags
 * of every span overlapping it in one sweep, outer spans first. The caller
 * widens the range to whole spans, so no tag is left cut short.
 *
 * Invariant of the sweep: `active` holds the spans seen so far that cover
 * the current start; its length is the depth of the span being applied.
 */
static void
glossa_article_view_retag (GlossaArticleView *self,
                           GtkTextBuffer     *buffer,
                           gint64             start,
                           gint64             end)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) inside = g_ptr_array_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  guint n_spans = glossa_document_get_n_spans (self->document);
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  {
    GHashTableIter iter;
    gpointer tags;

    g_hash_table_iter_init (&iter, self->tags);
    while (g_hash_table_iter_next (&iter, NULL, &tags))
      for (guint depth = 0; depth < GLOSSA_ARTICLE_VIEW_N_DEPTHS; depth++)
        gtk_text_buffer_remove_tag (buffer, ((GtkTextTag **) tags)[depth], &start_iter, &end_iter);
  }

  /* Spans that start before the range but reach into it keep their depth;
   * they only need their tag back inside the range.
   */
  before = glossa_document_spans_at (self->document, start);
  for (guint i = 0; i < before->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (before, i);

      if (span->start < start)
        {
          apply_span_tag (self, buffer, span, glossa_article_view_get_depth (self, span));
          g_ptr_array_add (active, span);
        }
    }

  for (guint i = lower_bound (self->document, start); i < n_spans; i++)
    {
      GlossaSpan *span = glossa_document_get_span (self->document, i);

      if (span->start >= end)
        break;
      g_ptr_array_add (inside, span);
    }
  g_ptr_array_sort (inside, compare_outer_first);

  for (guint i = 0; i < inside->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (inside, i);

      for (guint j = active->len; j > 0; j--)
        {
          GlossaSpan *other = g_ptr_array_index (active, j - 1);

          if (other->end <= span->start)
            g_ptr_array_remove_index_fast (active, j - 1);
        }
      apply_span_tag (self, buffer, span, active->len);
      g_ptr_array_add (active, span);
    }
}

/* Tags from `tagged_upto` on, up to where about @n_spans more spans start,
 * or to @min_end if that is further. Returns whether all is tagged.
 */
static gboolean
glossa_article_view_tag_more (GlossaArticleView *self,
                              GtkTextBuffer     *buffer,
                              gint64             min_end,
                              guint              n_spans)
{
  gint64 length = gtk_text_buffer_get_char_count (buffer);
  guint index = lower_bound (self->document, self->tagged_upto) + n_spans;
  gint64 end = length;

  if (index < glossa_document_get_n_spans (self->document))
    end = glossa_document_get_span (self->document, index)->start;
  end = MIN (MAX (MAX (end, min_end), self->tagged_upto + 1), length);

  glossa_article_view_retag (self, buffer, self->tagged_upto, end);
  self->tagged_upto = end;

  return end >= length;
}

/* Each chunk schedules the next one afresh. Returning G_SOURCE_CONTINUE
 * would not pause: GLib counts the interval from the start of the main
 * loop iteration, which a chunk as long as the pause has used up, so the
 * chunks ran back to back and the first frame waited for all of them.
 */
static gboolean
tag_more_cb (gpointer user_data)
{
  GlossaArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  self->tag_source = 0;
  if (self->document != NULL && !glossa_article_view_tag_more (self, buffer, 0, CHUNK_SPANS))
    self->tag_source = g_timeout_add (CHUNK_PAUSE_MS, tag_more_cb, self);

  return G_SOURCE_REMOVE;
}

/* Tags the start of the article at once (more than a screenful), and the
 * rest in chunks between frames: 50,000 tags cost a quarter of a second,
 * which the first frame need not wait for. Edits meanwhile re-tag their
 * own range as usual; a chunk reaching it later applies the same tags.
 */
static void
glossa_article_view_start_tagging (GlossaArticleView *self,
                                   GtkTextBuffer     *buffer)
{
  g_clear_handle_id (&self->tag_source, g_source_remove);
  self->tagged_upto = 0;
  self->dirty_start = G_MAXINT64;
  self->dirty_end = -1;

  if (self->document == NULL)
    return;

  if (!glossa_article_view_tag_more (self, buffer, FIRST_CHUNK_CHARS, FIRST_CHUNK_SPANS))
    self->tag_source = g_timeout_add (CHUNK_PAUSE_MS, tag_more_cb, self);
}

/* Re-tags everything: used when the document is reloaded. */
void
glossa_article_view_reload_spans (GlossaArticleView *self)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  glossa_article_view_start_tagging (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
}

static void
on_span_added_or_removed (GlossaArticleView *self,
                          GlossaSpan        *span)
{
  self->dirty_start = MIN (self->dirty_start, span->start);
  self->dirty_end = MAX (self->dirty_end, span->end);
}

static void
on_document_changed (GlossaArticleView *self)
{
  gint64 start = self->dirty_start;
  gint64 end = self->dirty_end;
  guint n_spans;

  if (end < 0)
    return;

  self->dirty_start = G_MAXINT64;
  self->dirty_end = -1;

  /* Spans starting inside the changed range may have a new depth: widen the
   * range to cover them whole. Those starting before it keep theirs (nothing
   * new can be outside them at their start), so the range never grows
   * leftward.
   */
  n_spans = glossa_document_get_n_spans (self->document);
  for (guint i = lower_bound (self->document, start); i < n_spans; i++)
    {
      GlossaSpan *span = glossa_document_get_span (self->document, i);

      if (span->start >= end)
        break;
      end = MAX (end, span->end);
    }

  glossa_article_view_retag (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), start, end);
}

GlossaDocument *
glossa_article_view_get_document (GlossaArticleView *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

/* A new document gets a new buffer, filled and tagged before the view
 * shows it: applying 50,000 tags to a buffer on screen would have the view
 * invalidate its layout 50,000 times.
 */
void
glossa_article_view_set_document (GlossaArticleView *self,
                                  GlossaDocument    *document)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  GtkTextIter start;

  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));
  g_return_if_fail (!document || GLOSSA_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->suggestions, g_array_unref);
  self->current_suggestion = -1;
  /* Another corpus may colour the same label otherwise. */
  glossa_article_view_update_colors (self);

  buffer = glossa_article_view_new_buffer (self);
  if (document != NULL)
    {
      GlossaArticle *article = glossa_document_get_article (document);

      gtk_text_buffer_set_text (buffer, glossa_article_get_text (article),
                                glossa_article_get_n_bytes (article));
    }
  glossa_article_view_start_tagging (self, buffer);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);
}

/* Marks @span as the selected one (or none, with NULL). Marks, not
 * offsets, so the highlight follows no edit it should not.
 */
void
glossa_article_view_set_selected_span (GlossaArticleView *self,
                                       GlossaSpan        *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->selected_start != NULL && gtk_text_mark_get_buffer (self->selected_start) == buffer)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, self->selected_start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, self->selected_end);
      gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
      gtk_text_buffer_delete_mark (buffer, self->selected_start);
      gtk_text_buffer_delete_mark (buffer, self->selected_end);
    }
  g_clear_object (&self->selected_start);
  g_clear_object (&self->selected_end);

  if (span == NULL)
    return;

  if (span->label != self->selected_label)
    {
      self->selected_label = span->label;
      update_selected_color (self);
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end);
  self->selected_start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
  self->selected_end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE));
  gtk_text_buffer_apply_tag (buffer, self->selected_tag, &start, &end);
}

void
glossa_article_view_get_selection (GlossaArticleView *self,
                                   gint64            *start,
                                   gint64            *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  gtk_text_buffer_get_selection_bounds (buffer, &s, &e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

static void
trim_white_space (GtkTextIter *start,
                  GtkTextIter *end)
{
  while (gtk_text_iter_compare (start, end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);

  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter prev = *end;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      *end = prev;
    }
}

/* The range a label key tags: the selection snapped outward to whole words
 * (Pango's boundaries, through GtkTextIter) unless @exact, or with no
 * selection the word at the caret; white space trimmed at both ends.
 */
gboolean
glossa_article_view_get_tag_range (GlossaArticleView *self,
                                   gboolean           exact,
                                   gint64            *start,
                                   gint64            *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    {
      if (!gtk_text_iter_inside_word (&s) && !gtk_text_iter_ends_word (&s))
        return FALSE;
      if (!gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      if (!gtk_text_iter_ends_word (&e))
        gtk_text_iter_forward_word_end (&e);
    }
  else if (!exact)
    {
      /* Only snap an end that falls inside a word: a selection ending on
       * punctuation or space keeps that end.
       */
      if (gtk_text_iter_inside_word (&s) && !gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      if (gtk_text_iter_inside_word (&e) && !gtk_text_iter_starts_word (&e))
        gtk_text_iter_forward_word_end (&e);
    }

  trim_white_space (&s, &e);
  if (gtk_text_iter_equal (&s, &e))
    return FALSE;

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

/* Moves one edge of [@start, @end) by a word: outward to grow, inward to
 * shrink. Returns FALSE when there is nothing left to move over.
 */
gboolean
glossa_article_view_resize_range (GlossaArticleView *self,
                                  gboolean           at_start,
                                  gboolean           grow,
                                  gint64            *start,
                                  gint64            *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, *start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, *end);

  if (at_start && grow)
    {
      if (!gtk_text_iter_backward_word_start (&s))
        return FALSE;
    }
  else if (at_start)
    {
      /* Past the end of the first word, then on to the start of the next. */
      if (!gtk_text_iter_forward_word_end (&s))
        return FALSE;
      while (gtk_text_iter_compare (&s, &e) < 0 && !gtk_text_iter_starts_word (&s))
        gtk_text_iter_forward_char (&s);
    }
  else if (grow)
    {
      if (!gtk_text_iter_forward_word_end (&e))
        return FALSE;
    }
  else
    {
      if (!gtk_text_iter_backward_word_start (&e))
        return FALSE;
      while (gtk_text_iter_compare (&s, &e) < 0 && !gtk_text_iter_ends_word (&e))
        gtk_text_iter_backward_char (&e);
    }

  trim_white_space (&s, &e);
  if (gtk_text_iter_compare (&s, &e) >= 0)
    return FALSE;

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

void
glossa_article_view_select_range (GlossaArticleView *self,
                                  gint64             start,
                                  gint64             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e, insert, bound;

  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  /* Tagging a selection selects what is already selected: then the marks
   * stay as they are, whichever way the annotator selected, as moving them
   * would have the view recompute its cursor and claim the primary
   * selection again for nothing. Otherwise the insert mark goes at the end,
   * so Shift+arrows extend from there.
   */
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  if (!(gtk_text_iter_equal (&insert, &e) && gtk_text_iter_equal (&bound, &s))
      && !(gtk_text_iter_equal (&insert, &s) && gtk_text_iter_equal (&bound, &e)))
    gtk_text_buffer_select_range (buffer, &e, &s);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
}

gboolean
glossa_article_view_get_offset_at (GlossaArticleView *self,
                                   double             x,
                                   double             y,
                                   gint64            *offset)
{
  GtkTextIter iter;
  int bx, by;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), FALSE);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, NULL, bx, by))
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* A date's value and what it means, after its label: " 2021-12-28
 * (Tuesday 28 December 2021)".
 */
static void
append_value (GString          *text,
              const GlossaSpan *span)
{
  const char *value = glossa_span_get_attribute (span, "value");
  g_autofree char *meaning = NULL;

  if (value == NULL)
    return;
  meaning = glossa_timex_describe (value);
  g_string_append_printf (text, " %s", value);
  if (meaning != NULL)
    g_string_append_printf (text, " (%s)", meaning);
}

/**
 * glossa_article_view_describe_at:
 * @offset: a code point of the article
 *
 * Colour is never the only cue: the labels of the spans at @offset by
 * their titles in the document's schema, innermost first, one a line.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL where no span is
 */
char *
glossa_article_view_describe_at (GlossaArticleView *self,
                                 gint64             offset)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GString) text = NULL;
  GlossaSchema *schema;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  spans = glossa_document_spans_at (self->document, offset);
  if (spans->len == 0)
    return NULL;

  schema = glossa_document_get_schema (self->document);
  text = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      const GlossaSchemaLabel *entry = glossa_schema_find_label (schema, span->label);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, entry ? glossa_schema_label_title (entry) : glossa_label_to_string (span->label));
      append_value (text, span);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The tooltip names the spans under the pointer, or at the cursor when
 * asked from the keyboard.
 */
static gboolean
on_query_tooltip (GlossaArticleView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  g_autofree char *text = NULL;
  gint64 offset;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else if (!glossa_article_view_get_offset_at (self, x, y, &offset))
    return FALSE;

  text = glossa_article_view_describe_at (self, offset);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The room above each line for the names, in pixels. */
#define NAMES_GAP 11
/* The names' size, against the text's. */
#define NAMES_SCALE 0.62

static PangoLayout *
name_layout (GlossaArticleView *self,
             const char        *text,
             PangoWeight        weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (NAMES_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Draws @layout with its baseline just above @y; returns its width. */
static int
draw_name (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - height + 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  return width;
}

static int
layout_width (PangoLayout *layout)
{
  int width = 0;

  if (layout != NULL)
    pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The caption of @span, if it gets one: a linked span's, or @missing for
 * a span of an unlinked label.
 */
static const GlossaArticleViewCaption *
find_caption (GlossaArticleView              *self,
              GlossaSpan                     *span,
              const GlossaArticleViewCaption *missing)
{
  const GlossaArticleViewCaption *caption;

  if (self->link_captions == NULL)
    return NULL;
  caption = g_hash_table_lookup (self->link_captions, span->id);
  if (caption != NULL)
    return caption;
  for (guint i = 0; self->link_unlinked != NULL && i < self->link_unlinked->len; i++)
    if (g_array_index (self->link_unlinked, GlossaLabel, i) == span->label)
      return missing;
  return NULL;
}

/* The offsets of the first and last characters on screen (give or take
 * one).
 */
static void
visible_offsets (GlossaArticleView *self,
                 gint64            *from,
                 gint64            *to)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first, last;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &first, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width, visible.y + visible.height);
  *from = gtk_text_iter_get_offset (&first);
  *to = gtk_text_iter_get_offset (&last) + 1;
}

static char *
label_name (GlossaArticleView *self,
            GlossaSpan        *span)
{
  const GlossaSchemaLabel *entry = glossa_schema_find_label (glossa_document_get_schema (self->document), span->label);
  GString *name = g_string_new (entry ? glossa_schema_label_title (entry) : glossa_label_to_string (span->label));

  if (glossa_span_get_attribute (span, "value") != NULL)
    g_string_append_printf (name, " %s", glossa_span_get_attribute (span, "value"));
  return g_string_free (name, FALSE);
}

/* The names of the spans that start in the visible part of the article,
 * and their links' captions, drawn in the room left above the lines: only
 * what is on screen, so a document of 50,000 spans costs a scan of their
 * starts, a lookup each and a few dozen layouts per frame. Spans starting
 * at the same place are named side by side, outermost first as the file
 * sorts them, each name followed by its caption.
 */
static void
draw_names (GlossaArticleView *self,
            GtkSnapshot       *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  guint dark = is_dark () ? 1 : 0;
  GdkRGBA color, warning;
  gint64 from, to, previous_start = -1;
  double shift = 0, right;
  GdkRectangle visible;

  /* Translators: above a quote in the article that has no source yet */
  const GlossaArticleViewCaption missing = { (char *) _("← ?"), TRUE };

  gdk_rgba_parse (&color, view_text[dark]);
  gtk_text_view_get_visible_rect (view, &visible);
  right = visible.x + visible.width - gtk_text_view_get_right_margin (view);
  /* Libadwaita's warning colour, as text, light and dark. */
  gdk_rgba_parse (&warning, dark ? "#f8e45c" : "#9c6e03");
  visible_offsets (self, &from, &to);

  for (guint i = 0; i < glossa_document_get_n_spans (self->document); i++)
    {
      GlossaSpan *span = glossa_document_get_span (self->document, i);
      const GlossaArticleViewCaption *caption = NULL;
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) source = NULL;
      GtkTextIter iter;
      GdkRectangle where;
      double x;

      if (span->start < from || span->start > to)
        continue;
      caption = find_caption (self, span, &missing);
      if (!self->show_names && caption == NULL)
        continue;
      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, span->start);
      gtk_text_view_get_iter_location (view, &iter, &where);
      shift = span->start == previous_start ? shift : 0;
      previous_start = span->start;
      if (self->show_names)
        {
          g_autofree char *text = label_name (self, span);

          name = name_layout (self, text, PANGO_WEIGHT_BOLD);
        }
      if (caption != NULL)
        source = name_layout (self, caption->text, PANGO_WEIGHT_NORMAL);
      /* What would be cut off at the window's edge (a caption at the end
       * of a line) moves left to fit, over the line's last words.
       */
      x = where.x + shift;
      x = MAX (MIN (x, right - layout_width (name) - layout_width (source) - 4), 0);
      if (name != NULL)
        x += draw_name (snapshot, name, x, where.y, &color) + 4;
      if (source != NULL)
        x += draw_name (snapshot, source, x, where.y, caption->missing ? &warning : &color) + 8;
      shift = x - where.x;
    }
}

static void draw_suggestions (GlossaArticleView *self,
                              GtkSnapshot       *snapshot);
static void draw_link_marks (GlossaArticleView *self,
                             GtkSnapshot       *snapshot);

static void
glossa_article_view_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  GlossaArticleView *self = GLOSSA_ARTICLE_VIEW (text_view);

  if (GTK_TEXT_VIEW_CLASS (glossa_article_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (glossa_article_view_parent_class)->snapshot_layer (text_view, layer, snapshot);
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && (self->show_names || self->link_captions != NULL)
      && self->document != NULL)
    draw_names (self, snapshot);
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->suggestions != NULL)
    draw_suggestions (self, snapshot);
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->link_spans != NULL)
    draw_link_marks (self, snapshot);
}

/* The lines move apart while names or captions are drawn between them. */
static void
update_gap (GlossaArticleView *self)
{
  gboolean gap = self->show_names || self->link_captions != NULL;

  gtk_text_view_set_pixels_above_lines (GTK_TEXT_VIEW (self), gap ? NAMES_GAP : 0);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), gap ? NAMES_GAP + 2 : 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * glossa_article_view_set_show_label_names:
 *
 * Whether each span's label title is drawn above its start, for readers
 * who cannot tell the colours apart and for screenshots. The lines move
 * apart to make room.
 */
void
glossa_article_view_set_show_label_names (GlossaArticleView *self,
                                          gboolean           show)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  show = !!show;
  if (self->show_names == show)
    return;
  self->show_names = show;
  update_gap (self);
}

gboolean
glossa_article_view_get_show_label_names (GlossaArticleView *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), FALSE);
  return self->show_names;
}

/* A press inside the selection would make GtkTextView wait for a drag of
 * the selected text, and only collapse the selection later. Nothing is
 * dragged out of the article: collapse it here, so that a click on the
 * selected span is a click like any other and can cycle outward.
 */
static void
on_click_pressed (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  GlossaArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter start, end, iter;
  gint64 offset;

  self->n_press = n_press;
  self->press_x = x;
  self->press_y = y;

  if (n_press != 1
      || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY
      || (state & GDK_SHIFT_MASK) != 0
      || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      || !glossa_article_view_get_offset_at (self, x, y, &offset))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  if (gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Runs once GtkTextView has handled the release: a press inside the
 * selection (a possible drag of the selected text) only collapses it then.
 */
static gboolean
click_idle_cb (gpointer user_data)
{
  GlossaArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 offset;

  self->click_source = 0;
  if (!gtk_text_buffer_get_has_selection (buffer)
      && glossa_article_view_get_offset_at (self, self->press_x, self->press_y, &offset))
    g_signal_emit (self, signals[OFFSET_CLICKED], 0, offset);

  return G_SOURCE_REMOVE;
}

/* A plain click (no drag, no double click) on a span is reported to the
 * window, which selects the span. The gesture runs in the capture phase so
 * that GtkTextView's own gestures, which claim the click, cannot hide it.
 */
static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   GlossaArticleView *self)
{
  if (self->n_press != 1 || ABS (x - self->press_x) > 3 || ABS (y - self->press_y) > 3)
    return;
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  g_clear_handle_id (&self->click_source, g_source_remove);
  self->click_source = g_idle_add_full (G_PRIORITY_HIGH, click_idle_cb, self, NULL);
}

/* GtkSourceView sets itself up for its buffer in constructed(): replacing
 * the buffer any earlier confuses it.
 */
static void
glossa_article_view_constructed (GObject *object)
{
  GlossaArticleView *self = GLOSSA_ARTICLE_VIEW (object);
  g_autoptr(GtkTextBuffer) buffer = NULL;

  G_OBJECT_CLASS (glossa_article_view_parent_class)->constructed (object);

  buffer = glossa_article_view_new_buffer (self);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);
  glossa_article_view_update_colors (self);
}

static void
glossa_article_view_dispose (GObject *object)
{
  GlossaArticleView *self = GLOSSA_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->tag_source, g_source_remove);
  g_clear_handle_id (&self->click_source, g_source_remove);
  g_clear_object (&self->selected_start);
  g_clear_object (&self->selected_end);
  g_clear_pointer (&self->link_spans, g_ptr_array_unref);
  g_clear_pointer (&self->link_captions, g_hash_table_unref);
  g_clear_pointer (&self->link_unlinked, g_array_unref);
  g_clear_pointer (&self->link_current, glossa_span_unref);
  g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->tag_table);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);

  G_OBJECT_CLASS (glossa_article_view_parent_class)->dispose (object);
}

static void
glossa_article_view_class_init (GlossaArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = glossa_article_view_constructed;
  object_class->dispose = glossa_article_view_dispose;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = glossa_article_view_snapshot_layer;

  /**
   * GlossaArticleView::offset-clicked:
   * @offset: the code point clicked on
   *
   * A single click that selected nothing.
   */
  signals[OFFSET_CLICKED] =
    g_signal_new ("offset-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
glossa_article_view_init (GlossaArticleView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->dirty_start = G_MAXINT64;
  self->dirty_end = -1;
  self->current_suggestion = -1;

  self->document_signals = g_signal_group_new (GLOSSA_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "span-added",
                                  G_CALLBACK (on_span_added_or_removed), self);
  g_signal_group_connect_swapped (self->document_signals, "span-removed",
                                  G_CALLBACK (on_span_added_or_removed), self);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");

  glossa_article_view_create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (glossa_article_view_update_colors), self,
                           G_CONNECT_SWAPPED);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

/* Suggestions */

#define DASH 4
#define GAP  3

/* A dashed line of @length from (@x, @y), across or down. */
static void
draw_dashes (GtkSnapshot   *snapshot,
             float          x,
             float          y,
             float          length,
             gboolean       across,
             const GdkRGBA *color)
{
  for (float at = 0; at < length; at += DASH + GAP)
    {
      float dash = MIN (DASH, length - at);

      gtk_snapshot_append_color (snapshot, color,
                                 across ? &GRAPHENE_RECT_INIT (x + at, y, dash, 1.5)
                                        : &GRAPHENE_RECT_INIT (x, y + at, 1.5, dash));
    }
}

/* A dashed box, or a solid thicker one for the current suggestion: an
 * outline and never a fill, so that nothing reads as a span before it is
 * accepted, and a span's tint inside shows through. Plain colour and
 * border nodes, which every renderer draws cheaply (a cairo node per box
 * costs GL a texture upload each frame).
 */
static void
draw_box (GtkSnapshot        *snapshot,
          const GdkRectangle *box,
          const GdkRGBA      *color,
          gboolean            current)
{
  float x = box->x - 1, y = box->y, w = box->width + 2, h = box->height;

  if (current)
    {
      GskRoundedRect outline;
      const float widths[4] = { 2.5, 2.5, 2.5, 2.5 };
      const GdkRGBA colors[4] = { *color, *color, *color, *color };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2), 2);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
      return;
    }
  draw_dashes (snapshot, x, y, w, TRUE, color);
  draw_dashes (snapshot, x, y + h - 1.5, w, TRUE, color);
  draw_dashes (snapshot, x, y, h, FALSE, color);
  draw_dashes (snapshot, x + w - 1.5, y, h, FALSE, color);
}

/* One box per display line of [start, end). */
static void
draw_suggestion (GlossaArticleView *self,
                 GtkSnapshot       *snapshot,
                 gint64             start,
                 gint64             end,
                 const GdkRGBA     *color,
                 gboolean           current)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, stop;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &stop, end);
  while (gtk_text_iter_compare (&iter, &stop) < 0)
    {
      GtkTextIter next = iter, last;
      GdkRectangle first_rect, last_rect, box;

      if (!gtk_text_view_forward_display_line (view, &next) || gtk_text_iter_compare (&next, &stop) > 0)
        next = stop;
      last = next;
      gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &iter, &first_rect);
      gtk_text_view_get_iter_location (view, &last, &last_rect);
      box = (GdkRectangle) { first_rect.x, first_rect.y,
                             MAX (last_rect.x + last_rect.width - first_rect.x, 2), first_rect.height };
      draw_box (snapshot, &box, color, current);
      iter = next;
    }
}

/* The first suggestion that may reach @from: none starting longer than
 * the longest one before it can. A binary search, so that a frame at the
 * end of a long article does not scan the 50,000 suggestions before it.
 */
static guint
first_suggestion_from (GlossaArticleView *self,
                       gint64             from)
{
  gint64 start = from - self->longest_suggestion;
  guint lo = 0, hi = self->suggestions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->suggestions, GlossaArticleViewSuggestion, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Only the suggestions on screen are drawn, clipped to it: a frame costs
 * a binary search of their offsets and a few boxes, however many there are.
 */
static void
draw_suggestions (GlossaArticleView *self,
                  GtkSnapshot       *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  gboolean dark = is_dark ();
  GdkRectangle visible;
  GtkTextIter first, last;
  gint64 from, to;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &first, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width, visible.y + visible.height);
  gtk_text_view_backward_display_line_start (view, &first);
  from = gtk_text_iter_get_offset (&first);
  to = gtk_text_iter_get_offset (&last) + 1;

  for (guint i = first_suggestion_from (self, from); i < self->suggestions->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (self->suggestions, GlossaArticleViewSuggestion, i);
      GlossaColor color;
      GdkRGBA rgba;

      if (s->start >= to)
        break;
      if (s->end <= from)
        continue;
      label_color (self, s->label, dark, &color);
      rgba = (GdkRGBA) { color.red, color.green, color.blue, 1.0 };
      draw_suggestion (self, snapshot, MAX (s->start, from), MIN (s->end, to), &rgba,
                       (int) i == self->current_suggestion);
    }
}

/**
 * glossa_article_view_set_suggestions:
 * @suggestions: (nullable) (element-type GlossaArticleViewSuggestion):
 *   sorted by start; the view keeps a reference
 *
 * What the suggesters found, drawn as dashed outlines in their label's
 * colour. They are not spans: the document knows nothing of them.
 */
void
glossa_article_view_set_suggestions (GlossaArticleView *self,
                                     GArray            *suggestions)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->suggestions, g_array_unref);
  if (suggestions != NULL)
    self->suggestions = g_array_ref (suggestions);
  self->current_suggestion = -1;
  self->longest_suggestion = 0;
  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (suggestions, GlossaArticleViewSuggestion, i);

      self->longest_suggestion = MAX (self->longest_suggestion, s->end - s->start);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The suggestion drawn with a solid, thicker line; -1 for none. */
void
glossa_article_view_set_current_suggestion (GlossaArticleView *self,
                                            int                index)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  if (self->current_suggestion == index)
    return;
  self->current_suggestion = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For tests: the suggestions drawn and the current one. */
GArray *
glossa_article_view_get_suggestions (GlossaArticleView *self,
                                     int               *current)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), NULL);

  if (current != NULL)
    *current = self->current_suggestion;
  return self->suggestions;
}

/* Outlines @span line by line: a span that wraps gets one box per
 * display line, so that the outline follows the text.
 */
static void
outline_span (GlossaArticleView *self,
              GtkSnapshot       *snapshot,
              const GlossaSpan  *span,
              const GdkRGBA     *color,
              float              width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end);
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter next = iter, last;
      GdkRectangle first_rect, last_rect;
      GskRoundedRect box;
      const float widths[4] = { width, width, width, width };
      const GdkRGBA colors[4] = { *color, *color, *color, *color };
      gboolean more = gtk_text_view_forward_display_line (view, &next);

      if (!more || gtk_text_iter_compare (&next, &end) > 0)
        next = end;
      last = next;
      gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &iter, &first_rect);
      gtk_text_view_get_iter_location (view, &last, &last_rect);
      /* The iters' rectangles are one display line high, the line's
       * y range a whole paragraph's.
       */
      gsk_rounded_rect_init_from_rect (&box,
                                       &GRAPHENE_RECT_INIT (first_rect.x - 2, first_rect.y,
                                                            MAX (last_rect.x + last_rect.width - first_rect.x + 4, 4),
                                                            MAX (first_rect.height, last_rect.height)),
                                       3);
      gtk_snapshot_append_border (snapshot, &box, widths, colors);
      if (!more)
        break;
      iter = next;
    }
}

/* Only what is on screen is drawn, however many spans are marked. */
static void
draw_link_marks (GlossaArticleView *self,
                 GtkSnapshot       *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first, last;
  gint64 from, to;
  GdkRGBA color;

  /* Libadwaita's accent colour, light and dark. */
  gdk_rgba_parse (&color, is_dark () ? "#78aeed" : "#1c71d8");
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &first, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width, visible.y + visible.height);
  from = gtk_text_iter_get_offset (&first);
  to = gtk_text_iter_get_offset (&last) + 1;

  for (guint i = 0; i < self->link_spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (self->link_spans, i);

      if (span->end < from || span->start > to || span == self->link_current)
        continue;
      outline_span (self, snapshot, span, &color, 1.5);
    }
  if (self->link_current != NULL)
    outline_span (self, snapshot, self->link_current, &color, 3);
}

/**
 * glossa_article_view_set_link_marks:
 * @spans: (nullable) (element-type GlossaSpan): the spans to outline: the
 *   selected span's partners, or the candidates of a link being made
 * @current: (nullable): the one drawn stronger (the candidate chosen)
 *
 * Links are shown for the selected span only, as outlines on its
 * partners wherever they are, never as arcs over the text.
 */
void
glossa_article_view_set_link_marks (GlossaArticleView *self,
                                    GPtrArray         *spans,
                                    GlossaSpan        *current)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->link_spans, g_ptr_array_unref);
  g_clear_pointer (&self->link_current, glossa_span_unref);
  if (spans != NULL && spans->len > 0)
    {
      self->link_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
      for (guint i = 0; i < spans->len; i++)
        g_ptr_array_add (self->link_spans, glossa_span_ref (g_ptr_array_index (spans, i)));
    }
  if (current != NULL)
    {
      self->link_current = glossa_span_ref (current);
      if (self->link_spans == NULL)
        self->link_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * glossa_article_view_get_link_marks:
 * @current: (out) (optional) (transfer none): the span drawn stronger
 *
 * Returns: (transfer none) (nullable) (element-type GlossaSpan): the
 *   outlined spans, for tests
 */
GPtrArray *
glossa_article_view_get_link_marks (GlossaArticleView  *self,
                                    GlossaSpan        **current)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), NULL);

  if (current != NULL)
    *current = self->link_current;
  return self->link_spans;
}

void
glossa_article_view_caption_free (GlossaArticleViewCaption *caption)
{
  if (caption == NULL)
    return;
  g_free (caption->text);
  g_free (caption);
}

/**
 * glossa_article_view_set_link_captions:
 * @captions: (nullable) (element-type utf8 GlossaArticleViewCaption): by
 *   span id, the captions of the linked spans; %NULL hides all captions
 * @unlinked: (nullable) (element-type GlossaLabel): the labels whose spans
 *   without a caption are captioned "← ?" in the warning colour
 *
 * Shows where each statement comes from, for every one on screen at once.
 * The caller indexes the links once per change, which costs one entry a
 * link however many spans there are; a frame only looks its visible spans
 * up.
 */
void
glossa_article_view_set_link_captions (GlossaArticleView *self,
                                       GHashTable        *captions,
                                       GArray            *unlinked)
{
  g_return_if_fail (GLOSSA_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->link_captions, g_hash_table_unref);
  g_clear_pointer (&self->link_unlinked, g_array_unref);
  if (captions != NULL)
    self->link_captions = g_hash_table_ref (captions);
  if (captions != NULL && unlinked != NULL)
    self->link_unlinked = g_array_ref (unlinked);
  update_gap (self);
}

/**
 * glossa_article_view_dup_visible_captions:
 *
 * For tests: the captions of the spans that start on screen, as drawn, in
 * text order, each as "ID TEXT" (with a "!" before the text when it is
 * drawn as a warning).
 *
 * Returns: (transfer full) (element-type utf8): the captions
 */
GPtrArray *
glossa_article_view_dup_visible_captions (GlossaArticleView *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  /* Translators: above a quote in the article that has no source yet */
  const GlossaArticleViewCaption missing = { (char *) _("← ?"), TRUE };
  gint64 from, to;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE_VIEW (self), out);

  if (self->link_captions == NULL || self->document == NULL)
    return out;
  visible_offsets (self, &from, &to);
  for (guint i = 0; i < glossa_document_get_n_spans (self->document); i++)
    {
      GlossaSpan *span = glossa_document_get_span (self->document, i);
      const GlossaArticleViewCaption *caption = find_caption (self, span, &missing);

      if (caption != NULL && span->start >= from && span->start <= to)
        g_ptr_array_add (out, g_strdup_printf ("%s %s%s", span->id, caption->missing ? "!" : "", caption->text));
    }
  return out;
}
