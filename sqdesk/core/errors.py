"""Errors the core raises for the user to read: messages are plain words, not tracebacks."""


class StoreError(Exception):
    """The store cannot be opened or used; the message is meant for the shop manager."""


class StoreTooNewError(StoreError):
    """The store was written by a newer sqdesk; it is left exactly as it was."""


class StoreReadOnly(StoreError):
    """A change was asked of a store opened read-only (another copy of the app has it)."""


class CodedError(StoreError):
    """A refusal with a `code` the UI words in the user's language, and the `values` its
    message needs; the English message is for logs and the CLI."""

    def __init__(self, code: str, message: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(message)
