"""The filter builder above the roster: conditions on tags and member fields, combined with
"all of" / "any of", each one negatable, turned into a filter tree (sqdesk.core.filters).

Every change re-filters the roster (after a short pause, so typing a number filters once);
the result can be saved as a named segment, whose members are then always computed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import groups, members, rewards, tags
from sqdesk.core.store import Store
from sqdesk.ui.groups.words import GroupWords
from sqdesk.ui.widgets import date_picker

# Filters apply this long after the last change: one roster query per pause, not per click.
APPLY_DELAY_MS = 250
_NO_BOUND = QDate(2000, 1, 1)  # a date edit at its minimum means "no bound"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _iso(edit: QDateEdit) -> str | None:
    d = edit.date()
    return None if d == _NO_BOUND else d.toString("yyyy-MM-dd")


class _OpenAtThisMonth(QObject):
    """A date edit set to "any" opens its calendar at this month."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.edit.date() == _NO_BOUND:
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return False


class ChoiceButton(QToolButton):
    """A button with a menu of checkable choices; its text lists what is chosen."""

    changed = Signal()

    def __init__(self, empty_text: str, choices: list[tuple[str, object]], parent=None):
        super().__init__(parent)
        self.empty_text = empty_text
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.actions_by_value = {}
        for label, value in choices:
            if value is None:  # a heading (a tag group)
                menu.addSection(label)
                continue
            a = menu.addAction(label)
            a.setCheckable(True)
            a.toggled.connect(self._update)
            self.actions_by_value[value] = a
        self.setMenu(menu)
        self._update()

    def values(self) -> list:
        return [v for v, a in self.actions_by_value.items() if a.isChecked()]

    def set_values(self, values) -> None:
        for v, a in self.actions_by_value.items():
            a.setChecked(v in values)

    def _update(self) -> None:
        names = [a.text() for a in self.actions_by_value.values() if a.isChecked()]
        text = "、".join(names) if names else self.empty_text
        self.setText(text if len(text) <= 24 else text[:23] + "…")
        self.setToolTip("、".join(names))
        self.changed.emit()


class ConditionRow(QFrame):
    """One condition: [is / is not] [kind-specific editors] [remove]."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, kind: str, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("conditionRow")
        self.kind = kind
        self.negate = QComboBox(self)
        self.negate.addItem(self.tr("is"), False)
        self.negate.addItem(self.tr("is not"), True)
        self.negate.currentIndexChanged.connect(self.changed)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.layout_.addWidget(self.label)
        self.layout_.addWidget(self.negate)
        self.editors: dict[str, QWidget] = {}
        getattr(self, f"_build_{kind}")(store)
        self.layout_.addStretch(1)
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this condition"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.layout_.addWidget(remove)

    # --- editors ---------------------------------------------------------------------------

    def _add(self, name: str, widget: QWidget, before: str = "") -> None:
        if before:
            self.layout_.addWidget(QLabel(before, self))
        self.editors[name] = widget
        self.layout_.addWidget(widget)
        for signal in ("changed", "valueChanged", "dateChanged", "currentIndexChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self.changed)
                break

    def _spin(self, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        return spin

    def _date(self, value: QDate | None) -> QDateEdit:
        edit = QDateEdit(self)
        date_picker(edit)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_BOUND)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(value or _NO_BOUND)
        # "any" is the edit's minimum date: its calendar would open in January 2000.
        edit.calendarWidget().installEventFilter(_OpenAtThisMonth(edit))
        return edit

    def _build_tags(self, store: Store) -> None:
        self.label.setText(self.tr("Tagged"))
        self.negate.setItemText(0, self.tr("with"))
        self.negate.setItemText(1, self.tr("without"))
        mode = QComboBox(self)
        mode.addItem(self.tr("any of"), "any")
        mode.addItem(self.tr("all of"), "all")
        self._add("mode", mode)
        choices: list[tuple[str, object]] = []
        group = None
        for t in tags.list_tags(store):
            if t.group != group:
                group = t.group
                choices.append((t.group, None))
            choices.append((t.name, t.id))
        self._add("tags", ChoiceButton(self.tr("choose tags"), choices, self))

    def _build_joined(self, store: Store) -> None:
        self.label.setText(self.tr("Joined"))
        self.negate.hide()
        self._add("from", self._date(None), self.tr("from"))
        self._add("to", self._date(None), self.tr("to"))

    def _build_birthday_month(self, store: Store) -> None:
        self.label.setText(self.tr("Birthday month"))
        short = QLocale.FormatType.ShortFormat
        months = [(QLocale().standaloneMonthName(m, short), m) for m in range(1, 13)]
        button = ChoiceButton(self.tr("choose months"), months, self)
        button.set_values([date.today().month])
        self._add("months", button)

    def _build_source(self, store: Store) -> None:
        self.label.setText(self.tr("Source"))
        choices = [(s, s) for s in members.sources(store)]
        self._add("in", ChoiceButton(self.tr("choose sources"), choices, self))

    def _build_level(self, store: Store) -> None:
        self.label.setText(self.tr("Level"))
        choices = [(lv.name, lv.id) for lv in rewards.list_levels(store)]
        self._add("in", ChoiceButton(self.tr("choose levels"), choices, self))

    def _build_balance(self, store: Store) -> None:
        self.label.setText(self.tr("Points balance"))
        self.negate.hide()
        self._add("min", self._spin(0, 10_000_000, 0), self.tr("from"))
        top = self._spin(0, 10_000_000, 0)
        top.setSpecialValueText(self.tr("no limit"))
        self._add("max", top, self.tr("to"))

    def _build_last_visit(self, store: Store) -> None:
        self.label.setText(self.tr("Last visit"))
        self.negate.hide()
        when = QComboBox(self)
        when.addItem(self.tr("before (or never)"), "before")
        when.addItem(self.tr("on or after"), "after")
        self._add("when", when)
        self._add("date", self._date(QDate.currentDate().addDays(-90)))
        self.editors["date"].setMinimumDate(QDate(2000, 1, 2))

    def _build_visits(self, store: Store) -> None:
        self.label.setText(self.tr("Visits"))
        self.negate.hide()
        self._add("min", self._spin(1, 1000, 2), self.tr("at least"))
        self._add("days", self._spin(1, 3650, 30, self.tr(" days")), self.tr("in the last"))

    def _build_spend(self, store: Store) -> None:
        self.label.setText(self.tr("Spend"))
        self.negate.hide()
        self._add("min", self._spin(0, 10_000_000, 500, " ¥"), self.tr("at least"))
        self._add("days", self._spin(1, 3650, 365, self.tr(" days")), self.tr("in the last"))

    def _build_group(self, store: Store) -> None:
        self.label.setText(self.tr("In WeChat group"))
        self.negate.setItemText(0, self.tr("in"))
        self.negate.setItemText(1, self.tr("not in"))
        which = QComboBox(self)
        which.addItem(self.tr("any group"), None)
        words = GroupWords(self)
        for kind in groups.Kind:
            which.addItem(self.tr("any %1").replace("%1", words.kind(kind)), f"kind:{kind.value}")
        for g in groups.list_groups(store):
            which.addItem(g.name, g.id)
        self._add("which", which)

    # --- the condition as a filter node -----------------------------------------------------

    def node(self) -> dict | None:
        """This row's filter node; None while it is incomplete (no tag chosen yet)."""
        e = self.editors
        if self.kind == "tags":
            chosen = e["tags"].values()
            if not chosen:
                return None
            parts = [{"tag": t} for t in chosen]
            node = parts[0] if len(parts) == 1 else {e["mode"].currentData(): parts}
        elif self.kind == "joined":
            node = {"field": "joined"}
            for key in ("from", "to"):
                if (value := _iso(e[key])) is not None:
                    node[key] = value
        elif self.kind in ("birthday_month", "source", "level"):
            key = "months" if self.kind == "birthday_month" else "in"
            chosen = e[key].values()
            if not chosen:
                return None
            node = {"field": self.kind, key: chosen}
        elif self.kind == "balance":
            node = {"field": "balance", "min": e["min"].value()}
            if e["max"].value() > 0:
                node["max"] = e["max"].value()
        elif self.kind == "last_visit":
            node = {"field": "last_visit", e["when"].currentData(): _iso(e["date"])}
        elif self.kind == "visits":
            node = {"field": "visits", "days": e["days"].value(), "min": e["min"].value()}
        elif self.kind == "spend":
            node = {"field": "spend", "days": e["days"].value(), "min": e["min"].value() * 100}
        else:  # group
            which = e["which"].currentData()
            node = {"field": "group"}
            if isinstance(which, str):
                node["kind"] = which.split(":", 1)[1]
            elif which is not None:
                node["ids"] = [which]
        return {"not": node} if self.negate.currentData() else node


class FilterPanel(QFrame):
    """The builder. `changed` carries the filter tree, or None when no condition is set."""

    changed = Signal(object)
    saveRequested = Signal(object)
    closed = Signal()

    KINDS = ("tags", "joined", "birthday_month", "source", "level", "balance", "last_visit",
             "visits", "spend", "group")  # fmt: skip

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.store = store
        self.rows: list[ConditionRow] = []
        self._timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        self.match = QComboBox(self)
        self.match.addItem(self.tr("all of these conditions (AND)"), "all")
        self.match.addItem(self.tr("any of these conditions (OR)"), "any")
        self.match.currentIndexChanged.connect(self._timer.start)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addCondition")
        self.add_button.setText(self.tr("+ Condition"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind in self.KINDS:
            menu.addAction(self.kind_name(kind), lambda k=kind: self.add_condition(k))
        self.add_button.setMenu(menu)
        self.save_button = QPushButton(self.tr("Save as Segment…"), self)
        self.save_button.clicked.connect(lambda: self.saveRequested.emit(self.tree()))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close the filter (Esc)"))
        close.clicked.connect(self.closed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Members matching"), self))
        top.addWidget(self.match)
        top.addWidget(self.add_button)
        top.addStretch(1)
        top.addWidget(self.save_button)
        top.addWidget(self.clear_button)
        top.addWidget(close)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self._escape)
        self.addAction(escape)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(self.rows_layout)
        self._update_buttons()

    def _escape(self) -> None:
        """Esc closes an open calendar or list first; only then the filter."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
            return
        self.closed.emit()

    def kind_name(self, kind: str) -> str:
        return {
            "tags": self.tr("Tags"),
            "joined": self.tr("Joined between"),
            "birthday_month": self.tr("Birthday month"),
            "source": self.tr("Source channel"),
            "level": self.tr("Level"),
            "balance": self.tr("Points balance"),
            "last_visit": self.tr("Last visit before / after"),
            "visits": self.tr("Visits in the last N days"),
            "spend": self.tr("Spend in the last N days"),
            "group": self.tr("In / not in a WeChat group"),
        }[kind]

    def add_condition(self, kind: str) -> ConditionRow:
        row = ConditionRow(kind, self.store, self)
        row.changed.connect(self._timer.start)
        row.removed.connect(self.remove_condition)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self._update_buttons()
        self._timer.start()
        return row

    def remove_condition(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self._update_buttons()
        self._timer.start()

    def clear(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.deleteLater()
        self._update_buttons()
        self.apply()

    def set_store(self, store: Store) -> None:
        self.store = store
        self.clear()

    def tree(self) -> dict | None:
        nodes = [n for n in (r.node() for r in self.rows) if n is not None]
        if not nodes:
            return None
        return {self.match.currentData(): nodes}

    def apply(self) -> None:
        self._timer.stop()
        self._update_buttons()
        self.changed.emit(self.tree())

    def _update_buttons(self) -> None:
        has = any(r.node() is not None for r in self.rows)
        self.save_button.setEnabled(has and not self.store.read_only)
        self.clear_button.setEnabled(bool(self.rows))
