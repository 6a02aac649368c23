"""Capture of the process's stdout and stderr as numbered log lines (``Run(capture_logs=True)``).

Two ways to capture, chosen when the capture starts:

- **File descriptors** (the normal case: ``sys.stdout`` writes to fd 1 and ``sys.stderr`` to
  fd 2). Fds 1 and 2 are pointed (``dup2``) at pipes; one reader thread per pipe writes every
  byte on to the original fd (so the terminal shows everything, as before) and cuts the bytes
  into lines; while output keeps coming it reads once per ``_GATHER`` (20 ms), not once per
  write, so the terminal sees it up to 20 ms later (and not at all, the last 20 ms of it, if
  the process is killed by SIGKILL meanwhile). Python's prints, ``os.write(1, ...)``,
  child processes (they inherit fds 1 and 2) and C extensions are all captured. ``stop``
  points the fds back at the originals and reads the pipes to their end.
- **Wrapping** ``sys.stdout``/``sys.stderr`` when they are not fds 1 and 2 (Jupyter, pytest's
  capture, a replaced stream): their ``write`` is teed into the lines. Only what goes through
  those Python objects is captured (not ``os.write``, children, C extensions).

Lines: bytes are decoded as UTF-8 (invalid bytes become U+FFFD), NUL (and an unpaired
surrogate in a str) becomes U+FFFD, the trailing "\\n" is stripped (a "\\r" before it stays),
a line longer than ``MAX_LINE`` characters (UTF-16 units, as the server counts) is cut into
several. A partial line waits for its newline, or for ``stop``. Each line gets the next
``seq`` of the run (in the order lines complete: exact within a stream, by arrival across
stdout and stderr) and the time of the read (or write) that completed it: the lines of one
read arrived together and share it.

A reader only appends what it read (with the time) and tees it on: decoding and cutting into
lines happen when the sender takes them (every flush interval), once per read, not per line
(one decode, one search for NUL, one split), so the readers, which wake every 20 ms while
output comes, hold the GIL the printing loop needs only for an append. The lines stay chunks
``(first seq, stream, time, texts)`` until the sender encodes them (``_wire.encode_log_lines``).

This module knows nothing of the Run or of sending: ``take`` hands the chunks over.
"""

from __future__ import annotations

import codecs
import os
import re
import select
import sys
import threading
import time
from typing import Any, Optional

if sys.platform == "linux":
    import fcntl

MAX_LINE = 65_536
# Up to a whole pipe's worth per read: fewer reads, fewer times the reader takes the GIL.
_READ_SIZE = 1 << 20
# After a read that did not fill its buffer, the reader sleeps this long, so that a loop
# printing line after line (unbuffered, it writes each piece: PYTHONUNBUFFERED) is read in
# one chunk per 20 ms rather than one per write: each read takes the GIL from the loop (at
# 5 ms, a buffered printing loop paid +16% of its time, at 20 ms +6-14%: bench/SDK-RESULTS.md).
# The terminal sees the output at most this much later.
_GATHER = 0.02
# The pipe size asked for (Linux; 64 KiB elsewhere), so that the writer seldom blocks while
# the reader sleeps: 1 MiB holds 20 ms of 50 MB/s (a faster writer waits for the next read),
# and is what an unprivileged process may ask.
_PIPE_SIZE = 1 << 20
_REFUSED = re.compile("[\x00\ud800-\udfff]")


def utf16_units(text: str) -> int:
    """Length as the server counts it (JavaScript string length), of a cleaned text."""
    return len(text.encode("utf-16-le")) // 2


def clean_text(text: str) -> str:
    """``text`` as the server takes it: NUL and unpaired surrogates (a str written to a wrapped
    stream may hold them) become U+FFFD."""
    return _REFUSED.sub("\ufffd", text)


def cut_line(text: str) -> list:
    """``text`` (cleaned, no newline) as pieces of at most ``MAX_LINE`` UTF-16 units."""
    if len(text) <= MAX_LINE // 2 or utf16_units(text) <= MAX_LINE:
        return [text]
    pieces = []
    while text:
        n = min(len(text), MAX_LINE)
        while utf16_units(text[:n]) > MAX_LINE:  # a character is one or two units: leave out half the excess
            n -= (utf16_units(text[:n]) - MAX_LINE + 1) // 2
        pieces.append(text[:n])
        text = text[n:]
    return pieces


class LogLines:
    """The captured lines waiting to be sent, numbered from ``first_seq`` (thread-safe).

    Kept as chunks ``(first seq, stream, time, texts)``: the lines one read (or one write to a
    wrapped stream) completed, numbered ``first seq``, ``first seq + 1``, ... in order.
    """

    def __init__(self, first_seq: int = 0) -> None:
        self.next_seq = first_seq
        self.chunks: list = []  # in seq order
        self._lock = threading.Lock()
        # What the readers (and wrapped writes) handed in, in arrival order, not yet cut into
        # lines: ``(stream, time, bytes or str)``. Cut when taken, on the sender's thread every
        # flush interval, so that a reader holds the GIL only for an append per read.
        self._fed: list = []
        self._partial = {"stdout": "", "stderr": ""}
        self._decoders = {s: codecs.getincrementaldecoder("utf-8")("replace") for s in self._partial}

    def feed_bytes(self, stream: str, data: bytes) -> None:
        now = time.time()
        with self._lock:
            self._fed.append((stream, now, data))

    def feed_text(self, stream: str, text: str) -> None:
        now = time.time()
        with self._lock:
            self._fed.append((stream, now, text))

    def _cut(self) -> None:
        """The fed pieces as lines, in arrival order (holding the lock)."""
        fed, self._fed = self._fed, []
        for stream, now, data in fed:
            if isinstance(data, bytes):
                # Decoded with "replace", bytes never give a surrogate; NUL is sought in the
                # bytes (memchr), which is much faster than the regex over the text.
                text = self._decoders[stream].decode(data)
                if b"\x00" in data:
                    text = text.replace("\x00", "\ufffd")
            else:
                text = clean_text(data)
            if text:
                self._split(stream, text, now)

    def _split(self, stream: str, text: str, now: float) -> None:
        texts = (self._partial[stream] + text).split("\n")
        partial = texts.pop()
        if texts and max(map(len, texts)) > MAX_LINE // 2:  # a line may pass MAX_LINE UTF-16 units
            texts = [piece for line in texts for piece in cut_line(line)]
        if len(partial) > MAX_LINE:  # a line that never ends: cut it now
            pieces = cut_line(partial)
            partial = pieces.pop()
            texts += pieces
        self._partial[stream] = partial
        self._add(stream, texts, now)

    def end(self) -> None:
        """The partial lines (without their newline) become lines."""
        now = time.time()
        with self._lock:
            self._cut()
            for stream in self._partial:
                rest = self._partial[stream] + clean_text(self._decoders[stream].decode(b"", final=True))
                self._partial[stream] = ""
                if rest:
                    self._add(stream, cut_line(rest), now)

    def _add(self, stream: str, texts: list, now: float) -> None:
        if texts:
            self.chunks.append((self.next_seq, stream, now, texts))
            self.next_seq += len(texts)

    def take(self) -> list:
        """The chunks so far, handed over."""
        with self._lock:
            self._cut()
            chunks, self.chunks = self.chunks, []
        return chunks


def _widen_pipe(fd: int) -> None:
    if sys.platform == "linux":
        try:
            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)  # Python 3.9 lacks the name
        except OSError:  # over the user's pipe limit: the default 64 KiB
            pass


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _FdTee:
    """One fd pointed at a pipe; a thread tees what comes through to the original fd."""

    def __init__(self, fd: int, stream: str, lines: LogLines) -> None:
        self.fd = fd
        self.stream = stream
        self.lines = lines
        self.original = os.dup(fd)  # not inheritable: children write into the pipe
        self.read_end, write_end = os.pipe()
        _widen_pipe(write_end)
        os.dup2(write_end, fd)
        os.close(write_end)
        self.tee_ok = True
        self.stopping = False
        self.thread = threading.Thread(target=self._read, name=f"runcamp-capture-{stream}", daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while True:
            if self.stopping:
                # Restored: drain what is left, but do not wait on a child that still holds the pipe.
                ready, _, _ = select.select([self.read_end], [], [], 0.2)
                if not ready:
                    return
            try:
                data = os.read(self.read_end, _READ_SIZE)
            except OSError:
                return
            if not data:
                return
            # Fed before the terminal shows it: whatever the terminal's reader does next
            # (a signal, a write to the other stream) is fed later, so gets a later seq.
            self.lines.feed_bytes(self.stream, data)
            if self.tee_ok:
                try:
                    _write_all(self.original, data)
                except OSError:  # the terminal went away: keep capturing
                    self.tee_ok = False
            if len(data) < _READ_SIZE and not self.stopping:
                time.sleep(_GATHER)  # more is coming, likely: let it gather in the pipe

    def stop(self, timeout: float) -> None:
        os.dup2(self.original, self.fd)  # closes the pipe's write end that was fd
        self.stopping = True
        self.thread.join(timeout)
        if not self.thread.is_alive():
            os.close(self.read_end)
            os.close(self.original)


class _WrappedStream:
    """Stands for ``sys.stdout``/``sys.stderr``: writes go to the original and into the lines."""

    def __init__(self, original: Any, stream: str, lines: LogLines) -> None:
        self._original = original
        self._stream = stream
        self._lines = lines

    def write(self, text: str) -> int:
        n = self._original.write(text)
        if isinstance(text, str):
            self._lines.feed_text(self._stream, text)
        return n

    def writelines(self, texts) -> None:
        for text in texts:
            self.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


def _fds_usable() -> bool:
    """True when ``sys.stdout``/``sys.stderr`` write to fds 1 and 2 (so fd capture sees them)."""
    try:
        if sys.stdout is None or sys.stderr is None or sys.stdout.fileno() != 1 or sys.stderr.fileno() != 2:
            return False
        os.fstat(1)
        os.fstat(2)
        return hasattr(os, "pipe") and os.name == "posix"
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return False


class OutputCapture:
    """Captures stdout and stderr into ``lines`` from ``start()`` to ``stop()``."""

    def __init__(self, lines: LogLines) -> None:
        self.lines = lines
        self.mode: Optional[str] = None  # "fd" or "wrap" once started
        self._tees: list = []
        self._wrapped: list = []

    def start(self) -> str:
        _flush_std()
        if _fds_usable():
            self._tees = [_FdTee(1, "stdout", self.lines)]
            try:
                self._tees.append(_FdTee(2, "stderr", self.lines))
            except OSError:  # e.g. out of fds: put fd 1 back too
                self.stop()
                raise
            self.mode = "fd"
        else:
            for attr, stream in (("stdout", "stdout"), ("stderr", "stderr")):
                original = getattr(sys, attr)
                if original is not None:
                    wrapper = _WrappedStream(original, stream, self.lines)
                    setattr(sys, attr, wrapper)
                    self._wrapped.append((attr, original, wrapper))
            self.mode = "wrap"
        return self.mode

    def stop(self, timeout: float = 2.0) -> None:
        """Restores the streams, reads what is left and ends the partial lines."""
        _flush_std()
        for tee in self._tees:
            tee.stop(timeout)
        self._tees = []
        for attr, original, wrapper in self._wrapped:
            if getattr(sys, attr) is wrapper:  # leave a stream someone replaced since alone
                setattr(sys, attr, original)
        self._wrapped = []
        self.lines.end()


def _flush_std() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
