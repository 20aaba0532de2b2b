/* glossa-cli-agree.c: `glossa agree`, two annotators' agreement
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-agreement.h"
#include "glossa-cli-private.h"
#include "glossa-error.h"

static GlossaRecordSource *
open_source (const char  *path,
             GError     **error)
{
  const char *paths[] = { path, NULL };

  return glossa_record_source_open (paths, NULL, error);
}

/* How many annotated documents a side has, with the first id as an
 * example, for the message.
 */
static char *
describe_side (GPtrArray *ids)
{
  if (ids->len == 0)
    return g_strdup (_("none"));
  return g_strdup_printf (ngettext ("%u (“%s”)", "%u (the first is “%s”)", ids->len),
                          ids->len, (const char *) g_ptr_array_index (ids, 0));
}

/* Figures over no document at all would all be null: most likely the two
 * sides name their documents differently, which the user should be told.
 */
static void
print_nothing_shared (GlossaAgreement *agreement,
                      const char      *a,
                      const char      *b)
{
  g_autofree char *side_a = describe_side (agreement->only_in_a);
  g_autofree char *side_b = describe_side (agreement->only_in_b);

  g_printerr (_("%s: %s and %s have no annotated document in common: documents are matched by id, "
                "and A has %s, B has %s\n"),
              g_get_prgname (), a, b, side_a, side_b);
}

int
_glossa_cli_agree (int    argc,
                   char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GlossaRecordSource) a = NULL;
  g_autoptr(GlossaRecordSource) b = NULL;
  g_autoptr(GlossaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("A B"),
                                  _("Compares two annotators' corpora (folders of annotation files or\n"
                                    "JSONL exports) over the same documents, matched by id. B is the\n"
                                    "reference. For each label and overall (micro-averaged):\n"
                                    "  exact    precision = spans of A equal to a span of B (start, end\n"
                                    "           and label) / spans in A; recall = the same / spans in B\n"
                                    "  overlap  precision = spans of A overlapping a span of B with the\n"
                                    "           same label / spans in A; recall = spans of B overlapping\n"
                                    "           one of A / spans in B\n"
                                    "  kappa    Cohen's kappa over the IOB2 tags of the CoNLL tokens\n"
                                    "  links    a link of A matches one of B of the same type whose ends\n"
                                    "           are equal spans (start, end, label): P, R and F1 per\n"
                                    "           link type and overall\n"
                                    "  attributes  of spans equal in A and B where either has a value,\n"
                                    "           the share whose values are equal\n"
                                    "F1 is the harmonic mean of precision and recall. A figure whose\n"
                                    "denominator is zero is null (– in the table).\n\n"
                                    "Exit status: 0 on success, 1 on bad input, 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc != 3)
    {
      g_printerr (_("%s: give two corpora, A and B\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  if (!(a = open_source (argv[1], &error)) ||
      !(b = open_source (argv[2], &error)) ||
      !(agreement = glossa_agreement_compare (a, b, NULL, &error)))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                        : GLOSSA_EXIT_INVALID;
    }

  if (agreement->n_documents == 0)
    {
      print_nothing_shared (agreement, argv[1], argv[2]);
      return GLOSSA_EXIT_INVALID;
    }

  text = json ? glossa_agreement_to_json (agreement) : glossa_agreement_to_table (agreement);
  g_print ("%s", text);
  return GLOSSA_EXIT_OK;
}
