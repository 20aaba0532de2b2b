/* test-links.c: the document adds and removes links and sets attributes, one undo step each
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-label-keys.h"
#include "glossa-relation.h"
#include "glossa-schema.h"
#include "glossa-span.h"

#define TEXT "date 2021-12-30 Putin said a colossal mistake was made on Tuesday."

typedef struct
{
  char           *dir;
  GFile          *file;
  GlossaArticle  *article;
  GlossaDocument *document;
  /* The spans every test starts with (ids s1 to s4). */
  const char     *actor, *quote, *claim, *date;
  guint           n_added, n_removed;
  guint           n_span_added, n_span_removed;
} Fixture;

static gint64
offset_of (const char *needle)
{
  /* The text is ASCII: bytes are code points. */
  return strstr (TEXT, needle) - TEXT;
}

static GlossaSpan *
add (Fixture     *f,
     const char  *text,
     GlossaLabel  label)
{
  g_autoptr(GError) error = NULL;
  GlossaSpan *span = glossa_document_add_span (f->document, offset_of (text),
                                               offset_of (text) + strlen (text), label, &error);

  g_assert_no_error (error);
  g_assert_nonnull (span);
  return span;
}

static void
on_relation_added (GlossaDocument *document,
                   GlossaRelation *relation,
                   Fixture        *f)
{
  f->n_added++;
}

static void
on_relation_removed (GlossaDocument *document,
                     GlossaRelation *relation,
                     Fixture        *f)
{
  f->n_removed++;
}

static void
on_span_added (GlossaDocument *document,
               GlossaSpan     *span,
               Fixture        *f)
{
  f->n_span_added++;
}

static void
on_span_removed (GlossaDocument *document,
                 GlossaSpan     *span,
                 Fixture        *f)
{
  f->n_span_removed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = ct_make_tmpdir ();
  path = g_build_filename (f->dir, "news.annotations.json", NULL);
  f->file = g_file_new_for_path (path);
  f->article = glossa_article_new_from_data (TEXT, strlen (TEXT), "news.txt", &error);
  g_assert_no_error (error);
  f->document = glossa_document_new (f->article, f->file);

  f->actor = add (f, "Putin", GLOSSA_LABEL_ACTOR)->id;
  f->quote = add (f, "a colossal mistake", GLOSSA_LABEL_QUOTE)->id;
  f->claim = add (f, "was made", GLOSSA_LABEL_CLAIM)->id;
  f->date = add (f, "Tuesday", GLOSSA_LABEL_DATE)->id;
  g_assert_cmpstr (f->actor, ==, "s1");
  g_assert_cmpstr (f->date, ==, "s4");

  g_signal_connect (f->document, "relation-added", G_CALLBACK (on_relation_added), f);
  g_signal_connect (f->document, "relation-removed", G_CALLBACK (on_relation_removed), f);
  g_signal_connect (f->document, "span-added", G_CALLBACK (on_span_added), f);
  g_signal_connect (f->document, "span-removed", G_CALLBACK (on_span_removed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->document);
  g_clear_object (&f->article);
  g_clear_object (&f->file);
  ct_remove_tree (f->dir);
  g_free (f->dir);
}

/* Saves the document and returns what is on disk. */
static char *
save (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (glossa_document_save (f->document, NULL, &error));
  g_assert_no_error (error);
  bytes = ct_read_file (g_file_peek_path (f->file));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The file @v1 (a version 1 save) holding @relations as well: version 2
 * and the relations after the spans, as the format writes them.
 */
static char *
with_relations (const char *v1,
                const char *relations)
{
  g_auto(GStrv) versioned = g_strsplit (v1, "\"version\": 1,", 2);
  g_autofree char *v2 = NULL;

  g_assert_nonnull (versioned[1]);
  v2 = g_strconcat (versioned[0], "\"version\": 2,", versioned[1], NULL);
  g_assert_true (g_str_has_suffix (v2, "\n}\n"));
  v2[strlen (v2) - 3] = '\0';
  return g_strconcat (v2, relations, "\n}\n", NULL);
}

static const char source_r1[] =
  ",\n"
  "  \"relations\": [\n"
  "    {\n"
  "      \"id\": \"r1\",\n"
  "      \"type\": \"source\",\n"
  "      \"from\": \"s2\",\n"
  "      \"to\": \"s1\"\n"
  "    }\n"
  "  ]";

static const char source_r1_r2[] =
  ",\n"
  "  \"relations\": [\n"
  "    {\n"
  "      \"id\": \"r1\",\n"
  "      \"type\": \"source\",\n"
  "      \"from\": \"s2\",\n"
  "      \"to\": \"s1\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"r2\",\n"
  "      \"type\": \"source\",\n"
  "      \"from\": \"s3\",\n"
  "      \"to\": \"s1\"\n"
  "    }\n"
  "  ]";

/* Removes the date span, whose automatic value would make every save
 * version 2: the version tests below need a plain version 1 file.
 */
static void
drop_date (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (glossa_document_remove_span (f->document, f->date, &error));
  g_assert_no_error (error);
  f->n_span_removed = 0;
}

static void
test_add_remove_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) live = NULL;
  g_autofree char *v1 = NULL, *linked = NULL, *expected = NULL;
  g_autofree char *undone = NULL, *redone = NULL, *removed = NULL, *restored = NULL;
  GlossaRelation *relation;

  drop_date (f);
  v1 = save (f);
  g_assert_nonnull (strstr (v1, "\"version\": 1,"));

  relation = glossa_document_add_relation (f->document, "source", f->quote, f->actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->id, ==, "r1");
  g_assert_cmpuint (f->n_added, ==, 1);
  live = glossa_document_dup_relations (f->document);
  g_assert_cmpuint (live->len, ==, 1);
  g_assert_true (g_ptr_array_index (live, 0) == relation);

  linked = save (f);
  expected = with_relations (v1, source_r1);
  g_assert_cmpstr (linked, ==, expected);
  ct_check_with_python (g_file_peek_path (f->file), NULL);

  /* One undo takes the link away and the file is version 1 again. */
  g_assert_true (glossa_document_undo (f->document));
  g_assert_cmpuint (f->n_removed, ==, 1);
  undone = save (f);
  g_assert_cmpstr (undone, ==, v1);

  g_assert_true (glossa_document_redo (f->document));
  g_assert_cmpuint (f->n_added, ==, 2);
  redone = save (f);
  g_assert_cmpstr (redone, ==, linked);

  g_assert_true (glossa_document_remove_relation (f->document, "r1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_removed, ==, 2);
  removed = save (f);
  g_assert_cmpstr (removed, ==, v1);

  g_assert_true (glossa_document_undo (f->document));
  restored = save (f);
  g_assert_cmpstr (restored, ==, linked);

  /* Links change no span. */
  g_assert_cmpuint (f->n_span_added, ==, 0);
  g_assert_cmpuint (f->n_span_removed, ==, 0);
}

/* Two links from the quote and the claim to one actor are saved sorted by
 * their start, whatever order they were made in.
 */
static void
test_two_sorted (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *v1 = NULL, *linked = NULL, *expected = NULL;

  drop_date (f);
  v1 = save (f);
  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->quote, f->actor, &error));
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->claim, f->actor, &error));
  g_assert_no_error (error);
  linked = save (f);
  expected = with_relations (v1, source_r1_r2);
  g_assert_cmpstr (linked, ==, expected);

  /* Undo is per link. */
  g_assert_true (glossa_document_undo (f->document));
  g_clear_pointer (&linked, g_free);
  g_clear_pointer (&expected, g_free);
  linked = save (f);
  expected = with_relations (v1, source_r1);
  g_assert_cmpstr (linked, ==, expected);
}

static void
assert_refused (Fixture    *f,
                const char *type,
                const char *from,
                const char *to,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) live = glossa_document_dup_relations (f->document);
  guint n_live = live->len;
  gboolean could_undo = glossa_document_can_undo (f->document);
  guint64 serial = glossa_document_get_serial (f->document);

  g_assert_null (glossa_document_add_relation (f->document, type, from, to, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, message);
  g_clear_pointer (&live, g_ptr_array_unref);
  live = glossa_document_dup_relations (f->document);
  g_assert_cmpuint (live->len, ==, n_live);
  g_assert_cmpint (glossa_document_can_undo (f->document), ==, could_undo);
  g_assert_cmpuint (glossa_document_get_serial (f->document), ==, serial);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_refused (f, "said", f->quote, f->actor, "“said”");
  assert_refused (f, "source", "s99", f->actor, "“s99”");
  assert_refused (f, "source", f->quote, "s99", "“s99”");
  assert_refused (f, "source", f->quote, f->quote, "itself (“a colossal mistake”)");
  /* A source goes from a quote or claim to an actor, not back. */
  assert_refused (f, "source", f->actor, f->quote, "cannot start at “Putin”, a actor span");
  assert_refused (f, "source", f->quote, f->date, "cannot end at “Tuesday”, a date span");

  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->quote, f->actor, &error));
  g_assert_no_error (error);
  assert_refused (f, "source", f->quote, f->actor,
                  "“a colossal mistake” is already linked to “Putin”");

  g_assert_false (glossa_document_remove_relation (f->document, "r9", &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, "“r9”");
  g_clear_error (&error);

  glossa_document_set_read_only (f->document, TRUE);
  g_assert_null (glossa_document_add_relation (f->document, "source", f->claim, f->actor, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (glossa_document_remove_relation (f->document, "r1", &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
}

/* Deleting the actor removes its link from the file; one undo brings back
 * both, and a redo removes both again.
 */
static void
test_delete_span (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) live = NULL;
  g_autofree char *linked = NULL, *deleted = NULL, *undone = NULL;

  drop_date (f);
  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->quote, f->actor, &error));
  g_assert_no_error (error);
  linked = save (f);

  g_assert_true (glossa_document_remove_span (f->document, f->actor, &error));
  g_assert_no_error (error);
  live = glossa_document_dup_relations (f->document);
  g_assert_cmpuint (live->len, ==, 0);
  deleted = save (f);
  g_assert_null (strstr (deleted, "relations"));
  g_assert_nonnull (strstr (deleted, "\"version\": 1,"));
  /* Nor can the gone link be removed again. */
  g_assert_false (glossa_document_remove_relation (f->document, "r1", &error));
  g_clear_error (&error);

  g_assert_true (glossa_document_undo (f->document));
  undone = save (f);
  g_assert_cmpstr (undone, ==, linked);

  g_assert_true (glossa_document_redo (f->document));
  g_clear_pointer (&live, g_ptr_array_unref);
  live = glossa_document_dup_relations (f->document);
  g_assert_cmpuint (live->len, ==, 0);
}

/* A new link never takes the id of one still in the document or its file,
 * removed ones included: undo may bring them back.
 */
static void
test_ids (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossaRelation *relation;

  relation = glossa_document_add_relation (f->document, "source", f->quote, f->actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relation->id, ==, "r1");
  g_assert_true (glossa_document_remove_relation (f->document, "r1", &error));
  relation = glossa_document_add_relation (f->document, "source", f->claim, f->actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relation->id, ==, "r2");

  /* Undo both: the first link comes back as r1, next to nothing. */
  g_assert_true (glossa_document_undo (f->document));
  g_assert_true (glossa_document_undo (f->document));
  relation = glossa_document_add_relation (f->document, "source", f->claim, f->actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relation->id, ==, "r3");
}

/* The date's value: the normaliser's is "auto"; the annotator's replaces it
 * as one undo step (a span change), marked "annotator"; a wrong value is
 * refused, naming the span and the attribute.
 */
static void
test_set_value (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) wrong = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) yes = json_node_new (JSON_NODE_VALUE);
  g_autofree char *before = NULL, *after = NULL, *undone = NULL;
  GlossaSpan *span = glossa_document_lookup_span (f->document, f->date);

  /* Tuesday before Thursday 30 December 2021. */
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2021-12-28");
  g_assert_cmpstr (span->value_source, ==, "auto");
  before = save (f);
  g_assert_nonnull (strstr (before, "\"value_source\": \"auto\""));

  json_node_set_string (value, "2021-12-21");
  g_assert_true (glossa_document_set_attribute (f->document, f->date, "value", value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_span_removed, ==, 1);
  g_assert_cmpuint (f->n_span_added, ==, 1);
  span = glossa_document_lookup_span (f->document, f->date);
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2021-12-21");
  g_assert_cmpstr (span->value_source, ==, "annotator");
  after = save (f);
  g_assert_nonnull (strstr (after,
                            "      \"attributes\": {\n"
                            "        \"value\": \"2021-12-21\"\n"
                            "      },\n"
                            "      \"value_source\": \"annotator\"\n"));
  ct_check_with_python (g_file_peek_path (f->file), NULL);

  /* Setting the same value again changes nothing. */
  g_assert_true (glossa_document_set_attribute (f->document, f->date, "value", value, &error));
  g_assert_cmpuint (f->n_span_added, ==, 1);

  json_node_set_string (wrong, "2021-12-32");
  g_assert_false (glossa_document_set_attribute (f->document, f->date, "value", wrong, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, "“Tuesday”: value:");
  g_clear_error (&error);
  json_node_set_boolean (yes, TRUE);
  g_assert_false (glossa_document_set_attribute (f->document, f->date, "value", yes, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_clear_error (&error);
  /* An actor has no value. */
  g_assert_false (glossa_document_set_attribute (f->document, f->actor, "value", value, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, "no attribute “value”");
  g_clear_error (&error);
  g_assert_cmpuint (f->n_span_added, ==, 1);

  g_assert_true (glossa_document_undo (f->document));
  undone = save (f);
  g_assert_cmpstr (undone, ==, before);
}

/* Confirming the normaliser's value as it is makes it the annotator's;
 * removing the value removes its source too.
 */
static void
test_confirm_and_remove_value (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autofree char *saved = NULL;
  GlossaSpan *span;

  json_node_set_string (value, "2021-12-28");
  g_assert_true (glossa_document_set_attribute (f->document, f->date, "value", value, &error));
  g_assert_no_error (error);
  span = glossa_document_lookup_span (f->document, f->date);
  g_assert_cmpstr (span->value_source, ==, "annotator");
  g_assert_cmpuint (f->n_span_added, ==, 1);

  g_assert_true (glossa_document_set_attribute (f->document, f->date, "value", NULL, &error));
  g_assert_no_error (error);
  span = glossa_document_lookup_span (f->document, f->date);
  g_assert_null (span->attributes);
  g_assert_null (span->value_source);
  drop_date (f);
  saved = save (f);
  g_assert_nonnull (strstr (saved, "\"version\": 1,"));
}

/* A link's key is never a label's by default: with a link keyed s, the
 * label "speaker" takes p, so that S with a statement selected links and
 * never relabels. The built-in source link is keyed s.
 */
static void
test_link_keys_reserved (void)
{
  const char text[] =
    "{\"format\": \"glossa-schema\", \"version\": 1,\n"
    " \"labels\": [{\"name\": \"speaker\", \"color\": \"#1c71d8\"},\n"
    "            {\"name\": \"statement\", \"color\": \"#26a269\"}],\n"
    " \"relations\": [{\"name\": \"said\", \"key\": \"s\", \"from\": [\"statement\"], \"to\": [\"speaker\"]}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = glossa_schema_parse (text, strlen (text), "s.json", &error);
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();
  g_autofree gunichar *keys = NULL;

  g_assert_no_error (error);
  keys = glossa_label_keys_assign (schema, GLOSSA_LABEL_KEYS_RESERVED);
  g_assert_cmpint (keys[0], ==, 'p');
  g_assert_cmpint (keys[1], ==, 't');
  g_assert_cmpstr (glossa_schema_find_relation (builtin, "source")->key, ==, "s");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/links/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-remove-undo", test_add_remove_undo);
  ADD ("two-sorted", test_two_sorted);
  ADD ("refused", test_refused);
  ADD ("delete-span", test_delete_span);
  ADD ("ids", test_ids);
  ADD ("set-value", test_set_value);
  ADD ("confirm-and-remove-value", test_confirm_and_remove_value);
#undef ADD
  g_test_add_func ("/links/link-keys-reserved", test_link_keys_reserved);
  return g_test_run ();
}
