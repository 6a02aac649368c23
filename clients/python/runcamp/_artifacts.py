"""Artifacts: files a run keeps beside its metrics (reports, confusion matrices, figures,
checkpoints).

Writing goes through ``Run.log_artifact``, ``Run.log_confusion_matrix`` and
``Run.log_figure``, queued like points (see ``runcamp._run``). This module checks and
encodes what they are given, and holds the readers: ``list_artifacts``,
``download_artifact`` and ``confusion_metrics``.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import mimetypes
import os
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional, Union
from urllib.parse import quote, urlencode

import httpx

from ._delivery.bodies import CHUNK
from ._errors import DEFAULT_URL, RuncampError

CONFUSION_TYPE = "application/vnd.runcamp.confusion+json"
MAX_PATH_LENGTH = 1024


def utf16_len(text: str) -> int:
    """Length as the server counts it (JavaScript string length: UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def name_issue(text: str) -> Optional[str]:
    """Why the server refuses ``text`` as a name, context key or label (None: it takes it)."""
    for ch in text:
        code = ord(ch)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return "must not contain control characters"
        if 0xD800 <= code <= 0xDFFF:  # a Python str holds a surrogate only unpaired
            return "must not contain unpaired surrogates (not Unicode)"
    return None


def check_artifact_path(path: Any) -> str:
    """The artifact path rules of the server, checked here so a bad name raises at the call."""
    if not isinstance(path, str):
        raise TypeError(f"runcamp: an artifact path is a string, not {type(path).__name__}")
    if not path or utf16_len(path) > MAX_PATH_LENGTH:
        raise ValueError(f"runcamp: an artifact path has 1-{MAX_PATH_LENGTH} characters")
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch == "\\" for ch in path):
        raise ValueError("runcamp: an artifact path has no control characters or backslashes")
    if path.startswith("/"):
        raise ValueError("runcamp: an artifact path does not start with '/'")
    for segment in path.split("/"):
        if segment == "":
            raise ValueError("runcamp: an artifact path has no empty segment ('//') and does not end with '/'")
        if segment in (".", ".."):
            raise ValueError("runcamp: an artifact path has no '.' or '..' segment")
    return path


def artifact_url(repo: str, run: str, path: str) -> str:
    """The URL path of an artifact: each segment percent-encoded, the '/' kept."""
    encoded = "/".join(quote(segment, safe="") for segment in check_artifact_path(path).split("/"))
    return f"/v1/repos/{quote(repo, safe='')}/runs/{quote(run, safe='')}/artifacts/{encoded}"


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def _path_text(value: Any) -> str:
    """A context key or value in a path: every character but letters, digits, ``_.-`` as ``~`` and two
    hex digits per UTF-8 byte (not ``%``: the server refuses a path percent-encoded twice)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        value = int(value)  # 1.0 as JavaScript writes it, so both SDKs derive one path
    text = ("true" if value else "false") if isinstance(value, bool) else value if isinstance(value, str) else json.dumps(value)
    return _UNSAFE.sub(lambda m: "".join(f"~{b:02X}" for b in m.group().encode("utf-8")), text)


def step_artifact_path(name: str, step: int, context: Optional[Mapping]) -> str:
    """Where an artifact logged per step is stored: ``<name without extension>/<step>[.<k>=<v>,...]<extension>``.

    ``samples/pred.png`` at step 3 is ``samples/pred/3.png``; in the context {"subset": "val"}
    ``samples/pred/3.subset=val.png``. So every step (and context) keeps its own file, and the
    web UI shows the files of one folder and context as a strip in step order. The TypeScript
    SDK derives the same path (clients/typescript/src/artifact-path.ts)."""
    head, ext = posixpath.splitext(check_artifact_path(name))
    tag = ",".join(f"{_path_text(k)}={_path_text(v)}" for k, v in sorted((context or {}).items()))
    return check_artifact_path(f"{head}/{step}{'.' + tag if tag else ''}{ext}")


def artifact_query(step: Optional[int], context: Optional[Mapping]) -> str:
    """The query string (with its ``?``, or empty) that records an upload's step and context."""
    query: dict = {}
    if step is not None:
        query["step"] = str(step)
    if context:
        query["context"] = json.dumps(dict(sorted(context.items())), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return f"?{urlencode(query)}" if query else ""


def guess_content_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/json"
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def _plain(value: Any) -> Any:
    """numpy arrays and scalars (and torch tensors) as Python lists and numbers."""
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) else value


def encode_confusion(labels: Any, matrix: Any) -> bytes:
    """The body of a confusion matrix artifact, checked as the server checks it (raises here)."""
    labels = _plain(labels)
    matrix = _plain(matrix)
    if not isinstance(labels, (list, tuple)) or not labels:
        raise ValueError("runcamp: labels is a non-empty list of class names")
    clean_labels: list = []
    seen = set()
    for label in labels:
        label = _plain(label)
        if isinstance(label, bool) or not isinstance(label, (str, int, float)):
            raise TypeError(f"runcamp: a label is a string or a number, not {type(label).__name__}")
        if isinstance(label, float) and not math.isfinite(label):
            raise ValueError("runcamp: a numeric label is finite")
        if isinstance(label, str) and utf16_len(label) > 255:
            raise ValueError("runcamp: a label has at most 255 characters")
        if isinstance(label, str) and name_issue(label):
            raise ValueError(f"runcamp: a label {name_issue(label)}")
        key = (type(label) is str, label)
        if key in seen:
            raise ValueError("runcamp: labels are distinct")
        seen.add(key)
        clean_labels.append(label)
    n = len(clean_labels)
    if not isinstance(matrix, (list, tuple)) or len(matrix) != n:
        raise ValueError(f"runcamp: the matrix has {n} rows, one per label")
    rows = []
    for i, row in enumerate(matrix):
        row = _plain(row)
        if not isinstance(row, (list, tuple)) or len(row) != n:
            raise ValueError(f"runcamp: row {i} of the matrix has {n} counts, one per label (the matrix is square)")
        counts = []
        for count in row:
            count = _plain(count)
            if isinstance(count, float) and count.is_integer():
                count = int(count)
            if isinstance(count, bool) or not isinstance(count, int) or count < 0 or count > 2**53 - 1:
                raise ValueError(f"runcamp: row {i} of the matrix holds something other than a non-negative integer count")
            counts.append(count)
        rows.append(counts)
    return json.dumps({"labels": clean_labels, "matrix": rows}, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def figure_png(fig: Any, **savefig: Any) -> bytes:
    """A matplotlib figure rendered to PNG bytes (``savefig`` options pass through)."""
    savefig_method = getattr(fig, "savefig", None)
    if not callable(savefig_method):
        raise TypeError(f"runcamp: log_figure takes a matplotlib figure, not {type(fig).__name__}")
    buffer = io.BytesIO()
    savefig_method(buffer, format="png", **{"bbox_inches": "tight", **savefig})
    return buffer.getvalue()


# ---- reading --------------------------------------------------------------------------------


def _client(url: Optional[str], token: Optional[str], timeout: float) -> httpx.Client:
    base = (url or os.environ.get("RUNCAMP_URL") or DEFAULT_URL).rstrip("/")
    token = token if token is not None else os.environ.get("RUNCAMP_TOKEN")
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=base, headers=headers, timeout=timeout)


def _repo(repo: Optional[str]) -> str:
    return repo or os.environ.get("RUNCAMP_REPO") or "default"


def _raise_for(response: httpx.Response, what: str) -> None:
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail")
        except Exception:
            detail = response.text[:200]
        raise RuncampError(f"{what} failed: {response.status_code} {detail}")


def list_artifacts(
    run: str, *, repo: Optional[str] = None, prefix: Optional[str] = None, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 60.0
) -> list:
    """Every artifact of a run (following pages): dicts with path, size, content_type, sha256
    and created_at, ordered by path. ``prefix`` keeps the paths that start with it."""
    items: list = []
    with _client(url, token, timeout) as client:
        cursor = None
        while True:
            query: dict = {"limit": "1000"}
            if prefix:
                query["prefix"] = prefix
            if cursor:
                query["cursor"] = cursor
            r = client.get(f"/v1/repos/{quote(_repo(repo), safe='')}/runs/{quote(run, safe='')}/artifacts", params=query)
            _raise_for(r, f"listing the artifacts of run {run}")
            page = r.json()
            items.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return items


def download_artifact(
    run: str,
    path: str,
    dest: Union[str, os.PathLike, None] = None,
    *,
    repo: Optional[str] = None,
    url: Optional[str] = None,
    token: Optional[str] = None,
    timeout: float = 60.0,
) -> Union[bytes, Path]:
    """An artifact's bytes; with ``dest`` (a file, or an existing directory to put ``path``
    under) they are streamed to disk instead and the file's path is returned. The SHA-256 is
    checked against the server's ETag."""
    target: Optional[Path] = None
    if dest is not None:
        target = Path(dest)
        if target.is_dir():
            target = target.joinpath(*check_artifact_path(path).split("/"))
    digest = hashlib.sha256()
    with _client(url, token, timeout) as client:
        with client.stream("GET", artifact_url(_repo(repo), run, path)) as r:
            if r.status_code >= 400:
                r.read()
                _raise_for(r, f"downloading artifact {path!r} of run {run}")
            etag = (r.headers.get("etag") or "").strip('"')
            if target is None:
                buffer = io.BytesIO()
                for chunk in r.iter_bytes(CHUNK):
                    digest.update(chunk)
                    buffer.write(chunk)
                result: Union[bytes, Path] = buffer.getvalue()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.download")
                with open(tmp, "wb") as out:
                    for chunk in r.iter_bytes(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                os.replace(tmp, target)
                result = target
    if etag and digest.hexdigest() != etag:
        raise OSError(f"runcamp: artifact {path!r} of run {run} arrived damaged (SHA-256 differs from its ETag)")
    return result


def confusion_metrics(
    run: str, path: str = "confusion.json", *, repo: Optional[str] = None, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 60.0
) -> dict:
    """The classification report of a confusion matrix artifact (``?view=metrics``): accuracy,
    per-class precision, recall, f1 and support, macro and weighted averages."""
    with _client(url, token, timeout) as client:
        r = client.get(artifact_url(_repo(repo), run, path), params={"view": "metrics"})
        _raise_for(r, f"reading the metrics of {path!r} of run {run}")
        return r.json()
