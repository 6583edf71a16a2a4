#!/usr/bin/env bash
# Sets up everything, builds Thi đua ANTT and starts it in Vietnamese on the
# default data file (~/.local/share/thidua-antt/thidua-antt.db, created with the
# commune's plan on first run). Arguments go to the program, e.g.
#   build-aux/run.sh --database /media/usb/other.db
set -eu
cd "$(dirname "$0")/.."
top=$PWD

./build-aux/install-deps.sh

# Installed into a private prefix inside the checkout, so that translations,
# the settings schema and the icons are found as they will be on a real install.
builddir=$top/_build-run
prefix=$builddir/prefix
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --prefix "$prefix" -Dbench=false --buildtype=release
fi
meson compile -C "$builddir"
meson install -C "$builddir" --quiet >/dev/null

export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
export LANG=vi_VN.UTF-8 LANGUAGE=vi LC_ALL=vi_VN.UTF-8

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
  echo "run.sh: start it from a desktop session, or for a look without one:" >&2
  echo "run.sh:   xvfb-run -a $prefix/bin/thidua-antt" >&2
  exit 1
fi

exec "$prefix/bin/thidua-antt" "$@"
