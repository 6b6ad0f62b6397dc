"""A real browser for the tests in this folder: Debian's Chromium driven by Playwright, reading a
site built from seeds and served on 127.0.0.1, with every request, console error and dialog kept."""

import json
import os
from pathlib import Path

import pytest

from browsing import Visit, build_and_serve
from site_builder import ROOT

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 900}


def _require_chromium() -> None:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    message = (f"{CHROMIUM} not found: the browser tests need Debian's Chromium "
               "(apt-get install -y chromium chromium-driver; `make test` does this as root)")
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Each launch gets a fresh, temporary user-data directory of its own.
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    where = tmp_path_factory.mktemp("browser-site")
    server, served = build_and_serve(ROOT / "seeds", where)
    yield served
    server.shutdown()


@pytest.fixture(scope="session")
def seed_timeline(seed_site) -> dict:
    return json.loads((seed_site.folder / "timeline.json").read_text(encoding="utf-8"))


@pytest.fixture
def visit(browser):
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    page = context.new_page()
    seen = Visit(page)
    context.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def on_dialog(dialog):
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield seen
    context.close()
