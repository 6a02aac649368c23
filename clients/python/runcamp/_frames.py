"""From wire shapes to tables: DataFrames when pandas is installed, lists of dicts otherwise.

Wire rules undone here: NaN and ±Infinity arrive as the strings "NaN", "Infinity" and
"-Infinity" (in series, summaries, statistics and, at any depth, in values) and become
floats; instants arrive as ISO strings and become timezone-aware datetimes (UTC).

Column names: run fields by their API name (``run``, ``status``, ``created_at``...), params
flattened to their leaf paths and values and series summaries named by the filter field
they come from, as the server writes it (``params.optimizer.lr``,
``values.acc{subset: "test"}``, ``metrics.loss{subset: "val"}.min``), so any column name
can be pasted into a ``filter=`` or ``sort=``. Context keys become columns of their own in
long tables (``subset``), prefixed ``context.`` when they would collide with a fixed column.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Optional

try:  # optional: `pip install runcamp[pandas]`
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - exercised where pandas is absent
    np = None  # type: ignore[assignment]
    pd = None  # type: ignore[assignment]

_SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_PARAM_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def has_pandas() -> bool:
    return pd is not None


def number(x: Any) -> Any:
    """A wire number as a float (None stays None)."""
    if isinstance(x, str):
        return _SPECIAL.get(x, x)
    return x


def float_or_nan(x: Any) -> float:
    if x is None:
        return math.nan
    x = number(x)
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else math.nan


def value(x: Any) -> Any:
    """A stored value with the wire strings turned back into floats, at any depth."""
    if isinstance(x, str):
        return _SPECIAL.get(x, x)
    if isinstance(x, list):
        return [value(v) for v in x]
    if isinstance(x, dict):
        return {k: value(v) for k, v in x.items()}
    return x


def instant(text: Optional[str]) -> Optional[datetime]:
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def param_field(path: Iterable[str]) -> str:
    """A param path as the filter language writes it: ``params.a."b c"``."""
    return "params." + ".".join(k if _PARAM_KEY.match(k) else json.dumps(k) for k in path)


def flatten_params(params: dict, prefix: tuple = ()) -> dict:
    """Leaf paths of nested params; lists and empty objects are leaves."""
    out: dict = {}
    for k, v in params.items():
        path = prefix + (k,)
        if isinstance(v, dict) and v:
            out.update(flatten_params(v, path))
        else:
            out[param_field(path)] = v
    return out


def context_columns(keys: Iterable[str], fixed: Iterable[str]) -> dict:
    """Column name of each context key: the key itself, or ``context.<key>`` on a collision."""
    taken = set(fixed)
    return {k: (f"context.{k}" if k in taken else k) for k in keys}


def table(records: list, columns: Optional[list] = None, datetimes: Iterable[str] = ()):
    """Records as a DataFrame (instants as UTC datetimes), or as they are without pandas."""
    if pd is None:
        return records
    df = pd.DataFrame.from_records(records, columns=columns)
    for name in datetimes:
        if name in df.columns:
            df[name] = pd.to_datetime(df[name], utc=True)
    return df


def float_array(values: list):
    """A list of wire numbers as a float64 array (NaN/±Infinity strings, None as NaN)."""
    try:
        return np.asarray(values, dtype=np.float64)
    except (ValueError, TypeError):
        return np.asarray([float_or_nan(v) for v in values], dtype=np.float64)
