#!/usr/bin/env bash
# Whole-process time of `masterplan status --json` on the ten-year database
# of `masterplan dev seed`: exec, open, summary, JSON, exit.
#
#   scripts/status.sh [RUNS]             (default 20)
#
# Prints the fastest, median and slowest run in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
OUT=${OUT:-/tmp/masterplan-perf}
# Fyne logs an error for the bare C locale: give it a real one.
case "${LANG:-C}" in C | C.UTF-8 | POSIX) export LANG=en_US.UTF-8 ;; esac
mkdir -p "$OUT"
go build -o "$OUT/masterplan" ./cmd/masterplan
. scripts/seeded.sh
cp "$seeded" "$OUT/status.db"
rm -f "$OUT/status.db-wal" "$OUT/status.db-shm"
"$OUT/masterplan" --db "$OUT/status.db" status --json >/dev/null # warm the page cache
: >"$OUT/status.txt"
for _ in $(seq "$RUNS"); do
	t0=$(date +%s%N)
	"$OUT/masterplan" --db "$OUT/status.db" status --json >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 )) >>"$OUT/status.txt"
done
sort -n "$OUT/status.txt" | awk '{a[NR]=$1} END {printf "status --json: fastest %d ms, median %d ms, slowest %d ms over %d runs\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
