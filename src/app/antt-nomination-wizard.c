/* antt-nomination-wizard.c
 *
 * Four steps: the review and the award, the nominee, the achievements with
 * their evidence, then a summary to confirm. The slots left for each kind
 * stay in sight above every step. The rules (caps, eligibility, once per
 * review and award) are the core's: the wizard shows what the core says
 * of each candidate, and when the core refuses the nomination (another
 * program may have taken the last slot meanwhile) its message is shown
 * over the step, with everything typed kept.
 *
 * The candidates and a nominee's figures and records are read in a worker
 * thread on a connection of its own, kept from one load to the next (a
 * search reads at every keystroke): a commune has hundreds of members.
 * A change of review, award or kind cancels the loads in flight, and what
 * is loaded is known by review, kind and nominee, so that the records of
 * one nominee never come to another's nomination.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-campaign.h"
#include "antt-date.h"
#include "antt-nomination-wizard.h"
#include "antt-records.h"

/* Rows beyond this many are left out of the list: searching narrows it. */
#define MAX_CANDIDATE_ROWS 100

static const char *const steps[] = { "review", "nominee", "achievements", "summary" };

typedef struct
{
  gint64  id;
  char   *name;
  char   *start;   /* ISO */
  char   *end;
} Review;

static void
review_clear (gpointer data)
{
  Review *review = data;

  g_free (review->name);
  g_free (review->start);
  g_free (review->end);
}

struct _AnttNominationWizard
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *back_button;
  GtkButton       *next_button;
  GtkButton       *create_button;
  GtkLabel        *slots_label;
  GtkLabel        *message_label;
  GtkStack        *stack;
  AdwComboRow     *review_row;
  GtkStringList   *review_names;
  AdwComboRow     *award_row;
  GtkStringList   *award_names;
  GtkCheckButton  *collective_check;
  GtkCheckButton  *individual_check;
  GtkSearchEntry  *search_entry;
  GtkStack        *nominee_stack;
  GtkListBox      *candidate_list;
  GtkSpinner      *spinner;
  AdwStatusPage   *empty_page;
  GtkLabel        *full_label;
  GtkListBox      *withdraw_list;
  GtkCheckButton  *excellent_check;
  GtkCheckButton  *sudden_check;
  GtkTextView     *summary_view;
  GtkListBox      *evidence_list;
  AdwActionRow    *summary_review_row;
  AdwActionRow    *summary_award_row;
  AdwActionRow    *summary_nominee_row;
  AdwActionRow    *summary_type_row;
  AdwActionRow    *summary_evidence_row;
  GtkLabel        *summary_text_label;

  /* Owned */
  AnttDatabase    *database;
  GArray          *reviews;        /* Review */
  GArray          *award_ids;      /* gint64, one per award_names item */
  GPtrArray       *candidates;     /* AnttCandidate, as listed */
  GPtrArray       *evidence;       /* AnttEvidence of the nominee loaded */
  GPtrArray       *evidence_checks;/* GtkCheckButton, one per evidence */
  GtkCheckButton  *nominee_group;  /* the radio group of the candidates */
  GCancellable    *candidates_cancellable;
  GCancellable    *nominee_cancellable;
  struct _Worker  *worker;
  char            *slots_text;
  char            *nominee_name;
  char            *prefilled;      /* the summary as last filled in */
  guint            step;
  gint64           nominee_id;
  /* Whose figures and records are shown: review, kind and nominee. */
  gint64           loaded_phase;
  AnttNomineeKind  loaded_kind;
  gint64           loaded_nominee;
  gint64           initial_award;
  gboolean         cap_full;
  gboolean         loading_candidates;
  gboolean         loading_nominee;
  gboolean         updating;
  guint            n_pending;      /* loads whose callback has not run yet */
};

G_DEFINE_FINAL_TYPE (AnttNominationWizard, antt_nomination_wizard, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Worker threads --------------------------------------------------------- */

/* The wizard's connection for its loads, opened by the first one and kept
 * until the wizard goes; one load at a time on it (@lock). */
typedef struct _Worker
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  AnttDatabase    *db;       /* NULL until the first load, and once closed */
  gint             opens;    /* atomic: connections opened, for the tests */
  gint             retired;  /* atomic: the wizard is gone */
} Worker;

static Worker *
worker_new (void)
{
  Worker *worker = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->lock);
  return worker;
}

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;
  g_clear_object (&worker->db);
  g_mutex_clear (&worker->lock);
  g_free (worker);
}

/* The wizard goes: its connection closes now if no load is running on it,
 * else when that load is done. */
static void
worker_retire (Worker *worker)
{
  g_atomic_int_set (&worker->retired, TRUE);
  if (g_mutex_trylock (&worker->lock))
    {
      g_clear_object (&worker->db);
      g_mutex_unlock (&worker->lock);
    }
  worker_unref (worker);
}

/* With @worker->lock held: the kept connection if it still reads the file
 * that @main reads (a restore may have put another in its place), else a
 * new one. antt_database_open() waits for a writer from its first read on:
 * no need to try again when the file is busy. */
static AnttDatabase *
worker_get_database (Worker        *worker,
                     AnttDatabase  *main,
                     GError       **error)
{
  if (worker->db != NULL && !antt_database_is_same_file (worker->db, main))
    g_clear_object (&worker->db);
  if (worker->db == NULL)
    {
      worker->db = antt_database_open (antt_database_get_path (main),
                                       ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                                       error);
      if (worker->db == NULL)
        return NULL;
      g_atomic_int_inc (&worker->opens);
    }
  return worker->db;
}

/* With @worker->lock held, after a load. */
static void
worker_done (Worker *worker)
{
  if (g_atomic_int_get (&worker->retired))
    g_clear_object (&worker->db);
  g_mutex_unlock (&worker->lock);
}

typedef struct
{
  Worker          *worker;
  AnttDatabase    *main;     /* only to tell its file: not used in the thread */
  gint64           phase_id;
  gint64           award_level_id;
  AnttNomineeKind  kind;
  gint64           nominee_id;
  char            *search;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->worker, worker_unref);
  g_clear_object (&data->main);
  g_free (data->search);
  g_free (data);
}

typedef struct
{
  AnttNomineeFigures  figures;
  GPtrArray          *evidence;
} NomineeResult;

static void
nominee_result_free (NomineeResult *result)
{
  g_clear_pointer (&result->evidence, g_ptr_array_unref);
  g_free (result);
}

static void
candidates_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *candidates = NULL;
  AnttDatabase *db;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_mutex_lock (&data->worker->lock);
  db = worker_get_database (data->worker, data->main, &error);
  if (db != NULL && !g_cancellable_is_cancelled (cancellable))
    candidates = antt_nominations_list_candidates (db, data->phase_id, data->award_level_id,
                                                   data->kind, data->search, &error);
  worker_done (data->worker);
  if (g_task_return_error_if_cancelled (task))
    g_clear_pointer (&candidates, g_ptr_array_unref);
  else if (candidates == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, candidates, (GDestroyNotify) g_ptr_array_unref);
}

static void
nominee_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  NomineeResult *result = g_new0 (NomineeResult, 1);
  gboolean ok;
  AnttDatabase *db;

  if (g_task_return_error_if_cancelled (task))
    {
      nominee_result_free (result);
      return;
    }
  g_mutex_lock (&data->worker->lock);
  db = worker_get_database (data->worker, data->main, &error);
  ok = db != NULL &&
       antt_nominations_figures (db, data->phase_id, data->kind, data->nominee_id,
                                 &result->figures, &error) &&
       (result->evidence = antt_nominations_list_evidence (db, data->phase_id, data->kind,
                                                           data->nominee_id, &error)) != NULL;
  worker_done (data->worker);

  if (g_task_return_error_if_cancelled (task))
    nominee_result_free (result);
  else if (!ok)
    {
      nominee_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) nominee_result_free);
}

/* Helpers ---------------------------------------------------------------- */

static const Review *
selected_review (AnttNominationWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->review_row);

  if (selected >= self->reviews->len)
    return NULL;
  return &g_array_index (self->reviews, Review, selected);
}

static gint64
selected_phase (AnttNominationWizard *self)
{
  const Review *review = selected_review (self);

  return review != NULL ? review->id : 0;
}

static gint64
selected_award (AnttNominationWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->award_row);

  return selected < self->award_ids->len ? g_array_index (self->award_ids, gint64, selected) : 0;
}

static const char *
selected_award_name (AnttNominationWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->award_row);

  if (selected >= self->award_ids->len)
    return "";
  return gtk_string_list_get_string (self->award_names, selected);
}

static AnttNomineeKind
selected_kind (AnttNominationWizard *self)
{
  return gtk_check_button_get_active (self->individual_check)
         ? ANTT_NOMINEE_INDIVIDUAL : ANTT_NOMINEE_COLLECTIVE;
}

static void
show_message (AnttNominationWizard *self,
              const char           *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
summary_text (AnttNominationWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
n_evidence_checked (AnttNominationWizard *self)
{
  guint n = 0;

  for (guint i = 0; i < self->evidence_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks, i)))
      n++;
  return n;
}

/* Whether the figures and records shown are those of the nominee chosen. */
static gboolean
nominee_is_loaded (AnttNominationWizard *self)
{
  return self->evidence != NULL && self->nominee_id != 0 &&
         self->loaded_nominee == self->nominee_id &&
         self->loaded_kind == selected_kind (self) &&
         self->loaded_phase == selected_phase (self);
}

static gboolean
can_advance (AnttNominationWizard *self)
{
  switch (self->step)
    {
    case 0:
      return selected_phase (self) != 0 && selected_award (self) != 0;
    case 1:
      return self->nominee_id != 0 && !self->cap_full && !self->loading_candidates;
    case 2:
      return !self->loading_nominee && nominee_is_loaded (self);
    default:
      return FALSE;
    }
}

static void
update_buttons (AnttNominationWizard *self)
{
  g_autofree char *subtitle = NULL;
  static const char *titles[] = {
    N_("Review and Award"), N_("Nominee"), N_("Achievements"), N_("Summary"),
  };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->step + 1 < G_N_ELEMENTS (steps) && can_advance (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.create",
                                 self->step + 1 == G_N_ELEMENTS (steps));

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->step + 1 < G_N_ELEMENTS (steps));
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), self->step + 1 == G_N_ELEMENTS (steps));
  /* Translators: "Step 2 of 4: Nominee" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1,
                              (guint) G_N_ELEMENTS (steps), _(titles[self->step]));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Slots ------------------------------------------------------------------- */

static char *
format_slots (AnttNomineeKind kind,
              guint           used,
              int             cap)
{
  if (cap < 0)
    return g_strdup (kind == ANTT_NOMINEE_COLLECTIVE
                     ? _("No cap on collective nominations")
                     : _("No cap on individual nominations"));
  /* Translators: slots left of the cap: "Còn 3/20 suất cá nhân" */
  return g_strdup_printf (kind == ANTT_NOMINEE_COLLECTIVE
                          ? _("%u/%d collective slots left")
                          : _("%u/%d individual slots left"),
                          used >= (guint) cap ? 0 : (guint) cap - used, cap);
}

static void
update_slots (AnttNominationWizard *self)
{
  g_autofree char *collective = NULL;
  g_autofree char *individual = NULL;
  g_autoptr(GError) error = NULL;
  gint64 phase = selected_phase (self);
  gint64 award = selected_award (self);
  guint used[2] = { 0, 0 };
  int cap[2] = { -1, -1 };

  g_clear_pointer (&self->slots_text, g_free);
  self->cap_full = FALSE;

  if (self->database == NULL || phase == 0 || award == 0)
    {
      gtk_label_set_text (self->slots_label, "");
      return;
    }

  for (int kind = ANTT_NOMINEE_COLLECTIVE; kind <= ANTT_NOMINEE_INDIVIDUAL; kind++)
    if (!antt_nominations_slots (self->database, phase, award, kind, &used[kind], &cap[kind],
                                 &error))
      {
        show_message (self, error->message);
        return;
      }

  collective = format_slots (ANTT_NOMINEE_COLLECTIVE, used[0], cap[0]);
  individual = format_slots (ANTT_NOMINEE_INDIVIDUAL, used[1], cap[1]);
  /* The kind being nominated first. */
  if (selected_kind (self) == ANTT_NOMINEE_INDIVIDUAL)
    self->slots_text = g_strdup_printf ("%s · %s", individual, collective);
  else
    self->slots_text = g_strdup_printf ("%s · %s", collective, individual);
  gtk_label_set_text (self->slots_label, self->slots_text);

  self->cap_full = cap[selected_kind (self)] >= 0 &&
                   used[selected_kind (self)] >= (guint) cap[selected_kind (self)];
}

/* Step 2: the nominee ------------------------------------------------------ */

static void load_candidates (AnttNominationWizard *self);

static void
candidate_toggled_cb (GtkCheckButton       *check,
                      AnttNominationWizard *self)
{
  AnttCandidate *candidate = g_object_get_data (G_OBJECT (check), "candidate");

  if (!gtk_check_button_get_active (check) || candidate == NULL)
    return;
  self->nominee_id = candidate->id;
  g_free (self->nominee_name);
  self->nominee_name = g_strdup (candidate->name);
  show_message (self, NULL);
  update_buttons (self);
}

static void
fill_candidates (AnttNominationWizard *self)
{
  gboolean found = FALSE;
  guint shown = MIN (self->candidates->len, MAX_CANDIDATE_ROWS);

  remove_rows (self->candidate_list);
  gtk_check_button_set_active (self->nominee_group, TRUE);

  for (guint i = 0; i < shown; i++)
    {
      AnttCandidate *candidate = g_ptr_array_index (self->candidates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean eligible = candidate->eligibility == ANTT_ELIGIBILITY_OK;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->name);
      if (!eligible)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), candidate->reason);
      else if (candidate->team_name != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), candidate->team_name);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->nominee_group);
      /* Named by the row's title (the activatable widget's label). */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      eligible ? candidate->team_name : candidate->reason,
                                      -1);
      g_object_set_data (G_OBJECT (check), "candidate", candidate);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (!eligible)
        {
          gtk_widget_set_sensitive (row, FALSE);
        }
      else if (candidate->id == self->nominee_id)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          found = TRUE;
        }
      g_signal_connect (check, "toggled", G_CALLBACK (candidate_toggled_cb), self);
      gtk_list_box_append (self->candidate_list, row);
    }

  if (self->candidates->len > shown)
    {
      g_autofree char *more = g_strdup_printf (_("%u more: type a name to find them"),
                                               self->candidates->len - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->candidate_list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }

  /* A choice that the search hides stays the choice. */
  if (!found && self->nominee_id != 0)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < self->candidates->len; i++)
        {
          AnttCandidate *candidate = g_ptr_array_index (self->candidates, i);
          if (candidate->id == self->nominee_id)
            listed = TRUE;
        }
      if (listed || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
        {
          self->nominee_id = 0;
          g_clear_pointer (&self->nominee_name, g_free);
        }
    }

  if (self->candidates->len == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       selected_kind (self) == ANTT_NOMINEE_COLLECTIVE
                                       ? _("No team matches the search.")
                                       : _("No member matches the search."));
      gtk_stack_set_visible_child_name (self->nominee_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->nominee_stack, "list");
}

static void
candidates_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnttNominationWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *candidates;

  self->n_pending--;
  candidates = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_task_get_cancellable (G_TASK (result)) != self->candidates_cancellable ||
      g_cancellable_is_cancelled (self->candidates_cancellable))
    {
      g_clear_pointer (&candidates, g_ptr_array_unref);
      return;
    }

  self->loading_candidates = FALSE;
  gtk_spinner_stop (self->spinner);
  if (candidates == NULL)
    {
      show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->nominee_stack, "empty");
    }
  else
    {
      g_clear_pointer (&self->candidates, g_ptr_array_unref);
      self->candidates = candidates;
      fill_candidates (self);
    }
  update_buttons (self);
}

static void
withdraw_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      AnttNominationWizard *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "nomination-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "withdraw"))
    return;
  if (!antt_nomination_wizard_withdraw (self, id, &error))
    show_message (self, error->message);
}

static void
withdraw_clicked_cb (GtkButton            *button,
                     AnttNominationWizard *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "nominee-name");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw the Nomination?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The nomination of %s will be withdrawn and its slot freed "
                                    "for another nominee."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "nomination-id",
                     g_object_get_data (G_OBJECT (button), "nomination-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* At a full cap: what is proposed already, each with a way to withdraw it. */
static void
fill_withdraw_list (AnttNominationWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  AnttNomineeKind kind = selected_kind (self);

  gtk_label_set_text (self->full_label,
                      kind == ANTT_NOMINEE_COLLECTIVE
                      ? _("No collective slot is left for this award in this review. Withdraw "
                          "one of the proposed nominations below to free a slot, or choose "
                          "another award.")
                      : _("No individual slot is left for this award in this review. Withdraw "
                          "one of the proposed nominations below to free a slot, or choose "
                          "another award."));
  remove_rows (self->withdraw_list);

  proposed = antt_nominations_list_review (self->database, selected_phase (self),
                                           selected_award (self), "proposed", &error);
  if (proposed == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < proposed->len; i++)
    {
      AnttNominationInfo *info = g_ptr_array_index (proposed, i);
      g_autofree char *accessible = NULL;
      GtkWidget *row, *button;

      if (info->kind != kind)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->nominee_name);
      if (info->team_name != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->team_name);

      button = gtk_button_new_with_label (_("Withdraw"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a button: "Withdraw: Nguyễn Văn Đức" */
      accessible = g_strdup_printf (_("Withdraw: %s"), info->nominee_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_tooltip_text (button, accessible);
      g_object_set_data (G_OBJECT (button), "nomination-id", GSIZE_TO_POINTER (info->id));
      g_object_set_data_full (G_OBJECT (button), "nominee-name",
                              g_strdup (info->nominee_name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (withdraw_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->withdraw_list, row);
    }
}

static void
load_candidates (AnttNominationWizard *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->candidates_cancellable);
  g_clear_object (&self->candidates_cancellable);

  update_slots (self);
  if (self->cap_full)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      self->loading_candidates = FALSE;
      fill_withdraw_list (self);
      gtk_stack_set_visible_child_name (self->nominee_stack, "full");
      /* Nothing to search at a full cap. A text field made insensitive
       * while it has the focus keeps blinking and warns (GTK 4.8): the
       * focus goes first. */
      if (focus != NULL && (focus == GTK_WIDGET (self->search_entry) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry))))
        gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      update_buttons (self);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);

  data = g_new0 (LoadData, 1);
  data->worker = worker_ref (self->worker);
  data->main = g_object_ref (self->database);
  data->phase_id = selected_phase (self);
  data->award_level_id = selected_award (self);
  data->kind = selected_kind (self);
  data->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  self->candidates_cancellable = g_cancellable_new ();
  self->loading_candidates = TRUE;
  /* The old list stays while a search narrows it; a first load spins. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list)) == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->nominee_stack, "loading");
    }

  self->n_pending++;
  task = g_task_new (NULL, self->candidates_cancellable, candidates_loaded_cb,
                     g_object_ref (self));
  g_task_set_source_tag (task, load_candidates);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, candidates_thread);
  update_buttons (self);
}

static void
search_changed_cb (AnttNominationWizard *self)
{
  if (self->step == 1 && self->database != NULL)
    load_candidates (self);
}

/* Step 3: achievements ----------------------------------------------------- */

static char *
figures_text (AnttNominationWizard     *self,
              const AnttNomineeFigures *f)
{
  const Review *review = selected_review (self);
  g_autofree char *start = antt_date_iso_to_display (review->start);
  g_autofree char *end = antt_date_iso_to_display (review->end);

  if (selected_kind (self) == ANTT_NOMINEE_COLLECTIVE)
    return g_strdup_printf (_("In the phase from %s to %s, with %u members, the team:\n"
                              "– carried out %u patrols;\n"
                              "– attended %u fire and rescue call-outs, %u of them on time;\n"
                              "– passed on %u tips from the public;\n"
                              "– took part in handling %u incidents;\n"
                              "– did %u good deeds and received %u commendations;\n"
                              "– made %u follow-up visits to people being reintegrated."),
                            start, end, f->members, f->patrols, f->callouts, f->callouts_on_time,
                            f->tips, f->incidents, f->good_deeds, f->commendations,
                            f->reintegration_visits);
  return g_strdup_printf (_("In the phase from %s to %s, %s:\n"
                            "– joined %u patrols;\n"
                            "– attended %u fire and rescue call-outs, %u of them on time;\n"
                            "– passed on %u tips from the public;\n"
                            "– took part in handling %u incidents;\n"
                            "– did %u good deeds and received %u commendations;\n"
                            "– made %u follow-up visits to people being reintegrated."),
                          start, end, self->nominee_name, f->patrols, f->callouts,
                          f->callouts_on_time, f->tips, f->incidents, f->good_deeds,
                          f->commendations, f->reintegration_visits);
}

static const char *
evidence_kind_label (const char *table)
{
  const AnttColumn *column =
    antt_table_get_column (antt_table_lookup ("nomination_evidence"), "record_table");

  return antt_column_choice_label (column, table);
}

static void
fill_evidence (AnttNominationWizard *self)
{
  remove_rows (self->evidence_list);
  g_ptr_array_set_size (self->evidence_checks, 0);

  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    {
      AnttEvidence *item = g_ptr_array_index (self->evidence, i);
      g_autofree char *date = antt_date_iso_to_display (item->date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *title = item->title != NULL && *item->title != '\0'
                          ? item->title : _(evidence_kind_label (item->record_table));

      subtitle = g_strdup_printf ("%s · %s", _(evidence_kind_label (item->record_table)),
                                  date != NULL ? date : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->evidence_list, row);
      g_ptr_array_add (self->evidence_checks, check);
    }

  if (self->evidence == NULL || self->evidence->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No record of the nominee in this phase."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->evidence_list, label);
    }
}

static void
nominee_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnttNominationWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  NomineeResult *loaded;

  self->n_pending--;
  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_task_get_cancellable (G_TASK (result)) != self->nominee_cancellable ||
      g_cancellable_is_cancelled (self->nominee_cancellable))
    {
      g_clear_pointer (&loaded, nominee_result_free);
      return;
    }

  self->loading_nominee = FALSE;
  if (loaded == NULL)
    {
      show_message (self, error->message);
      update_buttons (self);
      return;
    }

  {
    LoadData *data = g_task_get_task_data (G_TASK (result));

    self->loaded_phase = data->phase_id;
    self->loaded_kind = data->kind;
    self->loaded_nominee = data->nominee_id;
  }
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  self->evidence = g_steal_pointer (&loaded->evidence);
  fill_evidence (self);

  /* The figures replace the summary unless the user has written their own. */
  {
    g_autofree char *current = summary_text (self);
    g_autofree char *text = figures_text (self, &loaded->figures);

    if (*current == '\0' || g_strcmp0 (current, self->prefilled) == 0)
      {
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), text, -1);
        g_free (self->prefilled);
        self->prefilled = g_steal_pointer (&text);
      }
  }

  nominee_result_free (loaded);
  update_buttons (self);
}

static void
load_nominee (AnttNominationWizard *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->nominee_cancellable);
  g_clear_object (&self->nominee_cancellable);

  data = g_new0 (LoadData, 1);
  data->worker = worker_ref (self->worker);
  data->main = g_object_ref (self->database);
  data->phase_id = selected_phase (self);
  data->kind = selected_kind (self);
  data->nominee_id = self->nominee_id;

  self->nominee_cancellable = g_cancellable_new ();
  self->loading_nominee = TRUE;
  self->loaded_phase = 0;
  self->loaded_nominee = 0;
  remove_rows (self->evidence_list);
  g_ptr_array_set_size (self->evidence_checks, 0);

  self->n_pending++;
  task = g_task_new (NULL, self->nominee_cancellable, nominee_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_nominee);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, nominee_thread);
}

/* Step 4: summary ---------------------------------------------------------- */

static void
fill_summary (AnttNominationWizard *self)
{
  const Review *review = selected_review (self);
  g_autofree char *text = summary_text (self);
  g_autofree char *evidence = NULL;
  guint n = n_evidence_checked (self);

  adw_action_row_set_subtitle (self->summary_review_row, review != NULL ? review->name : "");
  adw_action_row_set_subtitle (self->summary_award_row, selected_award_name (self));
  adw_action_row_set_subtitle (self->summary_nominee_row,
                               self->nominee_name != NULL ? self->nominee_name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_nominee_row),
                               selected_kind (self) == ANTT_NOMINEE_COLLECTIVE
                               ? _("A team (collective)") : _("A member (individual)"));
  adw_action_row_set_subtitle (self->summary_type_row,
                               gtk_check_button_get_active (self->sudden_check)
                               ? _("Sudden achievement") : _("Excellent over the phase"));
  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record attached",
                                           "%u records attached", n), n);
  adw_action_row_set_subtitle (self->summary_evidence_row, evidence);
  gtk_label_set_text (self->summary_text_label, *text != '\0' ? text : _("(no summary)"));
}

/* Navigation --------------------------------------------------------------- */

static void
show_step (AnttNominationWizard *self,
           guint                 step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, steps[step]);

  switch (step)
    {
    case 1:
      load_candidates (self);
      break;
    case 2:
      if (!nominee_is_loaded (self))
        load_nominee (self);
      break;
    case 3:
      fill_summary (self);
      break;
    default:
      update_slots (self);
      break;
    }
  update_buttons (self);
}

/* A change of review, award or kind makes another list of nominees. */
static void
reset_nominee (AnttNominationWizard *self)
{
  if (self->updating)
    return;
  /* A load in flight is of the old list or nominee: its result is dropped. */
  g_cancellable_cancel (self->candidates_cancellable);
  g_clear_object (&self->candidates_cancellable);
  g_cancellable_cancel (self->nominee_cancellable);
  g_clear_object (&self->nominee_cancellable);
  self->loading_candidates = FALSE;
  self->loading_nominee = FALSE;
  gtk_spinner_stop (self->spinner);
  self->nominee_id = 0;
  self->loaded_phase = 0;
  self->loaded_nominee = 0;
  g_clear_pointer (&self->nominee_name, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  remove_rows (self->candidate_list);
  show_message (self, NULL);
  update_slots (self);
  update_buttons (self);
}

static void
load_awards (AnttNominationWizard *self,
             gint64                wanted)
{
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = G_MAXUINT, first_capped = G_MAXUINT;
  gint64 phase = selected_phase (self);

  g_array_set_size (self->award_ids, 0);
  gtk_string_list_splice (self->award_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->award_names)), NULL);
  if (phase == 0)
    return;

  summary = antt_nominations_slots_summary (self->database, phase, &error);
  if (summary == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Two rows an award, one a kind. */
  for (guint i = 0; i < summary->len; i++)
    {
      AnttSlots *slots = g_ptr_array_index (summary, i);
      guint n = self->award_ids->len;

      if (n > 0 && g_array_index (self->award_ids, gint64, n - 1) == slots->award_level_id)
        {
          if (slots->cap >= 0 && first_capped == G_MAXUINT)
            first_capped = self->award_ids->len - 1;
          continue;
        }
      if (slots->award_level_id == wanted)
        selected = self->award_ids->len;
      if (slots->cap >= 0 && first_capped == G_MAXUINT)
        first_capped = self->award_ids->len;
      g_array_append_val (self->award_ids, slots->award_level_id);
      gtk_string_list_append (self->award_names, slots->award_name);
    }

  /* By default the capped award: the one the wizard is mostly for. */
  if (selected == G_MAXUINT)
    selected = first_capped != G_MAXUINT ? first_capped : 0;
  adw_combo_row_set_selected (self->award_row, selected);
}

static void
review_changed_cb (AnttNominationWizard *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  load_awards (self, selected_award (self));
  self->updating = FALSE;
  reset_nominee (self);
}

static void
award_changed_cb (AnttNominationWizard *self)
{
  reset_nominee (self);
}

static void
kind_toggled_cb (AnttNominationWizard *self,
                 GtkCheckButton       *check)
{
  if (gtk_check_button_get_active (check))
    reset_nominee (self);
}

static void
load_reviews (AnttNominationWizard *self,
              gint64                wanted)
{
  g_autoptr(AnttRecord) campaign = antt_campaign_find_current (self->database, NULL);
  g_autoptr(GPtrArray) phases = NULL;
  g_autofree char *today = antt_app_today_iso ();
  guint selected;

  if (campaign != NULL)
    phases = antt_campaign_list_phases (self->database, campaign, NULL);
  selected = phases != NULL ? antt_campaign_find_open_review (phases, today) : 0;

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      AnttRecord *phase = g_ptr_array_index (phases, i);
      const char *name = antt_record_get_string (phase, "review_name");
      Review review = { 0 };

      review.id = antt_record_get_id (phase);
      review.name = g_strdup (name != NULL && *name != '\0'
                              ? name : antt_record_get_string (phase, "name"));
      review.start = g_strdup (antt_record_get_string (phase, "start_date"));
      review.end = g_strdup (antt_record_get_string (phase, "end_date"));
      g_array_append_val (self->reviews, review);
      gtk_string_list_append (self->review_names, review.name);

      if (review.id == wanted)
        selected = i;
    }
  adw_combo_row_set_selected (self->review_row, selected);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  antt_nomination_wizard_back (ANTT_NOMINATION_WIZARD (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  antt_nomination_wizard_next (ANTT_NOMINATION_WIZARD (widget));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  antt_nomination_wizard_create (ANTT_NOMINATION_WIZARD (widget), NULL);
}

/* GObject ------------------------------------------------------------------ */

/* What is typed or chosen is lost on closing: ask first (Escape, Ctrl+W,
 * the close button, a restore closing the windows over the data). Until
 * answered the wizard stays, and a restore that finds it open stops. */
static gboolean
antt_nomination_wizard_close_request (GtkWindow *window)
{
  AnttNominationWizard *self = ANTT_NOMINATION_WIZARD (window);

  if (!antt_app_close_confirmed (window) && antt_nomination_wizard_has_changes (self))
    {
      antt_app_ask_discard (window, _("Discard the Nomination?"),
                            _("The nomination has not been created: the summary and "
                              "the records chosen will be lost."));
      return TRUE;
    }

  /* A text field that still has the focus when its window goes warns that
   * it "did not receive a focus-out event" (GTK 4.8): take the focus first. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (antt_nomination_wizard_parent_class)->close_request (window);
}

static void
antt_nomination_wizard_dispose (GObject *object)
{
  AnttNominationWizard *self = ANTT_NOMINATION_WIZARD (object);

  g_cancellable_cancel (self->candidates_cancellable);
  g_cancellable_cancel (self->nominee_cancellable);
  g_clear_object (&self->candidates_cancellable);
  g_clear_object (&self->nominee_cancellable);
  g_clear_pointer (&self->worker, worker_retire);
  g_clear_object (&self->nominee_group);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_NOMINATION_WIZARD);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (antt_nomination_wizard_parent_class)->dispose (object);
}

static void
antt_nomination_wizard_finalize (GObject *object)
{
  AnttNominationWizard *self = ANTT_NOMINATION_WIZARD (object);

  g_clear_pointer (&self->reviews, g_array_unref);
  g_clear_pointer (&self->award_ids, g_array_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_checks, g_ptr_array_unref);
  g_clear_pointer (&self->slots_text, g_free);
  g_clear_pointer (&self->nominee_name, g_free);
  g_clear_pointer (&self->prefilled, g_free);

  G_OBJECT_CLASS (antt_nomination_wizard_parent_class)->finalize (object);
}

static void
antt_nomination_wizard_class_init (AnttNominationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_nomination_wizard_dispose;
  object_class->finalize = antt_nomination_wizard_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = antt_nomination_wizard_close_request;

  /**
   * AnttNominationWizard::created:
   * @id: the new nomination
   *
   * The core took the nomination; the wizard closes.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-nomination-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, create_button);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, slots_label);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, review_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, review_names);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, award_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, award_names);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, collective_check);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, individual_check);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, nominee_stack);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, full_label);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, withdraw_list);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, excellent_check);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, sudden_check);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_view);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_review_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_award_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_nominee_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_type_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_evidence_row);
  gtk_widget_class_bind_template_child (widget_class, AnttNominationWizard, summary_text_label);
  gtk_widget_class_bind_template_callback (widget_class, review_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, award_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.create", NULL, create_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
antt_nomination_wizard_init (AnttNominationWizard *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->reviews = g_array_new (FALSE, TRUE, sizeof (Review));
  g_array_set_clear_func (self->reviews, review_clear);
  self->award_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_candidate_free);
  self->evidence_checks = g_ptr_array_new ();
  self->nominee_group = g_object_ref_sink (GTK_CHECK_BUTTON (gtk_check_button_new ()));
  self->worker = worker_new ();
}

/* Public API --------------------------------------------------------------- */

/**
 * antt_nomination_wizard_new:
 * @phase_id: the review to start on, or 0 for the current one
 * @award_level_id: the award to start on, or 0 for the first capped one
 *
 * Returns: (transfer none): a new wizard, owned by the toplevel list
 */
AnttNominationWizard *
antt_nomination_wizard_new (AnttDatabase *database,
                            gint64        phase_id,
                            gint64        award_level_id)
{
  AnttNominationWizard *self;

  g_return_val_if_fail (ANTT_IS_DATABASE (database), NULL);

  self = g_object_new (ANTT_TYPE_NOMINATION_WIZARD, NULL);
  self->database = g_object_ref (database);

  self->updating = TRUE;
  load_reviews (self, phase_id);
  load_awards (self, award_level_id);
  gtk_check_button_set_active (self->collective_check, TRUE);
  self->updating = FALSE;

  show_step (self, 0);
  return self;
}

gint64
antt_nomination_wizard_get_phase (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return selected_phase (self);
}

gint64
antt_nomination_wizard_get_award (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return selected_award (self);
}

void
antt_nomination_wizard_set_award (AnttNominationWizard *self,
                                  gint64                award_level_id)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));

  for (guint i = 0; i < self->award_ids->len; i++)
    if (g_array_index (self->award_ids, gint64, i) == award_level_id)
      adw_combo_row_set_selected (self->award_row, i);
}

AnttNomineeKind
antt_nomination_wizard_get_kind (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), ANTT_NOMINEE_COLLECTIVE);
  return selected_kind (self);
}

void
antt_nomination_wizard_set_kind (AnttNominationWizard *self,
                                 AnttNomineeKind       kind)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));

  gtk_check_button_set_active (kind == ANTT_NOMINEE_INDIVIDUAL
                               ? self->individual_check : self->collective_check, TRUE);
}

const char *
antt_nomination_wizard_get_step (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), NULL);
  return steps[self->step];
}

/**
 * antt_nomination_wizard_next:
 *
 * Returns: %TRUE if the wizard went on to the next step (what the Next
 *   button does when it is sensitive)
 */
gboolean
antt_nomination_wizard_next (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);

  if (self->step + 1 >= G_N_ELEMENTS (steps) || !can_advance (self))
    return FALSE;
  show_message (self, NULL);
  show_step (self, self->step + 1);
  return TRUE;
}

void
antt_nomination_wizard_back (AnttNominationWizard *self)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));

  if (self->step == 0)
    return;
  show_message (self, NULL);
  show_step (self, self->step - 1);
}

gboolean
antt_nomination_wizard_is_loading (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);
  return self->loading_candidates || self->loading_nominee;
}

void
antt_nomination_wizard_set_search (AnttNominationWizard *self,
                                   const char           *text)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not the entry's delay: the search starts now. */
  search_changed_cb (self);
}

gboolean
antt_nomination_wizard_is_cap_full (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);
  return self->cap_full;
}

/**
 * antt_nomination_wizard_select_nominee:
 *
 * Picks a candidate of the list shown, as clicking its row does.
 *
 * Returns: %FALSE if @nominee_id is not listed or cannot be picked
 */
gboolean
antt_nomination_wizard_select_nominee (AnttNominationWizard *self,
                                       gint64                nominee_id)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;
      AnttCandidate *candidate;

      if (!ADW_IS_ACTION_ROW (row))
        continue;
      check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      candidate = g_object_get_data (G_OBJECT (check), "candidate");
      if (candidate == NULL || candidate->id != nominee_id)
        continue;
      if (!gtk_widget_is_sensitive (row))
        return FALSE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      return TRUE;
    }
  return FALSE;
}

gint64
antt_nomination_wizard_get_nominee (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return self->nominee_id;
}

/**
 * antt_nomination_wizard_get_reason:
 *
 * Returns: (nullable): why the candidate listed as @nominee_id cannot be
 *   picked, as its row says; %NULL when it can, or is not listed
 */
const char *
antt_nomination_wizard_get_reason (AnttNominationWizard *self,
                                   gint64                nominee_id)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), NULL);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      AnttCandidate *candidate = g_ptr_array_index (self->candidates, i);
      if (candidate->id == nominee_id)
        return candidate->reason;
    }
  return NULL;
}

char *
antt_nomination_wizard_get_summary (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), NULL);
  return summary_text (self);
}

void
antt_nomination_wizard_set_summary (AnttNominationWizard *self,
                                    const char           *text)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), text, -1);
}

guint
antt_nomination_wizard_get_n_evidence (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return self->evidence_checks->len;
}

void
antt_nomination_wizard_set_evidence_checked (AnttNominationWizard *self,
                                             guint                 index,
                                             gboolean              checked)
{
  g_return_if_fail (ANTT_IS_NOMINATION_WIZARD (self));
  g_return_if_fail (index < self->evidence_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->evidence_checks, index), checked);
}

const char *
antt_nomination_wizard_get_slots_text (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), NULL);
  return self->slots_text;
}

/**
 * antt_nomination_wizard_get_message:
 *
 * Returns: (nullable): the refusal shown over the steps, or %NULL
 */
const char *
antt_nomination_wizard_get_message (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/**
 * antt_nomination_wizard_withdraw:
 *
 * Withdraws a proposed nomination to free its slot (the Withdraw button
 * of a full cap, once confirmed), then lists the candidates again.
 */
gboolean
antt_nomination_wizard_withdraw (AnttNominationWizard  *self,
                                 gint64                 nomination_id,
                                 GError               **error)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);

  if (!antt_nominations_set_status (self->database, nomination_id, "withdrawn",
                                    _("Withdrawn to free a slot for another nominee."), error))
    return FALSE;
  show_message (self, NULL);
  if (self->step == 1)
    load_candidates (self);
  else
    update_slots (self);
  update_buttons (self);
  return TRUE;
}

/**
 * antt_nomination_wizard_create:
 *
 * Proposes the nomination through the core (the Create button). When the
 * core refuses, its message is shown and everything stays as entered.
 *
 * Returns: the new nomination's id, or 0 with @error set
 */
gint64
antt_nomination_wizard_create (AnttNominationWizard  *self,
                               GError               **error)
{
  g_autoptr(AnttRecord) nomination = NULL;
  g_autoptr(GPtrArray) evidence = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  AnttNomineeKind kind;
  gint64 id;

  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);

  kind = selected_kind (self);
  text = summary_text (self);
  nomination = antt_record_new ("nominations");
  antt_record_set_int (nomination, "phase_id", selected_phase (self));
  antt_record_set_int (nomination, "award_level_id", selected_award (self));
  antt_record_set_string (nomination, "nominee_kind", antt_nominee_kind_to_string (kind));
  antt_record_set_int (nomination, kind == ANTT_NOMINEE_COLLECTIVE ? "team_id" : "member_id",
                       self->nominee_id);
  antt_record_set_string (nomination, "achievement_type",
                          gtk_check_button_get_active (self->sudden_check)
                          ? "sudden" : "excellent");
  antt_record_set_string (nomination, "summary", g_strstrip (text));

  for (guint i = 0; i < self->evidence_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks, i)))
      g_ptr_array_add (evidence, g_ptr_array_index (self->evidence, i));

  id = antt_nominations_propose_with_evidence (self->database, nomination, evidence,
                                               &local_error);
  if (id == 0)
    {
      show_message (self, local_error->message);
      update_slots (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_signal_emit (self, signals[CREATED], 0, id);
  antt_app_close_discarding (GTK_WINDOW (self));
  return id;
}

/**
 * antt_nomination_wizard_has_changes:
 *
 * Returns: %TRUE if closing would lose input: a summary written by hand,
 *   records ticked as evidence, or a sudden achievement chosen
 */
gboolean
antt_nomination_wizard_has_changes (AnttNominationWizard *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), FALSE);

  if (n_evidence_checked (self) > 0 || gtk_check_button_get_active (self->sudden_check))
    return TRUE;
  text = summary_text (self);
  if (g_strcmp0 (text, self->prefilled) == 0)
    return FALSE;
  return *g_strstrip (text) != '\0';
}

/**
 * antt_nomination_wizard_get_pending_loads:
 *
 * Returns: the loads started whose result has not come back yet, dropped
 *   or not
 */
guint
antt_nomination_wizard_get_pending_loads (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return self->n_pending;
}

/**
 * antt_nomination_wizard_get_connections_opened:
 *
 * Returns: how many connections the wizard's loads opened (one, kept,
 *   unless the file was replaced)
 */
guint
antt_nomination_wizard_get_connections_opened (AnttNominationWizard *self)
{
  g_return_val_if_fail (ANTT_IS_NOMINATION_WIZARD (self), 0);
  return (guint) g_atomic_int_get (&self->worker->opens);
}
