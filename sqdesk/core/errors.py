"""The one way the core refuses something a person asked for (docs/ARCHITECTURE.md,
"Refusals").

Every refusal is a CodedError: an `area` (which feature's words explain it), a `code` (what
went wrong) and the `values` its message needs. The UI turns area + code into words in the
user's language (`sqdesk/ui/refusals.py`, which asks each feature's `words.py`); the CLI and
the log print the English message given here. Nobody matches on a message's text.

A feature subclasses CodedError only to name its area (and so that its own code can catch
exactly its refusals); it adds nothing else. A test walks the core and fails on any other
exception raised for a person to read.
"""

from __future__ import annotations

from typing import ClassVar


class CodedError(Exception):
    """A refusal: `area` + `code` for the UI's words, `values` to fill them in, and an
    English message (str()) for the CLI and the log."""

    area: ClassVar[str] = "general"

    def __init__(self, code: str, message: str = "", **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(message or code.replace("_", " "))

    @property
    def english(self) -> str:
        return str(self)


class StoreError(CodedError):
    """The store cannot be opened or used as asked."""

    area = "store"


class StoreTooNewError(StoreError):
    """The store was written by a newer sqdesk; it is left exactly as it was."""


class StoreReadOnly(StoreError):
    """A change was asked of a store opened read-only (another copy of the app has it)."""
