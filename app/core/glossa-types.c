/* glossa-types.c: names of labels, statuses and origins as stored in files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-types.h"

/* These strings are the file format, never translated: the UI translates
 * its own display names.
 */
static const char * const label_names[GLOSSA_N_LABELS] = { "actor", "quote", "claim", "date" };
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

const char *
glossa_label_to_string (GlossaLabel label)
{
  g_return_val_if_fail ((guint) label < GLOSSA_N_LABELS, NULL);
  return label_names[label];
}

gboolean
glossa_label_from_string (const char  *str,
                          GlossaLabel *label)
{
  int value;

  if (!glossa_lookup_name (label_names, GLOSSA_N_LABELS, str, &value))
    return FALSE;
  if (label != NULL)
    *label = (GlossaLabel) value;
  return TRUE;
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
