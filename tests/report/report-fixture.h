/* report-fixture.h: what the documents need on top of demo data, for the
 * tests and the benchmark: the documents' tables (schema v3, until the
 * core migrates to it), nominations with evidence, a committee meeting with
 * its votes and decision, and the clerk's texts.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  phase_id;
  gint64  award_bk;      /* province_bk: the capped Bằng khen */
  gint64  award_gk;      /* commune_gk: uncapped, for long lists */
  GArray *bk_ids;        /* gint64 nominations at province_bk */
  GArray *gk_ids;        /* gint64 nominations at commune_gk */
  gint64  meeting_id;    /* 0 without a meeting */
  gint64  rejected_id;   /* the nomination the meeting rejected, or 0 */
} ReportFixture;

void     report_fixture_clear          (ReportFixture  *fixture);
gboolean report_fixture_ensure_schema  (AnttDatabase   *db,
                                        const char     *sql_path,
                                        GError        **error);
gboolean report_fixture_populate       (AnttDatabase   *db,
                                        int             phase_ordinal,
                                        guint           n_collectives,
                                        guint           n_individuals,
                                        guint           n_long,
                                        gboolean        with_meeting,
                                        ReportFixture  *fixture,
                                        GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportFixture, report_fixture_clear)

G_END_DECLS
