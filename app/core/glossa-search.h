/* glossa-search.h: finding a text, a word or a pattern in an article or a whole corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-corpus.h"
#include "glossa-document.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_SEARCH_DEFAULT    = 0,
  GLOSSA_SEARCH_WHOLE_WORD = 1 << 0,  /* a word character on neither side */
  GLOSSA_SEARCH_MATCH_CASE = 1 << 1,  /* otherwise Unicode case folding */
  GLOSSA_SEARCH_REGEX      = 1 << 2,  /* the query is a GRegex (PCRE) pattern */
  GLOSSA_SEARCH_COUNT_ONLY = 1 << 3,  /* a corpus search's results may leave out
                                       * their hits: see GlossaSearchResult */
} GlossaSearchFlags;

/* Characters of context on each side of a hit. */
#define GLOSSA_SEARCH_CONTEXT 40

/* A compiled query. Immutable once made, so threads may share it. */
typedef struct _GlossaSearch GlossaSearch;

/* One place the query matches: code points of the article, end exclusive,
 * and the same in bytes of the text searched.
 */
typedef struct
{
  gint64 start;
  gint64 end;
  gsize  byte_start;
  gsize  byte_end;
} GlossaSearchMatch;

/* How the spans already in the document cover a hit. */
typedef enum
{
  GLOSSA_SEARCH_COVER_NONE,    /* no span covers all of it */
  GLOSSA_SEARCH_COVER_EXACT,   /* a span has exactly the hit's range */
  GLOSSA_SEARCH_COVER_INSIDE,  /* the hit lies inside a longer span */
} GlossaSearchCover;

/* A hit with what a keyword-in-context line shows. The three texts are on
 * one line: line breaks and tabs are spaces. @label is the label of the
 * span that covers the hit exactly or, failing that, of the smallest span
 * that contains it; it means nothing when @cover is NONE. The texts are
 * part of the hit's own block: copy them, never free them apart.
 */
typedef struct
{
  gint64             start;
  gint64             end;
  char              *left;
  char              *match;
  char              *right;
  GlossaSearchCover  cover;
  GlossaLabel        label;
} GlossaSearchHit;

/* The hits in one article of a corpus, or why it could not be searched
 * (then @hits is empty and @error is set). @n_matches is the number of
 * hits; with GLOSSA_SEARCH_COUNT_ONLY @hits may be empty (the contexts are
 * not made) while @n_matches still counts them.
 */
typedef struct
{
  const char   *id;
  guint         position;  /* in the corpus list; see glossa_search_corpus_file() */
  GPtrArray    *hits;      /* of GlossaSearchHit, in text order */
  const GError *error;
  guint         n_matches;
} GlossaSearchResult;

/* Called once per article that has hits or could not be read, in corpus
 * order, on the thread that runs glossa_search_corpus(). @result is only
 * valid during the call (steal its @hits to keep them). Return FALSE to
 * stop the search.
 */
typedef gboolean (*GlossaSearchFunc) (GlossaSearchResult *result,
                                      gpointer            user_data);

/* What glossa_search_tag_document() did or would do with the matches. */
typedef struct
{
  guint tagged;     /* new spans (or, for a plan, spans to add) */
  guint already;    /* a span already has exactly the match's range */
  guint crossing;   /* the match crosses a span's edge: not tagged */
} GlossaSearchTagCounts;

GlossaSearch *glossa_search_new          (const char         *query,
                                          GlossaSearchFlags   flags,
                                          GError            **error);
void          glossa_search_free         (GlossaSearch       *search);
const char   *glossa_search_get_query    (GlossaSearch       *search);
GlossaSearchFlags glossa_search_get_flags (GlossaSearch      *search);

/* Appends to @matches (of GlossaSearchMatch) where @search matches @text,
 * which must be valid UTF-8, without overlaps, in text order. Returns the
 * number appended.
 */
guint         glossa_search_text         (GlossaSearch       *search,
                                          const char         *text,
                                          gsize               len,
                                          GArray             *matches);

/* The hits in @document's article, with contexts and covering labels. */
GPtrArray    *glossa_search_document     (GlossaSearch       *search,
                                          GlossaDocument     *document);

/* Searches every article of @corpus, calling @func for each one with hits.
 * Safe to call from any thread (only the corpus's immutable index and its
 * thread-safe document loading are used). Returns FALSE with @error set if
 * cancelled or if the corpus file could not be read; an article that cannot
 * be read is reported through @func and the search goes on.
 */
gboolean      glossa_search_corpus       (GlossaSearch       *search,
                                          GlossaCorpus       *corpus,
                                          GlossaSearchFunc    func,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);

/* Searches the corpus at @file (a folder or a JSONL file) as
 * glossa_search_corpus() searches it once open, for a command that reads
 * it once. A JSONL file without annotations beside it is read once, its
 * lines listed only where they may match: its results' positions are
 * G_MAXUINT, and an error in a line of the file (one too long) comes after
 * the results of the lines before it. Returns FALSE with @error set if the
 * corpus cannot be read or the search was cancelled.
 */
gboolean      glossa_search_corpus_file  (GlossaSearch       *search,
                                          GFile              *file,
                                          GlossaSearchFunc    func,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);

/* Tags as @label every match in @document that no span has exactly and
 * that crosses no span (a match may nest inside a span or around one, as
 * spans may). With @apply FALSE nothing changes and @counts says what
 * would be done; with @apply TRUE the new spans are one undoable step.
 * @tagged (nullable, of GlossaSearchMatch) receives the matches tagged or
 * to tag. Returns FALSE if the document is read-only.
 */
gboolean      glossa_search_tag_document (GlossaSearch          *search,
                                          GlossaDocument        *document,
                                          GlossaLabel            label,
                                          gboolean               apply,
                                          GlossaSearchTagCounts *counts,
                                          GArray                *tagged,
                                          GError               **error);

void          glossa_search_hit_free     (GlossaSearchHit    *hit);

/* What a "Tag all" did, for the user: "Tagged 12 matches as Actor; 2 cross
 * the edge of a span and were skipped; 1 article could not be tagged:
 * @first_error". Each number decides its own plural. @title is the
 * label's title as shown. Free with g_free().
 */
char         *glossa_search_describe_tagged (guint       tagged,
                                             const char *title,
                                             guint       crossing,
                                             guint       n_failed,
                                             const char *first_error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSearch, glossa_search_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSearchHit, glossa_search_hit_free)

G_END_DECLS
