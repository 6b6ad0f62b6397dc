"""Merging reports from different articles into one entry, and showing conflicting dates."""

from pathlib import Path

import pytest
import yaml

from generator import merging
from generator.articles import parse_article
from generator.events import events_of, marks_of
from generator.merging import FIGURE, SETTINGS_FILE, merge, settings, words_of
from generator.tagger import tag

EXAMPLES = yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["why"] for e in EXAMPLES])
def test_merging_examples(example):
    assert settings().merge.met(words_of(example["a"]), words_of(example["b"])) == example["same"]


def test_figures_are_compared_in_one_spelling_and_counts_are_not_figures():
    text = "It lost $5.1 million, or 50 cents, up 10 percent, 3 per cent and 2.50; 257 people died in 1998."
    assert {word for word in words_of(text) if word.startswith(FIGURE)} == {
        "#5.1million", "#50cents", "#10%", "#3%", "#2.5"}


def article(name: str, text: str, published: str = "2020-01-16", outlet: str = "Wire"):
    seed = f"---\ntitle: {name}\ndate: {published}\nsource: {outlet}\n---\n{text}\n"
    parsed = parse_article(Path(f"{name}.md"), seed)
    marks = marks_of(tag(parsed.body, parsed.published, parsed.genre))
    return parsed, marks


def timeline(*articles):
    events = [event for parsed, marks in articles for event in events_of(parsed, marks)]
    return merge(events, {parsed.path: marks for parsed, marks in articles})


def test_reports_of_one_event_on_one_date_make_one_entry_citing_both():
    afp = article("afp", "Russian and Syrian regime air strikes killed 19 civilians in Idlib on Wednesday.")
    reuters = article("reuters", "Air strikes by Russian and Syrian forces killed at least 19 civilians "
                                 "in Idlib province on January 15, a monitor said.", "2020-01-17", "Reuters")
    [entry] = timeline(afp, reuters)
    assert entry.start.isoformat() == "2020-01-15"
    assert entry.article.title == "afp"  # the first published leads
    assert [report.article.title for report in entry.also] == ["reuters"]
    assert entry.conflicts == ()


def test_different_events_on_one_date_stay_apart():
    one = article("one", "Air strikes killed 19 civilians in Idlib on Wednesday.")
    other = article("other", "Rebels clashed with regime forces near Maaret al-Numan on Wednesday.")
    entries = timeline(one, other)
    assert len(entries) == 2 and all(entry.also == () for entry in entries)


def test_alike_reports_told_apart_by_their_figures_stay_apart():
    compaq = article("compaq", "In composite trading yesterday, Compaq shares fell $1.625 to $108.625.")
    gm = article("gm", "In composite trading yesterday, GM shares fell $1.875 to $44.875.", outlet="Ledger")
    entries = timeline(compaq, gm)
    assert len(entries) == 2 and all(entry.also == () for entry in entries)
    assert entries[0].start == entries[1].start


def test_one_article_never_merges_with_itself():
    text = ("Air strikes killed 19 civilians in Idlib on Wednesday. "
            "Air strikes killed 19 more civilians in Idlib on Wednesday, rescuers said.")
    entries = timeline(article("one", text))
    assert len(entries) == 2


def test_conflicting_dates_for_one_event_are_both_kept_and_point_at_each_other():
    sunday = article("sunday", "Russia and Turkey announced a ceasefire for Idlib province on Sunday.")
    saturday = article("saturday", "Russia and Turkey announced a ceasefire for Idlib province on Saturday.",
                       outlet="Other")
    first, second = timeline(sunday, saturday)
    assert (first.start.isoformat(), second.start.isoformat()) == ("2020-01-11", "2020-01-12")
    assert [c.id for c in first.conflicts] == [second.id]
    assert [c.id for c in second.conflicts] == [first.id]


def test_two_processes_find_the_conflicts_one_finds(monkeypatch):
    monkeypatch.setattr(merging, "SPLIT_CONFLICTS_FROM", 2)
    sentences = ["Russia and Turkey announced a ceasefire for Idlib province on {}.",
                 "Floods forced thousands of families from their homes in Mozambique on {}.",
                 "Rebels shot down a regime helicopter near Aleppo on {}."]
    reports = [article(f"report-{number}-{day}", sentence.format(day), outlet=f"Outlet {day}")
               for number, sentence in enumerate(sentences) for day in ("Sunday", "Saturday")]
    events = [event for parsed, marks in reports for event in events_of(parsed, marks)]
    marks = {parsed.path: found for parsed, found in reports}
    alone, split = merge(events, marks), merge(events, marks, processes=2)
    assert any(entry.conflicts for entry in alone)
    assert [(entry.id, [c.id for c in entry.conflicts]) for entry in split] == \
           [(entry.id, [c.id for c in entry.conflicts]) for entry in alone]


def test_a_sentence_naming_both_dates_is_no_conflict():
    both = article("both", "The ceasefire Russia and Turkey announced for Idlib province on Sunday collapsed on Wednesday.")
    one = article("one", "The ceasefire Russia and Turkey announced for Idlib province on Sunday collapsed.")
    entries = timeline(both, one)
    assert all(entry.conflicts == () for entry in entries)
    [sunday] = [entry for entry in entries if entry.start.isoformat() == "2020-01-12"]
    assert len(sunday.also) == 1


def test_overlapping_periods_of_different_precision_are_no_conflict():
    month = article("month", "Russia and Turkey announced a ceasefire for Idlib province in January.")
    day = article("day", "Russia and Turkey announced a ceasefire for Idlib province on Sunday.")
    entries = timeline(month, day)
    assert len(entries) == 2 and all(entry.conflicts == () for entry in entries)


SAME_STORY = {
    "afp.md": ("AFP", "2020-01-16", "Russian and Syrian regime air strikes killed 19 civilians in Idlib on Wednesday. "
                                    "Russia and Turkey announced a ceasefire for Idlib province on Sunday."),
    "reuters.md": ("Reuters", "2020-01-17", "Air strikes by Russian and Syrian forces killed at least 19 civilians "
                                            "in Idlib province on January 15, a monitor said. Russia and Turkey "
                                            "announced a ceasefire for Idlib province on Saturday."),
}


@pytest.fixture(scope="module")
def merged_site(tmp_path_factory):
    from site_builder import build_site

    where = tmp_path_factory.mktemp("merged")
    seeds = where / "seeds"
    seeds.mkdir()
    for name, (outlet, published, text) in SAME_STORY.items():
        (seeds / name).write_text(f"---\ntitle: {outlet} report\ndate: {published}\nsource: {outlet}\n---\n{text}\n",
                                  encoding="utf-8")
    assert build_site(seeds, where).returncode == 0
    return where


def test_the_site_shows_one_entry_citing_both_and_the_conflict_both_ways(merged_site):
    import json
    import re

    html = (merged_site / "site" / "timeline.html").read_text(encoding="utf-8")
    [strike] = [entry for entry in html.split('class="tl-entry') if "Wed 15 January 2020" in entry]
    assert "2 sources" in strike and "AFP · “AFP report”" in strike and "Reuters · “Reuters report”" in strike
    assert html.count("Dated differently by another report") == 2
    document = json.loads((merged_site / "docs" / "timeline.json").read_text(encoding="utf-8"))
    [merged] = [event for event in document["events"] if event["also_reported"]]
    assert merged["source"]["outlet"] == "AFP" and merged["also_reported"][0]["source"]["outlet"] == "Reuters"
    conflicted = [event for event in document["events"] if event["conflicts"]]
    assert sorted(event["date"]["start"] for event in conflicted) == ["2020-01-11", "2020-01-12"]
    # Every report keeps its id on the page, so the Reuters source page's link lands on the entry.
    reuters = (merged_site / "site" / "sources" / "reuters.html").read_text(encoding="utf-8")
    for target in re.findall(r'href="\.\./timeline\.html#(ev-[0-9a-f]+)"', reuters):
        assert f'id="{target}"' in html


def test_copies_of_one_wire_story_make_one_entry_per_event():
    text = "Russia and Turkey announced a ceasefire for Idlib province on Sunday. Air strikes killed 19 civilians on Wednesday."
    copies = [article(f"outlet{number}", text, outlet=f"Outlet {number}") for number in range(5)]
    entries = timeline(*copies)
    assert len(entries) == 2
    assert all(len(entry.also) == 4 and entry.conflicts == () for entry in entries)


def test_wording_that_recurs_on_many_dates_is_a_recurring_event_not_a_conflict():
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    reports = [article(f"day{number}", f"Air strikes by regime forces killed civilians in Idlib province on {day}.",
                       outlet=f"Outlet {number}") for number, day in enumerate(days)]
    entries = timeline(*reports)
    assert len(entries) == 4 and all(entry.conflicts == () for entry in entries)


def test_dates_far_apart_are_no_conflict():
    spring = article("spring", "Russia and Turkey announced a ceasefire for Idlib province in March 2019.")
    winter = article("winter", "Russia and Turkey announced a ceasefire for Idlib province in December 2019.")
    assert all(entry.conflicts == () for entry in timeline(spring, winter))


def test_a_dateline_is_no_event():
    [entry] = timeline(article("xinhua", "BRUSSELS, January 16 (Xinhua) --\n\nNATO ministers met on Wednesday."))
    assert entry.start.isoformat() == "2020-01-15"


@pytest.mark.parametrize("text", [
    "LONDON, Jan 16 (Reuters) - British shares fell on Wednesday.",
    "WASHINGTON, Jan. 16, 2020 (AP) — The Senate voted on Wednesday.",
    "Jan 16 (Reuters) - Oil prices fell on Wednesday.",
])
def test_a_dateline_opening_the_first_sentence_is_no_event(text):
    [entry] = timeline(article("wire", text))
    assert entry.start.isoformat() == "2020-01-15"


def test_a_dateline_followed_by_a_long_run_of_spaces_is_read_through():
    # Once read by a pattern with three runs of spaces side by side: a thousand spaces took 1.6 s.
    [entry] = timeline(article("wire", "LONDON, Jan 16 (Reuters)" + " " * 20_000 + "x British shares fell on Wednesday."))
    assert entry.start.isoformat() == "2020-01-15"


def test_a_date_opening_a_sentence_without_a_credit_is_an_event():
    entries = timeline(article("wire", "On Jan. 16 - a Thursday - oil prices fell."))
    assert [entry.start.isoformat() for entry in entries] == ["2020-01-16"]


@pytest.mark.parametrize("one, other, conflict", [
    ("in 2014", "in 2015", True),  # two years, one right after the other
    ("in 2018", "on December 20, 2019", True),  # a day within a year of a year
    ("on March 2, 2019", "in April 2019", True),  # a day within a month of a month
    ("on March 2, 2019", "in June 2019", False),
    ("on March 2, 2019", "on March 12, 2019", False),  # ten days apart: more than a week
])
def test_how_far_apart_periods_of_different_lengths_may_conflict(one, other, conflict):
    for first, second in ((one, other), (other, one)):
        reports = [article(f"report{number}", f"Russia and Turkey announced a ceasefire for Idlib province {when}.",
                           outlet=f"Outlet {number}") for number, when in enumerate((first, second))]
        entries = timeline(*reports)
        assert len(entries) == 2
        assert [bool(entry.conflicts) for entry in entries] == [conflict, conflict], (first, second)
