"""The member dialog: a member's profile, editable, checked as the user types.

The same dialog adds a new member (Ctrl+N on the roster). Save stays disabled while any
field has a problem; each problem is shown under its field, in plain words.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import (
    awards,
    groups,
    member_edit,
    member_story,
    members,
    posts,
    segments,
    tags,
)
from sqdesk.core.errors import CodedError
from sqdesk.core.member_edit import MemberInput, Problem
from sqdesk.core.parsing import parse_date
from sqdesk.core.store import Store
from sqdesk.ui.cards.print_dialog import CardPrintDialog
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.coupons.give_dialog import GiveCouponDialog
from sqdesk.ui.coupons.member_tab import MemberCouponsPanel
from sqdesk.ui.members.data_requests import DataRequests
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.members.tag_chips import chip_html
from sqdesk.ui.members.timeline_panel import TimelinePanel
from sqdesk.ui.members.visits_panel import VisitsPanel
from sqdesk.ui.members.words import COMMON_SOURCES, MemberWords, describe
from sqdesk.ui.points.member_points import MemberPointsPanel
from sqdesk.ui.posts.copy_dialog import CopyPostDialog, open_copy_dialog
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import date_picker, toast, warn

CHECK_DELAY_MS = 150


class MemberDialog(QDialog):
    saved = Signal(int)  # member id
    openMember = Signal(int)  # the user asked to open another member (a duplicate's link)
    newNote = Signal(int)  # write a note about this member

    def __init__(
        self, store: Store, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.store = store
        self.member_id = member_id
        self.detail = members.detail(store, member_id) if member_id is not None else None
        self.problems: list[Problem] = []
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

        self.header = QLabel(self)
        self.header.setObjectName("memberHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)

        self.name = QLineEdit(self)
        self.nickname = QLineEdit(self)
        self.mobile = QLineEdit(self)
        self.mobile.setPlaceholderText("13800138000")
        self.mobile_foreign = QCheckBox(self.tr("Not mainland"), self)
        self.wechat = QLineEdit(self)
        self.gender = QComboBox(self)
        for value, text in (("", self.tr("Not given")), ("F", self.tr("Female")),
                            ("M", self.tr("Male"))):  # fmt: skip
            self.gender.addItem(text, value)
        self.birthday = QLineEdit(self)
        self.birthday.setPlaceholderText(self.tr("e.g. 1995-08-16"))
        self.birthday_lunar = QCheckBox(self.tr("Lunar birthday"), self)
        self.region = QLineEdit(self)
        self.source = QComboBox(self)
        self.source.setEditable(True)
        self.member_words = MemberWords(self)
        self.source.addItems(["", *(self.member_words.source(k) for k in COMMON_SOURCES)])
        self.referrer = QLineEdit(self)
        self.referrer.setPlaceholderText(self.tr("member code"))
        self.referrer_name = QLabel(self)
        self.joined = QDateEdit(self)
        date_picker(self.joined)
        self.joined.setDisplayFormat("yyyy-MM-dd")
        self.consent = QCheckBox(self.tr("Agreed to be contacted"), self)
        self.consent_scope = QLineEdit(self)
        self.consent_scope.setPlaceholderText(self.tr("e.g. group messages, birthday wishes"))
        self.favourites = QLineEdit(self)
        self.favourites.setPlaceholderText(self.tr("e.g. 桂花乌龙、燕麦拿铁少糖"))
        self.remark = QPlainTextEdit(self)
        self.remark.setFixedHeight(64)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def row(label: str, field_name: str, *widgets: QWidget) -> None:
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            line = QHBoxLayout()
            for w in widgets:
                line.addWidget(w, 1 if isinstance(w, QLineEdit | QComboBox) else 0)
            lay.addLayout(line)
            err = QLabel(box)
            err.setObjectName("fieldError")
            err.setWordWrap(True)
            err.hide()
            err.linkActivated.connect(self._open_link)
            lay.addWidget(err)
            self.errors[field_name] = err
            form.addRow(label, box)

        row(self.tr("Name"), "name", self.name)
        row(self.tr("Nickname"), "nickname", self.nickname)
        row(self.tr("Mobile"), "mobile", self.mobile, self.mobile_foreign)
        row(self.tr("WeChat ID"), "wechat_id", self.wechat)
        row(self.tr("Gender"), "gender", self.gender)
        row(self.tr("Birthday"), "birthday", self.birthday, self.birthday_lunar)
        row(self.tr("Region"), "region", self.region)
        row(self.tr("Source"), "source", self.source)
        row(self.tr("Referred by"), "referrer_id", self.referrer, self.referrer_name)
        row(self.tr("Joined"), "joined_on", self.joined)
        row(self.tr("Consent"), "consent_scope", self.consent, self.consent_scope)
        row(self.tr("Favourites"), "favourites", self.favourites)
        row(self.tr("Remark"), "remark", self.remark)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.archive_button = QPushButton(self)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.archive_button.setVisible(self.detail is not None)  # after addButton shows it
        # The member-level posts (birthday, level-up, points expiring …) rendered for them.
        self.message_button = QPushButton(self.tr("Message"), self)
        self.message_button.setObjectName("memberMessage")
        self.message_button.setToolTip(self.tr("A personal message for this member, filled in "
                                               "and ready to paste in WeChat"))  # fmt: skip
        self.message_button.setMenu(QMenu(self.message_button))
        self.message_button.menu().aboutToShow.connect(self._fill_message_menu)
        self.buttons.addButton(self.message_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.message_button.setVisible(self.detail is not None)
        self.note_button = QPushButton(self.tr("Note…"), self)
        self.note_button.setObjectName("memberNote")
        self.note_button.setToolTip(self.tr("Write down what you learned about this member "
                                            "(Ctrl+J)"))  # fmt: skip
        self.note_button.clicked.connect(lambda: self.newNote.emit(self.member_id))
        self.buttons.addButton(self.note_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.note_button.setVisible(self.detail is not None and not store.read_only)
        self.data_button = QPushButton(self.tr("⋯"), self)
        self.data_button.setObjectName("memberData")
        self.data_button.setToolTip(self.tr("The member's own data: export it, or erase it at "
                                            "their request"))  # fmt: skip
        self.data_button.setVisible(self.detail is not None)
        if self.detail is not None:
            self.data = DataRequests(self, store, self.detail.id, self.detail.code)
            menu = QMenu(self.data_button)
            menu.addAction(self.tr("Export Their Data…"), self.data.ask_export)
            erase = menu.addAction(self.tr("Erase at Their Request…"), self.data.ask_erase)
            erase.setEnabled(not store.read_only and self.detail.erased_at is None)
            self.data_button.setMenu(menu)
        self.buttons.addButton(self.data_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.data_button.setVisible(self.detail is not None)
        self.card_button = QPushButton(self.tr("Print Card…"), self)
        self.card_button.setObjectName("memberCard")
        self.card_button.clicked.connect(self.print_card)
        self.buttons.addButton(self.card_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.card_button.setVisible(self.detail is not None)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        profile = QWidget(self)
        profile.setLayout(form)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("memberTabs")
        self.tabs.addTab(profile, self.tr("Profile"))
        self.points: MemberPointsPanel | None = None
        self.visits: VisitsPanel | None = None
        self.timeline: TimelinePanel | None = None
        self.coupons: MemberCouponsPanel | None = None
        if member_id is not None and self.detail is not None:
            self.points = MemberPointsPanel(store, member_id, self)
            self.tabs.addTab(self.points, self.tr("Points"))
            self.visits = VisitsPanel(store, member_id, self)
            self.tabs.addTab(self.visits, self.tr("Visits"))
            self.coupons = MemberCouponsPanel(store, member_id, self.detail.name
                                              or self.detail.nickname, self)  # fmt: skip
            self.tabs.addTab(self.coupons, self.tr("Coupons"))
            self.timeline = TimelinePanel(store, member_id, self)
            self.tabs.addTab(self.timeline, self.tr("Timeline"))
            # The story line follows new visits and points while the profile is open.
            follow(self, {Area.POINTS}, self._show_header)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(680 if self.points else 520, 0)

        self._fill()
        if store.read_only:
            self._make_read_only()
        for w in (self.name, self.nickname, self.mobile, self.wechat, self.birthday,
                  self.region, self.referrer, self.consent_scope, self.favourites):  # fmt: skip
            w.textChanged.connect(self._check_timer.start)
        self.source.currentTextChanged.connect(self._check_timer.start)
        self.remark.textChanged.connect(self._check_timer.start)
        self.gender.currentIndexChanged.connect(self._check_timer.start)
        self.joined.dateChanged.connect(self._check_timer.start)
        for box in (self.mobile_foreign, self.birthday_lunar, self.consent):
            box.toggled.connect(self._check_timer.start)
        self.check_now()

    def _make_read_only(self) -> None:
        for w in (self.name, self.nickname, self.mobile, self.wechat, self.birthday, self.region,
                  self.referrer, self.consent_scope, self.favourites):  # fmt: skip
            w.setReadOnly(True)
        self.remark.setReadOnly(True)
        for w in (self.gender, self.source, self.joined, self.mobile_foreign,
                  self.birthday_lunar, self.consent):  # fmt: skip
            w.setEnabled(False)
        self.save_button.hide()
        self.archive_button.hide()

    # --- filling and reading ------------------------------------------------------------

    def _fill(self) -> None:
        d = self.detail
        if d is None:
            self.setWindowTitle(self.tr("New Member"))
            self.header.setText(self.tr("A member code is given when you save."))
            self.joined.setDate(QDate.currentDate())
            self.consent.setChecked(True)
            return
        self.setWindowTitle(self.tr("Member %1 %2").replace("%1", d.code).replace(
            "%2", d.name or d.nickname))  # fmt: skip
        self._show_header()
        self.name.setText(d.name)
        self.nickname.setText(d.nickname)
        self.mobile.setText(d.mobile)
        self.mobile_foreign.setChecked(d.mobile_foreign)
        self.wechat.setText(d.wechat_id)
        self.gender.setCurrentIndex(max(0, self.gender.findData(d.gender)))
        self.birthday.setText(d.birthday.isoformat() if d.birthday else "")
        self.birthday_lunar.setChecked(d.birthday_lunar)
        self.region.setText(d.region)
        self.source.setCurrentText(self.member_words.source(d.source))
        self.referrer.setText(d.referrer_code)
        self.joined.setDate(QDate(d.joined_on.year, d.joined_on.month, d.joined_on.day))
        self.consent.setChecked(d.consent_at is not None)
        self.consent_scope.setText(d.consent_scope)
        self.favourites.setText(d.favourites)
        self.remark.setPlainText(d.remark)
        self.archive_button.setText(self.tr("Restore") if d.archived else self.tr("Archive"))

    def _show_header(self) -> None:
        """The name, code, the member's story, segments, tags and groups, above the tabs."""
        d = self.detail
        if d is None:
            return
        status = self.tr("archived") if d.archived else ""
        referred = self.tr("referred %n member(s)", "", d.referred_count)
        code = self.tr("Code %1").replace("%1", d.code)
        words = SegmentWords(self)
        # Segments put there by the same facts share them (dormant and lapsed are both "last
        # visit on ..., N days ago"): the facts once, after both names.
        by_reason: dict[str, list[str]] = {}
        for why in segments.explain(self.store, d.id):
            by_reason.setdefault(words.why(why.segment, why.values), []).append(
                words.name(why.segment))  # fmt: skip
        with_facts = self.tr("%1 (%2)")  # names and the facts: full-width brackets in Chinese
        layers = [with_facts.replace("%1", " · ".join(names)).replace("%2", reason) if reason
                  else " · ".join(names) for reason, names in by_reason.items()]  # fmt: skip
        member_tags = [(t.name, t.color) for t in tags.tags_of(self.store, d.id)]
        in_groups = [s.group for s in groups.stays(self.store, member_id=d.id, current_only=True)]
        extra = ""
        if layers:
            extra += "<br>" + self.tr("Segments: %1").replace("%1", _html(" · ".join(layers)))
        if member_tags:
            extra += "<br>" + self.tr("Tags: %1").replace("%1", chip_html(member_tags))
        if in_groups:
            extra += "<br>" + self.tr("WeChat groups: %1").replace(
                "%1", _html(" · ".join(in_groups)))  # fmt: skip
        self.header.setText(
            f"<b style='font-size:18px'>{_html(d.name or d.nickname)}</b>"
            f"&nbsp;&nbsp;<span style='color:#6c7166'>{code} · {referred} {status}</span>"
            f"<br><span style='color:#2f6f4f'>{self.story_text()}</span>"
            f"<span style='color:#4a4f45'>{extra}</span>"
        )

    def story_text(self) -> str:
        """The member at a glance: the last visit, visits and spend lately, points, level
        and favourite (HTML, escaped)."""
        d = self.detail
        st = member_story.story(self.store, d.id)
        today = date.today()
        if st.last_visit is None:
            last = self.tr("No visits yet")
        else:
            ago = (today - st.last_visit).days
            when = (self.tr("today") if ago == 0 else
                    self.tr("%n day(s) ago", "", ago))  # fmt: skip
            last = self.tr("Last visit %1 (%2)").replace("%1", st.last_visit.isoformat()) \
                .replace("%2", when)

        def money(cents: int) -> str:
            return f"¥{cents / 100:,.2f}".removesuffix(".00")

        lately = self.tr("30 days: %n visit(s), %1", "", st.visits_30).replace(
            "%1", money(st.spend_30))
        year = self.tr("12 months: %n visit(s), %1", "", st.visits_365).replace(
            "%1", money(st.spend_365))
        points = self.tr("%1 points · %2").replace("%1", f"{st.balance:,}").replace(
            "%2", st.level or self.tr("no level"))
        parts = [last, lately, year, points]
        if d.favourites:
            parts.append(self.tr("Favourite: %1").replace("%1", d.favourites))
        return " · ".join(_html(p) for p in parts)

    def read_input(self) -> tuple[MemberInput, list[Problem]]:
        """What the form says, plus the problems only the form can see (unparsable text)."""
        local: list[Problem] = []
        try:
            birthday = parse_date(self.birthday.text())
        except ValueError:
            birthday = None
            local.append(Problem("birthday", "not_a_date"))
        referrer_id = None
        code = self.referrer.text().strip()
        self.referrer_name.setText("")
        if code:
            referrer_id = members.find_by_code(self.store, code)
            if referrer_id is None:
                local.append(Problem("referrer_id", "referrer_missing"))
            else:
                found = members.detail(self.store, referrer_id)
                self.referrer_name.setText(found.name or found.nickname if found else "")
        qd = self.joined.date()
        data = MemberInput(
            name=self.name.text(),
            nickname=self.nickname.text(),
            mobile=self.mobile.text(),
            mobile_foreign=self.mobile_foreign.isChecked(),
            wechat_id=self.wechat.text(),
            gender=self.gender.currentData(),
            birthday=birthday,
            birthday_lunar=self.birthday_lunar.isChecked(),
            region=self.region.text(),
            source=self.member_words.source_key(self.source.currentText().strip()),
            referrer_id=referrer_id,
            joined_on=date(qd.year(), qd.month(), qd.day()),
            consent=self.consent.isChecked(),
            consent_scope=self.consent_scope.text(),
            remark=self.remark.toPlainText(),
            favourites=self.favourites.text(),
        )
        return data, local

    # --- checking and saving ------------------------------------------------------------

    def check_now(self) -> list[Problem]:
        data, local = self.read_input()
        found = member_edit.validate(self.store, data, member_id=self.member_id)
        self.problems = local + [p for p in found if p.field not in {q.field for q in local}]
        by_field: dict[str, list[str]] = {}
        for p in self.problems:
            by_field.setdefault(p.field, []).append(self._describe(p))
        for name, label in self.errors.items():
            texts = by_field.get(name, [])
            label.setText("<br>".join(texts))
            label.setVisible(bool(texts))
        self.save_button.setEnabled(not self.problems and not self.store.read_only)
        return self.problems

    def _describe(self, p: Problem) -> str:
        text = _html(describe(p))
        if p.code == "mobile_taken":
            text += f" <a href='member:{p.values['member_id']}'>{self.tr('Open')}</a>"
        return text

    def _open_link(self, link: str) -> None:
        if link.startswith("member:"):
            self.openMember.emit(int(link.split(":", 1)[1]))

    def save(self) -> bool:
        if self.store.read_only or self.check_now():
            return False
        data, _ = self.read_input()
        try:
            if self.member_id is None:
                self.member_id = member_edit.create(self.store, data)
            else:
                member_edit.change(self.store, self.member_id, data)
        except member_edit.MemberInvalid as exc:
            self.problems = exc.problems
            self.check_now()
            return False
        announce(Area.MEMBERS)
        self.saved.emit(self.member_id)
        self.accept()
        return True

    def toggle_archived(self) -> None:
        if self.detail is None:
            return
        member_edit.set_archived(self.store, [self.detail.id], not self.detail.archived)
        announce(Area.MEMBERS)
        self.accept()

    # --- personal messages -------------------------------------------------------------------

    def quick_award(self, name: str) -> bool:
        """The shop's award for something the member did (晒单, a good review): once a day."""
        if self.member_id is None:
            return False
        try:
            paid = awards.give(self.store, self.member_id, name)
        except CodedError as exc:
            warn(self, self.tr("Quick Award"), refusal_text(exc))
            return False
        if paid:
            announce(Area.POINTS)
            toast(self, self.tr("%1: points paid.").replace("%1", name))
        else:
            toast(self, self.tr("%1 was paid to this member today already.").replace("%1", name))
        return paid

    def give_coupon(self) -> GiveCouponDialog | None:
        if self.member_id is None or self.store.read_only:
            return None
        name = self.detail.name or self.detail.nickname if self.detail else ""
        dialog = GiveCouponDialog(self.store, [self.member_id], name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_card(self) -> CardPrintDialog | None:
        if self.member_id is None:
            return None
        name = self.detail.name or self.detail.nickname if self.detail else ""
        dialog = CardPrintDialog(self.store, [self.member_id], name, self)
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("cr80"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _fill_message_menu(self) -> None:
        menu = self.message_button.menu()
        menu.clear()
        for t in posts.templates_for(self.store, "member"):
            menu.addAction(t.name, lambda tid=t.id: self.open_message(tid))
        if not self.store.read_only:  # a coupon travels with a message: hand one out here
            menu.addSeparator()
            menu.addAction(self.tr("Give a Coupon…"), self.give_coupon)
            quick = menu.addMenu(self.tr("Quick Award"))
            for k in awards.kinds(self.store):
                quick.addAction(f"{k.name} +{k.points}", lambda n=k.name: self.quick_award(n))

    def open_message(self, template_id: int | None = None) -> CopyPostDialog | None:
        if self.detail is None:
            return None
        return open_copy_dialog(self, self.store, posts.templates_for(self.store, "member"),
                                chosen=template_id,
                                about=self.detail.name or self.detail.nickname,
                                member_id=self.member_id)  # fmt: skip


def _html(text: str) -> str:
    return html.escape(text)
