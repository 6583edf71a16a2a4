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
