"""A lucky draw (抽奖): from an activity day's attendees, the selection or everyone in view
(a segment), or a pasted 接龙; how many winners, recent winners left out if the shop wants,
a prize of points and/or a coupon. Draw shows the winners and the seed (anyone can replay
it); Pay the Prizes pays them once; Copy the Result Post puts the announcement on the
clipboard, ready for the group."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons, draws, jielong, shop_settings
from sqdesk.core.draws import DrawInfo
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import toast

RECENT_DAYS = 30


class DrawDialog(QDialog):
    def __init__(self, store: Store, pool: list[int], about: str, pool_name: str,
                 parent: QWidget | None = None, *, title: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("drawDialog")
        self.setWindowTitle(self.tr("Lucky Draw"))
        self.store, self.pool, self.pool_name = store, list(pool), pool_name
        self.result: DrawInfo | None = None
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self._about = about
        self.paste_button = QPushButton(self.tr("Use a Pasted 接龙…"), self)
        self.paste_button.clicked.connect(self.ask_jielong)
        self.title = QLineEdit(title, self)
        self.title.setObjectName("drawTitle")
        self.title.setPlaceholderText(self.tr("e.g. 粉丝节抽奖"))
        self.winners = QSpinBox(self)
        self.winners.setObjectName("drawWinners")
        self.winners.setRange(1, draws.MAX_WINNERS)
        self.winners.setValue(3)
        self.exclude = QCheckBox(self.tr("Leave out who won in the last %1 days")
                                 .replace("%1", str(RECENT_DAYS)), self)  # fmt: skip
        self.points = QSpinBox(self)
        self.points.setRange(0, 100_000)
        self.points.setSuffix(self.tr(" points"))
        self.coupon = QComboBox(self)
        self.coupon.addItem(self.tr("No coupon"), None)
        for t in coupons.types(store):
            self.coupon.addItem(t.name, t.id)
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("empty: a new one (to replay a draw, type its seed)"))
        self.list = QListWidget(self)
        self.list.setObjectName("drawWinnersList")
        self.outcome = QLabel(self)
        self.outcome.setObjectName("drawOutcome")
        self.outcome.setWordWrap(True)
        self.draw_button = QPushButton(self.tr("Draw"), self)
        self.draw_button.setDefault(True)
        self.draw_button.clicked.connect(self.run_draw)
        self.pay_button = QPushButton(self.tr("Pay the Prizes"), self)
        self.pay_button.clicked.connect(self.pay)
        self.post_button = QPushButton(self.tr("Copy the Result Post"), self)
        self.post_button.clicked.connect(self.copy_post)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for b in (self.draw_button, self.pay_button, self.post_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.about, 1)
        top.addWidget(self.paste_button)
        prize = QHBoxLayout()
        prize.addWidget(self.points)
        prize.addWidget(self.coupon, 1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Winners"), self.winners)
        form.addRow("", self.exclude)
        form.addRow(self.tr("Prize"), prize)
        form.addRow(self.tr("Seed"), self.seed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self._refresh()

    def _refresh(self) -> None:
        self.about.setText(self.tr("%n member(s) can win: %1", "", len(self.pool))
                           .replace("%1", self._about))  # fmt: skip
        drawn = self.result is not None
        writable = not self.store.read_only
        self.draw_button.setEnabled(not drawn and bool(self.pool) and writable)
        self.pay_button.setEnabled(drawn and self.result.paid_at is None and writable and
                                   bool(self.result.prize_points
                                        or self.result.prize_coupon_type_id))  # fmt: skip
        self.post_button.setEnabled(drawn)

    def ask_jielong(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Paste a 接龙"))
        dialog.setLabelText(self.tr("The pasted 接龙: its matched members can win."))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.textValueSelected.connect(self.use_jielong)
        dialog.open()
        return dialog

    def use_jielong(self, text: str) -> int:
        matched = [m.member_id for m in jielong.match(self.store, jielong.parse(text))
                   if m.status == "matched" and m.member_id is not None]  # fmt: skip
        self.pool, self.pool_name = matched, "jielong"
        self._about = self.tr("a pasted 接龙")
        self._refresh()
        return len(matched)

    def run_draw(self) -> DrawInfo | None:
        seed_text = self.seed.text().strip()
        if seed_text and not seed_text.isdigit():
            self.outcome.setText(self.tr("A seed is a whole number."))
            return None
        try:
            self.result = draws.draw(
                self.store, self.pool, self.winners.value(),
                seed=int(seed_text) if seed_text else None, title=self.title.text(),
                pool_name=self.pool_name,
                exclude_recent_days=RECENT_DAYS if self.exclude.isChecked() else 0,
                prize_points=self.points.value(), prize_coupon_type_id=self.coupon.currentData())
        except draws.DrawError as exc:
            self.outcome.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return None
        announce(Area.POINTS)  # a draw on record: recent winners can be left out of the next
        self.list.clear()
        for i, w in enumerate(self.result.winners, 1):
            self.list.addItem(f"{i}. {w.name} · {w.code}")
        self.seed.setText(str(self.result.seed))
        self.seed.setReadOnly(True)
        self.outcome.setText(self.tr("Drawn from %1 with seed %2: the same list and seed give "
                                     "the same winners.").replace(
            "%1", str(self.result.pool_size)).replace("%2", str(self.result.seed)))  # fmt: skip
        self._refresh()
        return self.result

    def pay(self) -> int:
        if self.result is None:
            return 0
        try:
            paid = draws.pay(self.store, self.result.id)
        except draws.DrawError as exc:
            self.outcome.setText(refusal_text(exc))
            return 0
        self.result = draws.get(self.store, self.result.id)
        announce(Area.POINTS, Area.MEMBERS)
        self.outcome.setText(self.tr("Prizes paid to %n winner(s).", "", paid))
        self._refresh()
        return paid

    def copy_post(self) -> str:
        if self.result is None:
            return ""
        shop = shop_settings.value(self.store, "shop.name") or ""
        text = draws.result_post(self.result, str(shop))
        QGuiApplication.clipboard().setText(text)
        toast(self, self.tr("The result post is copied: paste it in the group."))
        return text
