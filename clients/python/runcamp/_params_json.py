"""A framework's hyper-parameters -> a run's params (nested JSON), for the integrations.

Frameworks hand over dicts, ``argparse.Namespace`` objects, dataclasses turned into dicts,
and in them whatever the script put there: tensors, dtypes, enums, paths, estimators. The
server takes nested JSON objects, so the params stay nested (``{"optimizer": {"lr": 0.1}}``,
read and filtered as ``params.optimizer.lr``) and every leaf becomes JSON:

=========================================  ==============================================
hyper-parameter                            param
=========================================  ==============================================
str, int, bool, None, finite float         itself
NaN, +-Infinity                            the string ``"nan"``, ``"inf"``, ``"-inf"``
numpy or torch scalar                      its Python number (``.item()``), as above
a Mapping, an ``argparse.Namespace``       a nested object; keys become strings
list, tuple, set, numpy array              a list, each item converted
anything else (a dtype, a path, an         its ``repr()``
enum, a callable)
=========================================  ==============================================

Nesting stops at 24 levels (the server takes 32, a run's params sit below the body's top):
what is deeper becomes its ``repr()``.
"""

from __future__ import annotations

import math
from argparse import Namespace
from collections.abc import Mapping
from typing import Any

_MAX_DEPTH = 24


def params_json(params: Any, depth: int = 0) -> Any:
    """``params`` as JSON by the table above (a Mapping or Namespace gives a dict)."""
    if params is None or isinstance(params, (str, bool, int)):
        return params
    if isinstance(params, float):
        return params if math.isfinite(params) else repr(params)
    item = getattr(params, "item", None)
    if callable(item) and getattr(params, "ndim", None) == 0:
        return params_json(item(), depth)
    if depth >= _MAX_DEPTH:
        return repr(params)
    if isinstance(params, Namespace):
        params = vars(params)
    if isinstance(params, Mapping):
        return {str(k): params_json(v, depth + 1) for k, v in params.items()}
    if isinstance(params, (list, tuple, set, frozenset)):
        return [params_json(v, depth + 1) for v in params]
    tolist = getattr(params, "tolist", None)
    if callable(tolist) and getattr(params, "ndim", None) is not None:
        return params_json(tolist(), depth)
    return repr(params)
