"""The SDK without the generated client: ``import runcamp`` never loads it, and the old
``runcamp.lowlevel`` import path still works (deprecated) as an alias of runcamp_lowlevel."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


def test_import_runcamp_loads_no_generated_code():
    code = "import runcamp, sys; print(sorted(m for m in sys.modules if m.startswith(('runcamp.lowlevel', 'runcamp_lowlevel'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_runcamp_lowlevel_is_a_deprecated_alias_of_runcamp_lowlevel():
    import runcamp_lowlevel.api.runs.get_run
    import runcamp_lowlevel.models

    for name in [m for m in sys.modules if m == "runcamp.lowlevel" or m.startswith("runcamp.lowlevel.")]:
        del sys.modules[name]
    with pytest.warns(DeprecationWarning, match="import runcamp_lowlevel"):
        importlib.import_module("runcamp.lowlevel")
    from runcamp.lowlevel.api.runs import get_run
    from runcamp.lowlevel.models.run_detail import RunDetail

    from runcamp.lowlevel import Client

    assert Client is runcamp_lowlevel.Client
    assert get_run is runcamp_lowlevel.api.runs.get_run
    assert RunDetail is runcamp_lowlevel.models.RunDetail
