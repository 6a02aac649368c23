"""Schemathesis hooks for tools/schemathesis/run.sh.

`filter_failure` drops exactly the failures whose cause no OpenAPI schema can state, each named
below with the reason; every other failure fails the run. Schemathesis counts the dropped ones
in its summary ("dropped by `filter_failure`"), so they stay visible. `before_call` keeps
schemathesis itself from crashing on what our API rightly does (see there).
"""

from __future__ import annotations

import os
import re

import schemathesis
from schemathesis.openapi.checks import ContentDeserializationError, RejectedPositiveData

# A schema-valid request answered 400 whose every field error is one of these (path, message
# prefix) pairs was refused for a reason JSON Schema cannot express.
UNSTATABLE_400 = {
    # Cursors are base64url text (documented as a pattern), but only the ones this server issued
    # decode to a key of the right shape.
    ("cursor", "invalid cursor"),
    ("cursor", "belongs to another sort"),
    # from <= to relates two fields.
    ("from", "must be <= to"),
    # The run filter language (filter, sort, columns) has a grammar, not a pattern; its errors
    # give the position.
    ("filter", "at position"),
    ("sort", "at position"),
    ("columns", "at position"),
    # ... and so does a saved view's state, which holds the same three.
    (re.compile(r"state\.(filter|sort|columns)"), "at position"),
    # Comma lists (group_by, metrics) are split, trimmed and emptied of blank items before
    # each item is checked; a pattern for that would have to agree on "whitespace" between
    # JavaScript and every client's regex engine, so the items' rules stay in the description.
    ("group_by", "must be a dotted param path"),
    ("group_by", "at most 32 paths"),
    ("group_by", "expected <="),
    ("pair_on", "must be a dotted param path"),
    ("pair_on", "at most 32 paths"),
    ("pair_on", "name at least one param"),
    ("pair_on", "expected <="),
    ("metrics", "at most 100 metrics"),
    ("metrics", "must be at most 255 characters"),
    ("metrics", "must not contain control characters"),
    ("fields", "name at least one column"),
    ("fields", "must be one of"),
    ("status", "name at least one status"),
    ("status", "each must be a status"),
    ("status", "any stands alone"),
    # Depend on the stored data, not on the request: a filter matching more runs than a query
    # takes, a group_by path no run of the campaign has.
    ("filter", "matches more than"),
    ("group_by", "no run has params."),
    # The campaign comparison (compareCampaign) is about the selected runs: whether any is
    # selected, whether by and pair_on vary across them, whether two runs of a group share
    # their pair_on values, which contexts the metric has, which groups the baseline can name.
    ("filter", "no run selected"),
    ("by", "does not vary across the selected runs"),
    ("pair_on", "required here"),
    ("pair_on", "names the by param"),
    ("pair_on", "does not vary across the selected runs"),
    ("pair_on", "two runs of one group have the same values"),
    ("metric", "no run has it"),
    ("context", "required here"),
    ("baseline", "matches no group"),
    ("baseline", "matches more than one group"),
    # A campaign named in a body (a run's field, or a run of an import) that neither the repo
    # nor the import holds.
    ("campaign", "no campaign of this repo has this id or name"),
    (re.compile(r"runs\.\d+\.campaign"), "no campaign of this import or repo has this id"),
    # fields chooses among the columns of format=columnar: a rule relating two parameters.
    ("fields", "needs format=columnar"),
    # Relative to the clock: a token's expiry must be in the future.
    ("expires_at", "must be in the future"),
    # Relative to the stored artifact: view=metrics needs a confusion matrix.
    ("view", "the artifact is not a confusion matrix"),
    # A calendar, not a pattern, knows that 31 April is no day (the pattern has the rest).
    (re.compile(r"(.+\.)?(created_at|updated_at|ended_at|last_activity_at)"), "must be a real instant"),
    # A logs body's lines are its lines and every "\n"-separated line of its chunks' texts
    # together: a count across two arrays and inside strings, which no schema states.
    ("body", "at most 10,000 lines per request"),
    # A chunk's last seq is first_seq plus its text's newlines: a bound relating a number to
    # the count of a character inside a string.
    (re.compile(r"chunks\.\d+\.first_seq"), "with the chunk's lines, passes the largest seq"),
    # A columnar series relates its columns: as many values (epochs, times) as steps.
    (re.compile(r"series\.\d+\.(values|epochs|times)"), "must have as many items as steps"),
    # A confusion matrix relates its fields: distinct labels, one row and one column per label.
    (re.compile(r"labels\.\d+"), "repeats an earlier label"),
    (re.compile(r"matrix(\.\d+)?"), "must have "),
    (re.compile(r"matrix"), "counts must sum to at most"),
    # An import relates its items: run ids, campaign ids and names unique in the body, one value
    # per (name, context) in a run.
    (re.compile(r"runs\.\d+\.id|campaigns\.\d+\.(id|name)|runs\.\d+\.values\.\d+"), "repeats an earlier "),
}


def _path_matches(expected, path) -> bool:
    return expected.fullmatch(path or "") is not None if isinstance(expected, re.Pattern) else path == expected


def _problem(response) -> dict | None:
    try:
        body = response.json()
    except Exception:
        return None
    return body if isinstance(body, dict) else None


def _unstatable_400(response) -> bool:
    problem = _problem(response)
    errors = (problem or {}).get("errors") or []
    return bool(errors) and all(
        any(_path_matches(path, e.get("path")) and str(e.get("message", "")).startswith(prefix) for path, prefix in UNSTATABLE_400)
        for e in errors
    )


def _artifact_download(case) -> bool:
    # An artifact comes back with the bytes and the content type it was uploaded with. The
    # upload documents any content type (*/*), so schemathesis stores random bytes labelled
    # application/json and then cannot parse them as JSON: the server serves what it was given.
    # Only view=metrics answers JSON of the server's own making, and stays checked. A Range
    # is satisfiable or not by the stored artifact's size (416 is RFC 9110's answer).
    return case.operation.label == "GET /v1/repos/{repo}/runs/{run}/artifacts/{path}"


def _dropped(case, reason: str) -> bool:
    # run.sh sets FUZZ_DROPPED_LOG and prints the tally of this file after the run.
    path = os.environ.get("FUZZ_DROPPED_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{case.operation.label}\t{reason}\n")
    return False


ARTIFACT_UPLOAD = "PUT /v1/repos/{repo}/runs/{run}/artifacts/{path}"
PRESIGNED_UPLOAD = "POST /v1/repos/{repo}/runs/{run}/artifact-uploads"


@schemathesis.hook
def before_call(context, case, **kwargs) -> None:
    # An artifact is uploaded with any content type (*/*) and served back under it. Given random
    # bytes labelled YAML, schemathesis 4.32 parses the download to reuse its values in later
    # requests, and the YAML parser's error on a control character kills its worker thread:
    # the run hangs. Such uploads go as application/octet-stream; every other type stays random.
    if case.operation.label == ARTIFACT_UPLOAD and "yaml" in (case.media_type or "").lower():
        case.media_type = "application/octet-stream"


@schemathesis.hook
def filter_failure(context, failure, case, response) -> bool:
    if isinstance(failure, RejectedPositiveData) and response.status_code == 400 and _unstatable_400(response):
        paths = sorted({e["path"] for e in _problem(response)["errors"]})
        return _dropped(case, f"400 on {', '.join(paths)}")
    # A presigned upload declares its size, refused over the server's artifact limit: a setting
    # (RUNCAMP_MAX_ARTIFACT_BYTES), not a bound the schema can hold.
    if isinstance(failure, RejectedPositiveData) and response.status_code == 413 and case.operation.label == PRESIGNED_UPLOAD:
        return _dropped(case, "413 for a declared size over the server's artifact limit")
    if isinstance(failure, RejectedPositiveData) and response.status_code == 416 and _artifact_download(case):
        return _dropped(case, "416 for a range past the end of the stored artifact")
    if isinstance(failure, ContentDeserializationError) and _artifact_download(case) and not (case.query or {}).get("view"):
        return _dropped(case, "an artifact's own bytes under the content type it was uploaded with")
    return True
