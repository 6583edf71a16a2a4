/* antt-date.c: dates and the small validators of input from outside.
 *
 * Parsers of what the database holds (ISO dates, ID numbers) are strict;
 * parsers of what people type (dd/mm/yyyy, times, phones) forgive the
 * spellings in common use, and the white space around them.
 */

#include "config.h"

#include <string.h>

#include "antt-date.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char *text,
             guint       n_digits,
             guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;

  return TRUE;
}

/* Reads one or two ASCII digits, not followed by a third; advances @text. */
static gboolean
read_short_number (const char **text,
                   guint       *value)
{
  const char *p = *text;

  if (!g_ascii_isdigit (p[0]))
    return FALSE;

  if (g_ascii_isdigit (p[1]))
    {
      if (g_ascii_isdigit (p[2]))
        return FALSE;
      *value = (p[0] - '0') * 10 + (p[1] - '0');
      *text = p + 2;
    }
  else
    {
      *value = p[0] - '0';
      *text = p + 1;
    }

  return TRUE;
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;

  return p;
}

static gboolean
set_date (guint  year,
          guint  month,
          guint  day,
          GDate *out)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
    }

  return TRUE;
}

/**
 * antt_date_parse_iso:
 * @text: (nullable): a date as the database holds it, "YYYY-MM-DD"
 * @out: (out) (optional): where to store the date
 *
 * Accepts exactly "YYYY-MM-DD", a real date from 1900 to 2200.
 *
 * Returns: %TRUE if @text is such a date; @out is left alone otherwise
 */
gboolean
antt_date_parse_iso (const char *text,
                     GDate      *out)
{
  guint year, month, day;

  if (text == NULL
      || !read_digits (text, 4, &year)
      || text[4] != '-'
      || !read_digits (text + 5, 2, &month)
      || text[7] != '-'
      || !read_digits (text + 8, 2, &day)
      || text[10] != '\0')
    return FALSE;

  return set_date (year, month, day, out);
}

/**
 * antt_date_parse_display:
 * @text: (nullable): a date as people type it
 * @out: (out) (optional): where to store the date
 *
 * Accepts "d/m/yyyy" and "dd/mm/yyyy", also with "-" or "." as separator
 * (the same twice), a real date from 1900 to 2200.
 *
 * Returns: %TRUE if @text is such a date; @out is left alone otherwise
 */
gboolean
antt_date_parse_display (const char *text,
                         GDate      *out)
{
  const char *p;
  guint year, month, day;
  char separator;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);

  if (!read_short_number (&p, &day))
    return FALSE;

  separator = *p;
  if (separator != '/' && separator != '-' && separator != '.')
    return FALSE;
  p++;

  if (!read_short_number (&p, &month) || *p != separator)
    return FALSE;
  p++;

  if (!read_digits (p, 4, &year))
    return FALSE;

  if (*skip_spaces (p + 4) != '\0')
    return FALSE;

  return set_date (year, month, day, out);
}

/**
 * antt_date_format_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char *
antt_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * antt_date_format_display:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as "dd/mm/yyyy"
 */
char *
antt_date_format_display (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/**
 * antt_date_iso_to_display:
 * @iso: (nullable): "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): "dd/mm/yyyy", or %NULL if @iso is
 *   not a valid date
 */
char *
antt_date_iso_to_display (const char *iso)
{
  GDate date;

  if (!antt_date_parse_iso (iso, &date))
    return NULL;

  return antt_date_format_display (&date);
}

/**
 * antt_date_display_to_iso:
 * @display: (nullable): a date as people type it, see
 *   antt_date_parse_display()
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL if @display
 *   is not a valid date
 */
char *
antt_date_display_to_iso (const char *display)
{
  GDate date;

  if (!antt_date_parse_display (display, &date))
    return NULL;

  return antt_date_format_iso (&date);
}

/**
 * antt_date_today_iso:
 *
 * Returns: (transfer full): today in local time, "YYYY-MM-DD"
 */
char *
antt_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * antt_date_days_between:
 * @from_iso: (nullable): "YYYY-MM-DD"
 * @to_iso: (nullable): "YYYY-MM-DD"
 *
 * Returns: the number of days from @from_iso to @to_iso, negative when
 *   @to_iso comes first; %G_MININT if either is not a valid date
 */
int
antt_date_days_between (const char *from_iso,
                        const char *to_iso)
{
  GDate from, to;

  if (!antt_date_parse_iso (from_iso, &from)
      || !antt_date_parse_iso (to_iso, &to))
    return G_MININT;

  return g_date_days_between (&from, &to);
}

/**
 * antt_date_age_on:
 * @birth_iso: (nullable): date of birth, "YYYY-MM-DD"
 * @on_iso: (nullable): the day the age is wanted for, "YYYY-MM-DD"
 *
 * Counts full years. Someone born on 29 February turns a year older on
 * 1 March in common years.
 *
 * Returns: the age in full years, or -1 if either date is invalid or
 *   @on_iso comes before @birth_iso
 */
int
antt_date_age_on (const char *birth_iso,
                  const char *on_iso)
{
  GDate birth, on;
  int age;

  if (!antt_date_parse_iso (birth_iso, &birth)
      || !antt_date_parse_iso (on_iso, &on)
      || g_date_compare (&on, &birth) < 0)
    return -1;

  age = g_date_get_year (&on) - g_date_get_year (&birth);

  if (g_date_get_month (&on) < g_date_get_month (&birth)
      || (g_date_get_month (&on) == g_date_get_month (&birth)
          && g_date_get_day (&on) < g_date_get_day (&birth)))
    age--;

  return age;
}

/**
 * antt_time_parse:
 * @text: (nullable): a time of day as people type it
 * @hour: (out) (optional): the hour, 0 to 23
 * @minute: (out) (optional): the minute, 0 to 59
 *
 * Accepts "HH:MM" and "H:MM" on 24 hours, and the Vietnamese "7h30",
 * "07h30", "7h" (seven o'clock).
 *
 * Returns: %TRUE if @text is such a time; @hour and @minute are left alone
 *   otherwise
 */
gboolean
antt_time_parse (const char *text,
                 int        *hour,
                 int        *minute)
{
  const char *p;
  guint h, m = 0;
  char separator;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);

  if (!read_short_number (&p, &h))
    return FALSE;

  separator = *p++;

  if (separator == ':')
    {
      if (!read_digits (p, 2, &m))
        return FALSE;
      p += 2;
    }
  else if (separator == 'h' || separator == 'H')
    {
      if (g_ascii_isdigit (*p))
        {
          if (!read_digits (p, 2, &m))
            return FALSE;
          p += 2;
        }
    }
  else
    return FALSE;

  if (*skip_spaces (p) != '\0' || h > 23 || m > 59)
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;

  return TRUE;
}

/**
 * antt_id_number_is_valid:
 * @text: (nullable): an ID number (CCCD), white space already removed
 *
 * Returns: %TRUE if @text is exactly 12 ASCII digits
 */
gboolean
antt_id_number_is_valid (const char *text)
{
  guint i;

  if (text == NULL)
    return FALSE;

  for (i = 0; i < 12; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return text[i] == '\0';
}

/**
 * antt_phone_normalize:
 * @text: (nullable): a Vietnamese phone number as people write it
 *
 * Drops spaces, dots, dashes and parentheses, and turns the international
 * form ("+84 91 234 5678", "84912345678") into the national one. Accepts
 * "0" and 9 digits (the second not 0, which would dial abroad) and the
 * 11-digit landlines "02" and 9 digits.
 *
 * Returns: (transfer full) (nullable): the number as "0xxxxxxxxx" or
 *   "02xxxxxxxxx", or %NULL if @text is not a phone number
 */
char *
antt_phone_normalize (const char *text)
{
  char digits[16];
  gsize n = 0;
  gboolean plus = FALSE;
  const char *subscriber;
  gsize subscriber_len;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == sizeof digits - 1)
            return NULL;
          digits[n++] = *p;
        }
      else if (*p == '+' && n == 0 && !plus)
        plus = TRUE;
      else if (!g_ascii_isspace (*p) && strchr (".-()", *p) == NULL)
        return NULL;
    }

  digits[n] = '\0';

  if (plus || g_str_has_prefix (digits, "84"))
    {
      if (!g_str_has_prefix (digits, "84"))
        return NULL;
      subscriber = digits + 2;
    }
  else if (digits[0] == '0')
    subscriber = digits + 1;
  else
    return NULL;

  subscriber_len = strlen (subscriber);

  if ((subscriber_len == 9 && subscriber[0] != '0')
      || (subscriber_len == 10 && subscriber[0] == '2'))
    return g_strconcat ("0", subscriber, NULL);

  return NULL;
}
