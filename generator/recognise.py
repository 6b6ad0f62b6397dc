"""Recognition: find temporal expressions in text and give each an underspecified value.

The rules live in rules.yaml; this module compiles them, runs them over a text and keeps the
longest non-overlapping matches. It decides nothing about dates: resolve.py does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from . import vocabulary

RULES_FILE = Path(__file__).with_name("rules.yaml")
_FLAGS = re.IGNORECASE
_CONTEXT = 40  # characters of context the before/not_before checks look at
_WORD = re.compile(r"[^\W\d_]+|\d")
_SPACE = re.compile(r"\s|$")
_WINDOW_MARGIN = 30  # characters an expression may reach beyond its trigger words (longest: "approximately twenty-five years")
TRIGGER_TABLES = ("months", "weekdays", "seasons", "parts_of_day", "holidays", "moving_holidays", "units", "calendar_units",
                  "decade_words", "unit_adverbs")
# Tables a rule may name in `needs` (by the macro that matches them) instead of listing words.
NEEDS_TABLES = {macro: vocabulary.TABLE_MACROS[macro]
                for macro in ("MONTH", "WEEKDAY", "SEASON", "HOLIDAY", "MOVING_HOLIDAY", "PART", "UNIT", "CALUNIT")}
GENRES = ("news", "narrative")
NAME = "NAME"  # the type of a rule whose words name something and date nothing
# Needs met by a pattern in the (lower-case) text: any digit; what every year written in figures
# holds, four digits or digits with an era ("1998", "480 BC", "AD 79"); a clock time's "am" or
# "pm" after its hour ("10am", "9.30 p.m."), not the letters inside "game" or "American"
NEEDS_PATTERNS = {"DIGIT": re.compile(r"\d"),
                  "YEAR_FIGURES": re.compile(r"\d{4}|\d\s*(?:b\.?c|a\.?d|c\.?e)|a\.?d\.?\s*\d"),
                  "AM_PM": re.compile(r"\d\s*[ap]\.?m")}
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")  # no expression runs from one paragraph into the next
_POSSESSIVE = re.compile(r"['’]s\b")
_TEMPLATE_FIELD = re.compile(r"\{(\w+)(?:\|([^}]*))?\}")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern
    value: str
    order: int
    time: str | None = None
    mod: str | None = None
    direction: str | None = None
    default_direction: str | None = None
    default_why: str | None = None
    ignore_tense: bool = False
    near_quarter: str | None = None
    in_the_past: str | None = None  # the value in a past-tense sentence after a date was mentioned
    before: re.Pattern | None = None
    mod_before: re.Pattern | None = None
    not_before: re.Pattern | None = None
    after: re.Pattern | None = None
    not_after: re.Pattern | None = None
    attach: bool = False
    apposed: bool = False  # a day named by an event that, after a date and a comma, is that date
    ends_on_next_date: bool = False
    known_as: str | None = None
    comparison: bool = False
    from_the_story: bool = False  # in news too, counted from the last date mentioned
    of_the_date_before: bool = False  # the year, month or week holding a finer date said before it
    reported_on: bool = False  # a quarter that figures are for: the latest of its name, whatever the tense
    numeric_order: str | None = None  # "day first", "month first", or "either" way round ("01/03/2015")
    genre: str | None = None  # the only genre of text the rule is tried in
    needs: tuple[str, ...] = ()  # one of these must be in a stretch of text for the rule to be tried there
    examples: tuple = field(default=(), compare=False)


@dataclass(frozen=True)
class Mention:
    """A recognised expression with its underspecified value (see rules.yaml for the forms)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: Rule
    time: str | None = None
    mod: str | None = None
    direction: str | None = None  # the shift ("-1", "+0", "+1") that overrides the tense, or "since"
    plan: bool = False  # its sentence tells of a plan, so a past tense may date something ahead
    # a month the future-tense verb happens in ("will reopen in December"), which no future tense
    # dates just behind, as it may a month named for what it holds ("will publish December's figures")
    when_it_happens: bool = False
    near_quarter: str | None = None
    in_the_past: str | None = None


# A word joined on by a hyphen makes a compound ("1950-era", "two-day-old"); a dash written as a
# hyphen before a word that starts a phrase does not ("on 2 October 1950-the day after"), nor one
# between two seasons ("summer-fall 1919"), nor "-to-" before a name ("June-to-August", "Monday-to-Friday").
_GLUED_ON = (r"-(?!(?:the|but|which|when|where|after|before|then|spring|summer|autumn|fall|winter)\b"
             r"|(?:to|through)-(?-i:[A-Z]))(?-i:[a-z])")


def _compile_context(pattern: str | None, anchored_end: bool) -> re.Pattern | None:
    if pattern is None:
        return None
    pattern = vocabulary.expand(pattern)
    return re.compile(pattern if anchored_end else "^(?:" + pattern + ")", _FLAGS)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        entries = yaml.load(handle, Loader=vocabulary.YAML_LOADER)["rules"]
    rules = []
    for order, entry in enumerate(entries):
        body = vocabulary.expand(entry["pattern"])
        rules.append(
            Rule(
                name=entry["name"],
                type=entry["type"],
                regex=re.compile(rf"(?<![\w'’])(?:{body})(?!\w|{_GLUED_ON})", _FLAGS),
                value=str(entry.get("value", "")),
                order=order,
                time=entry.get("time"),
                mod=entry.get("mod"),
                direction=entry.get("direction"),
                default_direction=entry.get("default_direction"),
                default_why=entry.get("default_why"),
                ignore_tense=bool(entry.get("ignore_tense", False)),
                near_quarter=entry.get("near_quarter"),
                in_the_past=entry.get("in_the_past"),
                before=_compile_context(entry.get("before"), True),
                mod_before=_compile_context(entry.get("mod_before"), True),
                not_before=_compile_context(entry.get("not_before"), True),
                after=_compile_context(entry.get("after"), False),
                not_after=_compile_context(entry.get("not_after"), False),
                needs=tuple(need if need in NEEDS_TABLES or need in NEEDS_PATTERNS else need.lower()
                            for need in entry.get("needs", ())),
                attach=bool(entry.get("attach", False)),
                apposed=bool(entry.get("apposed", False)),
                ends_on_next_date=bool(entry.get("ends_on_next_date", False)),
                known_as=entry.get("known_as"),
                comparison=bool(entry.get("comparison", False)),
                from_the_story=bool(entry.get("from_the_story", False)),
                of_the_date_before=bool(entry.get("of_the_date_before", False)),
                reported_on=bool(entry.get("reported_on", False)),
                numeric_order=entry.get("numeric_order"),
                genre=entry.get("genre"),
                examples=tuple(entry.get("examples", ())),
            )
        )
    unknown_genres = sorted({rule.genre for rule in rules} - {None, *GENRES})
    if unknown_genres:
        raise ValueError(f"{RULES_FILE.name}: genres {unknown_genres} are not {' or '.join(GENRES)}")
    names = [rule.name for rule in rules]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"{RULES_FILE.name}: duplicate rule names {sorted(duplicates)}")
    return tuple(rules)


def _render(template: str | None, groups: dict[str, str]) -> str | None:
    if template is None:
        return None
    rendered = _TEMPLATE_FIELD.sub(lambda m: groups.get(m.group(1), m.group(2) or ""), template)
    return rendered or None


def _context_allows(rule: Rule, text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    if rule.before and not rule.before.search(before):
        return False
    if rule.not_before and rule.not_before.search(before):
        return False
    if rule.after and not rule.after.match(after):
        return False
    if rule.not_after and rule.not_after.match(after):
        return False
    return True


def _mention(rule: Rule, match: re.Match, text: str) -> Mention | None:
    start, end = match.span()
    if PARAGRAPH_BREAK.search(text, start, end) or not _context_allows(rule, text, start, end):
        return None
    matched_groups = {name: text for name, text in match.groupdict().items() if text is not None}
    before = text[max(0, start - _CONTEXT) : start]
    for context in (rule.before, rule.mod_before):
        found = context.search(before) if context else None
        if found:
            matched_groups.update({name: text for name, text in found.groupdict().items() if text is not None})
    try:
        groups = {name: vocabulary.normalise(name, matched) for name, matched in matched_groups.items()}
    except vocabulary.Rejected:
        return None
    return Mention(
        start=start,
        end=end,
        text=match.group(0),
        type=rule.type,
        value=_render(rule.value, groups),
        rule=rule,
        time=_render(rule.time, groups),
        mod=_render(rule.mod, groups),
        direction=_render(rule.direction, groups),
        near_quarter=_render(rule.near_quarter, groups),
        in_the_past=_render(rule.in_the_past, groups),
    )


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Words of which every temporal expression holds at least one (digits aside)."""
    vocab = vocabulary.load()
    words = {word.lower() for word in vocab["triggers"]}
    for table in TRIGGER_TABLES:
        for key in vocab[table]:
            words.update(_WORD.findall(str(key).lower()))
    return frozenset(words | {word + "s" for word in words})


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around trigger words and digits; every expression lies inside one."""
    triggers = _triggers()
    spans: list[list[int]] = []
    for word in _WORD.finditer(text):
        if not (word.group(0)[0].isdigit() or word.group(0).lower() in triggers):
            continue
        start, end = max(0, word.start() - _WINDOW_MARGIN), word.end() + _WINDOW_MARGIN
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    result = []
    for start, end in spans:
        space = _SPACE.search(text, min(end, len(text)))
        result.append((start, space.start() if space else len(text)))
    return result


@lru_cache(maxsize=1)
def _table_words() -> dict[str, frozenset[str]]:
    """For each vocabulary table a rule may name in `needs`, the words its entries start with."""
    vocab = vocabulary.load()
    tables = {}
    for macro, table in NEEDS_TABLES.items():
        words = {_WORD.findall(str(key).lower())[0] for key in vocab[table]}
        tables[macro] = frozenset(words | {word + "s" for word in words})
    return tables


@lru_cache(maxsize=1)
def _rules_needing() -> tuple[frozenset[int], dict[str, frozenset[int]]]:
    """The rules (by their order) that need nothing, and for each word or vocabulary table a rule
    needs, the rules that need it."""
    rules = load_rules()
    needing: dict[str, set[int]] = {}
    for rule in rules:
        for need in rule.needs:
            needing.setdefault(need, set()).add(rule.order)
    return (frozenset(rule.order for rule in rules if not rule.needs),
            {need: frozenset(orders) for need, orders in needing.items()})


def _stretches_of_rules(lowered: list[str]) -> list[list[int]]:
    """For each rule, the stretches (lower case, by their number) holding one of the words, a
    word of one of the vocabulary tables or a match of one of the NEEDS_PATTERNS that it needs, if
    it needs any."""
    table_words = _table_words()
    need_nothing, needing = _rules_needing()
    words = [need for need in needing if need not in NEEDS_TABLES and need not in NEEDS_PATTERNS]
    patterns = {need: pattern for need, pattern in NEEDS_PATTERNS.items() if need in needing}
    tried: list[list[int]] = [[] for _ in load_rules()]
    for number, stretch in enumerate(lowered):
        tokens = set(_WORD.findall(stretch))
        orders = set(need_nothing)
        for need, pattern in patterns.items():
            if pattern.search(stretch):
                orders |= needing[need]
        for macro, table in table_words.items():
            if macro in needing and not tokens.isdisjoint(table):
                orders |= needing[macro]
        for word in words:
            if word in stretch:
                orders |= needing[word]
        for order in orders:
            tried[order].append(number)
    return tried


def candidates(text: str, stretches: list[tuple[int, int]] | None = None, genre: str = "news") -> list[Mention]:
    """Every match of every rule for the genre inside the stretches (default: the windows),
    overlapping or not."""
    found = []
    stretches = windows(text) if stretches is None else stretches
    tried = _stretches_of_rules([text[start:end].lower() for start, end in stretches])
    for rule, numbers in zip(load_rules(), tried):
        if rule.genre is not None and rule.genre != genre:
            continue
        for number in numbers:
            start, end = stretches[number]
            for match in rule.regex.finditer(text, start, end):
                mention = _mention(rule, match, text)
                if mention is not None:
                    found.append(mention)
    return found


@lru_cache(maxsize=1)
def _modifier_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(words before a date that make it approximate or a limit, the same before a clock time,
    words after an expression that open or blur its end, prefix glued to a date), each
    alternation in a named group per mod."""
    vocab = vocabulary.load()

    def qualifiers(table: str) -> re.Pattern:
        words = "|".join(rf"(?P<{mod}>{vocabulary.alternation(words)})" for mod, words in vocab[table].items())
        return re.compile(rf"(?<![\w.])(?:{words})\s+$", _FLAGS)

    after = "|".join(rf"(?P<{mod}>{vocabulary.alternation(words)})" for mod, words in vocab["open_ends"].items())
    glued = "|".join(rf"(?P<{mod}>{re.escape(prefix)})" for prefix, mod in vocab["date_prefixes"].items())
    return (qualifiers("date_qualifiers"), qualifiers("clock_qualifiers"), re.compile(rf"\s+(?:{after})\b", _FLAGS),
            re.compile(rf"(?<![\w-])(?:{glued})$", _FLAGS))


_SAID_AS_A_CLOCK_TIME = re.compile(r"\d|noon\b|midnight\b", re.IGNORECASE)  # how a clock time's words begin


def _mod_of(found: re.Match) -> str:
    """The mod of a match of one of the _modifier_patterns: the name of its group that matched."""
    return next(name for name, words in found.groupdict().items() if words)


def _modified(mention: Mention, text: str) -> Mention:
    """An expression with the words around it that qualify it, and their mod: "the next year or
    so" and "1994 or later" after it, "around Nov. 1", "ca. 466 BC", "no later than Friday" and
    "post-1959" before a date; not one that names a thing ("to get around Wednesday's ruling")."""
    if mention.mod is not None or _POSSESSIVE.match(text, mention.end):
        return mention
    qualifier, clock_qualifier, open_end, glued = _modifier_patterns()
    if found := open_end.match(text, mention.end):
        mod = _mod_of(found)
        if mod == "APPROX" or mention.type == "DATE":
            return replace(mention, end=found.end(), text=text[mention.start : found.end()], mod=mod)
    if mention.type not in ("DATE", "TIME"):
        return mention
    if found := glued.search(text, max(0, mention.start - _CONTEXT), mention.start):
        mod = _mod_of(found)
        return replace(mention, start=found.start(), text=text[found.start() : mention.end], mod=mod)
    found = qualifier.search(text, max(0, mention.start - _CONTEXT), mention.start)
    if found is None and mention.type == "TIME" and _SAID_AS_A_CLOCK_TIME.match(mention.text):
        found = clock_qualifier.search(text, max(0, mention.start - _CONTEXT), mention.start)
    if found:
        return replace(mention, start=found.start(), text=text[found.start() : mention.end], mod=_mod_of(found))
    return mention


def recognise(text: str, genre: str = "news") -> list[Mention]:
    """The longest non-overlapping mentions in text order (ties go to the earlier rule), each
    with the words around it that qualify it; a name that dates nothing (a NAME rule's match)
    keeps its words from the others and is not itself a mention."""
    taken = bytearray(len(text))
    kept = []
    for mention in sorted(candidates(text, genre=genre), key=lambda m: (m.start - m.end, m.rule.order, m.start)):
        if any(taken[mention.start : mention.end]):
            continue
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        if mention.type != NAME:
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    found: list[Mention] = []
    for index, mention in enumerate(kept):
        modified = _modified(mention, text)
        after = kept[index + 1].start if index + 1 < len(kept) else len(text)
        if modified.start < (found[-1].end if found else 0) or modified.end > after:
            modified = mention  # "December or later 2000": the words qualify the expression they belong to
        found.append(modified)
    return found
