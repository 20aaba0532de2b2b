/* glossa-label-keys.c: which key tags with which label of a schema
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-label-keys.h"
#include "glossa-schema.h"

static gboolean
is_taken (GArray   *taken,
          gunichar  key)
{
  for (guint i = 0; i < taken->len; i++)
    if (g_array_index (taken, gunichar, i) == key)
      return TRUE;
  return FALSE;
}

static gunichar
first_free_letter (const char *title,
                   GArray     *taken)
{
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isalpha (c) && !is_taken (taken, c))
        return c;
    }
  return 0;
}

/**
 * glossa_label_keys_assign:
 * @schema: the labels
 * @reserved: (nullable): letters that are never given to a label by default
 *
 * The tagging key of each label of @schema, in its order: the key the
 * schema sets, or else the first letter of the label's title (in the UI
 * language, for the built-in labels) that no label before it and no key
 * the schema sets (a label's or a link type's) has taken: so in Italian Citazione (quote) gets c and
 * Affermazione (claim), after Attore, f. Keys are lower case; 0 where a
 * title has no free letter. A schema key is kept even if @reserved holds
 * it: the schema's validator refuses those, and a schema in use is valid.
 *
 * Returns: (transfer full): an array of glossa_schema_get_n_labels() keys
 */
gunichar *
glossa_label_keys_assign (GlossaSchema *schema,
                          const char   *reserved)
{
  guint n = glossa_schema_get_n_labels (schema);
  gunichar *keys = g_new0 (gunichar, MAX (n, 1));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = reserved ? reserved : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      g_array_append_val (taken, c);
    }

  /* The link keys act on the selected span too: no label takes them. */
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      const GlossaSchemaRelation *relation = glossa_schema_get_relation (schema, i);

      if (relation->key != NULL && relation->key[0] != '\0')
        {
          gunichar c = g_unichar_tolower (g_utf8_get_char (relation->key));

          g_array_append_val (taken, c);
        }
    }

  /* Keys the schema sets first, wherever their labels are. */
  for (guint i = 0; i < n; i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);

      if (label->key != NULL && label->key[0] != '\0')
        {
          keys[i] = g_unichar_tolower (g_utf8_get_char (label->key));
          g_array_append_val (taken, keys[i]);
        }
    }

  for (guint i = 0; i < n; i++)
    if (keys[i] == 0)
      {
        keys[i] = first_free_letter (glossa_schema_label_title (glossa_schema_get_label (schema, i)), taken);
        if (keys[i] != 0)
          g_array_append_val (taken, keys[i]);
      }

  return keys;
}
