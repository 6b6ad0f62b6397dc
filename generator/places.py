"""Places: which places of the gazetteer (places.yaml) a piece of text names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .articles import slugify
from .vocabulary import YAML_LOADER

GAZETTEER_FILE = Path(__file__).with_name("places.yaml")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    spellings: tuple[str, ...]

    @property
    def slug(self) -> str:
        return slugify(self.name)


@cache
def gazetteer() -> tuple[Place, ...]:
    data = yaml.load(GAZETTEER_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    places = []
    for number, entry in enumerate(data["places"], start=1):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("kind"):
            raise ValueError(f"{GAZETTEER_FILE}: place {number} needs a name and a kind: {entry!r}")
        places.append(Place(entry["name"], entry["kind"], (entry["name"], *entry.get("also", ()))))
    return tuple(places)


def _prefix_tree(spellings) -> str:
    """A regex matching any of the spellings, the longest that fits first, written as a tree of
    their shared beginnings ("Ira(?:n|q)"): one alternative per next character rather than one per
    spelling, so a place is looked for at each position of a sentence in a few steps."""
    tree: dict = {}
    for spelling in spellings:
        node = tree
        for character in spelling:
            node = node.setdefault(character, {})
        node[""] = {}  # a spelling ends here

    def written(node: dict) -> str:
        branches = [re.escape(character) + written(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{either})?" if "" in node else either

    return written(tree)


@cache
def _matcher() -> tuple[re.Pattern, dict[str, Place]]:
    place_of = {spelling: place for place in gazetteer() for spelling in place.spellings}
    return re.compile(rf"(?<![\w-])(?:{_prefix_tree(place_of)})(?![\w-])"), place_of


@lru_cache(maxsize=65536)  # a sentence is looked at for its entry, its article and its places
def places_in(text: str) -> tuple[Place, ...]:
    """The places text names, each once, in the order they are first named."""
    pattern, place_of = _matcher()
    found: dict[str, Place] = {}
    for match in pattern.finditer(text):
        place = place_of[match.group(0)]
        found.setdefault(place.name, place)
    return tuple(found.values())
