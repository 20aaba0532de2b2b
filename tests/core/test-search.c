/* test-search.c: finding texts, words and patterns in articles and corpora
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-search.h"
#include "glossa-search-private.h"

/* The matches of @query in @text as "start-end start-end …". */
static char *
find (const char        *query,
      GlossaSearchFlags  flags,
      const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) search = glossa_search_new (query, flags, &error);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  glossa_search_text (search, text, strlen (text), matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const GlossaSearchMatch *m = &g_array_index (matches, GlossaSearchMatch, i);
      g_autofree char *slice = g_utf8_substring (text, m->start, m->end);

      /* The byte offsets are those of the same characters. */
      g_assert_cmpint (strlen (slice), ==, m->byte_end - m->byte_start);
      g_assert_cmpint (memcmp (slice, text + m->byte_start, strlen (slice)), ==, 0);
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                              i ? " " : "", m->start, m->end);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_finds (const char        *query,
              GlossaSearchFlags  flags,
              const char        *text,
              const char        *expected)
{
  g_autofree char *found = find (query, flags, text);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_match_case (void)
{
  assert_finds ("Ana", GLOSSA_SEARCH_MATCH_CASE, "Ana ana ANA Ana", "0-3 12-15");
  assert_finds ("Ana", GLOSSA_SEARCH_DEFAULT, "Ana ana ANA Ana", "0-3 4-7 8-11 12-15");
  /* Matches do not overlap. */
  assert_finds ("aa", GLOSSA_SEARCH_MATCH_CASE, "aaaaa", "0-2 2-4");
}

/* Offsets are code points of the original text, whatever folding did to
 * lengths: "ß" folds to "ss", "ﬁ" to "fi", and an emoji is one code point
 * of four bytes.
 */
static void
test_case_folding_offsets (void)
{
  const char *text = "😀 Straße STRASSE straße ﬁsh FISH Ärger";

  assert_finds ("strasse", GLOSSA_SEARCH_DEFAULT, text, "2-8 9-16 17-23");
  assert_finds ("STRAẞE", GLOSSA_SEARCH_DEFAULT, text, "2-8 9-16 17-23");
  assert_finds ("fish", GLOSSA_SEARCH_DEFAULT, text, "24-27 28-32");
  assert_finds ("ärger", GLOSSA_SEARCH_DEFAULT, text, "33-38");
  /* Half of a character's folding is not a match: no "s" inside "ß". */
  assert_finds ("s", GLOSSA_SEARCH_DEFAULT, "ß", "");
  assert_finds ("f", GLOSSA_SEARCH_DEFAULT, "ﬁ", "");
  /* The Kelvin sign folds to k. */
  assert_finds ("k", GLOSSA_SEARCH_DEFAULT, "\xE2\x84\xAA", "0-1");
  assert_finds ("Straße", GLOSSA_SEARCH_MATCH_CASE, text, "2-8");
}

/* ASCII text is searched without case in place, other text through its
 * folded copy: both find the same, whole words included, wherever the
 * query's rarest letter recurs.
 */
static void
test_ascii_caseless (void)
{
  static const char *queries[] = { "lima", "LIMA LI", "ab", "a", "kk" };
  static const char *text = "LimaLIMA lima limA li. Lima Li: kkk abab AB";

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    for (GlossaSearchFlags word = 0; word <= GLOSSA_SEARCH_WHOLE_WORD; word += GLOSSA_SEARCH_WHOLE_WORD)
      {
        g_autofree char *other = g_strconcat (text, " \xC3\xA9", NULL);
        g_autofree char *ascii = find (queries[i], word, text);
        g_autofree char *folded = find (queries[i], word, other);

        g_assert_cmpstr (ascii, ==, folded);
      }
  assert_finds ("lima", GLOSSA_SEARCH_WHOLE_WORD, "LimaLIMA lima limA li. Lima", "9-13 14-18 23-27");
  assert_finds ("kk", GLOSSA_SEARCH_DEFAULT, "kkk KK", "0-2 4-6");
}

static void
test_whole_word (void)
{
  const char *text = "Psaki's Psakis psaki, (psaki) xpsaki";

  assert_finds ("psaki", GLOSSA_SEARCH_WHOLE_WORD, text, "0-5 15-20 23-28");
  /* Accented letters, precomposed or combining, continue a word. */
  assert_finds ("caf", GLOSSA_SEARCH_WHOLE_WORD, "café caf cafe\xCC\x81", "5-8");
  assert_finds ("cafe", GLOSSA_SEARCH_WHOLE_WORD, "café cafe\xCC\x81 cafe.", "11-15");
  assert_finds ("Italia", GLOSSA_SEARCH_WHOLE_WORD, "l'Italia, dell’Italia", "2-8 15-21");
  /* A query that starts or ends with punctuation only needs its word
   * characters to be at word edges.
   */
  assert_finds ("-based", GLOSSA_SEARCH_WHOLE_WORD, "Rome-based Rome-basedx", "4-10");
  assert_finds ("Ärger", GLOSSA_SEARCH_WHOLE_WORD, "ärger Ärgernis", "0-5");
  /* A rejected place does not hide a later one that overlaps it. */
  assert_finds ("aa", GLOSSA_SEARCH_WHOLE_WORD | GLOSSA_SEARCH_MATCH_CASE, "aaa aa", "4-6");
}

static void
test_regex (void)
{
  assert_finds ("\\d{4}-\\d{2}", GLOSSA_SEARCH_REGEX, "Ümit 2024-03 and 1999-12", "5-12 17-24");
  assert_finds ("ana", GLOSSA_SEARCH_REGEX, "Ana ANA", "0-3 4-7");
  assert_finds ("ana", GLOSSA_SEARCH_REGEX | GLOSSA_SEARCH_MATCH_CASE, "Ana ana", "4-7");
  /* Empty matches can be neither shown nor tagged. */
  assert_finds ("x*", GLOSSA_SEARCH_REGEX, "abc", "");
  assert_finds ("\\w+", GLOSSA_SEARCH_REGEX | GLOSSA_SEARCH_WHOLE_WORD, "été x", "0-3 4-5");
  assert_finds ("^said", GLOSSA_SEARCH_REGEX, "he\nsaid\nsaid", "3-7 8-12");
}

static void
test_regex_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) search = glossa_search_new ("(ab[", GLOSSA_SEARCH_REGEX, &error);

  g_assert_null (search);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  /* The message names the pattern and where it goes wrong. */
  g_assert_nonnull (strstr (error->message, "(ab["));
  g_assert_nonnull (strstr (error->message, "char 4"));
}

static void
test_bad_queries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) empty = glossa_search_new ("", GLOSSA_SEARCH_DEFAULT, &error);
  g_autoptr(GlossaSearch) invalid = NULL;

  g_assert_null (empty);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  g_clear_error (&error);
  invalid = glossa_search_new ("a\xFF", GLOSSA_SEARCH_DEFAULT, &error);
  g_assert_null (invalid);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
}

static GlossaDocument *
document_for (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), "a.txt", &error);

  g_assert_no_error (error);
  return glossa_document_new_with_store (article, NULL, NULL);
}

static GPtrArray *
hits_in (GlossaDocument *document,
         const char     *query)
{
  g_autoptr(GlossaSearch) search = glossa_search_new (query, GLOSSA_SEARCH_DEFAULT, NULL);

  return glossa_search_document (search, document);
}

#define HIT(hits, i) ((GlossaSearchHit *) g_ptr_array_index ((hits), (i)))

/* Contexts are 40 characters where there are 40, fewer at the edges, and
 * on one line.
 */
static void
test_contexts (void)
{
  g_autoptr(GlossaDocument) document = document_for ("Lima opened\nthe 1234567890123456789012345678901234567890 bridge.\r\n"
                                                     "Then Lima\tleft. 0123456789012345678901234567890123456789 Lima");
  g_autoptr(GPtrArray) hits = hits_in (document, "lima");

  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (HIT (hits, 0)->left, ==, "");
  g_assert_cmpstr (HIT (hits, 0)->match, ==, "Lima");
  g_assert_cmpstr (HIT (hits, 0)->right, ==, " opened the 1234567890123456789012345678");
  g_assert_cmpuint (g_utf8_strlen (HIT (hits, 1)->left, -1), ==, GLOSSA_SEARCH_CONTEXT);
  g_assert_cmpstr (HIT (hits, 1)->left, ==, "6789012345678901234567890 bridge.  Then ");
  g_assert_cmpstr (HIT (hits, 1)->right, ==, " left. 012345678901234567890123456789012");
  g_assert_cmpstr (HIT (hits, 2)->right, ==, "");
  g_assert_cmpint (HIT (hits, 2)->end, ==, glossa_article_get_length (glossa_document_get_article (document)));
}

static void
test_labels_at_hits (void)
{
  g_autoptr(GlossaDocument) document = document_for ("Ana Lima said Lima is near Lima.");
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_nonnull (glossa_document_add_span (document, 0, 8, GLOSSA_LABEL_ACTOR, NULL));
  g_assert_nonnull (glossa_document_add_span (document, 4, 8, GLOSSA_LABEL_QUOTE, NULL));
  g_assert_nonnull (glossa_document_add_span (document, 9, 31, GLOSSA_LABEL_CLAIM, NULL));
  g_assert_nonnull (glossa_document_add_span (document, 14, 21, GLOSSA_LABEL_DATE, NULL));
  hits = hits_in (document, "lima");

  g_assert_cmpuint (hits->len, ==, 3);
  /* An exact span wins over a longer one that contains the hit. */
  g_assert_cmpint (HIT (hits, 0)->cover, ==, GLOSSA_SEARCH_COVER_EXACT);
  g_assert_true (HIT (hits, 0)->label == GLOSSA_LABEL_QUOTE);
  /* Inside two spans: the smaller one names it. */
  g_assert_cmpint (HIT (hits, 1)->cover, ==, GLOSSA_SEARCH_COVER_INSIDE);
  g_assert_true (HIT (hits, 1)->label == GLOSSA_LABEL_DATE);
  g_assert_cmpint (HIT (hits, 2)->cover, ==, GLOSSA_SEARCH_COVER_INSIDE);
  g_assert_true (HIT (hits, 2)->label == GLOSSA_LABEL_CLAIM);
}

static void
test_tag_document (void)
{
  g_autoptr(GlossaDocument) document = document_for ("Lima, Lima and Ana Lima; Lima.");
  g_autoptr(GlossaSearch) search = glossa_search_new ("lima", GLOSSA_SEARCH_WHOLE_WORD, NULL);
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GError) error = NULL;
  GlossaSearchTagCounts counts;

  g_assert_nonnull (glossa_document_add_span (document, 0, 4, GLOSSA_LABEL_ACTOR, NULL));
  /* "a Li" crosses the third Lima's start. */
  g_assert_nonnull (glossa_document_add_span (document, 17, 21, GLOSSA_LABEL_CLAIM, NULL));
  /* The fourth Lima nests inside a quote: allowed. */
  g_assert_nonnull (glossa_document_add_span (document, 23, 30, GLOSSA_LABEL_QUOTE, NULL));

  g_assert_true (glossa_search_tag_document (search, document, GLOSSA_LABEL_ACTOR, FALSE, &counts, planned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.tagged, ==, 2);
  g_assert_cmpuint (counts.already, ==, 1);
  g_assert_cmpuint (counts.crossing, ==, 1);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 3);
  g_assert_cmpint (g_array_index (planned, GlossaSearchMatch, 0).start, ==, 6);
  g_assert_cmpint (g_array_index (planned, GlossaSearchMatch, 1).start, ==, 25);

  g_assert_true (glossa_search_tag_document (search, document, GLOSSA_LABEL_ACTOR, TRUE, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 5);
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_ACTOR), ==, 3);
  /* One undo step takes both back. */
  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 3);
}

/* Corpora */

typedef struct
{
  GPtrArray *lines;   /* "ID POSITION START-END LABEL|-" per hit, or "ID error" */
  guint      stop_after;
  GCancellable *cancel_after_first;
} Collected;

static gboolean
collect (GlossaSearchResult *result,
         gpointer            user_data)
{
  Collected *collected = user_data;

  if (result->error)
    g_ptr_array_add (collected->lines, g_strdup_printf ("%s error", result->id));
  for (guint i = 0; i < result->hits->len; i++)
    {
      const GlossaSearchHit *hit = g_ptr_array_index (result->hits, i);

      g_ptr_array_add (collected->lines,
                       g_strdup_printf ("%s %u %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s", result->id,
                                        result->position, hit->start, hit->end,
                                        hit->cover == GLOSSA_SEARCH_COVER_NONE ? "-" : glossa_label_to_string (hit->label)));
    }
  if (collected->cancel_after_first)
    g_cancellable_cancel (collected->cancel_after_first);
  return collected->stop_after == 0 || collected->lines->len < collected->stop_after;
}

static char *
search_corpus (const char        *path,
               const char        *query,
               GlossaSearchFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = glossa_corpus_open (file, NULL, &error);
  g_autoptr(GlossaSearch) search = glossa_search_new (query, flags, &error);
  Collected collected = { g_ptr_array_new_with_free_func (g_free), 0, NULL };
  char *joined;

  g_assert_no_error (error);
  g_assert_true (glossa_search_corpus (search, corpus, collect, &collected, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (collected.lines, NULL);
  joined = g_strjoinv ("\n", (char **) collected.lines->pdata);
  g_ptr_array_unref (collected.lines);
  return joined;
}

static void
tag_through_corpus (const char  *path,
                    guint        position,
                    gint64       start,
                    gint64       end,
                    GlossaLabel  label)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = glossa_corpus_open (file, NULL, &error);
  g_autoptr(GlossaDocument) document = glossa_corpus_load_document (corpus, position, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (document, start, end, label, &error));
  g_assert_true (glossa_corpus_save_document (corpus, position, document, NULL, &error));
  g_assert_no_error (error);
}

static void
test_corpus_folder (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  g_autofree char *c = g_build_filename (dir, "c.txt", NULL);
  g_autofree char *found = NULL;

  /* b starts with a byte-order mark, which is not part of the text. */
  ct_write_file (a, "Ana Lima spoke. Lima", -1);
  ct_write_file (b, "\xEF\xBB\xBFLima agreed.", -1);
  ct_write_file (c, "Nobody here.", -1);
  tag_through_corpus (dir, 0, 4, 8, GLOSSA_LABEL_ACTOR);

  found = search_corpus (dir, "LIMA", GLOSSA_SEARCH_DEFAULT);
  g_assert_cmpstr (found, ==, "a 0 4-8 actor\na 0 16-20 -\nb 1 0-4 -");
  ct_remove_tree (dir);
}

static void
test_corpus_jsonl (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.jsonl", NULL);
  g_autofree char *found = NULL;

  /* Line 2 writes "é" as an escape and line 4 is blank: neither may shift
   * or hide a result. Line 3 is not valid and is not listed.
   */
  ct_write_file (path,
                 "{\"id\": \"one\", \"text\": \"caf\\u00e9 Lima\"}\n"
                 "{\"id\": \"two\", \"text\": \"Un café à Lima\"}\n"
                 "{\"id\": \"bad\"}\n"
                 "\n"
                 "{\"id\": \"three\", \"text\": \"\\\"Lima\\\" said\\nLima\"}\n", -1);
  tag_through_corpus (path, 2, 12, 16, GLOSSA_LABEL_DATE);

  found = search_corpus (path, "café", GLOSSA_SEARCH_MATCH_CASE);
  g_assert_cmpstr (found, ==, "one 0 0-4 -\ntwo 1 3-7 -");
  g_free (found);
  found = search_corpus (path, "lima", GLOSSA_SEARCH_WHOLE_WORD);
  g_assert_cmpstr (found, ==, "one 0 5-9 -\ntwo 1 10-14 -\nthree 2 1-5 -\nthree 2 12-16 date");
  ct_remove_tree (dir);
}

/* The hits of glossa_search_corpus_file(), positions left out. */
static char *
search_file (const char        *path,
             const char        *query,
             GlossaSearchFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) search = glossa_search_new (query, flags, &error);
  Collected collected = { g_ptr_array_new_with_free_func (g_free), 0, NULL };
  char *joined;

  g_assert_no_error (error);
  g_assert_true (glossa_search_corpus_file (search, file, collect, &collected, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (collected.lines, NULL);
  joined = g_strjoinv ("\n", (char **) collected.lines->pdata);
  g_ptr_array_unref (collected.lines);
  return joined;
}

/* "ID POSITION …" lines as search_file() gives them: no positions. */
static char *
without_positions (const char *found)
{
  g_auto(GStrv) lines = g_strsplit (found, "\n", -1);

  for (char **line = lines; *line != NULL; line++)
    {
      g_auto(GStrv) fields = g_strsplit (*line, " ", 3);

      if (g_strv_length (fields) == 3)
        {
          g_free (*line);
          *line = g_strdup_printf ("%s %u %s", fields[0], G_MAXUINT, fields[2]);
        }
    }
  return g_strjoinv ("\n", lines);
}

/* A JSONL file searched without being listed first finds what the opened
 * corpus finds: lines are listed where they may match, as opening lists
 * them, whatever came before them with the same id.
 */
static void
test_corpus_file_lists_as_open (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.jsonl", NULL);
  static const struct { const char *query; GlossaSearchFlags flags; const char *expected; } cases[] = {
    { "lima", GLOSSA_SEARCH_DEFAULT, "ok 0 0-4 -\n7 1 7-11 -\ngone 2 0-4 -\nfirst 3 0-4 actor\nesc 4 3-7 -\nkey 6 0-4 -" },
    { "Lima", GLOSSA_SEARCH_MATCH_CASE | GLOSSA_SEARCH_WHOLE_WORD, "ok 0 0-4 -\n7 1 7-11 -\ngone 2 0-4 -\nfirst 3 0-4 actor\nesc 4 3-7 -\nkey 6 0-4 -" },
    { "fish", GLOSSA_SEARCH_DEFAULT, "lig 5 0-3 -" },
    { "L.ma", GLOSSA_SEARCH_REGEX, "ok 0 0-4 -\n7 1 7-11 -\ngone 2 0-4 -\nfirst 3 0-4 actor\nesc 4 3-7 -\nkey 6 0-4 -" },
  };

  /* Line 3 repeats "ok", and line 4 the integer id 7: not listed. The
   * second "gone" takes the id of a line that is not valid, so it is
   * listed. "first" comes with its span; "esc" spells its match with \u
   * escapes; "key" writes its key "id" with one, and the last line
   * repeats that id. "lig" has "ﬁ", which folds to "fi". The second
   * "quiet" repeats the id of a line without a match.
   */
  ct_write_file (path,
                 "{\"id\": \"ok\", \"text\": \"Lima\"}\n"
                 "{\"id\": 7, \"text\": \"Number Lima\"}\n"
                 "{\"id\": \"ok\", \"text\": \"Lima again\"}\n"
                 "{\"text\": \"Lima too\", \"id\": \"7\"}\n"
                 "{\"id\": \"gone\", \"text\": 5}\n"
                 "{\"id\": \"gone\", \"text\": \"Lima\"}\n"
                 "{\"id\": \"first\", \"text\": \"Lima\", \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 4, "
                 "\"label\": \"actor\", \"text\": \"Lima\"}]}\n"
                 "{\"id\": \"esc\", \"text\": \"la \\u004cima\"}\n"
                 "{\"id\": \"lig\", \"text\": \"\xEF\xAC\x81sh\"}\n"
                 "{\"i\\u0064\": \"key\", \"text\": \"Lima\"}\n"
                 "{\"id\": \"key\", \"text\": \"Lima\"}\n"
                 "{\"id\": \"quiet\", \"text\": \"Nothing\"}\n"
                 "{\"id\": \"quiet\", \"text\": \"Lima\"}\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *opened = search_corpus (path, cases[i].query, cases[i].flags);
      g_autofree char *streamed = search_file (path, cases[i].query, cases[i].flags);
      g_autofree char *expected = NULL;

      g_assert_cmpstr (opened, ==, cases[i].expected);
      expected = without_positions (opened);
      g_assert_cmpstr (streamed, ==, expected);
    }
  ct_remove_tree (dir);
}

/* A regular expression's raw-line prefilter (a run of text every match
 * has) rules out no line that has a match: the file search finds what
 * searching each article's text finds.
 */
static void
test_regex_prefilter (void)
{
  static const char *texts[] = {
    "Lima", "lima LIMA", "Liima x and Lima x", "harbor talks, harbour talks", "L.ima",
    "\xE2\x84\xAA" "elvin", "\xC5\xBF" "un", "aab", "a quote \" and a line\n Lima", "Rome", "ima x",
    "rb", "Lima\\Rome", "xLim", "Rom",
  };
  static const char *patterns[] = {
    "harbou?r talks", "Li+ma", "(Lima)+ x", "(Lima)? x", "[Ll]ima", "[^x]ima", "Lima|Rome", "\\bLima\\b",
    "L\\.ima", "\\x4cima", "ha(rb)our", "a{2}b", "kelvin", "sun", "ima x", "\" and", "a\\\\R", "(rb)*",
    "xLima?", "Rome*", "Rome{0,1}",
  };
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.jsonl", NULL);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, texts[i]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, texts[i]);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      line = json_to_string (root, FALSE);
      g_string_append_printf (lines, "%s\n", line);
    }
  ct_write_file (path, lines->str, -1);

  for (guint k = 0; k < G_N_ELEMENTS (patterns); k++)
    for (GlossaSearchFlags flags = GLOSSA_SEARCH_REGEX; flags <= (GLOSSA_SEARCH_REGEX | GLOSSA_SEARCH_MATCH_CASE);
         flags += GLOSSA_SEARCH_MATCH_CASE)
      {
        g_autofree char *found = search_file (path, patterns[k], flags);
        g_autoptr(GString) expected = g_string_new (NULL);

        for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
          {
            g_autofree char *hits = find (patterns[k], flags, texts[i]);
            g_auto(GStrv) ranges = g_strsplit (hits, " ", -1);

            for (guint r = 0; *hits != '\0' && ranges[r] != NULL; r++)
              g_string_append_printf (expected, "%s%s %u %s -", expected->len ? "\n" : "", texts[i], G_MAXUINT,
                                      ranges[r]);
          }
        if (g_strcmp0 (found, expected->str) != 0)
          g_error ("/%s/ (flags %d): found\n%s\nexpected\n%s", patterns[k], flags, found, expected->str);
      }
  ct_remove_tree (dir);
}

/* Annotations beside the file: the corpus is opened, positions given. */
static void
test_corpus_file_with_annotations (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.jsonl", NULL);
  g_autofree char *found = NULL;

  ct_write_file (path, "{\"id\": \"a\", \"text\": \"Ana Lima\"}\n{\"id\": \"b\", \"text\": \"Lima\"}\n", -1);
  tag_through_corpus (path, 1, 0, 4, GLOSSA_LABEL_ACTOR);
  found = search_file (path, "lima", GLOSSA_SEARCH_DEFAULT);
  g_assert_cmpstr (found, ==, "a 0 4-8 -\nb 1 0-4 actor");
  ct_remove_tree (dir);
}

/* The prefilter of a case-blind query lets through the lines with these
 * characters: they must be every character GLib folds to something with
 * ASCII in it.
 */
static void
test_folds_to_ascii (void)
{
  guint n, found = 0;
  const char *const *listed = _glossa_search_folds_to_ascii (&n);

  for (gunichar c = 0x80; c <= 0x10FFFF; c++)
    {
      char utf8[7] = { 0 };
      g_autofree char *folded = NULL;
      gboolean ascii = FALSE;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, utf8);
      folded = g_utf8_casefold (utf8, -1);
      for (const char *p = folded; *p; p++)
        ascii |= (guchar) *p < 0x80;
      if (!ascii)
        continue;
      found++;
      g_assert_true (g_strv_contains ((const char * const *) listed, utf8) ||
                     (g_test_message ("U+%04X folds to ASCII and is not listed", c), FALSE));
    }
  g_assert_cmpuint (found, ==, n);
}

static void
test_corpus_cancel (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GlossaSearch) search = glossa_search_new ("x", GLOSSA_SEARCH_DEFAULT, NULL);
  Collected collected = { g_ptr_array_new_with_free_func (g_free), 0, cancellable };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%u.txt", dir, i);
      ct_write_file (name, "x", -1);
    }
  corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (glossa_search_corpus (search, corpus, collect, &collected, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (collected.lines->len, ==, 1);

  /* Returning FALSE stops it too, without an error. */
  g_clear_error (&error);
  g_ptr_array_set_size (collected.lines, 0);
  collected.cancel_after_first = NULL;
  collected.stop_after = 2;
  g_assert_true (glossa_search_corpus (search, corpus, collect, &collected, NULL, &error));
  g_assert_cmpuint (collected.lines->len, ==, 2);
  g_ptr_array_unref (collected.lines);
  ct_remove_tree (dir);
}

/* Brute force: the span that has the hit exactly, or else the smallest
 * that contains it (the first of equal ones, in span order).
 */
static void
expected_cover (GPtrArray         *spans,
                gint64             start,
                gint64             end,
                GlossaSearchCover *cover,
                GlossaLabel       *label)
{
  gint64 inner = G_MAXINT64;

  *cover = GLOSSA_SEARCH_COVER_NONE;
  for (guint i = 0; i < spans->len; i++)
    {
      const GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start == start && span->end == end)
        {
          *cover = GLOSSA_SEARCH_COVER_EXACT;
          *label = span->label;
          return;
        }
      if (span->start <= start && end <= span->end && span->end - span->start < inner)
        {
          inner = span->end - span->start;
          *cover = GLOSSA_SEARCH_COVER_INSIDE;
          *label = span->label;
        }
    }
}

/* Hits are matched to spans from a cursor that only moves on: a long span
 * that starts early must still name a late hit, and short ones between
 * must not hide it.
 */
static void
test_labels_many_spans (void)
{
  const GlossaLabel labels[] = { GLOSSA_LABEL_ACTOR, GLOSSA_LABEL_QUOTE, GLOSSA_LABEL_CLAIM, GLOSSA_LABEL_DATE };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  guint n_inside = 0, n_exact = 0;

  for (int i = 0; i < 200; i++)
    g_string_append (text, "lima xx ");
  document = document_for (text->str);
  /* One span over nearly all, then short ones, some exactly on a hit. */
  g_assert_nonnull (glossa_document_add_span (document, 2, 1500, GLOSSA_LABEL_CLAIM, NULL));
  for (int i = 0; i < 300; i++)
    {
      gint64 start = g_rand_int_range (rand, 0, 1590);
      gint64 end = start + (g_rand_boolean (rand) ? 4 : g_rand_int_range (rand, 1, 30));

      if (g_rand_boolean (rand))
        start -= start % 8, end = start + 4;
      glossa_document_add_span (document, start, end, labels[g_rand_int_range (rand, 0, 4)], NULL);
    }
  hits = hits_in (document, "lima");
  spans = glossa_document_dup_spans (document);
  g_assert_cmpuint (hits->len, ==, 200);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossaSearchCover cover;
      GlossaLabel label = 0;

      expected_cover (spans, HIT (hits, i)->start, HIT (hits, i)->end, &cover, &label);
      g_assert_cmpint (HIT (hits, i)->cover, ==, cover);
      if (cover != GLOSSA_SEARCH_COVER_NONE)
        g_assert_cmpstr (glossa_label_to_string (HIT (hits, i)->label), ==, glossa_label_to_string (label));
      n_inside += cover == GLOSSA_SEARCH_COVER_INSIDE;
      n_exact += cover == GLOSSA_SEARCH_COVER_EXACT;
    }
  /* The test is worth something only if it has both kinds. */
  g_assert_cmpuint (n_inside, >, 20);
  g_assert_cmpuint (n_exact, >, 20);
}

/* @text[from, to) on one line as the contexts show it. */
static char *
one_line_reference (const char *text,
                    glong       from,
                    glong       to)
{
  g_autofree char *part = g_utf8_substring (text, from, to);
  GString *out = g_string_new (NULL);

  for (const char *p = part; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Contexts of ASCII, of other characters, and of line breaks and controls
 * at every distance from the hit: each is the 40 characters either side.
 */
static void
test_contexts_mixed (void)
{
  static const char *pieces[] = { "a", "é", "\t", "\x7F", "\xE2\x80\xA8", "\xC2\x85", "😀", "bcdefgh", "\n" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  glong length;

  for (int i = 0; i < 400; i++)
    {
      /* Mostly ASCII, so that the eight-byte copies run too. */
      g_string_append (text, pieces[g_rand_int_range (rand, 0, 100) < 70 ? 7 : g_rand_int_range (rand, 0, 9)]);
      if (i % 13 == 0)
        g_string_append (text, "Lima");
    }
  document = document_for (text->str);
  hits = hits_in (document, "lima");
  length = glossa_article_get_length (glossa_document_get_article (document));
  g_assert_cmpuint (hits->len, ==, 31);
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossaSearchHit *hit = HIT (hits, i);
      g_autofree char *left = one_line_reference (text->str, MAX (0, hit->start - GLOSSA_SEARCH_CONTEXT), hit->start);
      g_autofree char *right = one_line_reference (text->str, hit->end, MIN (length, hit->end + GLOSSA_SEARCH_CONTEXT));

      g_assert_cmpstr (hit->left, ==, left);
      g_assert_cmpstr (hit->match, ==, "Lima");
      g_assert_cmpstr (hit->right, ==, right);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/match-case", test_match_case);
  g_test_add_func ("/core/search/case-folding-offsets", test_case_folding_offsets);
  g_test_add_func ("/core/search/whole-word", test_whole_word);
  g_test_add_func ("/core/search/ascii-caseless", test_ascii_caseless);
  g_test_add_func ("/core/search/regex", test_regex);
  g_test_add_func ("/core/search/regex-error", test_regex_error);
  g_test_add_func ("/core/search/bad-queries", test_bad_queries);
  g_test_add_func ("/core/search/contexts", test_contexts);
  g_test_add_func ("/core/search/labels-at-hits", test_labels_at_hits);
  g_test_add_func ("/core/search/tag-document", test_tag_document);
  g_test_add_func ("/core/search/corpus-folder", test_corpus_folder);
  g_test_add_func ("/core/search/corpus-jsonl", test_corpus_jsonl);
  g_test_add_func ("/core/search/corpus-cancel", test_corpus_cancel);
  g_test_add_func ("/core/search/corpus-file-lists-as-open", test_corpus_file_lists_as_open);
  g_test_add_func ("/core/search/corpus-file-with-annotations", test_corpus_file_with_annotations);
  g_test_add_func ("/core/search/folds-to-ascii", test_folds_to_ascii);
  g_test_add_func ("/core/search/regex-prefilter", test_regex_prefilter);
  g_test_add_func ("/core/search/labels-many-spans", test_labels_many_spans);
  g_test_add_func ("/core/search/contexts-mixed", test_contexts_mixed);
  return g_test_run ();
}
