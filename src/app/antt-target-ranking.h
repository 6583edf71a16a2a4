/* antt-target-ranking.h: the teams ranked by targets met.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANTT_TYPE_TARGET_RANKING (antt_target_ranking_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetRanking, antt_target_ranking, ANTT, TARGET_RANKING, GtkWidget)

GtkWidget  *antt_target_ranking_new       (void);
void        antt_target_ranking_set_teams (AnttTargetRanking *self,
                                           GListModel        *teams);
GListModel *antt_target_ranking_get_teams (AnttTargetRanking *self);

G_END_DECLS
