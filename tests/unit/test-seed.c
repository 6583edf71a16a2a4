/* test-seed.c: a new file holds the commune's plan (Kế hoạch of BCĐ ANTT xã
 * Bình Lương, shared/seed/000_883dd7e3cf8a9d69.txt), exactly as written.
 *
 * The dates, thresholds and caps below are copied from the plan, not from
 * antt-seed.c: the reports and award lists are judged against them.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "antt-database.h"
#include "antt-records.h"

#define THEME "Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh, trật tự ở cơ sở " \
              "trong tình hình mới"

/* Helpers ----------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture           *fx,
                AnttDatabaseFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("antt-test-seed-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "thidua.db", NULL);
  fx->db = antt_database_open (fx->path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->db);
}

static void
fixture_tear_down (Fixture *fx)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static GPtrArray *
list_where (AnttDatabase *db,
            const char   *table,
            const char   *column,
            gint64        value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  GPtrArray *rows;

  if (column != NULL)
    antt_filter_add_equals (filter, column, value);
  rows = antt_records_list (db, table, filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static gint64
count (AnttDatabase *db,
       const char   *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = antt_records_count (db, table, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
raw_count (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static AnttRecord *
default_campaign (AnttDatabase *db)
{
  g_autoptr(GPtrArray) campaigns = list_where (db, "campaigns", "is_default", 1);

  g_assert_cmpuint (campaigns->len, ==, 1);
  return antt_record_ref (g_ptr_array_index (campaigns, 0));
}

/* The plan ---------------------------------------------------------------- */

static void
test_campaign (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) campaigns = NULL;
  AnttRecord *campaign;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);

  campaigns = list_where (fx.db, "campaigns", NULL, 0);
  g_assert_cmpuint (campaigns->len, ==, 1);
  campaign = g_ptr_array_index (campaigns, 0);

  g_assert_true (antt_record_get_boolean (campaign, "is_default"));
  g_assert_cmpstr (antt_record_get_string (campaign, "start_date"), ==, "2024-08-19");
  g_assert_cmpstr (antt_record_get_string (campaign, "end_date"), ==, "2025-08-19");
  g_assert_cmpstr (antt_record_get_string (campaign, "theme"), ==, THEME);
  g_assert_nonnull (strstr (antt_record_get_string (campaign, "name"), "Bình Lương"));
  g_assert_nonnull (strstr (antt_record_get_string (campaign, "name"),
                            "Phong trào thi đua đặc biệt"));

  fixture_tear_down (&fx);
}

static void
test_phases (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  AnttRecord *one, *two;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);
  campaign = default_campaign (fx.db);

  phases = list_where (fx.db, "phases", "campaign_id", antt_record_get_id (campaign));
  g_assert_cmpuint (phases->len, ==, 2);
  one = g_ptr_array_index (phases, 0);
  two = g_ptr_array_index (phases, 1);

  g_assert_cmpint (antt_record_get_int (one, "ordinal"), ==, 1);
  g_assert_cmpstr (antt_record_get_string (one, "name"), ==, "Đợt thứ Nhất");
  g_assert_cmpstr (antt_record_get_string (one, "start_date"), ==, "2024-08-19");
  g_assert_cmpstr (antt_record_get_string (one, "end_date"), ==, "2025-02-03");
  g_assert_cmpstr (antt_record_get_string (one, "review_kind"), ==, "interim");
  g_assert_cmpstr (antt_record_get_string (one, "report_deadline"), ==, "2025-02-15");
  g_assert_false (antt_record_get_boolean (one, "review_closed"));
  g_assert_nonnull (strstr (antt_record_get_string (one, "content"),
                            "95 năm Ngày thành lập Đảng Cộng sản Việt Nam"));

  g_assert_cmpint (antt_record_get_int (two, "ordinal"), ==, 2);
  g_assert_cmpstr (antt_record_get_string (two, "name"), ==, "Đợt thứ Hai");
  g_assert_cmpstr (antt_record_get_string (two, "start_date"), ==, "2025-02-04");
  g_assert_cmpstr (antt_record_get_string (two, "end_date"), ==, "2025-08-19");
  g_assert_cmpstr (antt_record_get_string (two, "review_kind"), ==, "final");
  g_assert_cmpstr (antt_record_get_string (two, "report_deadline"), ==, "2025-08-25");
  g_assert_false (antt_record_get_boolean (two, "review_closed"));

  /* The two phases cover the movement with no gap and no overlap. */
  g_assert_cmpstr (antt_record_get_string (one, "start_date"), ==,
                   antt_record_get_string (campaign, "start_date"));
  g_assert_cmpstr (antt_record_get_string (two, "end_date"), ==,
                   antt_record_get_string (campaign, "end_date"));

  /* The legal basis is kept per review, as data. */
  g_assert_nonnull (strstr (antt_record_get_string (one, "legal_basis"),
                            "Luật Thi đua, khen thưởng"));

  fixture_tear_down (&fx);
}

static void
test_targets (void)
{
  static const struct {
    const char *code;
    const char *measure;
    const char *comparison;
    double      threshold;
  } expected[] = {
    { "T1", "ratio", ">=", 80 },
    { "T2", "ratio", ">=", 100 },
    { "T3", "ratio", ">=", 100 },
    { "T4", "per_village", ">=", 1 },
    { "T5", "ratio", ">=", 100 },
    { "T6", "ratio", ">=", 100 },
    { "T7", "ratio", ">=", 100 },
    { "T8", "count", "=", 0 },
    { "T9", "ratio", ">", 90 },
    { "T10", "count", "=", 0 },
    { "T11", "count", "=", 0 },
    { "T12", "ratio", ">=", 100 },
    { "T13", "count", "=", 0 },
    { "T14", "ratio", ">=", 100 },
    { "T15", "count", "=", 0 },
    { "T16", "ratio", ">=", 100 },
  };
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);
  campaign = default_campaign (fx.db);

  targets = list_where (fx.db, "targets", "campaign_id", antt_record_get_id (campaign));
  g_assert_cmpuint (targets->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (count (fx.db, "targets"), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AnttRecord *target = g_ptr_array_index (targets, i);
      const char *title = antt_record_get_string (target, "title");

      g_test_message ("%s: %s", expected[i].code, title);
      g_assert_cmpstr (antt_record_get_string (target, "code"), ==, expected[i].code);
      g_assert_cmpint (antt_record_get_int (target, "ordinal"), ==, i + 1);
      g_assert_cmpstr (antt_record_get_string (target, "measure"), ==, expected[i].measure);
      g_assert_cmpstr (antt_record_get_string (target, "comparison"), ==, expected[i].comparison);
      g_assert_cmpfloat (antt_record_get_double (target, "threshold"), ==, expected[i].threshold);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
    }

  /* T9 (more than 90% of persons' information) and T4 (examples in each
   * village) are counted per village. */
  g_assert_cmpstr (antt_record_get_string (g_ptr_array_index (targets, 8), "scope"), ==,
                   "village");
  g_assert_cmpstr (antt_record_get_string (g_ptr_array_index (targets, 3), "scope"), ==,
                   "village");
  g_assert_nonnull (strstr (antt_record_get_string (g_ptr_array_index (targets, 8), "title"),
                            "90%"));

  fixture_tear_down (&fx);
}

static void
test_award_caps (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  gint64 province = 0;
  gint64 phase_ids[2];

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);
  campaign = default_campaign (fx.db);
  phases = list_where (fx.db, "phases", "campaign_id", antt_record_get_id (campaign));
  g_assert_cmpuint (phases->len, ==, 2);
  phase_ids[0] = antt_record_get_id (g_ptr_array_index (phases, 0));
  phase_ids[1] = antt_record_get_id (g_ptr_array_index (phases, 1));

  /* State, Ministry, the province's Bằng khen, the district's and the
   * commune's Giấy khen. */
  levels = list_where (fx.db, "award_levels", "campaign_id", antt_record_get_id (campaign));
  g_assert_cmpuint (levels->len, ==, 5);
  for (guint i = 0; i < levels->len; i++)
    {
      AnttRecord *level = g_ptr_array_index (levels, i);

      if (g_strcmp0 (antt_record_get_string (level, "code"), "province_bk") == 0)
        {
          g_assert_cmpint (province, ==, 0);
          province = antt_record_get_id (level);
          g_assert_nonnull (strstr (antt_record_get_string (level, "name"), "Bằng khen"));
          g_assert_nonnull (strstr (antt_record_get_string (level, "authority"), "Thanh Hóa"));
        }
    }
  g_assert_cmpint (province, >, 0);

  /* Section III.2: at most 20 collectives and 20 individuals at the interim
   * review, 30 and 30 at the final one; no other level is capped. */
  {
    g_autoptr(GPtrArray) caps = list_where (fx.db, "award_caps", NULL, 0);
    gboolean seen[2][2] = { { FALSE, FALSE }, { FALSE, FALSE } };

    g_assert_cmpuint (caps->len, ==, 4);
    for (guint i = 0; i < caps->len; i++)
      {
        AnttRecord *cap = g_ptr_array_index (caps, i);
        gint64 phase_id = antt_record_get_int (cap, "phase_id");
        const char *kind = antt_record_get_string (cap, "nominee_kind");
        guint p = phase_id == phase_ids[0] ? 0 : 1;
        guint k = g_strcmp0 (kind, "collective") == 0 ? 0 : 1;

        g_assert_cmpint (antt_record_get_int (cap, "award_level_id"), ==, province);
        g_assert_true (phase_id == phase_ids[0] || phase_id == phase_ids[1]);
        g_assert_true (g_strcmp0 (kind, "collective") == 0 || g_strcmp0 (kind, "individual") == 0);
        g_assert_false (seen[p][k]);
        seen[p][k] = TRUE;
        g_assert_cmpint (antt_record_get_int (cap, "max_count"), ==, p == 0 ? 20 : 30);
      }
  }

  fixture_tear_down (&fx);
}

static void
test_commune (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) commune = NULL;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);
  g_assert_cmpint (count (fx.db, "commune"), ==, 1);

  commune = antt_records_get (fx.db, "commune", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (commune, "commune_name"), ==, "Bình Lương");
  g_assert_cmpstr (antt_record_get_string (commune, "district_name"), ==, "Như Xuân");
  g_assert_cmpstr (antt_record_get_string (commune, "province_name"), ==, "Thanh Hóa");
  g_assert_cmpstr (antt_record_get_string (commune, "signer_name"), ==, "Lê Đức Tuấn");
  g_assert_cmpstr (antt_record_get_string (commune, "signer_position"), ==, "TRƯỞNG BAN");
  g_assert_cmpstr (antt_record_get_string (commune, "signer_title"), ==, "CHỦ TỊCH UBND XÃ");
  g_assert_cmpstr (antt_record_get_string (commune, "agency_code"), ==, "CAX");

  fixture_tear_down (&fx);
}

/* How the plan is written ------------------------------------------------- */

static void
test_audit (void)
{
  Fixture fx = { 0 };
  gint64 seeded;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);

  /* The seed is not anonymous: one audit row per row written, by the
   * program itself, and not in the clerk's name. */
  seeded = count (fx.db, "commune") + count (fx.db, "campaigns") + count (fx.db, "phases") +
           count (fx.db, "targets") + count (fx.db, "award_levels") + count (fx.db, "award_caps");
  g_assert_cmpint (seeded, ==, 1 + 1 + 2 + 16 + 5 + 4);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log"), ==, seeded);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log WHERE action = 'insert'"
                                       " AND who = 'thidua-antt' AND old_values IS NULL"
                                       " AND new_values IS NOT NULL"), ==, seeded);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log WHERE table_name = 'targets'"),
                   ==, 16);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log a JOIN targets t"
                                       " ON a.table_name = 'targets' AND a.row_id = t.id"), ==, 16);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log WHERE"
                                       " table_name = 'commune' AND row_id = 1 AND"
                                       " instr (new_values, '\"signer_name\":\"Lê Đức Tuấn\"') > 0"),
                   ==, 1);

  /* The clerk's later writes are in the clerk's name again. */
  g_assert_cmpstr (antt_database_get_user (fx.db), !=, "thidua-antt");

  fixture_tear_down (&fx);
}

static void
test_reopen_once (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NONE);
  audit_before = raw_count (fx.path, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&fx.db);
      fx.db = antt_database_open (fx.path, ANTT_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);

      g_assert_cmpint (count (fx.db, "campaigns"), ==, 1);
      g_assert_cmpint (count (fx.db, "phases"), ==, 2);
      g_assert_cmpint (count (fx.db, "targets"), ==, 16);
      g_assert_cmpint (count (fx.db, "award_levels"), ==, 5);
      g_assert_cmpint (count (fx.db, "award_caps"), ==, 4);
      g_assert_cmpint (count (fx.db, "commune"), ==, 1);
      g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log"), ==, audit_before);
    }

  /* A clerk who deleted the default plan to enter another does not get it
   * back on the next start. */
  {
    g_autoptr(AnttRecord) campaign = default_campaign (fx.db);
    g_autoptr(GPtrArray) nothing = NULL;

    g_assert_true (antt_records_delete (fx.db, "campaigns", antt_record_get_id (campaign), &error));
    g_assert_no_error (error);
    g_clear_object (&fx.db);
    fx.db = antt_database_open (fx.path, ANTT_DATABASE_FLAGS_NONE, &error);
    g_assert_no_error (error);
    nothing = list_where (fx.db, "campaigns", NULL, 0);
    g_assert_cmpuint (nothing->len, ==, 0);
  }

  fixture_tear_down (&fx);
}

static void
test_no_seed (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fx, ANTT_DATABASE_FLAGS_NO_SEED);
  g_assert_cmpint (antt_database_get_schema_version (fx.db), ==, ANTT_SCHEMA_VERSION);

  campaigns = list_where (fx.db, "campaigns", NULL, 0);
  g_assert_cmpuint (campaigns->len, ==, 0);
  g_assert_cmpint (count (fx.db, "phases"), ==, 0);
  g_assert_cmpint (count (fx.db, "targets"), ==, 0);
  g_assert_cmpint (count (fx.db, "commune"), ==, 0);
  g_assert_cmpint (raw_count (fx.path, "SELECT count(*) FROM audit_log"), ==, 0);

  /* The file is made: opening it again normally does not seed it after the
   * fact (a restore or an import fills it). */
  g_clear_object (&fx.db);
  fx.db = antt_database_open (fx.path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fx.db, "campaigns"), ==, 0);

  fixture_tear_down (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/campaign", test_campaign);
  g_test_add_func ("/seed/phases", test_phases);
  g_test_add_func ("/seed/targets", test_targets);
  g_test_add_func ("/seed/award-caps", test_award_caps);
  g_test_add_func ("/seed/commune", test_commune);
  g_test_add_func ("/seed/audit", test_audit);
  g_test_add_func ("/seed/reopen-once", test_reopen_once);
  g_test_add_func ("/seed/no-seed", test_no_seed);

  return g_test_run ();
}
