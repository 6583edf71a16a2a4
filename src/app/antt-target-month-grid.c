/* antt-target-month-grid.c
 *
 * Teams as rows, months as columns. A province's worth of data has
 * thousands of teams, and GTK 4.8's list views make up to two hundred rows
 * ahead of those on screen: so each row is one widget that draws its team,
 * its months and its total, rather than a dozen labels (a grid of labels
 * took seconds to fill at that scale). A header drawn to the same geometry
 * names the months; the two scroll sideways together on a narrow window.
 *
 * The colour of a month only repeats its text: a count where the month is
 * met, "0" where it is over and empty, "·" where it is not over yet. Each
 * row reads to a screen reader as one sentence, month by month, and the
 * month under the pointer is in its tooltip.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "antt-display.h"
#include "antt-target-month-grid.h"
#include "antt-target-team-item.h"

#define PAD_X     12.0
#define PAD_Y     6.0
#define TEAM_MIN  140.0
#define TEAM_NAT  220.0
#define CELL_W    52.0
#define CELL_H    26.0
#define TOTAL_W   84.0

/* Row --------------------------------------------------------------------- */

#define ANTT_TYPE_MONTH_ROW (antt_month_row_get_type ())
G_DECLARE_FINAL_TYPE (AnttMonthRow, antt_month_row, ANTT, MONTH_ROW, GtkWidget)

struct _AnttMonthRow
{
  GtkWidget           parent_instance;

  AnttTargetTeamItem *item;
  GArray             *months;   /* of the grid: year × 12 + month − 1 */
};

G_DEFINE_FINAL_TYPE (AnttMonthRow, antt_month_row, GTK_TYPE_WIDGET)

/* Header ------------------------------------------------------------------ */

#define ANTT_TYPE_MONTH_HEADER (antt_month_header_get_type ())
G_DECLARE_FINAL_TYPE (AnttMonthHeader, antt_month_header, ANTT, MONTH_HEADER, GtkWidget)

struct _AnttMonthHeader
{
  GtkWidget  parent_instance;

  GArray    *months;
};

G_DEFINE_FINAL_TYPE (AnttMonthHeader, antt_month_header, GTK_TYPE_WIDGET)

/* Grid -------------------------------------------------------------------- */

struct _AnttTargetMonthGrid
{
  GtkWidget          parent_instance;

  /* Children */
  GtkWidget         *box;
  GtkWidget         *hscrolled;
  AnttMonthHeader   *header;
  GtkWidget         *vscrolled;
  GtkListView       *list_view;
  GtkWidget         *empty_label;

  /* Owned */
  GListModel        *teams;
  GArray            *months;   /* year × 12 + month − 1; shared with rows */
};

G_DEFINE_FINAL_TYPE (AnttTargetMonthGrid, antt_target_month_grid, GTK_TYPE_WIDGET)

/* Geometry and colours, shared by the rows and the header ------------------ */

static double
team_width (GtkWidget *widget,
            guint      n_months)
{
  double width = gtk_widget_get_width (widget);

  return MAX (TEAM_MIN, width - 2 * PAD_X - n_months * CELL_W - TOTAL_W);
}

static int
natural_width (guint n_months)
{
  return (int) (2 * PAD_X + TEAM_NAT + n_months * CELL_W + TOTAL_W);
}

static int
minimum_width (guint n_months)
{
  return (int) (2 * PAD_X + TEAM_MIN + n_months * CELL_W + TOTAL_W);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static char *
month_label (GArray *months,
             guint   m)
{
  guint ym = g_array_index (months, guint, m);

  return antt_target_format_month (ym / 12, ym % 12 + 1);
}

static const char *
state_text (AnttMonthState state)
{
  switch (state)
    {
    case ANTT_MONTH_MET:
      return _("met");
    case ANTT_MONTH_EMPTY:
      return _("not met");
    case ANTT_MONTH_PENDING:
      return _("month not over");
    case ANTT_MONTH_ABSENT:
    default:
      return _("team not set up yet");
    }
}

/* "08/2024: 2 good deeds or commendations, met" */
static char *
describe_month (AnttTargetTeamItem *item,
                GArray             *months,
                guint               m)
{
  g_autofree char *month = month_label (months, m);
  guint deeds = antt_target_team_item_get_month_deeds (item, m);

  /* Translators: a month of the T16 grid: the month, the good deeds and
   * commendations in it and its state: "08/2024: 2 good deeds or
   * commendations, met" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %u good deed or commendation, %s",
                                       "%s: %u good deeds or commendations, %s", deeds),
                          month, deeds,
                          state_text (antt_target_team_item_get_month_state (item, m)));
}

/* Row --------------------------------------------------------------------- */

/* The months the row can draw: those of its item, which the grid's agree
 * with once the row is bound again. */
static guint
row_n_months (AnttMonthRow *self)
{
  if (self->item == NULL || self->months == NULL)
    return 0;
  return MIN (self->months->len, antt_target_team_item_get_n_months (self->item));
}

static PangoLayout *
name_layout (AnttMonthRow *self,
             double        width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                        antt_target_team_item_get_name (self->item));

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);   /* two lines at most */
  return layout;
}

static void
antt_month_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AnttMonthRow *self = ANTT_MONTH_ROW (widget);
  guint n = self->months ? self->months->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width (n);
      *natural = natural_width (n);
    }
  else
    {
      int height = (int) CELL_H;

      if (self->item != NULL)
        {
          double team = for_size > 0 ? MAX (TEAM_MIN, for_size - 2 * PAD_X - n * CELL_W - TOTAL_W)
                                     : TEAM_NAT;
          g_autoptr(PangoLayout) layout = name_layout (self, team - 8);
          int h;

          pango_layout_get_pixel_size (layout, NULL, &h);
          height = MAX (height, h);
        }
      *minimum = *natural = height + (int) (2 * PAD_Y);
    }
}

static void
antt_month_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AnttMonthRow *self = ANTT_MONTH_ROW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) name = NULL;
  g_autofree char *total = NULL;
  g_autoptr(PangoLayout) total_layout = NULL;
  GdkRGBA fg, success, error;
  double team, x, y;
  cairo_t *cr;
  int w, h;

  if (self->item == NULL || self->months == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lookup_color (widget, "success_color", &success);
  lookup_color (widget, "error_color", &error);
  team = team_width (widget, self->months->len);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  name = name_layout (self, team - 8);
  pango_layout_get_pixel_size (name, NULL, &h);
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_move_to (cr, PAD_X, (height - h) / 2);
  pango_cairo_show_layout (cr, name);

  x = PAD_X + team;
  y = (height - CELL_H) / 2;
  for (guint m = 0; m < row_n_months (self); m++, x += CELL_W)
    {
      AnttMonthState state = antt_target_team_item_get_month_state (self->item, m);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      const GdkRGBA *text_color = &fg;
      double alpha = 1;

      switch (state)
        {
        case ANTT_MONTH_MET:
          cairo_set_source_rgba (cr, success.red, success.green, success.blue, 0.25);
          text = antt_display_count (antt_target_team_item_get_month_deeds (self->item, m));
          break;
        case ANTT_MONTH_EMPTY:
          cairo_set_source_rgba (cr, error.red, error.green, error.blue, 0.15);
          text = g_strdup ("0");
          text_color = &error;
          break;
        case ANTT_MONTH_PENDING:
          text = g_strdup ("·");
          alpha = 0.5;
          break;
        case ANTT_MONTH_ABSENT:
        default:
          continue;
        }

      if (state == ANTT_MONTH_MET || state == ANTT_MONTH_EMPTY)
        {
          double r = 6, x0 = x + 3, y0 = y, x1 = x + CELL_W - 3, y1 = y + CELL_H;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
          cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
          cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      layout = gtk_widget_create_pango_layout (widget, text);
      if (state == ANTT_MONTH_MET)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, text_color->red, text_color->green, text_color->blue,
                             text_color->alpha * alpha);
      cairo_move_to (cr, x + (CELL_W - w) / 2, y + (CELL_H - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  total = antt_target_team_item_dup_months_text (self->item);
  total_layout = gtk_widget_create_pango_layout (widget, total);
  pango_layout_get_pixel_size (total_layout, &w, &h);
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_move_to (cr, x + TOTAL_W - 8 - w, (height - h) / 2);
  pango_cairo_show_layout (cr, total_layout);

  cairo_destroy (cr);
}

static gboolean
antt_month_row_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  AnttMonthRow *self = ANTT_MONTH_ROW (widget);
  g_autofree char *text = NULL;
  double left;
  int m;

  if (self->item == NULL || self->months == NULL)
    return FALSE;

  left = PAD_X + team_width (widget, self->months->len);
  m = (int) floor ((x - left) / CELL_W);
  if (keyboard_mode || x < left || m < 0 || m >= (int) row_n_months (self))
    text = g_strdup (antt_target_team_item_get_name (self->item));
  else
    text = describe_month (self->item, self->months, (guint) m);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
antt_month_row_dispose (GObject *object)
{
  AnttMonthRow *self = ANTT_MONTH_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (antt_month_row_parent_class)->dispose (object);
}

static void
antt_month_row_class_init (AnttMonthRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_month_row_dispose;
  widget_class->measure = antt_month_row_measure;
  widget_class->snapshot = antt_month_row_snapshot;
  widget_class->query_tooltip = antt_month_row_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "monthrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
antt_month_row_init (AnttMonthRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

static void
antt_month_row_set_item (AnttMonthRow       *self,
                         AnttTargetTeamItem *item,
                         GArray             *months)
{
  g_autoptr(GString) label = NULL;
  g_autofree char *total = NULL;

  g_set_object (&self->item, item);
  g_clear_pointer (&self->months, g_array_unref);
  self->months = months ? g_array_ref (months) : NULL;

  if (item != NULL && months != NULL)
    {
      total = antt_target_team_item_dup_months_text (item);
      /* Translators: a team's row of the T16 grid, read aloud; its months follow */
      label = g_string_new (NULL);
      g_string_append_printf (label, _("%s: %s months with a good deed or a commendation."),
                              antt_target_team_item_get_name (item), total);
      for (guint m = 0; m < MIN (months->len, antt_target_team_item_get_n_months (item)); m++)
        {
          g_autofree char *month = NULL;

          if (antt_target_team_item_get_month_state (item, m) == ANTT_MONTH_ABSENT)
            continue;
          month = describe_month (item, months, m);
          g_string_append_printf (label, " %s.", month);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                      -1);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Header ------------------------------------------------------------------ */

static void
antt_month_header_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AnttMonthHeader *self = ANTT_MONTH_HEADER (widget);
  guint n = self->months ? self->months->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width (n);
      *natural = natural_width (n);
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "08\n2024");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      *minimum = *natural = h + 2 * (int) PAD_Y + 2;
    }
}

static void
show_header_text (GtkWidget  *widget,
                  cairo_t    *cr,
                  const char *text,
                  double      x,
                  double      width,
                  double      height,
                  double      xalign)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x + (width - w) * xalign, (height - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
antt_month_header_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AnttMonthHeader *self = ANTT_MONTH_HEADER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double team, x;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->months == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  team = team_width (widget, self->months->len);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.6);

  show_header_text (widget, cr, _("Team"), PAD_X, team, height, 0);
  x = PAD_X + team;
  /* "08" over "2024": a month in full does not fit above its cell. */
  for (guint m = 0; m < self->months->len; m++, x += CELL_W)
    {
      guint ym = g_array_index (self->months, guint, m);
      g_autofree char *month = g_strdup_printf ("%02u\n%04u", ym % 12 + 1, ym / 12);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, month);
      int w, h;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, x + (CELL_W - w) / 2, (height - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  /* Translators: the column of months met / months judged, per team */
  show_header_text (widget, cr, _("Months met"), x, TOTAL_W - 8, height, 1);

  cairo_destroy (cr);
}

static void
antt_month_header_dispose (GObject *object)
{
  AnttMonthHeader *self = ANTT_MONTH_HEADER (object);

  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (antt_month_header_parent_class)->dispose (object);
}

static void
antt_month_header_class_init (AnttMonthHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_month_header_dispose;
  widget_class->measure = antt_month_header_measure;
  widget_class->snapshot = antt_month_header_snapshot;

  gtk_widget_class_set_css_name (widget_class, "monthheader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
antt_month_header_init (AnttMonthHeader *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption-heading");
}

/* Grid -------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, g_object_new (ANTT_TYPE_MONTH_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AnttTargetMonthGrid      *self)
{
  antt_month_row_set_item (ANTT_MONTH_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item), self->months);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  antt_month_row_set_item (ANTT_MONTH_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
antt_target_month_grid_dispose (GObject *object)
{
  AnttTargetMonthGrid *self = ANTT_TARGET_MONTH_GRID (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->teams);
  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (antt_target_month_grid_parent_class)->dispose (object);
}

static void
antt_target_month_grid_class_init (AnttTargetMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_target_month_grid_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthgrid");
}

static void
antt_target_month_grid_init (AnttTargetMonthGrid *self)
{
  GtkListItemFactory *factory;
  GtkWidget *table;

  self->months = g_array_new (FALSE, FALSE, sizeof (guint));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Sideways, the header and the rows scroll together; up and down, only
   * the rows. */
  table = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->header = g_object_new (ANTT_TYPE_MONTH_HEADER, NULL);
  self->header->months = g_array_ref (self->months);
  gtk_box_append (GTK_BOX (table), GTK_WIDGET (self->header));
  gtk_box_append (GTK_BOX (table), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Good deeds and commendations by team and month"),
                                  -1);

  self->vscrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->vscrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->vscrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->vscrolled), 380);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->vscrolled),
                                 GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (table), self->vscrolled);

  self->hscrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->hscrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->hscrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->hscrolled), table);
  gtk_box_append (GTK_BOX (self->box), self->hscrolled);

  self->empty_label = gtk_label_new (_("No team during the period."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_bottom (self->empty_label, 24);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
  gtk_widget_set_visible (self->hscrolled, FALSE);
}

GtkWidget *
antt_target_month_grid_new (void)
{
  return g_object_new (ANTT_TYPE_TARGET_MONTH_GRID, NULL);
}

/**
 * antt_target_month_grid_set_teams:
 * @teams: (nullable): #AnttTargetTeamItem in the order shown; %NULL to
 *   empty the grid
 * @months: (nullable): the months of the items, as year × 12 + month − 1
 */
void
antt_target_month_grid_set_teams (AnttTargetMonthGrid *self,
                                  GListModel          *teams,
                                  GArray              *months)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  guint n = teams ? g_list_model_get_n_items (teams) : 0;

  g_return_if_fail (ANTT_IS_TARGET_MONTH_GRID (self));
  g_return_if_fail (teams == NULL || G_IS_LIST_MODEL (teams));

  /* Rows already bound keep the months they were bound with; the model
   * is swapped after, so that every row is bound again. */
  g_array_set_size (self->months, 0);
  if (months != NULL)
    g_array_append_vals (self->months, months->data, months->len);
  g_set_object (&self->teams, teams);
  if (teams != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (teams)));
  gtk_list_view_set_model (self->list_view, selection);
  gtk_widget_queue_resize (GTK_WIDGET (self->header));
  gtk_widget_queue_draw (GTK_WIDGET (self->header));

  gtk_widget_set_visible (self->hscrolled, n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

/**
 * antt_target_month_grid_get_teams:
 *
 * Returns: (transfer none) (nullable): the rows, as #AnttTargetTeamItem
 */
GListModel *
antt_target_month_grid_get_teams (AnttTargetMonthGrid *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_MONTH_GRID (self), NULL);
  return self->teams;
}

guint
antt_target_month_grid_get_n_months (AnttTargetMonthGrid *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_MONTH_GRID (self), 0);
  return self->months->len;
}
