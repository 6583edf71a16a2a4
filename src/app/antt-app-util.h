/* antt-app-util.h: small helpers shared by the app's widgets.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char      *antt_app_today_iso    (void);
GSettings *antt_app_settings_new (void);

G_END_DECLS
