/* test-output.c: safe names from ids, refused outputs, partial outputs and the review's output
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-error.h"
#include "glossa-output.h"
#include "glossa-review.h"
#include "glossa-storage.h"

static char *
hash12 (const char *id)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);

  return g_strndup (sum, 12);
}

/* What every safe name must be, whatever the id. */
static void
assert_safe (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), >, 0);
  g_assert_false (g_path_is_absolute (name));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (parts[i]), >, 0);
      g_assert_cmpuint (strlen (parts[i]), <=, GLOSSA_OUTPUT_NAME_MAX);
      g_assert_cmpint (parts[i][0], !=, '.');
      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          g_assert_cmpint ((guchar) *p, >=, 0x20);
          g_assert_cmpint (*p, !=, 0x7f);
          g_assert_cmpint (*p, !=, '\\');
        }
    }
}

/* Each hostile id, its name when it can be told, and the name staying
 * inside the folder it is written in.
 */
static void
test_safe_name_hostile (void)
{
  static const struct { const char *id; const char *stem; } cases[] = {
    { "../../../../tmp/x", "tmp/x" },
    { "/etc/passwd", "etc/passwd" },
    { "a/../../b", "a/b" },
    { "", "document" },
    { ".", "document" },
    { "..", "document" },
    { "/", "document" },
    { ".hidden", "_.hidden" },
    { "a/.git/config", "a/_.git/config" },
    { "a//b/", "a/b" },
    { "tab\there\nand\x01\x7f", "tab_here_and__" },
    { "back\\slash\\..\\x", "back_slash_.._x" },
    { "bad\xff" "utf8", "bad\xef\xbf\xbd" "utf8" },
  };
  g_autoptr(GFile) folder = g_file_new_for_path ("/srv/out");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean changed = FALSE;
      g_autofree char *name = glossa_output_safe_name (cases[i].id, &changed);
      g_autofree char *hash = hash12 (cases[i].id);
      g_autofree char *expected = g_strdup_printf ("%s-%s", cases[i].stem, hash);
      g_autoptr(GFile) child = g_file_resolve_relative_path (folder, name);

      g_test_message ("id %u: %s", i, name);
      assert_safe (name);
      g_assert_true (changed);
      g_assert_cmpstr (name, ==, expected);
      g_assert_true (g_file_has_prefix (child, folder));
    }
}

static void
test_safe_name_unchanged (void)
{
  static const char * const ids[] = { "article-7", "2021/article-7", "Zürich 東京 👍🏽", "a.b", "x..y" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gboolean changed = TRUE;
      g_autofree char *name = glossa_output_safe_name (ids[i], &changed);

      g_assert_cmpstr (name, ==, ids[i]);
      g_assert_false (changed);
    }
}

/* Cut on a character boundary, within the limit, and two long ids that
 * differ only past the cut still get two names.
 */
static void
test_safe_name_long (void)
{
  g_autoptr(GString) long_id = g_string_new ("dir/");
  g_autofree char *other_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < 300; i++)
    g_string_append (long_id, "é");
  other_id = g_strconcat (long_id->str, "x", NULL);
  g_string_append (long_id, "y");

  name = glossa_output_safe_name (long_id->str, &changed);
  other = glossa_output_safe_name (other_id, NULL);
  assert_safe (name);
  assert_safe (other);
  g_assert_true (changed);
  g_assert_cmpstr (name, !=, other);
  parts = g_strsplit (name, "/", -1);
  g_assert_cmpstr (parts[0], ==, "dir");
  g_assert_cmpuint (strlen (parts[1]), <=, GLOSSA_OUTPUT_NAME_MAX);
  g_assert_cmpuint (strlen (parts[1]), >=, GLOSSA_OUTPUT_NAME_MAX - 1);
}

static char *
add_name (GlossaOutputNames  *names,
          const char         *id,
          const char         *source,
          char              **warning)
{
  char *name = glossa_output_names_add (names, id, source, warning);

  assert_safe (name);
  return name;
}

/* Two ids that sanitise alike, or differ only in case, or repeat, still
 * get names of their own, and the warning names the id and its line.
 */
static void
test_names_collide (void)
{
  g_autoptr(GlossaOutputNames) names = glossa_output_names_new ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
  g_autofree char *warning_a = NULL, *warning_b = NULL, *warning_c = NULL;
  g_autofree char *warning_d = NULL, *warning_e = NULL, *warning_f = NULL;
  g_autofree char *folded_d = NULL, *folded_c = NULL;

  a = add_name (names, "a_b", "in.jsonl:1", &warning_a);
  b = add_name (names, "a\\b", "in.jsonl:2", &warning_b);
  c = add_name (names, "Report", "in.jsonl:3", &warning_c);
  d = add_name (names, "report", "in.jsonl:4", &warning_d);
  e = add_name (names, "Report", "in.jsonl:5", &warning_e);
  f = add_name (names, "/x", "in.jsonl:6", &warning_f);

  g_assert_cmpstr (a, ==, "a_b");
  g_assert_null (warning_a);
  g_assert_cmpstr (b, !=, a);
  g_assert_true (g_str_has_prefix (b, "a_b-"));
  ct_assert_contains (warning_b, "in.jsonl:2");
  ct_assert_contains (warning_b, "“a\\b”");
  ct_assert_contains (warning_b, b);

  g_assert_cmpstr (c, ==, "Report");
  g_assert_null (warning_c);
  folded_c = g_ascii_strdown (c, -1);
  folded_d = g_ascii_strdown (d, -1);
  g_assert_cmpstr (folded_d, !=, folded_c);
  g_assert_cmpstr (d, ==, "report-2");
  ct_assert_contains (warning_d, "in.jsonl:4");
  ct_assert_contains (warning_d, "“report”");
  ct_assert_contains (warning_d, "“report-2”");
  g_assert_cmpstr (e, ==, "Report-3");
  ct_assert_contains (warning_e, "in.jsonl:5");

  g_assert_false (g_path_is_absolute (f));
  ct_assert_contains (warning_f, "in.jsonl:6");
  ct_assert_contains (warning_f, "“/x”");
}

/* One id repeated many times, in two cases: every name its own, in
 * linear time (numbering from 2 each time took minutes here).
 */
static void
test_names_many_repeats (void)
{
  g_autoptr(GlossaOutputNames) names = glossa_output_names_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 20000; i++)
    {
      char *name = glossa_output_names_add (names, i % 2 ? "x" : "X", NULL, NULL);
      g_autofree char *key = g_ascii_strdown (name, -1);

      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_free (name);
    }
  g_test_message ("20000 names in %.2f s", (g_get_monotonic_time () - start) / 1e6);
}

/* Refusals */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

typedef struct
{
  char      *dir;
  char      *corpus;    /* a folder corpus: the input */
  char      *article;
  char      *jsonl;     /* a file input */
  GPtrArray *inputs;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = ct_make_tmpdir ();
  fx->corpus = g_build_filename (fx->dir, "corpus", NULL);
  fx->article = g_build_filename (fx->corpus, "a.txt", NULL);
  fx->jsonl = g_build_filename (fx->dir, "in.jsonl", NULL);
  g_assert_no_errno (g_mkdir (fx->corpus, 0777));
  ct_write_file (fx->article, "text", -1);
  ct_write_file (fx->jsonl, "{}\n", -1);
  fx->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fx->inputs, g_file_new_for_path (fx->corpus));
  g_ptr_array_add (fx->inputs, g_file_new_for_path (fx->jsonl));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  ct_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->corpus);
  g_free (fx->article);
  g_free (fx->jsonl);
  g_ptr_array_unref (fx->inputs);
}

/* The names in @dir, sorted, as one string: what a refusal must not change. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* @path refused as @kind, with a message naming it and @reason; nothing
 * appears beside it.
 */
static void
assert_refused (Fixture          *fx,
                const char       *path,
                GlossaOutputKind  kind,
                const char       *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaOutput) output = NULL;
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *before = listing (parent);
  g_autofree char *after = NULL;

  output = glossa_output_begin (file, kind, fx->inputs, &error);
  g_assert_null (output);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  ct_assert_contains (error->message, path);
  ct_assert_contains (error->message, reason);
  after = listing (parent);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refuse_inputs (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (fx->corpus, "out.jsonl", NULL);
  g_autofree char *deeper = g_build_filename (fx->corpus, "sub", NULL);
  g_autofree char *deeper_out = g_build_filename (deeper, "out", NULL);
  g_autofree char *hard = g_build_filename (fx->dir, "hard.jsonl", NULL);
  g_autofree char *soft = g_build_filename (fx->dir, "soft.jsonl", NULL);
  g_autofree char *soft_dir = g_build_filename (fx->dir, "link", NULL);
  g_autofree char *through_link = g_build_filename (soft_dir, "out.jsonl", NULL);

  g_assert_no_errno (g_mkdir (deeper, 0777));
  g_assert_no_errno (link (fx->jsonl, hard));
  g_assert_no_errno (symlink (fx->jsonl, soft));
  g_assert_no_errno (symlink (fx->corpus, soft_dir));

  assert_refused (fx, fx->jsonl, GLOSSA_OUTPUT_FILE, "it is the input");
  assert_refused (fx, hard, GLOSSA_OUTPUT_FILE, "it is the input");
  assert_refused (fx, soft, GLOSSA_OUTPUT_FILE, "it is the input");
  assert_refused (fx, fx->corpus, GLOSSA_OUTPUT_FOLDER, "it is the input");
  assert_refused (fx, inside, GLOSSA_OUTPUT_FILE, "inside the input folder");
  assert_refused (fx, deeper_out, GLOSSA_OUTPUT_FOLDER, "inside the input folder");
  assert_refused (fx, through_link, GLOSSA_OUTPUT_FILE, "inside the input folder");
  assert_refused (fx, fx->article, GLOSSA_OUTPUT_FILE, "inside the input folder");
}

static void
test_refuse_kinds (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fx->dir, "fifo", NULL);
  g_autofree char *to_null = g_build_filename (fx->dir, "null", NULL);
  g_autofree char *annotations = g_build_filename (fx->dir, "x.annotations.json", NULL);
  g_autofree char *annotations_jsonl = g_build_filename (fx->dir, "x.Annotations.JSONL", NULL);
  g_autofree char *full = g_build_filename (fx->dir, "full", NULL);
  g_autofree char *full_file = g_build_filename (full, "f", NULL);
  g_autofree char *file = g_build_filename (fx->dir, "file", NULL);

  g_assert_no_errno (mkfifo (fifo, 0666));
  g_assert_no_errno (symlink ("/dev/null", to_null));
  g_assert_no_errno (g_mkdir (full, 0777));
  ct_write_file (full_file, "mine", -1);
  ct_write_file (file, "mine", -1);

  assert_refused (fx, fifo, GLOSSA_OUTPUT_FILE, "named pipe");
  assert_refused (fx, "/dev/null", GLOSSA_OUTPUT_FILE, "device");
  assert_refused (fx, to_null, GLOSSA_OUTPUT_FILE, "device");
  assert_refused (fx, annotations, GLOSSA_OUTPUT_FILE, "annotation files");
  assert_refused (fx, annotations_jsonl, GLOSSA_OUTPUT_FILE, "annotation files");
  assert_refused (fx, full, GLOSSA_OUTPUT_FILE, "is a folder");
  assert_refused (fx, full, GLOSSA_OUTPUT_FOLDER, "not empty");
  assert_refused (fx, file, GLOSSA_OUTPUT_FOLDER, "not a folder");
}

static char *
partial_names (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, GLOSSA_OUTPUT_PARTIAL_PREFIX))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A failed output leaves nothing; a committed one is the whole file. */
static void
test_partial_removed (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossaOutput *output;

  output = glossa_output_begin (file, GLOSSA_OUTPUT_FOLDER, fx->inputs, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (strrchr (glossa_output_get_path (output), '/') + 1,
                                   GLOSSA_OUTPUT_PARTIAL_PREFIX "out."));
  {
    g_autofree char *deep = g_build_filename (glossa_output_get_path (output), "a", "b.txt", NULL);

    g_assert_true (glossa_output_make_parent (deep, &error));
    ct_write_file (deep, "half", -1);
  }
  glossa_output_free (output);
  names = partial_names (fx->dir);
  g_assert_cmpstr (names, ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  output = glossa_output_begin (file, GLOSSA_OUTPUT_FILE, fx->inputs, &error);
  g_assert_no_error (error);
  ct_write_file (glossa_output_get_path (output), "whole", -1);
  g_assert_true (glossa_output_commit (output, &error));
  glossa_output_free (output);
  bytes = ct_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "whole", 5);
  g_free (names);
  names = partial_names (fx->dir);
  g_assert_cmpstr (names, ==, "");
}

/* What a killed run left is removed by the next run to the same place;
 * anything else that merely looks like it is kept: another output's
 * leftovers, other suffixes, links, and the partial output of a run that
 * is still alive (it holds the folder's lock).
 */
static void
test_partial_leftovers (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "out.jsonl", NULL);
  g_autofree char *dead_file = g_build_filename (fx->dir, ".glossa-partial-out.jsonl.Ab12Cd", NULL);
  g_autofree char *dead_dir = g_build_filename (fx->dir, ".glossa-partial-out.jsonl.zzzzzz", NULL);
  g_autofree char *dead_child = g_build_filename (dead_dir, "x.txt", NULL);
  g_autofree char *dead_link = g_build_filename (fx->dir, ".glossa-partial-out.jsonl.LINK01", NULL);
  static const char * const kept[] = {
    ".glossa-partial-out.jsonl.keep",
    ".glossa-partial-out.jsonl.Ab12Cd.bak",
    ".glossa-partial-other.jsonl.Ab12Cd",
  };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *expected_names = NULL;
  g_autofree char *names = NULL;
  GlossaOutput *alive, *next;

  ct_write_file (dead_file, "half", -1);
  g_assert_no_errno (g_mkdir (dead_dir, 0777));
  ct_write_file (dead_child, "half", -1);
  g_assert_no_errno (symlink (fx->jsonl, dead_link));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *keep = g_build_filename (fx->dir, kept[i], NULL);

      ct_write_file (keep, "mine", -1);
      g_ptr_array_add (expected, (gpointer) kept[i]);
    }

  alive = glossa_output_begin (file, GLOSSA_OUTPUT_FILE, fx->inputs, &error);
  g_assert_no_error (error);
  g_ptr_array_add (expected, (gpointer) ".glossa-partial-out.jsonl.LINK01");
  g_ptr_array_add (expected, (gpointer) (strrchr (glossa_output_get_path (alive), '/') + 1));
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_add (expected, NULL);
  expected_names = g_strjoinv (" ", (char **) expected->pdata);
  names = partial_names (fx->dir);
  g_assert_cmpstr (names, ==, expected_names);
  g_assert_true (g_file_test (fx->jsonl, G_FILE_TEST_IS_REGULAR));

  /* A second run while the first is alive removes nothing of it. */
  next = glossa_output_begin (file, GLOSSA_OUTPUT_FILE, fx->inputs, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (glossa_output_get_path (alive), G_FILE_TEST_EXISTS));
  glossa_output_free (next);
  glossa_output_free (alive);
}

/* The review */

static void
test_review_location (Fixture       *fx,
                      gconstpointer  data)
{
  static const char * const ids[] = { "../../../../tmp/x", "/abs/x", "..", "", "a/../../b", "ok" };
  g_autofree char *out_path = g_build_filename (fx->dir, "adjudicated", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GFile) file = glossa_review_output_file (out, ids[i]);
      g_autofree char *relative = g_file_get_relative_path (out, file);

      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);

      g_assert_nonnull (relative);
      g_assert_true (g_str_has_suffix (relative, ".annotations.json"));
      g_assert_false (g_str_has_prefix (relative, "."));
      g_assert_null (strstr (relative, "/."));
      /* The folders it needs are there, so that the result can be saved. */
      g_assert_true (g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY);
      g_assert_true (glossa_file_replace_atomic (file, bytes, NULL, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *outside = g_build_filename (fx->dir, "tmp", NULL);

    g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(GFile) ok = glossa_review_output_file (out, "ok");
    g_autoptr(GFile) expected = g_file_get_child (out, "ok.annotations.json");

    g_assert_true (g_file_equal (ok, expected));
  }
}

static void
assert_review_refused (GFile      *output,
                       GFile      *a,
                       GFile      *b,
                       const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (output);

  g_assert_false (glossa_review_check_output (output, a, b, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  ct_assert_contains (error->message, name);
  ct_assert_contains (error->message, reason);
}

static void
test_review_refused (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *b_path = g_build_filename (fx->dir, "b", NULL);
  g_autofree char *b_sub = g_build_filename (b_path, "sub", NULL);
  g_autofree char *inside_a = g_build_filename (fx->corpus, "adjudicated", NULL);
  g_autofree char *fresh_path = g_build_filename (fx->dir, "adjudicated", NULL);
  g_autofree char *a_file = g_build_filename (fx->corpus, "a.annotations.json", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (fx->corpus);
  g_autoptr(GFile) a_single = g_file_new_for_path (a_file);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  g_autoptr(GFile) b_jsonl = g_file_new_for_path (fx->jsonl);
  g_autoptr(GFile) top = g_file_new_for_path (fx->dir);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GFile) a_child = g_file_new_for_path (inside_a);
  g_autoptr(GFile) b_child = g_file_new_for_path (b_sub);
  g_autoptr(GFile) article = g_file_new_for_path (fx->article);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir (b_path, 0777));
  g_assert_no_errno (g_mkdir (b_sub, 0777));

  assert_review_refused (a, a, b, "compared folder");
  assert_review_refused (a_child, a, b, "compared folder");
  assert_review_refused (top, a, b, "holds the compared folder");
  assert_review_refused (b, a, b, "compared folder");
  assert_review_refused (b_child, a, b, "compared folder");
  /* One article's annotations: its folder would hold A's file itself. */
  assert_review_refused (a, a_single, b_jsonl, "folder of the compared");
  assert_review_refused (top, a_single, b_jsonl, "folder of the compared");
  assert_review_refused (article, a_single, b, "need a folder");
  /* A link to a folder inside A writes inside A. */
  {
    g_autofree char *link_path = g_build_filename (fx->dir, "link", NULL);
    g_autoptr(GFile) link = g_file_new_for_path (link_path);

    g_assert_no_errno (g_mkdir (inside_a, 0777));
    g_assert_no_errno (symlink (inside_a, link_path));
    assert_review_refused (link, a, b, "compared folder");
  }

  g_assert_true (glossa_review_check_output (fresh, a, b, &error));
  g_assert_no_error (error);
  g_assert_true (glossa_review_check_output (fresh, a_single, b_jsonl, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/output/safe-name/hostile", test_safe_name_hostile);
  g_test_add_func ("/core/output/safe-name/unchanged", test_safe_name_unchanged);
  g_test_add_func ("/core/output/safe-name/long", test_safe_name_long);
  g_test_add_func ("/core/output/names/collide", test_names_collide);
  g_test_add_func ("/core/output/names/many-repeats", test_names_many_repeats);
  g_test_add ("/core/output/refuse/inputs", Fixture, NULL, fixture_set_up, test_refuse_inputs, fixture_tear_down);
  g_test_add ("/core/output/refuse/kinds", Fixture, NULL, fixture_set_up, test_refuse_kinds, fixture_tear_down);
  g_test_add ("/core/output/partial/removed", Fixture, NULL, fixture_set_up, test_partial_removed,
              fixture_tear_down);
  g_test_add ("/core/output/partial/leftovers", Fixture, NULL, fixture_set_up, test_partial_leftovers,
              fixture_tear_down);
  g_test_add ("/core/output/review/location", Fixture, NULL, fixture_set_up, test_review_location,
              fixture_tear_down);
  g_test_add ("/core/output/review/refused", Fixture, NULL, fixture_set_up, test_review_refused,
              fixture_tear_down);

  return g_test_run ();
}
