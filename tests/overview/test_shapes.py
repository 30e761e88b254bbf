"""The country shapes drawn from the vendored Natural Earth TopoJSON."""

import re

from overview.shapes import MAP_WIDTH, split_at_antimeridian, world


def numbers(d: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", d)]


def test_it_draws_a_shape_for_each_country_of_the_1_110m_set():
    codes = world().codes
    assert len(codes) > 170
    assert {"VN", "MZ", "PE", "FR", "RU", "FJ"} <= codes


def test_it_leaves_out_antarctica_and_small_islands():
    assert "AQ" not in world().codes
    assert "TV" not in world().codes  # Tuvalu is too small for 1:110m


def test_it_keeps_every_shape_within_the_map():
    box = world().box
    assert box.x0 >= 0 and box.x1 <= MAP_WIDTH
    assert box.width > 900


def test_it_cuts_a_ring_that_crosses_the_antimeridian():
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 0.0), (170.0, 0.0), (170.0, 10.0)]
    pieces = split_at_antimeridian(ring)
    assert len(pieces) == 2
    assert all(-180 <= lon <= 180 for piece in pieces for lon, _lat in piece)


def test_it_draws_fiji_and_russia_without_a_line_across_the_world():
    # Both cross the antimeridian; drawn whole, a ring would span the map's width.
    for code in ("FJ", "RU"):
        for ring in world().by_code[code].d.split("M")[1:]:
            start_x = numbers(ring)[0]
            xs = [start_x]
            for dx in numbers(ring.split("l", 1)[1])[::2]:
                xs.append(xs[-1] + dx)
            assert max(xs) - min(xs) < MAP_WIDTH / 2, code


def test_it_counts_somaliland_and_northern_cyprus_with_their_un_member_state():
    names = {shape.name for shape in world().shapes if not shape.code}
    assert names == {"Kosovo"}
