"""A table of texts kept in SQLite under keys, for the build's caches in the cache folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BATCH = 500  # keys per query, under SQLite's limit on parameters


class Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=60)
        self._db.execute("CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, data TEXT NOT NULL)")

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found = {}
        wanted = sorted(set(keys))
        for offset in range(0, len(wanted), BATCH):
            chunk = wanted[offset : offset + BATCH]
            found.update(self._db.execute(
                f"SELECT key, data FROM kept WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def put_many(self, data: dict[str, str]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?)", data.items())

    def keep_only(self, keys: list[str]) -> None:
        """Forget every entry but these."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in keys))
            self._db.execute("DELETE FROM kept WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        self._db.close()
