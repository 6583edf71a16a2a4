/* main.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "antt-application.h"
#include "antt-startup.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnttApplication) app = NULL;
  const char *localedir = g_getenv ("ANTT_LOCALEDIR");

  antt_startup_prepare ();
  setlocale (LC_ALL, "");
  /* Tests and the uninstalled build point this at the build's catalogs,
   * as antt-cli does. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = antt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
