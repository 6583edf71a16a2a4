/* antt-awards-page.c
 *
 * A review (sơ kết, tổng kết) at a time: its caps, with the slots that
 * the nominations proposed or approved already take ("12/20 collectives"),
 * and the list of its nominations. The caps are counted by the core's
 * records API. Adding a nomination opens the wizard (which holds the
 * caps), not the generic form; the committee's review has a window of its
 * own; the Documents menu names the "doc" actions of the window for the
 * selected review.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-campaign.h"
#include "antt-awards-page.h"
#include "antt-committee-window.h"
#include "antt-display.h"
#include "antt-nomination-wizard.h"
#include "antt-record-page.h"
#include "antt-records.h"
#include "antt-window.h"

struct _AnttAwardsPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkDropDown    *review_dropdown;
  GtkStringList  *review_names;
  GtkMenuButton  *documents_button;
  GtkListBox     *caps_list;
  AnttRecordPage *nominations_page;

  /* Owned */
  AnttDatabase   *database;
  gulong          changed_id;
  GArray         *review_ids;   /* gint64, one per review_names item */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (AnttAwardsPage, antt_awards_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
selected_review (AnttAwardsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->review_dropdown);

  return selected < self->review_ids->len ? g_array_index (self->review_ids, gint64, selected) : 0;
}

/* Nominations that hold a slot: proposed or approved. */
static gint64
count_used (AnttDatabase *database,
            gint64        phase,
            gint64        award_level,
            const char   *nominee_kind)
{
  static const char *statuses[] = { "proposed", "approved" };
  gint64 used = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(AnttFilter) filter = antt_filter_new ();
      gint64 n;

      antt_filter_add_equals (filter, "phase_id", phase);
      antt_filter_add_equals (filter, "award_level_id", award_level);
      antt_filter_add_equals_text (filter, "nominee_kind", nominee_kind);
      antt_filter_add_equals_text (filter, "status", statuses[i]);
      n = antt_records_count (database, "nominations", filter, NULL);
      used += MAX (n, 0);
    }
  return used;
}

static char *
format_slots (gint64      used,
              gint64      cap,
              const char *nominee_kind)
{
  g_autofree char *a = antt_display_count (used);
  g_autofree char *b = antt_display_count (cap);

  if (g_str_equal (nominee_kind, "collective"))
    /* Translators: slots used of the cap: "12/20 collectives" */
    return g_strdup_printf (_("%s/%s collectives"), a, b);
  /* Translators: slots used of the cap: "3/20 individuals" */
  return g_strdup_printf (_("%s/%s individuals"), a, b);
}

static void
update_caps (AnttAwardsPage *self)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) caps = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  GtkWidget *child;
  gint64 phase = selected_review (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->caps_list))) != NULL)
    gtk_list_box_remove (self->caps_list, child);

  if (self->database == NULL || phase == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->caps_list), FALSE);
      return;
    }

  antt_filter_add_equals (filter, "phase_id", phase);
  caps = antt_records_list (self->database, "award_caps", filter, NULL);
  levels = antt_records_list (self->database, "award_levels", NULL, NULL);

  /* One row an award, its caps side by side. */
  for (guint l = 0; levels != NULL && caps != NULL && l < levels->len; l++)
    {
      AnttRecord *level = g_ptr_array_index (levels, l);
      GtkWidget *slots = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gboolean any = FALSE;
      GtkWidget *row;

      for (guint c = 0; c < caps->len; c++)
        {
          AnttRecord *cap = g_ptr_array_index (caps, c);
          const char *kind = antt_record_get_string (cap, "nominee_kind");
          gint64 max = antt_record_get_int (cap, "max_count");
          gint64 used;
          g_autofree char *text = NULL;
          GtkWidget *label;

          if (antt_record_get_int (cap, "award_level_id") != antt_record_get_id (level))
            continue;

          used = count_used (self->database, phase, antt_record_get_id (level), kind);
          text = format_slots (used, max, kind);
          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_widget_add_css_class (label, "numeric");
          /* A cap reached is a warning: the next nomination will be refused. */
          if (used >= max)
            gtk_widget_add_css_class (label, "warning");
          gtk_box_append (GTK_BOX (slots), label);
          any = TRUE;
        }

      if (!any)
        {
          g_object_ref_sink (slots);
          g_object_unref (slots);
          continue;
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), antt_record_get_string (level, "name"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), antt_record_get_string (level, "authority"));
      gtk_widget_set_valign (slots, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), slots);
      gtk_list_box_append (self->caps_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->caps_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->caps_list)) != NULL);
}

/* One section a document, each with the three things to do with it; the
 * window's "doc" actions take "kind:phase_id". */
static void
update_documents_menu (AnttAwardsPage *self)
{
  static const struct {
    const char *kind;
    const char *label;
  } documents[] = {
    { "nominees", N_("Nominee List") },
    { "minutes", N_("Committee Minutes") },
    { "proposal", N_("Proposal (Tờ trình)") },
    { "dossier", N_("Whole Dossier") },
  };
  static const struct {
    const char *action;
    const char *label;
  } verbs[] = {
    { "doc.preview", N_("Preview") },
    { "doc.export-pdf", N_("Export PDF…") },
    { "doc.print", N_("Print…") },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) reports = g_menu_new ();
  gint64 phase = selected_review (self);

  for (guint d = 0; phase != 0 && d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT, documents[d].kind, phase);

      for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(verbs[v].label), NULL);

          g_menu_item_set_action_and_target_value (item, verbs[v].action,
                                                   g_variant_new_string (target));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, _(documents[d].label), G_MENU_MODEL (section));
    }

  {
    g_autoptr(GMenuItem) interim = g_menu_item_new (_("Interim Report PDF…"), NULL);
    g_autoptr(GMenuItem) final = g_menu_item_new (_("Final Report PDF…"), NULL);

    g_menu_item_set_action_and_target_value (interim, "doc.export-pdf",
                                             g_variant_new_string ("interim"));
    g_menu_item_set_action_and_target_value (final, "doc.export-pdf",
                                             g_variant_new_string ("final"));
    g_menu_append_item (reports, interim);
    g_menu_append_item (reports, final);
    g_menu_append_section (menu, _("Reports"), G_MENU_MODEL (reports));
  }

  gtk_menu_button_set_menu_model (self->documents_button, G_MENU_MODEL (menu));
}

static void
review_selected_cb (AnttAwardsPage *self)
{
  if (self->updating)
    return;
  antt_record_page_set_fixed (self->nominations_page, "phase_id", selected_review (self));
  update_caps (self);
  update_documents_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.new-nomination",
                                 self->database != NULL && selected_review (self) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.committee",
                                 self->database != NULL && selected_review (self) != 0);
}

static void
show_toast (AnttAwardsPage *self,
            const char     *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ANTT_IS_WINDOW (root))
    antt_window_add_toast (ANTT_WINDOW (root), adw_toast_new (title));
}

static void
nomination_created_cb (AnttAwardsPage *self,
                       gint64          id)
{
  antt_record_page_select (self->nominations_page, id);
  show_toast (self, _("Nomination proposed"));
}

static void
new_nomination_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (widget);
  AnttNominationWizard *wizard;
  GtkRoot *root;

  if (self->database == NULL)
    return;

  wizard = antt_nomination_wizard_new (self->database, selected_review (self), 0);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (root));
  g_signal_connect_object (wizard, "created", G_CALLBACK (nomination_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
committee_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (widget);
  AnttCommitteeWindow *window;
  GtkRoot *root;

  if (self->database == NULL || selected_review (self) == 0)
    return;

  window = antt_committee_window_new (self->database, selected_review (self));
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

/* The nominations list's own "add" buttons would open the generic form,
 * which knows nothing of the wizard's steps: they open the wizard. */
static void
redirect_add_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "record.new") == 0)
        gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "awards.new-nomination");
      redirect_add_buttons (child);
    }
}

/* The reviews of the default movement; the one still open first. */
static void
load_reviews (AnttAwardsPage *self)
{
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autofree char *today = antt_app_today_iso ();
  gint64 previous = selected_review (self);
  guint selected;

  self->updating = TRUE;
  g_array_set_size (self->review_ids, 0);
  gtk_string_list_splice (self->review_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->review_names)), NULL);

  if (self->database != NULL)
    campaign = antt_campaign_find_current (self->database, NULL);
  if (campaign != NULL)
    phases = antt_campaign_list_phases (self->database, campaign, NULL);
  selected = phases != NULL ? antt_campaign_find_open_review (phases, today) : 0;

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      AnttRecord *phase = g_ptr_array_index (phases, i);
      gint64 id = antt_record_get_id (phase);
      const char *review = antt_record_get_string (phase, "review_name");
      const char *name = antt_record_get_string (phase, "name");

      gtk_string_list_append (self->review_names, review && *review ? review : name);
      g_array_append_val (self->review_ids, id);

      if (id == previous)
        selected = i;
    }

  gtk_drop_down_set_selected (self->review_dropdown, selected);
  self->updating = FALSE;
  review_selected_cb (self);
}

static void
database_changed_cb (AnttAwardsPage *self,
                     const char     *table)
{
  if (g_str_equal (table, "phases") || g_str_equal (table, "campaigns"))
    load_reviews (self);
  else if (g_str_equal (table, "nominations") || g_str_equal (table, "award_caps") ||
           g_str_equal (table, "award_levels"))
    update_caps (self);
}

static void
antt_awards_page_dispose (GObject *object)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (object);
  GtkWidget *child;

  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_AWARDS_PAGE);
  /* Unnamed template children too (GTK 4.8 only clears the bound ones). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (antt_awards_page_parent_class)->dispose (object);
}

static void
antt_awards_page_finalize (GObject *object)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (object);

  g_clear_pointer (&self->review_ids, g_array_unref);

  G_OBJECT_CLASS (antt_awards_page_parent_class)->finalize (object);
}

static void
antt_awards_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_awards_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnttAwardsPage *self = ANTT_AWARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      antt_awards_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_awards_page_class_init (AnttAwardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_awards_page_dispose;
  object_class->finalize = antt_awards_page_finalize;
  object_class->get_property = antt_awards_page_get_property;
  object_class->set_property = antt_awards_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANTT_TYPE_RECORD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-awards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttAwardsPage, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttAwardsPage, review_names);
  gtk_widget_class_bind_template_child (widget_class, AnttAwardsPage, documents_button);
  gtk_widget_class_bind_template_child (widget_class, AnttAwardsPage, caps_list);
  gtk_widget_class_bind_template_child (widget_class, AnttAwardsPage, nominations_page);
  gtk_widget_class_bind_template_callback (widget_class, review_selected_cb);

  gtk_widget_class_install_action (widget_class, "awards.new-nomination", NULL,
                                   new_nomination_action);
  gtk_widget_class_install_action (widget_class, "awards.committee", NULL, committee_action);
}

static void
antt_awards_page_init (AnttAwardsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->review_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  redirect_add_buttons (GTK_WIDGET (self->nominations_page));

  /* Ctrl+N before the list takes it for its generic form. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("awards.new-nomination")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  update_documents_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.new-nomination", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.committee", FALSE);
}

GtkWidget *
antt_awards_page_new (void)
{
  return g_object_new (ANTT_TYPE_AWARDS_PAGE, NULL);
}

AnttDatabase *
antt_awards_page_get_database (AnttAwardsPage *self)
{
  g_return_val_if_fail (ANTT_IS_AWARDS_PAGE (self), NULL);
  return self->database;
}

void
antt_awards_page_set_database (AnttAwardsPage *self,
                               AnttDatabase   *database)
{
  g_return_if_fail (ANTT_IS_AWARDS_PAGE (self));
  g_return_if_fail (database == NULL || ANTT_IS_DATABASE (database));

  if (self->database == database)
    return;

  g_clear_signal_handler (&self->changed_id, self->database);
  g_set_object (&self->database, database);
  if (database != NULL)
    self->changed_id = g_signal_connect_swapped (database, "changed",
                                                 G_CALLBACK (database_changed_cb), self);

  /* The review first, so that the list loads once, for it. */
  antt_record_page_set_database (self->nominations_page, NULL);
  load_reviews (self);
  antt_record_page_set_database (self->nominations_page, database);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}
