""":mod:`timeline.dedup`: one ``cluster_id`` for the mentions of one real-world event.

Within an article first: two mentions are one happening when they have the same event type,
nothing tells them apart (overlapping dates at the coarser precision, one place, a shared side, no
other sum or other people seized in another sentence)
and they share a sentence, their words, or a day told to the day (a statement only a sentence,
its words or its speaker); a death toll joins the attack told in its sentence, and the displaced the dead they
are counted with. The article's own
headline and its display lines (standfirsts, bullets) join the body's recent cluster of their type and
status whatever their day and place: they name the story the body tells. Then across
articles: an article's cluster joins another article's when a mention pair has the same type,
overlapping dates and a place, an actor country or its sentence in common (undated mentions: the
sentence). Rows are kept one per mention, so no source is lost; :func:`cluster` folds a table into one row per cluster.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .events.rules import rule_type, rules, types_flagged
from .types import repeats_title

if TYPE_CHECKING:
    import pandas as pd

FINE = ("day", "hour", "minute")
#: The last characters of a sentence of running text; display lines end otherwise.
SENTENCE_ENDS = frozenset(".!?\"'”’)")
#: The columns :func:`same_event` and the blocking read.
COMPARED = ("event_id", "doc_id", "sent_start", "sentence", "event_type", "status", "date_start", "date_end",
            "date_precision", "location", "admin1", "actor_countries", "actors", "trigger", "title", "amount",
            "targets")
Row = Mapping[str, Any]


def assign_cluster_ids(df: pd.DataFrame) -> pd.Series:
    """Give every row of an event table its ``cluster_id``.

    First within each article (:func:`article_clusters`): one happening, one cluster. Then across
    articles, in row order: an article's cluster joins the first earlier cluster whose first
    article's mentions one of its mentions matches (:func:`same_event_across`), else keeps its own
    id, a hash of its first mention's ``event_id``. A cluster never takes two clusters of one
    article, which are distinct events. Clusters are only compared within their (type, status)
    block and with clusters whose dates share a month, and only with their first article's
    mentions, so the cost grows with the table, not with its square.

    Returns:
        A string Series aligned with ``df``.
    """
    import pandas as pd

    blank = [None] * len(df)  # a table of another schema may lack an optional column ("admin1")
    # column-wise: to_dict boxes cell by cell
    columns = [df[name].tolist() if name in df else blank for name in COMPARED]
    rows = [dict(zip(COMPARED, values, strict=True)) for values in zip(*columns, strict=True)]
    by_doc: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        by_doc.setdefault(str(row["doc_id"]), []).append(number)
    groups = sorted((g for numbers in by_doc.values()
                     for g in article_clusters([rows[n] for n in numbers], numbers)), key=min)
    ids = [""] * len(rows)
    founders: dict[int, list[int]] = {}  # a cross-article cluster's first row -> its first article's rows
    docs: dict[int, set[str]] = {}  # ... -> the articles it holds
    heads: dict[tuple[str, ...], list[int]] = {}
    for group in groups:
        doc = str(rows[group[0]]["doc_id"])
        keys = [key for n in group for key in _bucket_keys(rows[n])]
        head = next((h for key in keys for h in heads.get(key, [])
                     if doc not in docs[h] and _joins(rows, founders[h], group)), None)
        if head is None:
            head, founders[group[0]], docs[group[0]] = group[0], group, set()
            for key in dict.fromkeys(keys):
                heads.setdefault(key, []).append(head)
        docs[head].add(doc)
        cluster_id = _cluster_id(rows[head]["event_id"])
        for n in group:
            ids[n] = cluster_id
    return pd.Series(ids, index=df.index, dtype="string")


def article_clusters(rows: list[Row], numbers: list[int]) -> list[list[int]]:
    """The mentions of one article grouped by happening, as lists of ``numbers``: the body's mentions in
    text order, then the headline and display lines that joined them (so a cluster's first number is
    its first body mention).

    A mention joins the first cluster one of whose mentions it matches (:func:`same_event`) and
    none of whose mentions it contradicts (another day, place or side, :func:`_compatible`).
    The article's own headline comes last (:func:`_joins_headline`): it names the story the body tells.
    """
    clusters: list[list[int]] = []
    headlines = [i for i, row in enumerate(rows) if is_headline(row) or display_line(row)]
    for i, row in enumerate(rows):
        if i in headlines:
            continue
        home = next((c for c in clusters if any(same_event(rows[j], row) for j in c) and all(
            _compatible(rows[j], row) for j in c if rows[j]["event_type"] == row["event_type"])), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    body = list(clusters)
    for i in headlines:
        home = next((c for c in body if _joins_headline(rows, c, rows[i])), None)
        home = home or next((c for c in clusters if c not in body and same_event(rows[c[0]], rows[i])), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    return [[numbers[i] for i in c] for c in clusters]


def is_headline(row: Row) -> bool:
    """Whether a mention's sentence is its article's own title (a headline line kept in the text,
    "Rebels seize a town in the east" above the report): news told again by the body, not of its own."""
    return repeats_title(_text(row["sentence"]), _text(row.get("title")))


def display_line(row: Row) -> bool:
    """Whether a mention's sentence is a line of display text, not a sentence of the report: it ends
    with no full stop, question or exclamation mark or closing quote (a standfirst under the headline,
    "President vows to retake land as clashes spread in two regions"; a bullet point, "* Soldiers
    abandon the town without a fight"; a subhead). Like a headline it sums up what the body tells."""
    words = str(row["sentence"]).split()
    return len(words) >= rules()["display_min_words"] and words[-1][-1] not in SENTENCE_ENDS


def _joins_headline(rows: list[Row], cluster_rows: list[int], headline_row: Row) -> bool:
    """Whether a headline mention joins a body cluster: one of its mentions has the headline's type and
    status. A headline has no day or place of its own (the publication day, often a country), so these do
    not tell the two apart; the first such cluster is the story's lead ("Gunmen kill 18 in village attack"
    above "Gunmen killed 18 people late Tuesday in an attack on the village"), when it is recent: a headline
    tells the news, not the background ("fighting that has killed thousands since 1992")."""
    return any(headline_joins(headline_row, rows[j]) for j in cluster_rows)


def headline_joins(headline_row: Row, mention: Row) -> bool:
    """Whether a body mention tells its headline's news: the same type and status, and recent for it
    (:func:`_recent_for`)."""
    kind = (mention["event_type"], mention["status"])
    return kind == (headline_row["event_type"], headline_row["status"]) and _recent_for(mention, headline_row)


def _recent_for(mention: Row, headline_row: Row) -> bool:
    """Whether a body mention's dates reach into the week before its headline's, or either is undated."""
    values = (mention["date_start"], mention["date_end"], headline_row["date_start"],
              headline_row["date_end"])
    if any(_missing(v) for v in values):
        return True
    start, end, first, last = (_instant(v) for v in values)
    return start <= last and end >= first - timedelta(days=rules()["headline_recent_days"])


def _text(value: Any) -> str:
    """A cell as text: a missing one (None, NaN) is empty."""
    if _missing(value):
        return ""
    return str(value)


def _missing(value: Any) -> bool:
    """Whether a cell is missing (None, NaN, NaT, ``pd.NA``), as :func:`pandas.isna` tells.

    Text and Python datetimes, the fields of an event that :mod:`timeline.title_lines` compares while its
    article is extracted, are never missing: they are read without loading pandas, which extraction does
    not otherwise need (see :mod:`timeline.frame`).
    """
    if value is None:
        return True
    if type(value) is str:
        return False
    if isinstance(value, datetime):
        return bool(value != value)  # a table's date cell: only NaT is unequal to itself
    import pandas as pd

    return bool(pd.isna(value))


def _instant(value: Any) -> datetime:
    """A date cell as an instant to compare: a Python datetime as it is (an event's own date, read without
    loading pandas, as in :func:`_missing`), a table's (a ``Timestamp``, a ``datetime64``) as a ``Timestamp``."""
    if type(value) is datetime:
        return value
    import pandas as pd

    instant: datetime = pd.Timestamp(value)
    return instant


def _joins(rows: list[Row], founder: list[int], group: list[int]) -> bool:
    """Whether an article's cluster joins a cross-article one: one mention pair with its founder matches."""
    return any(same_event_across(rows[a], rows[b]) for a in founder for b in group)


def _bucket_keys(row: Row) -> Iterator[tuple[str, ...]]:
    """The blocks a mention can match in: its type and status, and each month its dates cover.

    An undated mention is only in its sentence's block: across articles it joins only a copy of its
    sentence (:func:`same_event_across`).
    """
    block = (str(row["event_type"]), str(row["status"]))
    start, end = row["date_start"], row["date_end"]
    if _missing(start) or _missing(end):
        yield (*block, "sentence", str(row["sentence"]))
        return
    first, last = _instant(start), _instant(end)
    for month in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
        yield (*block, f"{month // 12:04d}-{month % 12 + 1:02d}")


def _compatible(a: Row, b: Row) -> bool:
    """Whether nothing tells two mentions of one type apart: overlapping dates, one place, a shared side,
    and no other sum (:func:`_other_amount`) or other people seized (:func:`_other_captives`) told in
    another sentence."""
    if a["status"] != b["status"] or not _dates_overlap(a, b):
        return False
    countries_a, countries_b = set(a["actor_countries"]), set(b["actor_countries"])
    return _one_place(a, b) and not (countries_a and countries_b and not countries_a & countries_b) \
        and not _other_amount(a, b) and not _other_captives(a, b)


def _other_amount(a: Row, b: Row) -> bool:
    """Whether two mentions of two sentences give two sums ("signed a $95 billion aid package", "the
    Pentagon announced a $1 billion package of weapons"): a sum is what an aid package, a fine or a deal
    is, and another sum is another one. One sentence may give a whole and its part ("$95 billion,
    including $61 billion for Ukraine"): it is not weighed there."""
    first, second = _text(a.get("amount")).strip().lower(), _text(b.get("amount")).strip().lower()
    return bool(first and second) and first != second and not _one_sentence(a, b)


def _other_captives(a: Row, b: Row) -> bool:
    """Whether two arrests of two sentences hold other people ("opposition leader Amina Odero was arrested",
    "party chairman Paul Kimani was also arrested on Monday"): those seized are what an arrest is of, and two
    sets of them with no word in common are two arrests. A sentence that names none ("his arrest") is not
    weighed."""
    arrest = rule_type("seizure_of_captives")
    if a["event_type"] != arrest or b["event_type"] != arrest or _one_sentence(a, b):
        return False
    first, second = _target_words(a), _target_words(b)
    return bool(first and second) and not first & second


def _target_words(row: Row) -> set[str]:
    targets = row.get("targets")
    if targets is None or isinstance(targets, float):
        return set()
    return {word.lower() for target in targets for word in str(target).split() if len(word) > 2}


def _one_sentence(a: Row, b: Row) -> bool:
    return a.get("doc_id") == b.get("doc_id") and a.get("sent_start") == b.get("sent_start")


def _one_place(a: Row, b: Row) -> bool:
    """Whether two mentions name one place: the same, one or none, or a town and the province holding it
    (:func:`_holds`: "an ambush in Michoacan" and "ambushed in the municipality of Aguililla")."""
    places = {str(a["location"]).lower(), str(b["location"]).lower()} - {""}
    return len(places) < 2 or _holds(a, b) or _holds(b, a)


def _holds(wide: Row, narrow: Row) -> bool:
    """Whether a mention's place is the province (first-level region) the other's place lies in."""
    region = _folded(wide.get("location"))
    return bool(region) and region == _folded(narrow.get("admin1"))


def _folded(value: Any) -> str:
    """A place name cell for comparison: lower case, accents dropped ("Michoacán" as "michoacan")."""
    text = _text(value).lower()
    if text.isascii():
        return text.strip()  # no accent to drop: most names
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip()


def same_event(a: Row, b: Row) -> bool:
    """Whether two mentions of one article plausibly report the same happening.

    Same type, nothing telling them apart (:func:`_compatible`), and one sentence, the same words,
    the day, or the same trigger word (:func:`_same_trigger`, "banned" told twice): an article tells
    one happening of a type and day once, then its details ("they attacked the hotel at dawn"). A
    statement needs one sentence, its words or its speaker (one country's speakers say many things a
    day; one speaker's words that day are quoted in parts).
    In one sentence, a toll joins the attack that caused it
    ("drone strikes kill at least 12 people"), two words of attack of one doer tell one attack
    (:func:`_one_attack`), and the displaced join the dead they are counted with
    (:func:`_displaced_with_dead`).
    """
    same_sentence = a["doc_id"] == b["doc_id"] and a["sent_start"] == b["sent_start"]
    if same_sentence and (_toll_of_attack(a, b) or _one_attack(a, b) or _displaced_with_dead(a, b)):
        return True
    if a["event_type"] != b["event_type"] or not _compatible(a, b):
        return False
    if same_sentence or _same_words(a["sentence"], b["sentence"]):
        return True
    if a["event_type"] in types_flagged("statement"):
        return _same_speaker(a, b)
    return (a["date_precision"] in FINE and b["date_precision"] in FINE) or _same_trigger(a, b)


def _same_trigger(a: Row, b: Row) -> bool:
    """Whether two mentions of one type are told by one trigger word: an article that names a happening
    twice with its word ("the Taliban had banned her book" in November 2024, "books banned by the
    Taliban" last year) retells it, when nothing tells the two apart (:func:`_compatible`)."""
    first, second = str(a.get("trigger") or "").lower(), str(b.get("trigger") or "").lower()
    return bool(first) and first == second


def _same_speaker(a: Row, b: Row) -> bool:
    """Whether two statements have a speaker in common, by last name ("Marco Rubio" and "Rubio")."""
    return bool(_last_names(a) & _last_names(b))


def _last_names(row: Row) -> set[str]:
    return {str(name).split()[-1].lower() for name in row["actors"] if str(name).strip()}


def same_event_across(a: Row, b: Row) -> bool:
    """Whether mentions in two articles report the same event: same type, dated, nothing telling
    them apart, and the place or a side in common, or the same sentence (a copied report). Undated
    mentions join only as copies: the same sentence, type and status."""
    if a["event_type"] != b["event_type"]:
        return False
    if _missing(a["date_start"]) or _missing(b["date_start"]):
        return _missing(a["date_start"]) and _missing(b["date_start"]) and a["status"] == b["status"] \
            and a["sentence"] == b["sentence"]
    return _compatible(a, b) and (_shares_place_or_side(a, b) or a["sentence"] == b["sentence"])


def _shares_place_or_side(a: Row, b: Row) -> bool:
    """Whether two mentions name one place or share an actor country."""
    places = {str(a["location"]).lower(), str(b["location"]).lower()} - {""}
    shared = set(a["actor_countries"]) & set(b["actor_countries"])
    return bool(shared) or (len(places) == 1 and "" not in (str(a["location"]), str(b["location"])))


def _one_attack(a: Row, b: Row) -> bool:
    """Whether two mentions of one sentence of two types of attack tell one attack: one doer named, by both
    or by one only, and nothing telling them apart (:func:`_compatible`). "Militia fighters shot and killed
    two farmers", "the air force carried out strikes on the depot, hitting its fuel tanks", "in a wave of
    raids on Monday, gunmen fired on the police posts": one doer's attack told by two words. Another doer's
    ("rebels fired ten mortars and the army fired back with rockets") is another attack, and two words with
    no doer at all tell nothing of one."""
    attack = types_flagged("attack")
    doers = [list(a["actors"]), list(b["actors"])]
    return a["event_type"] in attack and b["event_type"] in attack and any(doers) \
        and (doers[0] == doers[1] or not all(doers)) and _compatible(a, b)


def _toll_of_attack(a: Row, b: Row) -> bool:
    """Whether one of two mentions of one sentence is a toll and the other an attack."""
    types = {a["event_type"], b["event_type"]}
    toll, attack = types_flagged("death_toll"), types_flagged("attack")
    return len(types) == 2 and bool(types & toll) and bool(types & attack)


def _displaced_with_dead(a: Row, b: Row) -> bool:
    """Whether one of two mentions of one sentence tells people driven out and the other the dead ("the
    clashes have killed 300 people and driven 20,000 from their homes", "some 4,000 were killed and tens of
    thousands displaced", "900 people have died in the conflict, while a fifth of the province has been
    displaced"): the two counts of one toll, one happening. The dead are a death toll or a mention told by a
    word of death (``death_word_stems``) with no doer: a killing someone did ("villagers fled after gunmen
    shot dead their chief") is an act of its own, which people may flee."""
    displaced = types_flagged("displacement")
    for moved, other in ((a, b), (b, a)):
        if moved["event_type"] not in displaced or other["event_type"] in displaced:
            continue
        doerless_death = _tells_death(other) and not any(other["actors"] or ())
        if other["event_type"] in types_flagged("death_toll") or doerless_death:
            return True
    return False


def _tells_death(row: Row) -> bool:
    """Whether a mention's trigger holds a word of death ("killed", "have been killed", "dead")."""
    stems = rules()["death_word_stems"]
    return any(word.startswith(stem) for word in _text(row.get("trigger")).lower().split() for stem in stems)


def _dates_overlap(a: Row, b: Row) -> bool:
    if any(_missing(v) for v in (a["date_start"], a["date_end"], b["date_start"], b["date_end"])):
        return all(_missing(v) for v in (a["date_start"], b["date_start"])) and a["doc_id"] == b["doc_id"]
    if a["date_precision"] in FINE and b["date_precision"] in FINE:
        return _instant(a["date_start"]).date() == _instant(b["date_start"]).date()
    return bool(a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"])


def _same_words(first: str, second: str) -> bool:
    a, b = set(str(first).lower().split()), set(str(second).lower().split())
    return len(a & b) >= 0.6 * min(len(a), len(b))


def _cluster_id(event_id: str) -> str:
    return "c" + hashlib.sha1(str(event_id).encode()).hexdigest()[:11]


def cluster(df: pd.DataFrame) -> pd.DataFrame:
    """Fold an event table into one row per ``cluster_id``.

    The row of the most confident mention is kept; ``mentions`` counts the rows,
    ``doc_ids``, ``sources`` and ``event_ids`` list them all.

    Example:
        >>> cluster(df)[["cluster_id", "mentions", "doc_ids"]]  # doctest: +SKIP
    """
    import pandas as pd

    if df.empty:
        return df.assign(mentions=pd.Series(dtype="int64"), doc_ids=None, sources=None, event_ids=None)
    ordered = df.sort_values("confidence", ascending=False, kind="stable")
    groups = ordered.groupby("cluster_id", sort=False)
    best = groups.head(1).set_index("cluster_id")
    best["mentions"] = groups.size()
    best["doc_ids"] = groups["doc_id"].agg(lambda s: sorted(set(s)))
    best["sources"] = groups.apply(lambda g: sorted({t or d for t, d in zip(g["source"], g["doc_id"])}), include_groups=False)
    best["event_ids"] = groups["event_id"].agg(list)
    return best.reset_index().sort_values(["date_start", "cluster_id"], kind="stable").reset_index(drop=True)
