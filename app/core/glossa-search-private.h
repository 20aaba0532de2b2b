/* glossa-search-private.h: what the search's tests look into
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The UTF-8 of every character outside ASCII whose case folding has an
 * ASCII byte: the raw-text prefilter of a case-blind ASCII query lets
 * through the lines that have one.
 */
const char *const *_glossa_search_folds_to_ascii (guint *n);

G_END_DECLS
