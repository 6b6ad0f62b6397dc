"""Article text as Markdown that renders as the same text: never as markup, links or HTML."""

from __future__ import annotations

import re

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "&#92;",
    "`": "&#96;", "*": "&#42;", "_": "&#95;", "{": "&#123;", "}": "&#125;", "[": "&#91;",
    "]": "&#93;", "#": "&#35;", "|": "&#124;",
}
_ESCAPED = str.maketrans(_ENTITIES)
_BLOCK_START = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\s*\n\s*")
# Explicit bidi formatting: embeddings and overrides (closed by PDF), isolates (closed by PDI).
_EMBEDDINGS, _ISOLATES, _PDF, _PDI = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068", "\u202c", "\u2069"
_OPENERS = re.compile(f"[{_EMBEDDINGS}{_ISOLATES}]")
# What text() must do more than translate: control characters, line breaks, bidi openers.
_UNUSUAL = re.compile(f"[\\x00-\\x1f\\x7f{_EMBEDDINGS}{_ISOLATES}]")


def contain_bidi(value: str) -> str:
    """value with every embedding, override or isolate it opens closed at its end, so that it
    cannot reorder the text that follows it on the page (the Unicode bidi algorithm's rules
    for which closer ends what)."""
    if not _OPENERS.search(value):
        return value
    open_ = []
    for character in value:
        if character in _EMBEDDINGS or character in _ISOLATES:
            open_.append(_PDF if character in _EMBEDDINGS else _PDI)
        elif character == _PDF and open_ and open_[-1] == _PDF:
            open_.pop()
        elif character == _PDI and _PDI in open_:
            while open_.pop() != _PDI:
                pass
    return value + "".join(reversed(open_))


def text(value: str) -> str:
    """Escape value for a Markdown paragraph, a link text or a double-quoted attribute.

    Characters that Markdown or HTML could read as syntax become entities, line breaks become
    spaces, and a leading list or heading marker is escaped, so the result is only ever text;
    a bidi override in it ends with it.
    """
    if _UNUSUAL.search(value):
        value = _LINE_BREAK.sub(" ", contain_bidi(_CONTROLS.sub("", value)))
    value = value.translate(_ESCAPED)
    if not _BLOCK_START.match(value):
        return value
    return _BLOCK_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), value)
