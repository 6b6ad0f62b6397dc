"""Tagging many articles: results from the cache first, the rest over a pool of processes.

The result is the same list whatever the number of processes: work is handed out in chunks and
collected in the order it was given. The processes are started before the articles are read, and
each gets its rules ready (compiling them is most of the time tagging one article takes) while
the articles are read.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import NamedTuple

from .progress import Progress
from .tag_cache import TagCache, article_key
from .tagger import Tagged, tag_in_sentences

CHUNKS_PER_PROCESS = 8  # small enough to keep every process busy to the end, large enough to amortise
WARM_UP = "Talks resumed on Monday, 1 January 2001."  # tagging any text first compiles every rule


class Work(NamedTuple):
    text: str
    published: date | None
    genre: str


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _tag(work: Work) -> Tagged:
    return tag_in_sentences(work.text, work.published, work.genre)


def _get_ready() -> None:
    tag_in_sentences(WARM_UP, date(2001, 1, 2))


class Taggers:
    """The processes that tag, started at once, each getting its rules ready; with one job there
    are none and the build's own process tags."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=_get_ready) if jobs > 1 else None
        if self._pool:
            self._pool.submit(int)  # starts every process now, not when the first work comes

    def __enter__(self) -> Taggers:
        return self

    def __exit__(self, *exception) -> None:
        if self._pool:
            self._pool.shutdown()

    def tag(self, todo: list[Work], progress: Progress) -> list[Tagged]:
        results = []
        if self._pool is None:
            for work in todo:
                results.append(_tag(work))
                progress.advance()
            return results
        chunk = max(1, len(todo) // (self.jobs * CHUNKS_PER_PROCESS))
        for found in self._pool.map(_tag, todo, chunksize=chunk):
            results.append(found)
            progress.advance()
        return results


def tag_all(works: list[Work], taggers: Taggers, cache: TagCache | None = None) -> list[Tagged]:
    """What the tagger finds in each work, in the order given."""
    keys = [article_key(*work) for work in works]
    found = cache.get_many(keys) if cache else {}
    todo = {key: work for key, work in zip(keys, works) if key not in found}
    progress = Progress("tagging", len(todo))
    try:
        fresh = dict(zip(todo, taggers.tag(list(todo.values()), progress)))
    finally:
        progress.close()
    if cache and fresh:
        cache.put_many(fresh)
    found.update(fresh)
    return [found[key] for key in keys]
