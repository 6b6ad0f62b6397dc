"""How the site build scales: full builds of synthetic corpora, and a rebuild after one change.

Usage: ``python -m bench.scale [--sizes 100,1000,10000] [--rebuild-of 1000]``. For each size,
a corpus from bench/synthetic.py is built as `make build` does (generate, then `mkdocs build
--strict`) into an empty folder with an empty cache, in a temporary folder outside the
repository. Then one article of the `--rebuild-of` corpus is edited and the site built again.
Prints one Markdown table and writes it to bench/out/scale.md.

Peak memory is the largest resident set of a build's processes (each step's process and the
processes it started), read with os.wait4.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "scale.md"
SITE_FILES = ("mkdocs.yml", "hooks", "docs/assets")
EDIT = "\nOfficials met again on Friday to review the situation.\n"
_SUMMARY = re.compile(r"articles: (\d+), events: (\d+), timeline entries: (\d+); .*\((\d+) files? written")


@dataclass
class Step:
    seconds: float
    peak_kb: int
    stderr: str


@dataclass
class Run:
    label: str
    articles: int
    events: int
    entries: int
    files_written: int
    pages: int
    site_bytes: int
    largest_file: str  # the site's largest file, by its path in the site
    largest_bytes: int
    generate: Step
    mkdocs: Step

    @property
    def seconds(self) -> float:
        return self.generate.seconds + self.mkdocs.seconds

    @property
    def peak_mb(self) -> float:
        return max(self.generate.peak_kb, self.mkdocs.peak_kb) / 1024


def _measured(command: list[str], cwd: Path) -> Step:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    environment.pop("SITE_URL", None)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return Step(seconds, usage.ru_maxrss, stderr)


def site_folder(where: Path) -> Path:
    """where, given what the site is built with besides the generated pages: mkdocs.yml, the hooks
    and the assets."""
    for name in SITE_FILES:
        source, target = ROOT / name, where / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    return where


def build_site(label: str, seeds: Path, site: Path) -> Run:
    """generate + mkdocs build --strict --dirty, as make build runs them, in the folder site."""
    generate = _measured([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", "docs",
                          "--cache", ".cache"], site)
    mkdocs = _measured([sys.executable, "-m", "mkdocs", "build", "--strict", "--dirty"], site)
    summary = _SUMMARY.search(generate.stderr)
    if not summary:
        raise RuntimeError(f"no summary in the generator's output:\n{generate.stderr}")
    articles, events, entries, written = (int(number) for number in summary.groups())
    sizes = {path.relative_to(site / "site").as_posix(): path.stat().st_size
             for path in (site / "site").rglob("*") if path.is_file()}
    pages = sum(1 for name in sizes if name.endswith(".html"))
    largest = max(sizes, key=lambda name: (sizes[name], name))
    return Run(label, articles, events, entries, written, pages, sum(sizes.values()), largest, sizes[largest],
               generate, mkdocs)


def table(runs: list[Run], full_of: dict[int, Run]) -> str:
    lines = ["| build | articles | events | timeline entries | HTML pages | files generated | generate s | mkdocs s "
             "| total s | % of full build | peak memory MB | site MB | largest file |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for run in runs:
        full = full_of.get(run.articles)
        share = f"{100 * run.seconds / full.seconds:.1f}" if full and full is not run else "100"
        lines.append(f"| {run.label} | {run.articles:,} | {run.events:,} | {run.entries:,} | {run.pages:,} "
                     f"| {run.files_written:,} "
                     f"| {run.generate.seconds:.1f} | {run.mkdocs.seconds:.1f} | {run.seconds:.1f} | {share} "
                     f"| {run.peak_mb:,.0f} | {run.site_bytes / 1e6:,.0f} "
                     f"| {run.largest_file}, {run.largest_bytes / 1e6:,.1f} MB |")
    return "\n".join(lines) + "\n"


def _sizes(text: str) -> list[int]:
    return [int(size.replace(",", "").replace("_", "")) for size in text.split(",") if size.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[100, 1000, 10000], help="default: 100,1000,10000")
    parser.add_argument("--rebuild-of", type=int, default=1000,
                        help="corpus size whose rebuild after one edited article is measured; default: 1000")
    args = parser.parse_args(argv)

    runs, full_of = [], {}
    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as temporary:
        where = Path(temporary)
        for size in sorted(set(args.sizes)):
            seeds = where / f"seeds-{size}"
            write_corpus(size, seeds)
            site = site_folder(where / f"site-{size}")
            print(f"scale: full build of {size:,} articles", file=sys.stderr)
            full_of[size] = run = build_site("full", seeds, site)
            runs.append(run)
            if size == args.rebuild_of:
                edited = sorted(seeds.iterdir())[size // 2]
                edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
                print(f"scale: rebuild after editing {edited.name}", file=sys.stderr)
                runs.append(build_site("rebuild, one article changed", seeds, site))
            shutil.rmtree(site)
            shutil.rmtree(seeds)
    rendered = table(runs, full_of)
    print(rendered)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(rendered, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
