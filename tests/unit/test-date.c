/* test-date.c: dates, times, ID numbers and phone numbers. */

#include <glib.h>

#include "antt-date.h"

static void
assert_dmy (const GDate *date,
            guint        day,
            guint        month,
            guint        year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, day);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
}

static void
test_parse_iso (void)
{
  const char *good[] = {
    "2025-02-05", "2024-02-29", "2000-02-29", "1900-01-01", "2200-12-31",
    "1990-12-31", "2025-04-30",
  };
  const char *bad[] = {
    "", "2025-2-5", "2025-02-5", "25-02-05", "2025/02/05", "05/02/2025",
    "2025-02-30", "2025-02-29", "2023-02-29", "1900-02-29", "2100-02-29",
    "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31", "2025-01-32",
    "1899-12-31", "2201-01-01", " 2025-02-05", "2025-02-05 ", "2025-02-05T00",
    "2025-02-0a", "+025-02-05", "２０２５-02-05", "20250205",
  };
  GDate date;

  g_assert_true (antt_date_parse_iso ("2025-02-05", &date));
  assert_dmy (&date, 5, 2, 2025);
  g_assert_true (antt_date_parse_iso ("2024-02-29", &date));
  assert_dmy (&date, 29, 2, 2024);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (antt_date_parse_iso (good[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (antt_date_parse_iso (bad[i], NULL))
        g_error ("“%s” taken for an ISO date", bad[i]);
    }

  g_assert_false (antt_date_parse_iso (NULL, NULL));

  /* A refused date leaves the output alone. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2020);
  g_assert_false (antt_date_parse_iso ("2025-02-30", &date));
  assert_dmy (&date, 1, 1, 2020);
}

static void
test_parse_display (void)
{
  struct {
    const char *text;
    guint day, month, year;
  } good[] = {
    { "05/02/2025", 5, 2, 2025 },
    { "5/2/2025", 5, 2, 2025 },
    { "5/02/2025", 5, 2, 2025 },
    { "05/2/2025", 5, 2, 2025 },
    { "29/02/2024", 29, 2, 2024 },
    { "31-12-1990", 31, 12, 1990 },
    { "1.1.2000", 1, 1, 2000 },
    { " 30/04/1975 ", 30, 4, 1975 },
    { "01/01/1900", 1, 1, 1900 },
    { "31/12/2200", 31, 12, 2200 },
  };
  const char *bad[] = {
    "", "29/02/2025", "29/02/1900", "31/04/2025", "32/01/2025", "0/1/2025",
    "1/0/2025", "1/13/2025", "5/2/25", "5/2/02025", "005/2/2025",
    "5/2-2025", "5.2/2025", "5 2 2025", "2025-02-05", "5/2/2025x",
    "/2/2025", "5//2025", "31/12/1899", "1/1/2201", "a5/2/2025",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!antt_date_parse_display (good[i].text, &date))
        g_error ("“%s” refused", good[i].text);
      assert_dmy (&date, good[i].day, good[i].month, good[i].year);
      g_assert_true (antt_date_parse_display (good[i].text, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (antt_date_parse_display (bad[i], NULL))
        g_error ("“%s” taken for a date", bad[i]);
    }

  g_assert_false (antt_date_parse_display (NULL, NULL));
}

static void
test_format (void)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *display = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 2, 2025);
  iso = antt_date_format_iso (&date);
  display = antt_date_format_display (&date);

  g_assert_cmpstr (iso, ==, "2025-02-05");
  g_assert_cmpstr (display, ==, "05/02/2025");

  /* A Julian-only date formats the same. */
  g_clear_pointer (&iso, g_free);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, 1);
  iso = antt_date_format_iso (&date);
  g_assert_cmpstr (iso, ==, "0001-01-01");
}

static void
test_convert (void)
{
  struct {
    const char *from;
    const char *expected;
  } to_display[] = {
    { "2025-02-05", "05/02/2025" },
    { "2024-02-29", "29/02/2024" },
    { "1975-04-30", "30/04/1975" },
    { "2025-02-29", NULL },
    { "2025-2-5", NULL },
    { "", NULL },
    { NULL, NULL },
  }, to_iso[] = {
    { "05/02/2025", "2025-02-05" },
    { "5/2/2025", "2025-02-05" },
    { "5.2.2025", "2025-02-05" },
    { "29/02/2024", "2024-02-29" },
    { "29/02/2025", NULL },
    { "2025-02-05", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (to_display); i++)
    {
      g_autofree char *display = antt_date_iso_to_display (to_display[i].from);

      g_assert_cmpstr (display, ==, to_display[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (to_iso); i++)
    {
      g_autofree char *iso = antt_date_display_to_iso (to_iso[i].from);

      g_assert_cmpstr (iso, ==, to_iso[i].expected);
    }
}

static void
test_today (void)
{
  g_autofree char *today = antt_date_today_iso ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");
  GDate date;

  g_assert_true (antt_date_parse_iso (today, &date));
  /* Unless the test runs across midnight. */
  if (g_strcmp0 (today, expected) != 0)
    g_test_message ("today: %s, then %s", today, expected);
  g_assert_cmpint (antt_date_days_between (today, expected), >=, 0);
  g_assert_cmpint (antt_date_days_between (today, expected), <=, 1);
}

static void
test_days_between (void)
{
  g_assert_cmpint (antt_date_days_between ("2025-02-05", "2025-02-05"), ==, 0);
  g_assert_cmpint (antt_date_days_between ("2025-02-05", "2025-02-06"), ==, 1);
  g_assert_cmpint (antt_date_days_between ("2025-02-06", "2025-02-05"), ==, -1);
  g_assert_cmpint (antt_date_days_between ("2024-02-28", "2024-03-01"), ==, 2);
  g_assert_cmpint (antt_date_days_between ("2025-02-28", "2025-03-01"), ==, 1);
  g_assert_cmpint (antt_date_days_between ("2024-01-01", "2025-01-01"), ==, 366);
  g_assert_cmpint (antt_date_days_between ("2025-01-01", "2026-01-01"), ==, 365);
  g_assert_cmpint (antt_date_days_between ("2025-12-31", "2025-01-01"), ==, -364);

  g_assert_cmpint (antt_date_days_between ("2025-02-30", "2025-03-01"), ==, G_MININT);
  g_assert_cmpint (antt_date_days_between ("2025-03-01", "05/03/2025"), ==, G_MININT);
  g_assert_cmpint (antt_date_days_between (NULL, "2025-03-01"), ==, G_MININT);
  g_assert_cmpint (antt_date_days_between ("2025-03-01", NULL), ==, G_MININT);
}

static void
test_age_on (void)
{
  /* The 18th birthday counts: a citizen may join on that day. */
  g_assert_cmpint (antt_date_age_on ("2007-06-15", "2025-06-15"), ==, 18);
  g_assert_cmpint (antt_date_age_on ("2007-06-15", "2025-06-14"), ==, 17);
  g_assert_cmpint (antt_date_age_on ("2007-06-15", "2025-07-01"), ==, 18);
  g_assert_cmpint (antt_date_age_on ("2007-06-15", "2025-05-30"), ==, 17);
  g_assert_cmpint (antt_date_age_on ("1955-01-01", "2025-12-31"), ==, 70);
  g_assert_cmpint (antt_date_age_on ("1955-01-01", "2026-01-01"), ==, 71);
  g_assert_cmpint (antt_date_age_on ("2025-02-05", "2025-02-05"), ==, 0);

  /* Born on 29 February: a year older on 1 March in common years. */
  g_assert_cmpint (antt_date_age_on ("2004-02-29", "2025-02-28"), ==, 20);
  g_assert_cmpint (antt_date_age_on ("2004-02-29", "2025-03-01"), ==, 21);
  g_assert_cmpint (antt_date_age_on ("2004-02-29", "2024-02-29"), ==, 20);

  g_assert_cmpint (antt_date_age_on ("2025-02-06", "2025-02-05"), ==, -1);
  g_assert_cmpint (antt_date_age_on ("2007-02-30", "2025-06-15"), ==, -1);
  g_assert_cmpint (antt_date_age_on ("2007-06-15", "15/06/2025"), ==, -1);
  g_assert_cmpint (antt_date_age_on (NULL, "2025-06-15"), ==, -1);
  g_assert_cmpint (antt_date_age_on ("2007-06-15", NULL), ==, -1);
}

static void
test_time_parse (void)
{
  struct {
    const char *text;
    int hour, minute;
  } good[] = {
    { "07:30", 7, 30 },
    { "7:30", 7, 30 },
    { "00:00", 0, 0 },
    { "23:59", 23, 59 },
    { "7h30", 7, 30 },
    { "07h30", 7, 30 },
    { "19H05", 19, 5 },
    { "7h", 7, 0 },
    { " 13:45 ", 13, 45 },
  };
  const char *bad[] = {
    "", "7", "24:00", "23:60", "7:5", "7:305", "123:00", "07-30", "7.30",
    "7h5", "7h300", ":30", "h30", "7 : 30", "7:30 pm", "-1:30", "7:3a",
  };
  int hour = -1;
  int minute = -1;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!antt_time_parse (good[i].text, &hour, &minute))
        g_error ("“%s” refused", good[i].text);
      g_assert_cmpint (hour, ==, good[i].hour);
      g_assert_cmpint (minute, ==, good[i].minute);
    }

  g_assert_true (antt_time_parse ("8:15", NULL, NULL));
  g_assert_true (antt_time_parse ("8:15", &hour, NULL));
  g_assert_cmpint (hour, ==, 8);

  hour = minute = -1;
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (antt_time_parse (bad[i], &hour, &minute))
        g_error ("“%s” taken for a time", bad[i]);
      g_assert_cmpint (hour, ==, -1);
      g_assert_cmpint (minute, ==, -1);
    }

  g_assert_false (antt_time_parse (NULL, &hour, &minute));
}

static void
test_id_number (void)
{
  const char *good[] = { "001090012345", "079203000001", "000000000000" };
  const char *bad[] = {
    "", "00109001234", "0010900123456", "001 090 012345", "00109001234a",
    " 001090012345", "001090012345 ", "+01090012345", "٠٠١٠٩٠٠١٢٣٤٥",
    "001090012345\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (antt_id_number_is_valid (good[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (antt_id_number_is_valid (bad[i]))
        g_error ("“%s” taken for an ID number", bad[i]);
    }

  g_assert_false (antt_id_number_is_valid (NULL));
}

static void
test_phone_normalize (void)
{
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "0912345678", "0912345678" },
    { "0912 345 678", "0912345678" },
    { "0912.345.678", "0912345678" },
    { "0912-345-678", "0912345678" },
    { "(091) 234 5678", "0912345678" },
    { "+84912345678", "0912345678" },
    { "+84 91 234 5678", "0912345678" },
    { "(+84) 912-345-678", "0912345678" },
    { "84912345678", "0912345678" },
    { "0321234567", "0321234567" },
    { "02213512345", "02213512345" },
    { "0221 3512 345", "02213512345" },
    { "+84 221 3512 345", "02213512345" },
    { "842213512345", "02213512345" },
    { " 0912345678 ", "0912345678" },

    { "", NULL },
    { "   ", NULL },
    { "091234567", NULL },
    { "09123456789", NULL },
    { "03123456789", NULL },
    { "912345678", NULL },
    { "0012345678", NULL },
    { "+840912345678", NULL },
    { "+1 415 555 0100", NULL },
    { "+8491234567", NULL },
    { "849123456789", NULL },
    { "0912345678+", NULL },
    { "09+12345678", NULL },
    { "++84912345678", NULL },
    { "0912/345/678", NULL },
    { "0912345678 (nhà)", NULL },
    { "0912345678901234567890", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = antt_phone_normalize (cases[i].text);

      if (g_strcmp0 (phone, cases[i].expected) != 0)
        g_error ("“%s” gave %s, not %s", cases[i].text,
                 phone ? phone : "NULL",
                 cases[i].expected ? cases[i].expected : "NULL");
    }

  g_assert_null (antt_phone_normalize (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-iso", test_parse_iso);
  g_test_add_func ("/date/parse-display", test_parse_display);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/convert", test_convert);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/age-on", test_age_on);
  g_test_add_func ("/time/parse", test_time_parse);
  g_test_add_func ("/id-number/valid", test_id_number);
  g_test_add_func ("/phone/normalize", test_phone_normalize);

  return g_test_run ();
}
