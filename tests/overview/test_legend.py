import itertools

import pytest

from overview.worldmap import STEPS, legend_steps


def test_it_has_no_steps_when_nothing_is_counted():
    assert legend_steps(0) == []


def test_it_gives_a_single_count_the_darkest_step():
    assert [(s.step, s.low, s.high) for s in legend_steps(1)] == [(STEPS, 1, 1)]


@pytest.mark.parametrize("highest", [2, 3, 7, 50, 400, 10_000])
def test_it_covers_every_count_from_1_to_the_highest_without_gaps(highest):
    steps = legend_steps(highest)
    assert steps[0].low == 1 and steps[-1].high == highest
    assert all(a.high + 1 == b.low for a, b in itertools.pairwise(steps))


def test_it_widens_the_ranges_as_counts_grow():
    ranges = [(s.low, s.high) for s in legend_steps(50)]
    assert ranges == [(1, 2), (3, 4), (5, 10), (11, 22), (23, 50)]
    assert legend_steps(50)[0].label == "1\N{EN DASH}2"
