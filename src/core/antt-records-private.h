/* antt-records-private.h: what the table rules need of the records. */
#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

void antt_record_set_field_error (GError          **error,
                                  const char       *field,
                                  AnttRecordError   code,
                                  const char       *format,
                                  ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
