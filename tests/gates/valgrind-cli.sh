#!/usr/bin/env bash
# Valgrind memcheck over each job of antt-cli on a real file: no invalid read
# or write, no use of uninitialised memory, and "definitely lost: 0 bytes".
#   valgrind-cli.sh ANTT_CLI
set -u
cli=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/thidua.db
supp=()
[ -f /usr/share/glib-2.0/valgrind/glib.supp ] && supp=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
supp+=(--suppressions="$(dirname "$0")/valgrind.supp")

failed=0
check () {
  local name=$1; shift
  local log=$dir/$name.log
  G_SLICE=always-malloc G_DEBUG=gc-friendly \
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
      --show-leak-kinds=definite "${supp[@]}" --log-file="$log" \
      "$cli" --database "$db" "$@" >/dev/null 2>"$dir/$name.err"
  local rc=$?
  if [ $rc -ne 0 ] || grep -q 'definitely lost: [1-9]' "$log"; then
    echo "not ok - $name (exit $rc)"
    sed 's/^/# /' "$log" "$dir/$name.err" | head -60
    failed=1
  else
    echo "ok - $name"
  fi
}

echo "1..9"
check init init
check info info
check demo-data demo-data --scale 1 --seed 3
check info-after-demo info
check backup backup --to "$dir"
backup_file=$(ls "$dir"/*.anttbak | head -n 1)
check verify verify "$backup_file"
check report report final --phase 2 -o "$dir/final.pdf"
check export-csv export-csv members -o "$dir/members.csv"
# Refusals run through their own code paths: a file that is not ours.
echo "not a database" > "$dir/notes.txt"
G_SLICE=always-malloc valgrind --quiet --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite "${supp[@]}" --log-file="$dir/refuse.log" \
  "$cli" --database "$dir/notes.txt" info >/dev/null 2>&1
rc=$?
if [ $rc -eq 99 ] || grep -q 'definitely lost: [1-9]' "$dir/refuse.log"; then
  echo "not ok - refuse"; sed 's/^/# /' "$dir/refuse.log" | head -40; failed=1
else
  echo "ok - refuse"
fi
exit $failed
