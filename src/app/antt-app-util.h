/* antt-app-util.h: small helpers shared by the app's widgets.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char      *antt_app_today_iso    (void);
GSettings *antt_app_settings_new (void);

void      antt_app_ask_discard       (GtkWindow  *window,
                                      const char *heading,
                                      const char *body);
gboolean  antt_app_close_confirmed   (GtkWindow  *window);
void      antt_app_close_discarding  (GtkWindow  *window);

G_END_DECLS
