"""The exports written with every build: each parses with its own library and holds every entry."""

import csv
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest

from generator.build import build
from site_builder import ROOT, seeds_folder

PRECISIONS = """---
title: Precisions
date: 2020-01-16
source: Wire
---
Prices rose last month, officials said on Monday.

The plan dates from early 2018.

Talks resumed in March 2019, about a year after they stalled.
"""
UNDATED = "Strikes hit the town\n\nThe town was shelled on Wednesday.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    where = tmp_path_factory.mktemp("exports")
    seeds = where / "seeds"
    seeds.mkdir()
    for path in (ROOT / "seeds").iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "precisions.md").write_text(PRECISIONS, encoding="utf-8")
    (seeds / "undated.txt").write_text(UNDATED, encoding="utf-8")
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("SITE_URL", raising=False)
        assert build(seeds, where / "docs") == 0
    return where / "docs"


def timeline_ids(docs: Path) -> list[str]:
    """The ids of the dated entries, in page order, as the timeline page has them."""
    return re.findall(r"^#### .*\{ #(ev-[0-9a-f]+) \}$", (docs / "timeline.md").read_text(encoding="utf-8"), re.M)


def test_json_holds_every_entry_with_its_provenance(built):
    document = json.loads((built / "timeline.json").read_text(encoding="utf-8"))
    assert document["schema"] == "news-timeline/1"
    assert [event["id"] for event in document["events"]] == timeline_ids(built)
    for event in document["events"]:
        assert event["date"]["resolved"] and event["provenance"] and event["expressions"]
        source = event["source"]
        assert source["page"].startswith("sources/") and "#s" in source["page"]
        assert event["quote"] in " ".join((built.parent / "seeds" / source["file"]).read_text(encoding="utf-8").split())
    [undated] = document["undated"]
    assert undated["id"].startswith("un-") and undated["date"] == {"resolved": False, "label": "a Wednesday"}
    assert undated["quote"] == "The town was shelled on Wednesday."


def test_csv_has_a_row_per_entry_and_keeps_dates_at_their_precision(built):
    with (built / "timeline.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows if row["id"].startswith("ev-")] == timeline_ids(built)
    assert [row["precision"] for row in rows if row["id"].startswith("un-")] == ["unresolved"]
    month = next(row for row in rows if row["expressions"] == "last month")
    assert (month["start"], month["end"], month["date"]) == ("2019-12-01", "2019-12-31", "December 2019")
    early = next(row for row in rows if row["expressions"] == "early 2018")
    assert early["date"] == "early 2018" and early["precision"] == "year"


def test_calendar_has_an_all_day_event_per_dated_entry(built):
    calendar = icalendar.Calendar.from_ical((built / "timeline.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]).removesuffix("@news-timeline") for e in events] == timeline_ids(built)
    for event in events:
        assert type(event.decoded("dtstart")) is date and type(event.decoded("dtend")) is date
        assert event.decoded("dtend") > event.decoded("dtstart")
        assert event.decoded("dtstamp") == datetime(2020, 1, 16, tzinfo=timezone.utc)
    month = next(e for e in events if "Prices rose" in str(e["description"]))
    assert (month.decoded("dtstart"), month.decoded("dtend")) == (date(2019, 12, 1), date(2020, 1, 1))
    assert str(month["summary"]).startswith("December 2019: ")
    ceasefire = next(e for e in events if "ceasefire announced by the Russian army" in str(e["description"]))
    assert (ceasefire.decoded("dtstart"), ceasefire.decoded("dtend")) == (date(2020, 1, 12), date(2020, 1, 13))


def test_timelinejs_dates_carry_no_more_parts_than_their_precision(built):
    document = json.loads((built / "timelinejs.json").read_text(encoding="utf-8"))
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert list(slides) == timeline_ids(built)
    month = next(s for s in slides.values() if "Prices rose" in s["text"]["text"])
    assert month["start_date"] == {"year": 2019, "month": 12} and month["end_date"] == {"year": 2019, "month": 12}
    year = next(s for s in slides.values() if "Russia&#x27;s 2015" in s["text"]["text"])
    assert year["start_date"] == {"year": 2015} and year["end_date"] == {"year": 2015}


def test_exports_escape_article_text_where_it_would_be_html_or_a_formula(tmp_path):
    seeds = seeds_folder(tmp_path, {
        "hostile.md": "---\ntitle: <b>x</b>\ndate: 2020-01-16\n---\n"
                      "=HYPERLINK(\"http://x\") <script>alert(1)</script> on Wednesday.\n"})
    assert build(seeds, tmp_path / "docs") == 0
    slide = json.loads((tmp_path / "docs" / "timelinejs.json").read_text(encoding="utf-8"))["events"][0]
    assert "<script>" not in json.dumps(slide) and "&lt;script&gt;" in slide["text"]["text"]
    assert "<b>x" not in slide["text"]["text"]
    with (tmp_path / "docs" / "timeline.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["quote"].startswith("'=HYPERLINK")


def test_links_are_absolute_when_the_site_url_is_known(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/news")
    assert build(built.parent / "seeds", tmp_path) == 0
    event = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"][0]
    assert event["entry"] == f"https://example.org/news/timeline.html#{event['id']}"
    calendar = icalendar.Calendar.from_ical((tmp_path / "timeline.ics").read_bytes())
    assert str(calendar.walk("VEVENT")[0]["url"]) == event["entry"]


def test_a_rebuild_writes_the_same_bytes(built, tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert build(built.parent / "seeds", tmp_path) == 0
    written = sorted(path.relative_to(built) for path in built.rglob("*") if path.is_file())
    assert written == sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if path.is_file())
    for name in written:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
