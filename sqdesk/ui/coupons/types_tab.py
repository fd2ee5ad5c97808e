"""The Points page's Coupons tab: every coupon type with how it is doing (issued, used,
expired, still open, the use rate, the spend on visits that used one), and the type editor:
kind and value, minimum spend, validity, days of the week, how many a member may hold, and
whether it comes by itself on an event (joining, the birthday month, a referral, a level)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons
from sqdesk.core.coupons import TypeInfo
from sqdesk.core.store import Store
from sqdesk.printing.coupons import CouponTerms, weekday
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.coupons.words import CouponWords
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import fill_table, make_table, toast

CENT_KINDS = ("amount_off", "fixed_price", "free_item")  # the value is money


def describe(t: TypeInfo) -> str:
    """What a type gives in a few characters (CouponTerms: 满¥50 减¥10, 8折, ¥9.90 …)."""
    return CouponTerms().terms(t.kind, t.value, t.min_spend_cents, t.weekdays)


class CouponTypesTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couponTypes")
        self.store = store
        self.words = CouponWords(self)
        self.shown: list[TypeInfo] = []
        headers = [self.tr("Coupon"), self.tr("What it gives"), self.tr("Valid"),
                   self.tr("Comes by itself"), self.tr("Issued"), self.tr("Used"),
                   self.tr("Expired"), self.tr("Use rate"), self.tr("Spend with it")]
        self.table = make_table(self, headers, 0)
        self.table.setObjectName("couponTypeTable")
        self.table.itemDoubleClicked.connect(lambda _i: self.edit_current())
        self.new_button = QPushButton(self.tr("New Coupon Type…"), self)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        hint = QLabel(self.tr("The use rate is used ÷ (used + expired): coupons still open are "
                              "not counted yet."), self)  # fmt: skip
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(hint, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        follow(self, {Area.POINTS, Area.DAY}, self.refresh, fill_when_shown=True)

    def refresh(self) -> None:
        self.shown = coupons.types(self.store, include_inactive=True)
        figures = {f.type_id: f for f in coupons.figures(self.store)}
        rows = []
        for t in self.shown:
            f = figures.get(t.id)
            valid = (self.tr("%n day(s)", "", t.valid_days or 0) if t.valid_from is None
                     else f"{t.valid_from:%m-%d} – {t.valid_to:%m-%d}")  # fmt: skip
            name = t.name if t.active else self.tr("%1 (off)").replace("%1", t.name)
            rate = "" if f is None or f.use_rate is None else f"{f.use_rate:.0%}"
            rows.append((name, describe(t), valid, self.words.when(t.auto),
                         f.issued if f else 0, f.used if f else 0, f.expired if f else 0, rate,
                         f"¥{(f.spend_cents if f else 0) / 100:,.0f}"))  # fmt: skip
        fill_table(self.table, rows, numeric={4, 5, 6, 7, 8})
        self.table.resizeColumnsToContents()
        self.edit_button.setEnabled(bool(self.shown) and not self.store.read_only)
        self.new_button.setEnabled(not self.store.read_only)

    def edit_current(self) -> CouponTypeDialog | None:
        row = self.table.currentRow()
        return self.open_editor(self.shown[row]) if 0 <= row < len(self.shown) else None

    def open_editor(self, t: TypeInfo | None) -> CouponTypeDialog | None:
        if self.store.read_only:
            return None
        dialog = CouponTypeDialog(self.store, t, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class CouponTypeDialog(QDialog):
    def __init__(self, store: Store, t: TypeInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couponTypeDialog")
        self.setWindowTitle(self.tr("Coupon Type") if t else self.tr("New Coupon Type"))
        self.store, self.type = store, t
        self.words = CouponWords(self)
        self.name = QLineEdit(t.name if t else "", self)
        self.name.setPlaceholderText(self.tr("e.g. 满50减10, 周三第二杯半价"))
        self.kind = QComboBox(self)
        for key in coupons.KINDS:
            self.kind.addItem(self.words.kind(key), key)
        self.value = QDoubleSpinBox(self)
        self.value.setRange(0, 100_000)
        self.min_spend = QDoubleSpinBox(self)
        self.min_spend.setRange(0, 100_000)
        self.min_spend.setPrefix("¥")
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setSuffix(self.tr(" days from issuing"))
        self.weekdays = [QCheckBox(weekday(d), self) for d in range(7)]
        self.max_held = QSpinBox(self)
        self.max_held.setRange(1, 99)
        self.auto = QComboBox(self)
        for key in ("", *coupons.EVENTS):
            self.auto.addItem(self.words.when(key), key)
        self.active = QCheckBox(self.tr("In use (off: no new ones are handed out)"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if t is not None:
            self.kind.setCurrentIndex(self.kind.findData(t.kind))
            self.value.setValue(t.value / 100 if t.kind in CENT_KINDS else t.value)
            self.min_spend.setValue(t.min_spend_cents / 100)
            self.days.setValue(t.valid_days or 30)
            for i, box in enumerate(self.weekdays):
                box.setChecked(str(i) in t.weekdays)
            self.max_held.setValue(t.max_held)
            self.auto.setCurrentIndex(self.auto.findData(t.auto))
            self.active.setChecked(t.active)
        else:
            self.days.setValue(30)
            self.active.setChecked(True)
        self._kind_changed()
        days_row = QHBoxLayout()
        for box in self.weekdays:
            days_row.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Minimum spend"), self.min_spend)
        form.addRow(self.tr("Valid for"), self.days)
        form.addRow(self.tr("Days (none ticked: every day)"), days_row)
        form.addRow(self.tr("A member may hold"), self.max_held)
        form.addRow(self.tr("Comes by itself"), self.auto)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        money_ = self.kind.currentData() in CENT_KINDS
        self.value.setPrefix("¥" if money_ else "")
        self.value.setSuffix("" if money_ else " %")
        self.value.setDecimals(2 if money_ else 0)

    def fields(self) -> dict:
        kind = self.kind.currentData()
        value = round(self.value.value() * 100) if kind in CENT_KINDS else int(self.value.value())
        return {"name": self.name.text().strip(), "kind": kind, "value": value,
                "min_spend_cents": round(self.min_spend.value() * 100),
                "valid_days": self.days.value(),
                "weekdays": "".join(str(i) for i, b in enumerate(self.weekdays) if b.isChecked()),
                "max_held": self.max_held.value(), "auto": self.auto.currentData(),
                "active": self.active.isChecked()}  # fmt: skip

    def save(self) -> bool:
        f = self.fields()
        try:
            if self.type is None:
                name, kind, value = f.pop("name"), f.pop("kind"), f.pop("value")
                active = f.pop("active")
                made, warnings = coupons.add_type(self.store, name, kind, value, **f)
                if not active:
                    coupons.update_type(self.store, made.id, active=False)
            else:
                _, warnings = coupons.update_type(self.store, self.type.id, **f)
        except coupons.CouponError as exc:
            self.problem.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return False
        announce(Area.POINTS)
        if "min_below_value" in warnings:
            toast(self.parentWidget() or self, self.tr("Saved. Note: the minimum spend is "
                                                       "lower than the amount off."))  # fmt: skip
        self.accept()
        return True
