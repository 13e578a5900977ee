"""Tests for :mod:`timeline.geo`: the offline gazetteer and the shipped world outline."""

from __future__ import annotations

import pytest

from timeline.geo import locate, normalise, world_outline


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Dnipro region", 48.5, 34.9),
        ("Astrakhan region", 47.2, 47.0),
        ("Bryansk region", 52.9, 33.4),
        ("Kursk region", 51.5, 35.9),
        ("Kyiv", 50.45, 30.52),
        ("Kiev", 50.45, 30.52),
        ("the Donbas", 48.0, 38.0),
        ("Gaza", 31.42, 34.37),
        ("Red Sea", 20.0, 38.5),
        ("Crimea", 45.3, 34.4),
        ("Bakhmut", 48.59, 38.0),
        ("Washington", 38.9, -77.04),
        ("Kharkiv Oblast", 49.6, 36.6),
        ("Odesa", 46.49, 30.74),
        ("Sumy Oblast", 50.9, 34.0),
        ("Zaporizhzhia", 47.82, 35.19),
        ("Ukraine", 48.65, 30.44),
        ("U.S.", 38.23, -90.23),
    ],
)
def test_known_places(name: str, lat: float, lon: float) -> None:
    found = locate(name)
    assert found is not None
    assert found == pytest.approx((lat, lon), abs=0.1)


@pytest.mark.parametrize("name", ["Tula Oblast", "Béziers", "Dnepropetrovsk"])
def test_stripping_and_diacritics_still_find_a_place(name: str) -> None:
    assert locate(name) is not None


@pytest.mark.parametrize("name", ["", "   ", "Xanadu Oblast", "DNK", "IEV"])
def test_unknown_or_codes(name: str) -> None:
    assert locate(name) is None


def test_countries_are_inside_their_region() -> None:
    russia = locate("Russia")
    assert russia is not None and 50 < russia[0] < 70 and 40 < russia[1] < 120


def test_normalise() -> None:
    assert normalise("The Zaporizhzhia Oblast") == "zaporizhzhia oblast"
    assert normalise("Sévérodonetsk") == "severodonetsk"


def test_world_outline_is_small_geojson() -> None:
    world = world_outline()
    assert world["type"] == "FeatureCollection"
    assert len(world["features"]) > 150


@pytest.mark.parametrize(("name", "context", "country"), [
    ("Bamenda", ("Mezam", "Nord-Ouest"), "CMR"),  # Cameroon's region in French, also a Haitian department's name
    ("Bafoussam", ("Mifi", "Ouest"), "CMR"),
    ("Kolofata", ("Mayo-Sava", "Extreme-Nord"), "CMR"),
    ("Port-de-Paix", ("Nord-Ouest",), "HTI"),  # Haiti's Nord-Ouest still reads its own towns
    ("Jeremie", ("Grand'Anse",), "HTI"),
])
def test_a_region_named_in_french_is_read_in_its_own_country(name: str, context: tuple[str, ...], country: str) -> None:
    from timeline.geo import place_of

    assert place_of(name, context=context).country == country


@pytest.mark.parametrize(("name", "context", "country", "admin1", "precision"), [
    # a capital abroad is itself, not an unknown place in the region the story names
    ("Brussels", ("Ukraine", "Russia", "Belgorod region"), "BEL", "Brussels Capital", 1),
    ("Doha", ("Geneva", "Switzerland"), "QAT", "", 1),
    # a bare name its country's capital and a region share is the capital
    ("Washington", ("Washington", "Ukraine", "Russia"), "USA", "", 1),
    ("Sanaa", ("Yemen", "Sanaa"), "YEM", "Amanat Al Asimah", 1),
    # must not fire: the text says it is the region; a namesake that is no capital still yields to the region
    ("Washington state", ("Seattle",), "USA", "Washington", 3),
    ("Tripoli", ("Lebanon",), "LBN", "Liban-Nord", 1),
    ("Kaya", ("Sanmatenga", "Burkina Faso"), "BFA", "Centre-Nord", 1),
])
def test_capitals_and_their_namesakes(name: str, context: tuple[str, ...], country: str, admin1: str,
                                      precision: int) -> None:
    from timeline.geo import place_of

    place = place_of(name, context=context)
    assert (place.country, place.admin1, place.geo_precision) == (country, admin1, precision)
