import html
import re
import xml.etree.ElementTree as ET

import pytest

from bench.corpora import (
    Document,
    Timex,
    inline_annotations,
    load_set,
    load_wikiwars,
    parse_timeml,
    timex2_type,
    to_timeml,
)


def test_inline_annotations_decode_entities_and_keep_outermost():
    element = ET.fromstring(
        "<TEXT>AT&amp;T said <T v='1'>the <X>week</X> of <T v='2'>May 3</T></T> &lt;ok&gt;.</TEXT>"
    )
    text, spans = inline_annotations(element, "T")
    assert text == "AT&T said the week of May 3 <ok>."
    assert [(text[s:e], a) for s, e, a in spans] == [("the week of May 3", {"v": "1"})]


@pytest.mark.parametrize(
    "attrib, expected",
    [
        ({"val": "1939-09-01"}, "DATE"),
        ({"val": "P3Y"}, "DURATION"),
        ({"val": "PT2H"}, "DURATION"),
        ({"val": "PXD"}, "DURATION"),
        ({"val": "P1W", "set": "YES"}, "SET"),
        ({"val": "1944-06-06T06:30"}, "TIME"),
        ({"val": "XXXX-XX-XXTNI"}, "TIME"),
        ({"val": "PRESENT_REF"}, "DATE"),
        ({"val": "PAST_REF"}, "DATE"),
        ({"val": "FUTURE_REF"}, "DATE"),
        ({"val": "BC0480"}, "DATE"),
        ({}, ""),
    ],
)
def test_timex2_type(attrib, expected):
    assert timex2_type(attrib) == expected


def test_to_timeml_round_trips_awkward_text():
    doc = Document("a&b", "1998-08-07T06:18:00", "\n``Q&A'' <b> \"x\" & 'y'\n", [Timex(1, 3, "DATE", "x")])
    tml = to_timeml(doc)
    assert parse_timeml(tml) == ("1998-08-07T06:18:00", doc.text, [])
    assert 'type="TIME"' in tml and 'functionInDocument="CREATION_TIME"' in tml


def test_wikiwars_loader_uses_outermost_timex2(tmp_path):
    path = tmp_path / "99_Test.key.xml"
    path.write_text(
        '<DOC><DOCID>99_Test</DOCID><DATETIME> <TIMEX2 val="2009-12-19T17:00:00">x</TIMEX2> </DATETIME>\n'
        '<TEXT>\nIn <TIMEX2 val="1940-06" mod="START">early <TIMEX2 val="1940">June 1940</TIMEX2></TIMEX2>, '
        'then <TIMEX2>that time</TIMEX2> and <TIMEX2 val="P1Y" set="YES">every year</TIMEX2>.\n</TEXT></DOC>',
        encoding="utf-8",
    )
    doc = load_wikiwars(path)
    assert (doc.name, doc.dct, doc.genre) == ("99_Test", "2009-12-19T17:00:00", "narrative")
    assert [(doc.text[t.start : t.end], t.type, t.value, t.mod) for t in doc.gold] == [
        ("early June 1940", "DATE", "1940-06", "START"),
        ("that time", "", "", ""),
        ("every year", "SET", "P1Y", ""),
    ]


def _strip(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _regex_text(raw: str) -> str:
    """Independent check: TEXT content by regex tag stripping and entity decoding."""
    return _strip(re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1))


@pytest.mark.parametrize("key, docs, timexes", [("train", 256, 1822), ("platinum", 20, 138), ("wikiwars", 22, 2636)])
def test_real_sets_load_with_documented_counts(corpora, key, docs, timexes):
    documents = load_set(key, corpora)
    assert len(documents) == docs
    assert sum(len(d.gold) for d in documents) == timexes
    for doc in documents:
        assert re.match(r"\d{4}-\d\d-\d\d", doc.dct)
        assert all(0 <= t.start < t.end <= len(doc.text) for t in doc.gold)
        assert parse_timeml(to_timeml(doc))[:2] == (doc.dct, doc.text)


def test_real_offsets_match_the_raw_files(corpora):
    for key in ("train", "wikiwars"):
        for doc in load_set(key, corpora):
            folder = "wikiwars/WikiWars_20120218_v104/keyinline" if key == "wikiwars" else "tempeval3/train"
            pattern = f"{doc.name}.key.xml" if key == "wikiwars" else f"*/{doc.name}.tml"
            raw = next((corpora / folder).glob(pattern)).read_text(encoding="utf-8")
            assert _regex_text(raw) == doc.text
            if key == "train":  # TIMEX3 never nest there, so a lazy regex finds each one
                inner = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
                expected = [_strip(m) for m in re.findall(r"<TIMEX3[^>]*>(.*?)</TIMEX3>", inner, re.S)]
                assert [doc.text[t.start : t.end] for t in doc.gold] == expected
