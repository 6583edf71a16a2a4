/* report-fixture.c: nominations, a meeting and texts on demo data.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "antt-database-private.h"
#include "antt-nominations.h"
#include "antt-records.h"
#include "antt-report-store.h"
#include "antt-reports.h"
#include "report-fixture.h"

void
report_fixture_clear (ReportFixture *fixture)
{
  g_clear_pointer (&fixture->bk_ids, g_array_unref);
  g_clear_pointer (&fixture->gk_ids, g_array_unref);
  memset (fixture, 0, sizeof *fixture);
}

/* Runs schema v3 unless the file has it already (files made before v3). */
gboolean
report_fixture_ensure_schema (AnttDatabase  *db,
                              const char    *sql_path,
                              GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int count = 0;

  if (sqlite3_prepare_v2 (antt_database_get_handle (db),
                          "SELECT count(*) FROM sqlite_master WHERE name = 'document_register'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      antt_database_set_error (db, error, NULL);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (count > 0)
    return TRUE;

  if (!g_file_get_contents (sql_path, &sql, NULL, error))
    return FALSE;
  return antt_database_exec (db, sql, error);
}

static gint64
award_id (AnttDatabase  *db,
          gint64         phase_id,
          const char    *code,
          GError       **error)
{
  return antt_report_find_award (db, phase_id, code, error);
}

static gboolean
link_evidence (AnttDatabase     *db,
               gint64            nomination_id,
               gint64            phase_id,
               AnttNomineeKind   kind,
               gint64            nominee_id,
               GError          **error)
{
  g_autoptr(GPtrArray) evidence = antt_nominations_list_evidence (db, phase_id, kind, nominee_id,
                                                                  error);

  if (evidence == NULL)
    return FALSE;
  for (guint i = 0; i < evidence->len && i < 3; i++)
    {
      AnttEvidence *e = g_ptr_array_index (evidence, i);
      g_autoptr(AnttRecord) link = antt_record_new ("nomination_evidence");

      antt_record_set_int (link, "nomination_id", nomination_id);
      antt_record_set_string (link, "record_table", e->record_table);
      antt_record_set_int (link, "record_id", e->record_id);
      if (antt_records_insert (db, link, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
nominate (AnttDatabase     *db,
          gint64            phase_id,
          gint64            award,
          AnttNomineeKind   kind,
          guint             count,
          gboolean          evidence,
          GArray           *ids,
          GError          **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  guint made = 0;

  if (count == 0)
    return TRUE;
  candidates = antt_nominations_list_candidates (db, phase_id, award, kind, NULL, error);
  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len && made < count; i++)
    {
      AnttCandidate *c = g_ptr_array_index (candidates, i);
      g_autoptr(AnttRecord) nomination = antt_record_new ("nominations");
      g_autofree char *summary = NULL;
      AnttNomineeFigures f;
      gint64 id;

      if (c->eligibility != ANTT_ELIGIBILITY_OK)
        continue;
      if (!antt_nominations_figures (db, phase_id, kind, c->id, &f, error))
        return FALSE;

      /* Commas and, once, quotes: the CSV must quote them. */
      summary = g_strdup_printf ("Tham gia %u lượt tuần tra, %u vụ việc về ANTT, %u vụ cháy, cứu nạn; "
                                 "thực hiện %u việc tốt.%s", f.patrols, f.incidents, f.callouts,
                                 f.good_deeds,
                                 made == 0 ? " Được Nhân dân gọi là \"người bạn của thôn\"." : "");
      antt_record_set_int (nomination, "phase_id", phase_id);
      antt_record_set_int (nomination, "award_level_id", award);
      antt_record_set_string (nomination, "nominee_kind", antt_nominee_kind_to_string (kind));
      antt_record_set_int (nomination, kind == ANTT_NOMINEE_COLLECTIVE ? "team_id" : "member_id", c->id);
      antt_record_set_string (nomination, "achievement_type", made % 3 == 2 ? "sudden" : "excellent");
      antt_record_set_string (nomination, "summary", summary);
      antt_record_set_string (nomination, "created_date", "2025-02-04");
      id = antt_nominations_propose (db, nomination, error);
      if (id == 0)
        return FALSE;
      if (evidence && !link_evidence (db, id, phase_id, kind, c->id, error))
        return FALSE;
      g_array_append_val (ids, id);
      made++;
    }
  return TRUE;
}

static gint64
hold_meeting (AnttDatabase  *db,
              gint64         phase_id,
              gint64         award,
              GArray        *ids,
              gint64        *rejected,
              GError       **error)
{
  g_autoptr(AnttRecord) meeting = antt_record_new ("committee_meetings");
  gint64 meeting_id;
  guint n_approved = 0, n_rejected = 0;

  antt_record_set_int (meeting, "phase_id", phase_id);
  antt_record_set_int (meeting, "award_level_id", award);
  antt_record_set_string (meeting, "held_date", "2025-02-05");
  antt_record_set_string (meeting, "held_time", "08:00");
  antt_record_set_string (meeting, "ended_time", "10:30");
  antt_record_set_string (meeting, "place", "Hội trường UBND xã Bình Lương");
  antt_record_set_string (meeting, "chair", "Lê Đức Tuấn");
  antt_record_set_string (meeting, "secretary", "Nguyễn Thị Hoa");
  antt_record_set_int (meeting, "members_total", 9);
  antt_record_set_int (meeting, "members_present", 7);
  antt_record_set_string (meeting, "absent_names", "Đ/c Phạm Văn Hùng, Đ/c Trần Thị Lan");
  antt_record_set_string (meeting, "vote_method", "secret_ballot");
  meeting_id = antt_records_insert (db, meeting, error);
  if (meeting_id == 0)
    return 0;

  /* 7 of 9 for each, but the last: 4 of 9 (44%) is under the half needed. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean last = i + 1 == ids->len;

      if (!antt_nominations_record_votes (db, meeting_id, id, last ? 4 : 7 - (i % 2), last ? 3 : i % 2,
                                          0, error))
        return 0;
      if (last)
        *rejected = id;
    }
  if (!antt_nominations_decide (db, meeting_id, &n_approved, &n_rejected, error))
    return 0;
  return meeting_id;
}

/**
 * report_fixture_populate:
 * @n_collectives, @n_individuals: nominations at province_bk, with evidence
 *   and (if @with_meeting) a meeting that approves all but the last
 * @n_long: individuals at commune_gk (no cap), for a long list
 */
gboolean
report_fixture_populate (AnttDatabase   *db,
                         int             phase_ordinal,
                         guint           n_collectives,
                         guint           n_individuals,
                         guint           n_long,
                         gboolean        with_meeting,
                         ReportFixture  *fixture,
                         GError        **error)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->bk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->gk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if ((fixture->phase_id = antt_report_find_phase (db, phase_ordinal, error)) == 0 ||
      (fixture->award_bk = award_id (db, fixture->phase_id, "province_bk", error)) == 0 ||
      (fixture->award_gk = award_id (db, fixture->phase_id, "commune_gk", error)) == 0)
    return FALSE;

  if (!nominate (db, fixture->phase_id, fixture->award_bk, ANTT_NOMINEE_COLLECTIVE, n_collectives,
                 TRUE, fixture->bk_ids, error) ||
      !nominate (db, fixture->phase_id, fixture->award_bk, ANTT_NOMINEE_INDIVIDUAL, n_individuals,
                 TRUE, fixture->bk_ids, error) ||
      !nominate (db, fixture->phase_id, fixture->award_gk, ANTT_NOMINEE_INDIVIDUAL, n_long,
                 FALSE, fixture->gk_ids, error))
    return FALSE;

  if (with_meeting && fixture->bk_ids->len > 0)
    {
      fixture->meeting_id = hold_meeting (db, fixture->phase_id, fixture->award_bk, fixture->bk_ids,
                                          &fixture->rejected_id, error);
      if (fixture->meeting_id == 0)
        return FALSE;
    }

  return antt_report_texts_set (db, fixture->phase_id, ANTT_REPORT_SECTION_RESULTS,
                                "Các Tổ bảo vệ ANTT đã chủ động phối hợp với Công an xã nắm tình "
                                "hình, giải quyết kịp thời các vụ việc phát sinh từ cơ sở.", error) &&
         antt_report_texts_set (db, fixture->phase_id, ANTT_REPORT_SECTION_SHORTCOMINGS,
                                "Một số thành viên chưa tham gia đầy đủ các buổi sinh hoạt chính trị.",
                                error) &&
         antt_report_texts_set (db, fixture->phase_id, ANTT_REPORT_SECTION_PROPOSALS,
                                "Đề nghị UBND xã bố trí kinh phí mua sắm trang bị cho lực lượng.",
                                error);
}
