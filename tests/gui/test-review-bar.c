/* test-review-bar.c: adjudicating two or more annotators' spans, decision by decision
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-merge.h"
#include "glossa-review-bar.h"
#include "gui-test-util.h"

/*                                    0         1         2         3         4         5
 *                                    012345678901234567890123456789012345678901234567890123 */
static const char article_text[] = "date 2024-05-01 Ana Lima said the bridge will reopen soon.";

typedef struct
{
  char            *dir;
  GlossaArticle   *article;
  GlossaDocument  *result;
  GFile           *result_file;
  GPtrArray       *a;
  GPtrArray       *b;
  GtkTextView     *view;
  GlossaReviewBar *bar;
  GtkWindow       *window;
} Fixture;

static void
add (GPtrArray   *spans,
     gint64       start,
     gint64       end,
     GlossaLabel  label)
{
  g_autofree char *id = g_strdup_printf ("s%u", spans->len + 1);
  g_autofree char *text = g_strndup (article_text + start, end - start);

  g_ptr_array_add (spans, glossa_span_new (id, start, end, label, text));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *box;

  f->dir = g_dir_make_tmp ("glossa-review-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = glossa_article_new_from_data (article_text, strlen (article_text), "news.txt", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "news.annotations.json", NULL);
  f->result_file = g_file_new_for_path (path);
  f->result = glossa_document_new (f->article, f->result_file);

  /* A and B agree on "date 2024-05-01"; A alone tags "Ana Lima" as actor;
   * they disagree on the label of "said the bridge will reopen"; B alone
   * tags "soon".
   */
  f->a = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  f->b = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  add (f->a, 0, 15, GLOSSA_LABEL_DATE);
  add (f->a, 16, 24, GLOSSA_LABEL_ACTOR);
  add (f->a, 25, 52, GLOSSA_LABEL_CLAIM);
  add (f->b, 0, 15, GLOSSA_LABEL_DATE);
  add (f->b, 25, 52, GLOSSA_LABEL_QUOTE);
  add (f->b, 53, 57, GLOSSA_LABEL_DATE);
  for (guint i = 0; i < 3; i++)
    {
      ((GlossaSpan *) g_ptr_array_index (f->a, i))->annotator = g_strdup ("Ada");
      ((GlossaSpan *) g_ptr_array_index (f->b, i))->annotator = g_strdup ("Ben");
    }
  ((GlossaSpan *) g_ptr_array_index (f->a, 2))->note = g_strdup ("a forecast, not a quote");
  ((GlossaSpan *) g_ptr_array_index (f->a, 1))->created = g_strdup ("2026-01-05T09:00:00Z");
  glossa_document_set_user (f->result, "Rita");

  f->window = GTK_WINDOW (gtk_window_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->view), article_text, -1);
  f->bar = GLOSSA_REVIEW_BAR (glossa_review_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->bar));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);

  glossa_review_bar_set_view (f->bar, f->view);
  glossa_review_bar_set_names (f->bar, "Ada", "Ben");
  glossa_review_bar_set_documents (f->bar, f->result, f->a, f->b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* gui_test_remove_tree() empties and removes the folder of the file given. */
  g_autofree char *inside = g_build_filename (f->dir, "any", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (inside);

  gtk_window_destroy (f->window);
  gui_test_iterate (10);
  g_assert_finalize_object (f->result);
  g_clear_object (&f->article);
  g_clear_object (&f->result_file);
  g_ptr_array_unref (f->a);
  g_ptr_array_unref (f->b);
  gui_test_remove_tree (folder);
  g_free (f->dir);
}

/* The result's spans as "start-end label" joined by "; ". */
static char *
result_spans (Fixture *f)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < glossa_document_get_n_spans (f->result); i++)
    {
      GlossaSpan *span = glossa_document_get_span (f->result, i);

      g_string_append_printf (out, "%s%d-%d %s", i ? "; " : "", (int) span->start, (int) span->end,
                              glossa_label_to_string (span->label));
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_tag_at (Fixture    *f,
            const char *tag_name,
            int         offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  /* Three disagreements; the agreement is not one. */
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (f->bar), ==, 3);
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 3);

  g_assert_true (has_tag_at (f, "glossa-review-only-a", 18));
  g_assert_true (has_tag_at (f, "glossa-review-conflict", 30));
  g_assert_true (has_tag_at (f, "glossa-review-only-b", 54));
  g_assert_false (has_tag_at (f, "glossa-review-only-a", 3));
  g_assert_false (has_tag_at (f, "glossa-review-conflict", 3));
  g_assert_false (has_tag_at (f, "glossa-review-only-b", 3));
}

static void
test_seed_agreements (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *spans = NULL;

  glossa_review_bar_seed_agreements (f->bar);
  spans = result_spans (f);
  g_assert_cmpstr (spans, ==, "0-15 date");
}

static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->view);
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;
  g_autofree char *after_neither = NULL;
  g_autofree char *after_undo = NULL;
  GtkTextIter start, end;

  glossa_review_bar_seed_agreements (f->bar);

  /* F8: the first disagreement is selected in the view. */
  g_assert_true (glossa_review_bar_move (f->bar, 1));
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 0);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 16);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 24);
  g_assert_true (has_tag_at (f, "glossa-review-current", 18));

  /* Keep Ada's actor; the bar moves on to the label conflict. */
  g_assert_true (glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_A));
  after_a = result_spans (f);
  g_assert_cmpstr (after_a, ==, "0-15 date; 16-24 actor");
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 1);

  /* Keep Ben's label for the claim/quote conflict. */
  g_assert_true (glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_B));
  after_b = result_spans (f);
  g_assert_cmpstr (after_b, ==, "0-15 date; 16-24 actor; 25-52 quote");

  /* Neither for Ben's "soon": nothing added, but decided. */
  g_assert_true (glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_NEITHER));
  after_neither = result_spans (f);
  g_assert_cmpstr (after_neither, ==, "0-15 date; 16-24 actor; 25-52 quote");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 0);

  /* Each decision is one undoable step of the result. */
  g_assert_true (glossa_document_undo (f->result));
  after_undo = result_spans (f);
  g_assert_cmpstr (after_undo, ==, "0-15 date; 16-24 actor");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 1);
}

static void
test_change_mind (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *both = NULL;
  g_autofree char *only_a = NULL;

  /* Go to the conflict, keep both, then change to A's alone. */
  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_move (f->bar, 1);
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 1);
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_BOTH);
  both = result_spans (f);
  g_assert_cmpstr (both, ==, "25-52 quote; 25-52 claim");

  /* The bar moved on to "soon"; going back reaches the decided conflict. */
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 2);
  glossa_review_bar_move (f->bar, -1);
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 1);
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_A);
  only_a = result_spans (f);
  g_assert_cmpstr (only_a, ==, "25-52 claim");
}

static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GlossaAnnotations) saved = NULL;
  gsize len;

  glossa_review_bar_seed_agreements (f->bar);
  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_A);

  /* The adjudicated set is an ordinary annotation file, in its own place. */
  g_assert_true (glossa_document_save (f->result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (f->result_file, NULL, &contents, &len, NULL, &error));
  saved = glossa_format_read (contents, len, "result", f->article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->spans->len, ==, 2);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (saved->spans, 1))->text, ==, "Ana Lima");
}

static JsonObject *
review_of (GlossaSpan *span)
{
  g_assert_nonnull (span->extra);
  return json_object_get_object_member (span->extra, GLOSSA_REVIEW_MEMBER);
}

static const char *
first_source (GlossaSpan *span)
{
  return json_array_get_string_element (json_object_get_array_member (review_of (span), "sources"), 0);
}

/* A kept span is the annotator's own, with the decision beside it. */
static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  GlossaSpan *date, *actor;

  glossa_review_bar_seed_agreements (f->bar);
  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_A);

  date = glossa_document_get_span (f->result, 0);
  g_assert_cmpstr (glossa_merge_span_get_decision (date), ==, "agreed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (review_of (date), "sources")), ==, 2);
  g_assert_false (json_object_has_member (review_of (date), "reviewer"));

  actor = glossa_document_get_span (f->result, 1);
  g_assert_cmpstr (actor->annotator, ==, "Ada");
  g_assert_cmpstr (actor->created, ==, "2026-01-05T09:00:00Z");
  g_assert_cmpstr (glossa_merge_span_get_decision (actor), ==, "a");
  g_assert_cmpstr (first_source (actor), ==, "Ada");
  g_assert_cmpstr (json_object_get_string_member (review_of (actor), "reviewer"), ==, "Rita");

  /* Both: each side's own span, each saying "both"; the note stays. */
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_BOTH);
  g_assert_cmpuint (glossa_document_get_n_spans (f->result), ==, 4);
  for (guint i = 2; i < 4; i++)
    {
      GlossaSpan *span = glossa_document_get_span (f->result, i);

      g_assert_cmpstr (glossa_merge_span_get_decision (span), ==, "both");
      g_assert_cmpstr (first_source (span), ==, span->label == GLOSSA_LABEL_CLAIM ? "Ada" : "Ben");
      g_assert_cmpstr (span->annotator, ==, span->label == GLOSSA_LABEL_CLAIM ? "Ada" : "Ben");
      if (span->label == GLOSSA_LABEL_CLAIM)
        g_assert_cmpstr (span->note, ==, "a forecast, not a quote");
    }

  /* A span the reviewer tags by hand is theirs, and says so. */
  {
    GlossaSpan *own = glossa_document_add_span (f->result, 53, 57, GLOSSA_LABEL_CLAIM, NULL);

    g_assert_nonnull (own);
    g_assert_cmpstr (glossa_merge_span_get_decision (own), ==, "added");
    g_assert_cmpstr (json_object_get_string_member (review_of (own), "reviewer"), ==, "Rita");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (review_of (own), "sources")), ==, 0);
  }

  /* Retagging a kept span by hand: it says so. */
  g_assert_nonnull (glossa_document_update_span (f->result, actor->id, 16, 24, GLOSSA_LABEL_QUOTE, NULL, NULL));
  actor = glossa_document_get_span (f->result, 1);
  g_assert_cmpstr (glossa_merge_span_get_decision (actor), ==, "changed");
  g_assert_cmpstr (first_source (actor), ==, "Ada");
}

/* "Neither" leaves no span, yet a review started again over the saved
 * file knows it was decided.
 */
static void
test_neither_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) again = NULL;
  GlossaReviewBar *bar2;
  JsonNode *decisions;

  glossa_review_bar_seed_agreements (f->bar);
  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_NEITHER);
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 2);
  decisions = glossa_document_get_extra_member (f->result, GLOSSA_DECISIONS_MEMBER);
  g_assert_nonnull (decisions);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (decisions)), ==, 1);
  g_assert_true (glossa_document_save (f->result, NULL, &error));
  g_assert_no_error (error);

  again = glossa_document_new (f->article, f->result_file);
  g_assert_true (glossa_document_reload (again, NULL, &error));
  g_assert_no_error (error);
  bar2 = GLOSSA_REVIEW_BAR (g_object_ref_sink (glossa_review_bar_new ()));
  glossa_review_bar_set_documents (bar2, again, f->a, f->b);
  g_assert_cmpuint (glossa_review_bar_get_n_pending (bar2), ==, 2);
  /* Deciding it again replaces the record, it does not add one. */
  glossa_review_bar_move (bar2, 1);
  glossa_review_bar_accept (bar2, GLOSSA_REVIEW_ACCEPT_A);
  decisions = glossa_document_get_extra_member (again, GLOSSA_DECISIONS_MEMBER);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (decisions)), ==, 1);
  glossa_review_bar_clear (bar2);
  g_object_unref (bar2);
}

/* Decided disagreements are marked apart from the undecided ones. */
static void
test_decided_marks (Fixture       *f,
                    gconstpointer  data)
{
  glossa_review_bar_move (f->bar, 1);
  g_assert_false (has_tag_at (f, "glossa-review-decided", 18));
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_NEITHER);
  g_assert_true (has_tag_at (f, "glossa-review-decided", 18));
  g_assert_false (has_tag_at (f, "glossa-review-only-a", 18));
  g_assert_true (has_tag_at (f, "glossa-review-conflict", 30));
  /* Undo takes a kept span back, and the mark with it. */
  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_B);
  g_assert_true (has_tag_at (f, "glossa-review-decided", 30));
  glossa_document_undo (f->result);
  g_assert_true (has_tag_at (f, "glossa-review-conflict", 30));
}

/* The label below @widget whose text starts with @prefix. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The whole disagreement: both names, labels, texts and the note. */
static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  GtkLabel *label = NULL;
  const char *text;

  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_move (f->bar, 1);
  label = find_label (GTK_WIDGET (f->bar), "Ada (A)");
  g_assert_nonnull (label);
  text = gtk_label_get_text (label);
  g_assert_cmpstr (text, ==,
                   "Ada (A): Claim “said the bridge will reopen” — note: a forecast, not a quote\n"
                   "Ben (B): Quote “said the bridge will reopen”\n"
                   "Not decided yet");
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);

  glossa_review_bar_accept (f->bar, GLOSSA_REVIEW_ACCEPT_B);
  glossa_review_bar_move (f->bar, -1);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), "\nDecided: kept Ben’s"));
}

static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Issue 14: "In review the window widens itself when the review bar's text
 * changes." The bar asks for the same width whatever it says: the
 * description wraps instead.
 */
static void
test_width (Fixture       *f,
            gconstpointer  data)
{
  int first = min_width (GTK_WIDGET (f->bar));

  for (guint i = 0; i < 3; i++)
    {
      glossa_review_bar_move (f->bar, 1);
      gui_test_iterate (20);
      g_assert_cmpint (min_width (GTK_WIDGET (f->bar)), ==, first);
    }
  g_assert_cmpint (first, <, 700);
}

/* A button below @widget whose label is @text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static JsonObject *
last_decision (Fixture *f)
{
  JsonNode *node = glossa_document_get_extra_member (f->result, GLOSSA_DECISIONS_MEMBER);
  JsonArray *decisions = json_node_get_array (node);

  return json_array_get_object_element (decisions, json_array_get_length (decisions) - 1);
}

/* Cleo, a third annotator, agrees with Ada on "Ana Lima" and with Ben on
 * the bridge; only Ben tags "soon". The majority takes the first two,
 * "soon" is left to decide; a side with no span there cannot be kept.
 */
static void
test_three_sides (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[] = { "Ada", "Ben", "Cleo", NULL };
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  g_autofree char *seeded = NULL;
  g_autofree char *decided = NULL;
  GtkLabel *label;
  JsonObject *record;

  add (c, 0, 15, GLOSSA_LABEL_DATE);
  add (c, 16, 24, GLOSSA_LABEL_ACTOR);
  add (c, 25, 52, GLOSSA_LABEL_QUOTE);
  g_ptr_array_add (sides, f->a);
  g_ptr_array_add (sides, f->b);
  g_ptr_array_add (sides, c);
  glossa_review_bar_set_side_names (f->bar, names);
  glossa_review_bar_set_sides (f->bar, f->result, sides);
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (f->bar), ==, 3);

  glossa_review_bar_seed_agreements (f->bar);
  g_assert_cmpuint (glossa_review_bar_accept_majority (f->bar), ==, 2);
  seeded = result_spans (f);
  g_assert_cmpstr (seeded, ==, "0-15 date; 16-24 actor; 25-52 quote");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (last_decision (f), "decision"), ==, "majority");
  g_assert_true (has_tag_at (f, "glossa-review-decided", 30));
  g_assert_false (has_tag_at (f, "glossa-review-decided", 54));

  /* Every side on its own line, the labels by their titles. */
  glossa_review_bar_move (f->bar, 1);
  glossa_review_bar_move (f->bar, 1);
  label = find_label (GTK_WIDGET (f->bar), "Ada (A)");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "Ada (A): Claim “said the bridge will reopen” — note: a forecast, not a quote\n"
                   "Ben (B): Quote “said the bridge will reopen”\n"
                   "Cleo (C): Quote “said the bridge will reopen”\n"
                   "Decided: kept the span of Ben, Cleo");
  g_assert_nonnull (find_button (GTK_WIDGET (f->bar), "Keep _C"));
  g_assert_nonnull (find_button (GTK_WIDGET (f->bar), "Keep A_ll"));

  /* "soon": only Ben's; Cleo has nothing there to keep. */
  glossa_review_bar_move (f->bar, 1);
  g_assert_false (glossa_review_bar_keep_side (f->bar, 2));
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 1);
  g_assert_true (glossa_review_bar_keep_side (f->bar, 1));
  decided = result_spans (f);
  g_assert_cmpstr (decided, ==, "0-15 date; 16-24 actor; 25-52 quote; 53-57 date");
  record = last_decision (f);
  g_assert_cmpstr (json_object_get_string_member (record, "decision"), ==, "kept");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 0);

  /* The majority's span keeps its provenance: whose copy, who had it. */
  {
    GlossaSpan *quote = glossa_document_get_span (f->result, 2);
    JsonObject *review = json_object_get_object_member (quote->extra, GLOSSA_REVIEW_MEMBER);
    JsonArray *sources = json_object_get_array_member (review, "sources");

    g_assert_cmpstr (glossa_merge_span_get_decision (quote), ==, "majority");
    g_assert_cmpuint (json_array_get_length (sources), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (sources, 0), ==, "Ben");
    g_assert_cmpstr (json_array_get_string_element (sources, 1), ==, "Cleo");
  }
}

static void
set_value (GlossaSpan *span,
           const char *value)
{
  g_clear_pointer (&span->attributes, json_object_unref);
  span->attributes = json_object_new ();
  json_object_set_string_member (span->attributes, "value", value);
}

/* Ada and Ben agree on the date but not on its value: a disagreement,
 * shown with both values; keeping one, then the other, leaves one date
 * with the value kept.
 */
static void
test_value_conflict (Fixture       *f,
                     gconstpointer  data)
{
  GlossaSpan *date;
  GtkLabel *label;

  set_value (g_ptr_array_index (f->a, 0), "2024-05-01");
  set_value (g_ptr_array_index (f->b, 0), "2024-05-02");
  glossa_review_bar_set_documents (f->bar, f->result, f->a, f->b);
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (f->bar), ==, 4);
  glossa_review_bar_seed_agreements (f->bar);
  g_assert_cmpuint (glossa_document_get_n_spans (f->result), ==, 0);

  glossa_review_bar_move (f->bar, 1);
  label = find_label (GTK_WIDGET (f->bar), "Ada (A)");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "Ada (A): Date “date 2024-05-01” — value: 2024-05-01\n"
                   "Ben (B): Date “date 2024-05-01” — value: 2024-05-02\n"
                   "Not decided yet");
  g_assert_true (glossa_review_bar_keep_side (f->bar, 1));
  g_assert_cmpuint (glossa_document_get_n_spans (f->result), ==, 1);
  date = glossa_document_get_span (f->result, 0);
  g_assert_cmpstr (json_object_get_string_member (date->attributes, "value"), ==, "2024-05-02");
  g_assert_cmpstr (glossa_merge_span_get_decision (date), ==, "b");
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 3);

  /* Changing one's mind keeps Ada's value instead, still one date. */
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 1);
  glossa_review_bar_move (f->bar, -1);
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, 0);
  g_assert_true (glossa_review_bar_keep_side (f->bar, 0));
  g_assert_cmpuint (glossa_document_get_n_spans (f->result), ==, 1);
  date = glossa_document_get_span (f->result, 0);
  g_assert_cmpstr (json_object_get_string_member (date->attributes, "value"), ==, "2024-05-01");
}

/* Moves the bar to its disagreement @index, the way the reviewer does. */
static void
move_to (Fixture *f,
         int      index)
{
  for (guint i = 0; i < 8 && glossa_review_bar_get_current (f->bar) != index; i++)
    glossa_review_bar_move (f->bar, 1);
  g_assert_cmpint (glossa_review_bar_get_current (f->bar), ==, index);
}

/* The relation arrays of a review, side by side; @a_to and @b_to are the
 * ids of the spans each side's quote s2 links to ("" for none).
 */
static GPtrArray *
links_new (const char *a_to,
           const char *b_to)
{
  GPtrArray *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *to[] = { a_to, b_to };

  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);

      if (*to[i] != '\0')
        g_ptr_array_add (links, glossa_relation_new ("r1", "source", "s2", to[i]));
      g_ptr_array_add (relations, links);
    }
  return relations;
}

/* Ada and Ben tag the same quote, but Ada links it to "Ana Lima" and Ben
 * to "Ana": the bar shows each side's source; keeping Ben's puts his link
 * and his actor (which only he tagged) in the result; Neither on another
 * source-less side reads "no source".
 */
static void
test_link_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  g_autoptr(GPtrArray) relations = links_new ("s1", "s1");
  g_autoptr(GPtrArray) none = links_new ("s1", "");
  g_autoptr(GPtrArray) kept = NULL;
  GlossaRelation *link;
  GlossaSpan *to;
  GtkLabel *label;

  add (a, 16, 24, GLOSSA_LABEL_ACTOR);
  add (a, 25, 52, GLOSSA_LABEL_QUOTE);
  add (b, 16, 19, GLOSSA_LABEL_ACTOR);
  add (b, 25, 52, GLOSSA_LABEL_QUOTE);
  g_ptr_array_add (sides, a);
  g_ptr_array_add (sides, b);

  glossa_review_bar_set_sides_with_links (f->bar, f->result, sides, relations);
  glossa_review_bar_seed_agreements (f->bar);
  /* Ana (B), Ana Lima (A), and the quote. */
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (f->bar), ==, 3);
  g_assert_cmpuint (glossa_document_get_n_spans (f->result), ==, 0);
  move_to (f, 2);
  label = find_label (GTK_WIDGET (f->bar), "Ada (A)");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "Ada (A): Quote “said the bridge will reopen” ← Ana Lima\n"
                   "Ben (B): Quote “said the bridge will reopen” ← Ana\n"
                   "Not decided yet");

  g_assert_true (glossa_review_bar_keep_side (f->bar, 1));
  {
    g_autofree char *spans = result_spans (f);

    g_assert_cmpstr (spans, ==, "16-19 actor; 25-52 quote");
  }
  kept = glossa_document_dup_relations (f->result);
  g_assert_cmpuint (kept->len, ==, 1);
  link = g_ptr_array_index (kept, 0);
  to = glossa_document_lookup_span (f->result, link->to);
  g_assert_cmpstr (link->type, ==, "source");
  g_assert_cmpstr (glossa_document_lookup_span (f->result, link->from)->text, ==, "said the bridge will reopen");
  g_assert_cmpstr (to->text, ==, "Ana");
  g_assert_cmpstr (glossa_merge_span_get_decision (to), ==, "b");
  /* Ana, kept as the link's end, is decided with it: Ana Lima is left. */
  g_assert_cmpuint (glossa_review_bar_get_n_pending (f->bar), ==, 1);
  move_to (f, 2);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), "\nDecided: kept Ben’s"));

  /* Changing one's mind moves the link to Ada's source. */
  g_assert_true (glossa_review_bar_keep_side (f->bar, 0));
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = glossa_document_dup_relations (f->result);
  g_assert_cmpuint (kept->len, ==, 1);
  link = g_ptr_array_index (kept, 0);
  g_assert_cmpstr (glossa_document_lookup_span (f->result, link->to)->text, ==, "Ana Lima");

  /* A side without a source says so. */
  glossa_review_bar_set_sides_with_links (f->bar, f->result, sides, none);
  move_to (f, 2);
  label = find_label (GTK_WIDGET (f->bar), "Ada (A)");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label),
                                   "Ada (A): Quote “said the bridge will reopen” ← Ana Lima\n"
                                   "Ben (B): Quote “said the bridge will reopen” — no source\n"));
}

/* A link both drew alike is no disagreement, and comes with the agreed
 * spans, between their copies in the result.
 */
static void
test_link_agreed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  g_autoptr(GPtrArray) relations = links_new ("s1", "s1");
  g_autoptr(GPtrArray) kept = NULL;
  GlossaRelation *link;

  add (a, 16, 24, GLOSSA_LABEL_ACTOR);
  add (a, 25, 52, GLOSSA_LABEL_QUOTE);
  add (b, 16, 24, GLOSSA_LABEL_ACTOR);
  add (b, 25, 52, GLOSSA_LABEL_QUOTE);
  g_ptr_array_add (sides, a);
  g_ptr_array_add (sides, b);

  glossa_review_bar_set_sides_with_links (f->bar, f->result, sides, relations);
  g_assert_cmpuint (glossa_review_bar_get_n_disagreements (f->bar), ==, 0);
  glossa_review_bar_seed_agreements (f->bar);
  kept = glossa_document_dup_relations (f->result);
  g_assert_cmpuint (kept->len, ==, 1);
  link = g_ptr_array_index (kept, 0);
  g_assert_cmpstr (glossa_document_lookup_span (f->result, link->from)->text, ==, "said the bridge will reopen");
  g_assert_cmpstr (glossa_document_lookup_span (f->result, link->to)->text, ==, "Ana Lima");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/review-bar/marks", Fixture, NULL, fixture_set_up, test_marks, fixture_tear_down);
  g_test_add ("/gui/review-bar/seed-agreements", Fixture, NULL, fixture_set_up, test_seed_agreements, fixture_tear_down);
  g_test_add ("/gui/review-bar/decide", Fixture, NULL, fixture_set_up, test_decide, fixture_tear_down);
  g_test_add ("/gui/review-bar/change-mind", Fixture, NULL, fixture_set_up, test_change_mind, fixture_tear_down);
  g_test_add ("/gui/review-bar/width", Fixture, NULL, fixture_set_up, test_width, fixture_tear_down);
  g_test_add ("/gui/review-bar/saved", Fixture, NULL, fixture_set_up, test_saved, fixture_tear_down);
  g_test_add ("/gui/review-bar/provenance", Fixture, NULL, fixture_set_up, test_provenance, fixture_tear_down);
  g_test_add ("/gui/review-bar/neither-remembered", Fixture, NULL, fixture_set_up, test_neither_remembered, fixture_tear_down);
  g_test_add ("/gui/review-bar/decided-marks", Fixture, NULL, fixture_set_up, test_decided_marks, fixture_tear_down);
  g_test_add ("/gui/review-bar/description", Fixture, NULL, fixture_set_up, test_description, fixture_tear_down);
  g_test_add ("/gui/review-bar/link-conflict", Fixture, NULL, fixture_set_up, test_link_conflict, fixture_tear_down);
  g_test_add ("/gui/review-bar/link-agreed", Fixture, NULL, fixture_set_up, test_link_agreed, fixture_tear_down);
  g_test_add ("/gui/review-bar/three-sides", Fixture, NULL, fixture_set_up, test_three_sides, fixture_tear_down);
  g_test_add ("/gui/review-bar/value-conflict", Fixture, NULL, fixture_set_up, test_value_conflict, fixture_tear_down);

  return g_test_run ();
}
