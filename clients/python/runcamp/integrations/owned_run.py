"""The run an integration logs to, and who ends it.

An integration is given a ``runcamp.Run`` (``run=``), or the arguments of one (``repo=``,
``name=``, ``campaign=`` ...). A run it was given belongs to the script: the integration
logs to it and never ends it. A run of its own it creates when it first needs it, with the
hyper-parameters it has by then as the run's params (so a ``None`` among them is stored,
which a later merge patch would take for "delete"), and ends when training ends: finished,
or by the exception training ended with (failed with its type and message; killed on
KeyboardInterrupt), as ``with Run(...)`` does. Frameworks log after training too (Lightning's
``trainer.test()`` after ``fit()``, Hugging Face's ``trainer.evaluate()``): the next write
then resumes the same run by its id, which sets it running again until that ends too.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Mapping
from typing import Any, Optional

from .._params_json import params_json
from .._run import Run


class OwnedRun:
    def __init__(self, run: Optional[Run], run_kwargs: Mapping[str, Any]) -> None:
        if run is not None and not isinstance(run, Run):
            raise TypeError(f"runcamp: run is a runcamp.Run, not {type(run).__name__}")
        if run is not None and run_kwargs:
            raise TypeError(f"runcamp: pass run= or the arguments of a new run ({', '.join(sorted(run_kwargs))}), not both")
        self._given = run
        self._run = run
        kwargs = dict(run_kwargs)
        self.id: str = run.id if run is not None else kwargs.pop("run_id", None) or uuid.uuid4().hex
        self._params: dict = params_json(kwargs.pop("params", None) or {})
        self._kwargs = kwargs

    def open(self) -> Run:
        """The run, created (or resumed) now if it is not open."""
        if self._run is None:
            self._run = Run(self.id, params=self._params, **self._kwargs)
        return self._run

    def set_params(self, params: Any) -> None:
        """Hyper-parameters (converted by ``_params_json``) into the run's params."""
        params = params_json(params)
        if not isinstance(params, dict):
            raise TypeError(f"runcamp: hyper-parameters are a dict or a Namespace, not {type(params).__name__}")
        if self._run is None:
            self._params.update(params)
        else:
            self._run.set_params(params)

    def end(self, failed: bool = False) -> None:
        """Ends a run of our own: finished, or with ``failed`` by the exception being handled
        now (``sys.exc_info()``; none: failed without a failure). A given run stays open."""
        run = self._run
        if run is None or run is self._given:
            return
        self._run = None
        exc_info = sys.exc_info() if failed else (None, None, None)
        if failed and exc_info[0] is None:
            run.finish("failed")
        else:
            run.__exit__(*exc_info)
