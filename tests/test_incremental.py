"""The MkDocs hook behind `make build`'s dirty build: after an article changes it writes only the
pages that changed, and leaves byte for byte the site a clean build makes of the same pages."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build as generate
from site_builder import files_of, synthetic_site


def mkdocs(where: Path, *options: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with options, in a process of its own as `make build` runs it (in
    one process MkDocs keeps its plugins, and their state, from one build to the next)."""
    command = [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", *options]
    return subprocess.run(command, cwd=where, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def dirty_build(where: Path) -> None:
    built = mkdocs(where, "--dirty")
    assert built.returncode == 0, built.stderr


def clean_build(where: Path, into: Path) -> dict[str, bytes]:
    """The same pages built from nothing, in another folder."""
    for name in ("docs", "hooks"):
        shutil.copytree(where / name, into / name)
    shutil.copy(where / "mkdocs.yml", into / "mkdocs.yml")
    assert mkdocs(into).returncode == 0
    return files_of(into / "site")


def written_pages(where: Path, build) -> list[str]:
    """The HTML pages build() wrote: those whose modification time it changed."""
    before = {path: path.stat().st_mtime_ns for path in (where / "site").rglob("*.html")}
    build(where)
    return sorted(path.relative_to(where / "site").as_posix() for path in (where / "site").rglob("*.html")
                  if before.get(path) != path.stat().st_mtime_ns)


def regenerate(where: Path) -> None:
    assert generate(where / "seeds", where / "docs", jobs=1) == 0


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_URL", raising=False)
        return synthetic_site(tmp_path_factory.mktemp("built"), 30)


@pytest.fixture
def site(built, tmp_path, monkeypatch):
    """A site built once, then with a record of that build: each test gets its own copy."""
    monkeypatch.delenv("SITE_URL", raising=False)
    where = tmp_path / "site"
    shutil.copytree(built, where)
    dirty_build(where)
    return where


def _place_not_named_in(article: Path, site: Path) -> str:
    """A place with a page of its own that the article does not name: naming it there changes the
    article's tags but adds no page."""
    text = article.read_text(encoding="utf-8")
    for page in sorted((site / "docs" / "places").glob("*.md")):
        if page.name == "index.md":
            continue
        name = re.search(r'^title: "(.+) on the timeline"$', page.read_text(encoding="utf-8"), re.M).group(1)
        if name not in text:
            return name
    raise AssertionError("every place is named in the article")


def test_with_nothing_changed_no_page_is_written_and_the_site_stays(site):
    before = files_of(site / "site")
    assert written_pages(site, dirty_build) == ["404.html"]  # the theme's, made every time
    assert files_of(site / "site") == before


def test_after_an_article_changes_the_site_is_the_one_a_clean_build_makes(site, tmp_path):
    article = sorted((site / "seeds").iterdir())[5]
    place = _place_not_named_in(article, site)
    article.write_text(article.read_text(encoding="utf-8") + f"\nOfficials met again in {place} on Friday.\n",
                       encoding="utf-8")
    pages_before = set((site / "docs").rglob("*.md"))
    regenerate(site)
    assert set((site / "docs").rglob("*.md")) == pages_before
    written = written_pages(site, dirty_build)
    assert article.stem in " ".join(written) and "tags.html" in written and len(written) < 10, written
    rebuilt = files_of(site / "site")
    assert f"in {place} on Friday" in rebuilt["search/search_index.json"].decode("utf-8")
    assert rebuilt == clean_build(site, tmp_path / "clean")


def test_a_removed_article_leaves_no_page_behind(site, tmp_path):
    removed = sorted((site / "seeds").iterdir())[3]
    removed.unlink()
    regenerate(site)
    dirty_build(site)
    assert files_of(site / "site") == clean_build(site, tmp_path / "clean")


def test_a_built_page_deleted_by_hand_is_written_again(site):
    page = next((site / "site" / "sources").glob("*.html"))
    kept = page.read_bytes()
    page.unlink()
    dirty_build(site)
    assert page.read_bytes() == kept


def test_a_changed_setting_builds_every_page(site):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: News timeline", "site_name: Renamed"),
                      encoding="utf-8")
    dirty_build(site)
    pages = [name for name in files_of(site / "site") if name.endswith(".html") and name != "404.html"]
    assert all("Renamed" in (site / "site" / name).read_text(encoding="utf-8") for name in pages)


def test_an_anchor_removed_from_under_unchanged_pages_fails_every_strict_build(site):
    timeline = site / "docs" / "timeline.md"
    text = timeline.read_text(encoding="utf-8")
    linked = {anchor for page in (site / "docs" / "sources").glob("*.md")
              for anchor in re.findall(r"\.\./timeline\.md#(ev-[0-9a-f]+)", page.read_text(encoding="utf-8"))}
    entry = next(anchor for anchor in re.findall(r"\{ #(ev-[0-9a-f]+) \}", text)
                 if anchor in linked and f'id="{anchor}"' not in text)
    timeline.write_text(text.replace(f"{{ #{entry} }}", "{ #renamed }"), encoding="utf-8")
    for _ in range(2):
        built = mkdocs(site, "--dirty")
        assert built.returncode != 0
        assert re.search(rf"Doc file 'sources/[^']+' contains a link '\.\./timeline\.md#{entry}'", built.stderr)
