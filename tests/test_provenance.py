"""The reason given with each date, shown on the site under "How this date was determined"."""

from datetime import date

import pytest

from generator.tagger import tag

PUBLISHED = date(2022, 11, 17)  # a Thursday


@pytest.mark.parametrize("text, value, reason", [
    ("He resigned on Friday.", "2022-11-11",
     "the Friday before the publication date, Thu 17 November 2022; past tense"),
    ("The law was to take effect on January 1st.", "2023-01-01",
     "the 1 January after the publication date, Thu 17 November 2022; past tense, but no more than 90 days "
     "ahead: read as a plan reported in the past tense"),
    ("Officials will look into the Nov. 7 letter.", "2022-11-07",
     "the 7 November before the publication date, Thu 17 November 2022; future tense, but no more than 14 days "
     "back: read as an earlier date the future refers to"),
    ("Officials will look into the Nov. 7 bombings.", "2022-11-07",
     "the 7 November before the publication date, Thu 17 November 2022; an incident named by its date has happened"),
    ("The index is within 70 points of the record high set on Feb. 6.", "2022-02-06",
     "the 6 February before the publication date, Thu 17 November 2022; no tense marks the sentence: the one "
     "before unless the one after is at least 4 times nearer"),
])
def test_a_date_against_its_tense_says_why(text, value, reason):
    [found] = tag(text, PUBLISHED)
    assert (found.value, found.reason) == (value, reason)


def test_a_holiday_kept_on_other_days_elsewhere_says_whose_it_is():
    [found] = tag("Families gathered for Thanksgiving.", PUBLISHED)
    assert found.value == "2021-11-25"
    assert found.reason.endswith("; Thanksgiving as the United States keeps it")
    [found] = tag("Families gathered for Christmas.", PUBLISHED)
    assert "keeps it" not in found.reason


def test_a_day_said_with_its_weekday_takes_the_year_where_they_agree_or_says_they_do_not():
    [found] = tag("The law was to take effect on Saturday, Jan. 1.", PUBLISHED)
    assert (found.value, found.reason) == (
        "2022-01-01", "the 1 January that is a Saturday, as the text says (1 January 2023 is a Sunday)")
    [found] = tag("The storm made landfall on Sunday, Sept. 28.", PUBLISHED)
    assert found.value == "2022-09-28"
    assert found.reason.endswith("; the text says Sunday, but 28 September 2022 is a Wednesday")


def test_a_date_written_in_full_keeps_its_year_and_says_when_its_weekday_disagrees():
    [found] = tag("He was born on Tuesday, January 15, 2020.", PUBLISHED)
    assert (found.value, found.reason) == (
        "2020-01-15", "written in full; the text says Tuesday, but 15 January 2020 is a Wednesday")
    [found] = tag("He was born on Wednesday, January 15, 2020.", PUBLISHED)
    assert (found.value, found.reason) == ("2020-01-15", "written in full")


@pytest.mark.parametrize("text, value, reason", [
    ("The band formed in the summer of '69.", "1969-SU",
     "the summer of a year ending in 69 before the publication date, Thu 17 November 2022; past tense"),
    ("Sales rose in 3Q22.", "2022-Q3",
     "the third quarter of a year ending in 22 before the publication date, Thu 17 November 2022; past tense"),
])
def test_a_year_known_by_its_last_two_digits_is_named_once(text, value, reason):
    [found] = tag(text, PUBLISHED)
    assert (found.value, found.reason) == (value, reason)
