/* antt-target-ranking.c
 *
 * Like the T16 grid (antt-target-month-grid.c), each row is one widget
 * that draws rank, team, targets met and a bar: GTK 4.8's list views make
 * up to two hundred rows ahead, and a column view's rows of labels took a
 * visible fraction of a second to fill with a province's teams. Each row
 * reads to a screen reader as one sentence; activating one emits
 * ::team-activated with the team's id.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-display.h"
#include "antt-target-ranking.h"
#include "antt-target-team-item.h"

#define PAD_X    12.0
#define PAD_Y    7.0
#define RANK_W   40.0
#define MET_W    64.0
#define BAR_W    80.0
#define NAME_MIN 120.0
#define NAME_NAT 320.0
#define BAR_H    6.0

/* Row --------------------------------------------------------------------- */

#define ANTT_TYPE_RANK_ROW (antt_rank_row_get_type ())
G_DECLARE_FINAL_TYPE (AnttRankRow, antt_rank_row, ANTT, RANK_ROW, GtkWidget)

struct _AnttRankRow
{
  GtkWidget           parent_instance;

  AnttTargetTeamItem *item;
  gboolean            header;
};

G_DEFINE_FINAL_TYPE (AnttRankRow, antt_rank_row, GTK_TYPE_WIDGET)

struct _AnttTargetRanking
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkListView *list_view;
  GListModel  *teams;
};

G_DEFINE_FINAL_TYPE (AnttTargetRanking, antt_target_ranking, GTK_TYPE_WIDGET)

enum {
  TEAM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
name_width (GtkWidget *widget,
            double     width)
{
  return MAX (NAME_MIN, width - 2 * PAD_X - RANK_W - MET_W - BAR_W - 3 * 12);
}

static PangoLayout *
text_layout (GtkWidget  *widget,
             const char *text,
             double      width,
             int         lines)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -lines);
    }
  return layout;
}

static void
antt_rank_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  AnttRankRow *self = ANTT_RANK_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (2 * PAD_X + RANK_W + NAME_MIN + MET_W + BAR_W + 3 * 12);
      *natural = (int) (2 * PAD_X + RANK_W + NAME_NAT + MET_W + BAR_W + 3 * 12);
    }
  else
    {
      const char *name = self->item ? antt_target_team_item_get_name (self->item) : _("Team");
      g_autoptr(PangoLayout) layout = text_layout (widget, name,
                                                   name_width (widget, for_size > 0 ? for_size
                                                               : 2 * PAD_X + RANK_W + NAME_NAT
                                                                 + MET_W + BAR_W + 36), 2);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      *minimum = *natural = h + (int) (2 * PAD_Y);
    }
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       width,
           double       height,
           double       xalign)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x + (width - w) * xalign, (height - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
antt_rank_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AnttRankRow *self = ANTT_RANK_ROW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double name_w = name_width (widget, width);
  double x = PAD_X;
  g_autoptr(PangoLayout) rank = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) met = NULL;
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (!self->header && self->item == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                       &accent))
    accent = fg;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &fg);

  if (self->header)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.6);
      rank = text_layout (widget, C_("ranking", "Rank"), 0, 1);
      name = text_layout (widget, _("Team"), name_w, 1);
      met = text_layout (widget, _("Targets met"), 0, 1);
    }
  else
    {
      guint n_met = antt_target_team_item_get_met (self->item);
      guint measured = antt_target_team_item_get_measured (self->item);
      g_autofree char *rank_text = antt_display_count (antt_target_team_item_get_rank (self->item));
      /* Translators: targets met of those measured for a team: "12/15" */
      g_autofree char *met_text = g_strdup_printf (_("%u/%u"), n_met, measured);
      double bar_x = PAD_X + RANK_W + 12 + name_w + 12 + MET_W + 12;
      double bar_y = (height - BAR_H) / 2;

      rank = text_layout (widget, rank_text, 0, 1);
      name = text_layout (widget, antt_target_team_item_get_name (self->item), name_w, 2);
      met = text_layout (widget, met_text, 0, 1);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.12);
      cairo_rectangle (cr, bar_x, bar_y, BAR_W, BAR_H);
      cairo_fill (cr);
      if (measured > 0)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, bar_x, bar_y, BAR_W * n_met / measured, BAR_H);
          cairo_fill (cr);
        }
      gdk_cairo_set_source_rgba (cr, &fg);
    }

  show_text (cr, rank, x, RANK_W, height, 1);
  x += RANK_W + 12;
  show_text (cr, name, x, name_w, height, 0);
  x += name_w + 12;
  show_text (cr, met, x, MET_W, height, 1);

  cairo_destroy (cr);
}

static void
antt_rank_row_dispose (GObject *object)
{
  g_clear_object (&ANTT_RANK_ROW (object)->item);

  G_OBJECT_CLASS (antt_rank_row_parent_class)->dispose (object);
}

static void
antt_rank_row_class_init (AnttRankRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_rank_row_dispose;
  widget_class->measure = antt_rank_row_measure;
  widget_class->snapshot = antt_rank_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "rankrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
antt_rank_row_init (AnttRankRow *self)
{
}

static void
antt_rank_row_set_item (AnttRankRow        *self,
                        AnttTargetTeamItem *item)
{
  g_set_object (&self->item, item);

  if (item != NULL)
    {
      /* Translators: a row of the ranking read aloud: rank, team, targets
       * met and measured: "Rank 1: Tổ …, 14 of 16 targets met" */
      g_autofree char *label = g_strdup_printf (_("Rank %u: %s, %u of %u targets met"),
                                                antt_target_team_item_get_rank (item),
                                                antt_target_team_item_get_name (item),
                                                antt_target_team_item_get_met (item),
                                                antt_target_team_item_get_measured (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Ranking ----------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, g_object_new (ANTT_TYPE_RANK_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  antt_rank_row_set_item (ANTT_RANK_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  antt_rank_row_set_item (ANTT_RANK_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
activate_cb (AnttTargetRanking *self,
             guint              position,
             GtkListView       *view)
{
  g_autoptr(AnttTargetTeamItem) item = NULL;

  if (self->teams == NULL || position >= g_list_model_get_n_items (self->teams))
    return;
  item = g_list_model_get_item (self->teams, position);
  g_signal_emit (self, signals[TEAM_ACTIVATED], 0, antt_target_team_item_get_team_id (item));
}

static void
antt_target_ranking_dispose (GObject *object)
{
  AnttTargetRanking *self = ANTT_TARGET_RANKING (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->teams);

  G_OBJECT_CLASS (antt_target_ranking_parent_class)->dispose (object);
}

static void
antt_target_ranking_class_init (AnttTargetRankingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_target_ranking_dispose;

  /**
   * AnttTargetRanking::team-activated:
   * @team_id: the team of the row activated
   */
  signals[TEAM_ACTIVATED] =
    g_signal_new ("team-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ranking");
}

static void
antt_target_ranking_init (AnttTargetRanking *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  AnttRankRow *header = g_object_new (ANTT_TYPE_RANK_ROW, NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header->header = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (header), "caption-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rank, team, targets met"),
                                  -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (header));
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teams by targets met"),
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 380);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (self->box), scrolled);
}

GtkWidget *
antt_target_ranking_new (void)
{
  return g_object_new (ANTT_TYPE_TARGET_RANKING, NULL);
}

/**
 * antt_target_ranking_set_teams:
 * @teams: (nullable): #AnttTargetTeamItem, best ranked first
 */
void
antt_target_ranking_set_teams (AnttTargetRanking *self,
                               GListModel        *teams)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (ANTT_IS_TARGET_RANKING (self));
  g_return_if_fail (teams == NULL || G_IS_LIST_MODEL (teams));

  g_set_object (&self->teams, teams);
  if (teams != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (teams)));
  gtk_list_view_set_model (self->list_view, selection);
}

/**
 * antt_target_ranking_get_teams:
 *
 * Returns: (transfer none) (nullable): the teams shown
 */
GListModel *
antt_target_ranking_get_teams (AnttTargetRanking *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RANKING (self), NULL);
  return self->teams;
}
