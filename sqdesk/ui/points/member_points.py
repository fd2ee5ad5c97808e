"""A member's points in the profile: balance, level, what expires soon, the ledger with a
running balance, and the actions (visit, redeem, adjust, reverse from the context menu)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import ledger, member_story, points_view, rewards
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.manager_mode import require
from sqdesk.ui.points.visit_dialog import VisitDialog
from sqdesk.ui.points.words import PointsWords
from sqdesk.ui.refusals import refusal_text

ENTRY_ID = Qt.ItemDataRole.UserRole + 1


class MemberPointsPanel(QWidget):
    def __init__(self, store: Store, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPoints")
        self.store = store
        self.member_id = member_id
        self.words = PointsWords(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("pointsSummary")
        self.summary_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.visit_button = QPushButton(self.tr("Record Visit…"), self)
        self.redeem_button = QPushButton(self.tr("Redeem…"), self)
        self.adjust_button = QPushButton(self.tr("Adjust…"), self)
        self.visit_button.clicked.connect(self.record_visit)
        self.redeem_button.clicked.connect(self.ask_redeem)
        self.adjust_button.clicked.connect(self.ask_adjust)
        for b in (self.visit_button, self.redeem_button, self.adjust_button):
            b.setVisible(not store.read_only)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("ledgerTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Points"),
                                              self.tr("Balance"), self.tr("Why")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((145, 60, 60, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        bar = QHBoxLayout()
        bar.addWidget(self.summary_label, 1)
        for b in (self.visit_button, self.redeem_button, self.adjust_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh()
        follow(self, {Area.POINTS}, self.refresh)

    def refresh(self) -> None:
        s = points_view.summary(self.store, self.member_id)
        self.summary = s
        text = self.tr("<b style='font-size:16px'>%1 points</b> · level %2").replace(
            "%1", f"{s.balance:,}").replace("%2", s.level or self.tr("none"))  # fmt: skip
        if s.expiring:
            on = self.tr("%1 on %2")
            soon = ", ".join(
                on.replace("%1", str(b.points)).replace("%2", b.expires_on.isoformat())
                for b in s.expiring
            )
            text += "<br>" + self.tr("Expiring within 30 days: %1").replace("%1", soon)
        self.summary_label.setText(text)
        self.table.setRowCount(len(s.entries))
        grey = QBrush(QColor("#9a9d94"))
        # A visit's entries say what was spent ("points for spending · ¥38.50").
        spent = member_story.spent_by_visit(self.store, [
            v for v in map(_own_visit, s.entries) if v is not None])
        for row, e in enumerate(s.entries):
            reason = self.words.entry_reason(e.kind, e.reason, e.source_key)
            visit_id = _own_visit(e)
            if visit_id in spent:
                reason += f" · ¥{spent[visit_id] / 100:,.2f}".removesuffix(".00")
            if e.reversed_by is not None:
                reason += "  " + self.tr("(reversed)")
            cells = (e.at.astimezone().strftime("%Y-%m-%d %H:%M"), self.words.kind(e.kind),
                     f"{e.amount:+,}", f"{e.running_balance:,}", reason)  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ENTRY_ID, e.id)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if e.reversed_by is not None or e.kind == "reverse":
                    item.setForeground(grey)
                self.table.setItem(row, column, item)

    def _done(self, text: str) -> None:
        self.message.setText(f"<span style='color:#1f6b4a'>{text}</span>")
        announce(Area.POINTS)  # this panel follows POINTS too

    def _refused(self, exc: ledger.PointsError) -> None:
        self.message.setText(self.words.error_html(refusal_text(exc)))

    # --- actions -------------------------------------------------------------------------

    def record_visit(self) -> VisitDialog:
        dialog = VisitDialog(self.store, self, member_id=self.member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_redeem(self) -> QInputDialog:
        catalog = rewards.list_rewards(self.store)
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Redeem"))
        dialog.setLabelText(
            self.tr("Balance %1 points. Redeem:").replace("%1", f"{self.summary.balance:,}")
        )
        labels = [self.tr("%1 — %2 points").replace("%1", r.name).replace("%2", str(r.cost))
                  + ("" if r.stock is None else self.tr(" (%1 left)").replace("%1", str(r.stock)))
                  for r in catalog]  # fmt: skip
        dialog.setComboBoxItems(labels)
        dialog.setComboBoxEditable(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(label: str) -> None:
            reward = catalog[labels.index(label)]
            try:
                ledger.redeem(self.store, self.member_id, reward.id, actor="sqdesk")
            except ledger.PointsError as exc:
                self._refused(exc)
                return
            self._done(self.tr("Redeemed %1 for %2 points.").replace("%1", reward.name)
                       .replace("%2", str(reward.cost)))  # fmt: skip

        dialog.textValueSelected.connect(chosen)
        dialog.open()
        return dialog

    def ask_adjust(self) -> AdjustDialog | object:
        return require(self, self.store, self._ask_adjust)  # points by hand: the manager's

    def _ask_adjust(self) -> AdjustDialog:
        dialog = AdjustDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            try:
                ledger.adjust(self.store, self.member_id, dialog.points.value(),
                              reason=dialog.reason.text(), actor="sqdesk")  # fmt: skip
            except ledger.PointsError as exc:
                self._refused(exc)
                return
            self._done(
                self.tr("Adjusted by %1 points.").replace("%1", f"{dialog.points.value():+,}")
            )

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def _menu(self, pos: QPoint) -> None:
        item = self.table.itemAt(pos)
        if item is None or self.store.read_only:
            return
        entry_id = item.data(ENTRY_ID)
        entry = next(e for e in self.summary.entries if e.id == entry_id)
        menu = QMenu(self)
        menu.addAction(self.tr("Reverse This Entry…"), lambda: self.ask_reverse(entry_id))
        if entry.source.startswith("visit:"):
            visit_id = int(entry.source.split(":", 1)[1])
            menu.addAction(self.tr("Undo the Whole Visit…"), lambda: self.ask_void_visit(visit_id))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def ask_void_visit(self, visit_id: int) -> QInputDialog | object:
        return require(self, self.store, lambda: self._ask_void_visit(visit_id))

    def _ask_void_visit(self, visit_id: int) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Undo visit"))
        dialog.setLabelText(self.tr("Every point this visit paid (bonuses and the referrer's "
                                    "reward too) is reversed. Why?"))  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def confirmed(reason: str) -> None:
            try:
                points = ledger.void_visit(self.store, visit_id, reason=reason, actor="sqdesk")
            except ledger.PointsError as exc:
                self._refused(exc)
                return
            self._done(self.tr("Visit undone: %1 points taken back.").replace("%1", str(points)))

        dialog.textValueSelected.connect(confirmed)
        dialog.open()
        return dialog

    def ask_reverse(self, entry_id: int) -> QInputDialog | object:
        return require(self, self.store, lambda: self._ask_reverse(entry_id))

    def _ask_reverse(self, entry_id: int) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reverse entry"))
        dialog.setLabelText(self.tr("The entry stays in the ledger and a reversing entry is "
                                    "added. Why is it reversed?"))  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def confirmed(reason: str) -> None:
            try:
                ledger.reverse(self.store, entry_id, reason=reason, actor="sqdesk")
            except ledger.PointsError as exc:
                self._refused(exc)
                return
            self._done(self.tr("Reversed."))

        dialog.textValueSelected.connect(confirmed)
        dialog.open()
        return dialog


class AdjustDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjust points"))
        self.points = QSpinBox(self)
        self.points.setRange(-1_000_000, 1_000_000)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("required, e.g. 补录 10 月 8 日的消费"))
        form = QFormLayout(self)
        form.addRow(self.tr("Points (+ adds, − takes away)"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for w in (self.points, self.reason):
            (w.valueChanged if w is self.points else w.textChanged).connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.points.value() != 0 and bool(self.reason.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def _own_visit(e: points_view.EntryRow) -> int | None:
    """The visit an entry was earned on by this member (not a referral bonus for a friend's
    visit, which names the friend's visit)."""
    if e.source.startswith("visit:") and (e.source_key or "").startswith("visit:"):
        return int(e.source.split(":")[1])
    return None
