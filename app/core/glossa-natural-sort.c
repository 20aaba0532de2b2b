/* glossa-natural-sort.c: ordering names as people expect, "2" before "10"
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-natural-sort.h"

/* Compares the digit runs at *pa and *pb by value and moves both pointers
 * past them. Long runs are compared as strings of digits, so no number is
 * too large. *zeros collects the difference in leading zeros for the final
 * tie-break.
 */
static int
compare_numbers (const char **pa,
                 const char **pb,
                 int         *zeros)
{
  const char *a = *pa, *b = *pb;
  const char *a_end, *b_end;
  gsize a_len, b_len;
  int a_zeros = 0, b_zeros = 0;
  int cmp;

  while (*a == '0' && g_ascii_isdigit (a[1]))
    a++, a_zeros++;
  while (*b == '0' && g_ascii_isdigit (b[1]))
    b++, b_zeros++;

  for (a_end = a; g_ascii_isdigit (*a_end); a_end++)
    ;
  for (b_end = b; g_ascii_isdigit (*b_end); b_end++)
    ;

  a_len = a_end - a;
  b_len = b_end - b;
  *pa = a_end;
  *pb = b_end;

  if (a_len != b_len)
    return a_len < b_len ? -1 : 1;
  cmp = memcmp (a, b, a_len);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;
  if (*zeros == 0)
    *zeros = a_zeros - b_zeros;
  return 0;
}

/* The key of one character: "/" sorts first, then everything else by its
 * lower-case code point. Invalid UTF-8 sorts by its byte.
 */
static gunichar
next_char (const char **p)
{
  const char *s = *p;
  gunichar c;

  if (*s == '/')
    {
      *p = s + 1;
      return 0;
    }

  if ((guchar) *s < 0x80)
    {
      *p = s + 1;
      /* Not g_ascii_tolower(): a function call per character is most of
       * the cost of sorting 100,000 names.
       */
      return *s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s;
    }

  c = g_utf8_get_char_validated (s, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *p = s + 1;
      return (guchar) *s;
    }
  *p = g_utf8_next_char (s);
  return g_unichar_tolower (c);
}

int
glossa_natural_compare (const char *a,
                        const char *b)
{
  const char *pa = a, *pb = b;
  int zeros = 0;
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  while (*pa != '\0' && *pb != '\0')
    {
      gunichar ca, cb;

      if (g_ascii_isdigit (*pa) && g_ascii_isdigit (*pb))
        {
          cmp = compare_numbers (&pa, &pb, &zeros);
          if (cmp != 0)
            return cmp;
          continue;
        }

      ca = next_char (&pa);
      cb = next_char (&pb);
      if (ca != cb)
        return ca < cb ? -1 : 1;
    }

  if (*pa != *pb)
    return *pa == '\0' ? -1 : 1;
  if (zeros != 0)
    return zeros < 0 ? -1 : 1;
  cmp = strcmp (a, b);
  return (cmp > 0) - (cmp < 0);
}
