#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails unless every translation is complete: msgfmt accepts the file (-c
# also checks the header and the format strings) and reports no untranslated
# or fuzzy messages.
#
# Usage: check-po.sh [FILE.po...]   (default: vi.po next to this script)

if [ $# -eq 0 ]; then
  set -- "$(dirname "$0")/vi.po"
fi

status=0
for po in "$@"; do
  if ! output=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1); then
    printf '%s\n' "$output" >&2
    echo "$po: msgfmt failed" >&2
    status=1
    continue
  fi

  printf '%s: %s\n' "$po" "$output"
  case $output in
    *untranslated*|*fuzzy*)
      echo "$po: translation incomplete" >&2
      status=1
      ;;
  esac
done

exit $status
