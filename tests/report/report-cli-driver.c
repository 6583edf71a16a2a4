/* report-cli-driver.c: runs `report` and `export-csv` exactly as antt-cli
 * does (the same functions, the command word dropped the same way), for the
 * tests, until antt-cli's command table lists them.
 *
 *   report-cli-driver report|export-csv [OPTIONS]
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "antt-cli-report.h"

int
main (int    argc,
      char **argv)
{
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANTT_LOCALEDIR") ? g_getenv ("ANTT_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      g_printerr ("usage: report-cli-driver report|export-csv [OPTIONS]\n");
      return EXIT_FAILURE;
    }
  command = argv[1];
  for (int i = 1; i < argc - 1; i++)
    argv[i] = argv[i + 1];
  argc--;

  if (g_str_equal (command, "report"))
    return antt_cli_report (argc, argv);
  if (g_str_equal (command, "export-csv"))
    return antt_cli_export_csv (argc, argv);
  g_printerr ("report-cli-driver: unknown command “%s”\n", command);
  return EXIT_FAILURE;
}
