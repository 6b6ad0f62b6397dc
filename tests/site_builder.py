"""Build a site from a folder of seeds into a temporary folder, as `make build` does."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(seeds: Path, where: Path, strict: bool = False, today: str | None = None) -> subprocess.CompletedProcess:
    """Generate pages from seeds and run mkdocs; returns the generator's completed process."""
    docs = where / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", where / "hooks")
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(docs),
               "--cache", str(where / ".cache")]
    command += (["--strict"] if strict else []) + (["--today", today] if today else [])
    generated = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if generated.returncode == 0:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-f", str(where / "mkdocs.yml")],
                       cwd=where, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return generated
