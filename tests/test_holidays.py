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
])
def test_day_of(rule, year, day):
    assert holidays.day_of(rule, year) == day


def test_rules_in_words():
    assert holidays.describe("11-TH4") == "the fourth Thursday of November"
    assert holidays.describe("EASTER-2") == "2 days before Easter Sunday"
