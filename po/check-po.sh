#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails unless the Vietnamese translation is complete against the sources as
# they are now: the strings are extracted afresh from POTFILES.in (the same
# keywords as meson's glib preset), merged into a copy of vi.po, and msgfmt
# must accept the result (-c also checks the header and format strings) with
# no untranslated or fuzzy messages. A string added to the code without its
# translation fails here, before a clerk sees English.
#
# Usage: check-po.sh SOURCE_ROOT

root=${1:-$(dirname "$0")/..}
po=$root/po/vi.po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root" || exit 1

# Every source with translatable strings must be listed, or its strings
# would never reach the translation.
missing=$(grep -rlE '(^|[^A-Za-z0-9_])N?_ ?\("|translatable="yes"' src ui --include='*.c' --include='*.ui' |
          sort | while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "check-po: not in po/POTFILES.in: $missing" >&2
  exit 1
fi
if ! xgettext --from-code=UTF-8 --add-comments --package-name=thidua-antt \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
       --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
       --flag=g_snprintf:3:c-format \
       --files-from=po/POTFILES.in --output="$tmp/thidua-antt.pot" 2>"$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log" >&2
  echo "check-po: xgettext failed" >&2
  exit 1
fi

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/vi.po" "$po" "$tmp/thidua-antt.pot" || exit 1

if ! output=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/vi.po" 2>&1); then
  printf '%s\n' "$output" >&2
  echo "check-po: msgfmt refused vi.po" >&2
  exit 1
fi

echo "vi.po: $output"
case $output in
  *untranslated*|*fuzzy*)
    echo "check-po: vi.po is incomplete; run 'meson compile -C BUILD thidua-antt-update-po' and translate" >&2
    msgattrib --untranslated --only-fuzzy "$tmp/vi.po" 2>/dev/null | head -40 >&2
    msgattrib --untranslated "$tmp/vi.po" 2>/dev/null | grep '^msgid' | head -20 >&2
    exit 1
    ;;
esac
exit 0
