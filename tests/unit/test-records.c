/* test-records.c: what the clerk does all year: enter, correct, delete and
 * find records, and get a message beside the right field when an entry is
 * wrong.
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
  gint64        village_id;   /* Thôn Đồng Tâm */
  gint64        team_id;      /* its team */
} Fixture;

static gint64
insert_ok (AnttDatabase *db,
           AnttRecord   *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (db, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (antt_record_get_id (record), ==, id);
  return id;
}

static gint64
insert_village (AnttDatabase *db,
                const char   *name)
{
  g_autoptr(AnttRecord) village = antt_record_new ("villages");

  antt_record_set_string (village, "name", name);
  antt_record_set_string (village, "kind", "village");
  return insert_ok (db, village);
}

static gint64
insert_team (AnttDatabase *db,
             const char   *name)
{
  g_autoptr(AnttRecord) team = antt_record_new ("teams");

  antt_record_set_string (team, "name", name);
  return insert_ok (db, team);
}

static void
fixture_set_up (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("antt-test-records-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "thidua.db", NULL);
  fx->db = antt_database_open (fx->path, ANTT_DATABASE_FLAGS_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->db);
  antt_database_set_user (fx->db, "Trần Thị Hoa");

  fx->village_id = insert_village (fx->db, "Thôn Đồng Tâm");
  fx->team_id = insert_team (fx->db, "Tổ bảo vệ ANTT thôn Đồng Tâm");
}

static void
fixture_tear_down (Fixture *fx)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* A member with every required field, and nothing optional. */
static AnttRecord *
new_member (Fixture    *fx,
            const char *full_name,
            const char *id_number,
            const char *joined_date)
{
  AnttRecord *member = antt_record_new ("members");

  antt_record_set_string (member, "full_name", full_name);
  antt_record_set_string (member, "birth_date", "1985-06-15");
  antt_record_set_string (member, "gender", "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fx->village_id);
  antt_record_set_int (member, "team_id", fx->team_id);
  antt_record_set_string (member, "role", "member");
  antt_record_set_string (member, "joined_date", joined_date);
  antt_record_set_string (member, "education", "lower_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_string (member, "prior_service", "none");
  return member;
}

static gint64
insert_member (Fixture    *fx,
               const char *full_name,
               const char *id_number,
               const char *joined_date)
{
  g_autoptr(AnttRecord) member = new_member (fx, full_name, id_number, joined_date);

  return insert_ok (fx->db, member);
}

static gint64
insert_patrol (Fixture    *fx,
               const char *date)
{
  g_autoptr(AnttRecord) patrol = antt_record_new ("patrols");

  antt_record_set_string (patrol, "date", date);
  antt_record_set_int (patrol, "team_id", fx->team_id);
  antt_record_set_string (patrol, "start_time", "19:30");
  antt_record_set_string (patrol, "end_time", "22:00");
  antt_record_set_string (patrol, "area", "Đường liên thôn Đồng Tâm – Bình Minh");
  return insert_ok (fx->db, patrol);
}

static AnttRecord *
new_link (const char *table,
          const char *parent_column,
          gint64      parent_id,
          gint64      member_id)
{
  AnttRecord *link = antt_record_new (table);

  antt_record_set_int (link, parent_column, parent_id);
  antt_record_set_int (link, "member_id", member_id);
  return link;
}

static AnttRecord *
get_ok (AnttDatabase *db,
        const char   *table,
        gint64        id)
{
  g_autoptr(GError) error = NULL;
  AnttRecord *record = antt_records_get (db, table, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpint (antt_record_get_id (record), ==, id);
  return record;
}

static void
assert_field_error (const GError *error,
                    int           code,
                    const char   *field)
{
  g_assert_error (error, ANTT_RECORD_ERROR, code);
  g_assert_cmpstr (antt_record_error_get_field (error), ==, field);
  /* The message is for the clerk, and says something. */
  g_assert_cmpuint (strlen (error->message), >, 10);
}

/* Inserts @record expecting it refused with @code, naming @field. */
static void
assert_insert_refused (AnttDatabase *db,
                       AnttRecord   *record,
                       int           code,
                       const char   *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (antt_records_insert (db, record, &error), ==, 0);
  assert_field_error (error, code, field);
  g_assert_false (antt_database_in_transaction (db));
}

static gint64
count_rows (AnttDatabase *db,
            const char   *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = antt_records_count (db, table, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_where (AnttDatabase *db,
             const char   *table,
             const char   *column,
             gint64        value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  gint64 n;

  antt_filter_add_equals (filter, column, value);
  n = antt_records_count (db, table, filter, &error);
  g_assert_no_error (error);
  return n;
}

/* Lists @table through @filter, checks that the count agrees, and returns
 * @column of each row joined by "|". */
static char *
list_column (AnttDatabase     *db,
             const char       *table,
             const AnttFilter *filter,
             const char       *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = antt_records_list (db, table, filter, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 n;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  n = antt_records_count (db, table, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, antt_record_get_string (g_ptr_array_index (rows, i), column));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Raw reads, through a connection of our own: what is really in the file. */

typedef struct
{
  char   *who;
  char   *action;
  char   *old_values;
  char   *new_values;
  char   *at;
} AuditRow;

static void
audit_row_free (gpointer data)
{
  AuditRow *row = data;

  g_free (row->who);
  g_free (row->action);
  g_free (row->old_values);
  g_free (row->new_values);
  g_free (row->at);
  g_free (row);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
audit_count (Fixture *fx)
{
  sqlite3 *db = raw_open (fx->path);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit_log", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

/* The audit rows of one record, oldest first. */
static GPtrArray *
audit_rows (Fixture    *fx,
            const char *table,
            gint64      row_id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (audit_row_free);
  sqlite3 *db = raw_open (fx->path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT who, action, old_values, new_values, at"
                                           " FROM audit_log WHERE table_name = ?1"
                                           " AND row_id = ?2 ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AuditRow *row = g_new0 (AuditRow, 1);

      row->who = column_dup (stmt, 0);
      row->action = column_dup (stmt, 1);
      row->old_values = column_dup (stmt, 2);
      row->new_values = column_dup (stmt, 3);
      row->at = column_dup (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* @column of members row @id, as stored. */
static char *
raw_member_text (Fixture    *fx,
                 const char *column,
                 gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM members WHERE id = ?1", column);
  sqlite3 *db = raw_open (fx->path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Create, read, update, delete ---------------------------------------------- */

static void
test_village_crud (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) village = antt_record_new ("villages");
  g_autoptr(AnttRecord) stored = NULL;
  g_autoptr(AnttRecord) change = NULL;
  gint64 id;

  fixture_set_up (&fx);

  antt_record_set_string (village, "name", "Thôn Bình Minh");
  antt_record_set_string (village, "kind", "village");
  antt_record_set_int (village, "population", 1250);
  antt_record_set_int (village, "households", 310);
  antt_record_set_boolean (village, "disadvantaged", TRUE);
  id = insert_ok (fx.db, village);

  stored = get_ok (fx.db, "villages", id);
  g_assert_cmpstr (antt_record_get_string (stored, "name"), ==, "Thôn Bình Minh");
  g_assert_cmpstr (antt_record_get_string (stored, "kind"), ==, "village");
  g_assert_cmpint (antt_record_get_int (stored, "population"), ==, 1250);
  g_assert_cmpint (antt_record_get_int (stored, "households"), ==, 310);
  g_assert_true (antt_record_get_boolean (stored, "disadvantaged"));
  g_assert_cmpint (count_rows (fx.db, "villages"), ==, 2);

  /* A second village of the same name (whatever its accents) is refused. */
  {
    g_autoptr(AnttRecord) twin = antt_record_new ("villages");
    antt_record_set_string (twin, "name", "thôn bình minh");
    antt_record_set_string (twin, "kind", "village");
    g_assert_cmpint (antt_records_insert (fx.db, twin, &error), ==, 0);
    g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  change = antt_record_new ("villages");
  antt_record_set_id (change, id);
  antt_record_set_int (change, "population", 1300);
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, antt_record_unref);
  stored = get_ok (fx.db, "villages", id);
  g_assert_cmpint (antt_record_get_int (stored, "population"), ==, 1300);
  g_assert_cmpstr (antt_record_get_string (stored, "name"), ==, "Thôn Bình Minh");
  g_assert_cmpint (antt_record_get_int (stored, "households"), ==, 310);
  g_assert_true (antt_record_get_boolean (stored, "disadvantaged"));

  g_assert_true (antt_records_delete (fx.db, "villages", id, &error));
  g_assert_no_error (error);
  g_assert_null (antt_records_get (fx.db, "villages", id, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (antt_records_delete (fx.db, "villages", id, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fx.db, "villages"), ==, 1);

  fixture_tear_down (&fx);
}

static void
test_team_crud (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) team = antt_record_new ("teams");
  g_autoptr(AnttRecord) link = antt_record_new ("team_villages");
  g_autoptr(AnttRecord) stored = NULL;
  g_autoptr(AnttRecord) change = NULL;
  gint64 id;

  fixture_set_up (&fx);

  antt_record_set_string (team, "name", "Tổ bảo vệ ANTT thôn Bình Minh");
  antt_record_set_string (team, "established_date", "15/08/2024");
  antt_record_set_string (team, "decision_number", "35/QĐ-UBND");
  id = insert_ok (fx.db, team);

  antt_record_set_int (link, "team_id", id);
  antt_record_set_int (link, "village_id", fx.village_id);
  insert_ok (fx.db, link);

  stored = get_ok (fx.db, "teams", id);
  g_assert_cmpstr (antt_record_get_string (stored, "name"), ==, "Tổ bảo vệ ANTT thôn Bình Minh");
  g_assert_cmpstr (antt_record_get_string (stored, "established_date"), ==, "2024-08-15");
  g_assert_true (antt_record_is_null (stored, "dissolved_date"));
  g_assert_cmpstr (antt_record_get_string (stored, "decision_number"), ==, "35/QĐ-UBND");

  /* Dissolved before it was established. */
  change = antt_record_new ("teams");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "dissolved_date", "2024-08-01");
  g_assert_false (antt_records_update (fx.db, change, &error));
  assert_field_error (error, ANTT_RECORD_ERROR_DATE_ORDER, "dissolved_date");
  g_clear_error (&error);

  /* The team and the villages it serves go together. */
  g_assert_true (antt_records_delete (fx.db, "teams", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (fx.db, "team_villages", "team_id", id), ==, 0);
  g_assert_cmpint (count_rows (fx.db, "villages"), ==, 1);

  fixture_tear_down (&fx);
}

static void
test_member_crud (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  g_autoptr(AnttRecord) change = NULL;
  gint64 id;

  fixture_set_up (&fx);

  member = new_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
  antt_record_set_string (member, "gender", "female");
  antt_record_set_string (member, "birth_date", "1995-03-12");
  antt_record_set_string (member, "phone", "0912345678");
  antt_record_set_string (member, "role", "deputy");
  antt_record_set_string (member, "decision_number", "35/QĐ-UBND");
  antt_record_set_string (member, "decision_date", "2024-08-15");
  antt_record_set_string (member, "education", "upper_secondary");
  id = insert_ok (fx.db, member);

  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "full_name"), ==, "Đặng Thị Ánh");
  g_assert_cmpstr (antt_record_get_string (stored, "birth_date"), ==, "1995-03-12");
  g_assert_cmpstr (antt_record_get_string (stored, "gender"), ==, "female");
  g_assert_cmpstr (antt_record_get_string (stored, "id_number"), ==, "038195004321");
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "0912345678");
  g_assert_cmpint (antt_record_get_int (stored, "village_id"), ==, fx.village_id);
  g_assert_cmpint (antt_record_get_int (stored, "team_id"), ==, fx.team_id);
  g_assert_cmpstr (antt_record_get_string (stored, "role"), ==, "deputy");
  g_assert_cmpstr (antt_record_get_string (stored, "joined_date"), ==, "2024-08-19");
  g_assert_cmpstr (antt_record_get_string (stored, "education"), ==, "upper_secondary");
  g_assert_true (antt_record_is_null (stored, "left_date"));
  g_assert_true (antt_record_is_null (stored, "left_reason"));
  /* Not given: the schema's defaults. */
  g_assert_true (antt_record_get_boolean (stored, "health_certified"));
  g_assert_true (antt_record_get_boolean (stored, "record_clear"));

  /* She leaves the force. */
  change = antt_record_new ("members");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "left_date", "2025-03-01");
  antt_record_set_string (change, "left_reason", "moved");
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, antt_record_unref);
  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "left_date"), ==, "2025-03-01");
  g_assert_cmpstr (antt_record_get_string (stored, "left_reason"), ==, "moved");
  g_assert_cmpstr (antt_record_get_string (stored, "full_name"), ==, "Đặng Thị Ánh");
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "0912345678");

  g_assert_true (antt_records_delete (fx.db, "members", id, &error));
  g_assert_no_error (error);
  g_assert_null (antt_records_get (fx.db, "members", id, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND);

  fixture_tear_down (&fx);
}

static void
test_patrol_participants (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  gint64 patrol, duc, anh, link;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");
  anh = insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");

  patrol = insert_patrol (&fx, "05/10/2024");
  stored = get_ok (fx.db, "patrols", patrol);
  g_assert_cmpstr (antt_record_get_string (stored, "date"), ==, "2024-10-05");
  g_assert_cmpstr (antt_record_get_string (stored, "start_time"), ==, "19:30");
  g_assert_cmpstr (antt_record_get_string (stored, "end_time"), ==, "22:00");
  g_assert_cmpint (antt_record_get_int (stored, "team_id"), ==, fx.team_id);

  {
    g_autoptr(AnttRecord) a = new_link ("patrol_participants", "patrol_id", patrol, duc);
    g_autoptr(AnttRecord) b = new_link ("patrol_participants", "patrol_id", patrol, anh);
    link = insert_ok (fx.db, a);
    insert_ok (fx.db, b);
  }
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "patrol_id", patrol), ==, 2);
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "member_id", duc), ==, 1);

  /* The same member twice on one patrol. */
  {
    g_autoptr(AnttRecord) again = new_link ("patrol_participants", "patrol_id", patrol, duc);
    g_assert_cmpint (antt_records_insert (fx.db, again, &error), ==, 0);
    g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  /* A bad time. */
  {
    g_autoptr(AnttRecord) change = antt_record_new ("patrols");
    antt_record_set_id (change, patrol);
    antt_record_set_string (change, "end_time", "25:00");
    g_assert_false (antt_records_update (fx.db, change, &error));
    assert_field_error (error, ANTT_RECORD_ERROR_INVALID, "end_time");
    g_clear_error (&error);
  }

  g_assert_true (antt_records_delete (fx.db, "patrol_participants", link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "patrol_id", patrol), ==, 1);
  g_assert_cmpint (count_rows (fx.db, "members"), ==, 2);

  fixture_tear_down (&fx);
}

static void
test_incident_participants (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) incident = antt_record_new ("incidents");
  g_autoptr(AnttRecord) stored = NULL;
  gint64 id, phuc;

  fixture_set_up (&fx);
  phuc = insert_member (&fx, "Ưng Hoàng Phúc", "038090007777", "2024-08-19");

  antt_record_set_string (incident, "occurred_date", "2024-11-20");
  antt_record_set_string (incident, "occurred_time", "21:15");
  antt_record_set_int (incident, "village_id", fx.village_id);
  antt_record_set_string (incident, "type", "dispute");
  antt_record_set_string (incident, "severity", "minor");
  antt_record_set_string (incident, "title", "Tranh chấp ranh giới đất giữa hai hộ");
  antt_record_set_string (incident, "description", "Hai hộ cãi nhau về mốc giới.\nĐã hòa giải.");
  id = insert_ok (fx.db, incident);

  stored = get_ok (fx.db, "incidents", id);
  g_assert_cmpstr (antt_record_get_string (stored, "occurred_time"), ==, "21:15");
  g_assert_cmpstr (antt_record_get_string (stored, "type"), ==, "dispute");
  g_assert_true (antt_record_is_null (stored, "weapon_kind"));
  /* Several lines stay several lines. */
  g_assert_cmpstr (antt_record_get_string (stored, "description"), ==,
                   "Hai hộ cãi nhau về mốc giới.\nĐã hòa giải.");

  {
    g_autoptr(AnttRecord) link = new_link ("incident_participants", "incident_id", id, phuc);
    antt_record_set_boolean (link, "on_time", TRUE);
    insert_ok (fx.db, link);
  }
  g_assert_cmpint (count_where (fx.db, "incident_participants", "incident_id", id), ==, 1);

  /* A kind of weapon on an incident that is not about weapons. */
  {
    g_autoptr(AnttRecord) wrong = antt_record_copy (stored);
    antt_record_set_id (wrong, 0);
    antt_record_set_string (wrong, "weapon_kind", "explosive");
    assert_insert_refused (fx.db, wrong, ANTT_RECORD_ERROR_INVALID, "weapon_kind");
  }

  /* Deleting the incident takes its participants with it, not the member. */
  g_assert_true (antt_records_delete (fx.db, "incidents", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (fx.db, "incident_participants", "incident_id", id), ==, 0);
  g_assert_cmpint (count_rows (fx.db, "members"), ==, 1);

  fixture_tear_down (&fx);
}

static void
test_tip (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) tip = antt_record_new ("tips");
  g_autoptr(AnttRecord) stored = NULL;
  gint64 id, duc;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");

  antt_record_set_string (tip, "received_date", "2024-09-02");
  antt_record_set_int (tip, "village_id", fx.village_id);
  antt_record_set_boolean (tip, "via_force", TRUE);
  antt_record_set_int (tip, "member_id", duc);
  antt_record_set_string (tip, "category", "drugs");
  antt_record_set_string (tip, "summary", "Nghi có người tụ tập sử dụng ma túy ở nhà văn hóa cũ");
  id = insert_ok (fx.db, tip);

  stored = get_ok (fx.db, "tips", id);
  g_assert_true (antt_record_get_boolean (stored, "via_force"));
  g_assert_cmpint (antt_record_get_int (stored, "member_id"), ==, duc);
  g_assert_cmpstr (antt_record_get_string (stored, "category"), ==, "drugs");
  g_assert_false (antt_record_get_boolean (stored, "handled"));

  /* Received by a member, but not "through the force". */
  {
    g_autoptr(AnttRecord) wrong = antt_record_copy (stored);
    antt_record_set_id (wrong, 0);
    antt_record_set_boolean (wrong, "via_force", FALSE);
    assert_insert_refused (fx.db, wrong, ANTT_RECORD_ERROR_INVALID, "via_force");
  }

  /* Received by a member before joining the force. */
  {
    g_autoptr(AnttRecord) early = antt_record_copy (stored);
    antt_record_set_id (early, 0);
    antt_record_set_string (early, "received_date", "2024-08-18");
    assert_insert_refused (fx.db, early, ANTT_RECORD_ERROR_INACTIVE_MEMBER, "member_id");
  }

  /* A tip straight from the public, with no member. */
  {
    g_autoptr(AnttRecord) direct = antt_record_new ("tips");
    antt_record_set_string (direct, "received_date", "2024-09-03");
    antt_record_set_boolean (direct, "via_force", FALSE);
    antt_record_set_string (direct, "category", "dispute");
    antt_record_set_string (direct, "summary", "Mâu thuẫn giữa hai gia đình");
    insert_ok (fx.db, direct);
  }
  g_assert_cmpint (count_rows (fx.db, "tips"), ==, 2);

  fixture_tear_down (&fx);
}

static void
test_callout_members (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) callout = antt_record_new ("callouts");
  gint64 id, duc, anh;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");
  anh = insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");

  antt_record_set_string (callout, "date", "2025-01-12");
  antt_record_set_string (callout, "time", "02:40");
  antt_record_set_int (callout, "village_id", fx.village_id);
  antt_record_set_string (callout, "kind", "fire");
  antt_record_set_string (callout, "place", "Nhà ông Lò Văn Sáng, thôn Đồng Tâm");
  id = insert_ok (fx.db, callout);

  {
    g_autoptr(AnttRecord) a = new_link ("callout_members", "callout_id", id, duc);
    g_autoptr(AnttRecord) b = new_link ("callout_members", "callout_id", id, anh);
    g_autoptr(AnttRecord) stored = NULL;
    gint64 link;

    antt_record_set_boolean (a, "present", TRUE);
    antt_record_set_boolean (a, "on_time", TRUE);
    link = insert_ok (fx.db, a);

    /* Absent, yet on time. */
    antt_record_set_boolean (b, "present", FALSE);
    antt_record_set_boolean (b, "on_time", TRUE);
    assert_insert_refused (fx.db, b, ANTT_RECORD_ERROR_INVALID, "on_time");
    antt_record_set_boolean (b, "on_time", FALSE);
    insert_ok (fx.db, b);

    stored = get_ok (fx.db, "callout_members", link);
    g_assert_true (antt_record_get_boolean (stored, "present"));
    g_assert_true (antt_record_get_boolean (stored, "on_time"));
  }
  g_assert_cmpint (count_where (fx.db, "callout_members", "callout_id", id), ==, 2);

  g_assert_true (antt_records_delete (fx.db, "callouts", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fx.db, "callout_members"), ==, 0);

  fixture_tear_down (&fx);
}

/* Updates touch only what was changed. */
static void
test_update_keeps_unset (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) change = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  gint64 id;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");
  antt_record_set_string (member, "phone", "0987654321");
  antt_record_set_string (member, "role", "leader");
  id = insert_ok (fx.db, member);

  /* The clerk corrects only the phone number of a member whose address and
   * notes were left empty, as most are. */
  change = antt_record_new ("members");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "phone", "0912 345 678");
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);

  /* The record passed in now holds the whole row as stored. */
  g_assert_cmpstr (antt_record_get_string (change, "phone"), ==, "0912345678");
  g_assert_cmpstr (antt_record_get_string (change, "full_name"), ==, "Nguyễn Văn Đức");

  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "0912345678");
  g_assert_cmpstr (antt_record_get_string (stored, "full_name"), ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (antt_record_get_string (stored, "id_number"), ==, "038090001234");
  g_assert_cmpstr (antt_record_get_string (stored, "role"), ==, "leader");
  g_assert_cmpstr (antt_record_get_string (stored, "joined_date"), ==, "2024-08-19");
  g_assert_cmpstr (antt_record_get_string (stored, "birth_date"), ==, "1985-06-15");
  g_assert_cmpint (antt_record_get_int (stored, "team_id"), ==, fx.team_id);
  g_assert_cmpstr (antt_record_get_string (stored, "address"), ==, "");
  g_assert_cmpstr (antt_record_get_string (stored, "notes"), ==, "");

  /* Clearing an optional field works too. */
  g_clear_pointer (&change, antt_record_unref);
  change = antt_record_new ("members");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "phone", "");
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, antt_record_unref);
  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "");
  g_assert_cmpstr (antt_record_get_string (stored, "role"), ==, "leader");

  /* Updating a record that was deleted meanwhile says so. */
  g_assert_true (antt_records_delete (fx.db, "members", id, &error));
  g_clear_pointer (&change, antt_record_unref);
  change = antt_record_new ("members");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "phone", "0912345678");
  g_assert_false (antt_records_update (fx.db, change, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND);

  fixture_tear_down (&fx);
}

/* A form that sends every field, the empty ones as "". */
static void
test_empty_optional_text (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  gint64 id;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");
  antt_record_set_string (member, "phone", "");
  antt_record_set_string (member, "address", "");
  antt_record_set_string (member, "decision_number", "");
  antt_record_set_string (member, "notes", "  ");
  id = insert_ok (fx.db, member);

  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "");
  g_assert_cmpstr (antt_record_get_string (stored, "address"), ==, "");
  g_assert_cmpstr (antt_record_get_string (stored, "notes"), ==, "");

  fixture_tear_down (&fx);
}

/* Validation: each refusal names its field ---------------------------------- */

static void
test_validate_required (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;

  fixture_set_up (&fx);

  member = new_member (&fx, "", "038090001234", "2024-08-19");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "full_name");

  antt_record_set_string (member, "full_name", " \t  ");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "full_name");

  antt_record_set_string (member, "full_name", "Nguyễn Văn Đức");
  antt_record_unset (member, "birth_date");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "birth_date");

  antt_record_set_string (member, "birth_date", "1985-06-15");
  antt_record_set_null (member, "team_id");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "team_id");

  antt_record_set_int (member, "team_id", fx.team_id);
  antt_record_set_string (member, "id_number", "");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "id_number");

  g_assert_cmpint (count_rows (fx.db, "members"), ==, 0);
  antt_record_set_string (member, "id_number", "038090001234");
  insert_ok (fx.db, member);

  fixture_tear_down (&fx);
}

static void
test_validate_date (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  gint64 id;

  fixture_set_up (&fx);

  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2025-02-30");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_INVALID_DATE, "joined_date");

  antt_record_set_string (member, "joined_date", "31/02/2025");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_INVALID_DATE, "joined_date");

  antt_record_set_string (member, "joined_date", "hôm qua");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_INVALID_DATE, "joined_date");

  antt_record_set_string (member, "joined_date", "2024-08-19");
  antt_record_set_string (member, "birth_date", "1990-13-01");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_INVALID_DATE, "birth_date");

  /* Dates as the clerk types them are stored ISO. */
  antt_record_set_string (member, "birth_date", "05/02/1990");
  antt_record_set_string (member, "joined_date", "19/08/2024");
  id = insert_ok (fx.db, member);
  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "birth_date"), ==, "1990-02-05");
  g_assert_cmpstr (antt_record_get_string (stored, "joined_date"), ==, "2024-08-19");
  g_assert_cmpstr (antt_record_get_string (member, "joined_date"), ==, "2024-08-19");

  fixture_tear_down (&fx);
}

static void
test_validate_date_order (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) campaign = antt_record_new ("campaigns");
  g_autoptr(AnttRecord) phase = antt_record_new ("phases");
  gint64 campaign_id;

  fixture_set_up (&fx);

  /* Left before joining. */
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");
  antt_record_set_string (member, "left_date", "2024-08-01");
  antt_record_set_string (member, "left_reason", "own_request");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_DATE_ORDER, "left_date");

  /* Left on the day of joining is a (short) membership. */
  antt_record_set_string (member, "left_date", "2024-08-19");
  insert_ok (fx.db, member);

  antt_record_set_string (campaign, "name", "Phong trào thi đua đặc biệt");
  antt_record_set_string (campaign, "start_date", "2024-08-19");
  antt_record_set_string (campaign, "end_date", "2025-08-19");
  campaign_id = insert_ok (fx.db, campaign);

  /* A phase that ends before it starts. */
  antt_record_set_int (phase, "campaign_id", campaign_id);
  antt_record_set_int (phase, "ordinal", 2);
  antt_record_set_string (phase, "name", "Đợt thứ Hai");
  antt_record_set_string (phase, "start_date", "2025-02-04");
  antt_record_set_string (phase, "end_date", "2025-02-03");
  antt_record_set_string (phase, "review_kind", "final");
  assert_insert_refused (fx.db, phase, ANTT_RECORD_ERROR_DATE_ORDER, "end_date");

  antt_record_set_string (phase, "end_date", "2025-08-19");
  insert_ok (fx.db, phase);
  g_assert_cmpint (count_rows (fx.db, "phases"), ==, 1);

  fixture_tear_down (&fx);
}

static void
test_validate_id_number (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  g_autofree char *raw = NULL;
  gint64 id;

  fixture_set_up (&fx);

  member = new_member (&fx, "Nguyễn Văn Đức", "03809500123", "2024-08-19");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_ID_NUMBER, "id_number");

  antt_record_set_string (member, "id_number", "0380950012345");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_ID_NUMBER, "id_number");

  antt_record_set_string (member, "id_number", "03809500123A");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_ID_NUMBER, "id_number");

  antt_record_set_string (member, "id_number", "O38095001234");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_ID_NUMBER, "id_number");

  /* As printed on the card, in groups. */
  antt_record_set_string (member, "id_number", "038 095 001 234");
  id = insert_ok (fx.db, member);
  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "id_number"), ==, "038095001234");
  raw = raw_member_text (&fx, "id_number", id);
  g_assert_cmpstr (raw, ==, "038095001234");

  fixture_tear_down (&fx);
}

static void
test_validate_duplicate_id (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) other = NULL;
  g_autoptr(AnttRecord) change = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  gint64 duc, anh;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");

  /* The same number, typed another way, for someone else. */
  other = new_member (&fx, "Đặng Thị Ánh", "038 095 001 234", "2024-08-19");
  assert_insert_refused (fx.db, other, ANTT_RECORD_ERROR_DUPLICATE, "id_number");
  g_assert_cmpint (count_rows (fx.db, "members"), ==, 1);

  antt_record_set_string (other, "id_number", "038195004321");
  anh = insert_ok (fx.db, other);

  /* Changed later to the first member's number. */
  change = antt_record_new ("members");
  antt_record_set_id (change, anh);
  antt_record_set_string (change, "id_number", "038095001234");
  g_assert_false (antt_records_update (fx.db, change, &error));
  assert_field_error (error, ANTT_RECORD_ERROR_DUPLICATE, "id_number");
  g_clear_error (&error);
  stored = get_ok (fx.db, "members", anh);
  g_assert_cmpstr (antt_record_get_string (stored, "id_number"), ==, "038195004321");

  /* A member keeps their own number on an update (not a duplicate of
   * themselves). */
  g_clear_pointer (&change, antt_record_unref);
  change = antt_record_new ("members");
  antt_record_set_id (change, duc);
  antt_record_set_string (change, "id_number", "038095001234");
  antt_record_set_string (change, "role", "leader");
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);

  fixture_tear_down (&fx);
}

static void
test_validate_phone (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  g_autofree char *raw = NULL;
  gint64 id;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");

  antt_record_set_string (member, "phone", "12345");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_PHONE, "phone");

  antt_record_set_string (member, "phone", "0912 345 67x");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_PHONE, "phone");

  antt_record_set_string (member, "phone", "+84 912 345 678");
  id = insert_ok (fx.db, member);
  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "phone"), ==, "0912345678");
  raw = raw_member_text (&fx, "phone", id);
  g_assert_cmpstr (raw, ==, "0912345678");

  fixture_tear_down (&fx);
}

static void
test_validate_left_reason (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");

  antt_record_set_string (member, "left_date", "2025-03-01");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "left_reason");

  antt_record_set_null (member, "left_date");
  antt_record_set_string (member, "left_reason", "health");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_REQUIRED, "left_date");

  antt_record_set_string (member, "left_date", "2025-03-01");
  antt_record_set_string (member, "left_reason", "tired");
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_INVALID, "left_reason");

  antt_record_set_string (member, "left_reason", "health");
  insert_ok (fx.db, member);

  fixture_tear_down (&fx);
}

static void
test_validate_missing_reference (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038090001234", "2024-08-19");

  antt_record_set_int (member, "team_id", 9999);
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_MISSING_REFERENCE, "team_id");

  antt_record_set_int (member, "team_id", fx.team_id);
  antt_record_set_int (member, "village_id", 9999);
  assert_insert_refused (fx.db, member, ANTT_RECORD_ERROR_MISSING_REFERENCE, "village_id");

  g_assert_cmpint (count_rows (fx.db, "members"), ==, 0);

  fixture_tear_down (&fx);
}

static void
test_validate_inactive_member (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) member = NULL;
  gint64 id;
  struct {
    const char *date;
    gboolean    active;
  } days[] = {
    { "2024-08-31", FALSE },  /* the day before joining */
    { "2024-09-01", TRUE },   /* the day of joining */
    { "2024-12-24", TRUE },
    { "2025-03-01", TRUE },   /* the day of leaving */
    { "2025-03-02", FALSE },  /* the day after */
  };

  fixture_set_up (&fx);
  member = new_member (&fx, "Ưng Hoàng Phúc", "038090007777", "2024-09-01");
  antt_record_set_string (member, "left_date", "2025-03-01");
  antt_record_set_string (member, "left_reason", "moved");
  id = insert_ok (fx.db, member);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      gint64 patrol = insert_patrol (&fx, days[i].date);
      g_autoptr(AnttRecord) link = new_link ("patrol_participants", "patrol_id", patrol, id);
      g_autoptr(GError) error = NULL;

      g_test_message ("patrol on %s", days[i].date);
      g_assert_cmpint (antt_member_is_active_on (fx.db, id, days[i].date, &error), ==,
                       days[i].active);
      g_assert_no_error (error);
      if (days[i].active)
        insert_ok (fx.db, link);
      else
        assert_insert_refused (fx.db, link, ANTT_RECORD_ERROR_INACTIVE_MEMBER, "member_id");
    }
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "member_id", id), ==, 3);

  /* Incidents and call-outs check the same. */
  {
    g_autoptr(AnttRecord) incident = antt_record_new ("incidents");
    g_autoptr(AnttRecord) callout = antt_record_new ("callouts");
    g_autoptr(AnttRecord) participant = NULL;
    g_autoptr(AnttRecord) called = NULL;
    gint64 incident_id, callout_id;

    antt_record_set_string (incident, "occurred_date", "2024-08-25");
    antt_record_set_string (incident, "type", "public_order");
    antt_record_set_string (incident, "severity", "minor");
    antt_record_set_string (incident, "title", "Gây rối trật tự công cộng");
    incident_id = insert_ok (fx.db, incident);
    participant = new_link ("incident_participants", "incident_id", incident_id, id);
    assert_insert_refused (fx.db, participant, ANTT_RECORD_ERROR_INACTIVE_MEMBER, "member_id");

    antt_record_set_string (callout, "date", "2025-04-10");
    antt_record_set_string (callout, "kind", "rescue");
    antt_record_set_string (callout, "place", "Suối Đồng Tâm");
    callout_id = insert_ok (fx.db, callout);
    called = new_link ("callout_members", "callout_id", callout_id, id);
    assert_insert_refused (fx.db, called, ANTT_RECORD_ERROR_INACTIVE_MEMBER, "member_id");
  }

  fixture_tear_down (&fx);
}

/* A refused save changes nothing ----------------------------------------- */

static void
test_refused_save_unchanged (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) before = NULL;
  g_autoptr(AnttRecord) after = NULL;
  g_autoptr(AnttRecord) change = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gint64 duc, patrol, members, participants, audit;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
  patrol = insert_patrol (&fx, "2024-10-05");
  {
    g_autoptr(AnttRecord) link = new_link ("patrol_participants", "patrol_id", patrol, duc);
    insert_ok (fx.db, link);
  }

  members = count_rows (fx.db, "members");
  participants = count_rows (fx.db, "patrol_participants");
  audit = audit_count (&fx);
  before = get_ok (fx.db, "members", duc);
  before_json = antt_record_to_json (before);

  /* Refused by validation. */
  {
    g_autoptr(AnttRecord) dup = new_member (&fx, "Ưng Hoàng Phúc", "038095001234", "2024-08-19");
    assert_insert_refused (fx.db, dup, ANTT_RECORD_ERROR_DUPLICATE, "id_number");
  }
  /* Refused by the database (the unique link), after validation passed. */
  {
    g_autoptr(AnttRecord) link = new_link ("patrol_participants", "patrol_id", patrol, duc);
    g_assert_cmpint (antt_records_insert (fx.db, link, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (antt_database_in_transaction (fx.db));
  }
  /* An update refused half way through the fields. */
  change = antt_record_new ("members");
  antt_record_set_id (change, duc);
  antt_record_set_string (change, "full_name", "Nguyễn Văn Đức Anh");
  antt_record_set_string (change, "phone", "12345");
  g_assert_false (antt_records_update (fx.db, change, &error));
  assert_field_error (error, ANTT_RECORD_ERROR_PHONE, "phone");
  g_clear_error (&error);
  g_assert_false (antt_database_in_transaction (fx.db));

  g_assert_cmpint (count_rows (fx.db, "members"), ==, members);
  g_assert_cmpint (count_rows (fx.db, "patrol_participants"), ==, participants);
  g_assert_cmpint (audit_count (&fx), ==, audit);
  after = get_ok (fx.db, "members", duc);
  after_json = antt_record_to_json (after);
  g_assert_cmpstr (before_json, ==, after_json);

  fixture_tear_down (&fx);
}

/* Deleting ----------------------------------------------------------------- */

static void
test_delete_in_use (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 members, audit;

  fixture_set_up (&fx);
  insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
  members = count_rows (fx.db, "members");
  audit = audit_count (&fx);

  /* A team that has members cannot go. */
  g_assert_false (antt_records_delete (fx.db, "teams", fx.team_id, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (antt_database_in_transaction (fx.db));

  /* Nor a village that members live in. */
  g_assert_false (antt_records_delete (fx.db, "villages", fx.village_id, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_IN_USE);
  g_clear_error (&error);

  {
    g_autoptr(AnttRecord) team = get_ok (fx.db, "teams", fx.team_id);
    g_autoptr(AnttRecord) village = get_ok (fx.db, "villages", fx.village_id);
  }
  g_assert_cmpint (count_rows (fx.db, "members"), ==, members);
  g_assert_cmpint (count_where (fx.db, "members", "team_id", fx.team_id), ==, members);
  g_assert_cmpint (audit_count (&fx), ==, audit);

  fixture_tear_down (&fx);
}

/* Two villages whose names differ only in diacritics are the same village. */
static void
test_validate_duplicate_name (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttRecord) village = antt_record_new ("villages");

  fixture_set_up (&fx);
  antt_record_set_string (village, "name", "thon dong tam");
  antt_record_set_string (village, "kind", "village");
  assert_insert_refused (fx.db, village, ANTT_RECORD_ERROR_DUPLICATE, "name");
  g_assert_cmpint (count_rows (fx.db, "villages"), ==, 1);

  antt_record_set_string (village, "name", "Thôn Đồng Tâm 2");
  insert_ok (fx.db, village);
  fixture_tear_down (&fx);
}

static void
test_delete_cascade (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 duc, anh, patrol, other;

  fixture_set_up (&fx);
  duc = insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  anh = insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
  patrol = insert_patrol (&fx, "2024-10-05");
  other = insert_patrol (&fx, "2024-10-06");
  {
    g_autoptr(AnttRecord) a = new_link ("patrol_participants", "patrol_id", patrol, duc);
    g_autoptr(AnttRecord) b = new_link ("patrol_participants", "patrol_id", patrol, anh);
    g_autoptr(AnttRecord) c = new_link ("patrol_participants", "patrol_id", other, anh);
    insert_ok (fx.db, a);
    insert_ok (fx.db, b);
    insert_ok (fx.db, c);
  }

  g_assert_true (antt_records_delete (fx.db, "patrols", patrol, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "patrol_id", patrol), ==, 0);
  g_assert_cmpint (count_where (fx.db, "patrol_participants", "patrol_id", other), ==, 1);
  g_assert_cmpint (count_rows (fx.db, "members"), ==, 2);

  audit = audit_rows (&fx, "patrols", patrol);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((AuditRow *) g_ptr_array_index (audit, 1))->action, ==, "delete");

  /* The participants that went with it are in the log too, so that the
   * log (and an Undo) knows who had taken part. */
  {
    sqlite3 *raw = raw_open (fx.path);
    sqlite3_stmt *stmt = NULL;
    int n = 0;

    g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                         "SELECT count(*) FROM audit_log WHERE table_name = "
                                         "'patrol_participants' AND action = 'delete' AND "
                                         "old_values LIKE '%\"patrol_id\":' || ?1 || ',%'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, patrol);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    n = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
    g_assert_cmpint (n, ==, 2);
  }

  /* A member who patrolled cannot be deleted: the patrol is evidence. */
  g_assert_false (antt_records_delete (fx.db, "members", anh, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_IN_USE);

  fixture_tear_down (&fx);
}

/* Audit -------------------------------------------------------------------- */

static void
test_audit (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) change = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AuditRow *row;
  gint64 id, total;

  fixture_set_up (&fx);
  antt_database_set_user (fx.db, "Cán bộ Lò Thị Hoa");
  g_assert_cmpstr (antt_database_get_user (fx.db), ==, "Cán bộ Lò Thị Hoa");
  total = audit_count (&fx);

  member = new_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  antt_record_set_string (member, "phone", "0987654321");
  id = insert_ok (fx.db, member);

  rows = audit_rows (&fx, "members", id);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->who, ==, "Cán bộ Lò Thị Hoa");
  g_assert_cmpstr (row->action, ==, "insert");
  g_assert_null (row->old_values);
  g_assert_nonnull (row->new_values);
  g_assert_nonnull (strstr (row->new_values, "\"full_name\":\"Nguyễn Văn Đức\""));
  g_assert_nonnull (strstr (row->new_values, "\"id_number\":\"038095001234\""));
  g_assert_true (g_str_has_prefix (row->at, "20"));
  g_assert_cmpint (audit_count (&fx), ==, total + 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Deleting writes what was lost. */
  {
    g_autoptr(AnttRecord) other = new_member (&fx, "Ưng Hoàng Phúc", "038090007777", "2024-08-19");
    gint64 other_id = insert_ok (fx.db, other);

    g_assert_true (antt_records_delete (fx.db, "members", other_id, &error));
    g_assert_no_error (error);
    rows = audit_rows (&fx, "members", other_id);
    g_assert_cmpuint (rows->len, ==, 2);
    row = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (row->who, ==, "Cán bộ Lò Thị Hoa");
    g_assert_cmpstr (row->action, ==, "delete");
    g_assert_nonnull (row->old_values);
    g_assert_nonnull (strstr (row->old_values, "\"full_name\":\"Ưng Hoàng Phúc\""));
    g_assert_null (row->new_values);
    g_assert_cmpint (audit_count (&fx), ==, total + 3);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  /* A correction keeps both versions, under the new clerk's name. */
  antt_database_set_user (fx.db, "Phạm Văn Long");
  change = antt_record_new ("members");
  antt_record_set_id (change, id);
  antt_record_set_string (change, "full_name", "Nguyễn Văn Đức Anh");
  antt_record_set_string (change, "phone", "0912345678");
  g_assert_true (antt_records_update (fx.db, change, &error));
  g_assert_no_error (error);

  rows = audit_rows (&fx, "members", id);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->who, ==, "Phạm Văn Long");
  g_assert_cmpstr (row->action, ==, "update");
  g_assert_nonnull (row->old_values);
  g_assert_nonnull (row->new_values);
  g_assert_nonnull (strstr (row->old_values, "\"full_name\":\"Nguyễn Văn Đức\""));
  g_assert_nonnull (strstr (row->old_values, "\"phone\":\"0987654321\""));
  g_assert_nonnull (strstr (row->new_values, "\"full_name\":\"Nguyễn Văn Đức Anh\""));
  g_assert_nonnull (strstr (row->new_values, "\"phone\":\"0912345678\""));
  g_assert_cmpint (audit_count (&fx), ==, total + 4);

  fixture_tear_down (&fx);
}

/* Text --------------------------------------------------------------------- */

static void
test_text_nfc (void)
{
  Fixture fx = { 0 };
  g_autofree char *nfd = g_utf8_normalize ("Nguyễn Văn Đức", -1, G_NORMALIZE_NFD);
  g_autofree char *padded = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *fold = NULL;
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autofree char *found = NULL;
  gint64 id;

  fixture_set_up (&fx);

  /* Typed on a keyboard that sends combining marks, with stray spaces. */
  g_assert_cmpstr (nfd, !=, "Nguyễn Văn Đức");
  padded = g_strdup_printf ("  %s ", nfd);
  member = new_member (&fx, padded, "038095001234", "2024-08-19");
  id = insert_ok (fx.db, member);

  stored = get_ok (fx.db, "members", id);
  g_assert_cmpstr (antt_record_get_string (stored, "full_name"), ==, "Nguyễn Văn Đức");

  stored_name = raw_member_text (&fx, "full_name", id);
  g_assert_cmpstr (stored_name, ==, "Nguyễn Văn Đức");
  fold = raw_member_text (&fx, "name_fold", id);
  g_assert_cmpstr (fold, ==, "nguyen van duc");

  /* And searching in NFD finds it too. */
  antt_filter_set_search (filter, nfd);
  found = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (found, ==, "Nguyễn Văn Đức");

  fixture_tear_down (&fx);
}

/* Lists -------------------------------------------------------------------- */

static void
test_list_search (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  struct {
    const char *table;
    const char *column;
    const char *search;
    const char *expected;
  } cases[] = {
    { "members", "full_name", "nguyen van duc", "Nguyễn Văn Đức" },
    { "members", "full_name", "Nguyễn Văn Đức", "Nguyễn Văn Đức" },
    { "members", "full_name", "NGUYEN", "Nguyễn Văn Đức" },
    { "members", "full_name", "duc nguyen", "Nguyễn Văn Đức" },
    { "members", "full_name", "  van   duc ", "Nguyễn Văn Đức" },
    { "members", "full_name", "dang anh", "Đặng Thị Ánh" },
    { "members", "full_name", "ưng phuc", "Ưng Hoàng Phúc" },
    { "members", "full_name", "hoang", "Ưng Hoàng Phúc" },
    { "members", "full_name", "nguyen anh", "" },
    { "members", "full_name", "tran", "" },
    { "villages", "name", "dong", "Thôn Đồng Tâm" },
    { "villages", "name", "đồng tâm", "Thôn Đồng Tâm" },
    { "villages", "name", "binh", "Thôn Bình Minh" },
    { "villages", "name", "thon", "Thôn Bình Minh|Thôn Đồng Tâm|Thôn Xuân Thượng" },
    { "villages", "name", "", "Thôn Bình Minh|Thôn Đồng Tâm|Thôn Xuân Thượng" },
    { "patrols", "area", "lien thon", "Đường liên thôn Đồng Tâm – Bình Minh" },
  };

  fixture_set_up (&fx);
  insert_village (fx.db, "Thôn Bình Minh");
  insert_village (fx.db, "Thôn Xuân Thượng");
  insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
  insert_member (&fx, "Ưng Hoàng Phúc", "038090007777", "2024-08-19");
  insert_patrol (&fx, "2024-10-05");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = NULL;

      antt_filter_set_search (filter, cases[i].search);
      found = list_column (fx.db, cases[i].table, filter, cases[i].column);
      if (g_strcmp0 (found, cases[i].expected) != 0)
        g_error ("Searching %s for “%s” found “%s”, not “%s”", cases[i].table,
                 cases[i].search, found, cases[i].expected);
    }

  fixture_tear_down (&fx);
}

static void
test_list_period_patrols (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autofree char *phase_one = NULL;
  g_autofree char *from_only = NULL;
  const char *dates[] = { "2025-02-04", "2024-08-18", "2025-02-03", "2024-12-01", "2024-08-19" };

  fixture_set_up (&fx);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    insert_patrol (&fx, dates[i]);

  /* Đợt thứ Nhất, both ends included, in date order. */
  antt_filter_set_period (filter, "2024-08-19", "2025-02-03");
  phase_one = list_column (fx.db, "patrols", filter, "date");
  g_assert_cmpstr (phase_one, ==, "2024-08-19|2024-12-01|2025-02-03");

  antt_filter_set_period (filter, "2025-02-04", NULL);
  from_only = list_column (fx.db, "patrols", filter, "date");
  g_assert_cmpstr (from_only, ==, "2025-02-04");

  fixture_tear_down (&fx);
}

static void
test_list_period_members (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autofree char *active = NULL;
  struct {
    const char *name;
    const char *id_number;
    const char *joined;
    const char *left;
  } members[] = {
    { "An Văn Tâm", "038090000001", "2024-01-10", NULL },         /* throughout */
    { "Bùi Thị Bình", "038090000002", "2025-02-04", NULL },       /* joined after */
    { "Cao Văn Cường", "038090000003", "2023-05-01", "2024-08-18" }, /* left before */
    { "Dương Văn Dũng", "038090000004", "2023-05-01", "2024-08-19" }, /* left on day 1 */
    { "Đỗ Văn Đạt", "038090000005", "2025-02-03", NULL },         /* joined on the last day */
    { "Hà Thị Hoa", "038090000006", "2024-10-01", "2024-12-01" },  /* within */
  };

  fixture_set_up (&fx);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(AnttRecord) member = new_member (&fx, members[i].name, members[i].id_number,
                                                 members[i].joined);
      if (members[i].left != NULL)
        {
          antt_record_set_string (member, "left_date", members[i].left);
          antt_record_set_string (member, "left_reason", "own_request");
        }
      insert_ok (fx.db, member);
    }

  /* Members during Đợt thứ Nhất: joined by its end, not left before its
   * start. */
  antt_filter_set_period (filter, "2024-08-19", "2025-02-03");
  active = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (active, ==, "An Văn Tâm|Dương Văn Dũng|Đỗ Văn Đạt|Hà Thị Hoa");

  fixture_tear_down (&fx);
}

static void
test_list_equals (void)
{
  Fixture fx = { 0 };
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *second_team = NULL;
  g_autofree char *women = NULL;
  g_autofree char *both = NULL;
  gint64 other_team;

  fixture_set_up (&fx);
  other_team = insert_team (fx.db, "Tổ bảo vệ ANTT thôn Bình Minh");
  insert_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  {
    g_autoptr(AnttRecord) anh = new_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");
    g_autoptr(AnttRecord) phuc = new_member (&fx, "Ưng Hoàng Phúc", "038090007777", "2024-08-19");
    g_autoptr(AnttRecord) lan = new_member (&fx, "Lò Thị Lan", "038190003333", "2024-08-19");

    antt_record_set_string (anh, "gender", "female");
    antt_record_set_int (phuc, "team_id", other_team);
    antt_record_set_string (lan, "gender", "female");
    antt_record_set_int (lan, "team_id", other_team);
    insert_ok (fx.db, anh);
    insert_ok (fx.db, phuc);
    insert_ok (fx.db, lan);
  }

  antt_filter_add_equals (filter, "team_id", other_team);
  second_team = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (second_team, ==, "Lò Thị Lan|Ưng Hoàng Phúc");

  antt_filter_add_equals_text (filter, "gender", "female");
  both = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (both, ==, "Lò Thị Lan");

  g_clear_pointer (&filter, antt_filter_free);
  filter = antt_filter_new ();
  antt_filter_add_equals_text (filter, "gender", "female");
  women = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (women, ==, "Đặng Thị Ánh|Lò Thị Lan");

  /* A column that does not exist is an error, not an empty list. */
  g_clear_pointer (&filter, antt_filter_free);
  filter = antt_filter_new ();
  antt_filter_add_equals (filter, "no_such_column", 1);
  g_assert_null (antt_records_list (fx.db, "members", filter, &error));
  g_assert_nonnull (error);

  fixture_tear_down (&fx);
}

static void
test_list_vietnamese_order (void)
{
  Fixture fx = { 0 };
  g_autofree char *names = NULL;
  const char *inserted[] = {
    "Bùi Thị Bình", "Âu Văn Ẩn", "An Văn Tâm", "Đỗ Văn Đạt", "Dương Văn Dũng",
  };
  char id_number[13];

  fixture_set_up (&fx);
  for (guint i = 0; i < G_N_ELEMENTS (inserted); i++)
    {
      g_snprintf (id_number, sizeof id_number, "03809000010%u", i);
      insert_member (&fx, inserted[i], id_number, "2024-08-19");
    }

  /* a < â < b < d < đ, not the byte order (which puts Đ after every
   * other letter and Â after B). */
  names = list_column (fx.db, "members", NULL, "full_name");
  g_assert_cmpstr (names, ==, "An Văn Tâm|Âu Văn Ẩn|Bùi Thị Bình|Dương Văn Dũng|Đỗ Văn Đạt");

  fixture_tear_down (&fx);
}

/* Undo --------------------------------------------------------------------- */

static void
test_undo_reinsert (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(AnttRecord) deleted = NULL;
  g_autoptr(AnttRecord) restored = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *found = NULL;
  gint64 id;

  fixture_set_up (&fx);
  member = new_member (&fx, "Nguyễn Văn Đức", "038095001234", "2024-08-19");
  antt_record_set_string (member, "phone", "0912345678");
  id = insert_ok (fx.db, member);
  insert_member (&fx, "Đặng Thị Ánh", "038195004321", "2024-08-19");

  /* What the window keeps to undo a deletion. */
  deleted = get_ok (fx.db, "members", id);
  before = antt_record_to_json (deleted);

  /* While the row is there, its id cannot be taken again. */
  {
    g_autoptr(AnttRecord) copy = antt_record_copy (deleted);
    antt_record_set_string (copy, "id_number", "038090009999");
    g_assert_cmpint (antt_records_insert (fx.db, copy, &error), ==, 0);
    g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  g_assert_true (antt_records_delete (fx.db, "members", id, &error));
  g_assert_no_error (error);

  /* Undo: the same record, under the same id (patrols and nominations kept
   * elsewhere, in exports or in the undo stack, point to it). */
  antt_record_set_id (deleted, id);
  g_assert_cmpint (antt_records_insert (fx.db, deleted, &error), ==, id);
  g_assert_no_error (error);

  restored = get_ok (fx.db, "members", id);
  after = antt_record_to_json (restored);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_rows (fx.db, "members"), ==, 2);

  /* Found by search again. */
  antt_filter_set_search (filter, "nguyen van duc");
  found = list_column (fx.db, "members", filter, "full_name");
  g_assert_cmpstr (found, ==, "Nguyễn Văn Đức");

  /* The history shows it all: insert, delete, insert. */
  audit = audit_rows (&fx, "members", id);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((AuditRow *) g_ptr_array_index (audit, 0))->action, ==, "insert");
  g_assert_cmpstr (((AuditRow *) g_ptr_array_index (audit, 1))->action, ==, "delete");
  g_assert_cmpstr (((AuditRow *) g_ptr_array_index (audit, 2))->action, ==, "insert");

  fixture_tear_down (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/village/crud", test_village_crud);
  g_test_add_func ("/records/team/crud", test_team_crud);
  g_test_add_func ("/records/member/crud", test_member_crud);
  g_test_add_func ("/records/patrol/participants", test_patrol_participants);
  g_test_add_func ("/records/incident/participants", test_incident_participants);
  g_test_add_func ("/records/tip", test_tip);
  g_test_add_func ("/records/callout/members", test_callout_members);
  g_test_add_func ("/records/update/keeps-unset", test_update_keeps_unset);
  g_test_add_func ("/records/update/empty-optional-text", test_empty_optional_text);
  g_test_add_func ("/records/validate/required", test_validate_required);
  g_test_add_func ("/records/validate/date", test_validate_date);
  g_test_add_func ("/records/validate/date-order", test_validate_date_order);
  g_test_add_func ("/records/validate/id-number", test_validate_id_number);
  g_test_add_func ("/records/validate/duplicate-id", test_validate_duplicate_id);
  g_test_add_func ("/records/validate/duplicate-name", test_validate_duplicate_name);
  g_test_add_func ("/records/validate/phone", test_validate_phone);
  g_test_add_func ("/records/validate/left-reason", test_validate_left_reason);
  g_test_add_func ("/records/validate/missing-reference", test_validate_missing_reference);
  g_test_add_func ("/records/validate/inactive-member", test_validate_inactive_member);
  g_test_add_func ("/records/refused-save-unchanged", test_refused_save_unchanged);
  g_test_add_func ("/records/delete/in-use", test_delete_in_use);
  g_test_add_func ("/records/delete/cascade", test_delete_cascade);
  g_test_add_func ("/records/audit", test_audit);
  g_test_add_func ("/records/text/nfc", test_text_nfc);
  g_test_add_func ("/records/list/search", test_list_search);
  g_test_add_func ("/records/list/period-patrols", test_list_period_patrols);
  g_test_add_func ("/records/list/period-members", test_list_period_members);
  g_test_add_func ("/records/list/equals", test_list_equals);
  g_test_add_func ("/records/list/vietnamese-order", test_list_vietnamese_order);
  g_test_add_func ("/records/undo", test_undo_reinsert);

  return g_test_run ();
}
