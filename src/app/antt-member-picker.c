/* antt-member-picker.c
 *
 * A searchable list of the members active on the record's date, each with
 * a check button, and the per-member flags of the link rows ("Present",
 * "On time") beside it. Members already chosen stay listed even when they
 * no longer fit the date, so that the core's refusal has a row to point at.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "antt-app-util.h"
#include "antt-member-picker.h"
#include "antt-record-item.h"
#include "antt-text.h"

struct _AnttMemberPicker
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkLabel            *chosen_label;
  GtkLabel            *error_label;
  GtkListView         *list_view;
  GtkFilterListModel  *filter_model;
  GtkLabel            *empty_label;

  /* Owned */
  GListStore          *members;   /* AnttRecordItem: cells name, team */
  GtkCustomFilter     *filter;
  char                *search_fold;
  GHashTable          *chosen;    /* member id → flags, bit n for link->flags[n] */

  /* Borrowed */
  const AnttLinkTable *link;
};

G_DEFINE_FINAL_TYPE (AnttMemberPicker, antt_member_picker, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
flag_label (const char *flag)
{
  if (g_strcmp0 (flag, "present") == 0)
    return _("Present");
  if (g_strcmp0 (flag, "on_time") == 0)
    return _("On time");
  return flag;
}

static gboolean
is_chosen (AnttMemberPicker *self,
           gint64            id,
           guint            *flags)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->chosen, &id, NULL, &value))
    return FALSE;
  if (flags != NULL)
    *flags = GPOINTER_TO_UINT (value);
  return TRUE;
}

static void
update_chosen_label (AnttMemberPicker *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *text = NULL;

  /* Translators: the number of members chosen */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n);
  gtk_label_set_label (self->chosen_label, text);
}

static void
shown_changed_cb (AnttMemberPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->members)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
}

static gboolean
search_match (gpointer item,
              gpointer user_data)
{
  AnttMemberPicker *self = user_data;

  return antt_text_matches (antt_record_item_get_search (item), self->search_fold);
}

static void
search_changed_cb (AnttMemberPicker *self)
{
  g_autofree char *folded = antt_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_free (self->search_fold);
  self->search_fold = g_strdup (g_strstrip (folded));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Rows -------------------------------------------------------------------- */

typedef struct
{
  GtkCheckButton *check;
  GtkLabel       *team;
  GtkCheckButton *flags[2];
  gint64          id;
  gboolean        binding;
} Row;

static void
row_sync (AnttMemberPicker *self,
          Row              *row)
{
  guint flags = 0;
  gboolean chosen = is_chosen (self, row->id, &flags);

  row->binding = TRUE;
  gtk_check_button_set_active (row->check, chosen);
  for (guint f = 0; f < 2; f++)
    if (row->flags[f] != NULL)
      {
        gtk_check_button_set_active (row->flags[f], chosen && (flags & (1u << f)));
        gtk_widget_set_sensitive (GTK_WIDGET (row->flags[f]), chosen);
      }
  row->binding = FALSE;
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  AnttMemberPicker *self)
{
  Row *row = g_object_get_data (G_OBJECT (check), "antt-row");

  if (row->binding)
    return;

  antt_member_picker_set_chosen (self, row->id, gtk_check_button_get_active (check), 0);
  row_sync (self, row);
}

static void
flag_toggled_cb (GtkCheckButton   *check,
                 AnttMemberPicker *self)
{
  Row *row = g_object_get_data (G_OBJECT (check), "antt-row");
  guint f = check == row->flags[0] ? 0 : 1;
  guint flags = 0;

  if (row->binding || !is_chosen (self, row->id, &flags))
    return;

  if (gtk_check_button_get_active (check))
    flags |= 1u << f;
  else
    flags &= ~(1u << f);

  /* Whoever came on time was present; whoever was not cannot have. */
  if (g_strcmp0 (self->link->flags[0], "present") == 0 &&
      g_strcmp0 (self->link->flags[1], "on_time") == 0)
    {
      if (f == 1 && (flags & 2))
        flags |= 1;
      if (f == 0 && !(flags & 1))
        flags &= ~2u;
    }

  antt_member_picker_set_chosen (self, row->id, TRUE, flags);
  row_sync (self, row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AnttMemberPicker         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (row->check), TRUE);
  g_object_set_data (G_OBJECT (row->check), "antt-row", row);
  g_signal_connect (row->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->check));

  row->team = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (row->team, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->team), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->team));

  for (guint f = 0; f < 2; f++)
    {
      if (self->link->flags[f] == NULL)
        continue;
      row->flags[f] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (flag_label (self->link->flags[f])));
      g_object_set_data (G_OBJECT (row->flags[f]), "antt-row", row);
      g_signal_connect (row->flags[f], "toggled", G_CALLBACK (flag_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->flags[f]));
    }

  /* The row lives as long as its widgets. */
  g_object_set_data_full (G_OBJECT (box), "antt-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AnttMemberPicker         *self)
{
  AnttRecordItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "antt-row");
  const char *name = antt_record_item_get_cell (item, 0);

  row->id = antt_record_item_get_id (item);
  gtk_check_button_set_label (row->check, name);
  gtk_label_set_label (row->team, antt_record_item_get_cell (item, 1));

  /* "Present" alone would not say whose. */
  for (guint f = 0; f < 2; f++)
    if (row->flags[f] != NULL)
      {
        /* Translators: a per-member check box: "On time: Nguyễn Văn An" */
        g_autofree char *label = g_strdup_printf (_("%s: %s"),
                                                  flag_label (self->link->flags[f]), name);

        gtk_accessible_update_property (GTK_ACCESSIBLE (row->flags[f]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      }

  row_sync (self, row);
}

/* GObject ---------------------------------------------------------------- */

static void
antt_member_picker_dispose (GObject *object)
{
  AnttMemberPicker *self = ANTT_MEMBER_PICKER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_MEMBER_PICKER);
  /* Unnamed template children too (GTK 4.8 only clears the bound ones). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->members);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (antt_member_picker_parent_class)->dispose (object);
}

static void
antt_member_picker_finalize (GObject *object)
{
  AnttMemberPicker *self = ANTT_MEMBER_PICKER (object);

  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_free (self->search_fold);

  G_OBJECT_CLASS (antt_member_picker_parent_class)->finalize (object);
}

static void
antt_member_picker_class_init (AnttMemberPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_member_picker_dispose;
  object_class->finalize = antt_member_picker_finalize;

  /**
   * AnttMemberPicker::changed:
   *
   * The choice or a flag changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-member-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, filter_model);
  gtk_widget_class_bind_template_child (widget_class, AnttMemberPicker, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_changed_cb);
}

static void
antt_member_picker_init (AnttMemberPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->members = g_list_store_new (ANTT_TYPE_RECORD_ITEM);
  self->filter = gtk_custom_filter_new (search_match, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->members));
  update_chosen_label (self);
}

/* Public API ------------------------------------------------------------- */

/**
 * antt_member_picker_new:
 * @link: the link rows chosen: their per-member flags get a check box each
 */
GtkWidget *
antt_member_picker_new (const AnttLinkTable *link)
{
  AnttMemberPicker *self;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  self = g_object_new (ANTT_TYPE_MEMBER_PICKER, NULL);
  self->link = link;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  return GTK_WIDGET (self);
}

static AnttRecordItem *
member_item (AnttRecord *member,
             GHashTable *team_names)
{
  gint64 team = antt_record_get_int (member, "team_id");
  const char *name = antt_record_get_string (member, "full_name");
  const char *team_name = g_hash_table_lookup (team_names, &team);
  AnttRecordItem *item = antt_record_item_new (antt_record_get_id (member), 2);
  g_autofree char *search = g_strconcat (name ? name : "", " ", team_name ? team_name : "", NULL);
  g_autofree char *folded = antt_text_fold (search);

  antt_record_item_take_cell (item, 0, g_ref_string_new (name ? name : ""));
  antt_record_item_take_cell (item, 1, g_ref_string_new_intern (team_name ? team_name : ""));
  antt_record_item_take_search (item, g_ref_string_new (folded ? folded : ""));
  return item;
}

/**
 * antt_member_picker_load:
 * @date_iso: (nullable): the record's date; %NULL or an invalid date lists
 *   the members active today
 *
 * Lists the members active on @date_iso, and those already chosen.
 */
void
antt_member_picker_load (AnttMemberPicker *self,
                         AnttDatabase     *database,
                         const char       *date_iso)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GHashTable) team_names = NULL;
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (ANTT_IS_MEMBER_PICKER (self));
  g_return_if_fail (ANTT_IS_DATABASE (database));

  if (date_iso == NULL)
    date_iso = today = antt_app_today_iso ();
  antt_filter_set_period (filter, date_iso, date_iso);
  members = antt_records_list (database, "members", filter, NULL);
  teams = antt_records_list (database, "teams", NULL, NULL);

  team_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      AnttRecord *team = g_ptr_array_index (teams, i);
      gint64 id = antt_record_get_id (team);

      g_hash_table_insert (team_names, g_memdup2 (&id, sizeof id),
                           g_strdup (antt_record_get_string (team, "name")));
    }

  listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      AnttRecord *member = g_ptr_array_index (members, i);
      gint64 id = antt_record_get_id (member);

      g_ptr_array_add (items, member_item (member, team_names));
      g_hash_table_add (listed, g_memdup2 (&id, sizeof id));
    }

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(AnttRecord) member = NULL;

      if (g_hash_table_contains (listed, key))
        continue;
      member = antt_records_get (database, "members", *(gint64 *) key, NULL);
      if (member != NULL)
        g_ptr_array_add (items, member_item (member, team_names));
    }

  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       items->pdata, items->len);
}

/**
 * antt_member_picker_set_chosen:
 * @flags: bit n set for the link table's flag n ("present", "on_time")
 */
void
antt_member_picker_set_chosen (AnttMemberPicker *self,
                               gint64            member_id,
                               gboolean          chosen,
                               guint             flags)
{
  g_return_if_fail (ANTT_IS_MEMBER_PICKER (self));

  if (chosen)
    g_hash_table_insert (self->chosen, g_memdup2 (&member_id, sizeof member_id),
                         GUINT_TO_POINTER (flags));
  else
    g_hash_table_remove (self->chosen, &member_id);

  update_chosen_label (self);
  antt_member_picker_set_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * antt_member_picker_get_chosen:
 *
 * Returns: (transfer none): member id (gint64) → flags
 */
GHashTable *
antt_member_picker_get_chosen (AnttMemberPicker *self)
{
  g_return_val_if_fail (ANTT_IS_MEMBER_PICKER (self), NULL);
  return self->chosen;
}

/**
 * antt_member_picker_get_shown:
 *
 * Returns: (transfer none): the members listed, as searched
 */
GListModel *
antt_member_picker_get_shown (AnttMemberPicker *self)
{
  g_return_val_if_fail (ANTT_IS_MEMBER_PICKER (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

GtkEditable *
antt_member_picker_get_search_entry (AnttMemberPicker *self)
{
  g_return_val_if_fail (ANTT_IS_MEMBER_PICKER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * antt_member_picker_set_error:
 * @message: (nullable): why the choice was refused
 */
void
antt_member_picker_set_error (AnttMemberPicker *self,
                              const char       *message)
{
  g_return_if_fail (ANTT_IS_MEMBER_PICKER (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
