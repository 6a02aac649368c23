"""``runcamp.Campaign``: get-or-create a campaign, list its runs, summarise it.

Get-or-create is one idempotent request: ``POST .../campaigns`` with the name as the id
when it is a valid id (``[A-Za-z0-9_-]{1,64}``), else the name alone; 201 (created), 200
(that id exists) and 409 (that name exists under another id) all mean the campaign is
there. With the server away, ``Campaign(...)`` does not fail: the request waits, and a
``Run(campaign=...)`` spools it before its own creation, so they replay in order.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Mapping, Optional, Union

from ._frames import context_columns, float_or_nan, has_pandas, table
from ._spool import SpooledRequest
from ._transport import dumps

log = logging.getLogger("runcamp")

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SUMMARY_FIXED = ("metric", "n", "nan", "mean", "std", "min", "max", "ci95")


def campaign_ensure_request(url: str, repo: str, name: str, params: Optional[Mapping] = None, description: Optional[str] = None) -> SpooledRequest:
    body: dict = {"id": name, "name": name} if _ID.match(name) else {"name": name}
    if params is not None:
        body["params"] = dict(params)
    if description is not None:
        body["description"] = description
    return SpooledRequest(url, "POST", f"/v1/repos/{repo}/campaigns", dumps(body), "campaign")


class Campaign:
    """A campaign of a repo, created when missing.

    ``runcamp.Campaign("augment-grid", repo="cifar", params={"seeds": 3})``; then
    ``runcamp.Run(campaign=campaign, ...)``, ``campaign.runs()``, ``campaign.summary()``.
    """

    def __init__(
        self,
        name: str,
        *,
        repo: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        url: Optional[str] = None,
        token: Optional[str] = None,
        create: bool = True,
    ) -> None:
        from ._read import Repo

        if not isinstance(name, str) or not 1 <= len(name) <= 255:
            raise ValueError("runcamp: a campaign name is a string of 1-255 characters")
        self.repo: Repo = repo if isinstance(repo, Repo) else Repo(repo, url=url, token=token)
        self.name = name
        self.id: Optional[str] = None
        self.params: Optional[dict] = dict(params) if params is not None else None
        self.description = description
        self._confirmed = False
        if create:
            self._get_or_create()
        else:
            self._load()

    @classmethod
    def _of(cls, repo: Any, ref: str) -> Campaign:
        """An existing campaign, by id or name (no creation)."""
        return cls(ref, repo=repo, create=False)

    # ---- creation ----------------------------------------------------------------------

    def ensure_request(self, url: str) -> Optional[SpooledRequest]:
        """The get-or-create request for a Run to send (or spool) first; None once confirmed."""
        if self._confirmed:
            return None
        return campaign_ensure_request(url, self.repo.name, self.name, self.params, self.description)

    def _get_or_create(self) -> None:
        req = self.ensure_request(self.repo.url)
        assert req is not None
        try:
            # As long as a Run waits at its start: then the creation waits for a Run to spool it.
            r = self.repo._transport.call("POST", req.path, json.loads(req.body), give_up=self.repo._give_up(1.0))
        except ConnectionError as e:
            log.warning("runcamp: %s; campaign %r is created when the server answers (a Run naming it spools its creation)", e, self.name)
            return
        if r.status_code in (200, 201):
            self._take(r.json())
        elif r.status_code == 409:
            self._load()
        else:
            from ._run import RuncampError

            raise RuncampError(f"creating campaign {self.name!r} in repo {self.repo.name!r} failed: {r.status_code} {r.text[:300]}")

    def _load(self) -> None:
        """Finds the campaign by id, else by name, in the repo's list."""
        from ._run import RuncampError

        if _ID.match(self.name):
            r = self.repo._call("GET", f"campaigns/{self.name}", missing_ok=True)
            if r is not None:
                self._take(r)
                return
        for item in self.repo._pages("campaigns", {}):
            if item["name"] == self.name or item["id"] == self.name:
                self._take(item)
                return
        raise RuncampError(f"campaign {self.name!r} does not exist in repo {self.repo.name!r}")

    def _take(self, body: dict) -> None:
        self.id = body["id"]
        self.name = body["name"]
        self.params = body.get("params")
        self.description = body.get("description")
        self._confirmed = True

    def _ref(self) -> str:
        if self.id is None:
            self._get_or_create()
            if self.id is None:
                raise ConnectionError(f"runcamp: the server at {self.repo.url} is unreachable; campaign {self.name!r} is not created yet")
        return self.id

    # ---- reading -----------------------------------------------------------------------

    def runs(self, filter: Optional[str] = None, *, status: Any = None, sort: Optional[str] = None, limit: Optional[int] = None, columns: Any = "auto"):
        """The campaign's runs (``Repo.runs`` with ``campaign = "<id>"`` added to the filter)."""
        own = f"campaign = {json.dumps(self._ref())}"
        return self.repo.runs(f"{own} and ({filter})" if filter else own, status=status, sort=sort, limit=limit, columns=columns)

    def summary(
        self,
        metrics: Union[str, list, None] = None,
        *,
        group_by: Union[str, list, None] = None,
        select: str = "last",
        status: Any = None,
        filter: Optional[str] = None,
        contexts: Optional[list] = None,
    ):
        """Statistics per group × metric × context: a DataFrame (list of dicts without pandas).

        Columns: one per group_by param (``params.<path>``), ``metric``, one per context key,
        then ``n``, ``nan``, ``mean``, ``std``, ``min``, ``max``, ``ci95`` (floats; NaN where
        the server says null, e.g. std for n < 2). ``status`` defaults to the server's
        default, finished runs only (``"any"`` counts every run); ``filter`` narrows further.
        ``df.attrs["selection"]`` says which runs were counted."""
        query: dict = {"select": select}
        if metrics is not None:
            query["metrics"] = metrics if isinstance(metrics, str) else ",".join(metrics)
        if group_by is not None:
            query["group_by"] = group_by if isinstance(group_by, str) else ",".join(group_by)
        if status is not None:
            query["status"] = status if isinstance(status, str) else ",".join(status)
        if filter is not None:
            query["filter"] = filter
        if contexts is not None:
            query["contexts"] = json.dumps(list(contexts))
        body = self.repo._call("GET", f"campaigns/{self._ref()}/summary", params=query)
        groups = [f"params.{p}" for p in body["group_by"]]
        keys = sorted({k for row in body["rows"] for k in row["context"]})
        names = context_columns(keys, (*_SUMMARY_FIXED, *groups))
        records = []
        for row in body["rows"]:
            rec: dict = {f"params.{p}": row["group"].get(p) for p in body["group_by"]}
            rec["metric"] = row["metric"]
            for k in keys:
                rec[names[k]] = row["context"].get(k)
            rec["n"] = row["n"]
            rec["nan"] = row["nan"]
            for stat in ("mean", "std", "min", "max", "ci95"):
                rec[stat] = float_or_nan(row[stat])
            records.append(rec)
        out = table(records, columns=[*groups, "metric", *names.values(), *_SUMMARY_FIXED[1:]])
        if has_pandas():
            out.attrs["selection"] = body["selection"]
        return out

    def __repr__(self) -> str:
        return f"<runcamp.Campaign {self.repo.name}/{self.id or '?'} {self.name!r}>"
