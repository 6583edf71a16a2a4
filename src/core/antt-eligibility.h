/* antt-eligibility.h: who may serve in the force (Article 13, Law 30/2023/QH15).
 *
 * A member is a Vietnamese citizen aged 18 to 70 (over 70 only by the
 * commune chairman's decision), living in the area, with a lower-secondary
 * education (primary in disadvantaged areas), certified health and a clear
 * record. These are warnings with the article of the law, never refusals:
 * the commune decides, and the record is saved either way.
 */
#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_ELIGIBILITY_OK         = 0,
  ANTT_ELIGIBILITY_UNDER_AGE  = 1 << 0,  /* under 18 */
  ANTT_ELIGIBILITY_OVER_AGE   = 1 << 1,  /* over 70 without the chairman's decision */
  ANTT_ELIGIBILITY_RESIDENCE  = 1 << 2,
  ANTT_ELIGIBILITY_EDUCATION  = 1 << 3,
  ANTT_ELIGIBILITY_HEALTH     = 1 << 4,
  ANTT_ELIGIBILITY_RECORD     = 1 << 5,
} AnttEligibility;

#define ANTT_ELIGIBILITY_MIN_AGE 18
#define ANTT_ELIGIBILITY_MAX_AGE 70

const char     *antt_eligibility_article        (void);
AnttEligibility antt_eligibility_check          (const AnttRecord *member,
                                                 gboolean          disadvantaged,
                                                 const char       *on_iso,
                                                 int              *age);
AnttEligibility antt_eligibility_check_member   (AnttDatabase     *db,
                                                 const AnttRecord *member,
                                                 const char       *today_iso,
                                                 int              *age,
                                                 GError          **error);
const char     *antt_eligibility_on_date        (const AnttRecord *member,
                                                 const char       *today_iso);
guint           antt_eligibility_count          (AnttEligibility   warnings);
GPtrArray      *antt_eligibility_messages       (AnttEligibility   warnings,
                                                 int               age);
char           *antt_eligibility_summary        (AnttEligibility   warnings);

G_END_DECLS
