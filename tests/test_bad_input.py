"""A folder mixing bad input with good articles: every good article is published, every bad file
is reported with its line and what was done, on stderr and on the Build report page, and the
site is built (mkdocs --strict) around all of it."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.tagger import tag
from site_builder import build_site

TODAY = "2020-06-01"
GOOD = {
    "good-one.md": "---\ntitle: Strikes hit Idlib\ndate: 2020-01-16\nsource: AFP\n---\n"
                   "Air strikes killed 19 civilians on Wednesday.\n",
    "good-two.txt": "Ceasefire collapses\n\nThe ceasefire announced on 12 January 2020 collapsed within days.\n",
    "good-three.md": "---\ntitle: Families flee\ndate: 2020-01-17\n---\nThousands fled on Thursday.\n",
}
LONG_LINE = " ".join(["the shelling went on and families kept leaving the town"] * 3700)
BIDI_TITLE = "Report \u202eelif lausu na\u202c and \u2067مرصد"
CONTENT = {
    # name: (bytes, line reported, what the message says, published?)
    "empty.md": (b"", 1, "file is empty; skipped", False),
    "blank.txt": (b" \n\t\n", 1, "only whitespace; skipped", False),
    "picture.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", 1, "not text: a PNG image; skipped", False),
    "nul.md": (b"Line one\nline \x00two\n", 2, "not text: binary data", False),
    "cp1252.md": ("---\ntitle: Café hit\ndate: 2020-01-16\n---\n“The café” was hit on Wednesday.\n".encode("cp1252"),
                  2, "read as cp1252", True),
    "bom.md": (b"\xef\xbb\xbf---\ntitle: BOM\ndate: 2020-01-16\n---\nThe market was hit on Wednesday.\n", 1,
               "byte-order mark removed", True),
    "crlf.md": (b"---\r\ntitle: CRLF\r\ndate: 2020-01-16\r\nsection: world\r\n---\r\nHit on Wednesday.\r\n", 4,
                "unknown front matter key 'section'", True),
    "huge.txt": (None, 1, "over the limit", False),
    "bad-yaml.md": (b"---\ntitle: fine\nsource: [AFP\n---\nHit on Wednesday.\n", 3, "not valid YAML", True),
    "list.md": (b"---\n- a\n- b\n---\nHit on Wednesday.\n", 2, "not a mapping", True),
    "unclosed.md": (b"---\ntitle: Open\ndate: 2020-01-16\nHit on Wednesday.\n", 1, "never closed", True),
    "feb-30.md": (b"---\ndate: 2020-02-30\n---\nHit on Wednesday.\n", 2, "February 2020 has 29 days", True),
    "dmy.md": (b"---\ntitle: DMY\ndate: 16/01/2020\n---\nHit on Wednesday.\n", 3, "read as day/month/year", True),
    "ambiguous.md": (b"---\ntitle: Amb\ndate: 01/02/2020\n---\nHit on Wednesday.\n", 3, "could be 1 February", True),
    "future.md": (b"---\ntitle: Later\ndate: 2020-06-02\n---\nHit on Wednesday.\n", 3, "after the day of the build", True),
    "same.md": (b"---\ntitle: Strikes hit Idlib\ndate: 2020-01-16\n---\nSame title on Wednesday.\n", 1,
                "same title as good-one.md", True),
    "same.txt": (b"Another\n\nSame slug on Wednesday.\n", 1, "'same' is taken by same.md; published as 'same-2'", True),
    "Idlib!.md": (b"Idlib one\n\nShelled on 3 January 2020.\n", None, None, True),
    "idlib.md": (b"Idlib two\n\nShelled on 4 January 2020.\n", 1, "'idlib' is taken by Idlib!.md", True),
    "index.md": (b"Index\n\nShelled on 5 January 2020.\n", 1, "taken by a page of the site", True),
    "hostile-title.md": ('---\ntitle: "../../../escaped <b>bold</b> **strong** [link](https://example.org) a/b\\\\c"\n'
                         "date: 2020-01-16\n---\nHit on Wednesday.\n".encode(), None, None, True),
    "right-to-left.md": (f"---\ntitle: \"{BIDI_TITLE}\"\ndate: 2020-01-16\n---\n"
                         "قال المرصد السوري on 15 January 2020 إن \u202eالغارات\u200b استمرت\n\n"
                         "January\u200b 15 and \u2067isolate never closed\n".encode(), None, None, True),
    "long-line.txt": (f"No punctuation at all\n\n{LONG_LINE} on 14 January 2020 {LONG_LINE}\n".encode(),
                      1, "no publication date", True),
    "notes.docx": (b"PK\x03\x04", 1, "not an article", False),
}


def slug_page(name: str) -> str:
    renamed = {"same.txt": "same-2", "idlib.md": "idlib-2", "index.md": "index-2", "Idlib!.md": "idlib"}
    return renamed.get(name, Path(name).stem)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed") / "seeds"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, (data, *_) in CONTENT.items():
        if data is None:
            with (folder / name).open("wb") as handle:
                handle.truncate(50 * 1024 * 1024)
        else:
            (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def built(seeds, tmp_path_factory):
    where = tmp_path_factory.mktemp("mixed-site")
    generated = build_site(seeds, where, today=TODAY)
    return where, generated


def test_without_strict_the_build_succeeds_and_publishes_every_good_article(built):
    where, generated = built
    assert generated.returncode == 0, generated.stderr
    for name in GOOD:
        assert (where / "site" / "sources" / f"{Path(name).stem}.html").is_file(), name
    for name, (_, _, _, published) in CONTENT.items():
        if name.endswith((".md", ".txt")):
            assert (where / "site" / "sources" / f"{slug_page(name)}.html").is_file() == published, name


def test_every_bad_file_is_reported_with_its_line_on_stderr_and_the_report(built):
    where, generated = built
    report = (where / "site" / "report.html").read_text(encoding="utf-8")
    for name, (_, line, what, _) in CONTENT.items():
        if line is None:
            continue
        printed = [row for row in generated.stderr.splitlines() if row.startswith(f"{where.parent}") or name in row]
        assert any(f"/{name}:{line}: " in row and what in row for row in printed), (name, generated.stderr)
        shown = re.sub(r"<[^>]+>", "", report).replace("&#39;", "'")
        assert re.search(rf"/{re.escape(name)}:{line}: [^\n]*{re.escape(what)}", shown), name


def test_the_report_counts_files_read_published_skipped_and_ignored(built, seeds):
    where, generated = built
    read = len(GOOD) + sum(name.endswith((".md", ".txt")) for name in CONTENT)
    skipped = sum(name.endswith((".md", ".txt")) and not published for name, (*_, published) in CONTENT.items())
    assert f"{read} files read: {read - skipped} published, {skipped} skipped; 1 other file ignored" in generated.stderr
    report = re.sub(r"<[^>]+>", "", (where / "site" / "report.html").read_text(encoding="utf-8"))
    for label, count in (("Files read", read), ("Published", read - skipped), ("Skipped", skipped),
                         ("Other files ignored", 1)):
        assert f"{label}: {count}" in report
    home = (where / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="report.html"' in home
    assert "Build problems" not in (where / "site" / "unresolved.html").read_text(encoding="utf-8")


def test_with_strict_the_build_fails_but_still_writes_the_pages(seeds, tmp_path):
    generated = build_site(seeds, tmp_path, strict=True, today=TODAY)
    assert generated.returncode == 1
    assert "--strict:" in generated.stderr
    report = (tmp_path / "docs" / "report.md").read_text(encoding="utf-8")
    assert "picture.txt:1" in report and "feb-30.md:2" in report
    assert (tmp_path / "docs" / "sources" / "good-one.md").is_file()


def test_notices_alone_do_not_fail_a_strict_build(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.md").write_text(GOOD["good-one.md"], encoding="utf-8")
    (seeds / "bom.md").write_bytes(CONTENT["bom.md"][0])
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04")
    generated = build_site(seeds, tmp_path, strict=True, today=TODAY)
    assert generated.returncode == 0, generated.stderr
    assert "notes.docx:1: notice: not an article" in generated.stderr
    assert "bom.md:1: notice: UTF-8 byte-order mark removed" in generated.stderr


def test_nothing_is_written_outside_the_output_folder_and_no_title_becomes_markup(built):
    where, _ = built
    # beside docs/ and site/: the site's configuration, its hook and the build's cache
    expected = ("docs", "site", "hooks", ".cache")
    outside = [p for p in where.rglob("*") if p.is_file() and p.parts[len(where.parts)] not in expected]
    assert [p.name for p in outside] == ["mkdocs.yml"]
    for page in (where / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<b>bold" not in html and "<strong>strong" not in html, page
        assert 'href="https://example.org"' not in html, page
    hostile = (where / "site" / "sources" / "hostile-title.html").read_text(encoding="utf-8")
    assert "../../../escaped &lt;b&gt;bold&lt;/b&gt;" in hostile


def test_right_to_left_zero_width_and_long_unpunctuated_text_is_shown_and_dated(built):
    where, _ = built
    site = where / "site"
    rtl = (site / "sources" / "right-to-left.html").read_text(encoding="utf-8")
    assert "قال المرصد السوري" in rtl and "\u200b" in rtl
    long_page = (site / "sources" / "long-line.html").read_text(encoding="utf-8")
    assert "families kept leaving the town" in long_page
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    assert re.search(r"Wed 15 January 2020.*?قال المرصد", timeline, re.DOTALL)
    assert re.search(r'id="ev-[0-9a-f]+">Tue 14 January 2020', timeline)


def test_every_entry_keeps_an_id_of_its_own(built):
    where, _ = built
    ids = re.findall(r'<h4 id="((?:ev|un)-[0-9a-f]+)"', (where / "site" / "timeline.html").read_text(encoding="utf-8"))
    assert len(ids) > len(GOOD) and len(ids) == len(set(ids))


def test_the_tagger_finds_a_date_beside_right_to_left_text():
    text = "قال المرصد on 15 January 2020 إن الغارات\u200f استمرت"
    found = [(t.text, t.value) for t in tag(text)]
    assert ("15 January 2020", "2020-01-15") in found


EMBEDDINGS, ISOLATES = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068"


def unclosed(text: str) -> list[str]:
    """Bidi embeddings and isolates that text opens and leaves open (Unicode bidi algorithm, X1-X8)."""
    opened = []
    for character in text:
        if character in EMBEDDINGS:
            opened.append("embedding")
        elif character in ISOLATES:
            opened.append("isolate")
        elif character == "\u202c" and opened and opened[-1] == "embedding":
            opened.pop()
        elif character == "\u2069" and "isolate" in opened:
            while opened.pop() != "isolate":
                pass
    return opened


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value for _, value in attrs if value]

    def handle_data(self, data):
        self.texts.append(data)


def test_no_bidi_override_reaches_past_the_text_it_came_with(built):
    where, _ = built
    checked = 0
    for page in (where / "site").rglob("*.html"):
        parser = _Texts()
        parser.feed(page.read_text(encoding="utf-8"))
        for text in parser.texts:
            assert not unclosed(text), (page, text)
            checked += any(c in text for c in EMBEDDINGS + ISOLATES)
    assert checked >= 3, "the article's overrides are on the site"


def test_contain_bidi_closes_what_it_opens_and_keeps_the_text():
    from generator.markup import contain_bidi, text

    assert contain_bidi("plain") == "plain"
    assert contain_bidi("a\u202eb") == "a\u202eb\u202c"
    assert contain_bidi("\u2067x\u202ey\u2069z\u202b") == "\u2067x\u202ey\u2069z\u202b\u202c"
    assert contain_bidi("\u202eclosed\u202c") == "\u202eclosed\u202c"
    assert text("evil \u202etitle") == "evil \u202etitle\u202c"
