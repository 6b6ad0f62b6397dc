"""The tagging progress bar: drawn for a person at a terminal, silent in logs and in CI."""

import io

from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run(stream, total=5):
    progress = Progress("tagging", total, stream)
    for _ in range(total):
        progress.advance()
    progress.close()
    return stream.getvalue()


def test_a_terminal_sees_the_bar_reach_the_end(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    shown = run(Terminal())
    assert shown.endswith("tagging [" + "#" * 30 + "] 5/5\n")


def test_nothing_is_drawn_in_ci_or_into_a_file(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert run(Terminal()) == ""
    monkeypatch.delenv("CI")
    assert run(io.StringIO()) == ""


def test_nothing_is_drawn_when_there_is_nothing_to_tag(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert run(Terminal(), total=0) == ""
