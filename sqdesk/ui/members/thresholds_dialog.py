"""The shop's segment thresholds: what counts as new, active, core, dormant, lapsed,
high value, rising and VIP-eligible. Defaults follow how shops run their groups."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import segments
from sqdesk.core.segments import Thresholds
from sqdesk.ui.changes import Area, announce

# Thresholds held in cents are edited in yuan.
_CENTS = {"core_spend_12m", "high_value_12m", "potential_min_90d", "vip_single_purchase"}


class ThresholdsDialog(QDialog):
    saved = Signal()

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(self.tr("Segment Thresholds"))
        self.store = store
        days, visits, yuan = self.tr(" days"), self.tr(" visits"), " ¥"
        rows = {
            "new_days": (self.tr("New: joined within"), days),
            "active_visits_30d": (self.tr("Active: visits in the last 30 days, at least"), visits),
            "core_visits_90d": (self.tr("Core loyal: visits in 90 days, at least"), visits),
            "core_spend_12m": (self.tr("Core loyal: and spent in 12 months, at least"), yuan),
            "dormant_days": (self.tr("Dormant: no visit for"), days),
            "lapsed_days": (self.tr("Lapsed: no visit for"), days),
            "high_value_12m": (self.tr("High value: spent in 12 months, at least"), yuan),
            "potential_ratio": (self.tr("Rising: last 3 months' spend over the 3 before, ×"), ""),
            "potential_min_90d": (self.tr("Rising: and spent in the last 3 months, at least"),
                                  yuan),
            "vip_visits_month": (self.tr("VIP eligible: visits in one calendar month"), visits),
            "vip_single_purchase": (self.tr("VIP eligible: or one purchase of at least"), yuan),
        }  # fmt: skip
        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        form = QFormLayout()
        for f in fields(Thresholds):
            label, suffix = rows[f.name]
            if f.name == "potential_ratio":
                edit = QDoubleSpinBox(self)
                edit.setRange(1.0, 10.0)
                edit.setSingleStep(0.1)
                edit.setDecimals(1)
            else:
                edit = QSpinBox(self)
                edit.setRange(1, 10_000_000)
                edit.setSuffix(suffix)
            self.editors[f.name] = edit
            form.addRow(label, edit)
        note = QLabel(self.tr("Segments are always worked out from the members' visits with "
                              "these numbers; changing them changes who is in each at once."),
                      self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_values(Thresholds())
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_values(segments.load_thresholds(store))

    def show_values(self, t: Thresholds) -> None:
        for name, edit in self.editors.items():
            value = getattr(t, name)
            edit.setValue(value / 100 if name in _CENTS else value)

    def values(self) -> Thresholds:
        out = {}
        for name, edit in self.editors.items():
            value = edit.value()
            out[name] = (int(value) * 100 if name in _CENTS
                         else value if name == "potential_ratio" else int(value))  # fmt: skip
        return Thresholds(**out)

    def save(self) -> None:
        segments.save_thresholds(self.store, self.values())
        announce(Area.SEGMENTS)
        self.saved.emit()
        self.accept()
