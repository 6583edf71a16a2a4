/* antt-demo.c: realistic generated records, for trying the app and for
 * benchmarks.
 *
 * Everything goes through the records API (antt_records_insert), so that the
 * generated rows are validated and audited exactly as the clerk's would be,
 * inside one outer transaction: either the whole year is generated or the
 * file is left as it was.
 *
 * Scale 1 is one commune over the default movement (19/08/2024 – 19/08/2025,
 * read from the file):
 *   - 14 villages (thôn) with population and households, and a population
 *     count at the end of each phase (92–99% of persons provided);
 *   - 12 teams "Tổ bảo vệ ANTT thôn …", two of them serving two villages;
 *   - 64 members: 5 per team at the start (Tổ trưởng, Tổ phó, 3 Tổ viên),
 *     3 who leave during the year with a reason and 4 who join during it;
 *     aged 20–65, unique 12-digit CCCD numbers, Vietnamese names;
 *   - 7 trainings (2 each of dân vận, PCCC/CNCH and administrative management
 *     of social order, 1 other) and 8 political activities, each attended by
 *     most active members;
 *   - 300 tips (about 85% received through a member active on the date);
 *   - 120 incidents of mixed types (2 traffic accidents, a few serious ones),
 *     most with 1–4 members taking part;
 *   - 25 PCCC/rescue call-outs with 2–6 members each;
 *   - 400 patrols, each by one team with 2–4 of its active members;
 *   - 8 reintegration cases with 2–5 follow-up visits each, one re-offence;
 *   - about 2 good deeds or commendations per team and month;
 *   - 2 models and about 10 advanced examples;
 *   - 1 member violation and 1 business violation.
 * That is about 3,600 records, and as many audit rows (by the user
 * "thidua-antt (dữ liệu mẫu)"). Each further commune (scale > 1) has the same
 * kinds of records in numbers that vary by ±15%, and names suffixed with
 * " (xã N)" so that villages and teams stay unique: scale 300, a province,
 * is about 1.06 million records. Commune 1 of any scale is scale 1, and the
 * same scale and seed give the same records with any compiler.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "antt-date.h"
#include "antt-demo.h"
#include "antt-records.h"

#define DEMO_USER "thidua-antt (dữ liệu mẫu)"
#define MAX_VILLAGES 16

/* The plan's own dates, used when the file holds no movement. */
#define DEFAULT_START "2024-08-19"
#define DEFAULT_END   "2025-08-19"
#define DEFAULT_PHASE1_END "2025-02-03"

typedef struct
{
  gint64   id;
  guint    team;
  guint    village;
  int      joined;    /* Julian days */
  int      left;      /* 0 while a member */
  gboolean female;
  char    *full_name;
} DemoMember;

typedef struct
{
  gint64      id;
  const char *name;     /* without "Thôn" and the commune suffix */
  char       *display;  /* "Thôn Đồng Tâm (xã 2)" */
  char       *phrase;   /* "thôn Đồng Tâm (xã 2)", within a sentence */
  guint       team;
  gboolean    disadvantaged;
  int         persons;
} DemoVillage;

typedef struct
{
  gint64  id;
  guint   villages[2];
  guint   n_villages;
  char   *name;
  GArray *members;      /* guint, indices in Demo.members */
} DemoTeam;

typedef struct
{
  AnttDatabase     *db;
  GRand            *rand;
  guint             scale;
  AnttDemoProgress  progress;
  gpointer          user_data;
  double            last_progress;

  int               start;          /* the movement, Julian days */
  int               end;
  int               phase_ends[8];
  guint             n_phases;
  guint32           id_serial;      /* CCCD numbers, unique in the file */

  /* The commune being generated */
  guint             commune;
  char             *suffix;         /* "" or " (xã N)" */
  DemoVillage       villages[MAX_VILLAGES];
  guint             n_villages;
  DemoTeam          teams[MAX_VILLAGES];
  guint             n_teams;
  GArray           *members;        /* DemoMember */
  GArray           *scratch;        /* guint, member indices */
} Demo;

/* Names ------------------------------------------------------------------- */

typedef struct
{
  const char *text;
  guint       weight;
} Weighted;

static const Weighted family_names[] = {
  { "Nguyễn", 30 }, { "Trần", 10 }, { "Lê", 10 }, { "Phạm", 6 }, { "Hoàng", 5 },
  { "Huỳnh", 2 }, { "Phan", 3 }, { "Vũ", 3 }, { "Võ", 2 }, { "Đặng", 2 },
  { "Bùi", 3 }, { "Đỗ", 3 }, { "Hồ", 2 }, { "Ngô", 2 }, { "Dương", 2 },
  { "Lý", 1 }, { "Đinh", 2 }, { "Lương", 2 }, { "Hà", 2 }, { "Ưng", 1 },
  { "Lò", 1 }, { "Cầm", 1 }, { "Vi", 1 }, { "Quách", 1 }, { "Trịnh", 2 },
  { "Mai", 1 }, { "Lục", 1 },
};

static const char *const male_middle_names[] = {
  "Văn", "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Xuân",
  "Đình", "Công", "Ngọc", "Trọng", "Bá", "Tiến", "Mạnh",
};

static const char *const female_middle_names[] = {
  "Thị", "Thị", "Thị", "Thị", "Thị Thu", "Thị Hồng", "Thị Minh", "Ngọc",
  "Thanh", "Thu", "Minh", "Hồng", "Kim",
};

static const char *const male_given_names[] = {
  "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Long",
  "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Tuấn", "Thắng", "Toàn", "Trung",
  "Vinh", "Hiếu", "Lâm", "Thành", "Tùng", "Việt", "Hòa", "Lợi", "Mạnh",
  "Nghĩa", "Phong", "Quyết", "An", "Chiến", "Định", "Hưng", "Kiên", "Lực",
};

static const char *const female_given_names[] = {
  "Ánh", "Hà", "Hương", "Lan", "Mai", "Nga", "Thảo", "Vân", "Yến", "Hạnh",
  "Hoa", "Huyền", "Linh", "Loan", "Nhung", "Oanh", "Phương", "Trang",
  "Tuyết", "Giang", "Khánh", "Tâm", "Dung", "Hằng",
};

/* Villages of the hill districts of Thanh Hóa and Nghệ An; their search
 * keys are all different, as villages.name_fold is unique. */
static const char *const village_names[] = {
  "Đồng Tâm", "Làng Lúng", "Xuân Thành", "Tân Thành", "Bình Sơn", "Thanh Sơn",
  "Đồng Mười", "Làng Sung", "Làng Chuối", "Đồng Xanh", "Trung Thành",
  "Quyết Thắng", "Đồng Lách", "Cọc Một", "Cọc Hai", "Tân Lập", "Hợp Nhất",
  "Thống Nhất", "Minh Quang", "Tiến Thắng", "Xuân Lai", "Thanh Xuân",
  "Yên Cát", "Đồng Cong", "Bái Thượng", "Làng Mới", "Khe Hạ", "Khe Rồng",
  "Bản Cốc", "Bản Hón", "Bản Mỏ", "Đồng Phống", "Tân Phong", "Sơn Thủy",
  "Thanh Tân", "Phú Quý", "Hồ Cao", "Đồng Thanh", "Quang Trung", "Xuân Hòa",
  "Đồng Hơn", "Làng Trung", "Đồng Phú", "Na Hú", "Bù Đồn", "Khe Lánh",
  "Vinh Quang", "Liên Sơn", "Kim Sơn", "Hòa Bình", "Ngọc Lâm", "Phú Sơn",
  "Bình Minh", "Đông Sơn", "Làng Thượng", "Làng Hạ", "Cầu Đá", "Tân Hùng",
  "Đồng Chùa", "Bãi Gạo",
};

static const char *const roads[] = {
  "Quốc lộ 45", "Tỉnh lộ 520", "đường Hồ Chí Minh", "đường liên thôn",
  "đường liên xã", "đường vào khu sản xuất", "tuyến đường trục xã",
};

static const char *const places[] = {
  "khu vực chợ xã", "cổng trường THCS", "nhà văn hóa thôn", "quán tạp hóa đầu thôn",
  "bãi đất trống cạnh sân bóng", "khu vực ngã ba", "bờ đập thủy lợi", "cầu treo",
  "quán nước ven đường", "khu vực đồi keo",
};

/* Helpers ----------------------------------------------------------------- */

static int
rand_int (Demo *demo,
          int   lo,
          int   hi)
{
  return g_rand_int_range (demo->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

static const char *
pick_weighted (Demo           *demo,
               const Weighted *items,
               guint           n_items)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n_items; i++)
    total += items[i].weight;
  r = (guint) g_rand_int_range (demo->rand, 0, (gint32) total);
  for (guint i = 0; i < n_items; i++)
    {
      if (r < items[i].weight)
        return items[i].text;
      r -= items[i].weight;
    }
  return items[0].text;
}

/* A count of records in commune 1 is exact; the others vary by ±15%. */
static int
vary (Demo *demo,
      int   n)
{
  double factor;

  if (demo->commune == 0)
    return n;
  factor = 0.85 + 0.3 * g_rand_double (demo->rand);
  return MAX (1, (int) (n * factor + 0.5));
}

static void
format_iso (int  day,
            char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

static int
parse_iso (const char *iso,
           const char *fallback)
{
  GDate date;

  if (!antt_date_parse_iso (iso, &date) && !antt_date_parse_iso (fallback, &date))
    g_assert_not_reached ();
  return (int) g_date_get_julian (&date);
}

static int
random_day (Demo *demo,
            int   from,
            int   to)
{
  return from >= to ? from : rand_int (demo, from, to);
}

/* The order of evaluation of arguments is unspecified in C: each random
 * draw below is a statement of its own, so that a seed gives the same
 * records whatever the compiler. */
static char *
random_name (Demo     *demo,
             gboolean  female)
{
  const char *family = pick_weighted (demo, family_names, G_N_ELEMENTS (family_names));
  const char *middle = female ? PICK (demo, female_middle_names) : PICK (demo, male_middle_names);
  const char *given = female ? PICK (demo, female_given_names) : PICK (demo, male_given_names);

  return g_strdup_printf ("%s %s %s", family, middle, given);
}

/* "038" (Thanh Hóa), the century and gender digit, the year of birth, and
 * six digits that are a permutation of a counter: unique in the file. */
static void
format_id_number (Demo     *demo,
                  int       birth,
                  gboolean  female,
                  char      out[13])
{
  GDate date;
  guint year;
  guint digit;
  guint32 serial;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) birth);
  year = g_date_get_year (&date);
  digit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  serial = (guint32) (((guint64) demo->id_serial++ * 387403 + 104729) % 1000000);
  g_snprintf (out, 13, "038%u%02u%06u", digit, year % 100, serial);
}

static void
format_phone (Demo *demo,
              char  out[11])
{
  static const char *const prefixes[] = {
    "091", "094", "088", "083", "084", "085", "081", "082", "097", "098",
    "096", "086", "032", "033", "034", "035", "036", "037", "038", "039",
    "070", "076", "077", "078", "079", "090", "093", "089", "056", "058",
  };

  const char *prefix = PICK (demo, prefixes);
  int number = rand_int (demo, 0, 9999999);

  g_snprintf (out, 11, "%s%07d", prefix, number);
}

static void
format_time (Demo *demo,
             int   from_hour,
             int   to_hour,
             char  out[6])
{
  int hour = rand_int (demo, from_hour, to_hour);
  int minute = rand_int (demo, 0, 11) * 5;

  g_snprintf (out, 6, "%02d:%02d", hour, minute);
}

/* Fills a template: "{v}" becomes @village, "{p}" @place. Templates are
 * data, not printf formats, so that either may be left out. */
static char *
expand (const char *template,
        const char *village,
        const char *place)
{
  GString *out = g_string_sized_new (strlen (template) + 64);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}' && (p[1] == 'v' || p[1] == 'p'))
        {
          const char *value = p[1] == 'v' ? village : place;

          g_string_append (out, value != NULL ? value : "");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
report_progress (Demo   *demo,
                 double  within_commune)
{
  double fraction = (demo->commune + within_commune) / demo->scale;

  if (demo->progress == NULL)
    return;
  if (fraction < 1.0 && fraction - demo->last_progress < 0.01)
    return;
  demo->last_progress = fraction;
  demo->progress (MIN (fraction, 1.0), demo->user_data);
}

/* Inserts @record (taking it over) through the records API. */
static gint64
insert (Demo        *demo,
        AnttRecord  *record,
        GError     **error)
{
  g_autoptr(AnttRecord) owned = record;

  return antt_records_insert (demo->db, owned, error);
}

static DemoMember *
member_at (Demo  *demo,
           guint  index)
{
  return &g_array_index (demo->members, DemoMember, index);
}

static gboolean
member_active_on (const DemoMember *member,
                  int               day)
{
  return member->joined <= day && (member->left == 0 || member->left >= day);
}

/* Fills demo->scratch with the members of @team active on @day. */
static guint
collect_team (Demo  *demo,
              guint  team,
              int    day)
{
  GArray *members = demo->teams[team].members;

  g_array_set_size (demo->scratch, 0);
  for (guint i = 0; i < members->len; i++)
    {
      guint index = g_array_index (members, guint, i);

      if (member_active_on (member_at (demo, index), day))
        g_array_append_val (demo->scratch, index);
    }
  return demo->scratch->len;
}

/* Adds to demo->scratch the members of the commune active on @day that are
 * not in it yet. */
static guint
collect_commune (Demo *demo,
                 int   day)
{
  for (guint index = 0; index < demo->members->len; index++)
    {
      gboolean seen = FALSE;

      if (!member_active_on (member_at (demo, index), day))
        continue;
      for (guint j = 0; j < demo->scratch->len && !seen; j++)
        seen = g_array_index (demo->scratch, guint, j) == index;
      if (!seen)
        g_array_append_val (demo->scratch, index);
    }
  return demo->scratch->len;
}

/* Moves @n randomly chosen entries to the front of demo->scratch. */
static guint
choose_scratch (Demo  *demo,
                guint  n)
{
  GArray *scratch = demo->scratch;

  n = MIN (n, scratch->len);
  for (guint i = 0; i < n; i++)
    {
      guint j = (guint) g_rand_int_range (demo->rand, (gint32) i, (gint32) scratch->len);
      guint tmp = g_array_index (scratch, guint, i);

      g_array_index (scratch, guint, i) = g_array_index (scratch, guint, j);
      g_array_index (scratch, guint, j) = tmp;
    }
  return n;
}

/* A member of the team serving @village active on @day, or of the commune;
 * NULL when nobody is. */
static DemoMember *
pick_member (Demo  *demo,
             guint  village,
             int    day)
{
  if (collect_team (demo, demo->villages[village].team, day) == 0 &&
      collect_commune (demo, day) == 0)
    return NULL;
  choose_scratch (demo, 1);
  return member_at (demo, g_array_index (demo->scratch, guint, 0));
}

/* The movement ------------------------------------------------------------ */

static gboolean
read_movement (Demo    *demo,
               GError **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  AnttRecord *campaign = NULL;

  antt_filter_add_equals (filter, "is_default", 1);
  campaigns = antt_records_list (demo->db, "campaigns", filter, error);
  if (campaigns == NULL)
    return FALSE;
  if (campaigns->len == 0)
    {
      g_ptr_array_unref (campaigns);
      campaigns = antt_records_list (demo->db, "campaigns", NULL, error);
      if (campaigns == NULL)
        return FALSE;
    }

  if (campaigns->len == 0)
    {
      demo->start = parse_iso (DEFAULT_START, NULL);
      demo->end = parse_iso (DEFAULT_END, NULL);
      demo->phase_ends[0] = parse_iso (DEFAULT_PHASE1_END, NULL);
      demo->phase_ends[1] = demo->end;
      demo->n_phases = 2;
      return TRUE;
    }

  campaign = g_ptr_array_index (campaigns, campaigns->len - 1);
  demo->start = parse_iso (antt_record_get_string (campaign, "start_date"), DEFAULT_START);
  demo->end = parse_iso (antt_record_get_string (campaign, "end_date"), DEFAULT_END);

  g_clear_pointer (&filter, antt_filter_free);
  filter = antt_filter_new ();
  antt_filter_add_equals (filter, "campaign_id", antt_record_get_id (campaign));
  phases = antt_records_list (demo->db, "phases", filter, error);
  if (phases == NULL)
    return FALSE;

  for (guint i = 0; i < phases->len && demo->n_phases < G_N_ELEMENTS (demo->phase_ends); i++)
    {
      AnttRecord *phase = g_ptr_array_index (phases, i);
      int end = parse_iso (antt_record_get_string (phase, "end_date"), DEFAULT_END);

      if (end >= demo->start && end <= demo->end)
        demo->phase_ends[demo->n_phases++] = end;
    }
  if (demo->n_phases == 0)
    demo->phase_ends[demo->n_phases++] = demo->end;
  return TRUE;
}

/* Villages and teams ------------------------------------------------------ */

static gboolean
generate_villages (Demo    *demo,
                   GError **error)
{
  guint order[G_N_ELEMENTS (village_names)];
  guint n_double;

  if (demo->commune == 0)
    {
      demo->n_villages = 14;
      n_double = 2;
    }
  else
    {
      demo->n_villages = (guint) rand_int (demo, 10, MAX_VILLAGES);
      n_double = (guint) rand_int (demo, 1, 3);
    }
  demo->n_teams = demo->n_villages - n_double;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = 0; i < demo->n_villages; i++)
    {
      guint j = (guint) rand_int (demo, (int) i, G_N_ELEMENTS (order) - 1);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  for (guint v = 0; v < demo->n_villages; v++)
    {
      DemoVillage *village = &demo->villages[v];
      AnttRecord *record = antt_record_new ("villages");
      gboolean disadvantaged = chance (demo, 0.3);

      village->name = village_names[order[v]];
      village->display = g_strdup_printf ("Thôn %s%s", village->name, demo->suffix);
      village->phrase = g_strdup_printf ("thôn %s%s", village->name, demo->suffix);
      village->disadvantaged = disadvantaged;
      village->persons = rand_int (demo, 350, 1600);

      antt_record_set_string (record, "name", village->display);
      antt_record_set_string (record, "kind", "village");
      antt_record_set_int (record, "population", village->persons);
      antt_record_set_int (record, "households", village->persons / rand_int (demo, 38, 46) * 10);
      antt_record_set_boolean (record, "disadvantaged", disadvantaged);
      if (disadvantaged)
        antt_record_set_string (record, "notes", "Thôn đặc biệt khó khăn (Chương trình 135)");
      village->id = insert (demo, record, error);
      if (village->id == 0)
        return FALSE;

      for (guint p = 0; p < demo->n_phases; p++)
        {
          char as_of[11];
          int persons = village->persons + rand_int (demo, -15, 30) * (int) (p + 1);
          double share = chance (demo, 0.05) ? 0.86 + 0.04 * g_rand_double (demo->rand)
                                             : 0.92 + 0.07 * g_rand_double (demo->rand);

          record = antt_record_new ("village_population");
          format_iso (demo->phase_ends[p], as_of);
          antt_record_set_int (record, "village_id", village->id);
          antt_record_set_string (record, "as_of", as_of);
          antt_record_set_int (record, "persons", persons);
          antt_record_set_int (record, "persons_provided", (gint64) (persons * share));
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_teams (Demo    *demo,
                GError **error)
{
  /* Team t serves village t; the villages beyond the teams are small ones
   * that a neighbouring team also serves. */
  for (guint t = 0; t < demo->n_teams; t++)
    {
      DemoTeam *team = &demo->teams[t];

      team->villages[0] = t;
      team->n_villages = 1;
      team->members = g_array_new (FALSE, FALSE, sizeof (guint));
      demo->villages[t].team = t;
    }
  for (guint v = demo->n_teams; v < demo->n_villages; v++)
    {
      guint t;

      do
        t = (guint) rand_int (demo, 0, (int) demo->n_teams - 1);
      while (demo->teams[t].n_villages > 1);
      demo->teams[t].villages[demo->teams[t].n_villages++] = v;
      demo->villages[v].team = t;
    }

  for (guint t = 0; t < demo->n_teams; t++)
    {
      DemoTeam *team = &demo->teams[t];
      AnttRecord *record = antt_record_new ("teams");
      char established[11];
      g_autofree char *decision = NULL;

      if (team->n_villages == 1)
        team->name = g_strdup_printf ("Tổ bảo vệ ANTT thôn %s%s",
                                      demo->villages[team->villages[0]].name, demo->suffix);
      else
        team->name = g_strdup_printf ("Tổ bảo vệ ANTT thôn %s - %s%s",
                                      demo->villages[team->villages[0]].name,
                                      demo->villages[team->villages[1]].name, demo->suffix);

      format_iso (demo->start - rand_int (demo, 40, 50), established);
      decision = g_strdup_printf ("%d/QĐ-UBND", rand_int (demo, 60, 180));
      antt_record_set_string (record, "name", team->name);
      antt_record_set_string (record, "established_date", established);
      antt_record_set_string (record, "decision_number", decision);
      team->id = insert (demo, record, error);
      if (team->id == 0)
        return FALSE;

      for (guint i = 0; i < team->n_villages; i++)
        {
          record = antt_record_new ("team_villages");
          antt_record_set_int (record, "team_id", team->id);
          antt_record_set_int (record, "village_id", demo->villages[team->villages[i]].id);
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Members ----------------------------------------------------------------- */

static const char *
pick_education (Demo     *demo,
                gboolean  disadvantaged)
{
  static const Weighted educations[] = {
    { "primary", 2 }, { "lower_secondary", 40 }, { "upper_secondary", 38 },
    { "vocational", 10 }, { "college", 5 }, { "university", 5 },
  };

  if (disadvantaged && chance (demo, 0.15))
    return "primary";
  return pick_weighted (demo, educations + 1, G_N_ELEMENTS (educations) - 1);
}

typedef struct
{
  const char *role;
  int         joined;
  int         age;
  gboolean    founding;
  int         left;       /* 0: stays */
  const char *reason;
} DemoJoining;

static gboolean
add_member (Demo               *demo,
            guint               team,
            const DemoJoining  *joining,
            GError            **error)
{
  static const Weighted services[] = {
    { "none", 56 }, { "army", 26 }, { "militia", 15 }, { "police", 3 },
  };
  static const struct
  {
    const char *reason;
    const char *note;
  } notes[] = {
    { "own_request", "Xin thôi tham gia vì đi làm ăn xa" },
    { "health", "Sức khỏe không bảo đảm để thực hiện nhiệm vụ" },
    { "moved", "Chuyển nơi cư trú ra ngoài địa bàn" },
    { "failed_duties", "Hai lần liên tiếp không hoàn thành nhiệm vụ" },
    { "age", "Tuổi cao, xin thôi tham gia" },
  };
  DemoMember member = { 0 };
  AnttRecord *record = antt_record_new ("members");
  DemoTeam *t = &demo->teams[team];
  const DemoVillage *village;
  char birth_iso[11], joined_iso[11], left_iso[11], id_number[13], phone[11];
  g_autofree char *decision = NULL;
  guint index;
  int birth;

  member.team = team;
  member.village = t->villages[t->n_villages > 1 && chance (demo, 0.3) ? 1 : 0];
  member.joined = joining->joined;
  member.left = joining->left;
  member.female = chance (demo, g_str_equal (joining->role, "leader") ? 0.05 : 0.18);
  member.full_name = random_name (demo, member.female);
  village = &demo->villages[member.village];

  birth = joining->joined - joining->age * 365 - joining->age / 4 - rand_int (demo, 1, 364);
  format_iso (birth, birth_iso);
  format_iso (joining->joined, joined_iso);
  format_id_number (demo, birth, member.female, id_number);
  /* The founding members were recognised together, by one decision. */
  decision = g_strdup_printf ("%d/QĐ-UBND", joining->founding ? 150 + (int) demo->commune % 50
                                                              : rand_int (demo, 200, 480));

  antt_record_set_string (record, "full_name", member.full_name);
  antt_record_set_string (record, "birth_date", birth_iso);
  antt_record_set_string (record, "gender", member.female ? "female" : "male");
  antt_record_set_string (record, "id_number", id_number);
  if (chance (demo, 0.96))
    {
      format_phone (demo, phone);
      antt_record_set_string (record, "phone", phone);
    }
  antt_record_set_string (record, "address", village->display);
  antt_record_set_int (record, "village_id", village->id);
  antt_record_set_int (record, "team_id", t->id);
  antt_record_set_string (record, "role", joining->role);
  antt_record_set_string (record, "joined_date", joined_iso);
  antt_record_set_string (record, "decision_number", decision);
  antt_record_set_string (record, "decision_date", joined_iso);
  if (joining->left != 0)
    {
      format_iso (joining->left, left_iso);
      antt_record_set_string (record, "left_date", left_iso);
      antt_record_set_string (record, "left_reason", joining->reason);
      for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
        if (g_str_equal (notes[i].reason, joining->reason))
          antt_record_set_string (record, "left_note", notes[i].note);
    }
  antt_record_set_string (record, "education", pick_education (demo, village->disadvantaged));
  antt_record_set_string (record, "residence", chance (demo, 0.95) ? "permanent" : "temporary");
  antt_record_set_boolean (record, "health_certified", TRUE);
  antt_record_set_boolean (record, "record_clear", TRUE);
  antt_record_set_string (record, "prior_service",
                          pick_weighted (demo, services, G_N_ELEMENTS (services)));

  member.id = insert (demo, record, error);
  if (member.id == 0)
    {
      g_free (member.full_name);
      return FALSE;
    }
  g_array_append_val (demo->members, member);
  index = demo->members->len - 1;
  g_array_append_val (t->members, index);
  return TRUE;
}

static gboolean
generate_members (Demo    *demo,
                  GError **error)
{
  static const char *const roles[] = { "leader", "deputy", "member", "member", "member" };
  static const Weighted reasons[] = {
    { "own_request", 8 }, { "health", 4 }, { "moved", 4 }, { "failed_duties", 2 },
    { "age", 1 },
  };
  guint n_roles = G_N_ELEMENTS (roles);
  guint n_founding = demo->n_teams * n_roles;
  g_autofree DemoJoining *founding = g_new0 (DemoJoining, n_founding);
  g_autofree guint *leavers = NULL;
  guint n_leaving = demo->commune == 0 ? 3 : (guint) rand_int (demo, 1, 5);
  guint n_extra = demo->commune == 0 ? 1 : (guint) rand_int (demo, 0, 2);

  for (guint t = 0; t < demo->n_teams; t++)
    {
      int joined = demo->start - rand_int (demo, 25, 38);

      for (guint r = 0; r < n_roles; r++)
        {
          DemoJoining *joining = &founding[t * n_roles + r];

          joining->role = roles[r];
          joining->joined = joined;
          joining->age = rand_int (demo, 20, 64);
          joining->founding = TRUE;
        }
    }

  /* Some leave during the year (never a leader); each is replaced within
   * weeks by a new Tổ viên of the same team. */
  leavers = g_new0 (guint, n_leaving);
  for (guint i = 0; i < n_leaving; i++)
    {
      DemoJoining *joining;
      guint slot;

      do
        slot = (guint) rand_int (demo, 0, (int) n_founding - 1);
      while (slot % n_roles == 0 || founding[slot].left != 0);

      joining = &founding[slot];
      joining->left = random_day (demo, demo->start + 40, demo->end - 90);
      joining->reason = pick_weighted (demo, reasons, G_N_ELEMENTS (reasons));
      if (g_str_equal (joining->reason, "age"))
        joining->age = rand_int (demo, 60, 65);
      leavers[i] = slot;
    }

  for (guint slot = 0; slot < n_founding; slot++)
    if (!add_member (demo, slot / n_roles, &founding[slot], error))
      return FALSE;

  for (guint i = 0; i < n_leaving; i++)
    {
      DemoJoining joining = { "member", 0, 0, FALSE, 0, NULL };
      int gap = rand_int (demo, 7, 40);

      joining.joined = MIN (founding[leavers[i]].left + gap, demo->end);
      joining.age = rand_int (demo, 20, 45);
      if (!add_member (demo, leavers[i] / n_roles, &joining, error))
        return FALSE;
    }

  for (guint i = 0; i < n_extra; i++)
    {
      DemoJoining joining = { "member", 0, 0, FALSE, 0, NULL };
      guint team = (guint) rand_int (demo, 0, (int) demo->n_teams - 1);

      joining.joined = random_day (demo, demo->start + 20, demo->end - 120);
      joining.age = rand_int (demo, 20, 50);
      if (!add_member (demo, team, &joining, error))
        return FALSE;
    }

  return TRUE;
}

/* Trainings and political activities -------------------------------------- */

typedef struct
{
  const char *kind;
  const char *title;
} DemoTraining;

static const DemoTraining trainings[] = {
  { "mass_mobilisation", "Tập huấn kỹ năng dân vận, tuyên truyền, vận động Nhân dân" },
  { "fire_rescue", "Tập huấn nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ" },
  { "admin_order", "Tập huấn kiến thức quản lý hành chính về trật tự xã hội (cư trú, căn cước, "
                   "ngành nghề kinh doanh có điều kiện)" },
  { "mass_mobilisation", "Bồi dưỡng kỹ năng nắm tình hình, hòa giải mâu thuẫn ở cơ sở" },
  { "fire_rescue", "Thực hành chữa cháy rừng và cứu nạn trong mưa lũ" },
  { "admin_order", "Tập huấn nghiệp vụ đăng ký, quản lý cư trú và thu thập dữ liệu dân cư" },
  { "other", "Tập huấn nghiệp vụ tuần tra, kiểm soát, bảo đảm trật tự an toàn giao thông" },
};

static gboolean
generate_trainings (Demo    *demo,
                    GError **error)
{
  int middle = demo->n_phases > 1 ? demo->phase_ends[0] : (demo->start + demo->end) / 2;
  /* Per member, whether the first session of each of the three kinds
   * trained them: the second session is for those who missed it. */
  g_autofree gboolean *trained = g_new0 (gboolean, demo->members->len * 3);

  for (guint i = 0; i < G_N_ELEMENTS (trainings); i++)
    {
      gboolean second = i >= 3 && i < 6;
      int day = second ? random_day (demo, middle + 20, middle + 90)
                       : random_day (demo, demo->start + 10, demo->start + 75);
      AnttRecord *record = antt_record_new ("trainings");
      g_autofree char *place = g_strdup_printf ("Hội trường UBND xã%s", demo->suffix);
      char date[11];
      gint64 id;

      format_iso (day, date);
      antt_record_set_string (record, "date", date);
      antt_record_set_string (record, "kind", trainings[i].kind);
      antt_record_set_string (record, "title", trainings[i].title);
      antt_record_set_string (record, "place", place);
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      for (guint m = 0; m < demo->members->len; m++)
        {
          DemoMember *member = member_at (demo, m);
          gboolean *done = &trained[m * 3 + i % 3];
          double p = i >= 6 ? 0.8 : !second ? 0.82 : *done ? 0.3 : 0.9;

          if (!member_active_on (member, day) || !chance (demo, p))
            continue;

          record = antt_record_new ("training_attendance");
          antt_record_set_int (record, "training_id", id);
          antt_record_set_int (record, "member_id", member->id);
          antt_record_set_boolean (record, "passed", chance (demo, 0.97));
          if (insert (demo, record, error) == 0)
            return FALSE;
          *done = TRUE;
        }
    }
  return TRUE;
}

static const char *const political_titles[] = {
  "Quán triệt Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
  "Quán triệt Kế hoạch phong trào thi đua đặc biệt của lực lượng tham gia bảo vệ ANTT ở cơ sở",
  "Sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Sinh hoạt chính trị chào mừng 95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
  "Tuyên truyền Luật Trật tự, an toàn giao thông đường bộ năm 2024",
  "Sinh hoạt chuyên đề phòng, chống tội phạm lừa đảo trên không gian mạng",
  "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã",
  "Sinh hoạt chính trị kỷ niệm 80 năm Ngày truyền thống Công an nhân dân",
};

static gboolean
generate_political (Demo    *demo,
                    GError **error)
{
  guint n = G_N_ELEMENTS (political_titles);
  int span = (demo->end - demo->start) / (int) n;

  for (guint i = 0; i < n; i++)
    {
      int day = random_day (demo, demo->start + (int) i * span + 3,
                            demo->start + (int) (i + 1) * span - 3);
      AnttRecord *record = antt_record_new ("political_activities");
      g_autofree char *place = NULL;
      char date[11];
      gint64 id;

      place = chance (demo, 0.6) ? g_strdup_printf ("Hội trường UBND xã%s", demo->suffix)
                                 : g_strdup_printf ("Nhà văn hóa %s",
                                                    demo->villages[rand_int (demo, 0, (int) demo->n_villages - 1)].phrase);
      format_iso (day, date);
      antt_record_set_string (record, "date", date);
      antt_record_set_string (record, "title", political_titles[i]);
      antt_record_set_string (record, "place", place);
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      for (guint m = 0; m < demo->members->len; m++)
        {
          DemoMember *member = member_at (demo, m);

          if (!member_active_on (member, day) || !chance (demo, 0.88))
            continue;
          record = antt_record_new ("political_attendance");
          antt_record_set_int (record, "activity_id", id);
          antt_record_set_int (record, "member_id", member->id);
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Tips -------------------------------------------------------------------- */

typedef struct
{
  const char *category;
  guint       weight;
  const char *templates[4];   /* {v} the village, {p} a road or place */
} DemoTipKind;

static const DemoTipKind tip_kinds[] = {
  { "dispute", 20, {
      "Mâu thuẫn giữa hai hộ gia đình về ranh giới đất ở {v}",
      "Tranh chấp lối đi chung giữa các hộ dân ở {v}",
      "Mâu thuẫn trong gia đình có nguy cơ xô xát ở {v}",
      "Tranh chấp ranh giới đất rừng trồng keo ở {v}" } },
  { "crime", 18, {
      "Nghi có đối tượng trộm cắp tài sản lảng vảng ở {v}",
      "Đối tượng cho vay lãi nặng, đòi nợ thuê hoạt động ở {v}",
      "Người lạ nghi lừa đảo bán hàng, thu mua phế liệu ở {v}",
      "Nghi đối tượng trộm cắp gia súc vào ban đêm tại {p}" } },
  { "other", 15, {
      "Người từ nơi khác đến ở {v} chưa khai báo tạm trú",
      "Gia súc thả rông trên {p} gây mất an toàn",
      "Người dân {v} phản ánh tiếng ồn karaoke sau 22 giờ",
      "Phản ánh đường điện sinh hoạt không an toàn ở {v}" } },
  { "social_evil", 12, {
      "Có tụ điểm đánh bạc tại {p}, {v}",
      "Hoạt động ghi lô đề ở {v}",
      "Nhóm người tụ tập uống rượu, gây ồn ào tại {p}",
      "Nghi có hoạt động cá độ bóng đá qua mạng ở {v}" } },
  { "traffic", 12, {
      "Thanh niên tụ tập đua xe, lạng lách trên {p}",
      "Xe tải chở quá tải làm hư hỏng {p}",
      "Điểm đen tai nạn giao thông tại ngã ba {p} chưa có biển báo",
      "Học sinh đi xe máy không đội mũ bảo hiểm ở {v}" } },
  { "drugs", 8, {
      "Nhóm thanh niên nghi sử dụng ma túy tại {p}",
      "Nghi có đối tượng mua bán trái phép chất ma túy ở {v}",
      "Người nghiện từ nơi khác về tạm trú ở {v}",
      "Phát hiện bơm kim tiêm vứt bỏ tại {p}" } },
  { "fire", 8, {
      "Người dân đốt thực bì gần rừng keo ở {v}",
      "Kho chứa rơm rạ sát bếp nấu có nguy cơ cháy ở {v}",
      "Chập điện tại quán tạp hóa ở {v}",
      "Khói lớn từ khu vực {p}" } },
  { "security", 7, {
      "Người lạ đến {v} tuyên truyền, lôi kéo theo đạo lạ",
      "Tờ rơi có nội dung xấu xuất hiện tại {p}",
      "Đối tượng đăng tin sai sự thật về chính quyền trên nhóm Zalo của {v}",
      "Người nước ngoài vào {v} không khai báo" } },
};

static const char *
pick_tip_kind (Demo *demo,
               guint *kind)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < G_N_ELEMENTS (tip_kinds); i++)
    total += tip_kinds[i].weight;
  r = (guint) g_rand_int_range (demo->rand, 0, (gint32) total);
  for (*kind = 0; *kind < G_N_ELEMENTS (tip_kinds) - 1; (*kind)++)
    {
      if (r < tip_kinds[*kind].weight)
        break;
      r -= tip_kinds[*kind].weight;
    }
  return tip_kinds[*kind].category;
}

static gboolean
generate_tips (Demo    *demo,
               GError **error)
{
  static const char *const public_sources[] = {
    "Người dân gọi điện đường dây nóng của Công an xã",
    "Người dân đến trình báo trực tiếp tại trụ sở Công an xã",
    "Tin nhắn qua nhóm Zalo an ninh trật tự của xã",
    "Hòm thư tố giác tội phạm",
  };
  int n = vary (demo, 300);

  for (int i = 0; i < n; i++)
    {
      AnttRecord *record = antt_record_new ("tips");
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      int day = random_day (demo, demo->start, demo->end);
      gboolean via_force = chance (demo, 0.85);
      DemoMember *member = via_force ? pick_member (demo, village, day) : NULL;
      guint kind;
      const char *category = pick_tip_kind (demo, &kind);
      const char *where = chance (demo, 0.5) ? PICK (demo, roads) : PICK (demo, places);
      g_autofree char *summary = NULL;
      char date[11];

      summary = expand (tip_kinds[kind].templates[rand_int (demo, 0, 3)],
                        demo->villages[village].phrase, where);
      format_iso (day, date);
      antt_record_set_string (record, "received_date", date);
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_boolean (record, "via_force", member != NULL);
      if (member != NULL)
        {
          static const char *const force_sources[] = {
            "Quần chúng nhân dân báo qua đồng chí {p}",
            "Người dân báo cho đồng chí {p}, Tổ bảo vệ ANTT thôn",
            "Đồng chí {p} nắm được qua tuần tra, gặp gỡ nhân dân",
          };
          g_autofree char *source = expand (PICK (demo, force_sources), NULL, member->full_name);

          antt_record_set_int (record, "member_id", member->id);
          antt_record_set_string (record, "source", source);
        }
      else
        antt_record_set_string (record, "source", PICK (demo, public_sources));
      antt_record_set_string (record, "category", category);
      antt_record_set_string (record, "summary", summary);
      antt_record_set_boolean (record, "handled", day < demo->end - 10 ? chance (demo, 0.95)
                                                                     : chance (demo, 0.4));
      if (insert (demo, record, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Incidents --------------------------------------------------------------- */

typedef struct
{
  const char *type;
  guint       weight;
  const char *templates[3];
} DemoIncidentKind;

static const DemoIncidentKind incident_kinds[] = {
  { "public_order", 24, {
      "Gây rối trật tự công cộng tại {p}, {v}",
      "Đánh nhau giữa hai nhóm thanh niên tại {p}, {v}",
      "Say rượu gây rối tại đám cưới ở {v}" } },
  { "dispute", 24, {
      "Tranh chấp đất đai giữa hai hộ gia đình ở {v}",
      "Xô xát do mâu thuẫn lối đi chung ở {v}",
      "Mâu thuẫn gia đình dẫn đến xô xát ở {v}" } },
  { "crime", 16, {
      "Trộm cắp xe mô tô tại {v}",
      "Trộm cắp gia súc (trâu, bò) tại {v}",
      "Cố ý gây thương tích tại {p}, {v}" } },
  { "social_evil", 9, {
      "Đánh bạc ăn tiền dưới hình thức đánh bài tại {v}",
      "Tổ chức ghi lô đề tại {v}",
      "Tụ tập đánh bạc tại {p}, {v}" } },
  { "drugs", 5, {
      "Phát hiện đối tượng tàng trữ trái phép chất ma túy tại {v}",
      "Phát hiện nhóm người sử dụng trái phép chất ma túy tại {p}, {v}",
      "Bắt quả tang đối tượng mua bán trái phép chất ma túy tại {v}" } },
  { "security", 2, {
      "Phát hiện tài liệu có nội dung xấu tại {v}",
      "Người lạ tuyên truyền, lôi kéo theo đạo lạ tại {v}",
      "Kích động người dân khiếu kiện đông người ở {v}" } },
  { "other", 12, {
      "Người già đi lạc, được tìm thấy tại {p}, {v}",
      "Gia súc thả rông gây mất an toàn trên {p}",
      "Sạt lở đất đe dọa nhà dân ở {v}" } },
};

static const char *const incident_outcomes[] = {
  "Lực lượng có mặt kịp thời, phối hợp Công an xã giải quyết, lập biên bản vụ việc.",
  "Hòa giải thành tại thôn; các bên cam kết không tái diễn.",
  "Chuyển hồ sơ lên Công an huyện giải quyết theo thẩm quyền.",
  "Xử phạt vi phạm hành chính theo quy định.",
  "Bảo vệ hiện trường, hỗ trợ Công an huyện điều tra.",
  "Nhắc nhở, giáo dục tại cộng đồng dân cư.",
};

static gboolean
generate_incidents (Demo    *demo,
                    GError **error)
{
  static const Weighted weapons[] = {
    { "weapon", 1 }, { "explosive", 2 }, { "support_tool", 1 },
  };
  int n = vary (demo, 120);
  int n_traffic = demo->commune == 0 ? 2 : rand_int (demo, 1, 3);
  gboolean weapons_case = demo->commune != 0 && chance (demo, 0.12);
  int n_serious = demo->commune == 0 ? 3 : rand_int (demo, 1, 5);
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (incident_kinds); i++)
    total += incident_kinds[i].weight;

  for (int i = 0; i < n; i++)
    {
      AnttRecord *record = antt_record_new ("incidents");
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      int day = random_day (demo, demo->start, demo->end);
      const char *where = chance (demo, 0.5) ? PICK (demo, roads) : PICK (demo, places);
      const char *type;
      const char *severity = "minor";
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      char date[11], time[6];
      gint64 id;
      guint n_participants;

      if (i < n_traffic)
        {
          const char *template = chance (demo, 0.5)
                                 ? "Tai nạn giao thông giữa xe mô tô và xe ô tô tải trên {p}, {v}"
                                 : "Va chạm giao thông giữa hai xe mô tô tại {v}";
          const char *road = PICK (demo, roads);

          type = "traffic_accident";
          title = expand (template, demo->villages[village].phrase, road);
          if (chance (demo, 0.25))
            severity = "serious";
        }
      else if (i == n_traffic && weapons_case)
        {
          const char *kind = pick_weighted (demo, weapons, G_N_ELEMENTS (weapons));

          type = "weapons";
          antt_record_set_string (record, "weapon_kind", kind);
          title = g_strdup_printf (g_str_equal (kind, "weapon")
                                   ? "Phát hiện tàng trữ súng tự chế tại %s"
                                   : g_str_equal (kind, "explosive")
                                   ? "Phát hiện tàng trữ pháo nổ tại %s"
                                   : "Tàng trữ dao, kiếm, bình xịt hơi cay trái phép tại %s",
                                   demo->villages[village].phrase);
        }
      else
        {
          guint r = (guint) g_rand_int_range (demo->rand, 0, (gint32) total);
          guint k = 0;

          while (k < G_N_ELEMENTS (incident_kinds) - 1 && r >= incident_kinds[k].weight)
            r -= incident_kinds[k++].weight;
          type = incident_kinds[k].type;
          title = expand (incident_kinds[k].templates[rand_int (demo, 0, 2)],
                          demo->villages[village].phrase, where);
          /* Exactly n_serious of the remaining incidents (Knuth's
           * selection sampling). */
          if (rand_int (demo, 0, n - i - 1) < n_serious)
            {
              severity = chance (demo, 0.8) ? "serious" : "very_serious";
              n_serious--;
            }
        }

      format_time (demo, 6, 22, time);
      description = g_strdup_printf ("Khoảng %s, người dân báo tin; %s có mặt tại hiện trường.",
                                     time, demo->teams[demo->villages[village].team].name);
      format_iso (day, date);
      antt_record_set_string (record, "occurred_date", date);
      antt_record_set_string (record, "occurred_time", time);
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_string (record, "type", type);
      antt_record_set_string (record, "severity", severity);
      antt_record_set_string (record, "title", title);
      antt_record_set_string (record, "description", description);
      antt_record_set_string (record, "outcome", PICK (demo, incident_outcomes));
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      /* Most incidents have members of the village's team taking part, now
       * and then a neighbouring team's too. */
      if (!chance (demo, 0.93))
        continue;
      collect_team (demo, demo->villages[village].team, day);
      if (demo->scratch->len < 2 || chance (demo, 0.1))
        collect_commune (demo, day);
      n_participants = choose_scratch (demo, (guint) rand_int (demo, 1, 4));
      for (guint p = 0; p < n_participants; p++)
        {
          DemoMember *member = member_at (demo, g_array_index (demo->scratch, guint, p));

          record = antt_record_new ("incident_participants");
          antt_record_set_int (record, "incident_id", id);
          antt_record_set_int (record, "member_id", member->id);
          antt_record_set_boolean (record, "on_time", chance (demo, 0.95));
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* PCCC and rescue call-outs ----------------------------------------------- */

static gboolean
generate_callouts (Demo    *demo,
                   GError **error)
{
  static const Weighted kinds[] = {
    { "fire", 45 }, { "flood", 25 }, { "rescue", 20 }, { "other", 10 },
  };
  int n = vary (demo, 25);

  for (int i = 0; i < n; i++)
    {
      AnttRecord *record = antt_record_new ("callouts");
      const char *kind = pick_weighted (demo, kinds, G_N_ELEMENTS (kinds));
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      const char *village_name = demo->villages[village].phrase;
      gboolean female = chance (demo, 0.3);
      g_autofree char *name = random_name (demo, female);
      g_autofree char *owner = g_strconcat (female ? "bà " : "ông ", name, NULL);
      g_autofree char *place = NULL;
      const char *description;
      int day = random_day (demo, demo->start, demo->end);
      char date[11], time[6];
      guint n_members;
      gint64 id;

      if (g_str_equal (kind, "fire"))
        {
          switch (rand_int (demo, 0, 2))
            {
            case 0:
              place = g_strdup_printf ("Đồi keo của %s, %s", owner, village_name);
              description = "Cháy thực bì lan sang rừng keo; dập tắt sau khoảng 2 giờ.";
              break;
            case 1:
              place = g_strdup_printf ("Nhà %s, %s", owner, village_name);
              description = "Cháy bếp do chập điện; di chuyển tài sản, dập tắt đám cháy.";
              break;
            default:
              place = g_strdup_printf ("Kho rơm rạ nhà %s, %s", owner, village_name);
              description = "Cháy kho rơm rạ; khống chế không để lan sang nhà ở.";
              break;
            }
        }
      else if (g_str_equal (kind, "flood"))
        {
          place = g_strdup_printf ("Khu dân cư ven suối, %s", village_name);
          description = "Mưa lũ; giúp dân di dời người và tài sản đến nơi an toàn.";
        }
      else if (g_str_equal (kind, "rescue"))
        {
          place = g_strdup_printf (chance (demo, 0.5) ? "Đập thủy lợi %s" : "Cầu tràn %s",
                                   village_name);
          description = "Tìm kiếm, cứu người gặp nạn; phối hợp đưa nạn nhân đi cấp cứu.";
        }
      else
        {
          place = g_strdup_printf ("Đoạn %s qua %s", PICK (demo, roads), village_name);
          description = "Cây đổ chắn đường sau giông; phát dọn, bảo đảm giao thông.";
        }

      format_iso (day, date);
      format_time (demo, 0, 23, time);
      antt_record_set_string (record, "date", date);
      antt_record_set_string (record, "time", time);
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_string (record, "kind", kind);
      antt_record_set_string (record, "place", place);
      antt_record_set_string (record, "description", description);
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      collect_team (demo, demo->villages[village].team, day);
      collect_commune (demo, day);
      /* Prefer the village's own team: it is at the front of scratch. */
      n_members = (guint) rand_int (demo, 2, 6);
      n_members = MIN (n_members, demo->scratch->len);
      for (guint m = 0; m < n_members; m++)
        {
          DemoMember *member = member_at (demo, g_array_index (demo->scratch, guint, m));
          gboolean present = chance (demo, 0.95);

          record = antt_record_new ("callout_members");
          antt_record_set_int (record, "callout_id", id);
          antt_record_set_int (record, "member_id", member->id);
          antt_record_set_boolean (record, "present", present);
          antt_record_set_boolean (record, "on_time", present && chance (demo, 0.93));
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Patrols ----------------------------------------------------------------- */

static gboolean
generate_patrols (Demo    *demo,
                  GError **error)
{
  static const char *const areas[] = {
    "Địa bàn {v}",
    "Trục đường chính {v}",
    "Khu vực trường học và nhà văn hóa {v}",
    "Tuyến {p} qua {v}",
    "Khu vực chợ và các quán karaoke gần {v}",
    "Các ngõ xóm, khu vườn đồi {v}",
  };
  static const char *const notes[] = {
    NULL, NULL, NULL, "Tình hình bình thường.",
    "Nhắc nhở nhóm thanh niên tụ tập khuya giải tán.",
    "Nhắc nhở hộ dân khóa cửa, cất giữ xe máy cẩn thận.",
    "Phát hiện gia súc thả rông trên đường, đã báo chủ hộ.",
  };
  int n = vary (demo, 400);

  for (int i = 0; i < n; i++)
    {
      guint team = (guint) (i % (int) demo->n_teams);
      DemoTeam *t = &demo->teams[team];
      int day = random_day (demo, demo->start, demo->end);
      AnttRecord *record;
      g_autofree char *area = NULL;
      char date[11], start[6], end[6];
      const char *template, *road, *note;
      guint village;
      guint n_members;
      gint64 id;
      int begin = rand_int (demo, 38, 42) * 30;   /* 19:00 to 21:00 */
      int length = rand_int (demo, 3, 5) * 30;
      int finish = MIN (begin + length, 23 * 60 + 30);

      if (collect_team (demo, team, day) < 2)
        continue;

      template = PICK (demo, areas);
      village = t->villages[rand_int (demo, 0, (int) t->n_villages - 1)];
      road = PICK (demo, roads);
      area = expand (template, demo->villages[village].phrase, road);
      format_iso (day, date);
      g_snprintf (start, sizeof start, "%02d:%02d", begin / 60, begin % 60);
      g_snprintf (end, sizeof end, "%02d:%02d", finish / 60, finish % 60);

      record = antt_record_new ("patrols");
      antt_record_set_string (record, "date", date);
      antt_record_set_int (record, "team_id", t->id);
      antt_record_set_string (record, "start_time", start);
      antt_record_set_string (record, "end_time", end);
      antt_record_set_string (record, "area", area);
      /* Left unset rather than "": the core stores "" as NULL, which the
       * NOT NULL DEFAULT '' columns refuse. */
      if ((note = PICK (demo, notes)) != NULL)
        antt_record_set_string (record, "notes", note);
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      n_members = choose_scratch (demo, (guint) rand_int (demo, 2, 4));
      for (guint m = 0; m < n_members; m++)
        {
          DemoMember *member = member_at (demo, g_array_index (demo->scratch, guint, m));

          record = antt_record_new ("patrol_participants");
          antt_record_set_int (record, "patrol_id", id);
          antt_record_set_int (record, "member_id", member->id);
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Reintegration ----------------------------------------------------------- */

static gboolean
generate_reintegration (Demo    *demo,
                        GError **error)
{
  static const char *const offences[] = {
    "Trộm cắp tài sản, 12 tháng tù",
    "Tàng trữ trái phép chất ma túy, 24 tháng tù",
    "Cố ý gây thương tích, 18 tháng tù",
    "Đánh bạc, 9 tháng tù",
    "Cướp giật tài sản, 30 tháng tù",
    "Vi phạm quy định về tham gia giao thông đường bộ, 15 tháng tù",
  };
  static const char *const visit_notes[] = {
    "Thăm hỏi, động viên gia đình; người được giúp đỡ chấp hành tốt quy định ở địa phương.",
    "Giới thiệu việc làm tại xưởng may, xưởng chế biến gỗ của xã.",
    "Phối hợp Đoàn Thanh niên hỗ trợ vốn vay chăn nuôi.",
    "Nhắc nhở chấp hành quy định về cư trú, không giao du với đối tượng xấu.",
    "Trao đổi với gia đình về tình hình tư tưởng; không có biểu hiện tái phạm.",
  };
  int n = vary (demo, 8);
  int reoffender = demo->commune == 0 || chance (demo, 0.4) ? rand_int (demo, 0, n - 1) : -1;

  for (int i = 0; i < n; i++)
    {
      AnttRecord *record = antt_record_new ("reintegration_cases");
      gboolean female = chance (demo, 0.1);
      g_autofree char *name = random_name (demo, female);
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      guint team = demo->villages[village].team;
      int start = random_day (demo, demo->start - 300, demo->end - 120);
      int sentence_end = start - rand_int (demo, 0, 30);
      int age = rand_int (demo, 19, 50);
      int birth = start - age * 365 - rand_int (demo, 0, 364);
      int last = demo->end;
      int first = MAX (start, demo->start);
      char iso[11], id_number[13];
      DemoMember *helper;
      gint64 id;
      int n_visits;

      collect_team (demo, team, first);
      choose_scratch (demo, 1);
      helper = demo->scratch->len > 0 ? member_at (demo, g_array_index (demo->scratch, guint, 0))
                                       : NULL;

      antt_record_set_string (record, "full_name", name);
      format_iso (birth, iso);
      antt_record_set_string (record, "birth_date", iso);
      antt_record_set_string (record, "gender", female ? "female" : "male");
      if (chance (demo, 0.7))
        {
          format_id_number (demo, birth, female, id_number);
          antt_record_set_string (record, "id_number", id_number);
        }
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_int (record, "team_id", demo->teams[team].id);
      if (helper != NULL)
        antt_record_set_int (record, "member_id", helper->id);
      antt_record_set_string (record, "offence", PICK (demo, offences));
      format_iso (sentence_end, iso);
      antt_record_set_string (record, "sentence_end_date", iso);
      format_iso (start, iso);
      antt_record_set_string (record, "start_date", iso);
      if (i == reoffender)
        {
          last = random_day (demo, first + 60, demo->end - 10);
          format_iso (last, iso);
          antt_record_set_string (record, "reoffence_date", iso);
          antt_record_set_string (record, "reoffence_note",
                                  "Tái phạm tội trộm cắp tài sản, bị Công an huyện khởi tố, "
                                  "tạm giam.");
          antt_record_set_string (record, "end_date", iso);
        }
      else if (start < demo->start - 180 && chance (demo, 0.3))
        {
          last = random_day (demo, demo->start + 30, demo->end - 30);
          format_iso (last, iso);
          antt_record_set_string (record, "end_date", iso);
          antt_record_set_string (record, "notes", "Đã ổn định cuộc sống, có việc làm ổn định.");
        }
      id = insert (demo, record, error);
      if (id == 0)
        return FALSE;

      n_visits = rand_int (demo, 2, 5);
      for (int v = 0; v < n_visits; v++)
        {
          int day = random_day (demo, first + (last - first) * v / n_visits,
                                first + (last - first) * (v + 1) / n_visits);
          DemoMember *visitor = helper != NULL && member_active_on (helper, day) ? helper : NULL;

          if (visitor == NULL && collect_team (demo, team, day) > 0)
            visitor = member_at (demo, g_array_index (demo->scratch, guint, 0));

          record = antt_record_new ("reintegration_visits");
          format_iso (day, iso);
          antt_record_set_int (record, "case_id", id);
          antt_record_set_string (record, "date", iso);
          if (visitor != NULL)
            antt_record_set_int (record, "member_id", visitor->id);
          antt_record_set_string (record, "note", PICK (demo, visit_notes));
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Good deeds -------------------------------------------------------------- */

static gboolean
generate_good_deeds (Demo    *demo,
                     GError **error)
{
  static const char *const deeds[] = {
    "Giúp gia đình {p} sửa lại mái nhà sau giông lốc",
    "Nhặt được ví tiền, trả lại cho {p}",
    "Tham gia phát quang đường làng, ngõ xóm cùng {p} và bà con",
    "Giúp {p} thu hoạch lúa chạy lũ",
    "Đưa {p} bị tai nạn giao thông đi cấp cứu kịp thời",
    "Hướng dẫn {p} và các hộ dân cài đặt, kích hoạt tài khoản định danh điện tử VNeID",
    "Vận động {p} giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
    "Giúp {p} (neo đơn) dọn dẹp nhà cửa, vườn tược",
    "Tìm giúp {p} con bò bị lạc trong rừng",
  };
  static const char *const commenders[] = {
    "Chủ tịch UBND xã", "Trưởng Công an xã", "Trưởng Công an huyện",
    "Ban Chỉ đạo ANTT xã",
  };
  /* Per cent of team-months with 0, 1, 2, 3 and 4 deeds: about 2 each. */
  static const guint counts[] = { 4, 30, 36, 20, 10 };
  GDate first_month;

  g_date_clear (&first_month, 1);
  g_date_set_julian (&first_month, (guint32) demo->start);
  g_date_set_day (&first_month, 1);

  for (guint t = 0; t < demo->n_teams; t++)
    {
      GDate month = first_month;

      while ((int) g_date_get_julian (&month) <= demo->end)
        {
          int from = MAX ((int) g_date_get_julian (&month), demo->start);
          int to;
          int r = rand_int (demo, 0, 99);
          int n = 0;

          while (n < (int) G_N_ELEMENTS (counts) - 1 && r >= (int) counts[n])
            r -= (int) counts[n++];

          g_date_add_months (&month, 1);
          to = MIN ((int) g_date_get_julian (&month) - 1, demo->end);

          for (int i = 0; i < n; i++)
            {
              int day = random_day (demo, from, to);
              gboolean commendation = chance (demo, 0.15);
              DemoMember *member = NULL;
              AnttRecord *record;
              gboolean female = chance (demo, 0.5);
              g_autofree char *name = random_name (demo, female);
              g_autofree char *person = g_strconcat (female ? "bà " : "ông ", name, NULL);
              g_autofree char *description = NULL;
              char date[11];

              if (collect_team (demo, t, day) > 0 && (commendation || chance (demo, 0.7)))
                {
                  choose_scratch (demo, 1);
                  member = member_at (demo, g_array_index (demo->scratch, guint, 0));
                }
              if (member == NULL)
                commendation = FALSE;

              format_iso (day, date);
              description = expand (PICK (demo, deeds), NULL, person);
              record = antt_record_new ("good_deeds");
              antt_record_set_string (record, "date", date);
              antt_record_set_int (record, "team_id", demo->teams[t].id);
              if (member != NULL)
                antt_record_set_int (record, "member_id", member->id);
              antt_record_set_string (record, "kind", commendation ? "commendation" : "good_deed");
              antt_record_set_string (record, "description", description);
              if (commendation)
                antt_record_set_string (record, "commended_by", PICK (demo, commenders));
              if (insert (demo, record, error) == 0)
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Models and examples, violations ----------------------------------------- */

static gboolean
generate_models (Demo    *demo,
                 GError **error)
{
  static const char *const model_names[] = {
    "Mô hình “Camera an ninh” ở {v}",
    "Mô hình “Tổ tự quản về an ninh, trật tự” ở {v}",
    "Mô hình “Dòng họ không có tội phạm và tệ nạn xã hội” ở {v}",
    "Mô hình “Tiếng kẻng an ninh” ở {v}",
    "Mô hình “Zalo an ninh, trật tự” ở {v}",
  };
  int n_models = demo->commune == 0 ? 2 : rand_int (demo, 1, 3);
  char started[11], recognised[11];

  for (int i = 0; i < n_models; i++)
    {
      AnttRecord *record = antt_record_new ("models");
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      g_autofree char *name = expand (PICK (demo, model_names),
                                      demo->villages[village].phrase, NULL);
      g_autofree char *decision = g_strdup_printf ("%d/QĐ-UBND", rand_int (demo, 200, 480));
      int start = random_day (demo, demo->start + 15, demo->start + 150);
      int recognition = start + rand_int (demo, 60, 180);

      format_iso (start, started);
      format_iso (MIN (recognition, demo->end), recognised);
      antt_record_set_string (record, "kind", "model");
      antt_record_set_string (record, "name", name);
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_int (record, "team_id", demo->teams[demo->villages[village].team].id);
      antt_record_set_boolean (record, "with_force", TRUE);
      antt_record_set_string (record, "recognition_level", "commune");
      antt_record_set_string (record, "recognised_date", recognised);
      antt_record_set_string (record, "decision", decision);
      antt_record_set_string (record, "started_date", started);
      if (insert (demo, record, error) == 0)
        return FALSE;
    }

  /* Advanced examples: most villages have one, recognised by the district
   * police or the commune. */
  for (guint v = 0; v < demo->n_villages; v++)
    {
      const DemoVillage *village = &demo->villages[v];
      const DemoTeam *team = &demo->teams[village->team];
      int n = chance (demo, 0.7) ? (chance (demo, 0.15) ? 2 : 1) : 0;

      for (int i = 0; i < n; i++)
        {
          AnttRecord *record = antt_record_new ("models");
          int day = random_day (demo, demo->start + 60, demo->end - 5);
          const char *level = chance (demo, 0.75) ? "district" : "commune";
          g_autofree char *name = NULL;
          g_autofree char *decision = NULL;
          DemoMember *member = NULL;

          if (chance (demo, 0.7) && collect_team (demo, village->team, day) > 0)
            {
              choose_scratch (demo, 1);
              member = member_at (demo, g_array_index (demo->scratch, guint, 0));
              name = g_strdup_printf ("%s %s, %s", member->female ? "Bà" : "Ông",
                                      member->full_name, team->name);
            }
          else
            name = g_strdup (team->name);

          decision = g_strdup_printf (g_str_equal (level, "district") ? "%d/QĐ-CAH"
                                                                      : "%d/QĐ-UBND",
                                      rand_int (demo, 100, 900));
          format_iso (day - rand_int (demo, 30, 60), started);
          format_iso (day, recognised);
          antt_record_set_string (record, "kind", "example");
          antt_record_set_string (record, "name", name);
          antt_record_set_int (record, "village_id", village->id);
          antt_record_set_int (record, "team_id", team->id);
          if (member != NULL)
            antt_record_set_int (record, "member_id", member->id);
          antt_record_set_boolean (record, "with_force", TRUE);
          antt_record_set_string (record, "recognition_level", level);
          antt_record_set_string (record, "recognised_date", recognised);
          antt_record_set_string (record, "decision", decision);
          antt_record_set_string (record, "started_date", started);
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_violations (Demo    *demo,
                     GError **error)
{
  static const struct
  {
    const char *name;
    const char *trade;
    const char *description;
  } businesses[] = {
    { "Nhà nghỉ Hoàng Long", "Kinh doanh dịch vụ lưu trú",
      "Không thông báo lưu trú cho Công an xã theo quy định" },
    { "Karaoke Hồng Nhung", "Kinh doanh dịch vụ karaoke",
      "Hoạt động quá giờ quy định, không có sổ theo dõi khách" },
    { "Cửa hàng cầm đồ Minh Phát", "Kinh doanh dịch vụ cầm đồ",
      "Nhận cầm cố tài sản không có giấy tờ chứng minh quyền sở hữu" },
    { "Đại lý gas Thành Đạt", "Kinh doanh khí",
      "Không bảo đảm điều kiện phòng cháy, chữa cháy tại kho chứa" },
  };
  static const char *const member_violations[][2] = {
    { "Điều khiển xe mô tô khi trong máu có nồng độ cồn",
      "Xử phạt vi phạm hành chính; kiểm điểm trước Tổ" },
    { "Tham gia đánh bạc ăn tiền",
      "Xử phạt vi phạm hành chính; cảnh cáo trước toàn lực lượng" },
  };
  gboolean member_case = demo->commune == 0 || chance (demo, 0.1);
  gboolean business_case = demo->commune == 0 || chance (demo, 0.2);
  char date[11];

  if (member_case)
    {
      int day = random_day (demo, demo->start + 30, demo->end - 30);
      guint team = (guint) rand_int (demo, 0, (int) demo->n_teams - 1);
      guint which = (guint) rand_int (demo, 0, G_N_ELEMENTS (member_violations) - 1);
      AnttRecord *record;

      if (collect_team (demo, team, day) > 0)
        {
          choose_scratch (demo, 1);
          record = antt_record_new ("member_violations");
          format_iso (day, date);
          antt_record_set_int (record, "member_id",
                               member_at (demo, g_array_index (demo->scratch, guint, 0))->id);
          antt_record_set_string (record, "date", date);
          antt_record_set_string (record, "description", member_violations[which][0]);
          antt_record_set_string (record, "handling", member_violations[which][1]);
          if (insert (demo, record, error) == 0)
            return FALSE;
        }
    }

  if (business_case)
    {
      guint which = (guint) rand_int (demo, 0, G_N_ELEMENTS (businesses) - 1);
      guint village = (guint) rand_int (demo, 0, (int) demo->n_villages - 1);
      AnttRecord *record = antt_record_new ("business_violations");

      format_iso (random_day (demo, demo->start + 30, demo->end - 30), date);
      antt_record_set_string (record, "business_name", businesses[which].name);
      antt_record_set_string (record, "trade", businesses[which].trade);
      antt_record_set_int (record, "village_id", demo->villages[village].id);
      antt_record_set_string (record, "date", date);
      antt_record_set_string (record, "description", businesses[which].description);
      antt_record_set_string (record, "handling",
                              "Lập biên bản, xử phạt vi phạm hành chính; yêu cầu khắc phục.");
      if (insert (demo, record, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* One commune ------------------------------------------------------------- */

static void
clear_commune (Demo *demo)
{
  for (guint i = 0; i < demo->members->len; i++)
    g_free (member_at (demo, i)->full_name);
  g_array_set_size (demo->members, 0);
  for (guint t = 0; t < demo->n_teams; t++)
    {
      g_clear_pointer (&demo->teams[t].name, g_free);
      g_clear_pointer (&demo->teams[t].members, g_array_unref);
    }
  for (guint v = 0; v < demo->n_villages; v++)
    {
      g_clear_pointer (&demo->villages[v].display, g_free);
      g_clear_pointer (&demo->villages[v].phrase, g_free);
    }
  g_clear_pointer (&demo->suffix, g_free);
  demo->n_teams = 0;
  demo->n_villages = 0;
}

typedef gboolean (*DemoStep) (Demo *demo, GError **error);

static gboolean
generate_commune (Demo    *demo,
                  GError **error)
{
  static const DemoStep steps[] = {
    generate_villages, generate_teams, generate_members, generate_trainings,
    generate_political, generate_tips, generate_incidents, generate_callouts,
    generate_patrols, generate_reintegration, generate_good_deeds, generate_models,
    generate_violations,
  };
  gboolean ok = TRUE;

  demo->suffix = demo->commune == 0 ? g_strdup ("")
                                    : g_strdup_printf (" (xã %u)", demo->commune + 1);

  for (guint i = 0; i < G_N_ELEMENTS (steps) && ok; i++)
    {
      ok = steps[i] (demo, error);
      report_progress (demo, (double) (i + 1) / G_N_ELEMENTS (steps));
    }

  clear_commune (demo);
  return ok;
}

/**
 * antt_demo_generate:
 * @db: an open data file, normally new (the records of scale 1 use fixed
 *   names: a second run into the same file fails on the first village)
 * @scale: how many communes' worth of a year, at least 1
 * @seed: the same seed and scale always give the same records
 * @progress: (nullable) (scope call): called now and then with the fraction
 *   done, from 0 to 1
 * @user_data: for @progress
 *
 * Fills @db with realistic generated records (see the top of this file for
 * what scale 1 holds) through the records API, inside one transaction:
 * on error nothing is written.
 *
 * Returns: %TRUE on success, %FALSE with @error set, as the records API set
 *   it.
 */
gboolean
antt_demo_generate (AnttDatabase      *db,
                    guint              scale,
                    guint32            seed,
                    AnttDemoProgress   progress,
                    gpointer           user_data,
                    GError           **error)
{
  g_autofree char *user = NULL;
  Demo demo = { 0 };
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.db = db;
  demo.rand = g_rand_new_with_seed (seed);
  demo.scale = scale;
  demo.progress = progress;
  demo.user_data = user_data;
  demo.id_serial = 1;
  demo.members = g_array_new (FALSE, FALSE, sizeof (DemoMember));
  demo.scratch = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The audit log says these records were generated, not typed. */
  user = g_strdup (antt_database_get_user (db));
  antt_database_set_user (db, DEMO_USER);

  /* Immediate: the generator reads the movement before it writes, and a
   * deferred transaction could not wait for another writer then. */
  began = ok = antt_database_begin_immediate (db, error);
  if (ok)
    ok = read_movement (&demo, error);
  for (demo.commune = 0; ok && demo.commune < scale; demo.commune++)
    ok = generate_commune (&demo, error);

  if (ok)
    ok = antt_database_commit (db, error);
  if (!ok && began)
    antt_database_rollback (db);

  antt_database_set_user (db, user);
  g_array_unref (demo.scratch);
  g_array_unref (demo.members);
  g_rand_free (demo.rand);
  return ok;
}
