"""dateparser as a baseline tagger (run inside the dateparser peer environment).

``search_dates`` returns (substring, datetime) pairs relative to the DCT. Each
becomes a TIME (value YYYY-MM-DDTHH:MM) when the substring shows a clock time,
else a DATE (value YYYY-MM-DD). dateparser has no notion of durations, sets or
granularity, so it is a weak baseline by design. Substrings are located in the
text in the order they are returned; one that cannot be found is dropped.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import datetime

from bench.peers import serve

CLOCK = re.compile(r"\d:\d\d|\b\d{1,2}\s*[ap]\.?m\b|\b(noon|midnight)\b", re.IGNORECASE)


def locate(text: str, found: list[tuple[str, datetime]]) -> list[tuple]:
    """Timexes for dateparser's matches, searched for left to right in ``text``."""
    timexes = []
    cursor = 0
    for substring, when in found:
        pattern = r"\s+".join(re.escape(part) for part in substring.split())
        match = re.compile(pattern).search(text, cursor) if pattern else None
        if match is None:
            print(f"dateparser: could not locate {substring!r}", file=sys.stderr)
            continue
        when = when.replace(tzinfo=None)
        if CLOCK.search(substring):
            timexes.append((match.start(), match.end(), "TIME", when.isoformat(timespec="minutes"), ""))
        else:
            timexes.append((match.start(), match.end(), "DATE", when.date().isoformat(), ""))
        cursor = match.end()
    return timexes


def tag_all(docs: list[dict]) -> list[tuple[list[tuple], float]]:
    from dateparser.search import search_dates

    def search(text: str, dct: str):
        settings = {"RELATIVE_BASE": datetime.fromisoformat(dct[:19])}
        return search_dates(text, languages=["en"], settings=settings) or []

    search("It rained on 5 March 2001 and the next day.", "2001-03-05")  # loads language data
    results = []
    for doc in docs:
        start = time.perf_counter()
        found = search(doc["text"], doc["dct"])
        seconds = time.perf_counter() - start
        results.append((locate(doc["text"], found), seconds))
    return results


if __name__ == "__main__":
    serve(tag_all)
