"""Building many articles: the same pages whatever the number of processes, caches of tagging
results, pages and entries that a change to the generator invalidates, and pages rewritten only
when they change."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synthetic import write_corpus
from generator import batch, exports, pages, tag_cache
from generator.build import build
from site_builder import ROOT, files_of

ARTICLES = 12


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(ARTICLES, folder)
    return folder


@pytest.fixture(scope="module")
def fresh(seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("fresh")
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("SITE_URL", raising=False)
        assert build(seeds, out, jobs=1) == 0
    return files_of(out)


@pytest.fixture(autouse=True)
def no_site_url(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)


def test_pages_are_the_same_whatever_the_number_of_processes(seeds, fresh, tmp_path):
    assert build(seeds, tmp_path / "two", jobs=2) == 0
    assert build(seeds, tmp_path / "three", jobs=3) == 0
    assert files_of(tmp_path / "two") == fresh
    assert files_of(tmp_path / "three") == fresh


def test_a_second_build_takes_every_article_from_the_cache(seeds, fresh, tmp_path, monkeypatch):
    assert build(seeds, tmp_path / "first", jobs=1, cache=tmp_path / "cache") == 0

    def untouchable(*args):
        raise AssertionError("tagged although the cache holds the article")

    monkeypatch.setattr(batch, "tag_in_sentences", untouchable)
    assert build(seeds, tmp_path / "second", jobs=1, cache=tmp_path / "cache") == 0
    assert files_of(tmp_path / "second") == fresh == files_of(tmp_path / "first")


def copy_of(seeds: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "seeds"
    copy.mkdir()
    for path in seeds.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    return copy


def built_then_edited(seeds: Path, tmp_path: Path, added: str) -> Path:
    """A copy of seeds, built into tmp_path/out with a cache, then one of its articles given one
    more line; the copy."""
    copy = copy_of(seeds, tmp_path)
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    changed = sorted(copy.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    return copy


def test_a_changed_article_alone_is_tagged_again(seeds, tmp_path, monkeypatch):
    copy = built_then_edited(seeds, tmp_path, "The talks ended on Friday.")
    tagged = []
    real_tag = batch.tag_in_sentences
    monkeypatch.setattr(batch, "tag_in_sentences", lambda text, *rest: tagged.append(text) or real_tag(text, *rest))
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    assert len(tagged) == 1 and tagged[0].endswith("The talks ended on Friday.\n")


def test_a_changed_rules_file_misses_the_cache(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    package.mkdir()
    for path in tag_cache.PACKAGE.iterdir():
        if path.is_file():
            (package / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(tag_cache, "PACKAGE", package)
    tag_cache.generator_fingerprint.cache_clear()
    before = tag_cache.article_key("Talks resumed on Friday.", None, "news")
    rules = package / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a comment changes the rules file\n", encoding="utf-8")
    tag_cache.generator_fingerprint.cache_clear()
    after = tag_cache.article_key("Talks resumed on Friday.", None, "news")
    tag_cache.generator_fingerprint.cache_clear()
    assert before != after


def test_the_key_holds_publication_date_and_genre():
    from datetime import date

    keys = {tag_cache.article_key("Talks resumed on Friday.", published, genre)
            for published in (None, date(2020, 1, 16), date(2020, 1, 17)) for genre in ("news", "narrative")}
    assert len(keys) == 6


def test_kept_pages_and_exports_make_the_same_files(seeds, fresh, tmp_path):
    for _ in range(2):  # the first build fills the caches, the second takes every page and entry from them
        assert build(seeds, tmp_path / "out", jobs=2, cache=tmp_path / "cache") == 0
        assert files_of(tmp_path / "out") == fresh


def test_only_the_changed_articles_entries_and_page_are_made_again(seeds, tmp_path, monkeypatch):
    copy = built_then_edited(seeds, tmp_path, "The talks ended on Friday 3 March 2017.")
    entries, records, events, articles = [], [], [], []
    for module, name, made in ((pages, "_entry", entries), (exports, "_record", records),
                               (exports, "_calendar_event", events), (pages, "source_page", articles)):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda item, *rest, real=real, made=made: made.append(item) or real(item, *rest))
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    edited = sorted(copy.iterdir())[3].name
    assert [source.article.name for source in articles] == [edited]
    for made in (entries, records, events):  # the edited article's entries, none other
        assert {item.article.name for item in made} == {edited}
        assert "Fri 3 March 2017" in [item.label for item in made]
    assert len(records) == len(entries)
    assert build(copy, tmp_path / "uncached", jobs=1) == 0
    assert files_of(tmp_path / "out") == files_of(tmp_path / "uncached")


def test_an_entry_another_article_now_reports_too_is_made_again(seeds, tmp_path):
    """A sentence copied into another article merges with the entry it came from, which must then
    cite both: kept texts of that entry are not used."""
    copy = copy_of(seeds, tmp_path)
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    timeline = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    reported = next(event for event in timeline["events"] if not event["also_reported"])
    source = reported["source"]
    copied_to = next(path for path in sorted(copy.iterdir()) if path.name != source["file"])
    copied_to.write_text(copied_to.read_text(encoding="utf-8") + f"\n{reported['quote']}\n", encoding="utf-8")
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    assert build(copy, tmp_path / "uncached", jobs=1) == 0
    assert files_of(tmp_path / "out") == files_of(tmp_path / "uncached")
    rebuilt = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert any(event["id"] == reported["id"] and event["also_reported"] for event in rebuilt["events"])


def test_unchanged_pages_keep_their_time_and_stale_pages_go(seeds, fresh, tmp_path):
    copy = copy_of(seeds, tmp_path)
    out = tmp_path / "out"
    assert build(copy, out, jobs=1) == 0
    long_ago = 1_000_000_000
    for path in out.rglob("*"):
        os.utime(path, (long_ago, long_ago))
    (out / "sources" / "left-over.md").write_text("from an earlier build", encoding="utf-8")
    removed = sorted(copy.iterdir())[0]
    removed.unlink()
    assert build(copy, out, jobs=1) == 0
    assert not (out / "sources" / "left-over.md").exists()
    assert not (out / "sources" / (removed.stem + ".md")).exists()
    kept = out / "sources" / (sorted(copy.iterdir())[0].stem + ".md")
    assert kept.stat().st_mtime == long_ago
    assert (out / "index.md").stat().st_mtime != long_ago  # it counts the articles
    fresh_out = tmp_path / "fresh"
    assert build(copy, fresh_out, jobs=1) == 0
    assert files_of(out) == files_of(fresh_out)


def run_build(*args, cwd):
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "generator", "build", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True)


def test_the_command_line_keeps_the_cache_where_it_is_told(seeds, tmp_path):
    told = run_build("--seeds", str(seeds), "--out", "docs", "--cache", "kept", "--jobs", "2", cwd=tmp_path)
    assert told.returncode == 0, told.stderr
    assert (tmp_path / "kept" / tag_cache.DATABASE).is_file()
    default = run_build("--seeds", str(seeds), "--out", "docs", cwd=tmp_path)
    assert default.returncode == 0, default.stderr
    assert (tmp_path / ".cache" / tag_cache.DATABASE).is_file() and "(0 files written" in default.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    uncached = run_build("--seeds", str(seeds), "--out", "docs", "--no-cache", cwd=elsewhere)
    assert uncached.returncode == 0, uncached.stderr
    assert sorted(path.name for path in elsewhere.iterdir()) == ["docs"]
    assert files_of(elsewhere / "docs") == files_of(tmp_path / "docs")


def test_the_command_line_refuses_a_job_count_below_one(seeds, tmp_path):
    refused = run_build("--seeds", str(seeds), "--jobs", "0", cwd=tmp_path)
    assert refused.returncode == 2 and "--jobs" in refused.stderr
