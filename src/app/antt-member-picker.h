/* antt-member-picker.h: choose the members taking part in a record.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-database.h"
#include "antt-display.h"

G_BEGIN_DECLS

#define ANTT_TYPE_MEMBER_PICKER (antt_member_picker_get_type ())

G_DECLARE_FINAL_TYPE (AnttMemberPicker, antt_member_picker, ANTT, MEMBER_PICKER, GtkWidget)

GtkWidget   *antt_member_picker_new              (const AnttLinkTable *link);
void         antt_member_picker_load             (AnttMemberPicker    *self,
                                                  AnttDatabase        *database,
                                                  const char          *date_iso);
void         antt_member_picker_set_chosen       (AnttMemberPicker    *self,
                                                  gint64               member_id,
                                                  gboolean             chosen,
                                                  guint                flags);
GHashTable  *antt_member_picker_get_chosen       (AnttMemberPicker    *self);
GListModel  *antt_member_picker_get_shown        (AnttMemberPicker    *self);
GtkEditable *antt_member_picker_get_search_entry (AnttMemberPicker    *self);
void         antt_member_picker_set_error        (AnttMemberPicker    *self,
                                                  const char          *message);

G_END_DECLS
