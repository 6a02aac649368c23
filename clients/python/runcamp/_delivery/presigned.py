"""Large artifact files sent straight to the server's object store: a presigned multipart
upload (docs/artifacts.md). The server hands out one URL per part, the parts go to the store
(never through the server), then the server assembles them and checks the declared SHA-256.

==========================  ===============================================================
what happens                what this module does, and why it is safe
==========================  ===============================================================
file < ``PRESIGNED_FROM``   nothing: the transport PUTs the body as for any artifact
server answers 409          its store signs no URLs (libSQL, an R2 binding): ``None``, the
                            transport PUTs the body, and stops asking this server
a part's PUT fails          retried (``PART_ATTEMPTS``); then the upload is aborted and a
                            ``httpx.NetworkError`` raised, so delivery retries it all later
any other answer            returned as the upload's response (delivery's rules apply)
==========================  ===============================================================

A part is read into memory when sent (``part_size`` bytes, 8 MiB or more); the part URLs are
fetched without the server's token (they carry their own signature).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Optional
from urllib.parse import unquote

import httpx

PRESIGNED_FROM = 256 << 20  # bytes: files this large go straight to the store where it can
PART_ATTEMPTS = 4
HASH_CHUNK = 1 << 20
# The server reads the object back to check it: give completion time for that.
COMPLETE_BYTES_PER_SECOND = 20 << 20


def _sha256(file: Path) -> str:
    h = hashlib.sha256()
    with open(file, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _put_part(parts: httpx.Client, url: str, data: bytes) -> Optional[str]:
    """The part's ETag, or None when every attempt failed."""
    for attempt in range(PART_ATTEMPTS):
        try:
            r = parts.put(url, content=data)
            if r.status_code == 200 and r.headers.get("etag"):
                return r.headers["etag"]
        except httpx.TransportError:
            pass
        time.sleep(0.2 * 2**attempt)
    return None


def send_presigned(api: httpx.Client, parts: httpx.Client, artifact_path: str, content_type: str, file: Path) -> Optional[httpx.Response]:
    """Uploads ``file`` to the artifact URL path ``artifact_path`` by presigned parts; None
    when the server takes no presigned uploads (409): then PUT the body."""
    run_path, _, encoded = artifact_path.partition("/artifacts/")
    size = file.stat().st_size
    body = {"path": "/".join(unquote(s) for s in encoded.split("/")), "size": size, "sha256": _sha256(file), "content_type": content_type}
    created = api.post(f"{run_path}/artifact-uploads", json=body)
    if created.status_code == 409:
        return None
    if created.status_code != 201:
        return created
    upload = created.json()
    uploads = f"{run_path}/artifact-uploads/{upload['upload_id']}"
    sent = []
    with open(file, "rb") as f:
        for part in upload["parts"]:
            f.seek((part["number"] - 1) * upload["part_size"])
            etag = _put_part(parts, part["url"], f.read(upload["part_size"]))
            if etag is None:
                api.delete(uploads)
                raise httpx.NetworkError(f"runcamp: part {part['number']} of {body['path']!r} could not be sent to the artifact store")
            sent.append({"number": part["number"], "etag": etag})
    return api.post(f"{uploads}/complete", json={"parts": sent}, timeout=60.0 + size / COMPLETE_BYTES_PER_SECOND)
