/* antt-target-team-item.h: one team in the overview's ranking and T16 grid.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "antt-target-evaluation.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_MONTH_ABSENT,    /* the team did not exist that month */
  ANTT_MONTH_MET,       /* a good deed or a commendation */
  ANTT_MONTH_EMPTY,     /* over, and none */
  ANTT_MONTH_PENDING,   /* not over yet, none so far */
} AnttMonthState;

#define ANTT_TYPE_TARGET_TEAM_ITEM (antt_target_team_item_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetTeamItem, antt_target_team_item, ANTT, TARGET_TEAM_ITEM, GObject)

GListStore     *antt_target_team_items_new            (AnttTargetEvaluation *evaluation,
                                                       gint64                team_id,
                                                       GArray              **months);
gint64          antt_target_team_item_get_team_id     (AnttTargetTeamItem   *self);
const char     *antt_target_team_item_get_name        (AnttTargetTeamItem   *self);
const char     *antt_target_team_item_get_name_key    (AnttTargetTeamItem   *self);
guint           antt_target_team_item_get_rank        (AnttTargetTeamItem   *self);
guint           antt_target_team_item_get_met         (AnttTargetTeamItem   *self);
guint           antt_target_team_item_get_measured    (AnttTargetTeamItem   *self);
guint           antt_target_team_item_get_n_months    (AnttTargetTeamItem   *self);
AnttMonthState  antt_target_team_item_get_month_state (AnttTargetTeamItem   *self,
                                                       guint                 month);
guint           antt_target_team_item_get_month_deeds (AnttTargetTeamItem   *self,
                                                       guint                 month);
char           *antt_target_team_item_dup_months_text (AnttTargetTeamItem   *self);

char           *antt_target_format_month              (guint                 year,
                                                       guint                 month);

G_END_DECLS
