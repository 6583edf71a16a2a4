/* antt-target-row.c
 *
 * The state is a pill with its word in it (met, at risk…), not a colour
 * alone, and the whole row reads as one sentence to a screen reader.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-target-row.h"

struct _AnttTargetRow
{
  GtkListBoxRow   parent_instance;

  /* Template widgets */
  GtkLabel       *code_label;
  GtkLabel       *title_label;
  GtkLabel       *state_label;
  GtkLabel       *value_label;
  GtkLevelBar    *level_bar;

  /* Owned */
  AnttTargetItem *item;
};

G_DEFINE_FINAL_TYPE (AnttTargetRow, antt_target_row, GTK_TYPE_LIST_BOX_ROW)

static const char *const state_classes[] = { "met", "at-risk", "not-met", "no-data" };

static void
set_state_class (GtkWidget  *widget,
                 const char *state_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (widget, state_classes[i]);
  gtk_widget_add_css_class (widget, state_class);
}

static void
update (AnttTargetRow *self)
{
  AnttTargetItem *item = self->item;
  const char *state_class = antt_target_item_get_state_class (item);
  g_autofree char *accessible = antt_target_item_dup_accessible_label (item);
  g_autofree char *bar_label = NULL;
  g_autofree char *value = NULL;

  gtk_label_set_label (self->code_label, antt_target_item_get_code (item));
  gtk_label_set_label (self->title_label, antt_target_item_get_title (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), antt_target_item_get_title (item));
  /* One label, so that the explanation wraps under the number on a narrow
   * window and follows it on a wide one. */
  value = g_markup_printf_escaped ("<span font_features=\"tnum\">%s</span>"
                                   "<span size=\"small\" alpha=\"60%%\">  ·  %s</span>",
                                   antt_target_item_get_value_text (item),
                                   antt_target_item_get_explanation (item));
  gtk_label_set_markup (self->value_label, value);
  gtk_label_set_label (self->state_label, antt_target_item_get_state_text (item));
  set_state_class (GTK_WIDGET (self->state_label), state_class);
  set_state_class (GTK_WIDGET (self->level_bar), state_class);

  gtk_widget_set_visible (GTK_WIDGET (self->level_bar), antt_target_item_get_has_bar (item));
  gtk_level_bar_set_value (self->level_bar, antt_target_item_get_fraction (item));

  /* Translators: the bar of a target's share, %s its code ("T12") */
  bar_label = g_strdup_printf (_("Share reached of %s"), antt_target_item_get_code (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Activate to list the records behind this number"),
                                  -1);
}

static void
antt_target_row_dispose (GObject *object)
{
  AnttTargetRow *self = ANTT_TARGET_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_TARGET_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (antt_target_row_parent_class)->dispose (object);
}

static void
antt_target_row_class_init (AnttTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_target_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-target-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRow, level_bar);
}

static void
antt_target_row_init (AnttTargetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The state's colour is the pill's and the bar's own: no low/high
   * thresholds of the level bar's. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

/**
 * antt_target_row_new:
 *
 * Returns: (transfer floating): a row showing @item
 */
GtkWidget *
antt_target_row_new (AnttTargetItem *item)
{
  AnttTargetRow *self;

  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (item), NULL);

  self = g_object_new (ANTT_TYPE_TARGET_ROW, NULL);
  self->item = g_object_ref (item);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * antt_target_row_get_item:
 *
 * Returns: (transfer none): the target shown
 */
AnttTargetItem *
antt_target_row_get_item (AnttTargetRow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_ROW (self), NULL);

  return self->item;
}
