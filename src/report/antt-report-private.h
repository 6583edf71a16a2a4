/* antt-report-private.h: SQL helpers shared by the report sources.
 *
 * The documents read joins over many tables at once (a nominee with its
 * team, village and award), which the records API would fetch row by row;
 * they use the core's cached statements instead, read only, except for
 * the three tables of schema v3 that belong to the documents.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-database-private.h"

G_BEGIN_DECLS


int           antt_report_step    (AnttDatabase  *db,
                                   sqlite3_stmt  *stmt,
                                   GError       **error);
char         *antt_report_column  (sqlite3_stmt  *stmt,
                                   int            column);
const char   *antt_report_text    (sqlite3_stmt  *stmt,
                                   int            column);

G_END_DECLS
