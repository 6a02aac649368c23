"""Dataset inputs through the real mlflow client (the mlflow-test extra): the same script run
against runcamp and against a real `mlflow server` leaves the same inputs, read back through
``get_run`` and ``search_runs``; what runcamp's SDK logs reads back through MLflow as MLflow's
own ``from_pandas`` describes the data."""

from __future__ import annotations

import json
import os
import uuid

import pandas as pd
import pytest

if os.environ.get("CI"):
    import mlflow  # CI installs the extra: a missing mlflow must fail, not skip
else:
    mlflow = pytest.importorskip("mlflow")
import mlflow.data  # noqa: E402
from mlflow import MlflowClient  # noqa: E402

import runcamp  # noqa: E402

FRAME = pd.DataFrame({"x": [1.0, 2.5, 3.0, 4.5], "n": [1, 2, 3, 4], "label": ["a", "b", "a", "b"], "ok": [True, False, True, True]})
HOSTILE = "<img src=x onerror=alert(1)>"


def log_inputs_script(uri: str, experiment: str) -> str:
    """What a training script does with datasets; returns its run's id."""
    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment(experiment)
    train = mlflow.data.from_pandas(FRAME, source="s3://bucket/train.csv", name="train-set", targets="label")
    holdout = mlflow.data.from_pandas(FRAME.iloc[:2], source="s3://bucket/eval.csv", name=HOSTILE)
    with mlflow.start_run() as run:
        mlflow.log_input(train, context="training")
        mlflow.log_input(train, context="training")  # logged again: kept once
        mlflow.log_input(train, context="eval")  # the same dataset in another context: still the first
        mlflow.log_input(holdout, context="eval", tags={"owner": "me"})
        mlflow.log_param("lr", "0.1")
    return run.info.run_id


def inputs_of(run) -> list:
    """A run's dataset inputs without what differs between servers (nothing: no ids or times)."""
    return sorted(
        ({"dataset": d.dataset.to_dictionary(), "tags": {t.key: t.value for t in d.tags}} for d in run.inputs.dataset_inputs),
        key=lambda d: d["dataset"]["name"],
    )


@pytest.fixture
def restore_tracking_uri():
    yield
    mlflow.set_tracking_uri(None)


def test_log_input_lands_in_runcamp_as_in_a_real_mlflow_server(server, mlflow_server, restore_tracking_uri):
    experiment = f"inputs {uuid.uuid4().hex[:6]}"
    seen = {}
    for label, uri in (("mlflow", mlflow_server.url), ("runcamp", server.url)):
        run_id = log_inputs_script(uri, experiment)
        client = MlflowClient(uri)
        got = client.get_run(run_id)
        found = client.search_runs([got.info.experiment_id])
        assert [r.info.run_id for r in found] == [run_id]
        seen[label] = {"get_run": inputs_of(got), "search_runs": inputs_of(found[0])}
    assert seen["runcamp"] == seen["mlflow"]
    # The comparison is not of two empty lists.
    assert [d["tags"] for d in seen["mlflow"]["get_run"]] == [{"mlflow.data.context": "eval", "owner": "me"}, {"mlflow.data.context": "training"}]
    assert seen["mlflow"]["get_run"][1]["dataset"]["name"] == "train-set"
    assert json.loads(seen["mlflow"]["get_run"][1]["dataset"]["profile"]) == {"num_rows": 4, "num_elements": 16}


def test_the_sdk_describes_a_dataframe_as_mlflow_does_and_mlflow_reads_it(server, restore_tracking_uri):
    with runcamp.Run(repo="sdk-inputs", url=server.url) as run:
        run.log_input("train-set", FRAME, source='{"uri": "s3://bucket/train.csv"}', source_type="s3", context="training")
        run.log_input("notes", source="https://example.org/notes.txt", context="eval")
    assert run.errors == []
    got = MlflowClient(server.url).get_run(run.id)
    described = mlflow.data.from_pandas(FRAME, source="s3://bucket/train.csv", name="train-set")
    frame_input, notes = sorted(got.inputs.dataset_inputs, key=lambda d: d.dataset.name, reverse=True)
    assert json.loads(frame_input.dataset.schema) == json.loads(described.to_dict()["schema"])
    assert json.loads(frame_input.dataset.profile) == json.loads(described.to_dict()["profile"])
    assert (frame_input.dataset.source_type, frame_input.dataset.source) == ("s3", '{"uri": "s3://bucket/train.csv"}')
    assert [(t.key, t.value) for t in frame_input.tags] == [("mlflow.data.context", "training")]
    assert notes.dataset.source == "https://example.org/notes.txt" and len(notes.dataset.digest) == 8
