/* glossa-export.h: writing a corpus as a dataset (JSONL, doccano, brat, CoNLL)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-relation.h"
#include "glossa-schema.h"
#include "glossa-span.h"
#include "glossa-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_EXPORT_JSONL,
  GLOSSA_EXPORT_DOCCANO,
  GLOSSA_EXPORT_BRAT,
  GLOSSA_EXPORT_CONLL,
} GlossaExportFormat;

/* The unit of start and end offsets in a dataset. Glossa itself always
 * counts code points; JavaScript and Java count UTF-16 code units, and
 * byte-oriented tools count UTF-8 bytes.
 */
typedef enum
{
  GLOSSA_OFFSETS_CODEPOINT,
  GLOSSA_OFFSETS_UTF16,
  GLOSSA_OFFSETS_BYTE,
} GlossaOffsets;

gboolean     glossa_export_format_from_string (const char          *str,
                                               GlossaExportFormat  *format);
const char  *glossa_export_format_to_string   (GlossaExportFormat   format);
gboolean     glossa_offsets_from_string       (const char          *str,
                                               GlossaOffsets       *offsets);
const char  *glossa_offsets_to_string         (GlossaOffsets        offsets);

/* One document as the dataset formats see it. Spans are sorted by
 * glossa_span_compare() and their offsets are code points.
 */
typedef struct
{
  char          *id;
  GlossaArticle *article;
  char          *date;       /* nullable */
  GlossaStatus   status;
  char          *annotator;  /* never NULL */
  GPtrArray     *spans;      /* of GlossaSpan */
  GlossaSchema  *schema;     /* its corpus's labels */
  GPtrArray     *relations;  /* of GlossaRelation, sorted; their ends are spans' ids */
  JsonObject    *extra;      /* nullable: the file's unknown top-level members, kept as read */
} GlossaRecord;

GlossaRecord *glossa_record_new            (const char        *id,
                                            GlossaArticle     *article);
GlossaRecord *glossa_record_new_from_annotations (const char  *id,
                                            GlossaArticle     *article,
                                            const GlossaAnnotations *annotations);
void          glossa_record_free           (GlossaRecord      *record);
/* Appends @record's article as a JSONL corpus line, {"id", "text", "date"}
 * and a newline, without its spans.
 */
void          glossa_record_append_article_line (GString      *out,
                                                 GlossaRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaRecord, glossa_record_free)

/* brat's annotation.conf declares a text or date-value attribute, which
 * brat has no form for, in a comment that starts so (see glossa-export-run.c).
 */
#define BRAT_CONF_GLOSSA_PREFIX "# Glossa: "

/* @name as brat can hold it in a type, role or value: white space, which
 * separates brat's fields, becomes "_".
 */
char            *glossa_export_brat_name     (const char      *name);

/* Converts code point offsets of one article to another unit and back. */
typedef struct _GlossaOffsetMap GlossaOffsetMap;

GlossaOffsetMap *glossa_offset_map_new       (GlossaArticle   *article,
                                              GlossaOffsets    unit);
void             glossa_offset_map_free      (GlossaOffsetMap *map);
gint64           glossa_offset_map_to_unit   (GlossaOffsetMap *map,
                                              gint64           offset);
/* FALSE if @value is out of range or falls inside a character. */
gboolean         glossa_offset_map_from_unit (GlossaOffsetMap *map,
                                              gint64           value,
                                              gint64          *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaOffsetMap, glossa_offset_map_free)

/* IOB2 tags, one per token: GLOSSA_IOB_O, or B-/I- of the label at
 * @index in the schema. A byte holds the tags of GLOSSA_IOB_MAX_LABELS
 * labels, which is why a schema has at most that many.
 */
#define GLOSSA_IOB_O               0
#define GLOSSA_IOB_B(index)        (1 + 2 * (guint) (index))
#define GLOSSA_IOB_I(index)        (2 + 2 * (guint) (index))
#define GLOSSA_IOB_MAX_LABELS      127
#define GLOSSA_IOB_N_TAGS          (1 + 2 * GLOSSA_IOB_MAX_LABELS)

/* Tags @tokens with @spans (only those of @label if it is not 0). A token
 * belongs to a span it overlaps. IOB2 cannot hold overlaps, so of spans that
 * overlap the outermost (then the earliest) is kept; a span left without a
 * token of its own, or with a label @schema lacks, is dropped as well.
 * Returns one tag per token.
 */
guint8      *glossa_iob_tag              (GPtrArray       *spans,
                                          GlossaSchema    *schema,
                                          GlossaTokens    *tokens,
                                          GlossaLabel      label,
                                          guint           *n_dropped);
void         glossa_iob_append_tag       (GString         *out,
                                          GlossaSchema    *schema,
                                          guint8           tag);

/* The same for a text tokenized a piece at a time (GlossaTokenizer): give
 * it each piece's tokens in order; a span that runs on into the next piece
 * goes on with I- there. @owners, if not NULL, gets the kept span that owns
 * each token (NULL for none). The number dropped is known at the end.
 */
typedef struct _GlossaIobTagger GlossaIobTagger;

GlossaIobTagger *glossa_iob_tagger_new       (GPtrArray       *spans,
                                              GlossaSchema    *schema,
                                              GlossaLabel      label);
guint8          *glossa_iob_tagger_tag       (GlossaIobTagger *tagger,
                                              GlossaTokens    *tokens,
                                              GlossaSpan     **owners);
guint            glossa_iob_tagger_get_n_dropped (GlossaIobTagger *tagger);
void             glossa_iob_tagger_free      (GlossaIobTagger *tagger);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaIobTagger, glossa_iob_tagger_free)

/* A document formatted for one dataset. @text is the JSONL line, the CoNLL
 * block or (brat) the .txt contents; @ann is brat's .ann file.
 */
typedef struct
{
  GString *text;
  GString *ann;        /* brat only */
  guint    n_spans;    /* spans written */
  guint    n_dropped;  /* spans that the format could not hold */
  guint    n_fragmented;
} GlossaExportChunk;

void         glossa_export_chunk_clear   (GlossaExportChunk *chunk);

/* Formats @record and checks the result: every span's text equals the
 * slice of the exported text in the chosen unit. A failure is a bug in
 * Glossa and is reported as such.
 */
gboolean     glossa_export_record        (GlossaRecord       *record,
                                          GlossaExportFormat  format,
                                          GlossaOffsets       offsets,
                                          GlossaLabel         label,
                                          GlossaExportChunk  *chunk,
                                          GError            **error);

/* Where the documents come from: a folder or JSONL corpus, a JSONL export,
 * or a list of annotation (or article) files.
 */
typedef struct _GlossaRecordSource GlossaRecordSource;

GlossaRecordSource *glossa_record_source_open  (const char * const *paths,
                                                GCancellable       *cancellable,
                                                GError            **error);
/* The same, but a line a JSONL corpus cannot read does not stop it: it is
 * kept, and glossa_export() reports it with the documents it cannot read.
 */
GlossaRecordSource *glossa_record_source_open_keeping_problems (const char * const *paths,
                                                                GCancellable       *cancellable,
                                                                GError            **error);
void                glossa_record_source_free  (GlossaRecordSource *source);
guint               glossa_record_source_get_n_records (GlossaRecordSource *source);
/* The id of record @index without loading it. */
const char         *glossa_record_source_get_id (GlossaRecordSource *source,
                                                 guint               index);
/* Whether record @index has annotations of its own: in a folder, an
 * annotation file beside the article. An article nobody has opened yet is
 * still exported (with no spans), but is not an annotator's work.
 */
gboolean            glossa_record_source_is_annotated (GlossaRecordSource *source,
                                                       guint               index);
/* Safe to call from several threads at once. */
GlossaRecord       *glossa_record_source_load  (GlossaRecordSource *source,
                                                guint               index,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaRecordSource, glossa_record_source_free)

#define GLOSSA_EXPORT_MAX_SPLITS 8

typedef struct
{
  char   *name;
  double  ratio;
} GlossaSplit;

typedef struct
{
  GlossaExportFormat  format;
  GlossaOffsets       offsets;
  int                 status;    /* a GlossaStatus, or -1 for every document */
  GlossaLabel         label;     /* 0 for every label */
  GArray             *splits;    /* nullable: of GlossaSplit */
  guint32             seed;
  guint               n_threads; /* 0: one per processor */
  gboolean            skip_invalid; /* export what can be read, report the rest */
} GlossaExportOptions;

typedef struct
{
  guint n_documents;   /* written */
  guint n_skipped;     /* left out by the status filter */
  guint n_spans;
  guint n_dropped;     /* overlapping spans CoNLL could not hold */
  guint n_fragmented;  /* brat spans written as fragments */
  guint split_sizes[GLOSSA_EXPORT_MAX_SPLITS];
  GPtrArray *warnings; /* nullable: of char*, documents written under another name than their id */
  guint n_invalid;     /* documents (or corpus lines) that could not be read */
  GPtrArray *invalid;  /* nullable: of char*, each one's message; set when the export fails too */
} GlossaExportStats;

void         glossa_export_stats_clear   (GlossaExportStats  *stats);

/* Parses "train=0.8,dev=0.1,test=0.1" into an array of GlossaSplit. */
GArray      *glossa_export_parse_splits  (const char          *str,
                                          GError             **error);
/* Which split each of @ids goes to: sorted, shuffled with @seed, then cut by
 * the ratios. Depends only on the set of ids, the ratios and the seed.
 */
guint       *glossa_export_assign_splits (const char * const  *ids,
                                          guint                n_ids,
                                          GArray              *splits,
                                          guint32              seed);

/* Exports every document of @source to @output: a file, or a folder for
 * brat and for splits. Nothing is left at @output unless the whole export
 * succeeds. Every document is read even after one fails, so that
 * @stats->invalid names each that cannot be; with @options->skip_invalid
 * the others are exported, without it nothing is. Documents are loaded and formatted on several threads and
 * written in the source's order. @output is refused (GLOSSA_ERROR_USAGE,
 * nothing written) when glossa_output_check() refuses it given the files
 * @source reads. @stats, when given, needs glossa_export_stats_clear().
 */
gboolean     glossa_export               (GlossaRecordSource        *source,
                                          GFile                     *output,
                                          const GlossaExportOptions *options,
                                          GlossaExportStats         *stats,
                                          GCancellable              *cancellable,
                                          GError                   **error);

G_END_DECLS
