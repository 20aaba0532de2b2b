/* test-relations.c: format v2, links between spans and span attributes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-format-private.h"
#include "glossa-schema.h"
#include "glossa-span.h"

#define FILE_NAME "news.annotations.json"
#define TEXT "abcde abcde abcde abcde"

static GlossaArticle *
make_article (void)
{
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_new_from_data (TEXT, strlen (TEXT), "news.txt", &error);

  g_assert_no_error (error);
  return article;
}

/* The header and spans of every file below; @VERSION@, @ATTR@ (the date
 * span's v2 members) and @RELATIONS@ are filled in by each test.
 */
static const char template[] =
  "{\n"
  "  \"format\": \"glossa-annotations\",\n"
  "  \"version\": @VERSION@,\n"
  "  \"document\": {\n"
  "    \"id\": \"news\",\n"
  "    \"file\": \"news.txt\",\n"
  "    \"sha256\": \"@SHA@\",\n"
  "    \"length\": 23,\n"
  "    \"date\": \"2021-12-30\"\n"
  "  },\n"
  "  \"labels\": [\n"
  "    \"actor\",\n"
  "    \"quote\",\n"
  "    \"claim\",\n"
  "    \"date\"\n"
  "  ],\n"
  "  \"status\": \"todo\",\n"
  "  \"annotator\": \"\",\n"
  "  \"spans\": [\n"
  "    {\n"
  "      \"id\": \"s1\",\n"
  "      \"start\": 0,\n"
  "      \"end\": 5,\n"
  "      \"label\": \"actor\",\n"
  "      \"text\": \"abcde\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s2\",\n"
  "      \"start\": 6,\n"
  "      \"end\": 11,\n"
  "      \"label\": \"quote\",\n"
  "      \"text\": \"abcde\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s3\",\n"
  "      \"start\": 12,\n"
  "      \"end\": 17,\n"
  "      \"label\": \"claim\",\n"
  "      \"text\": \"abcde\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s4\",\n"
  "      \"start\": 18,\n"
  "      \"end\": 23,\n"
  "      \"label\": \"date\",\n"
  "      \"text\": \"abcde\"@ATTR@\n"
  "    }\n"
  "  ]@RELATIONS@\n"
  "}\n";

static const char v2_attr[] =
  ",\n"
  "      \"attributes\": {\n"
  "        \"value\": \"2021-12-31\"\n"
  "      },\n"
  "      \"value_source\": \"auto\"";

static const char v2_relations[] =
  ",\n"
  "  \"relations\": [\n"
  "    {\n"
  "      \"id\": \"r2\",\n"
  "      \"type\": \"source\",\n"
  "      \"from\": \"s2\",\n"
  "      \"to\": \"s1\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"r1\",\n"
  "      \"type\": \"source\",\n"
  "      \"from\": \"s3\",\n"
  "      \"to\": \"s1\"\n"
  "    }\n"
  "  ]";

static char *
replace (const char *haystack,
         const char *needle,
         const char *with)
{
  g_auto(GStrv) parts = g_strsplit (haystack, needle, 2);

  g_assert_nonnull (parts[1]);
  return g_strconcat (parts[0], with, parts[1], NULL);
}

static char *
make_file (GlossaArticle *article,
           const char    *version,
           const char    *attr,
           const char    *relations)
{
  g_autofree char *a = replace (template, "@VERSION@", version);
  g_autofree char *b = replace (a, "@SHA@", glossa_article_get_sha256 (article));
  g_autofree char *c = replace (b, "@ATTR@", attr);

  return replace (c, "@RELATIONS@", relations);
}

static GlossaAnnotations *
read_ok (GlossaArticle *article,
         const char    *data)
{
  g_autoptr(GError) error = NULL;
  GlossaAnnotations *annotations;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

static void
assert_writes (const GlossaAnnotations *annotations,
               const char              *expected)
{
  g_autoptr(GBytes) bytes = glossa_format_write (annotations);
  g_autofree char *written = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpstr (written, ==, expected);
}

static void
test_v1_untouched (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *data = make_file (article, "1", "", "");
  g_autoptr(GlossaAnnotations) annotations = read_ok (article, data);

  g_assert_cmpuint (annotations->relations->len, ==, 0);
  g_assert_false (glossa_annotations_is_v2 (annotations));
  assert_writes (annotations, data);
}

static void
test_v2_round_trip (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *data = make_file (article, "2", v2_attr, v2_relations);
  g_autoptr(GlossaAnnotations) annotations = read_ok (article, data);
  GlossaSpan *date = g_ptr_array_index (annotations->spans, 3);
  GlossaRelation *first = g_ptr_array_index (annotations->relations, 0);

  g_assert_cmpuint (annotations->relations->len, ==, 2);
  g_assert_cmpstr (first->id, ==, "r2");
  g_assert_cmpstr (first->from, ==, "s2");
  g_assert_cmpstr (glossa_span_get_attribute (date, "value"), ==, "2021-12-31");
  g_assert_cmpstr (date->value_source, ==, "auto");
  g_assert_null (date->extra);
  g_assert_null (annotations->extra);
  assert_writes (annotations, data);
}

/* Links come out sorted by (from, to, type, id) whatever their order in
 * the file, and a file that gains a link is written as version 2.
 */
static void
test_v2_sorted (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *reversed = replace (v2_relations, "\"r2\"", "\"rX\"");
  g_autofree char *swapped = NULL;
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  /* r1 (from s3) first in the file, r2 (from s2) second. */
  swapped = g_strdup_printf (",\n  \"relations\": [{\"id\": \"r1\", \"type\": \"source\", "
                             "\"from\": \"s3\", \"to\": \"s1\"}, {\"to\": \"s1\", \"from\": \"s2\", "
                             "\"type\": \"source\", \"id\": \"r2\"}]");
  data = make_file (article, "1", "", swapped);
  annotations = read_ok (article, data);
  expected = make_file (article, "2", "", v2_relations);
  assert_writes (annotations, expected);
  g_assert_nonnull (reversed);
}

/* The reader pulls links member by member: one with members it does not
 * know reads as before (they are not kept), and "relations" null or empty
 * is no link at all, the file then written as version 1.
 */
static void
test_link_members (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *extra = g_strdup_printf (",\n  \"relations\": [{\"id\": \"r2\", \"weight\": [1, {\"a\": null}], "
                                            "\"type\": \"source\", \"from\": \"s2\", \"to\": \"s1\", \"note\": \"x\"}, "
                                            "{\"id\": \"r1\", \"type\": \"source\", \"from\": \"s3\", \"to\": \"s1\"}]");
  g_autofree char *data = make_file (article, "2", "", extra);
  g_autofree char *expected = make_file (article, "2", "", v2_relations);
  g_autofree char *v1 = make_file (article, "1", "", "");
  g_autoptr(GlossaAnnotations) annotations = read_ok (article, data);
  const char *none[] = { ",\n  \"relations\": null", ",\n  \"relations\": []" };

  g_assert_null (annotations->extra);
  assert_writes (annotations, expected);
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autofree char *empty = make_file (article, "2", "", none[i]);
      g_autoptr(GlossaAnnotations) read = read_ok (article, empty);

      g_assert_cmpuint (read->relations->len, ==, 0);
      g_assert_null (read->extra);
      assert_writes (read, v1);
    }
}

typedef struct
{
  const char *name;
  const char *attr;
  const char *relations;
  const char *field;    /* "NAME: FIELD: " starts the message */
  const char *needle;   /* and this is in it */
} BadCase;

#define LINK(id, type, from, to) \
  "{\"id\": \"" id "\", \"type\": \"" type "\", \"from\": \"" from "\", \"to\": \"" to "\"}"

static const BadCase bad_cases[] = {
  { "relations-not-array", "", ",\n  \"relations\": {}", "relations", "array" },
  { "relation-not-object", "", ",\n  \"relations\": [1]", "relations[0]", "object" },
  { "relation-id-missing", "", ",\n  \"relations\": [{\"type\": \"source\", \"from\": \"s2\", \"to\": \"s1\"}]",
    "relations[0].id", "missing" },
  { "relation-id-empty", "", ",\n  \"relations\": [" LINK ("", "source", "s2", "s1") "]",
    "relations[0].id", "non-empty" },
  { "relation-to-number", "", ",\n  \"relations\": [{\"id\": \"r1\", \"type\": \"source\", \"from\": \"s2\", \"to\": 1}]",
    "relations[0].to", "string" },
  { "unknown-type", "", ",\n  \"relations\": [" LINK ("r1", "said", "s2", "s1") "]",
    "relations[0].type", "said" },
  { "unknown-from", "", ",\n  \"relations\": [" LINK ("r1", "source", "s9", "s1") "]",
    "relations[0].from", "s9" },
  { "unknown-to", "", ",\n  \"relations\": [" LINK ("r1", "source", "s2", "s9") "]",
    "relations[0].to", "s9" },
  { "from-not-allowed", "", ",\n  \"relations\": [" LINK ("r1", "source", "s1", "s2") "]",
    "relations[0].from", "actor" },
  { "to-not-allowed", "", ",\n  \"relations\": [" LINK ("r1", "source", "s2", "s3") "]",
    "relations[0].to", "claim" },
  { "self-link", "", ",\n  \"relations\": [" LINK ("r1", "source", "s2", "s2") "]",
    "relations[0].to", "itself" },
  { "duplicate-id", "", ",\n  \"relations\": [" LINK ("r1", "source", "s2", "s1") ", "
    LINK ("r1", "source", "s3", "s1") "]", "relations[1].id", "r1" },
  { "duplicate-link", "", ",\n  \"relations\": [" LINK ("r1", "source", "s2", "s1") ", "
    LINK ("r2", "source", "s2", "s1") "]", "relations[1]", "r2" },
  { "attributes-not-object", ", \"attributes\": [\"x\"]", "", "spans[3].attributes", "object" },
  { "attribute-number", ", \"attributes\": {\"value\": 2021}", "", "spans[3].attributes.value", "string" },
  { "attribute-undeclared", ", \"attributes\": {\"mood\": \"happy\"}", "", "spans[3].attributes.mood", "date" },
  { "attribute-bad-timex", ", \"attributes\": {\"value\": \"2021-13-45\"}", "", "spans[3].attributes.value", "" },
  { "value-source-unknown", ", \"attributes\": {\"value\": \"2021\"}, \"value_source\": \"robot\"", "",
    "spans[3].value_source", "auto" },
  { "value-source-without-value", ", \"value_source\": \"auto\"", "", "spans[3].value_source", "value" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *contents = make_file (article, "2", c->attr, c->relations);
  g_autofree char *prefix = g_strdup_printf (FILE_NAME ": %s: ", c->field);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (contents, strlen (contents), FILE_NAME, article, &error);
  g_assert_null (annotations);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, c->needle));
}

/* A JSONL corpus's annotation line carries the same fields, on one line. */
static void
test_jsonl_line (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();
  const char *line =
    "{\"id\": \"news\", \"status\": \"done\", \"annotator\": \"ann\", \"spans\": ["
    "{\"id\": \"s1\", \"start\": 0, \"end\": 5, \"label\": \"actor\", \"text\": \"abcde\"}, "
    "{\"id\": \"s2\", \"start\": 6, \"end\": 11, \"label\": \"quote\", \"text\": \"abcde\"}, "
    "{\"id\": \"s4\", \"start\": 18, \"end\": 23, \"label\": \"date\", \"text\": \"abcde\", "
    "\"attributes\": {\"value\": \"2021-W52\"}, \"value_source\": \"annotator\"}], "
    "\"relations\": [{\"id\": \"r1\", \"type\": \"source\", \"from\": \"s2\", \"to\": \"s1\"}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *bad = NULL;

  annotations = _glossa_format_read_annotation_line (schema, line, strlen (line) - 1,
                                                     "c.annotations.jsonl", 3, article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->relations->len, ==, 1);
  written = _glossa_format_write_annotation_line ("news", annotations);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), line, strlen (line));

  g_clear_pointer (&annotations, glossa_annotations_free);
  bad = replace (line, "\"to\": \"s1\"", "\"to\": \"s4\"");
  annotations = _glossa_format_read_annotation_line (schema, bad, strlen (bad) - 1,
                                                     "c.annotations.jsonl", 3, article, &error);
  g_assert_null (annotations);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "relations[0].to"));
}

static char *
serialize (GlossaDocument *document)
{
  g_autoptr(GBytes) bytes = glossa_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Deleting the quote drops its source link from the file; one undo brings
 * back both, and the save is the original file byte for byte.
 */
static void
test_document_linked_delete (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *data = make_file (article, "2", v2_attr, v2_relations);
  g_autoptr(GlossaAnnotations) annotations = read_ok (article, data);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/news.annotations.json");
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *undone = NULL;

  document = glossa_document_new_with_annotations (article, file, annotations);
  before = serialize (document);
  g_assert_cmpstr (before, ==, data);
  links = glossa_document_get_relations_of (document, "s1");
  g_assert_cmpuint (links->len, ==, 2);

  g_assert_true (glossa_document_remove_span (document, "s2", &error));
  g_assert_no_error (error);
  deleted = serialize (document);
  g_assert_null (strstr (deleted, "\"r2\""));
  g_assert_nonnull (strstr (deleted, "\"r1\""));

  g_assert_true (glossa_document_undo (document));
  undone = serialize (document);
  g_assert_cmpstr (undone, ==, data);
}

/* Relabelling the claim to a date, which a source link may not start at,
 * drops the link from the file; undoing the relabel restores it.
 */
static void
test_document_relabel (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autofree char *todo = make_file (article, "2", "", v2_relations);
  /* An edit marks a "todo" article in progress; start there. */
  g_autofree char *data = replace (todo, "\"todo\"", "\"in-progress\"");
  g_autoptr(GlossaAnnotations) annotations = read_ok (article, data);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/news.annotations.json");
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relabelled = NULL;
  g_autofree char *undone = NULL;
  GlossaSpan *span;

  document = glossa_document_new_with_annotations (article, file, annotations);
  span = glossa_document_update_span (document, "s3", 12, 17, GLOSSA_LABEL_ACTOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);
  relabelled = serialize (document);
  g_assert_null (strstr (relabelled, "\"r1\""));
  g_assert_nonnull (strstr (relabelled, "\"r2\""));

  g_assert_true (glossa_document_undo (document));
  undone = serialize (document);
  g_assert_cmpstr (undone, ==, data);
}

/* A new date span gets its value from the article's date, marked auto. */
static void
test_document_date_value (void)
{
  const char text[] = "date 2021-12-30 Putin spoke yesterday to reporters.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), "news.txt", &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/news.annotations.json");
  g_autoptr(GlossaDocument) document = NULL;
  GlossaSpan *span;
  /* The text is ASCII: bytes are code points. */
  gint64 start = strstr (text, "yesterday") - text;

  g_assert_no_error (error);
  document = glossa_document_new (article, file);
  span = glossa_document_add_span (document, start, start + 9, GLOSSA_LABEL_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2021-12-29");
  g_assert_cmpstr (span->value_source, ==, "auto");

  /* An actor has no attributes. */
  span = glossa_document_add_span (document, 16, 21, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  g_assert_null (span->attributes);

  /* A date made a claim loses its value, so that the save loads again. */
  span = glossa_document_lookup_span (document, "s1");
  g_assert_nonnull (span);
  span = glossa_document_update_span (document, "s1", span->start, span->end,
                                      GLOSSA_LABEL_CLAIM, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (span->attributes);
  g_assert_null (span->value_source);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/relations/v1-untouched", test_v1_untouched);
  g_test_add_func ("/relations/v2-round-trip", test_v2_round_trip);
  g_test_add_func ("/relations/v2-sorted", test_v2_sorted);
  g_test_add_func ("/relations/link-members", test_link_members);
  g_test_add_func ("/relations/jsonl-line", test_jsonl_line);
  g_test_add_func ("/relations/document/linked-delete", test_document_linked_delete);
  g_test_add_func ("/relations/document/relabel", test_document_relabel);
  g_test_add_func ("/relations/document/date-value", test_document_date_value);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/relations/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  return g_test_run ();
}
