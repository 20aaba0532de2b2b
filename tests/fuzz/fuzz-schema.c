/* fuzz-schema.c: libFuzzer target for the glossa-schema.json reader and writer
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-error.h"
#include "glossa-schema.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every refusal is one of Glossa's errors naming the file; every schema
 * accepted writes to bytes that read back to a schema writing the very
 * same bytes.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = glossa_schema_parse ((const char *) data, size, "fuzz.json", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GlossaSchema) again = NULL;

  if (schema == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || !g_str_has_prefix (error->message, "fuzz.json:"))
        g_error ("a refusal without a message naming the file");
      return 0;
    }
  if (glossa_schema_get_n_labels (schema) == 0 ||
      glossa_schema_get_n_labels (schema) > GLOSSA_SCHEMA_MAX_LABELS)
    g_error ("a schema with %u labels was accepted", glossa_schema_get_n_labels (schema));

  bytes = glossa_schema_to_bytes (schema);
  again = glossa_schema_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "written", &error);
  if (again == NULL)
    g_error ("the writer produced a schema the reader refuses: %s", error->message);
  bytes_again = glossa_schema_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    g_error ("writing a schema is not stable");
  return 0;
}
