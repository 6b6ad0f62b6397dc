"""TempEval-3 Task A scoring of TIMEX3 extents, types and values.

Each gold TIMEX3 is paired with at most one system TIMEX3 whose character span
overlaps it: gold expressions are taken in document order and each one takes
the first not yet paired overlapping system expression (first come, first
served). With M pairs, S system and G gold expressions (the DCT never counts):

* relaxed F1 = 2M / (S + G)
* strict F1  = 2M' / (S + G), M' = pairs whose spans are identical
* type F1    = 2T / (S + G),  T  = pairs whose type strings are identical
* value F1   = 2V / (S + G),  V  = pairs whose value strings are identical

Counts are pooled over all documents of a set before the ratios are taken.
Precision divides by S, recall by G (0 when that count is 0); F1 over nothing
at all (S = G = 0) is 100, since the system agrees with the gold perfectly.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Sequence

from bench.corpora import Timex


def overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Alignment:
    pairs: list[tuple[Timex, Timex]]
    missed: list[Timex]
    spurious: list[Timex]


def align(gold: Sequence[Timex], system: Sequence[Timex]) -> Alignment:
    """Pair gold with system expressions, first come first served."""
    system_sorted = sorted(system, key=lambda t: (t.start, t.end))
    taken = [False] * len(system_sorted)
    pairs, missed = [], []
    for g in sorted(gold, key=lambda t: (t.start, t.end)):
        for i, s in enumerate(system_sorted):
            if not taken[i] and overlaps(g, s):
                taken[i] = True
                pairs.append((g, s))
                break
        else:
            missed.append(g)
    spurious = [s for i, s in enumerate(system_sorted) if not taken[i]]
    return Alignment(pairs, missed, spurious)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type: int = 0
    value: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def f1(self, matched: str) -> float:
        """F1 in percent; ``matched`` names a match count: relaxed, strict, type or value."""
        if self.system + self.gold == 0:
            return 100.0
        return _percent(2 * getattr(self, matched), self.system + self.gold)

    def precision(self, matched: str) -> float:
        return _percent(getattr(self, matched), self.system)

    def recall(self, matched: str) -> float:
        return _percent(getattr(self, matched), self.gold)


def _percent(numerator: int, denominator: int) -> float:
    return 100.0 * numerator / denominator if denominator else 0.0


def count(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    pairs = align(gold, system).pairs
    return Counts(
        gold=len(gold),
        system=len(system),
        relaxed=len(pairs),
        strict=sum((g.start, g.end) == (s.start, s.end) for g, s in pairs),
        type=sum(g.type == s.type for g, s in pairs),
        value=sum(g.value == s.value for g, s in pairs),
    )


def score(documents: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> Counts:
    """Pooled counts over (gold, system) timex lists, one pair of lists per document."""
    total = Counts()
    for gold, system in documents:
        total = total + count(gold, system)
    return total
