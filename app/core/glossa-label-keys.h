/* glossa-label-keys.h: which key tags with which label of a schema
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "glossa-types.h"

G_BEGIN_DECLS

/* The letters the article view already uses without a modifier (n: the
 * span's note); a label never gets one of them by default.
 */
#define GLOSSA_LABEL_KEYS_RESERVED "n"

/* Digits 1–9 tag by position, whatever the keys. */
#define GLOSSA_LABEL_KEYS_MAX_DIGIT 9

gunichar *glossa_label_keys_assign (GlossaSchema *schema,
                                    const char   *reserved);

G_END_DECLS
