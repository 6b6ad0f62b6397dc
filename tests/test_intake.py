"""Reading a seed file's bytes: what is refused, what is decoded with a warning, and line numbers
that stay those of the file."""

import tracemalloc
from pathlib import Path

import pytest

from generator.articles import parse_article, read_article
from generator.intake import MAX_BYTES, read_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def only(problems, level):
    assert len(problems) == 1, problems
    assert problems[0].level == level, problems
    return problems[0]


@pytest.mark.parametrize("data, what", [(b"", "empty"), (b"  \n\n\t \r\n", "only whitespace")])
def test_an_empty_file_is_skipped_with_a_warning(tmp_path, data, what):
    path = write(tmp_path, "empty.md", data)
    text, problems = read_text(path)
    assert text is None
    warning = [p for p in problems if p.level != "notice"]
    assert len(warning) == 1 and warning[0].level == "warning"
    assert f"file is {what}; skipped" in warning[0].message and warning[0].path == path


@pytest.mark.parametrize("data, kind, line", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image", 1),
    (b"%PDF-1.4\n%...", "a PDF document", 1),
    (b"Strikes hit on Wednesday.\nA second line\n\x00\x01\x02", "a NUL byte", 3),
])
def test_binary_data_is_refused_with_what_it_is_and_where(tmp_path, data, kind, line):
    text, problems = read_text(write(tmp_path, "image.txt", data))
    assert text is None
    problem = only(problems, "error")
    assert kind in problem.message and "skipped" in problem.message
    assert problem.line == line


def test_cp1252_text_is_decoded_with_a_warning_on_the_line_of_the_first_odd_byte(tmp_path):
    data = "---\ntitle: Attack\n---\nThe café was hit on “Wednesday”.\n".encode("cp1252")
    text, problems = read_text(write(tmp_path, "cp1252.md", data))
    assert text == "---\ntitle: Attack\n---\nThe café was hit on “Wednesday”.\n"
    problem = only(problems, "warning")
    assert problem.line == 4 and "not UTF-8" in problem.message and "read as cp1252" in problem.message


def test_bytes_cp1252_leaves_undefined_are_read_as_latin1(tmp_path):
    data = "Line one\nna\u00efve \x81 text\n".encode("latin-1")
    text, problems = read_text(write(tmp_path, "latin1.txt", data))
    assert text == "Line one\nna\u00efve \x81 text\n"
    problem = only(problems, "warning")
    assert problem.line == 2 and "read as latin-1" in problem.message


def test_a_utf8_byte_order_mark_is_removed_and_the_front_matter_still_read(tmp_path):
    data = b"\xef\xbb\xbf---\ntitle: With a BOM\ndate: 2020-01-16\n---\nThe town was shelled on Wednesday.\n"
    path = write(tmp_path, "bom.md", data)
    text, problems = read_text(path)
    assert text == data[3:].decode()
    assert only(problems, "notice").message == "UTF-8 byte-order mark removed"
    article = read_article(path)
    assert article.title == "With a BOM" and article.body == "The town was shelled on Wednesday.\n"
    assert str(article.published) == "2020-01-16"


def test_utf16_with_a_byte_order_mark_is_text(tmp_path):
    data = "\ufeffStrikes on Wednesday.\n".encode("utf-16-le")
    text, problems = read_text(write(tmp_path, "utf16.txt", data))
    assert text == "Strikes on Wednesday.\n"
    assert "UTF-16" in only(problems, "notice").message


def test_crlf_is_read_as_lf_and_every_line_number_is_the_files(tmp_path):
    lines = ["---", "title: Windows", "date: 2020-01-16", "colour: blue", "---",
             "First paragraph.", "", "The town was shelled on Wednesday.", ""]
    path = write(tmp_path, "crlf.md", "\r\n".join(lines).encode())
    article = read_article(path)
    assert "\r" not in article.body and "\r" not in article.title
    assert article.title == "Windows"
    offset = article.body.index("Wednesday")
    assert article.line_of(offset) == 8 == lines.index("The town was shelled on Wednesday.") + 1
    unknown = [p for p in article.problems if "colour" in p.message]
    assert unknown[0].line == 4
    assert any(p.level == "notice" and "CRLF" in p.message for p in article.problems)


def test_crlf_front_matter_error_is_reported_on_its_line(tmp_path):
    path = write(tmp_path, "crlf.md", b"---\r\ntitle: fine\r\ndate: [unclosed\r\n---\r\nBody.\r\n")
    article = read_article(path)
    error = [p for p in article.problems if p.level == "error"]
    assert len(error) == 1 and "not valid YAML" in error[0].message and error[0].line == 3


def test_a_50_mb_file_is_refused_by_its_size_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    with path.open("wb") as handle:
        handle.truncate(size)
    tracemalloc.start()
    try:
        text, problems = read_text(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text is None and peak < 1024 * 1024
    problem = only(problems, "error")
    assert f"{size:,} bytes" in problem.message and f"{MAX_BYTES:,} bytes" in problem.message
    assert "skipped" in problem.message


def test_a_file_at_the_limit_is_read(tmp_path):
    line = b"The town was shelled on Wednesday.\n"
    path = write(tmp_path, "long.txt", line * (MAX_BYTES // len(line)))
    text, problems = read_text(path)
    assert text is not None and problems == []


def test_a_file_that_cannot_be_read_is_skipped_with_the_reason(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.md", b"Body.")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    text, problems = read_text(path)
    assert text is None
    assert "Permission denied" in only(problems, "error").message


def test_read_article_refuses_what_intake_refuses(tmp_path):
    with pytest.raises(ValueError, match="empty"):
        read_article(write(tmp_path, "empty.md", b""))


def test_parse_article_keeps_zero_width_and_right_to_left_text(tmp_path):
    text = "قال المرصد on 15 January 2020\u200b إن \u202eغارات\n"
    article = parse_article(tmp_path / "rtl.md", text)
    assert article.body == text


def test_old_mac_line_endings_are_lines_too(tmp_path):
    text, problems = read_text(write(tmp_path, "mac.txt", b"Title\r\rShelled on Wednesday.\r"))
    assert text == "Title\n\nShelled on Wednesday.\n" and problems == []
