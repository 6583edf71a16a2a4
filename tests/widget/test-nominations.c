/* test-nominations.c: the nomination wizard and the committee's review
 * window on real data files, driven the way the buttons drive them.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-awards-page.h"
#include "antt-committee-window.h"
#include "antt-database.h"
#include "antt-nomination-wizard.h"
#include "antt-nominations.h"
#include "antt-records.h"

#define N_MEMBERS 5

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
  gint64        phase1;
  gint64        bang_khen;
  gint64        village;
  gint64        team;
  gint64        members[N_MEMBERS];
  gint64        left_member;
  gint64        patrol;
} Fixture;

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static gint64
insert (AnttDatabase *db,
        AnttRecord   *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (db, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  antt_record_unref (record);
  return id;
}

static gint64
lookup (AnttDatabase *db,
        const char   *table,
        const char   *column,
        const char   *text,
        gint64        value)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;

  if (text != NULL)
    antt_filter_add_equals_text (filter, column, text);
  else
    antt_filter_add_equals (filter, column, value);
  rows = antt_records_list (db, table, filter, NULL);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  return antt_record_get_id (g_ptr_array_index (rows, 0));
}

static gint64
add_member (Fixture    *fixture,
            const char *name,
            guint       serial,
            const char *left)
{
  AnttRecord *member = antt_record_new ("members");
  g_autofree char *id_number = g_strdup_printf ("0381900%05u", serial);

  antt_record_set_string (member, "full_name", name);
  antt_record_set_string (member, "birth_date", "1985-03-04");
  antt_record_set_string (member, "gender", "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fixture->village);
  antt_record_set_int (member, "team_id", fixture->team);
  antt_record_set_string (member, "role", "member");
  antt_record_set_string (member, "joined_date", "2024-01-01");
  if (left != NULL)
    {
      antt_record_set_string (member, "left_date", left);
      antt_record_set_string (member, "left_reason", "own_request");
    }
  antt_record_set_string (member, "education", "upper_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_string (member, "prior_service", "none");
  return insert (fixture->db, member);
}

static void
set_cap (Fixture    *fixture,
         const char *kind,
         gint64      max)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) caps = NULL;
  g_autoptr(AnttRecord) change = antt_record_new ("award_caps");
  g_autoptr(GError) error = NULL;

  antt_filter_add_equals (filter, "phase_id", fixture->phase1);
  antt_filter_add_equals (filter, "award_level_id", fixture->bang_khen);
  antt_filter_add_equals_text (filter, "nominee_kind", kind);
  caps = antt_records_list (fixture->db, "award_caps", filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caps->len, ==, 1);
  antt_record_set_id (change, antt_record_get_id (g_ptr_array_index (caps, 0)));
  antt_record_set_int (change, "max_count", max);
  g_assert_true (antt_records_update (fixture->db, change, &error));
  g_assert_no_error (error);
}

static const char *const names[N_MEMBERS] = {
  "Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn Phúc", "Phạm Văn Hùng", "Hoàng Thị Lan",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttRecord *record;

  g_setenv ("ANTT_TODAY", "2024-12-10", TRUE);
  fixture->dir = g_dir_make_tmp ("antt-widget-nominations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "thidua-antt.db", NULL);
  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  fixture->phase1 = lookup (fixture->db, "phases", "ordinal", NULL, 1);
  fixture->bang_khen = lookup (fixture->db, "award_levels", "code", "province_bk", 0);

  record = antt_record_new ("villages");
  antt_record_set_string (record, "name", "Thôn Đồng Tâm");
  antt_record_set_string (record, "kind", "village");
  fixture->village = insert (fixture->db, record);

  record = antt_record_new ("teams");
  antt_record_set_string (record, "name", "Tổ bảo vệ ANTT thôn Đồng Tâm");
  antt_record_set_string (record, "established_date", "2024-01-01");
  fixture->team = insert (fixture->db, record);

  for (guint i = 0; i < N_MEMBERS; i++)
    fixture->members[i] = add_member (fixture, names[i], i + 1, NULL);
  /* Left before the end of phase 1 (03/02/2025). */
  fixture->left_member = add_member (fixture, "Đỗ Văn Quý", 90, "2024-11-30");

  /* A patrol that the first member joined: evidence for the wizard. */
  record = antt_record_new ("patrols");
  antt_record_set_string (record, "date", "2024-10-05");
  antt_record_set_int (record, "team_id", fixture->team);
  antt_record_set_string (record, "area", "Đường liên thôn Đồng Tâm");
  fixture->patrol = insert (fixture->db, record);
  record = antt_record_new ("patrol_participants");
  antt_record_set_int (record, "patrol_id", fixture->patrol);
  antt_record_set_int (record, "member_id", fixture->members[0]);
  insert (fixture->db, record);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_unsetenv ("ANTT_TODAY");
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting in %s", G_STRFUNC);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wizard_idle (gpointer data)
{
  return !antt_nomination_wizard_is_loading (data);
}

static gboolean
committee_idle (gpointer data)
{
  return !antt_committee_window_is_loading (data);
}

static AnttNominationWizard *
open_wizard (Fixture         *fixture,
             AnttNomineeKind  kind)
{
  AnttNominationWizard *wizard;

  wizard = g_object_ref (antt_nomination_wizard_new (fixture->db, fixture->phase1, 0));
  gtk_window_present (GTK_WINDOW (wizard));
  /* The capped award by default, on the review of today. */
  g_assert_cmpint (antt_nomination_wizard_get_phase (wizard), ==, fixture->phase1);
  g_assert_cmpint (antt_nomination_wizard_get_award (wizard), ==, fixture->bang_khen);
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "review");
  antt_nomination_wizard_set_kind (wizard, kind);
  return wizard;
}

/* From the first step to the summary, picking @nominee. */
static void
walk_to_summary (AnttNominationWizard *wizard,
                 gint64                nominee)
{
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "nominee");
  /* Next waits for a nominee. */
  g_assert_false (antt_nomination_wizard_next (wizard));
  g_assert_true (antt_nomination_wizard_select_nominee (wizard, nominee));
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "achievements");
  g_assert_true (antt_nomination_wizard_next (wizard));
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "summary");
}

static gint64
count_nominations (Fixture    *fixture,
                   const char *status)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();

  if (status != NULL)
    antt_filter_add_equals_text (filter, "status", status);
  return antt_records_count (fixture->db, "nominations", filter, NULL);
}

static void
close_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The wizard creates the nomination, with the figures of the phase as its
 * summary and the evidence ticked. */
static void
test_wizard_creates (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) stored = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autofree char *summary = NULL;
  AnttNominationWizard *wizard;
  gint64 id;

  wizard = open_wizard (fixture, ANTT_NOMINEE_INDIVIDUAL);
  g_assert_nonnull (strstr (antt_nomination_wizard_get_slots_text (wizard),
                            "20/20 individual slots left"));

  /* The member who left cannot be picked, and the row says why. */
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_false (antt_nomination_wizard_select_nominee (wizard, fixture->left_member));
  g_assert_nonnull (strstr (antt_nomination_wizard_get_reason (wizard, fixture->left_member),
                            "left the force on 30/11/2024"));
  g_assert_null (antt_nomination_wizard_get_reason (wizard, fixture->members[0]));

  /* Found without accents. */
  antt_nomination_wizard_set_search (wizard, "nguyen van duc");
  wait_until (wizard_idle, wizard);
  g_assert_true (antt_nomination_wizard_select_nominee (wizard, fixture->members[0]));
  g_assert_false (antt_nomination_wizard_select_nominee (wizard, fixture->members[1]));
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);

  /* Pre-filled from the records of the phase; the patrol to link. */
  summary = antt_nomination_wizard_get_summary (wizard);
  g_assert_nonnull (strstr (summary, "joined 1 patrols"));
  g_assert_nonnull (strstr (summary, "19/08/2024"));
  g_assert_cmpuint (antt_nomination_wizard_get_n_evidence (wizard), ==, 1);
  antt_nomination_wizard_set_evidence_checked (wizard, 0, TRUE);
  g_assert_true (antt_nomination_wizard_next (wizard));
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "summary");

  id = antt_nomination_wizard_create (wizard, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wizard)));

  stored = antt_records_get (fixture->db, "nominations", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (stored, "status"), ==, "proposed");
  g_assert_cmpstr (antt_record_get_string (stored, "nominee_kind"), ==, "individual");
  g_assert_cmpint (antt_record_get_int (stored, "member_id"), ==, fixture->members[0]);
  g_assert_cmpint (antt_record_get_int (stored, "award_level_id"), ==, fixture->bang_khen);
  g_assert_cmpstr (antt_record_get_string (stored, "achievement_type"), ==, "excellent");
  g_assert_cmpstr (antt_record_get_string (stored, "summary"), ==, g_strstrip (summary));
  linked = antt_nominations_list_linked_evidence (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (((AnttEvidence *) g_ptr_array_index (linked, 0))->record_id, ==,
                   fixture->patrol);

  close_window (wizard);
}

/* Another program takes the last slot while the summary is on screen: the
 * core refuses, the wizard says so and keeps everything; withdrawing a
 * nomination then frees the slot. */
static void
test_wizard_cap_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) other = NULL;
  g_autoptr(AnttRecord) taken = antt_record_new ("nominations");
  AnttNominationWizard *wizard;
  const char *message;
  gint64 taken_id, id;

  set_cap (fixture, "individual", 2);
  {
    g_autoptr(AnttRecord) first = antt_record_new ("nominations");

    antt_record_set_int (first, "phase_id", fixture->phase1);
    antt_record_set_int (first, "award_level_id", fixture->bang_khen);
    antt_record_set_string (first, "nominee_kind", "individual");
    antt_record_set_int (first, "member_id", fixture->members[3]);
    antt_record_set_string (first, "achievement_type", "excellent");
    g_assert_cmpint (antt_nominations_propose (fixture->db, first, &error), >, 0);
    g_assert_no_error (error);
  }

  wizard = open_wizard (fixture, ANTT_NOMINEE_INDIVIDUAL);
  g_assert_nonnull (strstr (antt_nomination_wizard_get_slots_text (wizard),
                            "1/2 individual slots left"));
  walk_to_summary (wizard, fixture->members[1]);
  antt_nomination_wizard_set_summary (wizard, "Phát hiện và báo tin kịp thời 3 vụ trộm cắp.");

  /* The second program. */
  other = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  antt_record_set_int (taken, "phase_id", fixture->phase1);
  antt_record_set_int (taken, "award_level_id", fixture->bang_khen);
  antt_record_set_string (taken, "nominee_kind", "individual");
  antt_record_set_int (taken, "member_id", fixture->members[2]);
  antt_record_set_string (taken, "achievement_type", "sudden");
  taken_id = antt_nominations_propose (other, taken, &error);
  g_assert_no_error (error);
  g_assert_cmpint (taken_id, >, 0);

  /* Refused, with the core's message, and nothing lost. */
  g_assert_cmpint (antt_nomination_wizard_create (wizard, &error), ==, 0);
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CAP_REACHED);
  message = antt_nomination_wizard_get_message (wizard);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_nonnull (strstr (message, "2/2"));
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "summary");
  g_assert_cmpint (antt_nomination_wizard_get_nominee (wizard), ==, fixture->members[1]);
  {
    g_autofree char *summary = antt_nomination_wizard_get_summary (wizard);
    g_assert_cmpstr (summary, ==, "Phát hiện và báo tin kịp thời 3 vụ trộm cắp.");
  }
  g_assert_nonnull (strstr (antt_nomination_wizard_get_slots_text (wizard),
                            "0/2 individual slots left"));
  g_assert_cmpint (count_nominations (fixture, NULL), ==, 2);

  /* Back at the nominee: the cap is full, so the step offers to withdraw. */
  antt_nomination_wizard_back (wizard);
  antt_nomination_wizard_back (wizard);
  wait_until (wizard_idle, wizard);
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "nominee");
  g_assert_true (antt_nomination_wizard_is_cap_full (wizard));
  g_assert_false (antt_nomination_wizard_next (wizard));

  g_assert_true (antt_nomination_wizard_withdraw (wizard, taken_id, &error));
  g_assert_no_error (error);
  wait_until (wizard_idle, wizard);
  g_assert_false (antt_nomination_wizard_is_cap_full (wizard));
  g_assert_nonnull (strstr (antt_nomination_wizard_get_slots_text (wizard),
                            "1/2 individual slots left"));
  g_assert_cmpint (antt_nomination_wizard_get_nominee (wizard), ==, fixture->members[1]);
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_true (antt_nomination_wizard_next (wizard));
  {
    /* What was typed survives the trip back and forth. */
    g_autofree char *summary = antt_nomination_wizard_get_summary (wizard);
    g_assert_cmpstr (summary, ==, "Phát hiện và báo tin kịp thời 3 vụ trộm cắp.");
  }
  id = antt_nomination_wizard_create (wizard, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_nominations (fixture, "proposed"), ==, 2);
  g_assert_cmpint (count_nominations (fixture, "withdrawn"), ==, 1);

  close_window (wizard);
}

static gboolean
wizard_settled (gpointer data)
{
  return antt_nomination_wizard_get_pending_loads (data) == 0;
}

/* A load started for a team is still on its way when the kind changes to
 * Individual and a member with the same id is picked: its result must not
 * come to the member (finding 3). The loads go through one connection kept
 * between them (finding 9). */
static void
test_wizard_stale_load (Fixture       *fixture,
                        gconstpointer  data)
{
  AnttNominationWizard *wizard;
  g_autofree char *summary = NULL;
  gint64 member = 0;
  AnttRecord *record;

  /* A patrol of the team that no member joined: the team's records are
   * two, the member's one. */
  record = antt_record_new ("patrols");
  antt_record_set_string (record, "date", "2024-10-12");
  antt_record_set_int (record, "team_id", fixture->team);
  antt_record_set_string (record, "area", "Chợ Đồng Tâm");
  insert (fixture->db, record);
  for (guint i = 0; i < N_MEMBERS; i++)
    if (fixture->members[i] == fixture->team)
      member = fixture->members[i];
  g_assert_cmpint (member, ==, fixture->members[0]);

  wizard = open_wizard (fixture, ANTT_NOMINEE_COLLECTIVE);
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_true (antt_nomination_wizard_select_nominee (wizard, fixture->team));
  /* The team's load starts; its result waits for the main loop. */
  g_assert_true (antt_nomination_wizard_next (wizard));
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "achievements");
  g_assert_true (antt_nomination_wizard_is_loading (wizard));
  antt_nomination_wizard_back (wizard);
  antt_nomination_wizard_back (wizard);
  antt_nomination_wizard_set_kind (wizard, ANTT_NOMINEE_INDIVIDUAL);
  g_assert_false (antt_nomination_wizard_is_loading (wizard));
  /* The team's result and the teams' list come back: dropped. */
  wait_until (wizard_settled, wizard);

  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_true (antt_nomination_wizard_select_nominee (wizard, member));
  g_assert_true (antt_nomination_wizard_next (wizard));
  wait_until (wizard_idle, wizard);
  g_assert_cmpstr (antt_nomination_wizard_get_step (wizard), ==, "achievements");
  /* The member's own: one patrol, and the member's figures. */
  g_assert_cmpuint (antt_nomination_wizard_get_n_evidence (wizard), ==, 1);
  summary = antt_nomination_wizard_get_summary (wizard);
  g_assert_nonnull (strstr (summary, "joined 1 patrols"));
  g_assert_null (strstr (summary, "the team"));

  /* Every load, a search at each keystroke too, on one connection. */
  antt_nomination_wizard_back (wizard);
  wait_until (wizard_idle, wizard);
  antt_nomination_wizard_set_search (wizard, "n");
  wait_until (wizard_idle, wizard);
  antt_nomination_wizard_set_search (wizard, "ng");
  wait_until (wizard_idle, wizard);
  g_assert_cmpuint (antt_nomination_wizard_get_connections_opened (wizard), ==, 1);

  close_window (wizard);
}

static gboolean
is_message_dialog_of (GtkWindow *parent)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == parent)
      found = TRUE;
  g_list_free (toplevels);
  return found;
}

/* Answers the message dialog over @parent with @response. */
static void
answer_dialog (GtkWindow  *parent,
               const char *response)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == parent)
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Escape on a wizard with a summary written asks before losing it: Cancel
 * keeps the wizard, Discard closes it (finding 5). Without input, it closes
 * at once. */
static void
test_wizard_close_asks (Fixture       *fixture,
                        gconstpointer  data)
{
  AnttNominationWizard *wizard;

  wizard = open_wizard (fixture, ANTT_NOMINEE_INDIVIDUAL);
  walk_to_summary (wizard, fixture->members[1]);
  g_assert_false (antt_nomination_wizard_has_changes (wizard));
  antt_nomination_wizard_set_summary (wizard, "Phát hiện và báo tin kịp thời 3 vụ trộm cắp.");
  g_assert_true (antt_nomination_wizard_has_changes (wizard));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "window.close", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  g_assert_true (is_message_dialog_of (GTK_WINDOW (wizard)));
  answer_dialog (GTK_WINDOW (wizard), "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  {
    g_autofree char *summary = antt_nomination_wizard_get_summary (wizard);
    g_assert_cmpstr (summary, ==, "Phát hiện và báo tin kịp thời 3 vụ trộm cắp.");
  }

  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  answer_dialog (GTK_WINDOW (wizard), "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  g_assert_cmpint (count_nominations (fixture, NULL), ==, 0);
  g_object_unref (wizard);

  /* Nothing typed: no question. */
  wizard = open_wizard (fixture, ANTT_NOMINEE_INDIVIDUAL);
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  g_assert_false (is_message_dialog_of (GTK_WINDOW (wizard)));
  g_object_unref (wizard);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
propose_member (Fixture *fixture,
                guint    i)
{
  g_autoptr(AnttRecord) nomination = antt_record_new ("nominations");
  g_autoptr(GError) error = NULL;
  gint64 id;

  antt_record_set_int (nomination, "phase_id", fixture->phase1);
  antt_record_set_int (nomination, "award_level_id", fixture->bang_khen);
  antt_record_set_string (nomination, "nominee_kind", "individual");
  antt_record_set_int (nomination, "member_id", fixture->members[i]);
  antt_record_set_string (nomination, "achievement_type", "excellent");
  id = antt_nominations_propose (fixture->db, nomination, &error);
  g_assert_no_error (error);
  return id;
}

static char *
stored_string (Fixture    *fixture,
               const char *table,
               gint64      id,
               const char *column)
{
  g_autoptr(AnttRecord) record = antt_records_get (fixture->db, table, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (antt_record_get_string (record, column));
}

static gint64
stored_int (Fixture    *fixture,
            const char *table,
            gint64      id,
            const char *column)
{
  g_autoptr(AnttRecord) record = antt_records_get (fixture->db, table, id, NULL);

  g_assert_nonnull (record);
  return antt_record_get_int (record, column);
}

/* The committee records its meeting with its thresholds, the votes, ranks
 * the nominees, decides by the votes and writes the decision; one more
 * nominee is rejected by hand, with the reason the core requires. */
static void
test_committee_votes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttCommitteeWindow *window;
  gint64 a, b, c, d, meeting;
  g_autofree char *status = NULL;

  a = propose_member (fixture, 0);
  b = propose_member (fixture, 1);
  c = propose_member (fixture, 2);
  d = propose_member (fixture, 3);

  window = g_object_ref (antt_committee_window_new (fixture->db, fixture->phase1));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (committee_idle, window);
  g_assert_cmpint (antt_committee_window_get_meeting (window), ==, 0);

  /* Votes wait for the meeting. */
  g_assert_false (antt_committee_window_save_votes (window, &error));
  g_assert_nonnull (antt_committee_window_get_message (window));
  g_clear_error (&error);

  antt_committee_window_set_field (window, "held_date", "15/01/2025");
  antt_committee_window_set_field (window, "held_time", "08:00");
  antt_committee_window_set_field (window, "ended_time", "10:30");
  antt_committee_window_set_field (window, "absent_names", "Phạm Văn Tâm");
  antt_committee_window_set_field (window, "place", "Hội trường Công an xã");
  antt_committee_window_set_field (window, "chair", "Lê Văn Thành");
  antt_committee_window_set_field (window, "secretary", "Trần Thị Hoa");
  antt_committee_window_set_field (window, "members_total", "7");
  antt_committee_window_set_field (window, "members_present", "6");
  antt_committee_window_set_field (window, "quorum_pct", "60");
  antt_committee_window_set_field (window, "approve_pct", "60");
  antt_committee_window_set_field (window, "vote_method", "show_of_hands");
  g_assert_true (antt_committee_window_save_meeting (window, &error));
  g_assert_no_error (error);
  meeting = antt_committee_window_get_meeting (window);
  g_assert_cmpint (meeting, >, 0);
  g_assert_cmpint (stored_int (fixture, "committee_meetings", meeting, "quorum_pct"), ==, 60);
  g_assert_cmpint (stored_int (fixture, "committee_meetings", meeting, "approve_pct"), ==, 60);
  g_assert_cmpint (stored_int (fixture, "committee_meetings", meeting, "members_present"), ==, 6);
  status = stored_string (fixture, "committee_meetings", meeting, "held_date");
  g_assert_cmpstr (status, ==, "2025-01-15");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "committee_meetings", meeting, "ended_time");
  g_assert_cmpstr (status, ==, "10:30");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "committee_meetings", meeting, "absent_names");
  g_assert_cmpstr (status, ==, "Phạm Văn Tâm");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "committee_meetings", meeting, "vote_method");
  g_assert_cmpstr (status, ==, "show_of_hands");
  g_clear_pointer (&status, g_free);
  wait_until (committee_idle, window);

  /* More ballots than members present: the core's message, nothing kept. */
  g_assert_true (antt_committee_window_set_votes (window, a, 5, 2, 0));
  g_assert_false (antt_committee_window_save_votes (window, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_assert_nonnull (strstr (antt_committee_window_get_message (window), "Nguyễn Văn Đức"));
  g_clear_error (&error);

  /* 60% of 7 is 4.2: five votes for are needed. */
  g_assert_true (antt_committee_window_set_votes (window, a, 5, 1, 0));
  g_assert_true (antt_committee_window_set_votes (window, b, 6, 0, 0));
  g_assert_true (antt_committee_window_set_votes (window, c, 3, 2, 1));
  g_assert_true (antt_committee_window_set_votes (window, d, 2, 4, 0));
  g_assert_true (antt_committee_window_save_votes (window, &error));
  g_assert_no_error (error);
  g_assert_null (antt_committee_window_get_message (window));
  wait_until (committee_idle, window);

  g_assert_cmpuint (antt_committee_window_get_rank (window, b), ==, 1);
  g_assert_cmpuint (antt_committee_window_get_rank (window, a), ==, 2);
  g_assert_cmpuint (antt_committee_window_get_rank (window, c), ==, 3);
  g_assert_cmpuint (antt_committee_window_get_rank (window, d), ==, 4);
  {
    g_autoptr(GPtrArray) tally = antt_nominations_tally (fixture->db, meeting, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tally->len, ==, 4);
  }

  /* d rejected by hand: a reason is required. */
  g_assert_false (antt_committee_window_set_status (window, d, "rejected", "", &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_assert_cmpstr (antt_committee_window_get_message (window), ==, error->message);
  g_clear_error (&error);
  g_assert_true (antt_committee_window_set_status (window, d, "rejected",
                                                   "Thành tích chưa tiêu biểu.", &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  status = stored_string (fixture, "nominations", d, "status_reason");
  g_assert_cmpstr (status, ==, "Thành tích chưa tiêu biểu.");
  g_clear_pointer (&status, g_free);

  /* By the votes: a and b reach 60%, c does not. */
  g_assert_true (antt_committee_window_decide (window, &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  status = stored_string (fixture, "nominations", a, "status");
  g_assert_cmpstr (status, ==, "approved");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "nominations", b, "status");
  g_assert_cmpstr (status, ==, "approved");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "nominations", c, "status");
  g_assert_cmpstr (status, ==, "rejected");
  g_clear_pointer (&status, g_free);
  g_assert_cmpint (stored_int (fixture, "nominations", b, "votes_for"), ==, 6);
  g_assert_cmpint (stored_int (fixture, "nominations", c, "votes_abstain"), ==, 1);

  /* The decision's number and date on the approved ones. */
  g_assert_true (antt_committee_window_save_decision (window, fixture->bang_khen,
                                                      "125/QĐ-UBND", "20/01/2025", &error));
  g_assert_no_error (error);
  status = stored_string (fixture, "nominations", a, "decision_number");
  g_assert_cmpstr (status, ==, "125/QĐ-UBND");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "nominations", b, "decision_date");
  g_assert_cmpstr (status, ==, "2025-01-20");
  g_clear_pointer (&status, g_free);
  status = stored_string (fixture, "nominations", c, "decision_number");
  g_assert_cmpstr (status, ==, "");
  g_clear_pointer (&status, g_free);
  wait_until (committee_idle, window);

  close_window (window);
}

static void
votes_shown (AnttCommitteeWindow *window,
             gint64               nomination_id,
             guint                expected_for)
{
  g_assert_cmpuint (antt_committee_window_get_votes_for (window, nomination_id), ==,
                    expected_for);
}

/* Votes typed for one nominee survive Approve of another, Save Meeting and
 * a change made elsewhere (finding 4); closing then asks (finding 5); a
 * refused vote leaves none of the batch stored (finding 8). */
static void
test_committee_typed_votes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttCommitteeWindow *window;
  gint64 a, b, c, meeting;
  g_autofree char *status = NULL;

  a = propose_member (fixture, 0);
  b = propose_member (fixture, 1);
  c = propose_member (fixture, 2);

  window = g_object_ref (antt_committee_window_new (fixture->db, fixture->phase1));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (committee_idle, window);
  g_assert_false (antt_committee_window_has_changes (window));

  antt_committee_window_set_field (window, "held_date", "15/01/2025");
  antt_committee_window_set_field (window, "members_total", "7");
  antt_committee_window_set_field (window, "members_present", "6");
  g_assert_true (antt_committee_window_has_changes (window));
  g_assert_true (antt_committee_window_save_meeting (window, &error));
  g_assert_no_error (error);
  meeting = antt_committee_window_get_meeting (window);
  wait_until (committee_idle, window);
  g_assert_false (antt_committee_window_has_changes (window));

  /* Typed, not saved; then b approved by hand: the list is read again. */
  g_assert_true (antt_committee_window_set_votes (window, a, 5, 1, 0));
  g_assert_true (antt_committee_window_has_changes (window));
  g_assert_true (antt_committee_window_set_status (window, b, "approved", "", &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  votes_shown (window, a, 5);
  g_assert_true (antt_committee_window_has_changes (window));

  /* Save Meeting and a change from elsewhere read the list again too. */
  antt_committee_window_set_field (window, "place", "Hội trường Công an xã");
  g_assert_true (antt_committee_window_save_meeting (window, &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  votes_shown (window, a, 5);
  /* Not through the window: its "changed" handler reads the list again. */
  g_assert_true (antt_nominations_set_status (fixture->db, c, "rejected",
                                              "Thành tích chưa tiêu biểu.", &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  votes_shown (window, a, 5);

  /* Closing asks; Cancel keeps the window and the votes. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (is_message_dialog_of (GTK_WINDOW (window)));
  answer_dialog (GTK_WINDOW (window), "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  votes_shown (window, a, 5);

  g_assert_true (antt_committee_window_save_votes (window, &error));
  g_assert_no_error (error);
  wait_until (committee_idle, window);
  g_assert_false (antt_committee_window_has_changes (window));
  votes_shown (window, a, 5);
  {
    g_autoptr(GPtrArray) tally = antt_nominations_tally (fixture->db, meeting, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tally->len, ==, 1);
  }
  status = stored_string (fixture, "nominations", a, "status");
  g_assert_cmpstr (status, ==, "proposed");

  /* Saved: closing does not ask. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Save Votes with one count refused: none of the nominees' votes is kept
 * (finding 8). */
static void
test_committee_votes_all_or_none (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttCommitteeWindow *window;
  gint64 a, b, meeting;

  a = propose_member (fixture, 0);
  b = propose_member (fixture, 1);

  window = g_object_ref (antt_committee_window_new (fixture->db, fixture->phase1));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (committee_idle, window);
  antt_committee_window_set_field (window, "held_date", "15/01/2025");
  antt_committee_window_set_field (window, "members_total", "7");
  antt_committee_window_set_field (window, "members_present", "6");
  g_assert_true (antt_committee_window_save_meeting (window, &error));
  g_assert_no_error (error);
  meeting = antt_committee_window_get_meeting (window);
  wait_until (committee_idle, window);

  /* a's votes are fine, b's are more than the members present. */
  g_assert_true (antt_committee_window_set_votes (window, a, 5, 1, 0));
  g_assert_true (antt_committee_window_set_votes (window, b, 5, 2, 0));
  g_assert_false (antt_committee_window_save_votes (window, &error));
  g_assert_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID);
  g_assert_nonnull (strstr (antt_committee_window_get_message (window), "Trần Thị Ánh"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) tally = antt_nominations_tally (fixture->db, meeting, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tally->len, ==, 0);
  }
  /* Still typed, to be corrected. */
  votes_shown (window, a, 5);
  votes_shown (window, b, 5);

  close_window (window);
}

static void
count_actionables (GtkWidget  *root,
                   const char *action,
                   guint      *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        (*n)++;
      count_actionables (child, action, n);
    }
}

static gboolean
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (find_label (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The Khen thưởng page: its add buttons open the wizard, and its Documents
 * menu names the window's "doc" actions for the selected review. */
static void
test_awards_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = antt_awards_page_new ();
  GtkWidget *button = NULL;
  GMenuModel *menu;
  g_autofree char *target = NULL;
  g_autofree char *expected = NULL;
  GList *toplevels;
  gboolean found_wizard = FALSE;

  adw_window_set_content (ADW_WINDOW (window), page);
  antt_awards_page_set_database (ANTT_AWARDS_PAGE (page), fixture->db);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The documents menu: four sections of three, then the reports. */
  for (GtkWidget *w = gtk_widget_get_first_child (page); w != NULL; )
    {
      if (GTK_IS_MENU_BUTTON (w))
        {
          button = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == page ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 5);
  {
    GMenuModel *section = g_menu_model_get_item_link (menu, 2, G_MENU_LINK_SECTION);
    g_autofree char *action = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
    g_assert_true (g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &action));
    g_assert_cmpstr (action, ==, "doc.export-pdf");
    g_assert_true (g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_TARGET, "s",
                                                    &target));
    expected = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, fixture->phase1);
    g_assert_cmpstr (target, ==, expected);
    g_object_unref (section);
  }

  /* The slots follow the nominations. */
  g_assert_true (find_label (page, "0/20 individuals"));
  propose_member (fixture, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (find_label (page, "1/20 individuals"));
  g_assert_false (find_label (page, "0/20 individuals"));

  /* "Add" opens the wizard, not the generic form. */
  {
    guint generic = 0, wizard = 0;

    /* The list's own add buttons (toolbar, empty page) are the wizard's. */
    count_actionables (page, "record.new", &generic);
    count_actionables (page, "awards.new-nomination", &wizard);
    g_assert_cmpuint (generic, ==, 0);
    g_assert_cmpuint (wizard, ==, 2);
  }
  g_assert_true (gtk_widget_activate_action (page, "awards.new-nomination", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ANTT_IS_NOMINATION_WIZARD (l->data))
      {
        found_wizard = TRUE;
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
        wait_until (wizard_idle, l->data);
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);
  g_assert_true (found_wizard);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD ("/wizard/creates", test_wizard_creates);
  ADD ("/wizard/cap-refused-keeps-input", test_wizard_cap_refused);
  ADD ("/wizard/stale-load-dropped", test_wizard_stale_load);
  ADD ("/wizard/close-asks", test_wizard_close_asks);
  ADD ("/committee/votes-and-decision", test_committee_votes);
  ADD ("/committee/typed-votes-kept", test_committee_typed_votes);
  ADD ("/committee/votes-all-or-none", test_committee_votes_all_or_none);
  ADD ("/awards-page/wizard-and-documents", test_awards_page);

  return g_test_run ();
}
