"""Hashes of what the pages and exports are made from, for the texts a build keeps in its cache
folder (store.py) and takes back, rather than making them again, when nothing they are made from
has changed. The generator's fingerprint is part of every one, so a change to its code or data
makes everything again."""

from __future__ import annotations

import hashlib

from .events import Event, Undated
from .layout import Layout
from .tag_cache import generator_fingerprint


def key(*parts) -> str:
    """A hash of parts (strings, numbers and lists or tuples of them) and of the generator."""
    made_of = repr((generator_fingerprint(), *parts))
    return hashlib.sha256(made_of.encode("utf-8", "surrogatepass")).hexdigest()


def entry_key(item: Event | Undated, layout: Layout, *context) -> str:
    """A hash of everything an entry is made from: each of its reports (the generator makes the
    same report from the same article and id), the entries dating it differently and the pages
    they are on, its own page, and context."""
    reports = [(report.article.digest, report.id) for report in [item, *getattr(item, "also", ())]]
    conflicts = [(other.article.digest, other.id, layout.page_of(other)) for other in getattr(item, "conflicts", ())]
    return key(layout.page_of(item), reports, conflicts, *context)
