"""Fewer passes of Python's garbage collector during a large batch job (an import).

CPython runs its cycle collector after every 700 new container objects, and every tenth
of those passes a larger one; a full pass walks every object the process holds (Django,
its models, the job's own rows). A 10,000-row import makes millions of objects that live
to its end, so those passes were four tenths of its time while finding almost nothing to
free: the job's objects hold no cycles worth collecting early. While a job runs, the
first threshold is raised; the collector still runs, only less often, and the thresholds
are restored when the last such job of the process ends.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# New container objects between two passes of the youngest generation while a job runs
# (CPython's default is 700): a pass every few hundred rows, rather than every few cells.
BATCH_THRESHOLD = 50_000

_lock = threading.Lock()
_running = 0  # jobs inside fewer_collections (threads of one process share the collector)
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections(threshold: int = BATCH_THRESHOLD) -> Iterator[None]:
    """Run the block with the collector's first threshold raised to `threshold`."""
    global _running, _saved
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            first, *older = _saved
            gc.set_threshold(max(first, threshold), *older)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_saved)
