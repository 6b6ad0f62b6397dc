"""When the years without a page of their own hold too many entries for the timeline page, it
lists decades and years, and each decade's entries are on a page of their own; every link to an
entry, from pages and exports, lands on the page that holds it, and the site builds with --strict."""

import json
import re
from collections import Counter

import pytest

from site_builder import synthetic_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return synthetic_site(tmp_path_factory.mktemp("decades"), 40, YEAR_PAGE_THRESHOLD=40, TIMELINE_PAGE_LIMIT=20)


def test_the_timeline_lists_decades_and_years_and_no_entry_and_the_home_page_counts_them(site):
    events = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))["events"]
    counts = Counter(int(event["date"]["start"][:4]) for event in events)
    assert [year for year, count in counts.items() if count > 40] and [year for year, count in counts.items() if count <= 40]
    timeline = (site / "docs" / "timeline.md").read_text(encoding="utf-8")
    home_page = (site / "docs" / "index.md").read_text(encoding="utf-8")
    assert 'class="tl-entry"' not in timeline
    for year, count in counts.items():
        home = f"timeline/{year}.md" if count > 40 else f"timeline/{year // 10 * 10}s.md#{year}"
        assert f"[{year}]({home})" in timeline
        assert f"| [{year}]({home}) | {count} |" in home_page


def test_a_decade_page_holds_its_short_years_and_links_its_long_ones(site):
    events = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))["events"]
    counts = Counter(int(event["date"]["start"][:4]) for event in events)
    for decade in {year // 10 * 10 for year in counts}:
        years = {year: count for year, count in counts.items() if year // 10 * 10 == decade}
        page = site / "docs" / "timeline" / f"{decade}s.md"
        if all(count > 40 for count in years.values()):
            assert not page.exists()
            continue
        text = page.read_text(encoding="utf-8")
        assert text.count('<div class="tl-entry') == sum(count for count in years.values() if count <= 40)
        for year, count in years.items():
            assert f"## {year} {{ #{year} }}" in text
            if count > 40:
                assert f"({year}.md)" in text


def test_every_entry_link_lands_on_its_entry(site):
    document = json.loads((site / "docs" / "timeline.json").read_text(encoding="utf-8"))
    on_decade_pages = 0
    for event in document["events"]:
        page, anchor = event["entry"].split("#")
        assert f'id="{anchor}"' in (site / "site" / page).read_text(encoding="utf-8"), event["entry"]
        on_decade_pages += bool(re.fullmatch(r"timeline/\d+s\.html", page))
    assert on_decade_pages
    sources = "".join(path.read_text(encoding="utf-8") for path in (site / "site" / "sources").glob("*.html"))
    assert re.search(r'href="\.\./timeline/\d+s\.html#ev-', sources)
