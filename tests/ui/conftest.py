"""Each window test starts from no preferences: a window saves its own (the roster's
columns, a dialog's size) when it closes, and one test's columns shown or hidden once
moved the Tags column out of sight in a later test.

Python's cyclic collector runs on the UI thread only, as in the app (sqdesk.ui.collector):
a test's windows and dialogs become garbage while the jobs they started still run, and a
collection set off on a job's thread would free them there (the likely cause of a
crash seen once in CI, in the window tests, with a job's thread in SQLAlchemy). And no
test's jobs run on into the next."""

import pytest

from sqdesk.ui import collector
from sqdesk.ui.jobs import stop_all_jobs, wait_for_jobs


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
def _end_of_each_test(_collector):
    """Each test ends as a quit does: its jobs (a window's upkeep, a count) are asked to
    stop and waited for, so none still runs through the next test; then what the test
    left is collected, on this thread."""
    yield
    stop_all_jobs()
    assert wait_for_jobs(20_000), "a job did not stop within 20 s of its test's end"
    _collector.collect()
