"""Tagging many articles: results from the cache first, the rest over a pool of processes.

The result is the same list whatever the number of processes: work is handed out in chunks and
collected in the order it was given.
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


class Work(NamedTuple):
    text: str
    published: date | None
    genre: str


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _tag(work: Work) -> Tagged:
    return tag_in_sentences(work.text, work.published, work.genre)


def _tag_in_processes(todo: list[Work], jobs: int, progress: Progress) -> list[Tagged]:
    if jobs <= 1 or len(todo) <= 1:
        results = []
        for work in todo:
            results.append(_tag(work))
            progress.advance()
        return results
    chunk = max(1, len(todo) // (jobs * CHUNKS_PER_PROCESS))
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for found in pool.map(_tag, todo, chunksize=chunk):
            results.append(found)
            progress.advance()
    return results


def tag_all(works: list[Work], jobs: int | None = None, cache: TagCache | None = None) -> list[Tagged]:
    """What the tagger finds in each work, in the order given."""
    keys = [article_key(*work) for work in works]
    found = cache.get_many(keys) if cache else {}
    todo = {key: work for key, work in zip(keys, works) if key not in found}
    progress = Progress("tagging", len(todo))
    try:
        fresh = dict(zip(todo, _tag_in_processes(list(todo.values()), jobs or default_jobs(), progress)))
    finally:
        progress.close()
    if cache and fresh:
        cache.put_many(fresh)
    found.update(fresh)
    return [found[key] for key in keys]
