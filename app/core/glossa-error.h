/* glossa-error.h: the error domain of the core
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSSA_ERROR (glossa_error_quark ())

typedef enum
{
  GLOSSA_ERROR_FAILED,
  GLOSSA_ERROR_ENCODING,        /* the article is not valid UTF-8 */
  GLOSSA_ERROR_SYNTAX,          /* not JSON, or JSON we refuse (comments, duplicate keys…) */
  GLOSSA_ERROR_INVALID,         /* JSON, but not a valid annotation file */
  GLOSSA_ERROR_UNSUPPORTED,     /* a format or version we do not know */
  GLOSSA_ERROR_ARTICLE_CHANGED, /* the article's hash differs from the recorded one */
  GLOSSA_ERROR_READ_ONLY,       /* the document failed to load and must not be written */
  GLOSSA_ERROR_CONFLICT,        /* the file changed on disk since we read or wrote it */
  GLOSSA_ERROR_USAGE,           /* a command was called the wrong way */
} GlossaError;

GQuark glossa_error_quark (void);

G_END_DECLS
