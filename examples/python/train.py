"""A toy training loop logged with the runcamp Python SDK.

    pip install ./clients/python
    npm start                       # in another terminal: the server on 127.0.0.1:8787
    python examples/python/train.py [--url URL] [--resume RUN_ID]
"""

from __future__ import annotations

import argparse
import math
import random

import runcamp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=runcamp.DEFAULT_URL)
    parser.add_argument("--repo", default="examples")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--resume", help="continue this run id")
    args = parser.parse_args()

    params = {"lr": 3e-4, "batch_size": 64, "optimizer": {"name": "adam", "betas": [0.9, 0.999]}, "epochs": args.epochs}
    # A context manager: an exception marks the run failed, a normal end finished.
    with runcamp.Run(args.resume, repo=args.repo, experiment="toy-mlp", params=params, tags=["example"], url=args.url, provenance=True) as run:
        print(f"run {run.id} ({'resumed' if run.resumed else 'new'}) on {run.url}")
        rng = random.Random(0)
        for epoch in range(args.epochs):
            for batch in range(200):
                loss = 2.3 * math.exp(-(epoch * 200 + batch) / 300) + rng.random() * 0.05
                # Never waits on the network; step auto-increments per (name, context).
                run.track(loss, name="loss", epoch=epoch, context={"subset": "train"})
            val_loss = 2.3 * math.exp(-(epoch + 1) * 200 / 300) + 0.1
            val_acc = 1 - val_loss / 3
            run.track({"loss": val_loss, "acc": val_acc}, epoch=epoch, context={"subset": "val"})
        run.set_value("acc", round(val_acc - 0.01, 4), context={"subset": "test"})
        # Reports as artifacts: a confusion matrix (the server computes its metrics and sums a
        # campaign's) and a small CSV, both queued like the points.
        run.log_confusion_matrix(["cat", "dog", "bird"], [[50, 3, 1], [4, 43, 2], [0, 5, 40]])
        run.log_artifact(b"class,f1\ncat,0.93\ndog,0.86\nbird,0.91\n", name="reports/classes.csv")
        run.set_params(finished_epochs=args.epochs)
        run.add_tag("done")
    print(f"logged {run.stats['delivered_points']} points; spooled {run.stats['spooled_points']}")


if __name__ == "__main__":
    main()
