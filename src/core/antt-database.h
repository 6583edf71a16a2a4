/* antt-database.h: the one SQLite file that holds a commune's records.
 *
 * Opening checks the file before touching it: a file that is not SQLite, a
 * database of another program or one written by a newer version is refused
 * with a clear message and left byte for byte as it was.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANTT_DATABASE_ERROR (antt_database_error_quark ())

typedef enum
{
  ANTT_DATABASE_ERROR_FAILED,
  ANTT_DATABASE_ERROR_OPEN,
  ANTT_DATABASE_ERROR_NOT_DATABASE,
  ANTT_DATABASE_ERROR_FOREIGN,
  ANTT_DATABASE_ERROR_NEWER_SCHEMA,
  ANTT_DATABASE_ERROR_CORRUPT,
  ANTT_DATABASE_ERROR_BUSY,
  ANTT_DATABASE_ERROR_READ_ONLY,
  ANTT_DATABASE_ERROR_FULL,
  ANTT_DATABASE_ERROR_CONSTRAINT,
} AnttDatabaseError;

typedef enum
{
  ANTT_DATABASE_FLAGS_NONE      = 0,
  ANTT_DATABASE_FLAGS_NO_CREATE = 1 << 0, /* fail if the file does not exist */
  ANTT_DATABASE_FLAGS_NO_SEED   = 1 << 1, /* create the schema but not the plan */
  ANTT_DATABASE_FLAGS_WORKER    = 1 << 2, /* a short-lived connection of a worker
                                           * thread (one load, then closed): a page
                                           * cache of ANTT_DATABASE_WORKER_CACHE_KB
                                           * instead of ANTT_DATABASE_CACHE_KB */
} AnttDatabaseFlags;

/* The page cache of a connection, in KiB. A long-lived connection keeps a
 * large one warm (a big save spills to the WAL later; the targets'
 * evaluation reads the year again without going to the file). A worker's
 * connection reads its rows once, in order: a large cache would only grow
 * to the size of what it read and be freed with the connection, leaving
 * that much memory to the C library. */
#define ANTT_DATABASE_CACHE_KB        65536
#define ANTT_DATABASE_WORKER_CACHE_KB 4096

/* "ANTT" as a big-endian number: PRAGMA application_id of our files. */
#define ANTT_APPLICATION_ID 0x414E5454
#define ANTT_SCHEMA_VERSION 4

#define ANTT_TYPE_DATABASE (antt_database_get_type ())

G_DECLARE_FINAL_TYPE (AnttDatabase, antt_database, ANTT, DATABASE, GObject)

GQuark        antt_database_error_quark      (void);
char         *antt_database_default_path     (void);
AnttDatabase *antt_database_open             (const char         *path,
                                              AnttDatabaseFlags   flags,
                                              GError            **error);
const char   *antt_database_get_path         (AnttDatabase       *self);
int           antt_database_get_schema_version (AnttDatabase     *self);
const char   *antt_database_get_user         (AnttDatabase       *self);
void          antt_database_set_user         (AnttDatabase       *self,
                                              const char         *user);
gboolean      antt_database_begin            (AnttDatabase       *self,
                                              GError            **error);
gboolean      antt_database_begin_immediate  (AnttDatabase       *self,
                                              GError            **error);
gboolean      antt_database_commit           (AnttDatabase       *self,
                                              GError            **error);
void          antt_database_rollback         (AnttDatabase       *self);
gboolean      antt_database_in_transaction   (AnttDatabase       *self);
gboolean      antt_database_is_same_file     (AnttDatabase       *self,
                                              AnttDatabase       *other);
gboolean      antt_database_check_integrity  (AnttDatabase       *self,
                                              GError            **error);

G_END_DECLS
