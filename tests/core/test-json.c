/* test-json.c: tests of the strict JSON reader and the Python-compatible writer
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "glossa-error.h"
#include "glossa-json.h"
#include "glossa-json-private.h"

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = glossa_json_parse (text, strlen (text), "t.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static char *
write_to_string (JsonNode *node,
                 int       indent)
{
  GString *out = g_string_new (NULL);

  glossa_json_write (out, node, indent);
  return g_string_free (out, FALSE);
}

static void
test_scalars (void)
{
  static const struct {
    const char *text;
    gint64 value;
  } ints[] = {
    { "0", 0 },
    { "-0", 0 },
    { "42", 42 },
    { " -17\n", -17 },
    { "9223372036854775807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
  };
  static const struct {
    const char *text;
    double value;
  } doubles[] = {
    { "1.0", 1.0 },
    { "1e3", 1000.0 },
    { "-2.5E-3", -0.0025 },
    { "0.1", 0.1 },
    { "1e-400", 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      g_autoptr(JsonNode) node = parse_ok (ints[i].text);

      g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (node), ==, ints[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(JsonNode) node = parse_ok (doubles[i].text);

      g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
      g_assert_cmpfloat (json_node_get_double (node), ==, doubles[i].value);
    }

  {
    g_autoptr(JsonNode) t = parse_ok ("true");
    g_autoptr(JsonNode) f = parse_ok ("false");
    g_autoptr(JsonNode) n = parse_ok ("null");

    g_assert_true (json_node_get_boolean (t));
    g_assert_cmpuint (json_node_get_value_type (f), ==, G_TYPE_BOOLEAN);
    g_assert_false (json_node_get_boolean (f));
    g_assert_true (JSON_NODE_HOLDS_NULL (n));
  }
}

static void
test_strings (void)
{
  static const struct {
    const char *text;
    const char *value;
  } strings[] = {
    { "\"\"", "" },
    { "\"plain\"", "plain" },
    { "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\" \\ / \b \f \n \r \t" },
    { "\"\\u00e9\\u00C9\"", "éÉ" },
    { "\"\\u4e2d\\u6587\"", "中文" },
    { "\"\\ud83d\\ude00\"", "😀" },
    { "\"é 中 😀 שלום e\xcc\x81\"", "é 中 😀 שלום e\xcc\x81" },
    { "\"\\u001f\\u007f\"", "\x1f\x7f" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(JsonNode) node = parse_ok (strings[i].text);

      g_assert_cmpstr (json_node_get_string (node), ==, strings[i].value);
    }
}

static void
test_containers (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{\"z\": 1, \"a\": [true, {}, []], \"m\": {\"k\": null}}");
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);
  JsonArray *array;

  /* json-glib 1.6 keeps the members in insertion order, which is file order. */
  g_assert_cmpuint (g_list_length (members), ==, 3);
  g_assert_cmpstr (g_list_nth_data (members, 0), ==, "z");
  g_assert_cmpstr (g_list_nth_data (members, 1), ==, "a");
  g_assert_cmpstr (g_list_nth_data (members, 2), ==, "m");

  array = json_object_get_array_member (object, "a");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpuint (JSON_NODE_TYPE (json_array_get_element (array, 1)), ==, JSON_NODE_OBJECT);
  g_assert_cmpuint (JSON_NODE_TYPE (json_array_get_element (array, 2)), ==, JSON_NODE_ARRAY);
  g_assert_true (json_node_get_parent (json_array_get_element (array, 0)) ==
                 json_object_get_member (object, "a"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "m"), "k"));
}

static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse_ok ("\xef\xbb\xbf{\"a\": 1}");
  JsonNode *bad;

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "a"), ==, 1);

  /* The BOM is not a character of the first line. */
  bad = glossa_json_parse ("\xef\xbb\xbf{x", 5, "t.json", &error);
  g_assert_null (bad);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.json:1:2: expected a key in double quotes, found “x”");
}

typedef struct
{
  const char *group;    /* the test path is /core/json/refuse/GROUP */
  const char *input;
  gssize      len;      /* -1: strlen (input) */
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  /* Empty input */
  { "empty", "", -1, "t.json:1:1: the input is empty, expected a JSON value" },
  { "empty", " \n\t\r\n  ", -1, "t.json:3:3: the input is empty, expected a JSON value" },
  { "empty", "\xef\xbb\xbf", -1, "t.json:1:1: the input is empty, expected a JSON value" },

  /* Comments */
  { "comment", "// note\n{}", -1, "t.json:1:1: comments are not allowed in JSON" },
  { "comment", "{\"a\": 1 /* x */}", -1, "t.json:1:9: comments are not allowed in JSON" },
  { "comment", "[1,\n  # x\n 2]", -1, "t.json:2:3: unexpected “#”, expected a value" },
  { "comment", "{}\n// end", -1, "t.json:2:1: comments are not allowed in JSON" },

  /* Trailing commas */
  { "trailing-comma", "[1, 2,]", -1, "t.json:1:6: trailing comma before “]”" },
  { "trailing-comma", "{\"a\": 1,\n}", -1, "t.json:1:8: trailing comma before “}”" },
  { "trailing-comma", "[,]", -1, "t.json:1:2: unexpected “,”, expected a value" },
  { "trailing-comma", "{,}", -1, "t.json:1:2: expected a key in double quotes, found “,”" },

  /* Duplicate keys */
  { "duplicate-key", "{\"id\": 1, \"id\": 2}", -1, "t.json:1:11: duplicate key “id” in object" },
  { "duplicate-key", "{\n  \"a\": {\"x\": 1},\n  \"b\": {\"x\": 1, \"é\": 2, \"\\u00e9\": 3}\n}", -1,
    "t.json:3:25: duplicate key “é” in object" },

  /* Integers json-glib would turn into -1 */
  { "integer-range", "123456789012345678901234567890", -1,
    "t.json:1:1: integer 123456789012345678901234567890 is too large" },
  { "integer-range", "[9223372036854775808]", -1, "t.json:1:2: integer 9223372036854775808 is too large" },
  { "integer-range", "[-9223372036854775809]", -1, "t.json:1:2: integer -9223372036854775809 is too small" },
  { "integer-range", "1234567890123456789012345678901234567890123456789", -1,
    "t.json:1:1: integer 1234567890123456789012345678901234567890… is too large" },
  { "integer-range", "[1e400]", -1, "t.json:1:2: number 1e400 is too large" },

  /* Number syntax */
  { "number-syntax", "[01]", -1, "t.json:1:2: leading zeros are not allowed in numbers" },
  { "number-syntax", "-007", -1, "t.json:1:2: leading zeros are not allowed in numbers" },
  { "number-syntax", "[1.]", -1, "t.json:1:4: expected a digit after the decimal point" },
  { "number-syntax", "[.5]", -1, "t.json:1:2: unexpected “.”, expected a value" },
  { "number-syntax", "[1e+]", -1, "t.json:1:5: expected a digit in the exponent" },
  { "number-syntax", "[-]", -1, "t.json:1:3: expected a digit after “-”" },
  { "number-syntax", "[+1]", -1, "t.json:1:2: unexpected “+”, expected a value" },
  { "number-syntax", "[NaN]", -1, "t.json:1:2: NaN is not allowed in JSON" },
  { "number-syntax", "{\"a\": Infinity}", -1, "t.json:1:7: Infinity is not allowed in JSON" },
  { "number-syntax", "[-Infinity]", -1, "t.json:1:2: -Infinity is not allowed in JSON" },

  /* Words */
  { "word", "[True]", -1, "t.json:1:2: unexpected “True”, expected a value" },
  { "word", "nul", -1, "t.json:1:1: unexpected “nul”, expected a value" },
  { "word", "[truex]", -1, "t.json:1:2: unexpected “truex”, expected a value" },

  /* Quotes */
  { "single-quote", "{'a': 1}", -1, "t.json:1:2: strings must be in double quotes, not single quotes" },
  { "single-quote", "['a']", -1, "t.json:1:2: strings must be in double quotes, not single quotes" },
  { "single-quote", "{a: 1}", -1, "t.json:1:2: expected a key in double quotes, found “a”" },

  /* Control characters in strings */
  { "control-character", "[\"a\nb\"]", -1, "t.json:1:4: control character U+000A must be escaped in strings" },
  { "control-character", "\"tab\there\"", -1, "t.json:1:5: control character U+0009 must be escaped in strings" },
  { "control-character", "\"nul\0\"", 6, "t.json:1:5: control character U+0000 must be escaped in strings" },

  /* Escapes */
  { "escape", "\"\\x\"", -1, "t.json:1:2: invalid escape: backslash followed by “x”" },
  { "escape", "\"\\'\"", -1, "t.json:1:2: invalid escape: backslash followed by “'”" },
  { "escape", "\"ab\\u12G4\"", -1, "t.json:1:4: “\\u” must be followed by four hexadecimal digits" },
  { "escape", "\"\\u12\"", -1, "t.json:1:2: “\\u” must be followed by four hexadecimal digits" },
  { "escape", "\"\\u0000\"", -1, "t.json:1:2: “\\u0000” (the NUL character) is not supported in strings" },

  /* Surrogates */
  { "surrogate", "\"\\ud800\"", -1, "t.json:1:2: unpaired surrogate “\\ud800” in string" },
  { "surrogate", "\"x\\uDBFFy\"", -1, "t.json:1:3: unpaired surrogate “\\uDBFF” in string" },
  { "surrogate", "\"\\udc00\\ud800\"", -1, "t.json:1:2: unpaired surrogate “\\udc00” in string" },
  { "surrogate", "\"\\ud800\\u0041\"", -1, "t.json:1:2: unpaired surrogate “\\ud800” in string" },
  { "surrogate", "\"\\ud83d\\ud83d\"", -1, "t.json:1:2: unpaired surrogate “\\ud83d” in string" },

  /* Invalid UTF-8, with the byte offset in the file */
  { "invalid-utf8", "[\"ok\", \"\xff\"]", -1, "t.json:1:9: invalid UTF-8 at byte 8" },
  { "invalid-utf8", "\"é\xc3\"", -1, "t.json:1:3: invalid UTF-8 at byte 3" },
  { "invalid-utf8", "\"\xc0\xaf\"", -1, "t.json:1:2: invalid UTF-8 at byte 1" },
  { "invalid-utf8", "\"\xed\xa0\x80\"", -1, "t.json:1:2: invalid UTF-8 at byte 1" },
  { "invalid-utf8", "\"\xf4\x90\x80\x80\"", -1, "t.json:1:2: invalid UTF-8 at byte 1" },
  { "invalid-utf8", "\"\xe0\x80\xaf\"", -1, "t.json:1:2: invalid UTF-8 at byte 1" },
  { "invalid-utf8", "\xef\xbb\xbf[1, \xfe]", -1, "t.json:1:5: invalid UTF-8 at byte 7" },
  { "invalid-utf8", "[1]\x80", -1, "t.json:1:4: invalid UTF-8 at byte 3" },

  /* Columns count characters, not bytes; lines count LF (CRLF too) */
  { "position", "{\"é中😀\": 1 2}", -1, "t.json:1:11: expected “,” or “}”, found “2”" },
  { "position", "{\r\n  \"a\": 1,\r\n  \"a\": 2\r\n}", -1, "t.json:3:3: duplicate key “a” in object" },
  { "position", "[\"😀😀\", ×]", -1, "t.json:1:8: unexpected “×”, expected a value" },

  /* Trailing garbage */
  { "trailing-garbage", "{} {}", -1, "t.json:1:4: unexpected “{” after the end of the JSON value" },
  { "trailing-garbage", "1 2", -1, "t.json:1:3: unexpected “2” after the end of the JSON value" },
  { "trailing-garbage", "[1]]", -1, "t.json:1:4: unexpected “]” after the end of the JSON value" },
  { "trailing-garbage", "null\x01", -1, "t.json:1:5: unexpected character U+0001 after the end of the JSON value" },

  /* Truncated input */
  { "truncated", "{", -1, "t.json:1:2: unexpected end of input, expected “}”" },
  { "truncated", "{\"a\": 1", -1, "t.json:1:8: unexpected end of input, expected “}”" },
  { "truncated", "{\"a\": 1,", -1, "t.json:1:9: unexpected end of input, expected a key" },
  { "truncated", "{\"a\"", -1, "t.json:1:5: unexpected end of input, expected “:”" },
  { "truncated", "{\"a\":", -1, "t.json:1:6: unexpected end of input, expected a value" },
  { "truncated", "[", -1, "t.json:1:2: unexpected end of input, expected “]”" },
  { "truncated", "[1,\n", -1, "t.json:2:1: unexpected end of input, expected a value" },
  { "truncated", "[1 2]", -1, "t.json:1:4: expected “,” or “]”, found “2”" },
  { "truncated", "{\"a\" 1}", -1, "t.json:1:6: expected “:” after the key, found “1”" },
  { "truncated", "{\"a\": 1 \"b\": 2}", -1, "t.json:1:9: expected “,” or “}”, found “\"”" },
  { "truncated", "\"abc", -1, "t.json:1:1: unterminated string" },
  { "truncated", "[\"abc\\", -1, "t.json:1:7: unexpected end of input in a string" },
  { "truncated", "]", -1, "t.json:1:1: unexpected “]”, expected a value" },
};

static void
test_refusals (gconstpointer data)
{
  const char *group = data;
  guint n_tested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      gsize len = r->len < 0 ? strlen (r->input) : (gsize) r->len;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = NULL;
      JsonNode *node;

      if (strcmp (r->group, group) != 0)
        continue;

      escaped = g_strescape (r->input, NULL);
      g_test_message ("input: %s", escaped);
      n_tested++;
      node = glossa_json_parse (r->input, len, "t.json", &error);
      g_assert_null (node);
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, r->message);
    }

  g_assert_cmpuint (n_tested, >, 0);
}

static void
test_no_name (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (glossa_json_parse ("[1,]", 4, NULL, &error));
  g_assert_cmpstr (error->message, ==, "1:3: trailing comma before “]”");
}

static void
test_parse_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *line = "{\"a\": 1, \"a\": 2}\n";

  node = glossa_json_parse_line ("{\"id\": 3}\r\n", 11, "c.jsonl", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "id"), ==, 3);

  g_assert_null (glossa_json_parse_line (line, strlen (line), "c.jsonl", 12, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "c.jsonl:12:10: duplicate key “a” in object");
  g_clear_error (&error);

  g_assert_null (glossa_json_parse_line ("{} x", 4, "c.jsonl", 3, &error));
  g_assert_cmpstr (error->message, ==, "c.jsonl:3:4: unexpected “x” after the end of the JSON value");
  g_clear_error (&error);

  /* Callers skip blank lines; one that gets here is an error, not a null. */
  g_assert_null (glossa_json_parse_line ("  \r", 3, "c.jsonl", 5, &error));
  g_assert_cmpstr (error->message, ==, "c.jsonl:5:4: the line is empty, expected a JSON value");
}

static char *
nested (const char *open,
        const char *inner,
        const char *close,
        guint       depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *ok_arrays = nested ("[", "1", "]", 512);
  g_autofree char *ok_objects = nested ("{\"k\":", "1", "}", 512);
  g_autofree char *deep_arrays = nested ("[", "1", "]", 513);
  g_autofree char *deep_objects = nested ("{\"k\":", "1", "}", 513);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) o = NULL;
  g_autofree char *hostile = NULL;

  a = parse_ok (ok_arrays);
  o = parse_ok (ok_objects);

  g_assert_null (glossa_json_parse (deep_arrays, strlen (deep_arrays), "t.json", &error));
  g_assert_cmpstr (error->message, ==, "t.json:1:513: nesting is deeper than 512 levels");
  g_clear_error (&error);

  g_assert_null (glossa_json_parse (deep_objects, strlen (deep_objects), "t.json", &error));
  g_assert_cmpstr (error->message, ==, "t.json:1:2561: nesting is deeper than 512 levels");
  g_clear_error (&error);

  /* A million brackets must fail cleanly, not overflow the stack. */
  hostile = g_malloc (1000000);
  memset (hostile, '[', 1000000);
  g_assert_null (glossa_json_parse (hostile, 1000000, "t.json", &error));
  g_assert_cmpstr (error->message, ==, "t.json:1:513: nesting is deeper than 512 levels");
}

static void
test_write_layout (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null,\"f\":true}}");
  g_autofree char *pretty = write_to_string (node, 2);
  g_autofree char *compact = write_to_string (node, -1);
  g_autofree char *zero = write_to_string (node, 0);

  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"a\": [\n"
                   "    1,\n"
                   "    {\n"
                   "      \"b\": []\n"
                   "    },\n"
                   "    {}\n"
                   "  ],\n"
                   "  \"c\": \"x\",\n"
                   "  \"d\": {\n"
                   "    \"e\": null,\n"
                   "    \"f\": true\n"
                   "  }\n"
                   "}");
  g_assert_cmpstr (compact, ==,
                   "{\"a\": [1, {\"b\": []}, {}], \"c\": \"x\", \"d\": {\"e\": null, \"f\": true}}");
  g_assert_cmpstr (zero, ==,
                   "{\n\"a\": [\n1,\n{\n\"b\": []\n},\n{}\n],\n\"c\": \"x\",\n\"d\": {\n\"e\": null,\n\"f\": true\n}\n}");
}

static void
test_write_string (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  glossa_json_write_string (out, "q\" b\\ / \b\f\n\r\t \x01\x1f\x7f é 😀");
  g_assert_cmpstr (out->str, ==, "\"q\\\" b\\\\ / \\b\\f\\n\\r\\t \\u0001\\u001f\x7f é 😀\"");
}

static void
test_write_double (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.1, "0.1" },
    { 1.0, "1.0" },
    { -0.0, "-0.0" },
    { 0.0, "0.0" },
    { 1e16, "1e+16" },
    { 1e15, "1000000000000000.0" },
    { 1.5e-7, "1.5e-07" },
    { 1e-5, "1e-05" },
    { 0.0001, "0.0001" },
    { 123456789012345.67, "123456789012345.67" },
    { 5e-324, "5e-324" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 9007199254740992.0, "9007199254740992.0" },
    { 1e22, "1e+22" },
    { 1e23, "1e+23" },
    { 2.0 / 3.0, "0.6666666666666666" },
    { 100.0, "100.0" },
    { -2.5e-300, "-2.5e-300" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      glossa_json_write_double (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);

    glossa_json_write_double (out, NAN);
    g_string_append_c (out, ' ');
    glossa_json_write_double (out, INFINITY);
    g_string_append_c (out, ' ');
    glossa_json_write_double (out, -INFINITY);
    g_assert_cmpstr (out->str, ==, "NaN Infinity -Infinity");
  }
}

static void
test_roundtrip (void)
{
  static const char *documents[] = {
    "{\n"
    "  \"format\": \"glossa-annotations\",\n"
    "  \"version\": 1,\n"
    "  \"document\": {\n"
    "    \"id\": \"x\",\n"
    "    \"date\": null\n"
    "  },\n"
    "  \"labels\": [\n"
    "    \"actor\",\n"
    "    \"quote\"\n"
    "  ],\n"
    "  \"spans\": [],\n"
    "  \"extra\": {\n"
    "    \"score\": 0.25,\n"
    "    \"big\": -9223372036854775808,\n"
    "    \"text\": \"«Да» 😀\\n\\u0002\",\n"
    "    \"ok\": false\n"
    "  }\n"
    "}",
    "[]",
    "{}",
    "\"\"",
    "[[[[]]], {\"\": {}}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const char *doc = documents[i];
      g_autoptr(JsonNode) node = parse_ok (doc);
      g_autofree char *pretty = write_to_string (node, 2);
      g_autofree char *compact = write_to_string (node, -1);
      g_autoptr(JsonNode) again = parse_ok (compact);

      if (i != G_N_ELEMENTS (documents) - 1)
        g_assert_cmpstr (pretty, ==, doc);
      g_assert_true (json_node_equal (node, again));
    }
}

/* Values whose dumping is easy to get subtly wrong. */
static const char tricky_json[] =
  "{\n"
  "  \"ascii\": \"plain text\",\n"
  "  \"unicode\": [\"é\", \"中文\", \"😀👍🏽🇮🇹\", \"שלום עולם\", \"e\\u0301\", \"\\u2028\\u2029\", \"\\ufeff\"],\n"
  "  \"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0001 \\u001f \\u007f \\u0080\",\n"
  "  \"ints\": [0, -0, 1, -1, 9223372036854775807, -9223372036854775808, 1000000],\n"
  "  \"floats\": [0.1, 0.2, 0.3, 1.0, -0.0, 1e16, 1e15, 1.5e-7, 1e-5, 0.0001, 100.0, 1E22, 1e23,\n"
  "             123456789012345.67, 5e-324, 1.7976931348623157e308, 2.5e-300, 3.14159,\n"
  "             6.02214076e23, 1e-7, 0.000123, 12345678.9, 9007199254740993.0],\n"
  "  \"nesting\": {\"a\": [[], {}, [[1, [2, {\"b\": [true, false, null]}]]]], \"\": \"\"},\n"
  "  \"keys\": {\"ключ\": 1, \"k\\ney\": 2, \"\\\"\": 3, \"😀\": 4},\n"
  "  \"empty\": [{}, [], \"\"]\n"
  "}";

static const char python_dump[] =
  "import json, sys\n"
  "obj = json.loads(sys.stdin.buffer.read().decode('utf-8'))\n"
  "out = json.dumps(obj, indent=2, ensure_ascii=False) + '\\0' + json.dumps(obj, ensure_ascii=False)\n"
  "sys.stdout.buffer.write(out.encode('utf-8'))\n";

/* Appends doubles that stress the shortest round-trip formatting: every
 * power of two (where the rounding interval is lopsided) and random bit
 * patterns, each written with 17 significant digits.
 */
static void
append_stress_doubles (GString *json)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  g_string_append (json, "[");
  for (int e = -1074; e <= 1023; e++)
    g_string_append_printf (json, "%.17g, ", ldexp (1.0, e));

  for (guint i = 0; i < 5000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;
      g_string_append_printf (json, "%.17g, ", value);
      g_string_append_printf (json, "%.17g, ", g_rand_double_range (rand, -1e6, 1e6));
    }
  g_string_append (json, "0.5]");
}

static void
compare_with_python (const char *json)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse_ok (json);
  g_autofree char *pretty = write_to_string (node, 2);
  g_autofree char *compact = write_to_string (node, -1);
  const char *expected;
  gsize len;

  /* python3 is required by the build (tests/meson.build): no skipping. */
  g_assert_nonnull (python);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                              &error, python, "-c", python_dump, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  expected = g_bytes_get_data (output, &len);
  g_assert_cmpuint (len, >, 0);
  g_assert_cmpuint (strlen (expected), <, len);
  g_assert_cmpstr (pretty, ==, expected);
  g_assert_cmpstr (compact, ==, expected + strlen (expected) + 1);
}

static void
test_python_tricky (void)
{
  compare_with_python (tricky_json);
}

static void
test_python_doubles (void)
{
  g_autoptr(GString) json = g_string_new (NULL);

  append_stress_doubles (json);
  compare_with_python (json->str);
}

/* Walks the value at @reader with the pull reader: containers member by
 * member, scalars with read_value(), or, with @nodes, every value inside a
 * container whole with read_node().
 */
static gboolean
walk (GlossaJsonReader *reader,
      gboolean          nodes)
{
  GlossaJsonKind kind = _glossa_json_reader_peek (reader);
  GlossaJsonValue value;

  if (kind == GLOSSA_JSON_OBJECT)
    {
      const char *key;

      if (!_glossa_json_reader_enter_object (reader))
        return FALSE;
      for (;;)
        {
          if (!_glossa_json_reader_next_member (reader, &key))
            return FALSE;
          if (key == NULL)
            return TRUE;
          if (nodes)
            {
              g_autoptr(JsonNode) node = _glossa_json_reader_read_node (reader);

              if (node == NULL)
                return FALSE;
            }
          else if (!walk (reader, nodes))
            {
              return FALSE;
            }
        }
    }

  if (kind == GLOSSA_JSON_ARRAY)
    {
      gboolean more;

      if (!_glossa_json_reader_enter_array (reader))
        return FALSE;
      for (;;)
        {
          if (!_glossa_json_reader_next_element (reader, &more))
            return FALSE;
          if (!more)
            return TRUE;
          if (!walk (reader, nodes))
            return FALSE;
        }
    }

  return _glossa_json_reader_read_value (reader, &value);
}

/* Returns the message of the pull reader's first error, or NULL. */
static char *
pull_error (const char *input,
            gsize       len,
            gboolean    nodes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaJsonReader) reader = _glossa_json_reader_new (input, len, "t.json", &error);

  if (_glossa_json_reader_start (reader) && walk (reader, nodes) &&
      _glossa_json_reader_finish (reader))
    {
      g_assert_no_error (error);
      return NULL;
    }
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX);
  return g_strdup (error->message);
}

/* The pull reader refuses what glossa_json_parse() refuses, with the same
 * message, and accepts the rest.
 */
static void
test_reader_agrees (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      gsize len = r->len < 0 ? strlen (r->input) : (gsize) r->len;

      for (int nodes = 0; nodes <= 1; nodes++)
        {
          g_autofree char *message = pull_error (r->input, len, nodes);

          g_assert_cmpstr (message, ==, r->message);
        }
    }

  for (int nodes = 0; nodes <= 1; nodes++)
    {
      g_autofree char *message = pull_error (tricky_json, strlen (tricky_json), nodes);

      g_assert_null (message);
    }

  /* Nesting too deep, whether the reader or the tree parser meets it. */
  for (int nodes = 0; nodes <= 1; nodes++)
    {
      g_autofree char *deep = g_strnfill (600, '[');
      g_autofree char *message = pull_error (deep, strlen (deep), nodes);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = glossa_json_parse (deep, strlen (deep), "t.json", &error);

      g_assert_null (node);
      g_assert_cmpstr (message, ==, error->message);
    }
}

/* Objects with many members find duplicates through a hash table. */
static void
test_reader_big_object (void)
{
  g_autoptr(GString) json = g_string_new ("{\"a\": {");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json, "\"k%u\": %u, ", i, i);
  g_string_append (json, "\"k0\": {}}}");

  node = glossa_json_parse (json->str, json->len, "t.json", &error);
  g_assert_null (node);
  message = pull_error (json->str, json->len, FALSE);
  g_assert_cmpstr (message, ==, error->message);

  /* Without the duplicate, and the same keys again in a sibling object. */
  g_string_truncate (json, json->len - strlen ("\"k0\": {}}}"));
  g_string_append (json, "\"k100\": 0}, \"b\": {\"k0\": 1, \"k1\": 2}}");
  g_clear_pointer (&message, g_free);
  message = pull_error (json->str, json->len, FALSE);
  g_assert_null (message);
}

/* Long strings are read eight bytes at a time: a quote, an escape, a
 * control character or UTF-8 is found at any of the eight places.
 */
static void
test_string_every_offset (void)
{
  for (guint at = 0; at < 20; at++)
    {
      g_autofree char *before = g_strnfill (at, 'a');
      g_autofree char *after = g_strnfill (19 - at, 'b');
      g_autofree char *escaped = g_strdup_printf ("\"%s\\n%s\"", before, after);
      g_autofree char *utf8 = g_strdup_printf ("\"%s\xC3\xA9%s\"", before, after);
      g_autofree char *control = g_strdup_printf ("\"%s\t%s\"", before, after);
      g_autofree char *bad = g_strdup_printf ("\"%s\xC3%s\"", before, after);
      g_autofree char *expected = g_strdup_printf ("%s\n%s", before, after);
      g_autofree char *expected_utf8 = g_strdup_printf ("%s\xC3\xA9%s", before, after);
      g_autofree char *column = g_strdup_printf ("t.json:1:%u:", at + 2);
      g_autoptr(JsonNode) node = parse_ok (escaped);
      g_autoptr(JsonNode) text = parse_ok (utf8);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) refused = glossa_json_parse (control, strlen (control), "t.json", &error);

      g_assert_cmpstr (json_node_get_string (node), ==, expected);
      g_assert_cmpstr (json_node_get_string (text), ==, expected_utf8);
      g_assert_null (refused);
      g_assert_true (g_str_has_prefix (error->message, column) ||
                     (g_test_message ("%s", error->message), FALSE));
      g_clear_error (&error);
      g_assert_null (glossa_json_parse (bad, strlen (bad), "t.json", &error));
      g_assert_true (g_str_has_prefix (error->message, column) && strstr (error->message, "invalid UTF-8"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/scalars", test_scalars);
  g_test_add_func ("/core/json/strings", test_strings);
  g_test_add_func ("/core/json/string-every-offset", test_string_every_offset);
  g_test_add_func ("/core/json/containers", test_containers);
  g_test_add_func ("/core/json/bom", test_bom);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strconcat ("/core/json/refuse/", refusals[i].group, NULL);

      /* The table is grouped: one test per run of entries. */
      if (i == 0 || strcmp (refusals[i].group, refusals[i - 1].group) != 0)
        g_test_add_data_func (path, refusals[i].group, test_refusals);
    }
  g_test_add_func ("/core/json/no-name", test_no_name);
  g_test_add_func ("/core/json/reader/agrees", test_reader_agrees);
  g_test_add_func ("/core/json/reader/big-object", test_reader_big_object);
  g_test_add_func ("/core/json/parse-line", test_parse_line);
  g_test_add_func ("/core/json/depth", test_depth);
  g_test_add_func ("/core/json/write-layout", test_write_layout);
  g_test_add_func ("/core/json/write-string", test_write_string);
  g_test_add_func ("/core/json/write-double", test_write_double);
  g_test_add_func ("/core/json/roundtrip", test_roundtrip);
  g_test_add_func ("/core/json/python-tricky", test_python_tricky);
  g_test_add_func ("/core/json/python-doubles", test_python_doubles);

  return g_test_run ();
}
