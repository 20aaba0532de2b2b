/* fuzz-import-ls-config.c: libFuzzer target for Label Studio's labelling config reader
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-color.h"
#include "glossa-error.h"
#include "glossa-import-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

/* Each label name is a quark, and GLib keeps quarks for good, leaking its
 * old table each time the table grows: after some thousands of names
 * LeakSanitizer reports that at exit. GLib has no frame pointers, so only
 * the slow unwinder sees g_quark_from_string on the stack to suppress it.
 */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=8";
}

const char *
__lsan_default_suppressions (void)
{
  /* The first table GLib makes as it loads, the later ones as it grows. */
  return "leak:_dl_init\nleak:g_quark_from_string\n";
}

/* What a schema the window uses must hold: each key one visible
 * character, none of Glossa's own, none twice (whatever the case); each
 * colour "#rrggbb".
 */
static void
check_label (const GlossaSchemaLabel *label,
             GHashTable              *keys)
{
  GlossaColor color;

  if (strlen (label->color) != 7 || !glossa_color_parse (label->color, &color))
    g_error ("the label %s has the colour “%s”", glossa_label_to_string (label->name), label->color);
  if (label->key == NULL)
    return;
  if (g_utf8_strlen (label->key, -1) != 1 || !g_unichar_isgraph (g_utf8_get_char (label->key)) ||
      glossa_schema_key_is_reserved (label->key))
    g_error ("the label %s has the key “%s”", glossa_label_to_string (label->name), label->key);
  if (!g_hash_table_add (keys, g_utf8_casefold (label->key, -1)))
    g_error ("the key “%s” is given twice", label->key);
}

/* Every refusal is one of Glossa's errors naming the file; every config
 * accepted gives a schema of 1 to GLOSSA_SCHEMA_MAX_LABELS labels whose
 * keys and colours the window can use, and warnings that name the file.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSchema) schema = NULL;

  schema = _glossa_import_read_ls_config ((const char *) data, size, "fuzz.xml", warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (warnings, i), "fuzz.xml:"))
      g_error ("a warning not naming the file: %s", (const char *) g_ptr_array_index (warnings, i));
  if (schema == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || !g_str_has_prefix (error->message, "fuzz.xml:"))
        g_error ("a refusal without a message naming the file");
      return 0;
    }
  if (glossa_schema_get_n_labels (schema) == 0 ||
      glossa_schema_get_n_labels (schema) > GLOSSA_SCHEMA_MAX_LABELS)
    g_error ("a config of %u labels was accepted", glossa_schema_get_n_labels (schema));
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    check_label (glossa_schema_get_label (schema, i), keys);
  return 0;
}
