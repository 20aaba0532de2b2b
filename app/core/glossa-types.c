/* glossa-types.c: names of labels, statuses and origins as stored in files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-types.h"

/* These strings are the file format, never translated: the UI translates
 * its own display names.
 */
static const char * const builtin_label_names[GLOSSA_N_BUILTIN_LABELS] = { "actor", "quote", "claim", "date" };
static const char * const status_names[GLOSSA_N_STATUSES] = { "todo", "in-progress", "done" };
static const char * const origin_names[] = { NULL, "manual", "suggested", "imported" };

gboolean
glossa_lookup_name (const char * const *names,
                    guint               n_names,
                    const char         *str,
                    int                *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && strcmp (names[i], str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

GlossaLabel
glossa_label_builtin (guint index)
{
  static GQuark quarks[GLOSSA_N_BUILTIN_LABELS];

  g_return_val_if_fail (index < GLOSSA_N_BUILTIN_LABELS, 0);

  /* A quark never changes once made, so racing threads store the same
   * value: no lock needed.
   */
  if (G_UNLIKELY (quarks[index] == 0))
    quarks[index] = g_quark_from_static_string (builtin_label_names[index]);
  return quarks[index];
}

const char *
glossa_label_to_string (GlossaLabel label)
{
  g_return_val_if_fail (label != 0, NULL);
  return g_quark_to_string (label);
}

/* A label name is a word of at most GLOSSA_LABEL_MAX_LENGTH bytes: no
 * spaces or control characters, because brat's and CoNLL's files separate
 * fields with them, and no '-' first, because IOB tags start "B-".
 */
gboolean
glossa_label_name_is_valid (const char  *str,
                            GError     **error)
{
  gsize len;

  if (str == NULL || *str == '\0')
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                           _("a label name cannot be empty"));
      return FALSE;
    }
  len = strlen (str);
  if (len > GLOSSA_LABEL_MAX_LENGTH)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("a label name has at most %d bytes, not %llu"),
                   GLOSSA_LABEL_MAX_LENGTH, (unsigned long long) len);
      return FALSE;
    }
  if (!g_utf8_validate (str, len, NULL))
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                           _("a label name must be UTF-8"));
      return FALSE;
    }
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("the label name “%s” has a space or control character"), str);
          return FALSE;
        }
    }
  if (str[0] == '-')
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("the label name “%s” starts with “-”"), str);
      return FALSE;
    }
  return TRUE;
}

/* Any well-formed name is a label here; whether a document may use it is
 * checked against its schema (glossa_schema_check_label()).
 */
gboolean
glossa_label_from_string (const char  *str,
                          GlossaLabel *label)
{
  if (!glossa_label_name_is_valid (str, NULL))
    return FALSE;
  if (label != NULL)
    *label = g_quark_from_string (str);
  return TRUE;
}

/* The order of labels where nothing else decides (spans at the same place):
 * the built-in labels in their order first, then the others by name, so
 * the order never depends on which names a process interned first.
 */
int
glossa_label_compare (GlossaLabel a,
                      GlossaLabel b)
{
  int rank_a = G_N_ELEMENTS (builtin_label_names), rank_b = rank_a;

  if (a == b)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_label_names); i++)
    {
      if (a == glossa_label_builtin (i))
        rank_a = (int) i;
      if (b == glossa_label_builtin (i))
        rank_b = (int) i;
    }
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return strcmp (g_quark_to_string (a), g_quark_to_string (b));
}

void
glossa_label_counts_add (GlossaLabelCounts *counts,
                         GlossaLabel        label,
                         int                delta)
{
  for (guint i = 0; i < counts->n_items; i++)
    if (counts->items[i].label == label)
      {
        g_return_if_fail (delta >= 0 || counts->items[i].count >= (guint) -delta);
        counts->items[i].count += delta;
        return;
      }
  g_return_if_fail (delta >= 0);
  counts->items = g_renew (GlossaLabelCount, counts->items, counts->n_items + 1);
  counts->items[counts->n_items].label = label;
  counts->items[counts->n_items].count = delta;
  counts->n_items++;
}

guint
glossa_label_counts_get (const GlossaLabelCounts *counts,
                         GlossaLabel              label)
{
  for (guint i = 0; i < counts->n_items; i++)
    if (counts->items[i].label == label)
      return counts->items[i].count;
  return 0;
}

void
glossa_label_counts_merge (GlossaLabelCounts       *dest,
                           const GlossaLabelCounts *src)
{
  for (guint i = 0; i < src->n_items; i++)
    glossa_label_counts_add (dest, src->items[i].label, (int) src->items[i].count);
}

void
glossa_label_counts_copy (GlossaLabelCounts       *dest,
                          const GlossaLabelCounts *src)
{
  glossa_label_counts_clear (dest);
  dest->items = g_memdup2 (src->items, src->n_items * sizeof (GlossaLabelCount));
  dest->n_items = src->n_items;
}

void
glossa_label_counts_clear (GlossaLabelCounts *counts)
{
  g_clear_pointer (&counts->items, g_free);
  counts->n_items = 0;
}

const char *
glossa_status_to_string (GlossaStatus status)
{
  g_return_val_if_fail ((guint) status < GLOSSA_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
glossa_status_from_string (const char   *str,
                           GlossaStatus *status)
{
  int value;

  if (!glossa_lookup_name (status_names, GLOSSA_N_STATUSES, str, &value))
    return FALSE;
  if (status != NULL)
    *status = (GlossaStatus) value;
  return TRUE;
}

const char *
glossa_origin_to_string (GlossaOrigin origin)
{
  g_return_val_if_fail ((guint) origin < G_N_ELEMENTS (origin_names), NULL);
  return origin_names[origin];
}

gboolean
glossa_origin_from_string (const char   *str,
                           GlossaOrigin *origin)
{
  int value;

  if (!glossa_lookup_name (origin_names, G_N_ELEMENTS (origin_names), str, &value))
    return FALSE;
  if (origin != NULL)
    *origin = (GlossaOrigin) value;
  return TRUE;
}
