"""The golden corpus: phrasings with their expected values, and strings that must stay untagged."""

from pathlib import Path

import pytest
import yaml

from expectations import check
from generator.tagger import tag

GOLDEN = Path(__file__).parent / "golden"


def _phrasings():
    groups = yaml.safe_load((GOLDEN / "phrasings.yaml").read_text(encoding="utf-8"))
    for group in groups:
        for case in group["cases"]:
            case = dict(case) if isinstance(case, dict) else {"text": str(case[0]), "value": case[1]}
            case.setdefault("dct", group["dct"])
            case.setdefault("genre", group.get("genre", "news"))
            yield pytest.param(case, id=f"{group['dct']}-{case['text'][:40]}")


PHRASINGS = list(_phrasings())
NEGATIVES = yaml.safe_load((GOLDEN / "negatives.yaml").read_text(encoding="utf-8"))


def test_corpus_sizes():
    assert len(PHRASINGS) >= 150
    assert len(NEGATIVES) >= 30


@pytest.mark.parametrize("case", PHRASINGS)
def test_phrasing(case):
    check(case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text):
    found = tag(text)
    assert not found, f"{text!r} tagged {[(t.text, t.value) for t in found]}"
