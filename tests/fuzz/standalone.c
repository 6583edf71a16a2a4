/* standalone.c: runs a fuzz target over files, without libFuzzer.
 *
 * The ordinary build links each target with this driver and replays the seed
 * corpus and every crash ever found (tests/fuzz/corpus/TARGET) as a test.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
run_path (const char *path,
          guint      *count)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          run_path (child, count);
        }
      return;
    }

  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    if (!g_file_get_contents (path, &contents, &len, NULL))
      g_error ("cannot read %s", path);
    LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
    (*count)++;
  }
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    run_path (argv[i], &count);

  printf ("replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
