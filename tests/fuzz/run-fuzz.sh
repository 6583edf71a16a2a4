#!/usr/bin/env bash
# A bounded libFuzzer run: run-fuzz.sh TARGET SEED_CORPUS WORKDIR SECONDS
# New inputs go to WORKDIR (never into the source tree); a crash fails the
# test and leaves the input in WORKDIR to be added to the seed corpus.
set -u
target=$1 seeds=$2 work=$3 seconds=${4:-60}
mkdir -p "$work/corpus"
exec "$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/" "$work/corpus" "$seeds"
