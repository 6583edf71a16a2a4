/* antt-target-item.c
 *
 * Shares are shown truncated to one decimal, never rounded: 17 547 of
 * 17 551 members is 99,9%, not 100,0%, since rounding up would show a
 * target of 100% as reached when it is not.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "antt-display.h"
#include "antt-target-item.h"

struct _AnttTargetItem
{
  GObject                 parent_instance;

  AnttTargetReport       *report;
  const AnttTargetResult *result;   /* of the report; NULL: not measured here */
  char                   *code;
  char                   *value_text;
  char                   *explanation;
  double                  fraction;
  gboolean                has_bar;
};

G_DEFINE_FINAL_TYPE (AnttTargetItem, antt_target_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_VALUE_TEXT,
  PROP_EXPLANATION,
  PROP_STATE_TEXT,
  PROP_FRACTION,
  PROP_HAS_BAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
decimal_comma (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "vi");
}

/**
 * antt_target_format_share:
 *
 * Returns: (nullable): @numerator / @denominator in per cent, truncated to
 *   one decimal, with a decimal comma in Vietnamese ("99,9%"); %NULL for
 *   an empty denominator
 */
char *
antt_target_format_share (gint64 numerator,
                          gint64 denominator)
{
  gint64 tenths;

  if (denominator <= 0)
    return NULL;

  /* In integers, so that no floating point error crosses a boundary. */
  tenths = (MAX (numerator, 0) * 1000) / denominator;
  return g_strdup_printf ("%" G_GINT64_FORMAT "%c%d%%", tenths / 10,
                          decimal_comma () ? ',' : '.', (int) (tenths % 10));
}

/**
 * antt_target_format_number:
 *
 * Returns: a threshold as written in the plan: "80", "82,5" in Vietnamese
 */
char *
antt_target_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value - round (value)) < 1e-9)
    return antt_display_count ((gint64) round (value));

  g_ascii_formatd (buf, sizeof buf, "%.1f", floor (value * 10 + 1e-9) / 10);
  if (decimal_comma ())
    g_strdelimit (buf, ".", ',');
  return g_strdup (buf);
}

/**
 * antt_target_comparison_symbol:
 *
 * Returns: "≥" for ">=" and the like
 */
const char *
antt_target_comparison_symbol (const char *comparison)
{
  if (g_strcmp0 (comparison, ">=") == 0)
    return "≥";
  if (g_strcmp0 (comparison, "<=") == 0)
    return "≤";
  if (g_strcmp0 (comparison, ">") == 0)
    return ">";
  if (g_strcmp0 (comparison, "<") == 0)
    return "<";
  return "=";
}

/**
 * antt_target_format_value:
 *
 * Returns: the number of @result against its threshold, such as
 *   "12/15 — 80,0% ≥ 80%" or "3 — goal = 0"
 */
char *
antt_target_format_value (const AnttTargetResult *result)
{
  g_autofree char *num = NULL;
  g_autofree char *den = NULL;
  g_autofree char *share = NULL;
  g_autofree char *threshold = NULL;
  const char *symbol;

  g_return_val_if_fail (result != NULL, NULL);

  num = antt_display_count (result->numerator);
  den = antt_display_count (result->denominator);
  threshold = antt_target_format_number (result->threshold);
  symbol = antt_target_comparison_symbol (result->comparison);

  if (g_strcmp0 (result->measure, "count") == 0)
    {
      if (result->denominator > 0)
        /* Translators: a count among a basis against the goal, such as
         * "2 of 120 — goal = 0" (people re-offending among those helped) */
        return g_strdup_printf (_("%s of %s — goal %s %s"), num, den, symbol, threshold);
      /* Translators: a count against the goal: "3 — goal = 0" */
      return g_strdup_printf (_("%s — goal %s %s"), num, symbol, threshold);
    }

  if (g_strcmp0 (result->measure, "per_village") == 0)
    {
      g_autofree char *models = NULL;

      if (result->level == ANTT_TARGET_LEVEL_VILLAGE)
        return g_strdup_printf (_("%s — goal %s %s"), num, symbol, threshold);

      share = antt_target_format_share (result->numerator, result->denominator);
      if (share == NULL)
        /* Translators: no village to measure; the goal follows: "≥ 1" */
        return g_strdup_printf (_("No villages — goal %s %s"), symbol, threshold);
      if (result->level == ANTT_TARGET_LEVEL_TEAM)
        /* Translators: villages with enough examples / villages, and the
         * share: "3/5 villages — 60,0%" */
        return g_strdup_printf (_("%s/%s villages — %s"), num, den, share);
      models = antt_display_count (result->models);
      /* Translators: "3/5 villages — 60,0%; 2 models, goal ≥ 1" */
      return g_strdup_printf (_("%s/%s villages — %s; %s models, goal %s %s"),
                              num, den, share, models, symbol, threshold);
    }

  share = antt_target_format_share (result->numerator, result->denominator);
  if (share == NULL)
    /* Translators: a share with nothing to count, and its goal: "0/0 — goal ≥ 80%" */
    return g_strdup_printf (_("%s/%s — goal %s %s%%"), num, den, symbol, threshold);
  /* Translators: a share against its threshold: "12/15 — 80,0% ≥ 80%" */
  return g_strdup_printf (_("%s/%s — %s %s %s%%"), num, den, share, symbol, threshold);
}

/**
 * antt_target_state_css_class:
 *
 * Returns: the style class of a state pill: "met", "at-risk", "not-met"
 *   or "no-data"
 */
const char *
antt_target_state_css_class (AnttTargetState state)
{
  switch (state)
    {
    case ANTT_TARGET_STATE_MET:
      return "met";
    case ANTT_TARGET_STATE_AT_RISK:
      return "at-risk";
    case ANTT_TARGET_STATE_NOT_MET:
      return "not-met";
    case ANTT_TARGET_STATE_NO_DATA:
    default:
      return "no-data";
    }
}

static void
antt_target_item_finalize (GObject *object)
{
  AnttTargetItem *self = ANTT_TARGET_ITEM (object);

  g_clear_pointer (&self->report, antt_target_report_unref);
  g_free (self->code);
  g_free (self->value_text);
  g_free (self->explanation);

  G_OBJECT_CLASS (antt_target_item_parent_class)->finalize (object);
}

static void
antt_target_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnttTargetItem *self = ANTT_TARGET_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, antt_target_item_get_title (self));
      break;

    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_STATE_TEXT:
      g_value_set_string (value, antt_target_item_get_state_text (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_HAS_BAR:
      g_value_set_boolean (value, self->has_bar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_target_item_class_init (AnttTargetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = antt_target_item_finalize;
  object_class->get_property = antt_target_item_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_TEXT] =
    g_param_spec_string ("state-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BAR] =
    g_param_spec_boolean ("has-bar", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
antt_target_item_init (AnttTargetItem *self)
{
}

/**
 * antt_target_item_new:
 * @result: (nullable): the result of @code, %NULL where the target is not
 *   measured at that level
 *
 * Returns: (transfer full): a new item
 */
AnttTargetItem *
antt_target_item_new (AnttTargetReport       *report,
                      const char             *code,
                      const AnttTargetResult *result)
{
  AnttTargetItem *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (ANTT_TYPE_TARGET_ITEM, NULL);
  self->report = antt_target_report_ref (report);
  self->result = result;
  self->code = g_strdup (code);

  if (result == NULL)
    {
      self->value_text = g_strdup ("—");
      self->explanation = g_strdup (_("Not measured at this level."));
      return self;
    }

  self->value_text = antt_target_format_value (result);
  self->explanation = antt_target_result_dup_explanation (result);

  /* A bar where there is a share to fill it; counts that must stay at 0
   * read better as the number alone. */
  if (result->denominator > 0 &&
      (g_strcmp0 (result->measure, "ratio") == 0 ||
       (g_strcmp0 (result->measure, "per_village") == 0 &&
        result->level != ANTT_TARGET_LEVEL_VILLAGE)))
    {
      gint64 tenths = (MAX (result->numerator, 0) * 1000) / result->denominator;

      self->has_bar = TRUE;
      self->fraction = CLAMP ((double) tenths / 1000.0, 0.0, 1.0);
    }

  return self;
}

/**
 * antt_target_items_new:
 * @unit_id: the team or village; ignored for the commune
 *
 * The rows of the overview: every target of @report, in the movement's
 * order, for one unit.
 *
 * Returns: (transfer full): a list of #AnttTargetItem
 */
GListStore *
antt_target_items_new (AnttTargetReport *report,
                       AnttTargetLevel   level,
                       gint64            unit_id)
{
  GListStore *store;
  guint n;
  g_autofree gpointer *items = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  store = g_list_store_new (ANTT_TYPE_TARGET_ITEM);
  n = antt_target_report_get_n_targets (report);
  items = g_new0 (gpointer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *code = antt_target_report_get_code (report, i);

      items[i] = antt_target_item_new (report, code,
                                       antt_target_report_lookup (report, code, level, unit_id));
    }
  /* One items-changed for the lot. */
  g_list_store_splice (store, 0, 0, items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);

  return store;
}

/**
 * antt_target_item_get_report:
 *
 * Returns: (transfer none): the report of the result
 */
AnttTargetReport *
antt_target_item_get_report (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return self->report;
}

/**
 * antt_target_item_get_result:
 *
 * Returns: (nullable): the result shown, which belongs to the report
 */
const AnttTargetResult *
antt_target_item_get_result (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return self->result;
}

const char *
antt_target_item_get_code (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return self->code;
}

/**
 * antt_target_item_get_title:
 *
 * Returns: the plan's wording of the target (data, in Vietnamese)
 */
const char *
antt_target_item_get_title (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);

  if (self->result != NULL)
    return self->result->title;

  /* Not measured at this level: the commune's result has the title. */
  {
    const AnttTargetResult *commune = antt_target_report_lookup (self->report, self->code,
                                                                 ANTT_TARGET_LEVEL_COMMUNE, 0);

    return commune ? commune->title : "";
  }
}

const char *
antt_target_item_get_value_text (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return self->value_text;
}

const char *
antt_target_item_get_explanation (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return self->explanation;
}

AnttTargetState
antt_target_item_get_state (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), ANTT_TARGET_STATE_NO_DATA);
  return self->result ? self->result->state : ANTT_TARGET_STATE_NO_DATA;
}

/**
 * antt_target_item_get_state_text:
 *
 * Returns: "Met", "At risk", "Not met" or "No data", translated
 */
const char *
antt_target_item_get_state_text (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return antt_target_state_to_string (antt_target_item_get_state (self));
}

const char *
antt_target_item_get_state_class (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);
  return antt_target_state_css_class (antt_target_item_get_state (self));
}

/**
 * antt_target_item_get_fraction:
 *
 * Returns: the share filled, 0–1, truncated like the text
 */
double
antt_target_item_get_fraction (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), 0);
  return self->fraction;
}

/**
 * antt_target_item_get_has_bar:
 *
 * Returns: whether the target is a share that a bar can show
 */
gboolean
antt_target_item_get_has_bar (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), FALSE);
  return self->has_bar;
}

/**
 * antt_target_item_dup_accessible_label:
 *
 * Returns: (transfer full): the row read as one sentence by a screen
 *   reader: code, title, value, state and explanation
 */
char *
antt_target_item_dup_accessible_label (AnttTargetItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (self), NULL);

  /* Translators: a target read aloud: code, title, value, state, explanation */
  return g_strdup_printf (_("%s. %s. %s. %s. %s"), self->code,
                          antt_target_item_get_title (self), self->value_text,
                          antt_target_item_get_state_text (self), self->explanation);
}
