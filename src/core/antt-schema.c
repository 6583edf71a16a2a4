/* antt-schema.c: the schema and its migrations, keyed on user_version.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "antt-database-private.h"
#include "antt-schema-sql.h"

typedef struct
{
  int         version;   /* the version this step leads to */
  const char *sql;
} Migration;

/* Each step runs in the same transaction as the others: a migration either
 * completes or leaves the file as it was. Append steps; never edit one that
 * has shipped. */
static const Migration migrations[] = {
  { 1, ANTT_SCHEMA_V1_SQL },
  { 2, ANTT_SCHEMA_V2_SQL },
  { 3, ANTT_SCHEMA_V3_SQL },  /* committee meetings and votes; caps as triggers */
  { 4, ANTT_SCHEMA_V4_SQL },  /* covering indexes for the targets */
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ANTT_SCHEMA_VERSION);

gboolean
antt_schema_migrate (AnttDatabase  *self,
                     int            from_version,
                     GError       **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_app_id = NULL;

  g_assert (from_version >= 0 && from_version < ANTT_SCHEMA_VERSION);

  if (!antt_database_begin_immediate (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= from_version)
        continue;

      if (!antt_database_exec (self, migrations[i].sql, error))
        {
          g_prefix_error (error, _("Cannot upgrade the data file to version %d: "),
                          migrations[i].version);
          antt_database_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", ANTT_SCHEMA_VERSION);
  set_app_id = g_strdup_printf ("PRAGMA application_id = %d", ANTT_APPLICATION_ID);
  if (!antt_database_exec (self, set_version, error) ||
      !antt_database_exec (self, set_app_id, error))
    {
      antt_database_rollback (self);
      return FALSE;
    }

  return antt_database_commit (self, error);
}
