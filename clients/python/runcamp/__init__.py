"""runcamp: the Python SDK of the runcamp experiment-tracking API.

Logging (never waits on the network, survives the server being away)::

    import runcamp
    grid = runcamp.Campaign("augment-grid", repo="cifar", params={"seeds": 3})
    with runcamp.Run(repo="cifar", campaign=grid, params={"lr": 1e-3}) as run:
        for step in range(1000):
            run.track(loss, name="loss", context={"subset": "train"})
        run.set_value("acc", 0.93, context={"subset": "test"})
        run.log_input("cifar10", source="hf://cifar10", context="training")   # or a DataFrame
        run.log_confusion_matrix(["cat", "dog"], [[50, 3], [4, 43]])
        run.log_artifact("report.csv", name="reports/report.csv")

    runcamp.download_artifact(run.id, "reports/report.csv", repo="cifar")   # bytes

Reading back (DataFrames with ``pip install runcamp[pandas]``, lists of dicts without)::

    repo = runcamp.Repo("cifar")
    repo.runs('metrics.acc{subset:"val"}.max > 0.9').dataframe()
    repo.metrics("loss", filter='campaign = "augment-grid"')
    grid.summary(metrics="acc", group_by="aug")

Low level (generated from openapi.yaml, every endpoint; its own distribution,
``pip install ./clients/python-lowlevel``, which ``import runcamp`` never loads)::

    from runcamp_lowlevel import Client
    from runcamp_lowlevel.api.runs import get_run
    run = get_run.sync("cifar", "abc", client=Client(base_url="http://127.0.0.1:8787"))
"""

from ._artifacts import confusion_metrics, download_artifact, list_artifacts
from ._delivery.spool import default_spool_dir
from ._delivery.sync import SyncReport, sync_spool
from ._delivery.transport import __version__
from ._errors import DEFAULT_URL, RuncampError
from ._provenance import capture_provenance
from ._read import Campaign, Repo, RunList, RunRecord
from ._run import Run

__all__ = [
    "Run",
    "Repo",
    "Campaign",
    "RunRecord",
    "RunList",
    "RuncampError",
    "list_artifacts",
    "download_artifact",
    "confusion_metrics",
    "DEFAULT_URL",
    "capture_provenance",
    "default_spool_dir",
    "sync_spool",
    "SyncReport",
    "__version__",
]
