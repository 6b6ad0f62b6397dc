"""Benchmark corpora: loading gold documents and writing/reading TimeML.

Every document becomes a :class:`Document`: its name, its creation time (DCT)
as an ISO string ("YYYY-MM-DD..."), the plain text of its ``<TEXT>`` element
(markup stripped, XML entities decoded) and its gold :class:`Timex` list.
Offsets are character offsets into that plain text; they are the same offsets
a tagger sees when it is given :func:`to_timeml` of the document.

TempEval-3 (TimeML 1.2.1): the gold is every TIMEX3 inside ``<TEXT>``; the DCT
is the ``functionInDocument="CREATION_TIME"`` TIMEX3 and is never scored.

WikiWars (keyinline, TIMEX2): only outermost TIMEX2 elements are gold (an
inner TIMEX2 lies inside its parent's span). TIMEX2 has no type attribute, so
the TIMEX3 type is derived from ``val`` and ``set``: ``set="YES"`` -> SET, a
duration ``P...`` -> DURATION, a value with a time of day (``T`` followed by a
clock time or a part of day) -> TIME, anything else -> DATE. The 68 outermost
TIMEX2 without ``val`` (e.g. "this period", "dry season") are kept as gold
with type "" and value "": they count fully for strict and relaxed span
scores, and since no tagger emits an empty type or value they can never match
on type or value, which lowers every system's type/value ceiling equally. The
DCT (``<DATETIME>``) is the page download time, so WikiWars is tagged in
narrative mode where relative expressions anchor on mentioned dates.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPORA_ENV = "TIMELINE_CORPORA"

NEWS = "news"
NARRATIVE = "narrative"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    mod: str = ""


@dataclass
class Document:
    name: str
    dct: str
    text: str
    gold: list[Timex] = field(default_factory=list)
    genre: str = NEWS

    @property
    def words(self) -> int:
        return len(self.text.split())


def corpora_root() -> Path:
    """Where the corpora live: $TIMELINE_CORPORA, else <repo>/../shared/corpora."""
    configured = os.environ.get(CORPORA_ENV)
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "corpora"


def inline_annotations(element: ET.Element, tag: str) -> tuple[str, list[tuple[int, int, dict]]]:
    """Text content of ``element`` and the spans of its outermost ``tag`` descendants.

    Returns the concatenated text (all markup removed) and, in document order,
    (start, end, attributes) for each ``tag`` element not nested in another one.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, dict]] = []
    length = 0

    def walk(node: ET.Element, inside: bool) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        hit = node.tag == tag and not inside
        for child in node:
            walk(child, inside or hit)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if hit:
            spans.append((start, length, dict(node.attrib)))

    walk(element, inside=element.tag == tag)
    spans.sort(key=lambda span: (span[0], span[1]))
    return "".join(parts), spans


def _timex3(start: int, end: int, attrib: dict) -> Timex:
    return Timex(start, end, attrib.get("type", ""), attrib.get("value", ""), attrib.get("mod", ""))


def parse_timeml(timeml: str) -> tuple[str, str, list[Timex]]:
    """(DCT value, TEXT content, TIMEX3s inside TEXT) of a TimeML document string."""
    root = ET.fromstring(timeml)
    dct = ""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")
            break
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise ValueError("TimeML document has no <TEXT> element")
    text, spans = inline_annotations(text_element, "TIMEX3")
    return dct, text, [_timex3(*span) for span in spans]


def load_timeml(path: Path, genre: str = NEWS) -> Document:
    dct, text, gold = parse_timeml(path.read_text(encoding="utf-8"))
    return Document(path.stem, dct, text, gold, genre)


_DURATION = re.compile(r"^P[\d.X]|^PT")
_TIME_OF_DAY = re.compile(r"T(\d|MO|AF|EV|NI|DT|XX)")


def timex2_type(attrib: dict) -> str:
    value = attrib.get("val")
    if value is None:
        return ""
    if attrib.get("set", "").upper() == "YES":
        return "SET"
    if _DURATION.match(value):
        return "DURATION"
    if _TIME_OF_DAY.search(value):
        return "TIME"
    return "DATE"


def load_wikiwars(path: Path) -> Document:
    root = ET.parse(path).getroot()
    dct = root.find("DATETIME/TIMEX2").get("val", "")
    text, spans = inline_annotations(root.find("TEXT"), "TIMEX2")
    gold = [
        Timex(start, end, timex2_type(attrib), attrib.get("val", ""), attrib.get("mod", ""))
        for start, end, attrib in spans
    ]
    return Document(path.name.removesuffix(".key.xml"), dct, text, gold, NARRATIVE)


def to_timeml(doc: Document) -> str:
    """A TempEval-3 style input document (DCT + unannotated TEXT) for a tagger."""
    dct_type = "TIME" if "T" in doc.dct else "DATE"
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc.name)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="{dct_type}" value={quoteattr(doc.dct)} '
        f'temporalFunction="false" functionInDocument="CREATION_TIME">{escape(doc.dct)}</TIMEX3></DCT>\n'
        f"<TEXT>{escape(doc.text)}</TEXT>\n</TimeML>\n"
    )


# Benchmark sets: display name -> (subdirectories, glob, loader).
SETS = {
    "train": ("TE3-train", ["tempeval3/train/timebank", "tempeval3/train/aquaint"], "*.tml", load_timeml),
    "platinum": ("TE3-Platinum", ["tempeval3/test/platinum"], "*.tml", load_timeml),
    "wikiwars": ("WikiWars", ["wikiwars/WikiWars_20120218_v104/keyinline"], "*.key.xml", load_wikiwars),
}


def set_label(key: str) -> str:
    return SETS[key][0]


def load_set(key: str, root: Path | None = None) -> list[Document]:
    """All documents of a benchmark set, in a stable order."""
    _, folders, pattern, loader = SETS[key]
    root = root or corpora_root()
    docs = []
    for folder in folders:
        paths = sorted((root / folder).glob(pattern))
        if not paths:
            raise FileNotFoundError(f"no {pattern} under {root / folder} (set ${CORPORA_ENV}?)")
        docs.extend(loader(path) for path in paths)
    return docs
