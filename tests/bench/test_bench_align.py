from bench.align import map_spans

ORIGINAL = "On  Friday,\n\nthe U.S. embassy\tclosed for two days."


def span_of(text, phrase):
    start = text.index(phrase)
    return start, start + len(phrase)


def test_identical_texts_keep_spans():
    assert map_spans([(3, 9)], ORIGINAL, ORIGINAL) == [(3, 9)]


def test_whitespace_changes_are_undone():
    produced = "On Friday, the U.S. embassy closed for two days."
    mapped = map_spans([span_of(produced, "Friday"), span_of(produced, "two days")], produced, ORIGINAL)
    assert [ORIGINAL[s:e] for s, e in mapped] == ["Friday", "two days"]


def test_resplit_words_and_a_span_across_them():
    produced = "On Friday , the U. S. embassy closed for two days ."
    mapped = map_spans([span_of(produced, "Friday"), span_of(produced, "U. S. embassy")], produced, ORIGINAL)
    assert [ORIGINAL[s:e] for s, e in mapped] == ["Friday", "U.S. embassy"]


def test_inserted_text_maps_to_nothing():
    produced = "On Friday, [NOTE] the U.S. embassy closed for two days."
    assert map_spans([span_of(produced, "[NOTE]")], produced, ORIGINAL) == [None]
