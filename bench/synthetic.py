"""A synthetic news corpus for the scale benchmark: N articles written from the templates and
vocabulary in bench/synthetic.yaml, with seed-file front matter (title, date, source, url).

Usage: ``python -m bench.synthetic N OUTDIR [--seed S]``. The same N and seed always write the
same bytes, and article i is the same whatever N is, so a smaller corpus is a prefix of a larger.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("synthetic.yaml")
DEFAULT_SEED = 2020
MIN_WORDS, MAX_WORDS = 300, 900
DATED_SHARE = 0.2  # of sentences carrying a temporal expression: about 10 events an article, as in the seed
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
UNITS = ("hours", "days", "weeks", "months", "years")
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Draft:
    name: str
    text: str


def vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def _clock(rng: random.Random) -> str:
    hour, minute = rng.randint(1, 12), rng.choice((0, 15, 30, 45))
    return f"{hour}:{minute:02d} {rng.choice(('am', 'pm'))}" if minute else f"{hour} {rng.choice(('am', 'pm'))}"


def _date_fields(rng: random.Random, published: date) -> dict[str, str]:
    """Fields of the temporal templates, plausible for an article published on that day."""
    recent = published - timedelta(days=rng.randint(2, 80))
    weekday = published - timedelta(days=rng.randint(1, 6))
    return {
        "weekday": calendar.day_name[weekday.weekday()],
        "month": calendar.month_name[recent.month],
        "month_day": f"{calendar.month_name[recent.month]} {recent.day}",
        "year": str(recent.year),
        "past_year": str(published.year - rng.randint(1, 6)),
        "clock": _clock(rng),
        "number": rng.choice(NUMBER_WORDS),
        "unit": rng.choice(UNITS),
    }


def _fill(template: str, rng: random.Random, words: dict, published: date) -> str:
    fields = _date_fields(rng, published)

    def value(match: re.Match) -> str:
        name = match.group(1)
        lower = name[0].lower() + name[1:]
        if lower in fields:
            text = fields[lower]
        elif lower in ("when",):
            text = _fill(rng.choice(words["when"]), rng, words, published)
        elif lower in ("actor", "actor2"):
            text = rng.choice(words["actors"])
        elif lower == "event":
            text = _fill(rng.choice(words["events"]), rng, words, published)
        else:
            text = rng.choice(words[lower + "s"])
        return text[0].upper() + text[1:] if name[0].isupper() else text

    return _FIELD.sub(value, template)


def _paragraph(rng: random.Random, words: dict, published: date) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        pool = words["sentences"] if rng.random() < DATED_SHARE else words["fillers"]
        sentences.append(_fill(rng.choice(pool), rng, words, published))
    return " ".join(sentences)


def article(number: int, seed: int = DEFAULT_SEED, words: dict | None = None) -> Draft:
    """Article number of the corpus: its file name and its text."""
    words = words or vocabulary()
    rng = random.Random(f"{seed}-{number}")
    first = date(words["first_year"], 1, 1)
    published = first + timedelta(days=rng.randrange(365 * words["years"]))
    outlet = rng.choice(words["outlets"])
    headline = _fill(rng.choice(words["headlines"]), rng, words, published)
    target = rng.randint(MIN_WORDS, MAX_WORDS - 80)  # a paragraph may overshoot it
    paragraphs, count = [], 0
    while count < target:
        paragraph = _paragraph(rng, words, published)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    slug = f"{published.isoformat()}-{re.sub(r'[^a-z0-9]+', '-', outlet['name'].lower())}-{number:05d}"
    front = [
        "---",
        f"title: {json.dumps(headline)}",
        f"date: {published.isoformat()}",
        f"source: {json.dumps(outlet['name'])}",
        f"url: https://{outlet['domain']}/{published.year}/{published.month:02d}/{number:05d}",
        "---",
    ]
    return Draft(f"{slug}.md", "\n".join(front) + "\n" + "\n\n".join(paragraphs) + "\n")


def write_corpus(count: int, out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    words = vocabulary()
    written = []
    for number in range(1, count + 1):
        draft = article(number, seed, words)
        path = out / draft.name
        path.write_text(draft.text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default: %(default)s")
    args = parser.parse_args(argv)
    written = write_corpus(args.count, args.out, args.seed)
    print(f"{len(written)} articles written to {args.out}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
