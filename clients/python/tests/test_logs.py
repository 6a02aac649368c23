"""A run's captured output (stdout/stderr as log lines), its system metrics and how it ended
(failed with the exception's type and message, killed by a signal), against a real server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import httpx
import pytest

import runcamp
from runcamp._delivery.spool import SpooledRequest
from runcamp._delivery.transport import Outcome, Transport
from runcamp._logs import MAX_LINE, LogLines, _WrappedStream
from runcamp._wire import encode_log_lines
from server import Server

REPO = "py-logs"


def _run_json(url: str, run_id: str) -> dict:
    r = httpx.get(f"{url}/v1/repos/{REPO}/runs/{run_id}", timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def _logs(url: str, run_id: str, **params) -> list:
    """Every log line of the run, paged with ``after``."""
    out: list = []
    after = None
    while True:
        query = {**params, "limit": "1000"}
        if after is not None:
            query["after"] = str(after)
        r = httpx.get(f"{url}/v1/repos/{REPO}/runs/{run_id}/logs", params=query, timeout=30)
        assert r.status_code == 200, r.text
        page = r.json()
        out.extend(page["items"])
        after = page.get("next_after")
        if after is None:
            return out


def _script_env(**more) -> dict:
    env = {**os.environ, "RUNCAMP_CAPTURE_LOGS": "1", "RUNCAMP_SYSTEM_METRICS": "1", **more}
    env.pop("PYTHONUNBUFFERED", None)
    return env


# ---- lines ------------------------------------------------------------------------------


def _taken(lines: LogLines) -> list:
    """The lines taken, as (seq, stream, text), each chunk checked to be numbered on from the last."""
    out: list = []
    for first, stream, t, texts in lines.take():
        assert isinstance(t, float) and texts and (not out or first == out[-1][0] + 1)
        out.extend((seq, stream, text) for seq, text in enumerate(texts, first))
    return out


def test_lines_are_cut_at_newlines_numbered_and_cleaned():
    lines = LogLines(first_seq=7)
    lines.feed_bytes("stdout", b"one\ntw")
    lines.feed_bytes("stderr", b"err \xff\x00x\n")
    lines.feed_bytes("stdout", b"o\n\nthree \xc3")  # a character cut between two reads
    lines.feed_bytes("stdout", b"\xa9")
    lines.feed_text("stderr", "lone \udcff surrogate\n")  # a str written to a wrapped stream
    assert _taken(lines) == [
        (7, "stdout", "one"),
        (8, "stderr", "err \ufffd\ufffdx"),
        (9, "stdout", "two"),
        (10, "stdout", ""),
        (11, "stderr", "lone \ufffd surrogate"),
    ]
    lines.end()  # the partial line is flushed without a newline
    assert _taken(lines) == [(12, "stdout", "three é")]


def test_one_read_of_many_lines_is_one_chunk_and_reads_cut_anywhere_give_the_same_lines():
    data = "é\x00\U0001f600 line\r\n".encode() * 50 + b"bad \xff\xfe end\n" + b"tail"
    whole = LogLines()
    whole.feed_bytes("stdout", data)
    chunks = whole.take()
    assert len(chunks) == 1 and chunks[0][0] == 0 and len(chunks[0][3]) == 51  # the partial "tail" waits
    expected = [(seq, "stdout", text) for seq, text in enumerate(chunks[0][3])]
    whole.end()
    expected += _taken(whole)
    assert expected[0] == (0, "stdout", "é\ufffd\U0001f600 line\r")  # a \r before the newline is kept
    assert expected[50:] == [(50, "stdout", "bad \ufffd\ufffd end"), (51, "stdout", "tail")]
    for size in (1, 2, 3, 7, 64):  # every boundary: inside a UTF-8 character, between \r and \n, ...
        cut = LogLines()
        for i in range(0, len(data), size):
            cut.feed_bytes("stdout", data[i : i + size])
        cut.end()
        assert _taken(cut) == expected, size


def test_a_line_longer_than_the_limit_is_cut_in_pieces():
    lines = LogLines()
    lines.feed_text("stdout", "a" * (MAX_LINE * 2 + 5))  # no newline yet: cut once past the limit
    lines.feed_text("stdout", "\n")
    lines.feed_text("stdout", "short\n" + "\U0001f600" * MAX_LINE + "\nshort\n")  # two UTF-16 units each, as the server counts
    got = [text for _, _, text in _taken(lines)]
    assert [len(t) for t in got[:4]] == [MAX_LINE, MAX_LINE, 5, 5]
    assert "".join(got[4:-1]) == "\U0001f600" * MAX_LINE and all(len(t) * 2 <= MAX_LINE for t in got[4:-1])
    assert got[-1] == "short"


def _decoded(bodies: list) -> list:
    """Each body's lines as the server takes them: a chunk's text split on every "\\n"."""
    out = []
    for body in bodies:
        decoded = json.loads(body)
        assert list(decoded) == ["chunks"] and decoded["chunks"]
        out.append(
            [
                {"seq": chunk["first_seq"] + i, "stream": chunk["stream"], "time": chunk["time"], "text": text}
                for chunk in decoded["chunks"]
                for i, text in enumerate(chunk["text"].split("\n"))
            ]
        )
    return out


def test_log_bodies_are_the_lines_as_json_split_by_count_and_size():
    texts = ['quote " backslash \\ tab \t', "\x01 é \U0001f600 \ufffd", "", "x" * 500]
    chunks = [(5, "stdout", 1765100000.25, texts[:2]), (7, "stderr", 1765100001.5, texts[2:])]
    everything = _decoded(encode_log_lines(chunks))
    assert everything == [
        [
            {"seq": 5, "stream": "stdout", "time": 1765100000.25, "text": texts[0]},
            {"seq": 6, "stream": "stdout", "time": 1765100000.25, "text": texts[1]},
            {"seq": 7, "stream": "stderr", "time": 1765100001.5, "text": ""},
            {"seq": 8, "stream": "stderr", "time": 1765100001.5, "text": "x" * 500},
        ]
    ]
    assert [[x["seq"] for x in body] for body in _decoded(encode_log_lines(chunks, max_lines=3))] == [[5, 6, 7], [8]]
    small = encode_log_lines(chunks, max_bytes=400)  # the long line alone passes the limit: it goes alone
    assert [[x["seq"] for x in body] for body in _decoded(small)] == [[5, 6, 7], [8]]
    assert len(small[0]) <= 400 and len(small[1]) > 400
    assert encode_log_lines([]) == []


def test_log_bodies_split_anywhere_keep_every_line_in_order_within_the_limits():
    chunks = [(0, "stdout", 1.5, [f"{i} " + "é" * (i * 7 % 90) for i in range(60)]), (60, "stderr", 2.5, ["x" * 400, "", "y"])]
    every = [(first + i, stream, text) for first, stream, _, texts in chunks for i, text in enumerate(texts)]
    for max_lines in (1, 7, 5_000):
        for max_bytes in (100, 450, 1_000, 3_333, 10**6):
            bodies = encode_log_lines(chunks, max_lines=max_lines, max_bytes=max_bytes)
            decoded = _decoded(bodies)
            assert [(x["seq"], x["stream"], x["text"]) for body in decoded for x in body] == every
            assert all(0 < len(lines) <= max_lines for lines in decoded)
            assert all(len(body) <= max_bytes or len(lines) == 1 for body, lines in zip(bodies, decoded))
            if max_bytes == 10**6:  # nothing but the count splits
                assert [len(lines) for lines in decoded][:-1] == [max_lines] * (len(decoded) - 1)


def test_log_bodies_round_trip_every_captured_line_and_fill_each_body_to_its_limits():
    # Lines as capture makes them: empty ones (first, last, alone), escapes, "\\n" as text, astral characters.
    shapes = ["", "plain", 'a "quoted" \\n not a newline \\', "\r", "\x1b[31mred\x1b[0m\t", "\U0001f600" * 30, "é" * 200, "\x7f\u2028"]
    chunks, seq = [], 3
    for i in range(40):
        texts = [shapes[(i * 7 + j) % len(shapes)] for j in range(i % 9 + 1)]
        chunks.append((seq, "stderr" if i % 3 == 0 else "stdout", 1765100000.0 + i, texts))
        seq += len(texts)
    chunks.append((seq, "stdout", 1765100050.5, [""]))
    every = [(first + i, stream, t, text) for first, stream, t, texts in chunks for i, text in enumerate(texts)]

    def cost(lines: list) -> int:  # the length of one body holding exactly these lines, regrouped as captured
        regrouped: list = []
        for seq, stream, t, text in lines:
            if regrouped and regrouped[-1][2] == t:
                regrouped[-1][3].append(text)
            else:
                regrouped.append((seq, stream, t, [text]))
        (body,) = encode_log_lines(regrouped, max_lines=10**9, max_bytes=10**12)
        return len(body)

    for max_lines in (1, 2, 5, 64, 5_000):
        for max_bytes in (60, 150, 400, 1_000, 2_500, 10**7):
            bodies = encode_log_lines(chunks, max_lines=max_lines, max_bytes=max_bytes)
            decoded = [[(x["seq"], x["stream"], x["time"], x["text"]) for x in body] for body in _decoded(bodies)]
            assert [line for body in decoded for line in body] == every, (max_lines, max_bytes)
            done = 0
            for body, lines in zip(bodies, decoded):
                assert 0 < len(lines) <= max_lines and (len(body) <= max_bytes or len(lines) == 1)
                assert len(body) == cost(lines)  # a chunk is cut only where a body ends
                done += len(lines)
                if done < len(every):  # full: one more line would pass a limit
                    assert len(lines) == max_lines or cost(lines + [every[done]]) > max_bytes, (max_lines, max_bytes, done)


# ---- a real process ---------------------------------------------------------------------

CRASHING = """
import os, subprocess, sys, time
import runcamp

run = runcamp.Run("crash", repo="py-logs", url=sys.argv[1], system_metrics_interval=0.2)
print("hello from print", flush=True)
os.write(1, b"raw fd write\\n")
subprocess.run(["echo", "from a child"], check=True)
print("to stderr", file=sys.stderr, flush=True)
os.write(2, b"partial ")
os.write(2, b"stderr line\\n")
print("no newline at the end", end="", flush=True)
time.sleep(1.0)  # a few system samples
raise ValueError("the loss is NaN")
"""


def test_a_crashing_script_is_failed_with_its_exception_and_every_line_in_the_logs(server, spool_dir):
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASHING), server.url],
        capture_output=True,
        text=True,
        timeout=120,
        env=_script_env(RUNCAMP_SPOOL_DIR=str(spool_dir)),
    )
    assert proc.returncode == 1
    # The terminal still shows everything (teed to the original fds).
    assert "hello from print\nraw fd write\nfrom a child\nno newline at the end" in proc.stdout
    assert "to stderr" in proc.stderr and "ValueError: the loss is NaN" in proc.stderr

    run = _run_json(server.url, "crash")
    assert run["status"] == "failed"
    assert run["failure"] == {"type": "ValueError", "message": "the loss is NaN"}
    lines = _logs(server.url, "crash")
    assert [x["seq"] for x in lines] == list(range(len(lines)))
    out = [x["text"] for x in lines if x["stream"] == "stdout"]
    err = [x["text"] for x in lines if x["stream"] == "stderr"]
    assert out == ["hello from print", "raw fd write", "from a child", "no newline at the end"]
    assert err[:2] == ["to stderr", "partial stderr line"]
    assert err[2] == "Traceback (most recent call last):" and err[-1] == "ValueError: the loss is NaN"
    assert all(isinstance(x["time"], (int, float)) for x in lines)
    stderr_only = _logs(server.url, "crash", stream="stderr")
    assert [x["text"] for x in stderr_only] == err

    names = {m["name"] for m in run["metrics"]}
    for name in ("cpu_percent", "memory_percent", "process_rss_bytes", "process_cpu_percent"):
        assert f"system/{name}" in names
    rss = next(m for m in run["metrics"] if m["name"] == "system/process_rss_bytes")
    assert rss["last_step"] >= 1  # step = sample index


PRINTING = """
import sys, time
import runcamp

run = runcamp.Run("unbuffered", repo="py-logs", url=sys.argv[1], system_metrics=False)
for i in range(20_000):
    print("line", i)  # unbuffered: "line", " ", i and "\\n" are four writes
time.sleep(0.3)
print("late", time.time())  # alone in the pipe: the terminal sees it at once
time.sleep(0.3)
"""


def test_an_unbuffered_printing_loop_is_read_in_a_few_chunks_and_teed_at_once(server, spool_dir):
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(PRINTING), server.url],
        stdout=subprocess.PIPE,
        text=True,
        env={**_script_env(RUNCAMP_SPOOL_DIR=str(spool_dir)), "PYTHONUNBUFFERED": "1"},
    )
    shown = [proc.stdout.readline() for _ in range(20_001)]
    seen = time.time()
    assert proc.wait(60) == 0
    assert shown[:20_000] == [f"line {i}\n" for i in range(20_000)]
    assert seen - float(shown[20_000].split()[1]) < 0.25  # the reader, blocked in read(), wakes for it
    lines = _logs(server.url, "unbuffered")
    assert [x["text"] for x in lines[:20_000]] == [f"line {i}" for i in range(20_000)]
    # 80,000 writes: read as they come (no sleep between reads) they were ~800 reads here, one
    # per 5 ms a few dozen. The lines of a read share its time.
    assert len({x["time"] for x in lines}) < 200


SLEEPING = """
import signal, sys, time
import runcamp

if sys.argv[2] == "own-handler":  # the script's own SIGTERM handler, set before the Run's
    signal.signal(signal.SIGTERM, lambda num, frame: sys.exit(3))

run = runcamp.Run("sigterm", repo="py-logs", url=sys.argv[1], system_metrics=False)
print("ready", flush=True)
while True:
    time.sleep(0.1)
"""


@pytest.mark.parametrize(
    "signum, handler, returncode",
    [(signal.SIGTERM, "default", -signal.SIGTERM), (signal.SIGINT, "default", -signal.SIGINT), (signal.SIGTERM, "own-handler", 3)],
    ids=["SIGTERM", "SIGINT", "SIGTERM-own-handler"],
)
def test_a_signal_marks_the_run_killed_and_the_process_still_dies_of_it(server, spool_dir, signum, handler, returncode):
    run_id = f"signal-{signum}-{handler}"
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(SLEEPING).replace('"sigterm"', repr(run_id)), server.url, handler],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_script_env(RUNCAMP_SPOOL_DIR=str(spool_dir)),
    )
    assert proc.stdout.readline() == "ready\n"
    proc.send_signal(signum)
    proc.wait(60)
    # SIGTERM: its default action, re-raised once the run is closed; SIGINT: KeyboardInterrupt,
    # with which Python itself ends by SIGINT; the script's own handler: what it does (chained).
    assert proc.returncode == returncode
    run = _run_json(server.url, run_id)
    assert run["status"] == "killed" and run.get("failure") is None
    lines = [x["text"] for x in _logs(server.url, run_id)]
    if signum == signal.SIGTERM:
        assert lines == ["ready"]
    else:  # the traceback of the KeyboardInterrupt
        assert lines[0] == "ready" and lines[-1] == "KeyboardInterrupt"


def test_keyboard_interrupt_in_a_with_block_is_killed(server):
    try:
        with runcamp.Run("interrupted", repo=REPO, url=server.url):
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert _run_json(server.url, "interrupted")["status"] == "killed"


# ---- in this process: pytest's capture, so the streams are wrapped ------------------------


def test_under_pytest_the_streams_are_wrapped_and_a_resume_continues_the_seq(server, capsys):
    with runcamp.Run("wrapped", repo=REPO, url=server.url, capture_logs=True) as run:
        assert run._capture is not None and run._capture.mode == "wrap"
        second = runcamp.Run(repo=REPO, url=server.url, capture_logs=True)  # one capturing run per process
        assert second._capture is None
        second.finish()
        print("first")
        print("second", file=sys.stderr)
    assert not isinstance(sys.stdout, _WrappedStream) and not isinstance(sys.stderr, _WrappedStream)  # restored
    with runcamp.Run("wrapped", repo=REPO, url=server.url, capture_logs=True) as again:
        print("third")
    assert again.resumed is True
    lines = _logs(server.url, "wrapped")
    assert [(x["seq"], x["stream"], x["text"]) for x in lines] == [(0, "stdout", "first"), (1, "stderr", "second"), (2, "stdout", "third")]
    captured = capsys.readouterr()
    assert captured.out == "first\nthird\n" and captured.err == "second\n"  # still shown


def test_an_exception_leaving_the_block_fails_the_run_with_its_traceback_in_the_logs(server):
    try:
        with runcamp.Run("with-failed", repo=REPO, url=server.url, capture_logs=True):
            raise RuntimeError("x" * 5000)
    except RuntimeError:
        pass
    run = _run_json(server.url, "with-failed")
    assert run["status"] == "failed" and run["failure"] == {"type": "RuntimeError", "message": "x" * 4096}
    err = [x["text"] for x in _logs(server.url, "with-failed", stream="stderr")]
    assert err[0] == "Traceback (most recent call last):" and err[-1].startswith("RuntimeError: xxx")


def test_lines_logged_while_the_server_is_down_arrive_when_it_is_back(own_server, spool_dir):
    own_server.start()
    run = runcamp.Run("offline-logs", repo=REPO, url=own_server.url, capture_logs=True, spill_after=0.5)
    print("before")
    assert run.flush(30)
    own_server.stop(kill=True)
    for i in range(50):
        print(f"while away {i}")
    assert run.flush(30)
    assert run.stats["spooled_requests"] >= 1 and any(spool_dir.rglob("*.json"))
    restart = threading.Thread(target=lambda: (time.sleep(1.0), own_server.start()))
    restart.start()
    print("after")
    run.finish(timeout=60)
    restart.join()
    assert run.errors == []
    lines = _logs(own_server.url, "offline-logs")
    assert [x["text"] for x in lines] == ["before"] + [f"while away {i}" for i in range(50)] + ["after"]
    assert [x["seq"] for x in lines] == list(range(52))


def test_a_run_resumed_while_the_server_is_down_numbers_its_lines_after_the_earlier_ones(own_server):
    own_server.start()
    with runcamp.Run("resumed-offline", repo=REPO, url=own_server.url, capture_logs=True):
        print("one")
        print("two")
    own_server.stop(kill=True)
    run = runcamp.Run("resumed-offline", repo=REPO, url=own_server.url, capture_logs=True, spill_after=0.5)
    assert run.resumed is None
    print("three")
    restart = threading.Thread(target=lambda: (time.sleep(1.0), own_server.start()))
    restart.start()
    run.finish(timeout=60)
    restart.join()
    lines = _logs(own_server.url, "resumed-offline")
    assert [x["text"] for x in lines] == ["one", "two", "three"]
    assert lines[2]["seq"] > 1  # not 0: a seq the server holds would be taken for a re-sent line


def test_once_the_runs_logs_are_full_no_more_lines_are_sent(tmp_path):
    small = Server(tmp_path / "small.db", env={"RUNCAMP_MAX_LOG_BYTES_PER_RUN": "2000"}).start()
    try:
        run = runcamp.Run("full", repo=REPO, url=small.url, capture_logs=True)
        print("x" * 100)
        assert run.flush(30)
        for i in range(30):
            print(f"{i:03} " + "y" * 100)
        assert run.flush(30)
        print("after the limit")
        time.sleep(1.5)  # a few ticks of the sender: nothing more is sent
        run.finish(timeout=30)
        assert run.stats["dropped_requests"] == 1 and len(run.errors) == 1 and "logs are full" in run.errors[0]
        assert run.stats["dropped_log_lines"] == 1
        assert [x["text"] for x in _logs(small.url, "full")] == ["x" * 100]
        assert _run_json(small.url, "full")["status"] == "finished"
    finally:
        small.stop()


def test_many_lines_go_in_several_requests_in_order(server, capsys):
    with runcamp.Run("many", repo=REPO, url=server.url, capture_logs=True, flush_interval=60) as run:
        for i in range(22_000):
            print(f"line {i}")
        print("é" * 60_000)
    assert run.errors == [] and run.stats["delivered_requests"] == 4  # 10,000 + 10,000 + 2,001 lines, the status
    lines = _logs(server.url, "many")
    assert [x["text"] for x in lines] == [f"line {i}" for i in range(22_000)] + ["é" * 60_000]
    assert [x["seq"] for x in lines] == list(range(22_001))


def test_a_server_older_than_the_chunk_form_gets_the_same_lines_in_the_lines_form():
    """A 400 to a chunk-form body (a server from before the chunk form) is answered by sending
    the same lines once more in the lines form; a 400 to that is dropped and reported."""
    chunks = [(0, "stdout", 1.5, ["epoch 1", "", "ünï \x1b[31mred\x1b[0m"]), (3, "stderr", 2.0, ["Traceback", '  "quoted"'])]
    (body,) = encode_log_lines(chunks)
    received: list = []

    def old_server(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        received.append(sent)
        if "lines" not in sent or any("\x00" in line["text"] for line in sent["lines"]):
            return httpx.Response(400, json={"status": 400, "title": "Bad Request", "detail": "lines: required"})
        return httpx.Response(200, json={"received": len(sent["lines"]), "stored": len(sent["lines"])})

    transport = Transport("http://old.invalid")
    transport._client = httpx.Client(base_url="http://old.invalid", transport=httpx.MockTransport(old_server))
    errors: list = []
    outcome = transport.deliver(
        SpooledRequest("http://old.invalid", "POST", "/v1/repos/r/runs/x/logs", body, "logs"), lambda d: True, lambda d: None, errors.append
    )
    assert outcome is Outcome.DELIVERED and errors == []
    assert [list(b) for b in received] == [["chunks"], ["lines"]]
    assert [(x["seq"], x["stream"], x["time"], x["text"]) for x in received[1]["lines"]] == [
        (first + i, stream, t, text) for first, stream, t, texts in chunks for i, text in enumerate(texts)
    ]

    # Refused in both forms: dropped once, reported, not sent a third time.
    received.clear()
    (bad,) = encode_log_lines([(0, "stdout", 1.0, ["a\x00b"])])
    outcome = transport.deliver(
        SpooledRequest("http://old.invalid", "POST", "/v1/repos/r/runs/x/logs", bad, "logs"), lambda d: True, lambda d: None, errors.append
    )
    assert outcome is Outcome.DROPPED and len(received) == 2 and len(errors) == 1
