/* glossa-natural-sort.h: ordering names as people expect, "2" before "10"
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Compares two UTF-8 relative paths in natural order: runs of ASCII digits
 * compare by their numeric value ("2" < "10", "007" = "7"), other
 * characters case-insensitively, and "/" before any other character so that
 * a folder's files stay together. Names that are still equal are ordered by
 * fewer leading zeros first, then byte by byte, so the order is total and
 * the same on every machine.
 */
int glossa_natural_compare (const char *a,
                            const char *b);

G_END_DECLS
