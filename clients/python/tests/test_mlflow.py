"""The real `mlflow` client (pinned 3.x, the `mlflow-test` extra) logging to a runcamp server:
the tracking calls training code makes, read back through MLflow and through runcamp's own
API. The server runs with auth on; the client sends MLFLOW_TRACKING_TOKEN as a bearer token."""

from __future__ import annotations

import os
import time
import uuid

import httpx
import pytest

if os.environ.get("CI"):
    import mlflow  # CI installs the extra: a missing mlflow must fail, not skip
else:
    mlflow = pytest.importorskip("mlflow")
from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import Metric  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402

import runcamp  # noqa: E402
from server import Server  # noqa: E402

TOKEN = "mlflow-test-admin-token"


@pytest.fixture(scope="module")
def tracking(tmp_path_factory):
    """A runcamp server with auth on, and the mlflow client pointed at it."""
    server = Server(tmp_path_factory.mktemp("mlflow") / "runcamp.db", env={"RUNCAMP_ADMIN_TOKEN": TOKEN}).start()
    saved = {k: os.environ.get(k) for k in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN")}
    os.environ["MLFLOW_TRACKING_URI"] = server.url
    os.environ["MLFLOW_TRACKING_TOKEN"] = TOKEN
    mlflow.set_tracking_uri(server.url)
    yield server
    mlflow.set_tracking_uri(None)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    server.stop()


@pytest.fixture
def native(tracking):
    with httpx.Client(base_url=tracking.url, headers={"authorization": f"Bearer {TOKEN}"}, timeout=60) as c:
        yield c


def new_experiment(label: str):
    """An experiment with a name that is not a repo name: its repo is the slug."""
    name = f"MLflow {label} {uuid.uuid4().hex[:6]}"
    return mlflow.set_experiment(name), name.lower().replace(" ", "-")


def test_a_logging_script_reads_back_through_mlflow_and_runcamp(tracking, native, tmp_path):
    experiment, repo = new_experiment("script")
    report = tmp_path / "report.txt"
    report.write_text("accuracy 0.93\n")
    with mlflow.start_run(run_name="resnet s0") as run:
        mlflow.log_param("lr", "1e-3")
        mlflow.log_params({"optimizer": "adam", "epochs": 3, "dropout": 0.5, "pretrained": True})
        for step in range(3):
            mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
            mlflow.log_metrics({"acc": 0.5 + step / 10, "val_loss": 2.0 - step}, step=step)
        mlflow.set_tag("team", "vision")
        mlflow.set_tags({"runcamp.campaign": "augment-grid", "baseline": "", "note": "a b=c"})
        mlflow.log_artifact(str(report))
        mlflow.log_artifact(str(report), artifact_path="reports")
    run_id = run.info.run_id

    got = MlflowClient().get_run(run_id)
    assert got.info.status == "FINISHED" and got.info.run_name == "resnet s0"
    assert got.info.experiment_id == experiment.experiment_id
    assert got.data.params == {"lr": "1e-3", "optimizer": "adam", "epochs": "3", "dropout": "0.5", "pretrained": "True"}
    assert got.data.metrics == {"loss": pytest.approx(1 / 3), "acc": pytest.approx(0.7), "val_loss": 0.0}
    tags = got.data.tags
    assert tags["team"] == "vision" and tags["note"] == "a b=c" and tags["baseline"] == ""
    assert tags["runcamp.campaign"] == "augment-grid" and tags["mlflow.runName"] == "resnet s0"
    assert tags["mlflow.user"]
    assert sorted(a.path for a in MlflowClient().list_artifacts(run_id)) == ["report.txt", "reports"]
    assert [a.path for a in MlflowClient().list_artifacts(run_id, "reports")] == ["reports/report.txt"]
    local = MlflowClient().download_artifacts(run_id, "reports/report.txt", str(tmp_path / "dl"))
    assert open(local).read() == "accuracy 0.93\n"

    # The same run in runcamp's own API: typed params, the campaign, labels, series, artifacts.
    r = native.get(f"/v1/repos/{repo}/runs/{run_id}").json()
    assert r["name"] == "resnet s0" and r["status"] == "finished" and r["campaign"] == "augment-grid"
    assert r["params"] == {"lr": 0.001, "optimizer": "adam", "epochs": 3, "dropout": 0.5, "pretrained": True}
    assert r["tags"] == ["baseline"]
    assert {m["name"]: m["count"] for m in r["metrics"]} == {"loss": 3, "acc": 3, "val_loss": 3}
    found = native.get(f"/v1/repos/{repo}/runs", params={"filter": 'params.lr > 1e-4 and params.optimizer = "adam" and campaign = "augment-grid"'}).json()
    assert [x["id"] for x in found["items"]] == [run_id]
    assert native.get(f"/v1/repos/{repo}/runs/{run_id}/artifacts/reports/report.txt").text == "accuracy 0.93\n"
    summary = native.get(f"/v1/repos/{repo}/campaigns/augment-grid/summary", params={"metrics": "acc", "group_by": ""}).json()
    assert summary["rows"][0]["n"] == 1 and summary["rows"][0]["mean"] == pytest.approx(0.7)


def test_search_runs_returns_the_matching_runs_as_a_dataframe(tracking):
    experiment, _ = new_experiment("search")
    ids = {}
    for name, optimizer, acc in [("a", "adam", 0.9), ("b", "sgd", 0.8), ("c", "adam", 0.4)]:
        with mlflow.start_run(run_name=name) as run:
            mlflow.log_params({"optimizer": optimizer, "lr": "0.01"})
            mlflow.log_metric("acc", acc)
            mlflow.set_tag("team", "vision" if name != "b" else "nlp")
        ids[name] = run.info.run_id
    df = mlflow.search_runs(
        experiment_ids=[experiment.experiment_id],
        filter_string="params.optimizer = 'adam' and metrics.acc > 0.5 and tags.team LIKE 'vis%' and attributes.status = 'FINISHED'",
    )
    assert list(df["run_id"]) == [ids["a"]]
    assert df.loc[0, "params.optimizer"] == "adam" and df.loc[0, "metrics.acc"] == 0.9 and df.loc[0, "tags.team"] == "vision"
    ordered = mlflow.search_runs(experiment_ids=[experiment.experiment_id], order_by=["metrics.acc DESC"])
    assert list(ordered["run_id"]) == [ids["a"], ids["b"], ids["c"]]
    assert list(mlflow.search_runs(experiment_ids=[experiment.experiment_id], filter_string="params.lr != '0.01'")["run_id"]) == []
    # Paged through page tokens, two at a time.
    page = MlflowClient().search_runs([experiment.experiment_id], max_results=2, order_by=["attributes.run_name ASC"])
    rest = MlflowClient().search_runs([experiment.experiment_id], max_results=2, order_by=["attributes.run_name ASC"], page_token=page.token)
    assert [r.info.run_name for r in page] + [r.info.run_name for r in rest] == ["a", "b", "c"] and rest.token is None
    # A deleted run is hidden unless asked for.
    MlflowClient().delete_run(ids["c"])
    assert set(mlflow.search_runs(experiment_ids=[experiment.experiment_id])["run_id"]) == {ids["a"], ids["b"]}
    deleted = mlflow.search_runs(experiment_ids=[experiment.experiment_id], run_view_type=mlflow.entities.ViewType.DELETED_ONLY)
    assert list(deleted["run_id"]) == [ids["c"]]
    MlflowClient().restore_run(ids["c"])
    assert MlflowClient().get_run(ids["c"]).info.lifecycle_stage == "active"


def test_get_metric_history_returns_one_point_per_step(tracking):
    new_experiment("history")
    with mlflow.start_run() as run:
        for step in range(10):
            mlflow.log_metric("loss", 10.0 - step, step=step, timestamp=1_764_147_000_000 + step)
        mlflow.log_metric("loss", 99.0, step=3)  # runcamp keeps the last value of a step
    history = MlflowClient().get_metric_history(run.info.run_id, "loss")
    assert [m.step for m in history] == list(range(10))
    assert [m.value for m in history] == [10.0, 9.0, 8.0, 99.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]
    assert history[0].timestamp == 1_764_147_000_000
    assert MlflowClient().get_metric_history(run.info.run_id, "nothing") == []


def test_nested_runs_keep_their_parent(tracking):
    experiment, _ = new_experiment("nested")
    with mlflow.start_run(run_name="sweep") as parent:
        for seed in range(2):
            with mlflow.start_run(run_name=f"seed {seed}", nested=True):
                mlflow.log_param("seed", seed)
    children = mlflow.search_runs(
        experiment_ids=[experiment.experiment_id], filter_string=f"tags.mlflow.parentRunId = '{parent.info.run_id}'", order_by=["params.seed"]
    )
    assert list(children["tags.mlflow.runName"]) == ["seed 0", "seed 1"]


def test_sklearn_autolog_trains_and_logs(tracking):
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    new_experiment("autolog")
    mlflow.sklearn.autolog(log_models=False)
    try:
        X, y = load_iris(return_X_y=True)
        with mlflow.start_run() as run:
            LogisticRegression(max_iter=300).fit(X, y)
    finally:
        mlflow.sklearn.autolog(disable=True)
    got = MlflowClient().get_run(run.info.run_id)
    assert got.data.params["max_iter"] == "300" and got.data.params["C"] == "1.0"
    assert got.data.metrics["training_accuracy_score"] > 0.9
    assert got.data.tags["estimator_name"] == "LogisticRegression"
    assert {"estimator.html", "training_confusion_matrix.png"} <= {a.path for a in MlflowClient().list_artifacts(run.info.run_id)}


def test_async_logging_lands_every_point(tracking):
    new_experiment("async")
    mlflow.config.enable_async_logging(True)
    try:
        with mlflow.start_run() as run:
            for step in range(300):
                mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
            mlflow.log_param("mode", "async")
    finally:
        mlflow.config.enable_async_logging(False)
    history = MlflowClient().get_metric_history(run.info.run_id, "loss")
    assert [m.step for m in history] == list(range(300))
    assert MlflowClient().get_run(run.info.run_id).data.params == {"mode": "async"}


def test_system_metrics_land_under_runcamps_names_in_bytes(tracking):
    """mlflow.enable_system_metrics_logging(): the monitor's cpu_utilization_percentage and
    system_memory_usage_megabytes are runcamp's system/cpu_percent and system/memory_used_bytes."""
    import psutil

    _, repo = new_experiment("system")
    mlflow.enable_system_metrics_logging()
    mlflow.set_system_metrics_sampling_interval(0.2)
    mlflow.set_system_metrics_samples_before_logging(1)
    reader = runcamp.Repo(repo, url=tracking.url, token=TOKEN)
    try:
        with mlflow.start_run() as run:
            deadline = time.monotonic() + 60
            counts: dict = {}
            while counts.get("system/cpu_percent", 0) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
                counts = {m["name"]: m["count"] for m in reader.run(run.info.run_id).metrics}
    finally:
        mlflow.disable_system_metrics_logging()
        mlflow.set_system_metrics_sampling_interval(None)
        mlflow.set_system_metrics_samples_before_logging(None)
    metrics = {(m["name"], tuple(sorted(m["context"].items()))): m for m in reader.run(run.info.run_id).metrics}
    reader.close()
    cpu = metrics[("system/cpu_percent", ())]
    assert cpu["count"] >= 2 and 0 <= cpu["min"] <= cpu["max"] <= 100
    used = metrics[("system/memory_used_bytes", ())]
    total = psutil.virtual_memory().total
    assert 0.01 * total < used["last"] < total  # bytes: megabytes would be a million times smaller
    assert used["last"] == int(used["last"])  # whole bytes
    assert ("system/memory_percent", ()) in metrics and ("system/disk_free_bytes", ()) in metrics
    names = {name for name, _ in metrics}
    assert "system/cpu_utilization_percentage" not in names and "system/system_memory_usage_megabytes" not in names
    # Read back through MLflow: MLflow's keys, in megabytes.
    history = MlflowClient().get_metric_history(run.info.run_id, "system/system_memory_usage_megabytes")
    assert len(history) >= 2 and history[-1].value == pytest.approx(used["last"] / 1e6)
    assert "system/cpu_utilization_percentage" in MlflowClient().get_run(run.info.run_id).data.metrics


def test_the_errors_the_client_relies_on(tracking):
    client = MlflowClient()
    with pytest.raises(MlflowException) as e:
        client.get_run(uuid.uuid4().hex)
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST" and e.value.get_http_status_code() == 404

    new_experiment("errors")
    with mlflow.start_run() as run:
        run_id = run.info.run_id
        # The client splits a long batch into requests of 1,000 metrics itself ...
        client.log_batch(run_id, metrics=[Metric("m", float(i), 0, i) for i in range(1001)])
        assert len(client.get_metric_history(run_id, "m")) == 1001
        mlflow.log_param("lr", "0.1")
        mlflow.log_param("lr", "0.1")  # the same value again is fine
        with pytest.raises(MlflowException) as e:
            mlflow.log_param("lr", "0.2")
        assert e.value.error_code == "INVALID_PARAMETER_VALUE"
    assert client.get_run(run_id).data.params == {"lr": "0.1"}

    # ... so a 1,001-metric request is what another client would send: refused whole.
    with httpx.Client(base_url=tracking.url, timeout=30) as raw:
        batch = {"run_id": run_id, "metrics": [{"key": "refused", "value": 1, "timestamp": 0, "step": i} for i in range(1001)]}
        res = raw.post("/api/2.0/mlflow/runs/log-batch", json=batch, headers={"authorization": f"Bearer {TOKEN}"})
        assert res.status_code == 400 and res.json()["error_code"] == "INVALID_PARAMETER_VALUE" and "1000 metrics" in res.json()["message"]
        assert client.get_metric_history(run_id, "refused") == []
        # No token is a 401 in MLflow's words.
        res = raw.get("/api/2.0/mlflow/runs/get", params={"run_id": run_id})
        assert res.status_code == 401 and res.json()["error_code"] == "UNAUTHENTICATED"
