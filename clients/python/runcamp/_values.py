"""Single values (``run.set_value``) checked and put in wire form in the calling thread.

What the server stores as a value: a JSON number, string, boolean, null, list or object of
those, at most 64 KiB as JSON and 32 levels deep. NaN and ±Infinity travel as the strings "NaN", "Infinity"
and "-Infinity" (at any depth); numpy scalars become Python numbers and numpy arrays lists.
Anything else (a set, a datetime, an object) is refused with a TypeError at the call, so
nothing is dropped later in the background.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_VALUE_BYTES = 64 * 1024
MAX_DEPTH = 32  # levels of lists/dicts (the server's RUNCAMP_MAX_JSON_DEPTH default)


def _wire_float(x: float) -> Any:
    if math.isfinite(x):
        return x
    if math.isnan(x):
        return "NaN"
    return "Infinity" if x > 0 else "-Infinity"


def _convert(value: Any, depth: int) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _wire_float(value)
    if isinstance(value, (dict, list, tuple)) and depth + 1 > MAX_DEPTH:
        raise ValueError(f"runcamp: a value nests at most {MAX_DEPTH} levels of lists and dicts")
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"runcamp: the keys of an object value are strings, got {type(k).__name__}")
            out[k] = _convert(v, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_convert(v, depth + 1) for v in value]
    # numpy / torch: scalars have .item() and ndim 0, arrays .tolist()
    ndim = getattr(value, "ndim", None)
    if ndim == 0 and callable(getattr(value, "item", None)):
        return _convert(value.item(), depth)
    if ndim is not None and callable(getattr(value, "tolist", None)):
        return _convert(value.tolist(), depth)
    raise TypeError(f"runcamp: a value is a number, string, boolean, None, list or dict, not {type(value).__name__}")


def wire_value(value: Any) -> Any:
    """``value`` as the API takes it, or TypeError/ValueError for what it would refuse."""
    out = _convert(value, 0)
    size = len(json.dumps(out, separators=(",", ":"), allow_nan=False).encode("utf-8"))
    if size > MAX_VALUE_BYTES:
        raise ValueError(f"runcamp: a value is at most {MAX_VALUE_BYTES} bytes of JSON (this one is {size}); store big results as artifacts")
    return out
