/* antt-overview-page.c
 *
 * The movement and its phases are read on the main thread: a few rows.
 * The targets are not: at a province's scale they take a few hundred
 * milliseconds, so they are evaluated in a worker thread on a connection
 * of its own (antt-target-evaluation.c) while the page keeps showing what
 * it had, with a spinner.
 *
 * One evaluation holds every team of the period, so that choosing a team
 * shows its numbers at once; evaluations are kept per period (and day), so
 * that going back to a period is instant too. Any change to a table that
 * the targets read empties that cache and, once the changes stop for
 * DEBOUNCE_MS, evaluates again. Only one evaluation runs at a time; a
 * result computed before the latest change is dropped (the generation
 * counter), and one for a period no longer chosen is only cached.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "antt-app-util.h"
#include "antt-campaign.h"
#include "antt-chart.h"
#include "antt-date.h"
#include "antt-overview-page.h"
#include "antt-phase-group.h"
#include "antt-records.h"
#include "antt-target-evaluation.h"
#include "antt-target-item.h"
#include "antt-target-month-grid.h"
#include "antt-target-ranking.h"
#include "antt-target-records-window.h"
#include "antt-target-row.h"
#include "antt-target-team-item.h"

#define DEBOUNCE_MS 300

/* The tables that antt_targets_evaluate() and the chart read. */
static const char *const evaluated_tables[] = {
  "business_violations", "callout_members", "callouts", "campaigns", "commune",
  "good_deeds", "incident_participants", "incidents", "member_violations", "members",
  "models", "patrol_participants", "patrols", "phases", "political_activities",
  "political_attendance", "reintegration_cases", "targets", "team_villages", "teams",
  "tips", "training_attendance", "trainings", "village_population", "villages",
};

typedef struct
{
  char *label;
  char *from;
  char *to;
} Period;

struct _AnttOverviewPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkLabel             *issuer_label;
  GtkLabel             *name_label;
  GtkLabel             *theme_label;
  GtkLabel             *period_label;
  GtkLabel             *state_label;
  GtkFlowBox           *phases_box;
  GtkLabel             *targets_heading;
  GtkLabel             *targets_description;
  GtkSpinner           *spinner;
  GtkDropDown          *period_dropdown;
  GtkDropDown          *team_dropdown;
  GtkBox               *summary_box;
  GtkListBox           *targets_list;
  GtkLabel             *targets_placeholder;
  AnttTargetMonthGrid  *month_grid;
  GtkWidget            *ranking_empty;
  AnttTargetRanking    *ranking;
  AnttChart            *chart;
  GtkMenuButton        *reports_button;

  /* Owned */
  AnttDatabase         *database;
  char                 *today;
  gint64                campaign_id;
  GPtrArray            *periods;       /* Period, as the period drop-down */
  GtkStringList        *period_model;
  GArray               *team_ids;      /* gint64, as the team drop-down; 0: the commune */
  GtkStringList        *team_model;
  GHashTable           *cache;         /* period key → AnttTargetEvaluation */
  AnttTargetEvaluation *shown;
  char                 *shown_key;
  GListStore           *targets;       /* AnttTargetItem */
  GCancellable         *cancellable;
  guint                 generation;
  guint                 debounce_source;
  guint                 midnight_source;
  gboolean              running;
  gboolean              pending;
  gboolean              activity_stale;
  gboolean              updating_filters;
  gboolean              evaluating;
};

G_DEFINE_FINAL_TYPE (AnttOverviewPage, antt_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_EVALUATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void     schedule_midnight_reload (AnttOverviewPage *self);
static void     request_evaluation       (AnttOverviewPage *self);
static gboolean reload_movement          (AnttOverviewPage *self);

static void
period_free (gpointer data)
{
  Period *period = data;

  g_free (period->label);
  g_free (period->from);
  g_free (period->to);
  g_free (period);
}

/* Helpers ------------------------------------------------------------------ */

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

static char *
format_period (const char *from_iso,
               const char *to_iso)
{
  g_autofree char *from = antt_date_iso_to_display (from_iso);
  g_autofree char *to = antt_date_iso_to_display (to_iso);

  /* Translators: a period of time, from the first date to the second */
  return g_strdup_printf (_("%s – %s"), from ? from : "?", to ? to : "?");
}

static const Period *
current_period (AnttOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->periods == NULL || selected >= self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, selected);
}

static gint64
current_team (AnttOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->team_dropdown);

  if (selected >= self->team_ids->len)
    return 0;
  return g_array_index (self->team_ids, gint64, selected);
}

/* Evaluations are kept by period and by the day they were judged on. */
static char *
period_key (const Period *period,
            const char   *today)
{
  return g_strdup_printf ("%s/%s/%s", period->from, period->to, today);
}

static void
set_evaluating (AnttOverviewPage *self,
                gboolean          evaluating)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), evaluating);
  gtk_spinner_set_spinning (self->spinner, evaluating);

  if (self->evaluating == evaluating)
    return;
  self->evaluating = evaluating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATING]);
}

static void
update_evaluating (AnttOverviewPage *self)
{
  set_evaluating (self, self->running || self->pending || self->debounce_source != 0);
}

/* The movement ------------------------------------------------------------- */

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
  g_autofree char *period = format_period (antt_record_get_string (campaign, "start_date"),
                                           antt_record_get_string (campaign, "end_date"));
  g_autofree char *quoted = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->issuer_label, issuer);
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_label), issuer && issuer[0]);

  gtk_label_set_label (self->name_label, antt_record_get_string (campaign, "name"));

  /* Translators: the theme (chủ đề) of the movement, in quotation marks */
  quoted = g_strdup_printf (_("“%s”"), theme ? theme : "");
  gtk_label_set_label (self->theme_label, quoted);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_label), theme && theme[0]);

  gtk_label_set_label (self->period_label, period);

  update_state (self, campaign, today);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phases_box))))
    gtk_flow_box_remove (self->phases_box, child);

  for (guint i = 0; i < phases->len; i++)
    {
      GtkWidget *group = antt_phase_group_new (g_ptr_array_index (phases, i), today);

      gtk_flow_box_append (self->phases_box, group);
      /* The groups are not choices: no focus stop on their cells. */
      gtk_widget_set_focusable (gtk_widget_get_parent (group), FALSE);
    }

  gtk_stack_set_visible_child_name (self->stack, "campaign");
}

/* The choice of period: each phase and the whole movement. The one chosen
 * stays chosen across reloads; at first, the phase of today. */
static void
update_periods (AnttOverviewPage *self,
                AnttRecord       *campaign,
                GPtrArray        *phases,
                const char       *today)
{
  const Period *previous = current_period (self);
  g_autofree char *previous_from = previous ? g_strdup (previous->from) : NULL;
  g_autofree char *previous_to = previous ? g_strdup (previous->to) : NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (period_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint selected = G_MAXUINT, current = G_MAXUINT;
  Period *period;

  for (guint i = 0; i < phases->len; i++)
    {
      AnttRecord *phase = g_ptr_array_index (phases, i);

      period = g_new0 (Period, 1);
      period->label = g_strdup (antt_record_get_string (phase, "name"));
      period->from = g_strdup (antt_record_get_string (phase, "start_date"));
      period->to = g_strdup (antt_record_get_string (phase, "end_date"));
      if (period->from == NULL || period->to == NULL)
        {
          period_free (period);
          continue;
        }
      if (strcmp (period->from, today) <= 0 && strcmp (today, period->to) <= 0)
        current = periods->len;
      g_ptr_array_add (periods, period);
    }

  period = g_new0 (Period, 1);
  period->label = g_strdup (_("Whole movement"));
  period->from = g_strdup (antt_record_get_string (campaign, "start_date"));
  period->to = g_strdup (antt_record_get_string (campaign, "end_date"));
  g_ptr_array_add (periods, period);

  for (guint i = 0; i < periods->len; i++)
    {
      Period *p = g_ptr_array_index (periods, i);

      g_ptr_array_add (labels, p->label);
      if (selected == G_MAXUINT && g_strcmp0 (p->from, previous_from) == 0 &&
          g_strcmp0 (p->to, previous_to) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  if (selected == G_MAXUINT)
    selected = current != G_MAXUINT ? current : periods->len - 1;

  self->updating_filters = TRUE;
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = g_steal_pointer (&periods);
  gtk_string_list_splice (self->period_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->period_model)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->period_dropdown, selected);
  self->updating_filters = FALSE;
}

/* Showing an evaluation ---------------------------------------------------- */

/* The teams of the period, by name; the team chosen stays chosen while it
 * is among them. */
static void
update_teams (AnttOverviewPage *self)
{
  GListModel *teams = antt_target_evaluation_get_teams_by_name (self->shown);
  guint n_teams = g_list_model_get_n_items (teams);
  gint64 team_id = current_team (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_teams, g_object_unref);
  g_autofree const char **labels = g_new0 (const char *, n_teams + 2);
  guint selected = 0;

  labels[0] = _("Whole commune");
  g_array_set_size (self->team_ids, 0);
  g_array_append_vals (self->team_ids, &(gint64) { 0 }, 1);
  for (guint i = 0; i < n_teams; i++)
    {
      AnttTargetTeamItem *item = g_list_model_get_item (teams, i);
      gint64 id = antt_target_team_item_get_team_id (item);

      g_ptr_array_add (items, item);
      labels[i + 1] = antt_target_team_item_get_name (item);
      g_array_append_val (self->team_ids, id);
      if (id == team_id)
        selected = i + 1;
    }

  self->updating_filters = TRUE;
  gtk_string_list_splice (self->team_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->team_model)),
                          (const char * const *) labels);
  gtk_drop_down_set_selected (self->team_dropdown, selected);
  self->updating_filters = FALSE;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return antt_target_row_new (ANTT_TARGET_ITEM (item));
}

static void
update_summary (AnttOverviewPage *self)
{
  static const AnttTargetState states[] = {
    ANTT_TARGET_STATE_MET, ANTT_TARGET_STATE_AT_RISK,
    ANTT_TARGET_STATE_NOT_MET, ANTT_TARGET_STATE_NO_DATA,
  };
  guint counts[4] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnttTargetItem) item = g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      for (guint s = 0; s < G_N_ELEMENTS (states); s++)
        counts[s] += antt_target_item_get_state (item) == states[s];
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_box))))
    gtk_box_remove (self->summary_box, child);

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (counts[s] == 0)
        continue;
      /* Translators: how many targets are in a state: "9 met", "2 at risk" */
      text = g_strdup_printf (C_("targets in a state", "%u %s"), counts[s],
                              antt_target_state_to_string (states[s]));
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "target-state");
      gtk_widget_add_css_class (label, antt_target_state_css_class (states[s]));
      gtk_box_append (self->summary_box, label);
    }
}

static const char *
team_name (AnttOverviewPage *self,
           gint64            team_id)
{
  const AnttTeamRank *rank;

  if (team_id == 0 || self->shown == NULL)
    return NULL;
  rank = antt_target_evaluation_lookup_team (self->shown, team_id);
  return rank ? rank->name : NULL;
}

/* The list, the summary and the grid for the team chosen. */
static void
render (AnttOverviewPage *self)
{
  AnttTargetReport *report;
  const Period *period = current_period (self);
  gint64 team_id = current_team (self);
  g_autofree char *dates = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *description = NULL;
  g_autofree char *key = NULL;
  GtkWidget *focus;
  int focused_index = -1;
  gboolean stale;

  if (self->shown == NULL)
    return;
  report = antt_target_evaluation_get_report (self->shown);

  /* The rows are made anew: keep the keyboard on the same one. */
  focus = gtk_widget_get_root (GTK_WIDGET (self))
          ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (self->targets_list))
    focused_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus));

  g_clear_object (&self->targets);
  self->targets = antt_target_items_new (report,
                                         team_id ? ANTT_TARGET_LEVEL_TEAM
                                                 : ANTT_TARGET_LEVEL_COMMUNE,
                                         team_id);
  gtk_list_box_bind_model (self->targets_list, G_LIST_MODEL (self->targets),
                           create_row_cb, NULL, NULL);
  if (focused_index >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->targets_list, focused_index);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  update_summary (self);

  dates = format_period (antt_target_report_get_from (report), antt_target_report_get_to (report));
  as_of = antt_date_iso_to_display (antt_target_report_get_today (report));
  /* Translators: what the targets are measured over: the team or "Whole
   * commune", the period's dates and the day they are judged on */
  description = g_strdup_printf (_("%s · %s · as of %s"),
                                 team_id ? team_name (self, team_id) : _("Whole commune"),
                                 dates, as_of ? as_of : "?");
  gtk_label_set_label (self->targets_description, description);

  if (team_id == 0)
    antt_target_month_grid_set_teams (self->month_grid,
                                      antt_target_evaluation_get_teams_by_name (self->shown),
                                      antt_target_evaluation_get_months (self->shown));
  else
    {
      GListModel *teams = antt_target_evaluation_get_teams_by_rank (self->shown);
      g_autoptr(GListStore) one = g_list_store_new (ANTT_TYPE_TARGET_TEAM_ITEM);

      for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
        {
          g_autoptr(AnttTargetTeamItem) item = g_list_model_get_item (teams, i);

          if (antt_target_team_item_get_team_id (item) == team_id)
            g_list_store_append (one, item);
        }
      antt_target_month_grid_set_teams (self->month_grid, G_LIST_MODEL (one),
                                        antt_target_evaluation_get_months (self->shown));
    }

  /* Dimmed while the numbers are not those of the period chosen. */
  key = period ? period_key (period, self->today) : NULL;
  stale = g_strcmp0 (key, self->shown_key) != 0;
  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->targets_list), "stale");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->targets_list), "stale");
}

static void
show_evaluation (AnttOverviewPage     *self,
                 AnttTargetEvaluation *evaluation,
                 const char           *key)
{
  GListModel *ranking;
  guint n;

  if (self->shown != evaluation)
    {
      g_clear_pointer (&self->shown, antt_target_evaluation_unref);
      self->shown = antt_target_evaluation_ref (evaluation);

      update_teams (self);

      ranking = antt_target_evaluation_get_teams_by_rank (evaluation);
      n = g_list_model_get_n_items (ranking);
      antt_target_ranking_set_teams (self->ranking, ranking);
      gtk_widget_set_visible (GTK_WIDGET (self->ranking), n > 0);
      gtk_widget_set_visible (self->ranking_empty, n == 0);
    }
  g_free (self->shown_key);
  self->shown_key = g_strdup (key);

  gtk_label_set_label (self->targets_placeholder, _("No targets in this movement."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->targets_placeholder), "error");
  render (self);
}

static void
show_error (AnttOverviewPage *self,
            const char       *message)
{
  g_autofree char *text = g_strdup_printf (_("The targets could not be measured: %s"), message);

  gtk_list_box_bind_model (self->targets_list, NULL, NULL, NULL, NULL);
  gtk_label_set_label (self->targets_placeholder, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->targets_placeholder), "error");
}

static void
show_activity (AnttOverviewPage     *self,
               AnttTargetEvaluation *evaluation)
{
  const char *names[ANTT_N_ACTIVITIES] = {
    [ANTT_ACTIVITY_TIPS] = _("Tips"),
    [ANTT_ACTIVITY_INCIDENTS] = _("Incidents"),
    [ANTT_ACTIVITY_CALLOUTS] = _("Call-outs"),
    [ANTT_ACTIVITY_PATROLS] = _("Patrols"),
  };
  guint n = antt_target_evaluation_get_n_activity_months (evaluation);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, MAX (n, 1) * ANTT_N_ACTIVITIES);
  guint today_month = 0;
  GDate today;

  if (antt_date_parse_iso (self->today, &today))
    today_month = g_date_get_year (&today) * 12 + g_date_get_month (&today) - 1;

  for (guint m = 0; m < n; m++)
    {
      guint year, month;

      antt_target_evaluation_get_activity_month (evaluation, m, &year, &month);
      g_ptr_array_add (labels, antt_target_format_month (year, month));
      for (guint a = 0; a < ANTT_N_ACTIVITIES; a++)
        /* Months to come have no value yet, rather than a fall to 0. */
        values[a * n + m] = year * 12 + month - 1 > today_month
                            ? NAN : antt_target_evaluation_get_activity (evaluation, a)[m];
    }
  g_ptr_array_add (labels, NULL);

  antt_chart_set_data (self->chart, n, (const char * const *) labels->pdata,
                       ANTT_N_ACTIVITIES, names, values);
}

/* Evaluating --------------------------------------------------------------- */

/* The page is not kept alive for a result it no longer wants. */
typedef struct
{
  GWeakRef  self;
  guint     generation;
  char     *key;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->self);
  g_free (job->key);
  g_free (job);
}

static void
evaluation_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(AnttOverviewPage) self = g_weak_ref_get (&job->self);
  g_autoptr(AnttTargetEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  const Period *period;
  g_autofree char *current_key = NULL;

  evaluation = antt_target_evaluation_compute_finish (result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The page was disposed, or its file changed. */
      job_free (job);
      return;
    }

  self->running = FALSE;
  period = current_period (self);
  current_key = period ? period_key (period, self->today) : NULL;

  if (job->generation != self->generation)
    g_debug ("Dropped an evaluation made before the latest change");
  else if (evaluation == NULL)
    {
      g_debug ("Cannot measure the targets: %s", error->message);
      if (g_strcmp0 (job->key, current_key) == 0)
        show_error (self, error->message);
    }
  else
    {
      g_debug ("Targets of %s measured in %.0f ms", job->key,
               antt_target_evaluation_get_seconds (evaluation) * 1000);
      g_hash_table_insert (self->cache, g_strdup (job->key),
                           antt_target_evaluation_ref (evaluation));
      if (antt_target_evaluation_has_activity (evaluation))
        {
          show_activity (self, evaluation);
          self->activity_stale = FALSE;
        }
      if (g_strcmp0 (job->key, current_key) == 0)
        {
          gint64 start = g_get_monotonic_time ();

          show_evaluation (self, evaluation, job->key);
          g_debug ("Targets shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
        }
    }

  job_free (job);

  if (self->pending)
    {
      self->pending = FALSE;
      request_evaluation (self);
    }
  update_evaluating (self);
}

/* Shows the period chosen from the cache, or evaluates it. */
static void
request_evaluation (AnttOverviewPage *self)
{
  const Period *period = current_period (self);
  g_autofree char *key = NULL;
  AnttTargetEvaluation *cached;
  Job *job;

  if (self->database == NULL || period == NULL || self->campaign_id <= 0)
    {
      update_evaluating (self);
      return;
    }

  key = period_key (period, self->today);
  cached = g_hash_table_lookup (self->cache, key);
  if (cached != NULL)
    {
      show_evaluation (self, cached, key);
      update_evaluating (self);
      return;
    }

  if (self->shown != NULL && g_strcmp0 (key, self->shown_key) != 0)
    render (self);   /* dims the numbers of another period */

  if (self->running)
    {
      self->pending = TRUE;
      update_evaluating (self);
      return;
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->self, self);
  job->generation = self->generation;
  job->key = g_strdup (key);
  self->running = TRUE;
  antt_target_evaluation_compute_async (antt_database_get_path (self->database),
                                        self->campaign_id, period->from, period->to,
                                        self->today, self->activity_stale,
                                        self->cancellable, evaluation_cb, job);
  update_evaluating (self);
}

static gboolean
debounce_cb (gpointer user_data)
{
  AnttOverviewPage *self = user_data;

  self->debounce_source = 0;
  request_evaluation (self);
  return G_SOURCE_REMOVE;
}

/* Whatever was measured is out of date: forget it, and measure again once
 * the changes stop. */
static void
invalidate (AnttOverviewPage *self)
{
  self->generation++;
  self->activity_stale = TRUE;
  g_hash_table_remove_all (self->cache);

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
  update_evaluating (self);
}

/* Callbacks ---------------------------------------------------------------- */

static gboolean
is_evaluated_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (evaluated_tables); i++)
    if (g_strcmp0 (table, evaluated_tables[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
database_changed_cb (AnttOverviewPage *self,
                     const char       *table,
                     AnttDatabase     *database)
{
  if (!is_evaluated_table (table))
    return;

  /* The movement and its phases show at once; the targets follow. */
  if (g_strcmp0 (table, "campaigns") == 0 || g_strcmp0 (table, "phases") == 0)
    reload_movement (self);
  invalidate (self);
}

static void
period_selected_cb (AnttOverviewPage *self)
{
  if (self->updating_filters)
    return;
  request_evaluation (self);
}

static void
team_selected_cb (AnttOverviewPage *self)
{
  if (self->updating_filters)
    return;
  render (self);
}

static void
target_activated_cb (AnttOverviewPage *self,
                     GtkListBoxRow    *row,
                     GtkListBox       *list)
{
  AnttTargetItem *item = antt_target_row_get_item (ANTT_TARGET_ROW (row));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 team_id = current_team (self);

  if (self->database == NULL || antt_target_item_get_result (item) == NULL)
    return;

  antt_target_records_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->database, item, team_name (self, team_id));
}

/* A team of the ranking: show its targets. */
static void
team_activated_cb (AnttOverviewPage  *self,
                   gint64             team_id,
                   AnttTargetRanking *ranking)
{
  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_array_index (self->team_ids, gint64, i) == team_id)
      {
        gtk_drop_down_set_selected (self->team_dropdown, i);
        gtk_widget_grab_focus (GTK_WIDGET (self->targets_list));
        break;
      }
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

/* Factories ---------------------------------------------------------------- */

/* In C rather than GtkBuilderListItemFactory templates: GTK 4.8's list
 * views make up to two hundred rows ahead, and a template is parsed anew
 * for each; with a province's thousands of teams that took a visible
 * fraction of a second each time the numbers changed. */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (string));
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

  /* Ellipsized on the button, whole in the list. */
  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  g_object_unref (button);
  g_object_unref (list);
}

/* GObject ------------------------------------------------------------------ */

static void
antt_overview_page_dispose (GObject *object)
{
  AnttOverviewPage *self = ANTT_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->database);
  g_clear_object (&self->targets);
  g_clear_object (&self->period_model);
  g_clear_object (&self->team_model);
  g_clear_pointer (&self->shown, antt_target_evaluation_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (antt_overview_page_parent_class)->dispose (object);
}

static void
antt_overview_page_finalize (GObject *object)
{
  AnttOverviewPage *self = ANTT_OVERVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_free (self->today);
  g_free (self->shown_key);

  G_OBJECT_CLASS (antt_overview_page_parent_class)->finalize (object);
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

    case PROP_EVALUATING:
      g_value_set_boolean (value, self->evaluating);
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
  object_class->finalize = antt_overview_page_finalize;
  object_class->get_property = antt_overview_page_get_property;
  object_class->set_property = antt_overview_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVALUATING] =
    g_param_spec_boolean ("evaluating", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANTT_TYPE_PHASE_GROUP);
  g_type_ensure (ANTT_TYPE_CHART);
  g_type_ensure (ANTT_TYPE_TARGET_MONTH_GRID);
  g_type_ensure (ANTT_TYPE_TARGET_RANKING);

  gtk_widget_class_set_css_name (widget_class, "overviewpage");
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
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, targets_heading);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, targets_description);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, targets_list);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, targets_placeholder);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, ranking_empty);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, ranking);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, AnttOverviewPage, reports_button);
}

/* ANTT_POPUP=reports opens the Reports menu once shown, for screenshots. */
static gboolean
popup_reports_cb (gpointer data)
{
  AnttOverviewPage *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->reports_button)))
    gtk_menu_button_popup (self->reports_button);
  return G_SOURCE_REMOVE;
}

static void
reports_button_map_cb (AnttOverviewPage *self)
{
  if (g_strcmp0 (g_getenv ("ANTT_POPUP"), "reports") == 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 500, popup_reports_cb, g_object_ref (self),
                        g_object_unref);
}

static void
antt_overview_page_init (AnttOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) antt_target_evaluation_unref);
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->activity_stale = TRUE;
  self->today = antt_app_today_iso ();

  set_choice_factories (self->period_dropdown);
  set_choice_factories (self->team_dropdown);

  self->period_model = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (self->period_model));
  self->team_model = gtk_string_list_new ((const char * const []) { _("Whole commune"), NULL });
  g_array_append_vals (self->team_ids, &(gint64) { 0 }, 1);
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (self->team_model));

  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (period_selected_cb), self);
  g_signal_connect_swapped (self->team_dropdown, "notify::selected",
                            G_CALLBACK (team_selected_cb), self);
  g_signal_connect_swapped (self->targets_list, "row-activated",
                            G_CALLBACK (target_activated_cb), self);
  g_signal_connect_swapped (self->ranking, "team-activated",
                            G_CALLBACK (team_activated_cb), self);
  g_signal_connect_swapped (self->reports_button, "map",
                            G_CALLBACK (reports_button_map_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->team_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measuring the targets…"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->targets_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Targets"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Targets by state"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phases_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Phases"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of tips, incidents, call-outs and patrols by month"),
                                  -1);

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

  /* Whatever runs for the previous file is of no use any more. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
  self->pending = FALSE;
  self->generation++;
  self->activity_stale = TRUE;
  g_hash_table_remove_all (self->cache);
  g_clear_pointer (&self->shown, antt_target_evaluation_unref);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  gtk_list_box_bind_model (self->targets_list, NULL, NULL, NULL, NULL);
  antt_target_ranking_set_teams (self->ranking, NULL);
  antt_target_month_grid_set_teams (self->month_grid, NULL, NULL);
  antt_chart_set_data (self->chart, 0, NULL, 0, NULL, NULL);

  g_set_object (&self->database, database);

  if (database != NULL)
    g_signal_connect_object (database, "changed",
                             G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  antt_overview_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* The movement, its phases and the choice of period, read again. */
static gboolean
reload_movement (AnttOverviewPage *self)
{
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GError) error = NULL;

  g_free (self->today);
  self->today = antt_app_today_iso ();

  if (self->database == NULL)
    {
      g_clear_handle_id (&self->midnight_source, g_source_remove);
      self->campaign_id = 0;
      show_status (self, "x-office-calendar-symbolic", _("No Data File Open"), NULL);
      return FALSE;
    }

  schedule_midnight_reload (self);

  campaign = antt_campaign_find_current (self->database, &error);
  if (campaign == NULL && error != NULL)
    {
      self->campaign_id = 0;
      show_status (self, "dialog-error-symbolic", _("Cannot Read the Movement"), error->message);
      return FALSE;
    }
  if (campaign == NULL)
    {
      self->campaign_id = 0;
      show_status (self, "x-office-calendar-symbolic", _("No Movement"),
                   _("This data file holds no emulation movement (phong trào thi đua) yet."));
      return FALSE;
    }

  phases = antt_campaign_list_phases (self->database, campaign, &error);
  if (phases == NULL)
    {
      self->campaign_id = 0;
      show_status (self, "dialog-error-symbolic", _("Cannot Read the Movement"), error->message);
      return FALSE;
    }

  if (self->campaign_id != antt_record_get_id (campaign))
    {
      self->campaign_id = antt_record_get_id (campaign);
      self->activity_stale = TRUE;
      g_hash_table_remove_all (self->cache);
    }
  show_campaign (self, campaign, phases, self->today);
  update_periods (self, campaign, phases, self->today);
  return TRUE;
}

/**
 * antt_overview_page_reload:
 *
 * Reads the movement and its phases again and measures them against
 * antt_app_today_iso(); the targets follow, from the cache when the
 * period and the day are those already measured.
 */
void
antt_overview_page_reload (AnttOverviewPage *self)
{
  g_return_if_fail (ANTT_IS_OVERVIEW_PAGE (self));

  if (reload_movement (self))
    request_evaluation (self);
}

/**
 * antt_overview_page_get_evaluating:
 *
 * Returns: whether the targets shown are being measured again
 */
gboolean
antt_overview_page_get_evaluating (AnttOverviewPage *self)
{
  g_return_val_if_fail (ANTT_IS_OVERVIEW_PAGE (self), FALSE);

  return self->evaluating;
}

/**
 * antt_overview_page_get_targets:
 *
 * Returns: (transfer none) (nullable): the rows shown, as #AnttTargetItem
 */
GListModel *
antt_overview_page_get_targets (AnttOverviewPage *self)
{
  g_return_val_if_fail (ANTT_IS_OVERVIEW_PAGE (self), NULL);

  return self->targets ? G_LIST_MODEL (self->targets) : NULL;
}

/**
 * antt_overview_page_get_ranking:
 *
 * Returns: (transfer none) (nullable): the teams ranked, as
 *   #AnttTargetTeamItem
 */
GListModel *
antt_overview_page_get_ranking (AnttOverviewPage *self)
{
  g_return_val_if_fail (ANTT_IS_OVERVIEW_PAGE (self), NULL);

  return antt_target_ranking_get_teams (self->ranking);
}
