#!/usr/bin/env bash
# CPU seconds each process of the stack spends while a command runs (user + system, from /proc),
# so a benchmark section's cost per action can be split by stage whatever else loads the machine.
# Usage: bench/scripts/cpu-per-stage.sh COMMAND...   (run from the repository root, stack up)
set -euo pipefail
run_dir="${BALLOON_RUN_DIR:-.run}"
tck=$(getconf CLK_TCK)
cpu() { # pid -> clock ticks of the process and its threads
  awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
pg_cpu() { # all postgres backends and helpers together
  local t=0
  for p in $(pgrep -x postgres || true); do t=$((t + $(cpu "$p"))); done
  echo "$t"
}
declare -A before
for s in broker events-service scoring-service gateway; do
  pid=$(cat "$run_dir/pids/$s.pid")
  # a launcher with a Kafka child: count the child, which does the work
  child=$(pgrep -P "$pid" java | head -1 || true)
  [ -n "$child" ] && pid=$child
  before[$s]="$pid:$(cpu "$pid")"
done
pg0=$(pg_cpu)
t0=$(date +%s.%N)
"$@"
t1=$(date +%s.%N)
echo
echo "CPU seconds per process during the command (wall $(echo "$t1 - $t0" | bc) s):"
for s in broker events-service scoring-service gateway; do
  pid=${before[$s]%%:*}; c0=${before[$s]##*:}
  printf '  %-16s %8.2f s\n' "$s" "$(echo "($(cpu "$pid") - $c0) / $tck" | bc -l)"
done
printf '  %-16s %8.2f s\n' postgresql "$(echo "($(pg_cpu) - $pg0) / $tck" | bc -l)"
