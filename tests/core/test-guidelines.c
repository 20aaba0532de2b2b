/* test-guidelines.c: finding, reading and parsing a corpus's GUIDELINES.md
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-guidelines.h"

/* The structure as one line per block: its kind and level, then its runs,
 * a styled one as {STYLES:text} (b bold, i emphasis, c code, l=URL link).
 */
static char *
describe (GlossaGuidelines *guidelines)
{
  static const char * const kinds[] = { "p", "h", "ul", "ol", "q", "code", "hr" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < guidelines->blocks->len; i++)
    {
      GlossaGuidelinesBlock *block = g_ptr_array_index (guidelines->blocks, i);

      g_string_append (out, kinds[block->kind]);
      if (block->kind != GLOSSA_GUIDELINES_PARAGRAPH && block->kind != GLOSSA_GUIDELINES_CODE
          && block->kind != GLOSSA_GUIDELINES_RULE)
        g_string_append_printf (out, "%u", block->level);
      if (block->kind == GLOSSA_GUIDELINES_NUMBERED)
        g_string_append_printf (out, "#%u", block->number);
      g_string_append (out, ":");
      for (guint r = 0; r < block->runs->len; r++)
        {
          GlossaGuidelinesRun *run = g_ptr_array_index (block->runs, r);

          if (run->style == 0)
            {
              g_string_append (out, run->text);
              continue;
            }
          g_string_append_c (out, '{');
          if (run->style & GLOSSA_GUIDELINES_STYLE_BOLD)
            g_string_append_c (out, 'b');
          if (run->style & GLOSSA_GUIDELINES_STYLE_EMPHASIS)
            g_string_append_c (out, 'i');
          if (run->style & GLOSSA_GUIDELINES_STYLE_CODE)
            g_string_append_c (out, 'c');
          if (run->style & GLOSSA_GUIDELINES_STYLE_LINK)
            g_string_append_printf (out, "l=%s", run->url);
          g_string_append_printf (out, ":%s}", run->text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
parse (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaGuidelines) guidelines = glossa_guidelines_parse (markdown, strlen (markdown), "GUIDELINES.md",
                                                                     FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (guidelines);
  return describe (guidelines);
}

static void
check (const char *markdown,
       const char *expected)
{
  g_autofree char *got = parse (markdown);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_headings (void)
{
  check ("# Actors\n## Who counts ##\n### Edge cases\n#### Deeper\n", "h1:Actors\nh2:Who counts\nh3:Edge cases\nh4:Deeper\n");
  /* Not headings: no space after the #, seven of them, or indented as code. */
  check ("#hashtag\n", "p:#hashtag\n");
  check ("####### seven\n", "p:####### seven\n");
  check ("# Title with *emphasis*\n", "h1:Title with {i:emphasis}\n");
  check ("#\n", "h1:\n");
}

static void
test_paragraphs (void)
{
  check ("One line\nand the next.\n\nA second paragraph.\r\n", "p:One line and the next.\np:A second paragraph.\n");
  /* Two spaces or a backslash at a line's end keep the line break. */
  check ("first  \nsecond\\\nthird\n", "p:first\nsecond\nthird\n");
  check ("", "");
  check ("\n\n   \n", "");
}

static void
test_lists (void)
{
  check ("- one\n- two\n  - nested\n    * deeper\n- back\n",
         "ul0:one\nul0:two\nul1:nested\nul2:deeper\nul0:back\n");
  check ("1. first\n2) second\n10. tenth\n   continued\n",
         "ol0#1:first\nol0#2:second\nol0#10:tenth continued\n");
  check ("- a\n\n  1. inner\n- b\n", "ul0:a\nol1#1:inner\nul0:b\n");
  /* Numbers too long for a list, and a * that starts emphasis. */
  check ("1234567890. not a list\n", "p:1234567890. not a list\n");
  check ("*not* a list\n", "p:{i:not} a list\n");
}

static void
test_quotes (void)
{
  check ("> A quote\n> on two lines\n>\n> and a second paragraph\n",
         "q1:A quote on two lines\nq1:and a second paragraph\n");
  check ("> outer\n>> inner\n", "q1:outer\nq2:inner\n");
  check ("> **bold** in a quote\n", "q1:{b:bold} in a quote\n");
}

static void
test_inline (void)
{
  check ("plain **bold** *em* _em too_ __bold too__ ***both*** `code`\n",
         "p:plain {b:bold} {i:em} {i:em too} {b:bold too} {bi:both} {c:code}\n");
  check ("**bold with *em* inside**\n", "p:{b:bold with }{bi:em}{b: inside}\n");
  check ("`` a `tick` inside ``\n", "p:{c:a `tick` inside}\n");
  check ("`*not em*` and \\*escaped\\*\n", "p:{c:*not em*} and *escaped*\n");
  check ("snake_case_name stays\n", "p:snake_case_name stays\n");
  check ("2 * 3 * 4\n", "p:2 * 3 * 4\n");
}

static void
test_links (void)
{
  check ("See [the manual](https://example.org/m) now.\n",
         "p:See {l=https://example.org/m:the manual} now.\n");
  check ("[**bold** link](x)\n", "p:{bl=x:bold}{l=x: link}\n");
  check ("<https://example.org> and ![a picture](p.png)\n",
         "p:{l=https://example.org:https://example.org} and {l=p.png:a picture}\n");
  /* Not links: a space in the target, no target, a bracket alone. */
  check ("[a](b c) [d] [e](f\n", "p:[a](b c) [d] [e](f\n");
  /* Emphasis never pairs across a link's edge. */
  check ("*a [b* c](u)\n", "p:*a {l=u:b* c}\n");
}

static void
test_code_and_rules (void)
{
  check ("Before\n```json\n{ \"label\": \"actor\" }\n  **kept**\n```\nAfter\n",
         "p:Before\ncode:{c:{ \"label\": \"actor\" }\n  **kept**}\np:After\n");
  check ("~~~\nunclosed\n", "code:{c:unclosed}\n");
  check ("above\n\n---\n* * *\nbelow\n", "p:above\nhr:\nhr:\np:below\n");
}

static void
test_malformed (void)
{
  /* Unclosed or unpaired delimiters stay as they are written. */
  check ("**never closed\n", "p:**never closed\n");
  check ("*a **b* c**\n", "p:{i:a **b} c**\n");
  check ("`open code\n", "p:`open code\n");
  check ("[open link(\n", "p:[open link(\n");
  check ("****\n", "hr:\n");
  check ("** **\n", "hr:\n");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaGuidelines) guidelines = NULL;
  GlossaGuidelinesBlock *last;

  /* Ten thousand levels of list and of quote: the depth is capped. */
  for (guint i = 0; i < 10000; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append_c (text, ' ');
      g_string_append (text, "- item\n");
    }
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, '>');
  g_string_append (text, " deep\n");

  guidelines = glossa_guidelines_parse (text->str, text->len, "GUIDELINES.md", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (guidelines->blocks->len, ==, 10001);
  last = g_ptr_array_index (guidelines->blocks, 9999);
  g_assert_cmpint (last->kind, ==, GLOSSA_GUIDELINES_BULLET);
  g_assert_cmpuint (last->level, ==, GLOSSA_GUIDELINES_MAX_DEPTH);
  last = g_ptr_array_index (guidelines->blocks, 10000);
  g_assert_cmpint (last->kind, ==, GLOSSA_GUIDELINES_QUOTE);
  g_assert_cmpuint (last->level, ==, GLOSSA_GUIDELINES_MAX_DEPTH);
}

static gsize
total_text (GlossaGuidelines *guidelines)
{
  gsize total = 0;

  for (guint i = 0; i < guidelines->blocks->len; i++)
    {
      GlossaGuidelinesBlock *block = g_ptr_array_index (guidelines->blocks, i);

      for (guint r = 0; r < block->runs->len; r++)
        total += strlen (((GlossaGuidelinesRun *) g_ptr_array_index (block->runs, r))->text);
    }
  return total;
}

/* A 1 MB line of each kind of token parses, and keeps every character it
 * does not use as markup.
 */
static void
test_long_line (void)
{
  static const char * const units[] = { "word ", "*a", "**b*", "a`", "[x](", "\\*", "a_", "<http://x" };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossaGuidelines) guidelines = NULL;
      gint64 started = g_get_monotonic_time ();

      while (line->len < 1024 * 1024)
        g_string_append (line, units[u]);
      guidelines = glossa_guidelines_parse (line->str, line->len, "GUIDELINES.md", FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (guidelines->blocks->len, ==, 1);
      g_assert_cmpuint (total_text (guidelines), >=, line->len / 4);
      g_test_message ("1 MB of “%s”: %" G_GINT64_FORMAT " ms", units[u], (g_get_monotonic_time () - started) / 1000);
    }
}

static void
test_not_text (void)
{
  g_autoptr(GError) error = NULL;
  GlossaGuidelines *guidelines;

  guidelines = glossa_guidelines_parse ("# Title\nok\nbad \xE0 byte\n", 21, "GUIDELINES.md", FALSE, &error);
  g_assert_null (guidelines);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "GUIDELINES.md:3: the guidelines are not valid UTF-8 at byte 15 (0xE0)");
  g_clear_error (&error);

  guidelines = glossa_guidelines_parse ("one\ntwo\0three", 13, "GUIDELINES.txt", TRUE, &error);
  g_assert_null (guidelines);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "GUIDELINES.txt:2: a NUL byte at byte 7: the guidelines must be plain text");
  g_clear_error (&error);

  /* A byte-order mark is dropped, and byte offsets still count it. */
  guidelines = glossa_guidelines_parse ("\xEF\xBB\xBFok\xFF", 6, "G.md", FALSE, &error);
  g_assert_null (guidelines);
  g_assert_cmpstr (error->message, ==, "G.md:1: the guidelines are not valid UTF-8 at byte 5 (0xFF)");
  g_clear_error (&error);
  check ("\xEF\xBB\xBF# Title\n", "h1:Title\n");
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "# Not a heading\n**kept**\n\n- not a list\n";
  g_autoptr(GlossaGuidelines) guidelines = glossa_guidelines_parse (text, strlen (text), "GUIDELINES.txt", TRUE, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = describe (guidelines);
  g_assert_cmpstr (got, ==, "p:# Not a heading\n**kept**\np:- not a list\n");
}

/* Finding: the article's folder first, then each folder up to the corpus
 * root, never above it; .md before .txt.
 */
static void
test_find (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *sub = g_build_filename (corpus, "2024", "march", NULL);
  g_autofree char *above = g_build_filename (dir, "GUIDELINES.md", NULL);
  g_autofree char *at_root = g_build_filename (corpus, "GUIDELINES.txt", NULL);
  g_autofree char *at_sub = g_build_filename (sub, "GUIDELINES.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (corpus);
  g_autoptr(GFile) folder = g_file_new_for_path (sub);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GPtrArray) path = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  ct_write_file (above, "# Above the corpus\n", -1);

  path = glossa_guidelines_search_path (folder, root);
  g_assert_cmpuint (path->len, ==, 3);
  g_assert_true (g_file_equal (g_ptr_array_index (path, 2), root));

  g_assert_null (glossa_guidelines_find (folder, root));
  ct_write_file (at_root, "root", -1);
  found = glossa_guidelines_find (folder, root);
  g_assert_cmpstr (g_file_peek_path (found), ==, at_root);
  g_clear_object (&found);
  ct_write_file (at_sub, "sub", -1);
  found = glossa_guidelines_find (folder, root);
  g_assert_cmpstr (g_file_peek_path (found), ==, at_sub);
  g_clear_object (&found);
  /* A root that does not hold the folder: the folder alone. */
  g_clear_pointer (&path, g_ptr_array_unref);
  path = glossa_guidelines_search_path (root, folder);
  g_assert_cmpuint (path->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (path, 0), root));
  /* Without a root (one article), only its own folder. */
  g_assert_cmpint (g_unlink (at_sub), ==, 0);
  g_assert_null (glossa_guidelines_find (folder, NULL));

  ct_remove_tree (dir);
}

/* What cannot be read is found and refused with a message naming it, at
 * once: a FIFO, a folder, a link loop, a file over the limit.
 */
static void
test_hostile (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "GUIDELINES.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  GlossaGuidelines *guidelines;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  found = glossa_guidelines_find (folder, NULL);
  g_assert_true (g_file_equal (found, file));
  g_clear_object (&found);
  alarm (10);
  guidelines = glossa_guidelines_load (file, NULL, &error);
  alarm (0);
  g_assert_null (guidelines);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "GUIDELINES.md"));
  g_clear_error (&error);
  g_unlink (path);

  g_assert_cmpint (symlink ("GUIDELINES.md", path), ==, 0);
  found = glossa_guidelines_find (folder, NULL);
  g_assert_true (g_file_equal (found, file));
  g_clear_object (&found);
  g_assert_null (glossa_guidelines_load (file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "GUIDELINES.md"));
  g_clear_error (&error);
  g_unlink (path);

  big = g_malloc (GLOSSA_GUIDELINES_MAX_SIZE + 1000000);
  memset (big, 'a', GLOSSA_GUIDELINES_MAX_SIZE + 1000000);
  ct_write_file (path, big, GLOSSA_GUIDELINES_MAX_SIZE + 1000000);
  g_assert_null (glossa_guidelines_load (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "GUIDELINES.md"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "5.2"));
  g_assert_nonnull (strstr (error->message, "4.2"));
  g_clear_error (&error);
  g_unlink (path);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_null (glossa_guidelines_load (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  ct_remove_tree (dir);
}

typedef struct
{
  GMainLoop        *loop;
  GlossaGuidelines *guidelines;
  GFile            *file;
  GError           *error;
} Loaded;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  loaded->guidelines = glossa_guidelines_load_finish (result, &loaded->file, &loaded->error);
  g_main_loop_quit (loaded->loop);
}

static void
test_load_async (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "GUIDELINES.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Loaded loaded = { loop, NULL, NULL, NULL };

  glossa_guidelines_load_async (folder, NULL, NULL, on_loaded, &loaded);
  g_main_loop_run (loop);
  g_assert_error (loaded.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (loaded.file);
  g_assert_null (loaded.guidelines);
  g_clear_error (&loaded.error);

  ct_write_file (path, "# Guidelines\n\n- **Actor**: who acts\n", -1);
  glossa_guidelines_load_async (folder, NULL, NULL, on_loaded, &loaded);
  g_main_loop_run (loop);
  g_assert_no_error (loaded.error);
  g_assert_cmpstr (g_file_peek_path (loaded.file), ==, path);
  {
    g_autofree char *got = describe (loaded.guidelines);

    g_assert_cmpstr (got, ==, "h1:Guidelines\nul0:{b:Actor}: who acts\n");
  }
  g_clear_object (&loaded.file);
  g_clear_pointer (&loaded.guidelines, glossa_guidelines_free);

  ct_remove_tree (dir);
}

/* A folder corpus's GUIDELINES.txt is its guidelines, not an article. */
static void
test_not_an_article (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *txt = g_build_filename (dir, "GUIDELINES.txt", NULL);
  g_autofree char *sub_txt = g_build_filename (sub, "GUIDELINES.txt", NULL);
  g_autofree char *other = g_build_filename (sub, "guidelines.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  ct_write_file (article, "An article.", -1);
  ct_write_file (txt, "Tag every actor.", -1);
  ct_write_file (sub_txt, "Tag every date.", -1);
  /* Another name, in another letter case, is an article like any. */
  ct_write_file (other, "An article too.", -1);

  corpus = glossa_corpus_open (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 2);

  ct_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/guidelines/headings", test_headings);
  g_test_add_func ("/core/guidelines/paragraphs", test_paragraphs);
  g_test_add_func ("/core/guidelines/lists", test_lists);
  g_test_add_func ("/core/guidelines/quotes", test_quotes);
  g_test_add_func ("/core/guidelines/inline", test_inline);
  g_test_add_func ("/core/guidelines/links", test_links);
  g_test_add_func ("/core/guidelines/code-and-rules", test_code_and_rules);
  g_test_add_func ("/core/guidelines/malformed", test_malformed);
  g_test_add_func ("/core/guidelines/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/guidelines/long-line", test_long_line);
  g_test_add_func ("/core/guidelines/not-text", test_not_text);
  g_test_add_func ("/core/guidelines/plain", test_plain);
  g_test_add_func ("/core/guidelines/find", test_find);
  g_test_add_func ("/core/guidelines/hostile", test_hostile);
  g_test_add_func ("/core/guidelines/load-async", test_load_async);
  g_test_add_func ("/core/guidelines/not-an-article", test_not_an_article);

  return g_test_run ();
}
