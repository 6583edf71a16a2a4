/* antt-document-actions.c
 *
 * Each action builds its documents in a worker thread (antt-document-set.c)
 * while a toast says so; an export then asks where to save and writes the
 * PDF in another worker, a print opens the print dialog over the laid-out
 * pages. Errors (no review, no nomination yet…) come from the core, in the
 * user's language, in a dialog.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-document-actions.h"
#include "antt-document-preview.h"
#include "antt-document-set.h"
#include "antt-window.h"

struct _AnttDocumentActions
{
  GObject             parent_instance;

  /* Borrowed */
  GtkWindow          *window;     /* weak */

  /* Owned */
  GSimpleActionGroup *group;
  AnttDatabase       *database;
  GFile              *next_file;
  GFile              *next_print_file;
  GCancellable       *cancellable;
  guint               n_running;
};

G_DEFINE_FINAL_TYPE (AnttDocumentActions, antt_document_actions, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_N_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AnttDocumentActions *self;      /* owned: a print outlives the window */
  char                *action;
  char                *spec;
  AdwToast            *toast;     /* "Preparing…", dismissed when done */
  AnttDocumentSet     *set;
  GFile               *file;      /* the PDF written */
  GFile               *print_file; /* print: exported there, no dialog */
} Job;

static void
job_free (Job *job)
{
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
  g_clear_pointer (&job->set, antt_document_set_unref);
  g_clear_object (&job->file);
  g_clear_object (&job->print_file);
  g_clear_object (&job->self);
  g_free (job->action);
  g_free (job->spec);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
add_toast (AnttDocumentActions *self,
           AdwToast            *toast)
{
  if (self->window != NULL && ANTT_IS_WINDOW (self->window))
    antt_window_add_toast (ANTT_WINDOW (self->window), g_object_ref (toast));
}

static void
show_error (AnttDocumentActions *self,
            const GError        *error)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;
  dialog = adw_message_dialog_new (self->window, _("Cannot Make the Document"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static Job *
job_new (AnttDocumentActions *self,
         const char          *action,
         const char          *spec)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->action = g_strdup (action);
  job->spec = g_strdup (spec);
  /* Translators: a toast while a document is built in the background */
  job->toast = g_object_ref_sink (adw_toast_new (_("Preparing the document…")));
  adw_toast_set_timeout (job->toast, 0);
  add_toast (self, job->toast);

  self->n_running++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
  return job;
}

/* Ends a job: says how it went, to the user and to the "finished" signal. */
static void
job_finish (Job          *job,
            const GError *error)
{
  AnttDocumentActions *self = job->self;
  g_autoptr(Job) owned = job;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);

  self->n_running--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, job->action, job->spec, error);
}

/* Export ------------------------------------------------------------------- */

static void
saved (Job   *job,
       GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(AdwToast) toast = adw_toast_new_format (_("Saved “%s”"), name);

  add_toast (job->self, toast);
}

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (antt_document_set_write_finish (result, &error))
    saved (job, job->file);
  job_finish (job, error);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Job *job = user_data;
  AnttDocumentActions *self = job->self;

  if (response == GTK_RESPONSE_ACCEPT)
    job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (job->file == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Cancelled");
      job_finish (job, error);
      return;
    }

  /* Writing takes a moment too: the toast again. */
  if (job->toast != NULL)
    add_toast (self, job->toast);
  antt_document_set_write_async (job->set, self, job->file, self->cancellable, write_done_cb,
                                 job);
}

static void
ask_file (Job *job)
{
  GtkFileChooserNative *chooser;

  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);

  chooser = antt_document_set_new_export_chooser (job->set, job->self->window);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print -------------------------------------------------------------------- */

static void
print_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  antt_document_set_print_finish (result, &error);
  job_finish (job, error);
}

static void
print_set (Job *job)
{
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  antt_document_set_print_async (job->set, job->self, job->self->window, job->print_file,
                                 print_done_cb, job);
}

/* Actions ------------------------------------------------------------------ */

static void
build_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  AnttDocumentActions *self = job->self;
  g_autoptr(GError) error = NULL;

  job->set = antt_document_set_build_finish (result, &error);
  if (job->set == NULL || self->window == NULL)
    {
      job_finish (job, error);
      return;
    }

  if (job->file != NULL)
    {
      saved (job, job->file);
      job_finish (job, NULL);
    }
  else if (g_str_equal (job->action, "export-pdf"))
    ask_file (job);
  else
    print_set (job);
}

static void
start_job (AnttDocumentActions *self,
           const char          *action,
           GVariant            *parameter)
{
  const char *spec = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = NULL;
  Job *job;

  if (self->database == NULL)
    return;
  if (!antt_document_spec_parse (spec, NULL, NULL, NULL))
    {
      g_warning ("doc.%s: no document “%s”", action, spec);
      return;
    }

  if (g_str_equal (action, "preview"))
    {
      GtkWidget *preview = antt_document_preview_new (self->window, self->database, spec);

      gtk_window_present (GTK_WINDOW (preview));
      return;
    }

  /* A file given beforehand (tests) is written without asking. */
  if (g_str_equal (action, "export-pdf"))
    file = g_steal_pointer (&self->next_file);

  job = job_new (self, action, spec);
  job->file = g_steal_pointer (&file);
  if (g_str_equal (action, "print"))
    job->print_file = g_steal_pointer (&self->next_print_file);
  antt_document_set_build_async (self, self->database, spec, NULL, job->file, self->cancellable,
                                 NULL, build_done_cb, job);
}

static void
preview_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  start_job (user_data, "preview", parameter);
}

static void
export_pdf_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  start_job (user_data, "export-pdf", parameter);
}

static void
print_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  start_job (user_data, "print", parameter);
}

static const GActionEntry action_entries[] = {
  { "preview", preview_cb, "s" },
  { "export-pdf", export_pdf_cb, "s" },
  { "print", print_cb, "s" },
};

/* GObject ------------------------------------------------------------------ */

static void
antt_document_actions_dispose (GObject *object)
{
  AnttDocumentActions *self = ANTT_DOCUMENT_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  g_clear_object (&self->group);
  g_clear_object (&self->database);
  g_clear_object (&self->next_file);
  g_clear_object (&self->next_print_file);

  G_OBJECT_CLASS (antt_document_actions_parent_class)->dispose (object);
}

static void
antt_document_actions_finalize (GObject *object)
{
  AnttDocumentActions *self = ANTT_DOCUMENT_ACTIONS (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (antt_document_actions_parent_class)->finalize (object);
}

static void
antt_document_actions_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnttDocumentActions *self = ANTT_DOCUMENT_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_N_RUNNING:
      g_value_set_uint (value, self->n_running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_document_actions_class_init (AnttDocumentActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = antt_document_actions_dispose;
  object_class->finalize = antt_document_actions_finalize;
  object_class->get_property = antt_document_actions_get_property;

  /**
   * AnttDocumentActions:n-running:
   *
   * The exports and prints under way (building, asking or writing).
   */
  properties[PROP_N_RUNNING] =
    g_param_spec_uint ("n-running", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnttDocumentActions::finished:
   * @action: "export-pdf" or "print"
   * @spec: the document
   * @error: (nullable): why it failed, %NULL if done
   *
   * An export or a print is over.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
antt_document_actions_init (AnttDocumentActions *self)
{
  self->cancellable = g_cancellable_new ();
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  antt_document_actions_set_database (self, NULL);
}

/**
 * antt_document_actions_new:
 * @window: the main window
 *
 * Inserts the "doc" actions into @window.
 *
 * Returns: (transfer full): the actions, for the window to keep
 */
AnttDocumentActions *
antt_document_actions_new (GtkWindow *window)
{
  AnttDocumentActions *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_object_new (ANTT_TYPE_DOCUMENT_ACTIONS, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "doc", G_ACTION_GROUP (self->group));
  return self;
}

/**
 * antt_document_actions_set_database:
 * @database: (nullable): the data file the documents are built from
 *
 * The actions are enabled while a data file is open.
 */
void
antt_document_actions_set_database (AnttDocumentActions *self,
                                    AnttDatabase        *database)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_ACTIONS (self));
  g_return_if_fail (database == NULL || ANTT_IS_DATABASE (database));

  g_set_object (&self->database, database);
  for (guint i = 0; i < G_N_ELEMENTS (action_entries); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group),
                                                    action_entries[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), database != NULL);
    }
}

/**
 * antt_document_actions_set_next_file:
 * @file: (nullable): where the next doc.export-pdf writes
 *
 * For tests and scripts: the next export writes @file without asking.
 */
void
antt_document_actions_set_next_file (AnttDocumentActions *self,
                                     GFile               *file)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_ACTIONS (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->next_file, file);
}

guint
antt_document_actions_get_n_running (AnttDocumentActions *self)
{
  g_return_val_if_fail (ANTT_IS_DOCUMENT_ACTIONS (self), 0);
  return self->n_running;
}

/**
 * antt_document_actions_set_next_print_file:
 * @file: (nullable): where the next doc.print exports its pages
 *
 * For tests: the next print runs GTK's print operation without a dialog,
 * exporting the pages to @file (the same drawing as on paper).
 */
void
antt_document_actions_set_next_print_file (AnttDocumentActions *self,
                                           GFile               *file)
{
  g_return_if_fail (ANTT_IS_DOCUMENT_ACTIONS (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->next_print_file, file);
}
