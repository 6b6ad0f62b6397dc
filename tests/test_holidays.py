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
    assert holidays.days_in(rule, year) == [day]


@pytest.mark.parametrize("rule, year, days", [
    ("HIJRI-10-01", 2024, [date(2024, 4, 10)]),  # Eid al-Fitr, by the Umm al-Qura calendar
    ("HIJRI-12-10", 2024, [date(2024, 6, 16)]),  # Eid al-Adha
    ("HEBREW-07-10", 1973, [date(1973, 10, 6)]),  # Yom Kippur
    ("HEBREW-01-15", 2024, [date(2024, 4, 23)]),  # Passover, from sundown the evening before
    ("HEBREW-09-25", 2024, [date(2024, 12, 26)]),  # Hanukkah
    ("HIJRI-10-01", 1900, []),  # before the Umm al-Qura table begins
])
def test_days_of_other_calendars(rule, year, days):
    assert holidays.days_in(rule, year) == days


def test_a_hijri_day_may_fall_twice_in_one_of_our_years():
    assert holidays.days_in("HIJRI-10-01", 2000) == [date(2000, 1, 8), date(2000, 12, 27)]
    assert holidays.days_in("HEBREW-07-10", 2024) == [date(2024, 10, 12)]


def test_rules_in_words():
    assert holidays.describe("11-TH4") == "the fourth Thursday of November"
    assert holidays.describe("EASTER-2") == "2 days before Easter Sunday"
    assert holidays.describe("11-MO1+1") == "the day after the first Monday of November"
    assert holidays.describe("HIJRI-10-01") == "1 Shawwal in the Islamic (Umm al-Qura) calendar"
    assert holidays.describe("HEBREW-07-10") == "10 Tishrei in the Hebrew calendar"


def test_month_of_a_holiday_in_an_unknown_year():
    assert holidays.unknown_year_form("11-MO1+1") == "XXXX-11-XX"
    assert holidays.unknown_year_form("05-MOL") == "XXXX-05-XX"
    assert holidays.unknown_year_form("11-TH4+4") == "XXXX-XX-XX"  # may fall in December
    assert holidays.unknown_year_form("EASTER+1") == "XXXX-XX-XX"
