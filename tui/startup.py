"""Opening an article for review, and its first check, before any of Textual is imported.

`glossary review` spends ~0.4 s importing Textual and the UI and ~0.2 s mounting it; the first
check of the seed article takes ~0.2 s more. Run in a thread, the check shares one interpreter
lock with the UI's start-up and both go slower. On Linux it runs in a forked child process
instead, on the other core, and sends the pickled `Review` back through a pipe while the
parent imports and mounts the UI; the screen then shows the findings in its first frame.
Anything that goes wrong in the child (an exception, a crash, a result that does not pickle)
makes the parent check in-process instead, so errors reach the user exactly as they would
have without the child. Nothing here imports Textual.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from tui import bridge
from tui.bridge import House, Review
from tui.session import ReviewSession


class ChildCheck(Future[Review]):
    """The first check, computed in a child process: the parent's checker has not loaded its
    tables yet (the screen warms them up after the findings are shown)."""

    def __init__(self, pid: int) -> None:
        super().__init__()
        self.pid = pid
        self.stopped = False

    def stop(self) -> None:
        """End the child if it is still checking (at exit: its answer is of no more use); the
        future is then cancelled rather than checked here."""
        if not self.done():
            self.stopped = True
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGTERM)


@dataclass(frozen=True)
class Opened:
    """The article and the glossary as read, with the first check under way."""

    session: ReviewSession
    house: House
    first_check: Future[Review]


def open_review(
    article: Path, glossary_paths: Sequence[Path] = (), *, fork: bool = False
) -> Opened:
    """Read the article and the glossary files and start the first check.

    Bad input raises GlossaryError (the CLI prints one line and exits 2). With `fork` the
    check runs in a child process where the platform forks safely (Linux), else in a thread.
    Fork only from a process with no other threads yet (the CLI, before the UI starts).
    """
    session = ReviewSession(Path(article))
    house = House(tuple(Path(p) for p in glossary_paths), article=Path(article))
    house.base()  # a bad glossary file is one clear error before the UI starts, not a toast
    if fork and can_fork():
        first_check = check_in_child(session.path, session.text, house)
    else:
        first_check = bridge.prefetch(session.path, session.text, house)
    return Opened(session, house, first_check)


def can_fork() -> bool:
    """Linux only: elsewhere fork is missing (Windows) or unsafe in a process that has loaded
    system frameworks (macOS); and never from a process that already runs other threads."""
    return sys.platform == "linux" and threading.active_count() == 1


def check_in_child(path: Path, text: str, house: House) -> Future[Review]:
    """Check `text` in a forked child; the future is set by a thread reading its answer."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: check, answer, and leave without running the parent's exit code
        os.close(read_end)
        _child(path, text, house, write_end)
        os._exit(0)
    os.close(write_end)
    future = ChildCheck(pid)

    def receive() -> None:
        chunks = []
        with os.fdopen(read_end, "rb") as pipe:
            while chunk := pipe.read(1 << 16):
                chunks.append(chunk)
        os.waitpid(pid, 0)
        try:
            review = pickle.loads(b"".join(chunks)) if chunks else None
        except Exception:
            review = None
        if isinstance(review, Review):
            future.set_result(review)
            return
        if future.stopped:
            future.cancel()
            return
        try:  # the child failed: check here, so that the error is the one the user would see
            future.set_result(bridge.check(path, text, house.effective(())))
        except BaseException as exc:
            future.set_exception(exc)

    atexit.register(future.stop)
    threading.Thread(target=receive, name="glossary-first-check", daemon=True).start()
    return future


def _child(path: Path, text: str, house: House, answer: int) -> None:
    """In the child: nothing may reach the terminal the UI is drawing on."""
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        data = pickle.dumps(bridge.check(path, text, house.effective(())))
        with os.fdopen(answer, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # the parent checks in-process and reports the error itself
        pass
