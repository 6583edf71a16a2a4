/* antt-text.c: Vietnamese text: normal form, search folding, sort order.
 *
 * The collation key is a byte string in three levels, each level ended by
 * LEVEL_SEPARATOR, as in the Unicode Collation Algorithm:
 *
 *   primary weights 0x01 tone weights 0x01 case weights
 *
 * Every character of the NFC text yields one primary element (one byte, or
 * five bytes for a character outside the Vietnamese alphabet), one tone byte
 * and one case byte. Texts with equal primaries therefore have keys of equal
 * length, and strcmp() decides on letters first, then tones, then case. All
 * bytes are in 0x01..0x7f: the key is plain ASCII, valid UTF-8, without NUL.
 */

#include "config.h"

#include <string.h>

#include "antt-text.h"

#define LEVEL_SEPARATOR 0x01

/* Lower than every weight, so that a given name that is a prefix of
 * another ("An" and "Anh") sorts first whatever follows it. */
#define NAME_SEPARATOR  0x01

/* Primary weights. Space sorts before everything, so that "An Bình" comes
 * before "Anh". */
enum {
  WEIGHT_SPACE  = 0x02,
  WEIGHT_PUNCT  = 0x03, /* the 32 ASCII punctuation marks: 0x03..0x22 */
  WEIGHT_DIGIT  = 0x23, /* 0x23..0x2c */
  WEIGHT_LETTER = 0x2d, /* the 33 letters below: 0x2d..0x4d */
  WEIGHT_OTHER  = 0x7e, /* then the code point, 6 bits a byte in 4 bytes */
};

/* a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z: the
 * rank of each plain letter leaves room for the letters built on it. */
static const guint8 letter_rank[26] = {
  0,  /* a, then ă 1, â 2 */
  3,  /* b */
  4,  /* c */
  5,  /* d, then đ 6 */
  7,  /* e, then ê 8 */
  9,  /* f */
  10, /* g */
  11, /* h */
  12, /* i */
  13, /* j */
  14, /* k */
  15, /* l */
  16, /* m */
  17, /* n */
  18, /* o, then ô 19, ơ 20 */
  21, /* p */
  22, /* q */
  23, /* r */
  24, /* s */
  25, /* t */
  26, /* u, then ư 27 */
  28, /* v */
  29, /* w */
  30, /* x */
  31, /* y */
  32, /* z */
};

/* Secondary weights, in the order of Vietnamese dictionaries. */
enum {
  TONE_NONE = 0x02,
  TONE_HUYEN,       /* grave */
  TONE_HOI,         /* hook above */
  TONE_NGA,         /* tilde */
  TONE_SAC,         /* acute */
  TONE_NANG,        /* dot below */
};

enum {
  CASE_LOWER = 0x02,
  CASE_UPPER = 0x03,
};

static inline gboolean
is_space (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

/* Returns a pointer to the first non-ASCII byte, or to the final NUL. */
static inline const char *
skip_ascii (const char *text)
{
  const guchar *p = (const guchar *) text;

  while (*p != '\0' && *p < 0x80)
    p++;

  return (const char *) p;
}

/* Copies valid UTF-8 @text without its leading and trailing white space and
 * with each inner run of white space turned into one ASCII space. */
static char *
collapse_spaces (const char *text)
{
  char *result = g_malloc (strlen (text) + 1);
  char *out = result;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = out != result;
          continue;
        }

      if (pending_space)
        {
          *out++ = ' ';
          pending_space = FALSE;
        }

      /* A space never grows: one byte replaces one or more characters. */
      memcpy (out, p, next - p);
      out += next - p;
    }

  *out = '\0';

  return result;
}

/**
 * antt_text_normalize:
 * @text: (nullable): text from the user or from a file
 *
 * Returns: (transfer full) (nullable): @text in NFC, trimmed, with inner
 *   runs of white space collapsed to one space; "" when @text is blank;
 *   %NULL when @text is %NULL or not valid UTF-8.
 */
/* Text typed with a Vietnamese keyboard is already composed: letters below
 * U+0300 (Latin-1, Latin Extended-A and B) and in Latin Extended Additional
 * (U+1E00–U+1EFF, ạ ả ấ … ỹ) are all NFC and none combines with what follows
 * unless a combining mark comes next. Normalizing such text, the common
 * case, cost a tenth of every save. */
static gboolean
is_composed_vietnamese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0300 && (c < 0x1E00 || c > 0x1EFF))
        return FALSE;
    }
  return TRUE;
}

/**
 * antt_text_nfc:
 *
 * Returns: @text in NFC, or %NULL if it is not valid UTF-8; spaces kept.
 */
char *
antt_text_nfc (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  if (*skip_ascii (text) != '\0' && !is_composed_vietnamese (text))
    return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_strdup (text);
}

char *
antt_text_normalize (const char *text)
{
  g_autofree char *nfc = antt_text_nfc (text);

  if (nfc == NULL)
    return NULL;

  return collapse_spaces (nfc);
}

static char *
fold_ascii (const char *text,
            gsize       len)
{
  char *result = g_malloc (len + 1);
  char *out = result;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out != result;
          continue;
        }

      if (pending_space)
        {
          *out++ = ' ';
          pending_space = FALSE;
        }

      *out++ = g_ascii_tolower (*p);
    }

  *out = '\0';

  return result;
}

static char *
fold_unicode (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gunichar c = g_utf8_get_char (p);
      gsize n_parts;

      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (c < 0x80)
        {
          parts[0] = c;
          n_parts = 1;
        }
      else
        {
          /* Canonical decomposition of one character is what NFD does;
           * the reordering of marks NFD adds is moot since they all go. */
          n_parts = g_unichar_fully_decompose (c, FALSE, parts,
                                               G_N_ELEMENTS (parts));
        }

      for (gsize i = 0; i < n_parts; i++)
        {
          gunichar part = parts[i];

          if (part < 0x80)
            part = g_ascii_tolower (part);
          else if (part == 0x0111 || part == 0x0110) /* đ Đ */
            part = 'd';
          else if (g_unichar_type (part) == G_UNICODE_NON_SPACING_MARK)
            continue;
          else
            part = g_unichar_tolower (part);

          if (pending_space)
            {
              g_string_append_c (out, ' ');
              pending_space = FALSE;
            }

          if (part < 0x80)
            g_string_append_c (out, (char) part);
          else
            g_string_append_unichar (out, part);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * antt_text_fold:
 * @text: (nullable): text, in NFC or NFD
 *
 * Folds @text for search: lower case, without diacritics, "đ" and "Đ" as
 * "d", trimmed, inner white space collapsed to one space.
 *
 * Returns: (transfer full) (nullable): the folded text; %NULL when @text is
 *   %NULL or not valid UTF-8.
 */
char *
antt_text_fold (const char *text)
{
  const char *non_ascii;

  if (text == NULL)
    return NULL;

  non_ascii = skip_ascii (text);

  if (*non_ascii == '\0')
    return fold_ascii (text, non_ascii - text);

  if (!g_utf8_validate (non_ascii, -1, NULL))
    return NULL;

  return fold_unicode (text);
}

/* Reads @c as a letter of the Vietnamese alphabet (or f, j, w, z), with its
 * tone and case. FALSE for anything else, including a Latin letter with a
 * mark Vietnamese does not use there. */
static gboolean
vietnamese_letter (gunichar  c,
                   guint    *rank,
                   guint    *tone,
                   gboolean *upper)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_parts;
  gunichar base;
  guint offset = 0;
  gboolean has_modifier = FALSE;

  *tone = TONE_NONE;

  if (c < 0x80)
    {
      if (!g_ascii_isalpha (c))
        return FALSE;

      *upper = g_ascii_isupper (c);
      *rank = letter_rank[g_ascii_tolower (c) - 'a'];
      return TRUE;
    }

  if (c == 0x0111 || c == 0x0110) /* đ Đ */
    {
      *upper = c == 0x0110;
      *rank = letter_rank['d' - 'a'] + 1;
      return TRUE;
    }

  n_parts = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  base = parts[0];

  if (n_parts < 2 || base >= 0x80 || !g_ascii_isalpha (base))
    return FALSE;

  *upper = g_ascii_isupper (base);
  base = g_ascii_tolower (base);

  for (gsize i = 1; i < n_parts; i++)
    {
      guint mark_tone = TONE_NONE;

      switch (parts[i])
        {
        case 0x0306: /* breve: ă */
          if (has_modifier || base != 'a')
            return FALSE;
          offset = 1;
          has_modifier = TRUE;
          break;

        case 0x0302: /* circumflex: â ê ô */
          if (has_modifier || (base != 'a' && base != 'e' && base != 'o'))
            return FALSE;
          offset = base == 'a' ? 2 : 1;
          has_modifier = TRUE;
          break;

        case 0x031b: /* horn: ơ ư */
          if (has_modifier || (base != 'o' && base != 'u'))
            return FALSE;
          offset = base == 'o' ? 2 : 1;
          has_modifier = TRUE;
          break;

        case 0x0300: mark_tone = TONE_HUYEN; break;
        case 0x0309: mark_tone = TONE_HOI;   break;
        case 0x0303: mark_tone = TONE_NGA;   break;
        case 0x0301: mark_tone = TONE_SAC;   break;
        case 0x0323: mark_tone = TONE_NANG;  break;

        default:
          return FALSE;
        }

      if (mark_tone != TONE_NONE)
        {
          if (*tone != TONE_NONE)
            return FALSE;
          *tone = mark_tone;
        }
    }

  /* Tones sit on vowels only: "ñ" is Spanish, not n with ngã. */
  if (*tone != TONE_NONE && strchr ("aeiouy", base) == NULL)
    return FALSE;

  *rank = letter_rank[base - 'a'] + offset;

  return TRUE;
}

static guint
punct_rank (char c)
{
  if (c <= '/')
    return c - '!';             /* 0..14 */
  if (c <= '@')
    return 15 + (c - ':');      /* 15..21 */
  if (c <= '`')
    return 22 + (c - '[');      /* 22..27 */
  return 28 + (c - '{');        /* 28..31 */
}

/* @text must be normalized: NFC, with single ASCII spaces only. */
static char *
collate_key_normalized (const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  /* Primary: at most 5 bytes a character; then the two other levels. */
  char *key = g_malloc (7 * n_chars + 3);
  char *primary = key;
  g_autofree char *tones = g_malloc (n_chars + 1);
  g_autofree char *cases = g_malloc (n_chars + 1);
  glong n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      guint rank;
      guint tone = TONE_NONE;
      gboolean upper = FALSE;

      if (c == ' ')
        *primary++ = WEIGHT_SPACE;
      else if (c < 0x80 && g_ascii_isdigit (c))
        *primary++ = WEIGHT_DIGIT + (c - '0');
      else if (c < 0x80 && g_ascii_ispunct (c))
        *primary++ = WEIGHT_PUNCT + punct_rank (c);
      else if (vietnamese_letter (c, &rank, &tone, &upper))
        *primary++ = WEIGHT_LETTER + rank;
      else
        {
          /* Code point order after the alphabet, case-insensitive. */
          gunichar lower = g_unichar_tolower (c);

          upper = lower != c;
          *primary++ = WEIGHT_OTHER;
          *primary++ = 0x40 | ((lower >> 18) & 0x3f);
          *primary++ = 0x40 | ((lower >> 12) & 0x3f);
          *primary++ = 0x40 | ((lower >> 6) & 0x3f);
          *primary++ = 0x40 | (lower & 0x3f);
        }

      tones[n] = tone;
      cases[n] = upper ? CASE_UPPER : CASE_LOWER;
    }

  *primary++ = LEVEL_SEPARATOR;
  memcpy (primary, tones, n);
  primary += n;
  *primary++ = LEVEL_SEPARATOR;
  memcpy (primary, cases, n);
  primary += n;
  *primary = '\0';

  return key;
}

/**
 * antt_text_collate_key:
 * @text: (nullable): text, in NFC or NFD
 *
 * Computes a key whose strcmp() order (or SQLite's BINARY order) is the
 * Vietnamese order of the texts: letters of the Vietnamese alphabet first,
 * case-insensitively, then tones (none, huyền, hỏi, ngã, sắc, nặng), then
 * case (lower before upper). White space is collapsed first, so
 * "Lê  An" and "Lê An" have the same key. The key is printable only in part:
 * store it as TEXT (or BLOB), never show it.
 *
 * Returns: (transfer full) (nullable): the key; %NULL when @text is %NULL or
 *   not valid UTF-8.
 */
char *
antt_text_collate_key (const char *text)
{
  g_autofree char *normalized = antt_text_normalize (text);

  if (normalized == NULL)
    return NULL;

  return collate_key_normalized (normalized);
}

/**
 * antt_text_name_collate_key:
 * @full_name: (nullable): a Vietnamese full name, "Họ đệm Tên"
 *
 * Computes a key that sorts people the Vietnamese way: by given name (the
 * last word), then by family and middle names. Compare with strcmp().
 *
 * Returns: (transfer full) (nullable): the key; %NULL when @full_name is
 *   %NULL or not valid UTF-8.
 */
char *
antt_text_name_collate_key (const char *full_name)
{
  g_autofree char *name = antt_text_normalize (full_name);
  g_autofree char *given_key = NULL;
  g_autofree char *rest_key = NULL;
  const char *given = name;
  const char *rest = "";
  char *last_space;
  const char separator[] = { NAME_SEPARATOR, '\0' };

  if (name == NULL)
    return NULL;

  last_space = strrchr (name, ' ');

  if (last_space != NULL)
    {
      *last_space = '\0';
      given = last_space + 1;
      rest = name;
    }

  given_key = collate_key_normalized (given);
  rest_key = collate_key_normalized (rest);

  return g_strconcat (given_key, separator, rest_key, NULL);
}

/**
 * antt_text_collate:
 * @a: (nullable): a text
 * @b: (nullable): another text
 *
 * Compares two texts in Vietnamese order, as their collation keys would.
 * This computes both keys: to sort many rows, store or cache the keys from
 * antt_text_collate_key() and compare those with strcmp().
 *
 * %NULL sorts first, then text that is not valid UTF-8 (by bytes).
 *
 * Returns: -1, 0 or 1 as @a sorts before, with or after @b
 */
int
antt_text_collate (const char *a,
                   const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  int cmp;

  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;

  key_a = antt_text_collate_key (a);
  key_b = antt_text_collate_key (b);

  if (key_a != NULL && key_b != NULL)
    cmp = strcmp (key_a, key_b);
  else if (key_a == NULL && key_b == NULL)
    cmp = strcmp (a, b);
  else
    cmp = key_a == NULL ? -1 : 1;

  return (cmp > 0) - (cmp < 0);
}

static gboolean
contains (const char *haystack,
          gsize       haystack_len,
          const char *word,
          gsize       word_len)
{
  const char *end;

  if (word_len > haystack_len)
    return FALSE;

  end = haystack + (haystack_len - word_len);

  for (const char *p = haystack; p <= end; p++)
    {
      p = memchr (p, word[0], end - p + 1);

      if (p == NULL)
        return FALSE;

      if (memcmp (p, word, word_len) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * antt_text_matches:
 * @folded_haystack: (nullable): a text folded with antt_text_fold()
 * @folded_needle: (nullable): the search, folded with antt_text_fold()
 *
 * Runs once per row for each search, hence without allocating.
 *
 * Returns: %TRUE when every word of @folded_needle occurs in
 *   @folded_haystack, in any order; always %TRUE for an empty needle.
 */
gboolean
antt_text_matches (const char *folded_haystack,
                   const char *folded_needle)
{
  gsize haystack_len;
  const char *p;

  if (folded_needle == NULL)
    return TRUE;

  if (folded_haystack == NULL)
    folded_haystack = "";

  haystack_len = strlen (folded_haystack);
  p = folded_needle;

  for (;;)
    {
      const char *word;

      while (g_ascii_isspace (*p))
        p++;

      if (*p == '\0')
        return TRUE;

      word = p;

      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;

      if (!contains (folded_haystack, haystack_len, word, p - word))
        return FALSE;
    }
}
