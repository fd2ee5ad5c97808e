"""One editor per setting, made from its kind in the registry (sqdesk.core.shop_settings):
the Settings dialog and the first-run set-up both build their forms from these, so a
setting is typed in and checked the same way wherever it is asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from sqdesk.core import shop_settings
from sqdesk.core.shop_settings import SettingsError, Spec
from sqdesk.ui.settings.words import SettingsWords
from sqdesk.ui.widgets import open_file_dialog

PREVIEW = QSize(72, 72)


class ImagePicker(QWidget):
    """A small picture with Choose… and Remove: holds the file's bytes (checked when the
    settings are saved: a PNG or JPEG, at most 2 MB)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("imagePreview")
        self.preview.setStyleSheet("QLabel#imagePreview { border: 1px solid #cbd5e0; }")
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self.ask_file)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(lambda: self.set_data(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.set_data(None)

    def set_data(self, data: bytes | None) -> None:
        self.data = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.preview.setPixmap(pixmap.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("none") if not data else self.tr("not a picture"))
        self.remove_button.setEnabled(bool(data))
        self.changed.emit()

    def ask_file(self):
        return open_file_dialog(self, self.tr("Choose a Picture"), str(Path.home()),
                                [self.tr("Pictures (*.png *.jpg *.jpeg)")], self.load)

    def load(self, path: Path) -> None:
        try:
            self.set_data(path.read_bytes())
        except OSError:
            self.set_data(b"")  # shown as "not a picture", refused when saved


class Field:
    """A setting's editor: `widget` for the form, `value()` as the registry takes it (or
    SettingsError for text that does not parse), `set_value()` to show a stored one."""

    def __init__(self, spec: Spec, parent: QWidget, words: SettingsWords) -> None:
        self.spec = spec
        self.widget = self._make(parent, words)
        self.widget.setObjectName(f"setting:{spec.key}")
        self.widget.setToolTip(spec.key)

    def _make(self, parent: QWidget, words: SettingsWords) -> QWidget:
        sp = self.spec
        if sp.kind in ("text", "days"):
            edit = QLineEdit(parent)
            edit.setPlaceholderText(words.hint(sp.key))
            if sp.kind == "text":
                edit.setMaxLength(sp.max_chars)
            return edit
        if sp.kind == "int":
            box = QSpinBox(parent)
            box.setRange(int(sp.low), int(sp.high))
            box.setSpecialValueText(words.zero(sp.key))  # 0 shown as what it stands for
            return box
        if sp.kind in ("yuan", "ratio"):
            box = QDoubleSpinBox(parent)
            box.setDecimals(2 if sp.kind == "yuan" else 1)
            box.setRange(float(sp.low), float(sp.high))
            box.setSingleStep(100 if sp.kind == "yuan" else 0.1)
            if sp.kind == "yuan":
                box.setPrefix("¥")
            return box
        if sp.kind == "bool":
            return QCheckBox(parent)
        if sp.kind == "choice":
            combo = QComboBox(parent)
            for value in sp.choices:
                combo.addItem(words.choice(sp.key, value), value)
            return combo
        return ImagePicker(parent)

    def value(self) -> object:
        w, kind = self.widget, self.spec.kind
        if kind == "text":
            return w.text().strip() or None  # type: ignore[attr-defined]
        if kind == "days":
            return shop_settings.parse(self.spec.key, w.text())  # type: ignore[attr-defined]
        if kind == "int":
            return w.value()  # type: ignore[attr-defined]
        if kind == "yuan":
            return round(w.value() * 100)  # type: ignore[attr-defined]
        if kind == "ratio":
            return round(w.value(), 1)  # type: ignore[attr-defined]
        if kind == "bool":
            return w.isChecked()  # type: ignore[attr-defined]
        if kind == "choice":
            return w.currentData()  # type: ignore[attr-defined]
        return w.data  # type: ignore[attr-defined]

    def set_value(self, value: object) -> None:
        w, kind = self.widget, self.spec.kind
        if kind in ("text", "days"):
            w.setText(shop_settings.show(self.spec.key, value).replace(",", ", ")  # type: ignore
                      if kind == "days" else str(value or ""))
        elif kind == "int":
            w.setValue(int(value))  # type: ignore[attr-defined, arg-type]
        elif kind == "yuan":
            w.setValue(int(value) / 100)  # type: ignore[attr-defined, arg-type]
        elif kind == "ratio":
            w.setValue(float(value))  # type: ignore[attr-defined, arg-type]
        elif kind == "bool":
            w.setChecked(bool(value))  # type: ignore[attr-defined]
        elif kind == "choice":
            w.setCurrentIndex(max(0, w.findData(value)))  # type: ignore[attr-defined]
        else:
            w.set_data(value)  # type: ignore[attr-defined, arg-type]


def read(fields: dict[str, Field]) -> tuple[dict[str, object], SettingsError | None, str]:
    """The fields' values, or the first one that does not parse (with its key)."""
    out: dict[str, object] = {}
    for key, f in fields.items():
        try:
            out[key] = f.value()
        except SettingsError as exc:
            return out, exc, key
    return out, None, ""
