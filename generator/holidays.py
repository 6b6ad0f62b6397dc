"""Holidays whose day moves from year to year: the day of one in a given year, and its name."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "L": "last"}
RULE = re.compile(r"(?P<month>\d\d)-(?P<weekday>MO|TU|WE|TH|FR|SA|SU)(?P<which>[1-4L])(?P<shift>[+-]\d+)?"
                  r"|EASTER(?P<offset>[+-]\d+)")


def day_of(rule: str, year: int) -> date:
    """The day a holiday rule gives in year: "11-TH4", the fourth Thursday of November;
    "11-MO1+1", the day after the first Monday of November; "EASTER-2"."""
    found = RULE.fullmatch(rule)
    if found["offset"] is not None:
        return easter(year) + timedelta(days=int(found["offset"]))
    return _weekday_of_month(found, year) + timedelta(days=int(found["shift"] or 0))


def _weekday_of_month(found: re.Match, year: int) -> date:
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
    named = f"the {ORDINALS[found['which']]} {weekday} of {calendar.month_name[int(found['month'])]}"
    shift = int(found["shift"] or 0)
    if shift == 0:
        return named
    days = "the day" if abs(shift) == 1 else f"{abs(shift)} days"
    return f"{days} {'after' if shift > 0 else 'before'} {named}"


def unknown_year_form(rule: str) -> str:
    """The TIMEX3 value of the holiday when its year is not known: its month, if fixed."""
    found = RULE.fullmatch(rule)
    if found["offset"] is not None:
        return "XXXX-XX-XX"
    earliest = 22 if found["which"] == "L" else 7 * int(found["which"]) - 6
    shift = int(found["shift"] or 0)
    stays_in_month = 1 <= earliest + shift and earliest + 6 + shift <= 28
    return f"XXXX-{found['month']}-XX" if stays_in_month else "XXXX-XX-XX"
