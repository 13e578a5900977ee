"""Where the candidate for a missed or mistyped gold event is lost inside its sentence.

Usage::

    python benchmarks/sentence_stages.py ERRORS --stories JSONL [--listing]

``ERRORS`` is a listing of :mod:`voa_errors` (its tab-separated rows); the rows ``miss:7 ...`` (a gold
event in a sentence that holds another event's prediction, or merged into another mention) and
``type:...`` (the match has another type) are read. For each, the story is parsed again and the gold
type is followed through :func:`timeline.events.mentions.candidates`:

* ``none``: no trigger of the sentence has the gold type (the classes to write are new triggers);
* ``untyped``: a trigger of the gold type is found but gives no candidate of that type (folded into a
  longer trigger, typed otherwise by its frame, or unusable);
* ``suppressed``: a candidate of the gold type is made but the sentence keeps another
  (``_best_per_sentence``: under ``second_event_min_score`` or one of a type per sentence);
* ``dropped``: kept in the sentence but dropped afterwards (a repeated mention, ``drop_repeated_mentions``);
* ``emitted``: ``candidates`` gives it; it is lost later (confidence, clustering of one type and day in
  the article, or the scorer's matching took it for another gold event).

The per-sentence step is observed by wrapping ``mentions._best_per_sentence`` for the run of this script.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.events import mentions  # noqa: E402
from timeline.events.classification import event_type_of  # noqa: E402
from timeline.ingest import read_articles  # noqa: E402
from timeline.nlp import TRIGGERS_KEY, load_nlp, sent_of  # noqa: E402

STAGES = ("none", "untyped", "suppressed", "dropped", "emitted")


def wanted_rows(listing: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The ``miss:7`` and ``type`` rows of a listing, per story: (class, gold type, anchor)."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or not (parts[0].startswith("miss:7") or parts[0].startswith("type:")):
            continue
        gold = re.search(r"gold: (\S+) .*?\[(.*?)\]", parts[3])
        if gold:
            rows.setdefault(parts[1], []).append((parts[0], gold.group(1), gold.group(2)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("errors", type=Path)
    ap.add_argument("--stories", type=Path, required=True)
    ap.add_argument("--listing", action="store_true", help="print each row with its sentence's candidates")
    a = ap.parse_args()
    wanted = wanted_rows(a.errors)
    articles = {art.doc_id: art for art in read_articles([a.stories]) if art.doc_id in wanted}
    seen: dict[int, tuple[list, list]] = {}
    best = mentions._best_per_sentence

    def observed(found, trigger_spans=None):  # type: ignore[no-untyped-def]
        kept = best(found, trigger_spans)
        if found:
            seen[found[0].sent_start] = (list(found), list(kept))
        return kept

    mentions._best_per_sentence = observed  # type: ignore[assignment]
    nlp = load_nlp(None)
    counts: Counter[tuple[str, str]] = Counter()
    for doc_id, rows in wanted.items():
        article = articles.get(doc_id)
        if article is None:
            continue
        seen.clear()
        doc = nlp(article.text)
        final = mentions.candidates(doc)
        for kind, gold_type, anchor in rows:
            at = article.text.find(anchor)
            if at < 0:
                continue
            sent = sent_of(doc.char_span(at, at + len(anchor), alignment_mode="expand"))
            start = mentions._sentence_bounds(sent)[0]
            triggers = [(t.text, event_type_of(t)) for t in doc.spans[TRIGGERS_KEY]
                        if t.start >= sent.start and t.end <= sent.end]
            found, kept = seen.get(start, ([], []))
            out = [c for c in final if c.sent_start == start]
            stage = ("emitted" if any(c.event_type == gold_type for c in out)
                     else "dropped" if any(c.event_type == gold_type for c in kept)
                     else "suppressed" if any(c.event_type == gold_type for c in found)
                     else "untyped" if any(t == gold_type for _, t in triggers) else "none")
            group = "miss:7" if kind.startswith("miss:7") else "type"
            counts[(group, stage)] += 1
            if a.listing:
                print(f"{stage}\t{kind}\t{doc_id}\t{gold_type} [{anchor}]\t"
                      f"cands={[(c.trigger, c.event_type, c.score) for c in found]}\t"
                      f"out={[(c.trigger, c.event_type) for c in out]}\t{sent.text.strip()[:200]}")
    for group in ("miss:7", "type"):
        print(group, " ".join(f"{stage} {counts[(group, stage)]}" for stage in STAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
