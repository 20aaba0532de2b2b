/* glossa-search-item.c: one hit of a corpus search, as a row of the search window's list
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-search-item.h"

struct _GlossaSearchItem
{
  GObject  parent_instance;

  char    *id;
  guint    position;
  gint64   start;
  gint64   end;
  char    *left;
  char    *match;
  char    *right;
  char    *label;    /* what the row says of the spans there, or "" */
  gboolean tagged;
};

G_DEFINE_FINAL_TYPE (GlossaSearchItem, glossa_search_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEFT,
  PROP_MATCH,
  PROP_RIGHT,
  PROP_ARTICLE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
glossa_search_item_finalize (GObject *object)
{
  GlossaSearchItem *self = GLOSSA_SEARCH_ITEM (object);

  g_free (self->id);
  g_free (self->left);
  g_free (self->match);
  g_free (self->right);
  g_free (self->label);
  G_OBJECT_CLASS (glossa_search_item_parent_class)->finalize (object);
}

static void
glossa_search_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossaSearchItem *self = GLOSSA_SEARCH_ITEM (object);

  switch (prop_id)
    {
    case PROP_LEFT:
      g_value_set_string (value, self->left);
      break;
    case PROP_MATCH:
      g_value_set_string (value, self->match);
      break;
    case PROP_RIGHT:
      g_value_set_string (value, self->right);
      break;
    case PROP_ARTICLE:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_search_item_class_init (GlossaSearchItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = glossa_search_item_finalize;
  object_class->get_property = glossa_search_item_get_property;

  properties[PROP_LEFT] = g_param_spec_string ("left", NULL, NULL, NULL, flags);
  properties[PROP_MATCH] = g_param_spec_string ("match", NULL, NULL, NULL, flags);
  properties[PROP_RIGHT] = g_param_spec_string ("right", NULL, NULL, NULL, flags);
  properties[PROP_ARTICLE] = g_param_spec_string ("article", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
glossa_search_item_init (GlossaSearchItem *self)
{
}

static char *
describe_cover (const GlossaSearchHit *hit)
{
  switch (hit->cover)
    {
    case GLOSSA_SEARCH_COVER_EXACT:
      return g_strdup (glossa_label_to_string (hit->label));
    case GLOSSA_SEARCH_COVER_INSIDE:
      /* Translators: the match lies inside a span with this label, e.g. "in quote". */
      return g_strdup_printf (_("in %s"), glossa_label_to_string (hit->label));
    case GLOSSA_SEARCH_COVER_NONE:
      return g_strdup ("");
    default:
      g_assert_not_reached ();
    }
}

GlossaSearchItem *
glossa_search_item_new (const char            *id,
                        guint                  position,
                        const GlossaSearchHit *hit)
{
  GlossaSearchItem *self = g_object_new (GLOSSA_TYPE_SEARCH_ITEM, NULL);

  self->id = g_strdup (id);
  self->position = position;
  self->start = hit->start;
  self->end = hit->end;
  self->left = g_strdup (hit->left);
  self->match = g_strdup (hit->match);
  self->right = g_strdup (hit->right);
  self->label = describe_cover (hit);
  self->tagged = hit->cover == GLOSSA_SEARCH_COVER_EXACT;
  return self;
}

const char *
glossa_search_item_get_id (GlossaSearchItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_ITEM (self), NULL);
  return self->id;
}

guint
glossa_search_item_get_position (GlossaSearchItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_ITEM (self), 0);
  return self->position;
}

gint64
glossa_search_item_get_start (GlossaSearchItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_ITEM (self), 0);
  return self->start;
}

gint64
glossa_search_item_get_end (GlossaSearchItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_ITEM (self), 0);
  return self->end;
}

gboolean
glossa_search_item_get_tagged (GlossaSearchItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_ITEM (self), FALSE);
  return self->tagged;
}
