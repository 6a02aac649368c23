"""Hugging Face's RuncampCallback (runcamp/integrations/huggingface.py): a tiny BERT built from a
config (no download) trained by transformers.Trainer on CPU, read back through the SDK:
TrainingArguments and model config as params, train/val as contexts, epochs, the Trainer's
end-of-training summary as values, finished."""

from __future__ import annotations

import os

import pytest

if os.environ.get("CI"):  # CI installs the integrations-test extra: a missing package must fail, not skip
    import torch
    import transformers
else:
    torch = pytest.importorskip("torch", reason="the integrations-test extra is not installed")
    transformers = pytest.importorskip("transformers", reason="the integrations-test extra is not installed")

import runcamp  # noqa: E402
from runcamp.integrations.huggingface import RuncampCallback  # noqa: E402

REPO = "integrations-hf"


class Pairs(torch.utils.data.Dataset):
    """Sequences of 6 tokens labelled by whether the first is even: learnable, in memory."""

    def __init__(self, n: int, seed: int) -> None:
        g = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(1, 50, (n, 6), generator=g)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> dict:
        ids = self.ids[i]
        return {"input_ids": ids, "attention_mask": torch.ones_like(ids), "labels": int(ids[0]) % 2}


def _accuracy(prediction) -> dict:
    # A string among the metrics: logged as a value, not a point.
    return {"accuracy": float((prediction.predictions.argmax(-1) == prediction.label_ids).mean()), "split": "pairs-8"}


def test_a_trained_model_reads_back_with_params_contexts_epochs_and_finished(server, tmp_path):
    config = transformers.BertConfig(
        vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32, max_position_embeddings=16, num_labels=2
    )
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    args = transformers.TrainingArguments(
        output_dir=str(tmp_path),
        num_train_epochs=2,
        per_device_train_batch_size=4,  # 16 samples: 4 steps an epoch
        learning_rate=1e-3,
        logging_steps=2,
        eval_strategy="epoch",
        save_strategy="no",
        report_to="none",
        use_cpu=True,
        disable_tqdm=True,
    )
    callback = RuncampCallback(repo=REPO, url=server.url, name="tiny-bert")
    trainer = transformers.Trainer(
        model=model, args=args, train_dataset=Pairs(16, 1), eval_dataset=Pairs(8, 2), compute_metrics=_accuracy, callbacks=[callback]
    )
    trainer.train()

    run = runcamp.Repo(REPO, url=server.url).run(callback.run_id)
    assert run.status == "finished"
    assert run.name == "tiny-bert"
    assert run.params["learning_rate"] == 1e-3 and run.params["num_train_epochs"] == 2  # TrainingArguments
    assert run.params["hidden_size"] == 16 and run.params["model_type"] == "bert"  # the model's config
    series = {(m["name"], tuple(sorted(m["context"].items()))) for m in run.metrics}
    assert {("loss", (("subset", "train"),)), ("grad_norm", (("subset", "train"),)), ("learning_rate", (("subset", "train"),))} <= series
    assert {("loss", (("subset", "val"),)), ("accuracy", (("subset", "val"),)), ("runtime", (("subset", "val"),))} <= series
    assert not any(name == "epoch" for name, _ in series)  # the points' epoch, not a series

    train = run.series("loss", {"subset": "train"})
    assert list(train["step"]) == [2, 4, 6, 8]  # state.global_step, every logging_steps
    assert list(train["epoch"]) == [0, 0, 1, 1]  # Hugging Face's 0.5, 1.0, 1.5, 2.0
    val = run.series("accuracy", {"subset": "val"})
    assert list(val["step"]) == [4, 8] and list(val["epoch"]) == [0, 1]
    # The summary logged once at the end: values (train_loss there is the mean over training).
    assert run.value("runtime", {"subset": "train"}) > 0
    assert run.value("split", {"subset": "val"}) == "pairs-8"
    assert run.value("loss", {"subset": "train"}) == pytest.approx(float(train["value"].mean()), rel=0.05)

    # evaluate() after training resumes the run: its metrics land in the same series, at the
    # same step; the run is finished again.
    trainer.evaluate()
    run = run.refresh()
    assert run.status == "finished"
    assert list(run.series("loss", {"subset": "val"})["step"]) == [4, 8]
