"""The gazetteer: every example in places.yaml, and the shape of the data itself."""

import pytest
import yaml

from generator.places import GAZETTEER_FILE, gazetteer, places_in

EXAMPLES = yaml.safe_load(GAZETTEER_FILE.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_example(example):
    assert [place.name for place in places_in(example["text"])] == example["places"]


def test_every_spelling_names_its_own_place():
    for place in gazetteer():
        for spelling in place.spellings:
            assert [p.name for p in places_in(f"News from {spelling} today.")] == [place.name], spelling


def test_names_and_slugs_are_unique():
    places = gazetteer()
    assert len({p.name for p in places}) == len(places)
    assert len({p.slug for p in places}) == len(places)
    spellings = [s for p in places for s in p.spellings]
    assert len(set(spellings)) == len(spellings)


def test_a_spelling_inside_a_longer_one_is_found_where_the_longer_one_is_not():
    longer = next((short, long) for place in gazetteer() for long in place.spellings
                  for other in gazetteer() for short in other.spellings
                  if short != long and long.startswith(short + " "))
    short, long = longer
    assert places_in(f"In {long} and in {short}.")[0].spellings.count(long) == 1
    assert [p.name for p in places_in(f"In {short}-based units.")] == []
    assert [p.name for p in places_in(f"In {short}.")] != []
