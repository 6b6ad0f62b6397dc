"""Peer output handling; the peers themselves run only in `python -m bench`."""

from datetime import datetime

from bench.peers.run_dateparser import locate
from bench.peers.run_heideltime import parse_output

TEXT = "\nOn Friday & <Monday> they met at 10:30 a.m.\n\nFriday again."


def heideltime_output(body: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n{body}\n</TimeML>\n'


def test_heideltime_output_is_read_as_offsets_into_unescaped_text():
    body = (
        '\nOn <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> & <Monday> they met at '
        '<TIMEX3 tid="t2" type="TIME" value="2013-03-22T10:30" mod="APPROX">10:30 a.m.</TIMEX3>\n\nFriday again.'
    )
    timexes = parse_output(heideltime_output(body), TEXT)
    assert [(TEXT[s:e], t, v, m) for s, e, t, v, m in timexes] == [
        ("Friday", "DATE", "2013-03-22", ""),
        ("10:30 a.m.", "TIME", "2013-03-22T10:30", "APPROX"),
    ]


def test_heideltime_output_with_changed_whitespace_is_realigned():
    body = 'On Friday & <Monday> they met at 10:30 a.m. <TIMEX3 tid="t1" type="DATE" value="X">Friday</TIMEX3> again.'
    (start, end, *_), = parse_output(heideltime_output(body), TEXT)
    assert (start, end) == (TEXT.rindex("Friday"), TEXT.rindex("Friday") + 6)


def test_dateparser_matches_are_located_in_order():
    found = [
        ("Friday", datetime(2013, 3, 22)),
        ("10:30 a.m.", datetime(2013, 3, 22, 10, 30)),
        ("Friday", datetime(2013, 3, 22)),
        ("not there", datetime(2000, 1, 1)),
    ]
    timexes = locate(TEXT, found)
    assert [(TEXT[s:e], s, t, v) for s, e, t, v, _ in timexes] == [
        ("Friday", 4, "DATE", "2013-03-22"),
        ("10:30 a.m.", 34, "TIME", "2013-03-22T10:30"),
        ("Friday", TEXT.rindex("Friday"), "DATE", "2013-03-22"),
    ]


def test_dateparser_substring_with_collapsed_whitespace_is_found():
    text = "It ended on\nMarch  3, 1944."
    (start, end, *_), = locate(text, [("March 3, 1944", datetime(1944, 3, 3))])
    assert text[start:end] == "March  3, 1944"
