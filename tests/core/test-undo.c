/* test-undo.c: tests of the undo stack and of undoing every kind of edit
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-undo-stack.h"

/* The stack on its own: replay is recorded as "-ID" for a removal and "+ID"
 * for an addition.
 */
static void
record_apply (GlossaSpan *remove,
              GlossaSpan *add,
              gpointer    user_data)
{
  GString *log = user_data;

  if (remove != NULL)
    g_string_append_printf (log, "-%s ", remove->id);
  if (add != NULL)
    g_string_append_printf (log, "+%s ", add->id);
}

static char *
replay (GlossaUndoStack *stack,
        gboolean         undo)
{
  g_autoptr(GString) log = g_string_new (NULL);
  gboolean ok = undo ? glossa_undo_stack_undo (stack, record_apply, log)
                     : glossa_undo_stack_redo (stack, record_apply, log);

  if (!ok)
    return g_strdup ("(nothing)");
  return g_strdup (g_strchomp (log->str));
}

#define assert_replay(stack, undo, expected)             \
  G_STMT_START {                                         \
    g_autofree char *replayed = replay (stack, undo);    \
    g_assert_cmpstr (replayed, ==, expected);            \
  } G_STMT_END

static GlossaSpan *
span (const char *id,
      gint64      start)
{
  return glossa_span_new (id, start, start + 1, GLOSSA_LABEL_ACTOR, "x");
}

static void
test_stack_single (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();
  g_autoptr(GlossaSpan) a = span ("a", 0);
  g_autoptr(GlossaSpan) a2 = span ("a", 5);

  g_assert_false (glossa_undo_stack_can_undo (stack));
  g_assert_false (glossa_undo_stack_can_redo (stack));
  assert_replay (stack, TRUE, "(nothing)");
  assert_replay (stack, FALSE, "(nothing)");

  glossa_undo_stack_record (stack, NULL, a);      /* add */
  glossa_undo_stack_record (stack, a, a2);        /* change */
  glossa_undo_stack_record (stack, a2, NULL);     /* remove */
  g_assert_cmpuint (glossa_undo_stack_get_depth (stack), ==, 3);
  g_assert_true (glossa_undo_stack_can_undo (stack));

  /* Each change is its own step; undoing swaps the pair. */
  assert_replay (stack, TRUE, "+a");
  g_assert_true (glossa_undo_stack_can_redo (stack));
  assert_replay (stack, TRUE, "-a +a");
  assert_replay (stack, TRUE, "-a");
  g_assert_false (glossa_undo_stack_can_undo (stack));
  assert_replay (stack, TRUE, "(nothing)");

  assert_replay (stack, FALSE, "+a");
  assert_replay (stack, FALSE, "-a +a");
  assert_replay (stack, FALSE, "-a");
  assert_replay (stack, FALSE, "(nothing)");
  g_assert_cmpuint (glossa_undo_stack_get_depth (stack), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&stack));
}

/* A change replays the very spans recorded, so ids and fields come back. */
static GlossaSpan *last_removed, *last_added;

static void
keep_apply (GlossaSpan *remove,
            GlossaSpan *add,
            gpointer    user_data)
{
  last_removed = remove;
  last_added = add;
}

static void
test_stack_same_spans (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();
  g_autoptr(GlossaSpan) before = span ("s1", 0);
  g_autoptr(GlossaSpan) after = span ("s1", 3);

  glossa_undo_stack_record (stack, before, after);
  g_assert_true (glossa_undo_stack_undo (stack, keep_apply, NULL));
  g_assert_true (last_removed == after);
  g_assert_true (last_added == before);
  g_assert_true (glossa_undo_stack_redo (stack, keep_apply, NULL));
  g_assert_true (last_removed == before);
  g_assert_true (last_added == after);
}

static void
test_stack_groups (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();
  g_autoptr(GlossaSpan) a = span ("a", 0);
  g_autoptr(GlossaSpan) b = span ("b", 1);
  g_autoptr(GlossaSpan) c = span ("c", 2);

  glossa_undo_stack_begin_group (stack, "Tag three");
  glossa_undo_stack_record (stack, NULL, a);
  glossa_undo_stack_record (stack, NULL, b);
  /* Nested groups join the outer one. */
  glossa_undo_stack_begin_group (stack, "inner");
  glossa_undo_stack_record (stack, NULL, c);
  glossa_undo_stack_end_group (stack);
  g_assert_false (glossa_undo_stack_can_undo (stack));
  glossa_undo_stack_end_group (stack);

  g_assert_cmpuint (glossa_undo_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (glossa_undo_stack_get_undo_description (stack), ==, "Tag three");
  g_assert_null (glossa_undo_stack_get_redo_description (stack));

  /* Undone in reverse order, redone in order. */
  assert_replay (stack, TRUE, "-c -b -a");
  g_assert_cmpstr (glossa_undo_stack_get_redo_description (stack), ==, "Tag three");
  g_assert_null (glossa_undo_stack_get_undo_description (stack));
  assert_replay (stack, FALSE, "+a +b +c");
}

static void
test_stack_empty_group (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();

  glossa_undo_stack_begin_group (stack, "nothing");
  glossa_undo_stack_end_group (stack);
  g_assert_false (glossa_undo_stack_can_undo (stack));
  g_assert_cmpuint (glossa_undo_stack_get_depth (stack), ==, 0);
}

static void
test_stack_new_change_drops_redo (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();
  g_autoptr(GlossaSpan) a = span ("a", 0);
  g_autoptr(GlossaSpan) b = span ("b", 1);
  g_autoptr(GlossaSpan) c = span ("c", 2);

  glossa_undo_stack_record (stack, NULL, a);
  glossa_undo_stack_record (stack, NULL, b);
  assert_replay (stack, TRUE, "-b");
  g_assert_true (glossa_undo_stack_can_redo (stack));

  glossa_undo_stack_record (stack, NULL, c);
  g_assert_false (glossa_undo_stack_can_redo (stack));
  assert_replay (stack, TRUE, "-c");
  assert_replay (stack, TRUE, "-a");
  assert_replay (stack, TRUE, "(nothing)");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_stack_notify_clear (void)
{
  g_autoptr(GlossaUndoStack) stack = glossa_undo_stack_new ();
  g_autoptr(GlossaSpan) a = span ("a", 0);
  g_autoptr(GlossaSpan) b = span ("b", 1);
  guint can_undo = 0, can_redo = 0;

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (count_notify), &can_redo);

  glossa_undo_stack_record (stack, NULL, a);
  g_assert_cmpuint (can_undo, ==, 1);
  glossa_undo_stack_record (stack, NULL, b);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);

  assert_replay (stack, TRUE, "-b");
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 1);
  assert_replay (stack, TRUE, "-a");
  g_assert_cmpuint (can_undo, ==, 2);

  glossa_undo_stack_clear (stack);
  g_assert_false (glossa_undo_stack_can_undo (stack));
  g_assert_false (glossa_undo_stack_can_redo (stack));
  g_assert_cmpuint (can_redo, ==, 2);
  g_assert_cmpuint (glossa_undo_stack_get_depth (stack), ==, 0);
}

/* Undo in a document: every kind of edit */

#define TEXT "Vladimir Putin warned Joe Biden on Tuesday."

static GlossaDocument *
new_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (TEXT, strlen (TEXT), "news.txt", &error);

  g_assert_no_error (error);
  return glossa_document_new (article, NULL);
}

/* The document's spans as "ID:START-END:LABEL[:NOTE]", in order. */
static char *
describe (GlossaDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < glossa_document_get_n_spans (document); i++)
    {
      GlossaSpan *s = glossa_document_get_span (document, i);

      g_string_append_printf (out, "%s%s:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s",
                              i ? " " : "", s->id, s->start, s->end, glossa_label_to_string (s->label));
      if (s->note)
        g_string_append_printf (out, ":%s", s->note);
    }
  return g_string_free (out, FALSE);
}

#define assert_spans(document, expected)                 \
  G_STMT_START {                                         \
    g_autofree char *described = describe (document);    \
    g_assert_cmpstr (described, ==, expected);           \
  } G_STMT_END

static void
test_document_every_kind (void)
{
  g_autoptr(GlossaDocument) d = new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *p = NULL;
  g_autofree char *b = NULL;
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;
  g_autofree char *s5 = NULL;

  s0 = describe (d);
  p = g_strdup (glossa_document_add_span (d, 0, 14, GLOSSA_LABEL_ACTOR, &error)->id);
  s1 = describe (d);
  b = g_strdup (glossa_document_add_span (d, 22, 31, GLOSSA_LABEL_ACTOR, &error)->id);
  s2 = describe (d);
  g_assert_nonnull (glossa_document_update_span (d, p, 0, 14, GLOSSA_LABEL_QUOTE, NULL, &error));  /* relabel */
  s3 = describe (d);
  g_assert_nonnull (glossa_document_update_span (d, p, 9, 14, GLOSSA_LABEL_QUOTE, "surname", &error));  /* resize, note */
  s4 = describe (d);
  g_assert_true (glossa_document_remove_span (d, b, &error));
  s5 = describe (d);
  g_assert_no_error (error);

  g_test_message ("%s | %s | %s | %s | %s", s1, s2, s3, s4, s5);

  g_assert_true (glossa_document_undo (d));
  assert_spans (d, s4);
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, s3);
  g_assert_cmpstr (glossa_document_lookup_span (d, p)->text, ==, "Vladimir Putin");
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, s2);
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, s1);
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, s0);
  g_assert_false (glossa_document_undo (d));
  g_assert_false (glossa_document_can_undo (d));

  g_assert_true (glossa_document_redo (d));
  assert_spans (d, s1);
  g_assert_true (glossa_document_redo (d));
  assert_spans (d, s2);
  g_assert_true (glossa_document_redo (d));
  assert_spans (d, s3);
  g_assert_true (glossa_document_redo (d));
  assert_spans (d, s4);
  g_assert_cmpstr (glossa_document_lookup_span (d, p)->text, ==, "Putin");
  g_assert_true (glossa_document_redo (d));
  assert_spans (d, s5);
  g_assert_false (glossa_document_redo (d));
  g_assert_false (glossa_document_can_redo (d));

  g_assert_finalize_object (g_steal_pointer (&d));
}

static void
test_document_group (void)
{
  g_autoptr(GlossaDocument) d = new_document ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = g_strdup (glossa_document_add_span (d, 0, 14, GLOSSA_LABEL_ACTOR, NULL)->id);

  before = describe (d);
  glossa_document_begin_group (d, "Relabel and add");
  g_assert_nonnull (glossa_document_update_span (d, id, 0, 14, GLOSSA_LABEL_CLAIM, NULL, NULL));
  g_assert_nonnull (glossa_document_add_span (d, 22, 31, GLOSSA_LABEL_ACTOR, NULL));
  g_assert_nonnull (glossa_document_add_span (d, 35, 42, GLOSSA_LABEL_DATE, NULL));
  g_assert_true (glossa_document_remove_span (d, id, NULL));
  glossa_document_end_group (d);
  after = describe (d);

  /* One undo takes the whole group back, one redo replays it. */
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, before);
  g_assert_true (glossa_document_can_undo (d));
  g_assert_true (glossa_document_redo (d));
  assert_spans (d, after);
  g_assert_true (glossa_document_undo (d));
  g_assert_true (glossa_document_undo (d));
  assert_spans (d, "");
  g_assert_false (glossa_document_can_undo (d));
}

/* Undo and redo are edits: the document is modified after each. */
static void
test_document_undo_modified (void)
{
  g_autoptr(GlossaDocument) d = new_document ();

  g_assert_false (glossa_document_get_modified (d));
  g_assert_nonnull (glossa_document_add_span (d, 0, 14, GLOSSA_LABEL_ACTOR, NULL));
  g_assert_true (glossa_document_get_modified (d));
  g_assert_true (glossa_document_undo (d));
  g_assert_cmpuint (glossa_document_get_n_spans (d), ==, 0);
  g_assert_true (glossa_document_redo (d));
  g_assert_cmpuint (glossa_document_get_n_spans (d), ==, 1);
  g_assert_cmpint (glossa_document_get_status (d), ==, GLOSSA_STATUS_IN_PROGRESS);
}

/* Undo brings back the same id, so a span's identity survives undo. */
static void
test_document_undo_keeps_id (void)
{
  g_autoptr(GlossaDocument) d = new_document ();
  GlossaSpan *s = glossa_document_add_span (d, 22, 31, GLOSSA_LABEL_ACTOR, NULL);
  g_autofree char *id = g_strdup (s->id);
  g_autofree char *created = g_strdup (s->created);

  g_assert_true (glossa_document_remove_span (d, id, NULL));
  g_assert_null (glossa_document_lookup_span (d, id));
  g_assert_true (glossa_document_undo (d));
  s = glossa_document_lookup_span (d, id);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->text, ==, "Joe Biden");
  g_assert_cmpstr (s->created, ==, created);

  /* And a new span after the undo does not take an id in use. */
  s = glossa_document_add_span (d, 0, 8, GLOSSA_LABEL_ACTOR, NULL);
  g_assert_cmpstr (s->id, !=, id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/undo/stack-single", test_stack_single);
  g_test_add_func ("/core/undo/stack-same-spans", test_stack_same_spans);
  g_test_add_func ("/core/undo/stack-groups", test_stack_groups);
  g_test_add_func ("/core/undo/stack-empty-group", test_stack_empty_group);
  g_test_add_func ("/core/undo/stack-new-change-drops-redo", test_stack_new_change_drops_redo);
  g_test_add_func ("/core/undo/stack-notify-clear", test_stack_notify_clear);
  g_test_add_func ("/core/undo/document-every-kind", test_document_every_kind);
  g_test_add_func ("/core/undo/document-group", test_document_group);
  g_test_add_func ("/core/undo/document-undo-modified", test_document_undo_modified);
  g_test_add_func ("/core/undo/document-undo-keeps-id", test_document_undo_keeps_id);

  return g_test_run ();
}
