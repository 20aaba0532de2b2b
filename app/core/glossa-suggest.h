/* glossa-suggest.h: suggestions from every suggester, in one type, merged
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "glossa-suggest-quotes.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_SUGGESTER_QUOTES = 1 << 0,   /* quotations, their speakers and source links */
  GLOSSA_SUGGESTER_DATES  = 1 << 1,   /* date expressions with their value */
  GLOSSA_SUGGESTER_NAMES  = 1 << 2,   /* texts the corpus or a gazetteer already knows */
} GlossaSuggesters;

#define GLOSSA_SUGGESTERS_ALL (GLOSSA_SUGGESTER_QUOTES | GLOSSA_SUGGESTER_DATES | GLOSSA_SUGGESTER_NAMES)

/* The names the suggestions carry: "quotes", "dates", "names". */
const char *glossa_suggester_to_string (GlossaSuggesters suggester);

/* One suggested span. Offsets are code points, end exclusive. @label is a
 * label's name ("actor", "quote", "date", …): a string, so that labels
 * defined by a schema can be suggested. @attributes (nullable) maps
 * attribute names to values, such as a date's "value".
 *
 * A link points from this suggestion to another span: @link_type names it
 * ("source": a quote's speaker), @link_start and @link_end are the target's
 * extent and @link the target's index in the same array, or -1 when the
 * target is not a suggestion (a span the article already has) or there is
 * no link (then @link_type is NULL).
 */
typedef struct
{
  gint64      start;
  gint64      end;
  char       *label;
  double      score;
  const char *suggester;
  GHashTable *attributes;
  int         link;
  const char *link_type;
  gint64      link_start;
  gint64      link_end;
} GlossaSuggestion;

GlossaSuggestion *glossa_suggestion_new      (gint64                  start,
                                              gint64                  end,
                                              const char             *label,
                                              double                  score,
                                              GlossaSuggesters        suggester);
void              glossa_suggestion_free     (GlossaSuggestion       *suggestion);
/* The value of attribute @name, or NULL. */
const char       *glossa_suggestion_get_attribute (const GlossaSuggestion *suggestion,
                                                   const char             *name);
void              glossa_suggestion_set_attribute (GlossaSuggestion       *suggestion,
                                                   const char             *name,
                                                   const char             *value);
/* GCompareFunc on a GPtrArray of suggestions: text order (start, then the
 * longer first, then label), the order the driver returns and the window
 * keeps. */
int               glossa_suggestion_compare_text_order (gconstpointer a,
                                                        gconstpointer b);

/* ------------------------------------------------------------ known names */

/* Texts already tagged, counted per label, and found again in new text.
 * Built from a corpus's spans and, optionally, a gazetteer file.
 */
typedef struct _GlossaKnownNames GlossaKnownNames;

/* The longest text remembered, in code points: longer spans are passages,
 * not names, and would only make the index large.
 */
#define GLOSSA_KNOWN_NAME_MAX 200
/* The largest gazetteer read. */
#define GLOSSA_GAZETTEER_MAX_BYTES (64 * 1024 * 1024)
#define GLOSSA_GAZETTEER_NAME "glossa-gazetteer.tsv"

GlossaKnownNames *glossa_known_names_new       (gboolean           case_sensitive);
void              glossa_known_names_free      (GlossaKnownNames  *self);
/* Counts @text (trimmed) as tagged @count times with @label. Texts that do
 * not start with a letter or digit, or are longer than
 * GLOSSA_KNOWN_NAME_MAX, are ignored; returns whether @text was kept.
 */
gboolean          glossa_known_names_add       (GlossaKnownNames  *self,
                                                const char        *text,
                                                const char        *label,
                                                guint              count);
guint             glossa_known_names_get_size  (GlossaKnownNames  *self);
/* The label most often given to @text (ties: the first by name) and its
 * share of the times @text was tagged, or NULL.
 */
const char       *glossa_known_names_lookup    (GlossaKnownNames  *self,
                                                const char        *text,
                                                double            *share);

/* Reads a gazetteer: one entry a line, TEXT TAB LABEL; blank lines and
 * lines starting with '#' are skipped. Errors name @source:LINE. @data is
 * @len bytes (need not be NUL-terminated).
 */
gboolean          glossa_known_names_parse_gazetteer (GlossaKnownNames *self,
                                                      const char       *data,
                                                      gsize             len,
                                                      const char       *source,
                                                      GError          **error);
/* The same for a file, read through the storage layer (a regular file of
 * at most GLOSSA_GAZETTEER_MAX_BYTES).
 */
gboolean          glossa_known_names_load_gazetteer  (GlossaKnownNames *self,
                                                      const char       *path,
                                                      GError          **error);

/* Every occurrence of a known text in @ucs4 (@n code points), starting and
 * ending on word boundaries, the longest first and none overlapping, as
 * GlossaSuggestion (suggester "names") appended to @out in text order.
 */
void              glossa_known_names_find      (GlossaKnownNames  *self,
                                                const gunichar    *ucs4,
                                                gsize              n,
                                                GPtrArray         *out);

/* Whether @c is part of a word, to the known-name suggester: names start
 * and end on word boundaries.
 */
gboolean          glossa_known_names_is_word_char (gunichar        c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaKnownNames, glossa_known_names_free)

/* ----------------------------------------------------------------- merge */

/* A span the article already has, so that it is not suggested again. */
typedef struct
{
  gint64      start;
  gint64      end;
  const char *label;
} GlossaSuggestExisting;

typedef struct
{
  GlossaSuggesters  suggesters;   /* the suggesters run; 0 means all */
  const char *const *labels;      /* only suggestions of these labels; NULL for all */
  const GlossaSuggestExisting *existing;
  gsize             n_existing;
} GlossaSuggestOptions;

/* Runs the suggesters enabled in @options on @text (@len bytes of UTF-8)
 * and merges what they find, in text order (start, then longer first, then
 * label). @dct (YYYY-MM-DD or NULL) dates the article for relative dates;
 * @known_names may be NULL. Two suggestions of one label that overlap
 * cannot both be kept: the one with the higher score wins, then the
 * longer, then the suggester listed first in GlossaSuggesters, then the
 * earlier. Suggestions of different labels may overlap (a date inside a
 * quote). A span the article already has beats every suggestion of its
 * label that overlaps it, so none is ever identical to one; a link to a
 * suggestion that lost goes to what beat it. Returns NULL, with @error
 * set, when @text is not valid UTF-8 or @dct is not a date. The result
 * depends only on the arguments.
 */
GPtrArray        *glossa_suggest_article       (const char                 *text,
                                                gsize                       len,
                                                const char                 *dct,
                                                GlossaSuggestLang           lang,
                                                GlossaKnownNames           *known_names,
                                                const GlossaSuggestOptions *options,
                                                GError                    **error);

/* ------------------------------------------------------------ rejections */

/* The annotation file's top-level member listing the suggestions an
 * annotator rejected, each {"start", "end", "label"} (README "Rejected
 * suggestions").
 */
#define GLOSSA_REJECTED_SUGGESTIONS_MEMBER "rejected_suggestions"

/* "START:END:LABEL", the key a rejection is looked up by. */
char             *glossa_suggestion_key        (gint64                      start,
                                                gint64                      end,
                                                const char                 *label);
/* The keys of the valid entries of @extra's rejected_suggestions member
 * (@extra: an annotation file's unknown top-level members, nullable);
 * entries of another shape, or a member that is not a list, mean nothing
 * here and give no key.
 */
GHashTable       *glossa_suggest_read_rejected (JsonObject                 *extra);
/* The same from the member's value itself (NULL or not a list: none). */
GHashTable       *glossa_suggest_read_rejected_list (JsonNode               *list);

G_END_DECLS
