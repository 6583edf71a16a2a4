/* antt-campaign.h: which movement the app and the reports work on.
 *
 * A file normally holds one movement (the year's plan). When it holds
 * several, the one marked default is shown; failing that, the one added
 * last. Every page, the wizard and the settings use this one rule.
 */
#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

AnttRecord *antt_campaign_find_current (AnttDatabase  *db,
                                        GError       **error);

G_END_DECLS
