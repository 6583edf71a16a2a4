/* fuzz-open.c: antt_database_open on arbitrary files.
 *
 * Whatever the bytes, opening must refuse cleanly or open: no crash, no
 * sanitizer report, and a refused file stays byte for byte as it was.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "antt-database.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("antt-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);

  path = g_build_filename (dir, "input.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                           &error);
  if (db == NULL)
    {
      g_autofree char *after = NULL;
      gsize after_len = 0;

      g_assert (error != NULL);
      g_assert (error->message != NULL && *error->message != '\0');
      g_assert (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert (after_len == size && memcmp (after, data, size) == 0);
    }
  else
    {
      /* A file we opened must hold together. */
      (void) antt_database_check_integrity (db, NULL);
    }

  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return 0;
}
