/* glossa-format-private.h: the pieces of format v1 the corpus reads and writes by the line
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "glossa-format.h"
#include "glossa-json-private.h"

G_BEGIN_DECLS

/* The parts of an annotation file the list shows. */
typedef struct
{
  GlossaStatus status;
  guint        n_spans;
  GlossaLabelCounts labels;
  char        *date;
} GlossaFormatSummary;

void               _glossa_format_summary_clear        (GlossaFormatSummary  *summary);
/* Reads what the list needs from an annotation file or line, checking only
 * what it reads; messages start with @name.
 */
gboolean           _glossa_format_summarize            (JsonNode             *root,
                                                        const char           *name,
                                                        GlossaSchema         *schema,
                                                        GlossaFormatSummary  *out,
                                                        GError              **error);

/* "an object", "a string"…: what was found where something else was expected. */
const char        *_glossa_format_node_kind            (JsonNode             *node);
gboolean           _glossa_format_node_is_string       (JsonNode             *node);
/* The "id" member of @object as text: a non-empty string, or an integer. */
char              *_glossa_format_dup_id               (JsonObject           *object,
                                                        const char           *name,
                                                        GError              **error);

/* A line of FILE.annotations.jsonl: line @line_no of the file shown as
 * @display, without its line end.
 */
GlossaAnnotations *_glossa_format_read_annotation_line (GlossaSchema         *schema,
                                                        const char           *line,
                                                        gsize                 len,
                                                        const char           *display,
                                                        guint                 line_no,
                                                        GlossaArticle        *article,
                                                        GError              **error);
/* The same line written, with its line end. */
GBytes            *_glossa_format_write_annotation_line (const char              *id,
                                                         const GlossaAnnotations *annotations);

/* Format v2's links as the annotation file's reader pulls them, before
 * any check: each element's kind and, for an object, its members "id",
 * "type", "from" and "to" (GLOSSA_JSON_NONE where missing; strings only
 * need their text). Unknown members of a link are not kept.
 */
#define GLOSSA_RELATION_N_MEMBERS 4

extern const char * const _glossa_relation_members[];

typedef struct
{
  GlossaJsonKind  kind;
  GlossaJsonValue members[GLOSSA_RELATION_N_MEMBERS];
} GlossaRelationFields;

/* Checks the links pulled (@kind is that of the "relations" member,
 * GLOSSA_JSON_NONE when absent) as glossa_format_relations_from_json()
 * does, into @relations, sorted.
 */
gboolean           _glossa_format_relations_from_fields (GlossaJsonKind  kind,
                                                         GArray         *fields,
                                                         GPtrArray      *spans,
                                                         GlossaSchema   *schema,
                                                         const char     *name,
                                                         GPtrArray      *relations,
                                                         GError        **error);

G_END_DECLS
