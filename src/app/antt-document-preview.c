/* antt-document-preview.c
 *
 * The documents are built and laid out in a worker thread
 * (antt-document-set.c); this window draws their pages, one drawing area
 * each, from the laid-out set. While the set is written to PDF in another
 * worker, the pages are not drawn from it (the set belongs to that thread
 * until it is done); they keep what they showed.
 *
 * For the interim and final reports, the sections the office writes are
 * edited beside the pages; "Update" stores them in the worker and builds
 * the report again with them. Changes not yet stored when the window
 * closes are stored then, at once on the window's connection; if they
 * cannot be, the window says so and stays open.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "antt-document-preview.h"

static const double zoom_levels[] = { 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0 };
#define DEFAULT_ZOOM 3   /* 100%: a point a pixel */

struct _AnttDocumentPreview
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *texts_button;
  GtkButton            *zoom_button;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  GtkWidget            *texts_pane;
  GtkScrolledWindow    *scroller;
  GtkBox               *pages_box;
  GtkTextView          *results_view;
  GtkTextView          *shortcomings_view;
  GtkTextView          *proposals_view;

  /* Owned */
  AnttDatabase         *database;
  char                 *spec;
  AnttDocumentSet      *set;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkWindow            *save_dialog;    /* the texts could not be stored */
  guint                 pulse_source;
  guint                 zoom;           /* index in zoom_levels */
  guint                 edit_serial;    /* changes of the texts */
  guint                 stored_serial;  /* the texts as stored */
  gboolean              has_texts;
  gboolean              filling;        /* setting the texts: no change */
  gboolean              busy;
  gboolean              writing;        /* the set is a worker's */
  gboolean              discard;        /* close without storing the texts */
};

G_DEFINE_FINAL_TYPE (AnttDocumentPreview, antt_document_preview, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextView *
text_view (AnttDocumentPreview *self,
           AnttReportSection    section)
{
  switch (section)
    {
    case ANTT_REPORT_SECTION_RESULTS:
      return self->results_view;
    case ANTT_REPORT_SECTION_SHORTCOMINGS:
      return self->shortcomings_view;
    case ANTT_REPORT_SECTION_PROPOSALS:
    default:
      return self->proposals_view;
    }
}

static char **
get_texts (AnttDocumentPreview *self)
{
  char **texts = g_new0 (char *, ANTT_N_REPORT_SECTIONS + 1);

  for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (self, (AnttReportSection) i));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      texts[i] = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return texts;
}

static void
update_actions (AnttDocumentPreview *self)
{
  gboolean ready = self->set != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.update",
                                 self->has_texts && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->zoom + 1 < G_N_ELEMENTS (zoom_levels));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > 0);
}

static gboolean
pulse_cb (gpointer data)
{
  AnttDocumentPreview *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (AnttDocumentPreview *self,
          gboolean             busy)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy && self->set != NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_spinner_set_spinning (self->spinner, busy && self->set == NULL);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_actions (self);
}

static void
progress_cb (GObject  *source_object,
             double    fraction,
             gpointer  user_data)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (source_object);

  if (g_cancellable_is_cancelled (self->cancellable) || !self->busy)
    return;
  if (fraction < 0)
    {
      if (self->pulse_source == 0)
        self->pulse_source = g_timeout_add (120, pulse_cb, self);
      return;
    }
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
show_toast (AnttDocumentPreview *self,
            const char          *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Pages -------------------------------------------------------------------- */

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AnttDocumentPreview *self = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "antt-page"));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (self->set == NULL || self->writing || page >= antt_document_set_get_n_pages (self->set))
    return;
  cairo_scale (cr, width / ANTT_PAGE_WIDTH, height / ANTT_PAGE_HEIGHT);
  antt_document_set_render_page (self->set, cr, page);
}

static void
size_pages (AnttDocumentPreview *self)
{
  double zoom = zoom_levels[self->zoom];
  int width = (int) round (ANTT_PAGE_WIDTH * zoom);
  int height = (int) round (ANTT_PAGE_HEIGHT * zoom);
  g_autofree char *label = g_strdup_printf ("%d%%", (int) round (zoom * 100));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), width);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), height);
    }

  gtk_button_set_label (self->zoom_button, label);
  {
    /* Translators: the button that shows the zoom of the pages and sets it
     * back to 100% */
    g_autofree char *name = g_strdup_printf (_("Zoom %d%%, original size"), (int) round (zoom * 100));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  update_actions (self);
}

static void
show_pages (AnttDocumentPreview *self)
{
  guint n_pages = antt_document_set_get_n_pages (self->set);
  guint n_shown = 0;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  /* Reused when built again: the scroll stays where the clerk reads. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL; n_shown++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (n_shown >= n_pages)
        gtk_box_remove (self->pages_box, child);
      else
        gtk_widget_queue_draw (child);
      child = next;
    }

  for (guint i = n_shown; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();

      g_object_set_data (G_OBJECT (area), "antt-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
      gtk_widget_add_css_class (area, "document-page");
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_box_append (self->pages_box, area);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "antt-page"));
      /* Translators: the name of a page of the document shown */
      g_autofree char *name = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
  size_pages (self);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages),
                              n_pages);
  adw_window_title_set_title (self->window_title, antt_document_set_get_title (self->set));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), antt_document_set_get_title (self->set));
  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
fill_texts (AnttDocumentPreview *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
    {
      const char *text = antt_document_set_get_text (self->set, (AnttReportSection) i);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view (self, (AnttReportSection) i)),
                                text ? text : "", -1);
    }
  self->filling = FALSE;
  self->stored_serial = self->edit_serial;
}

/* Building ----------------------------------------------------------------- */

typedef struct
{
  guint serial;   /* of the texts sent, or G_MAXUINT */
} BuildData;

static void
build_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree BuildData *data = user_data;
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (source_object);
  g_autoptr(AnttDocumentSet) set = NULL;
  g_autoptr(GError) error = NULL;
  gboolean first;

  set = antt_document_set_build_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  first = self->set == NULL;
  set_busy (self, FALSE);
  if (set == NULL)
    {
      if (first)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->set, antt_document_set_unref);
  self->set = g_steal_pointer (&set);
  if (first && self->has_texts)
    fill_texts (self);
  else if (data->serial != G_MAXUINT)
    self->stored_serial = data->serial;
  show_pages (self);
  update_actions (self);
}

static void
start_build (AnttDocumentPreview *self,
             gboolean             with_texts)
{
  BuildData *data = g_new0 (BuildData, 1);
  g_auto(GStrv) texts = with_texts ? get_texts (self) : NULL;

  data->serial = with_texts ? self->edit_serial : G_MAXUINT;
  set_busy (self, TRUE);
  if (self->set == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  antt_document_set_build_async (self, self->database, self->spec,
                                 (const char *const *) texts, NULL, self->cancellable,
                                 progress_cb, build_done_cb, data);
}

static void
texts_changed_cb (AnttDocumentPreview *self)
{
  if (!self->filling)
    self->edit_serial++;
}

/* Export and print --------------------------------------------------------- */

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  antt_document_set_write_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->writing = FALSE;
  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_toast (self, error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast once the PDF file is written */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, title);
    }
}

static void
chooser_response_cb (AnttDocumentPreview *self,
                     int                  response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    antt_document_preview_export (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (widget);

  if (self->set == NULL || self->busy || self->chooser != NULL)
    return;

  self->chooser = antt_document_set_new_export_chooser (self->set, GTK_WINDOW (self));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (source_object);
  g_autoptr(GError) error = NULL;

  antt_document_set_print_finish (result, &error);
  /* Closed meanwhile: nothing left to tell. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
  set_busy (self, FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  antt_document_preview_print (ANTT_DOCUMENT_PREVIEW (widget), NULL);
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  antt_document_preview_update (ANTT_DOCUMENT_PREVIEW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = MIN (self->zoom + 1, G_N_ELEMENTS (zoom_levels) - 1);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    self->zoom = self->zoom > 0 ? self->zoom - 1 : 0;
  else
    self->zoom = DEFAULT_ZOOM;
  size_pages (self);
}

/* GObject ------------------------------------------------------------------ */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
save_dialog_response_cb (AdwMessageDialog    *dialog,
                         const char          *response,
                         AnttDocumentPreview *self)
{
  g_clear_weak_pointer (&self->save_dialog);
  if (g_str_equal (response, "discard"))
    {
      /* Once the dialog, transient for this window, is gone. */
      self->discard = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* The texts could not be stored: the window stays, with them, until the
 * clerk chooses to close without them. */
static void
show_save_error (AnttDocumentPreview *self,
                 const GError        *error)
{
  GtkWidget *dialog;

  /* Translators: the preview of a report could not store the sections
   * the clerk wrote when its window was closed */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Report Texts"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, 0);
  g_set_weak_pointer (&self->save_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
antt_document_preview_close_request (GtkWindow *window)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (window);

  if (self->save_dialog != NULL)
    {
      gtk_window_present (self->save_dialog);
      return TRUE;
    }

  /* What was typed and not yet stored is kept for next time: stored now,
   * on the window's connection, before the window goes. */
  if (!self->discard && self->has_texts && self->set != NULL &&
      self->edit_serial != self->stored_serial && self->database != NULL)
    {
      g_auto(GStrv) texts = get_texts (self);
      g_autoptr(GError) error = NULL;

      if (!antt_document_texts_save (self->database, self->spec, (const char *const *) texts,
                                     &error))
        {
          show_save_error (self, error);
          return TRUE;
        }
      self->stored_serial = self->edit_serial;
    }
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (antt_document_preview_parent_class)->close_request (window);
}

static void
antt_document_preview_dispose (GObject *object)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->save_dialog != NULL)
    gtk_window_destroy (self->save_dialog);
  g_clear_weak_pointer (&self->save_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_DOCUMENT_PREVIEW);
  g_clear_object (&self->database);
  /* A worker may still be writing the set: it holds its own reference. */
  g_clear_pointer (&self->set, antt_document_set_unref);

  G_OBJECT_CLASS (antt_document_preview_parent_class)->dispose (object);
}

static void
antt_document_preview_finalize (GObject *object)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->spec);

  G_OBJECT_CLASS (antt_document_preview_parent_class)->finalize (object);
}

static void
antt_document_preview_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnttDocumentPreview *self = ANTT_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_document_preview_class_init (AnttDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = antt_document_preview_dispose;
  object_class->finalize = antt_document_preview_finalize;
  object_class->get_property = antt_document_preview_get_property;
  window_class->close_request = antt_document_preview_close_request;

  /**
   * AnttDocumentPreview:busy:
   *
   * Whether the document is being built, written or printed.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-document-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, texts_button);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, paned);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, texts_pane);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, results_view);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, shortcomings_view);
  gtk_widget_class_bind_template_child (widget_class, AnttDocumentPreview, proposals_view);

  gtk_widget_class_install_action (widget_class, "preview.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.update", NULL, update_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
antt_document_preview_init (AnttDocumentPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->zoom = DEFAULT_ZOOM;

  for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
    g_signal_connect_object (gtk_text_view_get_buffer (text_view (self, (AnttReportSection) i)),
                             "changed", G_CALLBACK (texts_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preparing the document…"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"),
                                  -1);
  size_pages (self);
  update_actions (self);
}

/**
 * antt_document_preview_new:
 * @parent: (nullable): the main window
 * @database: the data file
 * @spec: the documents, as the "doc" actions name them
 *
 * A window that builds the documents and shows their pages.
 *
 * Returns: (transfer none): the window, owned by GTK's list of toplevels
 */
GtkWidget *
antt_document_preview_new (GtkWindow    *parent,
                           AnttDatabase *database,
                           const char   *spec)
{
  AnttDocumentPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANTT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (ANTT_TYPE_DOCUMENT_PREVIEW,
                       "transient-for", parent,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->database = g_object_ref (database);
  self->spec = g_strdup (spec);
  self->has_texts = antt_document_spec_has_texts (spec);
  gtk_widget_set_visible (GTK_WIDGET (self->texts_button), self->has_texts);
  gtk_toggle_button_set_active (self->texts_button, self->has_texts);
  adw_window_title_set_title (self->window_title, _("Preparing the document…"));

  start_build (self, FALSE);
  return GTK_WIDGET (self);
}

const char *
antt_document_preview_get_spec (AnttDocumentPreview *self)
{
  g_return_val_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self), NULL);
  return self->spec;
}

gboolean
antt_document_preview_get_busy (AnttDocumentPreview *self)
{
  g_return_val_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self), FALSE);
  return self->busy;
}

/**
 * antt_document_preview_get_documents:
 *
 * Returns: (transfer none) (nullable): the documents shown, %NULL until
 *   they are built
 */
AnttDocumentSet *
antt_document_preview_get_documents (AnttDocumentPreview *self)
{
  g_return_val_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self), NULL);
  return self->set;
}

/**
 * antt_document_preview_get_n_pages:
 *
 * Returns: the pages shown
 */
guint
antt_document_preview_get_n_pages (AnttDocumentPreview *self)
{
  guint n = 0;

  g_return_val_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * antt_document_preview_get_text_buffer:
 *
 * Returns: (transfer none): the text of a section the office writes
 */
GtkTextBuffer *
antt_document_preview_get_text_buffer (AnttDocumentPreview *self,
                                       AnttReportSection    section)
{
  g_return_val_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self), NULL);
  g_return_val_if_fail (section < ANTT_N_REPORT_SECTIONS, NULL);

  return gtk_text_view_get_buffer (text_view (self, section));
}

/**
 * antt_document_preview_update:
 *
 * Stores the texts of the report and builds it again with them (the
 * "Update" button).
 */
void
antt_document_preview_update (AnttDocumentPreview *self)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self));

  if (!self->has_texts || self->busy)
    return;
  start_build (self, TRUE);
}

/**
 * antt_document_preview_export:
 * @file: the PDF file to write
 *
 * Writes the documents shown to @file in a worker thread (what "Export
 * PDF…" does once a file is chosen).
 */
void
antt_document_preview_export (AnttDocumentPreview *self,
                              GFile               *file)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->set == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  self->writing = TRUE;
  self->pulse_source = g_timeout_add (120, pulse_cb, self);
  antt_document_set_write_async (self->set, self, file, self->cancellable, write_done_cb,
                                 g_object_ref (file));
}

/**
 * antt_document_preview_print:
 * @export_file: (nullable): for tests, export the pages to this PDF file
 *   through the print operation instead of showing the print dialog
 *
 * Prints the documents shown (what "Print…" does); the window is busy
 * until the print is done.
 */
void
antt_document_preview_print (AnttDocumentPreview *self,
                             GFile               *export_file)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_PREVIEW (self));
  g_return_if_fail (export_file == NULL || G_IS_FILE (export_file));

  if (self->set == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  antt_document_set_print_async (self->set, self, GTK_WINDOW (self), export_file, print_done_cb,
                                 NULL);
}
