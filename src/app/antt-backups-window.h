/* antt-backups-window.h: the snapshots on this PC and the backups on the
 * drives, with what each holds, to verify or restore.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-window.h"

G_BEGIN_DECLS

#define ANTT_TYPE_BACKUPS_WINDOW (antt_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (AnttBackupsWindow, antt_backups_window, ANTT, BACKUPS_WINDOW, AdwWindow)

AnttBackupsWindow *antt_backups_window_new         (AnttWindow        *window,
                                                    const char        *database_path);
void               antt_backups_window_reload      (AnttBackupsWindow *self);
gboolean           antt_backups_window_get_loading (AnttBackupsWindow *self);

G_END_DECLS
