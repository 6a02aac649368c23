"""An artifact upload's body: the bytes it was logged with, or its file, streamed (never read
into memory whole). The transport opens it for each attempt; the spool copies it beside the
request so a spooled upload no longer depends on the file it was logged from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import BinaryIO, Optional, Union

CHUNK = 1 << 20  # bytes copied or read at a time


def open_artifact_body(data: Optional[bytes], file: Optional[Path]) -> Union[bytes, BinaryIO]:
    """What httpx sends: the bytes, or the file opened for streaming (read in 64 KiB pieces)."""
    if data is not None:
        return data
    assert file is not None
    return open(file, "rb")


def copy_body(data: Optional[bytes], file: Optional[Path], dest: Path) -> None:
    """Writes the artifact's bytes to ``dest`` (streamed for files) and fsyncs it."""
    with open(dest, "wb") as out:
        if data is not None:
            out.write(data)
        else:
            assert file is not None
            with open(file, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
        out.flush()
        os.fsync(out.fileno())
