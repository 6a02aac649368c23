"""Exceptions nobody caught that do not end the process: in a thread other than the main one,
and in an IPython/Jupyter cell. ``_run.py`` handles the process's own end (``sys.excepthook``
and signals: ``failed``, ``killed``); these hooks only report to it.

=====================  ===========================================  ==========================
Where it was raised    What the open runs get                       Their status
=====================  ===========================================  ==========================
a thread               the traceback in the logs; the first such    unchanged: still running,
(threading.excepthook) exception while a run is open as the run's   then set by how the
                       ``failure``, its message starting with       process ends (``finished``
                       ``in thread 'name':``                        if the main thread ends
                                                                    well, ``failed`` with the
                                                                    main thread's exception)
a notebook cell        the traceback in the logs                    unchanged, ``failure`` too
(IPython post_run_cell)
=====================  ===========================================  ==========================

Why. A thread's death does not end the process: Python prints the traceback and the main
thread goes on (exit code 0). A data loader or a metrics uploader that died may have cut the
run short or may not matter; only the main thread's end says whether the script failed, as
it does for W&B and MLflow, whose runs keep no trace of it but the console output. Here the
run also shows it without opening the logs: ``failure`` names the thread and the exception,
on a run whose status is not ``failed``. A cell error in a notebook is part of working in
one (fix the cell, run it again): it neither fails the run nor sets ``failure``; its
traceback goes into the logs so the run's output reads as the notebook showed it.

Tracebacks. The default ``threading.excepthook`` prints to ``sys.stderr``, which the capture
sees; a hook installed before ours (chained: it still runs) may not print, so then the
traceback is also put into the logs directly. Jupyter's kernel sends a cell's traceback to
the notebook as a message, not through ``sys.stderr``, so it is put into the logs directly;
a terminal IPython prints it to ``sys.stdout``, which the capture sees, so nothing is added.

IPython offers two hooks: ``set_custom_exc`` (one handler per shell, which must display the
traceback itself: a second caller silently replaces the first) and the ``post_run_cell``
event (any number of callbacks, each given the cell's result with ``error_before_exec`` and
``error_in_exec``). The event is used: it coexists with other tools and changes no display.
"""

from __future__ import annotations

import _thread
import sys
import threading
import traceback
from typing import Any, Callable

from ._logs import clean_text

# Python's own thread hook, which prints the traceback to sys.stderr (threading.__excepthook__
# from 3.10; in 3.9 only as CPython's _thread._excepthook).
_PRINTING_THREAD_HOOK = getattr(threading, "__excepthook__", None) or getattr(_thread, "_excepthook", None)

NoteFailure = Callable[[dict], None]
LogTraceback = Callable[[str], None]


def failure_of(exc_type: Any, exc: Any, prefix: str = "") -> dict:
    """``{"type", "message"}`` of an exception, as the server takes them (cleaned, cut)."""
    try:
        message = str(exc) if exc is not None else ""
    except Exception:  # a __str__ that fails
        message = ""
    return {"type": clean_text(exc_type.__name__)[:255], "message": clean_text(prefix + message)[:4096]}


def traceback_text(exc_type: Any, exc: Any, tb: Any) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def install_thread_hook(note_failure: NoteFailure, log_traceback: LogTraceback) -> None:
    """Reports a thread's uncaught exception, then calls the hook that was there before."""
    previous = threading.excepthook
    prints_it = previous is _PRINTING_THREAD_HOOK

    def excepthook(args: Any) -> None:
        try:
            if args.exc_type is not SystemExit:  # Python ends a thread quietly on SystemExit
                name = getattr(args.thread, "name", None) or "?"
                note_failure(failure_of(args.exc_type, args.exc_value, f"in thread {name!r}: "))
                if not prints_it:
                    log_traceback(f"Exception in thread {name}:\n" + traceback_text(args.exc_type, args.exc_value, args.exc_traceback))
        finally:
            previous(args)

    threading.excepthook = excepthook


def install_cell_hook(log_traceback: LogTraceback) -> None:
    """In a Jupyter kernel, a cell's uncaught exception goes into the logs (see the table)."""
    ipython = sys.modules.get("IPython")  # never imported here: only a running shell matters
    get_shell = getattr(ipython, "get_ipython", None)
    shell = get_shell() if get_shell is not None else None
    if shell is None or getattr(shell, "kernel", None) is None:
        return

    def post_run_cell(result: Any) -> None:
        error = result.error_in_exec
        if error is not None:
            tb = error.__traceback__
            # The first frame is IPython's own exec of the cell, which it hides too.
            log_traceback(traceback_text(type(error), error, tb.tb_next if tb is not None and tb.tb_next is not None else tb))
        elif result.error_before_exec is not None:  # a SyntaxError: its text shows the line; the compiler's frames say nothing
            error = result.error_before_exec
            log_traceback(traceback_text(type(error), error, None))

    shell.events.register("post_run_cell", post_run_cell)
