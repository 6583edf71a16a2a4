/* antt-target-row.h: one target in the overview's list.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-target-item.h"

G_BEGIN_DECLS

#define ANTT_TYPE_TARGET_ROW (antt_target_row_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetRow, antt_target_row, ANTT, TARGET_ROW, GtkListBoxRow)

GtkWidget      *antt_target_row_new      (AnttTargetItem *item);
AnttTargetItem *antt_target_row_get_item (AnttTargetRow  *self);

G_END_DECLS
