"""Carry character spans from a tagger's copy of a text back to the original.

Taggers are meant to return the text they were given, but some normalise
whitespace or drop characters. Spans found in their copy are mapped onto the
original through the non-space characters the two texts share: the texts are
diffed word by word (a character diff is far too slow on long articles), and
within each run of differing words the non-space characters are paired up
when they are the same once spaces are ignored ("U.S." against "U. S.").
A mapped span runs from its first to its last shared character.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Iterable

_WORD = re.compile(r"\S+")


def _char_map(produced: str, original: str) -> list[int | None]:
    """For each character of ``produced``, its offset in ``original`` (None if unshared)."""
    to_original: list[int | None] = [None] * len(produced)
    a_words = [(m.start(), m.group()) for m in _WORD.finditer(produced)]
    b_words = [(m.start(), m.group()) for m in _WORD.finditer(original)]
    matcher = SequenceMatcher(None, [w for _, w in a_words], [w for _, w in b_words], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        a_chars = [start + k for start, word in a_words[a0:a1] for k in range(len(word))]
        b_chars = [start + k for start, word in b_words[b0:b1] for k in range(len(word))]
        if tag == "equal" or "".join(w for _, w in a_words[a0:a1]) == "".join(w for _, w in b_words[b0:b1]):
            for a, b in zip(a_chars, b_chars):
                to_original[a] = b
    return to_original


def map_spans(spans: Iterable[tuple[int, int]], produced: str, original: str) -> list[tuple[int, int] | None]:
    """Each (start, end) in ``produced`` as a span of ``original``, or None if nothing is shared."""
    spans = list(spans)
    if produced == original:
        return spans
    to_original = _char_map(produced, original)
    mapped = []
    for start, end in spans:
        shared = [p for p in to_original[start:end] if p is not None]
        mapped.append((shared[0], shared[-1] + 1) if shared else None)
    return mapped
