"""The review screen's warm-up: load, in the background, what the first look-up, re-check and
entry proposal would otherwise load while the editor waits.

It is only a head start, so it must never cost the editor anything:

* it runs in a daemon thread of its own, not a Textual worker (those run in the event loop's
  executor, which the interpreter joins at exit: quitting would wait for the warm-up);
* `stop()` ends it before its next step, and the process never waits for a step under way:
  the steps only load tables into memory (a compiled cache on disk is written by the core
  to a temporary file and renamed when complete), so nothing half-done is left behind;
* a step the look-up does not need (`pausable`) waits while `busy()` says the editor is
  typing in the look-up, whose searches would otherwise share the interpreter lock with
  the step's pure-Python work; a search that needs a step under way waits for it
  (`wait_for`) instead of loading the same tables a second time beside it.

Nothing here imports Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence

Step = tuple[str, Callable[[], object]]


class WarmUp:
    """Steps run one at a time in a daemon thread; see the module doc."""

    def __init__(
        self,
        steps: Sequence[Step],
        *,
        pausable: Collection[str] = (),
        busy: Callable[[], bool] = lambda: False,
        on_error: Callable[[str, Exception], None] | None = None,
        then: Callable[[], object] | None = None,
        poll: float = 0.05,
    ) -> None:
        self._steps = tuple(steps)
        self._pausable = frozenset(pausable)
        self._busy = busy
        self._on_error = on_error
        self._then = then  # after the last step, unless stopped or failed
        self._poll = poll
        self._stop = threading.Event()
        self._ended = {name: threading.Event() for name, _ in self._steps}
        self.finished = threading.Event()  # set when the thread ends: all done, failed or stopped
        self.done: list[str] = []  # the names of the steps completed, in order

    def start(self) -> None:
        threading.Thread(target=self._run, name="glossary-warm-up", daemon=True).start()

    def stop(self) -> None:
        """No further step starts; one under way is not waited for."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def wait_for(self, name: str, timeout: float | None = None) -> None:
        """Wait until step `name` has ended (done, failed or skipped) if it is to run; a step
        paused for the editor's typing is skipped by the waiter, not waited for."""
        ended = self._ended.get(name)
        if ended is None or name in self._pausable:
            return
        ended.wait(timeout)

    def _run(self) -> None:
        try:
            for name, step in self._steps:
                while name in self._pausable and not self._stop.is_set() and self._busy():
                    self._stop.wait(self._poll)
                if self._stop.is_set():
                    return
                try:
                    step()
                except Exception as exc:  # a head start only: the real call reports its errors
                    if self._on_error is not None and not self._stop.is_set():
                        self._on_error(name, exc)
                    return
                self.done.append(name)
                self._ended[name].set()
            if self._then is not None and not self._stop.is_set():
                self._then()
        finally:
            for ended in self._ended.values():  # nobody waits for a step that will not run
                ended.set()
            self.finished.set()
