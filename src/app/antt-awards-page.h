/* antt-awards-page.h: the nominations of a review, against the caps.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_TYPE_AWARDS_PAGE (antt_awards_page_get_type ())

G_DECLARE_FINAL_TYPE (AnttAwardsPage, antt_awards_page, ANTT, AWARDS_PAGE, GtkWidget)

GtkWidget    *antt_awards_page_new          (void);
AnttDatabase *antt_awards_page_get_database (AnttAwardsPage *self);
void          antt_awards_page_set_database (AnttAwardsPage *self,
                                             AnttDatabase   *database);

G_END_DECLS
