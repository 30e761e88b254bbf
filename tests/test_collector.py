"""A batch job runs with fewer collector passes, and the process's thresholds come back."""

import gc
import threading

from core.collector import BATCH_THRESHOLD, fewer_collections


def test_a_job_raises_the_first_threshold_and_puts_it_back():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], BATCH_THRESHOLD), *before[1:])
        assert gc.isenabled()  # the collector still runs, less often
    assert gc.get_threshold() == before


def test_the_thresholds_come_back_after_an_error():
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise ValueError("the job failed")
    except ValueError:
        pass
    assert gc.get_threshold() == before


def test_overlapping_jobs_put_them_back_when_the_last_one_ends():
    """Two threads' jobs: the first to end leaves them raised for the other."""
    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def second() -> None:
        first_in.wait()
        with fewer_collections():
            second_in.set()
            first_out.wait()
            seen["while the second runs"] = gc.get_threshold()

    thread = threading.Thread(target=second)
    thread.start()
    with fewer_collections():
        first_in.set()
        second_in.wait()
    first_out.set()
    thread.join()
    assert seen["while the second runs"][0] == max(before[0], BATCH_THRESHOLD)
    assert gc.get_threshold() == before


def test_it_decorates_a_function():
    before = gc.get_threshold()

    @fewer_collections()
    def job() -> tuple[int, int, int]:
        return gc.get_threshold()

    assert job()[0] == max(before[0], BATCH_THRESHOLD)
    assert job()[0] == max(before[0], BATCH_THRESHOLD)  # a decorated job runs again
    assert gc.get_threshold() == before
