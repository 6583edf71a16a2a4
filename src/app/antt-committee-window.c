/* antt-committee-window.c
 *
 * The award committee's review of one review (sơ kết, tổng kết): its
 * nominees by award and kind with their figures and the evidence linked,
 * the meeting (when, where, who chaired, members present of the total,
 * quorum and approval threshold, how it voted), the votes for each nominee
 * ranked, the decision by the votes or one nominee at a time with a reason,
 * and the number and date of the decision that granted the award.
 *
 * Everything it writes goes through the core (antt-nominations.h and the
 * records API for the meeting): it changes nominations, the meeting and
 * its votes, nothing else. The nominees' figures and evidence are read in a
 * worker thread on a connection of its own.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-committee-window.h"
#include "antt-date.h"
#include "antt-nominations.h"
#include "antt-records.h"

static const char *const vote_methods[] = { "secret_ballot", "show_of_hands" };

typedef struct
{
  gint64          nomination_id;
  char           *name;
  GtkSpinButton  *votes_for;
  GtkSpinButton  *votes_against;
  GtkSpinButton  *votes_abstain;
  guint           shown[3]; /* the votes as read: for, against, abstaining */
  guint           rank;   /* 0: no votes yet */
} VoteRow;

/* The votes in @row's fields, with what is typed but not yet taken. */
static void
read_votes (VoteRow         *row,
            AnttMeetingVote *vote)
{
  gtk_spin_button_update (row->votes_for);
  gtk_spin_button_update (row->votes_against);
  gtk_spin_button_update (row->votes_abstain);
  vote->nomination_id = row->nomination_id;
  vote->votes_for = gtk_spin_button_get_value_as_int (row->votes_for);
  vote->votes_against = gtk_spin_button_get_value_as_int (row->votes_against);
  vote->votes_abstain = gtk_spin_button_get_value_as_int (row->votes_abstain);
}

/* Whether @row's votes were changed since read. */
static gboolean
votes_edited (VoteRow *row)
{
  AnttMeetingVote vote;

  read_votes (row, &vote);
  return vote.votes_for != row->shown[0] || vote.votes_against != row->shown[1] ||
         vote.votes_abstain != row->shown[2];
}

static void
vote_row_clear (gpointer data)
{
  VoteRow *row = data;

  g_free (row->name);
}

struct _AnttCommitteeWindow
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkSpinner       *spinner;
  GtkLabel         *message_label;
  AdwEntryRow      *date_row;
  AdwEntryRow      *time_row;
  AdwEntryRow      *ended_row;
  AdwEntryRow      *place_row;
  AdwEntryRow      *chair_row;
  AdwEntryRow      *secretary_row;
  GtkSpinButton    *total_spin;
  GtkSpinButton    *present_spin;
  AdwEntryRow      *absent_row;
  GtkSpinButton    *quorum_spin;
  GtkSpinButton    *approve_spin;
  AdwComboRow      *method_row;
  AdwActionRow     *meeting_status_row;
  GtkListBox       *nominee_list;
  AdwComboRow      *decision_award_row;
  GtkStringList    *decision_award_names;
  AdwEntryRow      *decision_number_row;
  AdwEntryRow      *decision_date_row;

  /* Owned */
  AnttDatabase     *database;
  GCancellable     *cancellable;
  GArray           *vote_rows;       /* VoteRow */
  GArray           *decision_awards; /* gint64 */
  gulong            changed_id;
  guint             reload_id;
  gint64            phase_id;
  gint64            meeting_id;
  char             *saved_meeting;   /* the meeting's fields as read or saved */
  char             *saved_decision;  /* the decision's fields as saved */
  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (AnttCommitteeWindow, antt_committee_window, ADW_TYPE_WINDOW)

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  char   *path;
  gint64  phase_id;
  gint64  meeting_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

typedef struct
{
  GPtrArray *nominations;   /* AnttNominationInfo, in the order shown */
  GArray    *figures;       /* AnttNomineeFigures, one per nomination */
  GPtrArray *evidence;      /* GPtrArray of AnttEvidence, one per nomination */
  GPtrArray *tally;         /* AnttVoteTally of the meeting, or NULL */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->nominations, g_ptr_array_unref);
  g_clear_pointer (&snapshot->figures, g_array_unref);
  g_clear_pointer (&snapshot->evidence, g_ptr_array_unref);
  g_clear_pointer (&snapshot->tally, g_ptr_array_unref);
  g_free (snapshot);
}

static const AnttVoteTally *
find_tally (GPtrArray *tally,
            gint64     nomination_id)
{
  for (guint i = 0; tally != NULL && i < tally->len; i++)
    {
      const AnttVoteTally *row = g_ptr_array_index (tally, i);
      if (row->nomination_id == nomination_id)
        return row;
    }
  return NULL;
}

/* Within an award and kind, the ranked ones first, by rank. */
static int
compare_nominations (gconstpointer a,
                     gconstpointer b,
                     gpointer      tally)
{
  const AnttNominationInfo *x = *(AnttNominationInfo **) a;
  const AnttNominationInfo *y = *(AnttNominationInfo **) b;
  const AnttVoteTally *tx = find_tally (tally, x->id);
  const AnttVoteTally *ty = find_tally (tally, y->id);
  guint rx = tx != NULL ? tx->rank : G_MAXUINT;
  guint ry = ty != NULL ? ty->rank : G_MAXUINT;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static void
sort_by_rank (GPtrArray *nominations,
              GPtrArray *tally)
{
  guint start = 0;

  for (guint i = 1; i <= nominations->len; i++)
    {
      const AnttNominationInfo *head = g_ptr_array_index (nominations, start);
      const AnttNominationInfo *info = i < nominations->len
                                       ? g_ptr_array_index (nominations, i) : NULL;

      if (info != NULL && info->award_level_id == head->award_level_id &&
          info->kind == head->kind)
        continue;
      g_qsort_with_data (nominations->pdata + start, (gint) (i - start), sizeof (gpointer),
                         compare_nominations, tally);
      start = i;
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* antt_database_open() waits for a writer from its first read on. */
  db = antt_database_open (data->path,
                           ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED |
                           ANTT_DATABASE_FLAGS_WORKER,
                           &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  snapshot = g_new0 (Snapshot, 1);
  snapshot->nominations = antt_nominations_list_review (db, data->phase_id, 0, NULL, &error);
  if (snapshot->nominations != NULL && data->meeting_id != 0)
    snapshot->tally = antt_nominations_tally (db, data->meeting_id, &error);
  if (error == NULL)
    {
      sort_by_rank (snapshot->nominations, snapshot->tally);
      snapshot->figures = g_array_sized_new (FALSE, TRUE, sizeof (AnttNomineeFigures),
                                             snapshot->nominations->len);
      g_array_set_size (snapshot->figures, snapshot->nominations->len);
      snapshot->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
    }

  for (guint i = 0; error == NULL && i < snapshot->nominations->len; i++)
    {
      const AnttNominationInfo *info = g_ptr_array_index (snapshot->nominations, i);
      GPtrArray *evidence;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!antt_nominations_figures (db, data->phase_id, info->kind, info->nominee_id,
                                     &g_array_index (snapshot->figures, AnttNomineeFigures, i),
                                     &error))
        break;
      evidence = antt_nominations_list_linked_evidence (db, info->id, &error);
      if (evidence == NULL)
        break;
      g_ptr_array_add (snapshot->evidence, evidence);
    }

  if (error != NULL)
    {
      snapshot_free (snapshot);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
  else
    snapshot_free (snapshot);
}

/* Helpers ------------------------------------------------------------------ */

static void
show_message (AnttCommitteeWindow *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (AnttCommitteeWindow *self)
{
  gboolean has_votes = self->meeting_id != 0 && self->vote_rows->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.save-votes", has_votes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.decide", has_votes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.save-decision",
                                 self->decision_awards->len > 0);
}

static const char *
status_label (const char *status)
{
  const AnttColumn *column = antt_table_get_column (antt_table_lookup ("nominations"), "status");

  return _(antt_column_choice_label (column, status));
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkSpinButton *
vote_spin (char  *accessible,
           guint  value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_tooltip_text (spin, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_free (accessible);
  return GTK_SPIN_BUTTON (spin);
}

static void decide_one_clicked_cb (GtkButton *button, AnttCommitteeWindow *self);

static GtkWidget *
nominee_row (AnttCommitteeWindow      *self,
             const AnttNominationInfo *info,
             const AnttNomineeFigures *f,
             GPtrArray                *evidence,
             const AnttVoteTally      *tally,
             const AnttMeetingVote    *typed)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (info->nominee_name);
  GtkWidget *status = gtk_label_new (status_label (info->status));
  g_autofree char *subtitle = NULL;
  g_autofree char *figures = NULL;
  g_autoptr(GString) links = g_string_new (NULL);
  const char *kind = info->kind == ANTT_NOMINEE_COLLECTIVE ? _("Collective") : _("Individual");
  gboolean proposed = g_strcmp0 (info->status, "proposed") == 0;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);
  if (tally != NULL)
    {
      /* Translators: the nominee's place by votes: "Rank 2 · 5 for, 1 against, 0 abstaining" */
      g_autofree char *rank = g_strdup_printf (_("Rank %u · %u for, %u against, %u abstaining"),
                                               tally->rank, tally->votes_for,
                                               tally->votes_against, tally->votes_abstain);
      GtkWidget *label = gtk_label_new (rank);

      gtk_widget_add_css_class (label, "numeric");
      if (tally->reaches_threshold)
        gtk_widget_add_css_class (label, "success");
      gtk_box_append (GTK_BOX (top), label);
    }
  if (g_strcmp0 (info->status, "approved") == 0)
    gtk_widget_add_css_class (status, "success");
  else if (g_strcmp0 (info->status, "rejected") == 0)
    gtk_widget_add_css_class (status, "error");
  else if (!proposed)
    gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);

  subtitle = info->team_name != NULL
             ? g_strdup_printf ("%s · %s · %s", info->award_name, kind, info->team_name)
             : g_strdup_printf ("%s · %s", info->award_name, kind);
  gtk_box_append (GTK_BOX (box), small_label (subtitle, "dim-label"));

  figures = g_strdup_printf (_("Patrols %u · call-outs %u (%u on time) · tips %u · incidents %u "
                               "· good deeds %u · commendations %u · follow-up visits %u"),
                             f->patrols, f->callouts, f->callouts_on_time, f->tips, f->incidents,
                             f->good_deeds, f->commendations, f->reintegration_visits);
  gtk_box_append (GTK_BOX (box), small_label (figures, NULL));

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const AnttEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *date = antt_date_iso_to_display (item->date);

      g_string_append_printf (links, "%s%s (%s)", i > 0 ? "; " : "",
                              item->title != NULL ? item->title : "?", date != NULL ? date : "");
    }
  if (links->len > 0)
    {
      /* Translators: the records linked to a nomination, after a colon */
      g_autofree char *text = g_strdup_printf (_("Evidence: %s"), links->str);
      gtk_box_append (GTK_BOX (box), small_label (text, "dim-label"));
    }
  else
    gtk_box_append (GTK_BOX (box), small_label (_("No evidence linked."), "dim-label"));

  if (info->status_reason != NULL && *info->status_reason != '\0')
    gtk_box_append (GTK_BOX (box), small_label (info->status_reason, NULL));
  if (info->decision_number != NULL && *info->decision_number != '\0')
    {
      g_autofree char *date = antt_date_iso_to_display (info->decision_date);
      g_autofree char *text = g_strdup_printf (_("Decision %s of %s"), info->decision_number,
                                               date != NULL ? date : "");
      gtk_box_append (GTK_BOX (box), small_label (text, NULL));
    }

  if (proposed)
    {
      GtkWidget *votes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *approve = gtk_button_new_with_label (_("Approve…"));
      GtkWidget *reject = gtk_button_new_with_label (_("Reject…"));
      VoteRow vote = { 0 };
      g_autofree char *approve_name = g_strdup_printf (_("Approve: %s"), info->nominee_name);
      g_autofree char *reject_name = g_strdup_printf (_("Reject: %s"), info->nominee_name);

      vote.nomination_id = info->id;
      vote.name = g_strdup (info->nominee_name);
      vote.rank = tally != NULL ? tally->rank : 0;
      vote.shown[0] = tally != NULL ? tally->votes_for : info->votes_for;
      vote.shown[1] = tally != NULL ? tally->votes_against : info->votes_against;
      vote.shown[2] = tally != NULL ? tally->votes_abstain : info->votes_abstain;
      /* Votes typed and not saved yet stay as typed. */
      vote.votes_for = vote_spin (g_strdup_printf (_("Votes for: %s"), info->nominee_name),
                                  typed != NULL ? typed->votes_for : vote.shown[0]);
      vote.votes_against = vote_spin (g_strdup_printf (_("Votes against: %s"), info->nominee_name),
                                      typed != NULL ? typed->votes_against : vote.shown[1]);
      vote.votes_abstain = vote_spin (g_strdup_printf (_("Abstentions: %s"), info->nominee_name),
                                      typed != NULL ? typed->votes_abstain : vote.shown[2]);
      gtk_widget_set_sensitive (GTK_WIDGET (vote.votes_for), self->meeting_id != 0);
      gtk_widget_set_sensitive (GTK_WIDGET (vote.votes_against), self->meeting_id != 0);
      gtk_widget_set_sensitive (GTK_WIDGET (vote.votes_abstain), self->meeting_id != 0);

      gtk_box_append (GTK_BOX (votes), small_label (_("For"), NULL));
      gtk_box_append (GTK_BOX (votes), GTK_WIDGET (vote.votes_for));
      gtk_box_append (GTK_BOX (votes), small_label (_("Against"), NULL));
      gtk_box_append (GTK_BOX (votes), GTK_WIDGET (vote.votes_against));
      gtk_box_append (GTK_BOX (votes), small_label (_("Abstain"), NULL));
      gtk_box_append (GTK_BOX (votes), GTK_WIDGET (vote.votes_abstain));
      gtk_widget_set_hexpand (spacer, TRUE);
      gtk_box_append (GTK_BOX (votes), spacer);

      gtk_accessible_update_property (GTK_ACCESSIBLE (approve),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, approve_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reject),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, reject_name, -1);
      gtk_widget_set_tooltip_text (approve, approve_name);
      gtk_widget_set_tooltip_text (reject, reject_name);
      g_object_set_data (G_OBJECT (approve), "status", (gpointer) "approved");
      g_object_set_data (G_OBJECT (reject), "status", (gpointer) "rejected");
      for (GtkWidget *b = approve; b != NULL; b = b == approve ? reject : NULL)
        {
          g_object_set_data (G_OBJECT (b), "nomination-id", GSIZE_TO_POINTER (info->id));
          g_object_set_data_full (G_OBJECT (b), "nominee-name", g_strdup (info->nominee_name),
                                  g_free);
          g_signal_connect (b, "clicked", G_CALLBACK (decide_one_clicked_cb), self);
          gtk_box_append (GTK_BOX (votes), b);
        }
      gtk_widget_add_css_class (reject, "destructive-action");
      gtk_box_append (GTK_BOX (box), votes);
      g_array_append_val (self->vote_rows, vote);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
fill (AnttCommitteeWindow *self,
      Snapshot            *snapshot)
{
  GtkWidget *child;
  guint previous_award = adw_combo_row_get_selected (self->decision_award_row);
  gint64 previous_award_id = previous_award < self->decision_awards->len
                             ? g_array_index (self->decision_awards, gint64, previous_award) : 0;
  guint select = 0;
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (AnttMeetingVote));

  /* The rows are made again from the data: what was typed into them and
   * not saved is carried over, by nomination. */
  for (guint i = 0; i < self->vote_rows->len; i++)
    {
      VoteRow *row = &g_array_index (self->vote_rows, VoteRow, i);
      AnttMeetingVote vote;

      if (!votes_edited (row))
        continue;
      read_votes (row, &vote);
      g_array_append_val (typed, vote);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nominee_list))) != NULL)
    gtk_list_box_remove (self->nominee_list, child);
  g_array_set_size (self->vote_rows, 0);

  for (guint i = 0; i < snapshot->nominations->len; i++)
    {
      const AnttNominationInfo *info = g_ptr_array_index (snapshot->nominations, i);
      const AnttMeetingVote *vote = NULL;

      for (guint j = 0; j < typed->len && vote == NULL; j++)
        if (g_array_index (typed, AnttMeetingVote, j).nomination_id == info->id)
          vote = &g_array_index (typed, AnttMeetingVote, j);
      gtk_list_box_append (self->nominee_list,
                           nominee_row (self, info,
                                        &g_array_index (snapshot->figures, AnttNomineeFigures, i),
                                        g_ptr_array_index (snapshot->evidence, i),
                                        find_tally (snapshot->tally, info->id), vote));
    }
  if (snapshot->nominations->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No nomination in this review yet."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 18);
      gtk_widget_set_margin_bottom (label, 18);
      gtk_list_box_append (self->nominee_list, label);
    }

  /* The awards a decision may be written for: those with approved nominees. */
  g_array_set_size (self->decision_awards, 0);
  gtk_string_list_splice (self->decision_award_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->decision_award_names)),
                          NULL);
  for (guint i = 0; i < snapshot->nominations->len; i++)
    {
      const AnttNominationInfo *info = g_ptr_array_index (snapshot->nominations, i);
      gboolean seen = FALSE;

      if (g_strcmp0 (info->status, "approved") != 0)
        continue;
      for (guint j = 0; j < self->decision_awards->len; j++)
        seen |= g_array_index (self->decision_awards, gint64, j) == info->award_level_id;
      if (seen)
        continue;
      if (info->award_level_id == previous_award_id)
        select = self->decision_awards->len;
      g_array_append_val (self->decision_awards, info->award_level_id);
      gtk_string_list_append (self->decision_award_names, info->award_name);
    }
  if (self->decision_awards->len > 0)
    adw_combo_row_set_selected (self->decision_award_row, select);

  update_actions (self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnttCommitteeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&snapshot, snapshot_free);
      return;
    }

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (snapshot == NULL)
    {
      show_message (self, error->message);
      return;
    }
  fill (self, snapshot);
  snapshot_free (snapshot);
}

static void
reload (AnttCommitteeWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (antt_database_get_path (self->database));
  data->phase_id = self->phase_id;
  data->meeting_id = self->meeting_id;

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer data)
{
  AnttCommitteeWindow *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (AnttCommitteeWindow *self,
                     const char          *table)
{
  if (!g_str_equal (table, "nominations") && !g_str_equal (table, "meeting_votes") &&
      !g_str_equal (table, "committee_meetings") && !g_str_equal (table, "nomination_evidence"))
    return;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* The meeting -------------------------------------------------------------- */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_meeting_status (AnttCommitteeWindow *self,
                     const char          *held_date)
{
  if (self->meeting_id != 0)
    {
      g_autofree char *date = antt_date_iso_to_display (held_date);
      g_autofree char *title = g_strdup_printf (_("Meeting of %s recorded"),
                                                date != NULL ? date : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_status_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_status_row),
                                   _("Not recorded yet"));
}

/* The meeting's fields as shown, to tell whether they were changed. */
static char *
meeting_state (AnttCommitteeWindow *self)
{
  AdwEntryRow *entries[] = {
    self->date_row, self->time_row, self->ended_row, self->absent_row, self->place_row,
    self->chair_row, self->secretary_row,
  };
  GtkSpinButton *spins[] = {
    self->total_spin, self->present_spin, self->quorum_spin, self->approve_spin,
  };
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_string_append_printf (state, "%s\x1f", gtk_editable_get_text (GTK_EDITABLE (entries[i])));
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_string_append_printf (state, "%s\x1f", gtk_editable_get_text (GTK_EDITABLE (spins[i])));
  g_string_append_printf (state, "%u", adw_combo_row_get_selected (self->method_row));
  return g_string_free (state, FALSE);
}

static char *
decision_state (AnttCommitteeWindow *self)
{
  return g_strdup_printf ("%s\x1f%s",
                          gtk_editable_get_text (GTK_EDITABLE (self->decision_number_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->decision_date_row)));
}

/* The review's latest meeting; a new one starts from the commune's
 * thresholds. */
static void
load_meeting (AnttCommitteeWindow *self)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(AnttRecord) commune = NULL;
  AnttRecord *meeting;

  antt_filter_add_equals (filter, "phase_id", self->phase_id);
  meetings = antt_records_list (self->database, "committee_meetings", filter, NULL);
  if (meetings == NULL || meetings->len == 0)
    {
      self->meeting_id = 0;
      commune = antt_records_get (self->database, "commune", 1, NULL);
      if (commune != NULL)
        {
          gtk_spin_button_set_value (self->quorum_spin,
                                     antt_record_get_int (commune, "vote_quorum_pct"));
          gtk_spin_button_set_value (self->approve_spin,
                                     antt_record_get_int (commune, "vote_approve_pct"));
        }
      show_meeting_status (self, NULL);
      g_free (self->saved_meeting);
      self->saved_meeting = meeting_state (self);
      return;
    }

  meeting = g_ptr_array_index (meetings, meetings->len - 1);
  self->meeting_id = antt_record_get_id (meeting);
  {
    const char *held = antt_record_get_string (meeting, "held_date");
    g_autofree char *date = antt_date_iso_to_display (held);
    set_entry_text (self->date_row, date);
  }
  set_entry_text (self->time_row, antt_record_get_string (meeting, "held_time"));
  set_entry_text (self->ended_row, antt_record_get_string (meeting, "ended_time"));
  set_entry_text (self->absent_row, antt_record_get_string (meeting, "absent_names"));
  set_entry_text (self->place_row, antt_record_get_string (meeting, "place"));
  set_entry_text (self->chair_row, antt_record_get_string (meeting, "chair"));
  set_entry_text (self->secretary_row, antt_record_get_string (meeting, "secretary"));
  gtk_spin_button_set_value (self->total_spin, antt_record_get_int (meeting, "members_total"));
  gtk_spin_button_set_value (self->present_spin,
                             antt_record_get_int (meeting, "members_present"));
  if (!antt_record_is_null (meeting, "quorum_pct"))
    gtk_spin_button_set_value (self->quorum_spin, antt_record_get_int (meeting, "quorum_pct"));
  if (!antt_record_is_null (meeting, "approve_pct"))
    gtk_spin_button_set_value (self->approve_spin, antt_record_get_int (meeting, "approve_pct"));
  adw_combo_row_set_selected (self->method_row,
                              g_strcmp0 (antt_record_get_string (meeting, "vote_method"),
                                         "show_of_hands") == 0 ? 1 : 0);
  show_meeting_status (self, antt_record_get_string (meeting, "held_date"));
  g_free (self->saved_meeting);
  self->saved_meeting = meeting_state (self);
}

static void
save_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  antt_committee_window_save_meeting (ANTT_COMMITTEE_WINDOW (widget), NULL);
}

static void
save_votes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  antt_committee_window_save_votes (ANTT_COMMITTEE_WINDOW (widget), NULL);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  antt_committee_window_decide (ANTT_COMMITTEE_WINDOW (widget), NULL);
}

static void
save_decision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AnttCommitteeWindow *self = ANTT_COMMITTEE_WINDOW (widget);
  guint selected = adw_combo_row_get_selected (self->decision_award_row);

  if (selected >= self->decision_awards->len)
    return;
  antt_committee_window_save_decision (self,
                                       g_array_index (self->decision_awards, gint64, selected),
                                       gtk_editable_get_text (GTK_EDITABLE (self->decision_number_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->decision_date_row)),
                                       NULL);
}

/* Approve or reject one nominee, with the reason. */
static void
decide_one_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        AnttCommitteeWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "nomination-id"));

  if (g_str_equal (response, "cancel"))
    return;
  antt_committee_window_set_status (self, id, response, gtk_editable_get_text (entry), NULL);
}

static void
decide_one_clicked_cb (GtkButton           *button,
                       AnttCommitteeWindow *self)
{
  const char *status = g_object_get_data (G_OBJECT (button), "status");
  const char *name = g_object_get_data (G_OBJECT (button), "nominee-name");
  gboolean approve = g_str_equal (status, "approved");
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   approve ? _("Approve the Nomination?")
                                           : _("Reject the Nomination?"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  approve ? _("The committee approves the nomination of %s.")
                                          : _("The committee rejects the nomination of %s. "
                                              "Give the reason: it goes into the minutes."),
                                  name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    status, approve ? _("_Approve") : _("_Reject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), status,
                                              approve ? ADW_RESPONSE_SUGGESTED
                                                      : ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "nomination-id",
                     g_object_get_data (G_OBJECT (button), "nomination-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_one_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ------------------------------------------------------------------ */

/* The meeting's fields, votes or decision typed and not saved are lost on
 * closing: ask first (Escape, Ctrl+W, the close button, a restore closing
 * the windows over the data). Until answered the window stays, and a
 * restore that finds it open stops. */
static gboolean
antt_committee_window_close_request (GtkWindow *window)
{
  AnttCommitteeWindow *self = ANTT_COMMITTEE_WINDOW (window);

  if (!antt_app_close_confirmed (window) && antt_committee_window_has_changes (self))
    {
      antt_app_ask_discard (window, _("Discard Unsaved Changes?"),
                            _("The meeting, votes or decision entered and not saved "
                              "will be lost."));
      return TRUE;
    }

  /* A text field that still has the focus when its window goes warns that
   * it "did not receive a focus-out event" (GTK 4.8): take the focus first. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (antt_committee_window_parent_class)->close_request (window);
}

static void
antt_committee_window_dispose (GObject *object)
{
  AnttCommitteeWindow *self = ANTT_COMMITTEE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_COMMITTEE_WINDOW);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (antt_committee_window_parent_class)->dispose (object);
}

static void
antt_committee_window_finalize (GObject *object)
{
  AnttCommitteeWindow *self = ANTT_COMMITTEE_WINDOW (object);

  g_clear_pointer (&self->vote_rows, g_array_unref);
  g_clear_pointer (&self->decision_awards, g_array_unref);
  g_clear_pointer (&self->saved_meeting, g_free);
  g_clear_pointer (&self->saved_decision, g_free);

  G_OBJECT_CLASS (antt_committee_window_parent_class)->finalize (object);
}

static void
antt_committee_window_class_init (AnttCommitteeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_committee_window_dispose;
  object_class->finalize = antt_committee_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = antt_committee_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-committee-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, time_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, ended_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, absent_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, chair_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, total_spin);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, present_spin);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, quorum_spin);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, approve_spin);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, method_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, meeting_status_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, nominee_list);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, decision_award_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, decision_award_names);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, decision_number_row);
  gtk_widget_class_bind_template_child (widget_class, AnttCommitteeWindow, decision_date_row);

  gtk_widget_class_install_action (widget_class, "committee.save-meeting", NULL,
                                   save_meeting_action);
  gtk_widget_class_install_action (widget_class, "committee.save-votes", NULL,
                                   save_votes_action);
  gtk_widget_class_install_action (widget_class, "committee.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "committee.save-decision", NULL,
                                   save_decision_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
antt_committee_window_init (AnttCommitteeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->vote_rows = g_array_new (FALSE, TRUE, sizeof (VoteRow));
  g_array_set_clear_func (self->vote_rows, vote_row_clear);
  self->decision_awards = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->saved_decision = decision_state (self);
  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

/**
 * antt_committee_window_new:
 * @phase_id: the review
 *
 * Returns: (transfer none): a new window, owned by the toplevel list
 */
AnttCommitteeWindow *
antt_committee_window_new (AnttDatabase *database,
                           gint64        phase_id)
{
  AnttCommitteeWindow *self;
  g_autoptr(AnttRecord) phase = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (database), NULL);

  self = g_object_new (ANTT_TYPE_COMMITTEE_WINDOW, NULL);
  self->database = g_object_ref (database);
  self->phase_id = phase_id;
  self->changed_id = g_signal_connect_swapped (database, "changed",
                                               G_CALLBACK (database_changed_cb), self);

  phase = antt_records_get (database, "phases", phase_id, NULL);
  if (phase != NULL)
    {
      const char *name = antt_record_get_string (phase, "review_name");
      adw_window_title_set_subtitle (self->window_title,
                                     name != NULL && *name != '\0'
                                     ? name : antt_record_get_string (phase, "name"));
    }

  load_meeting (self);
  reload (self);
  return self;
}

gboolean
antt_committee_window_is_loading (AnttCommitteeWindow *self)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);
  return self->loading || self->reload_id != 0;
}

gint64
antt_committee_window_get_meeting (AnttCommitteeWindow *self)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), 0);
  return self->meeting_id;
}

/**
 * antt_committee_window_set_field:
 * @column: a column of committee_meetings shown in the window
 *
 * Types @text into the meeting's field, as the user does.
 */
void
antt_committee_window_set_field (AnttCommitteeWindow *self,
                                 const char          *column,
                                 const char          *text)
{
  struct { const char *column; AdwEntryRow *row; } entries[] = {
    { "held_date", self->date_row }, { "held_time", self->time_row },
    { "ended_time", self->ended_row }, { "absent_names", self->absent_row },
    { "place", self->place_row }, { "chair", self->chair_row },
    { "secretary", self->secretary_row },
  };
  struct { const char *column; GtkSpinButton *spin; } spins[] = {
    { "members_total", self->total_spin }, { "members_present", self->present_spin },
    { "quorum_pct", self->quorum_spin }, { "approve_pct", self->approve_spin },
  };

  g_return_if_fail (ANTT_IS_COMMITTEE_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_str_equal (column, entries[i].column))
      {
        set_entry_text (entries[i].row, text);
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    if (g_str_equal (column, spins[i].column))
      {
        gtk_spin_button_set_value (spins[i].spin, g_ascii_strtod (text, NULL));
        return;
      }
  if (g_str_equal (column, "vote_method"))
    {
      adw_combo_row_set_selected (self->method_row, g_strcmp0 (text, "show_of_hands") == 0);
      return;
    }
  g_return_if_reached ();
}

/**
 * antt_committee_window_save_meeting:
 *
 * Records the meeting as entered, with its quorum and approval threshold
 * (the Save Meeting button): a new one, or the review's latest corrected.
 */
gboolean
antt_committee_window_save_meeting (AnttCommitteeWindow  *self,
                                    GError              **error)
{
  g_autoptr(AnttRecord) meeting = antt_record_new ("committee_meetings");
  g_autoptr(GError) local_error = NULL;
  const char *time;
  guint method;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  gtk_spin_button_update (self->total_spin);
  gtk_spin_button_update (self->present_spin);
  gtk_spin_button_update (self->quorum_spin);
  gtk_spin_button_update (self->approve_spin);

  antt_record_set_int (meeting, "phase_id", self->phase_id);
  antt_record_set_string (meeting, "held_date",
                          gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  if (*time != '\0')
    antt_record_set_string (meeting, "held_time", time);
  else
    antt_record_set_null (meeting, "held_time");
  time = gtk_editable_get_text (GTK_EDITABLE (self->ended_row));
  if (*time != '\0')
    antt_record_set_string (meeting, "ended_time", time);
  else
    antt_record_set_null (meeting, "ended_time");
  antt_record_set_string (meeting, "absent_names",
                          gtk_editable_get_text (GTK_EDITABLE (self->absent_row)));
  antt_record_set_string (meeting, "place", gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  antt_record_set_string (meeting, "chair", gtk_editable_get_text (GTK_EDITABLE (self->chair_row)));
  antt_record_set_string (meeting, "secretary",
                          gtk_editable_get_text (GTK_EDITABLE (self->secretary_row)));
  antt_record_set_int (meeting, "members_total",
                       gtk_spin_button_get_value_as_int (self->total_spin));
  antt_record_set_int (meeting, "members_present",
                       gtk_spin_button_get_value_as_int (self->present_spin));
  antt_record_set_int (meeting, "quorum_pct", gtk_spin_button_get_value_as_int (self->quorum_spin));
  antt_record_set_int (meeting, "approve_pct",
                       gtk_spin_button_get_value_as_int (self->approve_spin));
  method = adw_combo_row_get_selected (self->method_row);
  antt_record_set_string (meeting, "vote_method",
                          vote_methods[method < G_N_ELEMENTS (vote_methods) ? method : 0]);

  if (self->meeting_id != 0)
    {
      antt_record_set_id (meeting, self->meeting_id);
      if (!antt_records_update (self->database, meeting, &local_error))
        goto fail;
    }
  else if ((self->meeting_id = antt_records_insert (self->database, meeting, &local_error)) == 0)
    goto fail;

  show_message (self, NULL);
  load_meeting (self);
  reload (self);
  return TRUE;

fail:
  show_message (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * antt_committee_window_set_votes:
 *
 * Enters a nominee's votes, as typed into its row.
 *
 * Returns: %FALSE if the nomination has no votes to enter (not proposed)
 */
gboolean
antt_committee_window_set_votes (AnttCommitteeWindow *self,
                                 gint64               nomination_id,
                                 guint                votes_for,
                                 guint                votes_against,
                                 guint                votes_abstain)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->vote_rows->len; i++)
    {
      VoteRow *row = &g_array_index (self->vote_rows, VoteRow, i);

      if (row->nomination_id != nomination_id)
        continue;
      gtk_spin_button_set_value (row->votes_for, votes_for);
      gtk_spin_button_set_value (row->votes_against, votes_against);
      gtk_spin_button_set_value (row->votes_abstain, votes_abstain);
      return TRUE;
    }
  return FALSE;
}

/**
 * antt_committee_window_get_rank:
 *
 * Returns: the nominee's rank by votes at the meeting as shown, 0 if none
 */
guint
antt_committee_window_get_rank (AnttCommitteeWindow *self,
                                gint64               nomination_id)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), 0);

  for (guint i = 0; i < self->vote_rows->len; i++)
    {
      VoteRow *row = &g_array_index (self->vote_rows, VoteRow, i);
      if (row->nomination_id == nomination_id)
        return row->rank;
    }
  return 0;
}

/**
 * antt_committee_window_save_votes:
 *
 * Records every proposed nominee's votes at the meeting (Save Votes).
 */
gboolean
antt_committee_window_save_votes (AnttCommitteeWindow  *self,
                                  GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) votes = NULL;
  guint failed = 0;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  if (self->meeting_id == 0)
    {
      g_set_error_literal (&local_error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                           _("Save the meeting first: votes are counted at a meeting."));
      goto fail;
    }

  votes = g_array_sized_new (FALSE, TRUE, sizeof (AnttMeetingVote), self->vote_rows->len);
  for (guint i = 0; i < self->vote_rows->len; i++)
    {
      VoteRow *row = &g_array_index (self->vote_rows, VoteRow, i);
      AnttMeetingVote vote = { row->nomination_id, 0, 0, 0 };

      read_votes (row, &vote);
      g_array_append_val (votes, vote);
    }

  /* All of them or none: a refusal leaves the votes saved before. */
  if (!antt_nominations_record_meeting_votes (self->database, self->meeting_id,
                                              (const AnttMeetingVote *) votes->data, votes->len,
                                              &failed, &local_error))
    {
      /* Which nominee: the core's message is about the numbers. */
      if (failed < self->vote_rows->len)
        g_prefix_error (&local_error, "%s: ",
                        g_array_index (self->vote_rows, VoteRow, failed).name);
      goto fail;
    }

  show_message (self, NULL);
  reload (self);
  return TRUE;

fail:
  show_message (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * antt_committee_window_decide:
 *
 * Saves the votes, then lets the core decide by them (Decide by the
 * Votes): approved within the caps, the others rejected with the reason.
 */
gboolean
antt_committee_window_decide (AnttCommitteeWindow  *self,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  guint approved = 0, rejected = 0;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  if (!antt_committee_window_save_votes (self, error))
    return FALSE;
  if (!antt_nominations_decide (self->database, self->meeting_id, &approved, &rejected,
                                &local_error))
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    /* Translators: after the committee's decision */
    g_autofree char *title = g_strdup_printf (_("%u approved, %u rejected"), approved, rejected);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_status_row), title);
  }
  reload (self);
  return TRUE;
}

/**
 * antt_committee_window_set_status:
 * @status: "approved" or "rejected"
 * @reason: (nullable): why; the core requires one to reject
 *
 * Approves or rejects one nominee (its Approve… or Reject… button).
 */
gboolean
antt_committee_window_set_status (AnttCommitteeWindow  *self,
                                  gint64                nomination_id,
                                  const char           *status,
                                  const char           *reason,
                                  GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  if (!antt_nominations_set_status (self->database, nomination_id, status, reason,
                                    &local_error))
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_message (self, NULL);
  reload (self);
  return TRUE;
}

/**
 * antt_committee_window_save_decision:
 * @decision_date: as typed, dd/mm/yyyy
 *
 * Writes the decision's number and date on the award's approved
 * nominations in this review (Save Decision).
 */
gboolean
antt_committee_window_save_decision (AnttCommitteeWindow  *self,
                                     gint64                award_level_id,
                                     const char           *decision_number,
                                     const char           *decision_date,
                                     GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  if (!antt_nominations_set_decision (self->database, self->phase_id, award_level_id,
                                      decision_number, decision_date, &local_error))
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_free (self->saved_decision);
  self->saved_decision = decision_state (self);
  show_message (self, NULL);
  reload (self);
  return TRUE;
}

/**
 * antt_committee_window_get_message:
 *
 * Returns: (nullable): the refusal shown, or %NULL
 */
const char *
antt_committee_window_get_message (AnttCommitteeWindow *self)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/**
 * antt_committee_window_has_changes:
 *
 * Returns: %TRUE if closing would lose input: the meeting's fields, votes
 *   or the decision's number and date changed and not saved
 */
gboolean
antt_committee_window_has_changes (AnttCommitteeWindow *self)
{
  g_autofree char *meeting = NULL;
  g_autofree char *decision = NULL;

  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->vote_rows->len; i++)
    if (votes_edited (&g_array_index (self->vote_rows, VoteRow, i)))
      return TRUE;
  meeting = meeting_state (self);
  decision = decision_state (self);
  return g_strcmp0 (meeting, self->saved_meeting) != 0 ||
         g_strcmp0 (decision, self->saved_decision) != 0;
}

/**
 * antt_committee_window_get_votes_for:
 *
 * Returns: the votes for the nominee in its row, as typed; 0 if it has no
 *   row of votes (not proposed)
 */
guint
antt_committee_window_get_votes_for (AnttCommitteeWindow *self,
                                     gint64               nomination_id)
{
  g_return_val_if_fail (ANTT_IS_COMMITTEE_WINDOW (self), 0);

  for (guint i = 0; i < self->vote_rows->len; i++)
    {
      VoteRow *row = &g_array_index (self->vote_rows, VoteRow, i);
      AnttMeetingVote vote;

      if (row->nomination_id != nomination_id)
        continue;
      read_votes (row, &vote);
      return vote.votes_for;
    }
  return 0;
}
