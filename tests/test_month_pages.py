"""A year too long for one page is split into month pages, and many entries whose date was not
resolved move off the timeline page; every link to an entry, from pages and exports, lands on the
page that holds it, and the site still builds with --strict."""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench.synthetic import write_corpus
from generator import layout
from generator.build import build
from generator.exports import EXPORTS
from site_builder import build_site_with_layout, files_of, seeds_folder, synthetic_site

PAGE_NAMES = re.compile(r"(index|timeline|unresolved|report|tags)\.md|sources/[^/]+\.md|places/[^/]+\.md"
                        r"|timeline/\d{4}(-\d{2})?\.md|timeline/\d+s\.md|timeline/undated(-\d{4}|-no-date)?\.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return synthetic_site(tmp_path_factory.mktemp("months"), 40, YEAR_PAGE_THRESHOLD=10, MONTH_PAGE_THRESHOLD=60)


def entries_by_year(site: Path) -> Counter:
    events = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))["events"]
    return Counter(event["date"]["start"][:4] for event in events)


def test_a_long_year_gets_month_pages_and_a_short_one_does_not(site):
    counts = entries_by_year(site)
    long_years = [year for year, count in counts.items() if count > 60]
    middle_years = [year for year, count in counts.items() if 10 < count <= 60]
    assert long_years and middle_years
    for year in long_years:
        months = sorted((site / "docs" / "timeline").glob(f"{year}-*.md"))
        assert months
        year_page = (site / "docs" / "timeline" / f"{year}.md").read_text(encoding="utf-8")
        for month in months:
            assert f"]({month.name}#{month.stem})" in year_page
    for year in middle_years:
        assert not list((site / "docs" / "timeline").glob(f"{year}-*.md"))
        assert (site / "docs" / "timeline" / f"{year}.md").exists()


def test_every_entry_link_of_the_exports_lands_on_its_entry(site):
    document = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))
    on_month_pages = 0
    for event in document["events"]:
        page, anchor = event["entry"].split("#")
        html = (site / "site" / page).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, event["entry"]
        on_month_pages += bool(re.fullmatch(r"timeline/\d{4}-\d{2}\.html", page))
    assert on_month_pages


def test_many_undated_entries_get_a_page_of_their_own_that_every_link_finds(site):
    undated = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))["undated"]
    assert len(undated) > 10
    page = (site / "site" / "timeline" / "undated.html").read_text(encoding="utf-8")
    assert page.count('class="tl-entry tl-undated"') == len(undated)
    timeline = (site / "site" / "timeline.html").read_text(encoding="utf-8")
    assert "tl-undated" not in timeline
    assert 'Its entries are on a page of their own: <a href="timeline/undated.html">' in timeline
    home_page = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="timeline/undated.html">Date not resolved</a></td>\n<td style="text-align: right;">{len(undated)}</td>' in home_page
    for item in undated:
        assert item["entry"] == f"timeline/undated.html#{item['id']}"
        assert f'id="{item["id"]}"' in page
    sources = "".join(path.read_text(encoding="utf-8") for path in (site / "site" / "sources").glob("*.html"))
    places = "".join(path.read_text(encoding="utf-8") for path in (site / "site" / "places").glob("*.html"))
    assert f'href="../timeline/undated.html#{undated[0]["id"]}"' in sources
    assert '../timeline/undated.html#un-' in places
    assert "../timeline.html#un-" not in sources + places


def test_very_many_undated_entries_are_split_by_their_articles_year(tmp_path):
    write_corpus(40, tmp_path / "seeds")
    (tmp_path / "seeds" / "undated.md").write_text("Shelled\n\nThe town was shelled on Wednesday.\n", encoding="utf-8")
    build_site_with_layout(tmp_path / "seeds", tmp_path, YEAR_PAGE_THRESHOLD=5, MONTH_PAGE_THRESHOLD=10)
    site = tmp_path
    undated = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))["undated"]
    [no_date] = [item for item in undated if not item["source"]["published"]]
    assert no_date["entry"] == f"timeline/undated-no-date.html#{no_date['id']}"
    undated.remove(no_date)
    by_year = Counter(item["source"]["published"][:4] for item in undated)
    assert len(undated) > 10 and len(by_year) > 1
    index = (site / "docs" / "timeline" / "undated.md").read_text(encoding="utf-8")
    assert "tl-entry" not in index
    for year, count in by_year.items():
        assert f"- [Articles published in {year}](undated-{year}.md): {count} entries" in index
    assert index.rstrip().endswith("- [Articles without a publication date](undated-no-date.md): 1 entry")
    for item in undated:
        page, anchor = item["entry"].split("#")
        assert page == f"timeline/undated-{item['source']['published'][:4]}.html"
        assert f'id="{anchor}"' in (site / "site" / page).read_text(encoding="utf-8")
    sources = "".join(path.read_text(encoding="utf-8") for path in (site / "site" / "sources").glob("*.html"))
    assert "../timeline/undated-" in sources and "../timeline/undated.html#un-" not in sources


def test_the_timeline_links_each_month_of_a_split_year_to_its_page(site):
    timeline = (site / "docs" / "timeline.md").read_text(encoding="utf-8")
    month_links = re.findall(r"\]\((timeline/\d{4}-\d{2}\.md)#(\d{4}-\d{2})\)", timeline)
    assert month_links
    for page, anchor in month_links:
        assert Path(page).stem == anchor and (site / "docs" / page).exists()


def test_pages_are_periods_sources_and_places_never_events(site):
    pages = [path.relative_to(site / "docs").as_posix() for path in (site / "docs").rglob("*.md")]
    assert all(PAGE_NAMES.fullmatch(page) for page in pages), pages
    events = sum(entries_by_year(site).values())
    assert len(pages) < events / 2


MONTH_REPORT = """---
title: Families flee
date: 2020-05-31
source: Wire
---
"Families have lost everything they owned," a spokesperson for the police said since March.
"""
SEASON_REPORT = """---
title: A year on
date: 2021-04-29
source: Review
---
"Families have lost everything they owned," a spokesperson for the prime minister said in the spring of 2020.
"""


def test_a_report_merged_into_an_entry_on_a_month_page_links_there(tmp_path):
    """The entry's first report is dated to the month (its page is March's), the other to the
    season (alone, it would be on the year's page): both link to the month page."""
    seeds = seeds_folder(tmp_path, {"month.md": MONTH_REPORT, "season.md": SEASON_REPORT})
    build_site_with_layout(seeds, tmp_path, today=date(2026, 1, 1), YEAR_PAGE_THRESHOLD=0, MONTH_PAGE_THRESHOLD=0)
    [entry] = json.loads((tmp_path / "docs" / "timeline.json").read_text(encoding="utf-8"))["events"]
    [season] = entry["also_reported"]
    assert entry["entry"] == f"timeline/2020-03.html#{entry['id']}"
    season_page = (tmp_path / "docs" / "sources" / "season.md").read_text(encoding="utf-8")
    assert f"(../timeline/2020-03.md#{season['id']})" in season_page


def test_an_edit_rewrites_the_pages_of_its_entries_and_the_counts_and_no_page_above_them(tmp_path, monkeypatch):
    """Only the home page counts the entries of other pages, so that a changed article costs a
    rebuild of the pages holding its entries, not of the timeline and year pages above them."""
    write_corpus(40, tmp_path / "seeds")
    for name, value in {"YEAR_PAGE_THRESHOLD": 10, "MONTH_PAGE_THRESHOLD": 60}.items():
        monkeypatch.setattr(layout, name, value)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert build(tmp_path / "seeds", tmp_path / "docs", jobs=1) == 0
    before = files_of(tmp_path / "docs")
    edited = sorted((tmp_path / "seeds").iterdir())[20]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe harbour master counted four ferries on Friday.\n",
                      encoding="utf-8")
    assert build(tmp_path / "seeds", tmp_path / "docs", jobs=1) == 0
    after = files_of(tmp_path / "docs")
    events = json.loads(after["timeline.json"])["events"]
    [new] = [event for event in events if "four ferries" in event["quote"]]
    page = new["entry"].split("#")[0].removesuffix(".html") + ".md"
    assert re.fullmatch(r"timeline/\d{4}-\d{2}\.md", page)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {f"sources/{edited.stem}.md", page, "index.md", "sources/index.md", *EXPORTS}
