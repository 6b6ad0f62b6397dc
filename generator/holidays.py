"""Holidays whose day moves from year to year: the day of one in a given year, and its name."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter
from hijridate import Hijri
from pyluach.dates import HebrewDate

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "L": "last"}
RULE = re.compile(r"(?P<month>\d\d)-(?P<weekday>MO|TU|WE|TH|FR|SA|SU)(?P<which>[1-4L])(?P<shift>[+-]\d+)?"
                  r"|EASTER(?P<offset>[+-]\d+)"
                  r"|(?P<calendar>HIJRI|HEBREW)-(?P<lunar_month>\d\d)-(?P<lunar_day>\d\d)")
# The months of the other calendars a holiday may be a day of.
HIJRI_MONTHS = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani",
                "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah")
HEBREW_MONTHS = ("Nisan", "Iyar", "Sivan", "Tammuz", "Av", "Elul", "Tishrei", "Cheshvan", "Kislev", "Tevet",
                 "Shevat", "Adar", "Adar II")
CALENDARS = {"HIJRI": "the Islamic (Umm al-Qura) calendar", "HEBREW": "the Hebrew calendar"}


def days_in(rule: str, year: int) -> list[date]:
    """The days a holiday rule gives in a year of ours: one, but a day of the Hijri calendar, whose
    year is 11 days shorter, falls twice in some years (1 Shawwal in 2000: 8 January and 27
    December), and none where the calendar's table does not reach (before 1924, after 2077)."""
    found = RULE.fullmatch(rule)
    if found["calendar"] is None:
        return [day_of(rule, year)]
    month, day = int(found["lunar_month"]), int(found["lunar_day"])
    # The years of the other calendar that overlap ours, with one to spare: the Hijri count began
    # in 622 with years of 354.367 days on average; a Hebrew year begins in the autumn, 3761 years
    # after the one numbered as ours.
    if found["calendar"] == "HIJRI":
        first = round((year - 622) * 365.2425 / 354.367)
        years, convert = range(first - 1, first + 3), lambda other: Hijri(other, month, day).to_gregorian()
    else:
        years, convert = range(year + 3759, year + 3762), lambda other: HebrewDate(other, month, day).to_pydate()
    days = []
    for other in years:
        try:
            found_day = convert(other)
        except (OverflowError, ValueError):  # beyond the table, or no such month that year (Adar II)
            continue
        if found_day.year == year:
            days.append(date(found_day.year, found_day.month, found_day.day))
    return sorted(days)


def day_of(rule: str, year: int) -> date:
    """The day a holiday rule of our calendar gives in year: "11-TH4", the fourth Thursday of
    November; "11-MO1+1", the day after the first Monday of November; "EASTER-2". (A day of
    another calendar may fall twice or not at all: see days_in.)"""
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
    if found["calendar"] is not None:
        months = HIJRI_MONTHS if found["calendar"] == "HIJRI" else HEBREW_MONTHS
        return f"{int(found['lunar_day'])} {months[int(found['lunar_month']) - 1]} in {CALENDARS[found['calendar']]}"
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
    if found["offset"] is not None or found["calendar"] is not None:
        return "XXXX-XX-XX"
    earliest = 22 if found["which"] == "L" else 7 * int(found["which"]) - 6
    shift = int(found["shift"] or 0)
    stays_in_month = 1 <= earliest + shift and earliest + 6 + shift <= 28
    return f"XXXX-{found['month']}-XX" if stays_in_month else "XXXX-XX-XX"
