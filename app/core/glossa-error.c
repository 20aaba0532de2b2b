/* glossa-error.c: the error domain of the core
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-error.h"

G_DEFINE_QUARK (glossa-error-quark, glossa_error)
