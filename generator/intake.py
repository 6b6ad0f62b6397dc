"""Intake: the bytes of a seed file as text, with what had to be done to read them.

A file is refused, never half-read: one over MAX_BYTES, one holding binary data, one with nothing
in it. Anything else becomes text: UTF-8 (a byte-order mark removed), or, when it is not UTF-8,
cp1252 and then latin-1, which read any byte; line endings become "\\n", so a line number
counted in the text is the line an editor shows.
"""

from __future__ import annotations

from pathlib import Path

from .articles import Problem

# Far beyond any news article (about 300,000 words). Measured: a file this size with a date in
# every sentence takes about a minute to build and 300 MB of memory.
MAX_BYTES = 2 * 1024 * 1024
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word or OpenDocument file)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def _size(count: int) -> str:
    return f"{count:,} bytes ({count / 1024 / 1024:.1f} MiB)"


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _binary(data: bytes) -> tuple[str, int] | None:
    """What binary data this is and the line it shows at, or None for text."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind, 1
    nul = data.find(b"\x00")
    if nul >= 0:
        return "binary data (a NUL byte)", _line_at(data, nul)
    return None


def _decode(path: Path, data: bytes, problems: list[Problem]) -> str:
    if data.startswith(UTF8_BOM):
        problems.append(Problem(path, 1, "UTF-8 byte-order mark removed", "notice"))
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        problems.append(Problem(path, _line_at(data, bad),
                                f"not UTF-8 (byte 0x{data[bad]:02X} is the first that is not); "
                                f"read as {encoding}: check its accented letters and quotation marks", "warning"))
        return text
    raise AssertionError("latin-1 decodes any byte")


def _utf16(path: Path, data: bytes, problems: list[Problem]) -> str | None:
    for bom, encoding in UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
            problems.append(Problem(path, 1, f"UTF-16 text read as {encoding}", "notice"))
            return text
    return None


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of the file at path, or None when it is refused, and the problems met reading it."""
    problems: list[Problem] = []
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.append(Problem(path, 1, f"file is {_size(size)}, over the limit of {_size(MAX_BYTES)} "
                                         "for an article; skipped, nothing of it published", "error"))
        return None, problems
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path, 1, f"could not be read ({error.strerror}); skipped, nothing of it published",
                                "error"))
        return None, problems
    text = _utf16(path, data, problems)
    if text is None:
        binary = _binary(data)
        if binary:
            kind, line = binary
            problems.append(Problem(path, line, f"not text: {kind}; skipped, nothing of it published", "error"))
            return None, problems
        text = _decode(path, data, problems)
    if "\r" in text:
        if "\r\n" in text:
            problems.append(Problem(path, 1, "Windows line endings (CRLF) read as LF", "notice"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        what = "empty" if not text else "only whitespace"
        problems.append(Problem(path, 1, f"file is {what}; skipped, no article to publish", "warning"))
        return None, problems
    return text, problems
