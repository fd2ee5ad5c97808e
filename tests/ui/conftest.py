"""Each window test starts from no preferences: a window saves its own (the roster's
columns, a dialog's size) when it closes, and one test's columns shown or hidden once
moved the Tags column out of sight in a later test."""

import pytest


@pytest.fixture(autouse=True)
def _no_preferences():
    from sqdesk.ui import prefs

    prefs.settings().clear()
    yield
