#!/usr/bin/env bash
# The browser end-to-end suite, run several times beside a CPU-burning load, to show it does not flake
# on a busy machine: builds once into a temporary folder, starts the load (`yes > /dev/null` processes,
# killed by PID on every way out), runs the whole Playwright suite N times, prints each run's result,
# time and load average, and ends with "P/N passed". Exit 0 only when every run passed.
#
#   bash scripts/ci-under-load.sh [--runs N] [--burners K] [--keep]
#     --runs N      how many times to run the suite (default 5; fewer for a quick try)
#     --burners K   CPU-burning processes beside it (default 2)
#     --keep        keep the build, the logs and the test results (kept anyway when a run fails)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
burners=2
keep=0
usage() { sed -n '7,10p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:-}"; shift 2 || { echo "ci-under-load.sh: --runs: needs a value" >&2; exit 2; } ;;
    --burners) burners="${2:-}"; shift 2 || { echo "ci-under-load.sh: --burners: needs a value" >&2; exit 2; } ;;
    --keep) keep=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "ci-under-load.sh: $1: unknown flag (--runs N, --burners K, --keep)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "ci-under-load.sh: --runs: must be a positive integer, got '$runs'" >&2; exit 2; }
[[ "$burners" =~ ^[0-9]+$ ]] || { echo "ci-under-load.sh: --burners: must be an integer >= 0, got '$burners'" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "ci-under-load.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vsml-ci-under-load.XXXXXX")
load_pids=()
suite_pid=""
failed=0
# The suite runs in its own process group (setsid). A stop sends it SIGINT, as Ctrl-C would, so
# Playwright closes the browser and its preview server; SIGKILL after 20 s if it has not ended.
stop_suite() {
  [ -n "$suite_pid" ] || return 0
  kill -INT -- "-$suite_pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$suite_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$suite_pid" 2>/dev/null || true
  wait "$suite_pid" 2>/dev/null || true
  suite_pid=""
}
stop_load() {
  local pid
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${load_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  load_pids=()
}
finish() {
  stop_suite
  stop_load
  if [ "$keep" = 1 ] || [ "$failed" -gt 0 ]; then echo "logs and results kept in $work"; else rm -rf "$work"; fi
}
trap finish EXIT
trap 'echo "ci-under-load.sh: interrupted" >&2; exit 130' INT TERM HUP

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== build into $work/dist"
npx vite build --logLevel error --outDir "$work/dist" --emptyOutDir > "$work/build.log" 2>&1 || {
  failed=1
  echo "ci-under-load.sh: the build failed; see $work/build.log" >&2
  tail -n 20 "$work/build.log" >&2
  exit 1
}

for _ in $(seq 1 "$burners"); do
  yes > /dev/null &
  load_pids+=($!)
done
echo "== load: $burners CPU-burning processes (PIDs ${load_pids[*]:-none}) on $(nproc) cores; load average $(loadavg)"

passed=0
for i in $(seq 1 "$runs"); do
  t0=$(date +%s)
  log="$work/run-$i.log"
  VSML_E2E_DIST="$work/dist" setsid -w npx playwright test --output "$work/results-$i" > "$log" 2>&1 &
  suite_pid=$!
  if wait "$suite_pid"; then
    passed=$((passed + 1))
    verdict=passed
  else
    failed=$((failed + 1))
    verdict=FAILED
  fi
  suite_pid=""
  summary=$(grep -E '^\s+[0-9]+ (passed|failed|flaky|skipped)' "$log" | tr -s ' ' | tr '\n' ',' | sed 's/,$//; s/^ //')
  echo "run $i/$runs: $verdict in $(($(date +%s) - t0))s (${summary:-no summary}); load average $(loadavg)"
  if [ "$verdict" = FAILED ]; then
    grep -E '^\s+[0-9]+\) |✘|Error:' "$log" | head -n 20 | sed 's/^/    /'
    echo "    full log: $log"
  fi
done

stop_load
echo "$passed/$runs passed"
[ "$passed" = "$runs" ]
