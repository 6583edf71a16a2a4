/* antt-reports.h: the movement's official documents, built from the records.
 *
 *   - interim: báo cáo sơ kết of a phase (its period);
 *   - final: báo cáo tổng kết (the whole movement);
 *   - nominees: danh sách đề nghị khen thưởng of a review and award;
 *   - minutes: biên bản of a committee meeting;
 *   - proposal: tờ trình to the award's authority;
 *   - achievement: báo cáo thành tích of one nomination;
 *   - the dossier of a review: proposal, list, minutes and every nominee's
 *     achievement report, as one set.
 *
 * The set agrees with itself: every number is counted once from the same
 * records, the list and the proposal name the same nominees (those
 * proposed or approved), the list cites the proposal's number and date,
 * the proposal the minutes', and each document takes its number from the
 * register (antt-report-store.h) once and keeps it.
 *
 * Building a document may write the register (a first number), so the
 * database must be writable.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-document.h"
#include "antt-report-store.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_REPORT_KIND_INTERIM,
  ANTT_REPORT_KIND_FINAL,
  ANTT_REPORT_KIND_NOMINEES,
  ANTT_REPORT_KIND_MINUTES,
  ANTT_REPORT_KIND_PROPOSAL,
  ANTT_REPORT_KIND_ACHIEVEMENT,
} AnttReportKind;

typedef struct
{
  gint64      phase_id;        /* the review; 0: the one the kind or the data imply */
  gint64      award_level_id;  /* 0: the one award with nominations in the review */
  gint64      nomination_id;   /* achievement: required */
  gint64      meeting_id;      /* minutes; 0: the review's latest meeting */
  const char *date_iso;        /* the documents' date; NULL: as registered, or today */
} AnttReportOptions;

const char   *antt_report_kind_to_string    (AnttReportKind            kind);
gboolean      antt_report_kind_from_string  (const char               *text,
                                             AnttReportKind           *kind);

gint64        antt_report_find_phase        (AnttDatabase             *db,
                                             int                       ordinal,
                                             GError                  **error);
gint64        antt_report_find_award        (AnttDatabase             *db,
                                             gint64                    phase_id,
                                             const char               *code,
                                             GError                  **error);
gint64        antt_report_find_review       (AnttDatabase             *db,
                                             AnttReportKind            kind,
                                             gint64                    phase_id,
                                             GError                  **error);
GArray       *antt_report_list_awards       (AnttDatabase             *db,
                                             gint64                    phase_id,
                                             GError                  **error);

AnttDocument *antt_report_build             (AnttDatabase             *db,
                                             AnttReportKind            kind,
                                             const AnttReportOptions  *options,
                                             GError                  **error);
GPtrArray    *antt_report_build_dossier     (AnttDatabase             *db,
                                             const AnttReportOptions  *options,
                                             GError                  **error);
gboolean      antt_report_write_dossier     (AnttDatabase             *db,
                                             const AnttReportOptions  *options,
                                             const char               *path,
                                             GError                  **error);
gboolean      antt_report_export_list       (AnttDatabase             *db,
                                             const char               *list,
                                             const AnttReportOptions  *options,
                                             const char               *path,
                                             GError                  **error);

G_END_DECLS
