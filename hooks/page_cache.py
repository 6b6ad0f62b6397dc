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

Pages that are not kept are converted and indexed ahead of MkDocs by worker processes, one per
core (`TIMELINE_PAGE_WORKERS` sets how many; 1 converts them in MkDocs' own process), and their
results go into the cache, where MkDocs then finds them. What a worker makes is kept under the
same keys, so a page whose Markdown another plugin changes differently in the build itself is
simply converted again there, and the site is the same whatever the number of workers.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import queue
import sqlite3
from pathlib import Path

import build_inputs
import jinja2
from build_inputs import WarningCount, configuration, described, digest, nav_items, versions
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

CACHE_FILE = Path(".cache") / "pages.sqlite3"
TEMPLATES_FOLDER = Path(".cache") / "templates"  # Jinja's, each under a hash of its source
# What MkDocs gives every page's template; anything else a plugin adds makes the page uncached.
_CONTEXT = {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc",
            "config", "page", "tags"}
WORKERS_SETTING = "TIMELINE_PAGE_WORKERS"

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
    _state.pop("search_index", None)
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


def on_startup(command, dirty):
    _state["dirty"] = dirty and command == "build"


def on_shutdown():
    _state.pop("dirty", None)


@event_priority(-100)  # after the incremental hook has said which pages this build reads
def on_nav(nav, config, files):
    _state["nav"] = nav.items
    dirty = _state.get("dirty", False)
    pages = [file.page for file in files.documentation_pages() if not dirty or file.is_modified()]
    _convert_ahead(pages, config, files)
    return nav


def on_pre_page(page, config, files):
    _state["read"] += 1
    page.render = lambda config, files: _render(page, config, files)
    return page


def _page_key(page: Page) -> str:
    return digest("page", _state["settings"], _state["files"], page.file.src_uri, page.file.url, page.markdown)


def _rendering(page: Page) -> dict:
    links = page.links_to_anchors
    return {
        "content": page.content, "toc": _tokens(page.toc), "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids),
        "links": None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
    }


def _render(page: Page, config, files) -> None:
    store, warnings = _state["store"], _state["warnings"]
    key = _page_key(page)
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
    store.put(key, _rendering(page))


def _worker_count() -> int:
    setting = os.environ.get(WORKERS_SETTING)
    if setting:
        if not setting.isdigit() or int(setting) < 1:
            raise PluginError(f"{WORKERS_SETTING} must be a whole number of at least 1, not {setting!r}")
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _convert_ahead(pages: list[Page], config, files) -> None:
    """Convert and index, in worker processes, the pages whose rendering is not kept, and keep
    what the workers make. Pages the workers cannot read alike (another plugin's Markdown, a
    warning) are left to MkDocs."""
    workers = min(_worker_count(), len(pages))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    sizes = [_source_size(page) for page in pages]
    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for number in sorted(range(len(pages)), key=lambda number: -sizes[number]):
        lightest = loads.index(min(loads))
        shares[lightest].append(number)
        loads[lightest] += sizes[number] + 1
    context = multiprocessing.get_context("fork")
    made = context.Queue()
    kept = {key for (key,) in _state["store"].db.execute("SELECT key FROM kept")}
    _state["ahead"] = (pages, config, files, kept)
    try:
        processes = [context.Process(target=_convert_share, args=(share, made), daemon=True) for share in shares]
        for process in processes:
            process.start()
        store, finished = _state["store"], 0
        while finished < len(processes):
            try:
                item = made.get(timeout=1)
            except queue.Empty:
                if not any(process.is_alive() for process in processes):
                    break  # a worker that died leaves its pages to MkDocs
                continue
            if item is None:
                finished += 1
            else:
                store.put(*item)
        for process in processes:
            process.join()
    finally:
        del _state["ahead"]


def _convert_share(numbers: list[int], made) -> None:
    """A worker's whole life: its pages' renderings and search entries, then None. A page that
    fails here is left to MkDocs, which reports the failure."""
    try:
        _start_worker()
        for number in numbers:
            try:
                items = _convert_one(number)
            except Exception:
                continue
            for item in items:
                made.put(item)
    finally:
        made.put(None)


def _source_size(page: Page) -> int:
    path = page.file.abs_src_path
    return os.path.getsize(path) if path and os.path.exists(path) else 0


def _start_worker() -> None:
    """In a worker: nothing is printed and every warning is counted."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.propagate = True
    _state["warnings"] = WarningCount()
    logging.getLogger().addHandler(_state["warnings"])


def _convert_one(number: int) -> list[tuple[str, object]]:
    """In a worker: the page's rendering and search entries under their keys, unless kept."""
    pages, config, files, kept = _state["ahead"]
    page, warnings = pages[number], _state["warnings"]
    before = warnings.count
    config._current_page = page
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    key = _page_key(page)
    if key in kept:
        return []
    Page.render(page, config, files)
    if warnings.count != before:
        return []
    made: list[tuple[str, object]] = [(key, _rendering(page))]
    index = _state.get("search_index")
    if index is not None:
        index.entries = []
        type(index).add_entry_from_context(index, page)
        made.append((_search_key(page), index.entries))
    return made if warnings.count == before else []


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
    _state["search_index"] = index
    _state["search_settings"] = json.dumps(
        {key: index.config.get(key) for key in ("lang", "separator", "pipeline", "fields")}, sort_keys=True, default=repr)

    def add_entry_from_context(page):
        store = _state["store"]
        key = _search_key(page)
        kept = store.get(key)
        if kept is not None:
            index.entries.extend(kept)
            return
        first = len(index.entries)
        index_page(page)
        store.put(key, index.entries[first:])

    index.add_entry_from_context = add_entry_from_context


def _search_key(page: Page) -> str:
    return digest("search", _state["settings"], _state["search_settings"], page.url, str(page.title),
                  json.dumps(page.meta, sort_keys=True, default=repr), page.content)


def on_post_build(config):
    logging.getLogger("mkdocs").removeHandler(_state["warnings"])
    # A dirty build reads only the pages that changed: the others' entries are still wanted.
    _state.pop("store").save(drop_unused=_state["read"] == _state["pages"])
