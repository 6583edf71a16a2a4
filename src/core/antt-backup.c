/* antt-backup.c: backups that leave the PC, snapshots that stay, restore.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file format (version 1). Integers are little-endian.
 *
 *   offset size
 *        0    8  magic "ANTTBAK1"
 *        8    2  format version (1)
 *       10    2  flags: 1 = encrypted
 *       12    4  header length (192)
 *       16    8  manifest length (bytes of JSON)
 *       24    8  database length (bytes)
 *       32   32  SHA-256 of the manifest
 *       64    4  chunk length of the encryption (65536)
 *       68    4  KDF: 0 none, 2 Argon2id 1.3 (libsodium's crypto_pwhash_ALG_ARGON2ID13)
 *       72    8  KDF operations limit
 *       80    8  KDF memory limit, bytes
 *       88   16  KDF salt
 *      104   24  secretstream header (its nonce)
 *      128   32  key check: BLAKE2b of a constant, keyed by the second half
 *                of the KDF's output (tells a wrong passphrase from damage)
 *      160   32  SHA-256 of bytes 0–159
 *      192       the manifest, then the database: as they are, or encrypted
 *                together as one XChaCha20-Poly1305 secretstream of 64 KiB
 *                chunks, the last one tagged FINAL, so that a file cut at a
 *                chunk boundary is still caught. The first chunk carries
 *                bytes 0–159 of the header as additional data.
 *
 * The manifest is JSON: { "format": "thidua-antt-backup", "kind": "backup" |
 * "snapshot" | "safety", "app_version", "schema_version", "commune",
 * "created" (ISO 8601), "database": { "size", "sha256" }, "tables": {
 * name: rows, … } }. Readers ignore members they do not know.
 *
 * Every check has its own error code, so that each bad file gets its own
 * message: a file of another kind (magic), cut short (the lengths in the
 * header against the file's size), a changed byte (SHA-256 of header,
 * manifest and database), a wrong passphrase (key check), altered
 * ciphertext (Poly1305), another program's or a newer program's database
 * (the SQLite header of the copy inside), a damaged one (integrity_check,
 * row counts).
 *
 * Speed: a backup costs about what `sqlite3 .backup`, `sync`, `sha256sum`
 * and `PRAGMA quick_check` cost together, because the integrity check of
 * the copy runs in a second thread beside its checksum (each on its own
 * SQLite connection), and the read-back compares bytes with the local copy
 * instead of hashing them again.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "antt-backup.h"
#include "antt-database.h"
#include "antt-text.h"

#define MAGIC              "ANTTBAK1"
#define FORMAT_VERSION     1
#define FLAG_ENCRYPTED     1
#define HEADER_SIZE        192
#define HEADER_SIGNED      160   /* bytes covered by the header's SHA-256 */
#define CHUNK_SIZE         65536
#define ABYTES             crypto_secretstream_xchacha20poly1305_ABYTES
#define KDF_ARGON2ID13     2
#define SALT_SIZE          16
#define KEY_SIZE           crypto_secretstream_xchacha20poly1305_KEYBYTES
#define MAX_MANIFEST       (1024 * 1024)
#define MAX_KDF_MEMORY     ((guint64) 1024 * 1024 * 1024)
#define MAX_KDF_OPS        64
#define COPY_BLOCK         (1024 * 1024)
#define STEP_PAGES         2048
#define BUSY_TIMEOUT_MS    5000
#define STALE_SECONDS      (6 * 3600)
#define SPACE_MARGIN       (64 * 1024)
#define MANIFEST_FORMAT    "thidua-antt-backup"
#define KIND_BACKUP        "backup"
#define KIND_SNAPSHOT      "snapshot"
#define KIND_SAFETY        "safety"
#define PARTIAL_SUFFIX     ".partial"
#define KEY_CHECK_TEXT     "Thi đua ANTT backup key check"

G_DEFINE_QUARK (antt-backup-error-quark, antt_backup_error)

/* Errors ------------------------------------------------------------------- */

static gboolean
set_error (GError          **error,
           AnttBackupError   code,
           const char       *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_error (GError          **error,
           AnttBackupError   code,
           const char       *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ANTT_BACKUP_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A GIO error while writing to the backup's folder, said for the clerk. */
static gboolean
propagate_write_error (GError     **error,
                       GError      *io_error,
                       const char  *folder)
{
  if (io_error->domain == ANTT_BACKUP_ERROR || is_cancelled_error (io_error))
    {
      g_propagate_error (error, io_error);
      return FALSE;
    }

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
               _("The drive with “%s” is full. Free some space or use another drive; "
                 "the unfinished backup was removed."), folder);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
           g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    set_error (error, ANTT_BACKUP_ERROR_READ_ONLY,
               _("Cannot write to “%s”: the drive is read-only or the folder may not be "
                 "changed. Check the lock switch of the USB drive, or choose another "
                 "folder."), folder);
  else
    set_error (error, ANTT_BACKUP_ERROR_IO,
               _("Writing to “%s” failed (%s). If it is a USB drive, check that it is "
                 "still plugged in, then make the backup again."), folder, io_error->message);
  g_error_free (io_error);
  return FALSE;
}

/* A GIO error while reading a backup. */
static gboolean
propagate_read_error (GError     **error,
                      GError      *io_error,
                      const char  *path)
{
  if (io_error->domain == ANTT_BACKUP_ERROR || is_cancelled_error (io_error))
    {
      g_propagate_error (error, io_error);
      return FALSE;
    }

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    set_error (error, ANTT_BACKUP_ERROR_NOT_FOUND,
               _("The file “%s” does not exist. If it is on a USB drive, check that the "
                 "drive is plugged in."), path);
  else
    set_error (error, ANTT_BACKUP_ERROR_IO,
               _("Reading “%s” failed (%s). If it is on a USB drive, check that it is "
                 "still plugged in and try again."), path, io_error->message);
  g_error_free (io_error);
  return FALSE;
}

/* Progress ----------------------------------------------------------------- */

/* Carries the progress of a job in a worker thread to the caller's main
 * context, coalesced: a slow main loop gets the latest figure once rather
 * than every figure in turn. */
typedef struct
{
  gatomicrefcount     ref_count;
  GMainContext       *context;
  AnttBackupProgress  func;
  gpointer            data;
  GDestroyNotify      destroy;
  GMutex              lock;
  gboolean            pending;
  AnttBackupStage     stage;
  double              fraction;
  int                 finished;  /* atomic: the job's callback has run */
} Relay;

static Relay *
relay_new (AnttBackupProgress func,
           gpointer           data,
           GDestroyNotify     destroy)
{
  Relay *relay = g_new0 (Relay, 1);

  g_atomic_ref_count_init (&relay->ref_count);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->data = data;
  relay->destroy = destroy;
  g_mutex_init (&relay->lock);
  return relay;
}

static Relay *
relay_ref (Relay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static gboolean
relay_free_cb (gpointer data)
{
  Relay *relay = data;

  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_mutex_clear (&relay->lock);
  g_main_context_unref (relay->context);
  g_free (relay);
  return G_SOURCE_REMOVE;
}

/* Always through an idle source: g_main_context_invoke() would run the
 * function in a worker thread that manages to acquire an idle context. */
static void
relay_idle (Relay          *relay,
            GSourceFunc     func,
            gpointer        data,
            GDestroyNotify  destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "antt-backup-progress");
  g_source_attach (source, relay->context);
  g_source_unref (source);
}

static void
relay_unref (gpointer data)
{
  Relay *relay = data;

  if (relay == NULL || !g_atomic_ref_count_dec (&relay->ref_count))
    return;

  /* The caller's data is freed where it lives, whichever thread let go last. */
  if (g_main_context_is_owner (relay->context))
    relay_free_cb (relay);
  else
    relay_idle (relay, relay_free_cb, relay, NULL);
}

static gboolean
relay_dispatch_cb (gpointer data)
{
  Relay *relay = data;
  AnttBackupStage stage;
  double fraction;

  g_mutex_lock (&relay->lock);
  relay->pending = FALSE;
  stage = relay->stage;
  fraction = relay->fraction;
  g_mutex_unlock (&relay->lock);

  if (!g_atomic_int_get (&relay->finished) && relay->func != NULL)
    relay->func (stage, fraction, relay->data);
  return G_SOURCE_REMOVE;
}

static void
relay_post (Relay           *relay,
            AnttBackupStage  stage,
            double           fraction)
{
  g_mutex_lock (&relay->lock);
  relay->stage = stage;
  relay->fraction = fraction;
  if (!relay->pending)
    {
      relay->pending = TRUE;
      relay_idle (relay, relay_dispatch_cb, relay_ref (relay), relay_unref);
    }
  g_mutex_unlock (&relay->lock);
}

typedef struct
{
  AnttBackupProgress  func;
  gpointer            data;
  Relay              *relay;
  AnttBackupStage     stage;
  double              last;
  gboolean            started;
} Progress;

static void
progress_init (Progress           *progress,
               AnttBackupProgress  func,
               gpointer            data,
               Relay              *relay)
{
  memset (progress, 0, sizeof *progress);
  progress->func = func;
  progress->data = data;
  progress->relay = relay;
}

static void
progress_report (Progress        *progress,
                 AnttBackupStage  stage,
                 double           fraction)
{
  if (progress == NULL || (progress->func == NULL && progress->relay == NULL))
    return;

  fraction = CLAMP (fraction, 0.0, 1.0);
  /* A few hundred updates per job are plenty for a progress bar. */
  if (progress->started && stage == progress->stage && fraction < 1.0 &&
      fraction - progress->last < 0.004)
    return;

  progress->started = TRUE;
  progress->stage = stage;
  progress->last = fraction;
  if (progress->relay != NULL)
    relay_post (progress->relay, stage, fraction);
  else
    progress->func (stage, fraction, progress->data);
}

/* done of total within [from, to] of the whole job. */
static void
progress_part (Progress        *progress,
               AnttBackupStage  stage,
               double           from,
               double           to,
               guint64          done,
               guint64          total)
{
  progress_report (progress, stage, from + (to - from) * (total ? (double) done / total : 1.0));
}

/* Manifest ----------------------------------------------------------------- */

struct _AnttBackupManifest
{
  gatomicrefcount  ref_count;
  char            *kind;
  char            *app_version;
  int              schema_version;
  char            *commune;
  GDateTime       *created;
  guint64          database_size;
  char            *database_sha256;
  GStrv            tables;
  gint64          *counts;
  guint            n_tables;
};

G_DEFINE_BOXED_TYPE (AnttBackupManifest, antt_backup_manifest,
                     antt_backup_manifest_ref, antt_backup_manifest_unref)

static AnttBackupManifest *
manifest_new (void)
{
  AnttBackupManifest *self = g_new0 (AnttBackupManifest, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tables = g_new0 (char *, 1);
  return self;
}

AnttBackupManifest *
antt_backup_manifest_ref (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
antt_backup_manifest_unref (AnttBackupManifest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->kind);
  g_free (self->app_version);
  g_free (self->commune);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->database_sha256);
  g_strfreev (self->tables);
  g_free (self->counts);
  g_free (self);
}

static void
manifest_add_table (AnttBackupManifest *self,
                    const char         *name,
                    gint64              count)
{
  self->tables = g_renew (char *, self->tables, self->n_tables + 2);
  self->counts = g_renew (gint64, self->counts, self->n_tables + 1);
  self->tables[self->n_tables] = g_strdup (name);
  self->tables[self->n_tables + 1] = NULL;
  self->counts[self->n_tables] = count;
  self->n_tables++;
}

const char *
antt_backup_manifest_get_app_version (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->app_version;
}

int
antt_backup_manifest_get_schema_version (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->schema_version;
}

const char *
antt_backup_manifest_get_commune (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->commune;
}

GDateTime *
antt_backup_manifest_get_created (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->created;
}

const char *
antt_backup_manifest_get_kind (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kind;
}

guint64
antt_backup_manifest_get_database_size (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->database_size;
}

const char *
antt_backup_manifest_get_database_sha256 (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->database_sha256;
}

const char *const *
antt_backup_manifest_get_tables (AnttBackupManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->tables;
}

gint64
antt_backup_manifest_get_row_count (AnttBackupManifest *self,
                                    const char         *table)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < self->n_tables; i++)
    if (g_str_equal (self->tables[i], table))
      return self->counts[i];
  return -1;
}

gint64
antt_backup_manifest_get_total_rows (AnttBackupManifest *self)
{
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_tables; i++)
    total += self->counts[i];
  return total;
}

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

char *
antt_backup_manifest_to_json (AnttBackupManifest *self)
{
  GString *out = g_string_new ("{\n");
  g_autofree char *created = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  created = g_date_time_format_iso8601 (self->created);
  g_string_append (out, "  \"format\": ");
  json_append_string (out, MANIFEST_FORMAT);
  g_string_append (out, ",\n  \"kind\": ");
  json_append_string (out, self->kind);
  g_string_append (out, ",\n  \"app_version\": ");
  json_append_string (out, self->app_version);
  g_string_append_printf (out, ",\n  \"schema_version\": %d", self->schema_version);
  g_string_append (out, ",\n  \"commune\": ");
  json_append_string (out, self->commune);
  g_string_append (out, ",\n  \"created\": ");
  json_append_string (out, created);
  g_string_append_printf (out, ",\n  \"database\": {\n    \"size\": %" G_GUINT64_FORMAT
                          ",\n    \"sha256\": ", self->database_size);
  json_append_string (out, self->database_sha256 ? self->database_sha256 : "");
  g_string_append (out, "\n  },\n  \"tables\": {");
  for (guint i = 0; i < self->n_tables; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      json_append_string (out, self->tables[i]);
      g_string_append_printf (out, ": %" G_GINT64_FORMAT, self->counts[i]);
    }
  g_string_append (out, "\n  }\n}\n");
  return g_string_free (out, FALSE);
}

/* A small JSON reader, enough for manifests: GLib has none, and a library
 * for one file of our own is not worth a dependency. Bounded in depth and
 * length, since the bytes may come from anywhere. */
typedef enum { JV_NULL, JV_BOOL, JV_INT, JV_STRING, JV_OBJECT, JV_ARRAY } JvType;

typedef struct _Jv Jv;
struct _Jv
{
  JvType     type;
  gint64     number;
  char      *string;
  GPtrArray *keys;    /* objects */
  GPtrArray *values;  /* objects and arrays */
};

static void
jv_free (gpointer data)
{
  Jv *v = data;

  if (v == NULL)
    return;
  g_free (v->string);
  g_clear_pointer (&v->keys, g_ptr_array_unref);
  g_clear_pointer (&v->values, g_ptr_array_unref);
  g_free (v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Jv, jv_free)

typedef struct
{
  const char *p;
  const char *end;
  int         depth;
} JsonReader;

static void
json_skip_space (JsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
json_hex4 (JsonReader *r,
           gunichar   *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);
      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

static char *
json_read_string (JsonReader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (r->p >= r->end || *r->p != '"')
    return NULL;
  r->p++;
  while (r->p < r->end && *r->p != '"')
    {
      char c = *r->p++;

      if ((guchar) c < 0x20)
        return NULL;
      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      if (r->p >= r->end)
        return NULL;
      c = *r->p++;
      switch (c)
        {
        case '"': case '\\': case '/': g_string_append_c (out, c); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar ch, low;

            if (!json_hex4 (r, &ch))
              return NULL;
            if (ch >= 0xD800 && ch < 0xDC00)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return NULL;
                r->p += 2;
                if (!json_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (ch >= 0xDC00 && ch <= 0xDFFF)
              return NULL;
            if (ch == 0)
              return NULL;
            g_string_append_unichar (out, ch);
          }
          break;
        default:
          return NULL;
        }
    }
  if (r->p >= r->end)
    return NULL;
  r->p++;
  if (!g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static Jv *json_read_value (JsonReader *r);

static Jv *
json_read_container (JsonReader *r,
                     gboolean    is_object)
{
  g_autoptr(Jv) v = g_new0 (Jv, 1);
  char close = is_object ? '}' : ']';

  v->type = is_object ? JV_OBJECT : JV_ARRAY;
  v->values = g_ptr_array_new_with_free_func (jv_free);
  if (is_object)
    v->keys = g_ptr_array_new_with_free_func (g_free);

  if (++r->depth > 16)
    return NULL;
  r->p++;
  json_skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      return g_steal_pointer (&v);
    }

  for (;;)
    {
      Jv *item;

      json_skip_space (r);
      if (is_object)
        {
          char *key = json_read_string (r);

          if (key == NULL)
            return NULL;
          g_ptr_array_add (v->keys, key);
          json_skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            return NULL;
          r->p++;
        }
      item = json_read_value (r);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (v->values, item);
      json_skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          r->depth--;
          return g_steal_pointer (&v);
        }
      return NULL;
    }
}

static Jv *
json_read_value (JsonReader *r)
{
  g_autoptr(Jv) v = NULL;

  json_skip_space (r);
  if (r->p >= r->end)
    return NULL;

  switch (*r->p)
    {
    case '{':
      return json_read_container (r, TRUE);
    case '[':
      return json_read_container (r, FALSE);
    case '"':
      v = g_new0 (Jv, 1);
      v->type = JV_STRING;
      v->string = json_read_string (r);
      return v->string ? g_steal_pointer (&v) : NULL;
    default:
      break;
    }

  v = g_new0 (Jv, 1);
  if (r->end - r->p >= 4 && memcmp (r->p, "null", 4) == 0)
    {
      v->type = JV_NULL;
      r->p += 4;
    }
  else if (r->end - r->p >= 4 && memcmp (r->p, "true", 4) == 0)
    {
      v->type = JV_BOOL;
      v->number = 1;
      r->p += 4;
    }
  else if (r->end - r->p >= 5 && memcmp (r->p, "false", 5) == 0)
    {
      v->type = JV_BOOL;
      r->p += 5;
    }
  else
    {
      gboolean negative = FALSE;
      guint64 value = 0;
      int digits = 0;

      if (*r->p == '-')
        {
          negative = TRUE;
          r->p++;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        {
          if (++digits > 18)
            return NULL;
          value = value * 10 + (guint64) (*r->p - '0');
          r->p++;
        }
      /* Whole numbers only: a manifest has no other kind. */
      if (digits == 0 || (r->p < r->end && strchr (".eE", *r->p) != NULL && *r->p != '\0'))
        return NULL;
      v->type = JV_INT;
      v->number = negative ? -(gint64) value : (gint64) value;
    }
  return g_steal_pointer (&v);
}

static Jv *
jv_member (Jv         *object,
           const char *key,
           JvType      type)
{
  if (object == NULL || object->type != JV_OBJECT)
    return NULL;
  for (guint i = 0; i < object->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (object->keys, i), key))
      {
        Jv *value = g_ptr_array_index (object->values, i);
        return value->type == type ? value : NULL;
      }
  return NULL;
}

static gboolean
valid_table_name (const char *name)
{
  if (name[0] == '\0' || strlen (name) > 64 || g_ascii_isdigit (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* NULL when the text is not a manifest of ours. */
static AnttBackupManifest *
manifest_parse (const char *text,
                gsize       length)
{
  JsonReader reader = { text, text + length, 0 };
  g_autoptr(Jv) root = json_read_value (&reader);
  g_autoptr(AnttBackupManifest) self = NULL;
  Jv *format, *kind, *app_version, *schema, *commune, *created, *database, *size, *sha, *tables;

  if (root == NULL)
    return NULL;
  json_skip_space (&reader);
  if (reader.p != reader.end)
    return NULL;

  format = jv_member (root, "format", JV_STRING);
  kind = jv_member (root, "kind", JV_STRING);
  app_version = jv_member (root, "app_version", JV_STRING);
  schema = jv_member (root, "schema_version", JV_INT);
  commune = jv_member (root, "commune", JV_STRING);
  created = jv_member (root, "created", JV_STRING);
  database = jv_member (root, "database", JV_OBJECT);
  size = jv_member (database, "size", JV_INT);
  sha = jv_member (database, "sha256", JV_STRING);
  tables = jv_member (root, "tables", JV_OBJECT);

  if (format == NULL || !g_str_equal (format->string, MANIFEST_FORMAT) || kind == NULL ||
      app_version == NULL || schema == NULL || schema->number < 0 || schema->number > G_MAXINT ||
      commune == NULL || created == NULL || size == NULL || size->number < 0 || sha == NULL ||
      strlen (sha->string) != 64 || tables == NULL)
    return NULL;
  for (const char *p = sha->string; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return NULL;

  self = manifest_new ();
  self->kind = g_strdup (kind->string);
  self->app_version = g_strdup (app_version->string);
  self->schema_version = (int) schema->number;
  self->commune = g_strdup (commune->string);
  self->created = g_date_time_new_from_iso8601 (created->string, NULL);
  self->database_size = (guint64) size->number;
  self->database_sha256 = g_strdup (sha->string);
  if (self->created == NULL)
    return NULL;

  for (guint i = 0; i < tables->keys->len; i++)
    {
      const char *name = g_ptr_array_index (tables->keys, i);
      Jv *count = g_ptr_array_index (tables->values, i);

      if (count->type != JV_INT || count->number < 0 || !valid_table_name (name) ||
          antt_backup_manifest_get_row_count (self, name) >= 0)
        return NULL;
      manifest_add_table (self, name, count->number);
    }

  return g_steal_pointer (&self);
}

/* Backup info and locations --------------------------------------------------- */

struct _AnttBackupInfo
{
  gatomicrefcount     ref_count;
  char               *path;
  guint64             size;
  gboolean            encrypted;
  AnttBackupManifest *manifest;
  GError             *problem;
  gint64              modified;  /* for sorting files without a manifest */
};

G_DEFINE_BOXED_TYPE (AnttBackupInfo, antt_backup_info,
                     antt_backup_info_ref, antt_backup_info_unref)

static AnttBackupInfo *
info_new (const char *path)
{
  AnttBackupInfo *self = g_new0 (AnttBackupInfo, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) file_info = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (file_info != NULL)
    {
      self->size = (guint64) g_file_info_get_size (file_info);
      self->modified = (gint64) g_file_info_get_attribute_uint64 (file_info,
                                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED);
    }
  return self;
}

AnttBackupInfo *
antt_backup_info_ref (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
antt_backup_info_unref (AnttBackupInfo *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_clear_pointer (&self->manifest, antt_backup_manifest_unref);
  g_clear_error (&self->problem);
  g_free (self);
}

const char *
antt_backup_info_get_path (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

guint64
antt_backup_info_get_size (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

gboolean
antt_backup_info_get_encrypted (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->encrypted;
}

AnttBackupManifest *
antt_backup_info_get_manifest (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->manifest;
}

const GError *
antt_backup_info_get_problem (AnttBackupInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problem;
}

struct _AnttBackupLocation
{
  gatomicrefcount  ref_count;
  char            *name;
  char            *path;
  guint64          free;
  guint64          size;
  gboolean         read_only;
};

G_DEFINE_BOXED_TYPE (AnttBackupLocation, antt_backup_location,
                     antt_backup_location_ref, antt_backup_location_unref)

AnttBackupLocation *
antt_backup_location_ref (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
antt_backup_location_unref (AnttBackupLocation *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  g_free (self->path);
  g_free (self);
}

const char *
antt_backup_location_get_name (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
antt_backup_location_get_path (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

guint64
antt_backup_location_get_free (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->free;
}

guint64
antt_backup_location_get_size (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

gboolean
antt_backup_location_get_read_only (AnttBackupLocation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->read_only;
}

/* POSIX only ------------------------------------------------------------------
 *
 * Flushing a file and its folder to the device, dropping the file from the
 * cache so that reading it back reads the device (a fake or failing USB
 * stick shows itself there), and renaming. GLib has no portable fsync: on
 * Windows this section would use FlushFileBuffers and MoveFileExW with
 * MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH. Everything else in
 * this file goes through GLib and GIO.
 */
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

static gboolean
flush_to_device (const char  *path,
                 gboolean     is_folder,
                 GError     **error)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_folder ? O_DIRECTORY : 0), 0);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Some file systems cannot flush a folder (EINVAL): their entries are
   * written with the file. */
  if (fsync (fd) != 0 && !(is_folder && (errno == EINVAL || errno == EBADF)))
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
#ifdef POSIX_FADV_DONTNEED
  if (!is_folder)
    posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
#endif
  close (fd);
#endif
  return TRUE;
}

/* Atomic on one file system: a crash leaves the old name or the new one. */
static gboolean
rename_file (const char  *from,
             const char  *to,
             GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", to, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Files and folders ------------------------------------------------------------ */

static char *
data_folder (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "thidua-antt", name, NULL);
}

/**
 * antt_backup_passphrase_free:
 * @passphrase: (nullable): a passphrase kept by the caller
 *
 * Wipes @passphrase (so that it does not linger in freed memory) and frees it.
 */
void
antt_backup_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  sodium_memzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}

/**
 * antt_backup_stage_describe:
 *
 * Returns: what @stage does, for a progress bar (translated), "" for an
 *   unknown stage
 */
const char *
antt_backup_stage_describe (AnttBackupStage stage)
{
  switch (stage)
    {
    case ANTT_BACKUP_STAGE_SNAPSHOT: return _("Copying the data");
    case ANTT_BACKUP_STAGE_CHECKSUM: return _("Computing the checksum");
    case ANTT_BACKUP_STAGE_WRITE: return _("Writing the backup");
    case ANTT_BACKUP_STAGE_VERIFY: return _("Reading the backup back");
    case ANTT_BACKUP_STAGE_EXTRACT: return _("Reading the backup");
    case ANTT_BACKUP_STAGE_CHECK: return _("Checking the data");
    case ANTT_BACKUP_STAGE_SAFETY_COPY: return _("Keeping a copy of the current data");
    case ANTT_BACKUP_STAGE_REPLACE: return _("Putting the data in place");
    default: return "";
    }
}

char *
antt_backup_default_snapshot_folder (void)
{
  return data_folder ("snapshots");
}

static char *
commune_slug (const char *commune)
{
  g_autofree char *folded = antt_text_fold (commune ? commune : "");
  GString *slug = g_string_new (NULL);

  for (const char *p = folded ? folded : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

static char *
file_name_with (const char *commune,
                GDateTime  *time,
                const char *extra)
{
  g_autofree char *slug = commune_slug (commune);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M");

  return g_strdup_printf ("thidua-antt-%s%s%s%s" ANTT_BACKUP_SUFFIX, slug, slug[0] ? "-" : "",
                          stamp, extra ? extra : "");
}

char *
antt_backup_file_name (const char *commune,
                       GDateTime  *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  return file_name_with (commune, time, NULL);
}

static gboolean
is_partial_name (const char *name)
{
  return name[0] == '.' && g_str_has_suffix (name, PARTIAL_SUFFIX);
}

static void
remove_sqlite_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
}

/* Leftovers of jobs that were killed: old enough that no job still runs. */
static void
remove_stale (const char *folder,
              const char *prefix,
              const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, suffix))
        continue;
      if (g_stat (path, &st) == 0 && now - (gint64) st.st_mtime > STALE_SECONDS)
        g_remove (path);
    }
}

/* A new empty file in our own work folder, for a copy of the database. */
static char *
make_work_file (const char  *folder,
                GError     **error)
{
  g_autofree char *dir = folder ? g_strdup (folder) : data_folder ("tmp");
  g_autofree char *template = NULL;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      set_error (error, ANTT_BACKUP_ERROR_IO,
                 _("Cannot create the work folder “%s”: %s. Check that the disk is not full "
                   "and that you may write to it."), dir, g_strerror (saved_errno));
      return NULL;
    }
  if (folder == NULL)
    remove_stale (dir, "job-", "");
  else
    remove_stale (dir, ".thidua-antt-restore-", "");

  template = g_build_filename (dir, folder ? ".thidua-antt-restore-XXXXXX.db" : "job-XXXXXX.db",
                               NULL);
  fd = g_mkstemp_full (template, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC)
        set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
                   _("The computer’s disk is full (%s). Free some space and try again; "
                     "nothing was changed."), dir);
      else if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
        set_error (error, ANTT_BACKUP_ERROR_READ_ONLY,
                   _("Cannot write to the folder “%s”. Check that you may change files "
                     "there; nothing was changed."), dir);
      else
        set_error (error, ANTT_BACKUP_ERROR_IO, _("Cannot create a file in “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

typedef struct
{
  guint64  free;
  guint64  size;
  gboolean read_only;
  gboolean known;
} Space;

static void
query_space (const char *folder,
             Space      *space)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFileInfo) info = NULL;

  memset (space, 0, sizeof *space);
  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_SIZE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_READONLY, NULL, NULL);
  if (info == NULL)
    return;
  space->known = g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  space->free = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  space->size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_SIZE);
  space->read_only = g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY);
}

/* Said before anything is written, with the sizes the clerk can act on. */
static gboolean
check_destination (const char  *folder,
                   guint64      needed,
                   GError     **error)
{
  Space space;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return set_error (error, ANTT_BACKUP_ERROR_NOT_FOUND,
                      _("The folder “%s” does not exist. If it is on a USB drive, check that "
                        "the drive is plugged in."), folder);

  query_space (folder, &space);
  if (space.read_only)
    return set_error (error, ANTT_BACKUP_ERROR_READ_ONLY,
                      _("Cannot write to “%s”: the drive is read-only. Check the lock switch "
                        "of the USB drive, or choose another drive; nothing was written."),
                      folder);
  if (space.known && space.free < needed + SPACE_MARGIN)
    {
      g_autofree char *have = g_format_size (space.free);
      g_autofree char *want = g_format_size (needed + SPACE_MARGIN);

      return set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
                        _("Not enough space in “%s”: the backup needs %s and only %s is "
                          "free. Free some space or use another drive; nothing was written."),
                        folder, want, have);
    }
  return TRUE;
}

static gboolean
check_work_space (const char  *path,
                  guint64      needed,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  Space space;

  query_space (folder, &space);
  if (space.known && space.free < needed + SPACE_MARGIN)
    {
      g_autofree char *have = g_format_size (space.free);
      g_autofree char *want = g_format_size (needed + SPACE_MARGIN);

      return set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
                        _("The computer’s disk is too full for this job: it needs %s in "
                          "“%s” and only %s is free. Free some space and try again; nothing "
                          "was changed."), want, folder, have);
    }
  return TRUE;
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (guint64) st.st_size;
}

/* SQLite -------------------------------------------------------------------- */

typedef struct
{
  GCancellable *cancellable;
  gint64        deadline;
} BusyWait;

/* Waits for a lock like sqlite3_busy_timeout, but gives up when cancelled. */
static int
busy_cb (void *data,
         int   count)
{
  BusyWait *wait = data;

  if (g_cancellable_is_cancelled (wait->cancellable))
    return 0;
  if (count == 0)
    wait->deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;
  if (g_get_monotonic_time () >= wait->deadline)
    return 0;
  g_usleep (20 * 1000);
  return 1;
}

static int
interrupt_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static void
watch_cancellable (sqlite3      *db,
                   GCancellable *cancellable,
                   BusyWait     *wait)
{
  wait->cancellable = cancellable;
  wait->deadline = 0;
  sqlite3_busy_handler (db, busy_cb, wait);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, interrupt_cb, cancellable);
}

static gboolean
sqlite_fail (sqlite3         *db,
             int              rc,
             AnttBackupError  code,
             const char      *path,
             GCancellable    *cancellable,
             GError         **error)
{
  if ((rc & 0xff) == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return set_error (error, ANTT_BACKUP_ERROR_LOCKED,
                        _("The data file “%s” is locked by another program. Close the other "
                          "copy of Thi đua ANTT (or the program using the file) and try "
                          "again; nothing was changed."), path);
    case SQLITE_FULL:
      return set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
                        _("The computer’s disk is full. Free some space and try again; "
                          "nothing was changed."));
    case SQLITE_IOERR:
      return set_error (error, ANTT_BACKUP_ERROR_IO, _("Reading or writing “%s” failed (%s)."),
                        path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      if (code == ANTT_BACKUP_ERROR_SOURCE_DAMAGED)
        return set_error (error, code,
                          _("The data file “%s” is damaged and cannot be backed up (%s). "
                            "Restore it from a backup."), path,
                          db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return set_error (error, code, _("The database in the backup is damaged (%s)."),
                        db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    default:
      return set_error (error, code == ANTT_BACKUP_ERROR_CORRUPTED ? code : ANTT_BACKUP_ERROR_FAILED,
                        _("The database reported an error with “%s” (%s)."), path,
                        db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
}

static gboolean
exec_sql (sqlite3      *db,
          const char   *sql,
          const char   *path,
          GCancellable *cancellable,
          GError      **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sqlite_fail (db, rc, ANTT_BACKUP_ERROR_FAILED, path, cancellable, error);
  return TRUE;
}

static gboolean
table_exists (sqlite3    *db,
              const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return exists;
}

/* What a database holds: filled by check_database(), which may run in a
 * thread of its own on its own connection. */
typedef struct
{
  char               *path;
  GCancellable       *cancellable;
  AnttBackupError     code;      /* for damage: SOURCE_DAMAGED or CORRUPTED */
  gboolean            full;      /* integrity_check, else no check at all */
  AnttBackupManifest *expected;  /* verify: the counts that must be found */

  guint32             application_id;
  int                 schema_version;
  char               *commune;
  AnttBackupManifest *counts;    /* tables and rows found */
  GError             *error;
} Check;

static void
check_clear (Check *check)
{
  g_free (check->path);
  g_free (check->commune);
  g_clear_pointer (&check->counts, antt_backup_manifest_unref);
  g_clear_error (&check->error);
}

static gboolean
query_int64 (sqlite3      *db,
             const char   *sql,
             gint64       *value,
             int          *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_ROW ? SQLITE_OK : rc;
  return rc == SQLITE_ROW;
}

static gboolean
check_database (Check *check)
{
  sqlite3 *db = NULL;
  BusyWait wait;
  gint64 value = 0;
  int rc;

  check->counts = manifest_new ();
  /* Read-write only so that a WAL-mode file opens as usual; nothing writes. */
  rc = sqlite3_open_v2 (check->path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (check->path, &db, SQLITE_OPEN_READONLY, NULL);
    }
  if (rc != SQLITE_OK || (rc = sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL)) != SQLITE_OK)
    goto fail;
  sqlite3_extended_result_codes (db, TRUE);
  watch_cancellable (db, check->cancellable, &wait);

  if (!query_int64 (db, "PRAGMA application_id", &value, &rc))
    goto fail;
  check->application_id = (guint32) value;
  if (!query_int64 (db, "PRAGMA user_version", &value, &rc))
    goto fail;
  check->schema_version = (int) value;

  if (check->full)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") != 0 && problems->len < 500)
            g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
      if (problems->len > 0)
        {
          if (check->code == ANTT_BACKUP_ERROR_SOURCE_DAMAGED)
            set_error (&check->error, check->code,
                       _("The data file “%s” is damaged and cannot be backed up (%s). "
                         "Restore it from a backup."), check->path, problems->str);
          else
            set_error (&check->error, check->code,
                       _("The database in the backup is damaged (%s)."), problems->str);
          sqlite3_close (db);
          return FALSE;
        }
    }

  if (check->expected != NULL)
    {
      for (guint i = 0; i < check->expected->n_tables; i++)
        {
          const char *name = check->expected->tables[i];
          g_autofree char *sql = NULL;

          if (!table_exists (db, name))
            {
              set_error (&check->error, ANTT_BACKUP_ERROR_CORRUPTED,
                         _("The backup is damaged: its list of contents names the table "
                           "“%s”, which is not in it."), name);
              sqlite3_close (db);
              return FALSE;
            }
          sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);
          if (!query_int64 (db, sql, &value, &rc))
            goto fail;
          manifest_add_table (check->counts, name, value);
        }
    }
  else
    {
      /* Every table of the file, not only antt_tables(): the audit log and
       * the other internal tables are data too. */
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                               "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                               -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        goto fail;

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *sql = NULL;

          /* Names go into the manifest, which a reader checks strictly. */
          if (!valid_table_name (name))
            continue;
          sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);
          if (!query_int64 (db, sql, &value, &rc))
            goto fail;
          manifest_add_table (check->counts, name, value);
        }
    }

  if (table_exists (db, "commune"))
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "SELECT commune_name FROM commune ORDER BY id LIMIT 1",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        check->commune = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return TRUE;

fail:
  sqlite_fail (db, rc, check->code, check->path, check->cancellable, &check->error);
  sqlite3_close (db);
  return FALSE;
}

static gpointer
check_thread (gpointer data)
{
  check_database (data);
  return NULL;
}

/* Reads the header of a SQLite file as bytes: what it says it is. */
static gboolean
read_sqlite_header (const char *path,
                    guint8      header[100])
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  gsize n = 0;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), header, 100, &n, NULL, NULL) || n < 100)
    return FALSE;
  return memcmp (header, "SQLite format 3", 16) == 0;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A consistent copy of the live data file through the online backup API,
 * taken inside one read transaction: in WAL mode the app goes on writing
 * meanwhile, and the copy neither waits for it nor starts over. */
static gboolean
snapshot_database (const char    *database_path,
                   const char    *copy_path,
                   Progress      *progress,
                   double         from,
                   double         to,
                   GCancellable  *cancellable,
                   GError       **error)
{
  sqlite3 *src = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup = NULL;
  BusyWait wait;
  gint64 ignored;
  int busy_retries = 0;
  int rc;
  gboolean ok = FALSE;

  /* Read-write so that a WAL file can be read like the app reads it; we
   * never write (query_only), SQLite itself may only checkpoint. */
  rc = sqlite3_open_v2 (database_path, &src, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM)
    {
      sqlite3_close (src);
      src = NULL;
      rc = sqlite3_open_v2 (database_path, &src, SQLITE_OPEN_READONLY, NULL);
    }
  if (rc != SQLITE_OK)
    {
      sqlite_fail (src, rc, ANTT_BACKUP_ERROR_SOURCE_DAMAGED, database_path, cancellable, error);
      goto out;
    }
  sqlite3_extended_result_codes (src, TRUE);
  watch_cancellable (src, cancellable, &wait);

  if (!exec_sql (src, "PRAGMA query_only = ON", database_path, cancellable, error))
    goto out;
  rc = sqlite3_exec (src, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    query_int64 (src, "SELECT count(*) FROM sqlite_master", &ignored, &rc);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (src, rc, ANTT_BACKUP_ERROR_SOURCE_DAMAGED, database_path, cancellable, error);
      goto out;
    }

  rc = sqlite3_open_v2 (copy_path, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dst, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                            "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (dst, rc, ANTT_BACKUP_ERROR_FAILED, copy_path, cancellable, error);
      goto out;
    }

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      sqlite_fail (dst, sqlite3_errcode (dst), ANTT_BACKUP_ERROR_FAILED, copy_path,
                   cancellable, error);
      goto out;
    }

  progress_report (progress, ANTT_BACKUP_STAGE_SNAPSHOT, from);
  for (;;)
    {
      int total;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      rc = sqlite3_backup_step (backup, STEP_PAGES);
      total = sqlite3_backup_pagecount (backup);
      progress_part (progress, ANTT_BACKUP_STAGE_SNAPSHOT, from, to,
                     (guint64) (total - sqlite3_backup_remaining (backup)), (guint64) total);
      if (rc == SQLITE_DONE)
        break;
      if (rc == SQLITE_OK)
        continue;
      /* The read transaction is ours: only the copy could be busy. */
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && busy_retries++ < 250)
        {
          g_usleep (20 * 1000);
          continue;
        }
      break;
    }
  rc = sqlite3_backup_finish (backup);
  backup = NULL;
  if (rc != SQLITE_OK)
    {
      sqlite_fail (dst, rc, (rc & 0xff) == SQLITE_FULL ? ANTT_BACKUP_ERROR_NO_SPACE
                                                       : ANTT_BACKUP_ERROR_SOURCE_DAMAGED,
                   database_path, cancellable, error);
      goto out;
    }
  ok = TRUE;

out:
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  sqlite3_close (dst);
  if (src != NULL)
    {
      sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (src);
    }
  if (!ok)
    return FALSE;

  /* The copy has no WAL of its own: mark it a rollback-journal file (bytes
   * 18 and 19 of the header, as PRAGMA journal_mode = DELETE would), so
   * that it can be opened read-only without -wal and -shm files. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (copy_path);
    g_autoptr(GFileIOStream) io = NULL;
    g_autoptr(GError) local_error = NULL;
    static const guint8 legacy[2] = { 1, 1 };

    io = g_file_open_readwrite (file, cancellable, &local_error);
    if (io == NULL ||
        !g_seekable_seek (G_SEEKABLE (io), 18, G_SEEK_SET, cancellable, &local_error) ||
        !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)),
                                    legacy, 2, NULL, cancellable, &local_error) ||
        !g_io_stream_close (G_IO_STREAM (io), cancellable, &local_error))
      return propagate_write_error (error, g_steal_pointer (&local_error), copy_path);
  }
  return TRUE;
}

/* SHA-256 ------------------------------------------------------------------
 *
 * libsodium's portable SHA-256 runs at about 140 MB/s, and a backup hashes
 * the whole database (a restore twice: the backup and the data it
 * replaces). Processors with the SHA extensions (every AMD Zen, Intel since
 * Goldmont and Ice Lake) do it ten times faster: their block function is
 * used when CPUID says so, libsodium's otherwise. Both give the same digest;
 * the tests compare it with GLib's on lengths that end mid-block.
 */

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

typedef struct
{
  gboolean                 fast;
  crypto_hash_sha256_state sodium;
  guint32                  h[8];
  guint8                   block[64];
  gsize                    fill;
  guint64                  total;
} Sha256;

#ifdef HAVE_SHA_NI
static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Whole 64-byte blocks, with SHA-NI (the layout of Intel's white paper). */
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
sha256_blocks_ni (guint32       h[8],
                  const guint8 *data,
                  gsize         n_blocks)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i state0, state1, tmp;

  tmp = _mm_loadu_si128 ((const __m128i *) &h[0]);
  state1 = _mm_loadu_si128 ((const __m128i *) &h[4]);
  tmp = _mm_shuffle_epi32 (tmp, 0xB1);             /* CDAB */
  state1 = _mm_shuffle_epi32 (state1, 0x1B);       /* EFGH */
  state0 = _mm_alignr_epi8 (tmp, state1, 8);       /* ABEF */
  state1 = _mm_blend_epi16 (state1, tmp, 0xF0);    /* CDGH */

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef = state0, cdgh = state1;
      __m128i w[4];

      for (int i = 0; i < 4; i++)
        w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), swap);

      /* 16 groups of 4 rounds; w[g % 4] holds words 4g…4g+3 of the
       * schedule, and the next group's words are made as soon as the
       * three after it are known. */
      for (int g = 0; g < 16; g++)
        {
          __m128i msg = _mm_add_epi32 (w[g % 4],
                                       _mm_loadu_si128 ((const __m128i *) &sha256_k[4 * g]));

          state1 = _mm_sha256rnds2_epu32 (state1, state0, msg);
          msg = _mm_shuffle_epi32 (msg, 0x0E);
          state0 = _mm_sha256rnds2_epu32 (state0, state1, msg);

          if (g < 12)
            {
              __m128i x0 = w[g % 4], x1 = w[(g + 1) % 4];
              __m128i x2 = w[(g + 2) % 4], x3 = w[(g + 3) % 4];

              tmp = _mm_add_epi32 (_mm_sha256msg1_epu32 (x0, x1), _mm_alignr_epi8 (x3, x2, 4));
              w[g % 4] = _mm_sha256msg2_epu32 (tmp, x3);
            }
        }

      state0 = _mm_add_epi32 (state0, abef);
      state1 = _mm_add_epi32 (state1, cdgh);
    }

  tmp = _mm_shuffle_epi32 (state0, 0x1B);          /* FEBA */
  state1 = _mm_shuffle_epi32 (state1, 0xB1);       /* DCHG */
  state0 = _mm_blend_epi16 (tmp, state1, 0xF0);    /* DCBA */
  state1 = _mm_alignr_epi8 (state1, tmp, 8);       /* HGFE */
  _mm_storeu_si128 ((__m128i *) &h[0], state0);
  _mm_storeu_si128 ((__m128i *) &h[4], state1);
}

static gboolean
cpu_has_sha (void)
{
  static gsize result = 0;

  if (g_once_init_enter (&result))
    {
      unsigned int eax, ebx, ecx, edx;
      gboolean ok = FALSE;

      if (g_getenv ("ANTT_BACKUP_NO_SHA_NI") == NULL &&
          __get_cpuid (1, &eax, &ebx, &ecx, &edx) &&
          (ecx & (1u << 9)) && (ecx & (1u << 19)) &&           /* SSSE3, SSE4.1 */
          __get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx) &&
          (ebx & (1u << 29)))                                  /* SHA */
        ok = TRUE;
      g_once_init_leave (&result, ok ? 2 : 1);
    }
  return result == 2;
}
#endif

static void
sha256_init (Sha256 *sha)
{
  static const guint32 iv[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  memset (sha, 0, sizeof *sha);
#ifdef HAVE_SHA_NI
  sha->fast = cpu_has_sha ();
#endif
  if (sha->fast)
    memcpy (sha->h, iv, sizeof iv);
  else
    crypto_hash_sha256_init (&sha->sodium);
}

static void
sha256_update (Sha256       *sha,
               const guint8 *data,
               gsize         length)
{
  if (!sha->fast)
    {
      crypto_hash_sha256_update (&sha->sodium, data, length);
      return;
    }
#ifdef HAVE_SHA_NI
  sha->total += length;
  if (sha->fill > 0)
    {
      gsize n = MIN (length, 64 - sha->fill);

      memcpy (sha->block + sha->fill, data, n);
      sha->fill += n;
      data += n;
      length -= n;
      if (sha->fill < 64)
        return;
      sha256_blocks_ni (sha->h, sha->block, 1);
      sha->fill = 0;
    }
  if (length >= 64)
    {
      sha256_blocks_ni (sha->h, data, length / 64);
      data += length / 64 * 64;
      length %= 64;
    }
  memcpy (sha->block, data, length);
  sha->fill = length;
#endif
}

static void
sha256_final (Sha256 *sha,
              guint8  digest[32])
{
  if (!sha->fast)
    {
      crypto_hash_sha256_final (&sha->sodium, digest);
      return;
    }
#ifdef HAVE_SHA_NI
  {
    guint64 bits = sha->total * 8;
    guint8 tail[72] = { 0x80 };
    gsize pad = (sha->fill < 56 ? 56 : 120) - sha->fill;

    for (int i = 0; i < 8; i++)
      tail[pad + i] = (guint8) (bits >> (56 - 8 * i));
    sha256_update (sha, tail, pad + 8);
    g_assert (sha->fill == 0);
    for (int i = 0; i < 8; i++)
      {
        digest[4 * i] = (guint8) (sha->h[i] >> 24);
        digest[4 * i + 1] = (guint8) (sha->h[i] >> 16);
        digest[4 * i + 2] = (guint8) (sha->h[i] >> 8);
        digest[4 * i + 3] = (guint8) sha->h[i];
      }
    sodium_memzero (sha, sizeof *sha);
  }
#endif
}

static void
sha256_digest (guint8        digest[32],
               const guint8 *data,
               gsize         length)
{
  Sha256 sha;

  sha256_init (&sha);
  sha256_update (&sha, data, length);
  sha256_final (&sha, digest);
}

/* Crypto ------------------------------------------------------------------------ */

typedef struct
{
  guint8 key[KEY_SIZE];
  guint8 check[32];
} Keys;

static gboolean
crypto_ready (GError **error)
{
  if (sodium_init () < 0)
    return set_error (error, ANTT_BACKUP_ERROR_FAILED,
                      _("The encryption library could not start."));
  return TRUE;
}

/* Argon2id over the passphrase in NFC: the same words typed with another
 * Vietnamese input method (composed or not) give the same key. */
static gboolean
derive_keys (const char    *passphrase,
             const guint8   salt[SALT_SIZE],
             guint64        opslimit,
             guint64        memlimit,
             Keys          *keys,
             GError       **error)
{
  g_autofree char *normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  guint8 out[KEY_SIZE + 32];
  int rc;

  if (normal == NULL)
    return set_error (error, ANTT_BACKUP_ERROR_WRONG_PASSPHRASE,
                      _("The passphrase is not valid text."));

  rc = crypto_pwhash (out, sizeof out, normal, strlen (normal), salt, opslimit,
                      (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13);
  sodium_memzero (normal, strlen (normal));
  if (rc != 0)
    return set_error (error, ANTT_BACKUP_ERROR_FAILED,
                      _("Not enough memory to work with the passphrase. Close other "
                        "programs and try again."));

  memcpy (keys->key, out, KEY_SIZE);
  crypto_generichash (keys->check, sizeof keys->check, (const guint8 *) KEY_CHECK_TEXT,
                      strlen (KEY_CHECK_TEXT), out + KEY_SIZE, 32);
  sodium_memzero (out, sizeof out);
  return TRUE;
}

/* The header ----------------------------------------------------------------- */

typedef struct
{
  guint16 version;
  guint16 flags;
  guint64 manifest_length;
  guint64 database_length;
  guint8  manifest_sha[32];
  guint32 chunk_size;
  guint32 kdf;
  guint64 opslimit;
  guint64 memlimit;
  guint8  salt[SALT_SIZE];
  guint8  stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  guint8  key_check[32];
} Header;

static void
put_le (guint8  *p,
        guint64  value,
        int      size)
{
  for (int i = 0; i < size; i++)
    p[i] = (guint8) (value >> (8 * i));
}

static guint64
get_le (const guint8 *p,
        int           size)
{
  guint64 value = 0;

  for (int i = size - 1; i >= 0; i--)
    value = (value << 8) | p[i];
  return value;
}

static void
header_pack (const Header *h,
             guint8        out[HEADER_SIZE])
{
  memset (out, 0, HEADER_SIZE);
  memcpy (out, MAGIC, 8);
  put_le (out + 8, h->version, 2);
  put_le (out + 10, h->flags, 2);
  put_le (out + 12, HEADER_SIZE, 4);
  put_le (out + 16, h->manifest_length, 8);
  put_le (out + 24, h->database_length, 8);
  memcpy (out + 32, h->manifest_sha, 32);
  put_le (out + 64, h->chunk_size, 4);
  put_le (out + 68, h->kdf, 4);
  put_le (out + 72, h->opslimit, 8);
  put_le (out + 80, h->memlimit, 8);
  memcpy (out + 88, h->salt, SALT_SIZE);
  memcpy (out + 104, h->stream_header, sizeof h->stream_header);
  memcpy (out + 128, h->key_check, 32);
  sha256_digest (out + HEADER_SIGNED, out, HEADER_SIGNED);
}

static guint64
encrypted_length (guint64 plain)
{
  return plain + (plain + CHUNK_SIZE - 1) / CHUNK_SIZE * ABYTES;
}

/* Reading --------------------------------------------------------------------- */

typedef struct
{
  char                                   *path;
  GInputStream                           *in;
  guint8                                  raw[HEADER_SIZE];
  Header                                  header;
  gboolean                                encrypted;
  guint64                                 file_size;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8                                 *cipher;
  guint8                                 *plain;
  gsize                                   plain_length;
  gsize                                   plain_position;
  guint64                                 left_to_decrypt;
  gboolean                                first_chunk;
} Reader;

static void
reader_free (Reader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->path);
  g_clear_object (&reader->in);
  g_free (reader->cipher);
  if (reader->plain != NULL)
    sodium_memzero (reader->plain, CHUNK_SIZE);
  g_free (reader->plain);
  sodium_memzero (&reader->state, sizeof reader->state);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reader, reader_free)

static gboolean
is_magic_prefix (const guint8 *bytes,
                 gsize         n)
{
  return memcmp (bytes, MAGIC, MIN (n, 8)) == 0;
}

/* Opens a backup and checks its header: what it is, whether it is whole. */
static Reader *
reader_open (const char    *path,
             gboolean       allow_partial,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(Reader) reader = g_new0 (Reader, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  guint8 digest[32];
  gsize n = 0;
  Header *h = &reader->header;
  guint64 expected;

  reader->path = g_strdup (path);

  if (is_partial_name (name) && !allow_partial)
    {
      set_error (error, ANTT_BACKUP_ERROR_UNFINISHED,
                 _("“%s” is an unfinished backup: the backup that wrote it was stopped "
                   "before the end. Use another backup; this file can be deleted."), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_error (error, ANTT_BACKUP_ERROR_NOT_BACKUP,
                 _("“%s” is a folder, not a backup file. Choose a file."), path);
      return NULL;
    }

  reader->in = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (reader->in == NULL)
    {
      propagate_read_error (error, g_steal_pointer (&local_error), path);
      return NULL;
    }
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (reader->in),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         &local_error);
  if (info == NULL ||
      !g_input_stream_read_all (reader->in, reader->raw, HEADER_SIZE, &n, cancellable,
                                &local_error))
    {
      propagate_read_error (error, g_steal_pointer (&local_error), path);
      return NULL;
    }
  reader->file_size = (guint64) g_file_info_get_size (info);

  if (n == 0)
    {
      set_error (error, ANTT_BACKUP_ERROR_TRUNCATED,
                 _("“%s” is empty: the backup was not copied completely. Use another "
                   "copy."), path);
      return NULL;
    }
  if (!is_magic_prefix (reader->raw, n))
    {
      set_error (error, ANTT_BACKUP_ERROR_NOT_BACKUP,
                 _("“%s” is not a Thi đua ANTT backup (it is a file of another kind). "
                   "Choose a file ending in %s; this one was not changed."), path,
                 ANTT_BACKUP_SUFFIX);
      return NULL;
    }
  if (n < HEADER_SIZE)
    {
      set_error (error, ANTT_BACKUP_ERROR_TRUNCATED,
                 _("“%s” is incomplete: it was cut short, perhaps while being copied or "
                   "when the drive was pulled out. Use another copy."), path);
      return NULL;
    }

  h->version = (guint16) get_le (reader->raw + 8, 2);
  if (h->version > FORMAT_VERSION || h->version == 0)
    {
      set_error (error, ANTT_BACKUP_ERROR_UNSUPPORTED,
                 _("“%s” was made by a newer version of Thi đua ANTT (backup format %u). "
                   "Update the program to read it."), path, h->version);
      return NULL;
    }

  sha256_digest (digest, reader->raw, HEADER_SIGNED);
  if (get_le (reader->raw + 12, 4) != HEADER_SIZE ||
      sodium_memcmp (digest, reader->raw + HEADER_SIGNED, 32) != 0)
    {
      set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                 _("“%s” is damaged: its header does not match its checksum. Use another "
                   "copy of the backup."), path);
      return NULL;
    }

  h->flags = (guint16) get_le (reader->raw + 10, 2);
  h->manifest_length = get_le (reader->raw + 16, 8);
  h->database_length = get_le (reader->raw + 24, 8);
  memcpy (h->manifest_sha, reader->raw + 32, 32);
  h->chunk_size = (guint32) get_le (reader->raw + 64, 4);
  h->kdf = (guint32) get_le (reader->raw + 68, 4);
  h->opslimit = get_le (reader->raw + 72, 8);
  h->memlimit = get_le (reader->raw + 80, 8);
  memcpy (h->salt, reader->raw + 88, SALT_SIZE);
  memcpy (h->stream_header, reader->raw + 104, sizeof h->stream_header);
  memcpy (h->key_check, reader->raw + 128, 32);
  reader->encrypted = (h->flags & FLAG_ENCRYPTED) != 0;

  /* A checksum that matches but values that make no sense: not written by us. */
  if ((h->flags & ~FLAG_ENCRYPTED) != 0 || h->manifest_length == 0 ||
      h->manifest_length > MAX_MANIFEST || h->database_length > (G_GUINT64_CONSTANT (1) << 48) ||
      (reader->encrypted &&
       (h->chunk_size != CHUNK_SIZE || h->kdf != KDF_ARGON2ID13 ||
        h->opslimit < crypto_pwhash_OPSLIMIT_MIN || h->opslimit > MAX_KDF_OPS ||
        h->memlimit < crypto_pwhash_MEMLIMIT_MIN || h->memlimit > MAX_KDF_MEMORY)))
    {
      set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                 _("“%s” is damaged: its header is not valid. Use another copy of the "
                   "backup."), path);
      return NULL;
    }

  expected = HEADER_SIZE + (reader->encrypted
                            ? encrypted_length (h->manifest_length + h->database_length)
                            : h->manifest_length + h->database_length);
  if (reader->file_size < expected)
    {
      g_autofree char *have = g_format_size_full (reader->file_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *want = g_format_size_full (expected, G_FORMAT_SIZE_LONG_FORMAT);

      set_error (error, ANTT_BACKUP_ERROR_TRUNCATED,
                 _("“%s” is incomplete: it has %s of %s. It was cut short, perhaps while "
                   "being copied or when the drive was pulled out. Use another copy."),
                 path, have, want);
      return NULL;
    }
  if (reader->file_size > expected)
    {
      set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                 _("“%s” is damaged: it has extra bytes after the end of the backup. Use "
                   "another copy."), path);
      return NULL;
    }

  reader->left_to_decrypt = h->manifest_length + h->database_length;
  reader->first_chunk = TRUE;
  return g_steal_pointer (&reader);
}

static gboolean
reader_unlock (Reader      *reader,
               const Keys  *keys,
               GError     **error)
{
  if (sodium_memcmp (keys->check, reader->header.key_check, 32) != 0)
    return set_error (error, ANTT_BACKUP_ERROR_WRONG_PASSPHRASE,
                      _("Wrong passphrase for “%s”. Type it again, exactly as when the "
                        "backup was made. A forgotten passphrase cannot be recovered."),
                      reader->path);

  if (crypto_secretstream_xchacha20poly1305_init_pull (&reader->state,
                                                       reader->header.stream_header,
                                                       keys->key) != 0)
    return set_error (error, ANTT_BACKUP_ERROR_TAMPERED,
                      _("“%s” has been altered or damaged: its encrypted contents do not "
                        "check out. Use another copy of the backup."), reader->path);
  reader->cipher = g_malloc (CHUNK_SIZE + ABYTES);
  reader->plain = g_malloc (CHUNK_SIZE);
  return TRUE;
}

static gboolean
reader_unlock_with_passphrase (Reader      *reader,
                               const char  *passphrase,
                               GError     **error)
{
  Keys keys;
  gboolean ok;

  if (passphrase == NULL)
    return set_error (error, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE,
                      _("“%s” is protected by a passphrase. Give the passphrase to open "
                        "it."), reader->path);
  if (!crypto_ready (error) ||
      !derive_keys (passphrase, reader->header.salt, reader->header.opslimit,
                    reader->header.memlimit, &keys, error))
    return FALSE;
  ok = reader_unlock (reader, &keys, error);
  sodium_memzero (&keys, sizeof keys);
  return ok;
}

static gboolean
reader_tampered (Reader  *reader,
                 GError **error)
{
  return set_error (error, ANTT_BACKUP_ERROR_TAMPERED,
                    _("“%s” has been altered or damaged: its encrypted contents do not "
                      "check out. Use another copy of the backup."), reader->path);
}

static gboolean
reader_read_raw (Reader        *reader,
                 guint8        *buffer,
                 gsize          length,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = 0;

  if (!g_input_stream_read_all (reader->in, buffer, length, &n, cancellable, &local_error))
    return propagate_read_error (error, g_steal_pointer (&local_error), reader->path);
  if (n < length)
    return set_error (error, ANTT_BACKUP_ERROR_TRUNCATED,
                      _("“%s” is incomplete: it was cut short, perhaps while being copied "
                        "or when the drive was pulled out. Use another copy."), reader->path);
  return TRUE;
}

static gboolean
reader_next_chunk (Reader        *reader,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gsize plain = (gsize) MIN (reader->left_to_decrypt, CHUNK_SIZE);
  unsigned long long out_length = 0;
  unsigned char tag = 0;
  gboolean last = reader->left_to_decrypt <= CHUNK_SIZE;

  if (plain == 0)
    return reader_tampered (reader, error);
  if (!reader_read_raw (reader, reader->cipher, plain + ABYTES, cancellable, error))
    return FALSE;
  if (crypto_secretstream_xchacha20poly1305_pull (&reader->state, reader->plain, &out_length,
                                                  &tag, reader->cipher, plain + ABYTES,
                                                  reader->first_chunk ? reader->raw : NULL,
                                                  reader->first_chunk ? HEADER_SIGNED : 0) != 0 ||
      out_length != plain ||
      (last != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)))
    return reader_tampered (reader, error);

  reader->first_chunk = FALSE;
  reader->left_to_decrypt -= plain;
  reader->plain_length = plain;
  reader->plain_position = 0;
  return TRUE;
}

/* The next bytes of the manifest and database, decrypted if need be. */
static gboolean
reader_read (Reader        *reader,
             guint8        *buffer,
             gsize          length,
             GCancellable  *cancellable,
             GError       **error)
{
  if (!reader->encrypted)
    return reader_read_raw (reader, buffer, length, cancellable, error);

  while (length > 0)
    {
      gsize n;

      if (reader->plain_position == reader->plain_length &&
          !reader_next_chunk (reader, cancellable, error))
        return FALSE;
      n = MIN (length, reader->plain_length - reader->plain_position);
      memcpy (buffer, reader->plain + reader->plain_position, n);
      reader->plain_position += n;
      buffer += n;
      length -= n;
    }
  return TRUE;
}

static AnttBackupManifest *
reader_read_manifest (Reader        *reader,
                      char         **json_out,
                      GCancellable  *cancellable,
                      GError       **error)
{
  gsize length = (gsize) reader->header.manifest_length;
  g_autofree char *json = g_malloc (length + 1);
  AnttBackupManifest *manifest;
  guint8 digest[32];

  if (!reader_read (reader, (guint8 *) json, length, cancellable, error))
    return NULL;
  json[length] = '\0';

  sha256_digest (digest, (const guint8 *) json, length);
  if (sodium_memcmp (digest, reader->header.manifest_sha, 32) != 0)
    {
      if (reader->encrypted)
        reader_tampered (reader, error);
      else
        set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                   _("“%s” is damaged: its list of contents does not match its checksum. "
                     "Use another copy of the backup."), reader->path);
      return NULL;
    }

  manifest = manifest_parse (json, length);
  if (manifest == NULL || manifest->database_size != reader->header.database_length)
    {
      g_clear_pointer (&manifest, antt_backup_manifest_unref);
      set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                 _("“%s” is damaged: its list of contents cannot be read. Use another "
                   "copy of the backup."), reader->path);
      return NULL;
    }
  if (json_out != NULL)
    *json_out = g_steal_pointer (&json);
  return manifest;
}

static gboolean
check_not_newer (AnttBackupManifest  *manifest,
                 const char          *path,
                 GError             **error)
{
  if (manifest->schema_version > ANTT_SCHEMA_VERSION)
    return set_error (error, ANTT_BACKUP_ERROR_NEWER_SCHEMA,
                      _("“%s” holds data of a newer version of Thi đua ANTT (%s, data "
                        "version %d; this program knows up to %d). Update the program to "
                        "restore it; nothing was changed."), path, manifest->app_version,
                      manifest->schema_version, ANTT_SCHEMA_VERSION);
  return TRUE;
}

/* Reads the database out of the backup into out_path, checking its size
 * and SHA-256 against the manifest. */
static gboolean
extract_database (Reader              *reader,
                  AnttBackupManifest  *manifest,
                  const char          *out_path,
                  Progress            *progress,
                  double               from,
                  double               to,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (out_path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (COPY_BLOCK);
  Sha256 sha;
  guint64 left = reader->header.database_length;
  guint64 total = left;
  guint8 digest[32];
  char hex[65];

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (out == NULL)
    return propagate_write_error (error, g_steal_pointer (&local_error), out_path);

  sha256_init (&sha);
  while (left > 0)
    {
      gsize n = (gsize) MIN (left, COPY_BLOCK);

      if (!reader_read (reader, buffer, n, cancellable, error))
        return FALSE;
      sha256_update (&sha, buffer, n);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, cancellable,
                                      &local_error))
        return propagate_write_error (error, g_steal_pointer (&local_error), out_path);
      left -= n;
      progress_part (progress, ANTT_BACKUP_STAGE_EXTRACT, from, to, total - left, total);
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    return propagate_write_error (error, g_steal_pointer (&local_error), out_path);

  sha256_final (&sha, digest);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  if (!g_str_equal (hex, manifest->database_sha256))
    {
      if (reader->encrypted)
        return reader_tampered (reader, error);
      return set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                        _("“%s” is damaged: the data does not match its checksum (a byte "
                          "was changed). Use another copy of the backup."), reader->path);
    }
  return TRUE;
}

/* Checks what the extracted copy is, as antt_database_open() would, and
 * that it is whole: integrity check and row counts against the manifest. */
static gboolean
check_extracted (const char          *backup_path,
                 const char          *copy_path,
                 AnttBackupManifest  *manifest,
                 Progress            *progress,
                 double               from,
                 double               to,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  Check check = { 0 };
  guint8 sqlite_header[100];

  progress_report (progress, ANTT_BACKUP_STAGE_CHECK, from);

  if (!read_sqlite_header (copy_path, sqlite_header))
    return set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                      _("“%s” is damaged: it does not hold a database. Use another copy of "
                        "the backup."), backup_path);
  if (be32 (sqlite_header + 68) != ANTT_APPLICATION_ID)
    return set_error (error, ANTT_BACKUP_ERROR_FOREIGN,
                      _("“%s” holds the database of another program, not Thi đua ANTT data. "
                        "Choose another backup; nothing was changed."), backup_path);
  if (be32 (sqlite_header + 60) > ANTT_SCHEMA_VERSION)
    return set_error (error, ANTT_BACKUP_ERROR_NEWER_SCHEMA,
                      _("“%s” holds data of a newer version of Thi đua ANTT (data version "
                        "%u; this program knows up to %d). Update the program to restore "
                        "it; nothing was changed."), backup_path, be32 (sqlite_header + 60),
                      ANTT_SCHEMA_VERSION);

  check.path = g_strdup (copy_path);
  check.cancellable = cancellable;
  check.code = ANTT_BACKUP_ERROR_CORRUPTED;
  check.full = TRUE;
  check.expected = manifest;
  if (!check_database (&check))
    {
      g_propagate_error (error, g_steal_pointer (&check.error));
      check_clear (&check);
      return FALSE;
    }

  for (guint i = 0; i < manifest->n_tables; i++)
    if (check.counts->counts[i] != manifest->counts[i])
      {
        /* Counts as text: a G_GINT64_FORMAT inside _() hides it from xgettext. */
        g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, check.counts->counts[i]);
        g_autofree char *listed = g_strdup_printf ("%" G_GINT64_FORMAT, manifest->counts[i]);

        set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                   _("“%s” is damaged: the table “%s” has %s rows where the backup’s list "
                     "of contents says %s. Use another copy of the backup."),
                   backup_path, manifest->tables[i], found, listed);
        check_clear (&check);
        return FALSE;
      }
  if (check.schema_version != manifest->schema_version)
    {
      check_clear (&check);
      return set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                        _("“%s” is damaged: its data version does not match its list of "
                          "contents. Use another copy of the backup."), backup_path);
    }
  check_clear (&check);
  progress_report (progress, ANTT_BACKUP_STAGE_CHECK, from + (to - from) * 0.8);

  /* The program's own checks, as when it opens a file; an older version is
   * brought up to date here, on the copy. */
  db = antt_database_open (copy_path, ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                           &local_error);
  if (db == NULL)
    {
      if (g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_FOREIGN))
        return set_error (error, ANTT_BACKUP_ERROR_FOREIGN,
                          _("“%s” holds the database of another program, not Thi đua ANTT "
                            "data. Choose another backup; nothing was changed."), backup_path);
      if (g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_NEWER_SCHEMA))
        return set_error (error, ANTT_BACKUP_ERROR_NEWER_SCHEMA,
                          _("“%s” holds data of a newer version of Thi đua ANTT. Update the "
                            "program to restore it; nothing was changed."), backup_path);
      if (g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_FULL))
        return set_error (error, ANTT_BACKUP_ERROR_NO_SPACE,
                          _("The computer’s disk is full. Free some space and try again; "
                            "nothing was changed."));
      return set_error (error, ANTT_BACKUP_ERROR_CORRUPTED,
                        _("“%s” cannot be used: %s"), backup_path, local_error->message);
    }
  g_clear_object (&db);
  progress_report (progress, ANTT_BACKUP_STAGE_CHECK, to);
  return TRUE;
}

/* Writing --------------------------------------------------------------------- */

typedef struct
{
  GOutputStream                              *out;
  gboolean                                    encrypted;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8                                     *plain;
  guint8                                     *cipher;
  gsize                                       fill;
  guint64                                     left;      /* plaintext still to come */
  const guint8                               *ad;        /* first chunk */
} Writer;

static gboolean
writer_push (Writer        *writer,
             GCancellable  *cancellable,
             GError       **error)
{
  unsigned long long length = 0;
  guint8 tag = writer->left == 0 ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;

  crypto_secretstream_xchacha20poly1305_push (&writer->state, writer->cipher, &length,
                                              writer->plain, writer->fill,
                                              writer->ad, writer->ad ? HEADER_SIGNED : 0, tag);
  writer->ad = NULL;
  writer->fill = 0;
  return g_output_stream_write_all (writer->out, writer->cipher, (gsize) length, NULL,
                                    cancellable, error);
}

static gboolean
writer_write (Writer        *writer,
              const guint8  *data,
              gsize          length,
              GCancellable  *cancellable,
              GError       **error)
{
  if (!writer->encrypted)
    return g_output_stream_write_all (writer->out, data, length, NULL, cancellable, error);

  while (length > 0)
    {
      gsize n = MIN (length, CHUNK_SIZE - writer->fill);

      memcpy (writer->plain + writer->fill, data, n);
      writer->fill += n;
      writer->left -= n;
      data += n;
      length -= n;
      if ((writer->fill == CHUNK_SIZE || writer->left == 0) &&
          !writer_push (writer, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* SHA-256 of a file, with progress. */
static gboolean
hash_file (const char    *path,
           char           hex[65],
           Progress      *progress,
           AnttBackupStage stage,
           double         from,
           double         to,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (COPY_BLOCK);
  Sha256 sha;
  guint64 total = file_size (path);
  guint64 done = 0;
  guint8 digest[32];

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    return propagate_read_error (error, g_steal_pointer (&local_error), path);

  sha256_init (&sha);
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, COPY_BLOCK, &n, cancellable,
                                    &local_error))
        return propagate_read_error (error, g_steal_pointer (&local_error), path);
      if (n == 0)
        break;
      sha256_update (&sha, buffer, n);
      done += n;
      progress_part (progress, stage, from, to, done, total);
    }
  sha256_final (&sha, digest);
  sodium_bin2hex (hex, 65, digest, sizeof digest);
  return TRUE;
}

typedef struct
{
  const char          *folder;
  const char          *name;        /* wanted final name */
  const char          *db_path;     /* a consistent copy, nobody writes it */
  AnttBackupManifest  *manifest;    /* complete: sha and size filled */
  const Keys          *keys;        /* NULL: not encrypted */
  guint64              opslimit;
  guint64              memlimit;
  const guint8        *salt;
  Progress            *progress;
  double               write_from;
  double               verify_from;
  double               to;
  GCancellable        *cancellable;
} WriteJob;

/* A name in folder that does not exist yet: name, name-2, name-3…, after
 * the highest one taken, so that names sort by age even when rotation has
 * removed older ones of the same minute. */
static char *
free_name (const char *folder,
           const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (ANTT_BACKUP_SUFFIX));
  int last_taken = 0;

  for (int i = 1; i < 1000; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (name)
                                          : g_strdup_printf ("%s-%d" ANTT_BACKUP_SUFFIX, stem, i);
      g_autofree char *path = g_build_filename (folder, candidate, NULL);
      g_autofree char *partial_name = g_strconcat (".", candidate, PARTIAL_SUFFIX, NULL);
      g_autofree char *partial = g_build_filename (folder, partial_name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (partial, G_FILE_TEST_EXISTS))
        last_taken = i;
    }
  if (last_taken >= 999)
    return NULL;
  if (last_taken == 0)
    return g_strdup (name);
  return g_strdup_printf ("%s-%d" ANTT_BACKUP_SUFFIX, stem, last_taken + 1);
}

/* Reads the partial file back from the device and compares it with what
 * was meant to be written: the header and manifest bytes, and the database
 * with the local copy (decrypting first, which also checks every chunk's
 * tag). Cheaper than a second SHA-256, and as strict. */
static gboolean
read_back (WriteJob      *job,
           const char    *partial,
           const guint8   header[HEADER_SIZE],
           const char    *json,
           GError       **error)
{
  g_autoptr(Reader) reader = NULL;
  g_autoptr(GFile) local = g_file_new_for_path (job->db_path);
  g_autoptr(GFileInputStream) local_in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *a = g_malloc (COPY_BLOCK);
  g_autofree guint8 *b = g_malloc (COPY_BLOCK);
  gsize json_length = strlen (json);
  guint64 left, total;

  reader = reader_open (partial, TRUE, job->cancellable, &local_error);
  if (reader == NULL)
    goto mismatch;
  if (memcmp (reader->raw, header, HEADER_SIZE) != 0)
    goto mismatch;
  if (job->keys != NULL && !reader_unlock (reader, job->keys, &local_error))
    goto mismatch;

  {
    g_autofree guint8 *manifest = g_malloc (json_length);

    if (!reader_read (reader, manifest, json_length, job->cancellable, &local_error) ||
        memcmp (manifest, json, json_length) != 0)
      goto mismatch;
  }

  local_in = g_file_read (local, job->cancellable, &local_error);
  if (local_in == NULL)
    return propagate_read_error (error, g_steal_pointer (&local_error), job->db_path);

  total = left = job->manifest->database_size;
  while (left > 0)
    {
      gsize n = (gsize) MIN (left, COPY_BLOCK);
      gsize got = 0;

      if (!reader_read (reader, a, n, job->cancellable, &local_error))
        goto mismatch;
      if (!g_input_stream_read_all (G_INPUT_STREAM (local_in), b, n, &got, job->cancellable,
                                    &local_error))
        return propagate_read_error (error, g_steal_pointer (&local_error), job->db_path);
      if (got != n || memcmp (a, b, n) != 0)
        goto mismatch;
      left -= n;
      progress_part (job->progress, ANTT_BACKUP_STAGE_VERIFY, job->verify_from, job->to,
                     total - left, total);
    }
  return TRUE;

mismatch:
  if (local_error != NULL && is_cancelled_error (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (local_error != NULL &&
      (local_error->domain == G_IO_ERROR ||
       g_error_matches (local_error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_IO) ||
       g_error_matches (local_error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NOT_FOUND)))
    return set_error (error, ANTT_BACKUP_ERROR_IO,
                      _("The backup could not be read back from “%s” (%s). Was the drive "
                        "removed? Plug it in again and make a new backup; the unfinished "
                        "backup was removed."), job->folder, local_error->message);
  return set_error (error, ANTT_BACKUP_ERROR_IO,
                    _("The backup read back from “%s” differs from what was written: the "
                      "drive is failing or not as large as it claims. Use another drive; "
                      "the unfinished backup was removed."), job->folder);
}

/* Writes the backup under a temporary name, flushes it to the device, reads
 * it back and only then gives it its name. Whatever goes wrong, the
 * temporary file is removed: a file with a final name is always whole. */
static AnttBackupInfo *
write_backup (WriteJob  *job,
              GError   **error)
{
  g_autofree char *json = antt_backup_manifest_to_json (job->manifest);
  g_autofree char *name = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *final = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GFile) partial_file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  AnttBackupInfo *info;
  Writer writer = { 0 };
  Header h = { 0 };
  guint8 header[HEADER_SIZE];
  guint64 total, left, plain_total;

  plain_total = strlen (json) + job->manifest->database_size;
  total = HEADER_SIZE + (job->keys ? encrypted_length (plain_total) : plain_total);
  if (!check_destination (job->folder, total, error))
    return NULL;

  remove_stale (job->folder, ".thidua-antt-", PARTIAL_SUFFIX);
  name = free_name (job->folder, job->name);
  if (name == NULL)
    {
      set_error (error, ANTT_BACKUP_ERROR_FAILED,
                 _("Too many backups with the same name in “%s”."), job->folder);
      return NULL;
    }
  {
    g_autofree char *partial_name = g_strconcat (".", name, PARTIAL_SUFFIX, NULL);
    partial = g_build_filename (job->folder, partial_name, NULL);
  }
  final = g_build_filename (job->folder, name, NULL);
  partial_file = g_file_new_for_path (partial);

  h.version = FORMAT_VERSION;
  h.flags = job->keys ? FLAG_ENCRYPTED : 0;
  h.manifest_length = strlen (json);
  h.database_length = job->manifest->database_size;
  sha256_digest (h.manifest_sha, (const guint8 *) json, h.manifest_length);
  if (job->keys != NULL)
    {
      h.chunk_size = CHUNK_SIZE;
      h.kdf = KDF_ARGON2ID13;
      h.opslimit = job->opslimit;
      h.memlimit = job->memlimit;
      memcpy (h.salt, job->salt, SALT_SIZE);
      crypto_secretstream_xchacha20poly1305_init_push (&writer.state, h.stream_header,
                                                       job->keys->key);
      memcpy (h.key_check, job->keys->check, 32);
    }
  header_pack (&h, header);

  out = g_file_create (partial_file, G_FILE_CREATE_PRIVATE, job->cancellable, &local_error);
  if (out == NULL)
    {
      propagate_write_error (error, g_steal_pointer (&local_error), job->folder);
      return NULL;
    }

  writer.out = G_OUTPUT_STREAM (out);
  writer.encrypted = job->keys != NULL;
  writer.left = plain_total;
  writer.ad = header;
  if (writer.encrypted)
    {
      writer.plain = g_malloc (CHUNK_SIZE);
      writer.cipher = g_malloc (CHUNK_SIZE + ABYTES);
    }

  {
    g_autoptr(GFile) local = g_file_new_for_path (job->db_path);

    in = g_file_read (local, job->cancellable, &local_error);
    if (in == NULL)
      goto failed;
  }

  if (!g_output_stream_write_all (writer.out, header, HEADER_SIZE, NULL, job->cancellable,
                                  &local_error) ||
      !writer_write (&writer, (const guint8 *) json, strlen (json), job->cancellable,
                     &local_error))
    goto failed;

  buffer = g_malloc (COPY_BLOCK);
  left = job->manifest->database_size;
  while (left > 0)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, (gsize) MIN (left, COPY_BLOCK),
                                    &n, job->cancellable, &local_error))
        goto failed;
      if (n == 0)
        {
          g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "the copy of the database changed size");
          goto failed;
        }
      if (!writer_write (&writer, buffer, n, job->cancellable, &local_error))
        goto failed;
      left -= n;
      progress_part (job->progress, ANTT_BACKUP_STAGE_WRITE, job->write_from, job->verify_from,
                     job->manifest->database_size - left, job->manifest->database_size);
    }

  if (!g_output_stream_close (writer.out, job->cancellable, &local_error) ||
      !flush_to_device (partial, FALSE, &local_error))
    goto failed;
  g_clear_object (&out);
  g_clear_object (&in);

  if (!read_back (job, partial, header, json, &local_error))
    goto failed;

  /* Another backup may have taken the name meanwhile (same minute). */
  if (g_file_test (final, G_FILE_TEST_EXISTS))
    {
      g_free (name);
      g_free (final);
      name = free_name (job->folder, job->name);
      final = name ? g_build_filename (job->folder, name, NULL) : NULL;
      if (final == NULL)
        {
          g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_EXISTS, "name taken");
          goto failed;
        }
    }
  if (!rename_file (partial, final, &local_error) ||
      !flush_to_device (job->folder, TRUE, &local_error))
    goto failed;

  g_free (writer.plain);
  g_free (writer.cipher);
  sodium_memzero (&writer.state, sizeof writer.state);

  info = info_new (final);
  info->encrypted = job->keys != NULL;
  info->manifest = antt_backup_manifest_ref (job->manifest);
  progress_report (job->progress, ANTT_BACKUP_STAGE_VERIFY, job->to);
  return info;

failed:
  if (out != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  g_remove (partial);
  g_free (writer.plain);
  g_free (writer.cipher);
  sodium_memzero (&writer.state, sizeof writer.state);
  propagate_write_error (error, g_steal_pointer (&local_error), job->folder);
  return NULL;
}

/* Creating ---------------------------------------------------------------------- */

typedef struct
{
  const char    *passphrase;
  guint8         salt[SALT_SIZE];
  guint64        opslimit;
  guint64        memlimit;
  Keys           keys;
  GError        *error;
} Kdf;

static gpointer
kdf_thread (gpointer data)
{
  Kdf *kdf = data;

  derive_keys (kdf->passphrase, kdf->salt, kdf->opslimit, kdf->memlimit, &kdf->keys,
               &kdf->error);
  return NULL;
}

static gboolean
check_passphrase (const char  *passphrase,
                  GError     **error)
{
  if (passphrase == NULL)
    return TRUE;
  if (!g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < ANTT_BACKUP_MIN_PASSPHRASE)
    return set_error (error, ANTT_BACKUP_ERROR_BAD_PASSPHRASE,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The passphrase is too short: use at least %d character, "
                                   "better a few words. Write it down somewhere safe: a "
                                   "forgotten passphrase cannot be recovered.",
                                   "The passphrase is too short: use at least %d characters, "
                                   "better a few words. Write it down somewhere safe: a "
                                   "forgotten passphrase cannot be recovered.",
                                   ANTT_BACKUP_MIN_PASSPHRASE),
                      ANTT_BACKUP_MIN_PASSPHRASE);
  return TRUE;
}

static gboolean
check_source (const char  *database_path,
              GError     **error)
{
  guint8 header[100];

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    return set_error (error, ANTT_BACKUP_ERROR_NOT_FOUND,
                      _("The data file “%s” does not exist."), database_path);
  if (!read_sqlite_header (database_path, header))
    return set_error (error, ANTT_BACKUP_ERROR_SOURCE_DAMAGED,
                      _("“%s” is not a Thi đua ANTT data file, or it is damaged. Restore it "
                        "from a backup."), database_path);
  if (be32 (header + 68) != ANTT_APPLICATION_ID)
    return set_error (error, ANTT_BACKUP_ERROR_FOREIGN,
                      _("“%s” is a database of another program, not a Thi đua ANTT data "
                        "file. Choose the right file."), database_path);
  return TRUE;
}

/* kind: what the manifest says; extra: added to the file name. */
static AnttBackupInfo *
create_backup (const char     *database_path,
               const char     *folder,
               const char     *passphrase,
               AnttBackupFlags flags,
               const char     *kind,
               const char     *extra,
               Progress       *progress,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autoptr(AnttBackupManifest) manifest = NULL;
  AnttBackupInfo *info = NULL;
  GThread *kdf_worker = NULL;
  GThread *checker = NULL;
  Kdf kdf = { 0 };
  Check check = { 0 };
  char hex[65];
  guint64 estimate;
  WriteJob job;

  if (!check_passphrase (passphrase, error) ||
      !crypto_ready (error) ||
      !check_source (database_path, error))
    return NULL;

  /* Said before anything is written: the copy will be about this large. */
  {
    g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);

    estimate = file_size (database_path) + file_size (wal) / 2;
  }
  if (!check_destination (folder, estimate, error))
    return NULL;

  copy = make_work_file (NULL, error);
  if (copy == NULL || !check_work_space (copy, estimate, error))
    goto out;

  /* Argon2id takes about a second: it runs beside the copy. */
  if (passphrase != NULL)
    {
      gboolean fast = (flags & ANTT_BACKUP_FLAGS_FAST_KDF) != 0;

      kdf.passphrase = passphrase;
      randombytes_buf (kdf.salt, sizeof kdf.salt);
      kdf.opslimit = fast ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MODERATE;
      kdf.memlimit = fast ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MODERATE;
      kdf_worker = g_thread_new ("antt-backup-kdf", kdf_thread, &kdf);
    }

  if (!snapshot_database (database_path, copy, progress, 0.0, 0.30, cancellable, error))
    goto out;

  /* The integrity check and the checksum read the same bytes: one thread
   * each, each on its own connection or stream. */
  check.path = g_strdup (copy);
  check.cancellable = cancellable;
  check.code = ANTT_BACKUP_ERROR_SOURCE_DAMAGED;
  check.full = TRUE;
  checker = g_thread_new ("antt-backup-check", check_thread, &check);

  if (!hash_file (copy, hex, progress, ANTT_BACKUP_STAGE_CHECKSUM, 0.30, 0.50, cancellable,
                  error))
    goto out;
  progress_report (progress, ANTT_BACKUP_STAGE_CHECK, 0.50);
  g_thread_join (g_steal_pointer (&checker));
  if (check.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&check.error));
      goto out;
    }
  if (check.application_id != ANTT_APPLICATION_ID)
    {
      set_error (error, ANTT_BACKUP_ERROR_FOREIGN,
                 _("“%s” is a database of another program, not a Thi đua ANTT data file. "
                   "Choose the right file."), database_path);
      goto out;
    }

  manifest = g_steal_pointer (&check.counts);
  manifest->kind = g_strdup (kind);
  manifest->app_version = g_strdup (PACKAGE_VERSION);
  manifest->schema_version = check.schema_version;
  manifest->commune = g_strdup (check.commune ? check.commune : "");
  manifest->created = g_date_time_ref (now);
  manifest->database_size = file_size (copy);
  manifest->database_sha256 = g_strdup (hex);

  if (kdf_worker != NULL)
    {
      g_thread_join (g_steal_pointer (&kdf_worker));
      if (kdf.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&kdf.error));
          goto out;
        }
    }

  name = file_name_with (manifest->commune, now, extra);
  job = (WriteJob) {
    .folder = folder,
    .name = name,
    .db_path = copy,
    .manifest = manifest,
    .keys = passphrase ? &kdf.keys : NULL,
    .opslimit = kdf.opslimit,
    .memlimit = kdf.memlimit,
    .salt = kdf.salt,
    .progress = progress,
    .write_from = 0.50,
    .verify_from = 0.75,
    .to = 1.0,
    .cancellable = cancellable,
  };
  info = write_backup (&job, error);

out:
  if (checker != NULL)
    g_thread_join (checker);
  if (kdf_worker != NULL)
    g_thread_join (kdf_worker);
  g_clear_error (&kdf.error);
  sodium_memzero (&kdf.keys, sizeof kdf.keys);
  check_clear (&check);
  if (copy != NULL)
    remove_sqlite_files (copy);
  return info;
}

AnttBackupInfo *
antt_backup_create (const char          *database_path,
                    const char          *folder,
                    const char          *passphrase,
                    AnttBackupFlags      flags,
                    AnttBackupProgress   progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  Progress p;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  progress_init (&p, progress, progress_data, NULL);
  return create_backup (database_path, folder, passphrase, flags, KIND_BACKUP, NULL, &p,
                        cancellable, error);
}

/* Snapshots ----------------------------------------------------------------------- */

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  AnttBackupInfo *x = *(AnttBackupInfo **) a;
  AnttBackupInfo *y = *(AnttBackupInfo **) b;
  gint64 tx, ty;

  /* Microseconds: snapshots made in the same minute keep their order. */
  if (x->manifest != NULL && y->manifest != NULL &&
      g_date_time_compare (x->manifest->created, y->manifest->created) != 0)
    return g_date_time_compare (y->manifest->created, x->manifest->created);
  tx = x->manifest ? g_date_time_to_unix (x->manifest->created) : x->modified;
  ty = y->manifest ? g_date_time_to_unix (y->manifest->created) : y->modified;
  if (tx != ty)
    return tx < ty ? 1 : -1;
  return g_strcmp0 (y->path, x->path);
}

static void
rotate_snapshots (const char *folder,
                  guint       keep_n)
{
  g_autoptr(GPtrArray) all = antt_backup_list (folder, NULL, NULL);
  guint kept = 0;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      AnttBackupInfo *info = g_ptr_array_index (all, i);

      /* Only our automatic snapshots: never the copies kept before a
       * restore, nor anything the user put here. */
      if (info->manifest == NULL || !g_str_equal (info->manifest->kind, KIND_SNAPSHOT))
        continue;
      if (++kept > keep_n)
        g_remove (info->path);
    }
}

static AnttBackupInfo *
snapshot_internal (const char    *database_path,
                   const char    *folder,
                   guint          keep_n,
                   Progress      *progress,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *default_folder = NULL;
  AnttBackupInfo *info;

  if (folder == NULL)
    folder = default_folder = antt_backup_default_snapshot_folder ();
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      set_error (error, saved_errno == ENOSPC ? ANTT_BACKUP_ERROR_NO_SPACE
                                              : ANTT_BACKUP_ERROR_READ_ONLY,
                 _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  info = create_backup (database_path, folder, NULL, ANTT_BACKUP_FLAGS_NONE, KIND_SNAPSHOT,
                        NULL, progress, cancellable, error);
  if (info != NULL)
    rotate_snapshots (folder, keep_n);
  return info;
}

AnttBackupInfo *
antt_backup_snapshot (const char          *database_path,
                      const char          *folder,
                      guint                keep_n,
                      AnttBackupProgress   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  Progress p;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (keep_n >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  progress_init (&p, progress, progress_data, NULL);
  return snapshot_internal (database_path, folder, keep_n, &p, cancellable, error);
}

/* Reading and verifying ------------------------------------------------------------ */

AnttBackupInfo *
antt_backup_read (const char    *path,
                  const char    *passphrase,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(Reader) reader = NULL;
  AnttBackupInfo *info;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!crypto_ready (error))
    return NULL;
  reader = reader_open (path, FALSE, cancellable, error);
  if (reader == NULL)
    return NULL;

  info = info_new (path);
  info->encrypted = reader->encrypted;
  if (reader->encrypted && passphrase == NULL)
    return info;

  if ((reader->encrypted && !reader_unlock_with_passphrase (reader, passphrase, error)) ||
      (info->manifest = reader_read_manifest (reader, NULL, cancellable, error)) == NULL)
    {
      antt_backup_info_unref (info);
      return NULL;
    }
  return info;
}

/* The quick checks: header, passphrase, manifest. */
static Reader *
open_backup (const char           *path,
             const char           *passphrase,
             AnttBackupManifest  **manifest,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autoptr(Reader) reader = NULL;

  if (!crypto_ready (error))
    return NULL;
  reader = reader_open (path, FALSE, cancellable, error);
  if (reader == NULL)
    return NULL;
  if (reader->encrypted && !reader_unlock_with_passphrase (reader, passphrase, error))
    return NULL;
  *manifest = reader_read_manifest (reader, NULL, cancellable, error);
  if (*manifest == NULL)
    return NULL;
  if (!check_not_newer (*manifest, path, error))
    {
      g_clear_pointer (manifest, antt_backup_manifest_unref);
      return NULL;
    }
  return g_steal_pointer (&reader);
}

/* Everything but the swap, on a backup opened by open_backup(); the checked
 * copy stays in out_copy when asked. Takes the reader and the manifest. */
static AnttBackupInfo *
verify_opened (Reader             *reader_in,
               AnttBackupManifest *manifest_in,
               const char         *copy_folder,   /* NULL: the work folder */
               char              **out_copy,
               Progress           *progress,
               double              to,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(Reader) reader = reader_in;
  g_autoptr(AnttBackupManifest) manifest = manifest_in;
  g_autofree char *copy = NULL;
  const char *path = reader->path;
  AnttBackupInfo *info;
  double middle = to * 0.45;

  copy = make_work_file (copy_folder, error);
  if (copy == NULL)
    return NULL;
  if (!check_work_space (copy, manifest->database_size, error) ||
      !extract_database (reader, manifest, copy, progress, 0.0, middle, cancellable, error) ||
      !check_extracted (path, copy, manifest, progress, middle, to, cancellable, error))
    {
      remove_sqlite_files (copy);
      return NULL;
    }

  info = info_new (path);
  info->encrypted = reader->encrypted;
  info->manifest = g_steal_pointer (&manifest);
  if (out_copy != NULL)
    *out_copy = g_steal_pointer (&copy);
  else
    remove_sqlite_files (copy);
  return info;
}

static AnttBackupInfo *
verify_internal (const char    *path,
                 const char    *passphrase,
                 Progress      *progress,
                 GCancellable  *cancellable,
                 GError       **error)
{
  AnttBackupManifest *manifest = NULL;
  Reader *reader = open_backup (path, passphrase, &manifest, cancellable, error);

  if (reader == NULL)
    return NULL;
  return verify_opened (reader, manifest, NULL, NULL, progress, 1.0, cancellable, error);
}

AnttBackupInfo *
antt_backup_verify (const char          *path,
                    const char          *passphrase,
                    AnttBackupProgress   progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  Progress p;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  progress_init (&p, progress, progress_data, NULL);
  return verify_internal (path, passphrase, &p, cancellable, error);
}

/* Restoring ------------------------------------------------------------------------ */

/* Whether anything has the data file open: with the exclusive locking mode
 * even an idle connection in WAL mode stands in the way. When nothing does,
 * the WAL is checkpointed into the file and removed, so that the file alone
 * holds all the data. */
static gboolean
take_over_target (const char     *database_path,
                  gboolean       *damaged,
                  GError        **error)
{
  sqlite3 *db = NULL;
  int rc;

  *damaged = FALSE;
  rc = sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;",
                         NULL, NULL, NULL);
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      sqlite3_close (db);
      return set_error (error, ANTT_BACKUP_ERROR_LOCKED,
                        _("The data file “%s” is open in Thi đua ANTT or another program. "
                          "Close it, then restore; nothing was changed."), database_path);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
  if (rc != SQLITE_OK)
    *damaged = TRUE;
  return TRUE;
}

/* The current data, kept before it is replaced: a verified snapshot of
 * kind "safety" when the file is sound, else the file as it is. */
typedef struct
{
  const char     *database_path;
  const char     *folder;
  gboolean        damaged;
  Check           check;
  GCancellable   *cancellable;
  AnttBackupInfo *info;
  GError         *error;
} SafetyJob;

static gboolean
copy_as_is (const char    *from,
            const char    *to,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local_error) ||
      !flush_to_device (to, FALSE, &local_error))
    {
      g_remove (to);
      return propagate_write_error (error, g_steal_pointer (&local_error), to);
    }
  return TRUE;
}

static gpointer
safety_thread (gpointer data)
{
  SafetyJob *job = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* What the safety copy's manifest says it holds; a file SQLite cannot
   * read is kept as it is. */
  if (!job->damaged)
    {
      job->check.path = g_strdup (job->database_path);
      job->check.cancellable = job->cancellable;
      job->check.code = ANTT_BACKUP_ERROR_CORRUPTED;
      job->check.full = FALSE;
      if (!check_database (&job->check))
        {
          if (is_cancelled_error (job->check.error))
            {
              job->error = g_steal_pointer (&job->check.error);
              return NULL;
            }
          g_clear_error (&job->check.error);
          job->damaged = TRUE;
        }
    }

  if (job->damaged)
    {
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("thidua-antt-before-restore-%s.db", stamp);
      g_autofree char *path = g_build_filename (job->folder, name, NULL);
      g_autofree char *wal = g_strconcat (job->database_path, "-wal", NULL);
      g_autofree char *wal_copy = g_strconcat (path, "-wal", NULL);

      if (copy_as_is (job->database_path, path, job->cancellable, &job->error) &&
          (!g_file_test (wal, G_FILE_TEST_EXISTS) ||
           copy_as_is (wal, wal_copy, job->cancellable, &job->error)) &&
          flush_to_device (job->folder, TRUE, &job->error))
        job->info = info_new (path);
      else
        g_remove (path);
    }
  else
    {
      g_autoptr(AnttBackupManifest) manifest = g_steal_pointer (&job->check.counts);
      g_autofree char *name = NULL;
      char hex[65];
      WriteJob write;

      if (!hash_file (job->database_path, hex, NULL, ANTT_BACKUP_STAGE_SAFETY_COPY, 0, 0,
                      job->cancellable, &job->error))
        return NULL;
      manifest->kind = g_strdup (KIND_SAFETY);
      manifest->app_version = g_strdup (PACKAGE_VERSION);
      manifest->schema_version = job->check.schema_version;
      manifest->commune = g_strdup (job->check.commune ? job->check.commune : "");
      manifest->created = g_date_time_ref (now);
      manifest->database_size = file_size (job->database_path);
      manifest->database_sha256 = g_strdup (hex);
      name = file_name_with (manifest->commune, now, "-before-restore");
      write = (WriteJob) {
        .folder = job->folder,
        .name = name,
        .db_path = job->database_path,
        .manifest = manifest,
        .cancellable = job->cancellable,
      };
      job->info = write_backup (&write, &job->error);
    }
  return NULL;
}

static gboolean
restore_internal (const char       *path,
                  const char       *passphrase,
                  const char       *database_path,
                  const char       *snapshot_folder,
                  AnttBackupInfo  **safety_copy,
                  Progress         *progress,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *target_folder = g_path_get_dirname (database_path);
  g_autofree char *copy = NULL;
  g_autoptr(AnttBackupInfo) verified = NULL;
  g_autoptr(GError) local_error = NULL;
  AnttBackupManifest *manifest = NULL;
  Reader *reader = NULL;
  gboolean exists = g_file_test (database_path, G_FILE_TEST_EXISTS);
  gboolean damaged = FALSE;
  GThread *safety_worker = NULL;
  SafetyJob safety = { 0 };
  gboolean ok = FALSE;

  if (snapshot_folder == NULL)
    snapshot_folder = default_folder = antt_backup_default_snapshot_folder ();

  if (exists && g_file_test (database_path, G_FILE_TEST_IS_DIR))
    return set_error (error, ANTT_BACKUP_ERROR_FAILED,
                      _("“%s” is a folder, not a data file."), database_path);
  if (g_mkdir_with_parents (target_folder, 0700) != 0 ||
      (exists && g_mkdir_with_parents (snapshot_folder, 0700) != 0))
    {
      int saved_errno = errno;

      return set_error (error, saved_errno == ENOSPC ? ANTT_BACKUP_ERROR_NO_SPACE
                                                     : ANTT_BACKUP_ERROR_READ_ONLY,
                        _("Cannot create the folder for “%s”: %s"), database_path,
                        g_strerror (saved_errno));
    }

  /* A file that is not a backup, or a wrong passphrase, is said at once. */
  reader = open_backup (path, passphrase, &manifest, cancellable, error);
  if (reader == NULL)
    return FALSE;

  /* Then whether the current data may be replaced at all, and its copy
   * started: it runs beside the check of the backup. */
  if (exists)
    {
      if (!take_over_target (database_path, &damaged, error))
        {
          reader_free (reader);
          antt_backup_manifest_unref (manifest);
          goto out;
        }
      safety.database_path = database_path;
      safety.folder = snapshot_folder;
      safety.damaged = damaged;
      safety.cancellable = cancellable;
      safety_worker = g_thread_new ("antt-backup-safety", safety_thread, &safety);
    }

  /* The copy is written next to the data file: renaming it over the data
   * file is atomic only on the same file system. */
  verified = verify_opened (reader, manifest, target_folder, &copy, progress, 0.80,
                            cancellable, error);

  if (safety_worker != NULL)
    {
      progress_report (progress, ANTT_BACKUP_STAGE_SAFETY_COPY, 0.85);
      g_thread_join (g_steal_pointer (&safety_worker));
    }
  if (verified == NULL)
    goto out;
  if (safety.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&safety.error));
      goto out;
    }

  progress_report (progress, ANTT_BACKUP_STAGE_REPLACE, 0.90);
  if (exists)
    {
      g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);
      gboolean ignored;

      /* Once more, just before the swap: nothing opened it meanwhile. */
      if (!take_over_target (database_path, &ignored, error))
        goto out;
      /* A WAL left beside the new file would be played into it. It holds
       * nothing now (checkpointed, or copied with a damaged file). */
      if (g_file_test (wal, G_FILE_TEST_EXISTS) && file_size (wal) > 0 && !safety.damaged)
        {
          set_error (error, ANTT_BACKUP_ERROR_LOCKED,
                     _("The data file “%s” is open in Thi đua ANTT or another program. "
                       "Close it, then restore; nothing was changed."), database_path);
          goto out;
        }
      g_remove (wal);
      g_remove (shm);
    }

  if (!flush_to_device (copy, FALSE, &local_error) ||
      !rename_file (copy, database_path, &local_error) ||
      !flush_to_device (target_folder, TRUE, &local_error))
    {
      propagate_write_error (error, g_steal_pointer (&local_error), target_folder);
      goto out;
    }
  g_clear_pointer (&copy, g_free);
  progress_report (progress, ANTT_BACKUP_STAGE_REPLACE, 1.0);
  ok = TRUE;

out:
  if (safety_worker != NULL)
    g_thread_join (safety_worker);
  if (copy != NULL)
    remove_sqlite_files (copy);
  if (!ok && safety.info != NULL)
    {
      /* Nothing changed: the copy of unchanged data is not needed. */
      g_autofree char *wal = g_strconcat (safety.info->path, "-wal", NULL);

      g_remove (safety.info->path);
      g_remove (wal);
    }
  if (ok && safety_copy != NULL)
    *safety_copy = g_steal_pointer (&safety.info);
  g_clear_pointer (&safety.info, antt_backup_info_unref);
  g_clear_error (&safety.error);
  check_clear (&safety.check);
  return ok;
}

gboolean
antt_backup_restore (const char          *path,
                     const char          *passphrase,
                     const char          *database_path,
                     const char          *snapshot_folder,
                     AnttBackupInfo     **safety_copy,
                     AnttBackupProgress   progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  Progress p;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (safety_copy == NULL || *safety_copy == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  progress_init (&p, progress, progress_data, NULL);
  return restore_internal (path, passphrase, database_path, snapshot_folder, safety_copy, &p,
                           cancellable, error);
}

/* Listing --------------------------------------------------------------------------- */

GPtrArray *
antt_backup_list (const char    *folder,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_backup_info_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&list);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      propagate_read_error (error, g_steal_pointer (&local_error), folder);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      AnttBackupInfo *info;
      GError *problem = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!g_str_has_suffix (name, ANTT_BACKUP_SUFFIX) &&
          !(is_partial_name (name) && g_str_has_suffix (name, ANTT_BACKUP_SUFFIX PARTIAL_SUFFIX)))
        continue;

      info = antt_backup_read (path, NULL, cancellable, &problem);
      if (info == NULL)
        {
          if (is_cancelled_error (problem))
            {
              g_propagate_error (error, problem);
              return NULL;
            }
          info = info_new (path);
          info->problem = problem;
        }
      g_ptr_array_add (list, info);
    }

  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

/* Removable drives -------------------------------------------------------------------- */

static void
add_location (GPtrArray  *list,
              const char *path,
              const char *name)
{
  AnttBackupLocation *location;
  Space space;

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((AnttBackupLocation *) g_ptr_array_index (list, i))->path, path))
      return;

  query_space (path, &space);
  location = g_new0 (AnttBackupLocation, 1);
  g_atomic_ref_count_init (&location->ref_count);
  location->path = g_strdup (path);
  location->name = name ? g_strdup (name) : g_path_get_basename (path);
  location->free = space.free;
  location->size = space.size;
  location->read_only = space.read_only;
  g_ptr_array_add (list, location);
}

static guint64
device_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_DEVICE,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_DEVICE))
    return 0;
  return g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
}

/* Unix: the folders where drives get mounted. A folder is a mount point
 * when it lies on another device than its parent. */
static void
scan_mount_folder (GPtrArray  *list,
                   const char *parent,
                   int         depth)
{
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  guint64 parent_device = device_of (parent);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (parent, name, NULL);
      guint64 device;

      if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      device = device_of (path);
      if (device != 0 && device != parent_device)
        add_location (list, path, NULL);
      else if (depth > 0)
        scan_mount_folder (list, path, depth - 1);   /* /media/USER/STICK */
    }
}

/* What GVolumeMonitor offers as drives, as (path, name) pairs: read on
 * the thread that owns the monitor (the main one), with no file I/O. */
static GPtrArray *
mount_candidates (void)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GVolumeMonitor) monitor = g_volume_monitor_get ();
  GList *mounts = g_volume_monitor_get_mounts (monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      GMount *mount = l->data;
      g_autoptr(GFile) root = g_mount_get_root (mount);
      g_autofree char *path = g_file_get_path (root);

      if (path != NULL && (g_mount_can_eject (mount) || g_mount_can_unmount (mount)) &&
          !g_str_equal (path, "/"))
        {
          g_ptr_array_add (pairs, g_steal_pointer (&path));
          g_ptr_array_add (pairs, g_mount_get_name (mount));
        }
    }
  g_list_free_full (mounts, g_object_unref);
  return pairs;
}

/* The free space of each, and the Unix mount folders: file I/O, which a
 * hung network share can block for long. */
static GPtrArray *
locations_from_candidates (GPtrArray *pairs)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_backup_location_unref);

  /* What the file chooser shows as drives (on Windows too)… */
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    add_location (list, g_ptr_array_index (pairs, i), g_ptr_array_index (pairs, i + 1));

  /* …and, on Unix, drives mounted where desktops mount them. */
  scan_mount_folder (list, "/media", 1);
  {
    g_autofree char *run_media = g_build_filename ("/run/media", g_get_user_name (), NULL);
    scan_mount_folder (list, run_media, 0);
  }
  scan_mount_folder (list, "/mnt", 0);

  return list;
}

GPtrArray *
antt_backup_removable_locations (void)
{
  g_autoptr(GPtrArray) pairs = mount_candidates ();

  return locations_from_candidates (pairs);
}

static void
locations_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_task_return_pointer (task, locations_from_candidates (task_data),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * antt_backup_removable_locations_async:
 *
 * As antt_backup_removable_locations(), with the file work (free space,
 * mount folders) in a worker thread. Call from the main thread.
 */
void
antt_backup_removable_locations_async (GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, antt_backup_removable_locations_async);
  g_task_set_name (task, "[antt] removable locations");
  g_task_set_task_data (task, mount_candidates (), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, locations_thread);
}

/**
 * antt_backup_removable_locations_finish:
 *
 * Returns: (transfer container) (element-type AnttBackupLocation): the
 *   drives, or %NULL with G_IO_ERROR_CANCELLED
 */
GPtrArray *
antt_backup_removable_locations_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        antt_backup_removable_locations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Async ------------------------------------------------------------------------------ */

typedef enum { JOB_CREATE, JOB_SNAPSHOT, JOB_VERIFY, JOB_RESTORE, JOB_LIST } JobKind;

typedef struct
{
  JobKind          kind;
  char            *database_path;
  char            *folder;
  char            *path;
  char            *passphrase;
  AnttBackupFlags  flags;
  guint            keep_n;
  Relay           *relay;
  AnttBackupInfo  *safety_copy;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database_path);
  g_free (job->folder);
  g_free (job->path);
  if (job->passphrase != NULL)
    {
      sodium_memzero (job->passphrase, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  relay_unref (job->relay);
  g_clear_pointer (&job->safety_copy, antt_backup_info_unref);
  g_free (job);
}

/* Marks the relay finished before the caller's callback runs, so that no
 * progress arrives after it. */
typedef struct
{
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  Relay               *relay;
} Completion;

static void
completion_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Completion *completion = data;

  if (completion->relay != NULL)
    g_atomic_int_set (&completion->relay->finished, 1);
  if (completion->callback != NULL)
    completion->callback (source, result, completion->user_data);
  relay_unref (completion->relay);
  g_free (completion);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  Progress progress;
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify result_free = (GDestroyNotify) antt_backup_info_unref;

  progress_init (&progress, NULL, NULL, job->relay);

  switch (job->kind)
    {
    case JOB_CREATE:
      result = create_backup (job->database_path, job->folder, job->passphrase, job->flags,
                              KIND_BACKUP, NULL, &progress, cancellable, &error);
      break;
    case JOB_SNAPSHOT:
      result = snapshot_internal (job->database_path, job->folder, job->keep_n, &progress,
                                  cancellable, &error);
      break;
    case JOB_VERIFY:
      result = verify_internal (job->path, job->passphrase, &progress, cancellable, &error);
      break;
    case JOB_RESTORE:
      /* Any non-NULL pointer: the safety copy, if any, stays in the job. */
      if (restore_internal (job->path, job->passphrase, job->database_path, job->folder,
                            &job->safety_copy, &progress, cancellable, &error))
        result = job;
      result_free = NULL;
      break;
    case JOB_LIST:
      result = antt_backup_list (job->folder, cancellable, &error);
      result_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    default:
      g_assert_not_reached ();
    }

  /* No more progress: the caller's data may go as soon as the callback has
   * run, rather than with the last reference to the task. */
  g_clear_pointer (&job->relay, relay_unref);

  if (result == NULL)
    g_task_return_error (task, error);
  else if (job->kind == JOB_RESTORE)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, result, result_free);
}

static void
run_job (Job                 *job,
         gpointer             source_tag,
         AnttBackupProgress   progress,
         gpointer             progress_data,
         GDestroyNotify       progress_data_destroy,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Completion *completion = g_new0 (Completion, 1);

  if (progress != NULL || progress_data_destroy != NULL)
    job->relay = relay_new (progress, progress_data, progress_data_destroy);
  completion->callback = callback;
  completion->user_data = user_data;
  completion->relay = job->relay ? relay_ref (job->relay) : NULL;

  task = g_task_new (NULL, cancellable, completion_cb, completion);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "antt-backup");
  g_task_set_task_data (task, job, job_free);
  /* The result says what happened: a backup that was finished when the
   * cancel came is reported as made, since it is there. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

static Job *
job_new (JobKind     kind,
         const char *passphrase)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->passphrase = g_strdup (passphrase);
  return job;
}

void
antt_backup_create_async (const char          *database_path,
                          const char          *folder,
                          const char          *passphrase,
                          AnttBackupFlags      flags,
                          AnttBackupProgress   progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_data_destroy,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (folder != NULL);

  job = job_new (JOB_CREATE, passphrase);
  job->database_path = g_strdup (database_path);
  job->folder = g_strdup (folder);
  job->flags = flags;
  run_job (job, antt_backup_create_async, progress, progress_data, progress_data_destroy,
           cancellable, callback, user_data);
}

static gpointer
finish_pointer (GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

AnttBackupInfo *
antt_backup_create_finish (GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (result, antt_backup_create_async, error);
}

void
antt_backup_snapshot_async (const char          *database_path,
                            const char          *folder,
                            guint                keep_n,
                            AnttBackupProgress   progress,
                            gpointer             progress_data,
                            GDestroyNotify       progress_data_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (keep_n >= 1);

  job = job_new (JOB_SNAPSHOT, NULL);
  job->database_path = g_strdup (database_path);
  job->folder = g_strdup (folder);
  job->keep_n = keep_n;
  run_job (job, antt_backup_snapshot_async, progress, progress_data, progress_data_destroy,
           cancellable, callback, user_data);
}

AnttBackupInfo *
antt_backup_snapshot_finish (GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (result, antt_backup_snapshot_async, error);
}

void
antt_backup_verify_async (const char          *path,
                          const char          *passphrase,
                          AnttBackupProgress   progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_data_destroy,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);

  job = job_new (JOB_VERIFY, passphrase);
  job->path = g_strdup (path);
  run_job (job, antt_backup_verify_async, progress, progress_data, progress_data_destroy,
           cancellable, callback, user_data);
}

AnttBackupInfo *
antt_backup_verify_finish (GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (result, antt_backup_verify_async, error);
}

void
antt_backup_restore_async (const char          *path,
                           const char          *passphrase,
                           const char          *database_path,
                           const char          *snapshot_folder,
                           AnttBackupProgress   progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_data_destroy,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (database_path != NULL);

  job = job_new (JOB_RESTORE, passphrase);
  job->path = g_strdup (path);
  job->database_path = g_strdup (database_path);
  job->folder = g_strdup (snapshot_folder);
  run_job (job, antt_backup_restore_async, progress, progress_data, progress_data_destroy,
           cancellable, callback, user_data);
}

gboolean
antt_backup_restore_finish (GAsyncResult    *result,
                            AnttBackupInfo **safety_copy,
                            GError         **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == antt_backup_restore_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&job->safety_copy);
  return TRUE;
}

void
antt_backup_list_async (const char          *folder,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (folder != NULL);

  job = job_new (JOB_LIST, NULL);
  job->folder = g_strdup (folder);
  run_job (job, antt_backup_list_async, NULL, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
antt_backup_list_finish (GAsyncResult  *result,
                         GError       **error)
{
  return finish_pointer (result, antt_backup_list_async, error);
}
