/* glossa-undo-stack.c: Glossa's own undo history of span changes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-undo-stack.h"

/* Either the spans or the links of a change are set, never both. */
typedef struct
{
  GlossaSpan     *before;
  GlossaSpan     *after;
  GlossaRelation *relation_before;
  GlossaRelation *relation_after;
  char           *member;          /* a member change when set */
  JsonNode       *member_before;
  JsonNode       *member_after;
} Change;

typedef struct
{
  char   *description;
  GArray *changes;  /* of Change, in the order they were made */
} Group;

struct _GlossaUndoStack
{
  GObject    parent_instance;

  /* groups[0 .. position) can be undone, groups[position ..) redone */
  GPtrArray *groups;
  guint      position;

  /* The group being recorded; nested begin/end pairs join the outermost. */
  Group     *open_group;
  guint      open_depth;

  GlossaUndoApplyMemberFunc apply_member;
  gpointer   apply_member_data;
};

G_DEFINE_FINAL_TYPE (GlossaUndoStack, glossa_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->before, glossa_span_unref);
  g_clear_pointer (&change->after, glossa_span_unref);
  g_clear_pointer (&change->relation_before, glossa_relation_unref);
  g_clear_pointer (&change->relation_after, glossa_relation_unref);
  g_clear_pointer (&change->member, g_free);
  g_clear_pointer (&change->member_before, json_node_unref);
  g_clear_pointer (&change->member_after, json_node_unref);
}

static Group *
group_new (const char *description)
{
  Group *group = g_new0 (Group, 1);

  group->description = g_strdup (description);
  group->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (group->changes, change_clear);
  return group;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->description);
  g_array_unref (group->changes);
  g_free (group);
}

static void
notify_state (GlossaUndoStack *self,
              gboolean         could_undo,
              gboolean         could_redo)
{
  if (could_undo != glossa_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != glossa_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
glossa_undo_stack_finalize (GObject *object)
{
  GlossaUndoStack *self = (GlossaUndoStack *)object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, group_free);

  G_OBJECT_CLASS (glossa_undo_stack_parent_class)->finalize (object);
}

static void
glossa_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossaUndoStack *self = GLOSSA_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, glossa_undo_stack_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, glossa_undo_stack_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_undo_stack_class_init (GlossaUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = glossa_undo_stack_finalize;
  object_class->get_property = glossa_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
glossa_undo_stack_init (GlossaUndoStack *self)
{
  self->groups = g_ptr_array_new_with_free_func (group_free);
}

GlossaUndoStack *
glossa_undo_stack_new (void)
{
  return g_object_new (GLOSSA_TYPE_UNDO_STACK, NULL);
}

void
glossa_undo_stack_begin_group (GlossaUndoStack *self,
                               const char      *description)
{
  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));

  if (self->open_depth++ == 0)
    self->open_group = group_new (description);
}

void
glossa_undo_stack_end_group (GlossaUndoStack *self)
{
  gboolean could_undo, could_redo;
  Group *group;

  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));
  g_return_if_fail (self->open_depth > 0);

  if (--self->open_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->changes->len == 0)
    {
      group_free (group);
      return;
    }

  could_undo = glossa_undo_stack_can_undo (self);
  could_redo = glossa_undo_stack_can_redo (self);

  /* A new change makes the redo history unreachable. */
  g_ptr_array_set_size (self->groups, self->position);
  g_ptr_array_add (self->groups, group);
  self->position = self->groups->len;

  notify_state (self, could_undo, could_redo);
}

static void
append_change (GlossaUndoStack *self,
               Change          *change)
{
  gboolean implicit = self->open_depth == 0;

  if (implicit)
    glossa_undo_stack_begin_group (self, NULL);
  g_array_append_val (self->open_group->changes, *change);
  if (implicit)
    glossa_undo_stack_end_group (self);
}

void
glossa_undo_stack_record (GlossaUndoStack *self,
                          GlossaSpan      *before,
                          GlossaSpan      *after)
{
  Change change = { 0 };

  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL || after != NULL);

  change.before = before ? glossa_span_ref (before) : NULL;
  change.after = after ? glossa_span_ref (after) : NULL;
  append_change (self, &change);
}

void
glossa_undo_stack_record_relation (GlossaUndoStack *self,
                                   GlossaRelation  *before,
                                   GlossaRelation  *after)
{
  Change change = { 0 };

  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL || after != NULL);

  change.relation_before = before ? glossa_relation_ref (before) : NULL;
  change.relation_after = after ? glossa_relation_ref (after) : NULL;
  append_change (self, &change);
}

/* Replays @change if it is a member change; returns whether it was one. */
static gboolean
replay_member (GlossaUndoStack *self,
               Change          *change,
               gboolean         forward)
{
  if (change->member == NULL)
    return FALSE;
  if (self->apply_member != NULL)
    self->apply_member (change->member, forward ? change->member_after : change->member_before,
                        self->apply_member_data);
  return TRUE;
}

static void
replay (Change                      *change,
        gboolean                     forward,
        GlossaUndoApplyFunc          apply,
        GlossaUndoApplyRelationFunc  apply_relation,
        gpointer                     user_data)
{
  if (change->before != NULL || change->after != NULL)
    {
      if (forward)
        apply (change->before, change->after, user_data);
      else
        apply (change->after, change->before, user_data);
    }
  else if (apply_relation != NULL)
    {
      if (forward)
        apply_relation (change->relation_before, change->relation_after, user_data);
      else
        apply_relation (change->relation_after, change->relation_before, user_data);
    }
}

gboolean
glossa_undo_stack_can_undo (GlossaUndoStack *self)
{
  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
glossa_undo_stack_can_redo (GlossaUndoStack *self)
{
  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), FALSE);
  return self->position < self->groups->len;
}

const char *
glossa_undo_stack_get_undo_description (GlossaUndoStack *self)
{
  Group *group;

  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), NULL);

  if (self->position == 0)
    return NULL;
  group = g_ptr_array_index (self->groups, self->position - 1);
  return group->description;
}

const char *
glossa_undo_stack_get_redo_description (GlossaUndoStack *self)
{
  Group *group;

  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), NULL);

  if (self->position >= self->groups->len)
    return NULL;
  group = g_ptr_array_index (self->groups, self->position);
  return group->description;
}

gboolean
glossa_undo_stack_undo (GlossaUndoStack     *self,
                        GlossaUndoApplyFunc  apply,
                        gpointer             user_data)
{
  return glossa_undo_stack_undo_full (self, apply, NULL, user_data);
}

gboolean
glossa_undo_stack_undo_full (GlossaUndoStack             *self,
                             GlossaUndoApplyFunc          apply,
                             GlossaUndoApplyRelationFunc  apply_relation,
                             gpointer                     user_data)
{
  gboolean could_redo;
  Group *group;

  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->open_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  could_redo = glossa_undo_stack_can_redo (self);
  group = g_ptr_array_index (self->groups, --self->position);
  for (guint i = group->changes->len; i > 0; i--)
    {
      if (replay_member (self, &g_array_index (group->changes, Change, i - 1), FALSE))
        continue;
      replay (&g_array_index (group->changes, Change, i - 1), FALSE,
              apply, apply_relation, user_data);
    }

  notify_state (self, TRUE, could_redo);
  return TRUE;
}

gboolean
glossa_undo_stack_redo (GlossaUndoStack     *self,
                        GlossaUndoApplyFunc  apply,
                        gpointer             user_data)
{
  return glossa_undo_stack_redo_full (self, apply, NULL, user_data);
}

gboolean
glossa_undo_stack_redo_full (GlossaUndoStack             *self,
                             GlossaUndoApplyFunc          apply,
                             GlossaUndoApplyRelationFunc  apply_relation,
                             gpointer                     user_data)
{
  gboolean could_undo;
  Group *group;

  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->open_depth == 0, FALSE);

  if (self->position >= self->groups->len)
    return FALSE;

  could_undo = glossa_undo_stack_can_undo (self);
  group = g_ptr_array_index (self->groups, self->position++);
  for (guint i = 0; i < group->changes->len; i++)
    {
      if (replay_member (self, &g_array_index (group->changes, Change, i), TRUE))
        continue;
      replay (&g_array_index (group->changes, Change, i), TRUE,
              apply, apply_relation, user_data);
    }

  notify_state (self, could_undo, TRUE);
  return TRUE;
}

void
glossa_undo_stack_clear (GlossaUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));

  could_undo = glossa_undo_stack_can_undo (self);
  could_redo = glossa_undo_stack_can_redo (self);
  g_ptr_array_set_size (self->groups, 0);
  self->position = 0;
  notify_state (self, could_undo, could_redo);
}

guint
glossa_undo_stack_get_depth (GlossaUndoStack *self)
{
  g_return_val_if_fail (GLOSSA_IS_UNDO_STACK (self), 0);
  return self->position;
}

void
glossa_undo_stack_record_member (GlossaUndoStack *self,
                                 const char      *member,
                                 JsonNode        *before,
                                 JsonNode        *after)
{
  Change change = { 0 };

  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));
  g_return_if_fail (member != NULL);

  change.member = g_strdup (member);
  change.member_before = before != NULL ? json_node_ref (before) : NULL;
  change.member_after = after != NULL ? json_node_ref (after) : NULL;
  append_change (self, &change);
}

void
glossa_undo_stack_set_apply_member (GlossaUndoStack           *self,
                                    GlossaUndoApplyMemberFunc  apply,
                                    gpointer                   user_data)
{
  g_return_if_fail (GLOSSA_IS_UNDO_STACK (self));

  self->apply_member = apply;
  self->apply_member_data = user_data;
}
