"""Resolution: turn a mention's underspecified value into a TIMEX3 value, and say why.

A mention is resolved against an anchor: the publication date, or the last date the text
mentioned ("the next day"; everything in narrative text). The tense of the sentence, or the
rule itself ("last Friday"), decides whether a weekday, month or season lies before or after it.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import holidays, timex, vocabulary
from .recognise import Mention

CALENDAR_UNITS = ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")
DURATION_LETTERS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
SUB_DAY_LETTERS = ("H", "MIN", "S")
# So many hours, minutes or seconds after or before a date with no clock time most likely fall on
# that date: "The bus crashed on Sunday. Two hours later, ..." is Sunday.
WITHIN_ITS_DAY = {"H": 12, "MIN": 12 * 60, "S": 12 * 3600}
_SUB_DAY_WORDS = {"H": "hour", "MIN": "minute", "S": "second"}
PUBLICATION_DATE = "the publication date"  # the role of the anchor that is the publication date
PAST_TENSE_AHEAD_DAYS = 90
FUTURE_TENSE_BEHIND_DAYS = 14
# With no tense to go by, a month or day named in news is the one before the publication date
# unless the one after is this many times nearer: news mostly reports what has happened, and a
# tense goes unseen mostly in long sentences about the past.
NO_TENSE_AHEAD_FACTOR = 4
# A quarter named in a future-tense sentence is the next one of its name when the latest one is
# this many quarters back ("growth will pick up in the second quarter", said in November or in
# January), and the latest one otherwise ("will report third-quarter results").
QUARTERS_BEHIND_FOR_THE_NEXT = 2
NARRATIVE_WRAP_MONTHS = 6  # a month this far behind the story's month lies in the next year
MONTH_KEPT_DAYS = 2  # "two days later" after June 1950 leaves June at most once in 15
# How many of a unit "days later", "a few weeks earlier" or "months later" most likely means
SOME_UNITS = {"day": (2, 9), "week": (2, 5), "month": (2, 11)}
A_DAY_OR_A_TIME = ("day", "time")  # the granularities of an anchor on one day: a time of day is on its day
FINER_FIRST = ("time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
# Dates before Christ are reckoned as years of the calendar shifted by this much (BC 1 is year
# ERA_SHIFT, AD 1 the year after), so that "the following year" after 491 BC is 490 BC. The
# shifted year of 499 BC begins a decade and a century, so "the following decade" after 490 BC
# is the 480s BC and "the previous century" the 500s BC.
ERA_SHIFT = 8998


@dataclass(frozen=True)
class Anchor:
    """A resolved date that other expressions can be resolved against."""

    value: str
    day: date  # for a date before Christ, a day of the shifted calendar (see ERA_SHIFT)
    granularity: str
    role: str  # PUBLICATION_DATE or "the last date mentioned"
    before_christ: bool = False

    @classmethod
    def from_value(cls, value: str, role: str) -> Anchor | None:
        shifted = _shifted(value) if value.startswith("BC") else value
        span = timex.interval(shifted) if shifted else None
        if span is None:
            return None
        return cls(timex.split_time(value)[0], span[0], timex.precision(shifted), role, value.startswith("BC"))

    def __str__(self) -> str:
        return f"{self.role}, {timex.describe(self.value)}"

    @property
    def span(self) -> tuple[date, date]:
        """First and last day (of the shifted calendar before Christ)."""
        return timex.interval(_shifted(self.value) if self.before_christ else self.value)

    @property
    def years(self) -> tuple[int, int]:
        """Its first and last year as astronomers count them (1 BC is 0), which order the years of
        both eras."""
        shift = ERA_SHIFT if self.before_christ else 0
        first, last = self.span
        return first.year - shift, last.year - shift

    def years_apart(self, other: Anchor) -> int:
        """How many years lie between the two, in whichever era each lies: none when they overlap."""
        (first, last), (other_first, other_last) = self.years, other.years
        return max(0, other_first - last, first - other_last)

    def is_before(self, other: Anchor) -> bool:
        """Whether it starts before other, in whichever era each lies."""
        return (not self.before_christ, self.day) < (not other.before_christ, other.day)

    def is_after_day(self, day: date) -> bool:
        """Whether it starts after a day of the common era (the publication date)."""
        return not self.before_christ and self.day > day

    def holds(self, other: Anchor) -> bool:
        """Whether other is a shorter date inside this one: 7 December 1941 inside 1941."""
        (first, last), (other_first, other_last) = self.span, other.span
        return first <= other_first and other_last <= last and (other_last - other_first) < (last - first)


def _shifted(value: str) -> str | None:
    """BC0480-08, BC048 (the 480s BC) or BC04 (the 400s BC) as a value of the shifted calendar."""
    if m := re.fullmatch(r"BC(\d{4})(.*)", value):
        return f"{ERA_SHIFT + 1 - int(m[1]):04d}{m[2]}"
    if m := re.fullmatch(r"BC(\d{2,3})", value):
        digits = len(m[1])
        return f"{(ERA_SHIFT + 1) // 10 ** (4 - digits) - int(m[1]):0{digits}d}"
    return None


def _unshifted(value: str) -> str | None:
    """A value of the shifted calendar as the TIMEX3 value of its era; None when it has no year."""
    if m := re.fullmatch(r"(\d{4})(.*)", value):
        year = int(m[1]) - ERA_SHIFT
        return f"{year:04d}{m[2]}" if year >= 1 else f"BC{1 - year:04d}{m[2]}"
    if m := re.fullmatch(r"\d{2,3}", value):  # a decade or century
        digits, last_before_christ = len(value), (ERA_SHIFT + 1) // 10 ** (4 - len(value))
        if int(value) <= last_before_christ:
            return f"BC{last_before_christ - int(value):0{digits}d}"
        return f"{int(value) - last_before_christ - 1:0{digits}d}"
    return None


@dataclass(frozen=True)
class Anchors:
    """What relative expressions can be resolved against, at one point of a text.

    News anchors to the publication date; narrative text to the last date mentioned, except
    that a month or day without a year takes the year of the last date written in full, so
    one misread relative date does not carry on down the story, unless the story has since gone
    on to a later month of that year or to a later year (MONTH)."""

    dct: Anchor | None
    ref: Anchor | None = None  # the last date mentioned
    quarter: Anchor | None = None  # the last quarter mentioned
    written: Anchor | None = None  # the last date written in full

    def get(self, kind: str, genre: str) -> Anchor | None:
        if kind == "QTR":
            return self.quarter or self._quarter_before_dct()
        if kind == "MENTIONED":
            return self.ref
        if kind in ("WRITTEN", "MONTH") and genre == "narrative":
            if kind == "MONTH" and self._moved_on():
                return self.ref
            return self.written or self.ref or self.dct
        if kind == "REF" or genre == "narrative":
            return self.ref or self.dct
        return self.dct

    def _moved_on(self) -> bool:
        """Whether the story has gone on from the last date written in full to a later month or day
        of the same year ("6 June 1944 ... In December"), from which "late January" is the next, or
        to a later year ("6 April 1814 ... The next year"), in which "18 June" is."""
        written, ref = self.written, self.ref
        if written is None or ref is None or ref.before_christ or written.before_christ:
            return False
        if ref.granularity == "year":  # "6 April 1814 ... The next year ... on 18 June"
            return ref.day.year > written.day.year
        return (ref.granularity in ("time", "day", "month") and ref.day > written.day
                and ref.day.year == written.day.year)

    def _quarter_before_dct(self) -> Anchor | None:
        if self.dct is None:
            return None
        try:
            previous = self.dct.day - relativedelta(months=3)
        except (ValueError, OverflowError):  # before year 1
            return None
        value = timex.format_period("quarter", previous)
        return Anchor(value, timex.interval(value)[0], "quarter", "the last quarter before the publication date")


@dataclass(frozen=True)
class Resolution:
    value: str
    reason: str
    anchor: Anchor | None = None


def _direction(mention: Mention, tense: str | None, genre: str) -> tuple[str | None, bool, str, bool]:
    """(direction, strict, why, told): past, future or current (of the anchor's year or season)
    from the rule's own word ("last", "this"), else the tense, else the rule's default for its kind
    of expression. told is whether the tense alone decided it (and, for a past tense, whether its
    sentence tells of a plan): only then may the date lie a little on the other side, as a plan
    reported in the past tense does."""
    if mention.direction == "-1":
        return "past", True, f'"{mention.text}" points back', False
    if mention.direction == "+1":
        return "future", True, f'"{mention.text}" points ahead', False
    if mention.direction == "+0":
        return "current", False, f'"{mention.text}" means the current one', False
    if mention.direction == "since":
        return "past", False, '"since" points back', False
    if genre == "narrative":
        return None, False, "narrative text: the year of the story at that point", False
    if mention.rule.ignore_tense:
        return mention.rule.default_direction, False, mention.rule.default_why, False
    if tense is not None:
        return tense, False, f"{tense} tense", (tense != "past" and not mention.when_it_happens) or mention.plan
    if mention.rule.default_direction:
        return mention.rule.default_direction, False, f"no tense marks the sentence; {mention.rule.default_why}", False
    return None, False, "no tense marks the sentence", False


def _choose_year(key, anchor_key, year: int, direction: str | None, strict: bool) -> int:
    """The year, next to the anchor's, in which key(year) lies on the right side of anchor_key."""
    if direction == "past":
        for candidate in (year, year - 1):
            if key(candidate) < anchor_key or (not strict and key(candidate) == anchor_key):
                return candidate
        return year - 2
    if direction == "future":
        for candidate in (year, year + 1):
            if key(candidate) > anchor_key or (not strict and key(candidate) == anchor_key):
                return candidate
        return year + 2
    return year


def _nearest_year(value: str, day: date, direction: str | None, plans: bool) -> int:
    """The year that puts XXXX-MM(-DD) nearest the anchor day, on the side the tense says; with
    plans, past tense allows a date shortly ahead, as reported plans do ("had been set to expire
    Nov. 6"), and future tense one just behind ("will look into the Aug. 7 bombings"). With no
    tense, one ahead counts as NO_TENSE_AHEAD_FACTOR times as far as it is."""
    best = None
    for year in (day.year, day.year - 1, day.year + 1):
        span = timex.interval(f"{year:04d}{value[4:]}")
        if span is None:
            continue
        first, last = span
        distance = max((first - day).days, (day - last).days, 0)
        if direction == "future" and last < day and (distance > FUTURE_TENSE_BEHIND_DAYS or not plans):
            continue
        if direction == "past" and first > day and (distance > PAST_TENSE_AHEAD_DAYS or not plans):
            distance += 366
        if direction is None and first > day:
            distance *= NO_TENSE_AHEAD_FACTOR
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else day.year


def _leap_day(day: date, direction: str | None) -> str | None:
    """29 February: the last one on or before day, the next one on or after it, or the nearest."""
    leap_days = [date(year, 2, 29) for year in range(max(day.year - 8, 1), min(day.year + 9, 10000))
                 if calendar.isleap(year)]
    before, after = [d for d in leap_days if d <= day], [d for d in leap_days if d >= day]
    if direction == "past" and before:
        return max(before).isoformat()
    if direction == "future" and after:
        return min(after).isoformat()
    return min(leap_days, key=lambda d: (abs((d - day).days), d)).isoformat() if leap_days else None


def _current_season(day: date) -> tuple[int, int]:
    """(year, start month) of the season day falls in; January belongs to last year's winter."""
    if day.month < 3:
        return day.year - 1, 12
    return day.year, (day.month // 3) * 3


def _season_beside(season: str, anchor: Anchor, direction: str) -> str | None:
    """The season that follows (or precedes) a longer period, such as a year: the first one that
    starts after the period starts and ends after it ends ("In 1348 ... the following summer" is
    1349's, "the following winter" the one starting in December 1348)."""
    first, last = anchor.span
    spans = {}
    for year in range(max(first.year - 2, 1), min(last.year + 3, 10000)):
        if span := timex.interval(f"{year:04d}-{season}"):
            spans[f"{year:04d}-{season}"] = span
    if direction == "future":
        return next((value for value, (start, end) in spans.items() if start > first and end > last), None)
    return next((value for value, (start, end) in reversed(spans.items()) if start < first and end < last), None)


def _template_name(value: str) -> str:
    """What an underspecified date names, in words: 'Wednesday', '1 December', 'spring'."""
    return timex.describe_unresolved(value).removeprefix("a ").removeprefix("the ").removesuffix(" (year unknown)")


def _against_the_tense(direction: str | None, relation: str) -> str:
    """What the reason adds for a date on the other side of the anchor from its tense's."""
    if direction == "past" and relation == "after":
        return f", but no more than {PAST_TENSE_AHEAD_DAYS} days ahead: read as a plan reported in the past tense"
    if direction == "future" and relation == "before":
        return f", but no more than {FUTURE_TENSE_BEHIND_DAYS} days back: read as an earlier date the future refers to"
    return ""


def _relation(resolved: str, anchor: Anchor) -> str:
    first, last = timex.interval(resolved)
    if last < anchor.day:
        return "before"
    if first > anchor.day:
        return "after"
    return "that is" if first == last else "that includes"


def _resolve_cyclic(value: str, anchor: Anchor, direction: str | None, strict: bool, nearest: bool,
                    plans: bool = True) -> str | None:
    """Give a year to XXXX-MM-DD, XXXX-MM, XXXX-SU, XXXX-Q3, XXXX-H1; a date to XXXX-WXX-3.
    nearest (news): the year nearest the anchor on the side of the direction, where plans allows
    a little of the other side (see _nearest_year)."""
    day = anchor.day
    if value == "XXXX-WXX-WE":
        saturday = _resolve_cyclic("XXXX-WXX-6", anchor, direction, strict, nearest)
        return saturday and timex.format_period("weekend", date.fromisoformat(saturday))
    if m := A_WEEKDAY.fullmatch(value):
        if anchor.granularity not in A_DAY_OR_A_TIME:
            return None
        weekday = int(m[1])
        if direction == "current":  # "this Tuesday": the nearest, so on a Sunday the one ahead
            back = (day.isoweekday() - weekday) % 7
            return (day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)).isoformat()
        if direction == "future":
            ahead = (weekday - day.isoweekday()) % 7
            if strict:
                ahead = 7 - day.isoweekday() + weekday
            return (day + timedelta(days=ahead)).isoformat()
        back = (day.isoweekday() - weekday) % 7
        if strict and back == 0 and direction == "past":
            back = 7
        return (day - timedelta(days=back)).isoformat()
    if value == "XXXX-02-29":
        return _leap_day(day, direction)
    if A_MONTH_OR_DAY.fullmatch(value):
        if direction == "current":  # this September: the one of the anchor's year
            year = day.year
        elif strict or not nearest:
            month = int(value[5:7])
            key = (lambda y: (y, month, int(value[8:]))) if len(value) > 7 else (lambda y: (y, month))
            # "the following May" comes after the whole of the period it follows: spring 1429's is 1430's
            after = anchor.span[1] if strict and direction == "future" else day
            after_key = (after.year, after.month, after.day)[: 3 if len(value) > 7 else 2]
            year = _choose_year(key, after_key, day.year, direction, strict)
            if (not nearest and anchor.granularity in ("time", "day", "month")
                    and day.month - int(value[5:7]) > NARRATIVE_WRAP_MONTHS):
                year += 1
        else:
            year = _nearest_year(value, day, direction, plans)
        resolved = f"{year:04d}{value[4:]}"
        return resolved if timex.interval(resolved) else None
    # '99, Sept. '23, 12 Mar 24, 4Q24, summer '69: the last year ending so, or the next in the future tense
    if m := timex.KNOWN_BY_TWO_DIGITS.fullmatch(value):
        candidates = [(day.year // 100 + shift) * 100 + int(m["yy"]) for shift in (-1, 0, 1)]
        if direction == "future":
            return f"{min(year for year in candidates if year >= day.year):04d}{m['within'] or ''}"
        return f"{max(year for year in candidates if year <= day.year):04d}{m['within'] or ''}"
    if m := re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value):
        season, start = m[1], timex.SEASON_START[m[1]]
        if strict and anchor.granularity not in ("day", "week", "weekend", "month", "season"):
            return _season_beside(season, anchor, direction)
        within_a_season = anchor.granularity in ("time", "day", "week", "weekend", "month", "season")
        current = _current_season(day) if within_a_season else (day.year, 0)
        if direction in (None, "current") and current[1] == start:
            return f"{current[0]:04d}-{season}"
        if direction == "past" and plans and not strict:  # "warned of blackouts through the winter"
            ahead = _choose_year(lambda y: (y, start), current, day.year, "future", True)
            span = timex.interval(f"{ahead:04d}-{season}")  # None after the year 9999
            if span and 0 < (span[0] - day).days <= PAST_TENSE_AHEAD_DAYS:
                return f"{ahead:04d}-{season}"
        year = _choose_year(lambda y: (y, start), current, day.year, direction, strict)
        return f"{year:04d}-{season}"
    if m := re.fullmatch(r"XXXX-([QH])([1-4])", value):
        kind, number = m[1], int(m[2])
        size = 3 if kind == "Q" else 6
        current = (day.year, (day.month - 1) // size + 1)
        year = _choose_year(lambda y: (y, number), current, day.year, direction, strict)
        return f"{year:04d}-{kind}{number}"
    return None


def _part_start(span: tuple[date, date], mod: str | None) -> date:
    """The first day of the part of a period a mod names: its last third for END, its middle third
    for MID, else the period's first day."""
    first, last = span
    third = (last - first) / 3
    return first + 2 * third if mod == "END" else first + third if mod == "MID" else first


def _unit_granularity(unit: str) -> tuple[str, int] | None:
    """(granularity, how many of it) of a template's unit: Y10 is ten years, "week" one week."""
    if m := re.fullmatch(r"(Y|M|W|D)(\d+)", unit):
        return DURATION_LETTERS[m[1]], int(m[2])
    if unit in CALENDAR_UNITS:
        return unit, 1
    return None


def _shift(anchor: Anchor, unit: str, amount: float) -> tuple[str, date] | None:
    """(granularity, day) of the anchor moved by amount units; None if the anchor is too coarse."""
    if (found := _unit_granularity(unit)) is None:
        return None
    granularity, factor = found
    if unit in ("Y10", "Y100") and amount == int(amount) and anchor.granularity == _UNIT_WORDS[unit]:
        return anchor.granularity, anchor.day + relativedelta(years=int(amount) * factor)  # the 1990s + a decade
    amount *= factor
    if FINER_FIRST.index(anchor.granularity) > FINER_FIRST.index(granularity if granularity != "weekend" else "week"):
        return None
    unit_name, multiple = _STEPS[granularity]
    return granularity, anchor.day + _delta(unit_name, multiple * amount)


def _delta(unit_name: str, steps: float) -> relativedelta:
    """steps of a unit, a fraction of one counted in the next finer unit: two and a half years are
    30 months."""
    whole = int(steps)
    delta = relativedelta(**{unit_name: whole})
    if steps != whole and unit_name in _FINER_STEPS:
        finer, per = _FINER_STEPS[unit_name]
        delta += relativedelta(**{finer: round((steps - whole) * per)})
    return delta


_STEPS = {
    "day": ("days", 1), "week": ("weeks", 1), "weekend": ("weeks", 1), "month": ("months", 1),
    "quarter": ("months", 3), "year": ("years", 1), "decade": ("years", 10), "century": ("years", 100),
}
A_MONTH_OR_DAY = re.compile(r"XXXX-\d\d(?:-\d\d)?")  # "January", "15 January": no year written
_A_QUARTER = re.compile(r"XXXX-Q([1-4])")  # "the third quarter": no year written
A_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")  # "Wednesday": no week written
_FINER_STEPS = {"years": ("months", 12), "months": ("days", 30), "weeks": ("days", 7)}
# What "the fifth day of the rebellion" and "in the weeks before the shooting" name, unresolved.
_COUNTED_FROM_AN_EVENT = frozenset(timex.UNRESOLVED[unit] for unit in ("day", "week", "month"))
_UNIT_WORDS = {"Q1": "quarter", "D1": "day", "W1": "week", "W2": "fortnight", "M1": "month", "Y1": "year", "Y10": "decade",
               "Y100": "century"}


def _resolve_relative(value: str, anchor: Anchor | None) -> tuple[str | None, str]:
    """REL:<anchor>:<unit>:<offset> against an anchor: (value or None, what it means)."""
    _, kind, unit, offset = value.split(":")
    if unit == "same":  # "at that time": the date itself
        if anchor is None:
            return None, "the time of"
        return (_shifted(anchor.value) if anchor.before_christ else anchor.value), f"the time of {anchor}"
    unit_word = _UNIT_WORDS.get(unit, unit)
    sign = -1 if offset.startswith("-") else 1
    amount_text = offset.lstrip("+-")
    letter = unit.rstrip("0123456789")
    before_or_after = "before" if sign < 0 else "after"
    # Not from the publication date: "the neighbourhood I left two minutes ago", quoted, was left
    # when it was said.
    if anchor is not None and anchor.role != PUBLICATION_DATE and letter in SUB_DAY_LETTERS and (
            amount_text == "X" or float(amount_text) <= WITHIN_ITS_DAY[letter]):
        count = "some" if amount_text == "X" else f"{float(amount_text):g}"
        unit_words = _SUB_DAY_WORDS[letter] + ("" if count == "1" else "s")
        return anchor.value, f"{count} {unit_words} {before_or_after} {anchor}: the same date"
    if amount_text == "X" and anchor is not None and letter not in SUB_DAY_LETTERS:
        # "Days later", "a few days ago": a date, though not one to name exactly
        if (known := _some_units_from(anchor, unit, sign)) is not None:
            return known, (f"some {unit_word}s {before_or_after} {anchor}, which gives no exact {unit_word}: "
                           f"taken as {timex.describe(known)}")
        if kind != "DCT":  # "Years later" is no more "the future" than it is dated; "years ago" is the past
            return None, f"some {unit_word}s {before_or_after} {anchor}, which leaves even the year open"
    if amount_text == "X" or letter in SUB_DAY_LETTERS:
        if anchor is None and kind != "DCT":  # "He died minutes later": after what, the article does not say
            return None, f"an unspecified time {before_or_after}"
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), f"an unspecified time {before_or_after} {anchor or 'now'}"
    amount = float(amount_text) * sign
    if amount == 0:
        meaning = f"the {unit_word} of"
    else:
        count = abs(amount)
        count_text = "one" if count == 1 else f"{count:g}"
        meaning = f"{count_text} {unit_word}{'' if count == 1 else 's'} {'before' if amount < 0 else 'after'}"
    if anchor is None:
        return None, meaning
    try:
        shifted = _shift(anchor, unit, amount)
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None, f"{meaning} {anchor}, which falls outside the years 1 to 9999"
    if shifted is None:
        known = _known_part(anchor, unit, amount) if kind in ("REF", "MENTIONED") else None
        if known is None:
            return None, f"{meaning} {anchor}, which is not precise enough"
        return known, f"{meaning} {anchor}, which gives no exact {unit_word}: taken as {timex.describe(known)}"
    granularity, day = shifted
    return timex.format_period(granularity, day), f"{meaning} {anchor}"


def _known_part(anchor: Anchor, unit: str, amount: float) -> str | None:
    """What can be said of a day or week counted from the last date mentioned when that date is
    coarser: "that day" and "the next day" after June 1950 are 1950-06-XX; "four days later" after
    June 1915 is 1915-XX-XX (a longer count crosses into the next month too often to keep it);
    "two days later" after a week is in the month or year that all its possible days share; None
    when not even the year is known. A count that leaves the year ("14 months later" after 2022)
    is in the year all its possible days share, if they share one."""
    granularity, factor = _unit_granularity(unit) or (None, 1)
    if anchor.granularity in ("week", "weekend") and granularity == "day":
        first, last = (day + timedelta(days=int(amount)) for day in anchor.span)
        if first.year != last.year:
            return None
        month = f"{first.month:02d}" if first.month == last.month else "XX"
        return f"{first.year:04d}-{month}-XX"
    in_month = anchor.granularity == "month" and abs(amount) <= MONTH_KEPT_DAYS
    month = f"{anchor.day.month:02d}" if in_month else "XX"
    if anchor.granularity not in ("month", "season", "quarter", "half", "year") or granularity not in _STEPS:
        return None
    unit_name, multiple = _STEPS[granularity]
    try:
        years = {(day + _delta(unit_name, multiple * factor * amount)).year for day in anchor.span}
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None
    if anchor.day.year not in years and len(years) > 1:
        return None
    year = f"{anchor.day.year if anchor.day.year in years else years.pop():04d}"
    if granularity == "day":
        return f"{year}-{month}-XX"
    if granularity in ("week", "weekend"):
        return f"{year}-WXX"
    if granularity == "month" and anchor.granularity != "month":
        return f"{year}-XX"
    return None


def _some_units_from(anchor: Anchor, unit: str, sign: int) -> str | None:
    """What can be said of "days later", "a few weeks earlier", "months later" counted from a date:
    the month or year that every day SOME_UNITS of them away shares ("Days later" after 3 May 2019
    is a day in May 2019), or None when they share no year."""
    granularity = (_unit_granularity(unit) or (None, 1))[0]
    if granularity not in SOME_UNITS or anchor.before_christ:
        return None
    fewest, most = SOME_UNITS[granularity]
    unit_name, multiple = _STEPS[granularity]
    first, last = anchor.span
    try:
        if sign > 0:
            first, last = first + _delta(unit_name, multiple * fewest), last + _delta(unit_name, multiple * most)
        else:
            first, last = first - _delta(unit_name, multiple * most), last - _delta(unit_name, multiple * fewest)
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None
    if first.year != last.year:
        return None
    if granularity == "day":
        return f"{first.year:04d}-{f'{first.month:02d}' if first.month == last.month else 'XX'}-XX"
    return f"{first.year:04d}-{'WXX' if granularity == 'week' else 'XX'}"


def _unresolved_form(value: str) -> str:
    """The TIMEX3 form with X for a relative value that could not be resolved; an underspecified
    value ("XXXX-WXX-7" of "ten years ago Sunday") is its own."""
    if not value.startswith("REL:"):
        return value if timex.is_well_formed(value) else timex.UNRESOLVED["day"]
    unit = value.split(":")[2]
    letter = re.fullmatch(r"([YMWD])\d+", unit)
    return timex.UNRESOLVED.get(DURATION_LETTERS[letter[1]] if letter else unit, "XXXX-XX-XX")


def duration_value(template: str) -> str:
    """DUR:<count>:<unit token> -> a TIMEX3 duration such as P9Y, PT30M, PXW."""
    _, count, unit = template.split(":")
    count = count or "X"
    letter, factor = re.fullmatch(r"([A-Z]+?)(\d+)", unit).groups()
    if count == "X":
        letter = {("Y", "10"): "DE", ("Y", "100"): "CE"}.get((letter, factor), letter)
        amount = "X"
    else:
        number = float(count) * int(factor)
        smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7)}
        whole, fraction = divmod(number, 1)
        if fraction and letter in smaller and (fraction * smaller[letter][1]).is_integer():
            if whole == 0:  # half a year is P6M
                letter, multiple = smaller[letter]
                number *= multiple
            else:  # two and a half years is P2Y6M
                part, multiple = smaller[letter]
                return _duration([(f"{whole:.0f}", letter), (f"{fraction * multiple:.0f}", part)])
        elif number < 1 and letter in smaller:
            letter, multiple = smaller[letter]
            number *= multiple
        amount = f"{number:.6f}".rstrip("0").rstrip(".")  # never 1e+06: exponents are not TIMEX3
    return _duration([(amount, letter)])


def _duration(parts: list[tuple[str, str]]) -> str:
    """P2Y6M, PT5H30M, P1DT12H from (amount, unit letter) parts, largest unit first."""
    dates = "".join(f"{amount}{letter}" for amount, letter in parts if letter not in SUB_DAY_LETTERS)
    times = "".join(f"{amount}{'M' if letter == 'MIN' else letter}" for amount, letter in parts if letter in SUB_DAY_LETTERS)
    return f"P{dates}" + (f"T{times}" if times else "")


_MOVING_HOLIDAY_BEFORE_CHRIST = re.compile(rf"(?P<year>BC\d{{4}})-(?:{holidays.RULE.pattern})")
_MOVING_HOLIDAY = re.compile(rf"(?P<year>\d{{4}}|XXXX)-(?P<rule>{holidays.RULE.pattern}"
                             r"|XX-(?:MO|TU|WE|TH|FR|SA|SU)[1-4L])")  # XX: of the month the tense points to


def _resolve_holiday(mention: Mention, year: str, rule: str, anchors: Anchors, tense: str | None,
                     genre: str) -> Resolution:
    """Thanksgiving 1999, or the Thanksgiving on the side of the anchor that the tense says; a
    sentence about the future may mean one just passed ("braced for Black Friday", written after
    it), as it may a date. With no month ("XX-MO1", "the first Monday of the month"), the one of
    the anchor's month, or of the month before or after on the side the tense says."""
    month_unknown = rule.startswith("XX-")
    if month_unknown:
        rule = rule[2:]
    what = "" if month_unknown else holidays.describe(rule)
    if year != "XXXX" and month_unknown:  # "the first Monday of the month in 2018": which month is not said
        return Resolution(f"{year}-XX-XX", f"not resolved: a day in {timex.year_words(int(year))}, of a month the "
                                           "text does not give")
    if year != "XXXX":
        days = holidays.days_in(rule, int(year))
        if not days:
            return Resolution(f"{year}-XX-XX", f"not resolved: {what} of {year}, a year its calendar's table does "
                                                "not reach")
        second = f", the first of two that year (the other: {timex.describe(days[1].isoformat())})" if days[1:] else ""
        return Resolution(days[0].isoformat(), f"{what} of {year}{second}")
    anchor = anchors.get("WRITTEN", genre)
    if anchor is not None and month_unknown and anchor.granularity == "month" and not anchor.before_christ:
        day = holidays.day_of(f"{anchor.day.month:02d}{rule}", anchor.day.year)
        return Resolution(day.isoformat(), f"{holidays.describe(f'{day.month:02d}{rule}')} "
                                           f"{timex.year_words(day.year)}, of {anchor}", anchor)
    if anchor is None or anchor.before_christ or anchor.granularity not in A_DAY_OR_A_TIME:
        why = "the article has no publication date" if anchor is None else f"{anchor} is not precise enough"
        unknown = "XXXX-XX-XX" if month_unknown else holidays.unknown_year_form(rule)
        return Resolution(unknown, f"not resolved: {why}", anchor)
    direction, strict, why, told = _direction(mention, tense, genre)

    def on_its_side(day: date) -> bool:
        """A past tense looks ahead to a holiday only in a sentence that tells of a plan ("hoped to
        resume talks after Thanksgiving"), as it does to a date; not "Lent began on Ash Wednesday"."""
        ahead = (day - anchor.day).days
        if direction == "past":
            return (ahead < 0 or (not strict and ahead == 0)
                    or (told and not month_unknown and ahead <= PAST_TENSE_AHEAD_DAYS))
        if direction == "future":
            return (ahead > 0 or (not strict and ahead == 0)
                    or (told and not month_unknown and -ahead <= FUTURE_TENSE_BEHIND_DAYS))
        return True

    if month_unknown:  # "the first Monday of the month": of the anchor's month or one next to it
        months = [divmod(anchor.day.year * 12 + anchor.day.month - 1 + shift, 12) for shift in (-1, 0, 1)]
        days = [holidays.day_of(f"{month + 1:02d}{rule}", year) for year, month in months if 1 <= year <= 9999]
    else:
        years = range(max(anchor.day.year - 1, 1), min(anchor.day.year + 2, 10000))
        days = [day for year in years for day in holidays.days_in(rule, year)]
        if not days:
            return Resolution("XXXX-XX-XX", f"not resolved: {what} near {anchor}, which its calendar's table does not "
                                            "reach", anchor)
    day = min([d for d in days if on_its_side(d)] or days, key=lambda d: (abs((d - anchor.day).days), d))
    relation = "before" if day < anchor.day else "after" if day > anchor.day else "that is"
    if month_unknown:
        what = f"{holidays.describe(f'{day.month:02d}{rule}')} {timex.year_words(day.year)}"
    reason = f"{what}, the one {relation} {anchor}; {why}{_against_the_tense(direction, relation)}"
    return Resolution(day.isoformat(), reason, anchor)


def without_weekday(value: str) -> str:
    """An underspecified value without the weekday said with it: XXXX-01-06 for "Friday, Jan. 6"."""
    return value.split(":", 2)[2] if value.startswith("ON:") else value


def _on_weekday(weekday: int, found: Resolution, movable: str | None, tense: str | None) -> Resolution:
    """A day the text names with its weekday: if its year was not written (movable "year"), moved to
    the year next to the one found where it falls on that weekday, when that one's does not; if its
    month was not either ("Tuesday the 4th": movable "month"), to the nearest month where it does
    on the side the tense says; else the reason says the two disagree."""
    if timex.precision(found.value) != "day":
        return found
    day = date.fromisoformat(found.value)
    if day.isoweekday() == weekday:
        return found
    named, actual = calendar.day_name[weekday - 1], calendar.day_name[day.weekday()]
    written = f"{day.day} {calendar.month_name[day.month]} {day.year}"
    if movable == "month":
        sides = {"past": range(-11, 1), "future": range(0, 12)}.get(tense, range(-11, 12))
        months = sorted(sides, key=lambda shift: (abs(shift), shift))
        for shift in months:
            try:
                other = day + relativedelta(months=shift)
            except (OverflowError, ValueError):
                continue
            if other.day == day.day and other.isoweekday() == weekday:
                return Resolution(other.isoformat(), f"the nearest day {day.day} of a month that is a {named}, "
                                                     f"as the text says ({written} is a {actual})", found.anchor)
    for year in (day.year - 1, day.year + 1) if movable == "year" else ():
        try:
            other = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if other.isoweekday() == weekday:
            return Resolution(other.isoformat(), f"the {day.day} {calendar.month_name[day.month]} that is a {named}, "
                                                 f"as the text says ({written} is a {actual})", found.anchor)
    return Resolution(found.value, f"{found.reason}; the text says {named}, but {written} is a {actual}", found.anchor)


def resolve(mention: Mention, anchors: Anchors, tense: str | None, genre: str = "news") -> Resolution:
    found = _resolve(mention, anchors, tense, genre)
    if kept := vocabulary.holiday_kept_by(mention.text):
        holiday, country = kept
        return replace(found, reason=f"{found.reason}; {holiday} as {country} keeps it")
    return found


_PERIODS = ("day", "week", "month", "year", "decade", "century")


_POSITION_WORDS = {"START": "start", "MID": "middle", "END": "end"}


def _shifted_by(amount: float, unit: str, base: Resolution, position: str | None = None) -> Resolution:
    """A date amount units after the end of base, or before its start if amount is negative, or
    from the part of it position names (START, MID, END: "two weeks before the end of the year"
    counts from 31 December). A length (D1, W1, M1, Y1: "three days before Christmas", "two months
    after June 2003") gives a date as precise as base or as the length's unit (a week's a day),
    whichever is finer, or a day when counted from a part of base; a calendar unit (day, week,
    month, year: "the week before March 2003") the period of that unit."""
    if weekday := re.fullmatch(r"DOW([1-7])", unit):
        return _weekday_next_to(int(weekday[1]), amount < 0, base)
    length = unit not in _PERIODS
    granularity = DURATION_LETTERS[unit[0]] if length else unit
    count = abs(amount) * (int(unit[1:]) if length else 1)
    meaning = f"{count:g} {granularity}{'' if count == 1 else 's'} {'before' if amount < 0 else 'after'}"
    precision = timex.precision(base.value)
    if precision not in _PERIODS or base.value.startswith("BC"):
        return Resolution(timex.UNRESOLVED[granularity], _after_unresolved(meaning, base), base.anchor)
    unit_name, multiple = _STEPS[granularity]
    first, last = timex.interval(base.value)
    if length:  # counted from the start or end of base: "eight days before the new year" is a day
        by_unit = "day" if granularity == "week" else granularity
        period = min("day" if position else precision, by_unit, key=_PERIODS.index)
    else:
        period = granularity
    counted_from = {"START": first, "MID": first + (last - first) / 2, "END": last}.get(position)
    if counted_from is None:
        counted_from = first if amount < 0 else last
    else:
        meaning += f" the {_POSITION_WORDS[position]} of"
    try:
        value = timex.format_period(period, counted_from + _delta(unit_name, math.copysign(count, amount) * multiple))
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return _outside_the_calendar(timex.UNRESOLVED[granularity], f"{meaning} {timex.describe(base.value)}", base)
    return Resolution(value, f"{meaning} {timex.describe(base.value)}: {base.reason}", base.anchor)


def _outside_the_calendar(unresolved: str, meaning: str, base: Resolution) -> Resolution:
    """A date counted from base that falls before year 1 or after 9999, left unresolved."""
    return Resolution(unresolved, f"not resolved: {meaning}, which falls outside the years 1 to 9999", base.anchor)


def _after_unresolved(meaning: str, base: Resolution) -> str:
    """Why a date counted from one that is not resolved is not either."""
    known = "" if base.value == "XXXX-XX-XX" else f", {timex.describe(base.value)}"
    return f"not resolved: {meaning} a date not resolved{known} ({base.reason.removeprefix('not resolved: ')})"


def _weekday_next_to(weekday: int, before: bool, base: Resolution) -> Resolution:
    """"the Monday after Thanksgiving", "the Friday before Christmas": the first such weekday after
    the end of base, or the last before its start."""
    name = calendar.day_name[weekday - 1]
    meaning = f"the {name} {'before' if before else 'after'}"
    if timex.precision(base.value) not in _PERIODS or base.value.startswith("BC"):
        return Resolution("XXXX-XX-XX", _after_unresolved(meaning, base), base.anchor)
    first, last = timex.interval(base.value)
    try:
        day = (first - timedelta(days=(first.isoweekday() - weekday - 1) % 7 + 1) if before
               else last + timedelta(days=(weekday - last.isoweekday() - 1) % 7 + 1))
    except OverflowError:  # before year 1 or after 9999
        return _outside_the_calendar("XXXX-XX-XX", f"{meaning} {timex.describe(base.value)}", base)
    return Resolution(day.isoformat(), f"{meaning} {timex.describe(base.value)}: {base.reason}", base.anchor)


# Values built on another, with what that one must name: "WEEK:XXXX-03-06" ("the week of March
# 6"), "WEEKEND:...", "DAYOFWEEK:2:REL:DCT:week:-1" ("Tuesday last week"), "WEEKS:1:XXXX-WXX-2"
# ("a week from Tuesday"), "NTH:MO1:REL:DCT:month:+1" ("the first Monday of next month"),
# "YEARS:-25:REL:DCT:month:0" ("25 years ago this month"), "SHIFT:-3:D1:XXXX-12-25" ("three days
# before Christmas"), "DAYOF:L:XXXX-10" ("the last day of October"); what the value names, for its
# unresolved form (None: what the other one names).
_BUILT_ON = {"WEEK": (("day",), "week"), "WEEKEND": (("day",), "weekend"), "DAYOFWEEK": (("week",), "day"),
             "WEEKS": (("day",), "day"), "NTH": (("month",), "day"), "YEARS": (("day", "week", "month"), None),
             "SHIFT": (_PERIODS, None),
             "DAYOF": (("weekend", "week", "month", "quarter", "half", "year", "decade", "century"), "day")}


def _built_on(mention: Mention, anchors: Anchors, tense: str | None, genre: str) -> Resolution:
    """A value built on another: the week or weekend that holds a day, a weekday of a week, a day
    some weeks after or before another, a weekday of a month, the same day, week or month some
    years before another, the first or last day of a period."""
    kind, _, rest = mention.value.partition(":")
    numbered = kind in ("DAYOFWEEK", "WEEKS", "NTH", "YEARS", "SHIFT", "DAYOF")
    number, _, inner = rest.partition(":") if numbered else ("", "", rest)
    unit, _, inner = inner.partition(":") if kind == "SHIFT" else ("", "", inner)
    base = _resolve(replace(mention, value=inner), anchors, tense, genre)
    if kind == "SHIFT":
        unit, _, position = unit.partition("@")
        return _shifted_by(float(number), unit, base, position or None)
    needed, named = _BUILT_ON[kind]
    if timex.precision(base.value) not in needed:
        return Resolution(timex.UNRESOLVED[named] if named else _unresolved_form(inner), base.reason, base.anchor)
    first, last = timex.interval(base.value)
    if kind == "DAYOF":
        which, day = ("first", first) if number == "F" else ("last", last)
        return Resolution(day.isoformat(), f"the {which} day of {timex.describe(base.value)}: {base.reason}",
                          base.anchor)
    if kind == "YEARS":
        years = abs(int(number))
        meaning = (f"the same {timex.precision(base.value)} {'one year' if years == 1 else f'{years} years'} "
                   f"{'before' if int(number) < 0 else 'after'}")
        try:
            middle = first + timedelta(days=3) if timex.precision(base.value) == "week" else first  # its Thursday
            shifted = middle + relativedelta(years=int(number))
        except (OverflowError, ValueError):  # before year 1 or after 9999
            return _outside_the_calendar(timex.UNRESOLVED[timex.precision(base.value)],
                                         f"{meaning} {timex.describe(base.value)}", base)
        return Resolution(timex.format_period(timex.precision(base.value), shifted),
                          f"{meaning} {timex.describe(base.value)}: {base.reason}", base.anchor)
    if kind == "DAYOFWEEK":
        day = first + timedelta(days=int(number) - 1)
        return Resolution(day.isoformat(), f"the {calendar.day_name[day.weekday()]} of {timex.describe(base.value)}: "
                                           f"{base.reason}", base.anchor)
    if kind == "NTH":
        rule = f"{first.month:02d}-{number}"
        return Resolution(holidays.day_of(rule, first.year).isoformat(),
                          f"{holidays.describe(rule)} {timex.year_words(first.year)}: {base.reason}", base.anchor)
    if kind == "WEEKS":
        weeks = "one week" if abs(int(number)) == 1 else f"{abs(int(number))} weeks"
        meaning = f"{weeks} {'before' if int(number) < 0 else 'after'} {timex.describe(base.value)}"
        try:
            return Resolution((first + timedelta(weeks=int(number))).isoformat(), f"{meaning}: {base.reason}",
                              base.anchor)
        except OverflowError:  # after 31 December 9999
            return _outside_the_calendar(timex.UNRESOLVED[named], meaning, base)
    which = "the weekend of the week" if kind == "WEEKEND" else "the week"
    return Resolution(timex.format_period(named, first),
                      f"{which} that holds {timex.describe(base.value)}: {base.reason}", base.anchor)


def _in_a_relative_year(mention: Mention, anchors: Anchors, tense: str | None, genre: str) -> Resolution:
    """INYEAR:<a year counted from a date>:<a day without its year>: "Christmas Day last year"."""
    parts = mention.value.split(":", 5)
    counted, template = ":".join(parts[1:5]), parts[5]
    year = _resolve(replace(mention, value=counted), anchors, tense, genre)
    if timex.precision(year.value) != "year" or year.value.startswith("BC"):
        unresolved = _resolve(replace(mention, value=template), Anchors(None), tense, genre).value
        why = "days before Christ are not dated; " if year.value.startswith("BC") else ""
        return Resolution(unresolved, f"not resolved: {why}the year is {year.reason.removeprefix('not resolved: ')}",
                          year.anchor)
    found = _resolve(replace(mention, value=template.replace("XXXX", year.value, 1)), anchors, tense, genre)
    span = timex.interval(found.value)
    if (tense == "past" and not mention.plan and counted == "REL:DCT:year:0" and span and anchors.dct
            and span[0] > anchors.dct.day and year.value != "0001"):
        # "profit rose in the third quarter of the year", written in January: the year just gone
        before = f"{int(year.value) - 1:04d}"
        found = _resolve(replace(mention, value=template.replace("XXXX", before, 1)), anchors, tense, genre)
        return Resolution(found.value, f"in {before}, the year before the publication date's, as that part of it is "
                                       "yet to come and the sentence is in the past tense", year.anchor)
    return Resolution(found.value, f"in {year.value}, {year.reason}", year.anchor)


def _resolve(mention: Mention, anchors: Anchors, tense: str | None, genre: str) -> Resolution:
    value = mention.value
    if value.startswith("INYEAR:"):
        return _in_a_relative_year(mention, anchors, tense, genre)
    if value.startswith("ON:"):  # "Friday, Jan. 6": the year, next to the one found, that makes it a Friday
        _, weekday, day_value = value.split(":", 2)
        found = _resolve(replace(mention, value=day_value), anchors, tense, genre)
        movable = "year" if day_value.startswith("XXXX") else "month" if day_value.startswith("REL:") else None
        return _on_weekday(int(weekday), found, movable, tense)
    if value.partition(":")[0] in _BUILT_ON:
        return _built_on(mention, anchors, tense, genre)
    if value.startswith("DUR:"):
        what = "a length of time" if mention.type == "DURATION" else "a repeating period"
        return Resolution(duration_value(value), f"{what}, not a date")
    if mention.type == "SET":
        return Resolution(value, "a repeating day or period, not a date")
    if value in timex.REF_NAMES:
        return Resolution(value, f"a reference to {timex.REF_NAMES[value]}, not a date")
    if value.startswith("REL:"):
        value, _, year = value.partition("@")
        value, _, within = value.partition("/")
        anchor = anchors.get(value.split(":")[1], genre)
        before_christ = anchor is not None and anchor.before_christ
        resolved, meaning = _resolve_relative(value, anchor)
        span = resolved and timex.interval(resolved)
        if tense == "past" and value.endswith(":+0") and span and anchor and span[0] > anchor.day:
            # "protests took place this weekend", written on a Monday: the weekend just gone
            resolved, meaning = _resolve_relative(value[:-2] + "-1", anchor)
            meaning += ", as the one of that week is yet to come and the sentence is in the past tense"
        elif (tense == "past" and not mention.plan and value.startswith("REL:DCT:") and value.endswith(":0") and span
              and anchor is not None and anchor is anchors.dct and _part_start(span, mention.mod) > anchor.day):
            # "prices rose in the final weeks of the year", written on 3 January: the year just gone
            resolved, meaning = _resolve_relative(value[:-1] + "-1", anchor)
            meaning += ", as that part of the current one is yet to come and the sentence is in the past tense"
        if (genre == "news" and value == "REL:REF:month:0" and within and anchor is anchors.dct and resolved
                and (day := timex.interval(resolved + within))):
            # "the deadline passed on the 30th", written on the 14th: the 30th of the month before
            side = "past" if day[0] > anchor.day else "future" if day[0] < anchor.day else None
            if side == tense and not mention.plan:
                resolved, meaning = _resolve_relative(f"REL:REF:month:{'-1' if side == 'past' else '+1'}", anchor)
                state = "yet to come" if side == "past" else "gone"
                meaning += f", as that day of its month is {state} and the sentence is in the {side} tense"
        if year and resolved and timex.interval(resolved) and not before_christ:
            resolved, meaning = year + resolved[4:], f"the same {value.split(':')[2]} in {year}: {meaning}"
        if within:
            named = f"day {int(within[1:])}" if value.split(":")[2] == "month" else _template_name("XXXX" + within)
            shown = resolved and timex.describe(_unshifted(resolved) if before_christ else resolved)
            if resolved is None:
                meaning = f"{named} of {meaning}"
            elif timex.interval(resolved + within) is None:
                resolved, meaning = None, f"{named} of {shown}, which has no such date"
            else:
                meaning = f"{named} of {shown}, {meaning}"
        if resolved is not None and before_christ:
            resolved = _unshifted(resolved + within)
            within = ""
        if resolved is None:
            unresolved = _unresolved_form(value) + within
            return Resolution(year + unresolved[4:] if year else unresolved, f"not resolved: {meaning}" + (
                "" if anchor else " a date the article does not give"), anchor)
        return Resolution(resolved + within, meaning, anchor)
    if holiday := _MOVING_HOLIDAY.fullmatch(value):
        return _resolve_holiday(mention, holiday["year"], holiday["rule"], anchors, tense, genre)
    if holiday := _MOVING_HOLIDAY_BEFORE_CHRIST.fullmatch(value):  # "Passover 12 BC": only its year is known
        year = holiday["year"]
        return Resolution(year, f"{timex.describe(year)}: its day is not counted in years before Christ")
    if "X" not in value:
        return Resolution(value, mention.rule.known_as or "written in full")
    if re.fullmatch(r"\d{4}-WXX-(?:[1-7]|WE)", value):  # "on Monday in 2018"
        how = f" ({mention.rule.known_as})" if mention.rule.known_as else ""
        return Resolution(value, f"not resolved: {timex.describe(value)}, of a week the text does not give{how}")
    if value in _COUNTED_FROM_AN_EVENT:
        return Resolution(value, "not resolved: counted from something the text does not date")
    if genre == "news" and mention.rule.from_the_story:  # "the following January": after the last date mentioned
        anchor = anchors.get("REF", genre)
    else:
        anchor = anchors.get("MONTH" if A_MONTH_OR_DAY.fullmatch(value) else "WRITTEN", genre)
    if anchor is None:
        return Resolution(value, "not resolved: the article has no publication date")
    direction, strict, why, told = _direction(mention, tense, genre)
    if mention.direction == "since" and A_WEEKDAY.fullmatch(value):
        strict = True  # "since Wednesday" written on a Wednesday: a week ago, not today
    if (genre == "news" and tense == "future" and direction == "past" and not mention.rule.reported_on
            and (quarter := _A_QUARTER.fullmatch(value))
            and ((anchor.day.month - 1) // 3 + 1 - int(quarter[1])) % 4 >= QUARTERS_BEHIND_FOR_THE_NEXT):
        direction, why = "future", f"future tense, and the latest one is {QUARTERS_BEHIND_FOR_THE_NEXT} or more quarters back"
    if direction is None and genre == "news" and A_MONTH_OR_DAY.fullmatch(value):
        why += f": the one before unless the one after is at least {NO_TENSE_AHEAD_FACTOR} times nearer"
    try:
        resolved = _resolve_cyclic(value, anchor, direction, strict, nearest=genre == "news", plans=told)
        span = resolved and timex.interval(resolved)
        if direction == "current" and tense == "future" and span and span[1] < anchor.day:
            # "the plant opens this March", said in November: this year's has passed
            direction, why = "future", f"{why}, but this year's has passed and the tense is future"
            resolved = _resolve_cyclic(value, anchor, direction, False, nearest=genre == "news", plans=False)
        in_calendar = resolved is None or timex.interval(resolved) is not None
    except OverflowError:  # a weekday before 1 January 1 or after 31 December 9999
        in_calendar = False
    if not in_calendar:
        return Resolution(value, f"not resolved: the {_template_name(value)} nearest {anchor} falls outside the "
                                 "years 1 to 9999", anchor)
    if resolved is None:
        return Resolution(value, f"not resolved: {anchor} is not precise enough", anchor)
    relation = _relation(resolved, anchor)
    reason = f"the {_template_name(value)} {relation} {anchor}; {why}{_against_the_tense(direction, relation)}"
    weeks_away = A_WEEKDAY.fullmatch(value) and abs((timex.interval(resolved)[0] - anchor.day).days) > 6
    if weeks_away and anchor.granularity in A_DAY_OR_A_TIME:  # "next Friday" said on a Thursday
        week = "after" if relation == "after" else "before"
        reason = f"the {_template_name(value)} of the week {week} that of {anchor}; {why}"
    if anchor.before_christ:
        resolved = _unshifted(resolved)
    return Resolution(resolved or value, reason, anchor)
