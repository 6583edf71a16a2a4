/* report-fixture-main.c: prepares a demo data file for test-report-cli.py.
 *
 *   report-fixture --database FILE --schema schema-v3.sql [--long N]
 *
 * Prints what it made as key=value lines.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "report-fixture.h"

static void
print_ids (const char *key,
           GArray     *ids)
{
  g_print ("%s=", key);
  for (guint i = 0; i < ids->len; i++)
    g_print ("%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *schema = NULL;
  int n_long = 0, phase = 1, collectives = 3, individuals = 5;
  gboolean no_meeting = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The data file", "FILE" },
    { "schema", 's', 0, G_OPTION_ARG_FILENAME, &schema, "schema-v3 SQL, run if missing", "FILE" },
    { "phase", 'p', 0, G_OPTION_ARG_INT, &phase, "Phase number (1)", "N" },
    { "collectives", 0, 0, G_OPTION_ARG_INT, &collectives, "Collectives at province_bk (3)", "N" },
    { "individuals", 0, 0, G_OPTION_ARG_INT, &individuals, "Individuals at province_bk (5)", "N" },
    { "long", 0, 0, G_OPTION_ARG_INT, &n_long, "Individuals at commune_gk (0)", "N" },
    { "no-meeting", 0, 0, G_OPTION_ARG_NONE, &no_meeting, "No committee meeting", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AnttDatabase) db = NULL;
  g_auto(ReportFixture) fixture = { 0 };
  GError *error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (db = antt_database_open (database, ANTT_DATABASE_FLAGS_NO_CREATE, &error)) == NULL ||
      (schema != NULL && !report_fixture_ensure_schema (db, schema, &error)) ||
      !report_fixture_populate (db, phase, (guint) collectives, (guint) individuals, (guint) n_long,
                                !no_meeting, &fixture, &error))
    {
      g_printerr ("report-fixture: %s\n", error->message);
      g_error_free (error);
      return EXIT_FAILURE;
    }

  g_print ("phase_id=%" G_GINT64_FORMAT "\n", fixture.phase_id);
  g_print ("award_bk=%" G_GINT64_FORMAT "\n", fixture.award_bk);
  g_print ("award_gk=%" G_GINT64_FORMAT "\n", fixture.award_gk);
  g_print ("meeting_id=%" G_GINT64_FORMAT "\n", fixture.meeting_id);
  g_print ("rejected_id=%" G_GINT64_FORMAT "\n", fixture.rejected_id);
  print_ids ("bk_ids", fixture.bk_ids);
  print_ids ("gk_ids", fixture.gk_ids);
  return EXIT_SUCCESS;
}
