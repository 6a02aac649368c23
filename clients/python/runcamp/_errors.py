"""The bottom of the package: the error every layer raises and the default server.
Imports nothing, so every other module can import it at the top."""

from __future__ import annotations

from typing import Optional

DEFAULT_URL = "http://127.0.0.1:8787"


class RuncampError(Exception):
    """The server refused a request the Run cannot go on without (e.g. creating the run).
    ``status`` is the HTTP status when the server answered one."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status
