"""TIMEX3 values said in words, as the site shows them."""

import pytest

from generator import timex
from generator.events import label


@pytest.mark.parametrize("value, words", [
    ("2020-01-15", "Wed 15 January 2020"),
    ("BC0480", "480 BC"),
    ("BC0480-08", "August 480 BC"),
    ("BC0480-08-12", "12 August 480 BC"),
    ("BC048", "the 480s BC"),
    ("1950-06-XX", "a day in June 1950"),
    ("1915-XX-XX", "a day in 1915"),
    ("1792-WXX", "a week in 1792"),
    ("1988-QX", "a quarter in 1988"),
    ("1988-Q1", "the first quarter of 1988"),
    ("1988-H2", "the second half of 1988"),
    ("1998-W45", "the week of 2–8 November 1998"),
    ("1998-W49", "the week of 30 November – 6 December 1998"),
    ("1998-W53", "the week of 28 December 1998 – 3 January 1999"),
    ("1998-W45-WE", "the weekend of 7–8 November 1998"),
    ("1941-SU", "summer 1941"),
    ("1941-WI", "winter 1941–1942"),
    ("BC0480-WI", "winter 480–479 BC"),
    ("0079", "AD 79"),
    ("0079-08-24", "24 August AD 79"),
    ("0900-WI", "winter AD 900–901"),
    ("1066-10-14", "14 October 1066"),  # Julian calendar: no weekday
    ("1582-10-15", "Fri 15 October 1582"),
    ("XX99", "a year ending in 99"),
    ("XX23-09", "September of a year ending in 23"),
    ("XX24-03-12", "12 March of a year ending in 24"),
    ("XX24-Q4", "the fourth quarter of a year ending in 24"),
])
def test_values_in_words(value, words):
    assert timex.describe(value) == words


@pytest.mark.parametrize("value, words", [
    ("P1D", "every day"),
    ("P2W", "every 2 weeks"),
    ("XXXX-WXX-1", "every Monday"),
    ("XXXX-07", "every July"),
    ("XXXX-SP", "every spring"),
    ("XXXX-WXX-2TNI", "every Tuesday night"),
    ("XXXX-XX-01", "every month on the 1st"),
])
def test_repeating_values_in_words(value, words):
    assert timex.describe(value, "SET") == words


@pytest.mark.parametrize("value, mod, words", [
    ("1998", "START", "early 1998"),
    ("1998-11", "MID", "mid-November 1998"),
    ("199", "START", "the early 1990s"),
    ("199", "MID", "the mid-1990s"),
    ("19", "END", "the late 20th century"),
    ("BC048", "END", "the late 480s BC"),
    ("1998-W45", "START", "early in the week of 2–8 November 1998"),
    ("1998-W45", "MID", "in the middle of the week of 2–8 November 1998"),
    ("1998-Q4", "END", "late in the fourth quarter of 1998"),
    ("1998-W45", "APPROX", "about the week of 2–8 November 1998"),
])
def test_part_of_a_period_in_words(value, mod, words):
    assert label(value, mod) == words
