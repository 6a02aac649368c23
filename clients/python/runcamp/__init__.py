"""runcamp: the Python SDK of the runcamp experiment-tracking API.

High level::

    import runcamp
    with runcamp.Run(repo="cifar", experiment="resnet", params={"lr": 1e-3}) as run:
        for step in range(1000):
            run.track(loss, name="loss", context={"subset": "train"})
        run.set_value("acc", 0.93, context={"subset": "test"})
        run.log_confusion_matrix(["cat", "dog"], [[50, 3], [4, 43]])
        run.log_artifact("report.csv", name="reports/report.csv")

    runcamp.download_artifact(run.id, "reports/report.csv", repo="cifar")   # bytes

Low level (generated from openapi.yaml, every endpoint)::

    from runcamp.lowlevel import Client
    from runcamp.lowlevel.api.runs import get_run
    run = get_run.sync("cifar", "abc", client=Client(base_url="http://127.0.0.1:8787"))
"""

from ._artifacts import confusion_metrics, download_artifact, list_artifacts
from ._provenance import capture_provenance
from ._run import DEFAULT_URL, Run, RuncampError
from ._spool import default_spool_dir
from ._sync import SyncReport, sync_spool
from ._transport import __version__

__all__ = ["Run", "RuncampError", "list_artifacts", "download_artifact", "confusion_metrics", "DEFAULT_URL", "capture_provenance", "default_spool_dir", "sync_spool", "SyncReport", "__version__"]
