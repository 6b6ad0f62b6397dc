"""The built site, read as HTML: the seed's timeline, its citations, and what it refuses to render."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_builder import ROOT, build_site


class _Entries(HTMLParser):
    """Timeline entries in page order: their id, lead text, quote and citation link."""

    def __init__(self):
        super().__init__()
        self.entries, self._depth, self._field = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "tl-entry" in (attrs.get("class") or "").split():
            self.entries.append({"id": attrs["id"], "lead": "", "quote": "", "link": None})
            self._depth = 1
            return
        if not self._depth:
            return
        if tag == "div":
            self._depth += 1
        entry = self.entries[-1]
        if tag == "p" and not entry["lead"] and self._field is None:
            self._field = "lead"
        if tag == "blockquote":
            self._field = "quote"
        if tag == "a" and "tl-cite" in self._stack_classes and entry["link"] is None:
            entry["link"] = attrs.get("href")
        if tag == "span" and attrs.get("class") == "tl-cite":
            self._stack_classes = "tl-cite"

    _stack_classes = ""

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "div":
            self._depth -= 1
        if tag in ("p", "blockquote") and self._field == "lead" or tag == "blockquote":
            self._field = None
        if tag == "span":
            self._stack_classes = ""

    def handle_data(self, data):
        if self._depth and self._field:
            self.entries[-1][self._field] += data


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    where = tmp_path_factory.mktemp("seed-site")
    generated = build_site(ROOT / "seeds", where)
    assert generated.returncode == 0, generated.stderr
    return where, generated


def entries(site: Path) -> list[dict]:
    parser = _Entries()
    parser.feed((site / "site" / "timeline.html").read_text(encoding="utf-8"))
    return parser.entries


def test_build_prints_no_warning_for_the_seed(seed_site):
    _, generated = seed_site
    assert "warning" not in generated.stderr and "error" not in generated.stderr, generated.stderr
    assert (seed_site[0] / "site" / "index.html").exists()


def test_timeline_lists_the_seed_events_in_order(seed_site):
    found = entries(seed_site[0])
    expected = [
        ("2015", "Russia's 2015 military intervention"),
        ("Sun 1 December 2019 – Thu 16 January 2020", "almost 350,000 people had fled"),
        ("12 January", "The ceasefire announced by the Russian army on Sunday"),
        ("15 January", "air strikes that killed 19 civilians on Wednesday"),
        ("15 January", "19 civilians were killed"),
        ("15 January", "Clashes broke out around midnight on Wednesday"),
        ("16 January", "pressed a deadly offensive Thursday"),
        ("16 January", "told AFP on Thursday"),
    ]
    assert len(found) == len(expected)
    for entry, (lead, quote) in zip(found, expected):
        assert entry["lead"].strip().startswith(lead), entry
        assert quote in entry["quote"].replace("’", "'"), entry
    midnight = next(e for e in found if "midnight" in e["quote"])
    assert "around midnight" in midnight["lead"]


def test_every_citation_lands_on_its_expression(seed_site):
    site = seed_site[0] / "site"
    for entry in entries(seed_site[0]):
        page, anchor = entry["link"].split("#")
        html = (site / page).read_text(encoding="utf-8")
        target = re.search(rf'<a[^>]*id="{anchor}"[^>]*>([^<]*)</a>', html)
        assert target, f"{entry['link']} has no anchor"
        assert target.group(1) in entry["quote"]


def test_source_page_shows_crosshead_and_leaves_residue_out_of_the_story(seed_site):
    html = (seed_site[0] / "site" / "sources" / "2020-01-16-afp-idlib-offensive.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>&#39;Nowhere to go&#39;", html)
    story = html.split("Notes on this article")[0]
    assert "Related Story" not in story.split("<article")[-1]
    assert "page residue" in html
    assert 'title="DATE 2020-01-15 · Wed 15 January 2020"' in html


def test_site_loads_nothing_from_the_network(seed_site):
    for page in (seed_site[0] / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|img|iframe)[^>]+src="(?:https?:)?//', html), page
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(?:https?:)?//', html), page
        assert "fonts.googleapis" not in html


HOSTILE = """---
title: "<script>alert('title')</script> **bold** [x](javascript:alert(1))"
date: 2020-01-16
source: "<b>Outlet</b>"
url: "javascript:alert(1)"
---
<script>alert(1)</script> happened on Wednesday.

<img src=x onerror=alert(1)> was posted on Tuesday.

# Not a heading, *not emphasis*, [not a link](https://example.org) on Monday.

- <script>alert(2)</script> -

- not a list item | not | a table
"""


def test_article_text_is_never_markup(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (seeds / "hostile-undated.md").write_text(HOSTILE.replace("date: 2020-01-16\n", ""), encoding="utf-8")
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0, generated.stderr
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
        assert 'href="javascript' not in html, page
        assert "<strong>bold" not in html and "<em>not emphasis" not in html, page
        assert "<b>Outlet" not in html, page
    source = (tmp_path / "site" / "sources" / "hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    assert "not a link" in source and 'href="https://example.org"' not in source


def test_article_without_date_is_published_unresolved_with_a_warning(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("Strikes hit the town\n\nThe town was shelled on Wednesday.\n", encoding="utf-8")
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0
    assert re.search(r"undated\.txt:\d+: warning: no publication date", generated.stderr)
    unresolved = (tmp_path / "site" / "unresolved.html").read_text(encoding="utf-8")
    assert "a Wednesday" in unresolved
    assert "Strikes hit the town" in (tmp_path / "site" / "sources" / "undated.html").read_text(encoding="utf-8")
    assert not entries(tmp_path)


def test_strict_build_fails_on_an_undated_article(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("The town was shelled on Wednesday.\n", encoding="utf-8")
    generated = build_site(seeds, tmp_path, strict=True)
    assert generated.returncode == 1
    assert "undated.txt" in generated.stderr
