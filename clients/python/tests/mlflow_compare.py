"""What a script left on an MLflow server, read through the real mlflow client, for the tests
that compare runcamp with a real `mlflow server` (test_mlflow_models.py, test_mlflow_torch.py)."""

from __future__ import annotations

from mlflow.store.artifact.artifact_repository_registry import get_artifact_repository


def files(uri: str) -> list[str]:
    """Every file below an artifact URI, recursively, as relative paths."""
    repo = get_artifact_repository(uri)
    out, todo = [], [None]
    while todo:
        for f in repo.list_artifacts(todo.pop()):
            (todo if f.is_dir else out).append(f.path)
    return sorted(out)
