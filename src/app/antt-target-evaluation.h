/* antt-target-evaluation.h: what the overview shows, computed in a thread.
 *
 * One evaluation is the target report of a period with what the overview
 * draws from it: the team-months of T16, the teams ranked by targets met
 * (and by name, for the grid and the choice of team) and, when asked for,
 * the monthly activity of the whole movement. The rows of the teams are
 * made here too, off the main thread: a province has thousands of teams. It is
 * computed on a connection of the worker's (SQLite connections are not
 * shared between threads), kept from one evaluation of the page to the
 * next with the page's GCancellable, and is read only once made, so that
 * the page may keep it in a cache and hand it to any thread.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "antt-targets.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_ACTIVITY_TIPS,
  ANTT_ACTIVITY_INCIDENTS,
  ANTT_ACTIVITY_CALLOUTS,
  ANTT_ACTIVITY_PATROLS,
} AnttActivity;

#define ANTT_N_ACTIVITIES 4

/* One team of the ranking: by targets met, most first. Teams that meet
 * as many share a rank ("1, 1, 3"). */
typedef struct
{
  gint64      team_id;
  const char *name;
  const char *name_key;   /* sorts the names in Vietnamese order with strcmp() */
  guint       rank;
  guint       met;
  guint       measured;   /* targets with data for the team */
} AnttTeamRank;

typedef struct _AnttTargetEvaluation AnttTargetEvaluation;

#define ANTT_TYPE_TARGET_EVALUATION (antt_target_evaluation_get_type ())

GType                  antt_target_evaluation_get_type         (void) G_GNUC_CONST;

AnttTargetEvaluation  *antt_target_evaluation_compute          (AnttDatabase          *db,
                                                                gint64                 campaign_id,
                                                                const char            *from_iso,
                                                                const char            *to_iso,
                                                                const char            *today_iso,
                                                                gboolean               with_activity,
                                                                GError               **error);
void                   antt_target_evaluation_compute_async    (const char            *path,
                                                                gint64                 campaign_id,
                                                                const char            *from_iso,
                                                                const char            *to_iso,
                                                                const char            *today_iso,
                                                                gboolean               with_activity,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
AnttTargetEvaluation  *antt_target_evaluation_compute_finish   (GAsyncResult          *result,
                                                                GError               **error);

AnttTargetEvaluation  *antt_target_evaluation_ref              (AnttTargetEvaluation  *self);
void                   antt_target_evaluation_unref            (AnttTargetEvaluation  *self);
AnttTargetReport      *antt_target_evaluation_get_report       (AnttTargetEvaluation  *self);
const AnttTeamRank    *antt_target_evaluation_get_ranking      (AnttTargetEvaluation  *self,
                                                                guint                 *n_teams);
const AnttTeamRank    *antt_target_evaluation_lookup_team      (AnttTargetEvaluation  *self,
                                                                gint64                 team_id);
const AnttTeamMonth   *antt_target_evaluation_get_team_months  (AnttTargetEvaluation  *self,
                                                                guint                 *n_months);
GListModel            *antt_target_evaluation_get_teams_by_rank (AnttTargetEvaluation *self);
GListModel            *antt_target_evaluation_get_teams_by_name (AnttTargetEvaluation *self);
GArray                *antt_target_evaluation_get_months       (AnttTargetEvaluation  *self);
gboolean               antt_target_evaluation_has_activity     (AnttTargetEvaluation  *self);
guint                  antt_target_evaluation_get_n_activity_months (AnttTargetEvaluation *self);
void                   antt_target_evaluation_get_activity_month (AnttTargetEvaluation *self,
                                                                guint                  index,
                                                                guint                 *year,
                                                                guint                 *month);
const double          *antt_target_evaluation_get_activity     (AnttTargetEvaluation  *self,
                                                                AnttActivity           activity);
double                 antt_target_evaluation_get_seconds      (AnttTargetEvaluation  *self);
guint                  antt_target_evaluation_get_connection_run (AnttTargetEvaluation *self);
guint                  antt_target_evaluation_count_connections (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttTargetEvaluation, antt_target_evaluation_unref)

G_END_DECLS
