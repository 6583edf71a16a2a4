#!/usr/bin/env bash
# Sets up everything, builds Thi đua ANTT and runs every test: unit tests of the
# core, the CLI, widget and end-to-end tests under Xvfb, and data validation.
# The closing line is "N passed, N failed", counted from meson's test logs.
set -u
cd "$(dirname "$0")/.."
top=$PWD

./build-aux/install-deps.sh || exit 1

export LC_ALL=C.UTF-8

logs=()
status=0

# run_suite BUILDDIR [meson setup options...]
run_suite () {
  local builddir=$1; shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@" || return 1
  else
    meson setup --reconfigure "$builddir" "$@" >/dev/null || return 1
  fi
  meson compile -C "$builddir" || return 1
  rm -f "$builddir/meson-logs/testlog.json"
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=1
  logs+=("$builddir/meson-logs/testlog.json")
}

run_suite "$top/_build-test" -Dwerror=true || status=1

/usr/bin/python3 "$top/build-aux/count-tests.py" "${logs[@]}" || status=1
exit $status
