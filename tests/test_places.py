"""Where events happened, as ACLED codes it: the place a sentence names (``location``) and the gazetteer's
country, first-level region and geo-precision of it, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests import cases
from timeline.gazetteer import clean_region_name, key_of
from timeline.geo import is_region_name, place_of

# A null admin1 or geo_precision is not checked; an empty one expects none.
ROWS = cases.rows("places", "sentence", "location", "country", "admin1", "geo_precision")


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS, ids=[r[1] or r[0][:30] for r in ROWS])
def test_place_of_the_event(model_nlp, row):
    import timeline

    sentence, location, country, admin1, precision = row
    df = timeline.extract([sentence], published="2021-05-10", nlp=model_nlp, min_confidence=0.0)
    hit = df.sort_values("confidence", ascending=False).iloc[0]
    assert hit["location"] == location
    assert (hit["country"] or "") == country
    assert admin1 is None or (hit["admin1"] or "") == admin1
    assert precision is None or hit["geo_precision"] == precision


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "location"),
    [
        # the 2nd sentence names no place: its event is where the 1st placed the fight
        ("On 6 May 2021, a dispute over land erupted between two families in Baalbek. "
         "The two sides exchanged fire and used hand grenades.", "exchanged fire", "Baalbek"),
        ("On 6 May 2021, gunmen attacked a checkpoint in Ansongo. "
         "Soldiers clashed with the gunmen for an hour.",
         "clashed", "Ansongo"),
        # must not fire: a sentence with a date of its own is another story
        ("The convoy was stopped in Kidal. Last year the commander surrendered to the army.",
         "surrendered", ""),
        # must not fire: a government named by its city is no nation's ("the Nairobi government")
        ("The Nairobi government had called for shuttering the camp, after intelligence reports said two attacks "
         "had involved people from within the camp.", "attacks", ""),
        # must not fire: a weak name of the sentence before ("linked to the X") is no place to carry over
        ("The agency closed 12 websites linked to the Khawarij. Police arrested two editors.",
         "arrested", ""),
    ],
)
def test_event_without_a_place_takes_the_place_before(model_nlp, text, trigger, location):
    import timeline

    df = timeline.extract([text], published="2021-05-10", nlp=model_nlp, min_confidence=0.0)
    rows = df[df["trigger"] == trigger]
    assert not rows.empty
    assert rows.iloc[0]["location"] == location


@pytest.mark.parametrize(
    ("name", "context", "country", "admin1"),
    [
        ("Kaya", (), "BFA", "Centre-Nord"),
        ("Opytne", ("Donetsk",), "UKR", "Donetsk"),
        ("Aleppo governorate", (), "SYR", "Aleppo"),
        ("Hays district", ("Al Hudaydah",), "YEM", "Al Hudaydah"),
        ("Zaporizhzhia", (), "UKR", "Zaporizhia"),
        ("Tripoli", ("Lebanon",), "LBN", "Liban-Nord"),
        ("Tripoli", (), "LBY", None),
        ("Dar'a", (), "SYR", "Daraa"),
        ("Idleb", (), "SYR", "Idlib"),
        ("Dar'a", ("Senegal",), "SEN", "Louga"),
    ],
)
def test_place_of_reads_the_context(name, context, country, admin1):
    place = place_of(name, context=context)
    assert place.country == country
    assert admin1 is None or place.admin1 == admin1


def test_precision_of_place_near_place_region_and_country():
    assert place_of("Kaya").geo_precision == 1
    assert place_of("Kaya", near=True).geo_precision == 2
    assert place_of("Centre-Nord").geo_precision == 3
    assert place_of("Burkina Faso").geo_precision == 3
    assert place_of("Burkina Faso").country == "BFA"


def test_unknown_place_in_a_named_region_is_the_region():
    place = place_of("Xqzville", context=("Rafi LGA", "Kaduna State"))
    assert (place.country, place.admin1, place.geo_precision) == ("NGA", "Kaduna", 3)
    assert place_of("Xqzville").latitude is None


def test_region_names():
    assert is_region_name("Idlib") and is_region_name("Donetsk Oblast")
    assert not is_region_name("Kaya")
    assert clean_region_name("Muhafazat al Hudaydah") == "Al Hudaydah"
    assert key_of("Ta'izz") == "taizz"
