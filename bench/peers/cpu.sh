# shellcheck shell=bash
# Sourced by pgbench.sh and graphile.sh. On a 2-core machine one busy neighbour (a build, a test
# suite) halves a benchmark's result, and nothing in that result would say so. So each run
# samples the CPU for a second before it starts and reports how busy the machine already was.

_cpu_sample() {
  # /proc/stat's first line: cpu user nice system idle iowait irq softirq steal ...
  local _label user nice system idle iowait irq softirq steal _rest
  read -r _label user nice system idle iowait irq softirq steal _rest </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((idle + iowait))"
}

# Percent of all cores busy over the next second.
cpu_busy_pct() {
  local b1 i1 b2 i2 total
  read -r b1 i1 <<<"$(_cpu_sample)"
  sleep 1
  read -r b2 i2 <<<"$(_cpu_sample)"
  total=$(((b2 - b1) + (i2 - i1)))
  ((total > 0)) || { echo 0; return; }
  echo $((100 * (b2 - b1) / total))
}

# Prints the busy percent; warns on stderr above 15% (an idle machine shows 0-3%).
cpu_check_quiet() {
  local pct
  pct="$(cpu_busy_pct)"
  if ((pct > 15)); then
    echo "WARNING: the CPU was already ${pct}% busy before this run (see top); the result will be low" >&2
  fi
  echo "$pct"
}
