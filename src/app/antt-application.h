/* antt-application.h
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANTT_TYPE_APPLICATION (antt_application_get_type ())

G_DECLARE_FINAL_TYPE (AnttApplication, antt_application, ANTT, APPLICATION, AdwApplication)

AnttApplication *antt_application_new (void);

G_END_DECLS
