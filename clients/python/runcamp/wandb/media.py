"""``wandb.Image`` and ``wandb.Table``: logged, each becomes an artifact of the run
(``media/<key>/<step>.png``, ``media/<key>/<step>.csv``; docs/wandb.md).

An image from a numpy array is encoded as PNG here (zlib and the PNG chunk layout, no
imaging library needed): 2-D arrays are greyscale, H×W×3 RGB and H×W×4 RGBA; floats with
no value above 1 are taken as 0..1 and scaled to 0..255, other values clipped to 0..255.
A PIL image is saved as PNG by its own ``save``; a path is uploaded as the file it is.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import struct
import zlib
from pathlib import Path
from typing import Any, Optional

_COLOUR_TYPES = {1: 0, 3: 2, 4: 6}  # channels -> PNG colour type (grey, RGB, RGBA)


def png_bytes(pixels: Any) -> bytes:
    """A numpy array (or a tensor, through its ``numpy()``) of pixels as a PNG file (see the
    module doc for the shapes and scaling). Only the array's own methods are used: numpy is
    the caller's, never imported here."""
    a = pixels
    if not hasattr(a, "astype") and hasattr(a, "numpy"):  # a torch tensor
        a = a.detach().cpu().numpy()
    if not (hasattr(a, "shape") and hasattr(a, "astype")):
        raise TypeError(f"runcamp.wandb.Image takes a numpy array, a PIL image or a path, not {type(pixels).__name__}")
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[:, :, 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (3, 4)) or 0 in a.shape:
        raise ValueError(f"runcamp.wandb.Image: an image array is H×W, H×W×3 or H×W×4, not {tuple(a.shape)}")
    if a.dtype.name != "uint8":
        a = a.astype("float64")
        a[a != a] = 0.0  # NaN
        if a.max() <= 1.0:
            a = a * 255.0
        a = a.round().clip(0, 255).astype("uint8")
    height, width = a.shape[:2]
    channels = 1 if a.ndim == 2 else a.shape[2]
    rows = a.reshape(height, width * channels)
    raw = b"".join(b"\x00" + rows[y].tobytes() for y in range(height))  # filter type 0 per row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPES[channels], 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


class Image:
    """An image to log: a numpy array, a PIL image or the path of an image file."""

    def __init__(self, data_or_path: Any, mode: Optional[str] = None, caption: Optional[str] = None, **_ignored: Any) -> None:
        self.caption = caption
        if isinstance(data_or_path, (str, os.PathLike)):
            path = Path(data_or_path)
            if not path.is_file():
                raise FileNotFoundError(f"runcamp.wandb.Image: {path} is not a file")
            self.data, self.suffix = path.read_bytes(), path.suffix.lower() or ".png"
        elif hasattr(data_or_path, "save") and hasattr(data_or_path, "mode"):  # a PIL image
            out = io.BytesIO()
            (data_or_path.convert(mode) if mode else data_or_path).save(out, format="PNG")
            self.data, self.suffix = out.getvalue(), ".png"
        else:
            self.data, self.suffix = png_bytes(data_or_path), ".png"


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ("NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity"))
    item = getattr(value, "item", None)  # numpy and torch scalars
    if callable(item) and getattr(value, "ndim", 0) == 0:
        return _cell(item())
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return str(value)


class Table:
    """A table to log: ``columns`` and rows (``data``), or a pandas ``dataframe``; rows can be
    added with ``add_data``. Logged as a CSV artifact; a cell that is not a number, text,
    boolean or empty is written as its JSON (or, failing that, its text)."""

    def __init__(self, columns: Optional[list] = None, data: Optional[list] = None, dataframe: Any = None, **_ignored: Any) -> None:
        if dataframe is not None:
            columns = [str(c) for c in dataframe.columns]
            data = dataframe.values.tolist()
        self.columns = list(columns) if columns is not None else [f"col{i}" for i in range(len(data[0]) if data else 0)]
        self.data: list = []
        for row in data or []:
            self.add_data(*row)

    def add_data(self, *row: Any) -> None:
        if len(row) != len(self.columns):
            raise ValueError(f"runcamp.wandb.Table: a row has {len(self.columns)} cells, got {len(row)}")
        self.data.append(list(row))

    def csv_bytes(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.data:
            writer.writerow([_cell(v) for v in row])
        return out.getvalue().encode("utf-8")
