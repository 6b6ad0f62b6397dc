"""The MkDocs hook that keeps each page's HTML and search entries: a rebuild converts only the
pages that changed and builds the same site; a page with a broken link is never kept. Pages are
converted ahead by worker processes, which build the same site as MkDocs' own process."""

import importlib.util
import logging
import shutil
from pathlib import Path

import jinja2
import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from site_builder import ROOT, build_site, files_of


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    generated = build_site(ROOT / "seeds", tmp_path)
    assert generated.returncode == 0, generated.stderr
    return tmp_path


@pytest.fixture
def conversions(monkeypatch):
    """The Markdown converted by this process (so no page is converted by a worker)."""
    monkeypatch.setenv("TIMELINE_PAGE_WORKERS", "1")
    converted = []
    real_convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda self, text: converted.append(text) or real_convert(self, text))
    return converted


@pytest.fixture
def themed(monkeypatch):
    """The pages the theme's page template was filled for."""
    rendered = []
    real_render = jinja2.Template.render

    def render(self, *args, **kwargs):
        page = (args[0] if args else kwargs).get("page")
        if page is not None and self.name == "main.html":
            rendered.append(page.file.src_uri)
        return real_render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render)
    return rendered


def rebuild(where: Path) -> None:
    build(load_config(str(where / "mkdocs.yml"), strict=True))


def test_a_rebuild_converts_nothing_and_builds_the_same_site(site, conversions, themed):
    before = files_of(site / "site")
    rebuild(site)
    assert conversions == []
    assert themed == []
    assert files_of(site / "site") == before


def test_a_changed_page_alone_is_themed_again(site, themed):
    page = site / "docs" / "unresolved.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA line added since the last build.\n", encoding="utf-8")
    rebuild(site)
    assert themed == ["unresolved.md"]


def test_a_changed_setting_themes_every_page_again(site, themed):
    before = files_of(site / "site")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: News timeline", "site_name: Renamed"),
                      encoding="utf-8")
    rebuild(site)
    pages = [name for name in before if name.endswith(".html") and name != "404.html"]
    assert len(themed) == len(pages)
    assert all("Renamed" in (site / "site" / name).read_text(encoding="utf-8") for name in pages)


def test_a_changed_page_alone_is_converted_again(site, conversions):
    page = site / "docs" / "unresolved.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA line added since the last build.\n", encoding="utf-8")
    rebuild(site)
    assert len(conversions) == 1 and "A line added since the last build." in conversions[0]
    assert "A line added since the last build." in (site / "site" / "unresolved.html").read_text(encoding="utf-8")
    search = (site / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "A line added since the last build." in search


def test_the_search_index_is_the_same_from_the_cache(site, tmp_path):
    kept = (site / "site" / "search" / "search_index.json").read_bytes()
    shutil.rmtree(site / "site")
    rebuild(site)
    assert (site / "site" / "search" / "search_index.json").read_bytes() == kept


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_broken_link_fails_every_strict_build(site, caplog, monkeypatch, workers):
    monkeypatch.setenv("TIMELINE_PAGE_WORKERS", workers)
    (site / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](missing.md)\n", encoding="utf-8")
    for _ in range(2):
        with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
            rebuild(site)
        assert "missing.md" in caplog.text
        caplog.clear()


def forget_and_rebuild(where: Path, workers: str, monkeypatch) -> dict[str, bytes]:
    """The site built with that many workers from an empty page cache."""
    monkeypatch.setenv("TIMELINE_PAGE_WORKERS", workers)
    (where / ".cache" / "pages.sqlite3").unlink()
    shutil.rmtree(where / "site")
    rebuild(where)
    return files_of(where / "site")


def test_workers_build_the_site_mkdocs_builds_alone(site, monkeypatch):
    alone = forget_and_rebuild(site, "1", monkeypatch)
    assert forget_and_rebuild(site, "2", monkeypatch) == alone
    assert forget_and_rebuild(site, "3", monkeypatch) == alone


def test_a_number_of_workers_that_is_not_a_number_is_refused(site, monkeypatch, caplog):
    monkeypatch.setenv("TIMELINE_PAGE_WORKERS", "two")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        rebuild(site)
    assert "TIMELINE_PAGE_WORKERS must be a whole number of at least 1, not 'two'" in caplog.text


def test_what_workers_convert_is_kept(site, monkeypatch, conversions):
    forget_and_rebuild(site, "2", monkeypatch)
    assert conversions == []  # every page was converted by the workers
    monkeypatch.setenv("TIMELINE_PAGE_WORKERS", "1")
    rebuild(site)
    assert conversions == []


def test_a_removed_anchor_fails_the_pages_linking_to_it(site, caplog):
    timeline = site / "docs" / "timeline.md"
    text = timeline.read_text(encoding="utf-8")
    entry = text.split("{ #ev-", 1)[1].split(" }", 1)[0]
    timeline.write_text(text.replace(f"{{ #ev-{entry} }}", "{ #renamed }"), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        rebuild(site)
    assert f"ev-{entry}" in caplog.text


def test_a_template_given_no_page_is_rendered_as_before(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))  # as MkDocs loads a hook: beside its own modules
    spec = importlib.util.spec_from_file_location("page_cache", ROOT / "hooks" / "page_cache.py")
    page_cache = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page_cache)
    kept = page_cache._KeptTemplate(jinja2.Template("{{ x | default('none') }}"), "fragment.html")
    assert kept.render() == "none"
    assert kept.render(x=1) == "1"
    assert kept.render({"x": 2}) == "2"
