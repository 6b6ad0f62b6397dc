"""Every example written beside a rule in rules.yaml is run as a test."""

import pytest

from expectations import check
from generator.recognise import load_rules


def _cases():
    for rule in load_rules():
        assert rule.examples, f"rule {rule.name} has no example"
        for number, example in enumerate(rule.examples):
            case = example if isinstance(example, dict) else {"text": str(example[0]), "value": example[1]}
            yield pytest.param(case, id=f"{rule.name}-{number}")


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_example(case):
    check(case)
