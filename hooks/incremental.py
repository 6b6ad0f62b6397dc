"""MkDocs hook: a dirty build (`mkdocs build --dirty`, as `make build` runs it) writes only the
files that changed since the last build, and leaves the site a clean build would leave.

Left to itself, a dirty build compares file times and builds each changed page alone, so the
search index, the tags listings and the anchor checks see only those pages. This hook records,
at the end of each build that logged no warning, what the site was built from (settings, theme,
plugins, hooks, versions, the list of files, the navigation and each file's content hash) and
what each page gives the rest of the site (front matter, title, anchors, links to anchors,
search entries, whether it holds a tags listing).

A dirty build whose site-wide inputs match the record builds only the files whose content
changed or whose built copy is not the one recorded, and the tags listing pages whenever a page
is built. Every other page keeps its HTML, and its recorded parts go into the search index, the
listings and the anchor checks as if it had been built. With no record, other site-wide inputs
or a plugin this hook does not know, the site folder is emptied and everything is built, as
without --dirty. The record is `.cache/site.sqlite3` beside mkdocs.yml.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from pathlib import Path

import build_inputs
from build_inputs import WarningCount, configuration, described, digest, nav_items, versions
from mkdocs import utils
from mkdocs.plugins import event_priority

RECORD_FILE = Path(".cache") / "site.sqlite3"
# Plugins whose output this hook knows how to keep: pages depend on each other only through the
# navigation, the search index, the tags listings and anchor links.
KNOWN_PLUGINS = {"search", "material/search", "tags", "material/tags"}
# What MkDocs says of every dirty build; with this hook neither is so.
DIRTY_NOTICES = ("A 'dirty' build is being performed", "The directory contains stale files")

_state: dict = {}


class _WithoutDirtyNotices(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation and links out of date, and that the site
    folder holds files of an earlier build. With this hook neither is so, and under --strict the
    warning would fail every dirty build."""

    def filter(self, record):
        return not record.getMessage().startswith(DIRTY_NOTICES)


_WITHOUT_DIRTY_NOTICES = _WithoutDirtyNotices()


class _Record:
    """The last build's inputs, files and pages. Its inputs are forgotten when a build starts and
    written again only when the build ends without a warning, so a failed build is followed by a
    full one."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=60)
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS site (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS files (uri TEXT PRIMARY KEY, content TEXT, written TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS pages "
                            "(uri TEXT PRIMARY KEY, listing INTEGER NOT NULL, data TEXT NOT NULL)")
        row = self.db.execute("SELECT value FROM site WHERE key = 'inputs'").fetchone()
        self.inputs = row[0] if row else None
        self.files = {uri: (content, written) for uri, content, written in self.db.execute("SELECT * FROM files")}
        self.pages = {uri for (uri,) in self.db.execute("SELECT uri FROM pages")}
        with self.db:
            self.db.execute("DELETE FROM site WHERE key = 'inputs'")

    def listings(self) -> set[str]:
        return {uri for (uri,) in self.db.execute("SELECT uri FROM pages WHERE listing")}

    def pages_of(self, uris: set[str]) -> dict[str, dict]:
        rows = self.db.execute("SELECT uri, data FROM pages")
        return {uri: json.loads(data) for uri, data in rows if uri in uris}

    def save(self, inputs: str, files: dict[str, tuple], pages: dict[str, tuple[bool, dict]]) -> None:
        with self.db:
            self.db.execute("DELETE FROM files")
            self.db.executemany("INSERT INTO files VALUES (?, ?, ?)",
                                ((uri, content, written) for uri, (content, written) in files.items()))
            self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", (
                (uri, listing, json.dumps(data, ensure_ascii=False, default=str))
                for uri, (listing, data) in pages.items()))
            self.db.execute("CREATE TEMP TABLE present (uri TEXT PRIMARY KEY)")
            self.db.executemany("INSERT INTO present VALUES (?)", ((uri,) for uri in files))
            self.db.execute("DELETE FROM pages WHERE uri NOT IN (SELECT uri FROM present)")
            self.db.execute("INSERT OR REPLACE INTO site VALUES ('inputs', ?)", (inputs,))

    def close(self) -> None:
        self.db.close()


def on_startup(command, dirty):
    _state.clear()
    _state["dirty"] = dirty and command == "build"
    _state["recording"] = command == "build"
    if _state["dirty"]:
        logging.getLogger("mkdocs.commands.build").addFilter(_WITHOUT_DIRTY_NOTICES)


def on_shutdown():
    logging.getLogger("mkdocs.commands.build").removeFilter(_WITHOUT_DIRTY_NOTICES)
    _state.clear()


def on_config(config):
    """Also called by builds started without the command line (on_startup is not), which are
    never dirty and are recorded."""
    _state.setdefault("dirty", False)
    _state.setdefault("recording", True)
    _state["record"] = _Record(Path(config.config_file_path).parent / RECORD_FILE)
    _state["warnings"] = WarningCount()
    logging.getLogger("mkdocs").addHandler(_state["warnings"])


def _content(file) -> str | None:
    """The hash of a file's content, or None for content made by a plugin (built every time)."""
    if file.abs_src_path is None or getattr(file, "_content", None) is not None:
        return None
    return hashlib.sha256(Path(file.abs_src_path).read_bytes()).hexdigest()


def _written(file) -> str | None:
    try:
        built = os.stat(file.abs_dest_path)
    except OSError:
        return None
    return f"{built.st_size}:{built.st_mtime_ns}"


def _site_inputs(config, files, nav, contents: dict[str, str | None]) -> str:
    """Everything every page is built from. A nav entry with no title of its own takes its page's,
    which is known only once the page is read, so that page's content counts here."""
    hooks = sorted(Path(module.__file__).read_text(encoding="utf-8") for module in config["hooks"].values())
    untitled = [contents[item.file.src_uri] or "" for item in nav.pages if item.title is None]
    return digest(
        configuration(config), versions(), Path(build_inputs.__file__).read_text(encoding="utf-8"), *hooks,
        *sorted(f"{file.src_uri}|{file.url}|{file.dest_uri}" for file in files),
        json.dumps(nav_items(nav.items), default=described), *untitled,
    )


def _known_plugins_only(config) -> bool:
    hooks = set(config["hooks"])
    return {name for name in config.plugins if name not in hooks} <= KNOWN_PLUGINS


def on_nav(nav, config, files):
    """Decide which files this build writes, before any page is read."""
    record = _state["record"]
    contents = {file.src_uri: _content(file) for file in files}
    _state["inputs"] = inputs = _site_inputs(config, files, nav, contents)
    _state["contents"], _state["files"] = contents, files
    pages = {file.src_uri for file in files.documentation_pages()}
    incremental = _state["dirty"] and record.inputs == inputs and _known_plugins_only(config)
    if _state["dirty"] and not incremental:
        utils.clean_directory(config.site_dir)
    if incremental:
        changed = {file.src_uri for file in files
                   if contents[file.src_uri] is None
                   or record.files.get(file.src_uri) != (contents[file.src_uri], _written(file))
                   or (file.src_uri in pages and file.src_uri not in record.pages)}
        if changed & pages:
            changed |= record.listings() & pages
    else:
        changed = {file.src_uri for file in files}
    for file in files:
        file.is_modified = (lambda built: lambda: built)(file.src_uri in changed)
    _state["skipped"] = pages - changed
    _state["indexed"], _state["entries"] = 0, {}
    return nav


@event_priority(110)  # before the tags plugin fills its listings, at 100
def on_env(env, config, files):
    """Give every page this build does not read what a build that read it would know of it."""
    skipped = _state["skipped"]
    if not skipped:
        return env
    kept = _state["kept"] = _state["record"].pages_of(skipped)
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    doc_pages = [file.page for file in files.documentation_pages()]
    file_of = {file.src_uri: file for file in files}
    for page in doc_pages:
        if page.file.src_uri in skipped:
            _restore(page, kept[page.file.src_uri], file_of)
            if tags is not None and tags.config.enabled and tags.filter(page.file):
                tags.mappings.add(page, "")
    if tags is not None and tags.config.enabled:
        mapped = tags.mappings.data
        tags.mappings.data = {page.url: mapped[page.url] for page in doc_pages if page.url in mapped}
    return env


def _restore(page, kept: dict, file_of: dict) -> None:
    page.meta = kept["meta"]
    page.markdown = ""
    page._title_from_render = kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    page.links_to_anchors = None if kept["links"] is None else {
        file_of[uri]: links for uri, links in kept["links"].items()}


def _search(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_index(config):
    return getattr(_search(config), "search_index", None)


def on_page_context(context, page, config, nav):
    """Runs after the search plugin has indexed the page: the entries it added are the page's."""
    index = _search_index(config)
    if index is not None:
        _state["entries"][page.file.src_uri] = index.entries[_state["indexed"]:]
        _state["indexed"] = len(index.entries)
    return context


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config):
    logging.getLogger("mkdocs").removeHandler(_state["warnings"])
    record, files, skipped = _state["record"], _state["files"], _state["skipped"]
    doc_files = files.documentation_pages()
    index = _search_index(config)
    if skipped and index is not None:
        index.entries = [entry for file in doc_files for entry in (
            _state["kept"][file.src_uri]["entries"] if file.src_uri in skipped
            else _state["entries"].get(file.src_uri, []))]
    if _state["dirty"] and hasattr(_search(config), "search_index_prev"):
        # The search plugin merges a dirty build's entries into those of the one before it in the
        # same process (for `mkdocs serve --dirty`); here the index is already whole.
        _search(config).search_index_prev = None
    if _state["recording"] and _state["warnings"].count == 0:
        tags = config.plugins.get("material/tags") or config.plugins.get("tags")
        listings = {listing.page.file.src_uri for listing in getattr(tags, "listings", None) or []}
        built = {file.src_uri: (file.src_uri in listings,
                                _page_record(file.page, _state["entries"].get(file.src_uri, [])))
                 for file in doc_files if file.src_uri not in skipped}
        record.save(_state["inputs"], {file.src_uri: (_state["contents"][file.src_uri], _written(file))
                                       for file in files}, built)
    record.close()


def _page_record(page, entries: list) -> dict:
    links = page.links_to_anchors
    return {
        "meta": page.meta, "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
        "entries": entries,
    }
