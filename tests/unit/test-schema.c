/* test-schema.c: the schema that migration writes, and the table
 * descriptors (antt-tables.c) that the forms, lists and checks rely on.
 *
 * The descriptors are written by hand beside schema-v1.sql; a column that
 * exists in one and not the other, a choice the schema refuses or a
 * reference without a foreign key would only show up as a confusing error
 * on the clerk's screen. These tests compare the two one for one.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "antt-database-private.h"
#include "antt-records.h"
#include "antt-schema-sql.h"

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

/* A new file, migrated from nothing (a 0-byte file), without the plan. */
static void
fixture_set_up (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("antt-test-schema-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "thidua.db", NULL);
  g_assert_true (g_file_set_contents (fx->path, "", 0, NULL));

  fx->db = antt_database_open (fx->path, ANTT_DATABASE_FLAGS_NO_SEED, &error);
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

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The tables of the schema, as sqlite sees them. */
static GHashTable *
schema_tables (sqlite3 *db)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

typedef struct
{
  char     *type;
  gboolean  not_null;
  gboolean  has_default;
  gboolean  primary_key;
} SchemaColumn;

static void
schema_column_free (gpointer data)
{
  SchemaColumn *column = data;

  g_free (column->type);
  g_free (column);
}

/* PRAGMA table_info: column name → SchemaColumn. */
static GHashTable *
schema_columns (sqlite3    *db,
                const char *table)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               schema_column_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SchemaColumn *column = g_new0 (SchemaColumn, 1);

      column->type = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 2), -1);
      column->not_null = sqlite3_column_int (stmt, 3) != 0;
      column->has_default = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      column->primary_key = sqlite3_column_int (stmt, 5) != 0;
      g_hash_table_insert (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           column);
    }
  sqlite3_finalize (stmt);
  return columns;
}

/* The CREATE TABLE statement of @table, as stored. */
static char *
schema_sql (sqlite3    *db,
            const char *table)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'table'"
                                           " AND name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (sql);
  return sql;
}

/* The values that `CHECK (column IN ('a', 'b', …))` in the CREATE TABLE of
 * the table lets through, or NULL when there is no such check. */
static GPtrArray *
schema_check_values (const char *create_sql,
                     const char *column)
{
  g_autofree char *pattern = g_strdup_printf ("CHECK\\s*\\(\\s*%s\\s+IN\\s*\\(([^)]*)\\)\\s*\\)",
                                              column);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("'([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) value_match = NULL;
  g_autofree char *list = NULL;
  GPtrArray *values;

  if (!g_regex_match (regex, create_sql, 0, &match))
    return NULL;
  g_assert_false (g_match_info_next (match, NULL)); /* one check per column */

  g_clear_pointer (&match, g_match_info_unref);
  g_regex_match (regex, create_sql, 0, &match);
  list = g_match_info_fetch (match, 1);

  values = g_ptr_array_new_with_free_func (g_free);
  g_regex_match (quoted, list, 0, &value_match);
  while (g_match_info_matches (value_match))
    {
      g_ptr_array_add (values, g_match_info_fetch (value_match, 1));
      g_match_info_next (value_match, NULL);
    }
  return values;
}

/* Migration ----------------------------------------------------------------- */

static void
test_migrate_empty (void)
{
  Fixture fx = { 0 };
  g_autoptr(GHashTable) tables = NULL;
  const AnttTable *const *descriptors;
  guint n_descriptors = 0;
  sqlite3 *raw;

  fixture_set_up (&fx);
  g_assert_cmpint (antt_database_get_schema_version (fx.db), ==, ANTT_SCHEMA_VERSION);
  g_clear_object (&fx.db);

  raw = raw_open (fx.path);
  tables = schema_tables (raw);
  descriptors = antt_tables (&n_descriptors);
  g_assert_cmpuint (n_descriptors, >, 0);

  /* Every described table exists… */
  for (guint i = 0; i < n_descriptors; i++)
    if (!g_hash_table_contains (tables, descriptors[i]->name))
      g_error ("Migration did not create the table “%s”", descriptors[i]->name);

  /* …and every table of the schema is described, but for the audit log,
   * which only the core writes. */
  g_assert_true (g_hash_table_contains (tables, "audit_log"));
  {
    GHashTableIter iter;
    const char *name;

    g_hash_table_iter_init (&iter, tables);
    while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
      if (antt_table_lookup (name) == NULL && g_strcmp0 (name, "audit_log") != 0)
        g_error ("Table “%s” of the schema has no descriptor", name);
  }
  g_assert_cmpuint (g_hash_table_size (tables), ==, n_descriptors + 1);

  /* Nothing seeded, nothing written but the schema. */
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM audit_log", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }

  sqlite3_close (raw);
  fixture_tear_down (&fx);
}

/* Descriptors against the schema -------------------------------------------- */

static const char *
expected_sql_type (const AnttColumn *column)
{
  switch (column->kind)
    {
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_BOOLEAN:
    case ANTT_COLUMN_REFERENCE:
      return "INTEGER";
    case ANTT_COLUMN_REAL:
      return "REAL";
    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_DATE:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_CHOICE:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      return "TEXT";
    }
}

static void
test_descriptors_match_columns (void)
{
  Fixture fx = { 0 };
  const AnttTable *const *descriptors;
  guint n_descriptors = 0;
  sqlite3 *handle;

  fixture_set_up (&fx);
  handle = antt_database_get_handle (fx.db);
  descriptors = antt_tables (&n_descriptors);

  for (guint t = 0; t < n_descriptors; t++)
    {
      const AnttTable *table = descriptors[t];
      g_autoptr(GHashTable) columns = schema_columns (handle, table->name);
      g_autoptr(GHashTable) described = g_hash_table_new (g_str_hash, g_str_equal);
      SchemaColumn *id;

      g_assert_true (antt_table_lookup (table->name) == table);
      g_assert_cmpuint (table->n_columns, >, 0);

      /* id, the rowid alias every record is known by. */
      id = g_hash_table_lookup (columns, "id");
      if (id == NULL || !id->primary_key || g_strcmp0 (id->type, "INTEGER") != 0)
        g_error ("%s.id is not an INTEGER PRIMARY KEY", table->name);
      g_hash_table_add (described, (gpointer) "id");

      for (guint c = 0; c < table->n_columns; c++)
        {
          const AnttColumn *column = &table->columns[c];
          SchemaColumn *sc = g_hash_table_lookup (columns, column->name);

          if (sc == NULL)
            g_error ("Descriptor column %s.%s is not in the schema", table->name, column->name);
          if (g_hash_table_contains (described, column->name))
            g_error ("Column %s.%s is described twice", table->name, column->name);
          g_hash_table_add (described, (gpointer) column->name);
          g_assert_true (antt_table_get_column (table, column->name) == column);

          if (g_strcmp0 (sc->type, expected_sql_type (column)) != 0)
            g_error ("%s.%s is %s in the schema, but described as a kind stored as %s",
                     table->name, column->name, sc->type, expected_sql_type (column));

          /* A column the database insists on, with no default, must be one
           * the form insists on too, or the clerk meets a raw constraint
           * error instead of a message beside the field. */
          if (sc->not_null && !sc->has_default && column->kind != ANTT_COLUMN_BOOLEAN &&
              !(column->flags & ANTT_COLUMN_FLAGS_REQUIRED))
            g_error ("%s.%s is NOT NULL without a default in the schema but not required "
                     "in its descriptor", table->name, column->name);

          if (column->flags & ANTT_COLUMN_FLAGS_FOLDED)
            {
              SchemaColumn *fold;

              g_assert_nonnull (column->fold_column);
              fold = g_hash_table_lookup (columns, column->fold_column);
              if (fold == NULL)
                g_error ("Search key %s.%s is not in the schema", table->name,
                         column->fold_column);
              g_assert_cmpstr (fold->type, ==, "TEXT");
              g_assert_null (antt_table_get_column (table, column->fold_column));
              g_hash_table_add (described, (gpointer) column->fold_column);
            }
          else
            g_assert_null (column->fold_column);

          if (column->kind == ANTT_COLUMN_CHOICE)
            g_assert_nonnull (column->choices);
          else
            g_assert_null (column->choices);
          if (column->kind == ANTT_COLUMN_REFERENCE)
            g_assert_nonnull (column->references);
          else
            g_assert_null (column->references);
        }

      /* One for one: nothing in the schema left undescribed. */
      {
        GHashTableIter iter;
        const char *name;

        g_hash_table_iter_init (&iter, columns);
        while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
          if (!g_hash_table_contains (described, name))
            g_error ("Schema column %s.%s has no descriptor", table->name, name);
      }
      g_assert_cmpuint (g_hash_table_size (described), ==, g_hash_table_size (columns));

      /* The columns the lists filter and link on exist. */
      if (table->date_column != NULL)
        {
          const AnttColumn *date = antt_table_get_column (table, table->date_column);
          g_assert_nonnull (date);
          g_assert_cmpint (date->kind, ==, ANTT_COLUMN_DATE);
        }
      if (table->end_column != NULL)
        {
          const AnttColumn *end = antt_table_get_column (table, table->end_column);
          g_assert_nonnull (table->date_column);
          g_assert_nonnull (end);
          g_assert_cmpint (end->kind, ==, ANTT_COLUMN_DATE);
        }
      if (table->parent_column != NULL)
        {
          const AnttColumn *parent = antt_table_get_column (table, table->parent_column);
          g_assert_nonnull (parent);
          g_assert_cmpint (parent->kind, ==, ANTT_COLUMN_REFERENCE);
        }
      if (table->member_column != NULL)
        {
          const AnttColumn *member = antt_table_get_column (table, table->member_column);
          g_assert_nonnull (member);
          g_assert_cmpint (member->kind, ==, ANTT_COLUMN_REFERENCE);
          g_assert_cmpstr (member->references, ==, "members");
        }

      /* The order of lists is valid SQL on this table. */
      if (table->order_by != NULL)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY %s",
                                                  table->name, table->order_by);
          sqlite3_stmt *stmt = NULL;

          if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
            g_error ("%s: %s", sql, sqlite3_errmsg (handle));
          sqlite3_finalize (stmt);
        }
    }

  fixture_tear_down (&fx);
}

/* Version 3 to 4 ------------------------------------------------------------ */

/* A file as version 3 left it, with a few rows in each table that version
 * 4 indexes anew. */
static void
write_v3_file (const char *path)
{
  sqlite3 *raw = NULL;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", ANTT_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  raw_exec (raw, "PRAGMA foreign_keys = ON; BEGIN");
  raw_exec (raw, ANTT_SCHEMA_V1_SQL);
  raw_exec (raw, ANTT_SCHEMA_V2_SQL);
  raw_exec (raw, ANTT_SCHEMA_V3_SQL);
  raw_exec (raw,
            "INSERT INTO villages (id, name, name_fold) VALUES"
            " (1, 'Thôn Đông', 'thon dong'), (2, 'Thôn Tây', 'thon tay');"
            "INSERT INTO teams (id, name, name_fold) VALUES (1, 'Tổ 1', 'to 1');"
            "INSERT INTO team_villages (team_id, village_id) VALUES (1, 1), (1, 2);"
            "INSERT INTO members (id, full_name, name_fold, birth_date, gender, id_number,"
            " village_id, team_id, joined_date) VALUES"
            " (1, 'Nguyễn Văn An', 'nguyen van an', '1980-01-01', 'male', '001080000001', 1, 1,"
            "  '2024-01-01'),"
            " (2, 'Lê Thị Bình', 'le thi binh', '1985-02-02', 'female', '001185000002', 2, 1,"
            "  '2024-01-01');"
            "INSERT INTO tips (id, received_date, village_id, via_force, member_id, summary,"
            " summary_fold) VALUES"
            " (1, '2024-09-01', 1, 1, 1, 'Tin báo một', 'tin bao mot'),"
            " (2, '2024-09-02', 2, 0, NULL, 'Tin báo hai', 'tin bao hai'),"
            " (3, '2024-10-05', NULL, 1, NULL, 'Tin báo ba', 'tin bao ba');"
            "INSERT INTO incidents (id, occurred_date, village_id, type, severity, title,"
            " title_fold) VALUES"
            " (1, '2024-09-03', 1, 'weapons', 'minor', 'Vụ một', 'vu mot'),"
            " (2, '2024-09-04', 2, 'traffic_accident', 'serious', 'Vụ hai', 'vu hai');"
            "INSERT INTO incident_participants (incident_id, member_id) VALUES (1, 1);"
            "INSERT INTO callouts (id, date, village_id, kind, place, place_fold) VALUES"
            " (1, '2024-09-05', 1, 'fire', 'Chợ', 'cho'),"
            " (2, '2024-09-06', NULL, 'flood', 'Đê', 'de');"
            "INSERT INTO callout_members (callout_id, member_id, present, on_time) VALUES"
            " (1, 1, 1, 1), (1, 2, 1, 0), (2, 2, 0, 0);"
            "INSERT INTO patrols (id, date, team_id, area, area_fold) VALUES"
            " (1, '2024-09-07', 1, 'Đường liên thôn', 'duong lien thon'),"
            " (2, '2024-10-07', 1, 'Bờ sông', 'bo song');"
            "INSERT INTO patrol_participants (patrol_id, member_id) VALUES (1, 1), (1, 2), (2, 2);");
  raw_exec (raw, "PRAGMA user_version = 3");
  raw_exec (raw, app_id);
  raw_exec (raw, "COMMIT");
  sqlite3_close (raw);
}

/* Every table's rows, as one text per table: the same before and after. */
static GHashTable *
table_contents (sqlite3 *db)
{
  g_autoptr(GHashTable) tables = schema_tables (db);
  GHashTable *contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      GString *text = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                 ? "∅" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
      g_hash_table_insert (contents, g_strdup (name), g_string_free (text, FALSE));
    }
  return contents;
}

/* The columns of index @name, comma-separated. */
static char *
index_columns (sqlite3    *db,
               const char *name)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA index_info (%s)", name);
  GString *columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s%s", columns->len ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (columns, FALSE);
}

/* SQLite's plan for @sql, its details joined by "; ". */
static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s%s", plan->len ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

static void
test_migrate_v3 (void)
{
  static const struct
  {
    const char *index;
    const char *columns;
  } indexes[] = {
    { "tips_date", "received_date,village_id,via_force" },
    { "incidents_date", "occurred_date,village_id,type,severity" },
    { "callouts_date", "date,village_id" },
    { "members_team", "team_id,joined_date,left_date" },
    { "patrol_participants_member", "member_id,patrol_id" },
    { "callout_members_callout", "callout_id,member_id,present,on_time" },
  };
  /* What the targets ask of each, answered from the index alone. */
  static const struct
  {
    const char *sql;
    const char *plan;
  } queries[] = {
    { "SELECT coalesce (village_id, 0), via_force FROM tips"
      " WHERE received_date BETWEEN '2024-01-01' AND '2024-12-31'",
      "SEARCH tips USING COVERING INDEX tips_date (received_date>? AND received_date<?)" },
    { "SELECT id, village_id, type, severity FROM incidents"
      " WHERE occurred_date BETWEEN '2024-01-01' AND '2024-12-31'",
      "SEARCH incidents USING COVERING INDEX incidents_date (occurred_date>? AND occurred_date<?)" },
    { "SELECT id, village_id FROM callouts WHERE date BETWEEN '2024-01-01' AND '2024-12-31'",
      "SEARCH callouts USING COVERING INDEX callouts_date (date>? AND date<?)" },
    { "SELECT id, team_id, joined_date <= '2024-12-31'"
      " AND (left_date IS NULL OR left_date >= '2024-01-01') FROM members",
      "SCAN members USING COVERING INDEX members_team" },
    { "SELECT patrol_id FROM patrol_participants WHERE member_id = 2",
      "SEARCH patrol_participants USING COVERING INDEX patrol_participants_member (member_id=?)" },
    { "SELECT callout_id, member_id, present, on_time FROM callout_members ORDER BY callout_id",
      "SCAN callout_members USING COVERING INDEX callout_members_callout" },
  };
  g_autofree char *dir = g_dir_make_tmp ("antt-test-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  GHashTableIter iter;
  const char *name, *rows;
  sqlite3 *raw = NULL;
  sqlite3 *handle;

  g_assert_nonnull (strstr (ANTT_SCHEMA_V4_SQL, "CREATE INDEX tips_date"));

  write_v3_file (path);
  raw = raw_open (path);
  before = table_contents (raw);
  sqlite3_close (raw);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, 4);
  handle = antt_database_get_handle (db);

  /* Every table, every row, every value, as before. */
  after = table_contents (handle);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &rows))
    g_assert_cmpstr (g_hash_table_lookup (after, name), ==, rows);
  g_assert_nonnull (strstr (g_hash_table_lookup (after, "tips"), "Tin báo ba"));
  g_assert_nonnull (strstr (g_hash_table_lookup (after, "patrol_participants"), "3|2|2|"));

  /* The indexes are the new ones, they hold every row, and the targets'
   * queries read them alone. */
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *columns = index_columns (handle, indexes[i].index);

      g_assert_cmpstr (columns, ==, indexes[i].columns);
    }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plan = query_plan (handle, queries[i].sql);

      g_assert_cmpstr (plan, ==, queries[i].plan);
    }
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
  }
  {
    sqlite3_stmt *stmt = NULL;

    /* Read through the index: the rows of the table, in date order. */
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT group_concat (id) FROM"
                                                 " (SELECT id FROM tips INDEXED BY tips_date"
                                                 " WHERE received_date >= '2024-01-01'"
                                                 " ORDER BY received_date)", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "1,2,3");
    sqlite3_finalize (stmt);
  }

  g_clear_object (&db);
  remove_tree (dir);
}

static void
test_references (void)
{
  Fixture fx = { 0 };
  const AnttTable *const *descriptors;
  guint n_descriptors = 0;
  sqlite3 *handle;
  g_autoptr(GHashTable) tables = NULL;

  fixture_set_up (&fx);
  handle = antt_database_get_handle (fx.db);
  tables = schema_tables (handle);
  descriptors = antt_tables (&n_descriptors);

  for (guint t = 0; t < n_descriptors; t++)
    {
      const AnttTable *table = descriptors[t];
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list (%s)", table->name);
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sqlite3_stmt *stmt = NULL;

      /* foreign_key_list: id, seq, table, from, to, … */
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *to = (const char *) sqlite3_column_text (stmt, 4);

          g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0); /* no composite keys */
          /* References are to the row id. */
          g_assert_true (to == NULL || g_str_equal (to, "id"));
          g_hash_table_insert (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
                               g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
        }
      sqlite3_finalize (stmt);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const AnttColumn *column = &table->columns[c];
          const char *target;

          if (column->kind != ANTT_COLUMN_REFERENCE)
            continue;

          if (antt_table_lookup (column->references) == NULL)
            g_error ("%s.%s refers to “%s”, which has no descriptor",
                     table->name, column->name, column->references);
          if (!g_hash_table_contains (tables, column->references))
            g_error ("%s.%s refers to “%s”, which is not in the schema",
                     table->name, column->name, column->references);

          target = g_hash_table_lookup (keys, column->name);
          if (target == NULL)
            g_error ("%s.%s is a reference without a FOREIGN KEY in the schema",
                     table->name, column->name);
          if (g_strcmp0 (target, column->references) != 0)
            g_error ("%s.%s refers to %s in its descriptor but to %s in the schema",
                     table->name, column->name, column->references, target);
          g_hash_table_remove (keys, column->name);
        }

      /* And every foreign key of the schema is a reference the forms know. */
      if (g_hash_table_size (keys) > 0)
        {
          GHashTableIter iter;
          const char *from;

          g_hash_table_iter_init (&iter, keys);
          g_hash_table_iter_next (&iter, (gpointer *) &from, NULL);
          g_error ("Foreign key %s.%s is not a REFERENCE column in the descriptor",
                   table->name, from);
        }
    }

  fixture_tear_down (&fx);
}

/* Choices ------------------------------------------------------------------- */

/* One row of each table that has choices, valid for the schema (foreign
 * keys are off on the raw connection, so parents need not exist). Each
 * choice column is then set to every value in turn. */
static const struct {
  const char *table;
  const char *insert;
} choice_rows[] = {
  { "phases", "INSERT INTO phases (id, campaign_id, ordinal, name, start_date, end_date,"
              " review_kind) VALUES (1, 1, 1, 'Đợt thứ Nhất', '2024-08-19', '2025-02-03',"
              " 'interim')" },
  { "targets", "INSERT INTO targets (id, campaign_id, code, ordinal, title, measure, comparison,"
               " threshold, scope) VALUES (1, 1, 'T1', 1, 'Nguồn tin', 'ratio', '>=', 80,"
               " 'commune')" },
  { "award_caps", "INSERT INTO award_caps (id, phase_id, award_level_id, nominee_kind,"
                  " max_count) VALUES (1, 1, 1, 'collective', 20)" },
  { "villages", "INSERT INTO villages (id, name, name_fold, kind) VALUES (1, 'Thôn Đồng Tâm',"
                " 'thon dong tam', 'village')" },
  { "members", "INSERT INTO members (id, full_name, name_fold, birth_date, gender, id_number,"
               " village_id, team_id, role, joined_date, left_date, left_reason, education,"
               " residence, prior_service) VALUES (1, 'Nguyễn Văn Đức', 'nguyen van duc',"
               " '1990-05-01', 'male', '038090001234', 1, 1, 'member', '2024-08-19',"
               " '2025-01-01', 'other', 'lower_secondary', 'permanent', 'none')" },
  { "reintegration_cases", "INSERT INTO reintegration_cases (id, full_name, name_fold, gender,"
                           " village_id, start_date) VALUES (1, 'Ưng Hoàng Phúc',"
                           " 'ung hoang phuc', 'male', 1, '2024-09-01')" },
  { "trainings", "INSERT INTO trainings (id, date, kind, title) VALUES (1, '2024-10-01',"
                 " 'fire_rescue', 'Tập huấn PCCC')" },
  { "tips", "INSERT INTO tips (id, received_date, via_force, category, summary, summary_fold)"
            " VALUES (1, '2024-10-01', 1, 'other', 'Tin báo', 'tin bao')" },
  { "incidents", "INSERT INTO incidents (id, occurred_date, type, severity, weapon_kind, title,"
                 " title_fold) VALUES (1, '2024-10-01', 'weapons', 'minor', 'weapon', 'Vụ việc',"
                 " 'vu viec')" },
  { "callouts", "INSERT INTO callouts (id, date, kind, place, place_fold) VALUES (1,"
                " '2024-10-01', 'fire', 'Thôn Đồng Tâm', 'thon dong tam')" },
  { "good_deeds", "INSERT INTO good_deeds (id, date, team_id, member_id, kind, description)"
                  " VALUES (1, '2024-10-01', 1, 1, 'good_deed', 'Giúp dân')" },
  { "models", "INSERT INTO models (id, kind, name, name_fold, recognition_level, started_date)"
              " VALUES (1, 'model', 'Camera an ninh', 'camera an ninh', 'district',"
              " '2024-10-01')" },
  { "nominations", "INSERT INTO nominations (id, phase_id, award_level_id, nominee_kind, team_id,"
                   " achievement_type, status, created_date) VALUES (1, 1, 1, 'collective', 1,"
                   " 'excellent', 'draft', '2025-02-05')" },
  { "nomination_evidence", "INSERT INTO nomination_evidence (id, nomination_id, record_table,"
                           " record_id) VALUES (1, 1, 'patrols', 1)" },
  { "committee_meetings", "INSERT INTO committee_meetings (id, phase_id, held_date,"
                          " members_total, members_present) VALUES (1, 1, '2025-02-10', 9, 7)" },
  { "report_texts", "INSERT INTO report_texts (id, phase_id, section, updated_at)"
                    " VALUES (1, 1, 'results', '2025-02-10T08:00:00+07:00')" },
  { "document_settings", "INSERT INTO document_settings (id, doc_kind) VALUES (1, 'proposal')" },
};

/* Sets @column of row 1 of @table to @value; returns the SQLite result and,
 * on failure, the message. The change is undone either way. */
static int
try_value (sqlite3     *db,
           const char  *table,
           const char  *column,
           const char  *value,
           char       **message)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = 1", table, column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  raw_exec (db, "SAVEPOINT try");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  *message = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  raw_exec (db, "ROLLBACK TO try; RELEASE try");
  return rc;
}

static void
test_choices (void)
{
  Fixture fx = { 0 };
  const AnttTable *const *descriptors;
  guint n_descriptors = 0;
  guint n_checked = 0;
  sqlite3 *raw;

  fixture_set_up (&fx);
  g_clear_object (&fx.db);

  raw = raw_open (fx.path);
  raw_exec (raw, "PRAGMA foreign_keys = OFF");
  for (guint i = 0; i < G_N_ELEMENTS (choice_rows); i++)
    raw_exec (raw, choice_rows[i].insert);

  descriptors = antt_tables (&n_descriptors);
  for (guint t = 0; t < n_descriptors; t++)
    {
      const AnttTable *table = descriptors[t];
      g_autofree char *create_sql = schema_sql (raw, table->name);
      gboolean has_row = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (choice_rows); i++)
        if (g_str_equal (choice_rows[i].table, table->name))
          has_row = TRUE;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const AnttColumn *column = &table->columns[c];
          g_autoptr(GPtrArray) allowed = NULL;
          g_autofree char *own_check = NULL;
          g_autofree char *message = NULL;
          guint n_choices = 0;

          if (column->kind != ANTT_COLUMN_CHOICE)
            continue;
          if (!has_row)
            g_error ("Table %s has choices: add a row for it to choice_rows", table->name);

          /* The list in the schema's CHECK is the descriptor's, exactly. */
          allowed = schema_check_values (create_sql, column->name);
          if (allowed == NULL)
            g_error ("%s.%s is a choice, but the schema has no CHECK (%s IN (…))",
                     table->name, column->name, column->name);
          for (const AnttChoice *choice = column->choices; choice->value; choice++)
            {
              g_assert_nonnull (choice->label);
              if (!g_ptr_array_find_with_equal_func (allowed, choice->value, g_str_equal, NULL))
                g_error ("%s.%s offers “%s”, which the schema refuses",
                         table->name, column->name, choice->value);
              for (const AnttChoice *other = column->choices; other != choice; other++)
                g_assert_cmpstr (other->value, !=, choice->value);
              n_choices++;
            }
          for (guint i = 0; i < allowed->len; i++)
            {
              const char *value = g_ptr_array_index (allowed, i);
              const AnttChoice *choice;

              for (choice = column->choices; choice->value; choice++)
                if (g_str_equal (choice->value, value))
                  break;
              if (choice->value == NULL)
                g_error ("The schema lets %s.%s be “%s”, which no choice offers",
                         table->name, column->name, value);
            }
          g_assert_cmpuint (allowed->len, ==, n_choices);

          /* And the database itself agrees: each value passes the column's
           * CHECK (another rule tying it to other columns may still object,
           * as for a weapon kind on an incident that is not about weapons),
           * and a value not in the list is refused by it. */
          own_check = g_strdup_printf ("CHECK constraint failed: %s IN", column->name);
          for (const AnttChoice *choice = column->choices; choice->value; choice++)
            {
              g_autofree char *why = NULL;
              int rc = try_value (raw, table->name, column->name, choice->value, &why);

              if (rc != SQLITE_DONE && strstr (why, own_check) != NULL)
                g_error ("The schema refuses %s.%s = “%s”: %s",
                         table->name, column->name, choice->value, why);
              if (rc != SQLITE_DONE)
                g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_CHECK);
              n_checked++;
            }

          g_assert_cmpint (try_value (raw, table->name, column->name, "bogus_value", &message),
                           ==, SQLITE_CONSTRAINT_CHECK);
          if (strstr (message, own_check) == NULL)
            g_error ("%s.%s = “bogus_value” was refused, but not by its own CHECK: %s",
                     table->name, column->name, message);
        }
    }
  g_assert_cmpuint (n_checked, >, 50);

  sqlite3_close (raw);
  fixture_tear_down (&fx);
}

/* Foreign keys -------------------------------------------------------------- */

static void
test_foreign_keys_enforced (void)
{
  Fixture fx = { 0 };
  sqlite3 *handle;
  char *message = NULL;
  int rc;

  fixture_set_up (&fx);
  /* Reopened, so that the setting is known to be made on every open and not
   * only when the schema is created. */
  g_clear_object (&fx.db);
  {
    g_autoptr(GError) error = NULL;
    fx.db = antt_database_open (fx.path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
    g_assert_no_error (error);
  }
  handle = antt_database_get_handle (fx.db);
  sqlite3_extended_result_codes (handle, TRUE);

  raw_exec (handle, "INSERT INTO villages (id, name, name_fold) VALUES (1, 'Thôn Đồng Tâm',"
                    " 'thon dong tam')");

  /* A member of a team that does not exist. */
  rc = sqlite3_exec (handle,
                     "INSERT INTO members (full_name, name_fold, birth_date, gender, id_number,"
                     " village_id, team_id, joined_date) VALUES ('Đặng Thị Ánh', 'dang thi anh',"
                     " '1995-03-12', 'female', '038195004321', 1, 9999, '2024-08-19')",
                     NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  sqlite3_free (message);
  message = NULL;

  /* With the team, the same row goes in… */
  raw_exec (handle, "INSERT INTO teams (id, name, name_fold) VALUES (9999, 'Tổ Đồng Tâm',"
                    " 'to dong tam')");
  raw_exec (handle, "INSERT INTO members (full_name, name_fold, birth_date, gender, id_number,"
                    " village_id, team_id, joined_date) VALUES ('Đặng Thị Ánh', 'dang thi anh',"
                    " '1995-03-12', 'female', '038195004321', 1, 9999, '2024-08-19')");

  /* …and then the team cannot go while she is in it. */
  rc = sqlite3_exec (handle, "DELETE FROM teams WHERE id = 9999", NULL, NULL, &message);
  /* ON DELETE RESTRICT fails as SQLITE_CONSTRAINT_TRIGGER, not _FOREIGNKEY. */
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (message, ==, "FOREIGN KEY constraint failed");
  sqlite3_free (message);
  message = NULL;

  /* Link rows go with their parent. */
  raw_exec (handle, "INSERT INTO patrols (id, date, team_id, area, area_fold) VALUES"
                    " (1, '2024-10-01', 9999, 'Thôn Đồng Tâm', 'thon dong tam');"
                    "INSERT INTO patrol_participants (patrol_id, member_id) VALUES (1, 1);"
                    "DELETE FROM patrols WHERE id = 1;");
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM patrol_participants",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }

  fixture_tear_down (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/migrate-empty", test_migrate_empty);
  g_test_add_func ("/schema/migrate-v3", test_migrate_v3);
  g_test_add_func ("/schema/descriptors/columns", test_descriptors_match_columns);
  g_test_add_func ("/schema/descriptors/references", test_references);
  g_test_add_func ("/schema/descriptors/choices", test_choices);
  g_test_add_func ("/schema/foreign-keys", test_foreign_keys_enforced);

  return g_test_run ();
}
