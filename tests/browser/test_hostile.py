"""An article written to attack the site is shown as its text, and nothing in it runs or loads."""

import pytest

from browsing import serve_articles

HOSTILE = """---
title: "<script>alert('title')</script> Siege"
date: 2020-01-16
source: "<b>Outlet</b>"
---
<script>alert(1)</script> was posted on Wednesday.

<img src=x onerror=alert(1)> appeared in Idlib on Tuesday.

"><svg onload=alert(1)> last month.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    yield from serve_articles(tmp_path_factory.mktemp("hostile-site"), {"hostile.md": HOSTILE})


@pytest.mark.parametrize("path", ["sources/hostile.html", "timeline.html", "places/idlib.html", "tags.html"])
def test_hostile_article_shows_as_text_and_runs_nothing(visit, hostile_site, path):
    visit.page.goto(hostile_site.page_url(path), wait_until="networkidle")
    visit.page.wait_for_timeout(300)
    text = visit.page.locator("article").inner_text()
    assert "<b>Outlet</b>" in text
    if path != "tags.html":
        assert "<img src=x onerror=alert(1)>" in text
    if path in ("sources/hostile.html", "timeline.html"):
        assert "<script>alert(1)</script>" in text
    assert visit.dialogs == []
    assert visit.page.locator("article img, article svg[onload], article script").count() == 0
    assert not [url for url in visit.requests if url.endswith("/x")], "the image in the article was requested"
    assert visit.external_requests() == []
    assert visit.errors == []
    if path == "timeline.html":
        visit.screenshot("hostile-timeline")
