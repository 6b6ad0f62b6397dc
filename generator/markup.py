"""Article text as Markdown that renders as the same text: never as markup, links or HTML."""

from __future__ import annotations

import re

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "&#92;",
    "`": "&#96;", "*": "&#42;", "_": "&#95;", "{": "&#123;", "}": "&#125;", "[": "&#91;",
    "]": "&#93;", "#": "&#35;", "|": "&#124;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_BLOCK_START = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str) -> str:
    """Escape value for a Markdown paragraph, a link text or a double-quoted attribute.

    Characters that Markdown or HTML could read as syntax become entities, line breaks become
    spaces, and a leading list or heading marker is escaped, so the result is only ever text.
    """
    value = re.sub(r"\s*\n\s*", " ", _CONTROLS.sub("", value))
    value = _SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], value)
    return _BLOCK_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), value)
