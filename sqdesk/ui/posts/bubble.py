"""The preview as WeChat shows it: the text in the green chat bubble, line breaks and
emoji as they will appear in the group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ChatBubble(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatBubble")
        self.setWordWrap(True)
        # Plain text: a member called <b>Amy</b> shows as typed, as in WeChat.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # WeChat's own green bubble: the preview looks like what the group will see.
        self.setStyleSheet(
            "QLabel#chatBubble { background: #95ec69; color: #111; border-radius: 6px;"
            " padding: 8px 10px; font-size: 14px; }"
        )
