"""Sentence boundaries: what a timeline entry quotes."""

import pytest

from generator.sentences import split

CASES = [
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("Mr. Smith arrived on Jan. 5. He left.", ["Mr. Smith arrived on Jan. 5.", "He left."]),
    ("One.\n\nTwo", ["One.", "Two"]),
    (
        "‘It is over. There is no truce,’ Sari Bitar told AFP on Thursday. Fighting went on.",
        ["‘It is over. There is no truce,’ Sari Bitar told AFP on Thursday.", "Fighting went on."],
    ),
    (
        "‘This is not the neighbourhood I left!’ Mustafa said, in tears. The shop was gone.",
        ["‘This is not the neighbourhood I left!’ Mustafa said, in tears.", "The shop was gone."],
    ),
    ("\"We will stay. We have no choice,\" she said. Then she left.",
     ["\"We will stay. We have no choice,\" she said.", "Then she left."]),
    ("They don’t know. Nobody does.", ["They don’t know.", "Nobody does."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split(text, expected):
    assert [text[start:end] for start, end in split(text)] == expected
