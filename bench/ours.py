"""The project's own tagger, called in-process through ``generator.timeml.annotate``.

Each document is given to the tagger as a TempEval-3 style TimeML input (DCT
plus unannotated TEXT, see :func:`bench.corpora.to_timeml`), with genre
"narrative" for WikiWars and "news" otherwise. The TIMEX3s of the returned
TimeML are read as offsets into its TEXT; should that text differ from the
input, the spans are re-aligned onto the input text.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter
from typing import Callable, Sequence

from bench.align import map_spans
from bench.corpora import NEWS, REPO_ROOT, Document, Timex, parse_timeml, to_timeml

Annotate = Callable[..., str]
CLI = [sys.executable, "-m", "generator", "tag"]


def load_annotate() -> Annotate:
    from generator.timeml import annotate

    return annotate


def read_output(timeml: str, doc: Document) -> tuple[list[Timex], bool]:
    """Timexes of the tagger's TimeML as offsets into ``doc.text``; True if the text had to be re-aligned."""
    _, produced, timexes = parse_timeml(timeml)
    spans = map_spans([(t.start, t.end) for t in timexes], produced, doc.text)
    found = [Timex(s[0], s[1], t.type, t.value, t.mod) for s, t in zip(spans, timexes) if s is not None]
    return found, produced != doc.text


def run(docs: Sequence[Document], annotate: Annotate | None = None) -> list[tuple[list[Timex], float]]:
    """Per document: the tagger's timexes and the seconds ``annotate`` took."""
    annotate = annotate or load_annotate()
    results, realigned = [], []
    if docs:  # loading the rules is start-up, not tagging, as HeidelTime's JVM start is not timed
        annotate(to_timeml(docs[0]), genre=docs[0].genre)
    for doc in docs:
        timeml = to_timeml(doc)
        start = perf_counter()
        output = annotate(timeml, genre=doc.genre)
        seconds = perf_counter() - start
        timexes, changed = read_output(output, doc)
        if changed:
            realigned.append(doc.name)
        results.append((timexes, seconds))
    if realigned:
        print(f"ours: TEXT came back altered in {len(realigned)} documents, spans re-aligned: "
              f"{', '.join(realigned)}", file=sys.stderr)
    return results


def check_cli(doc: Document, annotate: Annotate | None = None, command: Sequence[str] = CLI) -> str | None:
    """Tag ``doc`` through the command line and in-process; a description of any difference."""
    annotate = annotate or load_annotate()
    expected = annotate(to_timeml(doc), genre=doc.genre)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{doc.name}.tml"
        path.write_text(to_timeml(doc), encoding="utf-8")
        argv = [*command, "--timeml", str(path)]
        if doc.genre != NEWS:
            argv += ["--genre", doc.genre]
        proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", cwd=REPO_ROOT)
    if proc.returncode != 0:
        return f"`{' '.join(argv)}` exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    if proc.stdout.rstrip("\n") != expected.rstrip("\n"):
        return f"CLI output for {doc.name} differs from annotate()"
    return None
