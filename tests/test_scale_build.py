"""Building many articles: the same pages whatever the number of processes, a cache of tagging
results that a change to the generator invalidates, and pages rewritten only when they change."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synthetic import write_corpus
from generator import batch, exports, tag_cache
from generator.build import build
from site_builder import ROOT

ARTICLES = 12


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


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

    monkeypatch.setattr(batch, "tag", untouchable)
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
    real_tag = batch.tag
    monkeypatch.setattr(batch, "tag", lambda text, *rest: tagged.append(text) or real_tag(text, *rest))
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


def test_kept_calendar_events_make_the_same_calendar(seeds, fresh, tmp_path):
    for _ in range(2):  # the first build fills the cache, the second takes every event from it
        assert build(seeds, tmp_path / "out", jobs=2, cache=tmp_path / "cache") == 0
        assert (tmp_path / "out" / "timeline.ics").read_bytes() == fresh["timeline.ics"]


def test_only_the_calendar_events_of_changed_entries_are_made_again(seeds, tmp_path, monkeypatch):
    copy = built_then_edited(seeds, tmp_path, "The talks ended on Friday 3 March 2017.")
    made = []
    real_event = exports._calendar_event
    monkeypatch.setattr(exports, "_calendar_event", lambda event, record: made.append(event) or real_event(event, record))
    assert build(copy, tmp_path / "out", jobs=1, cache=tmp_path / "cache") == 0
    assert [event.label for event in made] == ["Fri 3 March 2017"]
    calendar = (tmp_path / "out" / "timeline.ics").read_text(encoding="utf-8")
    assert build(copy, tmp_path / "uncached", jobs=1) == 0
    assert calendar == (tmp_path / "uncached" / "timeline.ics").read_text(encoding="utf-8")


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
