"""Exceptions that do not end the process (``runcamp/_crashes.py``): one that ends a thread
(its traceback in the logs, the first as ``failure``, the status left to the process's end)
and one in a Jupyter cell (its traceback in the logs, nothing else); hooks set before the
Run's still called. Scripts run as subprocesses against a real server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import httpx
import pytest

REPO = "py-crashes"


def _run_json(url: str, run_id: str) -> dict:
    r = httpx.get(f"{url}/v1/repos/{REPO}/runs/{run_id}", timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def _log_text(url: str, run_id: str, stream: str) -> str:
    r = httpx.get(f"{url}/v1/repos/{REPO}/runs/{run_id}/logs", params={"stream": stream}, headers={"accept": "text/plain"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.text


def _script(source: str, url: str, spool_dir, *args: str) -> subprocess.Popen:
    env = {**os.environ, "RUNCAMP_CAPTURE_LOGS": "1", "RUNCAMP_SYSTEM_METRICS": "0", "RUNCAMP_SPOOL_DIR": str(spool_dir)}
    env.pop("PYTHONUNBUFFERED", None)
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(source), url, *args],
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


THREADS = """
import sys, threading
import runcamp

run = runcamp.Run(sys.argv[2], repo="py-crashes", url=sys.argv[1])

def run_in_thread(name, target):
    t = threading.Thread(target=target, name=name)
    t.start()
    t.join()

def quits():
    sys.exit(0)  # a thread's SystemExit ends it quietly: no failure

def loads():
    raise OSError("shard 3 is unreadable")

def uploads():
    raise ValueError("second")

run_in_thread("quitter", quits)
run_in_thread("loader", loads)
run_in_thread("uploader", uploads)
run.flush()
print("training goes on", flush=True)
sys.stdin.readline()  # the test reads the run while it is still open
if sys.argv[3:] == ["then-fail"]:
    raise RuntimeError("main thread died")
"""


def test_a_dead_thread_leaves_its_traceback_in_the_logs_and_its_failure_while_the_run_goes_on_and_finishes(server, spool_dir):
    proc = _script(THREADS, server.url, spool_dir, "thread-died")
    assert proc.stdout.readline() == "training goes on\n"
    run = _run_json(server.url, "thread-died")
    assert run["status"] == "running"
    assert run["failure"] == {"type": "OSError", "message": "in thread 'loader': shard 3 is unreadable"}
    out, err = proc.communicate("\n", timeout=60)
    assert proc.returncode == 0
    # Python's own report still reaches the terminal.
    assert "Exception in thread loader" in err and "OSError: shard 3 is unreadable" in err

    run = _run_json(server.url, "thread-died")
    assert run["status"] == "finished"
    assert run["failure"] == {"type": "OSError", "message": "in thread 'loader': shard 3 is unreadable"}  # the first one
    logged = _log_text(server.url, "thread-died", "stderr")
    assert "Exception in thread loader:\nTraceback (most recent call last):\n" in logged
    assert "OSError: shard 3 is unreadable\n" in logged
    assert "Exception in thread uploader:" in logged and "ValueError: second\n" in logged
    assert "quitter" not in logged and "SystemExit" not in logged
    assert _log_text(server.url, "thread-died", "stdout") == "training goes on\n"


def test_a_dead_thread_then_a_main_thread_exception_fails_the_run_with_the_main_threads(server, spool_dir):
    proc = _script(THREADS, server.url, spool_dir, "thread-then-main", "then-fail")
    _, err = proc.communicate("\n", timeout=60)
    assert proc.returncode == 1, err
    run = _run_json(server.url, "thread-then-main")
    assert run["status"] == "failed"
    assert run["failure"] == {"type": "RuntimeError", "message": "main thread died"}
    logged = _log_text(server.url, "thread-then-main", "stderr")
    assert "OSError: shard 3 is unreadable\n" in logged and logged.endswith("RuntimeError: main thread died\n")


OWN_HOOKS = """
import sys, threading
import runcamp

# Hooks set before the Run's: neither prints a traceback; both must still be called.
seen = []
threading.excepthook = lambda args: seen.append(f"own thread hook: {args.exc_type.__name__} in {args.thread.name}")
sys.excepthook = lambda tp, value, tb: print(f"own sys hook: {tp.__name__}", *seen, sep="\\n", flush=True)

run = runcamp.Run("own-hooks", repo="py-crashes", url=sys.argv[1])

def works():
    raise KeyError("k")

t = threading.Thread(target=works, name="worker")
t.start()
t.join()
raise ValueError("v")
"""


def test_hooks_set_before_the_run_are_still_called_and_a_quiet_thread_hook_still_leaves_the_traceback(server, spool_dir):
    proc = _script(OWN_HOOKS, server.url, spool_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert out == "own sys hook: ValueError\nown thread hook: KeyError in worker\n"
    assert "KeyError" not in err  # the script's hook decides what the terminal shows
    run = _run_json(server.url, "own-hooks")
    assert run["status"] == "failed" and run["failure"] == {"type": "ValueError", "message": "v"}
    logged = _log_text(server.url, "own-hooks", "stderr")
    assert logged.startswith("Exception in thread worker:\nTraceback (most recent call last):\n") and logged.endswith("KeyError: 'k'\n")


# A stand-in for IPython (not a dependency of the SDK or its tests): the part of its API the
# hook uses — IPython.get_ipython(), shell.events.register("post_run_cell", callback), the
# callback given the cell's ExecutionResult (error_before_exec, error_in_exec) — and
# ipykernel's shell.kernel. Like the kernel it prints no traceback: it goes to the notebook.
NOTEBOOK = """
import sys, types
import runcamp


class Events:
    def __init__(self):
        self.callbacks = {}

    def register(self, event, callback):
        self.callbacks.setdefault(event, []).append(callback)


class ExecutionResult:
    error_before_exec = None
    error_in_exec = None


class Shell:
    kernel = object() if sys.argv[2] == "kernel" else None

    def __init__(self):
        self.events = Events()
        self.user_ns = {}

    def run_cell(self, cell):
        result = ExecutionResult()
        try:
            code = compile(cell, "<cell>", "exec")
        except SyntaxError as e:
            result.error_before_exec = e
        else:
            try:
                exec(code, self.user_ns)
            except BaseException as e:
                result.error_in_exec = e
        for callback in self.events.callbacks.get("post_run_cell", []):
            callback(result)


shell = Shell()
ipython = types.ModuleType("IPython")
ipython.get_ipython = lambda: shell
sys.modules["IPython"] = ipython

run = runcamp.Run("notebook-" + sys.argv[2], repo="py-crashes", url=sys.argv[1])
shell.run_cell("def train():\\n    raise ValueError('lr must be positive')\\ntrain()")
shell.run_cell("x = (")
shell.run_cell("print('fixed and run again')")
print(sorted(shell.events.callbacks), flush=True)
"""


@pytest.mark.parametrize("shell", ["kernel", "terminal"])
def test_a_notebook_cell_error_goes_into_the_logs_and_leaves_the_run_running_then_finished(server, spool_dir, shell):
    proc = _script(NOTEBOOK, server.url, spool_dir, shell)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "lr must be positive" not in err  # written into the logs only, never printed again
    run = _run_json(server.url, f"notebook-{shell}")
    assert run["status"] == "finished" and run["failure"] is None
    logged = _log_text(server.url, f"notebook-{shell}", "stderr")
    if shell == "kernel":
        assert out == "fixed and run again\n['post_run_cell']\n"
        # The cell's frames only: IPython's exec of the cell is left out, as IPython shows it.
        assert logged.startswith('Traceback (most recent call last):\n  File "<cell>", line 3, in <module>\n')
        assert "run_cell" not in logged
        assert "ValueError: lr must be positive\n" in logged
        syntax = logged.split("ValueError: lr must be positive\n", 1)[1]  # the next cell's: the line and the error, no frames
        assert syntax.startswith('  File "<cell>", line 1\n    x = (\n') and "SyntaxError: " in syntax and "Traceback" not in syntax
    else:  # a terminal IPython prints its tracebacks to the captured stdout itself
        assert out == "fixed and run again\n[]\n"
        assert logged == ""
