/* antt-overview-page.h: the movement at a glance.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_TYPE_OVERVIEW_PAGE (antt_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (AnttOverviewPage, antt_overview_page, ANTT, OVERVIEW_PAGE, GtkWidget)

GtkWidget    *antt_overview_page_new            (void);
AnttDatabase *antt_overview_page_get_database   (AnttOverviewPage *self);
void          antt_overview_page_set_database   (AnttOverviewPage *self,
                                                 AnttDatabase     *database);
void          antt_overview_page_reload         (AnttOverviewPage *self);
gboolean      antt_overview_page_get_evaluating (AnttOverviewPage *self);
GListModel   *antt_overview_page_get_targets    (AnttOverviewPage *self);
GListModel   *antt_overview_page_get_ranking    (AnttOverviewPage *self);

G_END_DECLS
