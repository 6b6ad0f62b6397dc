"""The built site, read as HTML: the seed's timeline, its citations, and what it refuses to render."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build
from site_builder import ROOT, build_site, seeds_folder


class _Entries(HTMLParser):
    """Timeline entries in page order: their id and date (the heading), quote and citation link."""

    def __init__(self):
        super().__init__()
        self.entries, self._depth, self._field = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "div" and "tl-entry" in classes:
            self.entries.append({"id": None, "lead": "", "quote": "", "link": None, "classes": classes})
            self._depth = 1
            return
        if not self._depth:
            return
        entry = self.entries[-1]
        if tag == "div":
            self._depth += 1
        elif tag == "h4":
            entry["id"], self._field = attrs["id"], "lead"
        elif tag == "a" and "headerlink" in classes:
            self._field = None
        elif tag == "blockquote":
            self._field = "quote"
        elif tag == "span" and "tl-cite" in classes:
            self._field = "cite"
        elif tag == "a" and self._field == "cite" and entry["link"] is None:
            entry["link"] = attrs["href"]

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "div":
            self._depth -= 1
        if tag in ("h4", "blockquote", "span"):
            self._field = None

    def handle_data(self, data):
        if self._depth and self._field in ("lead", "quote"):
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
        ("Sun 12 January 2020", "The ceasefire announced by the Russian army on Sunday"),
        ("Wed 15 January 2020", "air strikes that killed 19 civilians on Wednesday"),
        ("Wed 15 January 2020", "19 civilians were killed"),
        ("Wed 15 January 2020", "Clashes broke out around midnight on Wednesday"),
        ("Thu 16 January 2020", "pressed a deadly offensive Thursday"),
        ("Thu 16 January 2020", "told AFP on Thursday"),
    ]
    assert len(found) == len(expected)
    for entry, (lead, quote) in zip(found, expected):
        assert entry["lead"].strip().startswith(lead), entry
        assert quote in entry["quote"].replace("’", "'"), entry
    midnight = next(e for e in found if "midnight" in e["quote"])
    assert "around midnight" in midnight["lead"] and "approximate" in midnight["lead"]
    assert "tl-approximate" in midnight["classes"]
    assert "tl-range" in found[1]["classes"]
    assert all(entry["id"].startswith("ev-") for entry in found)
    assert len({entry["id"] for entry in found}) == len(found)


def test_every_citation_lands_on_the_sentence_it_quotes(seed_site):
    site = seed_site[0] / "site"
    for entry in entries(seed_site[0]):
        page, anchor = entry["link"].split("#")
        html = (site / page).read_text(encoding="utf-8")
        target = re.search(rf'<span class="tl-sentence" id="{anchor}">(.*?)</span>', html)
        assert target, f"{entry['link']} has no sentence"
        assert re.sub(r"<[^>]+>", "", target.group(1)).replace("&#39;", "'") == entry["quote"].strip()


def test_an_entry_carries_its_permalink_and_a_working_provenance_panel(seed_site):
    html = (seed_site[0] / "site" / "timeline.html").read_text(encoding="utf-8")
    for entry in entries(seed_site[0]):
        assert f'<a class="tl-permalink" href="#{entry["id"]}"' in html
    assert html.count("<summary>How this date was determined</summary>") == len(entries(seed_site[0]))


def test_search_indexes_quotes_and_articles_but_not_their_apparatus(seed_site):
    """A search finds what the articles say; citations, permalinks, provenance and the expression
    tables repeat the same few words on every entry and would only swell the index."""
    index = json.loads((seed_site[0] / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for entry in entries(seed_site[0]):
        indexed = by_location[f"timeline.html#{entry['id']}"]
        assert entry["quote"].strip()[:40] in indexed["text"].replace("&#39;", "'")
        assert not any(words in indexed["text"] for words in ("Source:", "Permalink", "Rule:", "AFP ·"))
    source = [doc for location, doc in by_location.items() if location.startswith("sources/2020-01-16-afp")]
    assert any("350,000 people had fled their homes" in doc["text"] for doc in source)
    assert not any("temporal-expressions" in doc["location"] or "PRESENT_REF" in doc["text"] for doc in source)


def test_source_page_shows_crosshead_and_leaves_residue_out_of_the_story(seed_site):
    html = (seed_site[0] / "site" / "sources" / "2020-01-16-afp-idlib-offensive.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>&#39;Nowhere to go&#39;", html)
    story = html.split("Notes on this article")[0]
    assert "Related Story" not in story.split("<article")[-1]
    assert "page residue" in html
    assert 'title="DATE 2020-01-15 · Wed 15 January 2020"' in html


def test_article_text_is_escaped_once_and_only_once(seed_site):
    for page in (seed_site[0] / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"&amp;(?:#\d+|[a-z]+);", html), f"{page} shows an entity as text"
    source = (seed_site[0] / "site" / "sources" / "2020-01-16-afp-idlib-offensive.html").read_text(encoding="utf-8")
    assert "<code>PRESENT&#95;REF</code>" in source


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
    seeds = seeds_folder(tmp_path, {"hostile.md": HOSTILE,
                                    "hostile-undated.md": HOSTILE.replace("date: 2020-01-16\n", "")})
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
    seeds = seeds_folder(tmp_path, {"undated.txt": "Strikes hit the town\n\nThe town was shelled on Wednesday.\n"})
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0
    assert re.search(r"undated\.txt:\d+: warning: no publication date", generated.stderr)
    unresolved = (tmp_path / "site" / "unresolved.html").read_text(encoding="utf-8")
    assert "a Wednesday" in unresolved
    assert "Strikes hit the town" in (tmp_path / "site" / "sources" / "undated.html").read_text(encoding="utf-8")
    found = entries(tmp_path)
    assert [entry["id"][:3] for entry in found] == ["un-"], "an undated article gives no dated entry"
    assert found[0]["lead"].startswith("A Wednesday") and "date not resolved" in found[0]["lead"]
    assert found[0]["quote"].strip() == "The town was shelled on Wednesday."
    assert found[0]["link"] == "sources/undated.html#s1"
    timeline = (tmp_path / "site" / "timeline.html").read_text(encoding="utf-8")
    assert '<h2 id="undated">Date not resolved' in timeline


def test_strict_build_fails_on_an_undated_article(tmp_path):
    seeds = seeds_folder(tmp_path, {"undated.txt": "The town was shelled on Wednesday.\n"})
    generated = build_site(seeds, tmp_path, strict=True)
    assert generated.returncode == 1
    assert "undated.txt" in generated.stderr


def test_a_long_year_gets_a_page_of_its_own(tmp_path):
    from datetime import date, timedelta

    from generator.layout import YEAR_PAGE_THRESHOLD

    days = [date(2019, 1, 1) + timedelta(days=3 * n) for n in range(YEAR_PAGE_THRESHOLD + 1)]
    body = "\n\n".join(f"The council met on {d.day} {d:%B} {d.year}." for d in days)
    seeds = seeds_folder(tmp_path, {
        "council.md": f"---\ntitle: Council\ndate: 2020-01-16\n---\nThe hall opened in May 2018.\n\n{body}\n"})
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0, generated.stderr
    site = tmp_path / "site"
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    year = (site / "timeline" / "2019.html").read_text(encoding="utf-8")
    assert [entry["lead"] for entry in entries(tmp_path)] == ["May 2018"]
    assert 'href="timeline/2019.html"' in timeline and 'href="timeline/2019.html#2019-03"' in timeline
    assert year.count('class="tl-entry') == len(days)
    assert '<h2 id="2019-01">January 2019' in year
    source = (site / "sources" / "council.html").read_text(encoding="utf-8")
    first = re.search(r'href="\.\./timeline/2019\.html#(ev-[0-9a-f]+)"', source).group(1)
    assert f'<h4 id="{first}">Tue 1 January 2019' in year
    assert re.search(r'href="\.\./timeline\.html#ev-[0-9a-f]+"', source), "May 2018 stays on the timeline page"


def test_entries_and_sources_are_filtered_by_place_and_outlet(seed_site):
    site = seed_site[0] / "site"
    idlib = (site / "places" / "idlib.html").read_text(encoding="utf-8")
    assert idlib.count('<a href="../timeline.html#ev-') == 4
    tags = (site / "tags.html").read_text(encoding="utf-8")
    for tag in ("AFP", "Idlib", "Maaret al-Numan", "Syria"):
        assert re.search(rf'<h2 id="tag:[^"]+">\s*<span class="md-tag">{tag}</span>', tags), tag
    assert re.search(r'<a href="places/idlib.html">\s*Idlib on the timeline', tags)
    source = (site / "sources" / "2020-01-16-afp-idlib-offensive.html").read_text(encoding="utf-8")
    assert 'class="md-tag' in source and ">AFP<" in source


def test_home_page_links_every_export(seed_site):
    home = (seed_site[0] / "site" / "index.html").read_text(encoding="utf-8")
    for name in ("timeline.json", "timelinejs.json", "timeline.csv", "timeline.ics"):
        assert f'href="{name}"' in home and (seed_site[0] / "site" / name).is_file()


def test_a_date_before_christ_is_listed_with_its_article_but_not_placed(tmp_path):
    seeds = seeds_folder(tmp_path, {
        "ancient.md": "---\ntitle: Old city\ndate: 2021-08-20\n---\nHistorians trace the city to the 4th century BC.\n\n"
                      "The museum reopened on Wednesday.\n"})
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert [entry["lead"] for entry in entries(tmp_path)] == ["Wed 18 August 2021"]
    source = (tmp_path / "site" / "sources" / "ancient.html").read_text(encoding="utf-8")
    assert "BC03" in source and "before Christ: not on the timeline" in source


def test_a_dateline_is_listed_with_its_article_and_says_why_it_is_no_event(tmp_path):
    seeds = seeds_folder(tmp_path, {
        "wire.md": "---\ntitle: Shares\ndate: 2021-08-20\n---\n"
                   "LONDON, Aug 20 (Reuters) - British shares fell on Wednesday.\n"})
    assert build(seeds, tmp_path / "docs", jobs=1) == 0
    source = (tmp_path / "docs" / "sources" / "wire.md").read_text(encoding="utf-8")
    assert "Aug 20" in source and "the dateline: no event" in source
    timeline = (tmp_path / "docs" / "timeline.md").read_text(encoding="utf-8")
    assert re.findall(r"^#### (.+?) [<{]", timeline, re.MULTILINE) == ["Wed 18 August 2021"]


NARRATIVE = ("---\ntitle: The siege\ndate: 2009-12-19\ngenre: narrative\nsource: Wikipedia\n---\n"
             "The siege began on 3 May 1915. Two days later, the city fell.\n")


def test_a_narrative_article_counts_from_the_story_and_the_home_page_says_so(tmp_path):
    from datetime import date

    from generator.build import build

    seeds = seeds_folder(tmp_path, {"siege.md": NARRATIVE})
    assert build(seeds, tmp_path / "docs", jobs=1, today=date(2020, 1, 1)) == 0
    events = json.loads((tmp_path / "docs" / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert [event["date"]["start"] for event in events] == ["1915-05-03", "1915-05-05"]
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "in a narrative article against the date the story had reached" in home
    (seeds / "siege.md").write_text(NARRATIVE.replace("genre: narrative\n", ""), encoding="utf-8")
    assert build(seeds, tmp_path / "docs", jobs=1, today=date(2020, 1, 1)) == 0
    assert "narrative" not in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")


def test_one_outlet_written_two_ways_is_one_tag_and_no_id_repeats(tmp_path):
    seeds = seeds_folder(tmp_path, {
        f"{name}.md": f"---\ntitle: Story {name}\ndate: 2020-01-16\nsource: {outlet}\n---\n"
                      f"Talks in Idlib resumed on Wednesday ({name}).\n"
        for name, outlet in [("a", "Wire"), ("b", "WIRE"), ("c", "wire"), ("d", "Wire")]})
    generated = build_site(seeds, tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert re.search(r"b\.md:1: notice: outlet 'WIRE' is shown as 'Wire'", generated.stderr)
    tags = (tmp_path / "site" / "tags.html").read_text(encoding="utf-8")
    assert tags.count('id="tag:wire"') == 1
    for page in (tmp_path / "site").rglob("*.html"):
        ids = re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), page


def test_the_sources_index_is_left_out_of_search_and_each_source_page_is_in_it(seed_site):
    index = json.loads((seed_site[0] / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "sources/index.html" not in locations
    assert any(location.startswith("sources/2020-01-16-afp") for location in locations)
