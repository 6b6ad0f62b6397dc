"""Holidays whose day moves from year to year: the day of one in a given year, and its name."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "L": "last"}
RULE = re.compile(r"(?P<month>\d\d)-(?P<weekday>MO|TU|WE|TH|FR|SA|SU)(?P<which>[1-4L])|EASTER(?P<offset>[+-]\d+)")


def day_of(rule: str, year: int) -> date:
    """The day a holiday rule ("11-TH4": the fourth Thursday of November; "EASTER-2") gives in year."""
    found = RULE.fullmatch(rule)
    if found["offset"] is not None:
        return easter(year) + timedelta(days=int(found["offset"]))
    month, weekday = int(found["month"]), WEEKDAYS.index(found["weekday"])
    if found["which"] == "L":
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(found["which"]) - 1))


def describe(rule: str) -> str:
    """The rule in words: "the fourth Thursday of November", "2 days before Easter Sunday"."""
    found = RULE.fullmatch(rule)
    if found["offset"] is not None:
        offset = int(found["offset"])
        if offset == 0:
            return "Easter Sunday"
        return f"{abs(offset)} day{'s' if abs(offset) > 1 else ''} {'after' if offset > 0 else 'before'} Easter Sunday"
    weekday = calendar.day_name[WEEKDAYS.index(found["weekday"])]
    return f"the {ORDINALS[found['which']]} {weekday} of {calendar.month_name[int(found['month'])]}"


def unknown_year_form(rule: str) -> str:
    """The TIMEX3 value of the holiday when its year is not known: its month, if fixed."""
    found = RULE.fullmatch(rule)
    return "XXXX-XX-XX" if found["offset"] is not None else f"XXXX-{found['month']}-XX"
