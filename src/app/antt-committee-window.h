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

AnttCommitteeWindow *antt_committee_window_new (AnttDatabase *database,
                                                gint64        phase_id);

G_END_DECLS
