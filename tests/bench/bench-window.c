/* bench-window.c: is the main window quick on a province's year of records?
 *
 * On a demo file at --scale 300 (generated first, or --database FILE), it
 * prints the median over --runs of:
 *
 *  - start to first frame: a new window opening the file, on the largest
 *    page (patrols), until its first frame is painted; and until the list
 *    is filled, with the longest time the window could not paint meanwhile;
 *  - a search keystroke: the search text typed on by one letter, until the
 *    list is filtered (and until the next frame);
 *  - a column sort: a click on a column heading, until the list is sorted;
 *  - the resident memory at the end.
 *
 * Goals (issue 3): first frame ≤ 0.5 s, search ≤ 16 ms, sort ≤ 50 ms,
 * resident memory ≤ 200 MB. Figures are printed, not judged: run it with
 * `meson test --benchmark` under Xvfb.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "antt-database.h"
#include "antt-demo.h"
#include "antt-record-page.h"
#include "antt-startup.h"
#include "antt-window.h"

static gboolean opt_list_only = FALSE;
static int   opt_scale = 300;
static int   opt_runs = 5;
static char *opt_database = NULL;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year to generate (default 300: a province)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each measure (default 5)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Use this demo file instead of generating one", "FILE" },
  { "list-only", 0, 0, G_OPTION_ARG_NONE, &opt_list_only,
    "Measure the patrols' record list alone: its load and its memory", NULL },
  { NULL }
};

/* The main thread's CPU time, in ms: the machine's other work does not
 * count, as it would in wall-clock time. (POSIX; the benchmark is run on
 * Linux.) */
static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Frames ----------------------------------------------------------------- */

static gint64 last_paint;
static gint64 longest_gap;
static guint  paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_paint != 0)
    longest_gap = MAX (longest_gap, now - last_paint);
  last_paint = now;
  paints++;
}

/* Iterates the main loop until @done, or dies after a minute. */
static void
run_until (gboolean (*done) (gpointer),
           gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
painted_since (gpointer data)
{
  return paints > GPOINTER_TO_UINT (data);
}

/* Keeps frames coming, so that a stall shows as a gap between them. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* The window ---------------------------------------------------------------- */

static AnttRecordPage *
find_page (GtkWidget  *root,
           const char *table)
{
  if (ANTT_IS_RECORD_PAGE (root) &&
      g_str_equal (antt_record_list_get_table (antt_record_page_get_list (ANTT_RECORD_PAGE (root)))->name,
                   table))
    return ANTT_RECORD_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AnttRecordPage *found = find_page (child, table);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
page_filled (gpointer data)
{
  AnttRecordPage *page = data;

  return !antt_record_list_get_loading (antt_record_page_get_list (page)) &&
         g_list_model_get_n_items (antt_record_page_get_shown (page)) > 0;
}

/* Measures ----------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* @field of /proc/self/status, in MB: "VmRSS:" (all), "RssAnon:" (the
 * heap: the lists' rows), "RssFile:" (mapped files: libraries, fonts). */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? g_ascii_strtod (line + strlen (field), NULL) / 1024.0 : -1;
}

static double
resident_mb (void)
{
  return status_mb ("VmRSS:");
}

typedef struct
{
  GtkWindow      *window;
  AnttRecordPage *page;
  double          first_frame;
  double          filled;
  double          stall;
} Opened;

static Opened
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  Opened opened = { 0 };
  gint64 start = g_get_monotonic_time ();
  AnttWindow *window;
  guint before;

  window = antt_window_new (NULL);
  if (!antt_window_open_database (window, path, ANTT_DATABASE_FLAGS_NO_CREATE, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);

  before = paints;
  last_paint = 0;
  longest_gap = 0;
  run_until (painted_since, GUINT_TO_POINTER (before));
  opened.first_frame = (last_paint - start) / 1e3;

  opened.page = find_page (GTK_WIDGET (window), "patrols");
  g_assert (opened.page != NULL);
  run_until (page_filled, opened.page);
  opened.filled = (g_get_monotonic_time () - start) / 1e3;
  opened.stall = longest_gap / 1e3;
  opened.window = GTK_WINDOW (window);
  return opened;
}

static gboolean
list_loaded (gpointer data)
{
  return !antt_record_list_get_loading (data);
}

/* The memory the rows of the largest page take, without the window. */
static void
measure_list (const char *path)
{
#if defined(__GLIBC__)
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttRecordList) list = NULL;
  struct mallinfo2 before, after;
  gint64 start;

  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  malloc_trim (0);
  before = mallinfo2 ();
  start = g_get_monotonic_time ();
  list = antt_record_list_new ("patrols", "date start_time end_time team_id area :participants");
  antt_record_list_set_database (list, db);
  run_until (list_loaded, list);
  g_print ("# list loaded: %u rows in %.0f ms\n", g_list_model_get_n_items (G_LIST_MODEL (list)),
           (g_get_monotonic_time () - start) / 1e3);
  malloc_trim (0);
  after = mallinfo2 ();
  g_print ("list memory: %.1f MB in use (%.0f bytes a row), resident %.0f MB\n",
           ((double) after.uordblks - (double) before.uordblks) / 1048576.0,
           ((double) after.uordblks - (double) before.uordblks) /
           MAX (1, g_list_model_get_n_items (G_LIST_MODEL (list))),
           resident_mb ());
#endif
}

int
main (int   argc,
      char *argv[])
{
  static const char *typed[] = { "d", "di", "dia", "dia ", "dia b", "dia ba", "dia ban",
                                 "dia ban t", "dia ban th", "dia ban tho", "dia ban thon" };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Opened opened = { 0 };
  guint rows;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The largest page, shown at start like a clerk's last page. */
  g_setenv ("ANTT_PAGE", "patrols", TRUE);
  /* What the program sets for itself before GTK starts, as in main(). */
  antt_startup_prepare ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  if (opt_database != NULL)
    {
      path = g_strdup (opt_database);
    }
  else
    {
      g_autoptr(AnttDatabase) db = NULL;
      gint64 start = g_get_monotonic_time ();

      dir = g_dir_make_tmp ("antt-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "demo.db", NULL);
      db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      if (!antt_demo_generate (db, (guint) opt_scale, 1, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("# generated scale %d in %.1f s\n", opt_scale,
               (g_get_monotonic_time () - start) / 1e6);
    }

  if (opt_list_only)
    {
      measure_list (path);
      return 0;
    }

  for (int run = 0; run < opt_runs; run++)
    {
      if (opened.window != NULL)
        gtk_window_destroy (opened.window);
      opened = open_window (path);
      g_array_append_val (first_frames, opened.first_frame);
      g_array_append_val (fills, opened.filled);
      g_array_append_val (stalls, opened.stall);
    }
  rows = g_list_model_get_n_items (antt_record_page_get_shown (opened.page));
  g_print ("# after opening: resident %.0f MB (heap %.0f MB, files %.0f MB)\n",
           resident_mb (), status_mb ("RssAnon:"), status_mb ("RssFile:"));
#if defined(__GLIBC__)
  {
    struct mallinfo2 info = mallinfo2 ();

    g_print ("# malloc: %.0f MB in use, %.0f MB free in its arenas, %.0f MB mapped apart\n",
             info.uordblks / 1048576.0, info.fordblks / 1048576.0, info.hblkhd / 1048576.0);
  }
#endif

  /* Searching: each keystroke as the search entry reports it. The entry's
   * own delay (it waits for a pause in typing) is left out. */
  {
    GtkEditable *entry = antt_record_page_get_search_entry (opened.page);

    g_object_set (entry, "search-delay", G_MAXUINT, NULL);
    for (int run = 0; run < opt_runs; run++)
      {
        for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
          {
            gint64 start;
            double ms, cpu;
            guint before;

            int position = -1;

            /* Typed on: one more letter at the end, as a user types (setting
             * the whole text would empty the entry first). */
            position = (int) strlen (gtk_editable_get_text (entry));
            g_assert (g_str_has_prefix (typed[i], gtk_editable_get_text (entry)));
            gtk_editable_insert_text (entry, typed[i] + position, -1, &position);
            start = g_get_monotonic_time ();
            cpu = thread_ms ();
            g_signal_emit_by_name (entry, "search-changed");
            cpu = thread_ms () - cpu;
            ms = (g_get_monotonic_time () - start) / 1e3;
            g_array_append_val (searches, ms);
            g_array_append_val (search_cpus, cpu);

            before = paints;
            run_until (painted_since, GUINT_TO_POINTER (before));
            ms = (last_paint - start) / 1e3;
            g_array_append_val (search_frames, ms);
          }
        gtk_editable_set_text (entry, "");
        g_signal_emit_by_name (entry, "search-changed");
      }
  }

  /* Sorting: each column heading in turn, as clicked. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (find_type (GTK_WIDGET (opened.page),
                                                      GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);

    for (int run = 0; run < opt_runs; run++)
      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
          gint64 start = g_get_monotonic_time ();
          double cpu = thread_ms ();
          double ms;

          gtk_column_view_sort_by_column (view, column,
                                          run % 2 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          cpu = thread_ms () - cpu;
          ms = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (sorts, ms);
          g_array_append_val (sort_cpus, cpu);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
  }

  g_print ("# patrols listed: %u rows\n", rows);
  g_print ("first frame: %.1f ms (goal ≤ 500)\n", median (first_frames));
  g_print ("list filled: %.1f ms, longest time without a frame meanwhile: %.1f ms\n",
           median (fills), median (stalls));
  g_print ("search keystroke: %.2f ms to the filtered list (goal ≤ 16; %.2f ms of CPU), "
           "%.1f ms to its frame\n",
           median (searches), median (search_cpus), median (search_frames));
  g_print ("column sort: %.2f ms (goal ≤ 50; %.2f ms of CPU)\n", median (sorts), median (sort_cpus));
  g_print ("resident memory: %.0f MB (goal ≤ 200; heap %.0f MB, mapped files %.0f MB)\n",
           resident_mb (), status_mb ("RssAnon:"), status_mb ("RssFile:"));
  /* Of the heap, what SQLite holds: the open connections' page caches. */
  g_print ("# SQLite: %.0f MB in use (at most %.0f MB meanwhile)\n",
           sqlite3_memory_used () / 1048576.0, sqlite3_memory_highwater (FALSE) / 1048576.0);
#if defined(__GLIBC__)
  /* What of it is memory freed but still held by the C library. */
  malloc_trim (0);
  g_print ("# once the C library gives back what is free: %.0f MB (heap %.0f MB)\n",
           resident_mb (), status_mb ("RssAnon:"));
#endif

  gtk_window_destroy (opened.window);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }

  return 0;
}
