/* antt-cli-report.h: the CLI's documents: reports and dossiers as PDF, lists
 * and tables as CSV.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int antt_cli_report     (int    argc,
                         char **argv);
int antt_cli_export_csv (int    argc,
                         char **argv);

G_END_DECLS
