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


@cache
def _matcher() -> tuple[re.Pattern, dict[str, Place]]:
    place_of = {spelling: place for place in gazetteer() for spelling in place.spellings}
    longest_first = sorted(place_of, key=len, reverse=True)
    pattern = r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in longest_first) + r")(?![\w-])"
    return re.compile(pattern), place_of


@lru_cache(maxsize=65536)  # a sentence is looked at for its entry, its article and its places
def places_in(text: str) -> tuple[Place, ...]:
    """The places text names, each once, in the order they are first named."""
    pattern, place_of = _matcher()
    found: dict[str, Place] = {}
    for match in pattern.finditer(text):
        place = place_of[match.group(0)]
        found.setdefault(place.name, place)
    return tuple(found.values())
