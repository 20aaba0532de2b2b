/* glossa-schema.c: the labels, link types, attributes and overlap rules of a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-schema.h"
#include "glossa-span.h"

struct _GlossaSchema
{
  gatomicrefcount  ref_count;
  char            *path;        /* nullable: the built-in schema */
  GPtrArray       *labels;      /* of GlossaSchemaLabel, in file order */
  GPtrArray       *relations;   /* of GlossaSchemaRelation */
  GHashTable      *by_label;    /* GlossaLabel → index + 1 */
  GHashTable      *suggesters_off;  /* names of the suggesters turned off */
};

G_DEFINE_BOXED_TYPE (GlossaSchema, glossa_schema, glossa_schema_ref, glossa_schema_unref)

/* These strings are the file format, never translated. */
static const char * const overlap_names[] = { "any", "nested", "none" };
static const char * const attribute_type_names[] = { "text", "choice", "boolean", "timex" };

GlossaSchemaLabel *
glossa_schema_label_new (GlossaLabel  name,
                         const char  *color)
{
  GlossaSchemaLabel *label = g_new0 (GlossaSchemaLabel, 1);

  label->name = name;
  label->color = g_strdup (color);
  label->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_attribute_free);
  return label;
}

void
glossa_schema_label_free (GlossaSchemaLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->title);
  g_free (label->key);
  g_free (label->color);
  g_free (label->color_dark);
  g_free (label->description);
  g_ptr_array_unref (label->attributes);
  g_free (label);
}

GlossaSchemaAttribute *
glossa_schema_attribute_new (const char          *name,
                             GlossaAttributeType  type)
{
  GlossaSchemaAttribute *attribute = g_new0 (GlossaSchemaAttribute, 1);

  attribute->name = g_strdup (name);
  attribute->type = type;
  return attribute;
}

void
glossa_schema_attribute_free (GlossaSchemaAttribute *attribute)
{
  if (attribute == NULL)
    return;
  g_free (attribute->name);
  g_strfreev (attribute->choices);
  g_free (attribute->description);
  g_free (attribute);
}

GlossaSchemaRelation *
glossa_schema_relation_new (const char *name)
{
  GlossaSchemaRelation *relation = g_new0 (GlossaSchemaRelation, 1);

  relation->name = g_strdup (name);
  relation->from = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  relation->to = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  return relation;
}

void
glossa_schema_relation_free (GlossaSchemaRelation *relation)
{
  if (relation == NULL)
    return;
  g_free (relation->name);
  g_free (relation->key);
  g_free (relation->description);
  g_array_unref (relation->from);
  g_array_unref (relation->to);
  g_free (relation);
}

/**
 * glossa_schema_new:
 * @path: (nullable): the file it was read from, for messages
 *
 * An empty schema, to be filled with glossa_schema_add_label() before it
 * is shared.
 */
GlossaSchema *
glossa_schema_new (const char *path)
{
  GlossaSchema *self = g_new0 (GlossaSchema, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_label_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_relation_free);
  self->by_label = g_hash_table_new (NULL, NULL);
  self->suggesters_off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

GlossaSchema *
glossa_schema_ref (GlossaSchema *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
glossa_schema_unref (GlossaSchema *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->relations);
  g_hash_table_unref (self->by_label);
  g_hash_table_unref (self->suggesters_off);
  g_free (self);
}

void
glossa_schema_add_label (GlossaSchema      *self,
                         GlossaSchemaLabel *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL && label->name != 0);
  g_return_if_fail (!g_hash_table_contains (self->by_label, GUINT_TO_POINTER (label->name)));

  g_ptr_array_add (self->labels, label);
  g_hash_table_insert (self->by_label, GUINT_TO_POINTER (label->name),
                       GUINT_TO_POINTER (self->labels->len));
}

void
glossa_schema_add_relation (GlossaSchema         *self,
                            GlossaSchemaRelation *relation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (relation != NULL);
  g_ptr_array_add (self->relations, relation);
}

/* The built-in schema: format v1's four labels with the colours and keys
 * Glossa always had. Its titles are translated; its names are the file
 * format.
 */
static GlossaSchema *
make_default (void)
{
  static const struct
  {
    const char *title;
    const char *color;
    const char *color_dark;
    const char *description;
  } builtin[GLOSSA_N_BUILTIN_LABELS] = {
    { N_("Actor"), "#1c71d8", "#62a0ea", N_("A person, group or organization that acts, speaks or is quoted") },
    { N_("Quote"), "#26a269", "#57e389", N_("Words reported as someone’s own, direct or indirect") },
    { N_("Claim"), "#e66100", "#ffa348", N_("A statement presented as true that could be checked") },
    { N_("Date"), "#9141ac", "#dc8add", N_("A date or time the article refers to") },
  };
  GlossaSchema *schema = glossa_schema_new (NULL);

  for (guint i = 0; i < GLOSSA_N_BUILTIN_LABELS; i++)
    {
      GlossaSchemaLabel *label = glossa_schema_label_new (glossa_label_builtin (i), builtin[i].color);

      label->color_dark = g_strdup (builtin[i].color_dark);
      /* Kept untranslated: the schema outlives a change of language
       * (glossa_schema_label_title() translates).
       */
      label->title = g_strdup (builtin[i].title);
      label->description = g_strdup (builtin[i].description);
      if (i == 3)
        g_ptr_array_add (label->attributes, glossa_schema_attribute_new ("value", GLOSSA_ATTRIBUTE_TIMEX));
      glossa_schema_add_label (schema, label);
    }

  {
    GlossaSchemaRelation *source = glossa_schema_relation_new ("source");
    GlossaLabel from[] = { glossa_label_builtin (1), glossa_label_builtin (2) };
    GlossaLabel to = glossa_label_builtin (0);

    g_array_append_vals (source->from, from, G_N_ELEMENTS (from));
    g_array_append_val (source->to, to);
    /* The key that links the selected quote or claim in the window. */
    source->key = g_strdup ("s");
    glossa_schema_add_relation (schema, source);
  }
  return schema;
}

/**
 * glossa_schema_get_default:
 *
 * The schema of a corpus without a glossa-schema.json.
 *
 * Returns: (transfer full): the built-in schema
 */
GlossaSchema *
glossa_schema_get_default (void)
{
  static GlossaSchema *schema;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, make_default ());
  return glossa_schema_ref (schema);
}

gboolean
glossa_schema_is_default (GlossaSchema *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->path == NULL;
}

const char *
glossa_schema_get_path (GlossaSchema *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

guint
glossa_schema_get_n_labels (GlossaSchema *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->labels->len;
}

const GlossaSchemaLabel *
glossa_schema_get_label (GlossaSchema *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, index);
}

/* Returns: the index of @label in @self, or -1 */
int
glossa_schema_label_index (GlossaSchema *self,
                           GlossaLabel   label)
{
  g_return_val_if_fail (self != NULL, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_label, GUINT_TO_POINTER (label))) - 1;
}

const GlossaSchemaLabel *
glossa_schema_find_label (GlossaSchema *self,
                          GlossaLabel   label)
{
  int index = glossa_schema_label_index (self, label);

  return index < 0 ? NULL : g_ptr_array_index (self->labels, index);
}

guint
glossa_schema_get_n_relations (GlossaSchema *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->relations->len;
}

const GlossaSchemaRelation *
glossa_schema_get_relation (GlossaSchema *self,
                            guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->relations->len, NULL);
  return g_ptr_array_index (self->relations, index);
}

const GlossaSchemaRelation *
glossa_schema_find_relation (GlossaSchema *self,
                             const char   *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->relations->len; i++)
    {
      GlossaSchemaRelation *relation = g_ptr_array_index (self->relations, i);

      if (g_strcmp0 (relation->name, name) == 0)
        return relation;
    }
  return NULL;
}

GlossaOverlap
glossa_schema_get_overlap (GlossaSchema *self,
                           GlossaLabel   label)
{
  const GlossaSchemaLabel *found = glossa_schema_find_label (self, label);

  return found != NULL ? found->overlap : GLOSSA_OVERLAP_ANY;
}

/* What the window shows for a label: its title, or else its name. */
const char *
glossa_schema_label_title (const GlossaSchemaLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  /* The built-in labels' titles are in Glossa's catalogue; a schema
   * file's are the user's own, which a lookup returns as they are.
   */
  return label->title != NULL ? g_dgettext (GETTEXT_PACKAGE, label->title)
                              : glossa_label_to_string (label->name);
}

/**
 * glossa_schema_check_label:
 * @name: the file being read, for the message
 * @field: the field holding the label, e.g. "spans[3].label"
 *
 * Whether a document under @self may use @label. A file using a label
 * its corpus does not have is refused, never remapped.
 */
gboolean
glossa_schema_check_label (GlossaSchema  *self,
                           GlossaLabel    label,
                           const char    *name,
                           const char    *field,
                           GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (glossa_schema_label_index (self, label) >= 0)
    return TRUE;

  if (self->path != NULL)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("%s: %s: the label “%s” is not in the schema %s"),
                 name, field, glossa_label_to_string (label), self->path);
  else
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("%s: %s: the label “%s” is not one of actor, quote, claim, date (there is no %s for this corpus)"),
                 name, field, glossa_label_to_string (label), GLOSSA_SCHEMA_FILE_NAME);
  return FALSE;
}

/**
 * glossa_schema_allows:
 *
 * Whether spans @a and @b may both be in a document under the overlap
 * rules of their labels. Spans that do not overlap always may; nested
 * spans may unless either label's rule is NONE; crossing spans only when
 * both labels' rules are ANY.
 */
gboolean
glossa_schema_allows (GlossaSchema     *self,
                      const GlossaSpan *a,
                      const GlossaSpan *b)
{
  GlossaOverlap rule_a, rule_b;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!glossa_span_overlaps (a, b))
    return TRUE;
  rule_a = glossa_schema_get_overlap (self, a->label);
  rule_b = glossa_schema_get_overlap (self, b->label);
  if (rule_a == GLOSSA_OVERLAP_NONE || rule_b == GLOSSA_OVERLAP_NONE)
    return FALSE;
  if (glossa_span_contains (a, b) || glossa_span_contains (b, a))
    return TRUE;
  return rule_a == GLOSSA_OVERLAP_ANY && rule_b == GLOSSA_OVERLAP_ANY;
}

const char *
glossa_overlap_to_string (GlossaOverlap overlap)
{
  g_return_val_if_fail ((guint) overlap < G_N_ELEMENTS (overlap_names), NULL);
  return overlap_names[overlap];
}

gboolean
glossa_overlap_from_string (const char    *str,
                            GlossaOverlap *overlap)
{
  int value;

  if (!glossa_lookup_name (overlap_names, G_N_ELEMENTS (overlap_names), str, &value))
    return FALSE;
  if (overlap != NULL)
    *overlap = (GlossaOverlap) value;
  return TRUE;
}

const char *
glossa_attribute_type_to_string (GlossaAttributeType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (attribute_type_names), NULL);
  return attribute_type_names[type];
}

gboolean
glossa_attribute_type_from_string (const char          *str,
                                   GlossaAttributeType *type)
{
  int value;

  if (!glossa_lookup_name (attribute_type_names, G_N_ELEMENTS (attribute_type_names), str, &value))
    return FALSE;
  if (type != NULL)
    *type = (GlossaAttributeType) value;
  return TRUE;
}

gboolean
glossa_schema_get_suggester (GlossaSchema *self,
                             const char   *name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !g_hash_table_contains (self->suggesters_off, name);
}

void
glossa_schema_set_suggester (GlossaSchema *self,
                             const char   *name,
                             gboolean      enabled)
{
  g_return_if_fail (self != NULL && name != NULL);
  if (enabled)
    g_hash_table_remove (self->suggesters_off, name);
  else
    g_hash_table_add (self->suggesters_off, g_strdup (name));
}

static GlossaSchemaLabel *
copy_label (const GlossaSchemaLabel *label,
            GlossaLabel              name)
{
  GlossaSchemaLabel *copy = glossa_schema_label_new (name, label->color);

  copy->title = g_strdup (label->title);
  copy->key = g_strdup (label->key);
  copy->color_dark = g_strdup (label->color_dark);
  copy->description = g_strdup (label->description);
  copy->overlap = label->overlap;
  for (guint i = 0; i < label->attributes->len; i++)
    {
      GlossaSchemaAttribute *attribute = g_ptr_array_index (label->attributes, i);
      GlossaSchemaAttribute *a = glossa_schema_attribute_new (attribute->name, attribute->type);

      a->choices = g_strdupv (attribute->choices);
      a->description = g_strdup (attribute->description);
      g_ptr_array_add (copy->attributes, a);
    }
  return copy;
}

static void
copy_renamed_labels (GArray      *to,
                     GArray      *from,
                     GlossaLabel  old,
                     GlossaLabel  new_label)
{
  for (guint i = 0; i < from->len; i++)
    {
      GlossaLabel label = g_array_index (from, GlossaLabel, i);

      label = label == old ? new_label : label;
      g_array_append_val (to, label);
    }
}

/**
 * glossa_schema_copy_renamed:
 *
 * Returns: (transfer full): a copy of @self, at the same path, where the
 * label @old is called @new_name; its relations and rules follow it.
 */
GlossaSchema *
glossa_schema_copy_renamed (GlossaSchema  *self,
                            GlossaLabel    old,
                            const char    *new_name,
                            GError       **error)
{
  GlossaSchema *copy;
  GlossaLabel new_label;

  g_return_val_if_fail (self != NULL, NULL);

  if (glossa_schema_label_index (self, old) < 0)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("the label “%s” is not in the schema"), glossa_label_to_string (old));
      return NULL;
    }
  if (!glossa_label_name_is_valid (new_name, error))
    return NULL;
  glossa_label_from_string (new_name, &new_label);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const GlossaSchemaLabel *label = g_ptr_array_index (self->labels, i);

      if (label->name != old && g_ascii_strcasecmp (glossa_label_to_string (label->name), new_name) == 0)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("the schema already has a label “%s”"), glossa_label_to_string (label->name));
          return NULL;
        }
    }

  copy = glossa_schema_new (self->path);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const GlossaSchemaLabel *label = g_ptr_array_index (self->labels, i);

      glossa_schema_add_label (copy, copy_label (label, label->name == old ? new_label : label->name));
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      const GlossaSchemaRelation *relation = g_ptr_array_index (self->relations, i);
      GlossaSchemaRelation *r = glossa_schema_relation_new (relation->name);

      r->key = g_strdup (relation->key);
      r->description = g_strdup (relation->description);
      copy_renamed_labels (r->from, relation->from, old, new_label);
      copy_renamed_labels (r->to, relation->to, old, new_label);
      glossa_schema_add_relation (copy, r);
    }
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, self->suggesters_off);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      glossa_schema_set_suggester (copy, name, FALSE);
  }
  return copy;
}

static gboolean
has_strict_rule (GlossaSchema *self)
{
  for (guint i = 0; i < self->labels->len; i++)
    if (((GlossaSchemaLabel *) g_ptr_array_index (self->labels, i))->overlap != GLOSSA_OVERLAP_ANY)
      return TRUE;
  return FALSE;
}

/* The label whose rule forbids @a with @b: the stricter one. */
static GlossaLabel
forbidding_label (GlossaSchema     *self,
                  const GlossaSpan *a,
                  const GlossaSpan *b)
{
  return glossa_schema_get_overlap (self, a->label) >= glossa_schema_get_overlap (self, b->label)
         ? a->label : b->label;
}

gboolean
glossa_schema_check_overlaps (GlossaSchema  *self,
                              GPtrArray     *spans,
                              const char    *name,
                              const char    *field,
                              GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spans != NULL, FALSE);

  /* Under rules that are all "any" nothing can be refused: skip the
   * quadratic walk (the built-in schema).
   */
  if (!has_strict_rule (self))
    return TRUE;

  for (guint i = 0; i < spans->len; i++)
    for (guint j = i + 1; j < spans->len; j++)
      {
        const GlossaSpan *a = g_ptr_array_index (spans, i);
        const GlossaSpan *b = g_ptr_array_index (spans, j);
        GlossaLabel rule_label;

        if (glossa_schema_allows (self, a, b))
          continue;
        rule_label = forbidding_label (self, a, b);
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     _("%s: %s[%u] (%s, %lld–%lld) and %s[%u] (%s, %lld–%lld) overlap, which the rule “%s” of the label “%s” forbids"),
                     name, field, i, glossa_label_to_string (a->label), (long long) a->start, (long long) a->end,
                     field, j, glossa_label_to_string (b->label), (long long) b->start, (long long) b->end,
                     glossa_overlap_to_string (glossa_schema_get_overlap (self, rule_label)),
                     glossa_label_to_string (rule_label));
        return FALSE;
      }
  return TRUE;
}

const char *
glossa_schema_title_of (GlossaSchema *schema,
                        GlossaLabel   label)
{
  g_autoptr(GlossaSchema) own = schema != NULL ? glossa_schema_ref (schema) : glossa_schema_get_default ();
  const GlossaSchemaLabel *entry = glossa_schema_find_label (own, label);

  /* The built-in schema lives as long as the process, so its strings
   * outlive the reference dropped here. */
  return entry != NULL ? glossa_schema_label_title (entry) : glossa_label_to_string (label);
}
