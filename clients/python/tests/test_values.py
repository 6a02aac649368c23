"""set_value: NaN and ±Infinity, numpy scalars and arrays, read back as floats and lists."""

from __future__ import annotations

import math

import numpy as np
import pytest

import readback
import runcamp
from runcamp._values import wire_value


def test_non_finite_and_numpy_values_round_trip(server):
    with runcamp.Run(repo="py-values", url=server.url) as run:
        run.set_value("nan", float("nan"))
        run.set_value("inf", float("inf"), context={"subset": "test"})
        run.set_value("ninf", -math.inf)
        run.set_value("f32", np.float32(0.5))
        run.set_value("i64", np.int64(7))
        run.set_value("flag", np.bool_(True))
        run.set_value("matrix", np.array([[1, 2], [3, 4]]))
        run.set_value("report", {"f1": np.float64(0.25), "per_class": np.array([0.5, np.nan, np.inf]), "labels": ("a", "b")})
    assert run.errors == [] and run.stats["dropped_requests"] == 0
    stored = {v["name"]: v["value"] for v in readback.run(server.url, "py-values", run.id)["values"]}
    assert stored["nan"] == "NaN" and stored["inf"] == "Infinity" and stored["ninf"] == "-Infinity"
    assert stored["report"] == {"f1": 0.25, "per_class": [0.5, "NaN", "Infinity"], "labels": ["a", "b"]}
    back = runcamp.Repo("py-values", url=server.url).run(run.id)
    assert math.isnan(back.value("nan")) and back.value("inf", {"subset": "test"}) == math.inf and back.value("ninf") == -math.inf
    assert back.value("f32") == 0.5 and back.value("i64") == 7 and back.value("flag") is True
    assert back.value("matrix") == [[1, 2], [3, 4]]
    per_class = back.value("report")["per_class"]
    assert per_class[0] == 0.5 and math.isnan(per_class[1]) and per_class[2] == math.inf


@pytest.mark.parametrize(
    "value, error",
    [({1, 2}, TypeError), (object(), TypeError), ({"k": {3: 1}}, TypeError), ("x" * 70_000, ValueError), (np.array(["a", object()], dtype=object), TypeError)],
)
def test_what_the_server_would_refuse_raises_at_the_call(value, error):
    with pytest.raises(error):
        wire_value(value)
