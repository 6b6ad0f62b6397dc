"""TIMEX3 values said in words, as the site shows them."""

import pytest

from generator import timex


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
    ("1941-SU", "summer 1941"),
    ("1941-WI", "winter 1941–1942"),
    ("BC0480-WI", "winter 480–479 BC"),
    ("0079", "AD 79"),
    ("0079-08-24", "24 August AD 79"),
    ("0900-WI", "winter AD 900–901"),
    ("1066-10-14", "14 October 1066"),  # Julian calendar: no weekday
    ("1582-10-15", "Fri 15 October 1582"),
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
])
def test_repeating_values_in_words(value, words):
    assert timex.describe(value, "SET") == words
