"""TimeML in and out: tag the <TEXT> of a TempEval-3 document, anchored to its creation time."""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape, unescape

from .tagger import tag

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.DOTALL)
_INLINE_MARKUP = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL)\b[^>]*>")
_DCT = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.DOTALL)
_VALUE = re.compile(r"\bvalue=\"(\d{4})-?(\d\d)-?(\d\d)")
_TAIL_LINKS = re.compile(r"\s*<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*/>")


class TimeMLError(ValueError):
    pass


def creation_date(document: str) -> date | None:
    """The document creation time (DCT) of a TimeML document, as a date."""
    element = _DCT.search(document)
    value = _VALUE.search(element.group(0)) if element else None
    return date(int(value[1]), int(value[2]), int(value[3])) if value else None


def _attributes(number: int, found) -> str:
    attributes = f'tid="t{number}" type="{found.type}" value="{escape(found.value)}"'
    return attributes + (f' mod="{found.mod}"' if found.mod else "")


def annotate(document: str, genre: str = "news") -> str:
    """The document with its <TEXT> re-tagged: same characters, new TIMEX3 elements."""
    body = _TEXT.search(document)
    if body is None:
        raise TimeMLError("no <TEXT> element")
    text = unescape(_INLINE_MARKUP.sub("", body.group(2)))
    pieces, position = [], 0
    for number, found in enumerate(tag(text, creation_date(document), genre), start=1):
        pieces.append(escape(text[position : found.start]))
        pieces.append(f"<TIMEX3 {_attributes(number, found)}>{escape(found.text)}</TIMEX3>")
        position = found.end
    pieces.append(escape(text[position:]))
    tail = _TAIL_LINKS.sub("", document[body.end() :])
    return document[: body.start()] + body.group(1) + "".join(pieces) + body.group(3) + tail
