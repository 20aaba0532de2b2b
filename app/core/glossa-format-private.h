/* glossa-format-private.h: the pieces of format v1 the corpus reads and writes by the line
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "glossa-format.h"

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

G_END_DECLS
