/* fuzz-validators.c: every parser of typed or imported text.
 *
 * Dates, times, ID numbers, phones and the Vietnamese text functions on
 * arbitrary bytes: no crash, no sanitizer report, and the answers keep
 * their promises (a date that parses formats back to a parseable date, a
 * normalized phone is 10 or 11 digits, a fold is all lower case).
 */
#include "config.h"

#include <string.h>

#include "antt-date.h"
#include "antt-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  GDate date;
  int hour, minute;

  g_date_clear (&date, 1);
  if (antt_date_parse_iso (text, &date))
    {
      g_autofree char *iso = antt_date_format_iso (&date);
      g_autofree char *shown = antt_date_format_display (&date);
      g_autofree char *back = antt_date_display_to_iso (shown);

      g_assert (antt_date_parse_iso (iso, NULL));
      g_assert (g_strcmp0 (back, iso) == 0);
    }

  g_date_clear (&date, 1);
  if (antt_date_parse_display (text, &date))
    {
      g_autofree char *iso = antt_date_format_iso (&date);
      g_assert (antt_date_parse_iso (iso, NULL));
    }

  if (antt_time_parse (text, &hour, &minute))
    g_assert (hour >= 0 && hour < 24 && minute >= 0 && minute < 60);

  if (antt_id_number_is_valid (text))
    g_assert (strlen (text) == 12);

  {
    g_autofree char *phone = antt_phone_normalize (text);
    if (phone != NULL)
      {
        size_t len = strlen (phone);
        g_assert (len == 10 || len == 11);
        g_assert (phone[0] == '0');
      }
  }

  (void) antt_date_days_between (text, "2025-02-15");
  (void) antt_date_age_on (text, "2025-02-15");

  if (g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *normal = antt_text_normalize (text);
      g_autofree char *fold = antt_text_fold (text);
      g_autofree char *key = antt_text_collate_key (text);
      g_autofree char *name_key = antt_text_name_collate_key (text);

      g_assert (normal != NULL && fold != NULL && key != NULL && name_key != NULL);
      g_assert (g_utf8_validate (fold, -1, NULL));
      /* Lower case as far as Unicode has one: U+03D2 is upper with no lower. */
      for (const char *p = fold; *p; p = g_utf8_next_char (p))
        g_assert (g_unichar_tolower (g_utf8_get_char (p)) == g_utf8_get_char (p));
      g_assert (antt_text_matches (fold, fold));
      g_assert (antt_text_collate (text, text) == 0);
    }
  else
    {
      g_autofree char *fold = antt_text_fold (text);
      g_assert (fold == NULL);
    }

  return 0;
}
