/* antt-eligibility.c
 *
 * The conditions of Article 13, Law 30/2023/QH15, read from a member's
 * record. Decided here, once, for the lists, the forms and anything else
 * that shows them; the app only shows what this returns.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "antt-date.h"
#include "antt-eligibility.h"

/* The article quoted with every warning. */
#define ARTICLE_13 N_("Article 13, Law 30/2023/QH15")

/**
 * antt_eligibility_article:
 *
 * Returns: the article of the law the conditions come from, translated
 */
const char *
antt_eligibility_article (void)
{
  return _(ARTICLE_13);
}

static gboolean
has_text (const AnttRecord *record,
          const char       *column)
{
  const char *text = antt_record_has (record, column) ? antt_record_get_string (record, column)
                                                      : NULL;

  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

/**
 * antt_eligibility_check:
 * @member: a record of the members table (those of its columns that are
 *   unset are not judged)
 * @disadvantaged: whether the member's village is a disadvantaged area
 * @on_iso: the day the age is counted on, "YYYY-MM-DD"
 * @age: (out) (optional): the age on @on_iso, -1 when unknown
 *
 * Aged 18 on the 18th birthday and 70 until the day before the 71st
 * birthday: both ends are allowed.
 *
 * Returns: the conditions @member does not meet, %ANTT_ELIGIBILITY_OK for none
 */
AnttEligibility
antt_eligibility_check (const AnttRecord *member,
                        gboolean          disadvantaged,
                        const char       *on_iso,
                        int              *age)
{
  AnttEligibility warnings = ANTT_ELIGIBILITY_OK;
  const char *education;
  const char *residence;
  int years;

  g_return_val_if_fail (member != NULL, ANTT_ELIGIBILITY_OK);

  years = antt_record_has (member, "birth_date")
          ? antt_date_age_on (antt_record_get_string (member, "birth_date"), on_iso) : -1;
  education = antt_record_has (member, "education")
              ? antt_record_get_string (member, "education") : NULL;
  residence = antt_record_has (member, "residence")
              ? antt_record_get_string (member, "residence") : NULL;

  if (years >= 0 && years < ANTT_ELIGIBILITY_MIN_AGE)
    warnings |= ANTT_ELIGIBILITY_UNDER_AGE;
  if (years > ANTT_ELIGIBILITY_MAX_AGE && !has_text (member, "over_age_decision"))
    warnings |= ANTT_ELIGIBILITY_OVER_AGE;
  if (g_strcmp0 (residence, "none") == 0)
    warnings |= ANTT_ELIGIBILITY_RESIDENCE;
  if (g_strcmp0 (education, "none") == 0 ||
      (g_strcmp0 (education, "primary") == 0 && !disadvantaged))
    warnings |= ANTT_ELIGIBILITY_EDUCATION;
  /* Not known to be certified, or clear, is a warning: never silent. */
  if (antt_record_has (member, "health_certified") &&
      !antt_record_get_boolean (member, "health_certified"))
    warnings |= ANTT_ELIGIBILITY_HEALTH;
  if (antt_record_has (member, "record_clear") &&
      !antt_record_get_boolean (member, "record_clear"))
    warnings |= ANTT_ELIGIBILITY_RECORD;

  if (age != NULL)
    *age = years;
  return warnings;
}

/**
 * antt_eligibility_on_date:
 * @today_iso: today, "YYYY-MM-DD"
 *
 * Returns: (transfer none): the day a member's age is judged on: the day
 *   they left, if they did (and it is a date), or else @today_iso
 */
const char *
antt_eligibility_on_date (const AnttRecord *member,
                          const char       *today_iso)
{
  const char *left = antt_record_has (member, "left_date")
                     ? antt_record_get_string (member, "left_date") : NULL;

  return left != NULL && antt_date_parse_iso (left, NULL) ? left : today_iso;
}

/**
 * antt_eligibility_check_member:
 * @db: the file, to read the member's village
 * @today_iso: today, "YYYY-MM-DD"
 * @age: (out) (optional): the age on the day judged
 *
 * Checks @member as it stands (saved or not), on the day it left or else
 * today, in its village (disadvantaged or not).
 *
 * Returns: the conditions not met; %ANTT_ELIGIBILITY_OK with @error set
 *   when the village cannot be read
 */
AnttEligibility
antt_eligibility_check_member (AnttDatabase     *db,
                               const AnttRecord *member,
                               const char       *today_iso,
                               int              *age,
                               GError          **error)
{
  g_autoptr(AnttRecord) village = NULL;
  gboolean disadvantaged = FALSE;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), ANTT_ELIGIBILITY_OK);
  g_return_val_if_fail (member != NULL, ANTT_ELIGIBILITY_OK);

  if (antt_record_has (member, "village_id") && !antt_record_is_null (member, "village_id"))
    {
      g_autoptr(GError) local_error = NULL;

      village = antt_records_get (db, "villages", antt_record_get_int (member, "village_id"),
                                  &local_error);
      /* A village not found is the form's business (the core refuses
       * the save); only a failure to read is an error here. */
      if (village == NULL &&
          !g_error_matches (local_error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          if (age != NULL)
            *age = -1;
          return ANTT_ELIGIBILITY_OK;
        }
      disadvantaged = village != NULL && antt_record_get_boolean (village, "disadvantaged");
    }

  return antt_eligibility_check (member, disadvantaged,
                                 antt_eligibility_on_date (member, today_iso), age);
}

/**
 * antt_eligibility_count:
 *
 * Returns: how many conditions @warnings says are not met
 */
guint
antt_eligibility_count (AnttEligibility warnings)
{
  guint n = 0;

  for (guint bits = warnings; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

/**
 * antt_eligibility_messages:
 * @age: the age the check found
 *
 * Returns: (transfer full) (element-type utf8): one sentence a condition
 *   not met, each ending with the article of the law
 */
GPtrArray *
antt_eligibility_messages (AnttEligibility warnings,
                           int             age)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  const char *article = antt_eligibility_article ();

  if (warnings & ANTT_ELIGIBILITY_UNDER_AGE)
    /* Translators: %d is an age in years; the last %s is the law's article */
    g_ptr_array_add (messages,
                     g_strdup_printf (_("Aged %d: members must be 18 to 70 years old (%s)."),
                                      age, article));
  if (warnings & ANTT_ELIGIBILITY_OVER_AGE)
    /* Translators: %d is an age in years; the last %s is the law's article */
    g_ptr_array_add (messages,
                     g_strdup_printf (_("Aged %d: over 70 only with the commune chairman’s "
                                        "decision (%s)."),
                                      age, article));
  if (warnings & ANTT_ELIGIBILITY_RESIDENCE)
    g_ptr_array_add (messages,
                     g_strdup_printf (_("No permanent or temporary residence in the area (%s)."),
                                      article));
  if (warnings & ANTT_ELIGIBILITY_EDUCATION)
    g_ptr_array_add (messages,
                     g_strdup_printf (_("Education below lower secondary school; primary school "
                                        "is enough only in disadvantaged areas (%s)."),
                                      article));
  if (warnings & ANTT_ELIGIBILITY_HEALTH)
    g_ptr_array_add (messages, g_strdup_printf (_("Health not certified (%s)."), article));
  if (warnings & ANTT_ELIGIBILITY_RECORD)
    g_ptr_array_add (messages, g_strdup_printf (_("Criminal record not clear (%s)."), article));

  return messages;
}

/**
 * antt_eligibility_summary:
 *
 * Returns: the conditions not met in a few words, for a list cell; "" for none
 */
char *
antt_eligibility_summary (AnttEligibility warnings)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  if (warnings & (ANTT_ELIGIBILITY_UNDER_AGE | ANTT_ELIGIBILITY_OVER_AGE))
    g_ptr_array_add (words, _("Age"));
  if (warnings & ANTT_ELIGIBILITY_RESIDENCE)
    g_ptr_array_add (words, _("Residence"));
  if (warnings & ANTT_ELIGIBILITY_EDUCATION)
    g_ptr_array_add (words, _("Education"));
  if (warnings & ANTT_ELIGIBILITY_HEALTH)
    g_ptr_array_add (words, _("Health"));
  if (warnings & ANTT_ELIGIBILITY_RECORD)
    g_ptr_array_add (words, _("Record"));
  g_ptr_array_add (words, NULL);

  /* Translators: the separator between the words of a list */
  return g_strjoinv (_(", "), (char **) words->pdata);
}
