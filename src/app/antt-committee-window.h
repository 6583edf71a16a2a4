/* antt-committee-window.h: the award committee's review of a review's
 * nominations: the meeting, the votes, the decision.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_TYPE_COMMITTEE_WINDOW (antt_committee_window_get_type ())

G_DECLARE_FINAL_TYPE (AnttCommitteeWindow, antt_committee_window, ANTT, COMMITTEE_WINDOW, AdwWindow)

AnttCommitteeWindow *antt_committee_window_new           (AnttDatabase         *database,
                                                          gint64                phase_id);
gboolean             antt_committee_window_is_loading    (AnttCommitteeWindow  *self);
gint64               antt_committee_window_get_meeting   (AnttCommitteeWindow  *self);
void                 antt_committee_window_set_field     (AnttCommitteeWindow  *self,
                                                          const char           *column,
                                                          const char           *text);
gboolean             antt_committee_window_save_meeting  (AnttCommitteeWindow  *self,
                                                          GError              **error);
gboolean             antt_committee_window_set_votes     (AnttCommitteeWindow  *self,
                                                          gint64                nomination_id,
                                                          guint                 votes_for,
                                                          guint                 votes_against,
                                                          guint                 votes_abstain);
guint                antt_committee_window_get_rank      (AnttCommitteeWindow  *self,
                                                          gint64                nomination_id);
gboolean             antt_committee_window_save_votes    (AnttCommitteeWindow  *self,
                                                          GError              **error);
gboolean             antt_committee_window_decide        (AnttCommitteeWindow  *self,
                                                          GError              **error);
gboolean             antt_committee_window_set_status    (AnttCommitteeWindow  *self,
                                                          gint64                nomination_id,
                                                          const char           *status,
                                                          const char           *reason,
                                                          GError              **error);
gboolean             antt_committee_window_save_decision (AnttCommitteeWindow  *self,
                                                          gint64                award_level_id,
                                                          const char           *decision_number,
                                                          const char           *decision_date,
                                                          GError              **error);
const char          *antt_committee_window_get_message   (AnttCommitteeWindow  *self);
gboolean             antt_committee_window_has_changes   (AnttCommitteeWindow  *self);
guint                antt_committee_window_get_votes_for (AnttCommitteeWindow  *self,
                                                          gint64                nomination_id);

G_END_DECLS
