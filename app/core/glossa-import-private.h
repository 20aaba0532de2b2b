/* glossa-import-private.h: what the importers' files share, and the parts tests and fuzzers reach
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "glossa-import.h"
#include "glossa-schema.h"

G_BEGIN_DECLS

/* The largest labelling config read: Label Studio's own are a few KiB. */
#define GLOSSA_IMPORT_LS_CONFIG_READ_LIMIT (G_GUINT64_CONSTANT (1) << 20)

/* Reads Label Studio's labelling config (its XML) into a new schema: the
 * <Label> children of every <Labels>, in order, with their colours and
 * keys; the <Relation> children of <Relations> as link types between any
 * labels; each <Choices perRegion="true"> as a choice attribute of every
 * label. What cannot be kept (a colour that is no colour, a key Glossa
 * uses or another label has) is dropped with a line in @warnings (of
 * char*). Errors read "NAME:LINE:COLUMN: message".
 */
GlossaSchema *_glossa_import_read_ls_config (const char  *data,
                                             gsize        len,
                                             const char  *name,
                                             GPtrArray   *warnings,
                                             GError     **error);

/* What the readers make of their input (see glossa-import.c). */

typedef struct
{
  gint64  start;   /* in the input's unit */
  gint64  end;
  char   *label;
  char   *text;    /* nullable: the input's idea of the slice */
  char   *note;    /* nullable */
  char   *where;   /* "FILE:LINE: spans[2]", for messages */
  char   *id;      /* nullable: the input's name for it, which links use */
  char   *value_source;  /* nullable: JSONL's "value_source" */
} GlossaRawSpan;

/* A link as the input has it: a foreign type ("Said", or "Content>Source"
 * for a pair of a brat event's arguments) between two spans named by the
 * input's ids.
 */
typedef struct
{
  char *type;
  char *from;
  char *to;
  char *where;   /* "FILE:LINE" */
  char *field;   /* "R2", "relations[0]", for messages */
} GlossaRawLink;

/* An attribute of the span the input calls @span_id. From a brat
 * AnnotatorNotes comment ("NAME=VALUE"), it becomes an attribute only if
 * the span's label has a text or date-value attribute of that name, and
 * stays a note otherwise.
 */
typedef struct
{
  char     *span_id;
  char     *name;
  JsonNode *value;
  char     *where;
  gboolean  from_note;
} GlossaRawAttribute;

typedef struct
{
  char         *id;
  char         *text;
  gsize         len;
  char         *date;       /* nullable */
  GlossaStatus  status;
  char         *annotator;  /* nullable */
  char         *where;      /* "FILE:LINE" */
  GArray       *spans;      /* of GlossaRawSpan */
  GArray       *links;      /* of GlossaRawLink */
  GArray       *attributes; /* of GlossaRawAttribute */
  GHashTable   *by_id;      /* nullable: span id -> index + 1 of its first span */
  GHashTable   *not_spans;  /* nullable: ids of brat's events and relations */
} GlossaRawDoc;

GlossaRawDoc   *_glossa_raw_doc_new             (const char          *where);
/* Takes @where. */
void            _glossa_raw_doc_add_span        (GlossaRawDoc        *doc,
                                                 gint64               start,
                                                 gint64               end,
                                                 const char          *label,
                                                 const char          *text,
                                                 const char          *note,
                                                 char                *where);
/* The last span added: the readers give it its id and attributes. */
GlossaRawSpan  *_glossa_raw_doc_last_span       (GlossaRawDoc        *doc);
void            _glossa_raw_doc_add_link        (GlossaRawDoc        *doc,
                                                 const char          *type,
                                                 const char          *from,
                                                 const char          *to,
                                                 const char          *where,
                                                 const char          *field);
/* Takes @value. */
void            _glossa_raw_doc_add_attribute   (GlossaRawDoc        *doc,
                                                 const char          *span_id,
                                                 const char          *name,
                                                 JsonNode            *value,
                                                 const char          *where,
                                                 gboolean             from_note);

/* Sets @error to "WHERE: message" (GLOSSA_ERROR_INVALID); returns FALSE. */
gboolean        _glossa_import_fail             (GError             **error,
                                                 const char          *where,
                                                 const char          *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
void            _glossa_import_warn             (GlossaImportReport  *report,
                                                 const char          *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
void            _glossa_import_append_note      (char               **note,
                                                 const char          *more);
/* strcmp() of two char**, for sorting. */
int             _glossa_import_compare_strings  (gconstpointer        a,
                                                 gconstpointer        b);

/* brat (glossa-import-brat.c) */

/* What brat's annotation.conf beside the .ann files says: its entity
 * types, in its order, so that a label no span has yet is kept too; its
 * relation types with the labels each end may have; its attributes, a
 * choice where it lists values, else a flag.
 */
typedef struct
{
  GPtrArray *labels;      /* of char* */
  GPtrArray *relations;   /* of GlossaSchemaRelation */
  GPtrArray *attributes;  /* of GlossaSchemaAttribute, beside… */
  GPtrArray *attribute_labels;  /* …the labels each applies to, of GStrv */
} GlossaBratConf;

void            _glossa_brat_conf_init          (GlossaBratConf      *conf);
void            _glossa_brat_conf_clear         (GlossaBratConf      *conf);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossaBratConf, _glossa_brat_conf_clear)

/* The .ann files below @input (links to folders followed once), in path
 * order, each with the NAME.txt beside it, as documents added to @docs.
 */
gboolean        _glossa_import_read_brat        (GFile                       *input,
                                                 const GlossaImportOptions   *options,
                                                 GPtrArray                   *docs,
                                                 GlossaImportReport          *report,
                                                 GError                     **error);
/* @input's annotation.conf, if it has one, into @conf (initialised). */
gboolean        _glossa_import_read_brat_conf   (GFile               *input,
                                                 GlossaBratConf      *conf,
                                                 GError             **error);

G_END_DECLS
