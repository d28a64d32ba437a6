"""The receipt's short code (terminal.loyalty.receipt_codes): ten typeable characters
that lead back to the purchase's id; Hypothesis over random UUIDs."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from terminal.loyalty.receipt_codes import LENGTH, id_range, normalise, short_code


@given(st.uuids(version=4))
def test_a_code_leads_back_to_its_id(op: uuid.UUID) -> None:
    op_id = str(op)
    code = short_code(op_id)
    assert code is not None and len(code) == LENGTH
    low, high = id_range(code)
    assert low <= op_id < high
    assert normalise(code.lower()) == code  # as typed, any case


@given(st.uuids(version=4), st.uuids(version=4))
def test_ids_of_another_code_fall_outside_its_range(a: uuid.UUID, b: uuid.UUID) -> None:
    ca, cb = short_code(str(a)), short_code(str(b))
    assert ca is not None and cb is not None
    low, high = id_range(ca)
    assert (low <= str(b) < high) == (ca == cb)


def test_what_people_type_is_read_as_printed() -> None:
    code = short_code("5f0c1a2e-8d4b-4c7e-9a61-2b3c4d5e6f70")
    assert code is not None
    typed = f" {code[:5].lower()}-{code[5:]} ".replace("1", "l").replace("0", "o")
    assert normalise(typed) == code
    assert normalise("ABCDE") is None and normalise("ABCDEFGHIU") is None  # U is not used
    assert short_code("not-a-uuid") is None
