"""Country shapes for the hub's maps, drawn as SVG on the server from vendored TopoJSON.

The shapes are Natural Earth's 1:110m countries from the world-atlas package, vendored
unmodified in static/vendor/world-atlas/. They are decoded (TopoJSON arcs are quantized and
delta-encoded, and shared between neighbours), projected with the Equal Earth projection
(equal-area, so that a big country does not look busier than it is) and turned into SVG path
data once per process. A map page then only chooses a class per country.

At this scale some 70 small states and territories (most small islands) have no shape: the
tables beside the maps list every country.
"""

import functools
import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django_countries import countries as iso_countries

TOPOLOGY = "vendor/world-atlas/countries-110m.json"
# Width of the world map's viewBox; heights follow from the projection.
MAP_WIDTH = 1000
# Coordinates are written in tenths of a viewBox unit: finer than a screen shows the 1:110m
# shapes, and a quarter of the size of full floats.
PRECISION = 10
# Antarctica is left out: the coalition has no work there, and it would take a fifth of
# the map's height.
LEFT_OUT = {"AQ"}
# Shapes Natural Earth draws apart but that the UN counts as part of a member state.
NAMELESS_SHAPES = {"Somaliland": "SO", "N. Cyprus": "CY"}

# Equal Earth (Šavrič, Patterson and Jenny, 2018): polynomial coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
# The projection's half-width at the equator, in radians of the unit sphere.
X_MAX = 2 * math.sqrt(3) * math.pi / (3 * A1)

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: "Box") -> "Box":
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def view_box(self) -> str:
        """The box as an SVG viewBox attribute value."""
        return " ".join(_number(value) for value in (self.x0, self.y0, self.width, self.height))


@dataclass(frozen=True)
class Shape:
    """One country on the map: its ISO alpha-2 code ("" when it has none) and path data."""

    code: str
    name: str  # Natural Earth's English name, for shapes without an ISO code
    d: str
    box: Box


@dataclass(frozen=True)
class World:
    shapes: tuple[Shape, ...]
    box: Box

    @functools.cached_property
    def by_code(self) -> dict[str, Shape]:
        return {shape.code: shape for shape in self.shapes if shape.code}

    @property
    def codes(self) -> frozenset[str]:
        """The countries that have a shape on the map."""
        return frozenset(self.by_code)


def project(lon: float, lat: float) -> Point:
    """Equal Earth, scaled so that the world is MAP_WIDTH wide; y grows southwards (SVG)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * lam
        * math.cos(theta)
        / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    )
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    scale = MAP_WIDTH / (2 * X_MAX)
    return (x + X_MAX) * scale, -y * scale


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Every arc as (longitude, latitude) points: undo the quantization and delta coding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: Sequence[int], arcs: list[list[Point]]) -> Ring:
    """A closed ring from its arcs; ~i stands for arc i walked backwards. Consecutive arcs
    share their end point, kept once."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """The ring cut where it crosses the 180th meridian, as pieces each within ±180°.

    world-atlas keeps rings whole across the antimeridian (Fiji, Chukotka): walked as is, a
    ring jumps from +180° to -180° and draws a line across the whole map. The ring is first
    made continuous (longitudes may pass 180°), then clipped on either side of the cut.
    """
    unwrapped: Ring = [ring[0]]
    offset = 0.0
    for (lon_a, _lat_a), (lon_b, lat_b) in itertools.pairwise(ring):
        if lon_b - lon_a > 180:
            offset -= 360
        elif lon_b - lon_a < -180:
            offset += 360
        unwrapped.append((lon_b + offset, lat_b))
    lons = [lon for lon, _lat in unwrapped]
    if offset or (min(lons) >= -180 and max(lons) <= 180):
        # Within the map, or around a pole (only Antarctica, left out): nothing to cut.
        return [ring]
    cut = 180.0 if max(lons) > 180 else -180.0
    inside = _clip(unwrapped, cut, keep_below=cut > 0)
    beyond = _clip(unwrapped, cut, keep_below=cut < 0)
    shift = -360.0 if cut > 0 else 360.0
    pieces = [inside, [(lon + shift, lat) for lon, lat in beyond]]
    return [piece for piece in pieces if len(piece) >= 3]


def _clip(ring: Ring, cut: float, *, keep_below: bool) -> Ring:
    """The part of a ring on one side of the meridian `cut` (Sutherland-Hodgman)."""

    def keeps(point: Point) -> bool:
        return point[0] <= cut if keep_below else point[0] >= cut

    clipped: Ring = []
    for start, end in zip(ring, [*ring[1:], ring[0]], strict=True):
        if keeps(start):
            clipped.append(start)
        if keeps(start) != keeps(end):
            share = (cut - start[0]) / (end[0] - start[0])
            clipped.append((cut, start[1] + share * (end[1] - start[1])))
    return clipped


def polygons_of(geometry: dict) -> list[list[Sequence[int]]]:
    """A Polygon or MultiPolygon's rings (each a list of arc indexes), as a list of polygons."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def path_data(rings: Iterable[Ring]) -> tuple[str, Box | None]:
    """SVG path data for projected rings: an absolute move to each ring's start, then
    relative lines in whole tenths (so that rounding never drifts), and the box around it."""
    parts = []
    xs: list[float] = []
    ys: list[float] = []
    for ring in rings:
        steps = [(round(x * PRECISION), round(y * PRECISION)) for x, y in ring]
        kept = [steps[0]]
        for step in steps[1:]:
            if step != kept[-1]:
                kept.append(step)
        if len(kept) < 3:
            continue  # an islet smaller than the precision: nothing to draw
        (x0, y0), numbers = kept[0], []
        for (xa, ya), (xb, yb) in itertools.pairwise(kept):
            numbers += [xb - xa, yb - ya]
        parts.append(f"M{_join([x0, y0])}l{_join(numbers)}z")
        xs.extend(x for x, _y in kept)
        ys.extend(y for _x, y in kept)
    if not parts:
        return "", None
    box = Box(min(xs) / PRECISION, min(ys) / PRECISION, max(xs) / PRECISION, max(ys) / PRECISION)
    return "".join(parts), box


def _join(numbers: list[int]) -> str:
    """Tenths written as short as SVG's grammar allows: "1.5-2 .3" for 15, -20, 3. A sign,
    or a point after a number that already has one, separates without a space."""
    out: list[str] = []
    previous = ""
    for number in numbers:
        text = _tenths(number)
        if out and not (text[0] == "-" or (text[0] == "." and "." in previous)):
            out.append(" ")
        out.append(text)
        previous = text
    return "".join(out)


def _tenths(value: int) -> str:
    whole, tenth = divmod(abs(value), PRECISION)
    sign = "-" if value < 0 else ""
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def alpha2_of(geometry: dict) -> str:
    """The ISO alpha-2 code of a shape (world-atlas ids are ISO numeric), or ""."""
    numeric = geometry.get("id")
    if numeric is not None:
        return iso_countries.alpha2(int(numeric)) or ""
    return NAMELESS_SHAPES.get(geometry.get("properties", {}).get("name", ""), "")


def build_world(topology: dict) -> World:
    arcs = decode_arcs(topology)
    rings_by_code: dict[str, list[Ring]] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        code = alpha2_of(geometry)
        if code in LEFT_OUT:
            continue
        # Shapes without a code keep their own entry, keyed by name.
        key = code or f"?{name}"
        names.setdefault(key, name)
        rings = rings_by_code.setdefault(key, [])
        for polygon in polygons_of(geometry):
            for indexes in polygon:
                for piece in split_at_antimeridian(ring_points(indexes, arcs)):
                    rings.append([project(lon, lat) for lon, lat in piece])
    shapes = []
    for key, rings in rings_by_code.items():
        d, box = path_data(rings)
        if box is not None:
            code = "" if key.startswith("?") else key
            shapes.append(Shape(code, names[key], d, box))
    shapes.sort(key=lambda shape: (shape.code or "~", shape.name))
    world_box = functools.reduce(Box.union, (shape.box for shape in shapes))
    return World(tuple(shapes), world_box)


@functools.cache
def world() -> World:
    """The world's shapes, read and drawn once per process (about 0.2 s)."""
    path = finders.find(TOPOLOGY)
    if not path:
        raise FileNotFoundError(f"static/{TOPOLOGY} is missing: the maps cannot be drawn")
    with open(path, encoding="utf-8") as topology:
        return build_world(json.load(topology))


def locator_box(code: str, *, margin: float = 0.6, min_width: float = 90) -> Box | None:
    """A view around one country, wide enough to show its neighbours (None if no shape)."""
    shape = world().by_code.get(code)
    if shape is None:
        return None
    box = shape.box
    # Landscape, whatever the country's shape: a tall one (Chile) gets its neighbours too.
    tall = box.height * (1 + 2 * margin)
    width = max(box.width * (1 + 2 * margin), min_width, tall * 1.3)
    height = max(tall, width * 0.6)
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
