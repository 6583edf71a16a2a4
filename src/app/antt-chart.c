/* antt-chart.c
 *
 * Lines rather than bars: four series over thirteen months stay readable
 * on a narrow window. Each series has its own marker as well as its own
 * colour, and the numbers are in the accessible description and in a
 * tooltip per month, for those who cannot tell the lines apart.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "antt-chart.h"
#include "antt-display.h"

#define PAD          8.0
#define MARKER       3.5
#define LINE_WIDTH   2.0
#define SWATCH       12.0

struct _AnttChart
{
  GtkWidget   parent_instance;

  guint       n_points;
  guint       n_series;
  char      **labels;   /* n_points */
  char      **names;    /* n_series */
  double     *values;   /* series by series; NAN: no value (a month to come) */
  double     *totals;   /* n_series */
  char       *summary;
  double      plot_left;   /* as last drawn, for the tooltips */
  double      plot_right;
};

G_DEFINE_FINAL_TYPE (AnttChart, antt_chart, GTK_TYPE_WIDGET)

/* GNOME's palette: blue, red, orange, green, purple. */
static const GdkRGBA palette[] = {
  { 0.208f, 0.518f, 0.894f, 1.0f },
  { 0.878f, 0.106f, 0.141f, 1.0f },
  { 0.902f, 0.380f, 0.000f, 1.0f },
  { 0.149f, 0.635f, 0.412f, 1.0f },
  { 0.569f, 0.255f, 0.675f, 1.0f },
};

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE,
  MARKER_DIAMOND,
} MarkerShape;

static double
value_at (AnttChart *self,
          guint      series,
          guint      point)
{
  return self->values[series * self->n_points + point];
}

static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

/* A step of 1, 2 or 5 × 10ⁿ that divides 0 … @max into at most @n. */
static double
nice_step (double max,
           guint  n)
{
  double raw = max / n;
  double magnitude;

  if (raw <= 1)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  if (raw <= magnitude)
    return magnitude;
  if (raw <= 2 * magnitude)
    return 2 * magnitude;
  if (raw <= 5 * magnitude)
    return 5 * magnitude;
  return 10 * magnitude;
}

static void
draw_marker (cairo_t     *cr,
             MarkerShape  shape,
             double       x,
             double       y,
             double       r)
{
  switch (shape)
    {
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.2, y + r * 0.9);
      cairo_line_to (cr, x - r * 1.2, y + r * 0.9);
      cairo_close_path (cr);
      break;
    case MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.35);
      cairo_line_to (cr, x + r * 1.35, y);
      cairo_line_to (cr, x, y + r * 1.35);
      cairo_line_to (cr, x - r * 1.35, y);
      cairo_close_path (cr);
      break;
    case MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}

static char *
legend_text (AnttChart *self,
             guint      series)
{
  g_autofree char *total = antt_display_count ((gint64) self->totals[series]);

  /* Translators: a series of the chart and its total: "Tips (1.234)" */
  return g_strdup_printf (_("%s (%s)"), self->names[series], total);
}

/* Lays the legend out in lines, drawing it when @cr is set. */
static double
legend (AnttChart *self,
        cairo_t   *cr,
        double     width)
{
  GdkRGBA fg;
  double x = PAD, y = 0, line_height = 0;

  get_foreground (GTK_WIDGET (self), &fg);
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autofree char *text = legend_text (self, s);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int tw, th;
      double item_width;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item_width = SWATCH + 6 + tw;
      line_height = MAX (line_height, th);
      if (x > PAD && x + item_width > width - PAD)
        {
          x = PAD;
          y += line_height + 4;
        }
      if (cr != NULL)
        {
          gdk_cairo_set_source_rgba (cr, &palette[s % G_N_ELEMENTS (palette)]);
          draw_marker (cr, (MarkerShape) (s % 4), x + SWATCH / 2, y + th / 2.0, 5);
          cairo_move_to (cr, x + SWATCH + 6, y);
          gdk_cairo_set_source_rgba (cr, &fg);
          pango_cairo_show_layout (cr, layout);
        }
      x += item_width + 16;
    }
  return self->n_series > 0 ? y + line_height : 0;
}

static void
antt_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  AnttChart *self = ANTT_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) probe = NULL;
  cairo_t *cr;
  GdkRGBA fg, dim;
  double max = 0, top_value, step, left, top, right, bottom, slot;
  int label_width = 0, label_height = 0, tick_width = 0;
  guint every;

  if (width <= 2 * PAD || height <= 2 * PAD)
    return;

  get_foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.7f;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint s = 0; s < self->n_series; s++)
    for (guint p = 0; p < self->n_points; p++)
      if (!isnan (value_at (self, s, p)))
        max = MAX (max, value_at (self, s, p));
  step = nice_step (MAX (max, 1), 4);
  top_value = MAX (ceil (max / step), 1) * step;

  /* The widest tick label sets the left margin. */
  for (double v = 0; v <= top_value + step / 2; v += step)
    {
      g_autofree char *text = antt_display_count ((gint64) v);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      tick_width = MAX (tick_width, w);
      label_height = MAX (label_height, h);
    }
  probe = gtk_widget_create_pango_layout (widget, "00/0000");
  pango_layout_get_pixel_size (probe, &label_width, NULL);

  top = legend (self, NULL, width) + 2 * PAD;
  left = PAD + tick_width + 8;
  right = width - PAD;
  bottom = height - label_height - PAD;
  if (right - left < 20 || bottom - top < 20 || self->n_points == 0)
    {
      cairo_destroy (cr);
      return;
    }
  legend (self, cr, width);
  self->plot_left = left;
  self->plot_right = right;

  /* Grid and y ticks. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top_value + step / 2; v += step)
    {
      g_autofree char *text = antt_display_count ((gint64) v);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double y = round (bottom - (bottom - top) * v / top_value) + 0.5;
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_move_to (cr, left - 8 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Month labels, as many as fit. */
  slot = (right - left) / self->n_points;
  every = (guint) MAX (1, ceil ((label_width + 8) / slot));
  for (guint p = 0; p < self->n_points; p += every)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->labels[p]);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &dim);
      /* Centred under its point, but inside the widget. */
      cairo_move_to (cr, CLAMP (left + (p + 0.5) * slot - w / 2.0, 0, width - w), bottom + 4);
      pango_cairo_show_layout (cr, layout);
    }

  /* The series: lines through the months that have a value. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < self->n_series; s++)
    {
      const GdkRGBA *color = &palette[s % G_N_ELEMENTS (palette)];
      gboolean drawing = FALSE;

      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, LINE_WIDTH);
      for (guint p = 0; p < self->n_points; p++)
        {
          double v = value_at (self, s, p);
          double x = left + (p + 0.5) * slot;

          if (isnan (v))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, x, bottom - (bottom - top) * v / top_value);
          else
            cairo_move_to (cr, x, bottom - (bottom - top) * v / top_value);
          drawing = TRUE;
        }
      cairo_stroke (cr);

      for (guint p = 0; p < self->n_points; p++)
        {
          double v = value_at (self, s, p);

          if (!isnan (v))
            draw_marker (cr, (MarkerShape) (s % 4), left + (p + 0.5) * slot,
                         bottom - (bottom - top) * v / top_value, MARKER);
        }
    }

  cairo_destroy (cr);
}

static void
antt_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
    }
  else
    {
      *minimum = 200;
      *natural = 260;
    }
}

static gboolean
antt_chart_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip)
{
  AnttChart *self = ANTT_CHART (widget);
  g_autoptr(GString) text = NULL;
  double width = gtk_widget_get_width (widget);
  guint point;

  if (self->n_points == 0 || width <= 0)
    return FALSE;

  if (self->plot_right > self->plot_left)
    point = (guint) CLAMP ((x - self->plot_left) / ((self->plot_right - self->plot_left) / self->n_points),
                           0, self->n_points - 1);
  else
    point = (guint) CLAMP (x / (width / self->n_points), 0, self->n_points - 1);
  text = g_string_new (self->labels[point]);
  for (guint s = 0; s < self->n_series; s++)
    {
      double v = value_at (self, s, point);
      g_autofree char *count = isnan (v) ? g_strdup ("—") : antt_display_count ((gint64) v);

      /* Translators: a series and its value in a month: "Tips: 25" */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s"), self->names[s], count);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
update_summary (AnttChart *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint first = G_MAXUINT, last = 0;

  for (guint p = 0; p < self->n_points; p++)
    for (guint s = 0; s < self->n_series; s++)
      if (!isnan (value_at (self, s, p)))
        {
          first = MIN (first, p);
          last = MAX (last, p);
        }

  if (first == G_MAXUINT)
    g_string_append (summary, _("No records yet."));
  else
    /* Translators: the first and the last month shown, "08/2024" */
    g_string_append_printf (summary, _("Records per month from %s to %s."),
                            self->labels[first], self->labels[last]);

  for (guint s = 0; s < self->n_series && first != G_MAXUINT; s++)
    {
      g_autofree char *total = antt_display_count ((gint64) self->totals[s]);
      guint best = first;

      for (guint p = first; p <= last; p++)
        if (!isnan (value_at (self, s, p)) && value_at (self, s, p) > value_at (self, s, best))
          best = p;

      g_string_append_c (summary, ' ');
      if (self->totals[s] > 0)
        {
          g_autofree char *most = antt_display_count ((gint64) value_at (self, s, best));

          /* Translators: a series, its total, its busiest month and that
           * month's count: "Tips: 300 in all, most in 10/2024 (42)." */
          g_string_append_printf (summary, _("%s: %s in all, most in %s (%s)."),
                                  self->names[s], total, self->labels[best], most);
        }
      else
        /* Translators: a series with no records: "Incidents: none." */
        g_string_append_printf (summary, _("%s: none."), self->names[s]);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
antt_chart_finalize (GObject *object)
{
  AnttChart *self = ANTT_CHART (object);

  g_strfreev (self->labels);
  g_strfreev (self->names);
  g_free (self->values);
  g_free (self->totals);
  g_free (self->summary);

  G_OBJECT_CLASS (antt_chart_parent_class)->finalize (object);
}

static void
antt_chart_class_init (AnttChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = antt_chart_finalize;

  widget_class->snapshot = antt_chart_snapshot;
  widget_class->measure = antt_chart_measure;
  widget_class->query_tooltip = antt_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
antt_chart_init (AnttChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_summary (self);
}

GtkWidget *
antt_chart_new (void)
{
  return g_object_new (ANTT_TYPE_CHART, NULL);
}

/**
 * antt_chart_set_data:
 * @labels: (array length=n_points): what each point is ("08/2024")
 * @names: (array length=n_series): the series, as the legend shows them
 * @values: (array): @n_series × @n_points values, series by series; NAN
 *   for a point without a value (a month to come)
 *
 * Replaces what the chart shows, and its accessible description.
 */
void
antt_chart_set_data (AnttChart          *self,
                     guint               n_points,
                     const char * const *labels,
                     guint               n_series,
                     const char * const *names,
                     const double       *values)
{
  g_return_if_fail (ANTT_IS_CHART (self));
  g_return_if_fail (n_points == 0 || labels != NULL);
  g_return_if_fail (n_series == 0 || names != NULL);
  g_return_if_fail (n_points * n_series == 0 || values != NULL);

  g_strfreev (self->labels);
  g_strfreev (self->names);
  g_free (self->values);
  g_free (self->totals);

  self->n_points = n_points;
  self->n_series = n_series;
  self->labels = g_new0 (char *, n_points + 1);
  for (guint p = 0; p < n_points; p++)
    self->labels[p] = g_strdup (labels[p]);
  self->names = g_new0 (char *, n_series + 1);
  for (guint s = 0; s < n_series; s++)
    self->names[s] = g_strdup (names[s]);
  self->values = g_memdup2 (values, sizeof (double) * n_points * n_series);
  self->totals = g_new0 (double, MAX (n_series, 1));
  for (guint s = 0; s < n_series; s++)
    for (guint p = 0; p < n_points; p++)
      if (!isnan (value_at (self, s, p)))
        self->totals[s] += value_at (self, s, p);

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
antt_chart_get_n_points (AnttChart *self)
{
  g_return_val_if_fail (ANTT_IS_CHART (self), 0);
  return self->n_points;
}

guint
antt_chart_get_n_series (AnttChart *self)
{
  g_return_val_if_fail (ANTT_IS_CHART (self), 0);
  return self->n_series;
}

/**
 * antt_chart_get_summary:
 *
 * Returns: the chart in words, as its accessible description
 */
const char *
antt_chart_get_summary (AnttChart *self)
{
  g_return_val_if_fail (ANTT_IS_CHART (self), NULL);
  return self->summary;
}
