/* test-eligibility.c: the conditions of Article 13, Law 30/2023/QH15, each
 * at its boundaries: warnings, with the article, never refusals.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "antt-database.h"
#include "antt-eligibility.h"
#include "antt-records.h"

/* A member who meets every condition on 2025-02-10. */
static AnttRecord *
good_member (void)
{
  AnttRecord *member = antt_record_new ("members");

  antt_record_set_string (member, "full_name", "Nguyễn Văn Đức");
  antt_record_set_string (member, "birth_date", "1985-03-04");
  antt_record_set_string (member, "education", "lower_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_boolean (member, "health_certified", TRUE);
  antt_record_set_boolean (member, "record_clear", TRUE);
  return member;
}

static AnttEligibility
check (AnttRecord *member,
       const char *on,
       int        *age)
{
  return antt_eligibility_check (member, FALSE, on, age);
}

static void
test_none (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *summary = NULL;
  int age = 0;

  g_assert_cmpint (check (member, "2025-02-10", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, 39);
  messages = antt_eligibility_messages (ANTT_ELIGIBILITY_OK, age);
  g_assert_cmpuint (messages->len, ==, 0);
  summary = antt_eligibility_summary (ANTT_ELIGIBILITY_OK);
  g_assert_cmpstr (summary, ==, "");
}

static void
test_minimum_age (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  g_autoptr(GPtrArray) messages = NULL;
  int age = 0;

  antt_record_set_string (member, "birth_date", "2007-02-10");

  /* The day before the 18th birthday: 17, a warning. */
  g_assert_cmpint (check (member, "2025-02-09", &age), ==, ANTT_ELIGIBILITY_UNDER_AGE);
  g_assert_cmpint (age, ==, 17);
  messages = antt_eligibility_messages (ANTT_ELIGIBILITY_UNDER_AGE, age);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "Aged 17"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "18 to 70"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "Article 13, Law 30/2023/QH15"));

  /* On the 18th birthday itself: 18, eligible. */
  g_assert_cmpint (check (member, "2025-02-10", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, 18);

  /* A chairman's decision does not help the young. */
  antt_record_set_string (member, "over_age_decision", "12/QĐ-UBND");
  g_assert_cmpint (check (member, "2025-02-09", NULL), ==, ANTT_ELIGIBILITY_UNDER_AGE);
}

static void
test_leap_day_birthday (void)
{
  g_autoptr(AnttRecord) member = good_member ();

  /* Born on 29 February: 18 on 1 March of a common year, not before. */
  antt_record_set_string (member, "birth_date", "2008-02-29");
  g_assert_cmpint (check (member, "2026-02-28", NULL), ==, ANTT_ELIGIBILITY_UNDER_AGE);
  g_assert_cmpint (check (member, "2026-03-01", NULL), ==, ANTT_ELIGIBILITY_OK);
}

static void
test_maximum_age (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *summary = NULL;
  int age = 0;

  antt_record_set_string (member, "birth_date", "1954-02-10");

  /* 70 exactly, to the last day before the 71st birthday: eligible. */
  g_assert_cmpint (check (member, "2024-02-10", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, 70);
  g_assert_cmpint (check (member, "2025-02-09", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, 70);

  /* 71: over 70, a warning unless the chairman decided. */
  g_assert_cmpint (check (member, "2025-02-10", &age), ==, ANTT_ELIGIBILITY_OVER_AGE);
  g_assert_cmpint (age, ==, 71);
  messages = antt_eligibility_messages (ANTT_ELIGIBILITY_OVER_AGE, age);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "Aged 71"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "chairman"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "Article 13, Law 30/2023/QH15"));
  summary = antt_eligibility_summary (ANTT_ELIGIBILITY_OVER_AGE);
  g_assert_cmpstr (summary, ==, "Age");

  /* A blank decision is no decision; a written one lifts the warning. */
  antt_record_set_string (member, "over_age_decision", "  ");
  g_assert_cmpint (check (member, "2025-02-10", NULL), ==, ANTT_ELIGIBILITY_OVER_AGE);
  antt_record_set_string (member, "over_age_decision", "12/QĐ-UBND");
  g_assert_cmpint (check (member, "2025-02-10", NULL), ==, ANTT_ELIGIBILITY_OK);
}

static void
test_unknown_age (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  int age = 0;

  /* No date of birth, or one after the day: nothing to judge (the core
   * refuses such a record when it is saved). */
  antt_record_set_null (member, "birth_date");
  g_assert_cmpint (check (member, "2025-02-10", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, -1);
  antt_record_set_string (member, "birth_date", "2030-01-01");
  g_assert_cmpint (check (member, "2025-02-10", &age), ==, ANTT_ELIGIBILITY_OK);
  g_assert_cmpint (age, ==, -1);
}

static void
test_residence (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  g_autoptr(GPtrArray) messages = NULL;

  antt_record_set_string (member, "residence", "temporary");
  g_assert_cmpint (check (member, "2025-02-10", NULL), ==, ANTT_ELIGIBILITY_OK);
  antt_record_set_string (member, "residence", "none");
  g_assert_cmpint (check (member, "2025-02-10", NULL), ==, ANTT_ELIGIBILITY_RESIDENCE);
  messages = antt_eligibility_messages (ANTT_ELIGIBILITY_RESIDENCE, 39);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "residence"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "Article 13"));
}

static void
test_education (void)
{
  g_autoptr(AnttRecord) member = good_member ();

  /* Lower secondary is enough anywhere. */
  g_assert_cmpint (antt_eligibility_check (member, FALSE, "2025-02-10", NULL), ==, 0);
  /* Primary only in disadvantaged areas. */
  antt_record_set_string (member, "education", "primary");
  g_assert_cmpint (antt_eligibility_check (member, FALSE, "2025-02-10", NULL), ==,
                   ANTT_ELIGIBILITY_EDUCATION);
  g_assert_cmpint (antt_eligibility_check (member, TRUE, "2025-02-10", NULL), ==, 0);
  /* None: nowhere. */
  antt_record_set_string (member, "education", "none");
  g_assert_cmpint (antt_eligibility_check (member, TRUE, "2025-02-10", NULL), ==,
                   ANTT_ELIGIBILITY_EDUCATION);
}

static void
test_health_and_record (void)
{
  g_autoptr(AnttRecord) member = good_member ();
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *summary = NULL;
  AnttEligibility warnings;

  antt_record_set_boolean (member, "health_certified", FALSE);
  g_assert_cmpint (check (member, "2025-02-10", NULL), ==, ANTT_ELIGIBILITY_HEALTH);
  antt_record_set_boolean (member, "record_clear", FALSE);
  antt_record_set_string (member, "residence", "none");
  warnings = check (member, "2025-02-10", NULL);
  g_assert_cmpint (warnings, ==, ANTT_ELIGIBILITY_HEALTH | ANTT_ELIGIBILITY_RECORD |
                                 ANTT_ELIGIBILITY_RESIDENCE);
  g_assert_cmpuint (antt_eligibility_count (warnings), ==, 3);

  /* One sentence a condition, each with the article. */
  messages = antt_eligibility_messages (warnings, 39);
  g_assert_cmpuint (messages->len, ==, 3);
  for (guint i = 0; i < messages->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (messages, i), "(Article 13, Law 30/2023/QH15)"));
  summary = antt_eligibility_summary (warnings);
  g_assert_cmpstr (summary, ==, "Residence, Health, Record");

  /* Unknown counts as not certified: never silent. */
  antt_record_set_null (member, "health_certified");
  g_assert_true (check (member, "2025-02-10", NULL) & ANTT_ELIGIBILITY_HEALTH);
}

static void
test_left_member_judged_on_leaving (void)
{
  g_autoptr(AnttRecord) member = good_member ();

  /* 71 today, but left at 70: judged on the day they left. */
  antt_record_set_string (member, "birth_date", "1954-02-10");
  g_assert_cmpstr (antt_eligibility_on_date (member, "2025-06-01"), ==, "2025-06-01");
  antt_record_set_string (member, "left_date", "2025-01-31");
  g_assert_cmpstr (antt_eligibility_on_date (member, "2025-06-01"), ==, "2025-01-31");
  g_assert_cmpint (check (member, antt_eligibility_on_date (member, "2025-06-01"), NULL), ==,
                   ANTT_ELIGIBILITY_OK);
  /* A date being typed is not a date yet. */
  antt_record_set_string (member, "left_date", "31/01/20");
  g_assert_cmpstr (antt_eligibility_on_date (member, "2025-06-01"), ==, "2025-06-01");
}

/* Through the file: the village says whether primary school is enough. */
static void
test_member_in_village (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("antt-eligibility-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttRecord) village = antt_record_new ("villages");
  g_autoptr(AnttRecord) member = good_member ();
  gint64 village_id;
  int age = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "thidua-antt.db", NULL);
  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  antt_record_set_string (village, "name", "Bản Nà Hang");
  antt_record_set_string (village, "kind", "village");
  antt_record_set_boolean (village, "disadvantaged", TRUE);
  village_id = antt_records_insert (db, village, &error);
  g_assert_no_error (error);

  antt_record_set_string (member, "education", "primary");
  antt_record_set_int (member, "village_id", village_id);
  g_assert_cmpint (antt_eligibility_check_member (db, member, "2025-02-10", &age, &error), ==,
                   ANTT_ELIGIBILITY_OK);
  g_assert_no_error (error);
  g_assert_cmpint (age, ==, 39);

  antt_record_set_boolean (village, "disadvantaged", FALSE);
  g_assert_true (antt_records_update (db, village, &error));
  g_assert_no_error (error);
  g_assert_cmpint (antt_eligibility_check_member (db, member, "2025-02-10", NULL, &error), ==,
                   ANTT_ELIGIBILITY_EDUCATION);
  g_assert_no_error (error);

  /* A village not (or no longer) on file: judged as not disadvantaged. */
  antt_record_set_int (member, "village_id", village_id + 100);
  g_assert_cmpint (antt_eligibility_check_member (db, member, "2025-02-10", NULL, &error), ==,
                   ANTT_ELIGIBILITY_EDUCATION);
  g_assert_no_error (error);

  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligibility/none", test_none);
  g_test_add_func ("/eligibility/minimum-age", test_minimum_age);
  g_test_add_func ("/eligibility/leap-day-birthday", test_leap_day_birthday);
  g_test_add_func ("/eligibility/maximum-age", test_maximum_age);
  g_test_add_func ("/eligibility/unknown-age", test_unknown_age);
  g_test_add_func ("/eligibility/residence", test_residence);
  g_test_add_func ("/eligibility/education", test_education);
  g_test_add_func ("/eligibility/health-and-record", test_health_and_record);
  g_test_add_func ("/eligibility/left-member", test_left_member_judged_on_leaving);
  g_test_add_func ("/eligibility/member-in-village", test_member_in_village);

  return g_test_run ();
}
