"""Peer taggers, each run in its own virtual environment.

A peer named NAME has pinned requirements in ``NAME-requirements.txt`` and a
runner module ``run_NAME``. The bench creates ``bench/.venv-peers/NAME`` from
the requirements (again whenever they change) and runs the runner there as a
subprocess, so no peer dependency ever enters the product's environment.

Runner protocol: stdin gets a JSON list of documents ``{name, dct, text,
genre}``; stdout returns a JSON list, in the same order, of ``{timexes,
seconds}`` where ``timexes`` are ``[start, end, type, value, mod]`` with
offsets into ``text`` and ``seconds`` is the time spent tagging that document
(start-up and warm-up excluded).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import venv
from pathlib import Path
from typing import Callable, Sequence

from bench import Unavailable
from bench.corpora import REPO_ROOT, Document, Timex

PEERS_DIR = Path(__file__).resolve().parent
VENVS_DIR = PEERS_DIR.parent / ".venv-peers"
NAMES = ("heideltime", "dateparser")


def ensure_venv(name: str) -> Path:
    """Python interpreter of the peer's environment, created or refreshed as needed."""
    requirements = PEERS_DIR / f"{name}-requirements.txt"
    env_dir = VENVS_DIR / name
    python = env_dir / "bin" / "python"
    stamp = env_dir / ".requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    print(f"{name}: installing {requirements.name} into {env_dir}", file=sys.stderr)
    venv.EnvBuilder(clear=True, with_pip=True).create(env_dir)
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(requirements)]
    if subprocess.run(install).returncode != 0:
        raise Unavailable(f"pip could not install {requirements}")
    stamp.write_text(digest)
    return python


def run(name: str, docs: Sequence[Document]) -> list[tuple[list[Timex], float]]:
    """Tag ``docs`` with peer ``name``: per document, its timexes and tagging seconds."""
    python = ensure_venv(name)
    payload = [{"name": d.name, "dct": d.dct, "text": d.text, "genre": d.genre} for d in docs]
    proc = subprocess.run(
        [str(python), "-m", f"bench.peers.run_{name}"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
    )
    if proc.returncode != 0:
        raise Unavailable(f"runner failed:\n{proc.stderr[-3000:]}")
    results = json.loads(proc.stdout)
    if len(results) != len(docs):
        raise RuntimeError(f"{name} runner returned {len(results)} results for {len(docs)} documents")
    return [([Timex(*t) for t in r["timexes"]], r["seconds"]) for r in results]


def serve(tag_all: Callable[[list[dict]], list[tuple[list[tuple], float]]]) -> None:
    """Runner side of the protocol: documents from stdin, results to stdout."""
    docs = json.load(sys.stdin)
    results = tag_all(docs)
    json.dump([{"timexes": [list(t) for t in timexes], "seconds": s} for timexes, s in results], sys.stdout)
