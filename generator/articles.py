"""Articles: read a seed file into its metadata and body, and find the body's structure.

A seed is a .md or .txt file with optional YAML front matter (title, date, source, url, author,
genre). The body is kept exactly as written: structure (paragraphs, crossheads, page residue)
is recorded as spans over it, never by rewriting it.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path

import yaml

from . import vocabulary

SEED_SUFFIXES = (".md", ".txt")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "author", "genre")
RESIDUE_FILE = Path(__file__).with_name("page_residue.txt")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_UNCLOSED_FRONT_MATTER = re.compile(r"\A---[ \t]*\n[\w-]+:")  # "---" then a key, and no "---" after
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CROSSHEAD = re.compile(r"-\s+(?P<text>\S.*?)\s+-|#{1,6}\s+(?P<heading>\S.*?)\s*#*")

# Publication dates: ISO, and the other forms read only where they cannot be misread.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_YEAR_FIRST_DATE = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})")
_DAY_MONTH_YEAR = re.compile(r"(?:\w+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?:\w+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML (read by libyaml where PyYAML has it) in which a date stays the text written, so
    that 2020-02-30 is reported, not fatal."""


class _ExplainingLoader(yaml.SafeLoader):
    """The same YAML read by PyYAML's own parser, whose errors say where a bracket was opened."""


_FrontMatterLoader.yaml_implicit_resolvers = _ExplainingLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file: where, what, and what was done about it."""

    path: Path
    line: int
    message: str
    level: str = "warning"  # "notice" (nothing wrong, something done), "warning" or "error"

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
    name: str  # the file's path within the seeds folder: "a.md", "2020/january/a.md"
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
    sentence_starts: tuple[int, ...] = ()  # where each sentence of the body starts, once tagged

    @cached_property
    def digest(self) -> str:
        """A hash of everything read from the article's file: text, front matter and notices,
        taken once the articles are all read."""
        return hashlib.sha256(repr(self).encode("utf-8", "surrogatepass")).hexdigest()

    def line_of(self, offset: int) -> int:
        """The line of the seed file that body offset falls on."""
        return self.body_line + self.body.count("\n", 0, offset)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:80].strip("-") or "article"


@cache
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


def _real_date(year: int, month: int, day: int) -> date | str:
    """The date, or why there is no such date."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    return date(year, month, day)


def _month_number(name: str) -> int | None:
    months = {word.lower(): int(number) for word, number in vocabulary.load()["months"].items()}
    return months.get(name.lower())


def read_date(value: str) -> tuple[date | None, str | None]:
    """A publication date as written in front matter: (the date, None) when it is ISO; (the date,
    which form it was read in) when it is another form that can only mean one date; (None, why not)
    when it is not a date or could mean two ("01/02/2020")."""
    text = value.strip()
    if match := _ISO_DATE.fullmatch(text):
        found = _real_date(int(match[1]), int(match[2]), int(match[3]))
        return (found, None) if isinstance(found, date) else (None, f"is not a real date: {found}")
    if match := _YEAR_FIRST_DATE.fullmatch(text):
        year, month, day, form = int(match[1]), int(match[3]), int(match[4]), "year/month/day"
    elif match := _NUMERIC_DATE.fullmatch(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12 and second > 12:
            return None, "is not a real date: neither number can be a month"
        if first > 12:
            day, month, form = first, second, "day/month/year (the day is over 12)"
        elif second > 12:
            day, month, form = second, first, "month/day/year (the day is over 12)"
        elif first == second:
            day, month, form = first, second, "day and month (the same either way)"
        else:
            return None, (f"could be {first} {calendar.month_name[second]} or {second} {calendar.month_name[first]} "
                          f"{year}: write it as YYYY-MM-DD")
    elif (match := _DAY_MONTH_YEAR.fullmatch(text)) and _month_number(match[2]):
        day, month, year, form = int(match[1]), _month_number(match[2]), int(match[3]), "day month year"
    elif (match := _MONTH_DAY_YEAR.fullmatch(text)) and _month_number(match[1]):
        day, month, year, form = int(match[2]), _month_number(match[1]), int(match[3]), "month day, year"
    else:
        return None, "is not a date in a form that can be read (write it as YYYY-MM-DD)"
    found = _real_date(year, month, day)
    return (found, form) if isinstance(found, date) else (None, f"is not a real date: {found}")


def _parse_date(value, path: Path, line: int, today: date, problems: list[Problem]) -> date | None:
    found, form = read_date(str(value))
    if found is None:
        problems.append(Problem(path, line, f"date {str(value)!r} {form}; not used, "
                                            "so relative dates are left unresolved", "error"))
        return None
    if form:
        problems.append(Problem(path, line, f"date {str(value)!r} is not ISO (YYYY-MM-DD); read as {form}: "
                                            f"{found.day} {calendar.month_name[found.month]} {found.year}"))
    if found > today:
        problems.append(Problem(path, line, f"date {found.isoformat()} is after the day of the build "
                                            f"({today.isoformat()}); not used, so relative dates are left unresolved"))
        return None
    return found


def _loaded(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _load_front_matter(front_matter: str, first_line: int) -> tuple[object, dict]:
    """The front matter's value, and the line of the file each of its top-level keys is on."""
    try:
        node, value = _loaded(front_matter, _FrontMatterLoader)
    except yaml.YAMLError:
        node, value = _loaded(front_matter, _ExplainingLoader)  # raises the better explained error
    if not isinstance(node, yaml.MappingNode):
        return value, {}
    return value, {key.value: first_line + key.start_mark.line for key, _ in node.value
                   if isinstance(key, yaml.ScalarNode)}


def _front_matter(text: str, path: Path, problems: list[Problem]) -> tuple[dict, dict, str, int]:
    """(metadata, the line of each key, body, line the body starts on)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if _UNCLOSED_FRONT_MATTER.match(text):
            problems.append(Problem(path, 1, "front matter is never closed (no \"---\" line after it); "
                                             "the whole file is published as the article's text", "error"))
        return {}, {}, text, 1
    body_line = text.count("\n", 0, match.end()) + 1
    try:
        metadata, lines = _load_front_matter(match.group(1) or "", 2)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark else 1
        what = getattr(error, "problem", None) or error.__class__.__name__
        opened = getattr(error, "context_mark", None)
        if opened and "stream" in what:  # a bracket or quote never closed: where it was opened
            line, what = 2 + opened.line, f"{error.context}, never closed: {what}"
        problems.append(Problem(path, line, f"front matter is not valid YAML ({what}); "
                                            "published without it", "error"))
        return {}, {}, text[match.end():], body_line
    if metadata is None:
        return {}, {}, text[match.end():], body_line
    if not isinstance(metadata, dict):
        problems.append(Problem(path, 2, f"front matter is a {type(metadata).__name__}, not a mapping of keys "
                                         "to values (key: value); published without it", "error"))
        return {}, {}, text[match.end():], body_line
    for key, value in list(metadata.items()):
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(path, lines.get(key, 2), f"unknown front matter key {key!r} ignored "
                                                             f"(known: {', '.join(FRONT_MATTER_KEYS)})"))
        elif isinstance(value, (list, dict)):
            problems.append(Problem(path, lines.get(key, 2), f"{key} is a {type(value).__name__}, not text; ignored"))
            del metadata[key]
    return metadata, lines, text[match.end():], body_line


def _title_from_body(body: str) -> tuple[str | None, str, int]:
    """A first line that stands alone (followed by a blank line) and has no full stop is a title."""
    first, separator, rest = body.partition("\n")
    if separator and rest.startswith("\n") and 0 < len(first.strip()) <= 150 and not first.rstrip().endswith("."):
        skipped = len(first) + 1
        return first.strip(), body[skipped:], body.count("\n", 0, skipped)
    return None, body, 0


def parse_article(path: Path, text: str, today: date | None = None, name: str | None = None) -> Article:
    """The article in text, read from path (name: its path within the seeds folder, by default
    its file name); a publication date after today is not used."""
    problems: list[Problem] = []
    name = name or path.name
    metadata, lines, body, body_line = _front_matter(text, path, problems)
    title = metadata.get("title")
    if title is not None and not str(title).strip():
        problems.append(Problem(path, lines.get("title", 2), "title is blank; ignored"))
        title = None
    if title is None:
        title, body, skipped = _title_from_body(body)
        body_line += skipped
    published = metadata.get("date")
    if published is not None:
        published = _parse_date(published, path, lines.get("date", 2), today or date.today(), problems)
    genre = str(metadata.get("genre", "news")).strip().lower()
    if genre not in ("news", "narrative"):
        problems.append(Problem(path, lines.get("genre", 2), f"genre {genre!r} is not news or narrative; read as news"))
        genre = "news"
    article = Article(
        path=path,
        name=name,
        slug=slugify(name.rsplit(".", 1)[0]),
        title=str(title).strip() if title else path.stem,
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
    if metadata.get("date") is None:
        problems.append(Problem(path, 1, "no publication date: relative dates are left unresolved"))
    return article


def distinct_slugs(articles: list[Article], reserved: frozenset[str] = frozenset()) -> None:
    """Give every article a slug of its own, in order: a slug already taken (or reserved) gets the
    first free suffix (-2, -3, ...). Two articles with the same title are both kept, and noted."""
    taken = set(reserved) | {article.slug for article in articles}
    first_of_slug: dict[str, Article] = {}
    first_of_title: dict[str, Article] = {}
    for article in articles:
        wanted = article.slug
        if wanted in first_of_slug or wanted in reserved:
            number = 2
            while f"{wanted}-{number}" in taken:
                number += 1
            article.slug = f"{wanted}-{number}"
            taken.add(article.slug)
            clash = first_of_slug[wanted].name if wanted in first_of_slug else "a page of the site"
            article.problems.append(Problem(article.path, 1, f"its page name {wanted!r} is taken by {clash}; "
                                                     f"published as {article.slug!r} instead"))
        first_of_slug.setdefault(article.slug, article)
        title = " ".join(article.title.split()).casefold()
        if title in first_of_title:
            article.problems.append(Problem(article.path, 1, f"same title as {first_of_title[title].name}; "
                                                     "both published", "notice"))
        first_of_title.setdefault(title, article)


def one_spelling_per_outlet(articles: list[Article]) -> None:
    """Give an outlet written in different ways ("WSJ", "wsj", "W.S.J.") one spelling everywhere:
    the one most articles use, or the first among equals, in order. An article whose spelling is
    changed is noted. Without this one outlet would be two on the site, with two filter tags of the
    same name."""
    def key(outlet: str) -> str:  # its letters and digits alone, as a tag's id keeps them
        return slugify(outlet).replace("-", "")

    spellings: dict[str, list[str]] = {}
    for article in articles:
        if article.source:
            spellings.setdefault(key(article.source), []).append(article.source)
    chosen = {outlet: max(dict.fromkeys(written), key=written.count) for outlet, written in spellings.items()}
    for article in articles:
        if article.source and chosen[key(article.source)] != article.source:
            spelling = chosen[key(article.source)]
            article.problems.append(Problem(article.path, 1, f"outlet {article.source!r} is shown as {spelling!r}, "
                                                     "the spelling most used for it (or first, if as often)", "notice"))
            article.source = spelling


def read_article(path: Path, today: date | None = None) -> Article:
    """The article in the file at path, with the problems met reading it; ValueError when the file
    is refused (see intake)."""
    from .intake import read_text  # intake reports with Problem, defined here

    text, problems = read_text(path)
    if text is None:
        raise ValueError("; ".join(map(str, problems)))
    article = parse_article(path, text, today)
    article.problems[:0] = problems
    return article
