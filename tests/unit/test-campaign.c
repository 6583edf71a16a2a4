/* test-campaign.c: the movement every page, report and setting works on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "antt-campaign.h"
#include "antt-database.h"

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
} Fixture;

static void
open_fixture (Fixture           *fx,
              AnttDatabaseFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("antt-test-campaign-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "thidua.db", NULL);
  fx->db = antt_database_open (fx->path, flags, &error);
  g_assert_no_error (error);
}

static void
close_fixture (Fixture *fx)
{
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);

  g_clear_object (&fx->db);
  g_remove (wal);
  g_remove (shm);
  g_remove (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static gint64
add_campaign (AnttDatabase *db,
              const char   *name,
              gboolean      is_default)
{
  g_autoptr(AnttRecord) campaign = antt_record_new ("campaigns");
  g_autoptr(GError) error = NULL;
  gint64 id;

  antt_record_set_string (campaign, "name", name);
  antt_record_set_string (campaign, "start_date", "2026-01-01");
  antt_record_set_string (campaign, "end_date", "2026-12-31");
  antt_record_set_boolean (campaign, "is_default", is_default);
  id = antt_records_insert (db, campaign, &error);
  g_assert_no_error (error);
  return id;
}

/* A new file holds the plan's movement, and that is the one shown. */
static void
test_seeded (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) current = NULL;
  g_autoptr(GError) error = NULL;

  open_fixture (&fx, ANTT_DATABASE_FLAGS_NONE);
  current = antt_campaign_find_current (fx.db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (current);
  g_assert_cmpstr (antt_record_get_string (current, "start_date"), ==, "2024-08-19");

  /* Another year's movement added later but not made default: still the plan. */
  add_campaign (fx.db, "Phong trào 2026", FALSE);
  g_clear_pointer (&current, antt_record_unref);
  current = antt_campaign_find_current (fx.db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (current, "start_date"), ==, "2024-08-19");
  close_fixture (&fx);
}

/* Without a default, the one added last; an empty file has none, and says
 * so without an error. */
static void
test_no_default (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) current = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second;

  open_fixture (&fx, ANTT_DATABASE_FLAGS_NO_SEED);
  current = antt_campaign_find_current (fx.db, &error);
  g_assert_no_error (error);
  g_assert_null (current);

  add_campaign (fx.db, "Phong trào A", FALSE);
  second = add_campaign (fx.db, "Phong trào B", FALSE);
  current = antt_campaign_find_current (fx.db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_record_get_id (current), ==, second);
  g_assert_cmpstr (antt_record_get_string (current, "name"), ==, "Phong trào B");
  close_fixture (&fx);
}

/* The review shown by default on a day of the seeded plan: phase 1's
 * interim review until its report deadline (15/02/2025), though phase 2
 * started on 04/02; then the final review; before the start the first. */
static void
test_open_review (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GError) error = NULL;
  AnttRecord *first;

  open_fixture (&fx, ANTT_DATABASE_FLAGS_NONE);
  campaign = antt_campaign_find_current (fx.db, &error);
  g_assert_no_error (error);
  phases = antt_campaign_list_phases (fx.db, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phases->len, ==, 2);
  g_assert_cmpstr (antt_record_get_string (g_ptr_array_index (phases, 0), "review_kind"),
                   ==, "interim");

  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2024-01-01"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2024-08-19"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-03"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-05"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-15"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-16"), ==, 1);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-08-25"), ==, 1);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2026-01-01"), ==, 1);

  /* The interim review closed early: the final one from phase 2's start. */
  first = g_ptr_array_index (phases, 0);
  antt_record_set_boolean (first, "review_closed", TRUE);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-05"), ==, 1);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-01-20"), ==, 0);

  /* Without a report deadline a review runs to its phase's end. */
  antt_record_set_boolean (first, "review_closed", FALSE);
  antt_record_set_null (first, "report_deadline");
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-03"), ==, 0);
  g_assert_cmpuint (antt_campaign_find_open_review (phases, "2025-02-04"), ==, 1);

  close_fixture (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign/seeded", test_seeded);
  g_test_add_func ("/campaign/no-default", test_no_default);
  g_test_add_func ("/campaign/open-review", test_open_review);

  return g_test_run ();
}
