/* antt-restore.h: putting a backup's data back, from the app.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-backup.h"
#include "antt-window.h"

G_BEGIN_DECLS

#define ANTT_TYPE_RESTORE (antt_restore_get_type ())

G_DECLARE_FINAL_TYPE (AnttRestore, antt_restore, ANTT, RESTORE, GObject)

AnttRestore  *antt_restore_new               (AnttWindow   *window,
                                              const char   *backup_path,
                                              const char   *database_path);
void          antt_restore_start             (AnttRestore  *self);
AnttWindow   *antt_restore_get_window        (AnttRestore  *self);
const GError *antt_restore_get_error         (AnttRestore  *self);

/* Shared with the Backups window. */
typedef void (*AnttPassphraseFunc) (const char *passphrase,
                                    gpointer    user_data);

void          antt_ask_passphrase            (GtkWindow          *parent,
                                              const char         *backup_path,
                                              const char         *problem,
                                              AnttPassphraseFunc  func,
                                              gpointer            user_data);
char         *antt_backup_describe_made      (AnttBackupManifest *manifest);
char         *antt_backup_describe_counts    (AnttBackupManifest *manifest);
char         *antt_backup_describe_versions  (AnttBackupManifest *manifest);

G_END_DECLS
