/* antt-demo.c: placeholder until the generator lands. */
#include "config.h"

#include "antt-demo.h"

gboolean
antt_demo_generate (AnttDatabase      *db,
                    guint              scale,
                    guint32            seed,
                    AnttDemoProgress   progress,
                    gpointer           user_data,
                    GError           **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
  return FALSE;
}
