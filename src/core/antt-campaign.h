/* antt-campaign.h: which movement the app and the reports work on.
 *
 * A file normally holds one movement (the year's plan). When it holds
 * several, the one marked default is shown; failing that, the one added
 * last. Every page, the wizard and the settings use this one rule.
 *
 * Each phase ends in a review (the interim one of phase 1, the final one),
 * which stays open until its report deadline: from the start of phase 2 to
 * 15/02 the clerk is still nominating for phase 1's interim review.
 */
#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

AnttRecord *antt_campaign_find_current     (AnttDatabase      *db,
                                            GError           **error);
GPtrArray  *antt_campaign_list_phases      (AnttDatabase      *db,
                                            const AnttRecord  *campaign,
                                            GError           **error);
guint       antt_campaign_find_open_review (GPtrArray         *phases,
                                            const char        *today_iso);

G_END_DECLS
