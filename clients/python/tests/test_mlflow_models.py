"""MLflow 3's logged models and model registry through the real `mlflow` client: each script
runs against runcamp and against a real `mlflow server` (SQLite backend, one per session), and
what landed must match key for key and value for value (ids and timestamps aside). The real
server is the session's (conftest.py mlflow_server)."""

from __future__ import annotations

import os
import uuid

import pytest

if os.environ.get("CI"):
    import mlflow  # CI installs the extra: a missing mlflow must fail, not skip
else:
    mlflow = pytest.importorskip("mlflow")
import mlflow.sklearn  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402
from sklearn.datasets import load_iris  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402

from mlflow_compare import files  # noqa: E402
from server import Server  # noqa: E402

TOKEN = "mlflow-models-admin-token"
# Tags whose values name ids, times or this machine: compared by key only.
VOLATILE_TAGS = {"mlflow.runName", "mlflow.parentRunId", "mlflow.source.name", "mlflow.modelVersions", "mlflow.autologging"}


@pytest.fixture
def real_mlflow(mlflow_server):
    """The session's real `mlflow server` (conftest.py), by its URL."""
    return mlflow_server.url


@pytest.fixture(scope="module")
def runcamp_url(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("mlflow-models") / "runcamp.db", env={"RUNCAMP_ADMIN_TOKEN": TOKEN}).start()
    saved = os.environ.get("MLFLOW_TRACKING_TOKEN")
    os.environ["MLFLOW_TRACKING_TOKEN"] = TOKEN  # the real server ignores it
    yield server.url
    mlflow.set_tracking_uri(None)
    mlflow.set_registry_uri(None)
    if saved is None:
        os.environ.pop("MLFLOW_TRACKING_TOKEN", None)
    else:
        os.environ["MLFLOW_TRACKING_TOKEN"] = saved
    server.stop()


def on(url: str, label: str) -> str:
    """Points the client at a server and a fresh experiment there; its id."""
    mlflow.set_tracking_uri(url)
    mlflow.set_registry_uri(url)
    return mlflow.set_experiment(f"models {label} {uuid.uuid4().hex[:6]}").experiment_id


def tags_of(tags: dict) -> dict:
    return {k: ("<volatile>" if k in VOLATILE_TAGS else v) for k, v in tags.items()}


def landed(experiment_id: str) -> dict:
    """What a script left in an experiment, without ids and timestamps: runs (a child by its
    params), their metrics, params, tags and artifact files; logged models with theirs."""
    client = MlflowClient()
    runs = client.search_runs([experiment_id], max_results=1000)
    names = {r.info.run_id: r.data.params.get("C", "parent") for r in runs}
    got_runs = {}
    for r in runs:
        got_runs[names[r.info.run_id]] = {
            "parent": names.get(r.data.tags.get("mlflow.parentRunId"), None),
            "status": r.info.status,
            "metrics": r.data.metrics,
            "params": r.data.params,
            "tags": tags_of(r.data.tags),
            "artifacts": files(r.info.artifact_uri),
        }
    models = {}
    for m in client.search_logged_models([experiment_id], max_results=1000):
        models[(m.name, names[m.source_run_id])] = {
            "status": str(m.status),
            "params": m.params,
            "tags": tags_of(m.tags),
            "metrics": sorted((x.key, x.value, x.step, x.dataset_name, x.dataset_digest) for x in m.metrics or []),
            "files": files(m.artifact_location),
        }
    return {"runs": got_runs, "models": models}


def same(ours: dict, theirs: dict) -> None:
    assert ours.keys() == theirs.keys()
    for key in theirs:
        a, b = ours[key], theirs[key]
        if isinstance(b, dict):
            same(a, b)
        elif isinstance(b, float) and key.endswith("_time"):
            pass  # GridSearchCV's fit and score times: wall-clock, different on every run
        elif isinstance(b, float):
            assert a == pytest.approx(b, nan_ok=True), key
        elif isinstance(b, list) and b and isinstance(b[0], tuple):  # metric points: (key, value, step, dataset...)
            assert [(x[0], *x[2:]) for x in a] == [(y[0], *y[2:]) for y in b], key
            for x, y in zip(a, b):
                assert x[0].endswith("_time") or x[1] == pytest.approx(y[1], nan_ok=True), x[0]
        else:
            assert a == b, key


def iris():
    return load_iris(return_X_y=True)


def sklearn_autolog_script():
    X, y = iris()
    mlflow.sklearn.autolog()
    try:
        with mlflow.start_run():
            GridSearchCV(LogisticRegression(max_iter=300), {"C": [0.1, 1.0]}, cv=2).fit(X, y)
    finally:
        mlflow.sklearn.autolog(disable=True)


def test_sklearn_autolog_with_its_defaults_lands_as_in_mlflow(runcamp_url, real_mlflow):
    results = {}
    for name, url in [("mlflow", real_mlflow), ("runcamp", runcamp_url)]:
        experiment_id = on(url, "autolog")
        sklearn_autolog_script()
        results[name] = landed(experiment_id)
    ours, theirs = results["runcamp"], results["mlflow"]
    # The script's shape, so an empty result on both sides cannot pass.
    assert set(theirs["runs"]) == {"parent", "0.1", "1.0"} and theirs["runs"]["0.1"]["parent"] == "parent"
    assert {"training_accuracy_score", "best_cv_score"} <= set(theirs["runs"]["parent"]["metrics"])
    assert {("model", "parent"), ("best_estimator", "parent")} == set(theirs["models"])
    assert "MLmodel" in theirs["models"][("model", "parent")]["files"]
    assert theirs["models"][("model", "parent")]["metrics"]
    same(ours, theirs)


def test_log_model_loads_by_runs_and_models_uris(runcamp_url, tmp_path):
    on(runcamp_url, "log model")
    X, y = iris()
    fitted = LogisticRegression(max_iter=300).fit(X, y)
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(fitted, name="model")
        mlflow.log_metric("acc", 0.9, model_id=info.model_id)
    expected = fitted.predict(X)
    for uri in (f"models:/{info.model_id}", f"runs:/{run.info.run_id}/model"):
        assert (mlflow.sklearn.load_model(uri).predict(X) == expected).all(), uri
    model = MlflowClient().get_logged_model(info.model_id)
    assert model.source_run_id == run.info.run_id and str(model.status) == "READY"
    assert [(m.key, m.value, m.run_id) for m in model.metrics] == [("acc", 0.9, run.info.run_id)]
    # The model's files are its run's in runcamp (below mlflow-models/), not in the run's MLflow listing.
    assert "MLmodel" in files(model.artifact_location)
    assert [a.path for a in MlflowClient().list_artifacts(run.info.run_id)] == []


def test_logged_model_tags_delete_and_search(runcamp_url):
    experiment_id = on(runcamp_url, "logged model calls")
    client = MlflowClient()
    with mlflow.start_run() as run:
        a = client.create_logged_model(experiment_id, name="alpha", source_run_id=run.info.run_id, params={"lr": "0.1"}, tags={"team": "eco"})
        b = client.create_logged_model(experiment_id, name="beta", source_run_id=run.info.run_id)
    client.set_logged_model_tags(b.model_id, {"stage": "dev"})
    client.delete_logged_model_tag(a.model_id, "team")
    client.finalize_logged_model(a.model_id, mlflow.entities.LoggedModelStatus.READY)
    assert client.get_logged_model(a.model_id).tags == {} and client.get_logged_model(a.model_id).params == {"lr": "0.1"}
    assert [m.name for m in client.search_logged_models([experiment_id])] == ["beta", "alpha"]
    assert [m.name for m in client.search_logged_models([experiment_id], filter_string="tags.stage = 'dev'")] == ["beta"]
    assert [m.name for m in client.search_logged_models([experiment_id], filter_string="attributes.name IN ('beta', 'gamma')")] == ["beta"]
    assert [m.name for m in client.search_logged_models([experiment_id], filter_string="status = 'READY' AND name LIKE 'al%'")] == ["alpha"]
    ordered = client.search_logged_models([experiment_id], order_by=[{"field_name": "name", "ascending": True}], max_results=1)
    assert [m.name for m in ordered] == ["alpha"] and ordered.token
    client.delete_logged_model(b.model_id)
    assert [m.name for m in client.search_logged_models([experiment_id])] == ["alpha"]
    with pytest.raises(MlflowException, match="RESOURCE_DOES_NOT_EXIST"):
        client.get_logged_model(b.model_id)
    with pytest.raises(MlflowException, match="source_run_id"):
        client.create_logged_model(experiment_id, name="orphan")


def registry_script(name: str):
    """Logs a model, registers it twice (by models:/ and runs:/ URIs), aliases, stages and tags versions."""
    X, y = iris()
    client = MlflowClient()
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(LogisticRegression(max_iter=300).fit(X, y), name="model")
    first = mlflow.register_model(info.model_uri, name)
    second = mlflow.register_model(f"runs:/{run.info.run_id}/model", name)
    client.set_registered_model_alias(name, "champion", first.version)
    client.set_registered_model_alias(name, "challenger", second.version)
    client.delete_registered_model_alias(name, "challenger")
    client.transition_model_version_stage(name, second.version, "Staging")
    client.set_registered_model_tag(name, "team", "eco")
    client.set_model_version_tag(name, first.version, "validated", "yes")
    client.update_model_version(name, first.version, description="the first")
    return run.info.run_id, info.model_id


def registry_landed(name: str, run_id: str, model_id: str) -> dict:
    client = MlflowClient()
    model = client.get_registered_model(name)

    def version(v):
        return {
            "version": v.version,
            "stage": v.current_stage,
            "description": v.description,
            "tags": v.tags,
            "source": v.source.replace(model_id, "<model>").replace(run_id, "<run>"),
            "run": v.run_id == run_id,
            "aliases": sorted(v.aliases),
        }

    return {
        "tags": model.tags,
        "aliases": model.aliases,
        "latest": [version(v) for v in model.latest_versions],
        "versions": [version(client.get_model_version(name, str(n))) for n in (1, 2)],
        "by_alias": version(client.get_model_version_by_alias(name, "champion")),
        # Sorted: the real server's order here depends on its SQL plan (tags joined or not).
        "searched": sorted((version(v) for v in client.search_model_versions(f"name = '{name}'")), key=lambda v: v["version"]),
        "models": [m.name == name for m in client.search_registered_models(filter_string=f"name LIKE '{name[:8]}%'")],
        "latest_staging": [v.version for v in client.get_latest_versions(name, stages=["Staging"])],
        "download": client.get_model_version_download_uri(name, "1").endswith(f"/models/{model_id}/artifacts"),
    }


def test_the_registry_lands_as_in_mlflow_and_loads_by_alias_and_version(runcamp_url, real_mlflow):
    results = {}
    X, _ = iris()
    for label, url in [("mlflow", real_mlflow), ("runcamp", runcamp_url)]:
        on(url, "registry")
        name = f"iris-{uuid.uuid4().hex[:8]}"
        run_id, model_id = registry_script(name)
        results[label] = registry_landed(name, run_id, model_id)
        predictions = [
            mlflow.sklearn.load_model(uri).predict(X).tolist() for uri in (f"models:/{name}@champion", f"models:/{name}/2", f"models:/{name}/Staging")
        ]
        assert predictions[0] == predictions[1] == predictions[2]
    theirs = results["mlflow"]
    assert theirs["aliases"] == {"champion": "1"} and theirs["by_alias"]["version"] == "1" and theirs["download"]
    assert results["runcamp"] == theirs


def test_registry_errors_are_mlflows(runcamp_url):
    on(runcamp_url, "registry errors")
    client = MlflowClient()
    name = f"errs-{uuid.uuid4().hex[:8]}"
    client.create_registered_model(name)
    for call, code in [
        (lambda: client.create_registered_model(name), "RESOURCE_ALREADY_EXISTS"),
        (lambda: client.get_registered_model("nope-" + name), "RESOURCE_DOES_NOT_EXIST"),
        (lambda: client.get_model_version(name, "7"), "RESOURCE_DOES_NOT_EXIST"),
        (lambda: client.get_model_version_by_alias(name, "missing"), "INVALID_PARAMETER_VALUE"),
        (lambda: client.set_registered_model_alias(name, "latest", "1"), "INVALID_PARAMETER_VALUE"),
        (lambda: client.create_registered_model("a/b"), "INVALID_PARAMETER_VALUE"),
    ]:
        with pytest.raises(MlflowException) as err:
            call()
        assert err.value.error_code == code
    client.delete_registered_model(name)
    assert client.search_registered_models(filter_string=f"name = '{name}'") == []


def lightgbm_autolog_script():
    lgb = pytest.importorskip("lightgbm")
    import mlflow.lightgbm

    X, y = iris()
    train, valid = lgb.Dataset(X[::2], y[::2]), lgb.Dataset(X[1::2], y[1::2])
    mlflow.lightgbm.autolog()
    try:
        with mlflow.start_run():
            lgb.train(
                {"objective": "multiclass", "num_class": 3, "verbose": -1, "seed": 0}, train, num_boost_round=20, valid_sets=[valid], valid_names=["valid"]
            )
    finally:
        mlflow.lightgbm.autolog(disable=True)


def test_lightgbm_autolog_with_its_defaults_lands_as_in_mlflow(runcamp_url, real_mlflow):
    results, curves = {}, {}
    for name, url in [("mlflow", real_mlflow), ("runcamp", runcamp_url)]:
        experiment_id = on(url, "lightgbm")
        lightgbm_autolog_script()
        results[name] = landed(experiment_id)
        (run,) = MlflowClient().search_runs([experiment_id])
        curves[name] = {k: [(m.step, m.value) for m in MlflowClient().get_metric_history(run.info.run_id, k)] for k in run.data.metrics}
    theirs = results["mlflow"]
    assert len(curves["mlflow"]["valid-multi_logloss"]) == 20 and theirs["models"] and "feature_importance_gain.json" in theirs["runs"]["parent"]["artifacts"]
    same(results["runcamp"], theirs)
    assert curves["runcamp"].keys() == curves["mlflow"].keys()
    for key, points in curves["mlflow"].items():
        assert [s for s, _ in curves["runcamp"][key]] == [s for s, _ in points], key
        assert [v for _, v in curves["runcamp"][key]] == pytest.approx([v for _, v in points]), key
