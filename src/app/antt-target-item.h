/* antt-target-item.h: one target of the overview, ready to show.
 *
 * The texts of a row (value against threshold, state, explanation) are
 * made once per result, so that the list only binds them. Plain GObject:
 * the benchmark builds the rows without a display.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "antt-targets.h"

G_BEGIN_DECLS

#define ANTT_TYPE_TARGET_ITEM (antt_target_item_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetItem, antt_target_item, ANTT, TARGET_ITEM, GObject)

GListStore             *antt_target_items_new            (AnttTargetReport *report,
                                                          AnttTargetLevel   level,
                                                          gint64            unit_id);
AnttTargetItem         *antt_target_item_new             (AnttTargetReport       *report,
                                                          const char             *code,
                                                          const AnttTargetResult *result);

AnttTargetReport       *antt_target_item_get_report      (AnttTargetItem   *self);
const AnttTargetResult *antt_target_item_get_result      (AnttTargetItem   *self);
const char             *antt_target_item_get_code        (AnttTargetItem   *self);
const char             *antt_target_item_get_title       (AnttTargetItem   *self);
const char             *antt_target_item_get_value_text  (AnttTargetItem   *self);
const char             *antt_target_item_get_explanation (AnttTargetItem   *self);
AnttTargetState         antt_target_item_get_state       (AnttTargetItem   *self);
const char             *antt_target_item_get_state_text  (AnttTargetItem   *self);
const char             *antt_target_item_get_state_class (AnttTargetItem   *self);
double                  antt_target_item_get_fraction    (AnttTargetItem   *self);
gboolean                antt_target_item_get_has_bar     (AnttTargetItem   *self);
char                   *antt_target_item_dup_accessible_label (AnttTargetItem *self);

char                   *antt_target_format_share         (gint64            numerator,
                                                          gint64            denominator);
char                   *antt_target_format_number        (double            value);
const char             *antt_target_comparison_symbol    (const char       *comparison);
char                   *antt_target_format_value         (const AnttTargetResult *result);
const char             *antt_target_state_css_class      (AnttTargetState   state);

G_END_DECLS
