"""What the tagger found in each article, kept in SQLite by a hash of everything the result
depends on: the article's text, publication date and genre, and the generator itself (its
version, source files and data files), so a change to any rule or word list misses the cache."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from pathlib import Path

from . import __version__
from .store import Store
from .tagger import Tagged, Timex

PACKAGE = Path(__file__).resolve().parent
FINGERPRINTED = ("*.py", "*.yaml", "*.txt")
DATABASE = "tags.sqlite3"


@cache
def generator_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    files = sorted({path for pattern in FINGERPRINTED for path in PACKAGE.glob(pattern)})
    for path in files:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def article_key(text: str, published: date | None, genre: str) -> str:
    published_text = published.isoformat() if published else "-"
    return hashlib.sha256(f"{generator_fingerprint()}\0{published_text}\0{genre}\0{text}".encode()).hexdigest()


def _dump(tagged: Tagged) -> str:
    timexes = [[getattr(t, name) for name in Timex.__dataclass_fields__] for t in tagged.timexes]
    return json.dumps([timexes, tagged.sentence_starts], ensure_ascii=False)


def _load(data: str) -> Tagged:
    timexes, sentence_starts = json.loads(data)
    found = []
    for fields in timexes:
        values = dict(zip(Timex.__dataclass_fields__, fields))
        values["sentence"] = tuple(values["sentence"])
        found.append(Timex(**values))
    return Tagged(found, sentence_starts)


class TagCache:
    def __init__(self, folder: Path):
        self._store = Store(folder / DATABASE)

    def get_many(self, keys: list[str]) -> dict[str, Tagged]:
        return {key: _load(found) for key, found in self._store.get_many(keys).items()}

    def put_many(self, results: dict[str, Tagged]) -> None:
        self._store.put_many({key: _dump(found) for key, found in results.items()})

    def close(self) -> None:
        self._store.close()
