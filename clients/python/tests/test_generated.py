"""The generated low-level client: usable as is, and identical to what openapi.yaml generates."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from runcamp_lowlevel import Client
from runcamp_lowlevel.api.health import get_health
from runcamp_lowlevel.api.runs import create_run, patch_run
from runcamp_lowlevel.models.create_run_body import CreateRunBody
from runcamp_lowlevel.models.create_run_body_params import CreateRunBodyParams
from runcamp_lowlevel.models.patch_run_body import PatchRunBody
from runcamp_lowlevel.models.run_status import RunStatus

import readback
from server import REPO_ROOT

LOWLEVEL_PROJECT = REPO_ROOT / "clients" / "python-lowlevel"
LOWLEVEL = LOWLEVEL_PROJECT / "runcamp_lowlevel"


def test_the_generated_client_creates_and_updates_runs(server):
    client = Client(base_url=server.url)
    assert get_health.sync_detailed(client=client).status_code == 200
    params = CreateRunBodyParams.from_dict({"lr": 0.01})
    created = create_run.sync_detailed("lowlevel", client=client, body=CreateRunBody(id="ll-1", name="low", params=params))
    assert created.status_code == 201
    again = create_run.sync_detailed("lowlevel", client=client, body=CreateRunBody(id="ll-1"))
    assert again.status_code == 200  # idempotent create = resume
    patched = patch_run.sync("lowlevel", "ll-1", client=client, body=PatchRunBody(status=RunStatus.FINISHED))
    assert patched.status == "finished"
    assert readback.run(server.url, "lowlevel", "ll-1")["params"] == {"lr": 0.01}


def _generator() -> Path:
    for candidate in (Path(sys.prefix) / "bin" / "openapi-python-client", REPO_ROOT / ".venv" / "bin" / "openapi-python-client"):
        if candidate.exists():
            return candidate
    found = shutil.which("openapi-python-client")
    if not found:
        pytest.skip("openapi-python-client is not installed (`npm run clients` installs the pinned one into .venv)")
    return Path(found)


def _tree(root: Path) -> set:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and ".ruff_cache" not in p.parts}


def _python_view(spec: Path, out: Path) -> Path:
    """openapi.yaml as `npm run clients` hands it to the generator (scripts/clients.ts, pythonView):
    the generator drops content-form parameters, so the JSON query parameters become strings."""
    from ruamel.yaml import YAML  # the generator's own YAML library

    yaml = YAML(typ="safe")
    doc = yaml.load(spec.read_text())
    for item in doc["paths"].values():
        for operation in item.values():
            for i, parameter in enumerate(operation.get("parameters", [])):
                if "application/json" in (parameter.get("content") or {}):
                    rest = {k: v for k, v in parameter.items() if k != "content"}
                    operation["parameters"][i] = {**rest, "schema": {"type": "string", "contentMediaType": "application/json"}}
    out.write_text(json.dumps(doc))  # JSON is YAML, and keeps the key order (the generator's output follows it)
    return out


def test_the_committed_lowlevel_client_is_what_openapi_yaml_generates(tmp_path):
    generator = _generator()
    pins = dict(line.split("==") for line in (LOWLEVEL_PROJECT / "requirements-generate.txt").read_text().split() if "==" in line)
    version = subprocess.run([str(generator), "--version"], capture_output=True, text=True).stdout
    if pins["openapi-python-client"] not in version:
        pytest.skip(f"the installed generator is not the pinned {pins['openapi-python-client']}: {version.strip()}")
    out = tmp_path / "runcamp_lowlevel"
    env = {**os.environ, "PYTHONHASHSEED": "0", "PATH": f"{generator.parent}:{os.environ.get('PATH', '')}"}
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(_python_view(REPO_ROOT / "openapi.yaml", tmp_path / "openapi.yaml")),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--config",
            str(LOWLEVEL_PROJECT / "openapi-python-client.yaml"),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    generated, committed = _tree(out), _tree(LOWLEVEL)
    assert generated == committed, "files differ: run `npm run clients`"
    _, mismatch, errors = filecmp.cmpfiles(out, LOWLEVEL, [str(p) for p in generated], shallow=False)
    assert mismatch == [] and errors == [], "run `npm run clients`"
