"""Properties of the tagger over arbitrary text: it never raises, and every expression it
returns is a well-formed TIMEX3 value over an exact, ordered span of the input, without white space
at its ends."""

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import sentences
from generator.tagger import GENRES, tag
from generator.timex import is_well_formed

# Words and marks the rules react to, so that generated text reaches deep into recognition and
# resolution rather than only exercising the "nothing found" path.
TEMPORAL_WORDS = [
    "Monday", "Wednesday", "Sunday", "January", "March", "May", "December", "Sept", "Christmas", "spring",
    "winter", "morning", "night", "tonight", "today", "yesterday", "tomorrow", "now", "last", "next", "this",
    "previous", "following", "the", "a", "an", "of", "on", "in", "at", "since", "until", "from", "to", "ago",
    "later", "earlier", "before", "after", "early", "mid", "late", "end", "start", "beginning", "week",
    "weekend", "month", "year", "years", "decade", "century", "quarter", "half", "day", "days", "hours",
    "minutes", "every", "each", "nearly", "about", "more", "than", "two", "nine", "twenty-one", "first",
    "third", "1", "2", "12", "16", "31", "32", "99", "9000", "10000", "2020", "2019", "1990s", "'90s", "20th", "Q3", "H1",
    "several", "period", "nights", "attacks", "9/11", "Palm", "1988", "BC", "almost", "over",
    "10:30", "24:00", "3pm", "noon", "midnight", "2020-01-16", "2020-02-30", "16/01/2020", "03/04/2020",
    "was", "will", "said", "had", "has", "is", "killed", "expected", "would", "-", "–", ",", ".", "?", "!",
    "Wed", "Sat", "Sun", "Nov", "half", "past", "quarter", "straight", "Eid", "al-Fitr", "Yom", "Kippur", "Passover",
    "Ramadan", "2000", "2080", "1999/00", "2023/24", "season", "must", "cut", "that", "added", "or", "through",
    "10pm", "6am", "between", "and", "ended", "June", "exactly", "usually", "falls", "'69", "%", "Tuesday's", "looms",
    "of", "war", "fighting", "\u201c", "\u201d", "hundred", "thousand", "GMT", "1842", "(0100", "sharp", "D-Day",
    "Thanksgiving", "midsummer", "10/30/89", "11/3/19",
    "'", "’", "\"", "(", ")", "\n", "\n\n", "  ", "\u200b", "\u202e", "é", "ß", "日", "ا",
]
temporal_text = st.lists(st.sampled_from(TEMPORAL_WORDS), max_size=60).map(" ".join)
any_text = st.text(max_size=300)
mixed_text = st.lists(st.one_of(st.sampled_from(TEMPORAL_WORDS), st.text(max_size=8)), max_size=40).map("".join)
# Publication dates at the ends of the calendar too: arithmetic from them must not overflow.
dates = st.one_of(st.none(), st.sampled_from([date.min, date(1, 1, 7), date(9999, 12, 25), date.max]), st.dates())


def check(text: str, dct, genre: str) -> None:
    found = tag(text, dct, genre)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text), timex
        assert timex.start >= previous_end, f"{timex} overlaps or precedes the expression before it"
        previous_end = timex.end
        assert timex.text == text[timex.start : timex.end], timex
        assert timex.text == timex.text.strip(), f"{timex} starts or ends with white space"
        assert is_well_formed(timex.value), f"{timex.text!r} -> {timex.value!r} is not a TIMEX3 value"


settings.register_profile("tagger", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings.get_profile("tagger")
@given(temporal_text, dates, st.sampled_from(GENRES))
# Found by this test: each of these raised, or gave a value that is not TIMEX3.
@example("It was settled 10000 years ago.", date(2020, 1, 16), "news")
@example("9000 years from now", date(2020, 1, 16), "narrative")
@example("last week", date(1000, 1, 1), "news")
@example("this week", date.max, "news")
@example("last winter", date.min, "news")
@example("Wednesday", date.min, "narrative")
@example("10000 century", None, "news")
@example("the quarter", date.min, "news")
@example("Easter", date.min, "news")
@example("Monday week", date(9999, 12, 25), "news")
@example("Thanksgiving", date.max, "news")
@example("years ago", None, "news")
@example("20th day 20th day", None, "news")
@example("the first Monday of the month", date.min, "news")
@example("the last Friday of the month", date.max, "news")
@example("a year ago today", date.min, "news")
@example("two years ago this week", date.max, "news")
@example("two Fridays ago", date(1, 1, 7), "news")
@example("three days before Christmas", date.min, "news")
@example("the Friday before Christmas", date.min, "news")
@example("Monday in 2018 the weekend in 0001", None, "narrative")
@example("the first Monday of the month in 2018", date(2022, 1, 1), "news")
@example("the Monday after 31 December 9999", None, "news")
@example("the year after 9999", None, "news")
@example("the week before March 2003", date(2020, 1, 16), "narrative")
@example("said by summer", date(9999, 12, 31), "news")
@example("the first of next month", date(2020, 1, 16), "news")
@example("Eid al-Fitr 2080 and the start of Ramadan", date(9999, 12, 31), "news")
@example("Tuesday the 31st", date.max, "news")
@example("from 10pm to 6am", date.max, "news")
@example("the quarter ended Jan. 31", date.min, "news")
@example('two years of "', None, "narrative")
@example("the vote is on Dec. 31 or Monday", date(9999, 6, 1), "news")
@example("On Feb. 29, 2021 at 4pm. An hour later", None, "news")
@example("He said on Thursday that the talks would resume on Monday.", date.max, "news")
@example("It happened ten years ago Sunday.", None, "news")
@example("usually Thanksgiving", None, "news")
@example("Passover 12 BC", date.min, "news")
@example("after December or later 2000", date.min, "news")
@example("year BC 1Q24 the eve of the week of Sept. '23", date.max, "news")
@example("last until night (1842 GMT Tuesday)", date(2024, 2, 29), "narrative")
def test_text_made_of_temporal_words(text, dct, genre):
    check(text, dct, genre)


@settings.get_profile("tagger")
@given(mixed_text, dates, st.sampled_from(GENRES))
def test_temporal_words_mixed_with_anything(text, dct, genre):
    check(text, dct, genre)


@settings.get_profile("tagger")
@given(any_text, dates, st.sampled_from(GENRES))
def test_any_text(text, dct, genre):
    check(text, dct, genre)


long_lines = st.tuples(st.text(alphabet="ab  \t\n.", min_size=1, max_size=50), st.integers(1, 200)).map(lambda t: t[0] * t[1])


@settings.get_profile("tagger")
@example("ab  " * 1000)
@given(st.one_of(temporal_text, long_lines, any_text))
def test_sentences_are_ordered_spans_no_longer_than_the_limit(text):
    previous_end = 0
    for start, end in sentences.split(text):
        assert previous_end <= start < end <= len(text)
        assert end - start <= sentences.MAX_SENTENCE
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_a_text_without_punctuation_is_cut_at_spaces():
    text = " ".join(f"word{n}" for n in range(2000))
    spans = sentences.split(text)
    assert len(spans) > 1
    assert " ".join(text[start:end] for start, end in spans) == text


def test_a_long_run_of_spaces_between_a_date_and_a_year_is_read_through():
    # Once read by a pattern whose two runs of spaces could share them out in every way.
    text = "Christmas" + " " * 100_000 + "fell in 2018."
    found = tag(text, date(2022, 11, 17))
    assert [timex.text for timex in found] == ["Christmas", "2018"]


def test_a_long_run_of_spaces_between_a_date_and_a_time_is_read_through():
    text = "Monday" + " " * 100_000 + "x 9 a.m."
    assert [timex.text for timex in tag(text, date(2022, 1, 1))] == ["Monday", "9 a.m."]
