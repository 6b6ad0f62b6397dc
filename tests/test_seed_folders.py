"""Articles kept in subfolders of the seeds folder are read like the others, each with a page of
its own; what is passed over (hidden folders) is named in the docs, and a link to a folder is
reported, not followed."""

import json
from datetime import date
from pathlib import Path

import pytest

from generator.build import build, read_articles

ARTICLE = "---\ntitle: {title}\ndate: 2020-01-16\nsource: {source}\n---\nThe town was shelled on Wednesday.\n"


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    for name, title, source in [("afp/2020/001.md", "Shelling in Idlib", "AFP"),
                                ("reuters/001.md", "Families flee Idlib", "Reuters"),
                                ("top.md", "Strikes hit the town", "AP")]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(ARTICLE.format(title=title, source=source), encoding="utf-8")
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "draft.md").write_text(ARTICLE.format(title="Draft", source="AP"), encoding="utf-8")
    (folder / "reuters" / "README.md").write_text("How these were collected.\n", encoding="utf-8")
    (folder / "reuters" / "back").symlink_to(folder, target_is_directory=True)
    return folder


def test_articles_in_subfolders_are_read_in_order_of_path_with_distinct_pages(seeds):
    articles, problems, tally = read_articles(seeds, date(2020, 6, 1))
    assert [(a.name, a.slug) for a in articles] == [
        ("afp/2020/001.md", "afp-2020-001"), ("reuters/001.md", "reuters-001"), ("top.md", "top")]
    assert not [p for p in problems if p.level != "notice"], problems
    assert tally.published == 3


def test_a_link_to_a_folder_is_reported_and_not_followed(seeds):
    _, problems, tally = read_articles(seeds, date(2020, 6, 1))
    [linked] = problems
    assert linked.path == seeds / "reuters" / "back" and "not followed" in linked.message
    assert tally.ignored == 1


def test_the_exports_name_each_article_by_its_path_in_the_seeds_folder(seeds, tmp_path):
    assert build(seeds, tmp_path / "docs", jobs=1, today=date(2020, 6, 1)) == 0
    document = json.loads((tmp_path / "docs" / "timeline.json").read_text(encoding="utf-8"))
    reports = [report for event in document["events"] for report in [event, *event["also_reported"]]]
    files = {report["source"]["file"] for report in reports}
    assert files == {"afp/2020/001.md", "reuters/001.md", "top.md"}
    assert (tmp_path / "docs" / "sources" / "afp-2020-001.md").is_file()
