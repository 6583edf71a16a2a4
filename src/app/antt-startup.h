/* antt-startup.h: what the process sets for itself before GTK starts.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void antt_startup_prepare (void);

G_END_DECLS
