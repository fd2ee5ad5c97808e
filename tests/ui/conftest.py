"""Each window test starts from no preferences: a window saves its own (the roster's
columns, a dialog's size) when it closes, and one test's columns shown or hidden once
moved the Tags column out of sight in a later test.

Python's cyclic collector runs on the UI thread only, as in the app (sqdesk.ui.collector):
a test's windows and dialogs become garbage while the jobs they started still run, and a
collection set off on a job's thread would free them there (the likely cause of a
crash seen once in CI, in the window tests, with a job's thread in SQLAlchemy)."""

import pytest

from sqdesk.ui import collector


@pytest.fixture(autouse=True)
def _no_preferences():
    from sqdesk.ui import prefs

    prefs.settings().clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def _collector(qapp):
    found = collector.install(qapp)
    yield found
    found.uninstall()


@pytest.fixture(autouse=True)
def _collect_after_each_test(_collector):
    yield
    _collector.collect()  # what the test left, on this thread, before the next begins
