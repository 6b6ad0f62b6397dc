import pytest

from bench.corpora import Timex
from bench.scorer import align, count, score

GOLD = [
    Timex(0, 5, "DATE", "2020"),
    Timex(10, 20, "DURATION", "P1D"),
    Timex(30, 35, "TIME", "2020-01-01T10:00"),
]


def f1s(counts):
    return {m: round(counts.f1(m), 2) for m in ("strict", "relaxed", "type", "value")}


def test_gold_against_itself_is_perfect():
    counts = count(GOLD, GOLD)
    assert f1s(counts) == {"strict": 100, "relaxed": 100, "type": 100, "value": 100}
    assert counts.precision("value") == counts.recall("value") == 100


def test_hand_computed_partial_case():
    system = [
        Timex(0, 5, "DATE", "2020"),  # exact on everything
        Timex(12, 20, "DURATION", "P2D"),  # overlap, right type, wrong value
        Timex(40, 45, "DATE", "2021"),  # spurious
    ]
    counts = count(GOLD, system)
    assert (counts.gold, counts.system, counts.relaxed, counts.strict, counts.type, counts.value) == (3, 3, 2, 1, 2, 1)
    # 2M/(S+G): relaxed 4/6, strict 2/6, type 4/6, value 2/6
    assert f1s(counts) == {"strict": 33.33, "relaxed": 66.67, "type": 66.67, "value": 33.33}
    assert counts.precision("relaxed") == pytest.approx(200 / 3)
    assert counts.recall("strict") == pytest.approx(100 / 3)


def test_off_by_one_span_is_relaxed_not_strict():
    gold = [Timex(10, 20, "DATE", "2020-05")]
    for system in ([Timex(9, 20, "DATE", "2020-05")], [Timex(10, 21, "DATE", "2020-05")], [Timex(11, 20, "DATE", "2020-05")]):
        assert f1s(count(gold, system)) == {"strict": 0, "relaxed": 100, "type": 100, "value": 100}


def test_touching_spans_do_not_overlap():
    assert count([Timex(10, 20, "DATE", "x")], [Timex(20, 25, "DATE", "x")]).relaxed == 0


def test_empty_system():
    counts = count(GOLD, [])
    assert f1s(counts) == {"strict": 0, "relaxed": 0, "type": 0, "value": 0}
    assert counts.precision("relaxed") == 0 and counts.recall("relaxed") == 0


def test_nothing_against_nothing():
    assert count([], []).f1("relaxed") == 100


def test_first_come_first_served_pairing():
    gold = [Timex(0, 10, "DATE", "a"), Timex(8, 15, "DATE", "b")]
    # one system expression overlapping both golds goes to the first gold
    alignment = align(gold, [Timex(5, 12, "DATE", "b")])
    assert alignment.pairs == [(gold[0], Timex(5, 12, "DATE", "b"))]
    assert alignment.missed == [gold[1]] and alignment.spurious == []
    assert count(gold, [Timex(5, 12, "DATE", "b")]).value == 0


def test_first_overlapping_system_wins_even_if_a_later_one_is_exact():
    gold = [Timex(2, 10, "DATE", "a")]
    system = [Timex(2, 10, "DATE", "a"), Timex(0, 4, "DATE", "a")]
    alignment = align(gold, system)
    assert alignment.pairs == [(gold[0], system[1])]
    assert alignment.spurious == [system[0]]
    counts = count(gold, system)
    assert (counts.relaxed, counts.strict, counts.value) == (1, 0, 1)


def test_each_system_expression_pairs_once_in_document_order():
    gold = [Timex(8, 15, "DATE", "b"), Timex(0, 10, "DATE", "a")]  # given out of order
    system = [Timex(9, 14, "DATE", "b"), Timex(5, 12, "DATE", "a")]
    pairs = align(gold, system).pairs
    assert pairs == [(gold[1], system[1]), (gold[0], system[0])]
    assert count(gold, system).value == 2


def test_counts_are_pooled_over_documents():
    perfect = (GOLD, GOLD)
    empty = (GOLD, [])
    pooled = score([perfect, empty])
    # M = 3, S = 3, G = 6: 2*3/9, not the mean of 100 and 0
    assert round(pooled.f1("relaxed"), 2) == 66.67
