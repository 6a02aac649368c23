"""PyTorch Lightning's RuncampLogger (runcamp/integrations/lightning.py): a tiny model trained
on CPU, read back through the SDK: params from save_hyperparameters, train/val/test as
contexts, epochs on the points, and the status the training ended in."""

from __future__ import annotations

import os
import signal
import uuid

import pytest

if os.environ.get("CI"):  # CI installs the integrations-test extra: a missing package must fail, not skip
    import lightning
    import pytorch_lightning as pl
    import torch
else:
    torch = pytest.importorskip("torch", reason="the integrations-test extra is not installed")
    lightning = pytest.importorskip("lightning", reason="the integrations-test extra is not installed")
    pl = pytest.importorskip("pytorch_lightning", reason="the integrations-test extra is not installed")
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402

import readback  # noqa: E402
import runcamp  # noqa: E402
from runcamp.integrations.lightning import RuncampLogger  # noqa: E402

REPO = "integrations-lightning"


class MLP(lightning.LightningModule):
    """Fits a noisy linear target; logs a training loss per step and per epoch, a validation
    loss and MAE per epoch, a test loss. ``fail_at``: the training step that raises ``failure``."""

    def __init__(self, hidden: int = 8, lr: float = 0.05, optimizer: dict | None = None, fail_at: int = -1, failure: str = "ValueError") -> None:
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, index):
        if self.global_step == self.hparams.fail_at:
            raise {"ValueError": ValueError, "KeyboardInterrupt": KeyboardInterrupt}[self.hparams.failure]("the loss went away")
        x, y = batch
        loss = nn.functional.mse_loss(self(x), y)
        self.log("train_loss", loss, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        self.log("val_loss", nn.functional.mse_loss(self(x), y))
        self.log("val/mae", nn.functional.l1_loss(self(x), y))

    def test_step(self, batch, _):
        x, y = batch
        self.log("test_loss", nn.functional.mse_loss(self(x), y))

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)


def _data() -> DataLoader:
    g = torch.Generator().manual_seed(0)
    x = torch.randn(32, 4, generator=g)
    y = x.sum(dim=1, keepdim=True) + 0.1 * torch.randn(32, 1, generator=g)
    return DataLoader(TensorDataset(x, y), batch_size=8)


def _trainer(logger: RuncampLogger, tmp_path) -> lightning.Trainer:
    return lightning.Trainer(
        max_epochs=2,
        logger=logger,
        accelerator="cpu",
        log_every_n_steps=1,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        default_root_dir=tmp_path,
    )


def _series(run: runcamp.RunRecord) -> dict:
    return {(m["name"], tuple(sorted(m["context"].items()))): m["count"] for m in run.metrics}


def test_a_trained_model_reads_back_with_params_contexts_epochs_and_finished(server, tmp_path):
    logger = RuncampLogger(repo=REPO, url=server.url, name="mlp")
    trainer = _trainer(logger, tmp_path)
    trainer.fit(MLP(optimizer={"name": "sgd", "nesterov": False}), _data(), _data())
    run = runcamp.Repo(REPO, url=server.url).run(logger.version)
    assert run.status == "finished"
    assert run.name == "mlp"
    assert run.params == {"hidden": 8, "lr": 0.05, "optimizer": {"name": "sgd", "nesterov": False}, "fail_at": -1, "failure": "ValueError"}
    assert _series(run) == {
        ("loss", (("interval", "step"), ("subset", "train"))): 8,  # 2 epochs of 4 batches
        ("loss", (("interval", "epoch"), ("subset", "train"))): 2,
        ("loss", (("subset", "val"),)): 2,
        ("mae", (("subset", "val"),)): 2,
    }
    steps = run.series("loss", {"subset": "train", "interval": "step"})
    assert list(steps["epoch"]) == [0, 0, 0, 0, 1, 1, 1, 1]
    assert list(steps["step"]) == list(range(8))  # Lightning's global step
    val = run.series("loss", {"subset": "val"})
    assert list(val["epoch"]) == [0, 1]
    assert list(val["step"]) == [3, 7]  # logged at the epoch's last step
    assert trainer.callback_metrics["val_loss"].item() == pytest.approx(val["value"].iloc[-1], rel=1e-6)

    # trainer.test() after fit resumes the same run, then finishes it again.
    trainer.test(MLP(), _data())
    run = run.refresh()
    assert run.status == "finished"
    assert _series(run)[("loss", (("subset", "test"),))] == 1


def test_training_that_raises_fails_the_run_with_the_exception(server, tmp_path):
    logger = RuncampLogger(repo=REPO, url=server.url)
    with pytest.raises(ValueError, match="the loss went away"):
        _trainer(logger, tmp_path).fit(MLP(fail_at=5), _data(), _data())
    run = runcamp.Repo(REPO, url=server.url).run(logger.version)
    assert run.status == "failed"
    assert readback.run(server.url, REPO, logger.version)["failure"] == {"type": "ValueError", "message": "the loss went away"}
    assert _series(run)[("loss", (("interval", "step"), ("subset", "train")))] == 5


def test_ctrl_c_kills_the_run(server, tmp_path):
    logger = RuncampLogger(repo=REPO, url=server.url)
    logger.experiment  # noqa: B018 (the run, opened now, installs the SDK's SIGINT handler: restored below)
    previous = signal.getsignal(signal.SIGINT)
    try:
        # Lightning catches KeyboardInterrupt, finalizes its loggers, ignores SIGINT and exits.
        with pytest.raises(SystemExit):
            _trainer(logger, tmp_path).fit(MLP(fail_at=2, failure="KeyboardInterrupt"), _data(), _data())
    finally:
        signal.signal(signal.SIGINT, previous)
    assert runcamp.Repo(REPO, url=server.url).run(logger.version).status == "killed"


def test_a_run_given_to_the_logger_stays_open(server, tmp_path):
    run = runcamp.Run(f"given-{uuid.uuid4().hex[:8]}", repo=REPO, url=server.url, params={"split": 3})
    logger = RuncampLogger(run=run)
    assert logger.version == run.id and logger.experiment is run
    _trainer(logger, tmp_path).fit(MLP(), _data(), _data())
    run.set_value("acc", 0.5, context={"subset": "test"})  # still open: the script logs on
    run.finish()
    record = runcamp.Repo(REPO, url=server.url).run(run.id)
    assert record.status == "finished"
    assert record.params["split"] == 3 and record.params["hidden"] == 8
    assert record.value("acc", {"subset": "test"}) == 0.5


def test_a_logger_takes_a_run_or_the_arguments_of_one(server):
    run = runcamp.Run(repo=REPO, url=server.url)
    try:
        with pytest.raises(TypeError, match="not both"):
            RuncampLogger(run=run, repo=REPO)
        with pytest.raises(TypeError, match="runcamp.Run"):
            RuncampLogger(run="abc")
    finally:
        run.finish()


def test_the_pytorch_lightning_namespace_takes_the_logger_too(server, tmp_path):
    class Tiny(pl.LightningModule):
        def __init__(self, lr: float = 0.1) -> None:
            super().__init__()
            self.save_hyperparameters()
            self.net = nn.Linear(4, 1)

        def training_step(self, batch, _):
            loss = nn.functional.mse_loss(self.net(batch[0]), batch[1])
            self.log("train/loss", loss)
            return loss

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)

    logger = RuncampLogger(repo=REPO, url=server.url)
    trainer = pl.Trainer(max_epochs=1, logger=logger, accelerator="cpu", log_every_n_steps=1, enable_checkpointing=False, enable_progress_bar=False)
    trainer.fit(Tiny(), _data())
    run = runcamp.Repo(REPO, url=server.url).run(logger.version)
    assert (run.status, run.params) == ("finished", {"lr": 0.1})
    assert list(run.series("loss", {"subset": "train"})["epoch"]) == [0, 0, 0, 0]
