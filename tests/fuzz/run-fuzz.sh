#!/bin/sh
# run-fuzz.sh: builds the libFuzzer targets with clang and runs each for a bounded time
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS]   (total time, shared by the targets; default 200,
# 14 s for each of the 14)
# Exits 1 if a target crashed; the reproducer is left as tests/fuzz/crash-* (or
# leak-*, timeout-*, oom-*). Replay one with: build-fuzz/tests/fuzz/fuzz-NAME FILE

set -eu

total=${1:-200}
case $total in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$src/build-fuzz
# Each target's seeds are corpus/NAME/ if there is one; the annotation
# loader and the JSON parser share the files at the top of corpus/.
targets="annotations json corpus-jsonl guidelines import-brat import-doccano import-jsonl import-label-studio timex suggest gazetteer search schema label-rename search-file import-ls-config name-finder review-side"
n_targets=18

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true
fi
ninja -C "$build" $(for name in $targets; do printf 'tests/fuzz/fuzz-%s ' "$name"; done)

per_target=$((total / n_targets))
[ "$per_target" -ge 1 ] || per_target=1

failed=0
for name in $targets; do
  # libFuzzer adds what it finds to the first corpus folder: work on a copy
  # so that the seeds in git stay the few small files written by hand.
  work=$here/corpus-work/$name
  mkdir -p "$work"
  if [ -d "$here/corpus/$name" ]; then
    cp "$here/corpus/$name"/* "$work"/
  else
    find "$here/corpus" -maxdepth 1 -type f -exec cp {} "$work"/ \;
  fi

  # A target's own dictionary if it has one, else JSON's.
  dict=$here/annotations.dict
  [ ! -f "$here/$name.dict" ] || dict=$here/$name.dict

  echo "== fuzz-$name for ${per_target}s"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       G_DEBUG=fatal-criticals \
       "$build/tests/fuzz/fuzz-$name" \
         -max_total_time="$per_target" \
         -timeout=10 \
         -rss_limit_mb=2048 \
         -max_len=65536 \
         -dict="$dict" \
         -artifact_prefix="$here/" \
         -print_final_stats=1 \
         "$work" 2>"$work.log"; then
    failed=1
    echo "fuzz-$name FAILED; reproducer and log:" >&2
    ls -t "$here"/crash-* "$here"/leak-* "$here"/timeout-* "$here"/oom-* 2>/dev/null | head -n 1 >&2 || true
    echo "  $work.log" >&2
    tail -n 40 "$work.log" >&2
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$work.log" || true
  fi
done

exit $failed
