"""Reading a run back through the generated low-level client (runcamp_lowlevel, clients/python-lowlevel)."""

from __future__ import annotations

import json
import math
from typing import Optional

from runcamp_lowlevel import Client
from runcamp_lowlevel.api.runs import get_run
from runcamp_lowlevel.models.run_detail import RunDetail
from runcamp_lowlevel.models.series_read import SeriesRead


def client(url: str) -> Client:
    return Client(base_url=url, timeout=None, raise_on_unexpected_status=True)


def run(url: str, repo: str, run_id: str) -> dict:
    r = get_run.sync(repo, run_id, client=client(url))
    assert isinstance(r, RunDetail), r
    return r.to_dict()


def points(url: str, repo: str, run_id: str, name: str, context: Optional[dict] = None) -> list:
    """Every raw point of a series as (step, value, epoch, time), paginated.

    The request goes through the generated client's httpx client: openapi.yaml declares
    `context` as an object, so the generated read_series would send it exploded
    (?subset=val) instead of as the JSON text the server reads."""
    out = []
    cursor = None
    http = client(url).get_httpx_client()
    while True:
        params = {"limit": "100000"}
        if context:
            params["context"] = json.dumps(context)
        if cursor:
            params["cursor"] = cursor
        r = http.get(f"/v1/repos/{repo}/runs/{run_id}/metrics/{name}", params=params)
        assert r.status_code == 200, r.text
        page = SeriesRead.from_dict(r.json())
        for p in page.points:
            value = p.value if isinstance(p.value, float) or isinstance(p.value, int) else p.value.value
            out.append((int(p.step), value, None if p.epoch is None else int(p.epoch), p.time))
        cursor = page.next_cursor
        if not cursor:
            return out


def wire(v: float):
    """A float as the API returns it."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v
