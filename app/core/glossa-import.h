/* glossa-import.h: reading datasets (JSONL, doccano, Label Studio, brat)
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-export.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_IMPORT_JSONL,
  GLOSSA_IMPORT_DOCCANO,
  GLOSSA_IMPORT_LABEL_STUDIO,
  GLOSSA_IMPORT_BRAT,
} GlossaImportFormat;

gboolean    glossa_import_format_from_string (const char         *str,
                                              GlossaImportFormat *format);

typedef struct
{
  GlossaImportFormat  format;
  gboolean            offsets_set;   /* FALSE: the format's own default */
  GlossaOffsets       offsets;
  GHashTable         *map;           /* nullable: foreign label -> label name */
  gboolean            drop_unmapped;
  /* nullable: foreign link type -> link type of the schema; a key
   * "ROLE>ROLE" links a brat event's arguments of the first role to
   * those of the second.
   */
  GHashTable         *link_map;
  /* nullable: Label Studio's labelling config (XML), whose labels, their
   * colours and keys, and relations make the corpus's schema; only with
   * GLOSSA_IMPORT_LABEL_STUDIO and the source's labels kept (no map, no
   * drop_unmapped).
   */
  GFile              *config;
} GlossaImportOptions;

/* Offsets of doccano are UTF-16 code units (its front end is JavaScript),
 * those of the others code points.
 */
GlossaOffsets glossa_import_default_offsets (GlossaImportFormat format);

/* Parses "PER=actor" into @map; fails if the target is not a label. */
gboolean    glossa_import_add_mapping   (GHashTable   *map,
                                         const char   *mapping,
                                         GError      **error);
/* Parses "Said=source" or "Content>Source=source" into @link_map; fails
 * if either side is empty or the target cannot be a link type's name.
 */
gboolean    glossa_import_add_link_mapping (GHashTable   *link_map,
                                            const char   *mapping,
                                            GError      **error);

typedef struct
{
  guint      n_documents;
  guint      n_spans;
  guint      n_unmapped;    /* spans dropped by --drop-unmapped */
  guint      n_duplicates;  /* spans that repeat another's start, end and label */
  guint      n_fragmented;  /* brat spans joined from fragments */
  guint      n_skipped;     /* brat E lines no --map-link rule uses, N, * and # lines left out */
  guint      n_notes;       /* brat AnnotatorNotes kept as notes */
  guint      n_links;       /* links written */
  guint      n_links_dropped;     /* links to a span left out, of a type dropped, or repeated */
  guint      n_links_reversed;    /* links the schema allows only the other way round */
  guint      n_attributes;        /* attribute values written */
  guint      n_attributes_dropped; /* values of attributes the schema does not have */
  GPtrArray *warnings;      /* of char*, one line each */
} GlossaImportReport;

void        glossa_import_report_clear  (GlossaImportReport *report);

/* Reads @input (a file, or a folder for brat) into records whose spans have
 * origin "imported". Labels go through the map; unknown labels fail the
 * whole import with one message listing each label and its count, unless
 * @options says to drop them. Problems are reported as "FILE:LINE: …".
 */
GPtrArray  *glossa_import_read          (GFile                     *input,
                                         const GlossaImportOptions *options,
                                         GlossaImportReport        *report,
                                         GCancellable              *cancellable,
                                         GError                   **error);

/* Writes @records as a corpus folder at @output: NAME.txt and
 * NAME.annotations.json for each, NAME the record's id made safe by
 * glossa_output_names_add(), with a warning in @report (nullable) for each
 * id that had to be renamed. @output must not exist or be an empty folder
 * (see glossa_output_check()); nothing is left there unless every file is
 * written.
 */
gboolean    glossa_import_write_corpus  (GPtrArray                 *records,
                                         GFile                     *output,
                                         GlossaImportReport        *report,
                                         GCancellable              *cancellable,
                                         GError                   **error);

G_END_DECLS
