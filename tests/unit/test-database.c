/* test-database.c: opening, refusing and locking the data file.
 *
 * Every case works on real files in a temporary folder. A file that is
 * refused must be left byte for byte as it was: the user may have chosen the
 * wrong file, and it may be the only copy of someone else's data.
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

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("antt-test-database-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static gboolean
companion_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);

  return g_file_test (companion, G_FILE_TEST_EXISTS);
}

static void
assert_no_companions (const char *path)
{
  g_assert_false (companion_exists (path, "-wal"));
  g_assert_false (companion_exists (path, "-shm"));
  g_assert_false (companion_exists (path, "-journal"));
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
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

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Creates one of our files, closed, at @path. */
static void
create_antt_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
}

static gint64
insert_village (AnttDatabase  *db,
                const char    *name,
                GError       **error)
{
  g_autoptr(AnttRecord) village = antt_record_new ("villages");

  antt_record_set_string (village, "name", name);
  antt_record_set_string (village, "kind", "village");
  return antt_records_insert (db, village, error);
}

static gint64
count_villages (AnttDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = antt_records_count (db, "villages", NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* Opens @path expecting a refusal with @code, and checks that the file was
 * neither changed nor given a journal. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, ANTT_DATABASE_ERROR, code);
  /* The message names the file, so that the user knows which one. */
  g_assert_nonnull (strstr (error->message, path));

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);
}

/* Creating and initialising ----------------------------------------------- */

/* The page cache: large on a long-lived connection, a few MiB on a
 * worker's, which still reads and writes the same file. */
static void
test_cache_size (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttDatabase) worker = NULL;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (antt_database_get_handle (db), "PRAGMA cache_size"), ==,
                   -ANTT_DATABASE_CACHE_KB);

  worker = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED |
                                     ANTT_DATABASE_FLAGS_WORKER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (antt_database_get_handle (worker), "PRAGMA cache_size"), ==,
                   -ANTT_DATABASE_WORKER_CACHE_KB);
  g_assert_cmpint (ANTT_DATABASE_WORKER_CACHE_KB, <, ANTT_DATABASE_CACHE_KB);
  g_assert_cmpint (raw_int (antt_database_get_handle (worker), "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (antt_database_get_schema_version (worker), ==, ANTT_SCHEMA_VERSION);

  /* It reads the same file: the tables and the plan seeded through the other. */
  g_assert_cmpint (raw_int (antt_database_get_handle (worker), "SELECT count(*) FROM sqlite_master"), >, 0);
  g_assert_cmpint (raw_int (antt_database_get_handle (worker), "SELECT count(*) FROM sqlite_master"), ==,
                   raw_int (antt_database_get_handle (db), "SELECT count(*) FROM sqlite_master"));

  g_clear_object (&worker);
  g_clear_object (&db);
  remove_tree (dir);
}


static void
test_create (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *handle;
  sqlite3 *raw;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (antt_database_get_path (db), ==, path);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  g_assert_false (antt_database_in_transaction (db));

  handle = antt_database_get_handle (db);
  g_assert_cmpint (raw_int (handle, "PRAGMA application_id"), ==, ANTT_APPLICATION_ID);
  g_assert_cmpint (raw_int (handle, "PRAGMA user_version"), ==, ANTT_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (handle, "PRAGMA foreign_keys"), ==, 1);
  journal = raw_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  g_clear_object (&db);

  /* Closed, the file stands alone: copying it to a USB stick copies all
   * the data, with no -wal file left behind. */
  assert_no_companions (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "PRAGMA application_id"), ==, ANTT_APPLICATION_ID);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, ANTT_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                 " AND name = 'members'"), ==, 1);
  sqlite3_close (raw);

  /* And it opens again as it was. */
  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  g_clear_object (&db);

  remove_tree (dir);
}

static void
test_open_empty_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  gint64 n;

  write_file (path, "", 0);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (antt_database_get_handle (db), "PRAGMA application_id"), ==,
                   ANTT_APPLICATION_ID);

  /* Initialised as a new file: the plan is there. */
  n = antt_records_count (db, "campaigns", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);

  g_clear_object (&db);
  remove_tree (dir);
}

static void
test_open_empty_sqlite (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "blank.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *raw;
  gint64 n;

  /* What `sqlite3 blank.sqlite` leaves after a table came and went: a real
   * SQLite header, no application id, no tables. */
  raw = raw_open (path);
  raw_exec (raw, "CREATE TABLE scratch (a); DROP TABLE scratch;");
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (contents, 16, "SQLite format 3", 16);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (antt_database_get_handle (db), "PRAGMA application_id"), ==,
                   ANTT_APPLICATION_ID);
  n = antt_records_count (db, "campaigns", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);

  g_clear_object (&db);
  remove_tree (dir);
}

/* Refusing what is not ours ----------------------------------------------- */

static void
test_refuse_text (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "danh-sach.db", NULL);
  const char *text =
    "STT,Họ và tên,Số CCCD,Thôn\n"
    "1,Nguyễn Văn Đức,038095001234,Thôn Đồng Tâm\n"
    "2,Đặng Thị Ánh,038195004321,Thôn Bình Minh\n"
    "3,Ưng Hoàng Phúc,038090007777,Thôn Đồng Tâm\n";

  write_file (path, text, strlen (text));
  assert_refused (path, ANTT_DATABASE_ERROR_NOT_DATABASE);

  /* A short text file, under the size of an SQLite header. */
  write_file (path, "xin chào\n", strlen ("xin chào\n"));
  assert_refused (path, ANTT_DATABASE_ERROR_NOT_DATABASE);

  remove_tree (dir);
}

static void
test_refuse_binary (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "anh.db", NULL);
  guint8 png[4096];
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                      0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autoptr(GRand) rand = g_rand_new_with_seed (883);

  for (guint i = 0; i < sizeof png; i++)
    png[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (png, signature, sizeof signature);

  write_file (path, png, sizeof png);
  assert_refused (path, ANTT_DATABASE_ERROR_NOT_DATABASE);

  remove_tree (dir);
}

static void
test_refuse_truncated_header (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  create_antt_file (good);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);

  /* A copy that stopped half way through the header (a pulled USB stick). */
  write_file (path, contents, 60);
  assert_refused (path, ANTT_DATABASE_ERROR_NOT_DATABASE);

  write_file (path, contents, 99);
  assert_refused (path, ANTT_DATABASE_ERROR_NOT_DATABASE);

  remove_tree (dir);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *plain = g_build_filename (dir, "places.sqlite", NULL);
  g_autofree char *with_id = g_build_filename (dir, "other-app.db", NULL);
  g_autofree char *empty_with_id = g_build_filename (dir, "other-empty.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "other-wal.db", NULL);
  sqlite3 *raw;

  /* Another program's tables, no application id. */
  raw = raw_open (plain);
  raw_exec (raw, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                 "INSERT INTO moz_places (url) VALUES ('https://dichvucong.gov.vn');");
  sqlite3_close (raw);
  assert_refused (plain, ANTT_DATABASE_ERROR_FOREIGN);

  /* Another program's application id. */
  raw = raw_open (with_id);
  raw_exec (raw, "PRAGMA application_id = 1196444237;"
                 "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);"
                 "INSERT INTO things (name) VALUES ('x');");
  sqlite3_close (raw);
  assert_refused (with_id, ANTT_DATABASE_ERROR_FOREIGN);

  /* Even empty, a file that says it belongs to another program is not taken over. */
  raw = raw_open (empty_with_id);
  raw_exec (raw, "PRAGMA application_id = 1196444237; VACUUM;");
  sqlite3_close (raw);
  assert_refused (empty_with_id, ANTT_DATABASE_ERROR_FOREIGN);

  /* A WAL-mode database of another program (most modern programs): the
   * read-only look inside must not leave -wal or -shm files beside it. */
  raw = raw_open (wal);
  raw_exec (raw, "PRAGMA journal_mode = WAL;"
                 "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                 "INSERT INTO notes (body) VALUES ('ghi chú');");
  sqlite3_close (raw);
  assert_no_companions (wal);
  assert_refused (wal, ANTT_DATABASE_ERROR_FOREIGN);

  remove_tree (dir);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  sqlite3 *raw;

  create_antt_file (path);
  raw = raw_open (path);
  raw_exec (raw, "PRAGMA user_version = 99");
  sqlite3_close (raw);
  assert_no_companions (path);

  assert_refused (path, ANTT_DATABASE_ERROR_NEWER_SCHEMA);

  remove_tree (dir);
}

/* A newer copy of the program still running has written its version into
 * the WAL only: the header on disk is stale and must not be trusted. */
static void
test_refuse_newer_in_wal (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *raw;

  create_antt_file (path);
  before = file_sha256 (path);

  raw = raw_open (path);
  raw_exec (raw, "PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 99;");
  g_assert_true (companion_exists (path, "-wal"));
  /* The main file still says version 1. */
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_NEWER_SCHEMA);

  g_clear_pointer (&after, g_free);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM campaigns"), ==, 1);

  sqlite3_close (raw);
  remove_tree (dir);
}

static void
test_no_create (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *nested = g_build_filename (dir, "no", "such", "folder", "missing.db", NULL);
  g_autofree char *nested_dir = g_build_filename (dir, "no", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_companions (path);
  g_clear_error (&error);

  db = antt_database_open (nested, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN);
  g_assert_false (g_file_test (nested_dir, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_create_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "Dữ liệu", "thidua-antt", NULL);
  g_autofree char *path = g_build_filename (folder, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);

  g_clear_object (&db);
  remove_tree (dir);
}

static void
test_refuse_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;

  db = antt_database_open (dir, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN);

  remove_tree (dir);
}

/* Transactions and change notification ------------------------------------ */

static void
test_nested_transactions (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttFilter) filter = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 outer_id, inner_id;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_SEED, &error);
  g_assert_no_error (error);

  /* begin / begin / rollback inner / commit outer keeps the outer's writes. */
  g_assert_true (antt_database_begin (db, &error));
  g_assert_no_error (error);
  outer_id = insert_village (db, "Thôn Đồng Tâm", &error);
  g_assert_no_error (error);
  g_assert_cmpint (outer_id, >, 0);

  g_assert_true (antt_database_begin (db, &error));
  g_assert_no_error (error);
  inner_id = insert_village (db, "Thôn Bình Minh", &error);
  g_assert_no_error (error);
  g_assert_cmpint (inner_id, >, 0);
  g_assert_cmpint (count_villages (db), ==, 2);
  antt_database_rollback (db);
  g_assert_true (antt_database_in_transaction (db));
  g_assert_cmpint (count_villages (db), ==, 1);

  g_assert_true (antt_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (antt_database_in_transaction (db));

  rows = antt_records_list (db, "villages", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (antt_record_get_string (g_ptr_array_index (rows, 0), "name"), ==,
                   "Thôn Đồng Tâm");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Committed for real: another connection sees it. */
  {
    sqlite3 *raw = raw_open (path);
    g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM villages"), ==, 1);
    sqlite3_close (raw);
  }

  /* The other way round: an inner commit is undone by an outer rollback. */
  g_assert_true (antt_database_begin (db, &error));
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Xuân Thượng", &error);
  g_assert_no_error (error);
  g_assert_true (antt_database_commit (db, &error));
  g_assert_true (antt_database_in_transaction (db));
  antt_database_rollback (db);
  g_assert_false (antt_database_in_transaction (db));
  g_assert_cmpint (count_villages (db), ==, 1);

  /* Three deep, the middle rolled back, the rest kept. */
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Một", &error);
  g_assert_no_error (error);
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Hai", &error);
  g_assert_no_error (error);
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Ba", &error);
  g_assert_no_error (error);
  g_assert_true (antt_database_commit (db, &error));
  antt_database_rollback (db);
  g_assert_true (antt_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (antt_database_in_transaction (db));

  filter = antt_filter_new ();
  antt_filter_set_search (filter, "thon mot");
  g_assert_cmpint (antt_records_count (db, "villages", filter, &error), ==, 1);
  antt_filter_set_search (filter, "thon hai");
  g_assert_cmpint (antt_records_count (db, "villages", filter, &error), ==, 0);
  antt_filter_set_search (filter, "thon ba");
  g_assert_cmpint (antt_records_count (db, "villages", filter, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_villages (db), ==, 2);

  g_clear_object (&db);
  remove_tree (dir);
}

typedef struct
{
  GPtrArray *tables;
} ChangedLog;

static void
changed_cb (AnttDatabase *db,
            const char   *table,
            ChangedLog   *log)
{
  /* Listeners re-read the table: the change must be visible by now. */
  g_assert_false (antt_database_in_transaction (db));
  g_ptr_array_add (log->tables, g_strdup (table));
}

static void
test_changed_signal (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  ChangedLog log = { g_ptr_array_new_with_free_func (g_free) };
  ChangedLog detailed = { g_ptr_array_new_with_free_func (g_free) };
  gint64 id;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_SEED, &error);
  g_assert_no_error (error);
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &log);
  g_signal_connect (db, "changed::teams", G_CALLBACK (changed_cb), &detailed);

  /* A single write notifies once, with the table's name. */
  id = insert_village (db, "Thôn Đồng Tâm", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (log.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.tables, 0), ==, "villages");
  g_assert_cmpuint (detailed.tables->len, ==, 0);
  g_ptr_array_set_size (log.tables, 0);

  /* Inside a transaction: nothing until the commit, then once per table. */
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Bình Minh", &error);
  g_assert_no_error (error);
  insert_village (db, "Thôn Xuân Thượng", &error);
  g_assert_no_error (error);
  {
    g_autoptr(AnttRecord) team = antt_record_new ("teams");
    antt_record_set_string (team, "name", "Tổ bảo vệ ANTT thôn Đồng Tâm");
    antt_records_insert (db, team, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (log.tables->len, ==, 0);
  g_assert_true (antt_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.tables->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (log.tables, "villages", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log.tables, "teams", g_str_equal, NULL));
  g_assert_cmpuint (detailed.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (detailed.tables, 0), ==, "teams");
  g_ptr_array_set_size (log.tables, 0);

  /* Rolled back: no notification, then or later. */
  g_assert_true (antt_database_begin (db, &error));
  insert_village (db, "Thôn Bỏ Đi", &error);
  g_assert_no_error (error);
  antt_database_rollback (db);
  g_assert_cmpuint (log.tables->len, ==, 0);

  g_assert_true (antt_database_begin (db, &error));
  g_assert_true (antt_database_commit (db, &error));
  g_assert_cmpuint (log.tables->len, ==, 0);

  /* A refused write notifies nothing either. */
  g_assert_cmpint (insert_village (db, "", &error), ==, 0);
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpuint (log.tables->len, ==, 0);

  /* Deletes and updates notify too. */
  g_assert_true (antt_records_delete (db, "villages", id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.tables, 0), ==, "villages");
  {
    g_autoptr(AnttRecord) team = antt_record_new ("teams");
    antt_record_set_id (team, 1);
    antt_record_set_string (team, "decision_number", "12/QĐ-UBND");
    g_assert_true (antt_records_update (db, team, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (log.tables->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log.tables, 1), ==, "teams");
  g_assert_cmpuint (detailed.tables->len, ==, 2);

  g_signal_handlers_disconnect_by_data (db, &log);
  g_signal_handlers_disconnect_by_data (db, &detailed);
  g_ptr_array_unref (log.tables);
  g_ptr_array_unref (detailed.tables);
  g_clear_object (&db);
  remove_tree (dir);
}

/* Another program holds the file --------------------------------------- */

static void
test_busy (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  gint64 started, waited;
  sqlite3 *other;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_SEED, &error);
  g_assert_no_error (error);
  insert_village (db, "Thôn Đồng Tâm", &error);
  g_assert_no_error (error);

  /* A second copy of the program is in the middle of a write. */
  other = raw_open (path);
  raw_exec (other, "BEGIN EXCLUSIVE;"
                   "INSERT INTO villages (name, name_fold) VALUES ('Thôn Khác', 'thon khac');");

  started = g_get_monotonic_time ();
  g_assert_cmpint (insert_village (db, "Thôn Bình Minh", &error), ==, 0);
  waited = g_get_monotonic_time () - started;
  g_assert_nonnull (error);
  if (error->domain == ANTT_DATABASE_ERROR)
    g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_BUSY);
  else
    g_error ("A locked file gave “%s” (%s %d), not ANTT_DATABASE_ERROR_BUSY",
             error->message, g_quark_to_string (error->domain), error->code);
  g_clear_error (&error);
  /* It waited for the other writer before giving up. */
  g_assert_cmpint (waited, >=, 4 * G_USEC_PER_SEC);
  g_assert_false (antt_database_in_transaction (db));

  /* Reading still works while the other holds the write lock (WAL). */
  g_assert_cmpint (count_villages (db), ==, 1);

  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);

  /* Nothing half-written; the next write goes through. */
  g_assert_cmpint (count_villages (db), ==, 1);
  g_assert_cmpint (insert_village (db, "Thôn Bình Minh", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_villages (db), ==, 2);
  g_assert_true (antt_database_check_integrity (db, &error));
  g_assert_no_error (error);

  g_clear_object (&db);
  remove_tree (dir);
}

/* Integrity ------------------------------------------------------------- */

static void
test_integrity (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thidua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  sqlite3 *raw;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  insert_village (db, "Thôn Đồng Tâm", &error);
  g_assert_no_error (error);
  g_assert_true (antt_database_check_integrity (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* A row pointing to nothing, written by a program that ignored the
   * foreign keys: the check must say so. */
  raw = raw_open (path);
  raw_exec (raw, "PRAGMA foreign_keys = OFF;"
                 "INSERT INTO team_villages (team_id, village_id) VALUES (4242, 1);");
  sqlite3_close (raw);

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (antt_database_check_integrity (db, &error));
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT);

  g_clear_object (&db);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/cache-size", test_cache_size);
  g_test_add_func ("/database/open/empty-file", test_open_empty_file);
  g_test_add_func ("/database/open/empty-sqlite", test_open_empty_sqlite);
  g_test_add_func ("/database/refuse/text", test_refuse_text);
  g_test_add_func ("/database/refuse/binary", test_refuse_binary);
  g_test_add_func ("/database/refuse/truncated-header", test_refuse_truncated_header);
  g_test_add_func ("/database/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer);
  g_test_add_func ("/database/refuse/newer-in-wal", test_refuse_newer_in_wal);
  g_test_add_func ("/database/refuse/folder", test_refuse_folder);
  g_test_add_func ("/database/no-create", test_no_create);
  g_test_add_func ("/database/create-folder", test_create_folder);
  g_test_add_func ("/database/transaction/nested", test_nested_transactions);
  g_test_add_func ("/database/changed-signal", test_changed_signal);
  g_test_add_func ("/database/busy", test_busy);
  g_test_add_func ("/database/integrity", test_integrity);

  return g_test_run ();
}
