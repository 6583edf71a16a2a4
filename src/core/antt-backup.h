/* antt-backup.h: backups that leave the PC, snapshots that stay, restore.
 *
 * A backup is one file, thidua-antt-<commune>-<YYYYMMDD-HHMM>.anttbak: a
 * header, a manifest (what is inside: versions, commune, time, row counts,
 * SHA-256) and a consistent copy of the database, the last two encrypted
 * when a passphrase is given. It is written under a temporary name, flushed
 * to the device, read back and checked before it gets its final name, so
 * that a file with that name is always a whole, sound backup. The format is
 * described at the top of antt-backup.c.
 *
 * Every job has a blocking version (for the CLI and the tests) and an
 * _async/_finish pair for the app, which runs it in a worker thread with
 * SQLite connections of its own (never the app's AnttDatabase). The
 * progress callback of an _async job is called in the thread-default main
 * context of the caller, never after the job's callback; progress_data_destroy
 * is called there too, once the job is over. That of a blocking job is
 * called in the calling thread. Cancelling leaves no file that looks
 * complete and changes nothing; an _async job that had finished when the
 * cancel came reports its result.
 *
 * The unfinished file is ".<name>.partial" in the same folder: verify and
 * restore refuse it (ANTT_BACKUP_ERROR_UNFINISHED), lists show it with that
 * problem, and one left by a killed backup is removed by a later backup
 * into that folder once it is six hours old.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANTT_BACKUP_ERROR (antt_backup_error_quark ())

typedef enum
{
  ANTT_BACKUP_ERROR_FAILED,
  ANTT_BACKUP_ERROR_NOT_FOUND,         /* the backup or the data file is missing */
  ANTT_BACKUP_ERROR_NOT_BACKUP,        /* a file of another kind, renamed */
  ANTT_BACKUP_ERROR_UNSUPPORTED,       /* written by a newer program */
  ANTT_BACKUP_ERROR_UNFINISHED,        /* a .partial left by a stopped backup */
  ANTT_BACKUP_ERROR_TRUNCATED,         /* cut short */
  ANTT_BACKUP_ERROR_CORRUPTED,         /* bytes changed: checksum or check failed */
  ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE,  /* encrypted, and no passphrase given */
  ANTT_BACKUP_ERROR_BAD_PASSPHRASE,    /* a new passphrase that is too weak */
  ANTT_BACKUP_ERROR_WRONG_PASSPHRASE,
  ANTT_BACKUP_ERROR_TAMPERED,          /* encrypted data altered or damaged */
  ANTT_BACKUP_ERROR_FOREIGN,           /* holds another program's database */
  ANTT_BACKUP_ERROR_NEWER_SCHEMA,      /* holds data of a newer program */
  ANTT_BACKUP_ERROR_SOURCE_DAMAGED,    /* the data file to back up is damaged */
  ANTT_BACKUP_ERROR_NO_SPACE,
  ANTT_BACKUP_ERROR_READ_ONLY,
  ANTT_BACKUP_ERROR_IO,                /* the drive was removed or failed */
  ANTT_BACKUP_ERROR_LOCKED,            /* the data file is in use elsewhere */
} AnttBackupError;

typedef enum
{
  ANTT_BACKUP_FLAGS_NONE     = 0,
  /* Argon2id at libsodium's "interactive" limits (64 MiB, about 0.1 s)
   * instead of "moderate" (256 MiB, about 0.7 s): for PCs with little
   * memory, and for tests. The limits travel in the file's header. */
  ANTT_BACKUP_FLAGS_FAST_KDF = 1 << 0,
} AnttBackupFlags;

typedef enum
{
  ANTT_BACKUP_STAGE_SNAPSHOT,     /* copying the data file */
  ANTT_BACKUP_STAGE_CHECKSUM,     /* computing its SHA-256 */
  ANTT_BACKUP_STAGE_WRITE,        /* writing (and encrypting) the backup */
  ANTT_BACKUP_STAGE_VERIFY,       /* reading it back */
  ANTT_BACKUP_STAGE_EXTRACT,      /* verify, restore: reading the backup */
  ANTT_BACKUP_STAGE_CHECK,        /* verify, restore: checking the database */
  ANTT_BACKUP_STAGE_SAFETY_COPY,  /* restore: keeping the current data */
  ANTT_BACKUP_STAGE_REPLACE,      /* restore: putting the data in place */
} AnttBackupStage;

/* Wipes a passphrase the caller kept, then frees it; NULL is fine. */
void        antt_backup_passphrase_free (char *passphrase);
/* What the stage does, translated, for a progress bar. */
const char *antt_backup_stage_describe (AnttBackupStage stage);

/* fraction: of the whole job, from 0 to 1, never decreasing. */
typedef void (*AnttBackupProgress) (AnttBackupStage  stage,
                                    double           fraction,
                                    gpointer         user_data);

#define ANTT_BACKUP_SUFFIX        ".anttbak"
#define ANTT_BACKUP_DEFAULT_KEEP  14
#define ANTT_BACKUP_MIN_PASSPHRASE 8   /* characters */

/* Manifest ---------------------------------------------------------------- */

#define ANTT_TYPE_BACKUP_MANIFEST (antt_backup_manifest_get_type ())

typedef struct _AnttBackupManifest AnttBackupManifest;

GType               antt_backup_manifest_get_type        (void) G_GNUC_CONST;
AnttBackupManifest *antt_backup_manifest_ref             (AnttBackupManifest *self);
void                antt_backup_manifest_unref           (AnttBackupManifest *self);
const char         *antt_backup_manifest_get_app_version (AnttBackupManifest *self);
int                 antt_backup_manifest_get_schema_version (AnttBackupManifest *self);
const char         *antt_backup_manifest_get_commune     (AnttBackupManifest *self);
GDateTime          *antt_backup_manifest_get_created     (AnttBackupManifest *self);
/* "backup", "snapshot" or "safety" (the copy kept before a restore). */
const char         *antt_backup_manifest_get_kind        (AnttBackupManifest *self);
guint64             antt_backup_manifest_get_database_size (AnttBackupManifest *self);
const char         *antt_backup_manifest_get_database_sha256 (AnttBackupManifest *self);
/* Every table of the file (the audit log too), in the file's order. */
const char *const  *antt_backup_manifest_get_tables      (AnttBackupManifest *self);
/* -1 for a table the backup does not have. */
gint64              antt_backup_manifest_get_row_count   (AnttBackupManifest *self,
                                                          const char         *table);
gint64              antt_backup_manifest_get_total_rows  (AnttBackupManifest *self);
char               *antt_backup_manifest_to_json         (AnttBackupManifest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttBackupManifest, antt_backup_manifest_unref)

/* One backup file ----------------------------------------------------------- */

#define ANTT_TYPE_BACKUP_INFO (antt_backup_info_get_type ())

typedef struct _AnttBackupInfo AnttBackupInfo;

GType               antt_backup_info_get_type            (void) G_GNUC_CONST;
AnttBackupInfo     *antt_backup_info_ref                 (AnttBackupInfo     *self);
void                antt_backup_info_unref               (AnttBackupInfo     *self);
const char         *antt_backup_info_get_path            (AnttBackupInfo     *self);
guint64             antt_backup_info_get_size            (AnttBackupInfo     *self);
gboolean            antt_backup_info_get_encrypted       (AnttBackupInfo     *self);
/* NULL for an encrypted backup read without its passphrase, a bad file, or
 * a damaged data file kept as it was before a restore (a ".db" file). */
AnttBackupManifest *antt_backup_info_get_manifest        (AnttBackupInfo     *self);
/* Lists only: why the file cannot be used, or NULL. */
const GError       *antt_backup_info_get_problem         (AnttBackupInfo     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttBackupInfo, antt_backup_info_unref)

/* A removable drive ------------------------------------------------------------ */

#define ANTT_TYPE_BACKUP_LOCATION (antt_backup_location_get_type ())

typedef struct _AnttBackupLocation AnttBackupLocation;

GType               antt_backup_location_get_type        (void) G_GNUC_CONST;
AnttBackupLocation *antt_backup_location_ref             (AnttBackupLocation *self);
void                antt_backup_location_unref           (AnttBackupLocation *self);
const char         *antt_backup_location_get_name        (AnttBackupLocation *self);
const char         *antt_backup_location_get_path        (AnttBackupLocation *self);
guint64             antt_backup_location_get_free        (AnttBackupLocation *self);
guint64             antt_backup_location_get_size        (AnttBackupLocation *self);
gboolean            antt_backup_location_get_read_only   (AnttBackupLocation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttBackupLocation, antt_backup_location_unref)

/* Jobs ------------------------------------------------------------------------- */

GQuark          antt_backup_error_quark          (void);
/* $XDG_DATA_HOME/thidua-antt/snapshots */
char           *antt_backup_default_snapshot_folder (void);
/* thidua-antt-<commune folded, spaces as '-'>-<YYYYMMDD-HHMM>.anttbak; a
 * backup into a folder that has that name already gets "-2", "-3"… */
char           *antt_backup_file_name            (const char          *commune,
                                                  GDateTime           *time);
/* AnttBackupLocation: the mounted drives the file chooser would offer as
 * removable (GVolumeMonitor), and on Unix the mount points under /media,
 * /run/media/$USER and /mnt. Call from the main thread. It reads each
 * drive's free space, which a hung network share can block: the app uses
 * the async form, whose file work runs in a worker thread. */
GPtrArray      *antt_backup_removable_locations  (void);
void            antt_backup_removable_locations_async  (GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray      *antt_backup_removable_locations_finish (GAsyncResult        *result,
                                                        GError             **error);

/* database_path: the data file; the app passes antt_database_get_path().
 * The backup reads it through a connection of its own, inside one read
 * transaction, so the app's stays usable (in WAL mode it may go on
 * writing), and never writes to it. A program that keeps the file locked
 * for itself is waited for 5 s, then ANTT_BACKUP_ERROR_LOCKED.
 * passphrase: NULL for no encryption, else at least
 * ANTT_BACKUP_MIN_PASSPHRASE characters (compared in Unicode NFC, so that
 * any Vietnamese input method types the same passphrase). A forgotten
 * passphrase cannot be recovered: say so where it is asked for. */
AnttBackupInfo *antt_backup_create               (const char          *database_path,
                                                  const char          *folder,
                                                  const char          *passphrase,
                                                  AnttBackupFlags      flags,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            antt_backup_create_async         (const char          *database_path,
                                                  const char          *folder,
                                                  const char          *passphrase,
                                                  AnttBackupFlags      flags,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GDestroyNotify       progress_data_destroy,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AnttBackupInfo *antt_backup_create_finish        (GAsyncResult        *result,
                                                  GError             **error);

/* An automatic snapshot (not encrypted) into folder (NULL: the default),
 * then only the newest keep_n snapshots are kept. Copies kept before a
 * restore are never removed by this. */
AnttBackupInfo *antt_backup_snapshot             (const char          *database_path,
                                                  const char          *folder,
                                                  guint                keep_n,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            antt_backup_snapshot_async       (const char          *database_path,
                                                  const char          *folder,
                                                  guint                keep_n,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GDestroyNotify       progress_data_destroy,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AnttBackupInfo *antt_backup_snapshot_finish      (GAsyncResult        *result,
                                                  GError             **error);

/* Reads the header and the manifest only: quick, for showing what a backup
 * holds before restoring it. An encrypted backup needs its passphrase. */
AnttBackupInfo *antt_backup_read                 (const char          *path,
                                                  const char          *passphrase,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* Everything restore would check, without changing anything: checksums,
 * decryption, the database's integrity, that it is ours and not newer, and
 * its row counts against the manifest. */
AnttBackupInfo *antt_backup_verify               (const char          *path,
                                                  const char          *passphrase,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            antt_backup_verify_async         (const char          *path,
                                                  const char          *passphrase,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GDestroyNotify       progress_data_destroy,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AnttBackupInfo *antt_backup_verify_finish        (GAsyncResult        *result,
                                                  GError             **error);

/* Replaces database_path with the backup's data. Nothing may have the data
 * file open: the app closes its AnttDatabase first and opens the file again
 * afterwards (an open one is refused with ANTT_BACKUP_ERROR_LOCKED; a
 * connection that never read anything cannot be seen, hence the rule). The
 * backup is verified first; the current data is kept as a snapshot of kind
 * "safety" in snapshot_folder (NULL: the default), returned in safety_copy
 * (NULL when there was no data file); a data file that SQLite cannot read
 * is kept as it is, as thidua-antt-before-restore-<time>.db. An older
 * schema is migrated before the swap, which is atomic: a crash leaves
 * either the old or the new data. A bad backup changes nothing and keeps
 * no safety copy. */
gboolean        antt_backup_restore              (const char          *path,
                                                  const char          *passphrase,
                                                  const char          *database_path,
                                                  const char          *snapshot_folder,
                                                  AnttBackupInfo     **safety_copy,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            antt_backup_restore_async        (const char          *path,
                                                  const char          *passphrase,
                                                  const char          *database_path,
                                                  const char          *snapshot_folder,
                                                  AnttBackupProgress   progress,
                                                  gpointer             progress_data,
                                                  GDestroyNotify       progress_data_destroy,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        antt_backup_restore_finish       (GAsyncResult        *result,
                                                  AnttBackupInfo     **safety_copy,
                                                  GError             **error);

/* The backups in a folder (AnttBackupInfo, newest first), from their
 * headers and manifests; files that cannot be read are listed with their
 * problem. A missing folder is an empty list. */
GPtrArray      *antt_backup_list                 (const char          *folder,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            antt_backup_list_async           (const char          *folder,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray      *antt_backup_list_finish          (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
