"""The build report: how many files were read, published and skipped, and every problem met,
each with its file and line, what is wrong and what was done."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import markup
from .articles import Problem
from .layout import link

REPORT_PAGE = "report.md"
LEVELS = {"error": "Errors", "warning": "Warnings", "notice": "Notices"}


@dataclass
class Tally:
    read: int = 0  # article files opened (.md, .txt)
    published: int = 0
    skipped: int = 0  # opened but refused: nothing of them published
    ignored: int = 0  # other files in the folder, not opened

    def summary(self) -> str:
        return (f"{_count(self.read, 'file')} read: {self.published} published, {self.skipped} skipped; "
                f"{_count(self.ignored, 'other file')} ignored")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems by file, then line: the order they are printed and listed in."""
    return sorted(problems, key=lambda problem: (str(problem.path), problem.line))


def counts(problems: list[Problem]) -> str:
    """How many problems of each level, for instance "2 errors, 1 notice"; "no problems"."""
    found = [(sum(problem.level == level for problem in problems), level) for level in LEVELS]
    return ", ".join(f"{count} {level}{'s' if count > 1 else ''}" for count, level in found if count) or "no problems"


def report_page(tally: Tally, problems: list[Problem], page_of: dict[Path, str]) -> str:
    """The report page; a file that was published links to its page."""
    lines = ["---", "hide: [navigation]", "---", "", "# Build report", "",
             "What the last build read, published and left out, and every problem it met. "
             "A problem names the file and line, what is wrong and what was done; "
             "a build with `--strict` fails on any error or warning (notices are for information).", "",
             f"- **Files read:** {tally.read}",
             f"- **Published:** {tally.published}",
             f"- **Skipped:** {tally.skipped}",
             f"- **Other files ignored:** {tally.ignored}",
             f"- **Problems:** {counts(problems)}", ""]
    for level, heading in LEVELS.items():
        found = [problem for problem in ordered(problems) if problem.level == level]
        lines += [f"## {heading}", ""]
        lines += [_item(problem, page_of) for problem in found] or ["None."]
        lines.append("")
    return "\n".join(lines)


def _item(problem: Problem, page_of: dict[Path, str]) -> str:
    where = markup.text(f"{problem.path}:{problem.line}")
    page = page_of.get(problem.path)
    if page:
        where = f"[{where}]({link(REPORT_PAGE, page)})"
    return f"- {where}: {markup.text(problem.message)}"
