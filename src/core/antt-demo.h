/* antt-demo.h: realistic generated records, for trying the app and for
 * benchmarks. The same scale and seed always give the same records. */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

typedef void (*AnttDemoProgress) (double    fraction,
                                  gpointer  user_data);

gboolean antt_demo_generate (AnttDatabase      *db,
                             guint              scale,
                             guint32            seed,
                             AnttDemoProgress   progress,
                             gpointer           user_data,
                             GError           **error);

G_END_DECLS
