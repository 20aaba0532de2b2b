/* test-schema-file.c: reading, checking, finding and writing glossa-schema.json
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-span.h"
#include "glossa-schema.h"

#define ISSUE_SCHEMA \
  "{\"format\": \"glossa-schema\", \"version\": 1,\n" \
  " \"labels\": [{\"name\": \"actor\", \"key\": \"a\", \"color\": \"#1c71d8\", \"description\": \"a person or organisation\"},\n" \
  "            {\"name\": \"date\", \"key\": \"d\", \"color\": \"#9141ac\", \"attributes\": [{\"name\": \"value\", \"type\": \"timex\"}]},\n" \
  "            {\"name\": \"quote\", \"key\": \"q\", \"color\": \"#2A6\", \"attributes\": [{\"name\": \"kind\", \"type\": \"choice\", \"values\": [\"direct\", \"indirect\", \"mixed\"]}]},\n" \
  "            {\"name\": \"claim\", \"title\": \"Claim\", \"color_dark\": \"#ffa348\"}],\n" \
  " \"relations\": [{\"name\": \"source\", \"key\": \"s\", \"from\": [\"quote\", \"claim\"], \"to\": [\"actor\"]}],\n" \
  " \"overlap\": {\"actor\": \"nested\", \"date\": \"none\"},\n" \
  " \"suggesters\": {\"names\": false}}\n"

static GlossaSchema *
parse (const char *text,
       GError    **error)
{
  return glossa_schema_parse (text, strlen (text), "s.json", error);
}

static void
test_issue_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = parse (ISSUE_SCHEMA, &error);
  const GlossaSchemaLabel *quote, *date;
  const GlossaSchemaRelation *source;
  GlossaLabel actor;

  g_assert_no_error (error);
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, 4);
  g_assert_cmpstr (glossa_label_to_string (glossa_schema_get_label (schema, 0)->name), ==, "actor");
  g_assert_cmpstr (glossa_schema_get_label (schema, 0)->key, ==, "a");
  quote = glossa_schema_get_label (schema, 2);
  g_assert_cmpstr (quote->color, ==, "#22aa66");
  g_assert_cmpuint (quote->attributes->len, ==, 1);
  g_assert_cmpstr (((GlossaSchemaAttribute *) quote->attributes->pdata[0])->choices[2], ==, "mixed");
  date = glossa_schema_get_label (schema, 1);
  g_assert_cmpint (date->overlap, ==, GLOSSA_OVERLAP_NONE);
  g_assert_cmpint (((GlossaSchemaAttribute *) date->attributes->pdata[0])->type, ==, GLOSSA_ATTRIBUTE_TIMEX);
  g_assert_cmpint (glossa_schema_get_label (schema, 0)->overlap, ==, GLOSSA_OVERLAP_NESTED);
  g_assert_cmpint (quote->overlap, ==, GLOSSA_OVERLAP_ANY);
  /* a label without a colour gets the palette's */
  g_assert_cmpstr (glossa_schema_get_label (schema, 3)->color, ==, glossa_schema_palette_color (3));
  g_assert_cmpstr (glossa_schema_get_label (schema, 3)->color_dark, ==, "#ffa348");
  source = glossa_schema_find_relation (schema, "source");
  g_assert_nonnull (source);
  g_assert_cmpuint (source->from->len, ==, 2);
  glossa_label_from_string ("actor", &actor);
  g_assert_true (g_array_index (source->to, GlossaLabel, 0) == actor);
  g_assert_false (glossa_schema_get_suggester (schema, "names"));
  g_assert_true (glossa_schema_get_suggester (schema, "quotes"));
  g_assert_cmpstr (glossa_schema_get_path (schema), ==, "s.json");
  g_assert_false (glossa_schema_is_default (schema));
}

/* Written, read back and written again: the same bytes, the same schema. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = parse (ISSUE_SCHEMA, &error);
  g_autoptr(GBytes) first = glossa_schema_to_bytes (schema);
  g_autoptr(GlossaSchema) again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();
  g_autoptr(GBytes) builtin_bytes = glossa_schema_to_bytes (builtin);
  g_autoptr(GlossaSchema) builtin_again = NULL;
  gsize len;
  const char *data = g_bytes_get_data (first, &len);

  again = glossa_schema_parse (data, len, "again.json", &error);
  g_assert_no_error (error);
  second = glossa_schema_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_nonnull (strstr (data, "\"overlap\": {\n    \"actor\": \"nested\",\n    \"date\": \"none\"\n  }"));
  g_assert_nonnull (strstr (data, "\"suggesters\": {\n    \"names\": false\n  }"));

  data = g_bytes_get_data (builtin_bytes, &len);
  builtin_again = glossa_schema_parse (data, len, "builtin.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_schema_get_n_labels (builtin_again), ==, 4);
  g_assert_cmpuint (glossa_schema_get_n_relations (builtin_again), ==, 1);
}

#define HEAD "{\"format\": \"glossa-schema\", \"version\": 1,\n \"labels\": [\n"

static const struct
{
  const char *text;
  const char *message;
} bad[] = {
  { "{\"format\": \"glossa-schema\", \"version\": 1, \"labels\": [], }", "s.json:1:55: trailing comma" },
  { "[]", "s.json:1:1: expected a JSON object" },
  { "{\"format\": \"glossa\", \"version\": 1, \"labels\": []}", "s.json:1:12: format: expected \"glossa-schema\", not \"glossa\"" },
  { "{\"format\": \"glossa-schema\", \"version\": 2, \"labels\": []}", "s.json:1:40: version: this version of Glossa reads schema version 1 only" },
  { "{\"format\": \"glossa-schema\", \"labels\": []}", "s.json:1:1: the member “version” is missing" },
  { "{\"format\": \"glossa-schema\", \"version\": 1, \"label\": []}", "s.json:1:52: label: unknown member “label”" },
  { "{\"format\": \"glossa-schema\", \"version\": 1}", "s.json:1:1: the member “labels” is missing" },
  { "{\"format\": \"glossa-schema\", \"version\": 1, \"labels\": []}", "s.json:1:53: labels: a schema needs at least one label" },
  { HEAD "  {\"name\": \"a\", \"colour\": \"#fff\"}]}", "s.json:3:27: labels[0].colour: unknown member “colour”" },
  { HEAD "  {\"name\": \"actor\"},\n  {\"name\": \"Actor\"}]}", "s.json:4:12: labels[1].name: the label “Actor” is listed twice" },
  { HEAD "  {\"name\": \"B-x\"},\n  {\"name\": \"two words\"}]}", "s.json:4:12: labels[1].name: " },
  { HEAD "  {\"name\": \"x\", \"key\": \"k\"},\n  {\"name\": \"y\", \"key\": \"K\"}]}", "s.json:4:24: labels[1].key: the key “K” is already used by “x”" },
  { HEAD "  {\"name\": \"x\", \"key\": \"1\"}]}", "s.json:3:24: labels[0].key: the key “1” is one of Glossa’s own" },
  { HEAD "  {\"name\": \"x\", \"key\": \"n\"}]}", "s.json:3:24: labels[0].key: the key “n” is one of Glossa’s own" },
  { HEAD "  {\"name\": \"x\", \"key\": \"ab\"}]}", "s.json:3:24: labels[0].key: a key is one visible character, not “ab”" },
  { HEAD "  {\"name\": \"x\", \"color\": \"blue\"}]}", "s.json:3:26: labels[0].color: “blue” is not a color" },
  { HEAD "  {\"name\": \"x\", \"color_dark\": \"#12345\"}]}", "s.json:3:31: labels[0].color_dark: “#12345” is not a color" },
  { HEAD "  {\"name\": \"x\", \"title\": 3}]}", "s.json:3:26: labels[0].title: expected a string" },
  { HEAD "  {\"name\": \"x\", \"attributes\": [{\"name\": \"k\", \"type\": \"enum\"}]}]}", "s.json:3:54: labels[0].attributes[0].type: unknown attribute type “enum”" },
  { HEAD "  {\"name\": \"x\", \"attributes\": [{\"name\": \"k\", \"type\": \"choice\"}]}]}", "s.json:3:32: labels[0].attributes[0]: a choice needs a non-empty array “values”" },
  { HEAD "  {\"name\": \"x\", \"attributes\": [{\"name\": \"k\", \"type\": \"choice\", \"values\": [\"a\", \"a\"]}]}]}", "s.json:3:80: labels[0].attributes[0].values[1]: the value “a” is listed twice" },
  { HEAD "  {\"name\": \"x\", \"attributes\": [{\"name\": \"k\", \"type\": \"text\", \"values\": [\"a\"]}]}]}", "s.json:3:32: labels[0].attributes[0]: only a choice has values" },
  { HEAD "  {\"name\": \"x\"}],\n \"relations\": [{\"name\": \"r\", \"from\": [\"x\"], \"to\": [\"y\"]}]}", "s.json:4:52: relations[0].to[0]: the label “y” is not in this schema" },
  { HEAD "  {\"name\": \"x\", \"key\": \"x\"}],\n \"relations\": [{\"name\": \"r\", \"key\": \"x\"}]}", "s.json:4:37: relations[0].key: the key “x” is already used by “x”" },
  { HEAD "  {\"name\": \"x\"}],\n \"relations\": [{\"name\": \"r\"}, {\"name\": \"r\"}]}", "s.json:4:40: relations[1].name: the relation “r” is listed twice" },
  { HEAD "  {\"name\": \"x\"}],\n \"overlap\": {\"x\": \"stacking\"}}", "s.json:4:19: overlap.x: unknown overlap rule" },
  { HEAD "  {\"name\": \"x\"}],\n \"overlap\": {\"y\": \"none\"}}", "s.json:4:19: overlap.y: the label “y” is not in this schema" },
  { HEAD "  {\"name\": \"x\"}],\n \"suggesters\": {\"dates\": 1}}", "s.json:4:26: suggesters.dates: expected true or false" },
  { HEAD "  {\"name\": \"x\"}],\n \"suggesters\": {\"people\": true}}", "s.json:4:27: suggesters.people: unknown member “people”" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossaSchema) schema = parse (bad[i].text, &error);

      g_test_message ("case %u: %s", i, bad[i].text);
      g_assert_null (schema);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, bad[i].message))
        g_error ("case %u: expected “%s…”, got “%s”", i, bad[i].message, error->message);
    }
}

static void
test_too_many_labels (void)
{
  g_autoptr(GString) text = g_string_new (HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = NULL;

  for (guint i = 0; i < GLOSSA_SCHEMA_MAX_LABELS; i++)
    g_string_append_printf (text, "%s{\"name\": \"l%u\"}", i > 0 ? ", " : "", i);
  g_string_append (text, "]}");
  schema = parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, GLOSSA_SCHEMA_MAX_LABELS);
  g_clear_pointer (&schema, glossa_schema_unref);

  g_string_truncate (text, text->len - 2);
  g_string_append (text, ", {\"name\": \"extra\"}]}");
  schema = parse (text->str, &error);
  g_assert_null (schema);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "s.json:2:12: labels: a schema has at most 127 labels, not 128"));
}

static void
write_schema (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autofree char *text = g_strdup_printf (HEAD "  {\"name\": \"%s\"}]}\n", name);

  g_mkdir_with_parents (dir, 0700);
  ct_write_file (path, text, -1);
}

static char *
first_label_for (const char *article,
                 const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GFile) root_file = root != NULL ? g_file_new_for_path (root) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = glossa_schema_find_for (file, root_file, &error);

  g_assert_no_error (error);
  return g_strdup (glossa_label_to_string (glossa_schema_get_label (schema, 0)->name));
}

/* The nearest schema up the tree wins, never one above the corpus root. */
static void
test_inheritance (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *corpus = g_build_filename (tmp, "corpus", NULL);
  g_autofree char *sub = g_build_filename (corpus, "sub", NULL);
  g_autofree char *deep = g_build_filename (sub, "deep", NULL);
  g_autofree char *deep_article = g_build_filename (deep, "a.txt", NULL);
  g_autofree char *top_article = g_build_filename (corpus, "a.txt", NULL);
  g_autofree char *label = NULL;

  g_mkdir_with_parents (deep, 0700);
  write_schema (tmp, "above");
  label = first_label_for (deep_article, corpus);
  g_assert_cmpstr (label, ==, "actor");   /* the default: above the root */
  g_clear_pointer (&label, g_free);

  write_schema (corpus, "top");
  label = first_label_for (deep_article, corpus);
  g_assert_cmpstr (label, ==, "top");
  g_clear_pointer (&label, g_free);

  write_schema (sub, "middle");
  label = first_label_for (deep_article, corpus);
  g_assert_cmpstr (label, ==, "middle");
  g_clear_pointer (&label, g_free);
  label = first_label_for (top_article, corpus);
  g_assert_cmpstr (label, ==, "top");
  g_clear_pointer (&label, g_free);

  /* a single article's root is its own folder */
  label = first_label_for (deep_article, NULL);
  g_assert_cmpstr (label, ==, "actor");
  g_clear_pointer (&label, g_free);
  label = first_label_for (deep_article, deep_article);
  g_assert_cmpstr (label, ==, "actor");
  g_clear_pointer (&label, g_free);

  ct_remove_tree (tmp);
}

/* A broken schema is an error, never the default. */
static void
test_broken_is_error (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autofree char *article = g_build_filename (tmp, "a.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autofree char *expected = g_strdup_printf ("%s:1:2: ", path);

  ct_write_file (path, "{,}", -1);
  schema = glossa_schema_find_for (file, NULL, &error);
  g_assert_null (schema);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  /* a FIFO is refused, not waited on */
  g_unlink (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  schema = glossa_schema_find_for (file, NULL, &error);
  g_assert_null (schema);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  ct_remove_tree (tmp);
}

static void
test_save (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = parse (ISSUE_SCHEMA, &error);
  g_autoptr(GlossaSchema) loaded = NULL;
  g_autoptr(GBytes) expected = glossa_schema_to_bytes (schema);
  g_autofree char *contents = NULL;
  GlossaFileStamp stamp = { 0 };
  gsize len;

  /* a new file: a stamp that says it does not exist */
  g_assert_true (glossa_schema_save (schema, file, &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  loaded = glossa_schema_load (file, &stamp, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_schema_save (loaded, file, &stamp, &error));
  g_assert_no_error (error);

  /* someone else writes it: the save is refused, their bytes stay */
  ct_write_file (path, "theirs, longer than before", -1);
  g_assert_false (glossa_schema_save (loaded, file, &stamp, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "theirs, longer than before");
  ct_remove_tree (tmp);
}

static void
test_copy_renamed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = parse (ISSUE_SCHEMA, &error);
  g_autoptr(GlossaSchema) renamed = NULL;
  g_autoptr(GlossaSchema) refused = NULL;
  GlossaLabel actor, person;

  glossa_label_from_string ("actor", &actor);
  renamed = glossa_schema_copy_renamed (schema, actor, "person", &error);
  g_assert_no_error (error);
  glossa_label_from_string ("person", &person);
  g_assert_true (glossa_schema_get_label (renamed, 0)->name == person);
  g_assert_cmpint (glossa_schema_get_overlap (renamed, person), ==, GLOSSA_OVERLAP_NESTED);
  g_assert_true (g_array_index (glossa_schema_find_relation (renamed, "source")->to, GlossaLabel, 0) == person);
  g_assert_cmpint (glossa_schema_label_index (renamed, actor), <, 0);
  g_assert_false (glossa_schema_get_suggester (renamed, "names"));

  refused = glossa_schema_copy_renamed (schema, actor, "Date", &error);
  g_assert_null (refused);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
}

static GlossaSpan *
make_span (const char *id,
           gint64      start,
           gint64      end,
           const char *name)
{
  GlossaLabel label;

  g_assert_true (glossa_label_from_string (name, &label));
  return glossa_span_new (id, start, end, label, "x");
}

/* The validator's check: both spans and the rule named; nested spans pass
 * "nested", crossing ones do not; "none" refuses nesting too.
 */
static void
test_check_overlaps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = parse (ISSUE_SCHEMA, &error);
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  g_ptr_array_add (spans, make_span ("s1", 0, 20, "actor"));
  g_ptr_array_add (spans, make_span ("s2", 5, 10, "quote"));
  g_assert_true (glossa_schema_check_overlaps (schema, spans, "f.json", "spans", &error));
  g_assert_no_error (error);

  g_ptr_array_add (spans, make_span ("s3", 15, 30, "claim"));
  g_assert_false (glossa_schema_check_overlaps (schema, spans, "f.json", "spans", &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "f.json: spans[0] (actor, 0–20) and spans[2] (claim, 15–30) overlap, "
                   "which the rule “nested” of the label “actor” forbids");
  g_clear_error (&error);
  /* the built-in schema allows everything */
  g_assert_true (glossa_schema_check_overlaps (builtin, spans, "f.json", "spans", &error));

  g_ptr_array_set_size (spans, 1);
  g_ptr_array_add (spans, make_span ("s4", 2, 4, "date"));
  g_assert_false (glossa_schema_check_overlaps (schema, spans, "f.json", "spans", &error));
  g_assert_nonnull (strstr (error->message, "the rule “none” of the label “date”"));
}

#define NER_SCHEMA HEAD "  {\"name\": \"PER\"}, {\"name\": \"ORG\"}]}\n"
#define ARTICLE "Mario Rossi spoke."

static void
write_annotated (const char *dir,
                 const char *label)
{
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *annotations = g_build_filename (dir, "a.annotations.json", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ARTICLE, -1);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"glossa-annotations\", \"version\": 1,\n"
    " \"document\": {\"id\": \"a\", \"file\": \"a.txt\", \"sha256\": \"%s\", \"length\": %d},\n"
    " \"labels\": [\"PER\", \"ORG\"], \"status\": \"in-progress\", \"annotator\": \"ada\",\n"
    " \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 11, \"label\": \"%s\", \"text\": \"Mario Rossi\"}]}\n",
    sha, (int) strlen (ARTICLE), label);

  ct_write_file (article, ARTICLE, -1);
  ct_write_file (annotations, json, -1);
}

/* Documents opened from a corpus, or alone, are read under the schema. */
static void
test_corpus_and_document (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *schema_path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autofree char *article_path = g_build_filename (tmp, "a.txt", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaDocument) alone = NULL;

  ct_write_file (schema_path, NER_SCHEMA, -1);
  write_annotated (tmp, "PER");
  corpus = glossa_corpus_open (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_schema_get_path (glossa_corpus_get_schema (corpus)), ==, schema_path);
  document = glossa_corpus_load_document (corpus, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  g_assert_cmpstr (glossa_schema_get_path (glossa_document_get_schema (document)), ==, schema_path);

  alone = glossa_document_open (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (alone));
  g_assert_cmpuint (glossa_schema_get_n_labels (glossa_document_get_schema (alone)), ==, 2);
  g_clear_object (&alone);
  g_clear_object (&document);
  g_clear_object (&corpus);

  /* a label the schema lacks: refused, naming the label and the schema */
  write_annotated (tmp, "actor");
  alone = glossa_document_open (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_get_error (alone));
  g_assert_nonnull (strstr (glossa_document_get_error (alone)->message, "“actor”"));
  g_assert_nonnull (strstr (glossa_document_get_error (alone)->message, schema_path));
  g_clear_object (&alone);

  /* a broken schema: the corpus does not open, the document is read-only */
  ct_write_file (schema_path, "{\"format\": \"glossa-schema\"}", -1);
  corpus = glossa_corpus_open (root, NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, schema_path));
  g_clear_error (&error);
  alone = glossa_document_open (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_get_error (alone));
  g_assert_true (g_str_has_prefix (glossa_document_get_error (alone)->message, schema_path));
  g_clear_object (&alone);
  ct_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema-file/issue-example", test_issue_example);
  g_test_add_func ("/schema-file/round-trip", test_round_trip);
  g_test_add_func ("/schema-file/errors", test_errors);
  g_test_add_func ("/schema-file/too-many-labels", test_too_many_labels);
  g_test_add_func ("/schema-file/inheritance", test_inheritance);
  g_test_add_func ("/schema-file/broken-is-error", test_broken_is_error);
  g_test_add_func ("/schema-file/save", test_save);
  g_test_add_func ("/schema-file/copy-renamed", test_copy_renamed);
  g_test_add_func ("/schema-file/check-overlaps", test_check_overlaps);
  g_test_add_func ("/schema-file/corpus-and-document", test_corpus_and_document);

  return g_test_run ();
}
