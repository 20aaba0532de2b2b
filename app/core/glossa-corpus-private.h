/* glossa-corpus-private.h: what the corpus shares with its folder and JSONL backends
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "glossa-corpus.h"
#include "glossa-format-private.h"
#include "glossa-storage.h"

G_BEGIN_DECLS

/* A corpus of 100,000 articles must open in a fraction of a second and stay
 * small, so nothing per article is kept but a few short strings and numbers.
 * Those live in a GlossaCorpusIndex that never changes once the corpus is
 * open; worker threads (status loading, document loading, saving) share it
 * by reference and so never touch the GObjects, which belong to the opening
 * thread.
 */

typedef struct
{
  const char *path;       /* folder: relative path of the article */
  const char *id;
  const char *name;       /* valid UTF-8 */
  const char *title;      /* nullable */
  const char *date;       /* nullable */
  gint64      offset;     /* JSONL: where the line starts */
  guint       length;     /* JSONL: the line's bytes, without the line end */
  guint       line_no;    /* JSONL */
  guint       n_spans;    /* JSONL: the line's own (pre-annotated) spans */
  GlossaLabelCounts labels; /* JSONL: of the line's own spans */
  guint       has_sidecar : 1;  /* folder: NAME.annotations.json exists */
  guint       status : 2;       /* JSONL: the line's own, in an export */
} GlossaCorpusEntry;

typedef struct
{
  gatomicrefcount   ref_count;
  GlossaCorpusKind  kind;
  char             *path;              /* the folder or the .jsonl file */
  char             *display;           /* @path for messages */
  char             *annotations_path;  /* JSONL: FILE.annotations.jsonl */
  char             *annotations_display;
  GStringChunk     *strings;
  GlossaSchema     *schema;     /* the labels of the corpus (JSONL: of every line) */
  GHashTable       *folder_schemas;    /* folder: subfolder -> GlossaSchema */
  GArray           *entries;           /* of GlossaCorpusEntry, in list order */
  GHashTable       *ids;               /* id -> position + 1 */
  /* JSONL: lines carry a "status", as `glossa export` writes them: a
   * dataset to look at, not a corpus to annotate.
   */
  gboolean          exported;

  /* JSONL: where each article's line is in FILE.annotations.jsonl, valid
   * for the version of the file in @lines_stamp. Guarded by @mutex, which
   * also makes saves run one at a time.
   */
  GMutex            mutex;
  GHashTable       *lines;             /* position -> AnnotationLine */
  GlossaFileStamp   lines_stamp;
} GlossaCorpusIndex;

typedef enum
{
  GLOSSA_CORPUS_RESULT_SUMMARY,
  GLOSSA_CORPUS_RESULT_DATE,
  GLOSSA_CORPUS_RESULT_LOADED,
} GlossaCorpusResultKind;

typedef struct
{
  GlossaCorpusResultKind           kind;
  guint                position;
  GlossaFormatSummary  summary;
} GlossaCorpusResult;


GlossaSchema *_glossa_corpus_index_schema_for (GlossaCorpusIndex  *index,
                                               const char         *path,
                                               GError            **error);

/* Where a reader sends what it found: see glossa-corpus.c. */
typedef struct _GlossaCorpusSink GlossaCorpusSink;

GlossaCorpusIndex  *_glossa_corpus_index_ref              (GlossaCorpusIndex       *index);
void                _glossa_corpus_index_unref            (GlossaCorpusIndex       *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaCorpusIndex, _glossa_corpus_index_unref)
const char         *_glossa_corpus_index_intern           (GlossaCorpusIndex       *index,
                                                           const char              *str);

static inline GlossaCorpusEntry *
_glossa_corpus_index_entry (GlossaCorpusIndex *index,
                            guint              position)
{
  return &g_array_index (index->entries, GlossaCorpusEntry, position);
}

/* Frees what a GlossaCorpusResult holds, for g_array_set_clear_func(). */
void                _glossa_corpus_result_clear           (gpointer                 data);

gboolean            _glossa_corpus_set_errno_error        (GError                 **error,
                                                           int                      errsv,
                                                           const char              *display);
void                _glossa_corpus_add_warning            (GPtrArray               *warnings,
                                                           const GError            *error);

GlossaCorpusResult *_glossa_corpus_sink_add               (GlossaCorpusSink        *sink,
                                                           GlossaCorpusResultKind   kind,
                                                           guint                    position);
GPtrArray          *_glossa_corpus_sink_warnings          (GlossaCorpusSink        *sink);
void                _glossa_corpus_sink_maybe_flush       (GlossaCorpusSink        *sink);

/* The folder backend: glossa-corpus-folder.c */
gboolean            _glossa_corpus_read_folder            (GlossaCorpusIndex       *index,
                                                           GPtrArray               *warnings,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
void                _glossa_corpus_read_folder_statuses   (GlossaCorpusIndex       *index,
                                                           GlossaCorpusSink        *sink,
                                                           GCancellable            *cancellable);
void                _glossa_corpus_read_dates             (GlossaCorpusIndex       *index,
                                                           GlossaCorpusSink        *sink,
                                                           GCancellable            *cancellable);

/* The JSONL backend: glossa-corpus-jsonl.c */
gboolean            _glossa_corpus_read_jsonl             (GlossaCorpusIndex       *index,
                                                           GPtrArray               *warnings,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
void                _glossa_corpus_read_jsonl_statuses    (GlossaCorpusIndex       *index,
                                                           GlossaCorpusSink        *sink,
                                                           GCancellable            *cancellable);
GlossaDocument     *_glossa_corpus_load_jsonl_document    (GlossaCorpusIndex       *index,
                                                           guint                    position,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);

/* Reads a file in chunks and hands out its lines with their offsets, so a
 * JSONL file of any size is read with a buffer as big as its longest line.
 */
typedef struct
{
  int     fd;
  char   *buf;
  gsize   size;
  gsize   start;       /* unread data is buf[start, end) */
  gsize   end;
  gint64  buf_offset;  /* file offset of buf[0] */
  guint   line_no;
  gboolean eof;
} GlossaLineReader;

void                _glossa_line_reader_init              (GlossaLineReader        *reader,
                                                           int                      fd);
void                _glossa_line_reader_clear             (GlossaLineReader        *reader);
/* Returns FALSE at the end of the file, or on a read error or a line longer
 * than GLOSSA_STORAGE_READ_LIMIT (then @error is set). The line excludes its
 * "\n" or "\r\n"; @reader->line_no is its number.
 */
gboolean            _glossa_line_reader_next              (GlossaLineReader        *reader,
                                                           const char             **line,
                                                           gsize                   *len,
                                                           gint64                  *offset,
                                                           const char              *display,
                                                           GError                 **error);

/* The corpus's index, for workers that must not touch the GObject (the
 * search): immutable once the corpus is open.
 */
GlossaCorpusIndex  *_glossa_corpus_get_index              (GlossaCorpus            *corpus);

/* Reading a JSONL corpus a line at a time, listing only the lines wanted:
 * see glossa-search.c. The index has no entries until lines are listed.
 */
GlossaCorpusIndex  *_glossa_corpus_index_new_jsonl        (GFile                   *file,
                                                           GError                 **error);
/* Lists the line as opening the corpus would (appending its entry) or
 * refuses it with @error, giving its parsed JSON in @root (nullable).
 */
gboolean            _glossa_corpus_list_jsonl_line        (GlossaCorpusIndex       *index,
                                                           const char              *line,
                                                           gsize                    len,
                                                           gint64                   offset,
                                                           guint                    line_no,
                                                           JsonNode               **root,
                                                           GError                 **error);

G_END_DECLS
