/* glossa-name-finder.h: one known name found again in an article, as the known-name suggester would
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "glossa-article.h"

G_BEGIN_DECLS

/* Whether @name (trimmed) is a text the known-name suggester keeps: it
 * starts with a letter or digit and is at most GLOSSA_KNOWN_NAME_MAX code
 * points long.
 */
gboolean glossa_name_finder_accepts (const char    *name);

/* Every occurrence of @name (trimmed, letter case as given) in @article,
 * starting and ending on word boundaries as glossa_known_names_find()
 * finds them, none overlapping, appended to @out in text order as
 * GlossaSuggestion of @label with @score (suggester "names"). Finds
 * nothing for a name glossa_name_finder_accepts() refuses. Reads the
 * article's UTF-8 text once, without converting it.
 */
void     glossa_name_finder_find    (GlossaArticle *article,
                                     const char    *name,
                                     const char    *label,
                                     double         score,
                                     GPtrArray     *out);

G_END_DECLS
