"""The preview as WeChat shows it: the text in a green chat bubble on the chat's grey
background, hugging the text up to about two-thirds of the width, with line breaks and
emoji as they will appear in the group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


class ChatBubble(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPreview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        inside = QWidget(self)
        inside.setObjectName("chatBackground")
        # WeChat's chat background and its own green bubble for what you send.
        inside.setStyleSheet("QWidget#chatBackground { background: #ededed; }")
        self.label = QLabel(inside)
        self.label.setObjectName("chatBubble")
        self.label.setWordWrap(True)
        # Plain text: a member called <b>Amy</b> shows as typed, as in WeChat.
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(
            "QLabel#chatBubble { background: #95ec69; color: #111; border-radius: 6px;"
            " padding: 8px 10px; font-size: 14px; }"
        )
        # A stretch pushes the bubble right (what you send). No alignment flag on the label:
        # with one, a layout sizes a wrapped label by its one-line height and cuts lines off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.label)
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setWidget(inside)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # A bubble is at most about two-thirds of the chat's width, as in WeChat.
        self.label.setMaximumWidth(max(160, int(self.viewport().width() * 0.78)))
