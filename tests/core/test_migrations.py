"""The migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sqdesk.core.models import Base
from sqdesk.core.note_search import INDEX_TABLES


def _modelled(name, type_, parent_names) -> bool:
    """The note search index is made by its migration for each database, not by a model."""
    return not (type_ == "table" and name.startswith(INDEX_TABLES))


# Migration 0011's birthday index is on an expression: SQLAlchemy cannot reflect it (so
# cannot compare it either) and says so.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "include_name": _modelled})  # fmt: skip
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"add a migration for: {diff}"
