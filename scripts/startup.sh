#!/usr/bin/env bash
# Start-up time and memory of MasterPlan against a bare Fyne window, on the
# ten-year database of `masterplan dev seed`. Needs Xvfb, xdotool, x11-utils.
#
#   scripts/startup.sh [RUNS]            (default 10 runs of each)
#
# Start-up is from exec until the window is mapped and viewable (xwininfo),
# polled every 5 ms; Fyne maps the window once its first frame is ready.
# Memory is VmRSS from /proc/PID/status: for the bare window 2 s after it
# shows, for MasterPlan after visiting every screen (Ctrl+2..8, then Ctrl+1, 1 s
# each).
# Environment: DISPLAY_NUM (default 107), OUT (default /tmp/masterplan-perf).
set -euo pipefail
# Without a session bus each start would autolaunch a D-Bus daemon of its
# own that outlives it; a hundred of them use up the inotify instances
# that Fyne watches its settings with, and windows stop opening. One
# session for the whole run, ended with it.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
	exec dbus-run-session -- "$0" "$@"
fi
cd "$(dirname "$0")/.."
RUNS=${1:-10}
DISPLAY_NUM=${DISPLAY_NUM:-107}
OUT=${OUT:-/tmp/masterplan-perf}
# Fyne logs an error for the bare C locale: give it a real one.
case "${LANG:-C}" in C | C.UTF-8 | POSIX) export LANG=en_US.UTF-8 ;; esac
mkdir -p "$OUT"

go build -o "$OUT/masterplan" ./cmd/masterplan
go build -o "$OUT/barewindow" ./scripts/barewindow

export DISPLAY=:$DISPLAY_NUM
xvfb=""
if ! xdpyinfo >/dev/null 2>&1; then
	Xvfb ":$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
	xvfb=$!
	for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
fi
cleanup() { [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

. scripts/seeded.sh

# mapped TITLE: the id of the viewable window named TITLE, or nothing.
mapped() {
	local id
	for id in $(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null); do
		xwininfo -id "$id" 2>/dev/null | grep -q 'IsViewable' && { echo "$id"; return; }
	done
}

# run NAME TITLE VISIT CMD...: one start, prints "ms rss_kb".
run() {
	local title=$1 visit=$2; shift 2
	local t0 t1 pid id=""
	t0=$(date +%s%N)
	"$@" >"$OUT/last-run.log" 2>&1 &
	pid=$!
	for _ in $(seq 2000); do
		id=$(mapped "$title")
		[ -n "$id" ] && break
		sleep 0.005
	done
	t1=$(date +%s%N)
	if [ -z "$id" ]; then
		echo "no window '$title'; its output:" >&2
		tail -n 20 "$OUT/last-run.log" >&2
		kill "$pid" 2>/dev/null
		return 1
	fi
	if [ "$visit" = yes ]; then
		# Ending on the dashboard, which the app remembers: every run
		# starts on it, the screen with the most to read.
		for k in 2 3 4 5 6 7 8 1; do
			xdotool key --window "$id" "ctrl+$k"
			sleep 1
		done
	else
		sleep 2
	fi
	local rss
	rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	echo "$(( (t1 - t0) / 1000000 )) $rss"
}

# summarise FILE NAME: fastest and median start-up and RSS over the runs.
# On a busy machine the fastest run is the best estimate of the work
# itself; the median shows what a user on such a machine waits.
summarise() {
	local f=$1 name=$2 ms rss
	ms=$(cut -d' ' -f1 "$f" | sort -n | awk '{a[NR]=$1} END {printf "fastest %d ms, median %d ms", a[1], a[int((NR+1)/2)]}')
	rss=$(cut -d' ' -f2 "$f" | sort -n | awk '{a[NR]=$1} END {printf "%d MB", a[int((NR+1)/2)] / 1024}')
	echo "$name: start-up $ms; RSS median $rss ($(wc -l <"$f") runs)"
}

: >"$OUT/bare.txt"
: >"$OUT/masterplan.txt"
for i in $(seq "$RUNS"); do
	run "Bare window" no "$OUT/barewindow" >>"$OUT/bare.txt"
	# A fresh copy each run: the same database, the same daily backup work.
	cp "$seeded" "$OUT/run.db"
	rm -f "$OUT/run.db-wal" "$OUT/run.db-shm"
	MASTERPLAN_DB="$OUT/run.db" run "MasterPlan" yes "$OUT/masterplan" >>"$OUT/masterplan.txt"
done
summarise "$OUT/bare.txt" "bare Fyne window"
summarise "$OUT/masterplan.txt" "MasterPlan (ten years, every screen opened)"
