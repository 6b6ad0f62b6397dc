"""Holidays whose day moves: the day each rule gives in a year."""

from datetime import date

import pytest

from generator import holidays


@pytest.mark.parametrize("rule, year, day", [
    ("11-TH4", 1999, date(1999, 11, 25)),  # Thanksgiving
    ("11-TH4", 2020, date(2020, 11, 26)),
    ("05-MOL", 2020, date(2020, 5, 25)),  # Memorial Day: the last Monday of May
    ("09-MO1", 2019, date(2019, 9, 2)),  # Labor Day
    ("EASTER+0", 2020, date(2020, 4, 12)),
    ("EASTER-2", 2019, date(2019, 4, 19)),  # Good Friday
    ("11-MO1+1", 1998, date(1998, 11, 3)),  # Election Day: the Tuesday after the first Monday
    ("11-MO1+1", 2016, date(2016, 11, 8)),  # November began on a Tuesday
    ("11-TH4+1", 2020, date(2020, 11, 27)),  # Black Friday
])
def test_day_of(rule, year, day):
    assert holidays.day_of(rule, year) == day


def test_rules_in_words():
    assert holidays.describe("11-TH4") == "the fourth Thursday of November"
    assert holidays.describe("EASTER-2") == "2 days before Easter Sunday"
    assert holidays.describe("11-MO1+1") == "the day after the first Monday of November"


def test_month_of_a_holiday_in_an_unknown_year():
    assert holidays.unknown_year_form("11-MO1+1") == "XXXX-11-XX"
    assert holidays.unknown_year_form("05-MOL") == "XXXX-05-XX"
    assert holidays.unknown_year_form("11-TH4+4") == "XXXX-XX-XX"  # may fall in December
    assert holidays.unknown_year_form("EASTER+1") == "XXXX-XX-XX"
