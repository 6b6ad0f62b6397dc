import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.corpora import corpora_root  # noqa: E402


@pytest.fixture(scope="session")
def corpora() -> Path:
    root = corpora_root()
    if not (root / "tempeval3").is_dir():
        pytest.skip(f"corpora not found at {root}")
    return root
