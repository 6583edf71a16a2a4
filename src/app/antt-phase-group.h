/* antt-phase-group.h: one phase of a movement, with its review deadline.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-records.h"

G_BEGIN_DECLS

#define ANTT_TYPE_PHASE_GROUP (antt_phase_group_get_type ())

G_DECLARE_FINAL_TYPE (AnttPhaseGroup, antt_phase_group, ANTT, PHASE_GROUP, GtkWidget)

GtkWidget  *antt_phase_group_new       (AnttRecord     *phase,
                                        const char     *today_iso);
AnttRecord *antt_phase_group_get_phase (AnttPhaseGroup *self);

G_END_DECLS
