"""Rendering of benchmark results: the score table and error listings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Sequence

from bench.corpora import Document, Timex
from bench.scorer import Counts, align, score

METRICS = ("strict", "relaxed", "type", "value")


@dataclass
class Row:
    set_label: str
    system: str
    counts: Counts
    words: int
    seconds: float

    @property
    def words_per_second(self) -> str:
        return f"{self.words / self.seconds:,.0f}" if self.seconds > 0 else "n/a"


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| set | system | strict F1 | relaxed F1 | type F1 | value F1 | words/s |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        scores = " | ".join(f"{row.counts.f1(metric):.2f}" for metric in METRICS)
        lines.append(f"| {row.set_label} | {row.system} | {scores} | {row.words_per_second} |")
    return "\n".join(lines) + "\n"


def _show(doc: Document, timex: Timex) -> str:
    quoted = json.dumps(doc.text[timex.start : timex.end], ensure_ascii=False)
    mod = f" mod={timex.mod}" if timex.mod else ""
    return f"{timex.start}-{timex.end} {quoted} {timex.type or '-'} {timex.value or '-'}{mod}"


def errors(set_label: str, system: str, docs: Sequence[Document], found: Sequence[Sequence[Timex]]) -> str:
    """Every false negative, false positive, span mismatch and wrong value, document by document."""
    lines = [f"## Errors of {system} on {set_label}", ""]
    totals = {"missed": 0, "spurious": 0, "span": 0, "value": 0}
    for doc, system_timexes in zip(docs, found):
        alignment = align(doc.gold, system_timexes)
        entries = [(g.start, f"missed     {_show(doc, g)}") for g in alignment.missed]
        entries += [(s.start, f"spurious   {_show(doc, s)}") for s in alignment.spurious]
        for g, s in alignment.pairs:
            kinds = [k for k, wrong in (("span", (g.start, g.end) != (s.start, s.end)), ("value", g.value != s.value)) if wrong]
            if kinds:
                entries.append((g.start, f"{'+'.join(kinds):<10} gold {_show(doc, g)} | {system} {_show(doc, s)}"))
            for kind in kinds:
                totals[kind] += 1
        totals["missed"] += len(alignment.missed)
        totals["spurious"] += len(alignment.spurious)
        if entries:
            lines.append(f"### {doc.name}")
            lines.extend(f"    {text}" for _, text in sorted(entries, key=lambda entry: entry[0]))
            lines.append("")
    lines.append("Totals: " + ", ".join(f"{kind} {n}" for kind, n in totals.items()))
    counts = score(zip((doc.gold for doc in docs), found))
    lines.append("Precision / recall: " + ", ".join(
        f"{metric} {counts.precision(metric):.2f} / {counts.recall(metric):.2f}" for metric in METRICS))
    return "\n".join(lines) + "\n"
