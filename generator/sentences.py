"""Sentence boundaries, as character spans of the text they come from."""

from __future__ import annotations

import re

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj rev st jr sr sen rep gov pres vs etc inc ltd
    co corp no jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun a.m p.m u.s u.k u.n e.g i.e approx est dept fig""".split()
)

_CLOSING_SINGLE = re.compile(r"’(?![^\W\d_])")  # not the apostrophe of "don’t"
# After a quotation that ends in ! or ?, the attribution still belongs to its sentence.
_ATTRIBUTION = re.compile(
    r"(?<=[!?]['’\"”])\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|told|asked|added|wrote|recalled|explained)\b"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_END = re.compile(r"[.!?…]+['’\"”)\]]*(?=\s+['‘\"“(\[]?[A-Z0-9])")


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the punctuation at text[stop] really ends a sentence."""
    if text[stop] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, stop - 40) : stop])
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    return token not in ABBREVIATIONS and not re.fullmatch(r"[a-z]", token)


def _inside_quotation(sentence: str) -> bool:
    """Whether a quotation opened in sentence is still open at its end: a quote of several
    sentences stays one sentence with its attribution ("‘... There is no truce,’ he said.")."""
    opened = sentence.count("‘") + sentence.count("“")
    closed = sentence.count("”") + len(_CLOSING_SINGLE.findall(sentence))
    return opened > closed or sentence.count('"') % 2 == 1


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs always break sentences; whitespace is trimmed."""
    spans = []
    position = 0
    for paragraph_break in [*_PARAGRAPH.finditer(text), None]:
        stop = paragraph_break.start() if paragraph_break else len(text)
        start = position
        for end in _END.finditer(text, position, stop):
            if (
                _ends_sentence(text, end.start())
                and not _inside_quotation(text[start : end.end()])
                and not _ATTRIBUTION.match(text, end.end())
            ):
                spans.append((start, end.end()))
                start = end.end()
        spans.append((start, stop))
        position = paragraph_break.end() if paragraph_break else len(text)
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed
