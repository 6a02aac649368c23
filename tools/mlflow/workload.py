"""A tracking script written against the real `mlflow` client, nothing runcamp-specific: what
tools/mlflow/record.py records and bench/mlflow.py times. It talks to whatever
MLFLOW_TRACKING_URI names. Prints one JSON line: how long each phase took (seconds)."""
import argparse, json, os, tempfile, time

import mlflow
from mlflow import MlflowClient


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100, help="metric steps per run")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--metrics", type=int, default=4, help="metrics logged per step")
    parser.add_argument("--experiment", default=f"workload-{os.getpid()}-{int(time.time())}")
    parser.add_argument("--no-extras", action="store_true", help="only the logging loop (the bench)")
    args = parser.parse_args()
    client = MlflowClient()
    timings = {}
    t0 = time.perf_counter()
    experiment = mlflow.set_experiment(args.experiment)
    run_ids = []
    for r in range(args.runs):
        with mlflow.start_run(run_name=f"run-{r}") as run:
            run_ids.append(run.info.run_id)
            mlflow.log_param("lr", "1e-3")
            mlflow.log_params({"optimizer": "adam", "epochs": args.steps, "seed": r})
            mlflow.set_tag("team", "vision")
            mlflow.set_tags({"runcamp.campaign": "workload", "stage": "dev"})
            for step in range(args.steps):
                mlflow.log_metrics({f"m{k}": 1.0 / (step + k + 1) for k in range(args.metrics)}, step=step)
            # The batch form: one log_batch per 1,000 points, as a training loop's flush would.
            points = [mlflow.entities.Metric(f"batch{k}", float(s), int(time.time() * 1000), s) for k in range(args.metrics) for s in range(args.steps)]
            for i in range(0, len(points), 1000):
                client.log_batch(run.info.run_id, metrics=points[i : i + 1000])
            if not args.no_extras:
                with tempfile.TemporaryDirectory() as tmp:
                    path = os.path.join(tmp, "report.txt")
                    with open(path, "w") as f:
                        f.write("accuracy 0.93\n")
                    mlflow.log_artifact(path)
                    mlflow.log_artifact(path, artifact_path="reports")
                with mlflow.start_run(run_name="child", nested=True):
                    mlflow.log_metric("child_loss", 0.5)
    timings["log"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    df = mlflow.search_runs(experiment_ids=[experiment.experiment_id], filter_string="params.optimizer = 'adam' and metrics.m0 < 1")
    for run_id in run_ids:
        client.get_metric_history(run_id, "m0")
    timings["read"] = time.perf_counter() - t1
    if not args.no_extras:
        client.get_run(run_ids[0])
        client.list_artifacts(run_ids[0])
        client.list_artifacts(run_ids[0], "reports")
        client.download_artifacts(run_ids[0], "report.txt", tempfile.mkdtemp())
        mlflow.get_experiment_by_name(args.experiment)
        mlflow.search_experiments()
        client.set_experiment_tag(experiment.experiment_id, "owner", "me")
        client.delete_tag(run_ids[0], "stage")
        client.delete_run(run_ids[0])
        client.restore_run(run_ids[0])
        client.update_run(run_ids[0], status="FINISHED", name="renamed")
        mlflow.config.enable_async_logging(True)
        with mlflow.start_run(run_name="async"):
            for step in range(args.steps):
                mlflow.log_metric("async_loss", 1.0 / (step + 1), step=step)
        mlflow.config.enable_async_logging(False)
        from sklearn.datasets import load_iris
        from sklearn.linear_model import LogisticRegression

        mlflow.sklearn.autolog(log_models=False)
        X, y = load_iris(return_X_y=True)
        with mlflow.start_run(run_name="autolog"):
            LogisticRegression(max_iter=200).fit(X, y)
        mlflow.sklearn.autolog(disable=True)
        client.get_metric_history(run_ids[0], "m1")
        try:
            client.get_run("0" * 32)
        except mlflow.exceptions.MlflowException as e:
            print("unknown run:", e.error_code)
    timings["total"] = time.perf_counter() - t0
    timings["runs"] = len(df)
    print(json.dumps(timings))


if __name__ == "__main__":
    main()
