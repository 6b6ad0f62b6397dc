"""Checking a tagger result against an expected expression (shared by the example-driven tests)."""

from datetime import date

from generator.tagger import tag

DEFAULT_DCT = date(2020, 1, 16)


def check(case: dict, default_dct: date = DEFAULT_DCT) -> None:
    text = case["text"]
    extent = case.get("extent", text)
    dct = case.get("dct", default_dct)
    dct = date.fromisoformat(str(dct)) if dct else None
    found = tag(text, dct, case.get("genre", "news"))
    if case.get("untagged"):
        assert not found, f"{text!r}: expected no expression, found {[(t.text, t.value) for t in found]}"
        return
    matching = [t for t in found if t.text == extent]
    assert matching, f"{extent!r} not tagged in {text!r}; found {[(t.text, t.value) for t in found]}"
    got = matching[0]
    assert got.value == str(case["value"]), f"{text!r}: {extent!r} -> {got.value}, expected {case['value']} ({got.reason})"
    if case.get("alone"):
        assert [t.text for t in found] == [extent], f"{text!r}: {extent!r} is not alone: {[t.text for t in found]}"
    if "mod" in case:
        assert got.mod == case["mod"], f"{text!r}: mod {got.mod}, expected {case['mod']}"
    if "type" in case:
        assert got.type == case["type"], f"{text!r}: type {got.type}, expected {case['type']}"
