"""Ingest: every input becomes an article or a skipped document with a one-line reason."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.ingest import decode, iter_inputs, parse_published, read_articles
from timeline.types import Article, DocumentOutcome

NEWS = (
    "KYIV, Nov 21 (Newswire) - Russia struck the Ukrainian city of Dnipro early on Thursday, "
    "officials said, in an attack that damaged an industrial plant and injured two people. "
    "The governor said air defences were active for several hours."
)
FRENCH = (
    "La Russie a frappé la ville ukrainienne de Dnipro jeudi matin avec un nouveau missile, "
    "a déclaré le président, qui a ajouté que d'autres essais suivraient dans les prochains jours "
    "et que la guerre entrait dans une nouvelle phase selon les responsables."
)


def _write(folder: Path, name: str, content: str | bytes, meta: dict | None = None) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if meta is not None:
        path.with_suffix(".json").write_text(json.dumps(meta), "utf-8")
    return path


def _only(path: Path, **kwargs) -> Article | DocumentOutcome:
    items = list(iter_inputs([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


SKIPPED_FILES = [
    ("empty.txt", b"", "empty text"),
    ("blank.txt", b"   \n\t \n", "empty text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("french.txt", FRENCH.encode("utf-8"), "not English (detected language: fr)"),
    ("image.png", b"not really", "unsupported file type '.png'"),
]


@pytest.mark.parametrize("name,content,reason", SKIPPED_FILES, ids=[r[0] for r in SKIPPED_FILES])
def test_unusable_files_are_skipped_with_a_reason(tmp_path, name, content, reason):
    item = _only(_write(tmp_path, name, content, {"published": "2024-11-21"}))
    assert isinstance(item, DocumentOutcome)
    assert item.status == "skipped"
    assert reason in item.reason
    assert "\n" not in item.reason


def test_text_with_sidecar_metadata(tmp_path):
    meta = {"id": "kyiv-1", "published": "2024-11-21", "title": "Strike on Dnipro", "url": "https://x.org/a"}
    item = _only(_write(tmp_path, "a.txt", NEWS, meta))
    assert isinstance(item, Article)
    assert (item.doc_id, item.published, item.title, item.url) == (
        "kyiv-1", date(2024, 11, 21), "Strike on Dnipro", "https://x.org/a")


def test_missing_date_is_skipped_unless_given(tmp_path):
    path = _write(tmp_path, "a.txt", NEWS)
    skipped = _only(path)
    assert isinstance(skipped, DocumentOutcome) and "no publication date" in skipped.reason
    given = _only(path, published="2024-11-22")
    assert isinstance(given, Article) and given.published == date(2024, 11, 22)


@pytest.mark.parametrize("bad", ["2024-02-30", "tomorrow", "2024-13-01", "June 2024", "31/02/2024"])
def test_impossible_dates_are_skipped(tmp_path, bad):
    item = _only(_write(tmp_path, "a.txt", NEWS, {"published": bad}))
    assert isinstance(item, DocumentOutcome)
    assert "is not a valid date" in item.reason and bad in item.reason


@pytest.mark.parametrize("good,expected", [
    ("2024-02-29", date(2024, 2, 29)),
    ("2024-11-21T09:30:00Z", date(2024, 11, 21)),
    ("2024-11-21 09:30", date(2024, 11, 21)),
])
def test_publication_dates_accepted(good, expected):
    assert parse_published(good, origin="x") == expected


def test_bad_published_option_raises_input_error():
    with pytest.raises(InputError, match="--published"):
        list(iter_inputs([], published="yesterday"))


@pytest.mark.parametrize("encoding,note", [("latin-1", "Latin-1"), ("utf-16", "UTF-16")])
def test_legacy_encodings_are_decoded_and_said(tmp_path, encoding, note):
    text = NEWS.replace("Dnipro", "Dnipró")
    item = _only(_write(tmp_path, "a.txt", text.encode(encoding), {"published": "2024-11-21"}))
    assert isinstance(item, Article)
    assert "Dnipró" in item.text
    assert any(note in n for n in item.notes) and item.origin == str(tmp_path / "a.txt")


def test_decode_rejects_binary():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_jsonl_keeps_good_lines_and_reports_the_broken_one(tmp_path):
    rows = [
        json.dumps({"id": "a", "published": "2024-11-21", "text": NEWS}),
        '{"id": "b", "published": "2024-11-21", "text": ',
        json.dumps({"id": "c", "published": "2024-11-22", "text": NEWS + " More followed.", "title": "C"}),
    ]
    items = list(iter_inputs([_write(tmp_path, "feed.jsonl", "\n".join(rows))]))
    assert [type(i).__name__ for i in items] == ["Article", "DocumentOutcome", "Article"]
    assert "line 2 is not valid JSON" in items[1].reason
    assert items[2].title == "C"


def test_csv_without_text_column_is_skipped(tmp_path):
    item = _only(_write(tmp_path, "t.csv", "id,body\n1,hello\n"))
    assert isinstance(item, DocumentOutcome)
    assert "no `text` column" in item.reason


def test_csv_rows_become_articles(tmp_path):
    content = 'id,published,text,source\nr1,2024-11-21,"' + NEWS.replace('"', '""') + '",Wire\nr2,,"short"\n'
    items = list(iter_inputs([_write(tmp_path, "t.csv", content)]))
    assert isinstance(items[0], Article) and items[0].source == "Wire"
    assert isinstance(items[1], DocumentOutcome) and "no publication date" in items[1].reason


def test_missing_path_is_reported(tmp_path):
    item = _only(tmp_path / "nope.txt")
    assert isinstance(item, DocumentOutcome) and item.reason == "no such file or folder"


def test_folders_are_read_recursively_without_sidecars(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path, "a.txt", NEWS, {"published": "2024-11-21"})
    _write(tmp_path / "sub", "b.txt", NEWS + " More followed.", {"published": "2024-11-20"})
    skipped: list[DocumentOutcome] = []
    articles = read_articles([tmp_path], skipped=skipped)
    assert [a.doc_id for a in articles] == ["a", "b"]
    assert skipped == []


def test_too_large_articles_are_skipped(tmp_path):
    item = _only(_write(tmp_path, "big.txt", NEWS * 20, {"published": "2024-11-21"}), max_chars=1000)
    assert isinstance(item, DocumentOutcome) and "too large" in item.reason


def test_scraped_entities_are_cleaned(tmp_path):
    raw = "Officials said&nbsp;the army&#8217;s units &amp; RSF fighters clashed.<br>Share this article"
    item = _only(_write(tmp_path, "s.txt", raw, {"published": "2025-05-06"}))
    assert item.text == "Officials said the army’s units & RSF fighters clashed.\nShare this article"


def test_html_page_text_title_and_date(tmp_path):
    page = f"""<html><head><title>Strike on Dnipro</title>
    <meta property="article:published_time" content="2024-11-21T08:00:00Z">
    <script>window.tracker = 1;</script><style>p {{color: red}}</style></head>
    <body><nav>Home | World</nav><article><h1>Strike on Dnipro</h1><p>{NEWS}</p>
    <p>{NEWS.replace('Dnipro', 'Kharkiv')}</p></article></body></html>"""
    item = _only(_write(tmp_path, "page.html", page))
    assert isinstance(item, Article), item
    assert item.published == date(2024, 11, 21)
    assert "Russia struck" in item.text and "tracker" not in item.text


GERMAN = (
    "Russland hat am Donnerstag die ukrainische Stadt Dnipro mit einer neuen Rakete angegriffen, sagte der "
    "Präsident, der hinzufügte, dass weitere Tests folgen würden und dass der Krieg in eine neue Phase "
    "eintrete, wie die Behörden mitteilten."
)
DUTCH = (
    "Rusland heeft donderdag de Oekraïense stad Dnipro aangevallen met een nieuwe raket, zei de president, "
    "die eraan toevoegde dat er meer tests zouden volgen en dat de oorlog in een nieuwe fase was beland, "
    "zoals de autoriteiten hadden gemeld."
)
FRENCH_WITH_ENGLISH_QUOTE = FRENCH + ' Le ministre a cité le communiqué: "The strike was a warning."'
CLEARLY_ENGLISH = [
    ("news", NEWS, True),
    ("news twice", NEWS + " " + NEWS, True),
    ("too few words", "The strike on Dnipro was said to have been the first of the week.", False),
    ("french", FRENCH, False),
    ("german", GERMAN, False),
    ("dutch, with was/had", DUTCH, False),
    ("french with an english quote", FRENCH_WITH_ENGLISH_QUOTE, False),
    ("a list of names", "Dnipro Kharkiv Odesa Kyiv Lviv Kherson Mykolaiv Zaporizhzhia Sumy " * 4, False),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in CLEARLY_ENGLISH],
                         ids=[r[0] for r in CLEARLY_ENGLISH])
def test_clearly_english(text, expected):
    from timeline.ingest import clearly_english

    assert clearly_english(text) is expected


@pytest.mark.parametrize("text,language", [(NEWS, "en"), (FRENCH, "fr"), (GERMAN, "de"), (DUTCH, "nl"),
                                           (FRENCH_WITH_ENGLISH_QUOTE, "fr")])
def test_detect_language_still_asks_the_model_when_not_clearly_english(text, language):
    from timeline.ingest import detect_language

    assert detect_language(text) == language


def _news(n: int) -> str:
    """A distinct English news text per ``n`` (the same text twice is a duplicate)."""
    return f"{NEWS} The count rose to {n} by the evening, the governor said."


def test_folder_walk_leaves_out_hidden_folders_outputs_and_the_tools_files(tmp_path):
    dated = {"published": "2024-11-21"}
    _write(tmp_path, "a.txt", _news(1), dated)
    for folder in (".git", ".timeline", ".cache/sub", "out", "old_run"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        _write(tmp_path / folder, "x.txt", _news(2), dated)
    outputs = ("events.csv", "events.jsonl", "events.geojson", "timeline.html", "timeline.json",
               "report.json")
    for name in outputs:
        (tmp_path / "old_run" / name).write_text('{"sentence": "x"}\n')
    (tmp_path / "old_run" / "events.parquet").mkdir()
    left_out: list = []
    items = list(iter_inputs([tmp_path], exclude=[tmp_path / "out"], left_out=left_out))
    assert [(i.doc_id, i.origin) for i in items] == [
        ("a", str(tmp_path / "a.txt")), ("x", str(tmp_path / "old_run" / "x.txt"))]
    reasons = {Path(item.path).relative_to(tmp_path).as_posix(): item.reason for item in left_out}
    assert reasons == {
        ".cache": "hidden folder", ".git": "hidden folder", ".timeline": "hidden folder",
        "out": "the run's output folder",
        **{f"old_run/{name}": "written by timeline (an output, not an input)"
           for name in (*outputs, "events.parquet")},
    }


def test_a_file_named_like_an_output_is_read_when_given_itself(tmp_path):
    path = _write(tmp_path, "events.csv", 'id,published,text\nr1,2024-11-21,"' + NEWS + '"\n')
    assert isinstance(_only(path), Article)


DUPLICATES = [
    # (case, files as (name, content), expected (doc_id, status, words of the reason) per item)
    ("same id in a .txt and a JSONL row", [
        ("a.txt", NEWS), ("a.json", json.dumps({"id": "kyiv-1", "published": "2024-11-21"})),
        ("b.jsonl", json.dumps({"id": "kyiv-1", "published": "2024-11-21", "text": NEWS}) + "\n"),
    ], [("kyiv-1", "processed", ""),
        ("kyiv-1", "skipped", "duplicate of {a.txt} (id 'kyiv-1'): the same text")]),
    ("same text under two ids, spacing aside", [
        ("a.txt", NEWS + "\n"), ("a.json", json.dumps({"published": "2024-11-21"})),
        ("b.jsonl", json.dumps({"id": "row-7", "published": "2024-11-21",
                                "text": NEWS.replace(". ", ".  ")})),
    ], [("a", "processed", ""), ("row-7", "processed", "the same text as {a.txt} (id 'a')")]),
    ("same text under two ids, then the second id again", [
        ("b.jsonl", "\n".join(json.dumps({"id": doc_id, "published": "2024-11-21", "text": NEWS})
                              for doc_id in ("x", "y", "y"))),
    ], [("x", "processed", ""), ("y", "processed", "the same text as {b.jsonl:1} (id 'x')"),
        ("y", "skipped", "duplicate of {b.jsonl:2} (id 'y'): the same text")]),
    ("same id, another text", [
        ("b.jsonl", "\n".join(json.dumps({"id": "x", "published": "2024-11-21", "text": _news(n)})
                              for n in (1, 2))),
    ], [("x", "processed", ""),
        ("x", "skipped", "duplicate id 'x', already used by {b.jsonl:1} for another text; "
                         "give each article its own id")]),
    ("different ids and texts", [
        ("b.jsonl", "\n".join(json.dumps({"id": f"x{n}", "published": "2024-11-21", "text": _news(n)})
                              for n in (1, 2))),
    ], [("x1", "processed", ""), ("x2", "processed", "")]),
]


@pytest.mark.parametrize("files,expected", [r[1:] for r in DUPLICATES], ids=[r[0] for r in DUPLICATES])
def test_the_same_article_twice_is_read_once(tmp_path, files, expected):
    """One id given twice is skipped; one text under two ids is read twice, the second noted."""
    for name, content in files:
        _write(tmp_path, name, content)
    items = list(iter_inputs([tmp_path]))
    got = [(i.doc_id, "processed" if isinstance(i, Article) else i.status,
            "; ".join(i.notes) if isinstance(i, Article) else i.reason) for i in items]
    where = {"{a.txt}": str(tmp_path / "a.txt"), "{b.jsonl:1}": f"{tmp_path / 'b.jsonl'}:1",
             "{b.jsonl:2}": f"{tmp_path / 'b.jsonl'}:2"}
    for key, value in where.items():
        expected = [(d, s, r.replace(key, value)) for d, s, r in expected]
    assert got == expected


def test_csv_ids_are_row_numbers_even_with_multiline_cells(tmp_path):
    cells = [NEWS.replace(". ", ".\n\n"), _news(2).replace(", ", ",\n"), _news(3)]
    rows = "".join(f'2024-11-21,"{text}"\n' for text in cells)
    items = list(iter_inputs([_write(tmp_path, "feed.csv", "published,text\n" + rows)]))
    assert [(i.doc_id, i.origin) for i in items] == [
        (f"feed-{n}", f"{tmp_path / 'feed.csv'}:{n}") for n in (1, 2, 3)]
    with_ids = "id,published,text\n" + "".join(f'r{n},2024-11-21,"{t}"\n' for n, t in enumerate(cells, 1))
    assert [i.doc_id for i in iter_inputs([_write(tmp_path, "ids.csv", with_ids)])] == ["r1", "r2", "r3"]


#: (text, expected language: a code for another language, "" or "en" for text that must pass)
SHORT_TEXTS = [
    ("Les forces russes ont frappé Kharkiv lundi.", "fr"),
    ("Russische Truppen haben Charkiw am Montag angegriffen.", "de"),
    ("Las fuerzas rusas atacaron Járkov el lunes.", "es"),
    ("Le forze russe hanno colpito Kharkiv lunedì.", "it"),
    ("Російські війська вдарили по Харкову в понеділок.", "uk"),
    ("Российские войска нанесли удар по Харькову.", "ru"),
    ("Rosyjskie siły zaatakowały Charków w poniedziałek.", "pl"),
    ("As forças russas atacaram Kharkiv na segunda-feira.", "pt"),
    ("Russische troepen vielen Charkiv maandag aan.", "nl"),
    ("Moscow launched a missile on Thursday.", "en"),
    ("Kharkiv shelled overnight, 3 killed", "en"),
    ("NATO allies pledge air defence for Kyiv", "en"),
    ("Russia strikes Kharkiv overnight", ""),
    ("Zelenskyy meets Biden in Washington", ""),
    ("Israel strikes Gaza", ""),
    ("Putin visits Mongolia despite ICC warrant", ""),
    ("Houthis target tanker in Red Sea", ""),
    ("Sudan RSF seizes El Fasher camp", ""),
    ("Zaporizhzhia nuclear plant loses power", "en"),
    ("Kyiv", ""),
]


@pytest.mark.parametrize("text,language", SHORT_TEXTS, ids=[r[0][:30] for r in SHORT_TEXTS])
def test_short_texts_are_told_apart_from_one_sentence_on(text, language):
    from timeline.ingest import detect_language

    assert detect_language(text) == language


def test_short_non_english_text_is_skipped(tmp_path):
    item = _only(_write(tmp_path, "fr.txt", SHORT_TEXTS[0][0], {"published": "2024-11-21"}))
    assert isinstance(item, DocumentOutcome) and item.reason == "not English (detected language: fr)"


SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"


@pytest.mark.skipif(not VOA.exists(), reason="the VOA stories (../shared/data/voa) are not here")
def test_every_voa_story_is_still_read_as_english():
    skipped: list[DocumentOutcome] = []
    articles = read_articles([VOA], skipped=skipped)
    assert skipped == [] and len(articles) == sum(1 for line in VOA.open() if line.strip())
