/* glossa-undo-stack.h: Glossa's own undo history of span changes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "glossa-relation.h"
#include "glossa-span.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_UNDO_STACK (glossa_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (GlossaUndoStack, glossa_undo_stack, GLOSSA, UNDO_STACK, GObject)

/* Each entry is a group of changes; a change is a pair (before, after) of
 * spans, or of links, where before == NULL is an addition and after == NULL
 * a removal.
 * Undoing a group replays its changes in reverse order with the pairs
 * swapped. The stack itself never touches a document: the document records
 * into it and asks it what to replay.
 */
typedef void (*GlossaUndoApplyFunc) (GlossaSpan *remove,
                                     GlossaSpan *add,
                                     gpointer    user_data);

typedef void (*GlossaUndoApplyRelationFunc) (GlossaRelation *remove,
                                             GlossaRelation *add,
                                             gpointer        user_data);

GlossaUndoStack *glossa_undo_stack_new         (void);
void             glossa_undo_stack_begin_group (GlossaUndoStack     *self,
                                                const char          *description);
void             glossa_undo_stack_record      (GlossaUndoStack     *self,
                                                GlossaSpan          *before,
                                                GlossaSpan          *after);
void             glossa_undo_stack_record_relation (GlossaUndoStack *self,
                                                    GlossaRelation  *before,
                                                    GlossaRelation  *after);
void             glossa_undo_stack_end_group   (GlossaUndoStack     *self);
gboolean         glossa_undo_stack_can_undo    (GlossaUndoStack     *self);
gboolean         glossa_undo_stack_can_redo    (GlossaUndoStack     *self);
const char      *glossa_undo_stack_get_undo_description (GlossaUndoStack *self);
const char      *glossa_undo_stack_get_redo_description (GlossaUndoStack *self);
gboolean         glossa_undo_stack_undo        (GlossaUndoStack     *self,
                                                GlossaUndoApplyFunc  apply,
                                                gpointer             user_data);
gboolean         glossa_undo_stack_redo        (GlossaUndoStack     *self,
                                                GlossaUndoApplyFunc  apply,
                                                gpointer             user_data);
/* As undo and redo, with link changes given to @apply_relation. */
gboolean         glossa_undo_stack_undo_full   (GlossaUndoStack     *self,
                                                GlossaUndoApplyFunc  apply,
                                                GlossaUndoApplyRelationFunc apply_relation,
                                                gpointer             user_data);
gboolean         glossa_undo_stack_redo_full   (GlossaUndoStack     *self,
                                                GlossaUndoApplyFunc  apply,
                                                GlossaUndoApplyRelationFunc apply_relation,
                                                gpointer             user_data);
/* A change of a top-level member the document keeps beside the spans
 * (rejected suggestions): @value is what it is to become, NULL for none.
 */
typedef void (*GlossaUndoApplyMemberFunc) (const char *member,
                                           JsonNode   *value,
                                           gpointer    user_data);

/* Records that @member went from @before to @after (each nullable; the
 * stack keeps references: neither may change afterwards). Replayed through the function given to
 * glossa_undo_stack_set_apply_member(), in order with the span changes.
 */
void             glossa_undo_stack_record_member (GlossaUndoStack *self,
                                                  const char      *member,
                                                  JsonNode        *before,
                                                  JsonNode        *after);
void             glossa_undo_stack_set_apply_member (GlossaUndoStack          *self,
                                                     GlossaUndoApplyMemberFunc apply,
                                                     gpointer                  user_data);
void             glossa_undo_stack_clear       (GlossaUndoStack     *self);
guint            glossa_undo_stack_get_depth   (GlossaUndoStack     *self);

G_END_DECLS
