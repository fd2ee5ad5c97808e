import pytest

from sqdesk.core.phones import PhoneError, mask, normalize_foreign, normalize_mainland_mobile


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "0086 13800138000",
        "8613800138000",
        "１３８００１３８０００",  # full-width digits, as Chinese input methods type them
        "13800138000.0",  # Excel hands numbers over as floats
        " (138)0013-8000 ",
    ],
)
def test_normalises_to_eleven_digits(raw):
    assert normalize_mainland_mobile(raw) == "13800138000"


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("", "empty"),
        ("1380013800", "10 digits"),
        ("138001380001", "12 digits"),
        ("12345678901", "not a mainland mobile"),
        ("02088888888", "not a mainland mobile"),
        ("138abc38000", "not digits"),
    ],
)
def test_rejects_with_a_reason(raw, why):
    with pytest.raises(PhoneError, match=why):
        normalize_mainland_mobile(raw)


def test_foreign_numbers_are_kept_as_e164():
    assert normalize_foreign("+852 9123 4567") == "+85291234567"
    with pytest.raises(PhoneError):
        normalize_foreign("hello")


def test_mask():
    assert mask("13800138000") == "138****8000"
    assert mask(None) == ""
    assert mask("+85291234567") == "+85*****4567"


def test_fast_check_agrees_with_phonenumbers():
    import random

    import phonenumbers

    from sqdesk.core.phones import is_mainland_mobile

    rng = random.Random(5)
    for _ in range(20000):
        digits = "1" + "".join(rng.choices("0123456789", k=10))
        try:
            parsed = phonenumbers.parse(digits, "CN")
        except phonenumbers.NumberParseException:
            slow = False  # 11..., 12... are no numbers at all
        else:
            slow = phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
                phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
            )
        assert is_mainland_mobile(digits) == slow, digits
