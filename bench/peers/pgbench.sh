#!/usr/bin/env bash
# The floor under every PostgreSQL-backed workflow engine: how many bare single-row conditional
# UPDATEs per second this machine's PostgreSQL commits. An engine step is at least one such
# committed write, so no engine on this server can do more steps per second than this.
#
#   bench/peers/pgbench.sh [CLIENTS ...]     default: 4; e.g. `pgbench.sh 1 4` runs both
#
# Each run prints one line, first key pgbench_tps (transactions per second, excluding the time
# to open connections), e.g.
#   pgbench_tps=13231.5 clients=4 threads=2 duration_s=20 latency_ms=0.302 failed=0 fsync=on synchronous_commit=on protocol=prepared cpu_busy_before_pct=1
#
# Environment:
#   BENCH_SECONDS           duration of each run, default 20
#   BENCH_ROWS              rows in the peers.jobs table, default 10000
#   BENCH_PGBENCH_PROTOCOL  pgbench -M: prepared (default; what JDBC's and graphile-worker's prepared statements
#                           settle into), extended or simple
#   BENCH_PG_URL            use this server instead of starting one with postgres.sh (its table
#                           peers.jobs is dropped and recreated; nothing outside schema peers is touched)
#   BENCH_PG_PORT, BENCH_PG_DURABLE   passed to postgres.sh
set -euo pipefail
# Without this, a failing command inside $(...) would not stop the function it runs in.
shopt -s inherit_errexit

# pgbench's and psql's messages are translated in other locales, and the output is parsed below.
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=cpu.sh
. "$here/cpu.sh"
seconds="${BENCH_SECONDS:-20}"
rows="${BENCH_ROWS:-10000}"
protocol="${BENCH_PGBENCH_PROTOCOL:-prepared}"
clients_list=("$@")
((${#clients_list[@]})) || clients_list=(4)

[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_SECONDS must be a positive integer" >&2; exit 2; }
[[ "$rows" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROWS must be a positive integer" >&2; exit 2; }
for c in "${clients_list[@]}"; do
  [[ "$c" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [CLIENTS ...] (positive integers)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/intake-bench-pgbench.XXXXXX")"
started_pg=0
cleanup() {
  rm -rf -- "$work"
  if ((started_pg)); then "$here/postgres.sh" stop; fi
}
trap cleanup EXIT
# bash skips the EXIT trap when a signal kills it; turning the signals into exits keeps cleanup.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${BENCH_PG_URL:-}" ]]; then
  # Set before start: a start that dies half-way is cleaned up by postgres.sh itself, and one
  # that succeeded must be stopped even if what follows fails.
  started_pg=1
  eval "$("$here/postgres.sh" start)"
fi

# Prefer the server's own major version of the client tools; a Debian machine may have several.
pgbin=/usr/lib/postgresql/15/bin
psql_() { PGOPTIONS='-c client_min_messages=warning' "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 "$BENCH_PG_URL" "$@"; }
[[ -x "$pgbin/pgbench" ]] || pgbin="$(dirname "$(command -v pgbench)")"

# Schema peers: the server may be one that Intake's own tables live in too (bench/run shares it).
# The shape of a workflow engine's job table, cut to what the UPDATE touches. No index on status
# or updated_at: the update stays HOT-eligible, as in an engine that looks jobs up by primary key.
psql_ <<SQL
CREATE SCHEMA IF NOT EXISTS peers;
DROP TABLE IF EXISTS peers.jobs;
CREATE TABLE peers.jobs (id bigint PRIMARY KEY, status text NOT NULL, step int NOT NULL, updated_at timestamptz NOT NULL);
INSERT INTO peers.jobs SELECT g, 'running', 0, now() FROM generate_series(1, $rows) g;
VACUUM ANALYZE peers.jobs;
SQL

# random(1, N): uniform, so 4 clients rarely wait on each other's row lock, like an engine whose
# workers each hold different jobs.
cat >"$work/update.sql" <<SQL
\set id random(1, $rows)
UPDATE peers.jobs SET step = step + 1, updated_at = now() WHERE id = :id AND status = 'running';
SQL

fsync="$(psql_ -Atc 'SHOW fsync')"
sync_commit="$(psql_ -Atc 'SHOW synchronous_commit')"

for clients in "${clients_list[@]}"; do
  threads=$((clients < 2 ? clients : 2)) # the machine has 2 cores; pgbench's own threads compete with the server
  # Each run starts from a clean WAL position, so no run inherits a checkpoint from the last one.
  psql_ -c 'CHECKPOINT'
  busy="$(cpu_check_quiet)"
  echo "pgbench: $clients client(s), $threads thread(s), ${seconds}s, -M $protocol ..." >&2
  # -n: the pgbench_* tables it would vacuum do not exist here.
  if ! "$pgbin/pgbench" -n -f "$work/update.sql" -c "$clients" -j "$threads" -T "$seconds" \
      -M "$protocol" "$BENCH_PG_URL" >"$work/out.txt" 2>&1; then
    cat "$work/out.txt" >&2
    echo "pgbench failed" >&2
    exit 1
  fi
  tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$work/out.txt")"
  latency="$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$work/out.txt")"
  failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/out.txt")"
  if [[ -z "$tps" ]]; then
    cat "$work/out.txt" >&2
    echo "could not read tps from pgbench's output (above)" >&2
    exit 1
  fi
  printf 'pgbench_tps=%.1f clients=%s threads=%s duration_s=%s latency_ms=%s failed=%s fsync=%s synchronous_commit=%s protocol=%s cpu_busy_before_pct=%s\n' \
    "$tps" "$clients" "$threads" "$seconds" "${latency:-?}" "${failed:-0}" "$fsync" "$sync_commit" "$protocol" "$busy"
done
