/* glossa-json-private.h: a pull reader over the strict JSON parser
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Building a JsonNode tree costs a hash table per object and a node per
 * value; a reader that knows the shape it expects can instead walk the
 * input value by value. This reader shares the tokenizer of
 * glossa_json_parse(), so it accepts exactly the same documents and fails
 * with exactly the same messages at the same places, provided the caller
 * walks every value (or reads it whole with _glossa_json_reader_read_node()).
 *
 * Every function returning gboolean returns FALSE after setting the error
 * given to _glossa_json_reader_new(); the reader is then unusable.
 */
typedef struct _GlossaJsonReader GlossaJsonReader;

typedef enum
{
  GLOSSA_JSON_NONE,      /* no value at all, e.g. a member that is missing */
  GLOSSA_JSON_NULL,
  GLOSSA_JSON_OBJECT,
  GLOSSA_JSON_ARRAY,
  GLOSSA_JSON_STRING,
  GLOSSA_JSON_BOOLEAN,
  GLOSSA_JSON_DOUBLE,
  GLOSSA_JSON_INT,
} GlossaJsonKind;

/* A value without its contents where it is a container. @str is only set
 * for strings and @integer for integers (and booleans, as 0 or 1).
 */
typedef struct
{
  GlossaJsonKind  kind;
  const char     *str;
  gint64          integer;
} GlossaJsonValue;

GlossaJsonReader *_glossa_json_reader_new          (const char        *data,
                                                    gsize              len,
                                                    const char        *name,
                                                    GError           **error);
void              _glossa_json_reader_free         (GlossaJsonReader  *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaJsonReader, _glossa_json_reader_free)

/* Fails on empty input, as glossa_json_parse() does. */
gboolean          _glossa_json_reader_start        (GlossaJsonReader  *reader);
/* Fails if anything but whitespace follows the top-level value. */
gboolean          _glossa_json_reader_finish       (GlossaJsonReader  *reader);

/* The kind of the next value, judged by its first character: OBJECT, ARRAY
 * or NONE for anything else (a scalar, or a syntax error still to report).
 */
GlossaJsonKind    _glossa_json_reader_peek         (GlossaJsonReader  *reader);

/* On "{": _glossa_json_reader_next_member() then gives each key in turn,
 * valid until the next call, and NULL after the closing "}". Every member's
 * value must be read before asking for the next key; duplicate keys fail
 * there, after their value, as in glossa_json_parse().
 */
gboolean          _glossa_json_reader_enter_object (GlossaJsonReader  *reader);
gboolean          _glossa_json_reader_next_member  (GlossaJsonReader  *reader,
                                                    const char       **key);
/* On "[": _glossa_json_reader_next_element() sets @more to FALSE after the
 * closing "]".
 */
gboolean          _glossa_json_reader_enter_array  (GlossaJsonReader  *reader);
gboolean          _glossa_json_reader_next_element (GlossaJsonReader  *reader,
                                                    gboolean          *more);

/* Reads the next value, whatever it is; a container is read whole and only
 * its kind kept. A string stays valid until the next call.
 */
gboolean          _glossa_json_reader_read_value   (GlossaJsonReader  *reader,
                                                    GlossaJsonValue   *value);
/* Reads the next value whole, as glossa_json_parse() would. */
JsonNode         *_glossa_json_reader_read_node    (GlossaJsonReader  *reader);

G_END_DECLS
