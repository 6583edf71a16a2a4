/* test-backup.c: backups, snapshots and restore, on real files.
 *
 * What a clerk relies on: a backup restores to exactly the data it was made
 * from; every bad file is refused with its own error and left as it was,
 * and so is the data file; a cancelled or failed backup leaves no file that
 * looks complete; snapshots keep the newest N.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "antt-backup.h"
#include "antt-database-private.h"
#include "antt-demo.h"
#include "antt-schema-sql.h"

#define PASSPHRASE "gà trống gáy sáng"

static char *root_dir;     /* one temporary folder for the whole run */
static char *demo_db;      /* scale 1, made once, never written to */

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
make_dir (const char *name)
{
  static int counter;
  g_autofree char *unique = g_strdup_printf ("%s-%d", name, ++counter);
  char *path = g_build_filename (root_dir, unique, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
copy_file (const char *from,
           const char *folder,
           const char *name)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *to = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
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
raw_count (sqlite3    *db,
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

/* Every table of a against b, row by row: same counts, and no row of one
 * missing from the other. */
static void
assert_same_data (const char *a,
                  const char *b)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS other", b);
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_open_v2 (a, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  raw_exec (db, attach);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM main.sqlite_master WHERE type = 'table'"),
                   ==,
                   raw_count (db, "SELECT count(*) FROM other.sqlite_master WHERE type = 'table'"));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *counts = g_strdup_printf ("SELECT (SELECT count(*) FROM main.\"%s\") - "
                                                 "(SELECT count(*) FROM other.\"%s\")", name, name);
      g_autofree char *only_a = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM main.\"%s\" "
                                                 "EXCEPT SELECT * FROM other.\"%s\")", name, name);
      g_autofree char *only_b = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM other.\"%s\" "
                                                 "EXCEPT SELECT * FROM main.\"%s\")", name, name);

      g_assert_cmpint (raw_count (db, counts), ==, 0);
      g_assert_cmpint (raw_count (db, only_a), ==, 0);
      g_assert_cmpint (raw_count (db, only_b), ==, 0);
      n_tables++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n_tables, >, 10);
}

static gint64
table_rows (const char *path,
            const char *table)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  n = raw_count (db, sql);
  sqlite3_close (db);
  return n;
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static AnttBackupInfo *
make_backup (const char *database,
             const char *folder,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  AnttBackupInfo *info = antt_backup_create (database, folder, passphrase,
                                             ANTT_BACKUP_FLAGS_FAST_KDF, NULL, NULL, NULL,
                                             &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static void
assert_verify_fails (const char      *path,
                     const char      *passphrase,
                     AnttBackupError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;

  info = antt_backup_verify (path, passphrase, NULL, NULL, NULL, &error);
  if (!g_error_matches (error, ANTT_BACKUP_ERROR, (int) code))
    g_error ("%s: expected code %d, got %s", path, code, error ? error->message : "success");
  g_assert_null (info);
  /* A message for the clerk, not an empty one. */
  g_assert_cmpuint (strlen (error->message), >, 20);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* Restoring a bad file changes neither the file nor the data file, and
 * keeps no safety copy. */
static void
assert_restore_fails (const char      *path,
                      const char      *passphrase,
                      AnttBackupError  code)
{
  g_autofree char *folder = make_dir ("restore-target");
  g_autofree char *target = copy_file (demo_db, folder, "data.db");
  g_autofree char *snapshots = g_build_filename (folder, "snapshots", NULL);
  g_autofree char *target_before = file_sha256 (target);
  g_autofree char *backup_before = file_sha256 (path);
  g_autofree char *target_after = NULL;
  g_autofree char *backup_after = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (antt_backup_restore (path, passphrase, target, snapshots, &safety, NULL, NULL,
                                       NULL, &error));
  if (!g_error_matches (error, ANTT_BACKUP_ERROR, (int) code))
    g_error ("restore %s: expected code %d, got %s", path, code, error ? error->message : "success");
  g_assert_null (safety);
  target_after = file_sha256 (target);
  backup_after = file_sha256 (path);
  g_assert_cmpstr (target_before, ==, target_after);
  g_assert_cmpstr (backup_before, ==, backup_after);
  g_assert_cmpuint (count_files (snapshots), ==, 0);
  /* Nothing left beside the data file either. */
  g_assert_cmpuint (count_files (folder), <=, 2);
}

/* A changed copy of a plain backup whose checksums are made right again,
 * as a forger (or another program) would: the checks of what is inside
 * must still catch it. */
typedef void (*PatchFunc) (guint8 *database, gsize length);

static char *
patched_backup (const char *path,
                const char *name,
                PatchFunc   patch)
{
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *old_sha = NULL;
  g_autofree char *new_sha = NULL;
  char *out = g_build_filename (folder, name, NULL);
  gsize length = 0;
  guint64 manifest_length = 0;
  guint8 *manifest, *database;
  char *found;
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autoptr(GChecksum) sha = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (int i = 7; i >= 0; i--)
    manifest_length = (manifest_length << 8) | (guint8) contents[16 + i];
  manifest = (guint8 *) contents + 192;
  database = manifest + manifest_length;

  old_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, database,
                                         length - 192 - manifest_length);
  patch (database, length - 192 - manifest_length);
  new_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, database,
                                         length - 192 - manifest_length);
  found = g_strstr_len ((char *) manifest, (gssize) manifest_length, old_sha);
  g_assert_nonnull (found);
  memcpy (found, new_sha, 64);

  sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sha, manifest, manifest_length);
  g_checksum_get_digest (sha, digest, &digest_length);
  memcpy (contents + 32, digest, 32);
  g_checksum_reset (sha);
  g_checksum_update (sha, (guint8 *) contents, 160);
  digest_length = sizeof digest;
  g_checksum_get_digest (sha, digest, &digest_length);
  memcpy (contents + 160, digest, 32);

  g_assert_true (g_file_set_contents (out, contents, length, NULL));
  return out;
}

static void
patch_foreign (guint8 *database,
               gsize   length)
{
  /* PRAGMA application_id, as another program would have set it. */
  database[68] = 0x12;
  database[69] = 0x34;
  database[70] = 0x56;
  database[71] = 0x78;
}

static void
patch_newer (guint8 *database,
             gsize   length)
{
  database[63] = 99;  /* user_version */
}

static void
patch_page (guint8 *database,
            gsize   length)
{
  /* A B-tree page of the second half overwritten: sound checksums, bad data. */
  gsize page = 4096;
  gsize offset = (length / page / 2) * page;

  memset (database + offset, 0x5A, page);
}

static void
flip_byte (const char *path,
           gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (offset, <, length);
  contents[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static char *
truncated_copy (const char *path,
                const char *name,
                gsize       keep)
{
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  char *out = g_build_filename (folder, name, NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (keep, <, length);
  g_assert_true (g_file_set_contents (out, contents, keep, NULL));
  return out;
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gsize
backup_size (AnttBackupInfo *info)
{
  return (gsize) antt_backup_info_get_size (info);
}

static gsize
file_size_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

static gboolean
is_root (void)
{
  return getuid () == 0;
}

static gboolean
run_quiet (const char *command)
{
  int status = 0;

  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
assert_checksums (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *header_hex = NULL;
  g_autofree char *manifest_hex = NULL;
  g_autofree char *database_hex = NULL;
  g_autofree char *in_header = NULL;
  g_autofree char *in_header_sum = NULL;
  gsize length = 0;
  guint64 manifest_length = 0;
  const char *manifest;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (int i = 7; i >= 0; i--)
    manifest_length = (manifest_length << 8) | (guint8) contents[16 + i];
  manifest = contents + 192;

  header_hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) contents, 160);
  manifest_hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) manifest,
                                              manifest_length);
  database_hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                              (const guint8 *) manifest + manifest_length,
                                              length - 192 - manifest_length);
  in_header = g_malloc0 (65);
  in_header_sum = g_malloc0 (65);
  for (int i = 0; i < 32; i++)
    {
      g_snprintf (in_header + 2 * i, 3, "%02x", (guint8) contents[32 + i]);
      g_snprintf (in_header_sum + 2 * i, 3, "%02x", (guint8) contents[160 + i]);
    }
  g_assert_cmpstr (in_header_sum, ==, header_hex);
  g_assert_cmpstr (in_header, ==, manifest_hex);
  g_assert_nonnull (g_strstr_len (manifest, (gssize) manifest_length, database_hex));
}

/* Round trips --------------------------------------------------------------- */

static void
test_round_trip_plain (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *target_dir = make_dir ("target");
  g_autofree char *target = g_build_filename (target_dir, "sub", "restored.db", NULL);
  g_autofree char *source_before = file_sha256 (demo_db);
  g_autofree char *source_after = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttBackupInfo) verified = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  AnttBackupManifest *manifest;

  info = make_backup (demo_db, out, NULL);
  base = g_path_get_basename (antt_backup_info_get_path (info));
  g_assert_true (g_str_has_prefix (base, "thidua-antt-binh-luong-"));
  g_assert_true (g_str_has_suffix (base, ".anttbak"));
  g_assert_false (antt_backup_info_get_encrypted (info));
  g_assert_cmpuint (count_files (out), ==, 1);

  manifest = antt_backup_info_get_manifest (info);
  g_assert_cmpstr (antt_backup_manifest_get_commune (manifest), ==, "Bình Lương");
  g_assert_cmpstr (antt_backup_manifest_get_kind (manifest), ==, "backup");
  g_assert_cmpint (antt_backup_manifest_get_schema_version (manifest), ==, ANTT_SCHEMA_VERSION);
  g_assert_cmpint (antt_backup_manifest_get_row_count (manifest, "members"), ==,
                   table_rows (demo_db, "members"));
  g_assert_cmpint (antt_backup_manifest_get_total_rows (manifest), >, 1000);
  g_assert_cmpuint (strlen (antt_backup_manifest_get_database_sha256 (manifest)), ==, 64);
  assert_checksums (antt_backup_info_get_path (info));

  verified = antt_backup_verify (antt_backup_info_get_path (info), NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_backup_manifest_get_database_sha256 (antt_backup_info_get_manifest (verified)),
                   ==, antt_backup_manifest_get_database_sha256 (manifest));

  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, NULL,
                                      &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (safety);  /* there was no data file to keep */
  assert_integrity_ok (target);
  assert_same_data (demo_db, target);

  source_after = file_sha256 (demo_db);
  g_assert_cmpstr (source_before, ==, source_after);
}

static void
test_round_trip_encrypted (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *target_dir = make_dir ("target");
  g_autofree char *snapshots = g_build_filename (target_dir, "snapshots", NULL);
  g_autofree char *target = g_build_filename (target_dir, "data.db", NULL);
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttBackupInfo) read = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(AnttBackupInfo) safety_checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = make_backup (demo_db, out, PASSPHRASE);
  g_assert_true (antt_backup_info_get_encrypted (info));

  /* Nothing of the data shows through. */
  g_assert_true (g_file_get_contents (antt_backup_info_get_path (info), &contents, &length, NULL));
  g_assert_false (contains_bytes (contents, length, "SQLite format 3"));
  g_assert_false (contains_bytes (contents, length, "Lương"));

  /* Without the passphrase: that it is protected, and nothing else. */
  read = antt_backup_read (antt_backup_info_get_path (info), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (antt_backup_info_get_encrypted (read));
  g_assert_null (antt_backup_info_get_manifest (read));
  g_clear_pointer (&read, antt_backup_info_unref);
  read = antt_backup_read (antt_backup_info_get_path (info), PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_backup_manifest_get_commune (antt_backup_info_get_manifest (read)), ==,
                   "Bình Lương");

  /* Over existing data: a new, small file. */
  {
    g_autoptr(AnttDatabase) db = antt_database_open (target, ANTT_DATABASE_FLAGS_NONE, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (table_rows (target, "members"), ==, 0);

  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), PASSPHRASE, target,
                                      snapshots, &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_data (demo_db, target);

  /* The data it replaced was kept, as a sound backup of its own. */
  g_assert_nonnull (safety);
  safety_checked = antt_backup_verify (antt_backup_info_get_path (safety), NULL, NULL, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_backup_manifest_get_kind (antt_backup_info_get_manifest (safety_checked)),
                   ==, "safety");
  g_assert_cmpint (antt_backup_manifest_get_row_count (antt_backup_info_get_manifest (safety_checked),
                                                       "members"), ==, 0);
  g_assert_true (g_str_has_prefix (antt_backup_info_get_path (safety), snapshots));
}

/* The passphrase is compared as text, whatever the input method sent:
 * "ạ" composed (NFC) or as "a" plus a combining dot (NFD). */
static void
test_passphrase_normalized (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *nfc = g_utf8_normalize ("mật khẩu của xã", -1, G_NORMALIZE_NFC);
  g_autofree char *nfd = g_utf8_normalize ("mật khẩu của xã", -1, G_NORMALIZE_NFD);
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttBackupInfo) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (nfc, !=, nfd);
  info = make_backup (demo_db, out, nfc);
  read = antt_backup_read (antt_backup_info_get_path (info), nfd, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (antt_backup_info_get_manifest (read));
}

typedef struct
{
  GThread  *main_thread;
  guint     calls;
  double    last;
  gboolean  decreased;
  gboolean  wrong_thread;
  guint     destroyed;
  GAsyncResult *result;
} AsyncState;

static void
async_progress (AnttBackupStage stage,
                double          fraction,
                gpointer        data)
{
  AsyncState *state = data;

  state->calls++;
  if (fraction + 1e-9 < state->last)
    state->decreased = TRUE;
  state->last = fraction;
  if (g_thread_self () != state->main_thread)
    state->wrong_thread = TRUE;
}

static void
async_destroy (gpointer data)
{
  AsyncState *state = data;

  state->destroyed++;
  if (g_thread_self () != state->main_thread)
    state->wrong_thread = TRUE;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncState *state = data;

  state->result = g_object_ref (result);
}

static void
async_wait (AsyncState *state)
{
  while (state->result == NULL || state->destroyed == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
async_reset (AsyncState *state)
{
  g_clear_object (&state->result);
  state->calls = 0;
  state->last = 0;
  state->destroyed = 0;
}

static void
test_async (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *target_dir = make_dir ("target");
  g_autofree char *target = copy_file (demo_db, target_dir, "data.db");
  g_autofree char *snapshots = g_build_filename (target_dir, "snapshots", NULL);
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttBackupInfo) verified = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(AnttBackupInfo) snapshot = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { g_thread_self () };

  antt_backup_create_async (demo_db, out, NULL, ANTT_BACKUP_FLAGS_NONE, async_progress, &state,
                            async_destroy, NULL, async_done, &state);
  async_wait (&state);
  info = antt_backup_create_finish (state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpuint (state.calls, >, 0);
  g_assert_cmpuint (state.destroyed, ==, 1);
  g_assert_false (state.decreased);
  g_assert_false (state.wrong_thread);

  async_reset (&state);
  antt_backup_verify_async (antt_backup_info_get_path (info), NULL, async_progress, &state,
                            async_destroy, NULL, async_done, &state);
  async_wait (&state);
  verified = antt_backup_verify_finish (state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (verified);
  g_assert_false (state.wrong_thread);

  async_reset (&state);
  antt_backup_restore_async (antt_backup_info_get_path (info), NULL, target, snapshots,
                             async_progress, &state, async_destroy, NULL, async_done, &state);
  async_wait (&state);
  g_assert_true (antt_backup_restore_finish (state.result, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_false (state.wrong_thread);
  assert_same_data (demo_db, target);

  async_reset (&state);
  antt_backup_snapshot_async (target, snapshots, 3, NULL, &state, async_destroy, NULL,
                              async_done, &state);
  async_wait (&state);
  snapshot = antt_backup_snapshot_finish (state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);

  g_clear_object (&state.result);
  antt_backup_list_async (snapshots, NULL, async_done, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = antt_backup_list_finish (state.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);  /* the safety copy and the snapshot */
  g_clear_object (&state.result);
}

/* Bad backups ------------------------------------------------------------- */

static void
test_bad_not_backup (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autofree char *png = g_build_filename (dir, "photo.anttbak", NULL);
  g_autofree char *db_renamed = copy_file (demo_db, dir, "data.anttbak");
  static const guint8 png_bytes[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };

  g_assert_true (g_file_set_contents (png, (const char *) png_bytes, sizeof png_bytes, NULL));
  assert_verify_fails (png, NULL, ANTT_BACKUP_ERROR_NOT_BACKUP);
  assert_restore_fails (png, NULL, ANTT_BACKUP_ERROR_NOT_BACKUP);
  /* A data file renamed by hand is not a backup either. */
  assert_verify_fails (db_renamed, NULL, ANTT_BACKUP_ERROR_NOT_BACKUP);
}

static void
test_bad_truncated (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) plain = make_backup (demo_db, dir, NULL);
  g_autoptr(AnttBackupInfo) encrypted = make_backup (demo_db, dir, PASSPHRASE);
  const char *plain_path = antt_backup_info_get_path (plain);
  const char *encrypted_path = antt_backup_info_get_path (encrypted);
  gsize cuts[] = { 0, 5, 100, 191, 192, 300, 0 /* half */, 0 /* one byte short */ };
  g_autofree char *empty = g_build_filename (dir, "empty.anttbak", NULL);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_verify_fails (empty, NULL, ANTT_BACKUP_ERROR_TRUNCATED);

  for (guint i = 1; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name_p = g_strdup_printf ("cut-plain-%u.anttbak", i);
      g_autofree char *name_e = g_strdup_printf ("cut-enc-%u.anttbak", i);
      g_autofree char *p = NULL;
      g_autofree char *e = NULL;
      gsize cut_p = cuts[i], cut_e = cuts[i];

      if (i == G_N_ELEMENTS (cuts) - 2)
        {
          cut_p = backup_size (plain) / 2;
          cut_e = backup_size (encrypted) / 2;
        }
      else if (i == G_N_ELEMENTS (cuts) - 1)
        {
          cut_p = backup_size (plain) - 1;
          cut_e = backup_size (encrypted) - 1;
        }
      p = truncated_copy (plain_path, name_p, cut_p);
      e = truncated_copy (encrypted_path, name_e, cut_e);
      assert_verify_fails (p, NULL, ANTT_BACKUP_ERROR_TRUNCATED);
      assert_verify_fails (e, PASSPHRASE, ANTT_BACKUP_ERROR_TRUNCATED);
    }

  /* Cut at a chunk boundary of the encrypted stream. */
  {
    g_autofree char *cut = truncated_copy (encrypted_path, "cut-chunk.anttbak",
                                           192 + 3 * (65536 + 17));
    assert_verify_fails (cut, PASSPHRASE, ANTT_BACKUP_ERROR_TRUNCATED);
  }
  /* The same, with the header's lengths and checksum forged to match: the
   * header is authenticated with the first chunk, and the FINAL tag is
   * missing anyway. */
  {
    g_autofree char *cut = truncated_copy (encrypted_path, "cut-forged.anttbak",
                                           192 + 3 * (65536 + 17));
    g_autofree char *contents = NULL;
    g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
    guint8 digest[32];
    gsize digest_length = sizeof digest;
    gsize length = 0;
    guint64 manifest_length = 0, database_length;

    g_assert_true (g_file_get_contents (cut, &contents, &length, NULL));
    for (int i = 7; i >= 0; i--)
      manifest_length = (manifest_length << 8) | (guint8) contents[16 + i];
    database_length = 3 * 65536 - manifest_length;
    for (int i = 0; i < 8; i++)
      contents[24 + i] = (char) (database_length >> (8 * i));
    g_checksum_update (sha, (guint8 *) contents, 160);
    g_checksum_get_digest (sha, digest, &digest_length);
    memcpy (contents + 160, digest, 32);
    g_assert_true (g_file_set_contents (cut, contents, length, NULL));
    assert_verify_fails (cut, PASSPHRASE, ANTT_BACKUP_ERROR_TAMPERED);
  }
  {
    g_autofree char *p = truncated_copy (plain_path, "cut-restore.anttbak",
                                         backup_size (plain) - 4096);
    assert_restore_fails (p, NULL, ANTT_BACKUP_ERROR_TRUNCATED);
  }
}

static void
test_bad_flipped_byte (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) plain = make_backup (demo_db, dir, NULL);
  const char *path = antt_backup_info_get_path (plain);
  gsize size = backup_size (plain);
  /* In the header, in the manifest, early and late in the database. */
  gsize offsets[] = { 20, 150, 250, 192 + 2000, size / 2, size - 10 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *name = g_strdup_printf ("flip-%u.anttbak", i);
      g_autofree char *copy = copy_file (path, dir, name);

      flip_byte (copy, offsets[i]);
      assert_verify_fails (copy, NULL, ANTT_BACKUP_ERROR_CORRUPTED);
      if (i == 4)
        assert_restore_fails (copy, NULL, ANTT_BACKUP_ERROR_CORRUPTED);
    }

  /* Another magic is another kind of file. */
  {
    g_autofree char *copy = copy_file (path, dir, "flip-magic.anttbak");

    flip_byte (copy, 2);
    assert_verify_fails (copy, NULL, ANTT_BACKUP_ERROR_NOT_BACKUP);
  }
}

static void
test_bad_passphrase (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) encrypted = make_backup (demo_db, dir, PASSPHRASE);
  const char *path = antt_backup_info_get_path (encrypted);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) none = NULL;

  assert_verify_fails (path, "gà trống gáy sớm", ANTT_BACKUP_ERROR_WRONG_PASSPHRASE);
  assert_verify_fails (path, NULL, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE);
  assert_restore_fails (path, "gà trống gáy sớm", ANTT_BACKUP_ERROR_WRONG_PASSPHRASE);
  assert_restore_fails (path, NULL, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE);

  /* Too short a new passphrase is refused before anything is written. */
  none = antt_backup_create (demo_db, dir, "abc", ANTT_BACKUP_FLAGS_FAST_KDF, NULL, NULL, NULL,
                             &error);
  g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_BAD_PASSPHRASE);
  g_assert_null (none);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_bad_tampered (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) encrypted = make_backup (demo_db, dir, PASSPHRASE);
  const char *path = antt_backup_info_get_path (encrypted);
  gsize size = backup_size (encrypted);
  /* The manifest's chunk, a middle one, the last tag. */
  gsize offsets[] = { 200, size / 2, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *name = g_strdup_printf ("tampered-%u.anttbak", i);
      g_autofree char *copy = copy_file (path, dir, name);

      flip_byte (copy, offsets[i]);
      assert_verify_fails (copy, PASSPHRASE, ANTT_BACKUP_ERROR_TAMPERED);
      if (i == 1)
        assert_restore_fails (copy, PASSPHRASE, ANTT_BACKUP_ERROR_TAMPERED);
    }

  /* The clear header is checked too. */
  {
    g_autofree char *copy = copy_file (path, dir, "tampered-header.anttbak");

    flip_byte (copy, 90);  /* the salt */
    assert_verify_fails (copy, PASSPHRASE, ANTT_BACKUP_ERROR_CORRUPTED);
  }
}

static void
test_bad_inside (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) plain = make_backup (demo_db, dir, NULL);
  const char *path = antt_backup_info_get_path (plain);
  g_autofree char *foreign = patched_backup (path, "foreign.anttbak", patch_foreign);
  g_autofree char *newer = patched_backup (path, "newer.anttbak", patch_newer);
  g_autofree char *damaged = patched_backup (path, "damaged.anttbak", patch_page);

  assert_verify_fails (foreign, NULL, ANTT_BACKUP_ERROR_FOREIGN);
  assert_restore_fails (foreign, NULL, ANTT_BACKUP_ERROR_FOREIGN);
  assert_verify_fails (newer, NULL, ANTT_BACKUP_ERROR_NEWER_SCHEMA);
  assert_restore_fails (newer, NULL, ANTT_BACKUP_ERROR_NEWER_SCHEMA);
  assert_verify_fails (damaged, NULL, ANTT_BACKUP_ERROR_CORRUPTED);
  assert_restore_fails (damaged, NULL, ANTT_BACKUP_ERROR_CORRUPTED);
}

static void
test_bad_partial (void)
{
  g_autofree char *dir = make_dir ("bad");
  g_autoptr(AnttBackupInfo) plain = make_backup (demo_db, dir, NULL);
  g_autofree char *base = g_path_get_basename (antt_backup_info_get_path (plain));
  g_autofree char *name = g_strconcat (".", base, ".partial", NULL);
  g_autofree char *partial = copy_file (antt_backup_info_get_path (plain), dir, name);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  /* Even a whole one: its backup never said it was done. */
  assert_verify_fails (partial, NULL, ANTT_BACKUP_ERROR_UNFINISHED);

  list = antt_backup_list (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      AnttBackupInfo *info = g_ptr_array_index (list, i);
      gboolean is_partial = g_str_equal (antt_backup_info_get_path (info), partial);

      g_assert_true ((antt_backup_info_get_problem (info) != NULL) == is_partial);
      if (is_partial)
        g_assert_error ((GError *) antt_backup_info_get_problem (info), ANTT_BACKUP_ERROR,
                        ANTT_BACKUP_ERROR_UNFINISHED);
    }
}

/* Creating: bad sources and destinations --------------------------------------- */

static void
assert_create_fails (const char      *source,
                     const char      *folder,
                     AnttBackupError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autofree char *before = file_sha256 (source);
  g_autofree char *after = NULL;
  guint files = count_files (folder);

  info = antt_backup_create (source, folder, NULL, ANTT_BACKUP_FLAGS_NONE, NULL, NULL, NULL,
                             &error);
  if (!g_error_matches (error, ANTT_BACKUP_ERROR, (int) code))
    g_error ("backup of %s: expected code %d, got %s", source, code,
             error ? error->message : "success");
  g_assert_null (info);
  after = file_sha256 (source);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (folder), ==, files);
}

static void
test_create_bad_source (void)
{
  g_autofree char *dir = make_dir ("src");
  g_autofree char *out = make_dir ("out");
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *damaged = copy_file (demo_db, dir, "damaged.db");
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *no_folder = g_build_filename (dir, "no-such-folder", NULL);
  sqlite3 *db = NULL;

  assert_create_fails (demo_db, no_folder, ANTT_BACKUP_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (no_folder, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnttBackupInfo) info = antt_backup_create (missing, out, NULL, 0, NULL, NULL,
                                                         NULL, &error);
    g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  raw_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA application_id = 42");
  sqlite3_close (db);
  assert_create_fails (foreign, out, ANTT_BACKUP_ERROR_FOREIGN);

  g_assert_true (g_file_set_contents (text, "not a database at all\n", -1, NULL));
  assert_create_fails (text, out, ANTT_BACKUP_ERROR_SOURCE_DAMAGED);

  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    memset (contents + (length / 4096 / 2) * 4096, 0x5A, 4096);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  }
  assert_create_fails (damaged, out, ANTT_BACKUP_ERROR_SOURCE_DAMAGED);
}

static void
test_create_locked (void)
{
  g_autofree char *dir = make_dir ("locked");
  g_autofree char *out = make_dir ("out");
  g_autofree char *source = copy_file (demo_db, dir, "data.db");
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  /* An ordinary writer in WAL mode does not stop the backup, which takes
   * what was committed: the app stays usable while it runs. */
  g_assert_cmpint (sqlite3_open (source, &other), ==, SQLITE_OK);
  raw_exec (other, "PRAGMA journal_mode = WAL; BEGIN EXCLUSIVE;"
                   "DELETE FROM audit_log");
  info = antt_backup_create (source, out, NULL, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_backup_manifest_get_row_count (antt_backup_info_get_manifest (info),
                                                       "audit_log"), ==,
                   table_rows (demo_db, "audit_log"));
  raw_exec (other, "ROLLBACK");
  g_clear_pointer (&info, antt_backup_info_unref);

  /* A program that keeps the file locked for itself. */
  raw_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                   "UPDATE commune SET agency_code = agency_code");
  assert_create_fails (source, out, ANTT_BACKUP_ERROR_LOCKED);
  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);
}

static void
test_restore_open_target (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *dir = make_dir ("target");
  g_autofree char *target = copy_file (demo_db, dir, "data.db");
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr(AnttBackupInfo) info = make_backup (demo_db, out, NULL);
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(GError) error = NULL;

  /* The app still has the file open: refused, as the header says. */
  db = antt_database_open (target, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, snapshots,
                                       &safety, NULL, NULL, NULL, &error));
  g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_LOCKED);
  g_assert_cmpuint (count_files (snapshots), ==, 0);
  g_clear_error (&error);

  /* Once it is closed, the restore goes through. */
  g_clear_object (&db);
  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, snapshots,
                                      &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = antt_database_open (target, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
}

/* Runs a backup into a tmpfs mounted with options, and unmounts it before
 * anything is asserted: a failing test must not leave a mount behind. */
static gboolean
backup_into_mount (const char  *options,
                   GError     **error,
                   guint       *files_left)
{
  g_autofree char *out = make_dir ("mount");
  g_autofree char *mount = g_strdup_printf ("mount -t tmpfs -o %s tmpfs %s", options, out);
  g_autofree char *umount = g_strdup_printf ("umount %s", out);
  g_autoptr(AnttBackupInfo) info = NULL;

  if (!is_root () || !run_quiet (mount))
    return FALSE;
  info = antt_backup_create (demo_db, out, NULL, ANTT_BACKUP_FLAGS_NONE, NULL, NULL, NULL, error);
  *files_left = count_files (out);
  g_assert_true (run_quiet (umount));
  return TRUE;
}

static void
test_create_read_only (void)
{
  g_autoptr(GError) error = NULL;
  guint files_left = 0;

  if (backup_into_mount ("size=1m,ro", &error, &files_left))
    {
      g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_READ_ONLY);
      g_assert_cmpuint (files_left, ==, 0);
    }
  else if (!is_root ())
    {
      g_autofree char *out = make_dir ("ro");

      g_assert_cmpint (g_chmod (out, 0500), ==, 0);
      assert_create_fails (demo_db, out, ANTT_BACKUP_ERROR_READ_ONLY);
      g_chmod (out, 0700);
    }
  else
    g_test_skip ("cannot mount a read-only tmpfs here");
}

static void
test_create_no_space (void)
{
  g_autoptr(GError) error = NULL;
  guint files_left = 0;

  if (!backup_into_mount ("size=64k", &error, &files_left))
    {
      g_test_skip ("a small tmpfs for a full drive needs root and mount");
      return;
    }
  g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NO_SPACE);
  g_assert_cmpuint (files_left, ==, 0);
}

typedef struct
{
  const char   *folder;
  GCancellable *cancellable;
  gboolean      done;
} Interrupt;

/* A stick pulled out mid-write: the folder and the partial file go away. */
static void
remove_folder_progress (AnttBackupStage stage,
                        double          fraction,
                        gpointer        data)
{
  Interrupt *interrupt = data;

  if (stage == ANTT_BACKUP_STAGE_WRITE && !interrupt->done)
    {
      remove_tree (interrupt->folder);
      interrupt->done = TRUE;
    }
}

static void
cancel_progress (AnttBackupStage stage,
                 double          fraction,
                 gpointer        data)
{
  Interrupt *interrupt = data;

  if (stage == ANTT_BACKUP_STAGE_WRITE && !interrupt->done)
    {
      g_cancellable_cancel (interrupt->cancellable);
      interrupt->done = TRUE;
    }
}

static void
test_create_removed (void)
{
  g_autofree char *out = make_dir ("stick");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  Interrupt interrupt = { out, NULL, FALSE };

  info = antt_backup_create (demo_db, out, NULL, 0, remove_folder_progress, &interrupt, NULL,
                             &error);
  g_assert_true (interrupt.done);
  g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_IO);
  g_assert_null (info);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_create_cancel (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *work = g_build_filename (g_get_user_data_dir (), "thidua-antt", "tmp", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  Interrupt interrupt = { out, cancellable, FALSE };

  info = antt_backup_create (demo_db, out, PASSPHRASE, ANTT_BACKUP_FLAGS_FAST_KDF,
                             cancel_progress, &interrupt, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  g_assert_cmpuint (count_files (out), ==, 0);
  g_assert_cmpuint (count_files (work), ==, 0);
}

/* Snapshots ------------------------------------------------------------------ */

static void
test_snapshot_rotation (void)
{
  g_autofree char *dir = make_dir ("snapshots");
  g_autofree char *keep_me = copy_file (demo_db, dir, "notes.txt");
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_backup_info_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target_dir = make_dir ("target");
  g_autofree char *target = copy_file (demo_db, target_dir, "data.db");
  g_autoptr(AnttBackupInfo) safety = NULL;

  /* A copy kept before a restore lives here too, and is never rotated. */
  {
    g_autoptr(AnttBackupInfo) backup = make_backup (demo_db, target_dir, NULL);

    g_assert_true (antt_backup_restore (antt_backup_info_get_path (backup), NULL, target, dir,
                                        &safety, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  for (int i = 0; i < 5; i++)
    {
      AnttBackupInfo *info = antt_backup_snapshot (demo_db, dir, 3, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (antt_backup_manifest_get_kind (antt_backup_info_get_manifest (info)), ==,
                       "snapshot");
      g_ptr_array_add (made, info);
    }

  /* The newest three, the safety copy and the stranger's file. */
  for (int i = 0; i < 5; i++)
    g_assert_true (g_file_test (antt_backup_info_get_path (g_ptr_array_index (made, i)),
                                G_FILE_TEST_EXISTS) == (i >= 2));
  g_assert_true (g_file_test (antt_backup_info_get_path (safety), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (keep_me, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 5);

  list = antt_backup_list (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  /* Newest first. */
  g_assert_cmpstr (antt_backup_info_get_path (g_ptr_array_index (list, 0)), ==,
                   antt_backup_info_get_path (g_ptr_array_index (made, 4)));
}

/* Versions --------------------------------------------------------------------- */

static void
test_restore_older_schema (void)
{
  g_autofree char *dir = make_dir ("v1");
  g_autofree char *v1 = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *target = g_build_filename (dir, "restored.db", NULL);
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (v1, &raw), ==, SQLITE_OK);
  raw_exec (raw, "BEGIN");
  raw_exec (raw, ANTT_SCHEMA_V1_SQL);
  raw_exec (raw, "INSERT INTO commune (id, commune_name) VALUES (1, 'Bình Lương');"
                 "INSERT INTO villages (id, name, name_fold) VALUES (1, 'Thôn Đồng Tâm', 'thon dong tam');"
                 "PRAGMA application_id = 1095652436; PRAGMA user_version = 1; COMMIT");
  sqlite3_close (raw);

  info = make_backup (v1, dir, NULL);
  g_assert_cmpint (antt_backup_manifest_get_schema_version (antt_backup_info_get_manifest (info)),
                   ==, 1);
  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, NULL, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  db = antt_database_open (target, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_database_get_schema_version (db), ==, ANTT_SCHEMA_VERSION);
  g_clear_object (&db);
  g_assert_cmpint (table_rows (target, "villages"), ==, 1);
}

static void
test_restore_over_damaged (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *dir = make_dir ("target");
  g_autofree char *target = g_build_filename (dir, "data.db", NULL);
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr(AnttBackupInfo) info = make_backup (demo_db, out, NULL);
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  /* The usual reason to restore: the data file is ruined. Even so it is
   * kept, as it is. */
  g_assert_true (g_file_set_contents (target, "ruined", -1, NULL));
  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, snapshots,
                                      &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_data (demo_db, target);
  g_assert_nonnull (safety);
  g_assert_true (g_file_get_contents (antt_backup_info_get_path (safety), &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "ruined");
}

/* The app crashed: its last changes are only in the -wal file. The copy
 * kept before a restore holds them. */
static void
test_restore_keeps_wal (void)
{
  g_autofree char *out = make_dir ("out");
  g_autofree char *dir = make_dir ("target");
  g_autofree char *live = copy_file (demo_db, dir, "live.db");
  g_autofree char *live_wal = g_strconcat (live, "-wal", NULL);
  g_autofree char *target = g_build_filename (dir, "data.db", NULL);
  g_autofree char *target_wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AnttBackupInfo) info = make_backup (demo_db, out, NULL);
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autoptr(AnttBackupInfo) checked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 villages = table_rows (demo_db, "villages");
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (live, &db), ==, SQLITE_OK);
  raw_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                "INSERT INTO villages (name, name_fold) VALUES ('Thôn Mới', 'thon moi')");
  /* The files as a crash leaves them: copied while the connection is open. */
  g_assert_true (g_file_get_contents (live, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (live_wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (target_wal, contents, length, NULL));
  sqlite3_close (db);

  g_assert_true (antt_backup_restore (antt_backup_info_get_path (info), NULL, target, snapshots,
                                      &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_data (demo_db, target);
  g_assert_false (g_file_test (target_wal, G_FILE_TEST_EXISTS) && file_size_of (target_wal) > 0);

  checked = antt_backup_verify (antt_backup_info_get_path (safety), NULL, NULL, NULL, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_backup_manifest_get_row_count (antt_backup_info_get_manifest (checked),
                                                       "villages"), ==, villages + 1);
}

/* The digests match GLib's SHA-256 for manifests of every length modulo
 * the 64-byte block, where padding goes wrong if it does. */
static void
test_checksums (void)
{
  g_autofree char *dir = make_dir ("sums");
  g_autofree char *db_path = g_build_filename (dir, "small.db", NULL);
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = antt_database_open (db_path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  for (int k = 0; k < 64; k++)
    {
      g_autofree char *name = g_strnfill (k, 'a');
      g_autofree char *sql = g_strdup_printf ("UPDATE commune SET commune_name = 'Xã %s'", name);
      g_autoptr(AnttBackupInfo) info = NULL;
      sqlite3 *raw = NULL;

      g_assert_cmpint (sqlite3_open (db_path, &raw), ==, SQLITE_OK);
      raw_exec (raw, sql);
      sqlite3_close (raw);

      info = make_backup (db_path, dir, NULL);
      assert_checksums (antt_backup_info_get_path (info));
      g_remove (antt_backup_info_get_path (info));
    }
}

static void
test_file_name (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2025, 3, 9, 7, 5, 0);
  g_autofree char *a = antt_backup_file_name ("Xã Đồng Tâm / Huyện Ý Yên", time);
  g_autofree char *b = antt_backup_file_name ("", time);

  g_assert_cmpstr (a, ==, "thidua-antt-xa-dong-tam-huyen-y-yen-20250309-0705.anttbak");
  g_assert_cmpstr (b, ==, "thidua-antt-20250309-0705.anttbak");
}

/* ------------------------------------------------------------------------------- */

static void
make_demo (void)
{
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  demo_db = g_build_filename (root_dir, "demo.db", NULL);
  db = antt_database_open (demo_db, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (antt_demo_generate (db, 1, 7, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
locations_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
locations_async (GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  antt_backup_removable_locations_async (cancellable, locations_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return antt_backup_removable_locations_finish (result, error);
}

/* The drives read in a worker thread are those read at once, with the
 * same free space as far as it stands still; a cancelled read says so. */
static void
test_locations_async (void)
{
  g_autoptr(GPtrArray) now = antt_backup_removable_locations ();
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  later = locations_async (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_cmpuint (later->len, ==, now->len);
  for (guint i = 0; i < now->len; i++)
    {
      AnttBackupLocation *a = g_ptr_array_index (now, i);
      AnttBackupLocation *b = g_ptr_array_index (later, i);

      g_assert_cmpstr (antt_backup_location_get_path (a), ==, antt_backup_location_get_path (b));
      g_assert_cmpstr (antt_backup_location_get_name (a), ==, antt_backup_location_get_name (b));
      g_assert_cmpuint (antt_backup_location_get_size (a), ==, antt_backup_location_get_size (b));
      g_assert_cmpint (antt_backup_location_get_read_only (a), ==,
                       antt_backup_location_get_read_only (b));
    }

  g_cancellable_cancel (cancellable);
  none = locations_async (cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
}

/* One description per stage, shared by the dialog, the restore and the CLI;
 * the test runs in the C locale, so the English sources come back. */
static void
test_stage_describe (void)
{
  static const struct { AnttBackupStage stage; const char *text; } stages[] = {
    { ANTT_BACKUP_STAGE_SNAPSHOT, "Copying the data" },
    { ANTT_BACKUP_STAGE_CHECKSUM, "Computing the checksum" },
    { ANTT_BACKUP_STAGE_WRITE, "Writing the backup" },
    { ANTT_BACKUP_STAGE_VERIFY, "Reading the backup back" },
    { ANTT_BACKUP_STAGE_EXTRACT, "Reading the backup" },
    { ANTT_BACKUP_STAGE_CHECK, "Checking the data" },
    { ANTT_BACKUP_STAGE_SAFETY_COPY, "Keeping a copy of the current data" },
    { ANTT_BACKUP_STAGE_REPLACE, "Putting the data in place" },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      const char *text = antt_backup_stage_describe (stages[i].stage);

      g_assert_cmpstr (text, ==, stages[i].text);
      g_assert_true (g_hash_table_add (seen, (gpointer) text));
    }
  g_assert_cmpstr (antt_backup_stage_describe ((AnttBackupStage) 99), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  root_dir = g_dir_make_tmp ("antt-test-backup-XXXXXX", NULL);
  g_assert_nonnull (root_dir);
  /* Snapshots and work files go to the data folder: keep them here. */
  data_home = g_build_filename (root_dir, "xdg-data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  make_demo ();

  g_test_add_func ("/backup/file-name", test_file_name);
  g_test_add_func ("/backup/stage-describe", test_stage_describe);
  g_test_add_func ("/backup/locations-async", test_locations_async);
  g_test_add_func ("/backup/checksums", test_checksums);
  g_test_add_func ("/backup/round-trip/plain", test_round_trip_plain);
  g_test_add_func ("/backup/round-trip/encrypted", test_round_trip_encrypted);
  g_test_add_func ("/backup/passphrase/normalized", test_passphrase_normalized);
  g_test_add_func ("/backup/async", test_async);
  g_test_add_func ("/backup/bad/not-backup", test_bad_not_backup);
  g_test_add_func ("/backup/bad/truncated", test_bad_truncated);
  g_test_add_func ("/backup/bad/flipped-byte", test_bad_flipped_byte);
  g_test_add_func ("/backup/bad/passphrase", test_bad_passphrase);
  g_test_add_func ("/backup/bad/tampered", test_bad_tampered);
  g_test_add_func ("/backup/bad/inside", test_bad_inside);
  g_test_add_func ("/backup/bad/partial", test_bad_partial);
  g_test_add_func ("/backup/create/bad-source", test_create_bad_source);
  g_test_add_func ("/backup/create/locked", test_create_locked);
  g_test_add_func ("/backup/create/read-only", test_create_read_only);
  g_test_add_func ("/backup/create/no-space", test_create_no_space);
  g_test_add_func ("/backup/create/removed", test_create_removed);
  g_test_add_func ("/backup/create/cancel", test_create_cancel);
  g_test_add_func ("/backup/restore/open-target", test_restore_open_target);
  g_test_add_func ("/backup/restore/older-schema", test_restore_older_schema);
  g_test_add_func ("/backup/restore/over-damaged", test_restore_over_damaged);
  g_test_add_func ("/backup/restore/keeps-wal", test_restore_keeps_wal);
  g_test_add_func ("/backup/snapshot/rotation", test_snapshot_rotation);

  status = g_test_run ();
  remove_tree (root_dir);
  g_free (demo_db);
  g_free (root_dir);
  return status;
}
