/* test-nominations.c: the province's caps on Bằng khen and the committee's
 * review, as the office and the committee live them: nominations up to the
 * last slot and one past it, slots freed and taken again, a second program
 * racing for the last slot, an INSERT typed into the sqlite3 shell, the
 * nominees who may not be nominated, and the committee's vote.
 *
 * Every test runs on a real SQLite file in a temporary folder, with the
 * commune's plan as seeded: Bằng khen of the provincial chairman capped at
 * 20 collectives and 20 individuals for the interim review of phase 1, 30
 * and 30 for the final review; Giấy khen without a cap.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "antt-database-private.h"
#include "antt-nominations.h"
#include "antt-records.h"
#include "antt-schema-sql.h"

#define N_TEAMS   32
#define N_MEMBERS 36

/* Phase 1: 19/08/2024 – 03/02/2025; phase 2: 04/02/2025 – 19/08/2025. */
#define BEFORE_THE_MOVEMENT "2024-01-01"

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
  gint64        phase1;        /* interim review */
  gint64        phase2;        /* final review */
  gint64        bang_khen;     /* province_bk: capped */
  gint64        giay_khen;     /* district_gk: no cap */
  gint64        village;
  gint64        teams[N_TEAMS];
  gint64        members[N_MEMBERS];
} Fixture;

static gint64
insert_ok (AnttDatabase *db,
           AnttRecord   *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (db, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
lookup_id (AnttDatabase *db,
           const char   *table,
           const char   *column,
           const char   *text,
           gint64        value)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (text != NULL)
    antt_filter_add_equals_text (filter, column, text);
  else
    antt_filter_add_equals (filter, column, value);
  rows = antt_records_list (db, table, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return antt_record_get_id (g_ptr_array_index (rows, 0));
}

static gint64
add_team (Fixture    *fx,
          const char *name,
          const char *established,
          const char *dissolved)
{
  g_autoptr(AnttRecord) team = antt_record_new ("teams");

  antt_record_set_string (team, "name", name);
  antt_record_set_string (team, "established_date", established);
  if (dissolved != NULL)
    antt_record_set_string (team, "dissolved_date", dissolved);
  return insert_ok (fx->db, team);
}

static gint64
add_member (Fixture    *fx,
            const char *full_name,
            guint       serial,
            gint64      team_id,
            const char *joined,
            const char *left)
{
  g_autoptr(AnttRecord) member = antt_record_new ("members");
  g_autofree char *id_number = g_strdup_printf ("0381900%05u", serial);

  antt_record_set_string (member, "full_name", full_name);
  antt_record_set_string (member, "birth_date", "1985-06-15");
  antt_record_set_string (member, "gender", serial % 2 ? "female" : "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fx->village);
  antt_record_set_int (member, "team_id", team_id);
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
  return insert_ok (fx->db, member);
}

static const char *const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lương",
};
static const char *const given_names[] = {
  "Đức", "Ánh", "Phúc", "Hùng", "Lan", "Tuấn", "Thảo", "Dũng", "Hương", "Quý", "Bình", "Yến",
};

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) village = antt_record_new ("villages");

  fx->dir = g_dir_make_tmp ("antt-test-nominations-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "thidua.db", NULL);
  fx->db = antt_database_open (fx->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  antt_database_set_user (fx->db, "Trần Thị Hoa");

  fx->phase1 = lookup_id (fx->db, "phases", "ordinal", NULL, 1);
  fx->phase2 = lookup_id (fx->db, "phases", "ordinal", NULL, 2);
  fx->bang_khen = lookup_id (fx->db, "award_levels", "code", "province_bk", 0);
  fx->giay_khen = lookup_id (fx->db, "award_levels", "code", "district_gk", 0);

  /* One transaction: the people go in at once, each still validated and
   * audited. */
  g_assert_true (antt_database_begin_immediate (fx->db, &error));
  antt_record_set_string (village, "name", "Thôn Đồng Tâm");
  antt_record_set_string (village, "kind", "village");
  fx->village = insert_ok (fx->db, village);

  for (guint i = 0; i < N_TEAMS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tổ bảo vệ ANTT thôn Số %u", i + 1);
      fx->teams[i] = add_team (fx, name, BEFORE_THE_MOVEMENT, NULL);
    }
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Văn %s %u",
                                               family_names[i % G_N_ELEMENTS (family_names)],
                                               given_names[(i / 3) % G_N_ELEMENTS (given_names)],
                                               i + 1);
      fx->members[i] = add_member (fx, name, i + 1, fx->teams[i % N_TEAMS],
                                   BEFORE_THE_MOVEMENT, NULL);
    }
  g_assert_true (antt_database_commit (fx->db, &error));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static AnttRecord *
new_nomination (gint64          phase_id,
                gint64          award_level_id,
                AnttNomineeKind kind,
                gint64          nominee_id)
{
  AnttRecord *nomination = antt_record_new ("nominations");

  antt_record_set_int (nomination, "phase_id", phase_id);
  antt_record_set_int (nomination, "award_level_id", award_level_id);
  antt_record_set_string (nomination, "nominee_kind", antt_nominee_kind_to_string (kind));
  antt_record_set_int (nomination, kind == ANTT_NOMINEE_COLLECTIVE ? "team_id" : "member_id",
                       nominee_id);
  antt_record_set_string (nomination, "achievement_type", "excellent");
  antt_record_set_string (nomination, "summary",
                          "Hoàn thành xuất sắc nhiệm vụ bảo vệ an ninh, trật tự ở cơ sở.");
  return nomination;
}

static gint64
propose (AnttDatabase     *db,
         gint64            phase_id,
         gint64            award_level_id,
         AnttNomineeKind   kind,
         gint64            nominee_id,
         GError          **error)
{
  g_autoptr(AnttRecord) nomination = new_nomination (phase_id, award_level_id, kind, nominee_id);

  return antt_nominations_propose (db, nomination, error);
}

static gint64
propose_ok (AnttDatabase    *db,
            gint64           phase_id,
            gint64           award_level_id,
            AnttNomineeKind  kind,
            gint64           nominee_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = propose (db, phase_id, award_level_id, kind, nominee_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_slots (AnttDatabase    *db,
              gint64           phase_id,
              gint64           award_level_id,
              AnttNomineeKind  kind,
              guint            expected_used,
              int              expected_cap)
{
  g_autoptr(GError) error = NULL;
  guint used = 0;
  int cap = 0;

  g_assert_true (antt_nominations_slots (db, phase_id, award_level_id, kind, &used, &cap,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (used, ==, expected_used);
  g_assert_cmpint (cap, ==, expected_cap);
}

static void
assert_cap_reached (const GError *error,
                    guint         used,
                    int           cap)
{
  g_autofree char *fraction = g_strdup_printf ("%u/%d", used, cap);

  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CAP_REACHED);
  if (strstr (error->message, fraction) == NULL)
    g_error ("“%s” does not say %s", error->message, fraction);
}

static const gint64 *
nominees (Fixture         *fx,
          AnttNomineeKind  kind)
{
  return kind == ANTT_NOMINEE_COLLECTIVE ? fx->teams : fx->members;
}

static void
set_status_ok (AnttDatabase *db,
               gint64        id,
               const char   *status,
               const char   *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (antt_nominations_set_status (db, id, status, reason, &error));
  g_assert_no_error (error);
}

static char *
nomination_status (AnttDatabase *db,
                   gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) nomination = antt_records_get (db, "nominations", id, &error);

  g_assert_no_error (error);
  return g_strdup (antt_record_get_string (nomination, "status"));
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Runs @sql through the sqlite3 command-line shell on @path, as someone at
 * the office might; returns whether it succeeded, and what it said. */
static gboolean
sqlite3_shell (const char  *path,
               const char  *sql,
               char       **errors)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "sqlite3", path, sql, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, errors, &error));
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

/* Caps -------------------------------------------------------------------- */

/* The 20th is accepted and the 21st refused in the interim review, then
 * the 30th and the 31st in the final review, whose 30 slots owe nothing to
 * the interim's: the same nominees may be nominated again there. */
static void
test_cap_fill (Fixture       *fx,
               gconstpointer  data)
{
  AnttNomineeKind kind = GPOINTER_TO_INT (data);
  const gint64 *ids = nominees (fx, kind);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    propose_ok (fx->db, fx->phase1, fx->bang_khen, kind, ids[i]);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, kind, 20, 20);

  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, kind, ids[20], &error), ==, 0);
  assert_cap_reached (error, 20, 20);
  g_clear_error (&error);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, kind, 20, 20);

  /* The other kind is untouched. */
  assert_slots (fx->db, fx->phase1, fx->bang_khen,
                kind == ANTT_NOMINEE_COLLECTIVE ? ANTT_NOMINEE_INDIVIDUAL
                                                : ANTT_NOMINEE_COLLECTIVE, 0, 20);

  /* The final review: its own 30, whatever the interim holds. */
  assert_slots (fx->db, fx->phase2, fx->bang_khen, kind, 0, 30);
  for (guint i = 0; i < 30; i++)
    propose_ok (fx->db, fx->phase2, fx->bang_khen, kind, ids[i]);
  assert_slots (fx->db, fx->phase2, fx->bang_khen, kind, 30, 30);

  g_assert_cmpint (propose (fx->db, fx->phase2, fx->bang_khen, kind, ids[30], &error), ==, 0);
  assert_cap_reached (error, 30, 30);
  g_clear_error (&error);

  assert_slots (fx->db, fx->phase1, fx->bang_khen, kind, 20, 20);
  assert_slots (fx->db, fx->phase2, fx->bang_khen, kind, 30, 30);
}

static void
test_cap_withdraw_frees (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[20];

  for (guint i = 0; i < 20; i++)
    ids[i] = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                         fx->members[i]);

  set_status_ok (fx->db, ids[7], "withdrawn", "Đề nghị rút để nhường suất");
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 19, 20);

  /* The freed slot takes another nominee… */
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[20]);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 20, 20);

  /* …and then neither a new one nor the withdrawn one comes back in. */
  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                            fx->members[21], &error), ==, 0);
  assert_cap_reached (error, 20, 20);
  g_clear_error (&error);

  g_assert_false (antt_nominations_set_status (fx->db, ids[7], "proposed", NULL, &error));
  assert_cap_reached (error, 20, 20);
  g_clear_error (&error);
  {
    g_autofree char *status = nomination_status (fx->db, ids[7]);
    g_assert_cmpstr (status, ==, "withdrawn");
  }

  /* A draft holds no slot: it is saved at a full cap, and proposing it is
   * refused like any other. */
  {
    g_autoptr(AnttRecord) draft = new_nomination (fx->phase1, fx->bang_khen,
                                                  ANTT_NOMINEE_INDIVIDUAL, fx->members[22]);
    g_autoptr(GPtrArray) summary = NULL;

    antt_record_set_string (draft, "status", "draft");
    antt_record_set_string (draft, "created_date", "2025-01-20");
    insert_ok (fx->db, draft);
    g_assert_false (antt_nominations_set_status (fx->db, antt_record_get_id (draft), "proposed",
                                                 NULL, &error));
    assert_cap_reached (error, 20, 20);
    g_clear_error (&error);

    summary = antt_nominations_slots_summary (fx->db, fx->phase1, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < summary->len; i++)
      {
        const AnttSlots *slots = g_ptr_array_index (summary, i);

        if (slots->award_level_id != fx->bang_khen || slots->kind != ANTT_NOMINEE_INDIVIDUAL)
          continue;
        g_assert_cmpuint (slots->proposed, ==, 20);
        g_assert_cmpuint (slots->withdrawn, ==, 1);
        g_assert_cmpuint (slots->draft, ==, 1);
        g_assert_cmpuint (slots->used, ==, 20);
        g_assert_cmpint (slots->cap, ==, 20);
      }
  }
}

static void
test_cap_reject_frees (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[20];

  for (guint i = 0; i < 20; i++)
    ids[i] = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE,
                         fx->teams[i]);

  /* A rejection says why. */
  g_assert_false (antt_nominations_set_status (fx->db, ids[3], "rejected", "  ", &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_clear_error (&error);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, 20, 20);

  set_status_ok (fx->db, ids[3], "rejected", "Thành tích chưa tiêu biểu");
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, 19, 20);
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[20]);

  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE,
                            fx->teams[21], &error), ==, 0);
  assert_cap_reached (error, 20, 20);
}

/* Approving takes no second slot; approved ones stay within the cap. */
static void
test_cap_approved (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[20];
  gint64 extra;

  for (guint i = 0; i < 20; i++)
    ids[i] = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                         fx->members[i]);
  for (guint i = 0; i < 20; i++)
    set_status_ok (fx->db, ids[i], "approved", NULL);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 20, 20);

  /* A withdrawn nomination is not approved directly. */
  set_status_ok (fx->db, ids[0], "withdrawn", "Chuyển sang đề nghị cấp khác");
  g_assert_false (antt_nominations_set_status (fx->db, ids[0], "approved", NULL, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS);
  g_clear_error (&error);

  extra = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                      fx->members[20]);
  set_status_ok (fx->db, extra, "approved", NULL);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 20, 20);

  /* The cap cannot be brought under what is already granted. */
  {
    sqlite3 *handle = antt_database_get_handle (fx->db);
    char *message = NULL;
    int rc = sqlite3_exec (handle,
                           "UPDATE award_caps SET max_count = 10 WHERE nominee_kind = 'individual'"
                           " AND max_count = 20",
                           NULL, NULL, &message);

    g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    g_assert_nonnull (strstr (message, "cap below nominations"));
    sqlite3_free (message);
  }
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 20, 20);
}

/* Giấy khen of the district chairman has no cap in the plan. */
static void
test_uncapped (Fixture       *fx,
               gconstpointer  data)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    propose_ok (fx->db, fx->phase2, fx->giay_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[i]);
  for (guint i = 0; i < N_TEAMS; i++)
    propose_ok (fx->db, fx->phase2, fx->giay_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[i]);
  g_assert_cmpuint (N_MEMBERS, >, 30);
  g_assert_cmpuint (N_TEAMS, >, 30);

  assert_slots (fx->db, fx->phase2, fx->giay_khen, ANTT_NOMINEE_INDIVIDUAL, N_MEMBERS, -1);
  assert_slots (fx->db, fx->phase2, fx->giay_khen, ANTT_NOMINEE_COLLECTIVE, N_TEAMS, -1);
}

static void
test_slots_summary (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  guint n_capped = 0;

  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[0]);
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[0]);
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[1]);

  summary = antt_nominations_slots_summary (fx->db, fx->phase1, &error);
  g_assert_no_error (error);
  /* The five awards of the plan, each for teams then members. */
  g_assert_cmpuint (summary->len, ==, 10);
  for (guint i = 0; i < summary->len; i++)
    {
      const AnttSlots *slots = g_ptr_array_index (summary, i);

      g_assert_cmpint (slots->kind, ==, i % 2 ? ANTT_NOMINEE_INDIVIDUAL : ANTT_NOMINEE_COLLECTIVE);
      g_assert_nonnull (slots->award_name);
      if (g_str_equal (slots->award_code, "province_bk"))
        {
          g_assert_cmpint (slots->cap, ==, 20);
          g_assert_cmpuint (slots->used, ==, slots->kind == ANTT_NOMINEE_COLLECTIVE ? 1 : 2);
          n_capped++;
        }
      else
        {
          g_assert_cmpint (slots->cap, ==, -1);
          g_assert_cmpuint (slots->used, ==, 0);
        }
    }
  g_assert_cmpuint (n_capped, ==, 2);
}

/* Once per review and award --------------------------------------------- */

static void
test_duplicate (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first;

  first = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[4]);
  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                            fx->members[4], &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Bằng khen"));
  g_clear_error (&error);

  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[4]);
  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE,
                            fx->teams[4], &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Another award, another review: not a duplicate. */
  propose_ok (fx->db, fx->phase1, fx->giay_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[4]);
  propose_ok (fx->db, fx->phase2, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[4]);

  /* Withdrawn, the nominee may be proposed afresh. */
  set_status_ok (fx->db, first, "withdrawn", "Bổ sung hồ sơ");
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[4]);
  /* But the withdrawn one cannot come back beside the new one. */
  g_assert_false (antt_nominations_set_status (fx->db, first, "proposed", NULL, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Nor does the schema take one typed in by hand. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO nominations (phase_id, award_level_id,"
                                            " nominee_kind, member_id, achievement_type, status,"
                                            " created_date) VALUES (%" G_GINT64_FORMAT ", %"
                                            G_GINT64_FORMAT ", 'individual', %" G_GINT64_FORMAT
                                            ", 'sudden', 'draft', '2025-01-10')",
                                            fx->phase1, fx->bang_khen, fx->members[4]);
    char *message = NULL;

    g_assert_cmpint (sqlite3_exec (antt_database_get_handle (fx->db), sql, NULL, NULL, &message)
                     & 0xff, ==, SQLITE_CONSTRAINT);
    g_assert_nonnull (strstr (message, "UNIQUE"));
    sqlite3_free (message);
  }
}

/* Who may not be nominated ------------------------------------------------- */

static void
assert_ineligible (Fixture          *fx,
                   gint64            phase_id,
                   AnttNomineeKind   kind,
                   gint64            nominee_id,
                   AnttEligibility   expected,
                   const char       *const *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  AnttEligibility code = ANTT_ELIGIBILITY_OK;
  int error_code = expected == ANTT_ELIGIBILITY_REVIEW_CLOSED ? ANTT_NOMINATION_ERROR_CLOSED
                                                              : ANTT_NOMINATION_ERROR_INELIGIBLE;
  gboolean listed = FALSE;

  g_assert_false (antt_nominations_check_eligibility (fx->db, phase_id, kind, nominee_id, &code,
                                                      &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, error_code);
  g_assert_cmpint (code, ==, expected);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” does not say “%s”", error->message, words[i]);
  g_clear_error (&error);

  /* Proposing is refused with the same reason, and nothing is written. */
  g_assert_cmpint (propose (fx->db, phase_id, fx->giay_khen, kind, nominee_id, &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, error_code);
  for (guint i = 0; words[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, words[i]));
  g_clear_error (&error);

  /* The wizard shows it, greyed out, with the reason. */
  candidates = antt_nominations_list_candidates (fx->db, phase_id, fx->giay_khen, kind, NULL,
                                                 &error);
  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    {
      const AnttCandidate *candidate = g_ptr_array_index (candidates, i);

      if (candidate->id != nominee_id)
        continue;
      g_assert_cmpint (candidate->eligibility, ==, expected);
      g_assert_nonnull (candidate->reason);
      g_assert_nonnull (strstr (candidate->reason, words[0]));
      listed = TRUE;
    }
  g_assert_true (listed);
}

static void
assert_eligible (Fixture          *fx,
                 gint64            phase_id,
                 AnttNomineeKind   kind,
                 gint64            nominee_id)
{
  g_autoptr(GError) error = NULL;
  AnttEligibility code = ANTT_ELIGIBILITY_MEMBER_LEFT;

  g_assert_true (antt_nominations_check_eligibility (fx->db, phase_id, kind, nominee_id, &code,
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (code, ==, ANTT_ELIGIBILITY_OK);
}

static void
test_ineligible (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) violation = antt_record_new ("member_violations");
  gint64 left_early, left_between, joined_late, offender, team_new, team_gone;

  /* Left during phase 1: neither review. */
  left_early = add_member (fx, "Ngô Thị Lan", 901, fx->teams[0], BEFORE_THE_MOVEMENT,
                           "2025-01-10");
  assert_ineligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, left_early,
                     ANTT_ELIGIBILITY_MEMBER_LEFT,
                     (const char *[]) { "Ngô Thị Lan", "10/01/2025", "03/02/2025", NULL });
  assert_ineligible (fx, fx->phase2, ANTT_NOMINEE_INDIVIDUAL, left_early,
                     ANTT_ELIGIBILITY_MEMBER_LEFT,
                     (const char *[]) { "10/01/2025", "19/08/2025", NULL });

  /* Left during phase 2: the interim review, not the final. */
  left_between = add_member (fx, "Bùi Văn Hùng", 902, fx->teams[0], BEFORE_THE_MOVEMENT,
                             "2025-03-01");
  assert_eligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, left_between);
  assert_ineligible (fx, fx->phase2, ANTT_NOMINEE_INDIVIDUAL, left_between,
                     ANTT_ELIGIBILITY_MEMBER_LEFT,
                     (const char *[]) { "01/03/2025", "before the end of the phase", NULL });
  /* Leaving on the last day of the phase is serving it through. */
  {
    gint64 last_day = add_member (fx, "Đỗ Văn Dũng", 903, fx->teams[0], BEFORE_THE_MOVEMENT,
                                  "2025-02-03");
    assert_eligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, last_day);
  }

  /* Joined after phase 1. */
  joined_late = add_member (fx, "Vũ Thị Thảo", 904, fx->teams[1], "2025-03-01", NULL);
  assert_ineligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, joined_late,
                     ANTT_ELIGIBILITY_MEMBER_NOT_JOINED,
                     (const char *[]) { "01/03/2025", "after the end of the phase", NULL });
  assert_eligible (fx, fx->phase2, ANTT_NOMINEE_INDIVIDUAL, joined_late);

  /* A violation within phase 1 only. */
  offender = fx->members[5];
  antt_record_set_int (violation, "member_id", offender);
  antt_record_set_string (violation, "date", "2024-12-01");
  antt_record_set_string (violation, "description", "Uống rượu bia khi làm nhiệm vụ tuần tra");
  insert_ok (fx->db, violation);
  assert_ineligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, offender,
                     ANTT_ELIGIBILITY_MEMBER_VIOLATION,
                     (const char *[]) { "violation", "01/12/2024", NULL });
  assert_eligible (fx, fx->phase2, ANTT_NOMINEE_INDIVIDUAL, offender);

  /* A team established after phase 1 ended. */
  team_new = add_team (fx, "Tổ bảo vệ ANTT thôn Tân Lập", "2025-03-01", NULL);
  assert_ineligible (fx, fx->phase1, ANTT_NOMINEE_COLLECTIVE, team_new,
                     ANTT_ELIGIBILITY_TEAM_NOT_ESTABLISHED,
                     (const char *[]) { "Tân Lập", "established on 01/03/2025", NULL });
  assert_eligible (fx, fx->phase2, ANTT_NOMINEE_COLLECTIVE, team_new);

  /* A team dissolved before phase 2 began (merged into another). */
  team_gone = add_team (fx, "Tổ bảo vệ ANTT thôn Cũ", BEFORE_THE_MOVEMENT, "2025-01-15");
  assert_eligible (fx, fx->phase1, ANTT_NOMINEE_COLLECTIVE, team_gone);
  assert_ineligible (fx, fx->phase2, ANTT_NOMINEE_COLLECTIVE, team_gone,
                     ANTT_ELIGIBILITY_TEAM_DISSOLVED,
                     (const char *[]) { "dissolved on 15/01/2025", "04/02/2025", NULL });

  /* Nothing refused was written. */
  g_assert_cmpint (antt_records_count (fx->db, "nominations", NULL, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_candidates (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) found = NULL;

  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[2]);

  teams = antt_nominations_list_candidates (fx->db, fx->phase1, fx->bang_khen,
                                            ANTT_NOMINEE_COLLECTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, N_TEAMS);
  for (guint i = 0; i < teams->len; i++)
    {
      const AnttCandidate *candidate = g_ptr_array_index (teams, i);

      g_assert_null (candidate->team_name);
      if (candidate->id == fx->teams[2])
        {
          g_assert_cmpint (candidate->eligibility, ==, ANTT_ELIGIBILITY_ALREADY_NOMINATED);
          g_assert_cmpint (candidate->nomination_id, >, 0);
          g_assert_nonnull (strstr (candidate->reason, "already nominated"));
        }
      else
        {
          g_assert_cmpint (candidate->eligibility, ==, ANTT_ELIGIBILITY_OK);
          g_assert_null (candidate->reason);
        }
    }
  /* In Vietnamese order: "Số 1", "Số 10", … come before "Số 2". */
  g_assert_cmpstr (((AnttCandidate *) g_ptr_array_index (teams, 0))->name, ==,
                   "Tổ bảo vệ ANTT thôn Số 1");
  g_assert_cmpstr (((AnttCandidate *) g_ptr_array_index (teams, 1))->name, ==,
                   "Tổ bảo vệ ANTT thôn Số 10");

  /* Found without diacritics. */
  found = antt_nominations_list_candidates (fx->db, fx->phase1, fx->bang_khen,
                                            ANTT_NOMINEE_INDIVIDUAL, "tran van duc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  for (guint i = 0; i < found->len; i++)
    {
      const AnttCandidate *candidate = g_ptr_array_index (found, i);

      g_assert_cmpstr (candidate->name, ==, "Trần Văn Đức 2");
      g_assert_nonnull (candidate->team_name);
      g_assert_cmpint (candidate->team_id, >, 0);
    }

  members = antt_nominations_list_candidates (fx->db, fx->phase1, 0, ANTT_NOMINEE_INDIVIDUAL,
                                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, N_MEMBERS);
}

/* A closed review ------------------------------------------------------------ */

static void
test_closed (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *program = g_find_program_in_path ("sqlite3");
  gint64 proposed, withdrawn;

  proposed = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                         fx->members[0]);
  withdrawn = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                          fx->members[1]);
  set_status_ok (fx->db, withdrawn, "withdrawn", "Không đủ hồ sơ");

  /* Not while a proposal waits for the committee. */
  g_assert_false (antt_nominations_close_review (fx->db, fx->phase1, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS);
  g_clear_error (&error);

  set_status_ok (fx->db, proposed, "approved", NULL);
  g_assert_true (antt_nominations_set_decision (fx->db, fx->phase1, fx->bang_khen,
                                                "125/QĐ-UBND", "20/02/2025", &error));
  g_assert_no_error (error);
  g_assert_true (antt_nominations_close_review (fx->db, fx->phase1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AnttRecord) nomination = antt_records_get (fx->db, "nominations", proposed, &error);
    g_assert_cmpstr (antt_record_get_string (nomination, "decision_number"), ==, "125/QĐ-UBND");
    g_assert_cmpstr (antt_record_get_string (nomination, "decision_date"), ==, "2025-02-20");
  }

  /* Nothing new, of any award… */
  g_assert_cmpint (propose (fx->db, fx->phase1, fx->giay_khen, ANTT_NOMINEE_COLLECTIVE,
                            fx->teams[0], &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "Sơ kết Đợt thi đua thứ Nhất"));
  g_clear_error (&error);
  assert_ineligible (fx, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, fx->members[9],
                     ANTT_ELIGIBILITY_REVIEW_CLOSED, (const char *[]) { "closed", NULL });

  /* …and no change of status. */
  g_assert_false (antt_nominations_set_status (fx->db, proposed, "withdrawn", "x", &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (antt_nominations_set_status (fx->db, withdrawn, "proposed", NULL, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CLOSED);
  g_clear_error (&error);

  /* The decision's number may still be corrected. */
  g_assert_true (antt_nominations_set_decision (fx->db, fx->phase1, fx->bang_khen,
                                                "126/QĐ-UBND", "21/02/2025", &error));
  g_assert_no_error (error);

  /* The final review is open still. */
  propose_ok (fx->db, fx->phase2, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[0]);

  /* Nor by hand, in the sqlite3 shell. */
  if (program == NULL)
    {
      g_test_skip ("sqlite3 shell not installed");
      return;
    }
  sql = g_strdup_printf ("INSERT INTO nominations (phase_id, award_level_id, nominee_kind,"
                         " team_id, achievement_type, status, created_date) VALUES (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'collective', %"
                         G_GINT64_FORMAT ", 'sudden', 'draft', '2025-02-25');",
                         fx->phase1, fx->giay_khen, fx->teams[0]);
  g_assert_false (sqlite3_shell (fx->path, sql, &errors));
  g_assert_nonnull (strstr (errors, "review closed"));
  g_clear_pointer (&errors, g_free);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE nominations SET status = 'proposed' WHERE id = %"
                         G_GINT64_FORMAT ";", withdrawn);
  g_assert_false (sqlite3_shell (fx->path, sql, &errors));
  g_assert_nonnull (strstr (errors, "review closed"));
  {
    g_autofree char *status = nomination_status (fx->db, withdrawn);
    g_assert_cmpstr (status, ==, "withdrawn");
  }
}

/* Writers that are not this program ----------------------------------------- */

typedef struct
{
  AnttDatabase *db;
  gint64        phase_id;
  gint64        award_level_id;
  gint64        member_id;
  GMutex       *mutex;
  GCond        *cond;
  guint        *ready;
  gint64        id;
  GError       *error;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;

  /* Both start together. */
  g_mutex_lock (racer->mutex);
  (*racer->ready)++;
  g_cond_broadcast (racer->cond);
  while (*racer->ready < 2)
    g_cond_wait (racer->cond, racer->mutex);
  g_mutex_unlock (racer->mutex);

  racer->id = propose (racer->db, racer->phase_id, racer->award_level_id,
                       ANTT_NOMINEE_INDIVIDUAL, racer->member_id, &racer->error);
  return NULL;
}

/* Two copies of the program (two connections to the file) propose the 20th
 * nominee at the same moment: exactly one gets the slot. */
static void
test_race_last_slot (Fixture       *fx,
                     gconstpointer  data)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnttDatabase) db_a = antt_database_open (fx->path, ANTT_DATABASE_FLAGS_NO_CREATE,
                                                         &error);
      g_autoptr(AnttDatabase) db_b = NULL;
      GMutex mutex;
      GCond cond;
      guint ready = 0;
      Racer racers[2];
      GThread *threads[2];
      guint n_won = 0;

      g_assert_no_error (error);
      db_b = antt_database_open (fx->path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
      g_assert_no_error (error);

      /* 19 of 20 taken (in later rounds, one is withdrawn to free the 20th). */
      if (round == 0)
        for (guint i = 0; i < 19; i++)
          propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                      fx->members[i]);
      else
        {
          g_autoptr(AnttFilter) filter = antt_filter_new ();
          g_autoptr(GPtrArray) rows = NULL;

          antt_filter_add_equals_text (filter, "status", "proposed");
          rows = antt_records_list (fx->db, "nominations", filter, &error);
          g_assert_no_error (error);
          set_status_ok (fx->db, antt_record_get_id (g_ptr_array_index (rows, 0)), "withdrawn",
                         "Nhường suất");
        }
      assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 19, 20);

      g_mutex_init (&mutex);
      g_cond_init (&cond);
      for (guint i = 0; i < 2; i++)
        {
          racers[i] = (Racer) {
            .db = i == 0 ? db_a : db_b,
            .phase_id = fx->phase1,
            .award_level_id = fx->bang_khen,
            .member_id = fx->members[20 + 2 * round + i],
            .mutex = &mutex,
            .cond = &cond,
            .ready = &ready,
          };
        }
      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("racer", race, &racers[i]);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);

      for (guint i = 0; i < 2; i++)
        {
          if (racers[i].id > 0)
            {
              g_assert_no_error (racers[i].error);
              n_won++;
            }
          else
            {
              assert_cap_reached (racers[i].error, 20, 20);
              g_clear_error (&racers[i].error);
            }
        }
      g_assert_cmpuint (n_won, ==, 1);
      assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 20, 20);
    }
}

/* An INSERT typed into the sqlite3 shell, past the cap, fails with the
 * trigger's message and the count stays at the cap. */
static void
test_sqlite3_shell (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *program = g_find_program_in_path ("sqlite3");
  gint64 withdrawn = 0;

  if (program == NULL)
    {
      g_test_skip ("sqlite3 shell not installed");
      return;
    }

  for (guint i = 0; i < 20; i++)
    {
      gint64 id = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE,
                              fx->teams[i]);
      if (i == 0)
        withdrawn = id;
    }

  /* Under the cap, the shell may write (the schema is not in the way of
   * ordinary work): withdraw one and put another in by hand. */
  sql = g_strdup_printf ("UPDATE nominations SET status = 'withdrawn' WHERE id = %"
                         G_GINT64_FORMAT ";"
                         "INSERT INTO nominations (phase_id, award_level_id, nominee_kind,"
                         " team_id, achievement_type, status, created_date) VALUES (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'collective', %"
                         G_GINT64_FORMAT ", 'sudden', 'proposed', '2025-01-20');",
                         withdrawn, fx->phase1, fx->bang_khen, fx->teams[20]);
  g_assert_true (sqlite3_shell (fx->path, sql, &errors));
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, 20, 20);
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&errors, g_free);

  /* Past the cap: refused. */
  sql = g_strdup_printf ("INSERT INTO nominations (phase_id, award_level_id, nominee_kind,"
                         " team_id, achievement_type, status, created_date) VALUES (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'collective', %"
                         G_GINT64_FORMAT ", 'sudden', 'proposed', '2025-01-20');",
                         fx->phase1, fx->bang_khen, fx->teams[21]);
  g_assert_false (sqlite3_shell (fx->path, sql, &errors));
  if (strstr (errors, "cap reached") == NULL)
    g_error ("The shell said: %s", errors);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, 20, 20);
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&errors, g_free);

  /* Straight to approved, or the withdrawn one back: refused too. */
  sql = g_strdup_printf ("INSERT INTO nominations (phase_id, award_level_id, nominee_kind,"
                         " team_id, achievement_type, status, created_date) VALUES (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'collective', %"
                         G_GINT64_FORMAT ", 'sudden', 'approved', '2025-01-20');",
                         fx->phase1, fx->bang_khen, fx->teams[22]);
  g_assert_false (sqlite3_shell (fx->path, sql, &errors));
  g_assert_nonnull (strstr (errors, "cap reached"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&errors, g_free);
  sql = g_strdup_printf ("UPDATE nominations SET status = 'proposed' WHERE id = %"
                         G_GINT64_FORMAT ";", withdrawn);
  g_assert_false (sqlite3_shell (fx->path, sql, &errors));
  g_assert_nonnull (strstr (errors, "cap reached"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&errors, g_free);

  /* Moving one from the uncapped Giấy khen into the full Bằng khen. */
  {
    gint64 gk = propose_ok (fx->db, fx->phase1, fx->giay_khen, ANTT_NOMINEE_COLLECTIVE,
                            fx->teams[25]);
    sql = g_strdup_printf ("UPDATE nominations SET award_level_id = %" G_GINT64_FORMAT
                           " WHERE id = %" G_GINT64_FORMAT ";", fx->bang_khen, gk);
    g_assert_false (sqlite3_shell (fx->path, sql, &errors));
    g_assert_nonnull (strstr (errors, "cap reached"));
  }

  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, 20, 20);
}

/* Should the schema refuse a write the checks let through (in practice a
 * writer the transaction could not keep out), the user still reads the
 * check's words. A temporary trigger on this connection plays that writer. */
static void
test_trigger_refusal_mapped (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = antt_database_get_handle (fx->db);
  gint64 id;

  for (guint i = 0; i < 5; i++)
    propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, fx->members[i]);

  raw_exec (handle, "CREATE TEMP TRIGGER meanwhile BEFORE INSERT ON main.nominations"
                    " BEGIN SELECT RAISE (ABORT, 'cap reached: proposed and approved"
                    " nominations over award_caps.max_count'); END;");
  g_assert_cmpint (propose (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                            fx->members[5], &error), ==, 0);
  assert_cap_reached (error, 5, 20);
  g_clear_error (&error);
  raw_exec (handle, "DROP TRIGGER temp.meanwhile");

  raw_exec (handle, "CREATE TEMP TRIGGER meanwhile BEFORE UPDATE ON main.nominations"
                    " BEGIN SELECT RAISE (ABORT, 'review closed: the nominations of a closed"
                    " review keep their status'); END;");
  id = lookup_id (fx->db, "nominations", "member_id", NULL, fx->members[0]);
  g_assert_false (antt_nominations_set_status (fx->db, id, "withdrawn", NULL, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CLOSED);
  g_clear_error (&error);
  raw_exec (handle, "DROP TRIGGER temp.meanwhile");

  /* Nothing was left half done. */
  g_assert_false (antt_database_in_transaction (fx->db));
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 5, 20);
  set_status_ok (fx->db, id, "withdrawn", NULL);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 4, 20);
}

/* The committee's review ------------------------------------------------------ */

static gint64
add_meeting (AnttDatabase *db,
             gint64        phase_id,
             gint64        award_level_id,
             guint         members_total,
             guint         members_present)
{
  g_autofree char *sql = NULL;
  sqlite3 *handle = antt_database_get_handle (db);

  sql = g_strdup_printf ("INSERT INTO committee_meetings (phase_id, award_level_id, held_date,"
                         " held_time, place, chair, secretary, members_total, members_present)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2025-02-10',"
                         " '14:00', 'Hội trường UBND xã', 'Lê Đức Tuấn', 'Trần Thị Hoa', %u, %u)",
                         phase_id, award_level_id, members_total, members_present);
  raw_exec (handle, sql);
  return sqlite3_last_insert_rowid (handle);
}

static void
record_votes_ok (AnttDatabase *db,
                 gint64        meeting_id,
                 gint64        nomination_id,
                 guint         votes_for,
                 guint         votes_against,
                 guint         votes_abstain)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (antt_nominations_record_votes (db, meeting_id, nomination_id, votes_for,
                                                votes_against, votes_abstain, &error));
  g_assert_no_error (error);
}

/* Save Votes: all of a meeting's votes or none. */
static void
test_meeting_votes_batch (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = antt_database_get_handle (fx->db);
  gint64 ids[3];
  gint64 meeting;
  guint failed = G_MAXUINT;
  gint64 audit_before;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                         fx->members[i]);
  meeting = add_meeting (fx->db, fx->phase1, fx->bang_khen, 9, 7);
  audit_before = raw_int (handle, "SELECT count(*) FROM audit_log");

  {
    /* The third counts more ballots than members present: refused, and the
     * two before it are not kept either. */
    AnttMeetingVote votes[] = {
      { ids[0], 5, 1, 0 }, { ids[1], 4, 2, 1 }, { ids[2], 6, 2, 0 },
    };

    g_assert_false (antt_nominations_record_meeting_votes (fx->db, meeting, votes,
                                                           G_N_ELEMENTS (votes), &failed,
                                                           &error));
    g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (failed, ==, 2);
    g_assert_false (antt_database_in_transaction (fx->db));
    g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM meeting_votes"), ==, 0);
    g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM audit_log"), ==, audit_before);
  }

  {
    AnttMeetingVote votes[] = {
      { ids[0], 5, 1, 0 }, { ids[1], 4, 2, 1 }, { ids[2], 6, 1, 0 },
    };

    g_assert_true (antt_nominations_record_meeting_votes (fx->db, meeting, votes,
                                                          G_N_ELEMENTS (votes), NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM meeting_votes"), ==, 3);
    g_assert_cmpint (raw_int (handle, "SELECT sum(votes_for) FROM meeting_votes"), ==, 15);
    g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM audit_log"), ==, audit_before + 3);
  }

  {
    /* A correction refused part-way leaves the votes saved before as they were. */
    AnttMeetingVote votes[] = { { ids[0], 7, 0, 0 }, { 999999, 1, 0, 0 } };

    g_assert_false (antt_nominations_record_meeting_votes (fx->db, meeting, votes,
                                                           G_N_ELEMENTS (votes), &failed,
                                                           &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpuint (failed, ==, 1);
    g_assert_cmpint (raw_int (handle, "SELECT sum(votes_for) FROM meeting_votes"), ==, 15);
  }
}

static void
test_decide_threshold (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) commune = antt_record_new ("commune");
  g_autoptr(GPtrArray) tally = NULL;
  gint64 ids[5];
  gint64 meeting, thin_meeting;
  guint approved = 0, rejected = 0;
  sqlite3 *handle = antt_database_get_handle (fx->db);
  gint64 last_audit;
  char *audit_sql;

  /* The committee: 9 members; 60 % of them must vote for, half present. */
  antt_record_set_id (commune, 1);
  antt_record_set_int (commune, "vote_quorum_pct", 50);
  antt_record_set_int (commune, "vote_approve_pct", 60);
  g_assert_true (antt_records_update (fx->db, commune, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL,
                         fx->members[i]);

  /* 4 of 9 present: no quorum, nothing decided. */
  thin_meeting = add_meeting (fx->db, fx->phase1, fx->bang_khen, 9, 4);
  record_votes_ok (fx->db, thin_meeting, ids[0], 4, 0, 0);
  g_assert_false (antt_nominations_decide (fx->db, thin_meeting, &approved, &rejected, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_NO_QUORUM);
  g_assert_nonnull (strstr (error->message, "4 of the committee's 9"));
  g_clear_error (&error);
  {
    g_autofree char *status = nomination_status (fx->db, ids[0]);
    g_assert_cmpstr (status, ==, "proposed");
  }

  meeting = add_meeting (fx->db, fx->phase1, fx->bang_khen, 9, 7);

  /* No more ballots than members present. */
  g_assert_false (antt_nominations_record_votes (fx->db, meeting, ids[0], 6, 2, 0, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_clear_error (&error);

  /* 6 of 9 is 66 %: approved; 5 of 9 is 55 %: not. Corrected votes replace
   * the first count. */
  record_votes_ok (fx->db, meeting, ids[0], 1, 1, 0);
  record_votes_ok (fx->db, meeting, ids[0], 7, 0, 0);
  record_votes_ok (fx->db, meeting, ids[1], 6, 1, 0);
  record_votes_ok (fx->db, meeting, ids[2], 5, 2, 0);
  record_votes_ok (fx->db, meeting, ids[3], 0, 7, 0);
  /* ids[4]: not voted on at this meeting. */
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM meeting_votes"), ==, 5);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM audit_log WHERE table_name ="
                                    " 'meeting_votes'"), ==, 6);

  tally = antt_nominations_tally (fx->db, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally->len, ==, 4);
  for (guint i = 0; i < tally->len; i++)
    {
      const AnttVoteTally *row = g_ptr_array_index (tally, i);

      g_assert_cmpint (row->nomination_id, ==, ids[i]);
      g_assert_cmpuint (row->rank, ==, i + 1);
      g_assert_cmpint (row->reaches_threshold, ==, i < 2);
    }

  last_audit = raw_int (handle, "SELECT max (id) FROM audit_log");
  g_assert_true (antt_nominations_decide (fx->db, meeting, &approved, &rejected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (approved, ==, 2);
  g_assert_cmpuint (rejected, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AnttRecord) nomination = antt_records_get (fx->db, "nominations", ids[i], &error);
      const char *expected = i < 2 ? "approved" : i < 4 ? "rejected" : "proposed";

      g_assert_no_error (error);
      g_assert_cmpstr (antt_record_get_string (nomination, "status"), ==, expected);
      if (i == 2)
        {
          g_assert_cmpint (antt_record_get_int (nomination, "votes_for"), ==, 5);
          g_assert_cmpint (antt_record_get_int (nomination, "votes_against"), ==, 2);
          g_assert_nonnull (strstr (antt_record_get_string (nomination, "status_reason"),
                                    "60%"));
        }
    }
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 3, 20);

  /* The meeting keeps the thresholds it applied. */
  g_assert_cmpint (raw_int (handle, "SELECT approve_pct FROM committee_meetings ORDER BY id DESC"
                                    " LIMIT 1"), ==, 60);

  /* Decided ones are not decided again, nor voted on. */
  g_assert_true (antt_nominations_decide (fx->db, meeting, &approved, &rejected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (approved + rejected, ==, 0);
  g_assert_false (antt_nominations_record_votes (fx->db, meeting, ids[0], 7, 0, 0, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS);
  g_clear_error (&error);

  /* The decision changed the four nominations and the meeting, nothing
   * else, and each change is in the audit log. */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE id > %" G_GINT64_FORMAT
                               " AND table_name = 'nominations'", last_audit);
  g_assert_cmpint (raw_int (handle, audit_sql), ==, 4);
  g_free (audit_sql);
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE id > %" G_GINT64_FORMAT
                               " AND table_name = 'committee_meetings'", last_audit);
  g_assert_cmpint (raw_int (handle, audit_sql), ==, 1);
  g_free (audit_sql);
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE id > %" G_GINT64_FORMAT
                               " AND table_name NOT IN ('nominations', 'committee_meetings')",
                               last_audit);
  g_assert_cmpint (raw_int (handle, audit_sql), ==, 0);
  g_free (audit_sql);
}

/* Figures ----------------------------------------------------------------------- */

/* The end of add_event()'s list of column, type ("i" or "s"), value. */
#define END ((const char *) NULL)

static gint64
add_event (Fixture    *fx,
           const char *table,
           const char *date,
           const char *first_column,
           ...)
{
  g_autoptr(AnttRecord) record = antt_record_new (table);
  va_list args;
  const char *column = first_column;

  va_start (args, first_column);
  while (column != NULL)
    {
      const char *type = va_arg (args, const char *);

      if (g_str_equal (type, "i"))
        antt_record_set_int (record, column, va_arg (args, gint64));
      else
        antt_record_set_string (record, column, va_arg (args, const char *));
      column = va_arg (args, const char *);
    }
  va_end (args);
  if (date != NULL)
    antt_record_set_string (record,
                            g_str_equal (table, "tips") ? "received_date"
                            : g_str_equal (table, "incidents") ? "occurred_date" : "date",
                            date);
  return insert_ok (fx->db, record);
}

static void
test_figures (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  AnttNomineeFigures member = { 0 };
  AnttNomineeFigures team = { 0 };
  gint64 team_id = fx->teams[0];
  gint64 a = fx->members[0];               /* both in team 0 */
  gint64 b = fx->members[N_TEAMS];
  gint64 other = fx->members[1];           /* team 1 */
  gint64 patrol, callout, incident, rcase;
  const char *in1 = "2024-10-05";          /* within phase 1 */
  const char *in2 = "2025-05-05";          /* within phase 2 */
  const AnttColumn *evidence_column =
    antt_table_get_column (antt_table_lookup ("nomination_evidence"), "record_table");

  /* Two patrols of the team in phase 1, both with a; one with b. One in
   * phase 2. A patrol of another team that a joined. */
  for (guint i = 0; i < 2; i++)
    {
      patrol = add_event (fx, "patrols", in1, "team_id", "i", team_id, "area", "s",
                          "Đường liên thôn", END);
      add_event (fx, "patrol_participants", NULL, "patrol_id", "i", patrol, "member_id", "i",
                 a, END);
      if (i == 0)
        add_event (fx, "patrol_participants", NULL, "patrol_id", "i", patrol, "member_id", "i",
                   b, END);
    }
  add_event (fx, "patrols", in2, "team_id", "i", team_id, "area", "s", "Chợ xã", END);
  patrol = add_event (fx, "patrols", in1, "team_id", "i", fx->teams[1], "area", "s", "Bến đò",
                      END);
  add_event (fx, "patrol_participants", NULL, "patrol_id", "i", patrol, "member_id", "i", a,
             END);

  /* A fire call-out with a (on time) and b (late): one call-out for the team. */
  callout = add_event (fx, "callouts", in1, "kind", "s", "fire", "place", "s", "Nhà ông Bình",
                       END);
  add_event (fx, "callout_members", NULL, "callout_id", "i", callout, "member_id", "i", a, END);
  add_event (fx, "callout_members", NULL, "callout_id", "i", callout, "member_id", "i", b,
             "on_time", "i", (gint64) 0, END);

  /* Tips: two through a, one through b, one not through the force. */
  add_event (fx, "tips", in1, "category", "s", "other", "via_force", "i", (gint64) 1,
             "member_id", "i", a, "summary", "s",
             "Tin báo đánh bạc", END);
  add_event (fx, "tips", in1, "category", "s", "other", "via_force", "i", (gint64) 1,
             "member_id", "i", a, "summary", "s",
             "Tin báo trộm cắp", END);
  add_event (fx, "tips", in1, "category", "s", "other", "via_force", "i", (gint64) 1,
             "member_id", "i", b, "summary", "s",
             "Tin báo tụ tập", END);
  add_event (fx, "tips", in1, "category", "s", "other", "via_force", "i", (gint64) 0,
             "summary", "s", "Tin qua điện thoại", END);

  /* An incident with both. */
  incident = add_event (fx, "incidents", in1, "type", "s", "public_order", "severity", "s",
                        "minor", "title", "s", "Gây rối trật tự tại đám cưới", END);
  add_event (fx, "incident_participants", NULL, "incident_id", "i", incident, "member_id", "i",
             a, END);
  add_event (fx, "incident_participants", NULL, "incident_id", "i", incident, "member_id", "i",
             b, END);

  /* Good deeds: one of the team, one of a, a commendation of b, and one of
   * another team. */
  add_event (fx, "good_deeds", in1, "team_id", "i", team_id, "kind", "s", "good_deed",
             "description", "s", "Sửa đường vào thôn", END);
  add_event (fx, "good_deeds", in1, "team_id", "i", team_id, "member_id", "i", a, "kind", "s",
             "good_deed", "description", "s", "Trả lại ví", END);
  add_event (fx, "good_deeds", in1, "team_id", "i", team_id, "member_id", "i", b, "kind", "s",
             "commendation", "description", "s", "Được Công an huyện biểu dương",
             "commended_by", "s", "Công an huyện Như Xuân", END);
  add_event (fx, "good_deeds", in1, "team_id", "i", fx->teams[1], "member_id", "i", other,
             "kind", "s", "good_deed", "description", "s", "Giúp dân chống lụt", END);

  /* A reintegration case assigned to the team; a visits once in the phase,
   * once after it. */
  rcase = add_event (fx, "reintegration_cases", NULL, "full_name", "s", "Ưng Hoàng Phúc",
                     "gender", "s", "male", "village_id", "i", fx->village, "team_id", "i",
                     team_id, "start_date", "s", "2024-09-01", END);
  add_event (fx, "reintegration_visits", in1, "case_id", "i", rcase, "member_id", "i", a, END);
  add_event (fx, "reintegration_visits", in2, "case_id", "i", rcase, "member_id", "i", a, END);

  g_assert_true (antt_nominations_figures (fx->db, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, a,
                                           &member, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (member.patrols, ==, 3);
  g_assert_cmpuint (member.callouts, ==, 1);
  g_assert_cmpuint (member.callouts_on_time, ==, 1);
  g_assert_cmpuint (member.tips, ==, 2);
  g_assert_cmpuint (member.incidents, ==, 1);
  g_assert_cmpuint (member.good_deeds, ==, 1);
  g_assert_cmpuint (member.commendations, ==, 0);
  g_assert_cmpuint (member.reintegration_visits, ==, 1);

  g_assert_true (antt_nominations_figures (fx->db, fx->phase1, ANTT_NOMINEE_COLLECTIVE, team_id,
                                           &team, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (team.members, ==, 2);
  g_assert_cmpuint (team.patrols, ==, 2);
  g_assert_cmpuint (team.callouts, ==, 1);
  g_assert_cmpuint (team.callouts_on_time, ==, 1);
  g_assert_cmpuint (team.tips, ==, 3);
  g_assert_cmpuint (team.incidents, ==, 1);
  g_assert_cmpuint (team.good_deeds, ==, 2);
  g_assert_cmpuint (team.commendations, ==, 1);
  g_assert_cmpuint (team.reintegration_visits, ==, 1);

  /* Phase 2 sees only its own. */
  g_assert_true (antt_nominations_figures (fx->db, fx->phase2, ANTT_NOMINEE_COLLECTIVE, team_id,
                                           &team, &error));
  g_assert_cmpuint (team.patrols, ==, 1);
  g_assert_cmpuint (team.tips, ==, 0);
  g_assert_cmpuint (team.reintegration_visits, ==, 1);

  /* The evidence a's nomination may link: 3 patrols, 1 call-out, 2 tips,
   * 1 incident, 1 good deed, 1 visit. */
  evidence = antt_nominations_list_evidence (fx->db, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, a,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 9);
  for (guint i = 0; i < evidence->len; i++)
    {
      const AnttEvidence *item = g_ptr_array_index (evidence, i);

      g_assert_cmpstr (item->date, ==, in1);
      g_assert_nonnull (item->title);
      g_assert_cmpint (item->record_id, >, 0);
      /* Each is a kind of record nomination_evidence links. */
      g_assert_true (antt_column_choice_label (evidence_column, item->record_table)
                     != item->record_table);
    }
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = antt_nominations_list_evidence (fx->db, fx->phase1, ANTT_NOMINEE_COLLECTIVE,
                                             team_id, &error);
  g_assert_no_error (error);
  /* 2 patrols, 1 call-out, 3 tips, 1 incident, 3 deeds, 1 visit. */
  g_assert_cmpuint (evidence->len, ==, 11);
}

/* Migration from version 1 ---------------------------------------------------- */

static const char *const v1_tables[] = {
  "commune", "campaigns", "phases", "targets", "award_levels", "award_caps", "villages",
  "teams", "members", "patrols", "patrol_participants", "member_violations", "nominations",
  "nomination_evidence", "audit_log",
};

/* A file as version 1 left it, with data, and 25 individual nominations for
 * a Bằng khen capped at 20: version 1 had no cap in the schema. */
static void
write_v1_file (const char *path)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  raw_exec (raw, "BEGIN");
  raw_exec (raw, ANTT_SCHEMA_V1_SQL);
  raw_exec (raw,
            "INSERT INTO commune (id, commune_name, vote_quorum_pct, vote_approve_pct)"
            " VALUES (1, 'Bình Lương', 50, 50);"
            "INSERT INTO campaigns (id, name, start_date, end_date, is_default)"
            " VALUES (1, 'Phong trào thi đua', '2024-08-19', '2025-08-19', 1);"
            "INSERT INTO phases (id, campaign_id, ordinal, name, start_date, end_date,"
            " review_kind, review_name) VALUES"
            " (1, 1, 1, 'Đợt thứ Nhất', '2024-08-19', '2025-02-03', 'interim', 'Sơ kết'),"
            " (2, 1, 2, 'Đợt thứ Hai', '2025-02-04', '2025-08-19', 'final', 'Tổng kết');"
            "INSERT INTO targets (campaign_id, code, ordinal, title, measure, comparison,"
            " threshold) VALUES (1, 'T1', 1, 'Nguồn tin', 'ratio', '>=', 80);"
            "INSERT INTO award_levels (id, campaign_id, code, ordinal, name) VALUES"
            " (1, 1, 'province_bk', 1, 'Bằng khen của Chủ tịch UBND tỉnh'),"
            " (2, 1, 'district_gk', 2, 'Giấy khen của Chủ tịch UBND huyện');"
            "INSERT INTO award_caps (phase_id, award_level_id, nominee_kind, max_count) VALUES"
            " (1, 1, 'collective', 20), (1, 1, 'individual', 20),"
            " (2, 1, 'collective', 30), (2, 1, 'individual', 30);"
            "INSERT INTO villages (id, name, name_fold)"
            " VALUES (1, 'Thôn Đồng Tâm', 'thon dong tam');"
            "INSERT INTO teams (id, name, name_fold, established_date) VALUES"
            " (1, 'Tổ Đồng Tâm', 'to dong tam', '2024-01-01'),"
            " (2, 'Tổ Bình Minh', 'to binh minh', '2024-01-01');");
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO members (id, full_name, name_fold, birth_date, gender, id_number,"
        " village_id, team_id, joined_date) VALUES (%u, 'Nguyễn Văn Đức %u', 'nguyen van duc %u',"
        " '1985-06-15', 'male', '0381900%05u', 1, %u, '2024-01-01');"
        "INSERT INTO nominations (id, phase_id, award_level_id, nominee_kind, member_id,"
        " achievement_type, summary, status, created_date) VALUES (%u, 1, 1, 'individual', %u,"
        " 'excellent', 'Thành tích %u', 'proposed', '2025-02-05');",
        i, i, i, i, 1 + i % 2, i, i, i);
      raw_exec (raw, sql);
    }
  raw_exec (raw,
            "INSERT INTO nominations (id, phase_id, award_level_id, nominee_kind, team_id,"
            " achievement_type, status, created_date) VALUES"
            " (26, 1, 1, 'collective', 1, 'sudden', 'draft', '2025-02-05');"
            "INSERT INTO nomination_evidence (nomination_id, record_table, record_id)"
            " VALUES (1, 'patrols', 1);"
            "INSERT INTO patrols (id, date, team_id, area, area_fold) VALUES"
            " (1, '2024-10-01', 1, 'Đường liên thôn', 'duong lien thon');"
            "INSERT INTO patrol_participants (patrol_id, member_id) VALUES (1, 1), (1, 2);"
            "INSERT INTO member_violations (member_id, date, description) VALUES"
            " (25, '2024-12-01', 'Vi phạm');"
            "INSERT INTO audit_log (at, who, table_name, row_id, action, new_values) VALUES"
            " ('2025-02-05T08:00:00+07:00', 'Trần Thị Hoa', 'nominations', 1, 'insert', '{}');");
  raw_exec (raw, "PRAGMA user_version = 1");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", ANTT_APPLICATION_ID);
    raw_exec (raw, sql);
  }
  raw_exec (raw, "COMMIT");
  sqlite3_close (raw);
}

static gint64
table_count (sqlite3    *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return raw_int (db, sql);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("antt-test-nominations-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  gint64 counts[G_N_ELEMENTS (v1_tables)];
  sqlite3 *raw = NULL;
  sqlite3 *handle;
  guint approved = 0, rejected = 0;
  gint64 meeting;

  /* The embedded steps are the files, one constant each. */
  g_assert_nonnull (strstr (ANTT_SCHEMA_V1_SQL, "CREATE TABLE nominations"));
  g_assert_nonnull (strstr (ANTT_SCHEMA_V2_SQL, "CREATE TABLE committee_meetings"));

  write_v1_file (path);
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (v1_tables); i++)
    counts[i] = table_count (raw, v1_tables[i]);
  sqlite3_close (raw);
  g_assert_cmpint (counts[12], ==, 26);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  handle = antt_database_get_handle (db);

  /* Every row kept, nothing seeded into a file that has its plan. */
  for (guint i = 0; i < G_N_ELEMENTS (v1_tables); i++)
    if (table_count (handle, v1_tables[i]) != counts[i])
      g_error ("%s: %" G_GINT64_FORMAT " rows before, %" G_GINT64_FORMAT " after",
               v1_tables[i], counts[i], table_count (handle, v1_tables[i]));
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM nominations WHERE status = 'proposed'"
                                    " AND summary = 'Thành tích 7' AND member_id = 7"), ==, 1);
  g_assert_cmpint (table_count (handle, "committee_meetings"), ==, 0);
  g_assert_cmpint (table_count (handle, "meeting_votes"), ==, 0);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                    " AND tbl_name = 'nominations'"), ==, 4);
  g_assert_true (antt_database_check_integrity (db, &error));
  g_assert_no_error (error);

  /* 25 proposed for 20 slots, from before the schema held the cap: no new
   * proposal goes in… */
  assert_slots (db, 1, 1, ANTT_NOMINEE_INDIVIDUAL, 25, 20);
  g_assert_cmpint (propose (db, 1, 1, ANTT_NOMINEE_INDIVIDUAL, 24, &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    g_autoptr(AnttRecord) member = antt_record_new ("members");

    antt_record_set_string (member, "full_name", "Lê Thị Yến");
    antt_record_set_string (member, "birth_date", "1990-01-01");
    antt_record_set_string (member, "gender", "female");
    antt_record_set_string (member, "id_number", "038190099999");
    antt_record_set_int (member, "village_id", 1);
    antt_record_set_int (member, "team_id", 1);
    antt_record_set_string (member, "role", "member");
    antt_record_set_string (member, "joined_date", "2024-01-01");
    antt_record_set_string (member, "education", "lower_secondary");
    antt_record_set_string (member, "residence", "permanent");
    antt_record_set_string (member, "prior_service", "none");
    insert_ok (db, member);
    g_assert_cmpint (propose (db, 1, 1, ANTT_NOMINEE_INDIVIDUAL, antt_record_get_id (member),
                              &error), ==, 0);
    assert_cap_reached (error, 25, 20);
    g_clear_error (&error);
  }

  /* …and the committee picks the best 20. 30 members, all present, half
   * must vote for. Nominees 1–22 pass, ranked by votes for then against;
   * 23–25 do not. */
  meeting = add_meeting (db, 1, 1, 30, 30);
  for (guint i = 0; i < 25; i++)
    {
      guint votes_for = i < 22 ? 29 - i / 2 : 5;
      guint votes_against = i < 22 ? i % 2 : 25;

      record_votes_ok (db, meeting, i + 1, votes_for, votes_against, 0);
    }
  /* Nominee 21 equal to nominee 20 across the last slot: no decision. */
  record_votes_ok (db, meeting, 21, 20, 1, 0);
  g_assert_false (antt_nominations_decide (db, meeting, &approved, &rejected, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_TIE);
  g_assert_nonnull (strstr (error->message, "Nguyễn Văn Đức 20, Nguyễn Văn Đức 21"));
  g_clear_error (&error);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM nominations WHERE status = 'proposed'"),
                   ==, 25);

  /* A second vote settles it. */
  record_votes_ok (db, meeting, 21, 19, 0, 0);
  g_assert_true (antt_nominations_decide (db, meeting, &approved, &rejected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (approved, ==, 20);
  g_assert_cmpuint (rejected, ==, 5);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM nominations WHERE status = 'approved'"
                                    " AND id BETWEEN 1 AND 20"), ==, 20);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM nominations WHERE status = 'rejected'"
                                    " AND id IN (21, 22) AND status_reason LIKE 'Cap reached%'"),
                   ==, 2);
  g_assert_cmpint (raw_int (handle, "SELECT count(*) FROM nominations WHERE status = 'rejected'"
                                    " AND id > 22 AND status_reason LIKE 'Not approved%'"), ==, 3);
  assert_slots (db, 1, 1, ANTT_NOMINEE_INDIVIDUAL, 20, 20);

  /* Approved ones alone never pass the cap, even by hand. */
  g_assert_false (antt_nominations_set_status (db, 21, "proposed", NULL, &error));
  assert_cap_reached (error, 20, 20);
  g_clear_error (&error);
  {
    char *message = NULL;

    g_assert_cmpint (sqlite3_exec (handle, "UPDATE nominations SET status = 'approved'"
                                           " WHERE id = 21", NULL, NULL, &message) & 0xff,
                     ==, SQLITE_CONSTRAINT);
    g_assert_nonnull (strstr (message, "cap reached"));
    sqlite3_free (message);
  }

  g_clear_object (&db);
  remove_tree (dir);
}

/* Approving stops at the cap even where proposals are over it (a file
 * from version 1), in the core and in the schema. */
static void
test_approved_over_legacy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("antt-test-nominations-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  char *message = NULL;

  write_v1_file (path);
  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 20; id++)
    set_status_ok (db, id, "approved", NULL);
  g_assert_false (antt_nominations_set_status (db, 21, "approved", NULL, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CAP_REACHED);
  g_assert_nonnull (strstr (error->message, "20/20 are approved"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (antt_database_get_handle (db),
                                 "UPDATE nominations SET status = 'approved' WHERE id = 22",
                                 NULL, NULL, &message) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "cap reached: approved"));
  sqlite3_free (message);

  g_clear_object (&db);
  remove_tree (dir);
}

/* The wizard links the nominee's own records as evidence, in the same
 * transaction as the nomination; a record of someone else is refused and
 * nothing is written. The committee then lists the review with names. */
static void
test_evidence_linked (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(AnttRecord) nomination = NULL;
  gint64 a = fx->members[0];
  gint64 b = fx->members[1];
  gint64 patrol, id;
  const AnttNominationInfo *info;

  patrol = add_event (fx, "patrols", "2024-10-05", "team_id", "i", fx->teams[0], "area", "s",
                      "Đường liên thôn", END);
  add_event (fx, "patrol_participants", NULL, "patrol_id", "i", patrol, "member_id", "i", a,
             END);
  add_event (fx, "tips", "2024-11-02", "category", "s", "other", "via_force", "i", (gint64) 1,
             "member_id", "i", a, "summary", "s", "Tin báo đánh bạc", END);

  own = antt_nominations_list_evidence (fx->db, fx->phase1, ANTT_NOMINEE_INDIVIDUAL, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 2);

  /* b did none of it: a's records cannot back b's nomination. */
  nomination = new_nomination (fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, b);
  g_assert_cmpint (antt_nominations_propose_with_evidence (fx->db, nomination, own, &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Đường liên thôn"));
  g_clear_error (&error);
  g_assert_cmpint (antt_records_count (fx->db, "nominations", NULL, NULL), ==, 0);
  g_assert_cmpint (antt_records_count (fx->db, "nomination_evidence", NULL, NULL), ==, 0);
  assert_slots (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, 0, 20);
  g_clear_pointer (&nomination, antt_record_unref);

  /* a's own: the nomination and both links. */
  nomination = new_nomination (fx->phase1, fx->bang_khen, ANTT_NOMINEE_INDIVIDUAL, a);
  id = antt_nominations_propose_with_evidence (fx->db, nomination, own, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  linked = antt_nominations_list_linked_evidence (fx->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 2);
  g_assert_cmpstr (((AnttEvidence *) g_ptr_array_index (linked, 0))->record_table, ==, "patrols");
  g_assert_cmpstr (((AnttEvidence *) g_ptr_array_index (linked, 0))->title, ==, "Đường liên thôn");
  g_assert_cmpstr (((AnttEvidence *) g_ptr_array_index (linked, 1))->date, ==, "2024-11-02");
  g_assert_cmpstr (((AnttEvidence *) g_ptr_array_index (linked, 1))->title, ==, "Tin báo đánh bạc");

  /* A team's nomination too, for the review's list. */
  propose_ok (fx->db, fx->phase1, fx->bang_khen, ANTT_NOMINEE_COLLECTIVE, fx->teams[2]);
  review = antt_nominations_list_review (fx->db, fx->phase1, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, 2);
  info = g_ptr_array_index (review, 0);            /* collective first */
  g_assert_cmpint (info->kind, ==, ANTT_NOMINEE_COLLECTIVE);
  g_assert_cmpstr (info->nominee_name, ==, "Tổ bảo vệ ANTT thôn Số 3");
  g_assert_null (info->team_name);
  info = g_ptr_array_index (review, 1);
  g_assert_cmpint (info->id, ==, id);
  g_assert_cmpint (info->nominee_id, ==, a);
  g_assert_cmpstr (info->team_name, ==, "Tổ bảo vệ ANTT thôn Số 1");
  g_assert_cmpstr (info->status, ==, "proposed");
  g_assert_cmpuint (info->n_evidence, ==, 2);
  g_assert_nonnull (info->award_name);

  /* By status: withdrawn, it leaves the proposed ones. */
  set_status_ok (fx->db, id, "withdrawn", NULL);
  g_clear_pointer (&review, g_ptr_array_unref);
  review = antt_nominations_list_review (fx->db, fx->phase1, fx->bang_khen, "proposed", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, 1);
  g_assert_cmpint (((AnttNominationInfo *) g_ptr_array_index (review, 0))->kind, ==,
                   ANTT_NOMINEE_COLLECTIVE);
  g_clear_pointer (&review, g_ptr_array_unref);
  review = antt_nominations_list_review (fx->db, fx->phase2, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, data) \
  g_test_add (path, Fixture, data, fixture_set_up, fn, fixture_tear_down)

  ADD ("/nominations/cap/collective", test_cap_fill, GINT_TO_POINTER (ANTT_NOMINEE_COLLECTIVE));
  ADD ("/nominations/cap/individual", test_cap_fill, GINT_TO_POINTER (ANTT_NOMINEE_INDIVIDUAL));
  ADD ("/nominations/cap/withdraw-frees", test_cap_withdraw_frees, NULL);
  ADD ("/nominations/cap/reject-frees", test_cap_reject_frees, NULL);
  ADD ("/nominations/cap/approved", test_cap_approved, NULL);
  ADD ("/nominations/cap/uncapped", test_uncapped, NULL);
  ADD ("/nominations/slots-summary", test_slots_summary, NULL);
  ADD ("/nominations/duplicate", test_duplicate, NULL);
  ADD ("/nominations/ineligible", test_ineligible, NULL);
  ADD ("/nominations/candidates", test_candidates, NULL);
  ADD ("/nominations/closed", test_closed, NULL);
  ADD ("/nominations/race-last-slot", test_race_last_slot, NULL);
  ADD ("/nominations/sqlite3-shell", test_sqlite3_shell, NULL);
  ADD ("/nominations/trigger-refusal-mapped", test_trigger_refusal_mapped, NULL);
  ADD ("/nominations/decide/threshold", test_decide_threshold, NULL);
  ADD ("/nominations/meeting-votes-batch", test_meeting_votes_batch, NULL);
  ADD ("/nominations/figures", test_figures, NULL);
  ADD ("/nominations/evidence-linked", test_evidence_linked, NULL);
  g_test_add_func ("/nominations/migrate-v1", test_migrate_v1);
  g_test_add_func ("/nominations/decide/cap-over-legacy", test_approved_over_legacy);

#undef ADD

  return g_test_run ();
}
