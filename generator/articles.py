"""Articles: read a seed file into its metadata and body, and find the body's structure.

A seed is a .md or .txt file with optional YAML front matter (title, date, source, url, author,
genre). The body is kept exactly as written: structure (paragraphs, crossheads, page residue)
is recorded as spans over it, never by rewriting it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

SEED_SUFFIXES = (".md", ".txt")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "author", "genre")
RESIDUE_FILE = Path(__file__).with_name("page_residue.txt")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CROSSHEAD = re.compile(r"-\s+(?P<text>\S.*?)\s+-|#{1,6}\s+(?P<heading>\S.*?)\s*#*")


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file: where, what, and what was done about it."""

    path: Path
    line: int
    message: str
    level: str = "warning"  # or "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


@dataclass(frozen=True)
class Block:
    """A paragraph or a crosshead of the body: body[start:end]; text is what is shown."""

    kind: str  # "paragraph", "crosshead" or "residue"
    start: int
    end: int
    text_start: int
    text_end: int


@dataclass
class Article:
    path: Path
    slug: str
    title: str
    body: str
    body_line: int  # line of the file the body starts on
    published: date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    genre: str = "news"
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """The line of the seed file that body offset falls on."""
        return self.body_line + self.body.count("\n", 0, offset)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:80].strip("-") or "article"


def _residue_lines() -> frozenset[str]:
    lines = RESIDUE_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def find_blocks(body: str) -> list[Block]:
    """Paragraphs, crossheads and trailing page residue of a body, as spans over it."""
    blocks = []
    position = 0
    for separator in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = separator.start() if separator else len(body)
        chunk = body[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            stop = start + len(stripped)
            crosshead = _CROSSHEAD.fullmatch(stripped) if "\n" not in stripped else None
            if crosshead:
                group = "text" if crosshead.group("text") else "heading"
                blocks.append(Block("crosshead", start, stop, start + crosshead.start(group), start + crosshead.end(group)))
            else:
                blocks.append(Block("paragraph", start, stop, start, stop))
        position = separator.end() if separator else len(body)
    residue = _residue_lines()
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.kind != "paragraph" or body[block.start : block.end].strip().lower() not in residue:
            break
        blocks[index] = Block("residue", block.start, block.end, block.start, block.end)
    return blocks


def _parse_date(value, path: Path, line: int, problems: list[Problem]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(Problem(path, line, f"date {value!r} is not an ISO date (YYYY-MM-DD); ignored", "error"))
        return None


def _front_matter(text: str, path: Path, problems: list[Problem]) -> tuple[dict, str, int]:
    """(metadata, body, line the body starts on)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    body_line = text.count("\n", 0, match.end()) + 1
    try:
        metadata = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark else 1
        problems.append(Problem(path, line, f"front matter is not valid YAML ({error.__class__.__name__}); "
                                            "published without it", "error"))
        return {}, text[match.end():], body_line
    if not isinstance(metadata, dict):
        problems.append(Problem(path, 2, "front matter is not a mapping of keys to values; published without it", "error"))
        return {}, text[match.end():], body_line
    for key in metadata:
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(path, 2, f"unknown front matter key {key!r} ignored "
                                             f"(known: {', '.join(FRONT_MATTER_KEYS)})"))
    return metadata, text[match.end():], body_line


def _title_from_body(body: str) -> tuple[str | None, str, int]:
    """A first line that stands alone (followed by a blank line) and has no full stop is a title."""
    first, separator, rest = body.partition("\n")
    if separator and rest.startswith("\n") and 0 < len(first.strip()) <= 150 and not first.rstrip().endswith("."):
        skipped = len(first) + 1
        return first.strip(), body[skipped:], body.count("\n", 0, skipped)
    return None, body, 0


def parse_article(path: Path, text: str) -> Article:
    problems: list[Problem] = []
    metadata, body, body_line = _front_matter(text, path, problems)
    title = metadata.get("title")
    if title is None:
        title, body, skipped = _title_from_body(body)
        body_line += skipped
    published = metadata.get("date")
    if published is not None:
        published = _parse_date(published, path, 2, problems)
    genre = str(metadata.get("genre", "news"))
    if genre not in ("news", "narrative"):
        problems.append(Problem(path, 2, f"genre {genre!r} is not news or narrative; read as news"))
        genre = "news"
    article = Article(
        path=path,
        slug=slugify(path.stem),
        title=str(title) if title else path.stem,
        body=body,
        body_line=body_line,
        published=published,
        source=str(metadata["source"]) if metadata.get("source") else None,
        url=str(metadata["url"]) if metadata.get("url") else None,
        author=str(metadata["author"]) if metadata.get("author") else None,
        genre=genre,
        problems=problems,
    )
    article.blocks = find_blocks(body)
    if published is None:
        problems.append(Problem(path, 1, "no publication date: relative dates are left unresolved"))
    return article


def read_article(path: Path) -> Article:
    return parse_article(path, path.read_text(encoding="utf-8"))
