"""MLflow's nested runs and key/value tags seen from runcamp: the same script (manual nested
runs, and sklearn's GridSearchCV under autolog, whose child runs carry single-point
``training_*`` metrics) logs to a real ``mlflow server`` and to runcamp; what the mlflow client
reads back from both must be the same, and runcamp's SDK must see each run's key/value tags
(``tag_values``) and its parent (``parent``), and filter on them."""

from __future__ import annotations

import os
import uuid

import pytest

if os.environ.get("CI"):
    import mlflow  # CI installs the extra: a missing mlflow must fail, not skip
else:
    mlflow = pytest.importorskip("mlflow")
from mlflow import MlflowClient  # noqa: E402

import runcamp  # noqa: E402

# Tags the client derives from where it runs: equal on both servers, but not the script's.
VOLATILE_TAGS = ("mlflow.source.", "mlflow.user", "mlflow.gitRepoURL")


def key_of(name: str, tags: dict, params: dict) -> str:
    """A run as the script names it. Autolog's grid-search children have no name of their own:
    each server makes one up (MLflow a random pair of words, runcamp run-<id>), so they go by
    their candidate's params."""
    return f"candidate C={float(params['C'])}" if tags.get("mlflow.parentRunId") == "grid" else name


def measured(key: str) -> bool:
    """Metrics that are timings: the same keys on both servers, never the same values."""
    return key.endswith("_time")


def nested_script(tracking_uri: str, experiment: str) -> None:
    """Nested runs by hand (a parent, two children, a grandchild), then a grid search under autolog."""
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV

    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name="sweep"):
        mlflow.set_tags({"team": "eco", "note": "a = b\nline two", "quote": 'it\'s "quoted"'})
        for alpha in (0.1, 1.0):
            with mlflow.start_run(run_name=f"alpha {alpha}", nested=True):
                mlflow.set_tag("team", "eco")
                mlflow.log_param("alpha", alpha)
                mlflow.log_metric("training_score", 0.9 + alpha / 100)
                for step in range(3):
                    mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
                with mlflow.start_run(run_name=f"fold of {alpha}", nested=True):
                    mlflow.set_tag("fold", "0")
    mlflow.sklearn.autolog(log_models=False, log_datasets=False)
    try:
        X, y = load_iris(return_X_y=True)
        with mlflow.start_run(run_name="grid"):
            GridSearchCV(LogisticRegression(max_iter=300), {"C": [0.1, 1.0]}, cv=2).fit(X, y)
    finally:
        mlflow.sklearn.autolog(disable=True)


def landed(tracking_uri: str, experiment: str) -> dict:
    """Each run of the experiment by name: its tags (the parent as a name), params, metrics and
    how many points each metric has, as the mlflow client reads them."""
    client = MlflowClient(tracking_uri)
    exp = client.get_experiment_by_name(experiment)
    runs = client.search_runs([exp.experiment_id], max_results=1000)
    names = {r.info.run_id: r.info.run_name for r in runs}
    out = {}
    for r in runs:
        tags = {k: v for k, v in r.data.tags.items() if not k.startswith(VOLATILE_TAGS) and k != "mlflow.runName"}
        if "mlflow.parentRunId" in tags:
            tags["mlflow.parentRunId"] = names[tags["mlflow.parentRunId"]]
        points = {key: len(client.get_metric_history(r.info.run_id, key)) for key in r.data.metrics}
        metrics = {key: None if measured(key) else value for key, value in r.data.metrics.items()}
        key = key_of(r.info.run_name, tags, r.data.params)
        assert key not in out, "each run has a key of its own"
        out[key] = {"name": r.info.run_name, "tags": tags, "params": r.data.params, "metrics": metrics, "points": points}
    return out


@pytest.fixture(scope="module")
def both(server, mlflow_server):
    """The script run against the real mlflow server and against runcamp."""
    experiment = f"mlvisible-{uuid.uuid4().hex[:8]}"
    saved = os.environ.get("MLFLOW_TRACKING_URI")
    try:
        nested_script(mlflow_server.url, experiment)
        nested_script(server.url, experiment)
        yield experiment, landed(mlflow_server.url, experiment), landed(server.url, experiment)
    finally:
        mlflow.set_tracking_uri(saved)


def test_nested_runs_and_tags_land_as_in_mlflow(both):
    _, reference, got = both
    assert {"candidate C=0.1", "candidate C=1.0", "fold of 1.0"} <= set(reference)
    # Names made up by each server differ; everything else is the same.
    for run in (*reference.values(), *got.values()):
        if run["tags"].get("mlflow.parentRunId") == "grid":
            run["name"] = None
    assert got == reference
    # sklearn's training scores are single points: the values runcamp's run page shows as such.
    assert reference["grid"]["points"]["training_score"] == 1 and reference["alpha 0.1"]["points"] == {"training_score": 1, "loss": 3}


def test_runcamps_sdk_sees_the_tags_and_the_parent(both, server):
    experiment, reference, _ = both
    repo = runcamp.Repo(experiment, url=server.url)
    listed = repo.runs(columns=None)
    by_id = {r.id: r for r in listed}
    by_name = {r.name: r for r in listed}
    runs = {key_of(r.name, {"mlflow.parentRunId": by_id[r.parent].name if r.parent else None}, r.params): r for r in listed}
    assert set(runs) == set(reference)
    for key, run in runs.items():
        want = dict(reference[key]["tags"])
        if "mlflow.parentRunId" in want:
            want["mlflow.parentRunId"] = by_name[want["mlflow.parentRunId"]].id
        assert {k: v for k, v in run.tag_values.items() if not k.startswith(VOLATILE_TAGS)} == want
        parent = reference[key]["tags"].get("mlflow.parentRunId")
        assert run.parent == (by_name[parent].id if parent else None)
    assert repo.run(runs["fold of 0.1"].id).parent == runs["alpha 0.1"].id
    assert runs["sweep"].tag_values["note"] == "a = b\nline two"

    sweep = runs["sweep"].id
    assert sorted(r.name for r in repo.runs(f'parent = "{sweep}"', columns=None)) == ["alpha 0.1", "alpha 1.0"]
    assert sorted(r.name for r in repo.runs('tag_values.team = "eco"', columns=None)) == ["alpha 0.1", "alpha 1.0", "sweep"]
    assert sorted(r.name for r in repo.runs('tag_values.quote = "it\'s \\"quoted\\""', columns=None)) == ["sweep"]
    top = repo.runs("parent = null", columns=None)
    assert sorted(r.name for r in top) == ["grid", "sweep"]
    frame = repo.runs(f'parent = "{sweep}"', columns=["tag_values.team", "metrics.training_score.last"]).dataframe()
    rows = frame.to_dict("records") if hasattr(frame, "to_dict") else frame
    assert {(row["parent"], row["tag_values.team"]) for row in rows} == {(sweep, "eco")}
    assert sorted(row["metrics.training_score.last"] for row in rows) == pytest.approx([0.901, 0.91])
