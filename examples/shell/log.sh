#!/usr/bin/env bash
# A small runcamp logger in shell (curl, and jq to read the answers): a run with params, metric
# series with contexts (one value NaN, one name with a "/"), a value, the run finished, then
# read back.
#   examples/shell/log.sh [base-url] [run-id]   (default http://127.0.0.1:8787; start one with `npm start`)
set -euo pipefail
B=${1:-http://127.0.0.1:8787}
RUN=${2:-shell-$(date +%s%3N)}
R=$B/v1/repos/examples/runs
# -f: a refused request (4xx/5xx) stops the script; --fail-with-body shows the server's reason.
post() { curl -sS --fail-with-body -X "$1" "$2" -H 'content-type: application/json' -d "$3" >/dev/null; }

post POST "$R" "{\"id\": \"$RUN\", \"experiment\": \"any-language\", \"tags\": [\"shell\"],
  \"params\": {\"lr\": 0.001, \"optimizer\": \"adam\", \"layers\": 2}}"
for epoch in 0 1 2; do
  train=$(awk "BEGIN { printf \"%.17g\", 1 / ($epoch + 1) }")
  val=$(awk "BEGIN { printf \"%.17g\", 1.5 / ($epoch + 1) }")
  [ "$epoch" = 1 ] && val='"NaN"' # a diverged evaluation: NaN (and Infinity, -Infinity) go as strings
  # One request per epoch; re-sending a step overwrites it, so a retry never duplicates.
  post POST "$R/$RUN/metrics" "{\"points\": [
    {\"name\": \"loss\", \"context\": {\"subset\": \"train\"}, \"step\": $epoch, \"value\": $train, \"epoch\": $epoch},
    {\"name\": \"loss\", \"context\": {\"subset\": \"val\"}, \"step\": $epoch, \"value\": $val, \"epoch\": $epoch},
    {\"name\": \"grad/norm\", \"step\": $epoch, \"value\": $((10 - epoch)), \"epoch\": $epoch}]}"
done
post PUT "$R/$RUN/values" '[{"name": "acc", "context": {"subset": "test"}, "value": 0.9}]'
post PATCH "$R/$RUN" '{"status": "finished"}'

# Read back one series as columns. A name with "/" is one path segment: escape it (%2F).
val=$(curl -sS --fail-with-body -G "$R/$RUN/metrics/loss" --data-urlencode 'context={"subset":"val"}' -d format=columnar)
norm=$(curl -sS --fail-with-body "$R/$RUN/metrics/grad%2Fnorm?format=columnar")
# Lists come in pages ({"items": [...], "next_cursor": ...}; limit up to 1,000): follow the cursor.
runs=0 cursor=
while :; do
  page=$(curl -sS --fail-with-body -G "$R" -d limit=1000 ${cursor:+--data-urlencode "cursor=$cursor"})
  runs=$((runs + $(jq '.items | length' <<<"$page")))
  cursor=$(jq -r '.next_cursor // empty' <<<"$page")
  [ -n "$cursor" ] || break
done
echo "run $RUN: val loss $(jq -c .values <<<"$val") at steps $(jq -c .steps <<<"$val"); grad/norm $(jq -c .values <<<"$norm"); $runs runs in the repo"
