"""Browsing a built site: serving it on 127.0.0.1 and keeping what happened in a browser tab."""

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from site_builder import ROOT, build_site

ARTIFACTS = ROOT / "tests" / "artifacts"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@dataclass
class Served:
    """A built site folder served over HTTP on the loopback address."""

    folder: Path
    url: str

    def page_url(self, path: str) -> str:
        return self.url + path


def serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, Served(folder, f"http://127.0.0.1:{server.server_address[1]}/")


def build_and_serve(seeds: Path, where: Path):
    generated = build_site(seeds, where)
    assert generated.returncode == 0, generated.stderr
    return serve(where / "site")


def serve_articles(where: Path, articles: dict[str, str]):
    """Build a site of these articles (file name -> text) in where, serve it and yield its address."""
    seeds = where / "seeds"
    seeds.mkdir()
    for name, text in articles.items():
        (seeds / name).write_text(text, encoding="utf-8")
    server, served = build_and_serve(seeds, where)
    yield served
    server.shutdown()


@dataclass
class Visit:
    """A browser tab and what happened in it."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != "127.0.0.1"]

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path
