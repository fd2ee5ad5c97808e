from hypothesis import given
from hypothesis import strategies as st

from sqdesk.core.codes import FIRST_SERIAL, is_valid_code, make_code, serial_of


@given(st.integers(min_value=0, max_value=10**9))
def test_made_codes_are_valid_and_round_trip(serial):
    code = make_code(serial)
    assert is_valid_code(code)
    assert serial_of(code) == serial


@given(st.integers(min_value=FIRST_SERIAL, max_value=999_999), st.data())
def test_every_single_digit_mistake_is_caught(serial, data):
    code = make_code(serial)
    pos = data.draw(st.integers(min_value=0, max_value=len(code) - 1))
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != code[pos]]))
    assert not is_valid_code(code[:pos] + wrong + code[pos + 1 :])


@given(st.integers(min_value=FIRST_SERIAL, max_value=999_999), st.data())
def test_every_swap_of_neighbours_is_caught(serial, data):
    code = make_code(serial)
    pos = data.draw(st.integers(min_value=0, max_value=len(code) - 2))
    if code[pos] == code[pos + 1]:
        return
    swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
    assert not is_valid_code(swapped)


def test_garbage_is_not_a_code():
    for text in ["", "1", "abc1234", "１０００００２", "1000002 ", "-1000002"]:
        assert not is_valid_code(text)
