"""The package's floor plan ([tool.importlinter] in pyproject.toml): each layer imports only
the layers below it, and no module hides an import inside a function (which is how the old
cycle of eight modules stayed unseen)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT / "runcamp"

# Imports a function may make: optional dependencies, heavy or absent unless installed
# (runcamp[pandas] for orjson, runcamp[aim] for aim, runcamp[tensorboard] for tensorboard,
# runcamp[gpu] for pynvml; psutil, a dependency, loads when system sampling starts), each with
# a comment where it is made.
OPTIONAL = {"orjson", "aim", "tensorboard", "pynvml", "psutil"}


def _lint_imports() -> str:
    for candidate in (Path(sys.executable).parent / "lint-imports", shutil.which("lint-imports")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.fail("lint-imports is not installed: pip install -e 'clients/python[test]'")


def test_every_layer_imports_only_the_layers_below_it():
    r = subprocess.run([_lint_imports(), "--no-cache"], cwd=PROJECT, capture_output=True, text=True)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    # A contract that checks nothing passes too: make sure the package was read and every
    # contract kept.
    analyzed = re.search(r"Analyzed (\d+) files", out)
    assert analyzed and int(analyzed.group(1)) >= 20, out
    contracts = (PROJECT / "pyproject.toml").read_text().count("[[tool.importlinter.contracts]]")
    assert contracts >= 4 and re.search(rf"Contracts: {contracts} kept, 0 broken", out), out


def _function_imports(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    yield inner.lineno, [a.name for a in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    yield inner.lineno, ["." * inner.level + (inner.module or "")]


def test_no_import_inside_a_function_but_optional_dependencies():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, names in _function_imports(ast.parse(path.read_text(), str(path))):
            if any(name.split(".")[0] not in OPTIONAL for name in names):
                found.append(f"{path.relative_to(PROJECT)}:{line}: {', '.join(names)}")
    assert found == [], "move these to the top of the module (or the shared piece down a layer):\n" + "\n".join(found)
