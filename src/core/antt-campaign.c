/* antt-campaign.c: the movement the app works on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "antt-campaign.h"

/**
 * antt_campaign_find_current:
 * @db: an open database
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the default movement, or else the
 *   one added last; %NULL without an error when the file holds none.
 */
AnttRecord *
antt_campaign_find_current (AnttDatabase  *db,
                            GError       **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) campaigns = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  antt_filter_add_equals (filter, "is_default", 1);
  campaigns = antt_records_list (db, "campaigns", filter, error);
  if (campaigns == NULL)
    return NULL;

  if (campaigns->len == 0)
    {
      g_clear_pointer (&campaigns, g_ptr_array_unref);
      campaigns = antt_records_list (db, "campaigns", NULL, error);
      if (campaigns == NULL || campaigns->len == 0)
        return NULL;
    }

  return antt_record_ref (g_ptr_array_index (campaigns, campaigns->len - 1));
}

/**
 * antt_campaign_list_phases:
 * @db: an open database
 * @campaign: a movement
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type AnttRecord): the phases of
 *   @campaign in their order, or %NULL with @error set
 */
GPtrArray *
antt_campaign_list_phases (AnttDatabase      *db,
                           const AnttRecord  *campaign,
                           GError           **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (campaign != NULL, NULL);

  antt_filter_add_equals (filter, "campaign_id", antt_record_get_id (campaign));
  return antt_records_list (db, "phases", filter, error);
}

/* The last day the review of @phase takes nominations: its report deadline,
 * or the phase's end when the plan sets none. */
static const char *
review_last_day (const AnttRecord *phase)
{
  const char *deadline = antt_record_get_string (phase, "report_deadline");

  if (deadline != NULL && *deadline != '\0')
    return deadline;
  return antt_record_get_string (phase, "end_date");
}

/**
 * antt_campaign_find_open_review:
 * @phases: (element-type AnttRecord): phases in their order
 * @today_iso: the day, as YYYY-MM-DD
 *
 * The review a clerk is working on that day: the first phase already
 * started whose review is neither closed nor past its last day; else the
 * last phase started; else the first.
 *
 * Returns: an index into @phases (0 when it is empty)
 */
guint
antt_campaign_find_open_review (GPtrArray  *phases,
                                const char *today_iso)
{
  guint last_started = 0;

  g_return_val_if_fail (phases != NULL, 0);
  g_return_val_if_fail (today_iso != NULL, 0);

  for (guint i = 0; i < phases->len; i++)
    {
      AnttRecord *phase = g_ptr_array_index (phases, i);

      if (g_strcmp0 (antt_record_get_string (phase, "start_date"), today_iso) > 0)
        break;

      last_started = i;
      if (!antt_record_get_boolean (phase, "review_closed") &&
          g_strcmp0 (review_last_day (phase), today_iso) >= 0)
        return i;
    }

  return last_started;
}
