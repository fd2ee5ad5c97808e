"""One way to refuse: everything the core raises for a person to read is a CodedError with
an area and a code (docs/ARCHITECTURE.md, "Refusals")."""

from __future__ import annotations

import re

from sqdesk.core.errors import CodedError
from sqdesk.core.jobs import Cancelled
from tests.refusal_codes import raise_sites

# Exceptions the core raises that no person reads, each with the reason it is not a refusal.
NOT_FOR_A_PERSON = {
    # Value parsers, like int(): their callers turn the ValueError into a coded Problem
    # (import rows, the member form) and never show its text.
    ("sqdesk.core.parsing", ValueError),
    ("sqdesk.core.member_import", ValueError),
    # A member code is made and read only by the core; a bad one is a bug, not input.
    ("sqdesk.core.codes", ValueError),
    # A date .ics spells in a way no calendar reads: the import loop reports that event.
    ("sqdesk.core.ics", ValueError),
    # A naive datetime written to a UTC column is a programming error.
    ("sqdesk.core.models", ValueError),
    # A ledger word or key the short forms could not tell apart (one character, no colon):
    # the core writes them, so it is a programming error too.
    ("sqdesk.core.compact_types", ValueError),
    # A bulk load that leaves out a column whose default is computed per row: a bug in the
    # caller (the rows are the core's own), not input.
    ("sqdesk.core.bulk", ValueError),
    # The demo's simulation, run in a second process, failed there: a bug in the demo's own
    # code, reported in the parent with the child's error.
    ("sqdesk.core.demo.points", RuntimeError),
}


def test_every_refusal_in_the_core_is_a_coded_error():
    bad = []
    for site in raise_sites():
        if site.cls is None:
            bad.append(f"{site.module}:{site.line} raises something that is not a class call")
            continue
        if issubclass(site.cls, CodedError | Cancelled):
            continue
        if (site.module, site.cls) in NOT_FOR_A_PERSON:
            continue
        bad.append(f"{site.module}:{site.line} raises {site.cls.__name__}")
    assert bad == [], "raise a CodedError subclass with a code instead:\n" + "\n".join(bad)


def test_every_coded_error_has_a_literal_code_and_an_area():
    for site in raise_sites():
        if site.cls is None or not issubclass(site.cls, CodedError):
            continue
        assert site.cls.area != "general", f"{site.cls.__name__} names no area"
        # PhoneError and SheetError take their code first too; FilterError has one code;
        # RenderError and MemberInvalid carry their problems; re-raises pass a code on.
        fixed_code = site.cls.__name__ in ("FilterError", "RenderError", "MemberInvalid",
                                           "ImportRejected", "StoreLocked")  # fmt: skip
        if not fixed_code and site.code is None:
            assert site.module == "sqdesk.core.activities", (
                f"{site.module}:{site.line}: the code must be a literal string"
            )
        if site.code is not None and not fixed_code:
            # A code, not a message: `raise StoreError("the file is gone")` fails here.
            assert re.fullmatch(r"[a-z][a-z_]*", site.code), (
                f"{site.module}:{site.line}: {site.code!r} is not a code")


def test_a_refusal_carries_its_code_values_and_english():
    from sqdesk.core.ledger import PointsError

    exc = PointsError("insufficient", "not enough points", balance=3)
    assert (exc.area, exc.code, exc.values, str(exc)) == (
        "points", "insufficient", {"balance": 3}, "not enough points"
    )
