/* glossa-json.h: a strict JSON reader and a deterministic JSON writer
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib 1.6 accepts comments, duplicate keys and empty input, and turns
 * integers it cannot hold into -1. Glossa's files must be exact, so they are
 * read with this parser instead: RFC 8259 JSON only, every duplicate key and
 * every integer outside gint64 refused, and errors reported as
 * "NAME:LINE:COLUMN: message" (line and column 1-based, the column counted in
 * characters). The result is an ordinary JsonNode tree whose objects keep
 * their members in file order.
 *
 * @name is used only in messages; it may be NULL.
 */
JsonNode *glossa_json_parse        (const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    GError     **error);

/* Like glossa_json_parse() for each line of a JSON Lines buffer. Blank lines
 * are skipped. @line_no is 1-based and only used in messages, which read
 * "NAME:LINE: message" (and ":COLUMN" where the syntax is wrong).
 */
JsonNode *glossa_json_parse_line   (const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    guint        line_no,
                                    GError     **error);

/* Appends @node to @out as Python's json.dumps(node, indent=@indent,
 * ensure_ascii=False) would: UTF-8 unescaped, members in their order,
 * nested lines indented by @indent spaces a level. @indent < 0 writes one
 * line with ", " and ": " separators (json.dumps(node, ensure_ascii=False)).
 */
void      glossa_json_write        (GString     *out,
                                    JsonNode    *node,
                                    int          indent);
void      glossa_json_write_string (GString     *out,
                                    const char  *str);
void      glossa_json_write_double (GString     *out,
                                    double       value);

G_END_DECLS
