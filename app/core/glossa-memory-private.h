/* glossa-memory-private.h: hints to the kernel about the suggesters' large arrays
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asks for the whole 2 MiB pages inside @data's @size bytes to be backed
 * by huge pages where the system allows it (Linux's transparent huge
 * pages in "madvise" mode); elsewhere, or for less than 4 MiB, nothing.
 */
void _glossa_memory_advise_huge (gpointer data,
                                 gsize    size);

G_END_DECLS
