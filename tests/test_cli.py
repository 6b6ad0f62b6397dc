"""The command-line contract of `python -m generator tag`, on the seed article."""

import json
import re
import subprocess
import sys
from pathlib import Path

from generator.articles import read_article
from generator.timeml import annotate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2020-01-16-afp-idlib-offensive.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, check=True).stdout


def seed_body() -> str:
    return read_article(SEED).body


def test_seed_values_through_the_cli():
    body = seed_body()
    found = json.loads(run("tag", "--dct", "2020-01-16", "-", stdin=body))
    for item in found:
        assert body[item["start"] : item["end"]] == item["text"]
        assert set(item) <= {"start", "end", "text", "type", "value", "mod"}
    assert [f["start"] for f in found] == sorted(f["start"] for f in found)
    values = {}
    for item in found:
        values.setdefault(item["text"], []).append(item["value"])
    assert values["Thursday"] == ["2020-01-16", "2020-01-16"]
    assert values["Wednesday"] == ["2020-01-15"] * 3
    assert values["Sunday"] == ["2020-01-12"]
    assert values["December 1"] == ["2019-12-01"]
    assert values["2015"] == ["2015"]
    assert values["Nearly nine years"] == ["P9Y"]
    assert set(values["now"]) == {"PRESENT_REF"}
    nine_years = next(f for f in found if f["text"] == "Nearly nine years")
    assert nine_years["type"] == "DURATION"


def test_tag_reads_a_file_and_keeps_relative_values_without_dct(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Strikes killed 19 civilians on Wednesday, after the truce of 2019.", encoding="utf-8")
    found = json.loads(run("tag", str(path)))
    assert [(f["text"], f["value"]) for f in found] == [("Wednesday", "XXXX-WXX-3"), ("2019", "2019")]


def test_timeml_round_trip_keeps_the_text():
    document = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-16" temporalFunction="false" '
        'functionInDocument="CREATION_TIME">2020-01-16</TIMEX3></DCT>\n'
        '<TEXT>AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> on '
        '<TIMEX3 tid="t1" type="DATE" value="2020-01-15">Wednesday</TIMEX3> that profits rose '
        '<SIGNAL sid="s1">in</SIGNAL> 2019.</TEXT>\n<TLINK lid="l1" eventInstanceID="ei1" relType="BEFORE"/>\n</TimeML>\n'
    )
    output = annotate(document)
    text = re.search(r"<TEXT>(.*)</TEXT>", output, re.DOTALL).group(1)
    assert re.sub(r"</?TIMEX3[^>]*>", "", text) == "AT&amp;T said on Wednesday that profits rose in 2019."
    assert '<TIMEX3 tid="t1" type="DATE" value="2020-01-15">Wednesday</TIMEX3>' in text
    assert '<TIMEX3 tid="t2" type="DATE" value="2019">2019</TIMEX3>' in text
    assert "TLINK" not in output


def test_timeml_through_the_cli(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">'
        "</TIMEX3></DCT><TEXT>Two embassies were bombed Friday.</TEXT></TimeML>",
        encoding="utf-8",
    )
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>' in run("tag", "--timeml", str(path))
