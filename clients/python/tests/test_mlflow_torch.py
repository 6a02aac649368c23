"""PyTorch Lightning through the real mlflow client (the mlflow-test extra): the same tiny
training run, once under `mlflow.pytorch.autolog()` with its defaults and once with Lightning's
own `MLFlowLogger`, against runcamp and against a real `mlflow server` (conftest.py
mlflow_server). What landed must match key for key and value for value, ids and timestamps
aside: params, every metric's history, tags, artifact files, the logged model and its flavors;
the model logged to runcamp loads and predicts as the one trained."""

from __future__ import annotations

import os
import uuid

import pytest

if os.environ.get("CI"):  # CI installs the extra: a missing package must fail, not skip
    import lightning
    import mlflow
    import torch
else:
    mlflow = pytest.importorskip("mlflow")
    torch = pytest.importorskip("torch")
    lightning = pytest.importorskip("lightning")
import mlflow.pytorch  # noqa: E402
from lightning.pytorch.loggers import MLFlowLogger  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402

from mlflow_compare import files  # noqa: E402

# The client names a run at random when the script does not: compared by key only. (The other
# tags name this process, its script and user, the same for both servers.)
VOLATILE_TAGS = {"mlflow.runName"}


class MLP(lightning.LightningModule):
    """Two layers fitting a noisy linear target; logs a training and a validation loss."""

    def __init__(self, hidden: int = 16, lr: float = 0.05) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, _):
        x, y = batch
        loss = nn.functional.mse_loss(self(x), y)
        self.log("train_loss", loss, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        self.log("val_loss", nn.functional.mse_loss(self(x), y))

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)


def samples():
    """256 fixed samples: the first 192 to train on, the rest to validate."""
    g = torch.Generator().manual_seed(0)
    x = torch.randn(256, 4, generator=g)
    return x, x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]]) + 0.1 * torch.randn(256, 1, generator=g)


def train(root, logger=True) -> MLP:
    """Three epochs on the CPU from a fixed seed, so both servers see the same numbers."""
    x, y = samples()
    lightning.seed_everything(0, verbose=False)
    model = MLP()
    trainer = lightning.Trainer(max_epochs=3, accelerator="cpu", enable_progress_bar=False, logger=logger, default_root_dir=root, deterministic=True)
    trainer.fit(model, DataLoader(TensorDataset(x[:192], y[:192]), batch_size=32), DataLoader(TensorDataset(x[192:], y[192:]), batch_size=32))
    return model


@pytest.fixture
def restore_tracking_uri():
    yield
    mlflow.set_tracking_uri(None)


def run_landed(client, run_id: str) -> dict:
    """A run's params, tags, metric histories (as (key, value, step) points) and artifact files."""
    run = client.get_run(run_id)
    return {
        "status": run.info.status,
        "params": run.data.params,
        "tags": {k: ("<volatile>" if k in VOLATILE_TAGS else v) for k, v in run.data.tags.items()},
        "metrics": {k: [(k, m.value, m.step) for m in client.get_metric_history(run_id, k)] for k in run.data.metrics},
        "artifacts": files(run.info.artifact_uri),
    }


def models_landed(client, experiment_id: str) -> dict:
    """The experiment's logged models by name: status, params, tags, metrics, files, flavors."""
    return {
        m.name: {
            "status": str(m.status),
            "params": m.params,
            "tags": m.tags,
            "metrics": sorted((x.key, x.value, x.step) for x in m.metrics or []),
            "files": files(m.artifact_location),
            "flavors": mlflow.models.get_model_info(f"models:/{m.model_id}").flavors,
        }
        for m in client.search_logged_models([experiment_id])
    }


def test_pytorch_autolog_with_its_defaults_lands_as_in_mlflow(server, mlflow_server, restore_tracking_uri, tmp_path):
    results, x = {}, samples()[0]
    for label, url in [("mlflow", mlflow_server.url), ("runcamp", server.url)]:
        mlflow.set_tracking_uri(url)
        experiment_id = mlflow.set_experiment(f"torch autolog {uuid.uuid4().hex[:6]}").experiment_id
        mlflow.pytorch.autolog()
        try:
            with mlflow.start_run() as run:
                model = train(tmp_path / label)
        finally:
            mlflow.pytorch.autolog(disable=True)
        client = MlflowClient()
        results[label] = {"run": run_landed(client, run.info.run_id), "models": models_landed(client, experiment_id)}
        model_id = mlflow.last_logged_model().model_id
        with torch.no_grad():
            expected = model(x)
            for uri in (f"runs:/{run.info.run_id}/model", f"models:/{model_id}"):
                assert torch.equal(mlflow.pytorch.load_model(uri)(x), expected), uri
    ours, theirs = results["runcamp"], results["mlflow"]
    # The script's shape, so an empty result on both sides cannot pass.
    assert {k: len(v) for k, v in theirs["run"]["metrics"].items()} == {"train_loss": 3, "train_loss_epoch": 3, "train_loss_step": 3, "val_loss": 3}
    assert {"lr", "epochs", "optimizer_name"} <= set(theirs["run"]["params"])
    assert {"model_summary.txt", "checkpoints/latest_checkpoint.pth"} <= set(theirs["run"]["artifacts"])
    assert set(theirs["models"]) == {"model"} and {"pytorch", "python_function"} == set(theirs["models"]["model"]["flavors"])
    assert "data/model.pth" in theirs["models"]["model"]["files"] and theirs["models"]["model"]["metrics"]
    # Exactly equal, floats too: the same seed and deterministic CPU ops give the same numbers.
    assert ours == theirs


def one_per_step(points: list) -> list:
    """A metric history as runcamp keeps it (docs/mlflow.md, "Duplicate steps"): the last point
    logged at each step."""
    return list({step: (key, value, step) for key, value, step in points}.values())


def test_lightnings_mlflow_logger_lands_as_in_mlflow(server, mlflow_server, tmp_path):
    results = {}
    for label, url in [("mlflow", mlflow_server.url), ("runcamp", server.url)]:
        logger = MLFlowLogger(experiment_name=f"torch logger {uuid.uuid4().hex[:6]}", tracking_uri=url)
        train(tmp_path / label, logger=logger)
        results[label] = run_landed(MlflowClient(url), logger.run_id)
    ours, theirs = results["runcamp"], results["mlflow"]
    assert theirs["params"] == {"hidden": "16", "lr": "0.05"} and theirs["status"] == "FINISHED"
    # The logger logs `epoch` twice at each epoch's last step (after validation and after
    # training), the same value both times: MLflow keeps both points, runcamp one.
    assert {k: len(v) for k, v in theirs["metrics"].items()} == {"epoch": 6, "train_loss_epoch": 3, "val_loss": 3}
    theirs["metrics"] = {k: one_per_step(v) for k, v in theirs["metrics"].items()}
    assert ours == theirs
