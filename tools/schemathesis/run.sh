#!/usr/bin/env bash
# Schemathesis against a real Node host: every operation of the served /openapi.json, all
# checks (5xx, status codes, response schemas, negative and positive data, methods, stateful
# links), with auth on. The server runs on a free loopback port over a temporary database and
# RUNCAMP_ADMIN_TOKEN, which every request carries. Bounded: FUZZ_MAX_EXAMPLES test cases per
# operation (default 50) and FUZZ_MAX_TIME seconds in all (default 240). One worker thread by
# default: CPython 3.11's ast module is not thread-safe, and hypothesis parses lambdas with it
# ("AST constructor recursion depth mismatch" under --workers 2).
#
#   tools/schemathesis/run.sh                    # local run, report in the terminal
#   FUZZ_JUNIT=fuzz.xml tools/schemathesis/run.sh # also a JUnit report, one test case per operation
#   tools/schemathesis/run.sh --seed 7 --include-operation-id readSeries   # extra CLI options
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

venv="$root/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | grep -qxF -f <(grep -v '^#' "$here/requirements.txt"); then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/runcamp-fuzz-XXXXXX")"
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="fuzz-$("$venv/bin/python" -c 'import secrets; print(secrets.token_hex(16))')"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

PORT="$port" HOST=127.0.0.1 LIBSQL_URL="file:$tmp/runcamp.db" RUNCAMP_ADMIN_TOKEN="$token" \
  "$root/node_modules/.bin/node" "$root/src/hosts/node.ts" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  grep -q listening "$tmp/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log"; echo "fuzz: the server did not start" >&2; exit 1; }
  sleep 0.1
done

report=()
[ -n "${FUZZ_JUNIT:-}" ] && report=(--report junit --report-junit-path "$FUZZ_JUNIT")
status=0
SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here" FUZZ_DROPPED_LOG="$tmp/dropped.tsv" "$venv/bin/schemathesis" --no-color --config-file "$here/schemathesis.toml" run \
  "http://127.0.0.1:$port/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks all \
  --max-examples "${FUZZ_MAX_EXAMPLES:-50}" \
  --max-time "${FUZZ_MAX_TIME:-240}" \
  --workers "${FUZZ_WORKERS:-1}" \
  --seed "${FUZZ_SEED:-1}" \
  "${report[@]}" "$@" || status=$?

if [ -s "$tmp/dropped.tsv" ]; then
  echo "fuzz: failures dropped by hooks.py (causes no schema can state), by operation and cause:"
  sort "$tmp/dropped.tsv" | uniq -c | sort -rn | sed 's/^/  /'
fi
# A 5xx is logged by the server (never sent to the client with details): show it, and the
# server's last words when the run failed.
if grep -q "Error" "$tmp/server.log"; then
  echo "fuzz: the server logged errors:" >&2
  grep -m 20 -A5 "Error" "$tmp/server.log" >&2
fi
if [ "$status" -ne 0 ]; then
  kill -0 "$server_pid" 2>/dev/null && echo "fuzz: the server is still running" >&2 || echo "fuzz: the server exited" >&2
  tail -n 20 "$tmp/server.log" >&2
fi
exit "$status"
