/* glossa-schema.h: the labels, link types, attributes and overlap rules of a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-storage.h"
#include "glossa-types.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_SCHEMA (glossa_schema_get_type ())

#define GLOSSA_SCHEMA_FILE_NAME "glossa-schema.json"
#define GLOSSA_SCHEMA_FORMAT    "glossa-schema"
#define GLOSSA_SCHEMA_VERSION   1

/* The most labels a schema may have: enough for any tagset people annotate
 * by hand, few enough that per-label tables stay small.
 */
#define GLOSSA_SCHEMA_MAX_LABELS 127

/* The largest glossa-schema.json read: a schema of the most labels with
 * long descriptions is a few hundred KiB.
 */
#define GLOSSA_SCHEMA_READ_LIMIT (G_GUINT64_CONSTANT (4) << 20)

/* How a label's spans may meet other spans (INCEpTION's overlap modes):
 * ANY allows everything, crossing included (Glossa's rule before schemas,
 * so the default); NESTED one inside another but no crossing; NONE no
 * other span inside, around or across it.
 */
typedef enum
{
  GLOSSA_OVERLAP_ANY,
  GLOSSA_OVERLAP_NESTED,
  GLOSSA_OVERLAP_NONE,
} GlossaOverlap;

typedef enum
{
  GLOSSA_ATTRIBUTE_TEXT,
  GLOSSA_ATTRIBUTE_CHOICE,
  GLOSSA_ATTRIBUTE_BOOLEAN,
  GLOSSA_ATTRIBUTE_TIMEX,
} GlossaAttributeType;

typedef struct
{
  char                *name;
  GlossaAttributeType  type;
  GStrv                choices;      /* CHOICE only, else NULL */
  char                *description;  /* nullable */
} GlossaSchemaAttribute;

typedef struct
{
  GlossaLabel    name;
  char          *title;        /* nullable: shown instead of the name */
  char          *key;          /* nullable: one character, the tagging key */
  char          *color;        /* "#rrggbb", on a light background */
  char          *color_dark;   /* nullable: on a dark one; else derived */
  char          *description;  /* nullable */
  GlossaOverlap  overlap;
  GPtrArray     *attributes;   /* of GlossaSchemaAttribute */
} GlossaSchemaLabel;

typedef struct
{
  char      *name;
  char      *key;              /* nullable */
  char      *description;      /* nullable */
  GArray    *from;             /* of GlossaLabel; empty: any */
  GArray    *to;               /* of GlossaLabel; empty: any */
} GlossaSchemaRelation;

GType                       glossa_schema_get_type        (void) G_GNUC_CONST;

GlossaSchema               *glossa_schema_get_default     (void);
GlossaSchema               *glossa_schema_new             (const char   *path);
GlossaSchema               *glossa_schema_ref             (GlossaSchema *self);
void                        glossa_schema_unref           (GlossaSchema *self);

gboolean                    glossa_schema_is_default      (GlossaSchema *self);
const char                 *glossa_schema_get_path        (GlossaSchema *self);

/* Building a schema (before it is shared: schemas are immutable once in
 * use). The schema takes @label, @relation.
 */
GlossaSchemaLabel          *glossa_schema_label_new       (GlossaLabel   name,
                                                           const char   *color);
void                        glossa_schema_label_free      (GlossaSchemaLabel *label);
GlossaSchemaAttribute      *glossa_schema_attribute_new   (const char          *name,
                                                           GlossaAttributeType  type);
void                        glossa_schema_attribute_free  (GlossaSchemaAttribute *attribute);
GlossaSchemaRelation       *glossa_schema_relation_new    (const char   *name);
void                        glossa_schema_relation_free   (GlossaSchemaRelation *relation);
void                        glossa_schema_add_label       (GlossaSchema      *self,
                                                           GlossaSchemaLabel *label);
void                        glossa_schema_add_relation    (GlossaSchema         *self,
                                                           GlossaSchemaRelation *relation);

guint                       glossa_schema_get_n_labels    (GlossaSchema *self);
const GlossaSchemaLabel    *glossa_schema_get_label       (GlossaSchema *self,
                                                           guint         index);
const GlossaSchemaLabel    *glossa_schema_find_label      (GlossaSchema *self,
                                                           GlossaLabel   label);
int                         glossa_schema_label_index     (GlossaSchema *self,
                                                           GlossaLabel   label);
guint                       glossa_schema_get_n_relations (GlossaSchema *self);
const GlossaSchemaRelation *glossa_schema_get_relation    (GlossaSchema *self,
                                                           guint         index);
const GlossaSchemaRelation *glossa_schema_find_relation   (GlossaSchema *self,
                                                           const char   *name);
GlossaOverlap               glossa_schema_get_overlap     (GlossaSchema *self,
                                                           GlossaLabel   label);

const char                 *glossa_schema_label_title     (const GlossaSchemaLabel *label);
/* @label as the user reads it: its title in @schema (the built-in one
 * when NULL), translated for the built-in labels; its name when the schema
 * lacks it. The string lives as long as @schema.
 */
const char                 *glossa_schema_title_of        (GlossaSchema            *schema,
                                                           GlossaLabel              label);

gboolean                    glossa_schema_check_label     (GlossaSchema  *self,
                                                           GlossaLabel    label,
                                                           const char    *name,
                                                           const char    *field,
                                                           GError       **error);
gboolean                    glossa_schema_allows          (GlossaSchema     *self,
                                                           const GlossaSpan *a,
                                                           const GlossaSpan *b);

/* Checks every pair of @spans (of GlossaSpan, in file order) against the
 * overlap rules; the error names both spans by their index in @field
 * (e.g. "spans") and the rule broken.
 */
gboolean                    glossa_schema_check_overlaps  (GlossaSchema  *self,
                                                           GPtrArray     *spans,
                                                           const char    *name,
                                                           const char    *field,
                                                           GError       **error);

const char                 *glossa_overlap_to_string      (GlossaOverlap  overlap);
gboolean                    glossa_overlap_from_string    (const char    *str,
                                                           GlossaOverlap *overlap);
const char                 *glossa_attribute_type_to_string   (GlossaAttributeType  type);
gboolean                    glossa_attribute_type_from_string (const char          *str,
                                                               GlossaAttributeType *type);

/* glossa-schema-file.c: the file glossa-schema.json. */

/* The single keys Glossa's window uses itself, that no label or relation
 * may take (NULL-terminated; compared case-sensitively, as the window does).
 */
extern const char * const   glossa_schema_reserved_keys[];
gboolean                    glossa_schema_key_is_reserved (const char   *key);

/* Reads and checks a schema. Every error reads "FILE:LINE:COLUMN: message"
 * (or names the field). @name is used in messages and as the schema's path.
 * @stamp, if not NULL, is the version read, for glossa_schema_save().
 */
GlossaSchema               *glossa_schema_parse           (const char       *data,
                                                           gsize             len,
                                                           const char       *name,
                                                           GError          **error);
GlossaSchema               *glossa_schema_load            (GFile            *file,
                                                           GlossaFileStamp  *stamp,
                                                           GError          **error);
/* Whether the suggester @name ("quotes", "dates", "names") is on: the
 * "suggesters" member of the file; every suggester is on unless turned off.
 */
gboolean                    glossa_schema_get_suggester   (GlossaSchema     *self,
                                                           const char       *name);
void                        glossa_schema_set_suggester   (GlossaSchema     *self,
                                                           const char       *name,
                                                           gboolean          enabled);

/* The nearest glossa-schema.json from @file's folder (or @file itself if
 * it is a folder) up to @corpus_root, never above it; NULL when none.
 * @corpus_root NULL means @file's own folder only.
 */
GFile                      *glossa_schema_locate          (GFile            *file,
                                                           GFile            *corpus_root);
/* The schema that applies to @file: the one glossa_schema_locate() finds,
 * loaded and checked, or the built-in default when there is none. A broken
 * schema is an error, never silently the default.
 */
GlossaSchema               *glossa_schema_find_for        (GFile            *file,
                                                           GFile            *corpus_root,
                                                           GError          **error);

/* A colour of a fixed palette, for labels given none (imports). */
const char                 *glossa_schema_palette_color   (guint             index);

/* Deterministic: the same schema always gives the same bytes. */
JsonNode                   *glossa_schema_to_json         (GlossaSchema     *self);
GBytes                     *glossa_schema_to_bytes        (GlossaSchema     *self);
/* Writes @self to @file atomically. @stamp is the version read (from
 * glossa_schema_load(), or with exists FALSE for a new file): a file
 * changed since is refused, never written over. On success @stamp, if not
 * NULL, is updated to the version written.
 */
gboolean                    glossa_schema_save            (GlossaSchema     *self,
                                                           GFile            *file,
                                                           GlossaFileStamp  *stamp,
                                                           GError          **error);
/* A copy of @self with @old renamed to @new_name (overlap rules and
 * relations follow it). NULL with an error if @old is missing or
 * @new_name is invalid or taken.
 */
GlossaSchema               *glossa_schema_copy_renamed    (GlossaSchema     *self,
                                                           GlossaLabel       old,
                                                           const char       *new_name,
                                                           GError          **error);

/* Where the corpus at @corpus_root (a folder or a JSONL corpus file) keeps
 * its own glossa-schema.json, whether it exists yet or not.
 */
GFile                      *glossa_schema_file_for_root   (GFile            *corpus_root);

/* Renames label @old to @new_name in every annotation file under the
 * corpus at @corpus_root (a folder or a JSONL file) and in its
 * glossa-schema.json, each file replaced atomically, refusing files changed
 * since they were read. @dry_run changes nothing and only counts.
 * @n_files is the number of files that change (or would). See
 * glossa-label-rename.h for the preview and the files written.
 */
gboolean                    glossa_schema_rename_label    (GFile            *corpus_root,
                                                           const char       *old,
                                                           const char       *new_name,
                                                           gboolean          dry_run,
                                                           guint            *n_files,
                                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaSchema, glossa_schema_unref)

G_END_DECLS
