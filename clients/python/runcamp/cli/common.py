"""What every command of the ``runcamp`` command line shares: its errors and exit codes, the
context the root group builds (server, token, repo), and printing tables and CSV.

Exit codes: 0 done; 1 the thing asked for is not there or could not be done (unknown run,
conflicts, server unreachable); 2 the request was wrong (bad option, a filter the server
refuses: its message is printed). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any, Optional
from urllib.parse import urlencode

import click
from rich.console import Console
from rich.table import Table

from .._delivery.transport import _problem
from .._errors import RuncampError
from .._read import Repo


class Failure(click.ClickException):
    """An error the user should read, with the exit code it deserves."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = code

    def show(self, file: Any = None) -> None:
        message = self.message[len("runcamp: ") :] if self.message.startswith("runcamp: ") else self.message
        click.echo(f"runcamp: {message}", err=True)


def fail(err: Exception, what: str = "") -> Failure:
    """Maps an SDK error to a message and an exit code (400 → 2, anything else → 1)."""
    status = getattr(err, "status", None)
    message = str(err)
    if isinstance(err, RuncampError) and ": " in message:
        message = message.split(": ", 1)[1]  # the problem's detail, without the request line
    if status is not None:
        message = message.split(" ", 1)[1] if message[:3].isdigit() else message
    return Failure(f"{what}{message}", 2 if status == 400 else 1)


class Ctx:
    def __init__(self, url: Optional[str], token: Optional[str], repo: Optional[str]) -> None:
        self.url, self.token, self.repo_name = url, token, repo
        self._repo: Optional[Repo] = None
        self.url_given = False

    def repo(self, name: Optional[str] = None) -> Repo:
        if name is not None:
            return Repo(name, url=self.url, token=self.token, retry_for=2.0)
        if self._repo is None:
            self._repo = Repo(self.repo_name, url=self.url, token=self.token, retry_for=2.0)
        return self._repo


def console(err: bool = False) -> Console:
    return Console(stderr=err, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return ("Infinity" if value > 0 else "-Infinity") if math.isinf(value) else f"{value:.6g}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def print_table(columns: list, rows: list, title: Optional[str] = None) -> None:
    t = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for row in rows:
        t.add_row(*(cell(v) for v in row))
    console().print(t)


def split_fields(text: Optional[str]) -> list:
    """Comma-separated filter fields; commas inside {contexts} or quotes do not split."""
    if not text:
        return []
    fields, depth, quote_char, current = [], 0, "", ""
    for ch in text:
        if quote_char:
            quote_char = "" if ch == quote_char else quote_char
        elif ch in "\"'":
            quote_char = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            fields.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        fields.append(current.strip())
    return fields


pass_ctx = click.make_pass_decorator(Ctx)


def campaign_report(repo: Repo, campaign: str, report: str, query: dict, as_csv: bool) -> Optional[dict]:
    """GET a campaign's ``report`` (summary, compare): its CSV echoed as the server wrote it
    (None returned), or its JSON body. Refusals raise RuncampError."""
    ref = repo.campaign(campaign).id
    if not as_csv:
        return repo._call("GET", f"campaigns/{ref}/{report}", params=query)
    r = repo._transport._client.get(f"/v1/repos/{repo.name}/campaigns/{ref}/{report}?{urlencode(query)}", headers={"accept": "text/csv"})
    if r.status_code >= 400:
        raise RuncampError(f"{report}: {_problem(r)}", r.status_code)
    click.echo(r.text, nl=False)
    return None
