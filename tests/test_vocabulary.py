"""Rule patterns name vocabulary tables by macros."""

import re

import pytest

from generator import vocabulary


def test_a_macro_is_a_named_group_of_its_table():
    match = re.fullmatch(vocabulary.expand("{SEASON} {SEASON#2}"), "spring autumn", re.IGNORECASE)
    assert match.groupdict() == {"season": "spring", "season_2": "autumn"}


def test_a_plain_macro_captures_nothing():
    match = re.fullmatch(vocabulary.expand("{~SEASON} and {SEASON}"), "spring and autumn", re.IGNORECASE)
    assert match.groupdict() == {"season": "autumn"}


def test_an_unknown_macro_is_an_error():
    with pytest.raises(KeyError):
        vocabulary.expand("{FORTNIGHT}")
