"""A table of texts kept in SQLite under keys, for the build's caches in the cache folder."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

BATCH = 500  # keys per query, under SQLite's limit on parameters
T = TypeVar("T")


class Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=60)
        self._db.execute("CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
        self._asked: set[str] = set()

    def get_many_bytes(self, keys: list[str]) -> dict[str, bytes]:
        found = {}
        wanted = sorted(set(keys))
        self._asked.update(wanted)
        for offset in range(0, len(wanted), BATCH):
            chunk = wanted[offset : offset + BATCH]
            found.update(self._db.execute(f"SELECT key, data FROM kept WHERE key IN ({','.join('?' * len(chunk))})",
                                          chunk))
        return {key: data if isinstance(data, bytes) else data.encode("utf-8") for key, data in found.items()}

    def get_many(self, keys: list[str]) -> dict[str, str]:
        return {key: data.decode("utf-8") for key, data in self.get_many_bytes(keys).items()}

    def put_many(self, data: dict[str, str | bytes]) -> None:
        """Each text goes in as UTF-8 bytes: given a str, SQLite's binding would leave a UTF-8 copy
        inside every one that is not ASCII, for as long as it lives."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?)",
                                 ((key, text if isinstance(text, bytes) else text.encode("utf-8"))
                                  for key, text in data.items()))

    def forget_the_rest(self) -> None:
        """Forget every entry not asked for since the store was opened."""
        unused = [key for (key,) in self._db.execute("SELECT key FROM kept") if key not in self._asked]
        with self._db:
            self._db.executemany("DELETE FROM kept WHERE key = ?", ((key,) for key in unused))

    def close(self) -> None:
        self._db.close()


@contextmanager
def kept_in(cache: Path | None, name: str) -> Iterator[Store | None]:
    """The store of that name in the cache folder (None when there is none): once the work with
    it is done, it forgets every entry not asked for, then closes; on an error it only closes."""
    if cache is None:
        yield None
        return
    store = Store(cache / name)
    try:
        yield store
        store.forget_the_rest()
    finally:
        store.close()


def made_or_kept(store: Store | None, items: list[T], key: Callable[[T], str], make: Callable[[T], str]) -> list[str]:
    """make(item) for each item; with a store, only for the items whose key it does not hold, the
    others taken from it, and what is made is added to it."""
    if store is None:
        return [make(item) for item in items]
    keys = [key(item) for item in items]
    kept = store.get_many(keys)
    fresh = {name: make(item) for item, name in zip(items, keys) if name not in kept}
    store.put_many(fresh)
    return [kept[name] if name in kept else fresh[name] for name in keys]
