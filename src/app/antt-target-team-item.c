/* antt-target-team-item.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-display.h"
#include "antt-target-team-item.h"

struct _AnttTargetTeamItem
{
  GObject         parent_instance;

  gint64          team_id;
  char           *name;
  char           *name_key;
  guint           rank;
  guint           met;
  guint           measured;
  guint           n_months;
  guint8         *month_states;  /* AnttMonthState */
  guint          *month_deeds;
};

G_DEFINE_FINAL_TYPE (AnttTargetTeamItem, antt_target_team_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NAME_KEY,
  PROP_RANK,
  PROP_RANK_TEXT,
  PROP_MET_TEXT,
  PROP_FRACTION,
  PROP_MONTHS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * antt_target_format_month:
 *
 * Returns: "08/2024"
 */
char *
antt_target_format_month (guint year,
                          guint month)
{
  return g_strdup_printf ("%02u/%04u", month, year);
}

static void
antt_target_team_item_finalize (GObject *object)
{
  AnttTargetTeamItem *self = ANTT_TARGET_TEAM_ITEM (object);

  g_free (self->name);
  g_free (self->name_key);
  g_free (self->month_states);
  g_free (self->month_deeds);

  G_OBJECT_CLASS (antt_target_team_item_parent_class)->finalize (object);
}

static void
antt_target_team_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnttTargetTeamItem *self = ANTT_TARGET_TEAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_NAME_KEY:
      g_value_set_string (value, self->name_key);
      break;

    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;

    case PROP_RANK_TEXT:
      g_value_take_string (value, antt_display_count (self->rank));
      break;

    case PROP_MET_TEXT:
      /* Translators: targets met of those measured for a team: "12/15" */
      g_value_take_string (value, g_strdup_printf (_("%u/%u"), self->met, self->measured));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->measured ? (double) self->met / self->measured : 0);
      break;

    case PROP_MONTHS_TEXT:
      g_value_take_string (value, antt_target_team_item_dup_months_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_target_team_item_class_init (AnttTargetTeamItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = antt_target_team_item_finalize;
  object_class->get_property = antt_target_team_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_KEY] =
    g_param_spec_string ("name-key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK_TEXT] =
    g_param_spec_string ("rank-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MET_TEXT] =
    g_param_spec_string ("met-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTHS_TEXT] =
    g_param_spec_string ("months-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
antt_target_team_item_init (AnttTargetTeamItem *self)
{
}

static int
compare_months (gconstpointer a,
                gconstpointer b)
{
  guint ma = *(const guint *) a, mb = *(const guint *) b;

  return (ma > mb) - (ma < mb);
}

/**
 * antt_target_team_items_new:
 * @team_id: one team, or 0 for every team of the period
 * @months: (out) (optional) (transfer full): the months of T16 in the
 *   period, as year × 12 + month − 1, in order
 *
 * Returns: (transfer full): the teams, best ranked first, with their
 *   months of T16
 */
GListStore *
antt_target_team_items_new (AnttTargetEvaluation  *evaluation,
                            gint64                 team_id,
                            GArray               **months)
{
  g_autoptr(GHashTable) month_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) team_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) month_list = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gpointer *items = NULL;
  const AnttTeamMonth *team_months;
  const AnttTeamRank *ranking;
  GListStore *store;
  guint n_team_months, n_teams, n_items = 0;

  g_return_val_if_fail (evaluation != NULL, NULL);

  /* The months: those any team has, in order. */
  team_months = antt_target_evaluation_get_team_months (evaluation, &n_team_months);
  for (guint i = 0; i < n_team_months; i++)
    {
      guint ym = team_months[i].year * 12 + team_months[i].month - 1;

      if (!g_hash_table_contains (month_index, GUINT_TO_POINTER (ym + 1)))
        {
          g_hash_table_add (month_index, GUINT_TO_POINTER (ym + 1));
          g_array_append_val (month_list, ym);
        }
    }
  g_array_sort (month_list, compare_months);
  g_hash_table_remove_all (month_index);
  for (guint m = 0; m < month_list->len; m++)
    g_hash_table_insert (month_index, GUINT_TO_POINTER (g_array_index (month_list, guint, m) + 1),
                         GUINT_TO_POINTER (m));

  ranking = antt_target_evaluation_get_ranking (evaluation, &n_teams);
  items = g_new0 (gpointer, MAX (n_teams, 1));
  for (guint t = 0; t < n_teams; t++)
    {
      AnttTargetTeamItem *item;

      if (team_id != 0 && ranking[t].team_id != team_id)
        continue;

      item = g_object_new (ANTT_TYPE_TARGET_TEAM_ITEM, NULL);
      item->team_id = ranking[t].team_id;
      item->name = g_strdup (ranking[t].name ? ranking[t].name : "");
      item->name_key = g_strdup (ranking[t].name_key ? ranking[t].name_key : "");
      item->rank = ranking[t].rank;
      item->met = ranking[t].met;
      item->measured = ranking[t].measured;
      item->n_months = month_list->len;
      item->month_states = g_new0 (guint8, MAX (month_list->len, 1));
      item->month_deeds = g_new0 (guint, MAX (month_list->len, 1));
      g_hash_table_insert (team_index, &item->team_id, item);
      items[n_items++] = item;
    }

  for (guint i = 0; i < n_team_months; i++)
    {
      const AnttTeamMonth *tm = &team_months[i];
      AnttTargetTeamItem *item = g_hash_table_lookup (team_index, &tm->team_id);
      guint m;

      if (item == NULL)
        continue;
      m = GPOINTER_TO_UINT (g_hash_table_lookup (month_index,
                                                 GUINT_TO_POINTER (tm->year * 12 + tm->month)));
      item->month_deeds[m] = tm->n_deeds;
      if (tm->n_deeds > 0)
        item->month_states[m] = ANTT_MONTH_MET;
      else if (tm->counted)
        item->month_states[m] = ANTT_MONTH_EMPTY;
      else
        item->month_states[m] = ANTT_MONTH_PENDING;
    }

  store = g_list_store_new (ANTT_TYPE_TARGET_TEAM_ITEM);
  g_list_store_splice (store, 0, 0, items, n_items);
  for (guint i = 0; i < n_items; i++)
    g_object_unref (items[i]);

  if (months != NULL)
    *months = g_steal_pointer (&month_list);
  return store;
}

gint64
antt_target_team_item_get_team_id (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  return self->team_id;
}

const char *
antt_target_team_item_get_name (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), NULL);
  return self->name;
}

/**
 * antt_target_team_item_get_name_key:
 *
 * Returns: the key that sorts the name in Vietnamese order with strcmp()
 */
const char *
antt_target_team_item_get_name_key (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), NULL);
  return self->name_key;
}

guint
antt_target_team_item_get_rank (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  return self->rank;
}

guint
antt_target_team_item_get_met (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  return self->met;
}

guint
antt_target_team_item_get_measured (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  return self->measured;
}

guint
antt_target_team_item_get_n_months (AnttTargetTeamItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  return self->n_months;
}

AnttMonthState
antt_target_team_item_get_month_state (AnttTargetTeamItem *self,
                                       guint               month)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), ANTT_MONTH_ABSENT);
  g_return_val_if_fail (month < self->n_months, ANTT_MONTH_ABSENT);
  return self->month_states[month];
}

guint
antt_target_team_item_get_month_deeds (AnttTargetTeamItem *self,
                                       guint               month)
{
  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), 0);
  g_return_val_if_fail (month < self->n_months, 0);
  return self->month_deeds[month];
}

/**
 * antt_target_team_item_dup_months_text:
 *
 * Returns: the months met of those judged: "11/12"
 */
char *
antt_target_team_item_dup_months_text (AnttTargetTeamItem *self)
{
  guint met = 0, judged = 0;

  g_return_val_if_fail (ANTT_IS_TARGET_TEAM_ITEM (self), NULL);

  for (guint m = 0; m < self->n_months; m++)
    {
      met += self->month_states[m] == ANTT_MONTH_MET;
      judged += self->month_states[m] == ANTT_MONTH_MET || self->month_states[m] == ANTT_MONTH_EMPTY;
    }
  /* Translators: months with a good deed of the months judged: "11/12" */
  return g_strdup_printf (_("%u/%u"), met, judged);
}
