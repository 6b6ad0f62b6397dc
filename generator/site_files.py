"""Writing the generated files into the docs folder so that only what changed is touched: a file
whose bytes are already there keeps its modification time, and a generated file that is no longer
generated is removed. The folder ends up byte for byte as a fresh build would leave it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Changes:
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def __str__(self) -> str:
        return (f"{self.written} {'file' if self.written == 1 else 'files'} written, {self.unchanged} unchanged, "
                f"{self.removed} removed")


def _stale(out: Path, wanted: dict[str, bytes], pages: tuple[str, ...], folders: tuple[str, ...]) -> list[Path]:
    stale = [out / name for name in pages if name not in wanted and (out / name).exists()]
    for folder in folders:
        if (out / folder).is_dir():
            stale += [path for path in sorted((out / folder).rglob("*"))
                      if path.is_file() and path.relative_to(out).as_posix() not in wanted]
    return stale


def sync(out: Path, wanted: dict[str, bytes], pages: tuple[str, ...], folders: tuple[str, ...]) -> Changes:
    """Make out hold wanted (path → bytes); pages and folders name what the generator owns there."""
    changes = Changes()
    for path in _stale(out, wanted, pages, folders):
        path.unlink()
        changes.removed += 1
    for folder in folders:
        if not (out / folder).is_dir():
            continue
        for directory in [*sorted((out / folder).rglob("*"), reverse=True), out / folder]:
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    for name, content in wanted.items():
        path = out / name
        if path.is_file() and path.stat().st_size == len(content) and path.read_bytes() == content:
            changes.unchanged += 1
            continue
        if path.is_dir():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changes.written += 1
    return changes
