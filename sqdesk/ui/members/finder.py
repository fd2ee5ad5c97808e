"""Finding a member as you type, outside the roster (Record Visit, the note capture): the
roster's own search, its best matches listed, one way for every window that asks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from sqdesk.core import members
from sqdesk.core.store import Store

MAX_MATCHES = 8
MemberRole = Qt.ItemDataRole.UserRole  # the member's id on each match


def fill_matches(matches: QListWidget, store: Store, text: str) -> int:
    """The best matches for `text` in `matches` (name, code, masked mobile; archived
    members marked), the first one current; returns how many."""
    matches.clear()
    if members.search_key(text) is None:
        return 0
    ids = members.ordered_ids(store, search_text=text, sort=None)[:MAX_MATCHES]
    rows = members.rows(store, ids)
    archived = QCoreApplication.translate("finder", " (archived)")
    for member_id in ids:
        r = rows[member_id]
        label = f"{r.name or r.nickname}  {r.code}  {r.mobile_masked}"
        item = QListWidgetItem(label + (archived if r.archived else ""))
        item.setData(MemberRole, member_id)
        matches.addItem(item)
    if matches.count():
        matches.setCurrentRow(0)
    return matches.count()
