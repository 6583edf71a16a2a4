/* test-startup.c: what the program sets for itself before GTK starts.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "antt-startup.h"

static void
assert_debug_after (const char *renderer,
                    const char *debug,
                    const char *expected)
{
  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  if (debug != NULL)
    g_setenv ("GDK_DEBUG", debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");

  antt_startup_prepare ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, expected);
}

/* GL goes off only when Cairo draws, and never against the user's word. */
static void
test_gl_setting (void)
{
  assert_debug_after ("cairo", NULL, "gl-disable");
  assert_debug_after ("Cairo", "", "gl-disable");
  assert_debug_after ("cairo", "misc", "misc,gl-disable");
  assert_debug_after ("cairo", "gl-glx", "gl-glx");
  assert_debug_after ("ngl", NULL, NULL);
  assert_debug_after ("gl", "misc", "misc");
  assert_debug_after (NULL, NULL, NULL);
}

/* Drawn with Cairo, a shown window loads no OpenGL library (under Xvfb:
 * Mesa's software rasteriser and LLVM, some 60 MB). */
static void
test_no_gl_loaded (void)
{
  g_autofree char *maps = NULL;
  GtkWidget *window;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_unsetenv ("GDK_DEBUG");
  antt_startup_prepare ();
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Thi đua"));
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  g_assert_null (strstr (maps, "libLLVM"));
  g_assert_null (strstr (maps, "_dri.so"));
  g_assert_null (strstr (maps, "libGLX_mesa"));
  g_assert_null (strstr (maps, "libEGL_mesa"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup/gl-setting", test_gl_setting);
  g_test_add_func ("/startup/no-gl-loaded", test_no_gl_loaded);

  return g_test_run ();
}
