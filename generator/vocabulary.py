"""The tagger's vocabulary: regex macros for rule patterns, and normalisers for what they match.

Words and their values live in vocabulary.yaml; this module turns each table into a regex
alternation and each matched group into the string a value template needs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from . import holidays, timex

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: 8x faster


class Rejected(Exception):
    """A match that looks like a temporal expression but is not one ("may" the verb)."""


@lru_cache(maxsize=1)
def load() -> dict:
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=YAML_LOADER)


def alternation(words) -> str:
    """A regex matching any of the words, longest first, spaces matching any run of whitespace.

    Words are grouped by their first letter ("j(?:anuary|an)|f(?:ebruary|eb)"): the regex engine
    enters a group only where its letter is, where with IGNORECASE it would enter every word of a
    flat list at every word start (tagging took a sixth less time). Words in different groups cannot
    match at one place, so each word is tried in the same order as in a flat list."""
    groups: dict[str, list[str]] = {}
    for word in sorted({str(word) for word in words}, key=lambda w: (-len(w), w)):
        groups.setdefault(word[:1].lower(), []).append(word)
    return "|".join(_first_letter(members) + _one_of([word[1:] for word in members]) for members in groups.values())


def _first_letter(words: list[str]) -> str:
    firsts = sorted({word[:1] for word in words})
    return re.escape(firsts[0]) if len(firsts) == 1 else f"[{''.join(re.escape(first) for first in firsts)}]"


def _one_of(rests: list[str]) -> str:
    spelled = [re.escape(rest).replace(r"\ ", r"\s+") for rest in rests]
    return spelled[0] if len(spelled) == 1 else f"(?:{'|'.join(spelled)})"


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SPELLED_HOUR = f"{_ONES}|ten|eleven|twelve"
# "two hundred", "a thousand", "one hundred and fifty"
_HUNDREDS = (rf"(?:a|{_ONES}|{_TEENS})[\s-]+(?:hundred|thousand)"
             rf"(?:[\s-]+(?:and[\s-]+)?(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES})(?![\w-]))?")
BC = r"(?:B\.C\.E\.|B\.C\.|B\.C(?!\.)|BCE|BC)(?!\w)"  # "B.C" too, as typed before a bracket
# A year with its era after it or, for AD, before it; in capitals only: "an ad", "ce"
_AD_YEAR = r"\d{1,4}\s*(?-i:A\.D\.|AD|C\.E\.|CE)(?!\w)|(?-i:A\.D\.|AD)\s*\d{1,4}(?!\d)"

# What stands between the two ends of a range: "Monday - Friday", "June to August", "Monday-to-Friday"
RANGE_TO = r"\s*(?:-|–|—|to|until|till|through)\s*|-(?:to|through)-"
# What may follow a time of day: "5 p.m. EST", "8 p.m. Eastern", not "3 p.m. Central Park"
TIME_ZONE = (r"GMT|UTC|BST|CET|EST|EDT|CST|PST|PDT|ET|local\s+time"
             r"|(?-i:Eastern|Central|Mountain|Pacific)(?:\s+(?:(?-i:Standard|Daylight)\s+)?[Tt]ime|(?!\s+(?-i:[A-Z])))")

_ZONE_AT_THE_END = re.compile(rf"\s+(?:{TIME_ZONE})$", re.IGNORECASE)

# Not after a word that makes "quarter" a period: "the quarter to March", "the second quarter to 5%"
_NOT_A_PERIOD = "".join(rf"(?<!\b{word}\s)" for word in (
    "the", "this", "that", "each", "every", "first", "second", "third", "fourth", "last", "next", "fiscal", "calendar"))

# Macros that match any word of one vocabulary table, by the table's name.
TABLE_MACROS = {
    "MONTH": "months", "WEEKDAY": "weekdays", "SEASON": "seasons", "PART": "parts_of_day", "HOLIDAY": "holidays",
    "MOVING_HOLIDAY": "moving_holidays", "UNIT": "units", "CALUNIT": "calendar_units", "ORD": "ordinals",
    "SHIFT": "shifts", "POSITION": "positions", "APPROX": "approximations", "OUTSIDE_APPROX": "outside_approximations",
    "SPELLED_DAY": "spelled_days", "CAR_MAKE": "car_makes", "FIGURE_WORD": "figure_words", "NAMED_DAY": "named_days",
    "COUNTED": "counted_after_a_day", "WEEK_OF_MONTH": "weeks_of_a_month",
    "WEEK_FROM_A_DAY": "weeks_from_a_day", "PUBLISHING_VERB": "publishing_verbs", "INCIDENT": "incidents",
    "MORNING_HOURS": "morning_hours",
}


@lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    """Macro name -> regex body (without the named group around it)."""
    vocab = load()
    return {
        **{macro: alternation(vocab[table]) for macro, table in TABLE_MACROS.items()},
        "SEASON_EVENT": rf"(?:{alternation(vocab['seasonal_events'])})s?",
        "DATED_WEEKDAY": alternation([*vocab["weekdays"], *vocab["weekdays_before_a_date"]]),
        "NUM": (rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\s+1/2|½)|\d+(?:\.\d+)?|{_HUNDREDS}|(?:{_TENS})(?:[\s-](?:{_ONES}))?"
                rf"|{alternation(vocab['numbers'])}"),
        "DECADE": rf"\d{{0,2}}\d0s\s*{BC}|(?:1[0-9]|20)\d0s|[1-9]00s|['’]\d0s|\d0s|{alternation(vocab['decade_words'])}",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": rf"(?:1[0-9]|2[01])\d\d|\d{{1,4}}\s*{BC}|{_AD_YEAR}",
        "AD_YEAR": _AD_YEAR,
        "RANGE_TO": RANGE_TO,
        "MONTHS_JOIN": r"\s*[-–/]\s*|(?:-|\s+)(?:to|through)(?:-|\s+)",  # July-September, July to September
        "MM": r"0[1-9]|1[0-2]",
        "DD": r"0[1-9]|[12]\d|3[01]",
        "CLOCK": (
            # half past nine, a quarter to five, a quarter to midnight; not "the quarter to March" nor
            # "the second quarter to 5%"
            rf"(?:(?:half|(?=[aq]){_NOT_A_PERIOD}(?:a\s+)?quarter)\s+(?:past|to)\s+"
            rf"(?:(?:1[0-2]|0?[1-9]|{_SPELLED_HOUR})(?!\s*(?:%|percent|per\b|million|billion|[.,]?\d))"
            r"(?:\s+in\s+the\s+(?:morning|afternoon|evening))?|midnight|noon|midday)"
            rf"|(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?|{_SPELLED_HOUR})\s+(?:o['’]clock\s+)?in\s+the\s+(?:morning|afternoon|evening)"
            r"|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d(?::[0-5]\d)?)?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)"
            # 14:30, 14:05:30; not a time taken in a race, "2:01:09", nor a part of one
            r"|(?<![:.\d])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?!:\d)(?:\s*hrs?\b)?|(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)"
            r"|noon|midday|midnight"
            rf"|(?:1[0-2]|0?[1-9]|{_SPELLED_HOUR})\s+o['’]clock"
            # 17.32 GMT
            r"|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s+(?:GMT|UTC|BST|CET|local\s+time)\b)"
            # 1900 GMT, but not "(0735 GMT)" restating the time before it
            r"|(?<!\()(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:GMT|UTC|local\s+time)\b)"
            r"|(?<=\bat\s)(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours|hrs)\b)"  # at 0430 hours, at 0430hrs
            rf"(?:\s+(?:{TIME_ZONE}))?"
        ),
        "CENTURY": rf"1\dth|20th|21st|2[2-9](?:nd|rd|th)|\d(?:st|nd|rd|th)|{alternation(vocab['spelled_centuries'])}",
        "AGE_OWNER": rf"\b(?:{alternation(vocab['age_owners'])})",
        "SPELLED_YEAR": (
            rf"(?!ten\b)(?:{_TEENS})[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|o[\s-](?:{_ONES}))"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}|(?:{_TENS})(?:[\s-](?:{_ONES}))?))?"
        ),
    }


_MACRO = re.compile(r"\{(~?)([A-Z_]+)(?:#(\d+))?\}")


def expand(pattern: str) -> str:
    """Replace {MACRO} and {MACRO#2} in a rule pattern by named groups, and {~MACRO} by a group
    that captures nothing (for context patterns, whose groups would add to the match's)."""
    table = macros()

    def replace(match: re.Match) -> str:
        plain, name, suffix = match.group(1), match.group(2), match.group(3)
        if name not in table:
            raise KeyError(f"unknown macro {{{name}}}")
        if plain:
            return f"(?:{table[name]})"
        group = name.lower() + (f"_{suffix}" if suffix else "")
        return f"(?P<{group}>{table[name]})"

    return _MACRO.sub(replace, pattern)


def kind_of(group: str) -> str:
    """The kind of a named group: `month_2` is a month."""
    return group.rsplit("_", 1)[0] if group.rsplit("_", 1)[-1].isdigit() else group


def _spelling(text: str) -> str:
    """Text as vocabulary entries are compared: lower case, each run of whitespace one space."""
    return re.sub(r"\s+", " ", text).lower()


def _lookup(table: str, text: str):
    entries = load()[table]
    key = _spelling(text)
    for word, value in entries.items():
        if str(word).lower() == key:
            if table in load()["capitalised"] and not text[:1].isupper():
                raise Rejected(f"{text!r} is not capitalised")
            return value
    raise Rejected(f"{text!r} is not in {table}")


def _number(text: str) -> str:
    words = _spelling(text)
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return words
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", words):
        return words.replace(",", "")
    if half := re.fullmatch(r"(\d+)(?: 1/2|½)", words):
        return f"{half[1]}.5"
    if big := re.fullmatch(r"(.+?)[ -](hundred|thousand)(?:[ -](?:and[ -])?(.+))?", words):
        times = int(_number(big[1])) * (100 if big[2] == "hundred" else 1000)
        return str(times + (int(_number(big[3])) if big[3] else 0))
    compound = re.fullmatch(rf"({_TENS})[ -]({_ONES})", words)
    if compound:
        return str(load()["numbers"][compound.group(1)] + load()["numbers"][compound.group(2)])
    return str(_lookup("numbers", words))


def _spelled_year(text: str) -> str:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'nineteen o five' -> 1905
    ('twelve hundred' is a number far more often than a year, so it is not one)."""
    words = re.sub(r"[\s-]+", " ", text.lower()).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        return f"{2000 + (int(_number(' '.join(words[2:]))) if words[2:] else 0):04d}"
    century = load()["numbers"][words[0]]
    rest = words[1:]
    if rest[0] == "o":
        rest = rest[1:]
    return f"{century * 100 + int(_number(' '.join(rest))):04d}"


def _unit(text: str) -> str:
    return _unit_code(_lookup("units", text))


def _unit_code(entry: list) -> str:
    """A [letter, how many] entry of a table of units as a template's unit: [W, 2] -> W2."""
    letter, factor = entry
    return f"{letter}{factor}"


def _clock(text: str) -> str:
    words = text.lower()
    if before_or_after := re.fullmatch(r"(half|(?:a\s+)?quarter)\s+(past|to)\s+(.+)", words):
        hour = int(_clock(before_or_after.group(3))[:2])
        minutes = (30 if before_or_after.group(1) == "half" else 15) * (1 if before_or_after.group(2) == "past" else -1)
        return f"{(hour * 60 + minutes) // 60 % 24:02d}:{(hour * 60 + minutes) % 60:02d}"
    words = _ZONE_AT_THE_END.sub("", text).lower()
    words = re.sub(r"^(\d\d)(\d\d)(?:\s*(?:hours|hrs))?$", r"\1:\2", words)  # 1900 GMT, 0600 hours, 0600hrs
    words = re.sub(r"\s*hrs?$", "", words)  # 03:00hrs, 19:00 hr
    if words in ("noon", "midday"):
        return "12:00"
    if words == "midnight":
        return "24:00"
    words = re.sub(r"\s+(?:o['’]clock\s+)?in\s+the\s+morning$", " am", words)
    words = re.sub(r"\s+(?:o['’]clock\s+)?in\s+the\s+(?:afternoon|evening)$", " pm", words)
    words = re.sub(r"\s+o['’]clock$", "", words)
    words = re.sub(r"^[a-z]+", lambda hour: str(load()["numbers"].get(hour.group(0), hour.group(0))), words)
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d\d)(?::\d\d)?)?\s*([ap])?\.?m?\.?", words)
    if not match:
        raise Rejected(f"{text!r} is not a clock time")
    hour, minute, half = int(match.group(1)), match.group(2) or "00", match.group(3)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def _range_start_clock(text: str) -> str:
    """The first time of "9 and 10 p.m.", "11 to 1 a.m.": the hour before the end's, in its half of
    the day when it is earlier than the end on the clock, else in the other half."""
    found = re.fullmatch(r"(\d{1,2}(?:[:.]\d\d)?)\s*(?:and|to|until|till|-|–)\s*(\d{1,2})(?:[:.]\d\d)?\s*([ap])\.?\s*m\.?",
                         text, re.IGNORECASE)
    if not found:
        raise Rejected(f"{text!r} is not a range of clock times")
    start, end_hour, half = found.group(1), int(found.group(2)), found.group(3).lower()
    start_hour = int(re.split(r"[:.]", start)[0])
    same_half = start_hour % 12 < end_hour % 12
    return _clock(f"{start} {half if same_half else ('a' if half == 'p' else 'p')}m")


def _year(text: str) -> str:
    """'1998' -> 1998, '480 BC' -> BC0480, 'AD 79' and '79 CE' -> 0079."""
    if re.search(BC, text):
        return f"BC{_digits(text):04d}"
    return f"{_digits(text):04d}"


def _decade(text: str) -> str:
    """'the 1990s' -> 199, 'the eighties' -> 198, 'the 480s BC' -> BC048; a hundred's years are
    its century: 'the 1800s' -> 18, 'the 1200s BC' -> BC12, but 'the 2000s' is a decade, 200."""
    words = text.lower()
    if words in load()["decade_words"]:
        return "19" + load()["decade_words"][words]
    digits = re.sub(r"\D", "", words)
    century = len(digits) >= 3 and digits.endswith("00") and digits != "2000"
    if re.search(BC, text):
        return f"BC{int(digits) // 100:02d}" if century else f"BC{int(digits) // 10:03d}"
    if century:
        return f"{int(digits) // 100:02d}"
    return digits[:3] if len(digits) == 4 else "19" + digits[0]


FISCAL_CENTURY_PIVOT = 60  # "FY59" is 2059's, "FY60" 1960's


def _fiscal_year(text: str) -> str:
    """'23' -> 2023, '2023' -> 2023, '98' -> 1998: fiscal-year codes ("FY23") are of recent years."""
    number = _digits(text)
    if number >= 100:
        return f"{number:04d}"
    return f"{2000 + number if number < FISCAL_CENTURY_PIVOT else 1900 + number:04d}"


def _digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _century(text: str) -> str:
    number = _digits(text) if any(c.isdigit() for c in text) else _lookup("spelled_centuries", text)
    return f"{number - 1:02d}"


@lru_cache(maxsize=1)
def _holidays_of_one_country() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    table = load()["holidays_of_one_country"]
    by_spelling = {_spelling(holiday): (holiday, country) for holiday, country in table.items()}
    return re.compile(rf"\b(?:{alternation(table)})\b", re.IGNORECASE), by_spelling


def holiday_kept_by(text: str) -> tuple[str, str] | None:
    """(holiday, country) for a holiday named in text that countries keep on different days."""
    pattern, by_spelling = _holidays_of_one_country()
    found = pattern.search(text)
    return by_spelling[_spelling(found.group())] if found else None


def _ordinal(text: str) -> str:
    return text if text.isdigit() else _lookup("ordinals", text)


def _nth_weekday(text: str) -> str:
    """"last Saturday" -> "SAL", "second Monday" -> "MO2": a weekday of a month, as holidays.py
    writes it."""
    which, weekday = text.split(None, 1)
    nth = "L" if which.lower() in ("last", "final") else _ordinal(which)
    return f"{holidays.WEEKDAYS[int(_lookup('weekdays', weekday)) - 1]}{nth}"


NORMALISERS = {
    "month": lambda text: _lookup("months", text.rstrip(".")),
    "weekday": lambda text: _lookup("weekdays", text),
    "dated_weekday": lambda text: _lookup("weekdays_before_a_date" if text in load()["weekdays_before_a_date"] else "weekdays", text),
    "season": lambda text: _lookup("seasons", text),
    "part": lambda text: _lookup("parts_of_day", text),
    "holiday": lambda text: _lookup("holidays", text),
    "moving_holiday": lambda text: _lookup("moving_holidays", text),
    "unit": _unit,
    "calunit": lambda text: _lookup("calendar_units", text),
    "num": _number,
    "ord": _ordinal,
    "nth_weekday": _nth_weekday,
    "shift": lambda text: f"{_lookup('shifts', text):+d}",
    "shift_day": lambda text: f"{_lookup('day_shifts', text):+d}",
    "sign": lambda text: _lookup("signs", text),
    "unit_ref": lambda text: _lookup("calendar_units", text),
    "unit_adverb": lambda text: _unit_code(_lookup("unit_adverbs", text)),
    "position": lambda text: _lookup("positions", text.rstrip("-")),
    "week_of_month": lambda text: f"{_lookup('weeks_of_a_month', text):02d}",
    # the calendar quarter that holds most of the three months starting with this one
    "quarter_from": lambda text: str(int(_lookup("months", text.rstrip("."))) % 12 // 3 + 1),
    "approx": lambda text: _lookup("approximations", text),
    "outside_approx": lambda text: _lookup("outside_approximations", text),
    "decade": _decade,
    "century": _century,
    "day": lambda text: f"{_digits(text):02d}",
    "spelled_day": lambda text: f"{_lookup('spelled_days', text):02d}",
    "unknown_period": lambda text: timex.UNRESOLVED[text.lower().removesuffix("s")],  # "weeks": XXXX-WXX
    "dd": lambda text: f"{int(text):02d}",
    "mm": lambda text: f"{int(text):02d}",
    "year": _year,
    "fiscal_year": _fiscal_year,
    "ad_year": _year,
    "half": lambda text: ".5",
    "bc_year": lambda text: f"{_digits(text):04d}",
    "bc": lambda text: "BC",  # an era marker after a century
    "spelled_year": _spelled_year,
    "clock": _clock,
    "range_start_clock": _range_start_clock,
}


def normalise(group: str, text: str) -> str:
    """The normalised value of a matched group; raw text for groups without a normaliser."""
    kind = group if group in NORMALISERS else kind_of(group)
    normaliser = NORMALISERS.get(kind)
    return normaliser(text) if normaliser else text
