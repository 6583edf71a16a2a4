/* antt-reports.c: the movement's official documents, built from the records.
 *
 * The documents' text is Vietnamese literals on purpose, not _() strings:
 * these are legal documents of a Vietnamese authority, written in
 * Vietnamese whatever the language of the user's session. Only messages to
 * the user (errors) are translatable.
 *
 * Privacy (Decree 13/2023): the documents leave the PC. They carry names,
 * dates of birth, roles and units, never ID numbers or phone numbers; tips
 * and reintegration visits backing an achievement are named by their kind,
 * not by their content, which may name a suspect or a past offence.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "antt-csv.h"
#include "antt-date.h"
#include "antt-nominations.h"
#include "antt-records.h"
#include "antt-report-private.h"
#include "antt-reports.h"
#include "antt-targets.h"
#include "antt-text.h"

#define DOTS "……………………………………………………………………………………………………"

static const char *const kind_names[] = {
  "interim", "final", "nominees", "minutes", "proposal", "achievement",
};

const char *
antt_report_kind_to_string (AnttReportKind kind)
{
  g_return_val_if_fail (kind <= ANTT_REPORT_KIND_ACHIEVEMENT, NULL);
  return kind_names[kind];
}

gboolean
antt_report_kind_from_string (const char     *text,
                              AnttReportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (AnttReportKind) i;
        return TRUE;
      }
  return FALSE;
}

/* Vietnamese words ------------------------------------------------------- */

static const char *
role_vi (const char *role)
{
  if (g_strcmp0 (role, "leader") == 0)
    return "Tổ trưởng";
  if (g_strcmp0 (role, "deputy") == 0)
    return "Tổ phó";
  return "Tổ viên";
}

static const char *
gender_vi (const char *gender)
{
  return g_strcmp0 (gender, "female") == 0 ? "Nữ" : "Nam";
}

static const char *
education_vi (const char *education)
{
  static const struct { const char *value, *vi; } map[] = {
    { "none", "Không" }, { "primary", "Tiểu học" }, { "lower_secondary", "Trung học cơ sở" },
    { "upper_secondary", "Trung học phổ thông" }, { "vocational", "Trung cấp" },
    { "college", "Cao đẳng" }, { "university", "Đại học" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (education, map[i].value) == 0)
      return map[i].vi;
  return "";
}

static const char *
achievement_vi (const char *type)
{
  return g_strcmp0 (type, "sudden") == 0 ? "Thành tích đột xuất" : "Thành tích xuất sắc";
}

static const char *
state_vi (AnttTargetState state)
{
  switch (state)
    {
    case ANTT_TARGET_STATE_MET:
      return "Đạt";
    case ANTT_TARGET_STATE_NOT_MET:
      return "Không đạt";
    case ANTT_TARGET_STATE_AT_RISK:
      return "Chưa đạt";
    case ANTT_TARGET_STATE_NO_DATA:
    default:
      return "Chưa có số liệu";
    }
}

/* Formatting -------------------------------------------------------------- */

static char *
display_date (const char *iso)
{
  char *shown = iso != NULL && iso[0] ? antt_date_iso_to_display (iso) : NULL;

  return shown != NULL ? shown : g_strdup ("…");
}

/* "ngày 05 tháng 02 năm 2025" (Decree 30 zero padding) */
static char *
long_date (const char *iso)
{
  return antt_document_format_place_date (NULL, iso);
}

/* 1234 → "1.234" */
static char *
fmt_int (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* 85.333 → "85,3"; 100 → "100" */
static char *
fmt_pct (double value)
{
  char *text;

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  text = g_strdup_printf ("%.1f", value);
  for (char *p = text; *p; p++)
    if (*p == '.')
      *p = ',';
  if (g_str_has_suffix (text, ",0"))
    text[strlen (text) - 2] = '\0';
  return text;
}

/* "Sơ kết Đợt…" → "sơ kết Đợt…", inside a sentence */
static char *
lower_first (const char *text)
{
  gunichar first;
  char buf[8];
  int len;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  first = g_utf8_get_char (text);
  len = g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  buf[len] = '\0';
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

static char *
upper (const char *text)
{
  g_autofree char *up = g_utf8_strup (text ? text : "", -1);

  return g_utf8_normalize (up, -1, G_NORMALIZE_NFC);
}

/* Words of an agency's name that are common nouns, lower case in running
 * text; other words in capitals are abbreviations (BCĐ, ANTT, UBND). */
static const char *const common_words[] = {
  "công", "an", "xã", "phường", "thị", "trấn", "huyện", "tỉnh", "ban", "chỉ", "đạo", "ủy",
  "nhân", "dân", "thôn", "tổ", "bảo", "vệ", "hội", "đồng", "và", "thi", "đua", "khen", "thưởng",
  "văn", "phòng", "đảng", "mặt", "trận", "tổ", "quốc",
};

/* "CÔNG AN XÃ BÌNH LƯƠNG" → "Công an xã Bình Lương": an agency's name in
 * a sentence, with the place names given in their own case. */
static char *
agency_in_text (const char        *caps,
                const char *const *places)
{
  g_auto(GStrv) words = g_strsplit (caps ? caps : "", " ", -1);
  GString *out = g_string_new (NULL);
  guint n_words = g_strv_length (words);
  char *result;

  for (guint w = 0; w < n_words; w++)
    {
      g_autofree char *lower = g_utf8_strdown (words[w], -1);
      g_autofree char *lower_nfc = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
      gboolean done = FALSE;

      if (words[w][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');

      /* A place name, word for word in capitals. */
      for (guint p = 0; places[p] != NULL && !done; p++)
        {
          g_autofree char *place_up = upper (places[p]);
          g_auto(GStrv) place_words = g_strsplit (place_up, " ", -1);
          guint n = g_strv_length (place_words), k;

          if (places[p][0] == '\0' || w + n > n_words)
            continue;
          for (k = 0; k < n && g_str_equal (place_words[k], words[w + k]); k++)
            ;
          if (k == n)
            {
              g_string_append (out, places[p]);
              w += n - 1;
              done = TRUE;
            }
        }
      if (done)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (common_words) && !done; c++)
        if (g_str_equal (lower_nfc, common_words[c]))
          {
            g_string_append (out, lower_nfc);
            done = TRUE;
          }
      if (!done)
        g_string_append (out, words[w]);
    }

  result = g_string_free (out, FALSE);
  if (result[0] != '\0')
    {
      gunichar first = g_utf8_get_char (result);
      char buf[8];
      int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
      char *titled;

      buf[len] = '\0';
      titled = g_strconcat (buf, g_utf8_next_char (result), NULL);
      g_free (result);
      result = titled;
    }
  return result;
}

/* The context of a document -------------------------------------------------- */

typedef struct
{
  char *commune_name;
  char *district_name;
  char *province_name;
  char *parent_agency;
  char *agency_name;
  char *agency_code;
  char *place_name;
  char *signer_name;
  char *signer_title;
  char *signer_position;
  char *agency_text;      /* "Công an xã Bình Lương" */
  int   quorum_pct;
  int   approve_pct;
} Commune;

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  int     ordinal;
  char   *name;
  char   *content;
  char   *start;
  char   *end;
  char   *review_kind;
  char   *review_name;
  char   *legal_basis;
  char   *campaign_name;
  char   *plan_number;
  char   *plan_date;
  char   *issuer;
  char   *campaign_start;
  char   *campaign_end;
} Phase;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *authority;
} Award;

typedef struct
{
  gint64           id;
  AnttNomineeKind  kind;
  gint64           nominee_id;
  gint64           team_id;
  gint64           phase_id;
  gint64           award_level_id;
  char            *achievement_type;
  char            *summary;
  char            *status;
  char            *name;
  char            *role;
  char            *team_name;
  char            *birth_date;
  char            *gender;
  char            *address;
  char            *village;
  char            *joined_date;
  char            *decision_number;
  char            *decision_date;
  char            *education;
  char            *established_date;
  char            *award_name;
  char            *award_authority;
  char            *unit;        /* "Tổ trưởng Tổ bảo vệ ANTT thôn …" / the villages served */
  char            *sort_key;
} Nominee;

typedef struct
{
  AnttDatabase     *db;
  Commune           commune;
  Phase             phase;
  const char       *date_iso;     /* the caller's, may be NULL */
  AnttTargetReport *phase_targets;
} Ctx;

static void
commune_clear (Commune *c)
{
  g_free (c->commune_name);
  g_free (c->district_name);
  g_free (c->province_name);
  g_free (c->parent_agency);
  g_free (c->agency_name);
  g_free (c->agency_code);
  g_free (c->place_name);
  g_free (c->signer_name);
  g_free (c->signer_title);
  g_free (c->signer_position);
  g_free (c->agency_text);
  memset (c, 0, sizeof *c);
}

static void
phase_clear (Phase *p)
{
  g_free (p->name);
  g_free (p->content);
  g_free (p->start);
  g_free (p->end);
  g_free (p->review_kind);
  g_free (p->review_name);
  g_free (p->legal_basis);
  g_free (p->campaign_name);
  g_free (p->plan_number);
  g_free (p->plan_date);
  g_free (p->issuer);
  g_free (p->campaign_start);
  g_free (p->campaign_end);
  memset (p, 0, sizeof *p);
}

static void
award_clear (Award *a)
{
  g_free (a->code);
  g_free (a->name);
  g_free (a->authority);
  memset (a, 0, sizeof *a);
}

static void
nominee_free (Nominee *n)
{
  g_free (n->achievement_type);
  g_free (n->summary);
  g_free (n->status);
  g_free (n->name);
  g_free (n->role);
  g_free (n->team_name);
  g_free (n->birth_date);
  g_free (n->gender);
  g_free (n->address);
  g_free (n->village);
  g_free (n->joined_date);
  g_free (n->decision_number);
  g_free (n->decision_date);
  g_free (n->education);
  g_free (n->established_date);
  g_free (n->award_name);
  g_free (n->award_authority);
  g_free (n->unit);
  g_free (n->sort_key);
  g_free (n);
}

static void
ctx_clear (Ctx *ctx)
{
  commune_clear (&ctx->commune);
  phase_clear (&ctx->phase);
  g_clear_pointer (&ctx->phase_targets, antt_target_report_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ctx, ctx_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Award, award_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Nominee, nominee_free)

static gboolean
load_commune (AnttDatabase  *db,
              Commune       *c,
              GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT commune_name, district_name, province_name, parent_agency,"
                              " agency_name, agency_code, place_name, signer_name, signer_title,"
                              " signer_position, vote_quorum_pct, vote_approve_pct"
                              " FROM commune WHERE id = 1", "");
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      char **fields[] = { &c->commune_name, &c->district_name, &c->province_name,
                          &c->parent_agency, &c->agency_name, &c->agency_code, &c->place_name,
                          &c->signer_name, &c->signer_title, &c->signer_position };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        *fields[i] = g_strdup (antt_report_text (stmt, (int) i));
      c->quorum_pct = sqlite3_column_int (stmt, 10);
      c->approve_pct = sqlite3_column_int (stmt, 11);
    }
  else
    {
      char **fields[] = { &c->commune_name, &c->district_name, &c->province_name,
                          &c->parent_agency, &c->agency_name, &c->agency_code, &c->place_name,
                          &c->signer_name, &c->signer_title, &c->signer_position };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        *fields[i] = g_strdup ("");
      c->quorum_pct = c->approve_pct = 50;
    }
  {
    const char *places[] = { c->commune_name, c->district_name, c->province_name, NULL };
    c->agency_text = agency_in_text (c->agency_name, places);
  }
  return TRUE;
}

static gboolean
load_phase (AnttDatabase  *db,
            gint64         phase_id,
            Phase         *p,
            GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT p.id, p.campaign_id, p.ordinal, p.name, p.content, p.start_date,"
                              " p.end_date, p.review_kind, p.review_name, p.legal_basis, c.name,"
                              " c.plan_number, c.plan_date, c.issuer, c.start_date, c.end_date"
                              " FROM phases p JOIN campaigns c ON c.id = p.campaign_id"
                              " WHERE p.id = ?1", "i", phase_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("There is no review (phase) %d."), (int) phase_id);
      return FALSE;
    }
  p->id = sqlite3_column_int64 (stmt, 0);
  p->campaign_id = sqlite3_column_int64 (stmt, 1);
  p->ordinal = sqlite3_column_int (stmt, 2);
  p->name = g_strdup (antt_report_text (stmt, 3));
  p->content = g_strdup (antt_report_text (stmt, 4));
  p->start = g_strdup (antt_report_text (stmt, 5));
  p->end = g_strdup (antt_report_text (stmt, 6));
  p->review_kind = g_strdup (antt_report_text (stmt, 7));
  p->review_name = g_strdup (antt_report_text (stmt, 8));
  if (p->review_name[0] == '\0')
    {
      g_free (p->review_name);
      p->review_name = g_strdup_printf ("%s %s",
                                        g_str_equal (p->review_kind, "final") ? "Tổng kết" : "Sơ kết",
                                        p->name);
    }
  p->legal_basis = g_strdup (antt_report_text (stmt, 9));
  p->campaign_name = g_strdup (antt_report_text (stmt, 10));
  p->plan_number = g_strdup (antt_report_text (stmt, 11));
  p->plan_date = antt_report_column (stmt, 12);
  p->issuer = g_strdup (antt_report_text (stmt, 13));
  p->campaign_start = g_strdup (antt_report_text (stmt, 14));
  p->campaign_end = g_strdup (antt_report_text (stmt, 15));
  return TRUE;
}

static gboolean
ctx_init (Ctx                      *ctx,
          AnttDatabase             *db,
          gint64                    phase_id,
          const AnttReportOptions  *options,
          GError                  **error)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->db = db;
  ctx->date_iso = options ? options->date_iso : NULL;
  return antt_report_store_check (db, error) &&
         load_commune (db, &ctx->commune, error) &&
         load_phase (db, phase_id, &ctx->phase, error);
}

static gboolean
load_award (AnttDatabase  *db,
            gint64         award_id,
            Award         *a,
            GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id, code, name, authority FROM award_levels WHERE id = ?1",
                              "i", award_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("There is no award level %d."), (int) award_id);
      return FALSE;
    }
  a->id = sqlite3_column_int64 (stmt, 0);
  a->code = g_strdup (antt_report_text (stmt, 1));
  a->name = g_strdup (antt_report_text (stmt, 2));
  a->authority = g_strdup (antt_report_text (stmt, 3));
  return TRUE;
}

static gint64 scalar (AnttDatabase  *db,
                      GError       **error,
                      const char    *sql,
                      const char    *types,
                      ...);

/* Finding the review, award and meeting ---------------------------------- */

static gint64
default_campaign (AnttDatabase  *db,
                  GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id FROM campaigns ORDER BY is_default DESC, start_date DESC, id"
                              " LIMIT 1", "");
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("The data file holds no movement."));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * antt_report_find_phase:
 * @ordinal: the phase's number in the default movement (1: Đợt thứ Nhất)
 *
 * Returns: its id, or 0 with @error set
 */
gint64
antt_report_find_phase (AnttDatabase  *db,
                        int            ordinal,
                        GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  gint64 campaign_id;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), 0);

  if ((campaign_id = default_campaign (db, error)) == 0)
    return 0;
  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id FROM phases WHERE campaign_id = ?1 AND ordinal = ?2",
                              "ii", campaign_id, (gint64) ordinal);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("The movement has no phase %d."), ordinal);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * antt_report_find_award:
 * @phase_id: a review, whose movement's awards are searched; 0 for the
 *   default movement
 * @code: the award's code ("province_bk")
 *
 * Returns: the award level's id, or 0 with @error set
 */
gint64
antt_report_find_award (AnttDatabase  *db,
                        gint64         phase_id,
                        const char    *code,
                        GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  gint64 campaign_id;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), 0);

  if (phase_id > 0)
    campaign_id = scalar (db, error, "SELECT campaign_id FROM phases WHERE id = ?1", "i", phase_id);
  else
    campaign_id = default_campaign (db, error);
  if (campaign_id <= 0)
    {
      if (campaign_id < 0 && error != NULL && *error == NULL)
        g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                     _("There is no review (phase) %d."), (int) phase_id);
      return 0;
    }
  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id FROM award_levels WHERE campaign_id = ?1 AND code = ?2",
                              "is", campaign_id, code);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("The movement has no award “%s”."), code);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The review of a report: the given one, else the default movement's
 * (first interim, last final). */
static gint64
review_for_report (AnttDatabase  *db,
                   const char    *review_kind,
                   gint64         phase_id,
                   GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  gint64 campaign_id;
  int rc;

  if (phase_id > 0)
    return phase_id;
  if ((campaign_id = default_campaign (db, error)) == 0)
    return 0;
  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id FROM phases WHERE campaign_id = ?1 AND review_kind = ?2"
                              " ORDER BY CASE WHEN ?2 = 'final' THEN -ordinal ELSE ordinal END LIMIT 1",
                              "is", campaign_id, review_kind);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   g_str_equal (review_kind, "final")
                   ? _("The movement has no final review.")
                   : _("The movement has no interim review."));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The review of the nominations: the given one, else the only review with
 * nominations proposed or approved. */
static gint64
review_for_nominations (AnttDatabase  *db,
                        gint64         phase_id,
                        GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  gint64 found = 0;
  int rc;

  if (phase_id > 0)
    return phase_id;
  stmt = antt_database_prepare_bind (db, error,
                              "SELECT DISTINCT phase_id FROM nominations"
                              " WHERE status IN ('proposed', 'approved') ORDER BY phase_id", "");
  if (stmt == NULL)
    return 0;
  while ((rc = antt_report_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (found != 0)
        {
          g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_AMBIGUOUS,
                       _("Nominations are proposed in several reviews: say which phase."));
          return 0;
        }
      found = sqlite3_column_int64 (stmt, 0);
    }
  if (rc < 0)
    return 0;
  if (found == 0)
    g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                 _("No nomination is proposed in any review yet."));
  return found;
}

/* The award levels with nominations proposed or approved in the review. */
static GArray *
awards_with_nominations (AnttDatabase  *db,
                         gint64         phase_id,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT a.id FROM award_levels a WHERE EXISTS (SELECT 1 FROM nominations n"
                              " WHERE n.award_level_id = a.id AND n.phase_id = ?1"
                              " AND n.status IN ('proposed', 'approved')) ORDER BY a.ordinal, a.id",
                              "i", phase_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = antt_report_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}

static gint64
award_for_nominations (AnttDatabase  *db,
                       gint64         phase_id,
                       gint64         award_id,
                       GError       **error)
{
  g_autoptr(GArray) ids = NULL;

  if (award_id > 0)
    return award_id;
  if ((ids = awards_with_nominations (db, phase_id, error)) == NULL)
    return 0;
  if (ids->len == 1)
    return g_array_index (ids, gint64, 0);
  if (ids->len == 0)
    g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                 _("No nomination is proposed in this review."));
  else
    g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_AMBIGUOUS,
                 _("Nominations are proposed for several awards in this review: say which award."));
  return 0;
}

/* The review's latest meeting for the award (or for all awards), or 0. */
static gint64
latest_meeting (AnttDatabase  *db,
                gint64         phase_id,
                gint64         award_id,
                GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id FROM committee_meetings WHERE phase_id = ?1"
                              " AND (?2 = 0 OR award_level_id IS NULL OR award_level_id = ?2)"
                              " ORDER BY held_date DESC, ifnull (held_time, '') DESC, id DESC LIMIT 1",
                              "ii", phase_id, award_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return -1;
  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * antt_report_find_review:
 * @kind: the document
 * @phase_id: the review asked for, or 0
 *
 * The review (phase) a document of @kind is about when built with
 * @phase_id: for the interim and final reports, the review whose clerk's
 * texts (antt_report_texts_get()) the report shows; for the nominations'
 * documents, the only review with nominations proposed or approved.
 *
 * Returns: the phase's id, or 0 with @error set
 */
gint64
antt_report_find_review (AnttDatabase    *db,
                         AnttReportKind   kind,
                         gint64           phase_id,
                         GError         **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), 0);

  switch (kind)
    {
    case ANTT_REPORT_KIND_INTERIM:
      return review_for_report (db, "interim", phase_id, error);
    case ANTT_REPORT_KIND_FINAL:
      return review_for_report (db, "final", phase_id, error);
    case ANTT_REPORT_KIND_NOMINEES:
    case ANTT_REPORT_KIND_MINUTES:
    case ANTT_REPORT_KIND_PROPOSAL:
    case ANTT_REPORT_KIND_ACHIEVEMENT:
    default:
      return review_for_nominations (db, phase_id, error);
    }
}

/**
 * antt_report_list_awards:
 * @phase_id: the review
 *
 * Returns: (transfer full) (element-type gint64): the award levels with
 *   nominations proposed or approved in the review, in the plan's order
 *   (maybe none); %NULL with @error set
 */
GArray *
antt_report_list_awards (AnttDatabase  *db,
                         gint64         phase_id,
                         GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  return awards_with_nominations (db, phase_id, error);
}

/* Common parts of a document --------------------------------------------- */

static char *
doc_key (const char *kind,
         gint64      phase_id,
         gint64      award_id,
         gint64      other)
{
  if (other > 0)
    return g_strdup_printf ("%s/%" G_GINT64_FORMAT, kind, other);
  if (award_id > 0)
    return g_strdup_printf ("%s/phase=%" G_GINT64_FORMAT "/award=%" G_GINT64_FORMAT,
                            kind, phase_id, award_id);
  return g_strdup_printf ("%s/phase=%" G_GINT64_FORMAT, kind, phase_id);
}

/* A new document with the header of Decree 30, its number taken from the
 * register (or none when @type_code is NULL). */
static AnttDocument *
new_document (Ctx            *ctx,
              const char     *meta_title,
              const char     *type_code,
              const char     *key,
              const char     *date_iso,
              AnttDocNumber  *number,
              GError        **error)
{
  g_autoptr(AnttDocument) doc = antt_document_new (meta_title);
  g_autofree char *shown = NULL;
  AnttDocHeader header = { ctx->commune.parent_agency, ctx->commune.agency_name, NULL,
                           ctx->commune.place_name, NULL };

  if (type_code != NULL)
    {
      if (!antt_document_register_take (ctx->db, key, type_code, ctx->phase.id, meta_title,
                                        date_iso ? date_iso : ctx->date_iso, number, error))
        return NULL;
      shown = antt_doc_number_format (number, ctx->commune.agency_code);
      header.number = shown;
      header.date_iso = number->issued_date;
    }
  antt_document_set_header (doc, &header);
  antt_document_set_author (doc, ctx->commune.agency_text);
  return g_steal_pointer (&doc);
}

static AnttSignature
commune_signature (Ctx *ctx)
{
  AnttSignature sig = { NULL, ctx->commune.signer_position, ctx->commune.signer_title, NULL,
                        ctx->commune.signer_name };
  return sig;
}

/* "Nơi nhận": the settings' list or @defaults, each ending in ";", then
 * "Lưu: VT, CAX." */
static char **
recipients_for (Ctx                *ctx,
                const char         *doc_kind,
                gint64              award_id,
                const char *const  *defaults,
                GError            **error)
{
  g_auto(GStrv) addressees = NULL;
  g_auto(GStrv) stored = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  const char *const *items;

  if (!antt_document_settings_get (ctx->db, doc_kind, award_id, &addressees, &stored, error))
    return NULL;
  items = stored ? (const char *const *) stored : defaults;
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup (items[i]);
      gsize len;

      g_strstrip (item);
      if (g_str_has_prefix (item, "- "))
        memmove (item, item + 2, strlen (item + 2) + 1);
      len = strlen (item);
      while (len > 0 && (item[len - 1] == ';' || item[len - 1] == '.'))
        item[--len] = '\0';
      if (len > 0)
        g_ptr_array_add (list, g_strconcat (item, ";", NULL));
    }
  g_ptr_array_add (list, g_strdup_printf ("Lưu: VT%s%s.", ctx->commune.agency_code[0] ? ", " : "",
                                          ctx->commune.agency_code));
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

/* "Sơ kết Đợt thi đua thứ Nhất phong trào thi đua đặc biệt…": the review
 * and the movement, without saying "phong trào thi đua" twice. */
static char *
review_and_campaign (const Phase *p)
{
  g_autofree char *campaign = lower_first (p->campaign_name);
  g_autofree char *review = g_strdup (p->review_name);
  g_autofree char *review_fold = antt_text_fold (review);
  g_autofree char *campaign_fold = antt_text_fold (campaign);
  const char *repeat = "phong trao thi dua";

  if (g_str_has_suffix (review_fold, repeat) && g_str_has_prefix (campaign_fold, repeat))
    {
      /* Drop the review's last four words. */
      for (int words = 0; words < 4; words++)
        {
          char *space = strrchr (review, ' ');
          if (space == NULL)
            break;
          *space = '\0';
        }
    }
  return g_strdup_printf ("%s %s", review, campaign);
}

/* Counting ------------------------------------------------------------------ */

static gint64
count_records (Ctx         *ctx,
               const char  *table,
               const char  *from,
               const char  *to,
               const char  *column,
               const char  *text_value,
               gint64       int_value,
               GError     **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();

  antt_filter_set_period (filter, from, to);
  if (column != NULL && text_value != NULL)
    antt_filter_add_equals_text (filter, column, text_value);
  else if (column != NULL)
    antt_filter_add_equals (filter, column, int_value);
  return antt_records_count (ctx->db, table, filter, error);
}

static gint64
scalar (AnttDatabase  *db,
        GError       **error,
        const char    *sql,
        const char    *types,
        ...)
{
  g_autoptr(AnttStatement) stmt = NULL;
  va_list args;
  sqlite3_stmt *s = antt_database_prepare (db, sql, error);

  if (s == NULL)
    return -1;
  stmt = s;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (s, i + 1, va_arg (args, gint64));
      else
        sqlite3_bind_text (s, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);
  if (antt_report_step (db, s, error) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (s, 0);
}

/* Nominees --------------------------------------------------------------------- */

#define NOMINEE_SELECT \
  "SELECT n.id, n.nominee_kind, coalesce (n.team_id, n.member_id), n.achievement_type," \
  " n.summary, n.status, coalesce (t.name, m.full_name), m.role, mt.name, m.birth_date," \
  " m.gender, m.address, v.name, m.joined_date, m.decision_number, m.decision_date," \
  " m.education, coalesce (t.id, m.team_id), t.established_date, n.award_level_id, a.name," \
  " a.authority, n.phase_id" \
  " FROM nominations n JOIN award_levels a ON a.id = n.award_level_id" \
  " LEFT JOIN teams t ON t.id = n.team_id" \
  " LEFT JOIN members m ON m.id = n.member_id" \
  " LEFT JOIN teams mt ON mt.id = m.team_id" \
  " LEFT JOIN villages v ON v.id = m.village_id"

static char *
team_villages (AnttDatabase  *db,
               gint64         team_id,
               GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT v.name FROM team_villages tv JOIN villages v ON v.id = tv.village_id"
                              " WHERE tv.team_id = ?1 ORDER BY v.id", "i", team_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = antt_report_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (antt_report_text (stmt, 0)));
  if (rc < 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static Nominee *
read_nominee (AnttDatabase  *db,
              sqlite3_stmt  *stmt)
{
  Nominee *n = g_new0 (Nominee, 1);
  g_autofree char *name_key = NULL;
  g_autofree char *team_key = NULL;

  n->id = sqlite3_column_int64 (stmt, 0);
  antt_nominee_kind_from_string (antt_report_text (stmt, 1), &n->kind);
  n->nominee_id = sqlite3_column_int64 (stmt, 2);
  n->achievement_type = g_strdup (antt_report_text (stmt, 3));
  n->summary = g_strdup (antt_report_text (stmt, 4));
  n->status = g_strdup (antt_report_text (stmt, 5));
  n->name = g_strdup (antt_report_text (stmt, 6));
  n->role = antt_report_column (stmt, 7);
  n->team_name = antt_report_column (stmt, 8);
  n->birth_date = antt_report_column (stmt, 9);
  n->gender = antt_report_column (stmt, 10);
  n->address = antt_report_column (stmt, 11);
  n->village = antt_report_column (stmt, 12);
  n->joined_date = antt_report_column (stmt, 13);
  n->decision_number = antt_report_column (stmt, 14);
  n->decision_date = antt_report_column (stmt, 15);
  n->education = antt_report_column (stmt, 16);
  n->team_id = sqlite3_column_int64 (stmt, 17);
  n->established_date = antt_report_column (stmt, 18);
  n->award_level_id = sqlite3_column_int64 (stmt, 19);
  n->award_name = g_strdup (antt_report_text (stmt, 20));
  n->award_authority = g_strdup (antt_report_text (stmt, 21));
  n->phase_id = sqlite3_column_int64 (stmt, 22);

  if (n->kind == ANTT_NOMINEE_INDIVIDUAL)
    {
      n->unit = g_strdup_printf ("%s %s", role_vi (n->role), n->team_name ? n->team_name : "");
      name_key = antt_text_name_collate_key (n->name);
      team_key = antt_text_collate_key (n->team_name ? n->team_name : "");
      n->sort_key = g_strdup_printf ("1%s\x01%d%s", team_key,
                                     g_strcmp0 (n->role, "leader") == 0 ? 0
                                     : g_strcmp0 (n->role, "deputy") == 0 ? 1 : 2,
                                     name_key);
    }
  else
    {
      name_key = antt_text_collate_key (n->name);
      n->sort_key = g_strdup_printf ("0%s", name_key);
    }
  (void) db;
  return n;
}

static gboolean
complete_units (AnttDatabase  *db,
                GPtrArray     *nominees,
                GError       **error)
{
  for (guint i = 0; i < nominees->len; i++)
    {
      Nominee *n = g_ptr_array_index (nominees, i);
      g_autofree char *villages = NULL;

      if (n->kind != ANTT_NOMINEE_COLLECTIVE)
        continue;
      if ((villages = team_villages (db, n->team_id, error)) == NULL)
        return FALSE;
      n->unit = villages[0] ? g_strdup_printf ("Địa bàn: %s", villages) : g_strdup ("");
    }
  return TRUE;
}

static int
compare_nominees (gconstpointer a,
                  gconstpointer b)
{
  const Nominee *na = *(const Nominee *const *) a;
  const Nominee *nb = *(const Nominee *const *) b;
  int cmp = strcmp (na->sort_key, nb->sort_key);

  return cmp != 0 ? cmp : (na->id > nb->id) - (na->id < nb->id);
}

/* The nominees of a review and award that go to the authority: those
 * proposed or approved, collectives first. */
static GPtrArray *
load_nominees (AnttDatabase  *db,
               gint64         phase_id,
               gint64         award_id,
               GError       **error)
{
  g_autoptr(GPtrArray) nominees = g_ptr_array_new_with_free_func ((GDestroyNotify) nominee_free);
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              NOMINEE_SELECT
                              " WHERE n.phase_id = ?1 AND n.award_level_id = ?2"
                              " AND n.status IN ('proposed', 'approved')",
                              "ii", phase_id, award_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = antt_report_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (nominees, read_nominee (db, stmt));
  if (rc < 0)
    return NULL;
  g_clear_pointer (&stmt, antt_statement_reset);

  if (!complete_units (db, nominees, error))
    return NULL;
  g_ptr_array_sort (nominees, compare_nominees);
  return g_steal_pointer (&nominees);
}

static Nominee *
load_nominee (AnttDatabase  *db,
              gint64         nomination_id,
              GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) nominee_free);
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error, NOMINEE_SELECT " WHERE n.id = ?1", "i", nomination_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("There is no nomination %d."), (int) nomination_id);
      return NULL;
    }
  g_ptr_array_add (one, read_nominee (db, stmt));
  g_clear_pointer (&stmt, antt_statement_reset);
  if (!complete_units (db, one, error))
    return NULL;
  return g_ptr_array_steal_index (one, 0);
}

static void
count_kinds (GPtrArray *nominees,
             guint     *collectives,
             guint     *individuals)
{
  *collectives = *individuals = 0;
  for (guint i = 0; i < nominees->len; i++)
    {
      Nominee *n = g_ptr_array_index (nominees, i);

      if (n->kind == ANTT_NOMINEE_COLLECTIVE)
        (*collectives)++;
      else
        (*individuals)++;
    }
}

/* "03 tập thể và 05 cá nhân", leaving out a kind with none. */
static char *
kinds_phrase (guint collectives,
              guint individuals)
{
  if (collectives > 0 && individuals > 0)
    return g_strdup_printf ("%02u tập thể và %02u cá nhân", collectives, individuals);
  if (collectives > 0)
    return g_strdup_printf ("%02u tập thể", collectives);
  return g_strdup_printf ("%02u cá nhân", individuals);
}

/* The summary of a nomination, or one written from its figures. */
static char *
nominee_summary (Ctx      *ctx,
                 Nominee  *n,
                 GError  **error)
{
  AnttNomineeFigures f;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (n->summary != NULL && n->summary[0] != '\0')
    return g_strdup (n->summary);
  if (!antt_nominations_figures (ctx->db, n->phase_id, n->kind, n->nominee_id, &f, error))
    return NULL;
  if (f.patrols)
    g_ptr_array_add (parts, g_strdup_printf ("%u lượt tuần tra", f.patrols));
  if (f.incidents)
    g_ptr_array_add (parts, g_strdup_printf ("%u vụ, việc về ANTT", f.incidents));
  if (f.callouts)
    g_ptr_array_add (parts, g_strdup_printf ("%u vụ cháy, cứu nạn, cứu hộ", f.callouts));
  if (f.tips)
    g_ptr_array_add (parts, g_strdup_printf ("%u nguồn tin", f.tips));
  if (f.good_deeds)
    g_ptr_array_add (parts, g_strdup_printf ("%u việc tốt", f.good_deeds));
  if (parts->len == 0)
    return g_strdup ("");
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) parts->pdata);
    return g_strdup_printf ("Tham gia %s.", joined);
  }
}

/* The nominee list (danh sách) -------------------------------------------------- */

/* The table of the list: STT, name, role and unit, summary, award; the
 * collectives, then the individuals. */
static gboolean
add_nominee_table (Ctx           *ctx,
                   AnttDocument  *doc,
                   const Award   *award,
                   GPtrArray     *nominees,
                   GError       **error)
{
  const double widths[] = { 0.7, 2.4, 2.3, 3.5, 2.2 };
  const char *header[] = { "STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Tóm tắt thành tích",
                           "Hình thức khen thưởng", NULL };
  AnttNomineeKind current = (AnttNomineeKind) -1;
  guint collectives, individuals, group = 0, stt = 0;
  AnttDocTable *table;

  count_kinds (nominees, &collectives, &individuals);
  table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
  antt_doc_table_set_font_size (table, 12.0);
  antt_doc_table_set_align (table, 0, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 3, ANTT_ALIGN_JUSTIFY);
  antt_doc_table_add_header (table, header);

  for (guint i = 0; i < nominees->len; i++)
    {
      Nominee *n = g_ptr_array_index (nominees, i);
      g_autofree char *summary = NULL;
      g_autofree char *stt_text = NULL;
      g_autofree char *award_text = NULL;

      if (n->kind != current)
        {
          g_autofree char *label = NULL;

          current = n->kind;
          group++;
          stt = 0;
          label = g_strdup_printf ("%s. %s (%02u)", group == 1 ? "I" : "II",
                                   n->kind == ANTT_NOMINEE_COLLECTIVE ? "TẬP THỂ" : "CÁ NHÂN",
                                   n->kind == ANTT_NOMINEE_COLLECTIVE ? collectives : individuals);
          antt_doc_table_add_group (table, label);
        }
      if ((summary = nominee_summary (ctx, n, error)) == NULL)
        return FALSE;
      stt_text = g_strdup_printf ("%u", ++stt);
      award_text = g_strdup_printf ("%s\n(%s)", award->name, achievement_vi (n->achievement_type));
      ADD_ROW (table, stt_text, n->name, n->unit, summary, award_text);
    }
  if (nominees->len == 0)
    antt_doc_table_add_group (table, "Không có tập thể, cá nhân nào được đề nghị.");

  return TRUE;
}

static gboolean
take_proposal_number (Ctx            *ctx,
                      const Award    *award,
                      AnttDocNumber  *number,
                      GError        **error)
{
  g_autofree char *key = doc_key ("proposal", ctx->phase.id, award->id, 0);
  g_autofree char *title = g_strdup_printf ("Tờ trình đề nghị tặng %s, %s", award->name,
                                            ctx->phase.review_name);

  return antt_document_register_take (ctx->db, key, "TTr", ctx->phase.id, title, ctx->date_iso,
                                      number, error);
}

static AnttDocument *
build_nominees (Ctx      *ctx,
                gint64    award_id,
                GError  **error)
{
  g_auto(Award) award = { 0 };
  g_auto(AnttDocNumber) number = { 0 };
  g_auto(AnttDocNumber) proposal = { 0 };
  g_autoptr(GPtrArray) nominees = NULL;
  g_autoptr(AnttDocument) doc = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *proposal_number = NULL;
  g_autofree char *proposal_date = NULL;
  g_autofree char *attached = NULL;
  g_autofree char *total = NULL;
  AnttSignature sig = commune_signature (ctx);
  guint collectives, individuals;

  if (!load_award (ctx->db, award_id, &award, error) ||
      (nominees = load_nominees (ctx->db, ctx->phase.id, award_id, error)) == NULL)
    return NULL;
  count_kinds (nominees, &collectives, &individuals);

  /* The list goes with the proposal: it cites its number and date. */
  if (!take_proposal_number (ctx, &award, &proposal, error))
    return NULL;
  proposal_number = antt_doc_number_format (&proposal, ctx->commune.agency_code);
  proposal_date = display_date (proposal.issued_date);

  key = doc_key ("nominees", ctx->phase.id, award_id, 0);
  title = g_strdup_printf ("Danh sách đề nghị tặng %s, %s", award.name, ctx->phase.review_name);
  doc = new_document (ctx, title, "DS", key, NULL, &number, error);
  if (doc == NULL)
    return NULL;

  subtitle = g_strdup_printf ("%s\n%s", award.name, ctx->phase.review_name);
  antt_document_add_title (doc, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", subtitle);
  attached = g_strdup_printf ("(Kèm theo Tờ trình số %s ngày %s của %s)", proposal_number,
                              proposal_date, ctx->commune.agency_text);
  antt_document_add_paragraph (doc, ANTT_PARA_ITALIC, ANTT_ALIGN_CENTER, ANTT_BODY_SIZE, attached);

  if (!add_nominee_table (ctx, doc, &award, nominees, error))
    return NULL;

  total = kinds_phrase (collectives, individuals);
  antt_document_add_bodyf (doc, "Danh sách có %s được đề nghị tặng %s./.",
                           nominees->len ? total : "00 tập thể và 00 cá nhân", award.name);
  antt_document_add_closing (doc, NULL, NULL, &sig);
  return g_steal_pointer (&doc);
}

/* The proposal (tờ trình) -------------------------------------------------------- */

static AnttDocument *
build_proposal (Ctx      *ctx,
                gint64    award_id,
                GError  **error)
{
  g_auto(Award) award = { 0 };
  g_auto(AnttDocNumber) number = { 0 };
  g_autoptr(GPtrArray) nominees = NULL;
  g_autoptr(AnttDocument) doc = NULL;
  g_auto(GStrv) addressees = NULL;
  g_auto(GStrv) stored_recipients = NULL;
  g_auto(GStrv) recipients = NULL;
  g_auto(GStrv) bases = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *review = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *authority = NULL;
  const char *default_recipients[] = { "Như trên", NULL };
  AnttSignature sig = commune_signature (ctx);
  guint collectives, individuals;
  gint64 meeting_id;

  if (!load_award (ctx->db, award_id, &award, error) ||
      (nominees = load_nominees (ctx->db, ctx->phase.id, award_id, error)) == NULL)
    return NULL;
  count_kinds (nominees, &collectives, &individuals);

  key = doc_key ("proposal", ctx->phase.id, award_id, 0);
  title = g_strdup_printf ("Tờ trình đề nghị tặng %s, %s", award.name, ctx->phase.review_name);
  doc = new_document (ctx, title, "TTr", key, NULL, &number, error);
  if (doc == NULL)
    return NULL;

  review = review_and_campaign (&ctx->phase);
  {
    g_autofree char *review_lower = lower_first (review);
    subtitle = g_strdup_printf ("Về việc đề nghị tặng %s cho các tập thể, cá nhân có thành tích "
                                "trong %s", award.name, review_lower);
  }
  antt_document_add_title (doc, "TỜ TRÌNH", subtitle);

  if (!antt_document_settings_get (ctx->db, "proposal", award_id, &addressees, &stored_recipients,
                                   error))
    return NULL;
  if (addressees == NULL)
    {
      const char *fallback[] = { award.authority[0] ? award.authority
                                                     : "Hội đồng Thi đua – Khen thưởng", NULL };
      addressees = g_strdupv ((char **) fallback);
    }
  antt_document_add_addressee (doc, (const char *const *) addressees);
  authority = g_strdup (addressees[0]);

  bases = g_strsplit (ctx->phase.legal_basis, "\n", -1);
  for (guint i = 0; bases[i] != NULL; i++)
    {
      g_strstrip (bases[i]);
      if (bases[i][0] != '\0')
        antt_document_add_paragraph (doc, ANTT_PARA_INDENT | ANTT_PARA_ITALIC, ANTT_ALIGN_JUSTIFY,
                                     ANTT_BODY_SIZE, bases[i]);
    }

  /* The minutes of the committee's meeting, with their number. */
  meeting_id = latest_meeting (ctx->db, ctx->phase.id, award_id, error);
  if (meeting_id < 0)
    return NULL;
  if (meeting_id > 0)
    {
      g_auto(AnttDocNumber) minutes = { 0 };
      g_autofree char *minutes_key = doc_key ("minutes", 0, 0, meeting_id);
      g_autofree char *minutes_number = NULL;
      g_autofree char *minutes_date = NULL;
      g_autofree char *held = NULL;
      g_autofree char *minutes_title = NULL;

      {
        g_autoptr(AnttStatement) stmt = antt_database_prepare_bind (ctx->db, error,
                                                             "SELECT held_date FROM committee_meetings"
                                                             " WHERE id = ?1", "i", meeting_id);
        if (stmt == NULL || antt_report_step (ctx->db, stmt, error) != SQLITE_ROW)
          return NULL;
        held = g_strdup (antt_report_text (stmt, 0));
      }
      minutes_title = g_strdup_printf ("Biên bản họp Hội đồng Thi đua – Khen thưởng, %s",
                                       ctx->phase.review_name);
      if (!antt_document_register_take (ctx->db, minutes_key, "BB", ctx->phase.id, minutes_title,
                                        held, &minutes, error))
        return NULL;
      minutes_number = antt_doc_number_format (&minutes, ctx->commune.agency_code);
      minutes_date = display_date (minutes.issued_date);
      {
        g_autofree char *text = g_strdup_printf ("Căn cứ Biên bản số %s ngày %s họp Hội đồng Thi đua – "
                                                 "Khen thưởng xét đề nghị khen thưởng %s;",
                                                 minutes_number, minutes_date,
                                                 ctx->phase.review_name);
        antt_document_add_paragraph (doc, ANTT_PARA_INDENT | ANTT_PARA_ITALIC, ANTT_ALIGN_JUSTIFY,
                                     ANTT_BODY_SIZE, text);
      }
    }

  phrase = kinds_phrase (collectives, individuals);
  {
    g_autofree char *review_lower = lower_first (review);

    antt_document_add_bodyf (doc, "%s kính trình %s xem xét, tặng %s cho %s đã có thành tích "
                             "trong %s.", ctx->commune.agency_text, authority, award.name,
                             nominees->len ? phrase : "00 tập thể, cá nhân", review_lower);
  }
  antt_document_add_paragraph (doc, ANTT_PARA_ITALIC, ANTT_ALIGN_CENTER, ANTT_BODY_SIZE,
                               "(có danh sách và báo cáo thành tích kèm theo)");
  antt_document_add_bodyf (doc, "Kính đề nghị %s xem xét, quyết định./.", authority);

  recipients = recipients_for (ctx, "proposal", award_id, default_recipients, error);
  if (recipients == NULL)
    return NULL;
  antt_document_add_closing (doc, (const char *const *) recipients, NULL, &sig);
  return g_steal_pointer (&doc);
}

/* The minutes (biên bản) ---------------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  phase_id;
  gint64  award_level_id;
  char   *held_date;
  char   *held_time;
  char   *ended_time;
  char   *place;
  char   *chair;
  char   *secretary;
  char   *absent_names;
  char   *vote_method;
  char   *notes;
  int     total;
  int     present;
  int     quorum_pct;    /* -1: the commune's */
  int     approve_pct;
} Meeting;

static void
meeting_clear (Meeting *m)
{
  g_free (m->held_date);
  g_free (m->held_time);
  g_free (m->ended_time);
  g_free (m->place);
  g_free (m->chair);
  g_free (m->secretary);
  g_free (m->absent_names);
  g_free (m->vote_method);
  g_free (m->notes);
  memset (m, 0, sizeof *m);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meeting, meeting_clear)

static gboolean
load_meeting (AnttDatabase  *db,
              gint64         meeting_id,
              Meeting       *m,
              GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id, phase_id, ifnull (award_level_id, 0), held_date, held_time,"
                              " ended_time, place, chair, secretary, absent_names, vote_method, notes,"
                              " members_total, members_present, ifnull (quorum_pct, -1),"
                              " ifnull (approve_pct, -1) FROM committee_meetings WHERE id = ?1",
                              "i", meeting_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("There is no committee meeting %d."), (int) meeting_id);
      return FALSE;
    }
  m->id = sqlite3_column_int64 (stmt, 0);
  m->phase_id = sqlite3_column_int64 (stmt, 1);
  m->award_level_id = sqlite3_column_int64 (stmt, 2);
  m->held_date = g_strdup (antt_report_text (stmt, 3));
  m->held_time = antt_report_column (stmt, 4);
  m->ended_time = antt_report_column (stmt, 5);
  m->place = g_strdup (antt_report_text (stmt, 6));
  m->chair = g_strdup (antt_report_text (stmt, 7));
  m->secretary = g_strdup (antt_report_text (stmt, 8));
  m->absent_names = g_strdup (antt_report_text (stmt, 9));
  m->vote_method = g_strdup (antt_report_text (stmt, 10));
  m->notes = g_strdup (antt_report_text (stmt, 11));
  m->total = sqlite3_column_int (stmt, 12);
  m->present = sqlite3_column_int (stmt, 13);
  m->quorum_pct = sqlite3_column_int (stmt, 14);
  m->approve_pct = sqlite3_column_int (stmt, 15);
  return TRUE;
}

/* "08:05" → "08 giờ 05 phút" */
static char *
time_vi (const char *hhmm)
{
  int hour, minute;

  if (hhmm == NULL || !antt_time_parse (hhmm, &hour, &minute))
    return g_strdup ("…… giờ …… phút");
  return g_strdup_printf ("%02d giờ %02d phút", hour, minute);
}

static AnttDocument *
build_minutes (Ctx      *ctx,
               Meeting  *m,
               GError  **error)
{
  g_auto(Award) award = { 0 };
  g_auto(AnttDocNumber) number = { 0 };
  g_autoptr(AnttDocument) doc = NULL;
  g_autoptr(GPtrArray) tally = NULL;
  g_autoptr(GHashTable) nominees = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) nominee_free);
  g_autofree char *key = doc_key ("minutes", 0, 0, m->id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *review = NULL;
  g_autofree char *review_lower = NULL;
  g_autofree char *start = time_vi (m->held_time);
  g_autofree char *end = time_vi (m->ended_time);
  g_autofree char *day = long_date (m->held_date);
  g_autofree char *present_pct = NULL;
  g_autofree char *phrase = NULL;
  AnttSignature secretary = { NULL, "THƯ KÝ", NULL, NULL, m->secretary };
  AnttSignature chair = { NULL, "CHỦ TỌA", NULL, NULL, m->chair };
  const double widths[] = { 0.8, 3.8, 1.05, 1.15, 1.3, 1.25, 1.9 };
  const char *header[] = { "STT", "Tên tập thể, cá nhân", "Đồng ý", "Không đồng ý",
                           "Không biểu quyết", "Tỷ lệ đồng ý (%)", "Kết quả", NULL };
  AnttDocTable *table;
  int quorum = m->quorum_pct >= 0 ? m->quorum_pct : ctx->commune.quorum_pct;
  int approve = m->approve_pct >= 0 ? m->approve_pct : ctx->commune.approve_pct;
  guint collectives = 0, individuals = 0, agreed_collectives = 0, agreed_individuals = 0;
  gboolean decided = FALSE;
  gint64 group_award = -1;
  int group_kind = -1;
  guint stt = 0;

  if (m->award_level_id > 0 && !load_award (ctx->db, m->award_level_id, &award, error))
    return NULL;
  if ((tally = antt_nominations_tally (ctx->db, m->id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < tally->len; i++)
    {
      AnttVoteTally *t = g_ptr_array_index (tally, i);
      Nominee *n = load_nominee (ctx->db, t->nomination_id, error);

      if (n == NULL)
        return NULL;
      g_hash_table_insert (nominees, &n->id, n);
      if (t->kind == ANTT_NOMINEE_COLLECTIVE)
        collectives++;
      else
        individuals++;
      if (g_str_equal (t->status, "approved") || g_str_equal (t->status, "rejected"))
        decided = TRUE;
    }

  title = g_strdup_printf ("Biên bản họp Hội đồng Thi đua – Khen thưởng, %s", ctx->phase.review_name);
  doc = new_document (ctx, title, "BB", key, m->held_date, &number, error);
  if (doc == NULL)
    return NULL;

  review = review_and_campaign (&ctx->phase);
  review_lower = lower_first (review);
  if (award.name != NULL)
    subtitle = g_strdup_printf ("Họp Hội đồng Thi đua – Khen thưởng xét đề nghị tặng %s, %s",
                                award.name, ctx->phase.review_name);
  else
    subtitle = g_strdup_printf ("Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng %s",
                                ctx->phase.review_name);
  antt_document_add_title (doc, "BIÊN BẢN", subtitle);

  antt_document_add_bodyf (doc, "Vào hồi %s, %s, tại %s, Hội đồng Thi đua – Khen thưởng họp xét "
                           "đề nghị khen thưởng trong %s.", start, day,
                           m->place[0] ? m->place : "……………", review_lower);

  antt_document_add_heading (doc, "I. THÀNH PHẦN THAM DỰ");
  antt_document_add_bodyf (doc, "- Chủ trì: %s.", m->chair[0] ? m->chair : "……………");
  antt_document_add_bodyf (doc, "- Thư ký: %s.", m->secretary[0] ? m->secretary : "……………");
  if (m->present < m->total)
    antt_document_add_bodyf (doc, "- Thành viên Hội đồng có mặt: %02d/%02d đồng chí; vắng mặt: "
                             "%02d đồng chí%s%s%s.", m->present, m->total, m->total - m->present,
                             m->absent_names[0] ? " (" : "", m->absent_names,
                             m->absent_names[0] ? ")" : "");
  else
    antt_document_add_bodyf (doc, "- Thành viên Hội đồng có mặt: %02d/%02d đồng chí; không có "
                             "thành viên vắng mặt.", m->present, m->total);
  present_pct = fmt_pct (m->total > 0 ? 100.0 * m->present / m->total : 0);
  if ((gint64) m->present * 100 >= (gint64) quorum * m->total)
    antt_document_add_bodyf (doc, "Số thành viên có mặt đạt %s%% tổng số thành viên Hội đồng "
                             "(tối thiểu %d%%), cuộc họp đủ điều kiện tiến hành.", present_pct, quorum);
  else
    antt_document_add_bodyf (doc, "Số thành viên có mặt đạt %s%% tổng số thành viên Hội đồng, "
                             "chưa đạt mức tối thiểu %d%%.", present_pct, quorum);

  antt_document_add_heading (doc, "II. NỘI DUNG");
  phrase = kinds_phrase (collectives, individuals);
  antt_document_add_bodyf (doc, "Hội đồng xem xét hồ sơ đề nghị khen thưởng của %s; biểu quyết "
                           "bằng hình thức %s. Tỷ lệ phiếu đồng ý được tính trên tổng số %02d "
                           "thành viên Hội đồng; tập thể, cá nhân được đề nghị khen thưởng khi "
                           "đạt từ %d%% số phiếu đồng ý trở lên.",
                           tally->len ? phrase : "00 tập thể, cá nhân",
                           g_str_equal (m->vote_method, "show_of_hands") ? "giơ tay" : "bỏ phiếu kín",
                           m->total, approve);

  antt_document_add_heading (doc, "III. KẾT QUẢ BIỂU QUYẾT");
  table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
  antt_doc_table_set_font_size (table, 12.0);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    if (c != 1)
      antt_doc_table_set_align (table, c, ANTT_ALIGN_CENTER);
  antt_doc_table_add_header (table, header);

  for (guint i = 0; i < tally->len; i++)
    {
      AnttVoteTally *t = g_ptr_array_index (tally, i);
      Nominee *n = g_hash_table_lookup (nominees, &t->nomination_id);
      g_autofree char *name = g_strdup_printf ("%s\n%s", n->name, n->unit ? n->unit : "");
      g_autofree char *s_stt = NULL, *s_for = NULL, *s_against = NULL, *s_abstain = NULL;
      g_autofree char *pct = fmt_pct (m->total > 0 ? 100.0 * t->votes_for / m->total : 0);
      const char *result;

      if (t->award_level_id != group_award || (int) t->kind != group_kind)
        {
          g_autofree char *label = g_strdup_printf ("%s – %s", n->award_name,
                                                    t->kind == ANTT_NOMINEE_COLLECTIVE ? "Tập thể"
                                                                                       : "Cá nhân");
          group_award = t->award_level_id;
          group_kind = t->kind;
          stt = 0;
          antt_doc_table_add_group (table, label);
        }

      if (g_str_equal (t->status, "approved"))
        result = "Đề nghị khen thưởng";
      else if (g_str_equal (t->status, "rejected"))
        result = "Không đề nghị";
      else
        result = t->reaches_threshold ? "Đạt" : "Không đạt";
      if (decided ? g_str_equal (t->status, "approved") : t->reaches_threshold)
        {
          if (t->kind == ANTT_NOMINEE_COLLECTIVE)
            agreed_collectives++;
          else
            agreed_individuals++;
        }

      s_stt = g_strdup_printf ("%u", ++stt);
      s_for = g_strdup_printf ("%u", t->votes_for);
      s_against = g_strdup_printf ("%u", t->votes_against);
      s_abstain = g_strdup_printf ("%u", t->votes_abstain);
      ADD_ROW (table, s_stt, name, s_for, s_against, s_abstain, pct, result);
    }
  if (tally->len == 0)
    antt_doc_table_add_group (table, "Chưa có kết quả biểu quyết.");

  if (agreed_collectives + agreed_individuals > 0)
    {
      g_autofree char *agreed = kinds_phrase (agreed_collectives, agreed_individuals);
      antt_document_add_bodyf (doc, "Căn cứ kết quả biểu quyết, Hội đồng thống nhất đề nghị khen "
                               "thưởng %s (có danh sách kèm theo).", agreed);
    }
  else
    antt_document_add_body (doc, "Căn cứ kết quả biểu quyết, Hội đồng chưa đề nghị khen thưởng "
                                 "tập thể, cá nhân nào.");
  if (m->notes[0] != '\0')
    antt_document_add_body (doc, m->notes);
  antt_document_add_bodyf (doc, "Cuộc họp kết thúc vào hồi %s cùng ngày. Biên bản đã được đọc lại "
                           "cho các thành viên dự họp cùng nghe và thống nhất thông qua./.", end);

  antt_document_add_closing (doc, NULL, &secretary, &chair);
  return g_steal_pointer (&doc);
}

/* The achievement report (báo cáo thành tích) ------------------------------------- */

static char *
member_of_team (AnttDatabase  *db,
                gint64         team_id,
                const char    *role,
                const char    *on_iso,
                GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT full_name FROM members WHERE team_id = ?1 AND role = ?2"
                              " AND joined_date <= ?3 AND (left_date IS NULL OR left_date >= ?3)"
                              " ORDER BY joined_date DESC, id LIMIT 1", "iss", team_id, role, on_iso);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return NULL;
  return g_strdup (rc == SQLITE_ROW ? antt_report_text (stmt, 0) : "");
}

static AnttTargetReport *
phase_targets (Ctx         *ctx,
               const char  *today,
               GError     **error)
{
  if (ctx->phase_targets == NULL)
    ctx->phase_targets = antt_targets_evaluate (ctx->db, ctx->phase.campaign_id, ctx->phase.start,
                                                ctx->phase.end, today, error);
  return ctx->phase_targets;
}

static void
add_figures (AnttDocument              *doc,
             const AnttNomineeFigures  *f,
             gboolean                   team)
{
  guint n = 0;

  if (team && f->members)
    n++, antt_document_add_bodyf (doc, "- Duy trì %u thành viên tham gia hoạt động;", f->members);
  if (f->patrols)
    n++, antt_document_add_bodyf (doc, "- %s %u lượt tuần tra bảo đảm an ninh, trật tự, an toàn "
                                  "giao thông;", team ? "Tổ chức" : "Tham gia", f->patrols);
  if (f->incidents)
    n++, antt_document_add_bodyf (doc, "- Tham gia hỗ trợ giải quyết %u vụ, việc về an ninh, trật tự;",
                                  f->incidents);
  if (f->callouts)
    n++, antt_document_add_bodyf (doc, "- Có mặt tham gia %u vụ cháy, cứu nạn, cứu hộ khi được huy "
                                  "động, trong đó %u lần có mặt kịp thời;", f->callouts,
                                  f->callouts_on_time);
  if (f->tips)
    n++, antt_document_add_bodyf (doc, "- Tiếp nhận, báo ngay cho Công an xã %u nguồn tin về an "
                                  "ninh, trật tự;", f->tips);
  if (f->good_deeds)
    n++, antt_document_add_bodyf (doc, "- Thực hiện %u việc tốt;", f->good_deeds);
  if (f->commendations)
    n++, antt_document_add_bodyf (doc, "- Được các cấp biểu dương, khen thưởng %u lần;",
                                  f->commendations);
  if (f->reintegration_visits)
    n++, antt_document_add_bodyf (doc, "- Tham gia %u lượt giúp đỡ, cảm hóa người có hành vi vi phạm "
                                  "pháp luật tái hòa nhập cộng đồng.", f->reintegration_visits);
  if (n == 0)
    antt_document_add_body (doc, "- Chưa có số liệu hoạt động được ghi nhận trong kỳ.");
}

static gboolean
add_evidence (Ctx           *ctx,
              AnttDocument  *doc,
              gint64         nomination_id,
              GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  /* Tips and reintegration visits are named by their kind only. */
  stmt = antt_database_prepare_bind (ctx->db, error,
                              "SELECT x.date, x.label, x.text FROM (SELECT"
                              " CASE e.record_table"
                              "  WHEN 'incidents' THEN (SELECT occurred_date FROM incidents WHERE id = e.record_id)"
                              "  WHEN 'callouts' THEN (SELECT date FROM callouts WHERE id = e.record_id)"
                              "  WHEN 'patrols' THEN (SELECT date FROM patrols WHERE id = e.record_id)"
                              "  WHEN 'good_deeds' THEN (SELECT date FROM good_deeds WHERE id = e.record_id)"
                              "  WHEN 'reintegration_visits' THEN (SELECT date FROM reintegration_visits WHERE id = e.record_id)"
                              "  WHEN 'tips' THEN (SELECT received_date FROM tips WHERE id = e.record_id)"
                              "  WHEN 'models' THEN (SELECT coalesce (recognised_date, started_date) FROM models WHERE id = e.record_id)"
                              " END AS date,"
                              " CASE e.record_table WHEN 'incidents' THEN 'Vụ việc về ANTT'"
                              "  WHEN 'callouts' THEN 'Chữa cháy, cứu nạn, cứu hộ'"
                              "  WHEN 'patrols' THEN 'Tuần tra' WHEN 'good_deeds' THEN 'Việc tốt'"
                              "  WHEN 'reintegration_visits' THEN 'Giúp đỡ người tái hòa nhập cộng đồng'"
                              "  WHEN 'tips' THEN 'Cung cấp nguồn tin về ANTT cho Công an xã'"
                              "  ELSE 'Mô hình, điển hình tiên tiến' END AS label,"
                              " CASE e.record_table"
                              "  WHEN 'incidents' THEN (SELECT title FROM incidents WHERE id = e.record_id)"
                              "  WHEN 'callouts' THEN (SELECT place FROM callouts WHERE id = e.record_id)"
                              "  WHEN 'patrols' THEN (SELECT area FROM patrols WHERE id = e.record_id)"
                              "  WHEN 'good_deeds' THEN (SELECT description FROM good_deeds WHERE id = e.record_id)"
                              "  WHEN 'models' THEN (SELECT name FROM models WHERE id = e.record_id)"
                              "  ELSE '' END AS text"
                              " FROM nomination_evidence e WHERE e.nomination_id = ?1) x"
                              " WHERE x.date IS NOT NULL ORDER BY x.date LIMIT 30",
                              "i", nomination_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = antt_report_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *date = display_date (antt_report_text (stmt, 0));
      const char *text = antt_report_text (stmt, 2);

      if (first)
        antt_document_add_body (doc, "Một số việc làm tiêu biểu:");
      first = FALSE;
      antt_document_add_bodyf (doc, "- Ngày %s: %s%s%s.", date, antt_report_text (stmt, 1),
                               text[0] ? ": " : "", text);
    }
  return rc >= 0;
}

static gboolean
add_awards_before (Ctx           *ctx,
                   AnttDocument  *doc,
                   Nominee       *n,
                   GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  AnttDocTable *table = NULL;
  const double widths[] = { 0.7, 1.1, 4.2, 3.0 };
  const char *header[] = { "STT", "Năm", "Hình thức khen thưởng", "Số, ngày quyết định", NULL };
  guint stt = 0;
  int rc;

  stmt = antt_database_prepare_bind (ctx->db, error,
                              "SELECT p.end_date, a.name, n.decision_number, n.decision_date"
                              " FROM nominations n JOIN phases p ON p.id = n.phase_id"
                              " JOIN award_levels a ON a.id = n.award_level_id"
                              " WHERE n.status = 'approved' AND n.id <> ?1 AND p.end_date < ?2"
                              " AND (n.team_id = ?3 OR n.member_id = ?4) ORDER BY p.end_date, a.ordinal",
                              "isii", n->id, ctx->phase.start,
                              n->kind == ANTT_NOMINEE_COLLECTIVE ? n->nominee_id : (gint64) 0,
                              n->kind == ANTT_NOMINEE_INDIVIDUAL ? n->nominee_id : (gint64) 0);
  if (stmt == NULL)
    return FALSE;
  while ((rc = antt_report_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *s_stt = g_strdup_printf ("%u", ++stt);
      g_autofree char *year = g_strndup (antt_report_text (stmt, 0), 4);
      g_autofree char *decision_date = display_date (antt_report_text (stmt, 3));
      const char *decision = antt_report_text (stmt, 2);
      g_autofree char *decided = decision[0] ? g_strdup_printf ("Quyết định số %s ngày %s",
                                                                decision, decision_date)
                                             : g_strdup ("");

      if (table == NULL)
        {
          table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
          antt_doc_table_set_align (table, 0, ANTT_ALIGN_CENTER);
          antt_doc_table_set_align (table, 1, ANTT_ALIGN_CENTER);
          antt_doc_table_add_header (table, header);
        }
      ADD_ROW (table, s_stt, year, antt_report_text (stmt, 1), decided);
    }
  if (rc < 0)
    return FALSE;
  if (table == NULL)
    antt_document_add_body (doc, "Chưa có hình thức khen thưởng nào được ghi nhận trong phong "
                                 "trào thi đua.");
  return TRUE;
}

static AnttDocument *
build_achievement (Ctx      *ctx,
                   Nominee  *n,
                   GError  **error)
{
  g_auto(AnttDocNumber) proposal = { 0 };
  g_autoptr(AnttDocument) doc = NULL;
  g_autofree char *proposal_key = doc_key ("proposal", ctx->phase.id, n->award_level_id, 0);
  g_autofree char *meta = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *team_up = NULL;
  g_autofree char *today = NULL;
  g_autofree char *from = display_date (ctx->phase.start);
  g_autofree char *to = display_date (ctx->phase.end);
  g_autofree char *review_lower = lower_first (ctx->phase.review_name);
  g_autofree char *summary = NULL;
  g_autofree char *leader = NULL;
  const char *date;
  AnttDocHeader header = { NULL, NULL, NULL, ctx->commune.place_name, NULL };
  AnttNomineeFigures f;
  gboolean team = n->kind == ANTT_NOMINEE_COLLECTIVE;

  /* Dated with the proposal it goes with, if it has one yet. */
  if (ctx->date_iso != NULL)
    date = ctx->date_iso;
  else if (antt_document_register_lookup (ctx->db, proposal_key, &proposal, NULL))
    date = proposal.issued_date;
  else
    date = today = antt_date_today_iso ();

  meta = g_strdup_printf ("Báo cáo thành tích: %s", n->name);
  doc = antt_document_new (meta);
  antt_document_set_author (doc, ctx->commune.agency_text);
  header.date_iso = date;
  if (team)
    {
      team_up = upper (n->name);
      header.parent_agency = ctx->commune.agency_name;
      header.agency_name = team_up;
    }
  antt_document_set_header (doc, &header);

  subtitle = g_strdup_printf ("Đề nghị tặng %s", n->award_name);
  antt_document_add_title (doc, "BÁO CÁO THÀNH TÍCH", subtitle);
  antt_document_add_paragraph (doc, ANTT_PARA_BOLD, ANTT_ALIGN_CENTER, ANTT_BODY_SIZE, n->name);
  if (!team)
    antt_document_add_paragraph (doc, ANTT_PARA_NONE, ANTT_ALIGN_CENTER, ANTT_BODY_SIZE, n->unit);
  antt_document_add_space (doc, 6);

  if (!antt_nominations_figures (ctx->db, ctx->phase.id, n->kind, n->nominee_id, &f, error))
    return NULL;

  if (team)
    {
      g_autofree char *deputy = NULL;
      g_autofree char *villages = team_villages (ctx->db, n->team_id, error);

      if (villages == NULL ||
          (leader = member_of_team (ctx->db, n->team_id, "leader", ctx->phase.end, error)) == NULL ||
          (deputy = member_of_team (ctx->db, n->team_id, "deputy", ctx->phase.end, error)) == NULL)
        return NULL;

      antt_document_add_heading (doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH");
      antt_document_add_bodyf (doc, "- Tên đơn vị: %s, xã %s.", n->name, ctx->commune.commune_name);
      if (n->established_date != NULL)
        {
          g_autofree char *established = display_date (n->established_date);
          antt_document_add_bodyf (doc, "- Ngày thành lập: %s.", established);
        }
      if (villages[0])
        antt_document_add_bodyf (doc, "- Địa bàn phụ trách: %s.", villages);
      antt_document_add_bodyf (doc, "- Số thành viên trong kỳ: %u%s%s%s%s.", f.members,
                               leader[0] ? "; Tổ trưởng: " : "", leader,
                               deputy[0] ? "; Tổ phó: " : "", deputy);

      antt_document_add_heading (doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC");
      antt_document_add_bodyf (doc, "Trong %s (từ ngày %s đến ngày %s), Tổ đã:", review_lower, from, to);
      add_figures (doc, &f, TRUE);
      {
        AnttTargetReport *targets = phase_targets (ctx, date, error);
        guint met, measured = 0;

        if (targets == NULL)
          return NULL;
        met = antt_target_report_count_met (targets, ANTT_TARGET_LEVEL_TEAM, n->team_id, &measured);
        if (measured > 0)
          antt_document_add_bodyf (doc, "Kết quả thực hiện các chỉ tiêu thi đua: đạt %u/%u chỉ tiêu "
                                   "có số liệu.", met, measured);
      }
    }
  else
    {
      g_autofree char *birth = display_date (n->birth_date);
      g_autofree char *joined = display_date (n->joined_date);

      antt_document_add_heading (doc, "I. SƠ LƯỢC LÝ LỊCH");
      antt_document_add_bodyf (doc, "- Họ và tên: %s. Giới tính: %s.", n->name, gender_vi (n->gender));
      antt_document_add_bodyf (doc, "- Ngày, tháng, năm sinh: %s.", birth);
      {
        const char *home = n->address && n->address[0] ? n->address : n->village ? n->village : "";
        g_autofree char *home_fold = antt_text_fold (home);

        /* The address is often the village alone: name the commune once. */
        if (strstr (home_fold, "xa ") != NULL || ctx->commune.commune_name[0] == '\0')
          antt_document_add_bodyf (doc, "- Nơi ở hiện nay: %s.", home);
        else
          antt_document_add_bodyf (doc, "- Nơi ở hiện nay: %s, xã %s.", home,
                                   ctx->commune.commune_name);
      }
      antt_document_add_bodyf (doc, "- Chức vụ: %s; đơn vị: %s.", role_vi (n->role),
                               n->team_name ? n->team_name : "");
      if (n->decision_number && n->decision_number[0])
        {
          g_autofree char *decided = display_date (n->decision_date);
          antt_document_add_bodyf (doc, "- Ngày tham gia lực lượng: %s (Quyết định công nhận số %s "
                                   "ngày %s).", joined, n->decision_number, decided);
        }
      else
        antt_document_add_bodyf (doc, "- Ngày tham gia lực lượng: %s.", joined);
      if (education_vi (n->education)[0])
        antt_document_add_bodyf (doc, "- Trình độ học vấn: %s.", education_vi (n->education));

      antt_document_add_heading (doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC");
      antt_document_add_heading (doc, "1. Quyền hạn, nhiệm vụ được giao");
      if (g_strcmp0 (n->role, "leader") == 0 || g_strcmp0 (n->role, "deputy") == 0)
        antt_document_add_bodyf (doc, "Là %s %s, đồng chí %s hoạt động của Tổ, phân công nhiệm vụ "
                                 "cho các thành viên và trực tiếp tham gia các nhiệm vụ của Tổ.",
                                 g_strcmp0 (n->role, "leader") == 0 ? "tổ trưởng" : "tổ phó",
                                 n->team_name ? n->team_name : "",
                                 g_strcmp0 (n->role, "leader") == 0 ? "chỉ huy, điều hành"
                                                                    : "giúp Tổ trưởng điều hành");
      antt_document_add_body (doc, "Hỗ trợ Công an xã nắm tình hình an ninh, trật tự; xây dựng phong "
                                   "trào toàn dân bảo vệ an ninh Tổ quốc; tham gia phòng cháy, chữa "
                                   "cháy, cứu nạn, cứu hộ; hỗ trợ quản lý hành chính về trật tự xã "
                                   "hội; vận động, giáo dục, giúp đỡ người vi phạm pháp luật tái hòa "
                                   "nhập cộng đồng; tuần tra bảo đảm an ninh, trật tự, an toàn giao "
                                   "thông (Điều 7 đến Điều 12 Luật Lực lượng tham gia bảo vệ an ninh, "
                                   "trật tự ở cơ sở).");
      antt_document_add_heading (doc, "2. Thành tích đạt được");
      antt_document_add_bodyf (doc, "Trong %s (từ ngày %s đến ngày %s), đồng chí đã:", review_lower,
                               from, to);
      add_figures (doc, &f, FALSE);
    }

  if (n->summary[0] != '\0')
    {
      summary = g_strdup_printf ("%s: %s", achievement_vi (n->achievement_type), n->summary);
      antt_document_add_body (doc, summary);
    }
  if (!add_evidence (ctx, doc, n->id, error))
    return NULL;

  antt_document_add_heading (doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG");
  if (!add_awards_before (ctx, doc, n, error))
    return NULL;

  if (team)
    {
      AnttSignature head = { "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", ctx->commune.signer_position,
                             ctx->commune.signer_title, NULL, ctx->commune.signer_name };
      AnttSignature reporter = { NULL, "TỔ TRƯỞNG", NULL, "(Ký, ghi rõ họ tên)", leader };

      antt_document_add_closing (doc, NULL, &head, &reporter);
    }
  else
    {
      AnttSignature head = { "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", ctx->commune.signer_position,
                             ctx->commune.signer_title, NULL, ctx->commune.signer_name };
      AnttSignature reporter = { NULL, "NGƯỜI BÁO CÁO THÀNH TÍCH", NULL, "(Ký, ghi rõ họ tên)",
                                 n->name };

      antt_document_add_closing (doc, NULL, &head, &reporter);
    }
  return g_steal_pointer (&doc);
}

/* The interim and final reports --------------------------------------------------- */

static char *
target_value (const AnttTargetResult *r)
{
  g_autofree char *pct = NULL;

  if (r->state == ANTT_TARGET_STATE_NO_DATA)
    return g_strdup ("—");
  if (g_strcmp0 (r->measure, "ratio") == 0)
    {
      pct = fmt_pct (r->value);
      return g_strdup_printf ("%s%% (%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ")", pct,
                              r->numerator, r->denominator);
    }
  if (g_strcmp0 (r->measure, "per_village") == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " mô hình; %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                            " thôn có điển hình", r->models, r->numerator, r->denominator);
  if (r->denominator > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " (trong số %" G_GINT64_FORMAT ")",
                            r->numerator, r->denominator);
  return g_strdup_printf ("%" G_GINT64_FORMAT, r->numerator);
}

static char *
target_threshold (const AnttTargetResult *r)
{
  const char *cmp = g_strcmp0 (r->comparison, ">=") == 0 ? "≥ "
                    : g_strcmp0 (r->comparison, ">") == 0 ? "> "
                    : g_strcmp0 (r->comparison, "<=") == 0 ? "≤ " : "";
  g_autofree char *value = fmt_pct (r->threshold);

  if (g_strcmp0 (r->measure, "ratio") == 0)
    return g_strdup_printf ("%s%s%%", cmp, value);
  if (g_strcmp0 (r->measure, "per_village") == 0)
    return g_strdup_printf ("%s%s mô hình; mỗi thôn %s%s điển hình", cmp, value, cmp, value);
  return g_strdup_printf ("%s%s", cmp, value);
}

typedef struct
{
  const AnttTargetUnit *unit;
  guint                 met;
  guint                 measured;
  char                 *key;
} TeamRank;

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  const TeamRank *ra = a, *rb = b;

  if (ra->met != rb->met)
    return ra->met > rb->met ? -1 : 1;
  if (ra->measured != rb->measured)
    return ra->measured < rb->measured ? -1 : 1;
  return strcmp (ra->key, rb->key);
}

static gboolean
add_team_ranking (AnttDocument      *doc,
                  AnttTargetReport  *targets)
{
  const AnttTargetUnit *units;
  g_autofree TeamRank *ranks = NULL;
  const double widths[] = { 0.8, 4.6, 1.8, 1.6 };
  const char *header[] = { "Hạng", "Tổ bảo vệ ANTT", "Số chỉ tiêu đạt", "Tỷ lệ (%)", NULL };
  AnttDocTable *table;
  guint n_units = 0, rank = 0;

  units = antt_target_report_get_units (targets, ANTT_TARGET_LEVEL_TEAM, &n_units);
  if (n_units == 0)
    {
      antt_document_add_body (doc, "Chưa có Tổ bảo vệ ANTT trong kỳ.");
      return TRUE;
    }
  ranks = g_new0 (TeamRank, n_units);
  for (guint i = 0; i < n_units; i++)
    {
      ranks[i].unit = &units[i];
      ranks[i].met = antt_target_report_count_met (targets, ANTT_TARGET_LEVEL_TEAM, units[i].id,
                                                   &ranks[i].measured);
      ranks[i].key = antt_text_collate_key (units[i].name ? units[i].name : "");
    }
  qsort (ranks, n_units, sizeof *ranks, (GCompareFunc) compare_ranks);

  table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
  antt_doc_table_set_align (table, 0, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 2, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 3, ANTT_ALIGN_CENTER);
  antt_doc_table_add_header (table, header);
  for (guint i = 0; i < n_units; i++)
    {
      g_autofree char *s_rank = NULL, *s_met = NULL, *pct = NULL;

      if (i == 0 || ranks[i].met != ranks[i - 1].met || ranks[i].measured != ranks[i - 1].measured)
        rank = i + 1;
      s_rank = g_strdup_printf ("%u", rank);
      s_met = g_strdup_printf ("%u/%u", ranks[i].met, ranks[i].measured);
      pct = fmt_pct (ranks[i].measured ? 100.0 * ranks[i].met / ranks[i].measured : 0);
      ADD_ROW (table, s_rank, ranks[i].unit->name, s_met, pct);
    }
  for (guint i = 0; i < n_units; i++)
    g_free (ranks[i].key);
  return TRUE;
}

static gboolean
add_awards_proposed (Ctx           *ctx,
                     AnttDocument  *doc,
                     GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  const double widths[] = { 0.7, 5.0, 1.5, 1.5 };
  const char *header[] = { "STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", NULL };
  AnttDocTable *table = NULL;
  guint stt = 0, total_c = 0, total_i = 0;
  int rc;

  stmt = antt_database_prepare_bind (ctx->db, error,
                              "SELECT a.name, sum (n.nominee_kind = 'collective'),"
                              " sum (n.nominee_kind = 'individual') FROM nominations n"
                              " JOIN award_levels a ON a.id = n.award_level_id"
                              " WHERE n.phase_id = ?1 AND n.status IN ('proposed', 'approved')"
                              " GROUP BY a.id ORDER BY a.ordinal, a.id", "i", ctx->phase.id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = antt_report_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *s_stt = g_strdup_printf ("%u", ++stt);
      g_autofree char *s_c = g_strdup_printf ("%02d", sqlite3_column_int (stmt, 1));
      g_autofree char *s_i = g_strdup_printf ("%02d", sqlite3_column_int (stmt, 2));

      if (table == NULL)
        {
          antt_document_add_bodyf (doc, "Căn cứ kết quả thực hiện phong trào thi đua, %s đề nghị "
                                   "khen thưởng như sau (có danh sách kèm theo):",
                                   ctx->commune.agency_text);
          table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
          for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
            if (c != 1)
              antt_doc_table_set_align (table, c, ANTT_ALIGN_CENTER);
          antt_doc_table_add_header (table, header);
        }
      total_c += (guint) sqlite3_column_int (stmt, 1);
      total_i += (guint) sqlite3_column_int (stmt, 2);
      ADD_ROW (table, s_stt, antt_report_text (stmt, 0), s_c, s_i);
    }
  if (rc < 0)
    return FALSE;
  if (table == NULL)
    antt_document_add_body (doc, "Chưa có đề nghị khen thưởng trong kỳ.");
  else
    {
      g_autofree char *s_c = g_strdup_printf ("%02u", total_c);
      g_autofree char *s_i = g_strdup_printf ("%02u", total_i);
      ADD_ROW (table, "", "Tổng cộng", s_c, s_i);
    }
  return TRUE;
}

static gboolean
add_clerk_text (Ctx                *ctx,
                AnttDocument       *doc,
                AnttReportSection   section,
                const char         *placeholder,
                GError            **error)
{
  g_autofree char *text = antt_report_texts_get (ctx->db, ctx->phase.id, section, error);

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  if (text[0] != '\0')
    antt_document_add_body (doc, text);
  else if (placeholder != NULL)
    antt_document_add_body (doc, placeholder);
  return TRUE;
}

/* The table of targets T1–T16 for the commune: code, the plan's wording,
 * threshold, value, state. Counts the states and lists the failing codes. */
static void
add_targets_table (AnttDocument      *doc,
                   AnttTargetReport  *targets,
                   guint             *met,
                   guint             *not_met,
                   guint             *at_risk,
                   guint             *no_data,
                   GString           *failing)
{
  guint n_targets;

  const double widths[] = { 0.75, 4.6, 1.45, 1.9, 1.35 };
  const char *header[] = { "Mã", "Chỉ tiêu", "Yêu cầu", "Kết quả", "Đánh giá", NULL };
  AnttDocTable *table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);

  antt_doc_table_set_font_size (table, 12.0);
  antt_doc_table_set_align (table, 0, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 2, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 3, ANTT_ALIGN_CENTER);
  antt_doc_table_set_align (table, 4, ANTT_ALIGN_CENTER);
  antt_doc_table_add_header (table, header);

  n_targets = antt_target_report_get_n_targets (targets);
  for (guint i = 0; i < n_targets; i++)
    {
      const char *code = antt_target_report_get_code (targets, i);
      const AnttTargetResult *r = antt_target_report_lookup (targets, code,
                                                             ANTT_TARGET_LEVEL_COMMUNE, 0);
      g_autofree char *value = NULL, *threshold = NULL;

      if (r == NULL)
        continue;
      value = target_value (r);
      threshold = target_threshold (r);
      ADD_ROW (table, r->code, r->title, threshold, value, state_vi (r->state));
      switch (r->state)
        {
        case ANTT_TARGET_STATE_MET:
          (*met)++;
          break;
        case ANTT_TARGET_STATE_NOT_MET:
          (*not_met)++;
          g_string_append_printf (failing, "%s%s", failing->len ? ", " : "", r->code);
          break;
        case ANTT_TARGET_STATE_AT_RISK:
          (*at_risk)++;
          g_string_append_printf (failing, "%s%s", failing->len ? ", " : "", r->code);
          break;
        case ANTT_TARGET_STATE_NO_DATA:
        default:
          (*no_data)++;
          break;
        }
    }
}

static AnttDocument *
build_review_report (Ctx       *ctx,
                     gboolean   final,
                     GError   **error)
{
  g_auto(AnttDocNumber) number = { 0 };
  g_autoptr(AnttDocument) doc = NULL;
  g_autoptr(AnttTargetReport) targets = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autofree char *key = doc_key (final ? "final_report" : "interim_report", ctx->phase.id, 0, 0);
  g_autofree char *subtitle = review_and_campaign (&ctx->phase);
  g_autofree char *subject = lower_first (subtitle);
  g_autofree char *meta = g_strdup_printf ("Báo cáo %s", subject);
  g_autofree char *from_shown = NULL;
  g_autofree char *to_shown = NULL;
  g_autofree char *campaign_lower = lower_first (ctx->phase.campaign_name);
  const char *from = final ? ctx->phase.campaign_start : ctx->phase.start;
  const char *to = final ? ctx->phase.campaign_end : ctx->phase.end;
  const char *default_recipients[] = { "BCĐ 138 huyện (b/c)", "Công an huyện (b/c)",
                                       "TT Đảng ủy – HĐND xã (b/c)", "Các thành viên BCĐ ANTT xã",
                                       NULL };
  AnttSignature sig = commune_signature (ctx);
  gint64 teams, members, trainings, activities, tips, tips_force, incidents, callouts, patrols,
         cases, visits, deeds, commendations, models, examples;
  const AnttTargetResult *t1, *t2, *t6, *t11, *t12;
  guint met = 0, not_met = 0, no_data = 0, at_risk = 0;
  g_autoptr(GString) failing = g_string_new (NULL);

  doc = new_document (ctx, meta, "BC", key, NULL, &number, error);
  if (doc == NULL)
    return NULL;
  antt_document_set_subject (doc, subtitle);

  /* Measured as of the report's date: what the report says on that day. */
  targets = antt_targets_evaluate (ctx->db, ctx->phase.campaign_id, from, to, number.issued_date,
                                   error);
  if (targets == NULL)
    return NULL;

  t1 = antt_target_report_lookup (targets, "T1", ANTT_TARGET_LEVEL_COMMUNE, 0);
  t2 = antt_target_report_lookup (targets, "T2", ANTT_TARGET_LEVEL_COMMUNE, 0);
  t6 = antt_target_report_lookup (targets, "T6", ANTT_TARGET_LEVEL_COMMUNE, 0);
  t11 = antt_target_report_lookup (targets, "T11", ANTT_TARGET_LEVEL_COMMUNE, 0);
  t12 = antt_target_report_lookup (targets, "T12", ANTT_TARGET_LEVEL_COMMUNE, 0);

  /* What the targets counted already is taken from them, so that the
   * figures and the targets of the report cannot disagree: tips (T1),
   * incidents (T2), members (T12), cases supported (T11). */
  tips = t1 ? t1->denominator : count_records (ctx, "tips", from, to, NULL, NULL, 0, error);
  tips_force = t1 ? t1->numerator
                  : count_records (ctx, "tips", from, to, "via_force", NULL, 1, error);
  incidents = t2 ? t2->denominator
                 : count_records (ctx, "incidents", from, to, NULL, NULL, 0, error);
  members = t12 ? t12->denominator
                : count_records (ctx, "members", from, to, NULL, NULL, 0, error);
  cases = t11 && t11->denominator > 0
          ? t11->denominator
          : count_records (ctx, "reintegration_cases", from, to, NULL, NULL, 0, error);
  teams = count_records (ctx, "teams", from, to, NULL, NULL, 0, error);
  trainings = count_records (ctx, "trainings", from, to, NULL, NULL, 0, error);
  activities = count_records (ctx, "political_activities", from, to, NULL, NULL, 0, error);
  callouts = count_records (ctx, "callouts", from, to, NULL, NULL, 0, error);
  patrols = count_records (ctx, "patrols", from, to, NULL, NULL, 0, error);
  visits = count_records (ctx, "reintegration_visits", from, to, NULL, NULL, 0, error);
  models = count_records (ctx, "models", from, to, "kind", "model", 0, error);
  /* Good deeds and commendations in one pass over the table. */
  {
    g_autoptr(AnttStatement) stmt = antt_database_prepare_bind (ctx->db, error,
                                                         "SELECT total (kind = 'good_deed'),"
                                                         " total (kind = 'commendation')"
                                                         " FROM good_deeds WHERE date BETWEEN ?1 AND ?2",
                                                         "ss", from, to);

    deeds = commendations = -1;
    if (stmt != NULL && antt_report_step (ctx->db, stmt, error) == SQLITE_ROW)
      {
        deeds = sqlite3_column_int64 (stmt, 0);
        commendations = sqlite3_column_int64 (stmt, 1);
      }
  }
  examples = scalar (ctx->db, error,
                     "SELECT count(*) FROM models WHERE kind = 'example'"
                     " AND recognition_level IN ('district', 'province', 'ministry', 'state')"
                     " AND recognised_date BETWEEN ?1 AND ?2", "ss", from, to);
  if (teams < 0 || members < 0 || trainings < 0 || activities < 0 || tips < 0 || tips_force < 0 ||
      incidents < 0 || callouts < 0 || patrols < 0 || cases < 0 || visits < 0 || deeds < 0 ||
      commendations < 0 || models < 0 || examples < 0)
    return NULL;

  antt_document_add_title (doc, "BÁO CÁO", subtitle);

  from_shown = display_date (from);
  to_shown = display_date (to);
  {
    g_autofree char *plan = NULL;
    g_autofree char *review_lower = lower_first (final ? "tổng kết phong trào thi đua"
                                                       : ctx->phase.review_name);

    if (ctx->phase.plan_number[0] != '\0')
      {
        g_autofree char *plan_date = ctx->phase.plan_date ? display_date (ctx->phase.plan_date) : NULL;
        plan = g_strdup_printf ("Kế hoạch số %s%s%s%s%s", ctx->phase.plan_number,
                                plan_date ? " ngày " : "", plan_date ? plan_date : "",
                                ctx->phase.issuer[0] ? " của " : "", ctx->phase.issuer);
      }
    antt_document_add_bodyf (doc, "Thực hiện %s về việc triển khai thực hiện %s, %s báo cáo kết quả "
                             "%s (từ ngày %s đến ngày %s) như sau:",
                             plan ? plan : "kế hoạch", campaign_lower, ctx->commune.agency_text,
                             review_lower, from_shown, to_shown);
  }

  antt_document_add_heading (doc, "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA");
  antt_document_add_heading (doc, "1. Tình hình chung");
  {
    g_autofree char *s_members = fmt_int (members);

    antt_document_add_bodyf (doc, "Trong kỳ, trên địa bàn xã có %02" G_GINT64_FORMAT " Tổ bảo vệ "
                             "ANTT với %s thành viên tham gia hoạt động; tổ chức %02" G_GINT64_FORMAT
                             " lớp tập huấn và %02" G_GINT64_FORMAT " buổi sinh hoạt chính trị cho "
                             "lực lượng.", teams, s_members, trainings, activities);
  }
  if (!add_clerk_text (ctx, doc, ANTT_REPORT_SECTION_RESULTS, NULL, error))
    return NULL;

  antt_document_add_heading (doc, "2. Kết quả các mặt công tác");
  {
    const double widths[] = { 0.7, 4.4, 1.4, 3.3 };
    const char *header[] = { "STT", "Nội dung", "Số lượng", "Ghi chú", NULL };
    AnttDocTable *table = antt_document_add_table (doc, G_N_ELEMENTS (widths), widths);
    g_autofree char *n1 = fmt_int (tips), *n2 = fmt_int (incidents), *n3 = fmt_int (callouts);
    g_autofree char *n4 = fmt_int (patrols), *n5 = fmt_int (cases), *n6 = fmt_int (deeds);
    g_autofree char *n7 = fmt_int (commendations), *n8 = fmt_int (models), *n9 = fmt_int (examples);
    g_autofree char *note1 = NULL, *note2 = NULL, *note3 = NULL, *note5 = NULL;
    g_autofree char *pct1 = fmt_pct (tips ? 100.0 * tips_force / tips : 0);
    g_autofree char *force1 = fmt_int (tips_force);

    note1 = g_strdup_printf ("Qua lực lượng tham gia bảo vệ ANTT: %s (%s%%)", force1, pct1);
    note2 = g_strdup_printf ("Có lực lượng tham gia giải quyết: %" G_GINT64_FORMAT,
                             t2 ? t2->numerator : 0);
    note3 = g_strdup_printf ("Có mặt kịp thời: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " vụ được huy động",
                             t6 ? t6->numerator : 0, t6 ? t6->denominator : 0);
    {
      g_autofree char *v = fmt_int (visits);
      note5 = g_strdup_printf ("%s lượt giúp đỡ; tái phạm: %" G_GINT64_FORMAT, v,
                               t11 ? t11->numerator : 0);
    }

    for (guint c = 0; c < 3; c += 2)
      antt_doc_table_set_align (table, c, ANTT_ALIGN_CENTER);
    antt_doc_table_add_header (table, header);
    ADD_ROW (table, "1", "Nguồn tin về an ninh, trật tự tiếp nhận", n1, note1);
    ADD_ROW (table, "2", "Vụ, việc về an ninh, trật tự", n2, note2);
    ADD_ROW (table, "3", "Vụ cháy, cứu nạn, cứu hộ", n3, note3);
    ADD_ROW (table, "4", "Lượt tuần tra bảo đảm ANTT, an toàn giao thông", n4, "");
    ADD_ROW (table, "5", "Người được giúp đỡ tái hòa nhập cộng đồng", n5, note5);
    ADD_ROW (table, "6", "Việc tốt", n6, "");
    ADD_ROW (table, "7", "Cá nhân được biểu dương, khen thưởng", n7, "");
    ADD_ROW (table, "8", "Mô hình xây dựng trong kỳ", n8, "");
    ADD_ROW (table, "9", "Điển hình tiên tiến được Công an huyện trở lên ghi nhận",
                             n9, "");
  }

  antt_document_add_heading (doc, "3. Kết quả thực hiện các chỉ tiêu thi đua");
  {
    add_targets_table (doc, targets, &met, &not_met, &at_risk, &no_data, failing);
    antt_document_add_bodyf (doc, "Kết quả: đạt %02u/%02u chỉ tiêu có số liệu; %02u chỉ tiêu chưa đạt; "
                             "%02u chỉ tiêu chưa có số liệu.", met, met + not_met + at_risk,
                             not_met + at_risk, no_data);
  }

  antt_document_add_heading (doc, "4. Xếp hạng các Tổ bảo vệ ANTT theo số chỉ tiêu đạt");
  add_team_ranking (doc, targets);

  antt_document_add_heading (doc, "II. TỒN TẠI, HẠN CHẾ");
  if (failing->len > 0)
    antt_document_add_bodyf (doc, "Còn %02u chỉ tiêu thi đua chưa đạt (%s).", not_met + at_risk,
                             failing->str);
  if (!add_clerk_text (ctx, doc, ANTT_REPORT_SECTION_SHORTCOMINGS,
                       failing->len > 0 ? NULL : DOTS, error))
    return NULL;

  antt_document_add_heading (doc, "III. CÔNG TÁC KHEN THƯỞNG");
  if (!add_awards_proposed (ctx, doc, error))
    return NULL;

  antt_document_add_heading (doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ");
  if (!add_clerk_text (ctx, doc, ANTT_REPORT_SECTION_PROPOSALS, DOTS, error))
    return NULL;

  antt_document_add_bodyf (doc, "Trên đây là báo cáo %s của %s./.", subject, ctx->commune.agency_text);

  recipients = recipients_for (ctx, final ? "final_report" : "interim_report", 0, default_recipients,
                               error);
  if (recipients == NULL)
    return NULL;
  antt_document_add_closing (doc, (const char *const *) recipients, NULL, &sig);
  return g_steal_pointer (&doc);
}

/* Public ------------------------------------------------------------------------- */

static const AnttReportOptions no_options = { 0, 0, 0, 0, NULL };

/**
 * antt_report_build:
 * @options: (nullable): which review, award, meeting or nomination, and the date
 *
 * Builds one document.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
AnttDocument *
antt_report_build (AnttDatabase             *db,
                   AnttReportKind            kind,
                   const AnttReportOptions  *options,
                   GError                  **error)
{
  g_auto(Ctx) ctx = { 0 };
  gint64 phase_id, award_id;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  if (options == NULL)
    options = &no_options;

  switch (kind)
    {
    case ANTT_REPORT_KIND_INTERIM:
    case ANTT_REPORT_KIND_FINAL:
      phase_id = review_for_report (db, kind == ANTT_REPORT_KIND_FINAL ? "final" : "interim",
                                    options->phase_id, error);
      if (phase_id == 0 || !ctx_init (&ctx, db, phase_id, options, error))
        return NULL;
      return build_review_report (&ctx, kind == ANTT_REPORT_KIND_FINAL, error);

    case ANTT_REPORT_KIND_NOMINEES:
    case ANTT_REPORT_KIND_PROPOSAL:
      if ((phase_id = review_for_nominations (db, options->phase_id, error)) == 0 ||
          (award_id = award_for_nominations (db, phase_id, options->award_level_id, error)) == 0 ||
          !ctx_init (&ctx, db, phase_id, options, error))
        return NULL;
      return kind == ANTT_REPORT_KIND_NOMINEES ? build_nominees (&ctx, award_id, error)
                                               : build_proposal (&ctx, award_id, error);

    case ANTT_REPORT_KIND_MINUTES:
      {
        g_auto(Meeting) meeting = { 0 };
        gint64 meeting_id = options->meeting_id;

        if (meeting_id <= 0)
          {
            if ((phase_id = review_for_nominations (db, options->phase_id, error)) == 0)
              return NULL;
            meeting_id = latest_meeting (db, phase_id, options->award_level_id, error);
            if (meeting_id < 0)
              return NULL;
            if (meeting_id == 0)
              {
                g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                             _("The award committee has not met for this review yet."));
                return NULL;
              }
          }
        if (!load_meeting (db, meeting_id, &meeting, error) ||
            !ctx_init (&ctx, db, meeting.phase_id, options, error))
          return NULL;
        return build_minutes (&ctx, &meeting, error);
      }

    case ANTT_REPORT_KIND_ACHIEVEMENT:
      {
        g_autoptr(Nominee) nominee = NULL;

        if (options->nomination_id <= 0)
          {
            g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID,
                         _("Say which nomination the achievement report is for."));
            return NULL;
          }
        if ((nominee = load_nominee (db, options->nomination_id, error)) == NULL ||
            !ctx_init (&ctx, db, nominee->phase_id, options, error))
          return NULL;
        return build_achievement (&ctx, nominee, error);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * antt_report_build_dossier:
 * @options: (nullable): the review (or the only one with nominations) and
 *   the award (or every award with nominations in it)
 *
 * The dossier of a review, for each award: the proposal, the list, the
 * committee's minutes (if it met), and each nominee's achievement report.
 *
 * Returns: (transfer full) (element-type AnttDocument): %NULL with @error set
 */
GPtrArray *
antt_report_build_dossier (AnttDatabase             *db,
                           const AnttReportOptions  *options,
                           GError                  **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_document_free);
  g_autoptr(GArray) awards = NULL;
  g_autoptr(GHashTable) meetings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(Ctx) ctx = { 0 };
  gint64 phase_id;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  if (options == NULL)
    options = &no_options;

  if ((phase_id = review_for_nominations (db, options->phase_id, error)) == 0 ||
      !ctx_init (&ctx, db, phase_id, options, error))
    return NULL;
  if (options->award_level_id > 0)
    {
      awards = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (awards, options->award_level_id);
    }
  else if ((awards = awards_with_nominations (db, phase_id, error)) == NULL)
    return NULL;
  if (awards->len == 0)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("No nomination is proposed in this review."));
      return NULL;
    }

  for (guint a = 0; a < awards->len; a++)
    {
      gint64 award_id = g_array_index (awards, gint64, a);
      g_autoptr(GPtrArray) nominees = NULL;
      AnttDocument *doc;
      gint64 meeting_id;

      if ((doc = build_proposal (&ctx, award_id, error)) == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
      if ((doc = build_nominees (&ctx, award_id, error)) == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);

      meeting_id = latest_meeting (db, phase_id, award_id, error);
      if (meeting_id < 0)
        return NULL;
      if (meeting_id > 0 && !g_hash_table_contains (meetings, &meeting_id))
        {
          g_auto(Meeting) meeting = { 0 };

          g_hash_table_add (meetings, g_memdup2 (&meeting_id, sizeof meeting_id));
          if (!load_meeting (db, meeting_id, &meeting, error) ||
              (doc = build_minutes (&ctx, &meeting, error)) == NULL)
            return NULL;
          g_ptr_array_add (docs, doc);
        }

      if ((nominees = load_nominees (db, phase_id, award_id, error)) == NULL)
        return NULL;
      for (guint i = 0; i < nominees->len; i++)
        {
          if ((doc = build_achievement (&ctx, g_ptr_array_index (nominees, i), error)) == NULL)
            return NULL;
          g_ptr_array_add (docs, doc);
        }
    }
  return g_steal_pointer (&docs);
}

/* "Báo cáo thành tích: Nguyễn Văn Đức" → "bao-cao-thanh-tich-nguyen-van-duc" */
static char *
file_slug (const char *title)
{
  g_autofree char *folded = antt_text_fold (title);
  GString *slug = g_string_new (NULL);

  for (const char *p = folded; *p != '\0' && slug->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

/**
 * antt_report_write_dossier:
 * @path: a file ending in ".pdf" for one PDF of every document (each with
 *   a bookmark), or a folder (created if needed) for one PDF each,
 *   numbered in the dossier's order
 */
gboolean
antt_report_write_dossier (AnttDatabase             *db,
                           const AnttReportOptions  *options,
                           const char               *path,
                           GError                  **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((docs = antt_report_build_dossier (db, options, error)) == NULL)
    return FALSE;

  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    {
      AnttDocument *first = g_ptr_array_index (docs, 0);
      g_autofree char *title = g_strdup_printf ("Hồ sơ đề nghị khen thưởng – %s",
                                                antt_document_get_title (first));

      return antt_documents_write_pdf ((AnttDocument *const *) docs->pdata, docs->len, title,
                                       antt_document_get_author (first), path, error);
    }

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      AnttDocument *doc = g_ptr_array_index (docs, i);
      g_autofree char *slug = file_slug (antt_document_get_title (doc));
      g_autofree char *name = g_strdup_printf ("%02u-%s.pdf", i + 1, slug);
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (!antt_document_write_pdf (doc, file, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * antt_report_export_list:
 * @list: "nominee-list" (the danh sách of a review and award),
 *   "target-results" (T1–T16 for the commune) or "team-ranking"
 * @options: (nullable): the review and award; for the targets, the phase
 *   (none: the whole movement) and the date they are measured on
 * @path: the CSV file
 *
 * Writes a list exactly as the documents print it, as CSV. Unlike the
 * documents, it takes no number from the register.
 */
gboolean
antt_report_export_list (AnttDatabase             *db,
                         const char               *list,
                         const AnttReportOptions  *options,
                         const char               *path,
                         GError                  **error)
{
  g_autoptr(AnttDocument) doc = antt_document_new (list);
  g_auto(Ctx) ctx = { 0 };

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (list != NULL && path != NULL, FALSE);
  if (options == NULL)
    options = &no_options;

  if (g_str_equal (list, "nominee-list"))
    {
      g_auto(Award) award = { 0 };
      g_autoptr(GPtrArray) nominees = NULL;
      gint64 phase_id, award_id;

      if ((phase_id = review_for_nominations (db, options->phase_id, error)) == 0 ||
          (award_id = award_for_nominations (db, phase_id, options->award_level_id, error)) == 0 ||
          !ctx_init (&ctx, db, phase_id, options, error) ||
          !load_award (db, award_id, &award, error) ||
          (nominees = load_nominees (db, phase_id, award_id, error)) == NULL ||
          !add_nominee_table (&ctx, doc, &award, nominees, error))
        return FALSE;
    }
  else if (g_str_equal (list, "target-results") || g_str_equal (list, "team-ranking"))
    {
      g_autoptr(AnttTargetReport) targets = NULL;
      g_autofree char *today = options->date_iso ? g_strdup (options->date_iso)
                                                 : antt_date_today_iso ();
      gint64 phase_id = review_for_report (db, "final", options->phase_id, error);

      if (phase_id == 0 || !ctx_init (&ctx, db, phase_id, options, error))
        return FALSE;
      targets = antt_targets_evaluate (db, ctx.phase.campaign_id,
                                       options->phase_id ? ctx.phase.start : ctx.phase.campaign_start,
                                       options->phase_id ? ctx.phase.end : ctx.phase.campaign_end,
                                       today, error);
      if (targets == NULL)
        return FALSE;
      if (g_str_equal (list, "team-ranking"))
        add_team_ranking (doc, targets);
      else
        {
          g_autoptr(GString) failing = g_string_new (NULL);
          guint met = 0, not_met = 0, at_risk = 0, no_data = 0;

          add_targets_table (doc, targets, &met, &not_met, &at_risk, &no_data, failing);
        }
    }
  else
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID,
                   _("There is no list “%s”."), list);
      return FALSE;
    }

  if (antt_document_get_n_tables (doc) == 0)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                   _("The list is empty: there are no teams in this period."));
      return FALSE;
    }
  return antt_csv_export_doc_table (antt_document_get_table (doc, 0), path, error);
}
