/* antt-chart.h: a line chart of a few series over months, drawn with Cairo.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANTT_TYPE_CHART (antt_chart_get_type ())

G_DECLARE_FINAL_TYPE (AnttChart, antt_chart, ANTT, CHART, GtkWidget)

GtkWidget  *antt_chart_new         (void);
void        antt_chart_set_data    (AnttChart          *self,
                                    guint               n_points,
                                    const char * const *labels,
                                    guint               n_series,
                                    const char * const *names,
                                    const double       *values);
guint       antt_chart_get_n_points (AnttChart         *self);
guint       antt_chart_get_n_series (AnttChart         *self);
const char *antt_chart_get_summary (AnttChart          *self);

G_END_DECLS
