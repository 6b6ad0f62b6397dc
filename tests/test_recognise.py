"""Recognition runs its rules only around trigger words; that must never lose an expression."""

from pathlib import Path

import pytest
import yaml

from generator import recognise
from generator.recognise import GENRES, NEEDS_PATTERNS, NEEDS_TABLES, RULES_FILE, candidates, load_rules

ROOT = Path(__file__).resolve().parent.parent


def _texts():
    yield from (path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").iterdir()))
    for rule in load_rules():
        yield from (str(example["text"] if isinstance(example, dict) else example[0]) for example in rule.examples)
    for group in yaml.safe_load((ROOT / "tests" / "golden" / "phrasings.yaml").read_text(encoding="utf-8")):
        yield " ".join(str(case["text"] if isinstance(case, dict) else case[0]) for case in group["cases"])


def _found(text, stretches=None, genre="news"):
    return sorted((m.start, m.end, m.rule.name, m.value) for m in candidates(text, stretches, genre))


def test_windows_find_what_a_full_scan_finds():
    for text in _texts():
        for genre in GENRES:
            assert _found(text, genre=genre) == _found(text, [(0, len(text))], genre)


def test_a_rule_of_a_genre_runs_only_in_text_of_that_genre():
    text = "Verdun fell in February 1916. At the same time, the Russians attacked."
    assert "that-time" in {rule for *_, rule, _ in _found(text, genre="narrative")}
    assert "that-time" not in {rule for *_, rule, _ in _found(text, genre="news")}


def test_a_rule_for_an_unknown_genre_is_refused(tmp_path, monkeypatch):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {name: a, type: DATE, pattern: 'x', genre: narativ}\n", encoding="utf-8")
    monkeypatch.setattr(recognise, "RULES_FILE", rules)
    load_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="narativ"):
            load_rules()
    finally:
        load_rules.cache_clear()


def test_every_need_is_a_lower_case_word_a_table_or_a_pattern():
    # As written: loading lower-cases a word, so a misspelt table ("MONTHS") would pass as a word.
    for rule in yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["rules"]:
        for need in rule.get("needs", ()):
            assert need in NEEDS_TABLES or need in NEEDS_PATTERNS or need == need.lower(), (rule["name"], need)
