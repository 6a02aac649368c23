"""``python -m runcamp sync``: re-send what runs left in the spool."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional

from ._spool import default_spool_dir
from ._sync import sync_spool


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(prog="runcamp", description="runcamp Python SDK tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sync = sub.add_parser("sync", help="re-send the requests runs left in the spool (server unreachable at the time)")
    sync.add_argument("--spool", type=Path, default=None, help="spool directory (default: $RUNCAMP_SPOOL_DIR or ~/.cache/runcamp/spool)")
    sync.add_argument("--url", default=None, help="send to this server instead of the one each run logged to")
    sync.add_argument("--token", default=None, help="API token (default: $RUNCAMP_TOKEN)")
    sync.add_argument("--timeout", type=float, default=10.0, help="seconds to keep retrying one request before giving up (default 10)")
    args = parser.parse_args(argv)

    spool = args.spool or default_spool_dir()
    token = args.token if args.token is not None else os.environ.get("RUNCAMP_TOKEN")
    report = sync_spool(spool, url=args.url, token=token, give_up_after=args.timeout)
    for error in report.errors:
        print(f"runcamp sync: {error}", file=sys.stderr)
    print(
        f"runcamp sync: re-sent {report.requests} requests ({report.points} points) of {report.runs} runs from {spool}; "
        f"{report.dropped} rejected, {report.left} left, {report.busy} runs busy (owned by a live process)"
    )
    return 1 if report.left else 0


if __name__ == "__main__":
    sys.exit(main())
