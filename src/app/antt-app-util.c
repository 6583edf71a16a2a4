/* antt-app-util.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

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

#define CLOSE_CONFIRMED "antt-close-confirmed"

/**
 * antt_app_close_discarding:
 * @window: a window whose close_request asks before losing input
 *
 * Closes @window without asking: what it holds is saved or to be dropped.
 */
void
antt_app_close_discarding (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_object_set_data (G_OBJECT (window), CLOSE_CONFIRMED, GINT_TO_POINTER (TRUE));
  gtk_window_close (window);
}

/**
 * antt_app_close_confirmed:
 * @window: a window
 *
 * Returns: whether @window is being closed with its input dropped, so that
 *   its close_request must not ask again
 */
gboolean
antt_app_close_confirmed (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), CLOSE_CONFIRMED));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *window)
{
  if (g_str_equal (response, "discard"))
    antt_app_close_discarding (window);
}

/**
 * antt_app_ask_discard:
 * @window: a window about to close with input not saved
 * @heading: the question
 * @body: what would be lost
 *
 * Asks before @window's input is lost (Escape, Ctrl+W, the close button, a
 * restore closing the windows over the data): Cancel, the default, keeps
 * it; Discard closes it. Called from a close_request that then returns
 * %TRUE, so that the window stays until answered.
 */
void
antt_app_ask_discard (GtkWindow  *window,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (window));

  dialog = adw_message_dialog_new (window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
