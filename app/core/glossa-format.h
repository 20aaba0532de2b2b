/* glossa-format.h: reading and writing annotation files, format v1
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "glossa-relation.h"
#include "glossa-types.h"

G_BEGIN_DECLS

#define GLOSSA_FORMAT_NAME    "glossa-annotations"
#define GLOSSA_FORMAT_VERSION 1
/* Format v2 adds links ("relations") and span attributes; a file is written
 * as v2 only when it uses them, so that untouched corpora do not change.
 */
#define GLOSSA_FORMAT_VERSION_2 2
#define GLOSSA_ANNOTATIONS_SUFFIX ".annotations.json"

/* Everything an annotation file holds besides the article itself. Spans are
 * sorted by glossa_span_compare() and unique by (start, end, label) and by id.
 */
typedef struct
{
  char         *doc_id;
  char         *file;
  char         *sha256;
  gint64        length;
  char         *date;            /* nullable */
  GlossaStatus  status;
  char         *annotator;
  GPtrArray    *spans;           /* of GlossaSpan */
  JsonObject   *document_extra;  /* nullable: unknown members of "document" */
  JsonObject   *extra;           /* nullable: unknown top-level members */
  GlossaSchema *schema;          /* the labels it may use, in "labels" order */
  GPtrArray    *relations;       /* of GlossaRelation, sorted (format v2) */
} GlossaAnnotations;

GlossaAnnotations *glossa_annotations_new    (void);
void               glossa_annotations_free   (GlossaAnnotations *annotations);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaAnnotations, glossa_annotations_free)

/* Parses and validates an annotation file. With @article, every span is
 * checked against it and so are the recorded sha256 and length; without, only
 * the file's own consistency is checked (spans within "length", ids unique).
 * Messages start with @name: "NAME:LINE:COLUMN: …" for syntax errors,
 * "NAME: spans[3].end: …" for the rest.
 */
GlossaAnnotations *glossa_format_read        (const char        *data,
                                              gsize              len,
                                              const char        *name,
                                              GlossaArticle     *article,
                                              GError           **error);

/* Writes @annotations deterministically: the layout of
 * json.dumps(…, indent=2, ensure_ascii=False) plus a final newline, spans in
 * sorted order, unknown members after the known ones in their original order.
 */
GlossaAnnotations *glossa_format_read_with_schema (const char   *data,
                                                   gsize         len,
                                                   const char   *name,
                                                   GlossaArticle *article,
                                                   GlossaSchema *schema,
                                                   GError      **error);
GBytes            *glossa_format_write       (const GlossaAnnotations *annotations);

/* The pieces, for the other formats (JSONL corpora, import, export).
 * @field names the span in messages, e.g. "spans[3]" or "line 12: spans[0]";
 * @article may be NULL, then @length bounds the offsets and "text" is only
 * required to be a string.
 *
 * glossa_format_write_span() writes the object at the current position of
 * @out: with @indent >= 0 its members go on lines indented by @indent + 2
 * spaces and the closing brace by @indent; with @indent < 0 on one line, as
 * json.dumps(span, ensure_ascii=False) would.
 */
GlossaSpan        *glossa_format_span_from_json (JsonNode        *node,
                                                 GlossaArticle   *article,
                                                 gint64           length,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);
void               glossa_format_write_span     (GString         *out,
                                                 const GlossaSpan *span,
                                                 int              indent);
/* Datasets (our own JSONL export, doccano…) carry spans without ids: gives
 * each span object of @spans that has no "id" member one ("s1", "s2"… by
 * position, skipping ids already present), before glossa_format_span_from_json().
 */
void               glossa_format_ensure_span_ids (JsonArray      *spans);
/* Reads the "spans" member @node of a JSON Lines record (absent or null
 * means none) into @spans: ids given where missing, each span read with
 * glossa_format_span_from_json(), then glossa_format_check_spans().
 */
gboolean           glossa_format_spans_from_json (JsonNode       *node,
                                                  GlossaArticle  *article,
                                                  gint64          length,
                                                  const char     *name,
                                                  GPtrArray      *spans,
                                                  GError        **error);
/* Sorts @spans and checks that ids and (start, end, label) are unique. */
gboolean           glossa_format_check_spans    (GPtrArray       *spans,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);

/* The checks of single values, which the loader makes and which everything
 * that takes values from elsewhere (the JSONL corpus reader, import) must
 * make too: a value that passes them is one glossa_format_read() accepts.
 * Messages are "NAME: FIELD: …".
 *
 * glossa_format_check_id(): a span's id, a non-empty string.
 * glossa_format_check_date(): a calendar date as YYYY-MM-DD ("2024-02-30"
 * is not one).
 * glossa_format_check_status(): todo, in-progress or done, into @status
 * (nullable).
 * glossa_format_check_span(): the id, the offsets within @article (or
 * @length when @article is NULL), the text against @article's slice, and
 * the times "created" and "modified"; @field names the span ("spans[3]").
 */
gboolean           glossa_format_check_labels   (GPtrArray       *spans,
                                                 GlossaSchema    *schema,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);
gboolean           glossa_format_check_id       (const char      *id,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);
gboolean           glossa_format_check_date     (const char      *date,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);
gboolean           glossa_format_check_status   (const char      *str,
                                                 GlossaStatus    *status,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);
gboolean           glossa_format_check_span     (const GlossaSpan *span,
                                                 GlossaArticle   *article,
                                                 gint64           length,
                                                 const char      *name,
                                                 const char      *field,
                                                 GError         **error);

/* What `glossa stats` and the list need from one annotation file. */
typedef struct
{
  GlossaStatus status;
  guint        n_spans;
  GlossaLabelCounts labels;
} GlossaAnnotationCounts;

/* Parses annotation file @data (format v1) strictly as JSON but checks only
 * what it counts (status, each span's label), without the article: the
 * quick reading the corpus uses for its list. Messages start with @name.
 */
gboolean          glossa_annotations_count         (const char             *data,
                                                    gsize                   len,
                                                    const char             *name,
                                                    GlossaSchema           *schema,
                                                    GlossaAnnotationCounts *counts,
                                                    GError                **error);

/* NAME.txt <-> NAME.annotations.json, in the same folder. */
GFile             *glossa_annotations_file_for_article (GFile *article_file);
GFile             *glossa_article_file_for_annotations (GFile *annotations_file);
gboolean           glossa_is_annotations_file          (const char *path);

/* Format v2 (glossa-format-v2.c). Messages are "NAME: FIELD: …" with
 * FIELD such as "relations[3].to" or "spans[2].attributes.value".
 */
gboolean           glossa_annotations_is_v2            (const GlossaAnnotations *annotations);
gboolean           glossa_format_check_attribute       (GlossaSchema    *schema,
                                                        GlossaLabel      label,
                                                        const char      *attribute,
                                                        JsonNode        *value,
                                                        const char      *name,
                                                        const char      *field,
                                                        GError         **error);
gboolean           glossa_format_take_attributes       (GlossaSpan      *span,
                                                        GlossaSchema    *schema,
                                                        const char      *name,
                                                        const char      *field,
                                                        GError         **error);
gboolean           glossa_format_check_relation        (const GlossaRelation *relation,
                                                        GHashTable      *spans_by_id,
                                                        GlossaSchema    *schema,
                                                        const char      *name,
                                                        const char      *field,
                                                        GError         **error);
gboolean           glossa_format_relations_from_json   (JsonNode        *node,
                                                        GPtrArray       *spans,
                                                        GlossaSchema    *schema,
                                                        const char      *name,
                                                        GPtrArray       *relations,
                                                        GError         **error);
void               glossa_format_write_attributes      (GString         *out,
                                                        JsonObject      *attributes,
                                                        int              indent);
void               glossa_format_write_relation        (GString         *out,
                                                        const GlossaRelation *relation,
                                                        int              indent);

G_END_DECLS
