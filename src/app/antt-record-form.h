/* antt-record-form.h: a window to add or edit one record of any table.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"
#include "antt-member-picker.h"

G_BEGIN_DECLS

#define ANTT_TYPE_RECORD_FORM (antt_record_form_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordForm, antt_record_form, ANTT, RECORD_FORM, AdwWindow)

AnttRecordForm   *antt_record_form_new         (AnttDatabase    *database,
                                                const char      *table,
                                                gint64           id,
                                                GError         **error);
gint64            antt_record_form_get_id      (AnttRecordForm  *self);
void              antt_record_form_set_default (AnttRecordForm  *self,
                                                const char      *column,
                                                gint64           id);
gboolean          antt_record_form_save        (AnttRecordForm  *self,
                                                GError         **error);
GtkWidget        *antt_record_form_get_row     (AnttRecordForm  *self,
                                                const char      *column);
GtkWidget        *antt_record_form_get_editor  (AnttRecordForm  *self,
                                                const char      *column);
const char       *antt_record_form_get_error   (AnttRecordForm  *self,
                                                const char      *column);
GPtrArray        *antt_record_form_get_warnings (AnttRecordForm *self);
AnttMemberPicker *antt_record_form_get_picker  (AnttRecordForm  *self);

G_END_DECLS
