"""Benchmark the temporal tagger against gold corpora and peer taggers.

Usage: ``python -m bench [--sets ...] [--systems ...] [--errors]``. Prints one
Markdown table of TempEval-3 Task A scores and throughput per set and system,
and writes it to bench/out/latest.md. Progress and warnings go to stderr. A
system that cannot run is left out of the table and makes the exit status 1,
as does a command line that disagrees with the in-process API. ``--errors``
lists every miss of our tagger on the training sets and WikiWars, with
precision and recall; the held-out Platinum set is only scored in aggregate.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from bench import Unavailable, ours, peers
from bench.corpora import SETS, Document, Timex, load_set, set_label
from bench.report import Row, errors, table
from bench.scorer import score

OUT = Path(__file__).resolve().parent / "out" / "latest.md"
SYSTEMS: dict[str, Callable[[Sequence[Document]], list[tuple[list[Timex], float]]]] = {
    "ours": ours.run,
    **{name: partial(peers.run, name) for name in peers.NAMES},
}
# Sets whose individual errors may be inspected; Platinum is held out.
ERROR_SETS = ("train", "wikiwars")


def _choices(value: str, allowed: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(item.strip() for item in value.split(",") if item.strip()))
    unknown = [item for item in chosen if item not in allowed]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(allowed)} (got {value!r})")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), type=lambda v: _choices(v, list(SETS)),
                        help="comma-separated: %(default)s")
    parser.add_argument("--systems", default=",".join(SYSTEMS), type=lambda v: _choices(v, list(SYSTEMS)),
                        help="comma-separated: %(default)s")
    parser.add_argument("--errors", action="store_true",
                        help="list every miss of ours on the training sets and WikiWars (never Platinum)")
    args = parser.parse_args(argv)

    sets = {key: load_set(key) for key in args.sets}
    all_docs = [doc for docs in sets.values() for doc in docs]
    results: dict[str, list[tuple[list[Timex], float]]] = {}
    failures: list[str] = []
    for system in args.systems:
        print(f"{system}: tagging {len(all_docs)} documents", file=sys.stderr)
        try:
            results[system] = SYSTEMS[system](all_docs)
        except Unavailable as unavailable:
            failures.append(f"{system} skipped: {unavailable}")
            continue
        if system == "ours":
            problem = ours.check_cli(all_docs[0])
            if problem:
                failures.append(problem)

    rows: list[Row] = []
    offset = 0
    for key, docs in sets.items():
        words = sum(doc.words for doc in docs)
        for system, per_doc in results.items():
            chunk = per_doc[offset : offset + len(docs)]
            found = [timexes for timexes, _ in chunk]
            counts = score((doc.gold, timexes) for doc, timexes in zip(docs, found))
            rows.append(Row(set_label(key), system, counts, words, sum(seconds for _, seconds in chunk)))
            if args.errors and system == "ours" and key in ERROR_SETS:
                print(errors(set_label(key), system, docs, found))
        offset += len(docs)

    rendered = table(rows)
    print(rendered)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(rendered, encoding="utf-8")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
