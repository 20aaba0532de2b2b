/* glossa-overview-private.h: the overview's reading with a chosen number of threads, for tests
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "glossa-overview.h"

G_BEGIN_DECLS

/* glossa_overview_compute() with @n_threads reading threads (0: as many
 * as the machine has cores, less one, up to four), so that tests on any
 * machine can check that the threads' figures add up.
 */
GlossaOverview *_glossa_overview_compute_threads (const char    *path,
                                                  const char    *against,
                                                  guint          n_threads,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

G_END_DECLS
