/* test-text.c: Vietnamese normal form, search folding and sort order. */

#include <string.h>

#include <glib.h>

#include "antt-text.h"

/* "Nguyễn Văn Đức" in NFD: e + circumflex + tilde, a + breve,
 * u + horn + acute (Đ has no decomposition). */
#define NGUYEN_VAN_DUC_NFD \
  "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90u\xcc\x9b\xcc\x81" "c"

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

static void
test_normalize (void)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *composed = NULL;
  struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "Nguyễn Văn Đức", "Nguyễn Văn Đức" },
    { "  Đặng   Thị\tÁnh \n", "Đặng Thị Ánh" },
    { "Lê\xc2\xa0Thị\xe3\x80\x80" "Ơn", "Lê Thị Ơn" },
    { "plain  ascii ", "plain ascii" },
    { "", "" },
    { " \t\n ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = antt_text_normalize (cases[i].input);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }

  decomposed = antt_text_normalize (NGUYEN_VAN_DUC_NFD);
  g_assert_cmpstr (decomposed, ==, "Nguyễn Văn Đức");

  composed = nfd ("  Âu   Văn Ẩn  ");
  g_clear_pointer (&decomposed, g_free);
  decomposed = antt_text_normalize (composed);
  g_assert_cmpstr (decomposed, ==, "Âu Văn Ẩn");

  g_assert_null (antt_text_normalize (NULL));
  g_assert_null (antt_text_normalize ("Nguy\xff" "n"));
  g_assert_null (antt_text_normalize ("\xc3"));
}

static void
test_fold (void)
{
  struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "Nguyễn Văn Đức", "nguyen van duc" },
    { "ĐÔNG", "dong" },
    { "Đặng Thị Ánh", "dang thi anh" },
    { "Ưng Hoàng Phúc", "ung hoang phuc" },
    { "Lê Thị Ơn", "le thi on" },
    { "Bùi Thị Bình", "bui thi binh" },
    { "Âu Văn Ẩn", "au van an" },
    { "Thôn Đồng Lạc, xã Yên Mỹ", "thon dong lac, xa yen my" },
    { "  Trần \t Quốc   Toản  ", "tran quoc toan" },
    { "  HELLO   World  ", "hello world" },
    { "CA-2025/05", "ca-2025/05" },
    { "", "" },
    { "   ", "" },
    { "Müller Çelik", "muller celik" },
  };
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *composed = antt_text_fold (cases[i].input);
      g_autofree char *input_nfd = nfd (cases[i].input);
      g_autofree char *from_nfd = antt_text_fold (input_nfd);

      g_assert_cmpstr (composed, ==, cases[i].expected);
      g_assert_cmpstr (from_nfd, ==, cases[i].expected);
    }

  folded = antt_text_fold (NGUYEN_VAN_DUC_NFD);
  g_assert_cmpstr (folded, ==, "nguyen van duc");

  g_assert_null (antt_text_fold (NULL));
  g_assert_null (antt_text_fold ("Nguy\xff" "n"));
}

static void
test_matches (void)
{
  g_autofree char *name = antt_text_fold ("Nguyễn Văn Đức");
  g_autofree char *village = antt_text_fold ("Thôn Đông");
  g_autofree char *search = antt_text_fold ("  Đức  nguyễn ");

  g_assert_true (antt_text_matches (name, "nguyen van duc"));
  g_assert_true (antt_text_matches (name, "duc"));
  g_assert_true (antt_text_matches (name, "duc nguyen"));
  g_assert_true (antt_text_matches (name, "uyen"));
  g_assert_true (antt_text_matches (name, search));
  g_assert_true (antt_text_matches (village, "dong"));
  g_assert_true (antt_text_matches (village, "  thon   dong "));
  /* Words match inside words: "an" is in "van". */
  g_assert_true (antt_text_matches (name, "an"));
  g_assert_false (antt_text_matches (name, "nguyen van binh"));
  g_assert_false (antt_text_matches (name, "ducc"));
  g_assert_false (antt_text_matches (village, "dong thon xa"));

  g_assert_true (antt_text_matches (name, ""));
  g_assert_true (antt_text_matches (name, "   "));
  g_assert_true (antt_text_matches (name, NULL));
  g_assert_true (antt_text_matches (NULL, NULL));
  g_assert_true (antt_text_matches ("", ""));
  g_assert_false (antt_text_matches (NULL, "a"));
  g_assert_false (antt_text_matches ("", "a"));
  g_assert_true (antt_text_matches ("a", "a"));
  g_assert_false (antt_text_matches ("ab", "abc"));
  g_assert_true (antt_text_matches ("aab", "ab"));
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *keys = user_data;

  return strcmp (g_hash_table_lookup (keys, *(const char **) a),
                 g_hash_table_lookup (keys, *(const char **) b));
}

typedef char *(*KeyFunc) (const char *text);

/* Shuffles @expected, sorts it by @key_func, and checks the order is back. */
static void
assert_sorts (const char * const *expected,
              gsize               n_expected,
              KeyFunc             key_func)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                      NULL, g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (gsize i = 0; i < n_expected; i++)
    {
      char *key = key_func (expected[i]);

      g_assert_nonnull (key);
      g_assert_true (g_utf8_validate (key, -1, NULL));
      g_hash_table_insert (keys, (gpointer) expected[i], key);
      g_ptr_array_add (items, (gpointer) expected[i]);
    }

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = items->len; i > 1; i--)
        {
          guint j = g_test_rand_int_range (0, i);
          gpointer swap = items->pdata[i - 1];

          items->pdata[i - 1] = items->pdata[j];
          items->pdata[j] = swap;
        }

      g_ptr_array_sort_with_data (items, compare_by_key, keys);

      for (guint i = 0; i < items->len; i++)
        g_assert_cmpstr (items->pdata[i], ==, expected[i]);
    }

  /* Strictly increasing: distinct texts never share a key. */
  for (gsize i = 1; i < n_expected; i++)
    g_assert_cmpint (strcmp (g_hash_table_lookup (keys, expected[i - 1]),
                             g_hash_table_lookup (keys, expected[i])), <, 0);
}

static void
test_collate_alphabet (void)
{
  const char *expected[] = {
    "-",
    "1",
    "9",
    "a",
    "an",
    "An",
    "an b",
    "anh",
    "ăn",
    "Ăn",
    "ân",
    "ba",
    "bà",
    "cá",
    "dê",
    "Dương",
    "đá",
    "Đào",
    "e",
    "ê",
    "fa",
    "g",
    "hồ",
    "i",
    "k",
    "lê",
    "o",
    "ô",
    "ơ",
    "ơn",
    "p",
    "uy",
    "ưng",
    "v",
    "x",
    "y",
    "z",
  };

  assert_sorts (expected, G_N_ELEMENTS (expected), antt_text_collate_key);

  for (gsize i = 1; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (antt_text_collate (expected[i - 1], expected[i]), ==, -1);
}

static void
test_collate_tones (void)
{
  const char *tones[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
  const char *letters_first[] = {
    "ma", "Ma", "mà", "Mà", "mạ", "mac", "mác", "mai", "mái", "măn",
  };
  const char *on_letters[] = {
    "uơ", "ươ", "ưở", "ướ", "ượ", "ượa",
  };

  assert_sorts (tones, G_N_ELEMENTS (tones), antt_text_collate_key);
  assert_sorts (letters_first, G_N_ELEMENTS (letters_first),
                antt_text_collate_key);
  assert_sorts (on_letters, G_N_ELEMENTS (on_letters), antt_text_collate_key);
}

static void
test_collate_other_scripts (void)
{
  /* Outside the alphabet: after z, by code point, ignoring case. */
  const char *expected[] = {
    "zz",
    "ç",
    "Ç",
    "Çelik",
    "ñ",
    "ö",
    "Ü",
    "üa",
    "ǎ",
    "α",
    "中",
    "\xf0\x9f\x98\x80", /* an emoji, beyond the BMP */
  };

  assert_sorts (expected, G_N_ELEMENTS (expected), antt_text_collate_key);
}

static void
test_collate_key_forms (void)
{
  const char *names[] = {
    "Nguyễn Văn Đức", "Đặng Thị Ánh", "Ưng Hoàng Phúc", "Lê Thị Ơn",
    "Âu Văn Ẩn", "Quỳnh Nguyễn Thị Ngọc Quỳnh", "Hỷ", "Thuý", "Thúy",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *composed = antt_text_collate_key (names[i]);
      g_autofree char *decomposed_text = nfd (names[i]);
      g_autofree char *decomposed = antt_text_collate_key (decomposed_text);
      g_autofree char *spaced_text = g_strdup_printf ("  %s\t", names[i]);
      g_autofree char *spaced = antt_text_collate_key (spaced_text);

      g_assert_nonnull (composed);
      g_assert_cmpstr (composed, ==, decomposed);
      g_assert_cmpstr (composed, ==, spaced);
      g_assert_cmpint (antt_text_collate (names[i], decomposed_text), ==, 0);

      for (const char *p = composed; *p != '\0'; p++)
        g_assert_cmpint ((guchar) *p, <, 0x80);
    }

  g_assert_null (antt_text_collate_key (NULL));
  g_assert_null (antt_text_collate_key ("\xff"));
  g_assert_null (antt_text_name_collate_key (NULL));

  g_assert_cmpint (antt_text_collate (NULL, NULL), ==, 0);
  g_assert_cmpint (antt_text_collate (NULL, "a"), ==, -1);
  g_assert_cmpint (antt_text_collate ("a", NULL), ==, 1);
  g_assert_cmpint (antt_text_collate ("\xff", "a"), ==, -1);
  g_assert_cmpint (antt_text_collate ("Đào", "Dương"), ==, 1);
  g_assert_cmpint (antt_text_collate ("an", "ăn"), ==, -1);
  g_assert_cmpint (antt_text_collate ("Bùi", "bùi"), ==, 1);
}

static void
test_name_collate (void)
{
  const char *expected[] = {
    "An",
    "Lê Thị An",
    "Nguyễn Văn An",
    "Hoàng Văn Án",
    "Đặng Thị Ánh",
    "Âu Văn Ẩn",
    "Bùi Thị Bình",
    "Trần Thị Dung",
    "Nguyễn Văn Đức",
    "Lê Thị Ơn",
    "Phúc",
    "Ưng Hoàng Phúc",
    "Nguyễn Thị Ngọc Quỳnh",
  };
  g_autofree char *an = antt_text_name_collate_key ("Nguyễn Văn An");
  g_autofree char *binh = antt_text_name_collate_key ("Bùi Thị Bình");
  g_autofree char *an_nfd_text = nfd ("  Nguyễn  Văn   An ");
  g_autofree char *an_nfd = antt_text_name_collate_key (an_nfd_text);
  g_autofree char *anh = antt_text_name_collate_key ("Trần Anh");
  g_autofree char *an_anh = antt_text_name_collate_key ("Trần An Anh");

  g_assert_cmpint (strcmp (an, binh), <, 0);
  g_assert_cmpstr (an, ==, an_nfd);
  /* Same given name: the family and middle names decide. */
  g_assert_cmpint (strcmp (anh, an_anh), <, 0);

  assert_sorts (expected, G_N_ELEMENTS (expected), antt_text_name_collate_key);
}

static void
test_fold_large (void)
{
  /* The fold runs once per stored row: it must stay linear and sane on
   * long input. */
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append (text, "Nguyễn   Văn Đức ");
      g_string_append (expected, i == 0 ? "nguyen van duc" : " nguyen van duc");
    }

  folded = antt_text_fold (text->str);
  g_assert_cmpstr (folded, ==, expected->str);

  key = antt_text_collate_key (text->str);
  g_assert_nonnull (key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-large", test_fold_large);
  g_test_add_func ("/text/matches", test_matches);
  g_test_add_func ("/text/collate/alphabet", test_collate_alphabet);
  g_test_add_func ("/text/collate/tones", test_collate_tones);
  g_test_add_func ("/text/collate/other-scripts", test_collate_other_scripts);
  g_test_add_func ("/text/collate/key-forms", test_collate_key_forms);
  g_test_add_func ("/text/collate/names", test_name_collate);

  return g_test_run ();
}
