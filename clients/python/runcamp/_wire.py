"""Encoding for the wire, in the calling thread: JSON text (``dumps``, which takes numpy and
torch scalars and arrays), the columnar ingest body of a batch of points (``encode_series``),
the bodies of captured log lines (``encode_log_lines``), and the checks that turn a tracked
value, step or epoch into what that body holds.

Non-finite floats travel as the strings "NaN", "Infinity" and "-Infinity" (the API's rule).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from itertools import accumulate, chain, repeat
from json.encoder import encode_basestring_ascii  # json.dumps's own string escaping, in C
from operator import add
from typing import Any

_SPECIAL = {"nan": '"NaN"', "inf": '"Infinity"', "-inf": '"-Infinity"'}


def _floats(values: list) -> str:
    """Floats as JSON: repr() round-trips exactly; non-finite ones become "NaN"/"Infinity"/"-Infinity"."""
    text = ",".join(map(repr, values))
    if "n" in text:  # only nan, inf and -inf spell an "n"
        special = _SPECIAL
        text = ",".join(special.get(v, v) for v in map(repr, values))
    return text


_time_text = "{:.3f}".format


def encode_series(batch: list) -> str:
    """The columnar ingest body for (header, step, value, epoch, time) tuples.

    ``header`` is the series' pre-encoded ``{"name":...,"context":...``: the batch is grouped
    by it, in order (the server keeps the last of a repeated step, as in the point form),
    and each series sends its steps, values, times, and epochs unless every one is None.
    """
    groups: dict = {}
    get = groups.get
    for header, step, value, epoch, t in batch:
        g = get(header)
        if g is None:
            g = groups[header] = ([], [], [], [])
        g[0].append(step)
        g[1].append(value)
        g[2].append(epoch)
        g[3].append(t)
    parts = []
    for header, (steps, values, epochs, times) in groups.items():
        part = f'{header},"steps":[{",".join(map(str, steps))}],"values":[{_floats(values)}],"times":[{",".join(map(_time_text, times))}]'
        if epochs.count(None) != len(epochs):
            part += ',"epochs":[' + ",".join("null" if e is None else str(e) for e in epochs) + "]"
        parts.append(part + "}")
    return '{"series":[' + ",".join(parts) + "]}"


# A line's JSON object and its comma, but for its text's JSON string, are at most 83 characters:
# {"seq": 7, the seq 16 (< 2**53), ,"stream":"stdout" 18, ,"time": 8, a float's repr 24,
# ,"text": 8, } 1 and the comma 1. Counted as 100 a line, a body stays within max_bytes.
_LINE_OVERHEAD = 100
_NEXT_LINE = '},{"seq":'


def encode_log_lines(chunks: list, max_lines: int = 5_000, max_bytes: int = 4_000_000) -> list:
    """The bodies of POST .../logs for chunks ``(first seq, stream, time, texts)`` in seq order:
    each holds at most ``max_lines`` lines and ``max_bytes`` characters (or a single line).

    The loops are C's (``map``, ``chain``, ``str.join``), not Python's per line: the sender
    thread shares the GIL with the training loop that prints the lines.
    """
    seqs = list(map(str, chain.from_iterable(range(first, first + len(texts)) for first, _, _, texts in chunks)))
    heads = list(chain.from_iterable(repeat(f',"stream":"{stream}","time":{t!r},"text":', len(texts)) for _, stream, t, texts in chunks))
    escaped = list(map(encode_basestring_ascii, chain.from_iterable(texts for _, _, _, texts in chunks)))
    ends = [0, *accumulate(map(add, map(len, escaped), repeat(_LINE_OVERHEAD)))]
    bodies = []
    start = 0
    while start < len(escaped):
        stop = min(len(escaped), start + max_lines)
        end = max(start + 1, bisect_right(ends, ends[start] + max_bytes, start + 1, stop + 1) - 1)
        rows = "".join(chain.from_iterable(zip(seqs[start:end], heads[start:end], escaped[start:end], repeat(_NEXT_LINE))))
        bodies.append('{"lines":[{"seq":' + rows[: -len(_NEXT_LINE)] + "}]}")
        start = end
    return bodies


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
