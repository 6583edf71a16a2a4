/* antt-overview-page.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-date.h"
#include "antt-overview-page.h"
#include "antt-phase-group.h"
#include "antt-records.h"

struct _AnttOverviewPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *status_page;
  GtkLabel      *issuer_label;
  GtkLabel      *name_label;
  GtkLabel      *theme_label;
  GtkLabel      *period_label;
  GtkLabel      *state_label;
  GtkBox        *phases_box;

  /* Owned */
  AnttDatabase  *database;
  guint          midnight_source;
};

G_DEFINE_FINAL_TYPE (AnttOverviewPage, antt_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_midnight_reload (AnttOverviewPage *self);

/* The default movement, or else the one that started last. */
static AnttRecord *
find_campaign (AnttDatabase  *database,
               GError       **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) campaigns = NULL;

  antt_filter_add_equals (filter, "is_default", 1);
  campaigns = antt_records_list (database, "campaigns", filter, error);
  if (campaigns == NULL)
    return NULL;

  if (campaigns->len == 0)
    {
      g_clear_pointer (&campaigns, g_ptr_array_unref);
      campaigns = antt_records_list (database, "campaigns", NULL, error);
      if (campaigns == NULL || campaigns->len == 0)
        return NULL;
    }

  return antt_record_ref (g_ptr_array_index (campaigns, campaigns->len - 1));
}

static void
show_status (AnttOverviewPage *self,
             const char       *icon_name,
             const char       *title,
             const char       *description)
{
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
set_label_style (GtkLabel   *label,
                 const char *style)
{
  static const char *styles[] = { "pill-label", "accent", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);

  if (g_strcmp0 (style, "pill") == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "pill-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "accent");
    }
  else if (style != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), style);
    }
}

static void
update_state (AnttOverviewPage *self,
              AnttRecord       *campaign,
              const char       *today)
{
  int to_start = antt_date_days_between (today, antt_record_get_string (campaign, "start_date"));
  int to_end = antt_date_days_between (today, antt_record_get_string (campaign, "end_date"));
  g_autofree char *text = NULL;
  const char *style;

  if (to_start > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Not started — starts in %d day",
                                           "Not started — starts in %d days",
                                           to_start),
                              to_start);
      style = "dim-label";
    }
  else if (to_end > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "In progress — %d day left",
                                           "In progress — %d days left",
                                           to_end),
                              to_end);
      style = "pill";
    }
  else if (to_end == 0)
    {
      text = g_strdup (_("In progress — last day"));
      style = "pill";
    }
  else
    {
      text = g_strdup (_("Ended"));
      style = "dim-label";
    }

  gtk_label_set_label (self->state_label, text);
  set_label_style (self->state_label, style);
}

static void
show_campaign (AnttOverviewPage *self,
               AnttRecord       *campaign,
               GPtrArray        *phases,
               const char       *today)
{
  const char *issuer = antt_record_get_string (campaign, "issuer");
  const char *theme = antt_record_get_string (campaign, "theme");
  g_autofree char *start = antt_date_iso_to_display (antt_record_get_string (campaign, "start_date"));
  g_autofree char *end = antt_date_iso_to_display (antt_record_get_string (campaign, "end_date"));
  g_autofree char *period = NULL;
  g_autofree char *quoted = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->issuer_label, issuer);
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_label), issuer && issuer[0]);

  gtk_label_set_label (self->name_label, antt_record_get_string (campaign, "name"));

  /* Translators: the theme (chủ đề) of the movement, in quotation marks */
  quoted = g_strdup_printf (_("“%s”"), theme ? theme : "");
  gtk_label_set_label (self->theme_label, quoted);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_label), theme && theme[0]);

  /* Translators: a period of time, from the first date to the second */
  period = g_strdup_printf (_("%s – %s"), start ? start : "?", end ? end : "?");
  gtk_label_set_label (self->period_label, period);

  update_state (self, campaign, today);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phases_box))))
    gtk_box_remove (self->phases_box, child);

  for (guint i = 0; i < phases->len; i++)
    gtk_box_append (self->phases_box,
                    antt_phase_group_new (g_ptr_array_index (phases, i), today));

  gtk_stack_set_visible_child_name (self->stack, "campaign");
}

static void
database_changed_cb (AnttOverviewPage *self,
                     const char       *table,
                     AnttDatabase     *database)
{
  antt_overview_page_reload (self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  AnttOverviewPage *self = user_data;

  self->midnight_source = 0;
  antt_overview_page_reload (self);

  return G_SOURCE_REMOVE;
}

/* Days left and overdue change at midnight, and the office PC may keep
 * the window open for weeks. */
static void
schedule_midnight_reload (AnttOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan until;

  today = g_date_time_new_local (g_date_time_get_year (now),
                                 g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now),
                                 0, 0, 0);
  tomorrow = g_date_time_add_days (today, 1);
  until = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  self->midnight_source = g_timeout_add_seconds (until / G_USEC_PER_SEC + 1,
                                                 midnight_cb, self);
}

static void
antt_overview_page_dispose (GObject *object)
{
  AnttOverviewPage *self = ANTT_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (antt_overview_page_parent_class)->dispose (object);
}

static void
antt_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnttOverviewPage *self = ANTT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnttOverviewPage *self = ANTT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      antt_overview_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_overview_page_class_init (AnttOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_overview_page_dispose;
  object_class->get_property = antt_overview_page_get_property;
  object_class->set_property = antt_overview_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANTT_TYPE_PHASE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, theme_label);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, phases_box);
}

static void
antt_overview_page_init (AnttOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  antt_overview_page_reload (self);
}

GtkWidget *
antt_overview_page_new (void)
{
  return g_object_new (ANTT_TYPE_OVERVIEW_PAGE, NULL);
}

/**
 * antt_overview_page_get_database:
 *
 * Returns: (transfer none) (nullable): the data file shown
 */
AnttDatabase *
antt_overview_page_get_database (AnttOverviewPage *self)
{
  g_return_val_if_fail (ANTT_IS_OVERVIEW_PAGE (self), NULL);

  return self->database;
}

void
antt_overview_page_set_database (AnttOverviewPage *self,
                                 AnttDatabase     *database)
{
  g_return_if_fail (ANTT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (database == NULL || ANTT_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);

  g_set_object (&self->database, database);

  if (database != NULL)
    {
      g_signal_connect_object (database, "changed::campaigns",
                               G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (database, "changed::phases",
                               G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
    }

  antt_overview_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * antt_overview_page_reload:
 *
 * Reads the movement and its phases again and measures them against
 * antt_app_today_iso().
 */
void
antt_overview_page_reload (AnttOverviewPage *self)
{
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(AnttFilter) filter = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (ANTT_IS_OVERVIEW_PAGE (self));

  if (self->database == NULL)
    {
      g_clear_handle_id (&self->midnight_source, g_source_remove);
      show_status (self, "x-office-calendar-symbolic", _("No Data File Open"), NULL);
      return;
    }

  schedule_midnight_reload (self);
  today = antt_app_today_iso ();

  campaign = find_campaign (self->database, &error);
  if (campaign == NULL && error != NULL)
    {
      show_status (self, "dialog-error-symbolic", _("Cannot Read the Movement"), error->message);
      return;
    }
  if (campaign == NULL)
    {
      show_status (self, "x-office-calendar-symbolic", _("No Movement"),
                   _("This data file holds no emulation movement (phong trào thi đua) yet."));
      return;
    }

  filter = antt_filter_new ();
  antt_filter_add_equals (filter, "campaign_id", antt_record_get_id (campaign));
  phases = antt_records_list (self->database, "phases", filter, &error);
  if (phases == NULL)
    {
      show_status (self, "dialog-error-symbolic", _("Cannot Read the Movement"), error->message);
      return;
    }

  show_campaign (self, campaign, phases, today);
}
