/* test-article.c: tests of the article: encoding, BOM, date header, offsets
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-article.h"
#include "glossa-error.h"

#include "core-test-util.h"

#define BOM "\xEF\xBB\xBF"

/* Emoji with a skin tone and a flag (two code points each), a combining
 * acute accent, CJK, Arabic, Hebrew and a CRLF: 38 code points, 64 bytes.
 */
#define MIXED "Hi \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD and \xF0\x9F\x87\xAE\xF0\x9F\x87\xB9! " \
              "cafe\xCC\x81 \xE6\x9D\xB1\xE4\xBA\xAC \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 " \
              "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\r\nend"

static GlossaArticle *
article_new (const char *data,
             gssize      len)
{
  g_autoptr(GError) error = NULL;
  GlossaArticle *article;

  article = glossa_article_new_from_data (data, len < 0 ? strlen (data) : (gsize) len,
                                          "test.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
sha256_of (const char *data,
           gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_bom_dropped (void)
{
  const char data[] = BOM "date 2021-12-31 Putin";
  g_autoptr(GlossaArticle) article = article_new (data, -1);
  g_autofree char *sha = sha256_of (data + 3, strlen (data) - 3);

  g_assert_true (glossa_article_had_bom (article));
  g_assert_cmpstr (glossa_article_get_text (article), ==, "date 2021-12-31 Putin");
  g_assert_cmpuint (glossa_article_get_n_bytes (article), ==, strlen (data) - 3);
  g_assert_cmpint (glossa_article_get_length (article), ==, 21);
  g_assert_cmpstr (glossa_article_get_sha256 (article), ==, sha);
  g_assert_cmpstr (glossa_article_get_date (article), ==, "2021-12-31");
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_bom_only_first (void)
{
  /* Only a leading BOM is dropped; U+FEFF later on is text. */
  g_autoptr(GlossaArticle) article = article_new ("a" BOM "b", -1);

  g_assert_false (glossa_article_had_bom (article));
  g_assert_cmpint (glossa_article_get_length (article), ==, 3);
  g_assert_cmpstr (glossa_article_get_text (article), ==, "a" BOM "b");
}

static void
test_no_bom (void)
{
  const char data[] = "plain text\n";
  g_autoptr(GlossaArticle) article = article_new (data, -1);
  g_autofree char *sha = sha256_of (data, strlen (data));

  g_assert_false (glossa_article_had_bom (article));
  g_assert_cmpstr (glossa_article_get_sha256 (article), ==, sha);
  g_assert_cmpint (glossa_article_get_length (article), ==, 11);
}

static void
expect_invalid (const char *data,
                gsize       len,
                const char *byte_offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = NULL;

  article = glossa_article_new_from_data (data, len, "bad.txt", &error);
  g_assert_null (article);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  ct_assert_contains (error->message, "bad.txt");
  ct_assert_contains (error->message, byte_offset);
}

static void
test_invalid_utf8 (void)
{
  /* A stray continuation byte, a Latin-1 "é", a truncated sequence at the
   * end, an overlong encoding and a surrogate: the message names the byte
   * offset in the file.
   */
  expect_invalid ("abc\x80", 4, "byte 3");
  expect_invalid ("caf\xE9 au lait", 12, "byte 3");
  expect_invalid ("\xC3\xA9t\xC3\xA9 \xE2\x82", 8, "byte 6");
  expect_invalid ("ab\xC0\xAF", 4, "byte 2");
  expect_invalid ("x\xED\xA0\x80y", 5, "byte 1");
  /* After a BOM the offset still counts the file's bytes. */
  expect_invalid (BOM "ok\xFF", 6, "byte 5");
}

static void
test_invalid_utf8_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = NULL;

  article = glossa_article_new_from_data ("Hello w\xF6rld", 11, "news.txt", &error);
  g_assert_null (article);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  ct_assert_contains (error->message, "news.txt");
  ct_assert_contains (error->message, "UTF-8");
  ct_assert_contains (error->message, "byte 7");
}

static void
test_empty (void)
{
  g_autoptr(GlossaArticle) article = article_new ("", 0);
  g_autoptr(GlossaArticle) bom_only = article_new (BOM, 3);

  g_assert_cmpint (glossa_article_get_length (article), ==, 0);
  g_assert_cmpuint (glossa_article_get_n_bytes (article), ==, 0);
  g_assert_cmpstr (glossa_article_get_text (article), ==, "");
  g_assert_cmpstr (glossa_article_get_sha256 (article), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_null (glossa_article_get_date (article));

  g_assert_cmpint (glossa_article_get_length (bom_only), ==, 0);
  g_assert_true (glossa_article_had_bom (bom_only));
  g_assert_cmpstr (glossa_article_get_sha256 (bom_only), ==,
                   glossa_article_get_sha256 (article));

  g_assert_finalize_object (g_steal_pointer (&article));
  g_assert_finalize_object (g_steal_pointer (&bom_only));
}

static void
test_empty_null_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (NULL, 0, "e.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpint (glossa_article_get_length (article), ==, 0);
}

static void
test_length_code_points (void)
{
  g_autoptr(GlossaArticle) article = article_new (MIXED, -1);

  g_assert_cmpuint (glossa_article_get_n_bytes (article), ==, 64);
  g_assert_cmpint (glossa_article_get_length (article), ==, 38);
  g_assert_false (glossa_article_had_bom (article));
}

static void
test_crlf_kept (void)
{
  const char data[] = "one\r\ntwo\r\n";
  g_autoptr(GlossaArticle) article = article_new (data, -1);
  g_autofree char *second = glossa_article_slice (article, 5, 8);

  g_assert_cmpstr (glossa_article_get_text (article), ==, data);
  g_assert_cmpint (glossa_article_get_length (article), ==, 10);
  g_assert_cmpstr (second, ==, "two");
  g_assert_true (glossa_article_slice_equals (article, 3, 5, "\r\n"));
}

static void
test_date_header (void)
{
  struct { const char *text; const char *date; } cases[] = {
    { " date 2021-12-31 Fifty minutes of telephone conversation", "2021-12-31" },
    { "date 2020-02-29\nLeap day news", "2020-02-29" },
    { "Source: wire\ndate 1999-01-05\n\nText", "1999-01-05" },
    { BOM "date 2023-07-04 Fireworks", "2023-07-04" },
    { "No header here, just news from 2021-12-31.", NULL },
    { "date 2021-02-30 is not a day", NULL },
    { "date 2021-13-01 is not a month", NULL },
    { "update 2021-12-31 is another word", NULL },
    { "date 21-12-31 too short", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossaArticle) article = article_new (cases[i].text, -1);
      g_autofree char *found = NULL;
      const char *text = cases[i].text;

      if (g_str_has_prefix (text, BOM))
        text += 3;
      found = glossa_article_find_date (text, strlen (text));

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (glossa_article_get_date (article), ==, cases[i].date);
      g_assert_cmpstr (found, ==, cases[i].date);
      /* The header stays part of the text: offsets count it. */
      g_assert_cmpstr (glossa_article_get_text (article), ==, text);
    }
}

static void
test_date_not_far_in (void)
{
  /* "Near the start": a date deep in the body is not a header. */
  g_autofree char *filler = ct_ascii_article (10000);
  g_autofree char *text = g_strconcat (filler, "\ndate 2021-12-31 late", NULL);
  g_autoptr(GlossaArticle) article = article_new (text, -1);

  g_assert_null (glossa_article_get_date (article));
}

static void
test_seed_article (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSSA_SOURCE_DIR"), "data", "samples",
                                            "000_5c30643a3adee991.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  gsize len;
  const char *data;

  if (g_getenv ("GLOSSA_SOURCE_DIR") == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the seed article is not in data/samples");
      return;
    }

  file = g_file_new_for_path (path);
  article = glossa_article_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_article_get_file (article) == file);
  g_assert_cmpstr (glossa_article_get_date (article), ==, "2021-12-31");

  bytes = ct_read_file (path);
  data = g_bytes_get_data (bytes, &len);
  sha = sha256_of (data, len);
  g_assert_cmpstr (glossa_article_get_sha256 (article), ==, sha);
  g_assert_cmpint (glossa_article_get_length (article), ==, g_utf8_strlen (data, len));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_load_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/glossa/article.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_load (file, NULL, &error);

  g_assert_null (article);
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "article.txt");
}

static void
test_load_file (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = NULL;

  ct_write_file (path, BOM MIXED, -1);
  article = glossa_article_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_article_had_bom (article));
  g_assert_cmpint (glossa_article_get_length (article), ==, 38);
  g_assert_cmpstr (glossa_article_get_text (article), ==, MIXED);
  g_assert_nonnull (glossa_article_get_name (article));

  g_clear_object (&article);
  ct_write_file (path, "bad \xFF byte", -1);
  article = glossa_article_load (file, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  ct_assert_contains (error->message, "byte 4");

  ct_remove_tree (dir);
}

/* Compares the article's conversions with a plain walk over the text, on a
 * text long enough for any index the article keeps to matter.
 */
static void
test_offsets (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossaArticle) article = NULL;
  const char *p;
  gint64 offset = 0;
  gint64 length;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, (i % 3 == 0) ? MIXED : (i % 3 == 1) ? "plain ascii words " : "\xE4\xB8\xAD\xF0\x9F\x98\x80");
  article = article_new (text->str, text->len);
  length = g_utf8_strlen (text->str, text->len);
  g_assert_cmpint (glossa_article_get_length (article), ==, length);

  for (p = text->str; ; p = g_utf8_next_char (p), offset++)
    {
      gsize byte = p - text->str;

      g_assert_cmpuint (glossa_article_offset_to_byte (article, offset), ==, byte);
      g_assert_cmpint (glossa_article_byte_to_offset (article, byte), ==, offset);
      if (*p == '\0')
        break;
    }
  g_assert_cmpint (offset, ==, length);

  for (gint64 start = 0; start < length; start += 97)
    {
      gint64 end = MIN (length, start + 13);
      gsize from = g_utf8_offset_to_pointer (text->str, start) - text->str;
      gsize to = g_utf8_offset_to_pointer (text->str, end) - text->str;
      g_autofree char *expected = g_strndup (text->str + from, to - from);
      g_autofree char *slice = glossa_article_slice (article, start, end);

      g_assert_cmpstr (slice, ==, expected);
      g_assert_true (glossa_article_slice_equals (article, start, end, expected));
      g_assert_false (glossa_article_slice_equals (article, start, end, "nope"));
    }
}

static void
test_slice_grapheme_parts (void)
{
  /* Offsets are code points, not grapheme clusters: half a flag or the base
   * letter without its accent are valid slices, as in Python.
   */
  g_autoptr(GlossaArticle) article = article_new (MIXED, -1);
  g_autofree char *thumb = glossa_article_slice (article, 3, 5);
  g_autofree char *thumb_alone = glossa_article_slice (article, 3, 4);
  g_autofree char *flag = glossa_article_slice (article, 10, 12);
  g_autofree char *half_flag = glossa_article_slice (article, 10, 11);
  g_autofree char *cafe = glossa_article_slice (article, 14, 19);
  g_autofree char *cjk = glossa_article_slice (article, 20, 22);
  g_autofree char *arabic = glossa_article_slice (article, 23, 28);
  g_autofree char *hebrew = glossa_article_slice (article, 29, 33);
  g_autofree char *crlf_end = glossa_article_slice (article, 33, 37);

  g_assert_cmpstr (thumb, ==, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
  g_assert_cmpstr (thumb_alone, ==, "\xF0\x9F\x91\x8D");
  g_assert_cmpstr (flag, ==, "\xF0\x9F\x87\xAE\xF0\x9F\x87\xB9");
  g_assert_cmpstr (half_flag, ==, "\xF0\x9F\x87\xAE");
  g_assert_cmpstr (cafe, ==, "cafe\xCC\x81");
  g_assert_cmpstr (cjk, ==, "\xE6\x9D\xB1\xE4\xBA\xAC");
  g_assert_cmpstr (arabic, ==, "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");
  g_assert_cmpstr (hebrew, ==, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  g_assert_cmpstr (crlf_end, ==, "\r\nen");
}

static void
test_slice_equals_bounds (void)
{
  g_autoptr(GlossaArticle) article = article_new ("abc", -1);

  g_assert_true (glossa_article_slice_equals (article, 0, 3, "abc"));
  g_assert_false (glossa_article_slice_equals (article, 0, 4, "abc"));
  g_assert_false (glossa_article_slice_equals (article, -1, 2, "ab"));
  g_assert_false (glossa_article_slice_equals (article, 2, 1, ""));
  g_assert_false (glossa_article_slice_equals (article, 0, 2, "abc"));
  g_assert_false (glossa_article_slice_equals (article, 0, 3, "ab"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/article/bom-dropped", test_bom_dropped);
  g_test_add_func ("/core/article/bom-only-first", test_bom_only_first);
  g_test_add_func ("/core/article/no-bom", test_no_bom);
  g_test_add_func ("/core/article/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/article/invalid-utf8-message", test_invalid_utf8_message);
  g_test_add_func ("/core/article/empty", test_empty);
  g_test_add_func ("/core/article/empty-null-data", test_empty_null_data);
  g_test_add_func ("/core/article/length-code-points", test_length_code_points);
  g_test_add_func ("/core/article/crlf-kept", test_crlf_kept);
  g_test_add_func ("/core/article/date-header", test_date_header);
  g_test_add_func ("/core/article/date-not-far-in", test_date_not_far_in);
  g_test_add_func ("/core/article/seed", test_seed_article);
  g_test_add_func ("/core/article/load-file", test_load_file);
  g_test_add_func ("/core/article/load-missing", test_load_missing);
  g_test_add_func ("/core/article/offsets", test_offsets);
  g_test_add_func ("/core/article/slice-grapheme-parts", test_slice_grapheme_parts);
  g_test_add_func ("/core/article/slice-equals-bounds", test_slice_equals_bounds);

  return g_test_run ();
}
