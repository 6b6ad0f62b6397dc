"""MkDocs hook: keep each page's rendered HTML, its search entries and its themed output
between builds.

Converting Markdown, indexing the HTML for search and filling the theme's template are most of
a build's time, and after one article changes most pages are the same. A page's rendering is
kept under a hash of its Markdown (after the other plugins' page_markdown events), its path and
URL, the list of every file of the site (links resolve against it), the Markdown and validation
settings and the versions of MkDocs, Material, Markdown and this file. Its search entries are
kept under a hash of its HTML, URL, title and front matter and the search settings. Its themed
page is kept under a hash of everything the template is given about it (HTML, title, table of
contents, front matter, neighbours, tags), the site's navigation, the theme's settings and
files and the rest of the configuration; a page given anything else is always rendered. A page
whose rendering logged a warning is never kept, so a strict build still fails on it every time.
Anchor links are kept with the page and checked by MkDocs after every build, cached or not.
Entries not used by a build that read every page are dropped at its end. The cache is
`.cache/pages.sqlite3` beside mkdocs.yml, and the theme's compiled templates are in `.cache/templates`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import build_inputs
import jinja2
from build_inputs import WarningCount, configuration, described, digest, nav_items, versions
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

CACHE_FILE = Path(".cache") / "pages.sqlite3"
TEMPLATES_FOLDER = Path(".cache") / "templates"  # Jinja's, each under a hash of its source
# What MkDocs gives every page's template; anything else a plugin adds makes the page uncached.
_CONTEXT = {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc",
            "config", "page", "tags"}

_state: dict = {}


def _tokens(items) -> list[dict]:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _tokens(i.children)} for i in items]


class _Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
        self.used: set[str] = set()

    def get(self, key: str):
        row = self.db.execute("SELECT data FROM kept WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.used.add(key)
        return json.loads(row[0])

    def put(self, key: str, data) -> None:
        """Written at once (committed at the end of the build), so no second copy of the site
        stays in memory."""
        self.used.add(key)
        self.db.execute("INSERT OR REPLACE INTO kept VALUES (?, ?)", (key, json.dumps(data, ensure_ascii=False)))

    def save(self, drop_unused: bool) -> None:
        with self.db:
            if drop_unused:
                self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
                self.db.executemany("INSERT INTO used VALUES (?)", ((key,) for key in self.used))
                self.db.execute("DELETE FROM kept WHERE key NOT IN (SELECT key FROM used)")
        self.db.close()


def on_config(config):
    settings = {name: config[name] for name in ("markdown_extensions", "mdx_configs", "use_directory_urls")}
    settings["validation"] = repr(config["validation"])
    _state["settings"] = digest(
        json.dumps(settings, sort_keys=True, default=repr),
        versions(),
        Path(__file__).read_text(encoding="utf-8"),
        Path(build_inputs.__file__).read_text(encoding="utf-8"),
    )
    _state["store"] = _Store(Path(config.config_file_path).parent / CACHE_FILE)
    _state["warnings"] = WarningCount()
    logging.getLogger("mkdocs").addHandler(_state["warnings"])


def on_pre_build(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None and hasattr(index, "add_entry_from_context"):
        _keep_search_entries(index)


def on_files(files, config):
    _state["pages"], _state["read"] = len(files.documentation_pages()), 0
    _state["files"] = digest(*sorted(f"{file.src_uri}|{file.url}" for file in files))
    return files


def on_env(env, config, files):
    """The page template is wrapped so that a page given what it was given before is not rendered
    again, and the theme's templates are kept compiled. Called once the nav and every page's HTML
    are known, before any template is loaded."""
    compiled = Path(config.config_file_path).parent / TEMPLATES_FOLDER
    compiled.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled))
    _state["site"] = digest(_state["settings"], _state["files"], configuration(config),
                            json.dumps(nav_items(_state["nav"]), default=described))
    get_template = env.get_template
    env.get_template = lambda name, *args, **kwargs: _KeptTemplate(get_template(name, *args, **kwargs), name)
    return env


def on_nav(nav, config, files):
    _state["nav"] = nav.items
    return nav


def on_pre_page(page, config, files):
    _state["read"] += 1
    page.render = lambda config, files: _render(page, config, files)
    return page


def _render(page: Page, config, files) -> None:
    store, warnings = _state["store"], _state["warnings"]
    key = digest("page", _state["settings"], _state["files"], page.file.src_uri, page.file.url, page.markdown)
    kept = store.get(key)
    if kept is not None:
        page.content = kept["content"]
        page.toc = get_toc(kept["toc"])
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        if kept["links"] is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in kept["links"].items()}
        return
    before = warnings.count
    Page.render(page, config, files)
    if warnings.count != before:
        return
    links = page.links_to_anchors
    store.put(key, {
        "content": page.content, "toc": _tokens(page.toc), "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids),
        "links": None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
    })


class _KeptTemplate:
    """A page template whose output is kept under a hash of what it is given."""

    def __init__(self, template, name: str):
        self.template, self.name = template, name

    def __getattr__(self, attribute):
        return getattr(self.template, attribute)

    def render(self, *args, **variables):
        context = args[0] if len(args) == 1 and isinstance(args[0], dict) and not variables else {}
        page = context.get("page")
        if page is None or not set(context) <= _CONTEXT:
            return self.template.render(*args, **variables)
        key = digest("themed", _state["site"], self.name, *_page_inputs(page, context))
        store, warnings = _state["store"], _state["warnings"]
        kept = store.get(key)
        if kept is not None:
            return kept
        before = warnings.count
        output = self.template.render(context)
        if warnings.count == before:
            store.put(key, output)
        return output


def _neighbour(page) -> str:
    return "" if page is None else f"{page.title}|{page.url}"


def _page_inputs(page, context) -> tuple[str, ...]:
    """Everything about the page that its template can read."""
    tags = [[tag.name, [link.url for link in getattr(tag, "links", [])]] for tag in context.get("tags", [])]
    parents = [f"{parent.title}" for parent in page.ancestors]
    return (
        page.file.src_uri, page.url, str(page.title), page.content or "", json.dumps(_tokens(page.toc)),
        json.dumps(page.meta, sort_keys=True, default=str), _neighbour(page.previous_page),
        _neighbour(page.next_page), str(page.canonical_url), str(page.edit_url), str(page.is_homepage),
        json.dumps([tags, parents, context["base_url"], [str(x) for x in context["extra_css"]],
                    [str(x) for x in context["extra_javascript"]], context["mkdocs_version"]], default=str),
    )


def _keep_search_entries(index) -> None:
    """Wrap the search index's per-page indexing so an unchanged page's entries are reused."""
    index_page = index.add_entry_from_context
    settings = json.dumps({key: index.config.get(key) for key in ("lang", "separator", "pipeline", "fields")},
                          sort_keys=True, default=repr)

    def add_entry_from_context(page):
        store = _state["store"]
        key = digest("search", _state["settings"], settings, page.url, str(page.title),
                      json.dumps(page.meta, sort_keys=True, default=repr), page.content)
        kept = store.get(key)
        if kept is not None:
            index.entries.extend(kept)
            return
        first = len(index.entries)
        index_page(page)
        store.put(key, index.entries[first:])

    index.add_entry_from_context = add_entry_from_context


def on_post_build(config):
    logging.getLogger("mkdocs").removeHandler(_state["warnings"])
    # A dirty build reads only the pages that changed: the others' entries are still wanted.
    _state.pop("store").save(drop_unused=_state["read"] == _state["pages"])
