"""Deprecated: ``runcamp.lowlevel`` is now the ``runcamp_lowlevel`` package of its own
distribution (``pip install ./clients/python-lowlevel``, generated from openapi.yaml).

This alias keeps ``from runcamp.lowlevel.api.runs import get_run`` working: importing it
imports every module of ``runcamp_lowlevel`` once and registers each under the old name too,
so ``runcamp.lowlevel.X is runcamp_lowlevel.X`` (one set of classes, not a copy). ``import
runcamp`` never imports it.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import warnings

try:
    import runcamp_lowlevel
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("runcamp.lowlevel moved to the runcamp_lowlevel package: pip install ./clients/python-lowlevel (from the runcamp repository)") from e

warnings.warn("runcamp.lowlevel is deprecated: import runcamp_lowlevel instead", DeprecationWarning, stacklevel=2)

for _info in pkgutil.walk_packages(runcamp_lowlevel.__path__, "runcamp_lowlevel."):
    _module = importlib.import_module(_info.name)
    sys.modules[__name__ + _info.name[len("runcamp_lowlevel") :]] = _module
    if _info.name.count(".") == 1:  # runcamp.lowlevel.api as an attribute too (import ... as)
        globals()[_info.name.rpartition(".")[2]] = _module

from runcamp_lowlevel import *  # noqa: E402, F403
from runcamp_lowlevel import __all__  # noqa: E402, F401
