/* antt-database.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "antt-database-private.h"
#include "antt-records.h"
#include "antt-text.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_SIZE 100

struct _AnttDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  GHashTable *statements;      /* SQL text → sqlite3_stmt */
  GHashTable *pending_changes; /* table names changed in the open transaction */
  GTimeZone  *time_zone;       /* resolved once: GLib re-reads /etc/localtime each call */
  char       *timestamp;       /* when the outermost transaction began */
  guint       depth;
  gboolean    has_identity;    /* the file opened, for antt_database_is_same_file () */
  guint64     device;
  guint64     inode;
};

G_DEFINE_FINAL_TYPE (AnttDatabase, antt_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (antt-database-error-quark, antt_database_error)

static void
fold_function (sqlite3_context *ctx,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }

  folded = antt_text_fold (text);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

static int
vietnamese_collation (void       *user_data,
                      int         len_a,
                      const void *a,
                      int         len_b,
                      const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return antt_text_collate (sa, sb);
}

static AnttDatabaseError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ANTT_DATABASE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ANTT_DATABASE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return ANTT_DATABASE_ERROR_FULL;
    case SQLITE_CORRUPT:
      return ANTT_DATABASE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return ANTT_DATABASE_ERROR_NOT_DATABASE;
    case SQLITE_CONSTRAINT:
      return ANTT_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
      return ANTT_DATABASE_ERROR_OPEN;
    default:
      return ANTT_DATABASE_ERROR_FAILED;
    }
}

static void
set_sqlite_error (GError     **error,
                  int          rc,
                  const char  *detail,
                  const char  *path)
{
  AnttDatabaseError code = error_code_for_sqlite (rc);
  const char *what;

  switch (code)
    {
    case ANTT_DATABASE_ERROR_BUSY:
      what = _("The data file is locked by another program. Close the other copy of "
               "Thi đua ANTT (or the program using the file) and try again.");
      break;
    case ANTT_DATABASE_ERROR_READ_ONLY:
      what = _("The data file cannot be written. Check that the disk is not write-protected "
               "and that you may change the file.");
      break;
    case ANTT_DATABASE_ERROR_FULL:
      what = _("The disk is full. Free some space and try again; nothing that was saved "
               "has been lost.");
      break;
    case ANTT_DATABASE_ERROR_CORRUPT:
      what = _("The data file is damaged. Restore it from a backup.");
      break;
    case ANTT_DATABASE_ERROR_NOT_DATABASE:
      what = _("This file is not a Thi đua ANTT data file.");
      break;
    case ANTT_DATABASE_ERROR_OPEN:
      what = _("The data file cannot be opened. Check that the folder exists and that "
               "you may write to it.");
      break;
    case ANTT_DATABASE_ERROR_CONSTRAINT:
      what = _("The change breaks a rule of the records and was not saved.");
      break;
    case ANTT_DATABASE_ERROR_FAILED:
    case ANTT_DATABASE_ERROR_FOREIGN:
    case ANTT_DATABASE_ERROR_NEWER_SCHEMA:
    default:
      what = _("The database reported an error.");
      break;
    }

  if (path != NULL)
    g_set_error (error, ANTT_DATABASE_ERROR, code, "%s (%s: %s)", what, path,
                 detail ? detail : sqlite3_errstr (rc));
  else
    g_set_error (error, ANTT_DATABASE_ERROR, code, "%s (%s)", what,
                 detail ? detail : sqlite3_errstr (rc));
}

void
antt_database_set_error (AnttDatabase  *self,
                         GError       **error,
                         const char    *context)
{
  int rc = sqlite3_extended_errcode (self->db);
  g_autofree char *detail = NULL;

  if (context != NULL)
    detail = g_strdup_printf ("%s: %s", context, sqlite3_errmsg (self->db));
  else
    detail = g_strdup (sqlite3_errmsg (self->db));

  set_sqlite_error (error, rc, detail, NULL);
}

/* Reads the 100-byte SQLite header without opening the file as a database,
 * so that a file we are going to refuse is never touched. */
typedef enum {
  HEADER_EMPTY,
  HEADER_SQLITE,
  HEADER_NOT_SQLITE,
} HeaderKind;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static HeaderKind
read_header (const char  *path,
             guint32     *application_id,
             guint32     *user_version,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 header[SQLITE_HEADER_SIZE];
  gsize n_read = 0;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return HEADER_NOT_SQLITE;

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, error))
    return HEADER_NOT_SQLITE;

  if (n_read == 0)
    return HEADER_EMPTY;

  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Thi đua ANTT data file (it is not a database at all). "
                     "Choose the right file; this one was not changed."), path);
      return HEADER_NOT_SQLITE;
    }

  /* A file cut short (a stick pulled out mid-copy) is not a whole number of
   * pages; SQLite would read it as empty and we would write over it. */
  {
    g_autoptr(GFileInfo) info = NULL;
    guint page_size = ((guint) header[16] << 8) | header[17];
    goffset size;

    if (page_size == 1)
      page_size = 65536;
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, error);
    if (info == NULL)
      return HEADER_NOT_SQLITE;
    size = g_file_info_get_size (info);
    if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
        size < (goffset) page_size || size % page_size != 0)
      {
        g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                     _("“%s” is damaged or incomplete (it may have been cut short while "
                       "being copied). Use another copy or a backup; this one was not "
                       "changed."), path);
        return HEADER_NOT_SQLITE;
      }
  }

  *user_version = read_be32 (header + 60);
  *application_id = read_be32 (header + 68);
  return HEADER_SQLITE;
}

static void
set_newer_error (GError     **error,
                 const char  *path,
                 int          version)
{
  g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_NEWER_SCHEMA,
               _("“%s” was written by a newer version of Thi đua ANTT (data version %d, this "
                 "program knows up to %d). Update the program to open it; the file was not "
                 "changed."), path, version, ANTT_SCHEMA_VERSION);
}

static void
set_foreign_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_FOREIGN,
               _("“%s” is a database of another program, not a Thi đua ANTT data file. "
                 "Choose the right file; this one was not changed."), path);
}

/* An SQLite file that is not ours may still be an empty one (created by
 * `sqlite3 x.db VACUUM`, say), which we may take over. */
static gboolean
sqlite_file_is_empty (const char  *path,
                      gboolean    *empty,
                      GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *wal = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* immutable: no locks, no -shm or -wal left beside another program's file.
   * With a -wal present its contents count, so read it the ordinary way. */
  wal = g_strconcat (path, "-wal", NULL);
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                         g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, rc, db ? sqlite3_errmsg (db) : NULL, path);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return FALSE;
    }

  *empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* We only take over an empty file that is sound: a damaged one would be
   * half written over when the schema fails to go in. */
  if (*empty)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                       _("“%s” is damaged or incomplete (it may have been cut short while "
                         "being copied). Use another copy or a backup; this one was not "
                         "changed."), path);
          sqlite3_finalize (stmt);
          sqlite3_close (db);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return TRUE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
antt_database_finalize (GObject *object)
{
  AnttDatabase *self = (AnttDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->timestamp, g_free);
  if (self->db != NULL)
    {
      /* Leaves no -wal / -shm files behind when we are the last user. */
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (antt_database_parent_class)->finalize (object);
}

static void
antt_database_class_init (AnttDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = antt_database_finalize;

  /**
   * AnttDatabase::changed:
   * @table: the name of the table whose rows changed
   *
   * Emitted after a change to @table is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
antt_database_init (AnttDatabase *self)
{
  const char *real_name = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->time_zone = g_time_zone_new_local ();
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    self->user = g_strdup (real_name);
  else
    self->user = g_strdup (g_get_user_name ());
}

GQuark antt_database_error_quark (void);

char *
antt_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "thidua-antt", "thidua-antt.db", NULL);
}

static gboolean
read_pragma_int (AnttDatabase  *self,
                 const char    *sql,
                 int           *value,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
configure_connection (AnttDatabase       *self,
                      AnttDatabaseFlags   flags,
                      GError            **error)
{
  g_autofree char *cache_size = NULL;
  int rc;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  rc = sqlite3_create_function_v2 (self->db, "antt_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fold_function, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_collation_v2 (self->db, "VI", SQLITE_UTF8, NULL,
                                      vietnamese_collation, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
      return FALSE;
    }

  /* 64 MiB of page cache: a big save (demo data, a restore) would otherwise
   * spill pages to the WAL long before it commits. A worker's connection,
   * closed after one load, gets a few MiB (see antt-database.h). */
  cache_size = g_strdup_printf ("PRAGMA cache_size = -%d",
                                (flags & ANTT_DATABASE_FLAGS_WORKER) ?
                                ANTT_DATABASE_WORKER_CACHE_KB : ANTT_DATABASE_CACHE_KB);
  return antt_database_exec (self, "PRAGMA foreign_keys = ON", error)
      && antt_database_exec (self, "PRAGMA synchronous = NORMAL", error)
      && antt_database_exec (self, cache_size, error);
}

/* A file that says it is ours at the current version must have every table;
 * checked before anything is written to it. */
static gboolean
check_tables (AnttDatabase  *self,
              GError       **error)
{
  const AnttTable *const *tables;
  guint n_tables;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
      return FALSE;
    }

  tables = antt_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      sqlite3_bind_text (stmt, 1, tables[i]->name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                         _("“%s” is incomplete or damaged (the table “%s” is missing). "
                           "Restore it from a backup; the file was not changed."),
                         self->path, tables[i]->name);
          else
            set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* glibc gives the top of its heap back to the system as soon as 128 KiB
 * lie free there, and each row written through the records API frees and
 * takes again more than that at the heap's top (seen in a profile as page
 * faults and brk calls, not yet traced to one allocation): each row then
 * faulted fresh pages in. Keeping 4 MiB of slack made loading
 * the province's 2.1 million rows much faster (bench-insert, ratio to the
 * sqlite3 shell: 3.55 → 1.89 at scale 300, 2.06 → 1.36 at scale 30; 32 MiB
 * did no better), for at most 4 MiB of memory per heap. Done once, by the first connection of the process. */
static void
tune_malloc_once (void)
{
#ifdef __GLIBC__
  static gsize tuned = 0;

  if (g_once_init_enter (&tuned))
    {
      mallopt (M_TOP_PAD, 4 * 1024 * 1024);
      g_once_init_leave (&tuned, 1);
    }
#endif
}

AnttDatabase *
antt_database_open (const char         *path,
                    AnttDatabaseFlags   flags,
                    GError            **error)
{
  g_autoptr(AnttDatabase) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean is_new = FALSE;
  int version = 0;
  int rc;

  tune_malloc_once ();

  if (path == NULL)
    path = default_path = antt_database_default_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      guint32 application_id = 0;
      guint32 user_version = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN,
                       _("“%s” is a folder, not a data file. Choose a file."), path);
          return NULL;
        }

      switch (read_header (path, &application_id, &user_version, error))
        {
        case HEADER_NOT_SQLITE:
          return NULL;

        case HEADER_EMPTY:
          is_new = TRUE;
          break;

        case HEADER_SQLITE:
          if (application_id == 0)
            {
              gboolean empty = FALSE;

              if (!sqlite_file_is_empty (path, &empty, error))
                return NULL;
              if (!empty)
                {
                  set_foreign_error (error, path);
                  return NULL;
                }
              is_new = TRUE;
            }
          else if (application_id != ANTT_APPLICATION_ID)
            {
              set_foreign_error (error, path);
              return NULL;
            }
          else if (user_version > ANTT_SCHEMA_VERSION)
            {
              set_newer_error (error, path, (int) user_version);
              return NULL;
            }
          else if (user_version == 0)
            {
              /* Our id and version are written in one transaction with the
               * schema: one without the other is not a file we wrote. */
              g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                           _("“%s” is damaged or incomplete (it may have been cut short "
                             "while being copied). Use another copy or a backup; this one "
                             "was not changed."), path);
              return NULL;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  else if (flags & ANTT_DATABASE_FLAGS_NO_CREATE)
    {
      g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN,
                   _("The data file “%s” does not exist."), path);
      return NULL;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
      is_new = TRUE;
    }

  self = g_object_new (ANTT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, self->db ? sqlite3_errmsg (self->db) : NULL, path);
      return NULL;
    }

  /* Which file this is, should another take its name later (a restore). */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && st.st_ino != 0)
      {
        self->has_identity = TRUE;
        self->device = (guint64) st.st_dev;
        self->inode = (guint64) st.st_ino;
      }
  }

  /* Wait for another writer from the first read on, not only once
   * configured: several connections may open the file at once. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The header may be stale when the last writer left a WAL file: ask again
   * before changing anything, through a read that cannot write. */
  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  if (version > ANTT_SCHEMA_VERSION)
    {
      set_newer_error (error, path, version);
      return NULL;
    }
  if (version < 0 || (is_new && version != 0))
    {
      set_foreign_error (error, path);
      return NULL;
    }

  if (version == ANTT_SCHEMA_VERSION && !check_tables (self, error))
    return NULL;

  if (!configure_connection (self, flags, error))
    return NULL;

  if (version < ANTT_SCHEMA_VERSION)
    {
      if (!antt_schema_migrate (self, version, error))
        return NULL;
    }

  /* WAL only once the file is known good: switching rewrites the header,
   * and a file we end up refusing must stay as it was. */
  if (!antt_database_exec (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  if (is_new && !(flags & ANTT_DATABASE_FLAGS_NO_SEED))
    {
      if (!antt_seed_default_plan (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * antt_database_is_same_file:
 *
 * Whether @self and @other were opened on the same file, and not only by
 * the same name: a file put in the place of another (a restore) is another
 * file. Where the system cannot tell (no inode numbers), compares names.
 *
 * Returns: %TRUE if both connections read the same file
 */
gboolean
antt_database_is_same_file (AnttDatabase *self,
                            AnttDatabase *other)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (ANTT_IS_DATABASE (other), FALSE);

  if (g_strcmp0 (self->path, other->path) != 0)
    return FALSE;
  if (self->has_identity != other->has_identity)
    return FALSE;
  return !self->has_identity || (self->device == other->device && self->inode == other->inode);
}

const char *
antt_database_get_path (AnttDatabase *self)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), NULL);

  return self->path;
}

int
antt_database_get_schema_version (AnttDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (ANTT_IS_DATABASE (self), -1);

  if (!read_pragma_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

const char *
antt_database_get_user (AnttDatabase *self)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), NULL);

  return self->user;
}

void
antt_database_set_user (AnttDatabase *self,
                        const char   *user)
{
  g_return_if_fail (ANTT_IS_DATABASE (self));
  g_return_if_fail (user != NULL);

  g_free (self->user);
  self->user = g_strdup (user);
}

sqlite3 *
antt_database_get_handle (AnttDatabase *self)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), NULL);

  return self->db;
}

/* Returns a statement owned by the cache, ready to bind. Wrap it in
 * g_autoptr(AnttStatement) so that it is reset for the next user. */
sqlite3_stmt *
antt_database_prepare (AnttDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      antt_database_set_error (self, error, NULL);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* A cached statement with its parameters bound: @types has one letter per
 * parameter, 'i' for a gint64 and 's' for text (NULL binds NULL). Wrap the
 * result in g_autoptr(AnttStatement) so that it is reset for the next user. */
sqlite3_stmt *
antt_database_prepare_bind (AnttDatabase  *db,
                            GError       **error,
                            const char    *sql,
                            const char    *types,
                            ...)
{
  sqlite3_stmt *stmt = antt_database_prepare (db, sql, error);
  va_list args;

  if (stmt == NULL)
    return NULL;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        {
          const char *text = va_arg (args, const char *);

          g_assert (types[i] == 's');
          if (text != NULL)
            sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, i + 1);
        }
    }
  va_end (args);
  return stmt;
}

gboolean
antt_database_exec (AnttDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, sqlite3_extended_errcode (self->db), message, NULL);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement of transaction control through the statement cache:
 * a records write opens and closes a savepoint each time, and parsing
 * those anew cost more than the insert itself. */
static gboolean
exec_cached (AnttDatabase  *self,
             const char    *sql,
             GError       **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      antt_database_set_error (self, error, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin_internal (AnttDatabase  *self,
                const char    *begin_sql,
                GError       **error)
{
  if (self->depth == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->time_zone);

      if (!exec_cached (self, begin_sql, error))
        return FALSE;
      g_free (self->timestamp);
      self->timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
    }
  else
    {
      char savepoint[32];

      g_snprintf (savepoint, sizeof savepoint, "SAVEPOINT antt_%u", self->depth);
      if (!exec_cached (self, savepoint, error))
        return FALSE;
    }

  self->depth++;
  return TRUE;
}

/* The time of the outermost transaction: one save, one time in the audit. */
const char *
antt_database_get_timestamp (AnttDatabase *self)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->depth > 0, NULL);

  return self->timestamp;
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so that a records call inside a caller's transaction joins it.
 * A transaction that will write must start with begin_immediate(): a read
 * first and a write later cannot wait for another writer (SQLite answers
 * BUSY at once rather than risk a deadlock), while BEGIN IMMEDIATE waits for
 * the write lock up to the busy timeout. */
gboolean
antt_database_begin (AnttDatabase  *self,
                     GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);

  return begin_internal (self, "BEGIN", error);
}

gboolean
antt_database_begin_immediate (AnttDatabase  *self,
                               GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);

  return begin_internal (self, "BEGIN IMMEDIATE", error);
}

static gboolean
emit_one (gpointer key,
          gpointer value,
          gpointer user_data)
{
  AnttDatabase *self = user_data;

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
  return TRUE;
}

gboolean
antt_database_commit (AnttDatabase  *self,
                      GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!exec_cached (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      g_hash_table_foreach_remove (self->pending_changes, emit_one, self);
    }
  else
    {
      char release[32];

      g_snprintf (release, sizeof release, "RELEASE antt_%u", self->depth - 1);
      if (!exec_cached (self, release, error))
        return FALSE;
      self->depth--;
    }

  return TRUE;
}

void
antt_database_rollback (AnttDatabase *self)
{
  g_return_if_fail (ANTT_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* A failed COMMIT may already have ended the transaction. */
      if (!sqlite3_get_autocommit (self->db))
        antt_database_exec (self, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->pending_changes);
      self->depth = 0;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO antt_%u; RELEASE antt_%u",
                                              self->depth - 1, self->depth - 1);
      antt_database_exec (self, sql, NULL);
      self->depth--;
    }
}

gboolean
antt_database_in_transaction (AnttDatabase *self)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

void
antt_database_emit_changed (AnttDatabase *self,
                            const char   *table)
{
  if (self->depth > 0)
    g_hash_table_add (self->pending_changes, g_strdup (table));
  else
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

gboolean
antt_database_check_integrity (AnttDatabase  *self,
                               GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s\n", line);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
      return FALSE;
    }

  if (problems->len > 0)
    {
      g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                   _("The data file is damaged. Restore it from a backup. (%s)"), problems->str);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CORRUPT,
                   _("The data file has records that point to missing records. "
                     "Restore it from a backup."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, rc, sqlite3_errmsg (self->db), self->path);
      return FALSE;
    }

  return TRUE;
}
