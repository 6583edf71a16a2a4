/* antt-text.h: Vietnamese text: normal form, search folding, sort order.
 *
 * Names are stored NFC. Search compares folded keys (lower case, no
 * diacritics, đ/Đ → d), so that "nguyen van duc" finds "Nguyễn Văn Đức".
 * Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o
 * ô ơ p q r s t u ư v x y), then the tones (none, huyền, hỏi, ngã, sắc, nặng).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *antt_text_nfc                (const char *text);
char    *antt_text_normalize          (const char *text);
char    *antt_text_fold               (const char *text);
int      antt_text_collate            (const char *a,
                                       const char *b);
char    *antt_text_collate_key        (const char *text);
char    *antt_text_name_collate_key   (const char *full_name);
gboolean antt_text_matches            (const char *folded_haystack,
                                       const char *folded_needle);

G_END_DECLS
