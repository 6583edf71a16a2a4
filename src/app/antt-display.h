/* antt-display.h: how records read on screen.
 *
 * The one place that turns stored values into the text of a list cell or a
 * form (dates dd/mm/yyyy, choices by their label, numbers grouped the
 * Vietnamese way) and into the keys that sort them. Plain GLib, so that a
 * list can build its cells in a worker thread.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

/* Records that list the members taking part in another record (a patrol's
 * participants…), chosen with a member picker. */
typedef struct
{
  const char *parent;         /* "patrols" */
  const char *link;           /* "patrol_participants" */
  const char *parent_column;  /* "patrol_id" */
  const char *flags[2];       /* per-member booleans, NULL-padded */
} AnttLinkTable;

const AnttLinkTable *antt_display_link_table      (const char       *parent);

char              *antt_display_count             (gint64            n);
char              *antt_display_records           (gint64            n);
const char        *antt_display_name_column       (const AnttTable  *table);
char              *antt_display_record_name       (const AnttRecord *record);
char              *antt_display_value             (const AnttRecord *record,
                                                   const AnttColumn *column);
char              *antt_display_sort_key          (const AnttRecord *record,
                                                   const AnttColumn *column);
char              *antt_display_number_key        (gint64            n);

G_END_DECLS
