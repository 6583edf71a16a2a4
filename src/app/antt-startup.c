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
 * - The C library gives each thread that allocates at the same time as
 *   another an arena of its own, up to eight per core, and each keeps what
 *   its loads freed. The lists and the evaluations load in worker threads:
 *   two arenas (the main thread's and one the workers share) keep the
 *   window's thread apart from the loads, and a few MB of freed memory
 *   fewer after them (MALLOC_ARENA_MAX or GLIBC_TUNABLES still decide
 *   when set).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

static void
limit_arenas (void)
{
#if defined(__GLIBC__)
  const char *tunables = g_getenv ("GLIBC_TUNABLES");

  /* Unless the user chose a number. */
  if (g_getenv ("MALLOC_ARENA_MAX") != NULL ||
      (tunables != NULL && strstr (tunables, "arena_max") != NULL))
    return;
  mallopt (M_ARENA_MAX, 2);
#endif
}

void
antt_startup_prepare (void)
{
  disable_gl_when_unused ();
  limit_arenas ();
}
