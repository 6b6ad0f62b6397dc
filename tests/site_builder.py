"""Build a site from a folder of seeds into a temporary folder, as `make build` does."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from bench.scale import site_folder
from bench.synthetic import write_corpus
from generator import layout
from generator.build import build

ROOT = Path(__file__).resolve().parent.parent


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by its path there, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def seeds_folder(where: Path, articles: dict[str, str]) -> Path:
    """A folder "seeds" in where, holding each article's text under its file name."""
    seeds = where / "seeds"
    seeds.mkdir()
    for name, text in articles.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def build_site(seeds: Path, where: Path, strict: bool = False, today: str | None = None) -> subprocess.CompletedProcess:
    """Generate pages from seeds and run mkdocs; returns the generator's completed process."""
    docs = where / "docs"
    site_folder(where)
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(docs),
               "--cache", str(where / ".cache")]
    command += (["--strict"] if strict else []) + (["--today", today] if today else [])
    generated = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if generated.returncode == 0:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        subprocess.run([str(mkdocs), "build", "--strict", "-f", str(where / "mkdocs.yml")],
                       cwd=where, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return generated


def build_site_with_layout(seeds: Path, where: Path, today: date | None = None, **settings) -> None:
    """Generate pages from seeds with the layout's settings changed (YEAR_PAGE_THRESHOLD=10, ...),
    in this process so that they apply, and build the site with mkdocs --strict."""
    site_folder(where)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_URL", raising=False)
        for name, value in settings.items():
            patch.setattr(layout, name, value)
        assert build(seeds, where / "docs", jobs=1, today=today) == 0
    mkdocs_build(load_config(str(where / "mkdocs.yml"), strict=True))


def synthetic_site(where: Path, articles: int, **settings) -> Path:
    """A site built in where from that many synthetic articles, with the layout's settings changed."""
    write_corpus(articles, where / "seeds")
    build_site_with_layout(where / "seeds", where, **settings)
    return where
