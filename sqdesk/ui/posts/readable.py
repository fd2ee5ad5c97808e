"""A template as the manager reads it: placeholders as coloured names ("群名, or 会员群"),
`{% if %}` as "if there is …:", the rest as the text itself. The raw Jinja text is one
click away (Edit Text, a click on the text, or inserting a placeholder), in the editor.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QTextBrowser, QWidget

from sqdesk.core.post_render import KNOWN

_TAG = re.compile(r"({{.*?}}|{%.*?%})", re.S)
_VALUE = re.compile(r"^{{-?\s*([^\s|}]+)\s*(?:or\s+(['\"])(.*?)\2)?\s*-?}}$", re.S)
_IF = re.compile(r"^{%-?\s*(if|elif)\s+(not\s+)?([^\s%]+)\s*-?%}$")
_FOR = re.compile(r"^{%-?\s*for\s+\S+\s+in\s+([^\s%]+)\s*-?%}$")
_END = re.compile(r"^{%-?\s*(endif|endfor)\s*-?%}$")
_ELSE = re.compile(r"^{%-?\s*else\s*-?%}$")

CHIP = ("<span style='background:#dff3e6; color:#1e6b3c; font-weight:600'>"
        "&#8201;{}&#8201;</span>")  # fmt: skip
UNKNOWN_CHIP = "<span style='background:#fde2e1; color:#b3261e'>&#8201;{}&#8201;</span>"
LOGIC = "<span style='color:#8a8f85; font-style:italic'>{}</span>"


class ReadableWords(QObject):
    def html(self, body: str) -> str:
        """The template body as readable HTML (escaped; newlines kept)."""
        out = []
        for part in _TAG.split(body):
            if not part:
                continue
            if not _TAG.fullmatch(part):
                out.append(html.escape(part))
                continue
            out.append(self._tag(part))
        return "".join(out).replace("\n", "<br>")

    def _tag(self, tag: str) -> str:
        if m := _VALUE.match(tag):
            name, fallback = m.group(1), m.group(3)
            text = name if not fallback else self.tr("%1, or “%2”").replace(
                "%1", name).replace("%2", fallback)  # fmt: skip
            return (CHIP if name in KNOWN else UNKNOWN_CHIP).format(html.escape(text))
        if m := _IF.match(tag):
            name = m.group(3)
            words = self.tr("if there is no %1:") if m.group(2) else self.tr("if there is %1:")
            if m.group(1) == "elif":
                words = self.tr("or if there is %1:")
            return LOGIC.format(html.escape(words.replace("%1", name)) + " ")
        if m := _FOR.match(tag):
            return LOGIC.format(html.escape(self.tr("for each of %1:").replace("%1", m.group(1))))
        if _ELSE.match(tag):
            return LOGIC.format(html.escape(self.tr("otherwise:")) + " ")
        if _END.match(tag):
            return ""
        return LOGIC.format(html.escape(tag))  # anything else: as written, greyed


class TemplateView(QStackedWidget):
    """The readable text, or the editor: `editing` says which is shown."""

    editingChanged = Signal(bool)

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.words = ReadableWords(self)
        self.readable = QTextBrowser(self)
        self.readable.setObjectName("templateReadable")
        self.readable.setOpenLinks(False)
        self.readable.setToolTip(self.tr("Click to edit the text"))
        self.readable.viewport().installEventFilter(self)
        self.addWidget(self.readable)
        self.addWidget(editor)
        editor.textChanged.connect(self._follow_editor)

    @property
    def editing(self) -> bool:
        return self.currentWidget() is self.editor

    def set_editing(self, editing: bool) -> None:
        if editing == self.editing:
            return
        if editing:
            self.setCurrentWidget(self.editor)
            self.editor.setFocus()
        else:
            self.setCurrentWidget(self.readable)
            self._follow_editor()
        self.editingChanged.emit(editing)

    def reload(self) -> None:
        """Show the editor's text, readable (after a template was loaded into it)."""
        self.set_editing(False)
        self._follow_editor()

    def _follow_editor(self) -> None:
        if not self.editing:
            self.readable.setHtml(self.words.html(self.editor.toPlainText()))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.readable.viewport() and event.type() == QEvent.Type.MouseButtonRelease \
                and event.button() == Qt.MouseButton.LeftButton \
                and not self.readable.textCursor().hasSelection():  # fmt: skip
            self.set_editing(True)
        return super().eventFilter(watched, event)
