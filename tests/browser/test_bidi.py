"""A right-to-left override in an article's title reverses the title, as written, and nothing after it."""

import pytest

from browsing import serve_articles

ARTICLE = """---
title: "Siege \u202eniatnuom eht no"
date: 2020-01-16
source: "AFP"
---
Shelling resumed on Wednesday.
"""

# The left edges of the first and last letters of a word in the element matched by a selector.
WORD_EDGES = """([selector, word]) => {
  const element = document.querySelector(selector);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const edge = (offset) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    };
    return [edge(at), edge(at + word.length - 1)];
  }
  return null;
}"""


@pytest.fixture(scope="module")
def bidi_site(tmp_path_factory):
    yield from serve_articles(tmp_path_factory.mktemp("bidi-site"), {"siege.md": ARTICLE})


def test_an_override_in_a_title_stops_at_the_end_of_the_title(visit, bidi_site):
    visit.page.goto(bidi_site.page_url("timeline.html"), wait_until="networkidle")
    first, last = visit.page.evaluate(WORD_EDGES, [".tl-cite", "niatnuom"])
    assert first > last, "the override reverses the title itself, as the article asks"
    first, last = visit.page.evaluate(WORD_EDGES, [".tl-cite", "published"])
    assert first < last, "the words after the title read left to right"
    assert visit.errors == []
