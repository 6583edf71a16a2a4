/* antt-startup.c: what the process sets for itself before GTK starts.
 *
 * Called first thing by main(), before any thread or display exists, and by
 * the window benchmark in the same place, so that it measures the program
 * as a user runs it.
 *
 * - Drawn with Cairo (GSK_RENDERER=cairo: a machine without a GPU, Xvfb, a
 *   remote desktop), GTK 4.8 on X11 still loads OpenGL to choose its
 *   visual: with no GPU that is Mesa's software rasteriser and LLVM, some
 *   60 MB resident and five threads, for nothing that is drawn. GL is then
 *   turned off (GDK_DEBUG=gl-disable), unless GDK_DEBUG already says
 *   something of GL.
 *
 * (Limiting the C library's arenas, M_ARENA_MAX 2, was measured with
 * bench-window at scale 300: some 4 MB less resident at the end, but the
 * first frame 25 ms later, the window's thread sharing its arena with the
 * loads: not kept.)
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "antt-startup.h"

static void
disable_gl_when_unused (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *value = NULL;

  if (renderer == NULL || g_ascii_strcasecmp (renderer, "cairo") != 0)
    return;
  if (debug != NULL && strstr (debug, "gl-") != NULL)
    return;

  value = (debug != NULL && *debug != '\0') ? g_strconcat (debug, ",gl-disable", NULL)
                                            : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", value, TRUE);
}

void
antt_startup_prepare (void)
{
  disable_gl_when_unused ();
}
