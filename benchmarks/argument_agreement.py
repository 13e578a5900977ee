"""Who did it to whom, and where: the matched events' actors, targets, location and actor countries vs gold.

Usage::

    python benchmarks/argument_agreement.py [--shared DIR] [--split A|B|all] [--events CSV] [--out DIR]
                                            [--stories JSONL --gold JSONL] [--errors]

The events are paired with the gold events as the shared scorer pairs them (``voa_errors.match_article``:
one prediction per cluster, occurred gold events only, same-type pairs first), so only the arguments of events
the detection measure already counts are compared. Splits, ``--stories``/``--gold`` and ``--events`` are read
as in ``voa_errors.py`` (without ``--events`` the extractor runs on the stories).

When two names agree (documented, simple, the same for every field):

* each name is folded to its content words (lower case, accents and apostrophes dropped, "'s", "the", "a",
  "an", "of", "and" left out); two names agree when one's words are all among the other's ("Hamas" and
  "Hamas fighters", "Vladimir Putin" and "Putin");
* or when one of them, whole, is a name of the package's actor-country table
  (``timeline.events.arguments.countries_of``: a country, its demonym, its capital or its leader:
  "Russia", "Russian", "Moscow", "the Kremlin") and the other is read as the same country ("Russian forces").

Fields (micro-averaged over the matched pairs):

* ``actors`` and ``targets``: precision = the predicted names that agree with some gold name of that event,
  recall = the gold names some predicted name agrees with; ``empty`` = the share of matched events whose gold
  field has a name and whose predicted field is empty;
* ``actor_countries``: the predicted codes against the gold actors' countries (read by ``countries_of``);
* ``location`` at two levels (one location an event; gold alternatives split by " / " each agree). Gold
  writes a place from the most to the least precise ("Ankara, Turkey",
  "Sado Khelo, Deh Yak district, Ghazni province, Afghanistan"). ``place``: the predicted location agrees
  with one of the gold parts below the country (with the country when gold names only a country):
  "Ankara" or "Ghazni" agree, "Turkey" does not. ``country``: the predicted country (the table's ``country``
  column, else the gazetteer's reading of the location) is gold's country (``timeline.geo.place_of`` on its
  parts, the last part first). Precision over the events with a predicted location (a country for the country
  level), recall over the events with a gold location.

``--errors`` lists the pairs that disagree on a field (for reading only: print rows of a set that may not be
shown nowhere but a terminal).
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import voa_errors as ve

from timeline.events.arguments import countries_of
from timeline.events.rules import actor_countries_table
from timeline.frame import as_list
from timeline.geo import place_of

FOLDED_OUT = frozenset({"the", "a", "an", "of", "and", "s"})
NAME_FIELDS = ("actors", "targets")


@dataclass
class Tally:
    """Counts of one field: names predicted and agreeing, gold names and found, events with gold and empty."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    with_gold: int = 0
    empty: int = 0

    def precision(self) -> float:
        """The share of predicted names that agree with some gold name."""
        return self.right / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        """The share of gold names some predicted name agrees with."""
        return self.found / self.gold if self.gold else 0.0

    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        """The field's figures on one line."""
        empty = self.empty / self.with_gold if self.with_gold else 0.0
        return (f"  {name:18s} P {self.precision():.3f} ({self.right}/{self.predicted})  "
                f"R {self.recall():.3f} ({self.found}/{self.gold})  F1 {self.f1():.3f}  "
                f"empty {empty:.3f} ({self.empty}/{self.with_gold})")


@dataclass
class Disagreement:
    """One matched pair whose field disagrees with gold."""

    field: str
    doc: str
    predicted: list[str]
    gold: list[str]
    sentence: str


@dataclass
class Report:
    """The tallies of every field over a set of matched pairs, and the disagreements."""

    pairs: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[Disagreement] = field(default_factory=list)


def fold(name: str) -> frozenset[str]:
    """A name's content words: lower case, no accents, apostrophes or punctuation, no "the", "of", "and"."""
    text = re.sub(r"['’]s\b", " ", name.lower()).replace("'", "").replace("’", "").replace(".", "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return frozenset(w for w in re.split(r"[^a-z0-9]+", text) if w and w not in FOLDED_OUT)


def country_name(name: str) -> str:
    """The country a name names as a whole (a country, demonym, capital or leader of the actor-country
    table: "Russia", "Moscow", "the Kremlin"), else ""."""
    key = re.sub(r"^the\s+", "", name.strip().lower()).replace("’s", "").replace("'s", "")
    return actor_countries_table().get(key, "")


def names_agree(a: str, b: str) -> bool:
    """Whether two names of a side agree: one's content words are all among the other's, or one names a
    country as a whole and the other is read as that country."""
    fa, fb = fold(a), fold(b)
    if fa and fb and (fa <= fb or fb <= fa):
        return True
    for whole, other in ((a, b), (b, a)):
        code = country_name(whole)
        if code and code in countries_of([other]):
            return True
    return False


def tally_names(tally: Tally, predicted: list[str], gold: list[str]) -> bool:
    """Add one pair's names of a field to its tally; whether they disagree anywhere."""
    right = sum(any(names_agree(p, g) for g in gold) for p in predicted)
    found = sum(any(names_agree(p, g) for p in predicted) for g in gold)
    tally.predicted += len(predicted)
    tally.right += right
    tally.gold += len(gold)
    tally.found += found
    tally.with_gold += bool(gold)
    tally.empty += bool(gold) and not predicted
    return right < len(predicted) or found < len(gold)


def tally_codes(tally: Tally, codes: list[str], gold_codes: list[str]) -> bool:
    """Add one pair's country codes to a tally (codes agree when equal); whether they disagree anywhere."""
    predicted, gold = set(codes), set(gold_codes)
    tally.predicted += len(predicted)
    tally.right += len(predicted & gold)
    tally.gold += len(gold)
    tally.found += len(predicted & gold)
    tally.with_gold += bool(gold)
    tally.empty += bool(gold) and not predicted
    return predicted != gold


def gold_places(location: str) -> tuple[list[str], set[str]]:
    """A gold location's parts below the country (the whole when it names only a country) and its countries;
    gold may give alternatives split by " / " ("Iran / Turkey"): any of them agrees."""
    below: list[str] = []
    countries: set[str] = set()
    for alternative in (location or "").split(" / "):
        parts = [p.strip() for p in alternative.split(",") if p.strip()]
        country = ""
        for i in range(len(parts) - 1, -1, -1):
            country = place_of(parts[i], context=parts[:i]).country
            if country:
                break
        below += parts[:-1] if len(parts) > 1 and country_name(parts[-1]) else parts
        countries |= {country} - {""}
    return below, countries


def predicted_country(row: dict[str, str]) -> str:
    """The predicted location's country: the table's country column, else the gazetteer's reading."""
    return (row.get("country") or "").strip() or place_of(row.get("location") or "").country


def _tally_one(tally: Tally, predicted: bool, gold: bool, hit: bool) -> bool:
    """Add one event's single-valued field (predicted or not, gold or not, agreeing or not); whether it
    disagrees."""
    tally.predicted += predicted
    tally.right += hit
    tally.gold += gold
    tally.found += hit
    tally.with_gold += gold
    tally.empty += gold and not predicted
    return (predicted or gold) and not hit


def tally_location(report: Report, row: dict[str, str], g: dict[str, Any]) -> tuple[bool, bool]:
    """Add one pair's location at the place and country levels; whether each level disagrees."""
    predicted = (row.get("location") or "").strip()
    below, gold_countries = gold_places(g.get("location") or "")
    hit = bool(predicted) and any(names_agree(predicted, b) for b in below)
    wrong_place = _tally_one(report.tallies["location (place)"], bool(predicted), bool(below), hit)
    country = predicted_country(row)
    wrong_country = _tally_one(report.tallies["location (country)"], bool(country), bool(gold_countries),
                               country in gold_countries)
    return wrong_place, wrong_country


def score_pair(report: Report, doc: str, row: dict[str, str], g: dict[str, Any]) -> None:
    """Compare one matched prediction's arguments with its gold event's."""
    report.pairs += 1
    sentence = row.get("sentence") or ""
    for name in NAME_FIELDS:
        predicted, gold = as_list(row.get(name)), [str(x) for x in g.get(name) or []]
        if tally_names(report.tallies[name], predicted, gold):
            report.errors.append(Disagreement(name, doc, predicted, gold, sentence))
    codes, gold_codes = as_list(row.get("actor_countries")), countries_of(g.get("actors") or [])
    if tally_codes(report.tallies["actor_countries"], codes, gold_codes):
        report.errors.append(Disagreement("actor_countries", doc, codes, gold_codes, sentence))
    wrong_place, wrong_country = tally_location(report, row, g)
    location, gold_location = [row.get("location") or "", predicted_country(row)], [g.get("location") or ""]
    for level, wrong in (("location (place)", wrong_place), ("location (country)", wrong_country)):
        if wrong:
            report.errors.append(Disagreement(level, doc, location, gold_location, sentence))


def agreement(ev: ModuleType, gold: list[dict[str, Any]], rows: list[dict[str, str]],
              ids: set[str]) -> Report:
    """The argument agreement of the scorer's matched pairs on the stories ``ids``."""
    by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_doc[r.get("doc_id", "").strip()].append(r)
    report = Report()
    for art in gold:
        doc = str(art["id"])
        if doc not in ids:
            continue
        golds, units = ve.occurred_golds_and_units(ev, art, by_doc[doc])
        pairs, _ = ve.match_article(ev, golds, units)
        for gi, (_, row) in sorted(pairs.items()):
            score_pair(report, doc, row, golds[gi])
    return report


FIELD_ORDER = ("actors", "targets", "actor_countries", "location (place)", "location (country)")


def print_report(report: Report, split: str, listing: bool) -> None:
    """Print the disagreements (with ``listing``) and the figures of every field."""
    if listing:
        for e in sorted(report.errors, key=lambda e: (e.field, e.doc)):
            print(f"{e.field}\t{e.doc}\tpred: {e.predicted}\tgold: {e.gold}\t{e.sentence[:240]}")
    print(f"split {split}: {report.pairs} matched events")
    for name in FIELD_ORDER:
        print(report.tallies[name].line(name))


def main() -> int:
    """Command line: score the arguments of the matched events of a split."""
    ap = ve.set_options(__doc__ or "")
    ap.add_argument("--errors", action="store_true", help="list the pairs that disagree, field by field")
    a = ap.parse_args()
    shared, ev, gold = ve.chosen_set(ap, a)
    ids = ve.split_ids(gold, a.split)
    if a.events:
        print_report(agreement(ev, gold, ve.read_rows(a.events), ids), a.split, a.errors)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = ve.run_extract(shared, a.out or Path(tmp))
        print_report(agreement(ev, gold, ve.read_rows(path), ids), a.split, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
