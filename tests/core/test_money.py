"""Amounts as people type them: the one reader the visit dialog and the CLI share."""

import pytest

from sqdesk.core.ledger import PointsError
from sqdesk.core.money import parse_yuan


@pytest.mark.parametrize("text, cents", [
    ("38.5", 3850), ("¥38.50", 3850), ("1,280", 128000), ("３８．５", 3850), ("38。5", 3850),
    ("38，5", 3850), ("12元", 1200), (" 0.01 ", 1), ("100000", 100_000_00),
])  # fmt: skip
def test_amounts_people_type(text, cents):
    assert parse_yuan(text) == cents


@pytest.mark.parametrize("text, code", [
    ("", "amount_missing"), ("   ", "amount_missing"), ("五块", "amount_not_number"),
    ("inf", "amount_not_number"), ("NaN", "amount_not_number"), ("0", "amount_not_positive"),
    ("-5", "amount_not_positive"), ("10.001", "amount_decimals"), ("1e-5", "amount_decimals"),
    ("100000.01", "amount_too_big"),
])  # fmt: skip
def test_amounts_refused_with_a_reason(text, code):
    with pytest.raises(PointsError) as refused:
        parse_yuan(text)
    assert refused.value.code == code
