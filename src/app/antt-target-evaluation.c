/* antt-target-evaluation.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "antt-date.h"
#include "antt-records.h"
#include "antt-target-evaluation.h"
#include "antt-target-team-item.h"
#include "antt-text.h"

struct _AnttTargetEvaluation
{
  gatomicrefcount   ref_count;
  AnttTargetReport *report;
  GArray           *ranking;       /* AnttTeamRank, by rank */
  GHashTable       *rank_of_team;  /* gint64 * → index + 1 */
  GStringChunk     *keys;          /* of the names */
  GArray           *team_months;   /* AnttTeamMonth */
  GListStore       *teams_by_rank; /* AnttTargetTeamItem */
  GListStore       *teams_by_name;
  GArray           *months;        /* of T16: year × 12 + month − 1 */
  GArray           *activity_months;  /* guint year * 12 + month - 1 */
  double           *activity[ANTT_N_ACTIVITIES];
  double            seconds;
  guint             connection_run;  /* 1 = on a connection opened for it */
};

G_DEFINE_BOXED_TYPE (AnttTargetEvaluation, antt_target_evaluation,
                     antt_target_evaluation_ref, antt_target_evaluation_unref)

/* The tables counted for the chart, and their date column. */
static const char *const activity_tables[ANTT_N_ACTIVITIES] = {
  [ANTT_ACTIVITY_TIPS] = "tips",
  [ANTT_ACTIVITY_INCIDENTS] = "incidents",
  [ANTT_ACTIVITY_CALLOUTS] = "callouts",
  [ANTT_ACTIVITY_PATROLS] = "patrols",
};

typedef struct
{
  AnttTeamRank  rank;
  char         *key;    /* Vietnamese collation key of the name */
} RankEntry;

static int
compare_rank_entries (gconstpointer a,
                      gconstpointer b)
{
  const RankEntry *ra = a;
  const RankEntry *rb = b;

  if (ra->rank.met != rb->rank.met)
    return ra->rank.met > rb->rank.met ? -1 : 1;
  /* As many met out of fewer measured is the better share. */
  if (ra->rank.measured != rb->rank.measured)
    return ra->rank.measured < rb->rank.measured ? -1 : 1;
  return strcmp (ra->key, rb->key);
}

static void
rank_teams (AnttTargetEvaluation *self)
{
  const AnttTargetUnit *units;
  g_autofree RankEntry *entries = NULL;
  guint n_units;

  units = antt_target_report_get_units (self->report, ANTT_TARGET_LEVEL_TEAM, &n_units);
  entries = g_new0 (RankEntry, MAX (n_units, 1));
  for (guint i = 0; i < n_units; i++)
    {
      entries[i].rank.team_id = units[i].id;
      entries[i].rank.name = units[i].name;
      entries[i].rank.met = antt_target_report_count_met (self->report, ANTT_TARGET_LEVEL_TEAM,
                                                           units[i].id,
                                                           &entries[i].rank.measured);
      entries[i].key = antt_text_collate_key (units[i].name ? units[i].name : "");
      entries[i].rank.name_key = entries[i].key;
    }
  qsort (entries, n_units, sizeof (RankEntry), compare_rank_entries);

  self->ranking = g_array_sized_new (FALSE, FALSE, sizeof (AnttTeamRank), n_units);
  self->keys = g_string_chunk_new (4096);
  self->rank_of_team = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  for (guint i = 0; i < n_units; i++)
    {
      AnttTeamRank *rank = &entries[i].rank;

      if (i > 0 && rank->met == entries[i - 1].rank.met &&
          rank->measured == entries[i - 1].rank.measured)
        rank->rank = g_array_index (self->ranking, AnttTeamRank, i - 1).rank;
      else
        rank->rank = i + 1;
      rank->name_key = g_string_chunk_insert (self->keys, entries[i].key);
      g_array_append_val (self->ranking, *rank);
      g_free (entries[i].key);
    }
  /* Keys point into the array, which no longer grows. */
  for (guint i = 0; i < self->ranking->len; i++)
    {
      AnttTeamRank *rank = &g_array_index (self->ranking, AnttTeamRank, i);

      g_hash_table_insert (self->rank_of_team, &rank->team_id, GUINT_TO_POINTER (i + 1));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (antt_target_team_item_get_name_key ((AnttTargetTeamItem *) a),
                 antt_target_team_item_get_name_key ((AnttTargetTeamItem *) b));
}

/* The rows of the teams, by rank and by name (Vietnamese order). */
static void
sort_team_items (AnttTargetEvaluation *self)
{
  guint n;

  self->teams_by_rank = antt_target_team_items_new (self, 0, &self->months);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->teams_by_rank));
  self->teams_by_name = g_list_store_new (ANTT_TYPE_TARGET_TEAM_ITEM);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnttTargetTeamItem) item = g_list_model_get_item (G_LIST_MODEL (self->teams_by_rank), i);

      g_list_store_append (self->teams_by_name, item);
    }
  g_list_store_sort (self->teams_by_name, compare_names, NULL);
}

static gboolean
count_activity (AnttTargetEvaluation  *self,
                AnttDatabase          *db,
                gint64                 campaign_id,
                GError               **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GDate first, last;
  guint from_month, to_month, n;

  if (!antt_targets_get_campaign_period (db, campaign_id, &start, &end, error))
    return FALSE;
  if (!antt_date_parse_iso (start, &first) || !antt_date_parse_iso (end, &last))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The movement has no valid period");
      return FALSE;
    }

  from_month = g_date_get_year (&first) * 12 + g_date_get_month (&first) - 1;
  to_month = g_date_get_year (&last) * 12 + g_date_get_month (&last) - 1;
  n = to_month >= from_month ? to_month - from_month + 1 : 0;
  n = MIN (n, 240);

  self->activity_months = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint a = 0; a < ANTT_N_ACTIVITIES; a++)
    self->activity[a] = g_new0 (double, MAX (n, 1));

  for (guint m = 0; m < n; m++)
    {
      guint ym = from_month + m;
      guint year = ym / 12, month = ym % 12 + 1;
      char month_first[11], month_last[11];

      g_array_append_val (self->activity_months, ym);
      g_snprintf (month_first, sizeof month_first, "%04u-%02u-01", year, month);
      g_snprintf (month_last, sizeof month_last, "%04u-%02u-%02u", year, month,
                  g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));

      for (guint a = 0; a < ANTT_N_ACTIVITIES; a++)
        {
          g_autoptr(AnttFilter) filter = antt_filter_new ();
          gint64 count;

          /* Only the days of the movement: it starts and ends mid-month. */
          antt_filter_set_period (filter,
                                  strcmp (month_first, start) < 0 ? start : month_first,
                                  strcmp (month_last, end) > 0 ? end : month_last);
          count = antt_records_count (db, activity_tables[a], filter, error);
          if (count < 0)
            return FALSE;
          self->activity[a][m] = (double) count;
        }
    }
  return TRUE;
}

/**
 * antt_target_evaluation_compute:
 * @with_activity: also count the tips, incidents, call-outs and patrols of
 *   each month of the movement
 *
 * Evaluates the targets over the period and derives what the overview
 * shows from the report, on the calling thread.
 *
 * Returns: (transfer full): the evaluation, or %NULL with @error set
 */
AnttTargetEvaluation *
antt_target_evaluation_compute (AnttDatabase  *db,
                                gint64         campaign_id,
                                const char    *from_iso,
                                const char    *to_iso,
                                const char    *today_iso,
                                gboolean       with_activity,
                                GError       **error)
{
  g_autoptr(AnttTargetEvaluation) self = NULL;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from_iso != NULL && to_iso != NULL, NULL);

  self = g_new0 (AnttTargetEvaluation, 1);
  g_atomic_ref_count_init (&self->ref_count);

  self->report = antt_targets_evaluate (db, campaign_id, from_iso, to_iso, today_iso, error);
  if (self->report == NULL)
    return NULL;

  /* From the evaluation's own counts, in its snapshot: not read again. */
  self->team_months = antt_target_report_dup_team_months (self->report, 0);

  rank_teams (self);
  sort_team_items (self);

  if (with_activity && !count_activity (self, db, campaign_id, error))
    return NULL;

  self->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return g_steal_pointer (&self);
}

/* The worker ------------------------------------------------------------------ */

/* One connection for the evaluations of one page on one file, kept from one
 * evaluation to the next: the core's page cache stays warm, and from the
 * second evaluation on, the core reads with its second connection in
 * parallel (it never does on a connection's first). Opened by the first
 * evaluation, in its worker thread; one evaluation at a time on it (@lock).
 *
 * The page hands its GCancellable to every evaluation, a new one for each
 * data file it shows, and cancels it when it goes: the worker lives with
 * the cancellable (as its data), and its connection is closed once it is
 * cancelled, or when the file at the path is no longer the one opened (a
 * restore puts another file in its place), so that nothing keeps a file
 * open that the window no longer shows. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;         /* held by the evaluation running on db */
  AnttDatabase    *db;           /* NULL until the first evaluation, and once closed */
  char            *path;         /* of db */
  guint64          device;       /* the file db was opened on */
  guint64          inode;
  guint            runs;         /* evaluations made on db */
  gint             retired;      /* atomic: the cancellable was cancelled */
} Worker;

#define WORKER_KEY "antt-target-evaluation-worker"

static gint n_connections;   /* atomic: workers' connections open */

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

/* With @worker->lock held, or when no one else can have @worker. */
static void
worker_close (Worker *worker)
{
  if (worker->db == NULL)
    return;

  g_debug ("Closing the evaluations' connection to %s after %u evaluations",
           worker->path, worker->runs);
  g_clear_object (&worker->db);
  g_clear_pointer (&worker->path, g_free);
  worker->runs = 0;
  (void) g_atomic_int_add (&n_connections, -1);
}

static void
worker_unref (gpointer data)
{
  Worker *worker = data;

  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  worker_close (worker);
  g_mutex_clear (&worker->lock);
  g_free (worker);
}

static void
worker_closure_notify (gpointer  data,
                       GClosure *closure)
{
  worker_unref (data);
}

/* The file at @path: device and inode; FALSE if there is none. */
static gboolean
file_identity (const char *path,
               guint64    *device,
               guint64    *inode)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return FALSE;
  *device = (guint64) buf.st_dev;
  *inode = (guint64) buf.st_ino;
  return TRUE;
}

/* With @worker->lock held: the connection for an evaluation on @path, the
 * one kept if it still reads the file at @path, else a new one. */
static AnttDatabase *
worker_get_database (Worker      *worker,
                     const char  *path,
                     GError     **error)
{
  guint64 device = 0, inode = 0;
  gboolean identified = file_identity (path, &device, &inode);

  if (worker->db != NULL &&
      (g_strcmp0 (worker->path, path) != 0 || !identified ||
       device != worker->device || inode != worker->inode))
    worker_close (worker);

  if (worker->db == NULL)
    {
      worker->db = antt_database_open (path,
                                       ANTT_DATABASE_FLAGS_NO_CREATE |
                                       ANTT_DATABASE_FLAGS_NO_SEED,
                                       error);
      if (worker->db == NULL)
        return NULL;
      g_atomic_int_inc (&n_connections);
      worker->path = g_strdup (path);
      worker->runs = 0;
      /* As it was when opened: a file renamed in between is caught next time. */
      worker->device = device;
      worker->inode = inode;
    }
  return worker->db;
}

/* The page's cancellable is cancelled: close the connection now if it is
 * idle, else its evaluation closes it when done. */
static void
worker_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Worker *worker = user_data;

  g_atomic_int_set (&worker->retired, TRUE);
  if (g_mutex_trylock (&worker->lock))
    {
      worker_close (worker);
      g_mutex_unlock (&worker->lock);
    }
}

/* The worker of @cancellable, made with its first evaluation; NULL without
 * a cancellable, or with one already cancelled. */
static Worker *
worker_for (GCancellable *cancellable)
{
  Worker *worker;

  if (cancellable == NULL || g_cancellable_is_cancelled (cancellable))
    return NULL;

  worker = g_object_get_data (G_OBJECT (cancellable), WORKER_KEY);
  if (worker == NULL)
    {
      worker = g_new0 (Worker, 1);
      g_atomic_ref_count_init (&worker->ref_count);
      g_mutex_init (&worker->lock);
      g_object_set_data_full (G_OBJECT (cancellable), WORKER_KEY, worker, worker_unref);
      g_signal_connect_data (cancellable, "cancelled", G_CALLBACK (worker_cancelled_cb),
                             worker_ref (worker), worker_closure_notify, 0);
    }
  return worker_ref (worker);
}

typedef struct
{
  char     *path;
  gint64    campaign_id;
  char     *from;
  char     *to;
  char     *today;
  gboolean  with_activity;
  Worker   *worker;   /* NULL: a connection for this evaluation only */
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->path);
  g_free (request->from);
  g_free (request->to);
  g_free (request->today);
  g_clear_pointer (&request->worker, worker_unref);
  g_free (request);
}

static AnttTargetEvaluation *
compute_on_worker (Request       *request,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Worker *worker = request->worker;
  AnttTargetEvaluation *evaluation = NULL;
  AnttDatabase *db;

  g_mutex_lock (&worker->lock);

  if (g_atomic_int_get (&worker->retired) || g_cancellable_is_cancelled (cancellable))
    {
      worker_close (worker);
      g_mutex_unlock (&worker->lock);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
      return NULL;
    }

  db = worker_get_database (worker, request->path, error);
  if (db != NULL)
    evaluation = antt_target_evaluation_compute (db, request->campaign_id, request->from,
                                                 request->to, request->today,
                                                 request->with_activity, error);
  if (evaluation != NULL)
    evaluation->connection_run = ++worker->runs;

  /* Not kept after an error (the file may be gone or damaged), nor once
   * the page no longer wants it. */
  if (evaluation == NULL || g_atomic_int_get (&worker->retired))
    worker_close (worker);

  g_mutex_unlock (&worker->lock);

  /* Cancelled while the lock was held, too late for the check above but
   * before worker_cancelled_cb() could take the lock. */
  if (g_atomic_int_get (&worker->retired))
    {
      g_mutex_lock (&worker->lock);
      worker_close (worker);
      g_mutex_unlock (&worker->lock);
    }
  return evaluation;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(AnttTargetEvaluation) evaluation = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->worker != NULL)
    evaluation = compute_on_worker (request, cancellable, &error);
  else
    {
      /* A connection of this thread's own, closed with it. */
      g_autoptr(AnttDatabase) db = antt_database_open (request->path,
                                                       ANTT_DATABASE_FLAGS_NO_CREATE |
                                                       ANTT_DATABASE_FLAGS_NO_SEED |
                                                       ANTT_DATABASE_FLAGS_WORKER,
                                                       &error);

      if (db != NULL)
        evaluation = antt_target_evaluation_compute (db, request->campaign_id, request->from,
                                                     request->to, request->today,
                                                     request->with_activity, &error);
      if (evaluation != NULL)
        evaluation->connection_run = 1;
    }

  if (evaluation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&evaluation),
                           (GDestroyNotify) antt_target_evaluation_unref);
}

/**
 * antt_target_evaluation_compute_async:
 * @path: the data file, opened in the worker thread
 * @cancellable: (nullable): the page's: the connection opened on @path is
 *   kept with it for the next evaluations with the same @cancellable, and
 *   closed once it is cancelled or freed; without one, a connection is
 *   opened for this evaluation only
 *
 * antt_target_evaluation_compute() in a worker thread. Evaluations with the
 * same @cancellable run one at a time, on one connection, which sees what
 * was committed before each of them began.
 */
void
antt_target_evaluation_compute_async (const char          *path,
                                      gint64               campaign_id,
                                      const char          *from_iso,
                                      const char          *to_iso,
                                      const char          *today_iso,
                                      gboolean             with_activity,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (path != NULL);
  g_return_if_fail (from_iso != NULL && to_iso != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->path = g_strdup (path);
  request->campaign_id = campaign_id;
  request->from = g_strdup (from_iso);
  request->to = g_strdup (to_iso);
  request->today = g_strdup (today_iso);
  request->with_activity = with_activity;
  request->worker = worker_for (cancellable);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, antt_target_evaluation_compute_async);
  g_task_set_name (task, "[antt] evaluate targets");
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * antt_target_evaluation_count_connections:
 *
 * For the tests: how many connections the workers of
 * antt_target_evaluation_compute_async() hold open, in all.
 *
 * Returns: the connections open
 */
guint
antt_target_evaluation_count_connections (void)
{
  return (guint) g_atomic_int_get (&n_connections);
}

/**
 * antt_target_evaluation_compute_finish:
 *
 * Returns: (transfer full): the evaluation, or %NULL with @error set
 */
AnttTargetEvaluation *
antt_target_evaluation_compute_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

AnttTargetEvaluation *
antt_target_evaluation_ref (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
antt_target_evaluation_unref (AnttTargetEvaluation *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->rank_of_team, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_string_chunk_free);
  g_clear_pointer (&self->ranking, g_array_unref);
  g_clear_pointer (&self->team_months, g_array_unref);
  g_clear_object (&self->teams_by_rank);
  g_clear_object (&self->teams_by_name);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->activity_months, g_array_unref);
  for (guint a = 0; a < ANTT_N_ACTIVITIES; a++)
    g_clear_pointer (&self->activity[a], g_free);
  g_clear_pointer (&self->report, antt_target_report_unref);
  g_free (self);
}

/**
 * antt_target_evaluation_get_report:
 *
 * Returns: (transfer none): the targets of the period
 */
AnttTargetReport *
antt_target_evaluation_get_report (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->report;
}

/**
 * antt_target_evaluation_get_ranking:
 * @n_teams: (out): how many
 *
 * Returns: (array length=n_teams): the teams of the period, best first
 */
const AnttTeamRank *
antt_target_evaluation_get_ranking (AnttTargetEvaluation *self,
                                    guint                *n_teams)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_teams != NULL, NULL);

  *n_teams = self->ranking->len;
  return (const AnttTeamRank *) (void *) self->ranking->data;
}

/**
 * antt_target_evaluation_lookup_team:
 *
 * Returns: (nullable): the rank of @team_id, %NULL for a team not in the
 *   period
 */
const AnttTeamRank *
antt_target_evaluation_lookup_team (AnttTargetEvaluation *self,
                                    gint64                team_id)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->rank_of_team, &team_id));
  if (index == 0)
    return NULL;
  return &g_array_index (self->ranking, AnttTeamRank, index - 1);
}

/**
 * antt_target_evaluation_get_team_months:
 * @n_months: (out): how many
 *
 * Returns: (array length=n_months): the months of T16, team by team (by
 *   id), month by month; see antt_targets_list_team_months()
 */
const AnttTeamMonth *
antt_target_evaluation_get_team_months (AnttTargetEvaluation *self,
                                        guint                *n_months)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_months != NULL, NULL);

  *n_months = self->team_months->len;
  return (const AnttTeamMonth *) (void *) self->team_months->data;
}

/**
 * antt_target_evaluation_get_teams_by_rank:
 *
 * Returns: (transfer none): the teams of the period as
 *   #AnttTargetTeamItem, best ranked first
 */
GListModel *
antt_target_evaluation_get_teams_by_rank (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->teams_by_rank);
}

/**
 * antt_target_evaluation_get_teams_by_name:
 *
 * Returns: (transfer none): the same teams in the order of their names
 */
GListModel *
antt_target_evaluation_get_teams_by_name (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->teams_by_name);
}

/**
 * antt_target_evaluation_get_months:
 *
 * Returns: (transfer none): the months of T16 in the period, as year × 12 +
 *   month − 1, which the team items' months follow
 */
GArray *
antt_target_evaluation_get_months (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->months;
}

gboolean
antt_target_evaluation_has_activity (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->activity_months != NULL;
}

/**
 * antt_target_evaluation_get_n_activity_months:
 *
 * Returns: the calendar months of the whole movement, 0 without activity
 */
guint
antt_target_evaluation_get_n_activity_months (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->activity_months ? self->activity_months->len : 0;
}

void
antt_target_evaluation_get_activity_month (AnttTargetEvaluation *self,
                                           guint                 index,
                                           guint                *year,
                                           guint                *month)
{
  guint ym;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->activity_months != NULL && index < self->activity_months->len);

  ym = g_array_index (self->activity_months, guint, index);
  if (year != NULL)
    *year = ym / 12;
  if (month != NULL)
    *month = ym % 12 + 1;
}

/**
 * antt_target_evaluation_get_activity:
 *
 * Returns: (array) (nullable): the records of @activity in each month of
 *   the movement (antt_target_evaluation_get_n_activity_months() of them)
 */
const double *
antt_target_evaluation_get_activity (AnttTargetEvaluation *self,
                                     AnttActivity          activity)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (activity < ANTT_N_ACTIVITIES, NULL);

  return self->activity[activity];
}

/**
 * antt_target_evaluation_get_seconds:
 *
 * Returns: how long the evaluation took, in its thread
 */
double
antt_target_evaluation_get_seconds (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->seconds;
}

/**
 * antt_target_evaluation_get_connection_run:
 *
 * Returns: which evaluation this was on its connection: 1 for the first
 *   (a connection opened for it: cold, on one thread only), 2 and more for
 *   the next ones on a worker's connection kept; 0 when computed on the
 *   caller's connection by antt_target_evaluation_compute()
 */
guint
antt_target_evaluation_get_connection_run (AnttTargetEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->connection_run;
}
