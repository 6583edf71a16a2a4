/* antt-cli.c: the jobs that need no window, on the same core as the app.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "antt-database.h"
#include "antt-date.h"
#include "antt-demo.h"
#include "antt-records.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static char *database_path;

static GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    N_("The data file (default: the app's own)"), N_("FILE") },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("antt-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static gboolean
parse_options (const char    *command,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *parameter = g_strdup_printf ("%s", command);

  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static AnttDatabase *
open_database (AnttDatabaseFlags   flags,
               GError            **error)
{
  return antt_database_open (database_path, flags, error);
}

static int
cmd_init (int    argc,
          char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  GError *error = NULL;

  if (!parse_options ("init", _("Create the data file with the default plan, "
                                "or check an existing one."),
                      NULL, &argc, &argv, &error))
    return fail (error);

  db = open_database (ANTT_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    return fail (error);

  g_print (_("Data file ready: %s (data version %d)\n"),
           antt_database_get_path (db), antt_database_get_schema_version (db));
  return EXIT_SUCCESS;
}

static void
print_date_line (const char *label,
                 const char *iso)
{
  g_autofree char *shown = antt_date_iso_to_display (iso);
  glong width = g_utf8_strlen (label, -1);

  /* Pad by characters, not bytes: Vietnamese letters take two or three. */
  g_print ("  %s%*s %s\n", label, (int) MAX (0, 22 - width), "", shown ? shown : "—");
}

/* "còn 12 ngày" / "quá hạn 3 ngày" from today to the deadline. */
static void
print_deadline (const char *iso)
{
  g_autofree char *today = antt_date_today_iso ();
  g_autofree char *shown = antt_date_iso_to_display (iso);
  int days = antt_date_days_between (today, iso);

  if (days >= 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  Report due before %s: %d day left\n",
                          "  Report due before %s: %d days left\n", days),
             shown, days);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "  Report due before %s: overdue by %d day\n",
                          "  Report due before %s: overdue by %d days\n", -days),
             shown, -days);
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  GError *error = NULL;
  guint n_tables;
  const AnttTable *const *tables;

  if (!parse_options ("info", _("Show the movement, its phases and how many records "
                                "each table holds."),
                      NULL, &argc, &argv, &error))
    return fail (error);

  db = open_database (ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    return fail (error);

  g_print (_("Data file: %s\n"), antt_database_get_path (db));
  g_print (_("Data version: %d\n"), antt_database_get_schema_version (db));

  campaigns = antt_records_list (db, "campaigns", NULL, &error);
  if (campaigns == NULL)
    return fail (error);

  for (guint i = 0; i < campaigns->len; i++)
    {
      AnttRecord *campaign = g_ptr_array_index (campaigns, i);
      g_autoptr(AnttFilter) filter = antt_filter_new ();
      g_autoptr(GPtrArray) phases = NULL;

      g_print ("\n%s\n", antt_record_get_string (campaign, "name"));
      g_print (_("Theme: “%s”\n"), antt_record_get_string (campaign, "theme"));
      print_date_line (_("From:"), antt_record_get_string (campaign, "start_date"));
      print_date_line (_("To:"), antt_record_get_string (campaign, "end_date"));

      antt_filter_add_equals (filter, "campaign_id", antt_record_get_id (campaign));
      phases = antt_records_list (db, "phases", filter, &error);
      if (phases == NULL)
        return fail (error);

      for (guint j = 0; j < phases->len; j++)
        {
          AnttRecord *phase = g_ptr_array_index (phases, j);
          g_autofree char *from = antt_date_iso_to_display (antt_record_get_string (phase, "start_date"));
          g_autofree char *to = antt_date_iso_to_display (antt_record_get_string (phase, "end_date"));

          g_print ("\n%s: %s – %s (%s)\n", antt_record_get_string (phase, "name"), from, to,
                   antt_record_get_string (phase, "review_name"));
          if (!antt_record_is_null (phase, "report_deadline"))
            print_deadline (antt_record_get_string (phase, "report_deadline"));
        }
    }

  g_print ("\n%s\n", _("Records:"));
  tables = antt_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      gint64 count = antt_records_count (db, tables[i]->name, NULL, &error);

      if (count < 0)
        return fail (error);
      g_print ("  %-24s %" G_GINT64_FORMAT "\n", tables[i]->name, count);
    }

  return EXIT_SUCCESS;
}

static void
demo_progress (double   fraction,
               gpointer user_data)
{
  if (isatty (2))
    g_printerr ("\r%3.0f%%", fraction * 100.0);
}

static int
cmd_demo_data (int    argc,
               char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  GError *error = NULL;
  int scale = 1;
  int seed = 1;
  GOptionEntry entries[] = {
    { "scale", 'n', 0, G_OPTION_ARG_INT, &scale,
      N_("How many communes' worth of a year (1: one commune; 300: a province)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed,
      N_("Seed of the generator: the same seed gives the same records"), "SEED" },
    { NULL }
  };
  gint64 start;

  if (!parse_options ("demo-data", _("Fill the data file with realistic generated records."),
                      entries, &argc, &argv, &error))
    return fail (error);

  if (scale < 1 || scale > 10000)
    {
      g_printerr ("antt-cli: %s\n", _("--scale must be between 1 and 10000."));
      return EXIT_FAILURE;
    }

  db = open_database (ANTT_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    return fail (error);

  start = g_get_monotonic_time ();
  if (!antt_demo_generate (db, (guint) scale, (guint32) seed, demo_progress, NULL, &error))
    return fail (error);

  if (isatty (2))
    g_printerr ("\r");
  g_print (_("Generated demo records at scale %d in %.1f s.\n"), scale,
           (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "init", N_("Create the data file, or check it"), cmd_init },
  { "info", N_("Show the movement, phases and record counts"), cmd_info },
  { "demo-data", N_("Fill the data file with generated records"), cmd_demo_data },
};

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: antt-cli [--database FILE] COMMAND [OPTIONS]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “antt-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const char *name = NULL;
  int cmd_index = 0;

  setlocale (LC_ALL, "");
  /* Tests and the uninstalled build point this at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANTT_LOCALEDIR") ? g_getenv ("ANTT_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command is the first argument that is not an option or its value. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-')
        {
          name = argv[i];
          cmd_index = i;
          break;
        }
    }

  if (name == NULL)
    {
      print_usage ();
      return argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
             ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        {
          /* Drop the command word so that GOption sees only options. */
          for (int j = cmd_index; j < argc - 1; j++)
            argv[j] = argv[j + 1];
          argc--;
          return commands[i].run (argc, argv);
        }
    }

  g_printerr (_("antt-cli: unknown command “%s”.\n"), name);
  print_usage ();
  return EXIT_FAILURE;
}
