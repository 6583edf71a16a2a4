/* test-targets.c: the sixteen targets of the plan, on small data sets whose
 * results are worked out by hand in the comments.
 *
 * Every test starts from a new file with the seeded plan (targets as in the
 * plan: T1 ≥ 80%, T9 > 90%, the counts = 0, the others ≥ 100%; T4 ≥ 1 per
 * village) and three villages, each served by its own team:
 *
 *   village A ← team 1,  village B ← team 2,  village C ← team 3 (dissolved
 *   on 30/09/2024, and without members).
 *
 * The period is phase 1, 19/08/2024 – 03/02/2025, judged on 01/03/2025 (the
 * phase is over) unless a test says otherwise. Records on 18/08/2024 and on
 * 04/02/2025, the days around it, must not count; records on its first and
 * last days must.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "antt-database.h"
#include "antt-records.h"
#include "antt-targets.h"

#define P1_FROM    "2024-08-19"
#define P1_TO      "2025-02-03"
#define BEFORE     "2024-08-18"  /* the day before the period */
#define AFTER_END  "2025-02-04"  /* the day after */
#define P2_FROM    "2025-02-04"
#define P2_TO      "2025-08-19"
#define TODAY      "2025-03-01"  /* phase 1 is over */
#define DURING     "2024-12-01"  /* phase 1 still runs */

#define COMMUNE ANTT_TARGET_LEVEL_COMMUNE
#define TEAM    ANTT_TARGET_LEVEL_TEAM
#define VILLAGE ANTT_TARGET_LEVEL_VILLAGE

#define NO_DATA ANTT_TARGET_STATE_NO_DATA
#define MET     ANTT_TARGET_STATE_MET
#define AT_RISK ANTT_TARGET_STATE_AT_RISK
#define NOT_MET ANTT_TARGET_STATE_NOT_MET

typedef struct
{
  char         *dir;
  AnttDatabase *db;
  gint64        campaign_id;
  gint64        village[3];   /* A, B, C */
  gint64        team[3];      /* 1, 2, 3 */
  gint64        m[7];         /* members 1–6 (add_members); 0 unused */
  guint         serial;       /* ID numbers */
} Fixture;

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

static gint64
insert_ok (Fixture    *fx,
           AnttRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (fx->db, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Takes @record over. */
static gint64
insert (Fixture    *fx,
        AnttRecord *record)
{
  g_autoptr(AnttRecord) owned = record;

  return insert_ok (fx, owned);
}

static gint64
insert_village (Fixture    *fx,
                const char *name)
{
  AnttRecord *village = antt_record_new ("villages");

  antt_record_set_string (village, "name", name);
  antt_record_set_string (village, "kind", "village");
  return insert (fx, village);
}

static gint64
insert_team (Fixture    *fx,
             const char *name,
             const char *established,
             const char *dissolved,
             gint64      village_id)
{
  AnttRecord *team = antt_record_new ("teams");
  AnttRecord *link = antt_record_new ("team_villages");
  gint64 id;

  antt_record_set_string (team, "name", name);
  if (established)
    antt_record_set_string (team, "established_date", established);
  if (dissolved)
    antt_record_set_string (team, "dissolved_date", dissolved);
  id = insert (fx, team);

  antt_record_set_int (link, "team_id", id);
  antt_record_set_int (link, "village_id", village_id);
  insert (fx, link);
  return id;
}

static void
fixture_set_up (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autofree char *path = NULL;

  memset (fx, 0, sizeof *fx);
  fx->dir = g_dir_make_tmp ("antt-test-targets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "thidua.db", NULL);
  fx->db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  antt_database_set_user (fx->db, "Trần Thị Hoa");

  antt_filter_add_equals (filter, "is_default", 1);
  campaigns = antt_records_list (fx->db, "campaigns", filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  fx->campaign_id = antt_record_get_id (g_ptr_array_index (campaigns, 0));

  fx->village[0] = insert_village (fx, "Thôn Đồng Tâm");
  fx->village[1] = insert_village (fx, "Thôn Làng Lúng");
  fx->village[2] = insert_village (fx, "Thôn Xuân Thành");
  fx->team[0] = insert_team (fx, "Tổ bảo vệ ANTT thôn Đồng Tâm", NULL, NULL, fx->village[0]);
  fx->team[1] = insert_team (fx, "Tổ bảo vệ ANTT thôn Làng Lúng", NULL, NULL, fx->village[1]);
  fx->team[2] = insert_team (fx, "Tổ bảo vệ ANTT thôn Xuân Thành", NULL, "2024-09-30",
                             fx->village[2]);
}

static void
fixture_tear_down (Fixture *fx)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
}

/* @team, @village: indexes 0–2. */
static gint64
insert_member (Fixture    *fx,
               const char *full_name,
               guint       team,
               const char *joined,
               const char *left)
{
  AnttRecord *member = antt_record_new ("members");
  g_autofree char *id_number = g_strdup_printf ("0380850%05u", ++fx->serial);

  antt_record_set_string (member, "full_name", full_name);
  antt_record_set_string (member, "birth_date", "1980-03-10");
  antt_record_set_string (member, "gender", "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fx->village[team]);
  antt_record_set_int (member, "team_id", fx->team[team]);
  antt_record_set_string (member, "role", "member");
  antt_record_set_string (member, "joined_date", joined);
  if (left != NULL)
    {
      antt_record_set_string (member, "left_date", left);
      antt_record_set_string (member, "left_reason", "own_request");
    }
  antt_record_set_string (member, "education", "lower_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_string (member, "prior_service", "none");
  return insert (fx, member);
}

/* The members of phase 1:
 *   m1 An     team 1, joined 01/01/2024            counted
 *   m2 Bình   team 1, left 18/08/2024 (day before)  not counted
 *   m3 Cường  team 1, left 19/08/2024 (first day)   counted
 *   m4 Dũng   team 1, joined 03/02/2025 (last day)  counted
 *   m5 Giang  team 1, joined 04/02/2025 (day after) not counted
 *   m6 Hải    team 2, joined 01/01/2024            counted
 * Members: 4 in the commune (m1, m3, m4, m6), 3 in team 1, 1 in team 2,
 * none in team 3. */
static void
add_members (Fixture *fx)
{
  fx->m[1] = insert_member (fx, "Nguyễn Văn An", 0, "2024-01-01", NULL);
  fx->m[2] = insert_member (fx, "Trần Văn Bình", 0, "2024-01-01", BEFORE);
  fx->m[3] = insert_member (fx, "Lê Văn Cường", 0, "2024-01-01", P1_FROM);
  fx->m[4] = insert_member (fx, "Phạm Văn Dũng", 0, P1_TO, NULL);
  fx->m[5] = insert_member (fx, "Hoàng Văn Giang", 0, AFTER_END, NULL);
  fx->m[6] = insert_member (fx, "Đỗ Văn Hải", 1, "2024-01-01", NULL);
}

static gint64
insert_link (Fixture    *fx,
             const char *table,
             const char *parent_column,
             gint64      parent_id,
             gint64      member_id)
{
  AnttRecord *link = antt_record_new (table);

  antt_record_set_int (link, parent_column, parent_id);
  antt_record_set_int (link, "member_id", member_id);
  return insert (fx, link);
}

static AnttTargetReport *
evaluate (Fixture    *fx,
          const char *from,
          const char *to,
          const char *today)
{
  g_autoptr(GError) error = NULL;
  AnttTargetReport *report = antt_targets_evaluate (fx->db, fx->campaign_id, from, to, today,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const char *
state_name (AnttTargetState state)
{
  switch (state)
    {
    case ANTT_TARGET_STATE_MET:
      return "met";
    case ANTT_TARGET_STATE_AT_RISK:
      return "at risk";
    case ANTT_TARGET_STATE_NOT_MET:
      return "not met";
    case ANTT_TARGET_STATE_NO_DATA:
    default:
      return "no data";
    }
}

/* Compares "T1 commune 0: 2/4 not met" strings, so that a failure says
 * which result is wrong and how. */
static const AnttTargetResult *
check (AnttTargetReport *report,
       const char       *code,
       AnttTargetLevel   level,
       gint64            unit_id,
       gint64            numerator,
       gint64            denominator,
       AnttTargetState   state)
{
  static const char *const levels[] = { "commune", "team", "village" };
  const AnttTargetResult *result = antt_target_report_lookup (report, code, level, unit_id);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  expected = g_strdup_printf ("%s %s %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT "/%"
                              G_GINT64_FORMAT " %s", code, levels[level], unit_id,
                              numerator, denominator, state_name (state));
  if (result == NULL)
    actual = g_strdup_printf ("%s %s %" G_GINT64_FORMAT ": missing", code, levels[level],
                              unit_id);
  else
    actual = g_strdup_printf ("%s %s %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT "/%"
                              G_GINT64_FORMAT " %s", code, levels[level], unit_id,
                              result->numerator, result->denominator,
                              state_name (result->state));
  g_assert_cmpstr (actual, ==, expected);
  return result;
}

/* Checks that the records behind a number are those of @table with the
 * ids given, in that order; the list of ids ends with 0. */
static void
check_records (Fixture         *fx,
               const char      *code,
               AnttTargetLevel  level,
               gint64           unit_id,
               const char      *from,
               const char      *to,
               gboolean         failing_only,
               const char      *table,
               ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  va_list args;
  gint64 id;

  records = antt_targets_list_records (fx->db, fx->campaign_id, code, level, unit_id, from, to,
                                       failing_only, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);

  va_start (args, table);
  while ((id = va_arg (args, gint64)) != 0)
    g_string_append_printf (expected, "%s:%" G_GINT64_FORMAT " ", table, id);
  va_end (args);
  for (guint i = 0; i < records->len; i++)
    {
      AnttRecord *record = g_ptr_array_index (records, i);

      g_string_append_printf (actual, "%s:%" G_GINT64_FORMAT " ",
                              antt_record_get_table (record)->name, antt_record_get_id (record));
    }
  g_assert_cmpstr (actual->str, ==, expected->str);
}

#define ID(x) ((gint64) (x))
#define END   ((gint64) 0)

/* T1: tips --------------------------------------------------------------------- */

static gint64
insert_tip (Fixture    *fx,
            const char *date,
            gint64      village_id,
            gboolean    via_force)
{
  AnttRecord *tip = antt_record_new ("tips");

  antt_record_set_string (tip, "received_date", date);
  if (village_id != 0)
    antt_record_set_int (tip, "village_id", village_id);
  antt_record_set_boolean (tip, "via_force", via_force);
  antt_record_set_string (tip, "category", "security");
  antt_record_set_string (tip, "summary", "Phản ánh người lạ mặt");
  return insert (fx, tip);
}

static void
test_t1_tips (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  g_autofree char *explanation = NULL;
  gint64 first_day, last_day, other_village, no_village;

  fixture_set_up (&fx);
  insert_tip (&fx, BEFORE, fx.village[0], TRUE);                    /* out */
  first_day = insert_tip (&fx, P1_FROM, fx.village[0], TRUE);       /* A, via the force */
  last_day = insert_tip (&fx, P1_TO, fx.village[0], FALSE);         /* A, not */
  insert_tip (&fx, AFTER_END, fx.village[0], TRUE);                 /* out */
  other_village = insert_tip (&fx, "2024-10-10", fx.village[1], TRUE); /* B, via */
  no_village = insert_tip (&fx, "2024-11-11", 0, FALSE);            /* commune only */

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);

  /* Commune: 2 via the force (19/08 A, 10/10 B) of 4 = 50% < 80%. */
  check (report, "T1", COMMUNE, 0, 2, 4, NOT_MET);
  g_assert_cmpfloat_with_epsilon (antt_target_report_lookup (report, "T1", COMMUNE, 0)->value,
                                  50.0, 1e-9);
  explanation = antt_target_result_dup_explanation (antt_target_report_lookup (report, "T1",
                                                                               COMMUNE, 0));
  g_assert_cmpstr (explanation, ==, "2 of 4 tips came through the force");
  /* A: 1 of 2; B: 1 of 1; C: none. Each team through its village. */
  check (report, "T1", VILLAGE, fx.village[0], 1, 2, NOT_MET);
  check (report, "T1", VILLAGE, fx.village[1], 1, 1, MET);
  check (report, "T1", VILLAGE, fx.village[2], 0, 0, NO_DATA);
  check (report, "T1", TEAM, fx.team[0], 1, 2, NOT_MET);
  check (report, "T1", TEAM, fx.team[1], 1, 1, MET);
  check (report, "T1", TEAM, fx.team[2], 0, 0, NO_DATA);

  /* While the phase runs, 50% is at risk, not yet failed. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P1_FROM, P1_TO, DURING);
  check (report, "T1", COMMUNE, 0, 2, 4, AT_RISK);

  /* One day, read through the tips' date index rather than the whole
   * table: the last day's tip did not come through the force. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P1_TO, P1_TO, TODAY);
  check (report, "T1", COMMUNE, 0, 0, 1, NOT_MET);

  /* The records behind the numbers, in date order. */
  check_records (&fx, "T1", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "tips",
                 first_day, other_village, no_village, last_day, END);
  check_records (&fx, "T1", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "tips",
                 no_village, last_day, END);
  check_records (&fx, "T1", TEAM, fx.team[0], P1_FROM, P1_TO, TRUE, "tips", last_day, END);
  check_records (&fx, "T1", VILLAGE, fx.village[1], P1_FROM, P1_TO, TRUE, "tips", END);

  fixture_tear_down (&fx);
}

/* At risk: a share short of its threshold while the period runs, or one
 * that meets a threshold under 100% by less than 5 points. */
static void
test_states_at_risk (void)
{
  Fixture fx;
  AnttTargetReport *report;

  fixture_set_up (&fx);
  /* 4 of 5 tips through the force: 80%, exactly the threshold (≥ 80). */
  for (int i = 0; i < 5; i++)
    insert_tip (&fx, "2024-09-01", fx.village[0], i < 4);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);       /* over: met */
  check (report, "T1", COMMUNE, 0, 4, 5, MET);
  antt_target_report_unref (report);

  report = evaluate (&fx, P1_FROM, P1_TO, DURING);      /* 80 < 80 + 5: at risk */
  check (report, "T1", COMMUNE, 0, 4, 5, AT_RISK);
  antt_target_report_unref (report);

  /* The last day is the end: on it, the period no longer runs. */
  report = evaluate (&fx, P1_FROM, P1_TO, P1_TO);
  check (report, "T1", COMMUNE, 0, 4, 5, MET);
  antt_target_report_unref (report);

  /* 9 of 10: 90% ≥ 85, met even while running. */
  for (int i = 0; i < 5; i++)
    insert_tip (&fx, "2024-09-02", fx.village[0], TRUE);
  report = evaluate (&fx, P1_FROM, P1_TO, DURING);
  check (report, "T1", COMMUNE, 0, 9, 10, MET);
  antt_target_report_unref (report);

  fixture_tear_down (&fx);
}

/* T2, T10, T13: incidents ------------------------------------------------------- */

static gint64
insert_incident (Fixture    *fx,
                 const char *date,
                 gint64      village_id,
                 const char *type,
                 const char *severity)
{
  AnttRecord *incident = antt_record_new ("incidents");

  antt_record_set_string (incident, "occurred_date", date);
  antt_record_set_int (incident, "village_id", village_id);
  antt_record_set_string (incident, "type", type);
  antt_record_set_string (incident, "severity", severity);
  if (g_str_equal (type, "weapons"))
    antt_record_set_string (incident, "weapon_kind", "weapon");
  antt_record_set_string (incident, "title", "Vụ việc");
  return insert (fx, incident);
}

static void
test_t2_incidents (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 first, last, after;

  fixture_set_up (&fx);
  add_members (&fx);
  /* 19/08 in A with m3 (who left that day: still a member on it); 03/02
   * in B with nobody; 04/02 and 18/08 out of the period. */
  first = insert_incident (&fx, P1_FROM, fx.village[0], "public_order", "minor");
  insert_link (&fx, "incident_participants", "incident_id", first, fx.m[3]);
  last = insert_incident (&fx, P1_TO, fx.village[1], "dispute", "minor");
  after = insert_incident (&fx, AFTER_END, fx.village[0], "crime", "minor");
  insert_link (&fx, "incident_participants", "incident_id", after, fx.m[1]);
  insert_incident (&fx, BEFORE, fx.village[0], "crime", "minor");

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* 1 of 2; A 1 of 1; B 0 of 1; C none. */
  check (report, "T2", COMMUNE, 0, 1, 2, NOT_MET);
  check (report, "T2", VILLAGE, fx.village[0], 1, 1, MET);
  check (report, "T2", VILLAGE, fx.village[1], 0, 1, NOT_MET);
  check (report, "T2", VILLAGE, fx.village[2], 0, 0, NO_DATA);
  check (report, "T2", TEAM, fx.team[1], 0, 1, NOT_MET);
  check_records (&fx, "T2", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "incidents", last, END);
  check_records (&fx, "T2", VILLAGE, fx.village[0], P1_FROM, P1_TO, FALSE, "incidents",
                 first, END);

  /* A month without incidents says no data, not met. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, "2024-09-01", "2024-09-30", TODAY);
  check (report, "T2", COMMUNE, 0, 0, 0, NO_DATA);

  fixture_tear_down (&fx);
}

static void
test_t10_t13_cases (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 weapons, accident;

  fixture_set_up (&fx);
  /* T10: weapons on the first day (counts) and on the day after (not). */
  weapons = insert_incident (&fx, P1_FROM, fx.village[0], "weapons", "serious");
  insert_incident (&fx, AFTER_END, fx.village[0], "weapons", "minor");
  /* T13: a serious accident on the last day counts; a minor one does not;
   * a very serious one the day before the period does not. */
  accident = insert_incident (&fx, P1_TO, fx.village[1], "traffic_accident", "serious");
  insert_incident (&fx, "2024-09-01", fx.village[1], "traffic_accident", "minor");
  insert_incident (&fx, BEFORE, fx.village[1], "traffic_accident", "very_serious");

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T10", COMMUNE, 0, 1, 0, NOT_MET);
  check (report, "T10", VILLAGE, fx.village[0], 1, 0, NOT_MET);
  check (report, "T10", VILLAGE, fx.village[1], 0, 0, MET);
  check (report, "T10", TEAM, fx.team[1], 0, 0, MET);
  check (report, "T13", COMMUNE, 0, 1, 0, NOT_MET);
  check (report, "T13", VILLAGE, fx.village[0], 0, 0, MET);
  check (report, "T13", TEAM, fx.team[1], 1, 0, NOT_MET);

  /* A count that must stay 0 is never at risk: the case happened. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P1_FROM, P1_TO, DURING);
  check (report, "T10", COMMUNE, 0, 1, 0, NOT_MET);

  check_records (&fx, "T10", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "incidents", weapons, END);
  check_records (&fx, "T13", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "incidents", accident, END);

  fixture_tear_down (&fx);
}

/* T3, T5, T7: trainings ---------------------------------------------------------- */

static gint64
insert_training (Fixture    *fx,
                 const char *date,
                 const char *kind)
{
  AnttRecord *training = antt_record_new ("trainings");

  antt_record_set_string (training, "date", date);
  antt_record_set_string (training, "kind", kind);
  antt_record_set_string (training, "title", "Tập huấn");
  return insert (fx, training);
}

static void
attend_training (Fixture  *fx,
                 gint64    training_id,
                 gint64    member_id,
                 gboolean  passed)
{
  AnttRecord *attendance = antt_record_new ("training_attendance");

  antt_record_set_int (attendance, "training_id", training_id);
  antt_record_set_int (attendance, "member_id", member_id);
  antt_record_set_boolean (attendance, "passed", passed);
  insert (fx, attendance);
}

static void
test_t3_t5_t7_trainings (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 t;

  fixture_set_up (&fx);
  add_members (&fx);
  /* Dân vận before the period (it counts: trained before its end): m1
   * passed, m3 did not, m2 passed but is not a member of the period. */
  t = insert_training (&fx, "2024-05-01", "mass_mobilisation");
  attend_training (&fx, t, fx.m[1], TRUE);
  attend_training (&fx, t, fx.m[3], FALSE);
  attend_training (&fx, t, fx.m[2], TRUE);
  /* On the last day: m4. The day after: m6, too late for phase 1. */
  t = insert_training (&fx, P1_TO, "mass_mobilisation");
  attend_training (&fx, t, fx.m[4], TRUE);
  t = insert_training (&fx, AFTER_END, "mass_mobilisation");
  attend_training (&fx, t, fx.m[6], TRUE);
  /* PCCC: m3 only. No training of administrative order at all. */
  t = insert_training (&fx, "2024-09-01", "fire_rescue");
  attend_training (&fx, t, fx.m[3], TRUE);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* T3: m1 and m4 of m1, m3, m4, m6. Team 1: 2 of 3; team 2: 0 of 1;
   * team 3 has no members. */
  check (report, "T3", COMMUNE, 0, 2, 4, NOT_MET);
  check (report, "T3", TEAM, fx.team[0], 2, 3, NOT_MET);
  check (report, "T3", TEAM, fx.team[1], 0, 1, NOT_MET);
  check (report, "T3", TEAM, fx.team[2], 0, 0, NO_DATA);
  g_assert_null (antt_target_report_lookup (report, "T3", VILLAGE, fx.village[0]));
  /* T5: m3; T7: nobody, which is not met (there are members). */
  check (report, "T5", COMMUNE, 0, 1, 4, NOT_MET);
  check (report, "T5", TEAM, fx.team[0], 1, 3, NOT_MET);
  check (report, "T7", COMMUNE, 0, 0, 4, NOT_MET);

  /* In the order of lists of members: Đỗ, Lê, Nguyễn, Phạm. */
  check_records (&fx, "T3", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "members",
                 fx.m[6], fx.m[3], fx.m[1], fx.m[4], END);
  check_records (&fx, "T3", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "members",
                 fx.m[6], fx.m[3], END);
  check_records (&fx, "T3", TEAM, fx.team[0], P1_FROM, P1_TO, TRUE, "members", fx.m[3], END);

  /* Phase 2: m1, m4, m5 and m6 (m3 left in phase 1); m6 trained on its
   * first day; m5 never. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P2_FROM, P2_TO, "2025-09-01");
  check (report, "T3", COMMUNE, 0, 3, 4, NOT_MET);
  check (report, "T3", TEAM, fx.team[1], 1, 1, MET);

  fixture_tear_down (&fx);
}

/* T12: patrols ------------------------------------------------------------------- */

static gint64
insert_patrol (Fixture    *fx,
               const char *date,
               guint       team)
{
  AnttRecord *patrol = antt_record_new ("patrols");

  antt_record_set_string (patrol, "date", date);
  antt_record_set_int (patrol, "team_id", fx->team[team]);
  antt_record_set_string (patrol, "area", "Quốc lộ 45");
  return insert (fx, patrol);
}

static void
test_t12_patrols (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;

  fixture_set_up (&fx);
  add_members (&fx);
  /* m3 on the first day, m4 on the last; m1 only the days around. */
  insert_link (&fx, "patrol_participants", "patrol_id", insert_patrol (&fx, P1_FROM, 0), fx.m[3]);
  insert_link (&fx, "patrol_participants", "patrol_id", insert_patrol (&fx, P1_TO, 0), fx.m[4]);
  insert_link (&fx, "patrol_participants", "patrol_id", insert_patrol (&fx, BEFORE, 0), fx.m[1]);
  insert_link (&fx, "patrol_participants", "patrol_id", insert_patrol (&fx, AFTER_END, 0),
               fx.m[1]);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* m3, m4 of 4; team 1: 2 of 3; team 2 (m6): 0 of 1. */
  check (report, "T12", COMMUNE, 0, 2, 4, NOT_MET);
  check (report, "T12", TEAM, fx.team[0], 2, 3, NOT_MET);
  check (report, "T12", TEAM, fx.team[1], 0, 1, NOT_MET);
  check (report, "T12", TEAM, fx.team[2], 0, 0, NO_DATA);

  check_records (&fx, "T12", TEAM, fx.team[0], P1_FROM, P1_TO, TRUE, "members", fx.m[1], END);
  check_records (&fx, "T12", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "members", fx.m[6], fx.m[1], END);

  /* Phase 2: m1 on its first day; m4, m5, m6 none: 1 of 4. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P2_FROM, P2_TO, "2025-09-01");
  check (report, "T12", COMMUNE, 0, 1, 4, NOT_MET);

  fixture_tear_down (&fx);
}

/* T14: political activities ----------------------------------------------------- */

static gint64
insert_activity (Fixture    *fx,
                 const char *date)
{
  AnttRecord *activity = antt_record_new ("political_activities");

  antt_record_set_string (activity, "date", date);
  antt_record_set_string (activity, "title", "Sinh hoạt chính trị");
  return insert (fx, activity);
}

static void
test_t14_political (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 activity;

  fixture_set_up (&fx);
  add_members (&fx);
  activity = insert_activity (&fx, "2024-12-01");
  insert_link (&fx, "political_attendance", "activity_id", activity, fx.m[1]);
  insert_link (&fx, "political_attendance", "activity_id", activity, fx.m[6]);
  activity = insert_activity (&fx, AFTER_END);
  insert_link (&fx, "political_attendance", "activity_id", activity, fx.m[4]);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* m1, m6 of 4; team 1: m1 of 3; team 2: m6 of 1. */
  check (report, "T14", COMMUNE, 0, 2, 4, NOT_MET);
  check (report, "T14", TEAM, fx.team[0], 1, 3, NOT_MET);
  check (report, "T14", TEAM, fx.team[1], 1, 1, MET);
  check_records (&fx, "T14", TEAM, fx.team[0], P1_FROM, P1_TO, TRUE, "members",
                 fx.m[3], fx.m[4], END);

  /* While the phase runs, team 1 is at risk; team 2 at 100% is met. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P1_FROM, P1_TO, DURING);
  check (report, "T14", TEAM, fx.team[0], 1, 3, AT_RISK);
  check (report, "T14", TEAM, fx.team[1], 1, 1, MET);

  fixture_tear_down (&fx);
}

/* T15: members breaking the law ---------------------------------------------- */

static gint64
insert_violation (Fixture    *fx,
                  gint64      member_id,
                  const char *date)
{
  AnttRecord *violation = antt_record_new ("member_violations");

  antt_record_set_int (violation, "member_id", member_id);
  antt_record_set_string (violation, "date", date);
  antt_record_set_string (violation, "description", "Đánh bạc");
  return insert (fx, violation);
}

static void
test_t15_member_violations (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;

  fixture_set_up (&fx);
  add_members (&fx);
  insert_violation (&fx, fx.m[3], P1_FROM);      /* counts */
  insert_violation (&fx, fx.m[1], AFTER_END);    /* after */
  insert_violation (&fx, fx.m[2], "2024-08-10"); /* before, and m2 is gone */

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* 1 member of 4 broke the law; team 2 none of 1; team 3 has no members. */
  check (report, "T15", COMMUNE, 0, 1, 4, NOT_MET);
  check (report, "T15", TEAM, fx.team[0], 1, 3, NOT_MET);
  check (report, "T15", TEAM, fx.team[1], 0, 1, MET);
  check (report, "T15", TEAM, fx.team[2], 0, 0, NO_DATA);
  check_records (&fx, "T15", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "members", fx.m[3], END);

  fixture_tear_down (&fx);
}

/* T4: models and examples -------------------------------------------------------- */

static gint64
insert_model (Fixture    *fx,
              const char *kind,
              gint64      village_id,
              gboolean    with_force,
              const char *level,
              const char *recognised,
              const char *started)
{
  AnttRecord *model = antt_record_new ("models");

  antt_record_set_string (model, "kind", kind);
  antt_record_set_string (model, "name", kind[0] == 'm' ? "Mô hình Camera an ninh"
                                                        : "Điển hình tiên tiến");
  if (village_id != 0)
    antt_record_set_int (model, "village_id", village_id);
  antt_record_set_boolean (model, "with_force", with_force);
  if (level != NULL)
    {
      antt_record_set_string (model, "recognition_level", level);
      antt_record_set_string (model, "recognised_date", recognised);
    }
  antt_record_set_string (model, "started_date", started);
  return insert (fx, model);
}

static void
test_t4_models_examples (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 model, example_a, example_c;

  fixture_set_up (&fx);
  /* One model with the force (counts), one without (does not). */
  model = insert_model (&fx, "model", fx.village[0], TRUE, "commune", "2024-10-01", "2024-09-01");
  insert_model (&fx, "model", fx.village[1], FALSE, NULL, NULL, "2024-09-01");
  /* A: recognised by the district on the last day. B: by the commune
   * only, and by the province the day after. C: by the ministry before
   * the period: it still stands. */
  example_a = insert_model (&fx, "example", fx.village[0], TRUE, "district", P1_TO, "2024-12-01");
  insert_model (&fx, "example", fx.village[1], TRUE, "commune", "2024-10-01", "2024-09-01");
  insert_model (&fx, "example", fx.village[1], TRUE, "province", AFTER_END, "2024-12-01");
  example_c = insert_model (&fx, "example", fx.village[2], TRUE, "ministry", "2023-05-01",
                            "2023-01-01");

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T4", VILLAGE, fx.village[0], 1, 0, MET);
  check (report, "T4", VILLAGE, fx.village[1], 0, 0, NOT_MET);
  check (report, "T4", VILLAGE, fx.village[2], 1, 0, MET);
  /* Commune: 2 of 3 villages, 1 model: not met, for want of B. */
  g_assert_cmpint (check (report, "T4", COMMUNE, 0, 2, 3, NOT_MET)->models, ==, 1);
  check (report, "T4", TEAM, fx.team[0], 1, 1, MET);
  check (report, "T4", TEAM, fx.team[1], 0, 1, NOT_MET);
  check (report, "T4", TEAM, fx.team[2], 1, 1, MET);

  check_records (&fx, "T4", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "villages", fx.village[1], END);
  check_records (&fx, "T4", VILLAGE, fx.village[0], P1_FROM, P1_TO, FALSE, "models",
                 example_a, END);
  g_clear_pointer (&report, antt_target_report_unref);

  /* While the phase runs, B can still get its example. */
  report = evaluate (&fx, P1_FROM, P1_TO, DURING);
  check (report, "T4", VILLAGE, fx.village[1], 0, 0, AT_RISK);
  g_clear_pointer (&report, antt_target_report_unref);

  /* B recognised by the district: every village has one, and a model is
   * built: met. Without the model, not met. */
  insert_model (&fx, "example", fx.village[1], TRUE, "district", "2024-11-20", "2024-10-01");
  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T4", COMMUNE, 0, 3, 3, MET);
  g_clear_pointer (&report, antt_target_report_unref);

  antt_records_delete (fx.db, "models", model, &error);
  g_assert_no_error (error);
  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  g_assert_cmpint (check (report, "T4", COMMUNE, 0, 3, 3, NOT_MET)->models, ==, 0);
  (void) example_c;

  fixture_tear_down (&fx);
}

/* T6: call-outs ----------------------------------------------------------------- */

static gint64
insert_callout (Fixture    *fx,
                const char *date,
                gint64      village_id)
{
  AnttRecord *callout = antt_record_new ("callouts");

  antt_record_set_string (callout, "date", date);
  antt_record_set_int (callout, "village_id", village_id);
  antt_record_set_string (callout, "kind", "fire");
  antt_record_set_string (callout, "place", "Kho hàng");
  return insert (fx, callout);
}

static void
mobilise (Fixture  *fx,
          gint64    callout_id,
          gint64    member_id,
          gboolean  present,
          gboolean  on_time)
{
  AnttRecord *link = antt_record_new ("callout_members");

  antt_record_set_int (link, "callout_id", callout_id);
  antt_record_set_int (link, "member_id", member_id);
  antt_record_set_boolean (link, "present", present);
  antt_record_set_boolean (link, "on_time", on_time);
  insert (fx, link);
}

static void
test_t6_callouts (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 c1, c2, c3, c4, c5, c6;

  fixture_set_up (&fx);
  add_members (&fx);
  /* c1 19/08 A: m3, m1 present on time          → on time; team 1 on time
   * c2 01/10 B: m1 late, m6 on time              → late; team 1 late, team 2 on time
   * c3 01/11 A: m1 absent, m6 on time            → on time (the absent member does
   *                                                not make it late); team 1: nobody
   *                                                of it came, not on time; team 2 on time
   * c4 03/02 B: m1 absent, nobody came           → not on time
   * c5 01/12 A: nobody mobilised                 → not counted
   * c6 04/02 A: m1 on time                       → out of the period */
  c1 = insert_callout (&fx, P1_FROM, fx.village[0]);
  mobilise (&fx, c1, fx.m[3], TRUE, TRUE);
  mobilise (&fx, c1, fx.m[1], TRUE, TRUE);
  c2 = insert_callout (&fx, "2024-10-01", fx.village[1]);
  mobilise (&fx, c2, fx.m[1], TRUE, FALSE);
  mobilise (&fx, c2, fx.m[6], TRUE, TRUE);
  c3 = insert_callout (&fx, "2024-11-01", fx.village[0]);
  mobilise (&fx, c3, fx.m[1], FALSE, FALSE);
  mobilise (&fx, c3, fx.m[6], TRUE, TRUE);
  c4 = insert_callout (&fx, P1_TO, fx.village[1]);
  mobilise (&fx, c4, fx.m[1], FALSE, FALSE);
  c5 = insert_callout (&fx, DURING, fx.village[0]);
  c6 = insert_callout (&fx, AFTER_END, fx.village[0]);
  mobilise (&fx, c6, fx.m[1], TRUE, TRUE);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* c1, c3 of c1–c4; A: c1, c3 of 2; B: none of c2, c4. */
  check (report, "T6", COMMUNE, 0, 2, 4, NOT_MET);
  check (report, "T6", VILLAGE, fx.village[0], 2, 2, MET);
  check (report, "T6", VILLAGE, fx.village[1], 0, 2, NOT_MET);
  check (report, "T6", VILLAGE, fx.village[2], 0, 0, NO_DATA);
  /* Team 1: c1 of c1–c4; team 2: c2, c3 of 2. */
  check (report, "T6", TEAM, fx.team[0], 1, 4, NOT_MET);
  check (report, "T6", TEAM, fx.team[1], 2, 2, MET);
  check (report, "T6", TEAM, fx.team[2], 0, 0, NO_DATA);

  check_records (&fx, "T6", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "callouts", c1, c2, c3, c4, END);
  check_records (&fx, "T6", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "callouts", c2, c4, END);
  check_records (&fx, "T6", TEAM, fx.team[0], P1_FROM, P1_TO, TRUE, "callouts", c2, c3, c4, END);
  check_records (&fx, "T6", TEAM, fx.team[1], P1_FROM, P1_TO, FALSE, "callouts", c2, c3, END);
  (void) c5;
  (void) c6;

  fixture_tear_down (&fx);
}

/* The mobilised members are read call-out by call-out, team by team: rows
 * entered in any order, and the teams of a call-out mixed, add up the same. */
static void
test_t6_callouts_interleaved (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 c1, c2, c3, m7, m8;

  fixture_set_up (&fx);
  add_members (&fx);
  m7 = insert_member (&fx, "Vũ Văn Khánh", 2, "2024-01-01", NULL);
  m8 = insert_member (&fx, "Bùi Văn Lâm", 0, "2024-01-01", NULL);

  /* c1 01/09 A: m1 on time, m6 on time, m7 late, m8 absent
   *   → late; team 1 on time (m8 absent), team 2 on time, team 3 late
   * c2 01/10 B: m6 late, m1 absent
   *   → late; team 1: nobody came; team 2 late
   * c3 01/11 A: m7 on time, m6 on time
   *   → on time; teams 2 and 3 on time
   * Entered mixed: c1, c2, c3 in turn, and the teams of c1 apart. */
  c1 = insert_callout (&fx, "2024-09-01", fx.village[0]);
  c2 = insert_callout (&fx, "2024-10-01", fx.village[1]);
  c3 = insert_callout (&fx, "2024-11-01", fx.village[0]);
  mobilise (&fx, c3, m7, TRUE, TRUE);
  mobilise (&fx, c1, fx.m[1], TRUE, TRUE);
  mobilise (&fx, c2, fx.m[6], TRUE, FALSE);
  mobilise (&fx, c1, fx.m[6], TRUE, TRUE);
  mobilise (&fx, c3, fx.m[6], TRUE, TRUE);
  mobilise (&fx, c1, m7, TRUE, FALSE);
  mobilise (&fx, c2, fx.m[1], FALSE, FALSE);
  mobilise (&fx, c1, m8, FALSE, FALSE);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* On time: c3 of c1–c3; A: c3 of c1, c3; B: not c2. */
  check (report, "T6", COMMUNE, 0, 1, 3, NOT_MET);
  check (report, "T6", VILLAGE, fx.village[0], 1, 2, NOT_MET);
  check (report, "T6", VILLAGE, fx.village[1], 0, 1, NOT_MET);
  /* Team 1: c1 of c1, c2; team 2: c1, c3 of c1–c3; team 3: c3 of c1, c3. */
  check (report, "T6", TEAM, fx.team[0], 1, 2, NOT_MET);
  check (report, "T6", TEAM, fx.team[1], 2, 3, NOT_MET);
  check (report, "T6", TEAM, fx.team[2], 1, 2, NOT_MET);

  /* Over c3 alone, everyone came on time; team 3, dissolved on 30/09, is
   * no unit of that day, though m7 still counts for the commune. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, "2024-11-01", "2024-11-01", TODAY);
  check (report, "T6", COMMUNE, 0, 1, 1, MET);
  check (report, "T6", VILLAGE, fx.village[0], 1, 1, MET);
  check (report, "T6", TEAM, fx.team[0], 0, 0, NO_DATA);
  check (report, "T6", TEAM, fx.team[1], 1, 1, MET);
  g_assert_null (antt_target_report_lookup (report, "T6", TEAM, fx.team[2]));

  fixture_tear_down (&fx);
}

/* T8: businesses ----------------------------------------------------------------- */

static gint64
insert_business_violation (Fixture    *fx,
                           const char *date,
                           gint64      village_id)
{
  AnttRecord *violation = antt_record_new ("business_violations");

  antt_record_set_string (violation, "business_name", "Nhà nghỉ Hoàng Long");
  if (village_id != 0)
    antt_record_set_int (violation, "village_id", village_id);
  antt_record_set_string (violation, "date", date);
  antt_record_set_string (violation, "description", "Không thông báo lưu trú");
  return insert (fx, violation);
}

static void
test_t8_businesses (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 first, last;

  fixture_set_up (&fx);
  first = insert_business_violation (&fx, P1_FROM, 0);           /* commune only */
  last = insert_business_violation (&fx, P1_TO, fx.village[1]);
  insert_business_violation (&fx, AFTER_END, fx.village[0]);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T8", COMMUNE, 0, 2, 0, NOT_MET);
  check (report, "T8", VILLAGE, fx.village[0], 0, 0, MET);
  check (report, "T8", VILLAGE, fx.village[1], 1, 0, NOT_MET);
  check (report, "T8", TEAM, fx.team[0], 0, 0, MET);
  check (report, "T8", TEAM, fx.team[1], 1, 0, NOT_MET);
  check_records (&fx, "T8", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "business_violations",
                 first, last, END);
  g_clear_pointer (&report, antt_target_report_unref);

  /* A month without violations is met; a month that has not started yet
   * has no data. */
  report = evaluate (&fx, "2024-09-01", "2024-09-30", TODAY);
  check (report, "T8", COMMUNE, 0, 0, 0, MET);
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, "2025-04-01", "2025-04-30", TODAY);
  check (report, "T8", COMMUNE, 0, 0, 0, NO_DATA);

  fixture_tear_down (&fx);
}

/* T9: population information ------------------------------------------------------ */

static gint64
insert_count (Fixture    *fx,
              gint64      village_id,
              const char *as_of,
              gint64      persons,
              gint64      provided)
{
  AnttRecord *count = antt_record_new ("village_population");

  antt_record_set_int (count, "village_id", village_id);
  antt_record_set_string (count, "as_of", as_of);
  antt_record_set_int (count, "persons", persons);
  antt_record_set_int (count, "persons_provided", provided);
  return insert (fx, count);
}

static void
test_t9_population (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 a_last, b;

  fixture_set_up (&fx);
  /* A: the count of the last day (180 of 200, 90%) replaces the older one;
   * the one of the day after is not yet in force. B: 290 of 300. C: no
   * count at all. */
  insert_count (&fx, fx.village[0], "2024-06-30", 100, 95);
  a_last = insert_count (&fx, fx.village[0], P1_TO, 200, 180);
  insert_count (&fx, fx.village[0], AFTER_END, 100, 100);
  b = insert_count (&fx, fx.village[1], "2024-12-31", 300, 290);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  /* 90% is not more than 90%. */
  check (report, "T9", VILLAGE, fx.village[0], 180, 200, NOT_MET);
  check (report, "T9", VILLAGE, fx.village[1], 290, 300, MET);
  check (report, "T9", VILLAGE, fx.village[2], 0, 0, NO_DATA);
  /* The commune adds its villages up: 470 of 500, 94%. */
  check (report, "T9", COMMUNE, 0, 470, 500, MET);
  check (report, "T9", TEAM, fx.team[0], 180, 200, NOT_MET);
  check (report, "T9", TEAM, fx.team[2], 0, 0, NO_DATA);

  check_records (&fx, "T9", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "village_population",
                 a_last, b, END);
  check_records (&fx, "T9", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "village_population", a_last, END);

  fixture_tear_down (&fx);
}

/* T11: reintegration --------------------------------------------------------------- */

static gint64
insert_case (Fixture    *fx,
             const char *full_name,
             gint64      village_id,
             gint64      team_id,
             const char *start,
             const char *end,
             const char *reoffence)
{
  AnttRecord *record = antt_record_new ("reintegration_cases");

  antt_record_set_string (record, "full_name", full_name);
  antt_record_set_string (record, "gender", "male");
  antt_record_set_int (record, "village_id", village_id);
  if (team_id != 0)
    antt_record_set_int (record, "team_id", team_id);
  antt_record_set_string (record, "start_date", start);
  if (end != NULL)
    antt_record_set_string (record, "end_date", end);
  if (reoffence != NULL)
    antt_record_set_string (record, "reoffence_date", reoffence);
  return insert (fx, record);
}

static void
test_t11_reintegration (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 k1, k3, k4;

  fixture_set_up (&fx);
  /* k1 A team 1, re-offended on the first day   → supported, re-offended
   * k2 B team 2, support ended the day before    → not supported then
   * k3 B team 2, support from the last day       → supported
   * k4 A no team, re-offended the day after      → supported, not in the period
   * k5 A team 1, from the day after              → not supported then */
  k1 = insert_case (&fx, "Vi Văn Khánh", fx.village[0], fx.team[0], "2024-01-01", NULL, P1_FROM);
  insert_case (&fx, "Lò Văn Lâm", fx.village[1], fx.team[1], "2024-01-01", BEFORE, NULL);
  k3 = insert_case (&fx, "Cầm Văn Minh", fx.village[1], fx.team[1], P1_TO, NULL, NULL);
  k4 = insert_case (&fx, "Hà Văn Nam", fx.village[0], 0, "2024-03-01", NULL, AFTER_END);
  insert_case (&fx, "Lương Văn Phúc", fx.village[0], fx.team[0], AFTER_END, NULL, NULL);

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T11", COMMUNE, 0, 1, 3, NOT_MET);
  check (report, "T11", VILLAGE, fx.village[0], 1, 2, NOT_MET);
  check (report, "T11", VILLAGE, fx.village[1], 0, 1, MET);
  check (report, "T11", VILLAGE, fx.village[2], 0, 0, NO_DATA);
  check (report, "T11", TEAM, fx.team[0], 1, 1, NOT_MET);
  check (report, "T11", TEAM, fx.team[1], 0, 1, MET);
  check (report, "T11", TEAM, fx.team[2], 0, 0, NO_DATA);

  /* Vietnamese order: Cầm, Hà, Vi. */
  check_records (&fx, "T11", COMMUNE, 0, P1_FROM, P1_TO, FALSE, "reintegration_cases",
                 k3, k4, k1, END);
  check_records (&fx, "T11", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "reintegration_cases", k1, END);

  fixture_tear_down (&fx);
}

/* T16: team-months ------------------------------------------------------------------ */

static gint64
insert_deed (Fixture    *fx,
             guint       team,
             const char *date)
{
  AnttRecord *deed = antt_record_new ("good_deeds");

  antt_record_set_string (deed, "date", date);
  antt_record_set_int (deed, "team_id", fx->team[team]);
  antt_record_set_string (deed, "kind", "good_deed");
  antt_record_set_string (deed, "description", "Giúp dân thu hoạch lúa");
  return insert (fx, deed);
}

/* antt_target_report_dup_team_months() against a grid read anew. */
static void
assert_team_months_equal (Fixture          *fx,
                          AnttTargetReport *report,
                          gint64            team_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = antt_targets_list_team_months (fx->db, team_id,
                                                          antt_target_report_get_from (report),
                                                          antt_target_report_get_to (report),
                                                          antt_target_report_get_today (report),
                                                          &error);
  g_autoptr(GArray) kept = antt_target_report_dup_team_months (report, team_id);

  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, read->len);
  g_assert_cmpuint (kept->len, >, 0);
  for (guint i = 0; i < kept->len; i++)
    {
      const AnttTeamMonth *a = &g_array_index (kept, AnttTeamMonth, i);
      const AnttTeamMonth *b = &g_array_index (read, AnttTeamMonth, i);

      g_assert_cmpint (a->team_id, ==, b->team_id);
      g_assert_cmpuint (a->year, ==, b->year);
      g_assert_cmpuint (a->month, ==, b->month);
      g_assert_cmpstr (a->first, ==, b->first);
      g_assert_cmpstr (a->last, ==, b->last);
      g_assert_cmpuint (a->n_deeds, ==, b->n_deeds);
      g_assert_cmpint (a->counted, ==, b->counted);
    }
}

static void
test_t16_team_months (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) team = NULL;
  const AnttTeamMonth *tm;
  gint64 aug, feb;

  fixture_set_up (&fx);
  /* Team 2 was set up on 15/11/2024. */
  team = antt_records_get (fx.db, "teams", fx.team[1], &error);
  g_assert_no_error (error);
  antt_record_set_string (team, "established_date", "2024-11-15");
  antt_records_update (fx.db, team, &error);
  g_assert_no_error (error);

  /* Phase 1 touches 7 calendar months, 08/2024 to 02/2025.
   * Team 1 (always there): 7 months; deeds in every month but October.
   *   A deed of 05/08 (before the period) and one of 10/02 (after it) count
   *   for their months, which the period shares: 6 of 7.
   * Team 2 (from 15/11): November to February, 4 months; deeds on its
   *   first day and in January: 2 of 4.
   * Team 3 (until 30/09): August and September, no deeds: 0 of 2.
   * Commune: 8 of 13. */
  aug = insert_deed (&fx, 0, "2024-08-05");
  insert_deed (&fx, 0, "2024-09-30");
  insert_deed (&fx, 0, "2024-11-01");
  insert_deed (&fx, 0, "2024-12-31");
  insert_deed (&fx, 0, "2025-01-15");
  feb = insert_deed (&fx, 0, "2025-02-10");
  insert_deed (&fx, 1, "2024-11-15");
  insert_deed (&fx, 1, "2025-01-20");
  insert_deed (&fx, 0, "2025-03-05");    /* March: not a month of phase 1 */

  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (report, "T16", COMMUNE, 0, 8, 13, NOT_MET);
  check (report, "T16", TEAM, fx.team[0], 6, 7, NOT_MET);
  check (report, "T16", TEAM, fx.team[1], 2, 4, NOT_MET);
  check (report, "T16", TEAM, fx.team[2], 0, 2, NOT_MET);
  g_clear_pointer (&report, antt_target_report_unref);

  /* On 20/02/2025 February is not over: it counts only where met. */
  report = evaluate (&fx, P1_FROM, P1_TO, "2025-02-20");
  check (report, "T16", COMMUNE, 0, 8, 12, NOT_MET);
  check (report, "T16", TEAM, fx.team[1], 2, 3, NOT_MET);
  g_clear_pointer (&report, antt_target_report_unref);

  /* Before any month is over and without deeds: no data. */
  report = evaluate (&fx, "2024-10-01", "2024-10-31", "2024-10-15");
  check (report, "T16", COMMUNE, 0, 0, 0, NO_DATA);
  g_clear_pointer (&report, antt_target_report_unref);

  /* The grid. */
  months = antt_targets_list_team_months (fx.db, 0, P1_FROM, P1_TO, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 13);
  tm = &g_array_index (months, AnttTeamMonth, 0);
  g_assert_cmpint (tm->team_id, ==, fx.team[0]);
  g_assert_cmpuint (tm->year, ==, 2024);
  g_assert_cmpuint (tm->month, ==, 8);
  g_assert_cmpstr (tm->first, ==, P1_FROM);
  g_assert_cmpstr (tm->last, ==, "2024-08-31");
  g_assert_cmpuint (tm->n_deeds, ==, 1);
  tm = &g_array_index (months, AnttTeamMonth, 2);   /* team 1, October */
  g_assert_cmpuint (tm->month, ==, 10);
  g_assert_cmpuint (tm->n_deeds, ==, 0);
  g_assert_true (tm->counted);
  tm = &g_array_index (months, AnttTeamMonth, 6);   /* team 1, February */
  g_assert_cmpuint (tm->year, ==, 2025);
  g_assert_cmpstr (tm->first, ==, "2025-02-01");
  g_assert_cmpstr (tm->last, ==, P1_TO);
  g_assert_cmpuint (tm->n_deeds, ==, 1);
  tm = &g_array_index (months, AnttTeamMonth, 7);   /* team 2 begins in November */
  g_assert_cmpint (tm->team_id, ==, fx.team[1]);
  g_assert_cmpuint (tm->month, ==, 11);
  g_clear_pointer (&months, g_array_unref);

  months = antt_targets_list_team_months (fx.db, fx.team[2], P1_FROM, P1_TO, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 2);
  g_clear_pointer (&months, g_array_unref);

  /* The same grid from the report, which counted the deeds already; also
   * on 20/02/2025, when February is not over. */
  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  assert_team_months_equal (&fx, report, 0);
  assert_team_months_equal (&fx, report, fx.team[0]);
  assert_team_months_equal (&fx, report, fx.team[2]);
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P1_FROM, P1_TO, "2025-02-20");
  assert_team_months_equal (&fx, report, 0);
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, "2024-10-01", "2024-10-31", "2024-10-15");
  assert_team_months_equal (&fx, report, 0);

  /* Behind the numbers: the deeds of the months; the teams with an empty
   * month. */
  check_records (&fx, "T16", TEAM, fx.team[0], P1_FROM, P1_TO, FALSE, "good_deeds",
                 aug, aug + 1, aug + 2, aug + 3, aug + 4, feb, END);
  check_records (&fx, "T16", COMMUNE, 0, P1_FROM, P1_TO, TRUE, "teams",
                 fx.team[0], fx.team[1], fx.team[2], END);
  check_records (&fx, "T16", TEAM, fx.team[1], P1_FROM, P1_TO, TRUE, "teams", fx.team[1], END);

  fixture_tear_down (&fx);
}

/* The whole report ------------------------------------------------------------------ */

/* A new file: the plan and nothing else. */
static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("antt-test-targets-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(AnttDatabase) db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_autoptr(AnttTargetReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_units;

  g_assert_no_error (error);
  g_assert_true (antt_targets_get_campaign_period (db, 1, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (from, ==, "2024-08-19");
  g_assert_cmpstr (to, ==, "2025-08-19");

  report = antt_targets_evaluate (db, 1, from, to, "2025-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (antt_target_report_get_n_targets (report), ==, 16);
  antt_target_report_get_units (report, TEAM, &n_units);
  g_assert_cmpuint (n_units, ==, 0);
  results = antt_target_report_list (report, NULL, COMMUNE);
  g_assert_cmpuint (results->len, ==, 16);

  /* Nothing recorded: no data, except the counts that must stay at 0
   * (nothing happened, which is the target). */
  for (guint i = 0; i < results->len; i++)
    {
      const AnttTargetResult *result = g_ptr_array_index (results, i);
      gboolean zero_count = g_str_equal (result->code, "T8") || g_str_equal (result->code, "T10") ||
                            g_str_equal (result->code, "T13");
      g_autofree char *explanation = antt_target_result_dup_explanation (result);

      g_assert_cmpstr (result->code, ==, antt_target_report_get_code (report, i));
      g_assert_cmpint (result->state, ==, zero_count ? MET : NO_DATA);
      g_assert_nonnull (explanation);
      g_assert_cmpstr (explanation, !=, "");
    }

  g_clear_object (&db);
  g_remove (path);
  g_rmdir (dir);
}

/* Every result of @a and @b, field by field. */
static void
assert_reports_equal (AnttTargetReport *a,
                      AnttTargetReport *b)
{
  for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
    {
      g_autoptr(GPtrArray) ra = antt_target_report_list (a, NULL, l);
      g_autoptr(GPtrArray) rb = antt_target_report_list (b, NULL, l);

      g_assert_cmpuint (ra->len, ==, rb->len);
      for (guint i = 0; i < ra->len; i++)
        {
          const AnttTargetResult *x = g_ptr_array_index (ra, i);
          const AnttTargetResult *y = g_ptr_array_index (rb, i);

          g_assert_cmpstr (x->code, ==, y->code);
          g_assert_cmpstr (x->unit_name, ==, y->unit_name);
          g_assert_cmpint (x->level, ==, y->level);
          g_assert_cmpint (x->unit_id, ==, y->unit_id);
          g_assert_cmpint (x->numerator, ==, y->numerator);
          g_assert_cmpint (x->denominator, ==, y->denominator);
          g_assert_cmpfloat (x->value, ==, y->value);
          g_assert_cmpfloat (x->threshold, ==, y->threshold);
          g_assert_cmpint (x->models, ==, y->models);
          g_assert_cmpint (x->state, ==, y->state);
        }
    }
}

/* A report's results take one block, which the next report reuses once the
 * first is freed: nothing of the first may show through. */
static void
test_report_reuse (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) fresh = NULL;
  g_autoptr(AnttTargetReport) reused = NULL;
  AnttTargetReport *busy;

  fixture_set_up (&fx);
  add_members (&fx);
  insert_tip (&fx, "2024-09-01", fx.village[0], TRUE);
  insert_tip (&fx, "2024-09-02", fx.village[0], FALSE);
  insert_tip (&fx, "2025-03-01", fx.village[1], TRUE);

  /* A period full of numbers, then one with almost none, while the first
   * report holds its block; then the same again in the freed block. */
  busy = evaluate (&fx, P1_FROM, P2_TO, TODAY);
  check (busy, "T1", COMMUNE, 0, 2, 3, AT_RISK);
  fresh = evaluate (&fx, "2025-03-01", "2025-03-01", TODAY);
  antt_target_report_unref (busy);
  reused = evaluate (&fx, "2025-03-01", "2025-03-01", TODAY);

  check (reused, "T1", COMMUNE, 0, 1, 1, MET);
  check (reused, "T1", VILLAGE, fx.village[0], 0, 0, NO_DATA);
  check (reused, "T1", VILLAGE, fx.village[1], 1, 1, MET);
  /* m1, m4, m5 and m6 are members that day; none patrolled. */
  check (reused, "T12", COMMUNE, 0, 0, 4, NOT_MET);
  assert_reports_equal (fresh, reused);

  fixture_tear_down (&fx);
}

/* Half of the targets are read on a second connection in a second thread
 * (where there are two processors, from a connection's second evaluation
 * on): the same numbers as on one, the records of the moment, and a
 * caller's open transaction read on its own connection. */
static void
test_report_two_connections (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) parallel = NULL;
  g_autoptr(AnttTargetReport) sequential = NULL;
  g_autoptr(AnttTargetReport) later = NULL;
  g_autoptr(AnttTargetReport) inside = NULL;
  g_autoptr(GError) error = NULL;
  gint64 patrol;

  fixture_set_up (&fx);
  add_members (&fx);
  insert_tip (&fx, "2024-09-01", fx.village[0], TRUE);
  insert_tip (&fx, "2024-09-02", fx.village[1], FALSE);
  insert_incident (&fx, "2024-09-03", fx.village[0], "weapons", "minor");
  insert_deed (&fx, 0, "2024-09-04");
  patrol = insert_patrol (&fx, "2024-09-05", 0);
  insert_link (&fx, "patrol_participants", "patrol_id", patrol, fx.m[1]);

  /* A connection's first evaluation is on it alone; the next ones on two. */
  sequential = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  g_assert_null (g_object_get_data (G_OBJECT (fx.db), "antt-targets-helper"));
  g_clear_pointer (&sequential, antt_target_report_unref);
  parallel = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  if (g_get_num_processors () > 1)
    g_assert_nonnull (g_object_get_data (G_OBJECT (fx.db), "antt-targets-helper"));
  antt_targets_set_parallel (FALSE);
  sequential = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  antt_targets_set_parallel (TRUE);
  assert_reports_equal (parallel, sequential);
  check (parallel, "T1", COMMUNE, 0, 1, 2, NOT_MET);
  check (parallel, "T10", VILLAGE, fx.village[0], 1, 0, NOT_MET);
  check (parallel, "T12", TEAM, fx.team[0], 1, 3, NOT_MET);   /* m1 of m1, m3, m4 */

  /* A tip recorded since: the helper kept from the last evaluation reads
   * it too. */
  insert_tip (&fx, "2024-09-06", fx.village[1], TRUE);
  later = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  check (later, "T1", COMMUNE, 0, 2, 3, NOT_MET);
  check (later, "T1", VILLAGE, fx.village[1], 1, 2, NOT_MET);

  /* In the caller's transaction, what it has written and not committed. */
  g_assert_true (antt_database_begin (fx.db, &error));
  g_assert_no_error (error);
  insert_tip (&fx, "2024-09-07", fx.village[1], TRUE);
  inside = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  antt_database_rollback (fx.db);
  check (inside, "T1", COMMUNE, 0, 3, 4, NOT_MET);
  check (inside, "T1", VILLAGE, fx.village[1], 2, 3, NOT_MET);

  fixture_tear_down (&fx);
}

static void
test_report_api (void)
{
  Fixture fx;
  g_autoptr(AnttTargetReport) report = NULL;
  g_autoptr(GPtrArray) t1_villages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) extra = antt_record_new ("targets");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const AnttTargetUnit *units;
  gint64 phase1, phase2;
  guint n_units, measured, met;

  fixture_set_up (&fx);
  add_members (&fx);
  insert_tip (&fx, "2024-09-01", fx.village[1], TRUE);

  /* A target of a later movement that this version does not compute. */
  antt_record_set_int (extra, "campaign_id", fx.campaign_id);
  antt_record_set_string (extra, "code", "T17");
  antt_record_set_int (extra, "ordinal", 17);
  antt_record_set_string (extra, "title", "Chỉ tiêu mới");
  antt_record_set_string (extra, "measure", "count");
  antt_record_set_string (extra, "comparison", "=");
  antt_record_set_double (extra, "threshold", 0);
  antt_record_set_string (extra, "scope", "commune");
  insert_ok (&fx, extra);

  /* Phases and their periods. */
  phase1 = antt_targets_find_phase (fx.db, fx.campaign_id, P1_TO, &error);
  phase2 = antt_targets_find_phase (fx.db, fx.campaign_id, P2_FROM, &error);
  g_assert_no_error (error);
  g_assert_cmpint (phase1, >, 0);
  g_assert_cmpint (phase2, >, phase1);
  g_assert_cmpint (antt_targets_find_phase (fx.db, fx.campaign_id, BEFORE, &error), ==, 0);
  g_assert_true (antt_targets_get_phase_period (fx.db, phase1, &from, &to, &error));
  g_assert_cmpstr (from, ==, P1_FROM);
  g_assert_cmpstr (to, ==, P1_TO);

  report = evaluate (&fx, from, to, TODAY);
  g_assert_cmpuint (antt_target_report_get_n_targets (report), ==, 17);
  g_assert_cmpstr (antt_target_report_get_from (report), ==, P1_FROM);
  g_assert_cmpstr (antt_target_report_get_today (report), ==, TODAY);

  /* Teams of the period: all three (team 3 was dissolved during it). */
  units = antt_target_report_get_units (report, TEAM, &n_units);
  g_assert_cmpuint (n_units, ==, 3);
  g_assert_cmpint (units[2].id, ==, fx.team[2]);
  g_assert_cmpstr (units[2].name, ==, "Tổ bảo vệ ANTT thôn Xuân Thành");
  units = antt_target_report_get_units (report, COMMUNE, &n_units);
  g_assert_cmpstr (units[0].name, ==, "Bình Lương");

  check (report, "T17", COMMUNE, 0, 0, 0, NO_DATA);
  g_assert_null (antt_target_report_lookup (report, "T17", TEAM, fx.team[0]));
  g_assert_null (antt_target_report_lookup (report, "T1", TEAM, 999));
  g_assert_null (antt_target_report_lookup (report, "T99", COMMUNE, 0));
  t1_villages = antt_target_report_list (report, "T1", VILLAGE);
  g_assert_cmpuint (t1_villages->len, ==, 3);

  /* Team 2: T1 met (1 of 1 tip in B), T8, T10, T13, T15 met (nothing
   * happened); T3, T5, T7, T12, T14 not met (m6 did nothing), T4 (no
   * example in B) and T16 (no deed in 7 months) not met. T2, T6, T9, T11:
   * no data; T17 is not evaluated per team. */
  met = antt_target_report_count_met (report, TEAM, fx.team[1], &measured);
  g_assert_cmpuint (met, ==, 5);
  g_assert_cmpuint (measured, ==, 12);

  /* A phase 2 evaluation: team 3 was gone by then. */
  g_clear_pointer (&report, antt_target_report_unref);
  report = evaluate (&fx, P2_FROM, P2_TO, TODAY);
  antt_target_report_get_units (report, TEAM, &n_units);
  g_assert_cmpuint (n_units, ==, 2);

  fixture_tear_down (&fx);
}

static void
test_errors (void)
{
  Fixture fx;
  g_autoptr(GError) error = NULL;
  AnttTargetReport *report;
  GPtrArray *records;

  fixture_set_up (&fx);

  report = antt_targets_evaluate (fx.db, fx.campaign_id, P1_TO, P1_FROM, TODAY, &error);
  g_assert_null (report);
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DATE_ORDER);
  g_clear_error (&error);

  report = antt_targets_evaluate (fx.db, fx.campaign_id, "19/08/2024", P1_TO, TODAY, &error);
  g_assert_null (report);
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_INVALID_DATE);
  g_clear_error (&error);

  report = antt_targets_evaluate (fx.db, 4242, P1_FROM, P1_TO, TODAY, &error);
  g_assert_null (report);
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  records = antt_targets_list_records (fx.db, fx.campaign_id, "T9", COMMUNE, 0, P1_TO, P1_FROM,
                                       TRUE, &error);
  g_assert_null (records);
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DATE_ORDER);
  g_clear_error (&error);

  /* A code that is not computed has no records behind it. */
  records = antt_targets_list_records (fx.db, fx.campaign_id, "T99", COMMUNE, 0, P1_FROM, P1_TO,
                                       FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  g_ptr_array_unref (records);

  /* Evaluating inside the caller's transaction leaves it open. */
  g_assert_true (antt_database_begin (fx.db, &error));
  report = evaluate (&fx, P1_FROM, P1_TO, TODAY);
  g_assert_true (antt_database_in_transaction (fx.db));
  antt_database_rollback (fx.db);
  antt_target_report_unref (report);

  fixture_tear_down (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/targets/t1/tips", test_t1_tips);
  g_test_add_func ("/targets/t1/at-risk", test_states_at_risk);
  g_test_add_func ("/targets/t2/incidents", test_t2_incidents);
  g_test_add_func ("/targets/t3-t5-t7/trainings", test_t3_t5_t7_trainings);
  g_test_add_func ("/targets/t4/models-examples", test_t4_models_examples);
  g_test_add_func ("/targets/t6/callouts", test_t6_callouts);
  g_test_add_func ("/targets/t6/callouts-interleaved", test_t6_callouts_interleaved);
  g_test_add_func ("/targets/t8/businesses", test_t8_businesses);
  g_test_add_func ("/targets/t9/population", test_t9_population);
  g_test_add_func ("/targets/t10-t13/cases", test_t10_t13_cases);
  g_test_add_func ("/targets/t11/reintegration", test_t11_reintegration);
  g_test_add_func ("/targets/t12/patrols", test_t12_patrols);
  g_test_add_func ("/targets/t14/political", test_t14_political);
  g_test_add_func ("/targets/t15/member-violations", test_t15_member_violations);
  g_test_add_func ("/targets/t16/team-months", test_t16_team_months);
  g_test_add_func ("/targets/report/empty-file", test_empty_file);
  g_test_add_func ("/targets/report/api", test_report_api);
  g_test_add_func ("/targets/report/reuse", test_report_reuse);
  g_test_add_func ("/targets/report/two-connections", test_report_two_connections);
  g_test_add_func ("/targets/report/errors", test_errors);

  return g_test_run ();
}
