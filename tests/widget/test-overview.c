/* test-overview.c: the targets on the overview page, measured in a worker
 * thread, following the records, per period, and the records behind them.
 *
 * The data file is built by hand through the records API; today is fixed
 * at 15/03/2025, in phase 2 of the plan's movement. What it holds:
 *
 *   teams     Tổ 1 (Thôn Đông) and Tổ 2 (Thôn Tây)
 *   members   An and Bình in Tổ 1, Cường and Dũng in Tổ 2, all since 2024
 *   patrols   01/10/2024 (phase 1): An
 *             20/02/2025 (phase 2): An, Bình, Cường
 *   tips      05/11/2024 (phase 1): not through the force
 *             10/02/2025, 12/02/2025 (phase 2): through the force
 *             01/03/2025 (phase 2): not through the force
 *
 * So T12 is 3/4 in phase 2 (at risk: the phase runs until 19/08/2025) and
 * 1/4 in phase 1 (not met: it is over); T1 in phase 2 is 2/3, which is
 * 66.6% truncated and not 66.7%.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-campaign.h"
#include "antt-chart.h"
#include "antt-database.h"
#include "antt-overview-page.h"
#include "antt-records.h"
#include "antt-target-evaluation.h"
#include "antt-target-item.h"
#include "antt-target-month-grid.h"
#include "antt-target-records-window.h"
#include "antt-target-row.h"
#include "antt-target-team-item.h"

#define TIMEOUT_S 20
#define NOT_VIA_FORCE "Người lạ hỏi đường vào kho hợp tác xã"

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
  gint64        village[2];
  gint64        team[2];
  gint64        member[4];
  gint64        phase2_patrol;
  guint         serial;
} Fixture;

static gint64
insert (Fixture    *fixture,
        AnttRecord *record)
{
  g_autoptr(AnttRecord) owned = record;
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (fixture->db, owned, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
insert_member (Fixture    *fixture,
               const char *full_name,
               guint       team)
{
  AnttRecord *member = antt_record_new ("members");
  g_autofree char *id_number = g_strdup_printf ("0380850%05u", ++fixture->serial);

  antt_record_set_string (member, "full_name", full_name);
  antt_record_set_string (member, "birth_date", "1980-03-10");
  antt_record_set_string (member, "gender", "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fixture->village[team]);
  antt_record_set_int (member, "team_id", fixture->team[team]);
  antt_record_set_string (member, "role", "member");
  antt_record_set_string (member, "joined_date", "2024-01-01");
  antt_record_set_string (member, "education", "lower_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_string (member, "prior_service", "none");
  return insert (fixture, member);
}

static gint64
insert_patrol (Fixture    *fixture,
               const char *date,
               guint       team)
{
  AnttRecord *patrol = antt_record_new ("patrols");

  antt_record_set_string (patrol, "date", date);
  antt_record_set_int (patrol, "team_id", fixture->team[team]);
  antt_record_set_string (patrol, "area", "Quốc lộ 45");
  return insert (fixture, patrol);
}

static void
add_participant (Fixture *fixture,
                 gint64   patrol_id,
                 gint64   member_id)
{
  AnttRecord *link = antt_record_new ("patrol_participants");

  antt_record_set_int (link, "patrol_id", patrol_id);
  antt_record_set_int (link, "member_id", member_id);
  insert (fixture, link);
}

static void
insert_tip (Fixture    *fixture,
            const char *date,
            gboolean    via_force,
            const char *summary)
{
  AnttRecord *tip = antt_record_new ("tips");

  antt_record_set_string (tip, "received_date", date);
  antt_record_set_int (tip, "village_id", fixture->village[0]);
  antt_record_set_boolean (tip, "via_force", via_force);
  antt_record_set_string (tip, "category", "security");
  antt_record_set_string (tip, "summary", summary);
  insert (fixture, tip);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const villages[] = { "Thôn Đông", "Thôn Tây" };
  static const char *const teams[] = { "Tổ 1", "Tổ 2" };
  static const char *const names[] = {
    "Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng",
  };
  g_autoptr(GError) error = NULL;
  gint64 patrol;

  g_setenv ("ANTT_TODAY", "2025-03-15", TRUE);

  fixture->dir = g_dir_make_tmp ("antt-overview-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "thidua-antt.db", NULL);
  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      AnttRecord *village = antt_record_new ("villages");
      AnttRecord *team = antt_record_new ("teams");
      AnttRecord *link = antt_record_new ("team_villages");

      antt_record_set_string (village, "name", villages[i]);
      antt_record_set_string (village, "kind", "village");
      fixture->village[i] = insert (fixture, village);
      antt_record_set_string (team, "name", teams[i]);
      fixture->team[i] = insert (fixture, team);
      antt_record_set_int (link, "team_id", fixture->team[i]);
      antt_record_set_int (link, "village_id", fixture->village[i]);
      insert (fixture, link);
    }
  for (guint i = 0; i < 4; i++)
    fixture->member[i] = insert_member (fixture, names[i], i / 2);

  patrol = insert_patrol (fixture, "2024-10-01", 0);
  add_participant (fixture, patrol, fixture->member[0]);
  fixture->phase2_patrol = insert_patrol (fixture, "2025-02-20", 0);
  for (guint i = 0; i < 3; i++)
    add_participant (fixture, fixture->phase2_patrol, fixture->member[i]);

  insert_tip (fixture, "2024-11-05", FALSE, "Phản ánh tụ tập đông người");
  insert_tip (fixture, "2025-02-10", TRUE, "Phản ánh người lạ mặt");
  insert_tip (fixture, "2025-02-12", TRUE, "Phản ánh trộm cắp vặt");
  insert_tip (fixture, "2025-03-01", FALSE, NOT_VIA_FORCE);
}

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

/* Widgets ------------------------------------------------------------------- */

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AnttTargetRow *
find_row (GtkWidget  *root,
          const char *code)
{
  if (ANTT_IS_TARGET_ROW (root) &&
      g_strcmp0 (antt_target_item_get_code (antt_target_row_get_item (ANTT_TARGET_ROW (root))),
                 code) == 0)
    return ANTT_TARGET_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AnttTargetRow *found = find_row (child, code);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether some GtkLabel under @root shows @text: the whole of its text, or
 * the start of it up to a separator (the value of a target's row, before
 * its explanation). */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root))
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (root));

      if (g_strcmp0 (shown, text) == 0)
        return TRUE;
      if (shown != NULL && g_str_has_prefix (shown, text) &&
          g_str_has_prefix (shown + strlen (text), "  · "))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* Whether the row of @code shows @value and @state. */
static gboolean
row_shows (GtkWidget  *page,
           const char *code,
           const char *value,
           const char *state)
{
  AnttTargetRow *row = find_row (page, code);

  return row != NULL && has_label (GTK_WIDGET (row), value) && has_label (GTK_WIDGET (row), state);
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE after TIMEOUT_S. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

typedef struct
{
  GtkWidget  *page;
  const char *code;
  const char *value;
  const char *state;
} RowCheck;

static gboolean
row_condition (gpointer data)
{
  RowCheck *check = data;

  return row_shows (check->page, check->code, check->value, check->state);
}

static gboolean
wait_for_row (GtkWidget  *page,
              const char *code,
              const char *value,
              const char *state)
{
  RowCheck check = { page, code, value, state };

  return wait_until (row_condition, &check);
}

static gboolean
page_settled (gpointer data)
{
  return !antt_overview_page_get_evaluating (ANTT_OVERVIEW_PAGE (data)) &&
         antt_overview_page_get_targets (ANTT_OVERVIEW_PAGE (data)) != NULL;
}

static gboolean
window_loaded (gpointer data)
{
  return !antt_target_records_window_get_loading (ANTT_TARGET_RECORDS_WINDOW (data));
}

static GtkWidget *
new_page (Fixture *fixture)
{
  GtkWidget *page = antt_overview_page_new ();

  g_object_ref_sink (page);
  antt_overview_page_set_database (ANTT_OVERVIEW_PAGE (page), fixture->db);
  return page;
}

static AnttTargetRecordsWindow *
find_records_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ANTT_IS_TARGET_RECORDS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Tests ---------------------------------------------------------------------- */

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GtkWidget) page = new_page (fixture);
  GListModel *ranking;
  AnttChart *chart;

  /* The evaluation runs in a thread: nothing is shown before it ends. */
  g_assert_true (antt_overview_page_get_evaluating (ANTT_OVERVIEW_PAGE (page)));
  g_assert_true (wait_until (page_settled, page));

  /* Phase 2, the phase of today, is shown first. */
  g_assert_cmpuint (g_list_model_get_n_items (antt_overview_page_get_targets (ANTT_OVERVIEW_PAGE (page))),
                    ==, 16);
  g_assert_true (row_shows (page, "T12", "3/4 — 75.0% ≥ 100%", "At risk"));
  /* Truncated, never rounded up. */
  g_assert_true (row_shows (page, "T1", "2/3 — 66.6% ≥ 80%", "At risk"));
  g_assert_true (row_shows (page, "T8", "0 — goal = 0", "Met"));

  /* Tổ 1 meets T12 (An and Bình patrolled), Tổ 2 does not (Dũng did not). */
  ranking = antt_overview_page_get_ranking (ANTT_OVERVIEW_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (ranking), ==, 2);
  {
    g_autoptr(AnttTargetTeamItem) first = g_list_model_get_item (ranking, 0);
    g_autoptr(AnttTargetTeamItem) second = g_list_model_get_item (ranking, 1);

    g_assert_cmpstr (antt_target_team_item_get_name (first), ==, "Tổ 1");
    g_assert_cmpuint (antt_target_team_item_get_met (first), >,
                      antt_target_team_item_get_met (second));
    g_assert_cmpuint (antt_target_team_item_get_rank (first), ==, 1);
    g_assert_cmpuint (antt_target_team_item_get_rank (second), ==, 2);
  }

  /* T16 team by month: both teams over the seven months of phase 2. */
  {
    AnttTargetMonthGrid *grid = ANTT_TARGET_MONTH_GRID (find_widget_of_type (page,
                                                                             ANTT_TYPE_TARGET_MONTH_GRID));

    g_assert_nonnull (grid);
    g_assert_cmpuint (g_list_model_get_n_items (antt_target_month_grid_get_teams (grid)), ==, 2);
    g_assert_cmpuint (antt_target_month_grid_get_n_months (grid), ==, 7);
  }

  /* The chart covers the movement's thirteen months, in words as well. */
  chart = ANTT_CHART (find_widget_of_type (page, ANTT_TYPE_CHART));
  g_assert_nonnull (chart);
  g_assert_cmpuint (antt_chart_get_n_points (chart), ==, 13);
  g_assert_nonnull (strstr (antt_chart_get_summary (chart), "Tips: 4 in all"));
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GtkWidget) page = new_page (fixture);

  g_assert_true (wait_until (page_settled, page));
  g_assert_true (row_shows (page, "T12", "3/4 — 75.0% ≥ 100%", "At risk"));

  /* Dũng joins the patrol of 20/02/2025 in another tab. */
  add_participant (fixture, fixture->phase2_patrol, fixture->member[3]);

  /* Not at once: the page waits for the changes to stop. */
  g_assert_true (antt_overview_page_get_evaluating (ANTT_OVERVIEW_PAGE (page)));
  g_assert_true (row_shows (page, "T12", "3/4 — 75.0% ≥ 100%", "At risk"));

  g_assert_true (wait_for_row (page, "T12", "4/4 — 100.0% ≥ 100%", "Met"));
}

static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GtkWidget) page = new_page (fixture);
  GtkDropDown *period;
  GtkDropDown *team;
  GListModel *periods;

  g_assert_true (wait_until (page_settled, page));

  period = GTK_DROP_DOWN (find_widget_of_type (page, GTK_TYPE_DROP_DOWN));
  periods = gtk_drop_down_get_model (period);
  g_assert_cmpuint (g_list_model_get_n_items (periods), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 1);

  /* Phase 1 is over: what is short of the target has failed. */
  gtk_drop_down_set_selected (period, 0);
  g_assert_true (wait_for_row (page, "T12", "1/4 — 25.0% ≥ 100%", "Not met"));
  g_assert_true (row_shows (page, "T1", "0/1 — 0.0% ≥ 80%", "Not met"));

  /* Back to phase 2: from the cache, without waiting. */
  gtk_drop_down_set_selected (period, 1);
  g_assert_true (row_shows (page, "T12", "3/4 — 75.0% ≥ 100%", "At risk"));

  /* One team: Tổ 2 is Cường, who patrolled, and Dũng, who did not. */
  team = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (period)));
  g_assert_true (GTK_IS_DROP_DOWN (team));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (team)), ==, 3);
  gtk_drop_down_set_selected (team, 2);
  g_assert_true (row_shows (page, "T12", "1/2 — 50.0% ≥ 100%", "At risk"));
  gtk_drop_down_set_selected (team, 0);
  g_assert_true (row_shows (page, "T12", "3/4 — 75.0% ≥ 100%", "At risk"));
}

static void
test_records_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtkWidget) page = new_page (fixture);
  GtkWidget *main_window = gtk_window_new ();
  AnttTargetRecordsWindow *window;
  AnttTargetRow *row;
  GListModel *records;

  /* Activating a row needs it in a window, as in the app. */
  gtk_window_set_child (GTK_WINDOW (main_window), page);
  gtk_window_present (GTK_WINDOW (main_window));
  g_assert_true (wait_until (page_settled, page));
  g_assert_null (find_records_window ());

  row = find_row (page, "T1");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));

  window = find_records_window ();
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (main_window));
  g_assert_true (wait_until (window_loaded, window));

  /* T1 is short of its target: the tips that did not come through the
   * force, only the one of phase 2. */
  g_assert_true (antt_target_records_window_get_failing_only (window));
  g_assert_cmpstr (antt_target_records_window_get_table (window), ==, "tips");
  records = antt_target_records_window_get_records (window);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  {
    g_autoptr(AnttTargetRecordItem) item = g_list_model_get_item (records, 0);
    gboolean found = FALSE;

    for (guint c = 0; c < antt_target_record_item_get_n_cells (item); c++)
      found |= g_strcmp0 (antt_target_record_item_get_cell (item, c), NOT_VIA_FORCE) == 0;
    g_assert_true (found);
  }

  /* All the tips behind 2/3. */
  antt_target_records_window_set_failing_only (window, FALSE);
  g_assert_true (wait_until (window_loaded, window));
  records = antt_target_records_window_get_records (window);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

/* The worker's connection ---------------------------------------------------- */

typedef struct
{
  gboolean              done;
  AnttTargetEvaluation *evaluation;
  GError               *error;
} Computed;

static void
computed_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Computed *computed = user_data;

  computed->evaluation = antt_target_evaluation_compute_finish (result, &computed->error);
  computed->done = TRUE;
}

static gboolean
computed_condition (gpointer data)
{
  return ((Computed *) data)->done;
}

typedef struct
{
  gint64  campaign_id;
  char   *from;
  char   *to;
} Movement;

static void
movement_clear (Movement *movement)
{
  g_clear_pointer (&movement->from, g_free);
  g_clear_pointer (&movement->to, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Movement, movement_clear)

static void
movement_init (Movement     *movement,
               AnttDatabase *db)
{
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = antt_campaign_find_current (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  movement->campaign_id = antt_record_get_id (campaign);
  g_assert_true (antt_targets_get_campaign_period (db, movement->campaign_id,
                                                   &movement->from, &movement->to, &error));
  g_assert_no_error (error);
}

/* The whole movement, evaluated as the page does: in a worker thread, with
 * @cancellable. */
static AnttTargetEvaluation *
evaluate (Movement     *movement,
          const char   *path,
          GCancellable *cancellable)
{
  Computed computed = { 0 };

  antt_target_evaluation_compute_async (path, movement->campaign_id, movement->from,
                                        movement->to, "2025-03-15", FALSE, cancellable,
                                        computed_cb, &computed);
  g_assert_true (wait_until (computed_condition, &computed));
  g_assert_no_error (computed.error);
  g_assert_nonnull (computed.evaluation);
  return computed.evaluation;
}

static const AnttTargetResult *
commune_result (AnttTargetEvaluation *evaluation,
                const char           *code)
{
  const AnttTargetResult *result;

  result = antt_target_report_lookup (antt_target_evaluation_get_report (evaluation), code,
                                      ANTT_TARGET_LEVEL_COMMUNE, 0);
  g_assert_nonnull (result);
  return result;
}

static gboolean
connections_are (gpointer data)
{
  return antt_target_evaluation_count_connections () == GPOINTER_TO_UINT (data);
}

/* One connection for the evaluations with one cancellable, kept from one
 * to the next, which sees what other connections commit meanwhile. */
static void
test_worker_connection (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) other_page = g_cancellable_new ();
  g_autoptr(AnttDatabase) other = NULL;
  g_autoptr(AnttTargetEvaluation) first = NULL;
  g_autoptr(AnttTargetEvaluation) second = NULL;
  g_autoptr(AnttTargetEvaluation) third = NULL;
  g_autoptr(AnttTargetEvaluation) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Movement) movement = { 0 };
  AnttDatabase *main_db = fixture->db;
  guint before;

  movement_init (&movement, fixture->db);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));

  /* Over the movement: An, Bình and Cường patrolled, Dũng did not. */
  first = evaluate (&movement, fixture->path, cancellable);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (first), ==, 1);
  g_assert_cmpint (commune_result (first, "T12")->numerator, ==, 3);
  g_assert_cmpint (commune_result (first, "T12")->denominator, ==, 4);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  /* Dũng joins a patrol, on the main connection (another tab). */
  add_participant (fixture, fixture->phase2_patrol, fixture->member[3]);
  second = evaluate (&movement, fixture->path, cancellable);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (second), ==, 2);
  g_assert_cmpint (commune_result (second, "T12")->numerator, ==, 4);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  /* A new member, through a connection of another program. */
  other = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  fixture->db = other;
  insert_member (fixture, "Hoàng Văn Em", 1);
  fixture->db = main_db;
  third = evaluate (&movement, fixture->path, cancellable);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (third), ==, 3);
  g_assert_cmpint (commune_result (third, "T12")->numerator, ==, 4);
  g_assert_cmpint (commune_result (third, "T12")->denominator, ==, 5);
  /* What was evaluated before stays as it was. */
  g_assert_cmpint (commune_result (first, "T12")->denominator, ==, 4);

  /* Another page has a connection of its own. */
  elsewhere = evaluate (&movement, fixture->path, other_page);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (elsewhere), ==, 1);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 2);

  /* A page that goes cancels: its idle connection closes at once. */
  g_cancellable_cancel (cancellable);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);
  g_cancellable_cancel (other_page);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 0);

  /* Without a cancellable, a connection for the evaluation only. */
  before = antt_target_evaluation_count_connections ();
  g_clear_pointer (&first, antt_target_evaluation_unref);
  first = evaluate (&movement, fixture->path, NULL);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (first), ==, 1);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, before);
}

/* Another file in the place of the one the connection was opened on, as a
 * restore leaves it: the next evaluation reads the new file. */
static void
test_worker_file_replaced (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AnttTargetEvaluation) before = NULL;
  g_autoptr(AnttTargetEvaluation) after = NULL;
  g_autofree char *replacement = g_build_filename (fixture->dir, "replacement.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) dest = g_file_new_for_path (replacement);
  g_autoptr(GError) error = NULL;
  g_auto(Movement) movement = { 0 };

  movement_init (&movement, fixture->db);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));

  /* A copy of the data with one member more. Closing the last connection
   * leaves the file whole, without a WAL. */
  g_clear_object (&fixture->db);
  g_assert_true (g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture->db = antt_database_open (replacement, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  insert_member (fixture, "Hoàng Văn Em", 1);
  g_clear_object (&fixture->db);

  before = evaluate (&movement, fixture->path, cancellable);
  g_assert_cmpint (commune_result (before, "T12")->denominator, ==, 4);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  /* Put in the place of the data file while only the worker has it open
   * (a restore waits for the windows to close theirs). */
  g_assert_cmpint (g_rename (replacement, fixture->path), ==, 0);

  after = evaluate (&movement, fixture->path, cancellable);
  g_assert_cmpuint (antt_target_evaluation_get_connection_run (after), ==, 1);
  g_assert_cmpint (commune_result (after, "T12")->denominator, ==, 5);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  g_cancellable_cancel (cancellable);
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 0);

  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
}

/* The page keeps one connection while it shows a file, and none once it
 * shows another or goes. */
static void
test_page_connection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GtkWidget) page = NULL;
  g_autoptr(AnttDatabase) empty = NULL;
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));

  page = new_page (fixture);
  g_assert_true (wait_until (page_settled, page));
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  /* A change in another tab: measured again on the same connection. */
  add_participant (fixture, fixture->phase2_patrol, fixture->member[3]);
  g_assert_true (wait_for_row (page, "T12", "4/4 — 100.0% ≥ 100%", "Met"));
  g_assert_cmpuint (antt_target_evaluation_count_connections (), ==, 1);

  /* Another file: the connection to the first one is closed. */
  empty = antt_database_open (empty_path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  antt_overview_page_set_database (ANTT_OVERVIEW_PAGE (page), empty);
  g_assert_true (wait_until (page_settled, page));
  g_assert_cmpuint (g_list_model_get_n_items (antt_overview_page_get_ranking (ANTT_OVERVIEW_PAGE (page))),
                    ==, 0);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (1)));

  /* And back: the records as they are now. */
  antt_overview_page_set_database (ANTT_OVERVIEW_PAGE (page), fixture->db);
  g_assert_true (wait_for_row (page, "T12", "4/4 — 100.0% ≥ 100%", "Met"));
  g_assert_cmpuint (g_list_model_get_n_items (antt_overview_page_get_ranking (ANTT_OVERVIEW_PAGE (page))),
                    ==, 2);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (1)));

  g_clear_object (&page);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));
}

/* The page goes (the window closes, the app quits) while it evaluates: the
 * evaluation ends in its thread, then its connection is closed. */
static void
test_disposed_while_evaluating (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page;

  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));

  page = new_page (fixture);
  g_assert_true (antt_overview_page_get_evaluating (ANTT_OVERVIEW_PAGE (page)));
  g_object_unref (page);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));

  /* Once it has a connection, as well. */
  page = new_page (fixture);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (1)));
  add_participant (fixture, fixture->phase2_patrol, fixture->member[3]);
  g_object_unref (page);
  g_assert_true (wait_until (connections_are, GUINT_TO_POINTER (0)));
}

static void
test_format (void)
{
  AnttTargetResult result = {
    .code = "T12", .measure = "ratio", .comparison = ">=", .level = ANTT_TARGET_LEVEL_COMMUNE,
    .numerator = 17547, .denominator = 17551, .threshold = 100,
    .state = ANTT_TARGET_STATE_NOT_MET,
  };
  g_autofree char *english = NULL;
  g_autofree char *vietnamese = NULL;
  g_autofree char *share = NULL;
  g_autofree char *threshold = NULL;

  /* 99.977…%: one decimal, truncated; 100.0% would read as met. */
  english = antt_target_format_value (&result);
  g_assert_cmpstr (english, ==, "17,547/17,551 — 99.9% ≥ 100%");

  g_setenv ("LANGUAGE", "vi", TRUE);
  share = antt_target_format_share (17547, 17551);
  g_assert_cmpstr (share, ==, "99,9%");
  threshold = antt_target_format_number (82.5);
  g_assert_cmpstr (threshold, ==, "82,5");
  vietnamese = antt_target_format_value (&result);
  g_assert_true (g_str_has_prefix (vietnamese, "17.547/17.551"));
  g_assert_nonnull (strstr (vietnamese, "99,9%"));
  g_unsetenv ("LANGUAGE");

  g_assert_null (antt_target_format_share (0, 0));
  {
    g_autofree char *two_thirds = antt_target_format_share (2, 3);
    g_assert_cmpstr (two_thirds, ==, "66.6%");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* English numbers, whatever language the tests are started in. */
  g_unsetenv ("LANGUAGE");

  /* Run under Xvfb (see meson.build): X11 and the software renderer,
   * whatever session the tests were started from. */
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/overview/format", test_format);
  g_test_add ("/overview/rows", Fixture, NULL,
              fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/overview/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/overview/period", Fixture, NULL,
              fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/overview/records-window", Fixture, NULL,
              fixture_set_up, test_records_window, fixture_tear_down);
  g_test_add ("/overview/worker-connection", Fixture, NULL,
              fixture_set_up, test_worker_connection, fixture_tear_down);
  g_test_add ("/overview/worker-file-replaced", Fixture, NULL,
              fixture_set_up, test_worker_file_replaced, fixture_tear_down);
  g_test_add ("/overview/page-connection", Fixture, NULL,
              fixture_set_up, test_page_connection, fixture_tear_down);
  g_test_add ("/overview/disposed-while-evaluating", Fixture, NULL,
              fixture_set_up, test_disposed_while_evaluating, fixture_tear_down);

  return g_test_run ();
}
