/* antt-date.h: dates and the small validators of input from outside.
 *
 * Dates are ISO "YYYY-MM-DD" in the database and "dd/mm/yyyy" on screen.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean antt_date_parse_iso          (const char *text,
                                       GDate      *out);
gboolean antt_date_parse_display      (const char *text,
                                       GDate      *out);
char    *antt_date_format_iso         (const GDate *date);
char    *antt_date_format_display     (const GDate *date);
char    *antt_date_iso_to_display     (const char *iso);
char    *antt_date_display_to_iso     (const char *display);
char    *antt_date_today_iso          (void);
int      antt_date_days_between       (const char *from_iso,
                                       const char *to_iso);
int      antt_date_age_on             (const char *birth_iso,
                                       const char *on_iso);
gboolean antt_time_parse              (const char *text,
                                       int        *hour,
                                       int        *minute);
gboolean antt_id_number_is_valid      (const char *text);
char    *antt_phone_normalize         (const char *text);

G_END_DECLS
