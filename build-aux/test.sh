#!/usr/bin/env bash
# Sets up everything, builds Thi đua ANTT and runs every test, under every
# gate: the release build with -Werror (unit, CLI, widget, end-to-end, data
# validation, valgrind, cppcheck, fuzz corpus replay), the same suites built
# with AddressSanitizer + UndefinedBehaviorSanitizer, and a bounded libFuzzer
# run of each fuzz target. The closing line is "N passed, N failed", counted
# from meson's test logs.
#
#   FUZZ_SECONDS=60   how long each fuzz target runs (0 skips the fuzz build)
#   QUICK=1           only the release build (for a fast loop while coding)
set -u
cd "$(dirname "$0")/.."
top=$PWD

./build-aux/install-deps.sh || exit 1

export LC_ALL=C.UTF-8
fuzz_seconds=${FUZZ_SECONDS:-60}

logs=()
status=0

# run_suite BUILDDIR "MESON TEST ARGS" "ENVIRONMENT" [meson setup options...]
# ENVIRONMENT (NAME=value words) applies to the setup, the build and the tests.
run_suite () {
  local builddir=$1 test_args=$2 environment=$3; shift 3
  echo "== $builddir"
  # shellcheck disable=SC2086
  if [ ! -f "$builddir/build.ninja" ]; then
    env $environment meson setup "$builddir" "$@" || { status=1; return; }
  else
    env $environment meson setup --reconfigure "$builddir" "$@" >/dev/null || { status=1; return; }
  fi
  env $environment meson compile -C "$builddir" || { status=1; return; }
  rm -f "$builddir/meson-logs/testlog.json"
  # shellcheck disable=SC2086
  env $environment meson test -C "$builddir" --print-errorlogs --num-processes 2 $test_args || status=1
  logs+=("$builddir/meson-logs/testlog.json")
}

# 1. Release build, warnings as errors, every suite.
run_suite "$top/_build-test" "" "" --buildtype=release -Dwerror=true

if [ "${QUICK:-0}" != 1 ]; then
  # 2. AddressSanitizer + UndefinedBehaviorSanitizer over the same tests
  #    (valgrind and cppcheck do not apply to an instrumented build).
  sanitizers="ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
LSAN_OPTIONS=suppressions=$top/tests/gates/lsan.supp:print_suppressions=0
G_SLICE=always-malloc"
  run_suite "$top/_build-asan" "--no-suite bench" "$sanitizers" --buildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbench=false

  # 3. libFuzzer, bounded: each target for FUZZ_SECONDS over its corpus.
  if [ "$fuzz_seconds" -gt 0 ]; then
    run_suite "$top/_build-fuzz" "--suite fuzz-run" \
      "CC=clang UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 G_SLICE=always-malloc" \
      --buildtype=debugoptimized -Dfuzz=true -Dfuzz_seconds="$fuzz_seconds" \
      -Db_sanitize=address,undefined -Db_lundef=false -Dapp=false -Dbench=false
  fi
fi

/usr/bin/python3 "$top/build-aux/count-tests.py" "${logs[@]}" || status=1
exit $status
