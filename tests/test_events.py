"""The dates an article's sentences are placed at on the timeline."""

from pathlib import Path

from generator.articles import parse_article
from generator.events import events_of, marks_of
from generator.tagger import tag


def events(text: str, published: str = "2024-11-14"):
    seed = f"---\ntitle: Test\ndate: {published}\nsource: Wire\n---\n{text}\n"
    parsed = parse_article(Path("test.md"), seed)
    return events_of(parsed, marks_of(tag(parsed.body, parsed.published, parsed.genre)))


def test_since_makes_a_range_up_to_the_publication_date():
    [event] = events("Prices have risen since December 1.")
    assert (event.start.isoformat(), event.end.isoformat(), event.precision) == ("2023-12-01", "2024-11-14", "range")


def test_earlier_this_year_is_the_part_of_it_before_the_publication_date():
    [event] = events("Earlier this year, the firm was sold.")
    assert (event.start.isoformat(), event.end.isoformat(), event.precision) == ("2024-01-01", "2024-11-14", "range")
    assert event.label == "Mon 1 January 2024 – Thu 14 November 2024"
    assert "“Earlier” makes it the part of 2024 before the publication date" in " ".join(event.provenance)


def test_later_this_month_is_the_part_of_it_after_the_publication_date():
    [event] = events("Later this month, the new owners will take over.")
    assert (event.start.isoformat(), event.end.isoformat()) == ("2024-11-14", "2024-11-30")


def test_early_this_year_and_earlier_that_year_keep_their_period():
    [early] = events("Early this year, the firm was for sale.")
    assert (early.start.isoformat(), early.end.isoformat(), early.label) == ("2024-01-01", "2024-12-31", "early 2024")
    [_, that_year] = events("The firm was founded in 2015. Earlier that year, its owners met.")
    assert (that_year.start.isoformat(), that_year.end.isoformat()) == ("2015-01-01", "2015-12-31")


def test_so_far_this_year_is_the_part_of_it_before_the_publication_date():
    [event] = events("The stock is up 40% so far this year.")
    assert (event.start.isoformat(), event.end.isoformat(), event.precision) == ("2024-01-01", "2024-11-14", "range")
    assert "“so far” makes it the part of 2024 before the publication date" in " ".join(event.provenance)


def test_the_date_in_gmt_of_a_local_time_is_the_same_entry():
    [event] = events("The earthquake struck at 3:42 a.m. local time (1842 GMT Tuesday).")
    assert (event.start.isoformat(), event.label) == ("2024-11-13", "Wed 13 November 2024, 03:42")
    assert [mark.timex.text for mark in event.marks] == ["3:42 a.m. local time", "Tuesday"]
    assert "It is the date of the same moment in GMT." in event.provenance[-1]
