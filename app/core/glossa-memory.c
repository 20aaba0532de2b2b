/* glossa-memory.c: hints to the kernel about the suggesters' large arrays
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The suggesters fill arrays of tens of megabytes for a long article (its
 * code points, its tokens), freshly mapped each time, so every 4 KiB page
 * costs a page fault when first written: on a virtual machine, 35 MB of
 * them took 135-170 ms of CPU, more than the scan that fills them. With
 * huge pages that is one fault per 2 MiB (18-30 ms for the same 35 MB).
 */

#include "config.h"

#include <glib.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "glossa-memory-private.h"

#define HUGE_PAGE (2 * 1024 * 1024)

void
_glossa_memory_advise_huge (gpointer data,
                            gsize    size)
{
#if defined(G_OS_UNIX) && defined(MADV_HUGEPAGE)
  guintptr start = GPOINTER_TO_SIZE (data), end = start + size;

  if (data == NULL || size < 2 * HUGE_PAGE)
    return;
  start = (start + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
  end &= ~(guintptr) (HUGE_PAGE - 1);
  /* Only a hint: where it is refused, pages are small, as before. */
  if (end > start)
    madvise (GSIZE_TO_POINTER (start), end - start, MADV_HUGEPAGE);
#endif
}
