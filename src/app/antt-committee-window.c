/* antt-committee-window.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "antt-committee-window.h"

struct _AnttCommitteeWindow
{
  AdwWindow     parent_instance;

  AnttDatabase *database;
  gint64        phase_id;
};

G_DEFINE_FINAL_TYPE (AnttCommitteeWindow, antt_committee_window, ADW_TYPE_WINDOW)

static void
antt_committee_window_dispose (GObject *object)
{
  AnttCommitteeWindow *self = ANTT_COMMITTEE_WINDOW (object);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (antt_committee_window_parent_class)->dispose (object);
}

static void
antt_committee_window_class_init (AnttCommitteeWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = antt_committee_window_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-committee-window.ui");
}

static void
antt_committee_window_init (AnttCommitteeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AnttCommitteeWindow *
antt_committee_window_new (AnttDatabase *database,
                           gint64        phase_id)
{
  AnttCommitteeWindow *self = g_object_new (ANTT_TYPE_COMMITTEE_WINDOW, NULL);

  self->database = g_object_ref (database);
  self->phase_id = phase_id;
  return self;
}
