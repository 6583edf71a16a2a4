/* antt-app-util.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "antt-app-util.h"
#include "antt-date.h"

/**
 * antt_app_today_iso:
 *
 * The day that deadlines and periods are measured from. `ANTT_TODAY`
 * (an ISO date) overrides the clock, so that tests and screenshots show
 * the same numbers on any day; an invalid value is ignored.
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
antt_app_today_iso (void)
{
  const char *override = g_getenv ("ANTT_TODAY");
  GDate date;

  if (override != NULL && antt_date_parse_iso (override, &date))
    return g_strdup (override);

  return antt_date_today_iso ();
}

/**
 * antt_app_settings_new:
 *
 * Run from the build folder without GSETTINGS_SCHEMA_DIR, the schema is
 * not installed and g_settings_new() would abort; the app then simply
 * forgets its window size and last file instead of refusing to start.
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when
 *   the schema is not installed
 */
GSettings *
antt_app_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
