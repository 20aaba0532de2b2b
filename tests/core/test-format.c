/* test-format.c: tests of annotation files: round trip, layout, slicing, bad input
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
#include "glossa-json.h"
#include "glossa-span.h"

#include "core-test-util.h"

#define BOM "\xEF\xBB\xBF"

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    g_error ("“%s” is not in the template", from);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "core", name, NULL);
}

static GlossaArticle *
load_fixture_article (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_load (file, NULL, &error);

  g_assert_no_error (error);
  return article;
}

static GlossaAnnotations *
read_bytes (GBytes        *bytes,
            GlossaArticle *article)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  GlossaAnnotations *annotations;

  annotations = glossa_format_read (data, len, "roundtrip.annotations.json", article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

static void
assert_bytes_equal (GBytes *written,
                    GBytes *expected)
{
  gsize len_w, len_e;
  const char *w = g_bytes_get_data (written, &len_w);
  const char *e = g_bytes_get_data (expected, &len_e);

  if (len_w != len_e || memcmp (w, e, len_w) != 0)
    {
      g_autofree char *ws = g_strndup (w, len_w);
      g_autofree char *es = g_strndup (e, len_e);
      g_assert_cmpstr (ws, ==, es);
    }
}

/* Round trip */

/* The fixture has every known field, unknown members in the top level, in
 * "document" and in spans (objects, arrays, floats, null, escapes, text in
 * several scripts), laid out as Python writes it: reading and writing it
 * must give back the same bytes.
 */
static void
test_roundtrip_every_field (void)
{
  g_autofree char *path = fixture_path ("roundtrip.annotations.json");
  g_autoptr(GlossaArticle) article = load_fixture_article ("roundtrip.txt");
  g_autoptr(GBytes) original = ct_read_file (path);
  g_autoptr(GlossaAnnotations) annotations = read_bytes (original, article);
  g_autoptr(GBytes) written = NULL;
  GlossaSpan *span;

  g_assert_cmpstr (annotations->doc_id, ==, "roundtrip");
  g_assert_cmpstr (annotations->file, ==, "roundtrip.txt");
  g_assert_cmpstr (annotations->sha256, ==, glossa_article_get_sha256 (article));
  g_assert_cmpint (annotations->length, ==, 190);
  g_assert_cmpstr (annotations->date, ==, "2021-12-31");
  g_assert_cmpint (annotations->status, ==, GLOSSA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (annotations->annotator, ==, "ada");
  g_assert_cmpuint (annotations->spans->len, ==, 13);
  g_assert_nonnull (annotations->document_extra);
  g_assert_true (json_object_has_member (annotations->document_extra, "source"));
  g_assert_cmpint (json_object_get_int_member (annotations->document_extra, "words"), ==, 42);
  g_assert_nonnull (annotations->extra);
  g_assert_cmpstr (json_object_get_string_member (annotations->extra, "project"), ==, "glossa-tests");

  /* Sorted by (start, end, label): the date header comes first. */
  span = g_ptr_array_index (annotations->spans, 0);
  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_cmpint (span->label, ==, GLOSSA_LABEL_DATE);
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_MANUAL);
  g_assert_cmpstr (span->annotator, ==, "ada");
  g_assert_cmpstr (span->created, ==, "2026-01-02T03:04:05Z");

  span = g_ptr_array_index (annotations->spans, 1);
  g_assert_cmpstr (span->id, ==, "s2");
  g_assert_cmpstr (span->text, ==, "Vladimir Putin");
  g_assert_cmpstr (span->note, ==, "Russian president");
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpstr (span->modified, ==, "2026-01-03T00:00:00Z");
  g_assert_nonnull (span->extra);
  g_assert_true (json_object_has_member (span->extra, "confidence"));
  g_assert_true (json_object_has_member (span->extra, "model"));

  written = glossa_format_write (annotations);
  assert_bytes_equal (written, original);
}

static void
test_roundtrip_twice (void)
{
  g_autofree char *path = fixture_path ("roundtrip.annotations.json");
  g_autoptr(GlossaArticle) article = load_fixture_article ("roundtrip.txt");
  g_autoptr(GBytes) original = ct_read_file (path);
  g_autoptr(GlossaAnnotations) first = read_bytes (original, article);
  g_autoptr(GBytes) written = glossa_format_write (first);
  g_autoptr(GlossaAnnotations) second = read_bytes (written, article);
  g_autoptr(GBytes) rewritten = glossa_format_write (second);

  g_assert_cmpuint (second->spans->len, ==, first->spans->len);
  for (guint i = 0; i < first->spans->len; i++)
    g_assert_true (glossa_span_equal (g_ptr_array_index (first->spans, i),
                                      g_ptr_array_index (second->spans, i)));
  assert_bytes_equal (rewritten, written);
}

/* The same file opened as a document and saved: unchanged, byte for byte;
 * after an edit and its undo, still unchanged.
 */
static void
test_roundtrip_through_document (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *fixture_json = fixture_path ("roundtrip.annotations.json");
  g_autofree char *fixture_txt = fixture_path ("roundtrip.txt");
  g_autofree char *json_path = g_build_filename (dir, "roundtrip.annotations.json", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "roundtrip.txt", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (txt_path);
  g_autoptr(GBytes) original = ct_read_file (fixture_json);
  g_autoptr(GBytes) article = ct_read_file (fixture_txt);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (json_path, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  ct_write_file (txt_path, g_bytes_get_data (article, NULL), g_bytes_get_size (article));

  document = glossa_document_open (article_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 13);
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
  saved = ct_read_file (json_path);
  assert_bytes_equal (saved, original);

  g_assert_nonnull (glossa_document_add_span (document, 0, 5, GLOSSA_LABEL_CLAIM, NULL));
  g_assert_true (glossa_document_undo (document));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
  saved_again = ct_read_file (json_path);
  assert_bytes_equal (saved_again, original);

  g_assert_finalize_object (g_steal_pointer (&document));
  ct_remove_tree (dir);
}

/* Unknown members may sit anywhere in the file; they come back after the
 * known ones, in their own order and with their values unchanged, and the
 * spans come back sorted.
 */
static void
test_roundtrip_unknown_order (void)
{
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data ("abcdefghij", 10, "t.txt", NULL);
  g_autofree char *data = g_strdup_printf (
    "{\"zeta\": 1, \"format\": \"glossa-annotations\", \"alpha\": [true, null],\n"
    " \"version\": 1,\n"
    " \"document\": {\"x-first\": \"é\", \"id\": \"t\", \"file\": \"t.txt\", \"sha256\": \"%s\",\n"
    "              \"length\": 10, \"x-mid\": {\"k\": [1.5]}, \"date\": null},\n"
    " \"labels\": [\"actor\", \"quote\", \"claim\", \"date\"], \"status\": \"done\", \"annotator\": \"z\",\n"
    " \"spans\": [{\"end\": 9, \"b\": 2, \"label\": \"date\", \"id\": \"s2\", \"start\": 5, \"text\": \"fghi\", \"a\": 1},\n"
    "           {\"id\": \"s1\", \"start\": 0, \"end\": 2, \"label\": \"quote\", \"text\": \"ab\"},\n"
    "           {\"id\": \"s3\", \"start\": 0, \"end\": 2, \"label\": \"actor\", \"text\": \"ab\"}],\n"
    " \"middle\": \"m\"}",
    glossa_article_get_sha256 (article));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) written = NULL;
  const char *expected =
    "{\n"
    "  \"format\": \"glossa-annotations\",\n"
    "  \"version\": 1,\n"
    "  \"document\": {\n"
    "    \"id\": \"t\",\n"
    "    \"file\": \"t.txt\",\n"
    "    \"sha256\": \"@SHA@\",\n"
    "    \"length\": 10,\n"
    "    \"date\": null,\n"
    "    \"x-first\": \"é\",\n"
    "    \"x-mid\": {\n"
    "      \"k\": [\n"
    "        1.5\n"
    "      ]\n"
    "    }\n"
    "  },\n"
    "  \"labels\": [\n"
    "    \"actor\",\n"
    "    \"quote\",\n"
    "    \"claim\",\n"
    "    \"date\"\n"
    "  ],\n"
    "  \"status\": \"done\",\n"
    "  \"annotator\": \"z\",\n"
    "  \"spans\": [\n"
    "    {\n"
    "      \"id\": \"s3\",\n"
    "      \"start\": 0,\n"
    "      \"end\": 2,\n"
    "      \"label\": \"actor\",\n"
    "      \"text\": \"ab\"\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"s1\",\n"
    "      \"start\": 0,\n"
    "      \"end\": 2,\n"
    "      \"label\": \"quote\",\n"
    "      \"text\": \"ab\"\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"s2\",\n"
    "      \"start\": 5,\n"
    "      \"end\": 9,\n"
    "      \"label\": \"date\",\n"
    "      \"text\": \"fghi\",\n"
    "      \"b\": 2,\n"
    "      \"a\": 1\n"
    "    }\n"
    "  ],\n"
    "  \"zeta\": 1,\n"
    "  \"alpha\": [\n"
    "    true,\n"
    "    null\n"
    "  ],\n"
    "  \"middle\": \"m\"\n"
    "}\n";
  g_autofree char *expected_full = NULL;
  g_autofree char *written_str = NULL;

  annotations = glossa_format_read (data, strlen (data), "t.annotations.json", article, &error);
  g_assert_no_error (error);
  written = glossa_format_write (annotations);
  written_str = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  expected_full = replace_once (expected, "@SHA@", glossa_article_get_sha256 (article));
  g_assert_cmpstr (written_str, ==, expected_full);
}

/* Layout: what Python writes */

static void
test_write_python_layout (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "roundtrip.annotations.json", NULL);
  g_autofree char *article_path = fixture_path ("roundtrip.txt");
  g_autoptr(GlossaArticle) article = load_fixture_article ("roundtrip.txt");
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GBytes) written = NULL;
  GlossaSpan *span;

  /* Built in memory, strings with everything JSON must escape. */
  annotations->doc_id = g_strdup ("quote\" back\\slash /slash tab\t nl\n \x01 \x1f \x7f");
  annotations->file = g_strdup ("roundtrip.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  annotations->status = GLOSSA_STATUS_DONE;
  g_free (annotations->annotator);
  annotations->annotator = g_strdup ("Zoë 東 \xE2\x80\xA8 \xF0\x9F\x87\xAE\xF0\x9F\x87\xB9");
  span = glossa_span_new ("s2", 32, 46, GLOSSA_LABEL_ACTOR, "Vladimir Putin");
  span->note = g_strdup ("“curly” \\ \"straight\"\r\n");
  g_ptr_array_add (annotations->spans, span);
  span = glossa_span_new ("s1", 6, 16, GLOSSA_LABEL_DATE, "2021-12-31");
  span->extra = json_object_new ();
  json_object_set_double_member (span->extra, "score", 0.1);
  json_object_set_double_member (span->extra, "tiny", 1e-7);
  json_object_set_double_member (span->extra, "huge", 1e100);
  json_object_set_double_member (span->extra, "whole", 100.0);
  json_object_set_array_member (span->extra, "empty-array", json_array_new ());
  json_object_set_object_member (span->extra, "empty-object", json_object_new ());
  json_object_set_null_member (span->extra, "nothing");
  g_ptr_array_add (annotations->spans, span);
  g_assert_true (glossa_format_check_spans (annotations->spans, "mem", "spans", NULL));

  written = glossa_format_write (annotations);
  ct_write_file (path, g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  ct_check_with_python (path, article_path);

  ct_remove_tree (dir);
}

static void
test_write_empty (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.annotations.json", NULL);
  g_autofree char *article_path = g_build_filename (dir, "empty.txt", NULL);
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data ("", 0, "empty.txt", NULL);
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GlossaAnnotations) back = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  annotations->doc_id = g_strdup ("empty");
  annotations->file = g_strdup ("empty.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = 0;
  written = glossa_format_write (annotations);
  data = g_bytes_get_data (written, &len);

  g_assert_true (len > 0 && data[len - 1] == '\n');
  g_assert_nonnull (g_strstr_len (data, len, "\n  \"spans\": []\n}\n"));
  g_assert_nonnull (g_strstr_len (data, len, "\n    \"date\": null\n"));

  ct_write_file (path, data, len);
  ct_write_file (article_path, "", 0);
  ct_check_with_python (path, article_path);

  back = glossa_format_read (data, len, "empty.annotations.json", article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->spans->len, ==, 0);
  g_assert_null (back->date);

  ct_remove_tree (dir);
}

/* The Python slicing contract, checked by Python */

typedef struct
{
  const char *name;
  const char *text;
} SliceCase;

static const SliceCase slice_cases[] = {
  { "emoji", "Emoji \xF0\x9F\x98\x80 test, family \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
             "and rainbow \xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88 flag \xF0\x9D\x94\x98\xF0\x9D\x94\xAB end" },
  { "flags", "\xF0\x9F\x87\xAE\xF0\x9F\x87\xB9\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 Italia e Francia, poi \xF0\x9F\x87\xAF\xF0\x9F\x87\xB5 Giappone" },
  { "skin-tones", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xF0\x9F\x91\x8B\xF0\x9F\x8F\xBF hi \xF0\x9F\xA4\x9D\xF0\x9F\x8F\xBB deal \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" },
  { "combining", "cafe\xCC\x81 Zu\xCC\x88rich Zürich e\xCC\x81\xCC\x81 n\xCC\x83o a\xCC\x8A\xCC\x81 end" },
  { "cjk", "東京都の記者会見。中华人民共和国 外交部 한국어 뉴스 日本語のテキスト" },
  { "rtl", "مرحبا بالعالم، قال الرئيس. שלום עולם, אמר השר. mixed עברית English عربي" },
  { "crlf", "line one\r\nline two\r\n\r\nline four with \xF0\x9F\x91\x8D\r\nlone\rcarriage\r\n" },
  { "bom", BOM "date 2021-12-31 Vladimir Putin \xF0\x9F\x87\xAE\xF0\x9F\x87\xB9 cafe\xCC\x81\r\n東京 שלום" },
  { "empty", "" },
  { "separators", "one\xC2\x85" "two\xE2\x80\xA8" "three\xE2\x80\xA9" "four\x0B\x0C\x1C\x1D\x1E" "five\xEF\xBB\xBF" "six" },
  { "mixed", "date 2024-02-29 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD “Quote” — said مرحبا\r\n"
             "cafe\xCC\x81 東京 \xF0\x9F\x87\xAE\xF0\x9F\x87\xB9 שלום end\n" },
};

/* Adds spans over every code point, every word, every line and the whole
 * text, so that every boundary the text has is an offset in the file.
 */
static guint
add_every_span (GlossaDocument *document)
{
  GlossaArticle *article = glossa_document_get_article (document);
  const char *text = glossa_article_get_text (article);
  gint64 length = glossa_article_get_length (article);
  g_autoptr(GError) error = NULL;
  gint64 word_start = -1, line_start = 0, i = 0;
  guint n = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = c == ' ' || c == '\r' || c == '\n' || c == '\0';

      if (i < length)
        {
          g_assert_nonnull (glossa_document_add_span (document, i, i + 1, GLOSSA_LABEL_ACTOR, &error));
          g_assert_no_error (error);
          n++;
        }
      if (!space && word_start < 0)
        word_start = i;
      if (space && word_start >= 0)
        {
          g_assert_nonnull (glossa_document_add_span (document, word_start, i, GLOSSA_LABEL_QUOTE, &error));
          g_assert_no_error (error);
          word_start = -1;
          n++;
        }
      if ((c == '\n' || c == '\0') && i > line_start)
        {
          g_assert_nonnull (glossa_document_add_span (document, line_start, i, GLOSSA_LABEL_CLAIM, &error));
          g_assert_no_error (error);
          n++;
        }
      if (c == '\n')
        line_start = i + 1;
      if (c == '\0')
        break;
    }

  if (length > 0)
    {
      g_assert_nonnull (glossa_document_add_span (document, 0, length, GLOSSA_LABEL_DATE, &error));
      g_assert_no_error (error);
      n++;
    }
  return n;
}

static void
test_slices (gconstpointer data)
{
  const SliceCase *c = data;
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "news.txt", NULL);
  g_autofree char *annotations_path = g_build_filename (dir, "news.annotations.json", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article_path);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  ct_write_file (article_path, c->text, -1);

  document = glossa_document_open (article_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (document));
  n = add_every_span (document);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, n);
  glossa_document_save (document, NULL, &error);
  g_assert_no_error (error);

  ct_check_with_python (annotations_path, article_path);

  /* And the core reads back what it wrote, spans unchanged. */
  bytes = ct_read_file (annotations_path);
  annotations = glossa_format_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    annotations_path, glossa_document_get_article (document), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, n);

  reopened = glossa_document_open (article_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (glossa_document_get_error (reopened));
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (glossa_span_equal (glossa_document_get_span (document, i),
                                      glossa_document_get_span (reopened, i)));

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  ct_remove_tree (dir);
}

/* A BOM in front of any of the texts changes no offset. */
static void
test_slices_bom (gconstpointer data)
{
  const SliceCase *c = data;
  g_autofree char *text = g_str_has_prefix (c->text, BOM) ? g_strdup (c->text)
                                                           : g_strconcat (BOM, c->text, NULL);
  SliceCase with_bom = { c->name, text };

  test_slices (&with_bom);
}

/* Bad input */

#define ARTICLE_LENGTH 1984
#define FILE_NAME "news.annotations.json"

/* A valid file over an article of 1984 characters, "abcde abcde …"; each
 * case below changes one piece of it.
 */
static const char valid_template[] =
  "{\n"
  "  \"format\": \"glossa-annotations\",\n"
  "  \"version\": 1,\n"
  "  \"document\": {\n"
  "    \"id\": \"news\",\n"
  "    \"file\": \"news.txt\",\n"
  "    \"sha256\": \"@SHA@\",\n"
  "    \"length\": 1984,\n"
  "    \"date\": null\n"
  "  },\n"
  "  \"labels\": [\"actor\", \"quote\", \"claim\", \"date\"],\n"
  "  \"status\": \"todo\",\n"
  "  \"annotator\": \"\",\n"
  "  \"spans\": [\n"
  "    {\"id\": \"s1\", \"start\": 0, \"end\": 5, \"label\": \"actor\", \"text\": \"abcde\"},\n"
  "    {\"id\": \"s2\", \"start\": 6, \"end\": 11, \"label\": \"quote\", \"text\": \"abcde\"},\n"
  "    {\"id\": \"s3\", \"start\": 12, \"end\": 17, \"label\": \"claim\", \"text\": \"abcde\"},\n"
  "    {\"id\": \"s4\", \"start\": 18, \"end\": 23, \"label\": \"date\", \"text\": \"abcde\"}\n"
  "  ]\n"
  "}\n";

typedef struct
{
  const char *name;
  const char *from;     /* replaced once by @to in the valid file */
  const char *to;
  int         code;     /* the GlossaError code, or -1 for "any" */
  const char *needles[3];
  const char *exact;    /* if set, the whole message */
} BadCase;

static const BadCase bad_cases[] = {
  /* Syntax, with FILE:LINE:COLUMN */
  { "empty", NULL, "", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":1:1: " } },
  { "whitespace-only", NULL, "  \n\t\n", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":3:1: " } },
  { "column-in-characters", NULL, "{\n  \"título\": nope\n}\n", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":2:13: " } },
  { "column-after-emoji", NULL, "{\"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\": 1,, }", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":1:10: " } },
  { "comment-line", "{\n  \"format\"", "// notes\n{\n  \"format\"", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":1:1: " } },
  { "comment-block", "\"version\": 1,", "\"version\": /* one */ 1,", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":3:14: " } },
  { "comment-after", "]\n}\n", "]\n}\n# done\n", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":21:1: " } },
  { "duplicate-key", "  \"status\": \"todo\",\n", "  \"status\": \"todo\",\n  \"status\": \"done\",\n",
    GLOSSA_ERROR_SYNTAX, { FILE_NAME ":13:3: ", "status" } },
  { "duplicate-key-in-span", "\"id\": \"s1\", \"start\": 0,", "\"id\": \"s1\", \"start\": 0, \"start\": 1,",
    GLOSSA_ERROR_SYNTAX, { FILE_NAME ":15:", "start" } },
  { "trailing-comma", "\"text\": \"abcde\"}\n  ]", "\"text\": \"abcde\"},\n  ]", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":1" } },
  { "single-quotes", "\"annotator\": \"\"", "'annotator': ''", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":13:3: " } },
  { "truncated", "  ]\n}\n", "  ]\n", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":" } },
  { "huge-integer", "\"start\": 0,", "\"start\": 123456789012345678901234567890,", -1,
    { FILE_NAME ":", "123456789" } },
  { "huge-integer-unknown-member", "\"annotator\": \"\",", "\"annotator\": \"\", \"x\": 123456789012345678901234567890,", -1,
    { FILE_NAME ":", "123456789" } },
  { "huge-negative-integer", "\"length\": 1984,", "\"length\": -123456789012345678901234567890,", -1,
    { FILE_NAME ":" } },
  { "invalid-utf8", "\"annotator\": \"\"", "\"annotator\": \"ann\xFF\"", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":13:" } },
  { "raw-control-character", "\"annotator\": \"\"", "\"annotator\": \"a\tb\"", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":13:" } },
  { "not-an-object", NULL, "[1, 2]\n", -1, { FILE_NAME ": " } },
  { "nan", "\"version\": 1,", "\"version\": NaN,", GLOSSA_ERROR_SYNTAX, { FILE_NAME ":3:" } },

  /* Header */
  { "version-3", "\"version\": 1,", "\"version\": 3,", GLOSSA_ERROR_UNSUPPORTED, { FILE_NAME ": version", "3" } },
  { "version-0", "\"version\": 1,", "\"version\": 0,", GLOSSA_ERROR_UNSUPPORTED, { FILE_NAME ": version" } },
  { "version-string", "\"version\": 1,", "\"version\": \"1\",", -1, { FILE_NAME ": version" } },
  { "version-float", "\"version\": 1,", "\"version\": 1.0,", -1, { FILE_NAME ": version" } },
  { "version-missing", "  \"version\": 1,\n", "", -1, { FILE_NAME ": version" } },
  { "format-wrong", "\"glossa-annotations\"", "\"brat\"", GLOSSA_ERROR_UNSUPPORTED, { FILE_NAME ": format" } },
  { "format-missing", "  \"format\": \"glossa-annotations\",\n", "", GLOSSA_ERROR_UNSUPPORTED, { FILE_NAME ": format" } },

  /* Document */
  { "sha256-mismatch", "@SHA@", "0000000000000000000000000000000000000000000000000000000000000000",
    GLOSSA_ERROR_ARTICLE_CHANGED, { FILE_NAME ": document.sha256", "changed since it was annotated" } },
  { "sha256-not-hex", "@SHA@", "not a hash", GLOSSA_ERROR_INVALID, { FILE_NAME ": document.sha256" } },
  { "length-mismatch", "\"length\": 1984,", "\"length\": 1985,", -1, { FILE_NAME ": document.length", "1985" } },
  { "length-negative", "\"length\": 1984,", "\"length\": -1,", -1, { FILE_NAME ": document.length" } },
  { "date-not-a-date", "\"date\": null", "\"date\": \"2021-02-30\"", GLOSSA_ERROR_INVALID, { FILE_NAME ": document.date" } },
  { "date-number", "\"date\": null", "\"date\": 20211231", GLOSSA_ERROR_INVALID, { FILE_NAME ": document.date" } },
  { "document-missing", "\"document\": {", "\"documento\": {", GLOSSA_ERROR_INVALID, { FILE_NAME ": document" } },
  { "document-id-missing", "    \"id\": \"news\",\n", "", GLOSSA_ERROR_INVALID, { FILE_NAME ": document.id" } },

  /* Labels, status, annotator */
  { "labels-unknown", "\"date\"]", "\"person\"]", GLOSSA_ERROR_INVALID, { FILE_NAME ": labels", "person" } },
  { "status-unknown", "\"status\": \"todo\"", "\"status\": \"finished\"", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": status", "finished" } },
  { "status-case", "\"status\": \"todo\"", "\"status\": \"TODO\"", GLOSSA_ERROR_INVALID, { FILE_NAME ": status", "TODO" } },
  { "status-number", "\"status\": \"todo\"", "\"status\": 0", GLOSSA_ERROR_INVALID, { FILE_NAME ": status" } },
  { "annotator-null", "\"annotator\": \"\"", "\"annotator\": null", GLOSSA_ERROR_INVALID, { FILE_NAME ": annotator" } },
  { "spans-not-array", "\"spans\": [", "\"spans\": \"none\", \"x\": [", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans" } },

  /* Spans */
  { "end-beyond-article", "\"start\": 18, \"end\": 23,", "\"start\": 18, \"end\": 2200,", GLOSSA_ERROR_INVALID, { NULL },
    FILE_NAME ": spans[3].end: 2200 is beyond the article's 1984 characters" },
  { "start-after-end", "\"start\": 6, \"end\": 11,", "\"start\": 11, \"end\": 6,", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[1].", "11", "6" } },
  { "start-negative", "\"start\": 0,", "\"start\": -1,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start", "-1" } },
  { "start-float", "\"start\": 0,", "\"start\": 0.0,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start" } },
  { "start-exponent", "\"start\": 0,", "\"start\": 0e0,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start" } },
  { "start-string", "\"start\": 0,", "\"start\": \"0\",", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start" } },
  { "start-null", "\"start\": 0,", "\"start\": null,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start" } },
  { "start-bool", "\"start\": 0,", "\"start\": false,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0].start" } },
  { "end-float", "\"end\": 23,", "\"end\": 22.5,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[3].end" } },
  { "end-missing", "\"start\": 12, \"end\": 17,", "\"start\": 12,", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[2].end" } },
  { "label-unknown", "\"label\": \"quote\"", "\"label\": \"person\"", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[1].label", "person" } },
  { "label-case", "\"label\": \"quote\"", "\"label\": \"Quote\"", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[1].label", "Quote" } },
  { "text-differs", "\"label\": \"date\", \"text\": \"abcde\"", "\"label\": \"date\", \"text\": \"abcdf\"", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[3].text", "abcdf", "abcde" } },
  { "text-off-by-one", "\"start\": 12, \"end\": 17,", "\"start\": 11, \"end\": 16,", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[2].text" } },
  { "text-missing", ", \"label\": \"claim\", \"text\": \"abcde\"", ", \"label\": \"claim\"", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[2].text" } },
  { "id-duplicate", "{\"id\": \"s3\"", "{\"id\": \"s1\"", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[2].id", "s1" } },
  { "id-missing", "{\"id\": \"s2\", ", "{", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[1].id" } },
  { "id-number", "{\"id\": \"s2\"", "{\"id\": 2", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[1].id" } },
  { "same-start-end-label", "{\"id\": \"s2\", \"start\": 6, \"end\": 11, \"label\": \"quote\"",
    "{\"id\": \"s2\", \"start\": 0, \"end\": 5, \"label\": \"actor\"", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans", "s1", "s2" } },
  { "origin-unknown", "\"text\": \"abcde\"}\n  ]", "\"text\": \"abcde\", \"origin\": \"robot\"}\n  ]", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[3].origin", "robot" } },
  { "created-not-iso8601", "\"text\": \"abcde\"}\n  ]", "\"text\": \"abcde\", \"created\": \"yesterday\"}\n  ]",
    GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[3].created", "yesterday" } },
  { "note-number", "\"text\": \"abcde\"}\n  ]", "\"text\": \"abcde\", \"note\": 5}\n  ]", GLOSSA_ERROR_INVALID,
    { FILE_NAME ": spans[3].note" } },
  { "span-not-object", "    {\"id\": \"s1\"", "    7,\n    {\"id\": \"s1\"", GLOSSA_ERROR_INVALID, { FILE_NAME ": spans[0]" } },
};

static GlossaArticle *
bad_case_article (void)
{
  g_autofree char *text = ct_ascii_article (ARTICLE_LENGTH);
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_new_from_data (text, ARTICLE_LENGTH, "news.txt", &error);

  g_assert_no_error (error);
  return article;
}

static char *
valid_file (GlossaArticle *article)
{
  return replace_once (valid_template, "@SHA@", glossa_article_get_sha256 (article));
}

static char *
bad_file (const BadCase *c,
          GlossaArticle *article)
{
  g_autofree char *mutated = NULL;

  if (c->from == NULL)
    return g_strdup (c->to);
  mutated = replace_once (valid_template, c->from, c->to);
  if (strstr (mutated, "@SHA@") == NULL)
    return g_steal_pointer (&mutated);
  return replace_once (mutated, "@SHA@", glossa_article_get_sha256 (article));
}

static void
test_valid_template (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *data = valid_file (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 4);
  g_assert_cmpint (annotations->length, ==, ARTICLE_LENGTH);
  g_assert_null (annotations->date);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *contents = bad_file (c, article);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (contents, strlen (contents), FILE_NAME, article, &error);
  g_assert_null (annotations);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == GLOSSA_ERROR);
  if (c->code >= 0)
    g_assert_error (error, GLOSSA_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, FILE_NAME ":"));
  g_assert_null (strchr (error->message, '\n'));
  if (c->exact != NULL)
    g_assert_cmpstr (error->message, ==, c->exact);
  for (guint i = 0; i < G_N_ELEMENTS (c->needles) && c->needles[i] != NULL; i++)
    ct_assert_contains (error->message, c->needles[i]);
}

/* The article itself changed after it was annotated: one more word. */
static void
test_article_changed (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *data = valid_file (article);
  g_autofree char *text = g_strconcat ("Breaking: ", glossa_article_get_text (article), NULL);
  g_autoptr(GlossaArticle) edited = glossa_article_new_from_data (text, strlen (text), "news.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, edited, &error);
  g_assert_null (annotations);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ARTICLE_CHANGED);
  g_test_message ("%s", error->message);
  ct_assert_contains (error->message, "changed since it was annotated");
}

/* The same file with a BOM-prefixed article: the BOM is not part of the
 * hash, so it reads the same.
 */
static void
test_bom_article_same_hash (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *data = valid_file (article);
  g_autofree char *text = g_strconcat (BOM, glossa_article_get_text (article), NULL);
  g_autoptr(GlossaArticle) with_bom = glossa_article_new_from_data (text, strlen (text), "news.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, with_bom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 4);
}

/* Without the article only the file's own consistency is checked: offsets
 * against "length".
 */
static void
test_read_without_article (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *data = valid_file (article);
  g_autofree char *beyond = replace_once (data, "\"start\": 18, \"end\": 23,", "\"start\": 18, \"end\": 1985,");
  g_autofree char *other_text = replace_once (data, "\"label\": \"date\", \"text\": \"abcde\"",
                                              "\"label\": \"date\", \"text\": \"other\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) ok = NULL;
  g_autoptr(GlossaAnnotations) also_ok = NULL;
  g_autoptr(GlossaAnnotations) bad = NULL;

  ok = glossa_format_read (data, strlen (data), FILE_NAME, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ok->spans->len, ==, 4);

  also_ok = glossa_format_read (other_text, strlen (other_text), FILE_NAME, NULL, &error);
  g_assert_no_error (error);

  bad = glossa_format_read (beyond, strlen (beyond), FILE_NAME, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, FILE_NAME ": spans[3].end: 1985 is beyond the article's 1984 characters");
}

/* Overlapping and nested spans are fine; so are two labels on one range. */
static void
test_overlap_allowed (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *base = valid_file (article);
  g_autofree char *data = replace_once (base, "    {\"id\": \"s1\"",
                                        "    {\"id\": \"n1\", \"start\": 0, \"end\": 11, \"label\": \"claim\", \"text\": \"abcde abcde\"},\n"
                                        "    {\"id\": \"n2\", \"start\": 0, \"end\": 5, \"label\": \"date\", \"text\": \"abcde\"},\n"
                                        "    {\"id\": \"n3\", \"start\": 3, \"end\": 8, \"label\": \"quote\", \"text\": \"de ab\"},\n"
                                        "    {\"id\": \"s1\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 7);
}

/* JSON escapes in a span's text are compared after decoding: "\u00e9" and
 * a surrogate pair for an emoji match the article's characters.
 */
static void
test_escaped_text (void)
{
  const char text[] = "caf\xC3\xA9 \xF0\x9F\x91\x8D ok";
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), "e.txt", NULL);
  g_autofree char *data = g_strdup_printf (
    "{\"format\": \"glossa-annotations\", \"version\": 1,\n"
    " \"document\": {\"id\": \"e\", \"file\": \"e.txt\", \"sha256\": \"%s\", \"length\": 9, \"date\": null},\n"
    " \"labels\": [\"actor\", \"quote\", \"claim\", \"date\"], \"status\": \"todo\", \"annotator\": \"\",\n"
    " \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 4, \"label\": \"actor\", \"text\": \"caf\\u00e9\"},\n"
    "           {\"id\": \"s2\", \"start\": 5, \"end\": 6, \"label\": \"actor\", \"text\": \"\\ud83d\\udc4d\"}]}\n",
    glossa_article_get_sha256 (article));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read (data, strlen (data), "e.annotations.json", article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->spans->len, ==, 2);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (annotations->spans, 0))->text, ==, "caf\xC3\xA9");
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (annotations->spans, 1))->text, ==, "\xF0\x9F\x91\x8D");
}

/* One span on one line, as json.dumps(span, ensure_ascii=False) writes it
 * (JSON Lines corpora and exports use this).
 */
static void
test_write_span_one_line (void)
{
  g_autoptr(GlossaSpan) span = glossa_span_new ("s1", 3, 7, GLOSSA_LABEL_QUOTE, "caf\xC3\xA9 \"x\"");
  g_autoptr(GString) out = g_string_new (NULL);

  span->note = g_strdup ("tab\there");
  span->origin = GLOSSA_ORIGIN_IMPORTED;
  span->extra = json_object_new ();
  json_object_set_array_member (span->extra, "tags", json_array_new ());
  json_array_add_int_element (json_object_get_array_member (span->extra, "tags"), 1);
  json_array_add_string_element (json_object_get_array_member (span->extra, "tags"), "\xE6\x9D\xB1");
  json_object_set_object_member (span->extra, "empty", json_object_new ());

  glossa_format_write_span (out, span, -1);
  g_assert_cmpstr (out->str, ==,
                   "{\"id\": \"s1\", \"start\": 3, \"end\": 7, \"label\": \"quote\", "
                   "\"text\": \"caf\xC3\xA9 \\\"x\\\"\", \"note\": \"tab\\there\", \"origin\": \"imported\", "
                   "\"tags\": [1, \"\xE6\x9D\xB1\"], \"empty\": {}}");
}

/* File names */

/* glossa_format_read() walks the file without building a JsonNode tree;
 * glossa_format_span_from_json() checks spans from a tree. Both must agree:
 * a syntax error is the tree parser's, and each span read is the span the
 * tree gives.
 */
static void
assert_agrees_with_tree (const char    *data,
                         GlossaArticle *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *spans;

  annotations = glossa_format_read (data, strlen (data), FILE_NAME, article, &error);
  root = glossa_json_parse (data, strlen (data), FILE_NAME, &tree_error);
  if (root == NULL)
    {
      g_assert_null (annotations);
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, tree_error->message);
      return;
    }
  if (annotations == NULL)
    return;

  spans = json_object_get_array_member (json_node_get_object (root), "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, annotations->spans->len);
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      g_autofree char *field = g_strdup_printf ("spans[%u]", i);
      g_autoptr(GlossaSpan) span = NULL;
      gboolean found = FALSE;

      span = glossa_format_span_from_json (json_array_get_element (spans, i), article,
                                           annotations->length, FILE_NAME, field, &tree_error);
      g_assert_no_error (tree_error);
      for (guint j = 0; j < annotations->spans->len && !found; j++)
        {
          GlossaSpan *read = g_ptr_array_index (annotations->spans, j);

          found = glossa_span_equal (read, span) &&
                  (read->extra == NULL) == (span->extra == NULL) &&
                  (read->extra == NULL ||
                   json_object_get_size (read->extra) == json_object_get_size (span->extra));
        }
      g_assert_true (found);
    }
}

static void
test_agrees_with_tree (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autofree char *valid = valid_file (article);
  g_autofree char *path = fixture_path ("roundtrip.annotations.json");
  g_autoptr(GlossaArticle) fixture_article = load_fixture_article ("roundtrip.txt");
  g_autoptr(GBytes) fixture = ct_read_file (path);
  g_autofree char *fixture_text = g_strndup (g_bytes_get_data (fixture, NULL),
                                             g_bytes_get_size (fixture));

  assert_agrees_with_tree (valid, article);
  assert_agrees_with_tree (valid, NULL);
  assert_agrees_with_tree (fixture_text, fixture_article);
  assert_agrees_with_tree (fixture_text, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *contents = bad_file (&bad_cases[i], article);

      assert_agrees_with_tree (contents, article);
    }
}

/* Objects with many members are checked for duplicate keys another way
 * than small ones; the message and position must not change.
 */
static void
test_duplicate_in_big_object (void)
{
  g_autoptr(GlossaArticle) article = bad_case_article ();
  g_autoptr(GString) members = g_string_new ("{\"id\": \"s1\", \"start\": 0,");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (members, " \"x%u\": [%u],", i, i);
  g_string_append (members, " \"x3\": 0,");
  contents = bad_file (&(BadCase) { "big", "{\"id\": \"s1\", \"start\": 0,", members->str },
                       article);

  annotations = glossa_format_read (contents, strlen (contents), FILE_NAME, article, &error);
  g_assert_null (annotations);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "x3"));
  assert_agrees_with_tree (contents, article);
}

static void
test_file_names (void)
{
  g_autoptr(GFile) article = g_file_new_for_path ("/data/news/000_abc.txt");
  g_autoptr(GFile) annotations = glossa_annotations_file_for_article (article);
  g_autoptr(GFile) back = glossa_article_file_for_annotations (annotations);
  g_autofree char *path = g_file_get_path (annotations);

  g_assert_cmpstr (path, ==, "/data/news/000_abc.annotations.json");
  g_assert_true (g_file_equal (back, article));
  g_assert_true (glossa_is_annotations_file ("/x/a.annotations.json"));
  g_assert_false (glossa_is_annotations_file ("/x/a.json"));
  g_assert_false (glossa_is_annotations_file ("/x/a.txt"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/roundtrip-every-field", test_roundtrip_every_field);
  g_test_add_func ("/core/format/roundtrip-twice", test_roundtrip_twice);
  g_test_add_func ("/core/format/roundtrip-unknown-order", test_roundtrip_unknown_order);
  g_test_add_func ("/core/format/roundtrip-through-document", test_roundtrip_through_document);
  g_test_add_func ("/core/format/write-python-layout", test_write_python_layout);
  g_test_add_func ("/core/format/write-empty", test_write_empty);

  for (guint i = 0; i < G_N_ELEMENTS (slice_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/format/roundtrip-%s", slice_cases[i].name);
      g_autofree char *bom_path = g_strdup_printf ("/core/format/roundtrip-%s-bom-article", slice_cases[i].name);

      g_test_add_data_func (path, &slice_cases[i], test_slices);
      g_test_add_data_func (bom_path, &slice_cases[i], test_slices_bom);
    }

  g_test_add_func ("/core/format/bad/valid-template", test_valid_template);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/format/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/core/format/bad/article-changed", test_article_changed);
  g_test_add_func ("/core/format/bom-article-same-hash", test_bom_article_same_hash);
  g_test_add_func ("/core/format/read-without-article", test_read_without_article);
  g_test_add_func ("/core/format/overlap-allowed", test_overlap_allowed);
  g_test_add_func ("/core/format/escaped-text", test_escaped_text);
  g_test_add_func ("/core/format/write-span-one-line", test_write_span_one_line);
  g_test_add_func ("/core/format/file-names", test_file_names);
  g_test_add_func ("/core/format/agrees-with-tree", test_agrees_with_tree);
  g_test_add_func ("/core/format/bad/duplicate-in-big-object", test_duplicate_in_big_object);

  return g_test_run ();
}
