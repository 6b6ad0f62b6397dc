"""Merging: reports of the same event from different articles become one timeline entry, and
entries that look like the same event on different dates are made to point at each other.

The rule, with its settings and examples, is in merging.yaml: same period (first and last day),
different articles, similar wording, and no figures that tell them apart. Nothing is picked
between conflicting dates: both stay.
"""

from __future__ import annotations

import dataclasses
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .events import Event, Mark
from .forked import Forked
from .keys import key
from .store import Store, made_or_kept
from .vocabulary import YAML_LOADER, alternation

SETTINGS_FILE = Path(__file__).with_name("merging.yaml")
_WORD = re.compile(r"\w+")
FIGURE = "#"  # what starts a figure among a sentence's words ("#1.625", "#5.1million", "#10%")
SPLIT_CONFLICTS_FROM = 2000  # entries; below, a second process costs more than it saves


def _figures_differ(one: frozenset[str], other: frozenset[str]) -> bool:
    """Each gives a figure the other does not: two companies' results, two shares' prices."""
    mine = {word for word in one if word[0] == FIGURE}
    theirs = {word for word in other if word[0] == FIGURE}
    return bool(mine - theirs) and bool(theirs - mine)


@dataclass(frozen=True)
class Threshold:
    min_similarity: float
    min_shared_words: int

    def met(self, one: frozenset[str], other: frozenset[str]) -> bool:
        shared = len(one & other)
        return (shared >= self.min_shared_words and 2 * shared >= self.min_similarity * (len(one) + len(other))
                and not _figures_differ(one, other))


@dataclass(frozen=True)
class Settings:
    merge: Threshold
    conflict: Threshold
    max_days_apart: int
    max_other_dates: int
    max_entries_per_word: int
    suffixes: tuple[str, ...]
    min_stem: int
    stop_words: frozenset[str]
    figure: re.Pattern
    figure_units: dict[str, str]


@lru_cache(maxsize=1)
def settings() -> Settings:
    data = yaml.load(SETTINGS_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    conflict = dict(data["conflict"])
    figures = data["figures"]
    units = {unit: name for name, spellings in figures["units"].items() for unit in spellings}
    figure = re.compile(
        rf"(?P<currency>{alternation(figures['currencies'])})?\s?(?P<number>\d[\d,]*(?:\.\d+)?)"
        rf"(?:\s?(?P<scale>{alternation(figures['scales'])})\b)?(?:\s?(?P<unit>{alternation(units)})(?!\w))?")
    return Settings(
        merge=Threshold(**data["merge"]),
        max_entries_per_word=conflict.pop("max_entries_per_word"),
        max_days_apart=conflict.pop("max_days_apart"),
        max_other_dates=conflict.pop("max_other_dates"),
        conflict=Threshold(**conflict),
        suffixes=tuple(data["suffixes"]),
        min_stem=data["min_stem"],
        stop_words=frozenset(data["stop_words"].split()),
        figure=figure,
        figure_units=units,
    )


def _stem(word: str, rules: Settings) -> str:
    for suffix in rules.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= rules.min_stem:
            return word[: -len(suffix)]
    return word


def _figures(text: str, rules: Settings) -> set[str]:
    """The amounts of money, percentages and decimals in lower-cased text, each as one word:
    "$5.1 million" is "#5.1million", "10 percent" is "#10%", "50 cents" is "#50cents"."""
    found = set()
    for match in rules.figure.finditer(text):
        number, unit = match["number"].replace(",", ""), match["unit"]
        if not (match["currency"] or unit or "." in number):
            continue  # a count, a year or a day: reports of one event often differ in those
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        unit = rules.figure_units[" ".join(unit.split())] if unit else ""
        found.add(f"{FIGURE}{number}{match['scale'] or ''}{unit}")
    return found


def words_of(text: str) -> frozenset[str]:
    """The words a sentence is compared by, its figures among them."""
    rules = settings()
    lowered = text.lower()
    words = {_stem(word, rules) for word in _WORD.findall(lowered)
             if word not in rules.stop_words and (len(word) > 1 or word.isdigit())}
    return frozenset(words | _figures(lowered, rules))


def _sentence_words(event: Event, marks: list[Mark]) -> frozenset[str]:
    """The words of the event's sentence, the temporal expressions of its article left out."""
    start, end = event.sentence
    body = event.article.body
    pieces, position = [], start
    for mark in marks:
        if mark.timex.end <= start or mark.timex.start >= end:
            continue
        pieces.append(body[position : max(position, mark.timex.start)])
        position = max(position, mark.timex.end)
    pieces.append(body[position:end])
    return words_of(" ".join(pieces))


def _words_of_events(events: list[Event], marks: dict[Path, list[Mark]], store: Store | None) -> dict[int, frozenset[str]]:
    """The words of each event's sentence, by the event's id(); with a store, kept there by
    article, so only a changed article's are worked out again."""
    by_article: dict[Path, list[Event]] = defaultdict(list)
    for event in events:
        by_article[event.article.path].append(event)
    groups = list(by_article.values())
    kept = made_or_kept(store, groups, lambda group: key("sentence words", group[0].article.digest),
                        lambda group: json.dumps([sorted(_sentence_words(event, marks[event.article.path]))
                                                  for event in group], ensure_ascii=False))
    return {id(event): frozenset(words) for group, text in zip(groups, kept)
            for event, words in zip(group, json.loads(text))}


def _report_order(event: Event) -> tuple:
    """The first report of an entry leads it: the earliest published, then by file and place."""
    published = event.article.published
    return (published is None, published or event.start, event.article.slug, event.sentence[0])


def _similarity(one: frozenset[str], other: frozenset[str]) -> float:
    return 2 * len(one & other) / (len(one) + len(other))


def _merge_same_period(events: list[Event], words: dict[int, frozenset[str]]) -> list[list[Event]]:
    """Groups of reports: each joins the most similar earlier group of its period that has no report
    from its article yet, if any is similar enough. Reports with the same words (copies of one wire
    story) are compared once."""
    rules = settings()
    by_period: dict[tuple, list[Event]] = defaultdict(list)
    for event in sorted(events, key=_report_order):
        by_period[(event.start, event.end)].append(event)
    groups = []
    for reports in by_period.values():
        local: list[list[Event]] = []
        articles_of: list[set[Path]] = []
        signatures: dict[tuple[frozenset[str], int], int] = {}  # (words, group) -> its number
        signature_list: list[tuple[frozenset[str], int]] = []
        index: dict[str, list[int]] = defaultdict(list)
        for event in reports:
            mine = words[id(event)]
            scores: dict[int, float] = {}
            for number in {number for word in mine for number in index.get(word, ())}:
                theirs, group = signature_list[number]
                if event.article.path not in articles_of[group] and rules.merge.met(mine, theirs):
                    scores[group] = max(_similarity(mine, theirs), scores.get(group, 0.0))
            if scores:
                best = min(scores, key=lambda group: (-scores[group], group))
            else:
                best = len(local)
                local.append([])
                articles_of.append(set())
            local[best].append(event)
            articles_of[best].add(event.article.path)
            if (mine, best) not in signatures:
                signatures[(mine, best)] = len(signature_list)
                signature_list.append((mine, best))
                for word in mine:
                    index[word].append(signatures[(mine, best)])
        groups.extend(local)
    return groups


def _conflicts(entries: list[Event], words: dict[int, frozenset[str]], processes: int = 1) -> dict[str, list[Event]]:
    """For each entry id, the entries that look like the same event on a period that does not
    overlap its own, unless one of the two sentences names both periods. With more than one
    process, a second one looks for half of the pairs meanwhile."""
    rules = settings()
    wordings: list[dict[frozenset[str], list[Event]]] = []  # per entry: its reports by their words
    for entry in entries:
        by_words: dict[frozenset[str], list[Event]] = defaultdict(list)
        for report in (entry, *entry.also):
            by_words[words[id(report)]].append(report)
        wordings.append(by_words)
    periods_of_sentence: dict[tuple, set[tuple]] = defaultdict(set)
    for entry in entries:
        for report in (entry, *entry.also):
            periods_of_sentence[(report.article.path, report.sentence)].add((report.start, report.end))
    all_words = [frozenset().union(*by_words) for by_words in wordings]

    def names_both(report: Event, other: Event) -> bool:
        named = periods_of_sentence[(report.article.path, report.sentence)]
        return any(start <= other.end and other.start <= end for start, end in named)

    def conflicting(mine: list[Event], theirs: list[Event]) -> bool:
        return any(one.article.path != other.article.path and not names_both(one, other) and not names_both(other, one)
                   for one in mine for other in theirs)

    # Periods that do not overlap but lie near enough for one to be a misdating of the other (2014
    # and 2015, 11 and 12 January): first and last days as ordinals, and lengths in days.
    firsts = [entry.start.toordinal() for entry in entries]
    lasts = [entry.end.toordinal() for entry in entries]
    lengths = [last - first + 1 for first, last in zip(firsts, lasts)]
    # The entries using each word, kept apart by how long their periods are (those of a shelf are at
    # most 2**shelf - 1 days long) and in order of first day: the periods near enough to an entry's
    # to be compared with it are a slice of each shelf.
    shelves: dict[str, dict[int, tuple[list[int], list[int]]]] = defaultdict(dict)
    entries_using: Counter[str] = Counter()
    for number in sorted(range(len(entries)), key=firsts.__getitem__):
        shelf = lengths[number].bit_length()
        for word in all_words[number]:
            starts, shelved = shelves[word].setdefault(shelf, ([], []))
            starts.append(firsts[number])
            shelved.append(number)
            entries_using[word] += 1

    def pairs_among(numbers: range) -> list[tuple[int, int]]:
        """The conflicting pairs (number, other number) whose first entry is one of numbers."""
        pairs = []
        for number in numbers:
            pairs.extend((number, other) for other in conflicting_after(number))
        return pairs

    def conflicting_after(number: int) -> list[int]:
        first, last, near = firsts[number], lasts[number], max(rules.max_days_apart, lengths[number])
        candidates = set()
        for word in all_words[number]:
            if entries_using[word] > rules.max_entries_per_word:
                continue
            for shelf, (starts, shelved) in shelves[word].items():
                longest = (1 << shelf) - 1
                reach = max(near, longest)  # the widest gap allowed with an entry of this shelf
                candidates.update(shelved[bisect_left(starts, first - reach - longest) : bisect_right(starts, last + reach + 1)])
        mine_all, least_shared = all_words[number], rules.conflict.min_shared_words
        others = []
        # Each pair once, from its first entry: the relation is symmetric.
        for other_number in sorted(other for other in candidates if other > number):
            gap = max(firsts[other_number] - last, first - lasts[other_number]) - 1
            if gap < 0 or (gap > near and gap > lengths[other_number]):
                continue
            if len(mine_all & all_words[other_number]) < least_shared:  # no two wordings can share more
                continue
            if any(rules.conflict.met(mine, theirs) and conflicting(wordings[number][mine], wordings[other_number][theirs])
                   for mine in wordings[number] for theirs in wordings[other_number]):
                others.append(other_number)
        return others

    numbers = range(len(entries))
    if processes > 1 and len(entries) >= SPLIT_CONFLICTS_FROM:
        odd = Forked(lambda: pairs_among(numbers[1::2]))
        pairs = sorted(pairs_among(numbers[0::2]) + odd.result())
    else:
        pairs = pairs_among(numbers)
    found: dict[str, list[Event]] = defaultdict(list)
    for number, other_number in pairs:
        entry, other = entries[number], entries[other_number]
        found[entry.id].append(other)
        found[other.id].append(entry)
    recurring = {entry_id for entry_id, others in found.items() if len(others) > rules.max_other_dates}
    return {entry_id: [other for other in others if other.id not in recurring]
            for entry_id, others in found.items() if entry_id not in recurring}


def merge(events: list[Event], marks: dict[Path, list[Mark]], store: Store | None = None,
          processes: int = 1) -> list[Event]:
    """The timeline's entries, in order: each the first report of an event, carrying the other
    reports of it in `also` and the entries that date it differently in `conflicts`. marks holds
    each article's expressions, by its file; store, if given, keeps the words of the articles'
    sentences between builds; with more than one process, two look for conflicts."""
    words = _words_of_events(events, marks, store)
    groups = _merge_same_period(events, words)
    entries = []
    for reports in groups:
        lead, *others = reports
        entry = dataclasses.replace(lead, also=tuple(others))
        words[id(entry)] = words[id(lead)]
        entries.append(entry)
    conflicts = _conflicts(entries, words, processes)
    merged = [dataclasses.replace(entry, conflicts=tuple(sorted(conflicts.get(entry.id, ()), key=Event.sort_key)))
              for entry in entries]
    return sorted(merged, key=Event.sort_key)
