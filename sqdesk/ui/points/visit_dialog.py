"""Record a visit: find the member (a scanned card code + Enter does it), type the amount,
Enter. The member's valid coupons are listed: a click applies one (or scan the coupon's own
code), and the discount and what is left to pay show as the amount is typed. The points it
earned are shown rule by rule, and the dialog is ready for the next customer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons, ledger, members, money
from sqdesk.core.store import Store
from sqdesk.ui import sounds
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.members.finder import MemberRole, fill_matches
from sqdesk.ui.points.words import PointsWords
from sqdesk.ui.refusals import refusal_text

CHANNELS = ("门店", "小程序", "外卖")


class VisitDialog(QDialog):
    recorded = Signal(int, int)  # member id, points earned

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, member_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("Record Visit"))
        self.store = store
        self.words = PointsWords(self)
        self.member_id: int | None = None

        self.finder = QLineEdit(self)
        self.finder.setObjectName("visitFinder")
        self.finder.setPlaceholderText(
            self.tr("Scan the card, or type a code, mobile tail or name")
        )
        self.matches = QListWidget(self)
        self.matches.setObjectName("visitMatches")
        self.matches.setMaximumHeight(150)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("visitMember")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("visitAmount")
        self.amount.setPlaceholderText(self.tr("amount in yuan, e.g. 38.5"))
        self.channel = QComboBox(self)
        for key in CHANNELS:  # stored as the key, shown in the interface's language
            self.channel.addItem(self.words.channel(key), key)
        self.remark = QLineEdit(self)
        # The member's valid coupons, soonest to expire first: a click applies one (again:
        # not). The bill is typed as it is; the discount and what is left show below it.
        self.coupons = QListWidget(self)
        self.coupons.setObjectName("visitCoupons")
        self.coupons.setMaximumHeight(96)
        self.coupons.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter stays with the amount
        self.coupons.itemClicked.connect(self._coupon_clicked)
        self.coupon_note = QLabel(self)
        self.coupon_note.setObjectName("visitCouponNote")
        self.coupon_code: str | None = None
        self.result = QLabel(self)
        self.result.setObjectName("visitResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)

        form = QFormLayout()
        form.addRow(self.tr("Member"), self.finder)
        form.addRow("", self.matches)
        form.addRow("", self.chosen)
        form.addRow(self.tr("Amount (¥)"), self.amount)
        form.addRow(self.tr("Coupons"), self.coupons)
        form.addRow("", self.coupon_note)
        self._form = form
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Remark"), self.remark)
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.setDefault(False)
        self.record_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.record_button.clicked.connect(self.record)
        # Enter belongs to the fields (choose the member, record the amount): no button may
        # take it as "default" and close the dialog between two customers.
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.resize(460, 0)

        self._search_timer = QTimer(self, singleShot=True, interval=30)
        self._search_timer.timeout.connect(self._search)
        self.finder.textEdited.connect(self._search_timer.start)
        self.finder.returnPressed.connect(self._finder_enter)
        self.matches.itemActivated.connect(
            lambda item: self.choose(item.data(MemberRole))
        )
        self.amount.returnPressed.connect(self.record)
        self.amount.textChanged.connect(self._show_discount)
        self._fill_coupons()
        self._update_buttons()
        if member_id is not None:
            self.choose(member_id)

    # --- finding the member ---------------------------------------------------------------

    def _search(self) -> None:
        fill_matches(self.matches, self.store, self.finder.text())

    def _finder_enter(self) -> None:
        # A keyboard-wedge scanner types the code and Enter: take the best match at once.
        self._search_timer.stop()
        self._search()
        text = self.finder.text().strip()
        scanned = coupons.by_code(self.store, text)
        if scanned is not None:  # a coupon's own code: its member, and the coupon applied
            self.choose(scanned.member_id)
            self.use_coupon(scanned.code)
            sounds.scan_result(self.store, sounds.OK)
            return
        if self.matches.count():
            self.choose(self.matches.item(0).data(MemberRole))
            sounds.scan_result(self.store, sounds.OK)
            return
        if members.looks_like_bad_code(text):
            why = self.tr("Not a valid member code: check the digits.")
        elif members.looks_like_code(text):
            why = self.tr("No member has the code %1.").replace("%1", text)
        else:
            why = self.tr("No member matches “%1”.").replace("%1", text)
        self.result.setText(self.words.error_html(why))
        self.finder.selectAll()  # the next scan replaces it
        sounds.scan_result(self.store, sounds.REFUSED)

    def choose(self, member_id: int) -> None:
        detail = members.detail(self.store, member_id)
        if detail is None:
            return
        balance = ledger.balance(self.store, member_id)
        self.member_id = member_id
        self._name = detail.name or detail.nickname
        self.result.setText("")  # an earlier refusal is stale now
        self.chosen.setText(
            self.tr("<b>%1</b> %2 · balance %3 points")
            .replace("%1", _html(detail.name or detail.nickname)).replace("%2", detail.code)
            .replace("%3", f"{balance:,}")
        )  # fmt: skip
        self.amount.setFocus()
        self.amount.selectAll()
        self._fill_coupons()
        self._update_buttons()

    # --- coupons --------------------------------------------------------------------------

    def _fill_coupons(self) -> None:
        self.coupons.clear()
        self.coupon_code = None
        held = (coupons.for_member(self.store, self.member_id, only_valid=True)
                if self.member_id is not None else [])  # fmt: skip
        for c in held:
            item = QListWidgetItem(self.tr("%1 · until %2 · %3").replace("%1", c.type_name)
                                   .replace("%2", f"{c.expires_on:%m-%d}").replace("%3", c.code))
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, c)
            self.coupons.addItem(item)
        self._form.setRowVisible(self.coupons, bool(held))
        self._form.setRowVisible(self.coupon_note, bool(held))
        self._show_discount()

    def _coupon_clicked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.use_coupon(None if code == self.coupon_code else code)

    def use_coupon(self, code: str | None) -> None:
        """Apply this coupon to the visit (None: none); the amount keeps the focus."""
        self.coupon_code = code
        for i in range(self.coupons.count()):
            item = self.coupons.item(i)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) == code)
        self._show_discount()
        self.amount.setFocus()

    def _show_discount(self) -> None:
        chosen = next((self.coupons.item(i).data(Qt.ItemDataRole.UserRole + 1)
                       for i in range(self.coupons.count())
                       if self.coupons.item(i).data(Qt.ItemDataRole.UserRole)
                       == self.coupon_code), None)  # fmt: skip
        if chosen is None:
            self.coupon_note.setText(self.tr("Click a coupon to use it.")
                                     if self.coupons.count() else "")  # fmt: skip
            return
        try:
            bill = self.cents()
        except ledger.PointsError:
            bill = None
        if bill is None:
            self.coupon_note.setText(self.tr("%1: type the bill before the discount.")
                                     .replace("%1", chosen.type_name))  # fmt: skip
        elif bill < chosen.min_spend_cents:
            self.coupon_note.setText(self.tr("%1 needs a bill of at least ¥%2.").replace(
                "%1", chosen.type_name).replace("%2", f"{chosen.min_spend_cents / 100:.2f}"))
        else:
            off = coupons.discount(chosen.kind, chosen.value, bill)
            self.coupon_note.setText(self.tr("Coupon −¥%1: to pay ¥%2").replace(
                "%1", f"{off / 100:.2f}").replace("%2", f"{(bill - off) / 100:.2f}"))

    # --- recording ------------------------------------------------------------------------

    def cents(self) -> int:
        """The amount typed, in cents; PointsError says what is wrong with it."""
        return money.parse_yuan(self.amount.text())

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(self.member_id is not None)

    def record(self) -> bool:
        if self.member_id is None:
            self.finder.setFocus()
            return False
        try:
            cents = self.cents()
        except ledger.PointsError as exc:
            self.result.setText(self.words.error_html(refusal_text(exc)))
            self.amount.setFocus()
            self.amount.selectAll()  # the next typing replaces it
            return False
        try:
            result = ledger.record_visit(self.store, self.member_id, amount_cents=cents,
                                         channel=self.channel.currentData(),
                                         remark=self.remark.text(),
                                         coupon_code=self.coupon_code)  # fmt: skip
        except (ledger.PointsError, coupons.CouponError) as exc:
            self.result.setText(self.words.error_html(refusal_text(exc)))
            sounds.scan_result(self.store, sounds.REFUSED)
            return False
        paid = (self.tr("Coupon −¥%1, paid ¥%2.").replace("%1", f"{result.discount / 100:.2f}")
                .replace("%2", f"{result.paid / 100:.2f}") + "<br>" if result.discount else "")
        self.result.setText(paid + self.words.visit_html(result, self._name))
        sounds.scan_result(self.store, sounds.OK)
        announce(Area.POINTS)  # balances, levels, visits
        self.recorded.emit(self.member_id, result.points)
        # Ready for the next customer: the finder takes the next scan.
        self.member_id = None
        self.finder.clear()
        self.matches.clear()
        self.amount.clear()
        self.remark.clear()
        self.chosen.setText("")
        self._fill_coupons()
        self.finder.setFocus()
        self._update_buttons()
        return True


def _html(text: str) -> str:
    import html

    return html.escape(text)
