# ruff: noqa: E501
"""timeline.evaluation.timeml: TimeML reading and TempEval-3 scoring agree with score_timex.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from timeline.evaluation.timeml import evaluate_timex, format_report, match_spans, read_tml, score

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_timex.py"

# A small synthetic TimeML document written for this test.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>synthetic_01</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-21" temporalFunction="false" functionInDocument="CREATION_TIME">2024-11-21</TIMEX3></DCT>
<TEXT>
KYIV - Russia fired a new missile at Dnipro <TIMEX3 tid="t1" type="DATE" value="2024-11-21">early on Thursday</TIMEX3>, officials said.
The air force said the attack lasted <TIMEX3 tid="t4" type="DURATION" value="PT2H">two hours</TIMEX3> &amp; ended at <TIMEX3 tid="t5" type="TIME" value="2024-11-21T07:00">7 a.m.</TIMEX3>
Ukraine launched six missiles on <TIMEX3 tid="t2" type="DATE" value="2024-11-19">Tuesday</TIMEX3>, <TIMEX3 tid="t3" type="DURATION" value="PXD">days</TIMEX3> after the rules changed.
Talks are planned for <TIMEX3 tid="t6" type="DATE" value="2024-W48">next week</TIMEX3>.<TIMEX3 tid="t7" type="DATE" value="2024-12"></TIMEX3>
</TEXT>
</TimeML>
"""


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "synthetic_01.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_read_tml(gold_dir: Path) -> None:
    doc = read_tml(gold_dir / "synthetic_01.tml")
    assert doc.dct == "2024-11-21"
    assert [t["text"] for t in doc.timexes] == [
        "early on Thursday",
        "two hours",
        "7 a.m.",
        "Tuesday",
        "days",
        "next week",
    ]
    assert all(doc.text[t["start"] : t["end"]] == t["text"] for t in doc.timexes)
    assert "&" in doc.text and "<" not in doc.text


def test_evaluate_perfect_on_synthetic(gold_dir: Path) -> None:
    result = evaluate_timex(gold_dir)
    assert result["n_gold"] == 6 and result["value_f1"] == pytest.approx(1.0)
    assert "value (attr)" in format_report(result)


def test_evaluate_passes_parsed_docs(gold_dir: Path) -> None:
    spacy = pytest.importorskip("spacy")
    seen: list[str] = []

    class Recorder:
        """A pipeline stand-in: a blank English pipeline that records what it parses."""

        def __init__(self) -> None:
            self.nlp = spacy.blank("en")

        def pipe(self, texts):  # noqa: ANN001, ANN201
            for text in texts:
                seen.append(text)
                yield self.nlp(text)

    result = evaluate_timex(gold_dir, nlp=Recorder())
    assert len(seen) == 1 and "Dnipro" in seen[0]
    assert result["value_f1"] == pytest.approx(evaluate_timex(gold_dir)["value_f1"])


def test_score_counts_partial_overlap() -> None:
    gold = [
        {"start": 0, "end": 10, "type": "DATE", "value": "2024"},
        {"start": 20, "end": 25, "type": "DATE", "value": "X"},
    ]
    system = [{"start": 5, "end": 12, "type": "DATE", "value": "2024"}]
    m = score([(gold, system)])
    assert (m["strict_match"], m["relaxed_match"], m["value_correct"]) == (0, 1, 1)
    assert match_spans(gold, system) == [(0, 0)]


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score_timex.py is absent")
def test_agrees_with_reference_scorer(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("score_timex", SCORER)
    assert spec and spec.loader
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    result = evaluate_timex(gold_dir)
    preds = result["predictions"]
    # perturb: drop one prediction and mislabel another, so the scores are not trivially perfect
    doc = next(iter(preds.values()))
    doc["timexes"] = doc["timexes"][1:]
    doc["timexes"][0] = {**doc["timexes"][0], "value": "WRONG", "end": doc["timexes"][0]["end"] + 2}
    pred_file = tmp_path / "pred.json"
    pred_file.write_text(json.dumps(preds), encoding="utf-8")
    gold = ref.load_gold(str(gold_dir))
    ref_preds, _unknown, _warn = ref.load_predictions(str(pred_file), gold)
    total, *_ = ref.score(gold, ref_preds)
    expected = total.metrics()
    mine = score((list(read_tml(gold_dir / name).timexes), ref_preds[name]) for name in gold)
    for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1", "value_accuracy", "relaxed_p", "relaxed_r"):
        assert mine[key] == pytest.approx(expected[key]), key
    assert expected["value_f1"] < 1.0
