#!/usr/bin/env bash
# A run logged with curl alone: create, params, metrics with contexts, values, finish, read.
# Usage: examples/shell/curl.sh [base-url]   (default http://127.0.0.1:8787; start one with `npm start`)
set -euo pipefail
B=${1:-http://127.0.0.1:8787}
RUN=curl-$(date +%s)
json=(-H 'content-type: application/json')

curl -fsS -X POST "$B/v1/repos/examples/runs" "${json[@]}" -d "{
  \"id\": \"$RUN\", \"experiment\": \"curl\", \"params\": {\"lr\": 0.001, \"epochs\": 3}, \"tags\": [\"example\"]}" >/dev/null

# One ingest request per epoch: train and val loss, steps chosen by the client (re-sending
# a step overwrites it, so a retry never duplicates).
for epoch in 0 1 2; do
  curl -fsS -X POST "$B/v1/repos/examples/runs/$RUN/metrics" "${json[@]}" -d "{\"points\": [
    {\"name\": \"loss\", \"context\": {\"subset\": \"train\"}, \"step\": $epoch, \"value\": 2.$((9 - epoch)), \"epoch\": $epoch},
    {\"name\": \"loss\", \"context\": {\"subset\": \"val\"},   \"step\": $epoch, \"value\": 3.$((9 - epoch)), \"epoch\": $epoch}]}"
  echo
done

curl -fsS -X PUT "$B/v1/repos/examples/runs/$RUN/values" "${json[@]}" -d '[{"name": "acc", "context": {"subset": "test"}, "value": 0.91}]' >/dev/null
# A confusion matrix artifact (rows: true class, columns: predicted) and its metrics
curl -fsS -X PUT "$B/v1/repos/examples/runs/$RUN/artifacts/confusion.json" -H 'content-type: application/vnd.runcamp.confusion+json' \
  -d '{"labels": ["cat", "dog"], "matrix": [[45, 5], [8, 42]]}' >/dev/null
curl -fsS "$B/v1/repos/examples/runs/$RUN/artifacts/confusion.json?view=metrics"; echo
curl -fsS -X PATCH "$B/v1/repos/examples/runs/$RUN" "${json[@]}" -d '{"status": "finished", "tags": {"add": ["done"]}}' >/dev/null

curl -fsS "$B/v1/repos/examples/runs/$RUN"; echo
curl -fsS -G "$B/v1/repos/examples/runs/$RUN/metrics/loss" --data-urlencode 'context={"subset":"val"}'; echo
