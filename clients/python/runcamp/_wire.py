"""Encoding for the wire, in the calling thread: JSON text (``dumps``, which takes numpy and
torch scalars and arrays), the columnar ingest body of a batch of points (``encode_series``),
the bodies of captured log lines in the API's chunk form (``encode_log_lines``), and the checks that turn a tracked
value, step or epoch into what that body holds.

Non-finite floats travel as the strings "NaN", "Infinity" and "-Infinity" (the API's rule).
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from itertools import accumulate
from json.encoder import encode_basestring_ascii  # json.dumps's own string escaping, in C
from typing import Any, Optional

try:
    import orjson  # optional (runcamp[pandas]): the columns of a batch encoded in C
except ImportError:  # pragma: no cover - the pure-Python writer below does it all
    orjson = None

_SPECIAL = {"nan": '"NaN"', "inf": '"Infinity"', "-inf": '"-Infinity"'}


def _floats(values) -> str:
    """Floats as JSON: repr() round-trips exactly; non-finite ones become "NaN"/"Infinity"/"-Infinity"."""
    text = ",".join(map(repr, values))
    if "n" in text:  # only nan, inf and -inf spell an "n"
        special = _SPECIAL
        text = ",".join(special.get(v, v) for v in map(repr, values))
    return text


def _columns_python(steps: array, values: array, times: array) -> tuple:
    """The three columns as JSON numbers, each in one C loop (a ``%`` of a repeated format)."""
    n = len(steps)
    return ("%d," * n % tuple(steps))[:-1], _floats(values), ("%.3f," * n % tuple(times))[:-1]


def _columns_orjson(steps: array, values: array, times: array) -> tuple:
    """The same by orjson, several times faster (bench/SDK-RESULTS.md). Times go with every
    digit (the server keeps them to the millisecond). orjson writes a non-finite float as
    null, and no finite one with an "n": such a column goes the pure way."""
    text = orjson.dumps(values.tolist())
    return (
        orjson.dumps(steps.tolist())[1:-1].decode(),
        _floats(values) if b"n" in text else text[1:-1].decode(),
        orjson.dumps(times.tolist())[1:-1].decode(),
    )


_columns = _columns_python if orjson is None else _columns_orjson


def encode_series(groups: list) -> str:
    """The columnar ingest body of groups ``(header, steps, values, times, epochs)``, each a
    series' points in order in arrays (``_sender.Series``): steps and epochs of int64, values
    and times of float64, epochs None when no point has one, else -1 for a point without.

    ``header`` is the series' pre-encoded ``{"name":...,"context":...``. The server keeps the
    last of a repeated step, as in the point form. The columns are written by orjson when it
    is installed, else by Python.
    """
    columns = _columns
    parts = []
    for header, steps, values, times, epochs in groups:
        step_text, value_text, time_text = columns(steps, values, times)
        part = f'{header},"steps":[{step_text}],"values":[{value_text}],"times":[{time_text}]'
        if epochs is not None:
            part += ',"epochs":[' + ",".join("null" if e < 0 else str(e) for e in epochs) + "]"
        parts.append(part + "}")
    return '{"series":[' + ",".join(parts) + "]}"


_EMPTY_BODY = len('{"chunks":[]}') - 1  # less the comma after the last chunk, which goes


def encode_log_lines(chunks: list, max_lines: int = 10_000, max_bytes: int = 4_000_000) -> list:
    """The bodies of POST .../logs for chunks ``(first seq, stream, time, texts)`` in seq order:
    each holds at most ``max_lines`` lines and ``max_bytes`` characters (or a single line).

    Sent in the API's chunk form: a chunk's lines as one string, joined by "\\n" (the server
    splits the text on every "\\n", so ``[""]`` is ``""`` and an empty last line a trailing
    "\\n"), so a chunk costs one join and one escape, C's loops, not a row per line: the
    sender thread shares the GIL with the training loop that prints the lines. A chunk that
    passes what is left of a body's lines or characters is cut between lines, and the rest
    goes on in the next body.
    """
    bodies: list = []
    parts: list = []  # the current body's chunks, each ending in a comma
    lines = 0
    size = _EMPTY_BODY  # the body's characters so far
    for first, stream, t, texts in chunks:
        head = f'{{"stream":"{stream}","time":{t!r},"first_seq":'
        start = 0
        while start < len(texts):
            n = min(len(texts) - start, max_lines - lines)
            part = _chunk(head, first + start, texts[start : start + n])
            if size + len(part) > max_bytes:
                n = _fitting(head, first + start, texts[start : start + n], max_bytes - size)
                if n == 0 and not parts:  # one line alone passes the limit: it goes alone
                    n = 1
                part = _chunk(head, first + start, texts[start : start + n]) if n else ""
            if n:
                parts.append(part)
                lines += n
                size += len(part)
                start += n
            if n == 0 or lines == max_lines:
                bodies.append(_log_body(parts))
                parts, lines, size = [], 0, _EMPTY_BODY
    if parts:
        bodies.append(_log_body(parts))
    return bodies


def _chunk(head: str, first: int, texts: list) -> str:
    return head + str(first) + ',"text":' + encode_basestring_ascii("\n".join(texts)) + "},"


def _fitting(head: str, first: int, texts: list, room: int) -> int:
    """How many of ``texts``, from the first, fit in a chunk of at most ``room`` characters.

    The lines joined and escaped are as long as the lines escaped one by one: each line's two
    quotes stand for the escaped "\\n" after it, the last one's for the string's quotes.
    """
    fixed = len(_chunk(head, first, [""])) - 2  # the chunk less its text's quotes
    return bisect_right(list(accumulate(map(len, map(encode_basestring_ascii, texts)))), room - fixed)


def _log_body(parts: list) -> str:
    return '{"chunks":[' + "".join(parts)[:-1] + "]}"


def log_chunks_as_lines(body: str) -> Optional[str]:
    """A chunk-form logs body (encode_log_lines) as the same lines in the lines form, which
    every server takes (the chunk form is newer); None for a body that is not in chunk form."""
    if not body.startswith('{"chunks":'):
        return None
    lines = [
        {"seq": c["first_seq"] + i, "stream": c["stream"], "time": c["time"], "text": text}
        for c in json.loads(body)["chunks"]
        for i, text in enumerate(c["text"].split("\n"))
    ]
    return dumps({"lines": lines})


def as_float(value: Any) -> float:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"runcamp: a tracked value must be a number, not {type(value).__name__}")
    try:
        return float(value)  # ints, bools, numpy and torch scalars
    except (TypeError, ValueError):
        raise TypeError(f"runcamp: a tracked value must be a number, not {type(value).__name__}") from None


def as_index(value: Any, what: str) -> int:
    try:
        i = value.__index__()  # ints, numpy ints; not floats
    except AttributeError:
        raise TypeError(f"runcamp: {what} must be an integer, not {type(value).__name__}") from None
    if i < 0 or i > 2**53 - 1:
        raise ValueError(f"runcamp: {what} must be between 0 and 2**53-1, got {i}")
    return i


def _json_default(obj: object) -> object:
    """numpy/torch scalars and arrays, sets, paths: whatever has an obvious JSON form."""
    item = getattr(obj, "item", None)
    if callable(item) and getattr(obj, "ndim", 0) == 0:
        return item()
    tolist = getattr(obj, "tolist", None)
    if callable(tolist):
        return tolist()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    return str(obj)


def dumps(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), default=_json_default, allow_nan=False)
