/* fuzz-json.c: libFuzzer target for the strict JSON reader and the writer
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "glossa-error.h"
#include "glossa-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *
write_node (JsonNode *node,
            int       indent)
{
  GString *out = g_string_new (NULL);

  glossa_json_write (out, node, indent);
  return g_string_free (out, FALSE);
}

/* Whatever the parser accepts, the writer must turn into text that the
 * parser accepts again and that writes back to the very same text.
 */
static void
check_round_trip (JsonNode *node,
                  int       indent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = write_node (node, indent);
  g_autoptr(JsonNode) again = glossa_json_parse (text, strlen (text), "written", &error);
  g_autofree char *text_again = NULL;

  if (again == NULL)
    g_error ("the writer produced JSON the reader refuses: %s", error->message);
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("the writer produced invalid UTF-8");

  text_again = write_node (again, indent);
  if (strcmp (text, text_again) != 0)
    g_error ("writing is not stable:\n%s\n%s", text, text_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = glossa_json_parse ((const char *) data, size, "fuzz.json", &error);

  if (node == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || error->code != GLOSSA_ERROR_SYNTAX)
        g_error ("a refusal without a syntax error");
      return 0;
    }

  g_assert_null (error);
  check_round_trip (node, 2);
  check_round_trip (node, -1);
  return 0;
}
