/* glossa-suggest-private.h: what the suggesters' tests and benchmarks may change
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The article length (bytes) from which glossa_suggest_article() runs its
 * suggesters side by side; G_MAXSIZE runs them one after another always.
 * For tests that compare the two; returns the previous length.
 */
gsize _glossa_suggest_set_parallel_min_bytes (gsize bytes);

/* The CPU time, in µs, the threads glossa_suggest_article() starts have
 * taken so far in this process: for benchmarks, with the caller's own.
 */
gint64 _glossa_suggest_get_helper_cpu_time (void);

G_END_DECLS
