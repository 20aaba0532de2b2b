/* glossa-guidelines.h: a corpus's annotation guidelines, found, read and parsed from a Markdown subset
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Guidelines are read whole and shown whole: larger files are refused with
 * a message naming the file and both sizes.
 */
#define GLOSSA_GUIDELINES_MAX_SIZE (4 * 1024 * 1024)
/* Lists and quotes deeper than this are shown at this depth. */
#define GLOSSA_GUIDELINES_MAX_DEPTH 6

typedef enum
{
  GLOSSA_GUIDELINES_PARAGRAPH,
  GLOSSA_GUIDELINES_HEADING,    /* level: 1 to 6 */
  GLOSSA_GUIDELINES_BULLET,     /* a bullet list's item; level: its depth, from 0 */
  GLOSSA_GUIDELINES_NUMBERED,   /* a numbered list's item; level: its depth; number */
  GLOSSA_GUIDELINES_QUOTE,      /* level: how many > before it, from 1 */
  GLOSSA_GUIDELINES_CODE,       /* a fenced code block, one run, verbatim */
  GLOSSA_GUIDELINES_RULE,       /* ---, no runs */
} GlossaGuidelinesBlockKind;

typedef enum
{
  GLOSSA_GUIDELINES_STYLE_BOLD     = 1 << 0,
  GLOSSA_GUIDELINES_STYLE_EMPHASIS = 1 << 1,
  GLOSSA_GUIDELINES_STYLE_CODE     = 1 << 2,
  GLOSSA_GUIDELINES_STYLE_LINK     = 1 << 3,
} GlossaGuidelinesStyle;

/* A piece of a block's text in one style. Runs of a link carry its target
 * (the link itself is shown as text: nothing is ever opened).
 */
typedef struct
{
  char                  *text;
  GlossaGuidelinesStyle  style;
  char                  *url;
} GlossaGuidelinesRun;

typedef struct
{
  GlossaGuidelinesBlockKind  kind;
  guint                      level;
  guint                      number;
  /* GlossaGuidelinesRun, in order; adjacent runs differ in style or url. */
  GPtrArray                 *runs;
} GlossaGuidelinesBlock;

typedef struct
{
  /* GlossaGuidelinesBlock, in the file's order. */
  GPtrArray *blocks;
} GlossaGuidelines;

/* Names looked for, in this order, in each folder. */
extern const char * const glossa_guidelines_names[];

/* Parses @length bytes of @text. @name (the file's name) prefixes error
 * messages; @plain treats the text as plain paragraphs (GUIDELINES.txt).
 * Text that is not UTF-8, or holds a NUL byte, is refused with a message
 * naming the line and byte. Any other text parses: Markdown that is not
 * understood (an unclosed **, say) is shown as it is written.
 */
GlossaGuidelines *glossa_guidelines_parse        (const char         *text,
                                                  gsize               length,
                                                  const char         *name,
                                                  gboolean            plain,
                                                  GError            **error);
void              glossa_guidelines_free         (GlossaGuidelines   *self);

/* The guidelines for an article in @folder of a corpus whose root folder is
 * @root (NULL, or @folder itself, for a single article or a JSONL corpus):
 * the first GUIDELINES.md or GUIDELINES.txt in @folder, then in each
 * folder above it up to @root. A name taken by something that is not a
 * regular file (a FIFO, a folder) is found too, so that reading it can say
 * why it is not shown. NULL when there is none.
 */
GFile            *glossa_guidelines_find         (GFile              *folder,
                                                  GFile              *root);
/* The folders glossa_guidelines_find() looks in, nearest first. */
GPtrArray        *glossa_guidelines_search_path  (GFile              *folder,
                                                  GFile              *root);
/* Reads and parses @file, at most GLOSSA_GUIDELINES_MAX_SIZE bytes. */
GlossaGuidelines *glossa_guidelines_load         (GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
/* Finds and loads in a worker thread. The result is NULL with
 * G_IO_ERROR_NOT_FOUND when there are no guidelines; @file, if not NULL,
 * is then NULL, else the file found (whether it loaded or not).
 */
void              glossa_guidelines_load_async   (GFile              *folder,
                                                  GFile              *root,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
GlossaGuidelines *glossa_guidelines_load_finish  (GAsyncResult       *result,
                                                  GFile             **file,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaGuidelines, glossa_guidelines_free)

G_END_DECLS
