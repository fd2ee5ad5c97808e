"""Upgrades from every earlier schema (issue 18.7): a small store made by the code of each
earlier revision (scripts/make_upgrade_fixtures.py: the commit that added each migration,
its own demo) opens in the newest version with its members, visits and points intact, and
every invariant holds."""

import gzip
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from sqdesk.core.check import run_checks
from sqdesk.core.models import LedgerEntry, Member, MemberPoints, Visit
from sqdesk.core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upgrades"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text())


def test_there_is_a_store_for_every_earlier_revision():
    versions = sorted(p.name[:4] for p in (Path(__file__).resolve().parents[2] / "sqdesk" /
                      "core" / "migrations" / "versions").glob("0*.py"))  # fmt: skip
    assert sorted(MANIFEST) == versions[:-1]  # all but the newest, which the code makes


@pytest.mark.parametrize("revision", sorted(MANIFEST))
def test_a_store_from_revision_opens_with_its_data_intact(tmp_path, revision):
    expected = MANIFEST[revision]
    path = tmp_path / f"store-{revision}.sqdesk"
    with gzip.open(FIXTURES / f"store-{revision}.sqdesk.gz", "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    with Store.open(path) as store:
        with store.read() as s:
            assert s.scalar(text("SELECT version_num FROM alembic_version")) > revision
            assert s.scalar(select(func.count(Member.id))) == expected["members"]
            assert s.scalar(select(func.count(Visit.id))) == expected["visits"]
            assert (s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0)))
                    == expected["ledger_sum"])  # fmt: skip
            assert (s.scalar(select(func.coalesce(func.sum(MemberPoints.balance), 0)))
                    == expected["balance_sum"])  # fmt: skip
        assert run_checks(store) == []
    assert list(tmp_path.glob("*-backups/*before-*"))  # a copy before the upgrade
