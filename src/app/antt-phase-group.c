/* antt-phase-group.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-date.h"
#include "antt-phase-group.h"

/* A report due within this many days is shown as a warning. */
#define DEADLINE_NEAR_DAYS 14

struct _AnttPhaseGroup
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *card;
  GtkLabel   *name_label;
  GtkLabel   *current_label;
  GtkLabel   *period_label;
  GtkWidget  *deadline_box;
  GtkLabel   *deadline_label;
  GtkLabel   *review_label;

  /* Owned */
  AnttRecord *phase;
};

G_DEFINE_FINAL_TYPE (AnttPhaseGroup, antt_phase_group, GTK_TYPE_WIDGET)

static char *
format_period (const char *start_iso,
               const char *end_iso)
{
  g_autofree char *start = antt_date_iso_to_display (start_iso);
  g_autofree char *end = antt_date_iso_to_display (end_iso);

  /* Translators: a period of time, from the first date to the second */
  return g_strdup_printf (_("%s – %s"), start ? start : "?", end ? end : "?");
}

static void
update_deadline (AnttPhaseGroup *self,
                 const char     *today_iso)
{
  const char *deadline_iso = antt_record_get_string (self->phase, "report_deadline");
  g_autofree char *deadline = antt_date_iso_to_display (deadline_iso);
  g_autofree char *text = NULL;
  const char *style = NULL;
  int days;

  gtk_widget_set_visible (self->deadline_box, deadline != NULL);
  if (deadline == NULL)
    return;

  days = antt_date_days_between (today_iso, deadline_iso);

  if (antt_record_get_boolean (self->phase, "review_closed"))
    {
      /* Translators: %s is the report deadline, dd/mm/yyyy */
      text = g_strdup_printf (_("%s — review closed"), deadline);
    }
  else if (days > 0)
    {
      /* Translators: %s is the report deadline, dd/mm/yyyy; %d the days until it */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s — %d day left",
                                           "%s — %d days left",
                                           days),
                              deadline, days);
      if (days <= DEADLINE_NEAR_DAYS)
        style = "warning";
    }
  else if (days == 0)
    {
      /* Translators: %s is the report deadline, dd/mm/yyyy */
      text = g_strdup_printf (_("%s — due today"), deadline);
      style = "warning";
    }
  else
    {
      /* Translators: %s is the report deadline, dd/mm/yyyy; %d the days since it */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s — %d day overdue",
                                           "%s — %d days overdue",
                                           -days),
                              deadline, -days);
      style = "error";
    }

  gtk_label_set_label (self->deadline_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), style);
}

static void
update (AnttPhaseGroup *self,
        const char     *today_iso)
{
  const AnttColumn *kind_column = antt_table_get_column (antt_table_lookup ("phases"),
                                                         "review_kind");
  const char *name = antt_record_get_string (self->phase, "name");
  const char *start = antt_record_get_string (self->phase, "start_date");
  const char *end = antt_record_get_string (self->phase, "end_date");
  const char *review_name = antt_record_get_string (self->phase, "review_name");
  const char *content = antt_record_get_string (self->phase, "content");
  const char *kind = antt_column_choice_label (kind_column,
                                               antt_record_get_string (self->phase, "review_kind"));
  g_autofree char *period = format_period (start, end);
  g_autofree char *review = NULL;
  int days_left;
  gboolean current;

  gtk_label_set_label (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* Compact: what the phase celebrates is long, and in the tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), content && content[0] ? content : NULL);
  if (content != NULL && content[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, content,
                                    -1);

  gtk_label_set_label (self->period_label, period);

  days_left = antt_date_days_between (today_iso, end);
  current = antt_date_days_between (start, today_iso) >= 0 && days_left >= 0;
  gtk_widget_set_visible (GTK_WIDGET (self->current_label), current);
  if (current)
    {
      g_autofree char *text = NULL;

      if (days_left > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "In progress — %d day left",
                                             "In progress — %d days left",
                                             days_left),
                                days_left);
      else
        text = g_strdup (_("In progress — last day"));
      gtk_label_set_label (self->current_label, text);
    }

  if (review_name != NULL && review_name[0] != '\0')
    /* Translators: the kind of review and its name: "Interim review · Sơ kết …" */
    review = g_strdup_printf (_("%s · %s"), kind ? kind : "", review_name);
  else
    review = g_strdup (kind ? kind : "");
  gtk_label_set_label (self->review_label, review);

  update_deadline (self, today_iso);
}

static void
antt_phase_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANTT_TYPE_PHASE_GROUP);

  G_OBJECT_CLASS (antt_phase_group_parent_class)->dispose (object);
}

static void
antt_phase_group_finalize (GObject *object)
{
  AnttPhaseGroup *self = ANTT_PHASE_GROUP (object);

  g_clear_pointer (&self->phase, antt_record_unref);

  G_OBJECT_CLASS (antt_phase_group_parent_class)->finalize (object);
}

static void
antt_phase_group_class_init (AnttPhaseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_phase_group_dispose;
  object_class->finalize = antt_phase_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-phase-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, card);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, name_label);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, current_label);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, period_label);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, AnttPhaseGroup, review_label);
}

static void
antt_phase_group_init (AnttPhaseGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * antt_phase_group_new:
 * @phase: a row of "phases"
 * @today_iso: the day to count the deadline from, see antt_app_today_iso()
 *
 * Returns: (transfer floating): a new group showing @phase
 */
GtkWidget *
antt_phase_group_new (AnttRecord *phase,
                      const char *today_iso)
{
  AnttPhaseGroup *self;

  g_return_val_if_fail (phase != NULL, NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  self = g_object_new (ANTT_TYPE_PHASE_GROUP, NULL);
  self->phase = antt_record_ref (phase);
  update (self, today_iso);

  return GTK_WIDGET (self);
}

/**
 * antt_phase_group_get_phase:
 *
 * Returns: (transfer none): the phase shown
 */
AnttRecord *
antt_phase_group_get_phase (AnttPhaseGroup *self)
{
  g_return_val_if_fail (ANTT_IS_PHASE_GROUP (self), NULL);

  return self->phase;
}
