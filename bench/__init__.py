"""Benchmark of the temporal tagger against gold corpora and peer taggers.

Run ``python -m bench --help`` from the repository root.
"""


class Unavailable(RuntimeError):
    """A system under test cannot be run here (not installed, missing runtime)."""
