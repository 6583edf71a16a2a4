/* antt-database-private.h: what the rest of the core needs of the database. */
#pragma once

#include <sqlite3.h>

#include "antt-database.h"

G_BEGIN_DECLS

sqlite3      *antt_database_get_handle      (AnttDatabase  *self);
sqlite3_stmt *antt_database_prepare         (AnttDatabase  *self,
                                             const char    *sql,
                                             GError       **error);
sqlite3_stmt *antt_database_prepare_bind     (AnttDatabase  *db,
                                             GError       **error,
                                             const char    *sql,
                                             const char    *types,
                                             ...);
gboolean      antt_database_exec            (AnttDatabase  *self,
                                             const char    *sql,
                                             GError       **error);
void          antt_database_set_error       (AnttDatabase  *self,
                                             GError       **error,
                                             const char    *context);
void          antt_database_emit_changed    (AnttDatabase  *self,
                                             const char    *table);
const char   *antt_database_get_timestamp   (AnttDatabase  *self);

/* Wraps a cached statement so that it is reset when the scope ends. */
typedef sqlite3_stmt AnttStatement;
static inline void
antt_statement_reset (AnttStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttStatement, antt_statement_reset)

/* Schema (antt-schema.c) */
gboolean      antt_schema_migrate           (AnttDatabase  *self,
                                             int            from_version,
                                             GError       **error);

/* Seed plan (antt-seed.c) */
gboolean      antt_seed_default_plan        (AnttDatabase  *self,
                                             GError       **error);

G_END_DECLS
