/* antt-target-month-grid.h: T16, team by month.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANTT_TYPE_TARGET_MONTH_GRID (antt_target_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetMonthGrid, antt_target_month_grid, ANTT, TARGET_MONTH_GRID, GtkWidget)

GtkWidget  *antt_target_month_grid_new        (void);
void        antt_target_month_grid_set_teams  (AnttTargetMonthGrid  *self,
                                               GListModel           *teams,
                                               GArray               *months);
GListModel *antt_target_month_grid_get_teams  (AnttTargetMonthGrid  *self);
guint       antt_target_month_grid_get_n_months (AnttTargetMonthGrid *self);

G_END_DECLS
