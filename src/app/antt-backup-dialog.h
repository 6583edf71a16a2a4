/* antt-backup-dialog.h: writing a backup to a USB drive or a folder.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-backup.h"

G_BEGIN_DECLS

#define ANTT_TYPE_BACKUP_DIALOG (antt_backup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AnttBackupDialog, antt_backup_dialog, ANTT, BACKUP_DIALOG, AdwWindow)

AnttBackupDialog *antt_backup_dialog_new            (GtkWindow        *parent,
                                                     const char       *database_path);
void              antt_backup_dialog_set_folder     (AnttBackupDialog *self,
                                                     const char       *folder);
const char       *antt_backup_dialog_get_folder     (AnttBackupDialog *self);
void              antt_backup_dialog_set_passphrase (AnttBackupDialog *self,
                                                     const char       *passphrase);
void              antt_backup_dialog_set_flags      (AnttBackupDialog *self,
                                                     AnttBackupFlags   flags);
gboolean          antt_backup_dialog_start          (AnttBackupDialog *self);

G_END_DECLS
