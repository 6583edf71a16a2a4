/* antt-cli-report.c: `antt-cli report` and `antt-cli export-csv`.
 *
 *   antt-cli report interim|final|nominees|minutes|proposal|achievement|dossier
 *           [--phase N] [--level CODE] [--nomination ID] [--meeting ID]
 *           [--date DD/MM/YYYY] -o FILE.pdf|DIR
 *   antt-cli export-csv TABLE|nominee-list|target-results|team-ranking
 *           -o FILE.csv [--phase N] [--level CODE] [--sensitive]
 *
 * The documents themselves are Vietnamese (src/report); these messages are
 * the CLI's and translatable.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "antt-cli-report.h"
#include "antt-csv.h"
#include "antt-database.h"
#include "antt-date.h"
#include "antt-records.h"
#include "antt-reports.h"
#include "antt-targets.h"

static int
fail (GError *error)
{
  g_printerr ("antt-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static int
usage_error (const char *message)
{
  g_printerr ("antt-cli: %s\n", message);
  return EXIT_FAILURE;
}

/* Common options of both commands. */
typedef struct
{
  char    *database;
  char    *output;
  char    *level;
  char    *date;
  int      phase;
  gint64   nomination;
  gint64   meeting;
  gboolean sensitive;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->database);
  g_free (o->output);
  g_free (o->level);
  g_free (o->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse (const char    *parameter,
       const char    *summary,
       const char    *description,
       GOptionEntry  *extra,
       Options       *o,
       int           *argc,
       char        ***argv,
       GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &o->database,
      N_("The data file (default: the app's own)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("Write to this file (or, for a dossier, this folder or .pdf file)"), N_("FILE") },
    { "phase", 'p', 0, G_OPTION_ARG_INT, &o->phase,
      N_("The phase (review) by its number in the movement: 1, 2…"), "N" },
    { "level", 'l', 0, G_OPTION_ARG_STRING, &o->level,
      N_("The award level by its code, such as province_bk"), N_("CODE") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

/* Resolves --phase, --level and --date into report options. */
static gboolean
resolve (AnttDatabase       *db,
         const Options      *o,
         AnttReportOptions  *options,
         char              **date_iso,
         GError            **error)
{
  options->nomination_id = o->nomination;
  options->meeting_id = o->meeting;

  if (o->phase != 0 && (options->phase_id = antt_report_find_phase (db, o->phase, error)) == 0)
    return FALSE;
  if (o->level != NULL &&
      (options->award_level_id = antt_report_find_award (db, options->phase_id, o->level, error)) == 0)
    return FALSE;
  if (o->date != NULL)
    {
      GDate check;

      *date_iso = antt_date_parse_iso (o->date, &check) ? g_strdup (o->date)
                                                         : antt_date_display_to_iso (o->date);
      if (*date_iso == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--date: “%s” is not a date (dd/mm/yyyy)."), o->date);
          return FALSE;
        }
      options->date_iso = *date_iso;
    }
  return TRUE;
}

static int
run_report (int    argc,
            char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *date_iso = NULL;
  AnttReportOptions options = { 0 };
  AnttReportKind kind;
  GError *error = NULL;
  gint64 start;
  GOptionEntry entries[] = {
    { "nomination", 'n', 0, G_OPTION_ARG_INT64, &o.nomination,
      N_("achievement: the nomination the report is for"), "ID" },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &o.meeting,
      N_("minutes: the committee meeting (default: the review's latest)"), "ID" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_("The documents' date (default: as registered before, or today)"), N_("DD/MM/YYYY") },
    { NULL }
  };

  if (!parse ("report interim|final|nominees|minutes|proposal|achievement|dossier",
              _("Write an official document of the movement as PDF, in the layout of "
                "Decree 30/2020/NĐ-CP."),
              _("interim: the interim report of a phase; final: the final report; nominees: "
                "the list of nominees of a review and award; minutes: the award committee's "
                "minutes; proposal: the proposal to the award authority; achievement: the "
                "achievement report of one nomination; dossier: all of these for a review.\n\n"
                "Each document takes its number from the register the first time and keeps it."),
              entries, &o, &argc, &argv, &error))
    return fail (error);

  if (argc != 2)
    return usage_error (_("Say which document: interim, final, nominees, minutes, proposal, "
                          "achievement or dossier."));
  if (o.output == NULL)
    return usage_error (_("Say where to write it with -o FILE.pdf."));

  db = antt_database_open (o.database, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL || !resolve (db, &o, &options, &date_iso, &error))
    return fail (error);

  start = g_get_monotonic_time ();
  if (g_str_equal (argv[1], "dossier"))
    {
      if (!antt_report_write_dossier (db, &options, o.output, &error))
        return fail (error);
      g_print (_("Wrote the dossier to %s in %.1f s.\n"), o.output,
               (g_get_monotonic_time () - start) / 1e6);
      return EXIT_SUCCESS;
    }

  if (!antt_report_kind_from_string (argv[1], &kind))
    {
      g_printerr (_("antt-cli: unknown document “%s”.\n"), argv[1]);
      return EXIT_FAILURE;
    }
  {
    g_autoptr(AnttDocument) doc = antt_report_build (db, kind, &options, &error);
    guint pages;

    if (doc == NULL || !antt_document_write_pdf (doc, o.output, &error))
      return fail (error);
    pages = antt_document_get_n_pages (doc);
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page) in %.1f s.\n",
                          "Wrote %s (%u pages) in %.1f s.\n", pages),
             o.output, pages, (g_get_monotonic_time () - start) / 1e6);
  }
  return EXIT_SUCCESS;
}

static int
run_export_csv (int    argc,
                char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *date_iso = NULL;
  AnttReportOptions options = { 0 };
  GError *error = NULL;
  const char *what;
  GOptionEntry entries[] = {
    { "sensitive", 0, 0, G_OPTION_ARG_NONE, &o.sensitive,
      N_("Include ID numbers, sources of tips and criminal history (left out by default)"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_("target-results, team-ranking: measure as of this date (default: today)"),
      N_("DD/MM/YYYY") },
    { NULL }
  };

  if (!parse ("export-csv TABLE",
              _("Write a table or a list as CSV (UTF-8 with BOM) for spreadsheets."),
              _("TABLE is a table of the data file (members, tips, incidents, nominations…), "
                "or one of the documents' lists: nominee-list (of a review and award), "
                "target-results (T1–T16) or team-ranking.\n\n"
                "With --phase, a table keeps the rows of that phase."),
              entries, &o, &argc, &argv, &error))
    return fail (error);

  if (argc != 2)
    return usage_error (_("Say which table or list to export."));
  if (o.output == NULL)
    return usage_error (_("Say where to write it with -o FILE.csv."));
  what = argv[1];

  db = antt_database_open (o.database, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL || !resolve (db, &o, &options, &date_iso, &error))
    return fail (error);

  if (g_str_equal (what, "nominee-list") || g_str_equal (what, "target-results") ||
      g_str_equal (what, "team-ranking"))
    {
      if (!antt_report_export_list (db, what, &options, o.output, &error))
        return fail (error);
    }
  else
    {
      const AnttTable *table = antt_table_lookup (what);
      g_autoptr(AnttFilter) filter = antt_filter_new ();

      if (table == NULL)
        {
          g_printerr (_("antt-cli: there is no table or list “%s”.\n"), what);
          return EXIT_FAILURE;
        }
      if (options.phase_id != 0)
        {
          /* A table of the review's own rows, or the rows dated in the phase. */
          if (antt_table_get_column (table, "phase_id") != NULL)
            antt_filter_add_equals (filter, "phase_id", options.phase_id);
          else if (table->date_column != NULL)
            {
              g_autofree char *from = NULL;
              g_autofree char *to = NULL;

              if (!antt_targets_get_phase_period (db, options.phase_id, &from, &to, &error))
                return fail (error);
              antt_filter_set_period (filter, from, to);
            }
          else
            {
              g_printerr (_("antt-cli: the table “%s” has no dates: it cannot be limited to a "
                            "phase.\n"), what);
              return EXIT_FAILURE;
            }
        }
      if (options.award_level_id != 0 && antt_table_get_column (table, "award_level_id") != NULL)
        antt_filter_add_equals (filter, "award_level_id", options.award_level_id);

      if (!antt_csv_export_table (db, what, filter,
                                  o.sensitive ? ANTT_CSV_FLAGS_SENSITIVE : ANTT_CSV_FLAGS_NONE,
                                  o.output, &error))
        return fail (error);
    }

  g_print (_("Wrote %s.\n"), o.output);
  return EXIT_SUCCESS;
}

/* Each command frees its documents, then the font caches: a clean exit
 * under valgrind, as the gates ask of every CLI job. */
int
antt_cli_report (int    argc,
                 char **argv)
{
  int status = run_report (argc, argv);

  antt_document_release_fonts ();
  return status;
}

int
antt_cli_export_csv (int    argc,
                     char **argv)
{
  int status = run_export_csv (argc, argv);

  antt_document_release_fonts ();
  return status;
}
