"""The harness around the tagger, exercised with stand-in taggers defined here."""

import sys
from dataclasses import replace
from xml.sax.saxutils import escape, quoteattr

import pytest

import bench.__main__ as cli
from bench import ours
from bench.corpora import Document, Timex, parse_timeml

DOCS = [
    Document("n1", "2013-03-22", "On Friday & <then> for two days.", [
        Timex(3, 9, "DATE", "2013-03-22"), Timex(24, 32, "DURATION", "P2D")]),
    Document("w1", "2009-12-19T17:00:00", "\nIn June 1940, France fell.\n", [Timex(4, 13, "DATE", "1940-06")], "narrative"),
]


def annotated(doc: Document, timexes, text_transform=lambda t: t) -> str:
    """TimeML output as a tagger would write it, tags inserted into the escaped text."""
    parts, position = [], 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t.start)):
        parts.append(escape(doc.text[position : t.start]))
        mod = f" mod={quoteattr(t.mod)}" if t.mod else ""
        parts.append(f'<TIMEX3 tid="t{i + 1}" type="{t.type}" value={quoteattr(t.value)}{mod}>'
                     f"{escape(doc.text[t.start : t.end])}</TIMEX3>")
        position = t.end
    parts.append(escape(doc.text[position:]))
    body = text_transform("".join(parts))
    return f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{doc.name}</DOCID>\n<TEXT>{body}</TEXT>\n</TimeML>\n'


def gold_echo(docs, text_transform=lambda t: t):
    """A stand-in tagger that answers each document with its gold annotation."""
    by_text = {doc.text: doc for doc in docs}
    genres = []

    def annotate(tml: str, genre: str = "news") -> str:
        genres.append(genre)
        doc = by_text[parse_timeml(tml)[1]]
        return annotated(doc, doc.gold, text_transform)

    annotate.genres = genres
    return annotate


def test_gold_echo_scores_perfectly_and_gets_the_genre():
    annotate = gold_echo(DOCS)
    results = ours.run(DOCS, annotate=annotate)
    assert [timexes for timexes, _ in results] == [doc.gold for doc in DOCS]
    assert all(seconds >= 0 for _, seconds in results)
    assert annotate.genres == ["news", "news", "narrative"]  # a first, untimed run loads the tagger


def test_altered_text_is_realigned(capsys):
    annotate = gold_echo(DOCS, text_transform=lambda body: body.replace("\n", " ").replace("  ", " "))
    results = ours.run(DOCS, annotate=annotate)
    assert [timexes for timexes, _ in results] == [doc.gold for doc in DOCS]
    assert "re-aligned: w1" in capsys.readouterr().err


@pytest.fixture
def standin_cli(tmp_path):
    script = tmp_path / "standin.py"
    script.write_text(
        "import argparse\n"
        "p = argparse.ArgumentParser(); p.add_argument('command'); p.add_argument('--timeml')\n"
        "p.add_argument('--genre', default='news')\n"
        "a = p.parse_args(); print(open(a.timeml, encoding='utf-8').read().replace('<TEXT>', '<TEXT>' + a.genre))\n"
    )
    return [sys.executable, str(script), "tag"]


def test_cli_check_passes_when_outputs_agree(standin_cli):
    def annotate(tml, genre="news"):
        return tml.replace("<TEXT>", "<TEXT>" + genre)

    assert ours.check_cli(DOCS[0], annotate, standin_cli) is None
    assert ours.check_cli(DOCS[1], annotate, standin_cli) is None


def test_cli_check_reports_a_difference(standin_cli):
    assert "differs" in ours.check_cli(DOCS[0], lambda tml, genre="news": tml, standin_cli)


@pytest.fixture
def standin_main(monkeypatch, tmp_path):
    """`python -m bench` with a stand-in for ours; returns the run function."""
    out = tmp_path / "latest.md"
    monkeypatch.setattr(cli, "OUT", out)
    monkeypatch.setattr(ours, "check_cli", lambda doc: None)

    def run(argv, annotate_for):
        monkeypatch.setitem(cli.SYSTEMS, "ours", lambda docs: ours.run(docs, annotate=annotate_for(docs)))
        return cli.main(argv), out

    return run


def test_main_prints_and_writes_the_table(corpora, standin_main, capsys):
    status, out = standin_main(["--sets", "train", "--systems", "ours"], gold_echo)
    printed = capsys.readouterr().out
    assert status == 0
    assert "| TE3-train | ours | 100.00 | 100.00 | 100.00 | 100.00 |" in printed
    assert out.read_text() in printed and out.read_text().startswith("| set | system | strict F1 |")


def imperfect_echo(docs):
    """A stand-in that misses each document's first expression and gets every value wrong."""
    by_text = {doc.text: doc for doc in docs}

    def annotate(tml: str, genre: str = "news") -> str:
        doc = by_text[parse_timeml(tml)[1]]
        return annotated(doc, [replace(t, value="X") for t in doc.gold[1:]])

    return annotate


def test_errors_are_listed_for_wikiwars_but_never_for_platinum(corpora, standin_main, capsys):
    standin_main(["--sets", "platinum,wikiwars", "--systems", "ours", "--errors"], imperfect_echo)
    printed = capsys.readouterr().out
    wikiwars = printed.split("## Errors of ours on WikiWars")[1]
    assert '    missed     49-66 "September 1, 1939" DATE 1939-09-01' in wikiwars
    assert '    value      gold 109-113 "1939" DATE 1939 | ours 109-113 "1939" DATE X' in wikiwars
    assert "Errors of ours on TE3-Platinum" not in printed
    assert "| TE3-Platinum | ours | " in printed
