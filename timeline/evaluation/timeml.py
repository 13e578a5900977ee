""":mod:`timeline.evaluation.timeml`: evaluate :func:`timeline.temporal.find_timexes` on TimeML.

Reads TimeML ``.tml`` files (the document creation time is the TIMEX3 with
``functionInDocument="CREATION_TIME"``; the plain text is the text of the
``<TEXT>`` element with all tags stripped, offsets into that text), runs the
temporal engine on each document with the DCT as ``published`` and scores it
with the TempEval-3 Task A definitions, exactly as ``score_timex.py`` does:

* strict match: identical character span (after trimming whitespace);
* relaxed match: overlapping spans, aligned one to one (identical spans
  first, then greedily by overlap, then augmenting paths);
* P = matches / #system, R = matches / #gold, F1 their harmonic mean;
* type/value accuracy = correct attribute / #relaxed matches, and attribute
  F1 = accuracy x relaxed F1 (the official "value F1").

Only TIMEX3 elements inside ``<TEXT>`` are gold; the DCT is input. Empty
(non-consuming) TIMEX3 tags are ignored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..temporal import find_timexes
from .figures import f1, ratio
from .matching import augmented

Span = Mapping[str, Any]  # {"start", "end", "type", "value", ...}


@dataclass(frozen=True)
class TmlDocument:
    """One TimeML document: its plain text, DCT and gold timexes."""

    name: str
    text: str
    dct: str
    timexes: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def _walk(elem: ET.Element, pieces: list[str], spans: list[tuple[int, int, ET.Element]], pos: int) -> int:
    start = pos
    if elem.text:
        pieces.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, pieces, spans, pos)
        if child.tail:
            pieces.append(child.tail)
            pos += len(child.tail)
    spans.append((start, pos, elem))
    return pos


def tagged_text(text_el: ET.Element) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The plain text of a TimeML ``<TEXT>`` element and the ``(start, end, element)`` of every tag inside it.

    Offsets are character offsets into the plain text (all tags stripped); tags are listed inner first.
    """
    pieces: list[str] = [text_el.text or ""]
    spans: list[tuple[int, int, ET.Element]] = []
    pos = len(pieces[0])
    for child in text_el:
        pos = _walk(child, pieces, spans, pos)
        if child.tail:
            pieces.append(child.tail)
            pos += len(child.tail)
    return "".join(pieces), spans


def read_tml(path: Path) -> TmlDocument:
    """Read one ``.tml`` file.

    Args:
        path: The TimeML file.

    Returns:
        The document with gold timexes as dicts (start, end, text, type, value).

    Raises:
        ValueError: If the file has no ``<TEXT>`` element.
    """
    root = ET.parse(path).getroot()
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(
            f"`path` value = {path} is invalid; value must be a TimeML file with a <TEXT> element"
        )
    text, tagged = tagged_text(text_el)
    spans = [span for span in tagged if span[2].tag == "TIMEX3"]
    gold = []
    for start, end, el in sorted(spans, key=lambda s: (s[0], s[1])):
        surface = text[start:end]
        if not surface.strip():
            continue
        start += len(surface) - len(surface.lstrip())
        end -= len(surface) - len(surface.rstrip())
        gold.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "type": el.get("type", ""),
                "value": el.get("value", ""),
            }
        )
    dct = next(
        (
            el.get("value", "")
            for el in root.iter("TIMEX3")
            if el.get("functionInDocument") == "CREATION_TIME"
        ),
        "",
    )
    return TmlDocument(path.name, text, dct[:10], tuple(gold))


def match_spans(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one alignment of overlapping spans, as ``score_timex.match_doc``.

    Args:
        gold: Gold spans.
        system: System spans.

    Returns:
        Sorted ``(gold_index, system_index)`` pairs.
    """
    match_g: dict[int, int] = {}
    match_s: dict[int, int] = {}
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for si, s in enumerate(system):
        by_span[(s["start"], s["end"])].append(si)
    for gi, g in enumerate(gold):
        free = [si for si in by_span.get((g["start"], g["end"]), []) if si not in match_s]
        if free:
            match_g[gi], match_s[free[0]] = free[0], gi
    fixed_g, fixed_s = set(match_g), set(match_s)
    adj: dict[int, list[int]] = {}
    cands: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        if gi in fixed_g:
            continue
        keyed = []
        for si, s in enumerate(system):
            if si in fixed_s:
                continue
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                key = (-ov, abs(g["start"] - s["start"]), gi, si)
                cands.append(key)
                keyed.append((key, si))
        if keyed:
            adj[gi] = [si for _k, si in sorted(keyed)]
    for _o, _d, gi, si in sorted(cands):
        if gi not in match_g and si not in match_s:
            match_g[gi], match_s[si] = si, gi
    return sorted((gi, si) for si, gi in augmented(adj, match_s).items())


def _prf(match: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p, r = ratio(match, n_sys), ratio(match, n_gold)
    return p, r, f1(p, r)


def score(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, Any]:
    """TempEval-3 metrics over ``(gold, system)`` span lists, one pair per document.

    Args:
        pairs: Gold and system spans of each document.

    Returns:
        The metrics under the same keys as ``score_timex.py --json``.
    """
    n: defaultdict[str, int] = defaultdict(int)
    for gold, system in pairs:
        n["n_gold"] += len(gold)
        n["n_sys"] += len(system)
        for gi, si in match_spans(gold, system):
            g, s = gold[gi], system[si]
            n["relaxed"] += 1
            n["strict"] += g["start"] == s["start"] and g["end"] == s["end"]
            n["type_ok"] += g["type"] == s["type"]
            n["value_ok"] += g["value"] == s["value"]
    sp, sr, sf = _prf(n["strict"], n["n_sys"], n["n_gold"])
    rp, rr, rf = _prf(n["relaxed"], n["n_sys"], n["n_gold"])
    tacc = ratio(n["type_ok"], n["relaxed"])
    vacc = ratio(n["value_ok"], n["relaxed"])
    return {
        "n_gold": n["n_gold"],
        "n_sys": n["n_sys"],
        "strict_match": n["strict"],
        "relaxed_match": n["relaxed"],
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "type_correct": n["type_ok"],
        "type_accuracy": tacc,
        "type_p": tacc * rp,
        "type_r": tacc * rr,
        "type_f1": tacc * rf,
        "value_correct": n["value_ok"],
        "value_accuracy": vacc,
        "value_p": vacc * rp,
        "value_r": vacc * rr,
        "value_f1": vacc * rf,
    }


def predict(doc: TmlDocument, parsed: Any = None) -> list[dict[str, Any]]:
    """Run the temporal engine on a TimeML document's text with its DCT.

    Args:
        doc: The document.
        parsed: Optional spaCy ``Doc`` of ``doc.text``, passed on as ``doc=``.
    """
    published = date.fromisoformat(doc.dct)
    out = []
    for t in find_timexes(doc.text, published=published, doc=parsed):
        surface = doc.text[t.start : t.end]
        start = t.start + len(surface) - len(surface.lstrip())
        end = t.end - (len(surface) - len(surface.rstrip()))
        out.append(
            {"start": start, "end": end, "text": doc.text[start:end], "type": t.type, "value": t.value}
        )
    return out


def load_gold(gold_dir: Path) -> list[TmlDocument]:
    """All ``.tml`` documents under ``gold_dir`` (recursively), sorted by name.

    Raises:
        ValueError: If there is none.
    """
    paths = [gold_dir] if gold_dir.is_file() else sorted(gold_dir.rglob("*.tml"), key=lambda p: p.name)
    if not paths:
        raise ValueError(f"`gold_dir` value = {gold_dir} is invalid; value must contain .tml files")
    return [read_tml(p) for p in paths]


def evaluate_timex(gold_dir: Path, *, nlp: Any = None) -> dict[str, Any]:
    """Score :func:`find_timexes` on a folder of TimeML files.

    Args:
        gold_dir: Folder searched recursively for ``*.tml`` (or one file).
        nlp: Optional spaCy pipeline; each text is parsed and the ``Doc`` is
            passed to :func:`find_timexes` (as the event pipeline does).

    Returns:
        Metrics (see :func:`score`) plus ``documents`` and ``predictions``
        (document name -> predicted spans, in ``score_timex.py`` format).

    Example:
        >>> result = evaluate_timex(Path("tempeval3/train"))  # doctest: +SKIP
        >>> print(format_report(result))  # doctest: +SKIP
    """
    docs = load_gold(Path(gold_dir))
    if nlp is None:
        preds = {d.name: predict(d) for d in docs}
    else:
        parsed = nlp.pipe(d.text for d in docs)
        preds = {d.name: predict(d, p) for d, p in zip(docs, parsed, strict=True)}
    result = score((list(d.timexes), preds[d.name]) for d in docs)
    result["documents"] = len(docs)
    result["predictions"] = {d.name: {"dct": d.dct, "timexes": preds[d.name]} for d in docs}
    return result


def format_report(result: Mapping[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_timex` metrics."""

    def pct(x: float) -> str:
        return f"{100 * x:6.2f}"

    lines = [
        f"documents: {result.get('documents', '?')}   gold timexes: {result['n_gold']}   "
        f"system timexes: {result['n_sys']}",
        "",
        "                    P       R      F1",
    ]
    for label, key, extra in (
        ("strict match", "strict", f"({result['strict_match']} exact spans)"),
        ("relaxed match", "relaxed", f"({result['relaxed_match']} overlapping)"),
        ("type  (attr)", "type", f"accuracy {pct(result['type_accuracy']).strip()} on relaxed matches"),
        ("value (attr)", "value", f"accuracy {pct(result['value_accuracy']).strip()} on relaxed matches"),
    ):
        lines.append(
            f"{label:<16} {pct(result[key + '_p'])}  {pct(result[key + '_r'])}  "
            f"{pct(result[key + '_f1'])}   {extra}"
        )
    return "\n".join(lines)
