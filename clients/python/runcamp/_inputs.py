"""Dataset inputs (``run.log_input``) checked and put in wire form in the calling thread.

An input names the data a run trained or was evaluated on: ``name``, a ``digest`` telling
versions of it apart, where it lives (``source_type``, ``source``), its columns (``schema``)
and summary (``profile``), and what the run used it for (``context``: training, eval...). The
server keeps one input per (name, digest) and run, the first logged: re-sending one (a retry,
a re-run of the cell) adds nothing. The lengths are MLflow's, so the mlflow client can read
every input back.

From a pandas DataFrame the input gets, as MLflow's ``mlflow.data.from_pandas`` gives them:
``schema`` = the columns in MLflow's colspec form, ``profile`` = ``{"num_rows", "num_elements"}``,
and ``digest`` = the first 8 hex digits of the SHA-256 of the column names, dtypes and every
row's pandas hash (``pandas.util.hash_pandas_object``): the same data, the same digest.
Without a DataFrame and without ``digest=``, the server computes the digest from the source
type, source, schema and profile (8 hex digits of their SHA-256): the same description, the
same digest. Bad input raises ValueError/TypeError at the call, so nothing is dropped later in
the background.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Optional

try:  # optional: `pip install runcamp[pandas]`
    import pandas as pd
except ImportError:  # pragma: no cover - exercised where pandas is absent
    pd = None  # type: ignore[assignment]

# The server's limits (src/api/inputs/schemas.ts), MLflow's own (mlflow/utils/validation.py).
LIMITS = {"name": 500, "digest": 36, "source_type": 255, "source": 65535, "schema": 1048575, "profile": 16777215, "context": 500}

# pandas dtype kinds as MLflow's colspec types (mlflow.types.schema.DataType).
_COLSPEC_TYPES = {"b": "boolean", "i": "long", "u": "long", "f": "double", "M": "datetime", "O": "string", "U": "string", "S": "binary"}


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _text(field: str, value: Any, *, name_like: bool = False) -> str:
    if isinstance(value, Mapping) and field in ("source", "schema", "profile"):
        value = json.dumps(dict(value), allow_nan=False)
    if not isinstance(value, str):
        raise TypeError(f"runcamp: an input's {field} is a string, not {type(value).__name__}")
    if _utf16_len(value) > LIMITS[field]:
        raise ValueError(f"runcamp: an input's {field} has at most {LIMITS[field]} characters")
    for ch in value:
        code = ord(ch)
        if code == 0 or (name_like and (code < 0x20 or 0x7F <= code <= 0x9F)):
            raise ValueError(f"runcamp: an input's {field} must not contain {'NUL' if code == 0 else 'control'} characters")
        if 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"runcamp: an input's {field} must not contain unpaired surrogates")
    return value


def is_dataframe(data: Any) -> bool:
    return pd is not None and isinstance(data, pd.DataFrame)


def dataframe_schema(df: Any) -> dict:
    return {"mlflow_colspec": [{"type": _COLSPEC_TYPES.get(dtype.kind, str(dtype)), "name": str(col), "required": True} for col, dtype in df.dtypes.items()]}


def dataframe_digest(df: Any) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([[str(c), str(t)] for c, t in df.dtypes.items()]).encode("utf-8"))
    try:
        h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    except TypeError as err:  # cells pandas cannot hash (lists, dicts)
        raise TypeError(f"runcamp: this DataFrame's cells cannot be hashed for a digest ({err}); pass digest=") from None
    return h.hexdigest()[:8]


def wire_input(
    name: Any,
    data: Any = None,
    *,
    digest: Optional[str] = None,
    source: Any = None,
    source_type: Optional[str] = None,
    schema: Any = None,
    profile: Any = None,
    context: Optional[str] = None,
) -> dict:
    """The input as ``POST .../inputs`` takes it, or TypeError/ValueError for what the server would refuse."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"runcamp: an input's name is a non-empty string, got {name!r:.80}")
    item: dict = {"name": _text("name", name, name_like=True)}
    if data is not None:
        if not is_dataframe(data):
            raise TypeError(f"runcamp: log_input takes a pandas DataFrame as data, not {type(data).__name__}")
        schema = dataframe_schema(data) if schema is None else schema
        profile = {"num_rows": len(data), "num_elements": int(data.size)} if profile is None else profile
        digest = dataframe_digest(data) if digest is None else digest
    fields = {"digest": digest, "source_type": source_type, "source": source, "schema": schema, "profile": profile, "context": context}
    for field, value in fields.items():
        if value is not None:
            item[field] = _text(field, value, name_like=field == "digest")
    if item.get("digest") == "":
        raise ValueError("runcamp: an input's digest must not be empty")
    return item
