/* test-label-rename.c: renaming a label across folder and JSONL corpora, with its preview
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-label-rename.h"
#include "glossa-schema.h"
#include "glossa-span.h"

#define ARTICLE "Mario Rossi of ACME met Anna in Rome."

#define NER_SCHEMA \
  "{\"format\": \"glossa-schema\", \"version\": 1,\n" \
  " \"labels\": [{\"name\": \"PER\", \"key\": \"p\", \"color\": \"#1c71d8\"},\n" \
  "            {\"name\": \"ORG\", \"key\": \"o\", \"color\": \"#26a269\"},\n" \
  "            {\"name\": \"LOC\", \"key\": \"l\", \"color\": \"#e66100\"}],\n" \
  " \"relations\": [{\"name\": \"member\", \"from\": [\"PER\"], \"to\": [\"ORG\"]}],\n" \
  " \"overlap\": {\"PER\": \"none\"}}\n"

typedef struct
{
  gint64      start;
  gint64      end;
  const char *label;
  const char *note;
} SpanSpec;

static GlossaSchema *
load_schema (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossaSchema *schema = glossa_schema_load (file, NULL, &error);

  g_assert_no_error (error);
  return schema;
}

static int
compare_span_pointers (gconstpointer a,
                       gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Writes NAME.txt and NAME.annotations.json as Glossa itself saves them. */
static char *
write_article (const char     *dir,
               const char     *name,
               GlossaSchema   *schema,
               const SpanSpec *specs,
               guint           n_specs)
{
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", dir, name);
  char *path = g_strdup_printf ("%s/%s.annotations.json", dir, name);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GBytes) bytes = NULL;

  ct_write_file (txt, ARTICLE, -1);
  annotations->doc_id = g_strdup (name);
  annotations->file = g_strdup_printf ("%s.txt", name);
  annotations->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ARTICLE, -1);
  annotations->length = strlen (ARTICLE);
  g_free (annotations->annotator);
  annotations->annotator = g_strdup ("ada");
  glossa_schema_unref (annotations->schema);
  annotations->schema = glossa_schema_ref (schema);
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *text = g_strndup (ARTICLE + specs[i].start, specs[i].end - specs[i].start);

      GlossaSpan *span = glossa_span_new (id, specs[i].start, specs[i].end,
                                          g_quark_from_string (specs[i].label), text);

      span->note = g_strdup (specs[i].note);
      g_ptr_array_add (annotations->spans, span);
    }
  g_ptr_array_sort (annotations->spans, compare_span_pointers);
  bytes = glossa_format_write (annotations);
  ct_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GBytes) bytes = ct_read_file (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A corpus of three articles: a uses PER twice, b only ORG, c has no span.
 * Returns the folder; @paths gets the three annotation files.
 */
static char *
make_ner_corpus (char **paths)
{
  char *tmp = ct_make_tmpdir ();
  g_autofree char *schema_path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GlossaSchema) schema = NULL;
  static const SpanSpec a[] = { { 0, 11, "PER", NULL }, { 15, 19, "ORG", NULL }, { 24, 28, "PER", NULL } };
  static const SpanSpec b[] = { { 15, 19, "ORG", NULL } };

  ct_write_file (schema_path, NER_SCHEMA, -1);
  schema = load_schema (tmp);
  paths[0] = write_article (tmp, "a", schema, a, G_N_ELEMENTS (a));
  paths[1] = write_article (tmp, "b", schema, b, G_N_ELEMENTS (b));
  paths[2] = write_article (tmp, "c", schema, NULL, 0);
  return tmp;
}

static void
assert_reads_under (const char   *path,
                    GlossaSchema *schema)
{
  g_autoptr(GBytes) bytes = ct_read_file (path);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  annotations = glossa_format_read_with_schema (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                path, NULL, schema, &error);
  g_assert_no_error (error);
  /* What the rename wrote is what Glossa's own writer writes. */
  again = glossa_format_write (annotations);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* The preview counts the files and spans; applying renames the label in
 * the schema (its relation and overlap rule following) and in every
 * annotation file, and renaming back gives the same bytes.
 */
static void
test_folder (void)
{
  char *paths[3];
  g_autofree char *tmp = make_ner_corpus (paths);
  g_autofree char *schema_path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GlossaLabelRename) back = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_before = read_text (paths[0]);
  g_autofree char *b_before = read_text (paths[1]);
  g_autofree char *a_after = NULL;
  g_autofree char *schema_after = NULL;
  const char * const *files;

  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_no_error (error);
  /* Every annotation file lists the corpus's labels, so all three change. */
  g_assert_cmpuint (glossa_label_rename_get_n_files (rename), ==, 4);
  g_assert_cmpuint (glossa_label_rename_get_n_spans (rename), ==, 2);
  files = glossa_label_rename_get_files (rename);
  g_assert_cmpstr (files[0], ==, paths[0]);
  g_assert_cmpstr (files[3], ==, schema_path);
  g_assert_null (files[4]);
  /* The preview wrote nothing. */
  a_after = read_text (paths[0]);
  g_assert_cmpstr (a_after, ==, a_before);
  g_clear_pointer (&a_after, g_free);

  g_assert_true (glossa_label_rename_apply (rename, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 4);
  schema = load_schema (tmp);
  g_assert_cmpint (glossa_schema_label_index (schema, g_quark_from_string ("person")), ==, 0);
  g_assert_cmpint (glossa_schema_label_index (schema, g_quark_from_string ("PER")), ==, -1);
  g_assert_cmpint (glossa_schema_get_overlap (schema, g_quark_from_string ("person")), ==, GLOSSA_OVERLAP_NONE);
  g_assert_true (g_array_index (glossa_schema_get_relation (schema, 0)->from, GlossaLabel, 0) ==
                 g_quark_from_string ("person"));
  schema_after = read_text (schema_path);
  ct_assert_contains (schema_after, "\"key\": \"p\"");
  for (guint i = 0; i < 3; i++)
    assert_reads_under (paths[i], schema);
  a_after = read_text (paths[0]);
  ct_assert_contains (a_after, "\"label\": \"person\"");
  g_assert_null (strstr (a_after, "\"PER\""));

  back = glossa_label_rename_new (root, "person", "PER", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_label_rename_apply (back, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&a_after, g_free);
  a_after = read_text (paths[0]);
  g_assert_cmpstr (a_after, ==, a_before);
  g_clear_pointer (&a_after, g_free);
  a_after = read_text (paths[1]);
  g_assert_cmpstr (a_after, ==, b_before);

  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  ct_remove_tree (tmp);
}

/* A file changed after the preview: nothing is written, the error names it. */
static void
test_conflict (void)
{
  char *paths[3];
  g_autofree char *tmp = make_ner_corpus (paths);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_before = read_text (paths[0]);
  g_autofree char *a_after = NULL;
  g_autofree char *c_text = NULL;

  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_no_error (error);
  c_text = read_text (paths[2]);
  {
    g_autofree char *changed = g_strconcat (c_text, " ", NULL);

    ct_write_file (paths[2], changed, -1);
  }
  g_assert_false (glossa_label_rename_apply (rename, &written, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  ct_assert_contains (error->message, paths[2]);
  g_assert_cmpuint (written->len, ==, 0);
  a_after = read_text (paths[0]);
  g_assert_cmpstr (a_after, ==, a_before);

  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  ct_remove_tree (tmp);
}

/* A file that does not read stops the preview, naming it; nothing is
 * written. A file that cannot be written (full disk) stops the rename part-way: the
 * error says how far it got, the files written are listed, and the same
 * rename run again finishes it.
 */
static void
test_file_fails (void)
{
  char *paths[3];
  g_autofree char *tmp = make_ner_corpus (paths);
  g_autofree char *sub = g_build_filename (tmp, "z", NULL);
  g_autofree char *z_path = NULL;
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GlossaSchema) schema = load_schema (tmp);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b_text = read_text (paths[1]);
  g_autofree char *long_note = NULL;
  SpanSpec z[] = { { 0, 5, "PER", NULL } };
  struct rlimit saved, limited;
  void (*old_handler) (int);
  gboolean applied;

  ct_write_file (paths[1], "{\"format\": \"glossa-annotations\",", -1);
  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_null (rename);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  ct_assert_contains (error->message, paths[1]);
  g_clear_error (&error);
  ct_write_file (paths[1], b_text, -1);

  /* z/z.annotations.json is the only large file: with the process's file
   * size limit below its size, writing it fails, as on a full disk (root
   * included, which permissions would not stop).
   */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  z[0].note = long_note = g_strnfill (64 * 1024, 'n');
  z_path = write_article (sub, "z", schema, z, G_N_ELEMENTS (z));
  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_label_rename_get_n_files (rename), ==, 5);
  g_assert_true (getrlimit (RLIMIT_FSIZE, &saved) == 0);
  limited = saved;
  limited.rlim_cur = 16 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_true (setrlimit (RLIMIT_FSIZE, &limited) == 0);
  applied = glossa_label_rename_apply (rename, &written, &error);
  g_assert_true (setrlimit (RLIMIT_FSIZE, &saved) == 0);
  signal (SIGXFSZ, old_handler);
  g_assert_false (applied);
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "renamed in 3 files, not in the 2 others");
  ct_assert_contains (error->message, z_path);
  g_assert_cmpuint (written->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (written, 0), ==, paths[0]);
  g_clear_error (&error);
  g_clear_pointer (&rename, glossa_label_rename_free);
  g_clear_pointer (&written, g_ptr_array_unref);

  /* Every file not reached still reads: the schema was not written. */
  assert_reads_under (z_path, schema);
  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_label_rename_get_n_files (rename), ==, 2);
  g_assert_true (glossa_label_rename_apply (rename, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&schema, glossa_schema_unref);
  schema = load_schema (tmp);
  assert_reads_under (z_path, schema);
  assert_reads_under (paths[0], schema);

  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  ct_remove_tree (tmp);
}

/* What a rename refuses before reading any annotation file. */
static void
test_refused (void)
{
  char *paths[3];
  g_autofree char *tmp = make_ner_corpus (paths);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *old_name;
    const char *new_name;
    const char *message;
  } cases[] = {
    { "actor", "person", "no label “actor”" },
    { "PER", "org", "already has a label “ORG”" },
    { "PER", "PER", "already the label’s name" },
    { "PER", "a b", "a b" },
    { "PER", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GlossaLabelRename *rename = glossa_label_rename_new (root, cases[i].old_name, cases[i].new_name,
                                                           NULL, &error);

      g_assert_null (rename);
      g_assert_nonnull (error);
      ct_assert_contains (error->message, cases[i].message);
      g_clear_error (&error);
    }
  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  ct_remove_tree (tmp);
}

/* A corpus with the built-in labels gets a glossa-schema.json, where the
 * renamed label shows its new name, not the built-in title.
 */
static void
test_default_schema (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *schema_path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  static const SpanSpec spans[] = { { 0, 11, "actor", NULL } };

  path = write_article (tmp, "a", builtin, spans, G_N_ELEMENTS (spans));
  rename = glossa_label_rename_new (root, "actor", "person", NULL, &error);
  g_assert_no_error (error);
  where = g_file_get_path (glossa_label_rename_get_schema_file (rename));
  g_assert_cmpstr (where, ==, schema_path);
  g_assert_false (g_file_test (schema_path, G_FILE_TEST_EXISTS));
  g_assert_true (glossa_label_rename_apply (rename, NULL, &error));
  g_assert_no_error (error);
  schema = load_schema (tmp);
  g_assert_cmpstr (glossa_schema_label_title (glossa_schema_get_label (schema, 0)), ==, "person");
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, 4);
  assert_reads_under (path, schema);
  ct_remove_tree (tmp);
}

/* A JSONL corpus: the corpus file's lines and FILE.annotations.jsonl's that
 * name the label are rewritten; the others (malformed, CRLF, without it)
 * are kept byte for byte.
 */
static void
test_jsonl (void)
{
  g_autofree char *tmp = ct_make_tmpdir ();
  g_autofree char *schema_path = g_build_filename (tmp, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autofree char *corpus_path = g_build_filename (tmp, "news.jsonl", NULL);
  g_autofree char *annotations_path = g_build_filename (tmp, "news.annotations.jsonl", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (corpus_path);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus_after = NULL;
  g_autofree char *annotations_after = NULL;
  const char *corpus_text =
    "{\"id\": \"a\", \"text\": \"" ARTICLE "\", \"spans\": [{\"start\": 0, \"end\": 11, \"label\": \"PER\", \"text\": \"Mario Rossi\"}]}\r\n"
    "{\"id\": \"b\", \"text\": \"" ARTICLE "\", \"spans\": [{\"start\": 15, \"end\": 19, \"label\": \"ORG\", \"text\": \"ACME\"}]}\n"
    "{\"id\": \"broken\", \"label\": \"PER\"\n";
  const char *annotations_text =
    "{\"id\": \"b\", \"status\": \"done\", \"annotator\": \"ada\", \"spans\": ["
    "{\"id\": \"s1\", \"start\": 0, \"end\": 11, \"label\": \"PER\", \"text\": \"Mario Rossi\"}, "
    "{\"id\": \"s2\", \"start\": 32, \"end\": 36, \"label\": \"PER\", \"text\": \"Rome\"}]}\n";

  ct_write_file (schema_path, NER_SCHEMA, -1);
  ct_write_file (corpus_path, corpus_text, -1);
  ct_write_file (annotations_path, annotations_text, -1);

  rename = glossa_label_rename_new (root, "PER", "person", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_label_rename_get_n_files (rename), ==, 3);
  g_assert_cmpuint (glossa_label_rename_get_n_spans (rename), ==, 3);
  g_assert_true (glossa_label_rename_apply (rename, NULL, &error));
  g_assert_no_error (error);

  corpus_after = read_text (corpus_path);
  g_assert_cmpstr (corpus_after, ==,
    "{\"id\": \"a\", \"text\": \"" ARTICLE "\", \"spans\": [{\"start\": 0, \"end\": 11, \"label\": \"person\", \"text\": \"Mario Rossi\"}]}\r\n"
    "{\"id\": \"b\", \"text\": \"" ARTICLE "\", \"spans\": [{\"start\": 15, \"end\": 19, \"label\": \"ORG\", \"text\": \"ACME\"}]}\n"
    "{\"id\": \"broken\", \"label\": \"PER\"\n");
  annotations_after = read_text (annotations_path);
  g_assert_cmpstr (annotations_after, ==,
    "{\"id\": \"b\", \"status\": \"done\", \"annotator\": \"ada\", \"spans\": ["
    "{\"id\": \"s1\", \"start\": 0, \"end\": 11, \"label\": \"person\", \"text\": \"Mario Rossi\"}, "
    "{\"id\": \"s2\", \"start\": 32, \"end\": 36, \"label\": \"person\", \"text\": \"Rome\"}]}\n");

  /* The corpus opens under the renamed schema and its articles load. */
  corpus = glossa_corpus_open (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      document = glossa_corpus_load_document (corpus, i, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (glossa_document_get_error (document));
      g_clear_object (&document);
    }
  ct_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-rename/folder", test_folder);
  g_test_add_func ("/label-rename/conflict", test_conflict);
  g_test_add_func ("/label-rename/file-fails", test_file_fails);
  g_test_add_func ("/label-rename/refused", test_refused);
  g_test_add_func ("/label-rename/default-schema", test_default_schema);
  g_test_add_func ("/label-rename/jsonl", test_jsonl);

  return g_test_run ();
}
