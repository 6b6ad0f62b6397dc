"""Sentence boundaries, as character spans of the text they come from."""

from __future__ import annotations

import re

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj rev st jr sr sen rep gov pres vs etc inc ltd
    co corp no jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun a.m p.m u.s u.k u.n e.g i.e approx est dept fig""".split()
)

MAX_SENTENCE = 1000  # characters; text without sentence punctuation is cut into pieces this long
_CLOSING_SINGLE = re.compile(r"’(?![^\W\d_])")  # not the apostrophe of "don’t"
# After a quotation that ends in ! or ?, the attribution still belongs to its sentence.
_ATTRIBUTION = re.compile(
    r"(?<=[!?]['’\"”])\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|told|asked|added|wrote|recalled|explained)\b"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_END = re.compile(r"[.!?…]+['’\"”)\]]*(?=\s+['‘\"“(\[]?[A-Z0-9])")
_TOKEN = re.compile(r"[\w.]+$")


def _token_before(text: str, stop: int) -> str | None:
    """The run of word characters and dots that ends at text[stop], looked for in a window that
    grows only while the run fills it, so long texts are not searched from their start."""
    window = 32
    while True:
        begin = max(0, stop - window)
        word = _TOKEN.search(text, begin, stop)
        if not word or word.start() > begin or begin == 0:
            return word.group() if word else None
        window *= 2


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the punctuation at text[stop] really ends a sentence."""
    if text[stop] != ".":
        return True
    token = _token_before(text, stop)
    if not token:
        return True
    token = token.lower().rstrip(".")
    return token not in ABBREVIATIONS and not (len(token) == 1 and "a" <= token <= "z")


def _quotes_opened(piece: str) -> tuple[int, int]:
    """(curly quotations opened minus closed, straight double quotes) in piece."""
    curly = piece.count("‘") + piece.count("“") - piece.count("”")
    if "’" in piece:
        curly -= len(_CLOSING_SINGLE.findall(piece))
    return curly, piece.count('"')


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs always break sentences; whitespace is trimmed.

    A sentence longer than MAX_SENTENCE characters is cut at spaces into pieces no longer.
    """
    spans = []
    position = 0
    for paragraph_break in [*_PARAGRAPH.finditer(text), None]:
        stop = paragraph_break.start() if paragraph_break else len(text)
        start = counted = position
        curly = straight = 0  # a quotation still open keeps its sentences together with its attribution
        for end in _END.finditer(text, position, stop):
            opened, doubles = _quotes_opened(text[counted : end.end()])
            curly, straight, counted = curly + opened, straight + doubles, end.end()
            if (
                _ends_sentence(text, end.start())
                and curly <= 0
                and straight % 2 == 0
                and not _ATTRIBUTION.match(text, end.end())
            ):
                spans.append((start, end.end()))
                start, curly, straight = end.end(), 0, 0
        spans.append((start, stop))
        position = paragraph_break.end() if paragraph_break else len(text)
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE + 1)
            cut = cut if cut > start else start + MAX_SENTENCE
            piece_end = cut
            while text[piece_end - 1].isspace():
                piece_end -= 1
            trimmed.append((start, piece_end))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            trimmed.append((start, end))
    return trimmed
