"""The seed site read as a person would: pages, citations, provenance, search and dark mode."""

import re

import pytest


def entry_of(timeline: dict, day: str, words: str) -> dict:
    return next(e for e in timeline["events"] if e["date"]["start"] == day and words in e["quote"])


def open_page(visit, url: str) -> None:
    visit.page.goto(url, wait_until="networkidle")


@pytest.mark.parametrize("path, shot", [("index.html", "home"), ("timeline.html", "timeline"),
                                        ("tags.html", "filter"), ("places/idlib.html", "place")])
def test_page_renders_offline_without_errors(visit, seed_site, path, shot):
    open_page(visit, seed_site.page_url(path))
    assert visit.page.locator("article h1").count() == 1
    assert visit.errors == []
    assert visit.external_requests() == []
    assert visit.requests and all(url.startswith(seed_site.url) for url in visit.requests if url.startswith("http"))
    visit.screenshot(shot)


def test_home_page_links_to_the_timeline_and_every_export(visit, seed_site):
    open_page(visit, seed_site.page_url("index.html"))
    for name in ("timeline.json", "timelinejs.json", "timeline.csv", "timeline.ics"):
        link = visit.page.locator(f'article a[href="{name}"]')
        assert link.count() == 1
        assert visit.page.request.get(seed_site.page_url(name)).ok
    visit.page.locator("article a", has_text="Read the timeline").click()
    visit.page.wait_for_url(re.compile(r"timeline\.html$"))


def test_source_link_lands_on_the_highlighted_sentence(visit, seed_site, seed_timeline):
    entry = entry_of(seed_timeline, "2020-01-15", "In the city of Idlib itself")
    sentence = entry["source"]["page"].split("#")[1]
    open_page(visit, seed_site.page_url("timeline.html"))
    visit.page.locator(f'.tl-entry:has(h4#{entry["id"]}) .tl-cite a').first.click()
    visit.page.wait_for_url(re.compile(rf"sources/.*\.html#{sentence}$"))
    target = visit.page.locator(":target")
    assert target.get_attribute("id") == sentence
    assert target.inner_text() == entry["quote"]
    box = target.bounding_box()
    header = visit.page.locator("header.md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, "the sentence is hidden under the header"
    assert box["y"] + box["height"] <= visit.page.viewport_size["height"]
    background = target.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the sentence is not highlighted"
    assert visit.errors == []
    visit.screenshot("source-sentence", full_page=False)
    open_page(visit, seed_site.page_url(entry["source"]["page"].split("#")[0]))
    visit.screenshot("source")


def test_expression_shows_its_value_on_hover_and_links_back(visit, seed_site, seed_timeline):
    entry = entry_of(seed_timeline, "2020-01-12", "ceasefire")
    open_page(visit, seed_site.page_url(entry["source"]["page"]))
    expression = visit.page.locator(f'#{entry["source"]["page"].split("#")[1]} a.timex', has_text="Sunday")
    expression.hover()
    tooltip = visit.page.locator(".md-tooltip2, .md-tooltip").filter(has_text="DATE 2020-01-12")
    tooltip.first.wait_for(state="visible", timeout=5000)
    expression.click()
    visit.page.wait_for_url(re.compile(rf"timeline\.html#{entry['id']}$"))
    assert visit.page.locator(":target").get_attribute("id") == entry["id"]


def test_permalink_opens_on_its_entry(visit, seed_site, seed_timeline):
    entry = entry_of(seed_timeline, "2020-01-16", "pressed a deadly offensive")
    open_page(visit, seed_site.page_url(entry["entry"]))
    heading = visit.page.locator(f"h4#{entry['id']}")
    assert heading.is_visible() and "Thu 16 January 2020" in heading.inner_text()
    assert heading.evaluate("h => h.getBoundingClientRect().top") < visit.page.viewport_size["height"] / 2
    permalink = visit.page.locator(f'.tl-entry:has(h4#{entry["id"]}) a.tl-permalink')
    assert permalink.is_visible() and permalink.get_attribute("href") == f"#{entry['id']}"


def test_provenance_panel_opens_on_click(visit, seed_site, seed_timeline):
    entry = entry_of(seed_timeline, "2020-01-15", "around midnight")
    open_page(visit, seed_site.page_url("timeline.html"))
    panel = visit.page.locator(f'.tl-entry:has(h4#{entry["id"]}) details')
    assert panel.evaluate("details => details.open") is False
    assert not panel.get_by_text("Rule:").first.is_visible()
    panel.locator("summary").click()
    assert panel.evaluate("details => details.open") is True
    explanation = panel.get_by_text("“around midnight”")
    explanation.wait_for(state="visible")
    assert "Rule:" in panel.inner_text()


def search(visit, seed_site, words: str) -> list[str]:
    """Type words into the site's search box and return the links of the results it lists."""
    open_page(visit, seed_site.page_url("timeline.html"))
    box = visit.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=20)
    visit.page.locator(".md-search-result__meta", has_text=re.compile(r"\d+ matching")).wait_for()
    links = visit.page.locator("a.md-search-result__link")
    return [link.get_attribute("href") for link in links.all()]


def test_search_finds_the_ceasefire_entry(visit, seed_site, seed_timeline):
    entry = entry_of(seed_timeline, "2020-01-12", "ceasefire")
    results = search(visit, seed_site, "ceasefire")
    assert any(re.search(rf"/timeline\.html(\?[^#]*)?#{entry['id']}$", href) for href in results), results
    first = visit.page.locator(".md-search-result__item").first
    assert first.is_visible() and "ceasefire" in first.inner_text().lower()
    assert "Sun 12 January 2020" in first.inner_text(), "the timeline entry is not the first result"
    assert visit.errors == []
    visit.screenshot("search", full_page=False)


def test_search_by_date_finds_the_entry_of_that_day(visit, seed_site, seed_timeline):
    ids = {e["id"] for e in seed_timeline["events"] if e["date"]["start"] == "2020-01-15"}
    results = search(visit, seed_site, "15 January 2020")
    found = {href.split("#")[-1] for href in results if re.search(r"/timeline\.html(\?[^#]*)?#", href)}
    assert found & ids, results


def test_dark_mode_toggle_switches_the_palette(visit, seed_site):
    open_page(visit, seed_site.page_url("timeline.html"))
    body = visit.page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    toggle = visit.page.locator('label.md-header__button[for="__palette_1"]')
    assert toggle.get_attribute("title") == "Switch to dark mode"
    toggle.click()
    visit.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    background = body.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    visit.screenshot("timeline-dark")
    visit.page.locator('label.md-header__button[for="__palette_0"]').click()
    visit.page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def test_timeline_reads_on_a_phone(browser, seed_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(seed_site.page_url("timeline.html"), wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the timeline scrolls sideways on a phone"
    assert page.locator("a.tl-permalink").first.is_visible()
    from browsing import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-phone.png"), full_page=False)
    context.close()
