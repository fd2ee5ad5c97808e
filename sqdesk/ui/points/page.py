"""The Points page: the store's recent ledger entries, monthly totals, points expiring soon,
the rewards catalog and the earning rules (with a worked example)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons, ledger, points_view, rewards, shop_settings
from sqdesk.core.parsing import parse_date
from sqdesk.core.points_rules import EXPIRY_POLICIES, EarningRules, visit_awards
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.coupons.boards_tab import BoardsTab
from sqdesk.ui.coupons.types_tab import CouponTypesTab
from sqdesk.ui.manager_mode import require
from sqdesk.ui.points.words import PointsWords
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, date_picker, fill_table, make_table

KINDS = ("earn", "redeem", "adjust", "expire", "reverse")


class PointsPage(QWidget):
    openMember = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointsPage")
        self.store = store
        self.words = PointsWords(self)
        self.header = PageHeader(self.tr("Points"), parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._entries_tab(), self.tr("Recent Entries"))
        self.tabs.addTab(self._totals_tab(), self.tr("Monthly Totals"))
        self.tabs.addTab(self._expiring_tab(), self.tr("Expiring Soon"))
        self.tabs.addTab(self._rewards_tab(), self.tr("Rewards"))
        self.tabs.addTab(self._levels_tab(), self.tr("Levels"))
        self.tabs.addTab(self._rules_tab(), self.tr("Earning Rules"))
        self.coupon_types = CouponTypesTab(store, self)
        self.tabs.addTab(self.coupon_types, self.tr("Coupons"))
        self.boards = BoardsTab(store, self)
        self.tabs.addTab(self.boards, self.tr("Leaderboards"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        follow(self, {Area.POINTS, Area.MEMBERS, Area.DAY}, self.refresh, fill_when_shown=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def set_store(self, store: Store) -> None:
        self.store = store
        self.coupon_types.store = store
        self.boards.store = store
        self._load_rules()
        self.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentIndex()
        (self.load_entries, self.load_totals, self.load_expiring, self.load_rewards,
         self.load_levels, self._load_rules, self.coupon_types.refresh,
         self.boards.refresh)[current]()  # fmt: skip

    # --- recent entries ------------------------------------------------------------------

    def _entries_tab(self) -> QWidget:
        tab = QWidget(self)
        self.kind = QComboBox(tab)
        self.kind.addItem(self.tr("All kinds"), None)
        for k in KINDS:
            self.kind.addItem(self.words.kind(k), k)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-1), tab)
        self.until = QDateEdit(today, tab)
        for d in (self.since, self.until):
            date_picker(d)
            d.setDisplayFormat("yyyy-MM-dd")
        self.member_filter = QLineEdit(tab)
        self.member_filter.setPlaceholderText(self.tr("member: name, pinyin, code, mobile tail"))
        self.entries = make_table(tab, [self.tr("When"), self.tr("Member"), self.tr("What"),
                                    self.tr("Points"), self.tr("Why")], 4)  # fmt: skip
        self.entries.setColumnWidth(0, 145)
        self.entries.setColumnWidth(1, 160)
        self.entries.itemDoubleClicked.connect(
            lambda item: self.openMember.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self._entries_timer = QTimer(self, singleShot=True, interval=150)
        self._entries_timer.timeout.connect(self.load_entries)
        self.kind.currentIndexChanged.connect(self._entries_timer.start)
        self.since.dateChanged.connect(self._entries_timer.start)
        self.until.dateChanged.connect(self._entries_timer.start)
        self.member_filter.textChanged.connect(self._entries_timer.start)
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(QLabel(self.tr("from"), tab))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), tab))
        bar.addWidget(self.until)
        bar.addWidget(self.member_filter, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.entries, 1)
        return tab

    def load_entries(self) -> None:
        rows = points_view.recent_entries(
            self.store, kind=self.kind.currentData(), since=self.since.date().toPython(),
            until=self.until.date().toPython(), member_text=self.member_filter.text(),
        )  # fmt: skip
        fill_table(self.entries, [
            (e.at.astimezone().strftime("%Y-%m-%d %H:%M"), f"{e.code} {e.name}",
             self.words.kind(e.kind), f"{e.amount:+,}",
             self.words.entry_reason(e.kind, e.reason, e.source_key))
            for e in rows
        ], numeric={3})  # fmt: skip
        for r, e in enumerate(rows):
            for c in range(self.entries.columnCount()):
                self.entries.item(r, c).setData(Qt.ItemDataRole.UserRole, e.member_id)

    # --- monthly totals ------------------------------------------------------------------

    def _totals_tab(self) -> QWidget:
        tab = QWidget(self)
        self.totals = make_table(tab, [self.tr("Month"), self.tr("Issued"), self.tr("Redeemed"),
                                   self.tr("Expired"), self.tr("Adjusted")], 0)  # fmt: skip
        QVBoxLayout(tab).addWidget(self.totals)
        return tab

    def load_totals(self) -> None:
        rows = list(reversed(points_view.monthly_totals(self.store)))
        fill_table(self.totals, [(m.month, f"{m.issued:,}", f"{m.redeemed:,}", f"{m.expired:,}",
                             f"{m.adjusted:+,}") for m in rows], numeric={1, 2, 3, 4})  # fmt: skip

    # --- expiring ------------------------------------------------------------------------

    def _expiring_tab(self) -> QWidget:
        tab = QWidget(self)
        self.expiring_note = QLabel(tab)
        self.expiring = make_table(tab, [self.tr("Expires on"), self.tr("Code"), self.tr("Member"),
                                     self.tr("Points")], 2)  # fmt: skip
        self.expiring.itemDoubleClicked.connect(
            lambda item: self.openMember.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(self.expiring_note)
        layout.addWidget(self.expiring, 1)
        return tab

    def load_expiring(self) -> None:
        batches = ledger.expiring_within(self.store, days=30)
        self.expiring_note.setText(
            self.tr("%n batch(es) of points expire within 30 days. Remind these members.", "",
                    len(batches))
        )  # fmt: skip
        fill_table(self.expiring, [(b.expires_on.isoformat(), b.code, b.name, f"{b.points:,}")
                              for b in batches], numeric={3})  # fmt: skip
        for r, b in enumerate(batches):
            for c in range(4):
                self.expiring.item(r, c).setData(Qt.ItemDataRole.UserRole, b.member_id)

    # --- rewards -------------------------------------------------------------------------

    def _rewards_tab(self) -> QWidget:
        tab = QWidget(self)
        self.rewards = make_table(tab, [self.tr("Reward"), self.tr("Points"), self.tr("Stock"),
                                    self.tr("Available")], 0)  # fmt: skip
        self.reward_name = QLineEdit(tab)
        self.reward_name.setPlaceholderText(self.tr("e.g. 美式咖啡一杯"))
        self.reward_cost = QSpinBox(tab)
        self.reward_cost.setRange(1, 1_000_000)
        self.reward_cost.setValue(100)
        self.reward_stock = QSpinBox(tab)
        self.reward_stock.setRange(-1, 1_000_000)
        self.reward_stock.setSpecialValueText(self.tr("unlimited"))
        self.reward_stock.setValue(-1)
        self.reward_from = QLineEdit(tab)
        self.reward_from.setPlaceholderText(self.tr("from (optional)"))
        self.reward_to = QLineEdit(tab)
        self.reward_to.setPlaceholderText(self.tr("until (optional)"))
        # Points exchanged for a coupon: the reward issues one (the types: the Coupons tab).
        self.reward_coupon = QComboBox(tab)
        self.reward_coupon.setObjectName("rewardCoupon")
        self.add_reward_button = QPushButton(self.tr("Add Reward"), tab)
        self.add_reward_button.clicked.connect(self.add_reward)
        self.reward_message = QLabel(tab)
        form = QHBoxLayout()
        for w in (self.reward_name, self.reward_cost, self.reward_stock, self.reward_from,
                  self.reward_to, self.reward_coupon, self.add_reward_button):  # fmt: skip
            form.addWidget(w, 1 if w is self.reward_name else 0)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.rewards, 1)
        layout.addLayout(form)
        layout.addWidget(self.reward_message)
        return tab

    def load_rewards(self) -> None:
        types = {t.id: t.name for t in coupons.types(self.store, include_inactive=True)}
        chosen = self.reward_coupon.currentData()
        self.reward_coupon.clear()
        self.reward_coupon.addItem(self.tr("Not a coupon"), None)
        for type_id, name in types.items():
            self.reward_coupon.addItem(self.tr("Gives: %1").replace("%1", name), type_id)
        self.reward_coupon.setCurrentIndex(max(0, self.reward_coupon.findData(chosen)))
        rows = []
        for r in rewards.list_rewards(self.store):
            span = "–".join(d.isoformat() for d in (r.active_from, r.active_to) if d)
            name = r.name + (f" 🎫 {types[r.coupon_type_id]}" if r.coupon_type_id in types
                             else "")  # fmt: skip
            rows.append((name, f"{r.cost:,}",
                         self.tr("unlimited") if r.stock is None else str(r.stock),
                         span or self.tr("always")))  # fmt: skip
        fill_table(self.rewards, rows, numeric={1, 2})
        self.add_reward_button.setEnabled(not self.store.read_only)

    def add_reward(self) -> bool:
        stock = self.reward_stock.value()
        try:
            active_from = parse_date(self.reward_from.text())
            active_to = parse_date(self.reward_to.text())
        except ValueError:
            self.reward_message.setText(
                self.words.error_html(self.tr("Write dates like 2026-12-01, or leave them empty."))
            )
            return False
        try:
            rewards.add_reward(self.store, name=self.reward_name.text(),
                               cost=self.reward_cost.value(),
                               stock=None if stock < 0 else stock, active_from=active_from,
                               active_to=active_to,
                               coupon_type_id=self.reward_coupon.currentData())  # fmt: skip
        except ledger.PointsError as exc:
            self.reward_message.setText(self.words.error_html(refusal_text(exc)))
            return False
        self.reward_message.setText("")
        for w in (self.reward_name, self.reward_from, self.reward_to):
            w.clear()
        announce(Area.POINTS)
        return True

    # --- levels --------------------------------------------------------------------------

    def _levels_tab(self) -> QWidget:
        tab = QWidget(self)
        self.levels = make_table(tab, [self.tr("Level"), self.tr("Starts at"), self.tr("Members"),
                                   self.tr("Benefits")], 3)  # fmt: skip
        self.level_name = QLineEdit(tab)
        self.level_name.setPlaceholderText(self.tr("e.g. 金卡会员"))
        self.level_threshold = QSpinBox(tab)
        self.level_threshold.setRange(0, 100_000_000)
        self.level_benefits = QLineEdit(tab)
        self.level_benefits.setPlaceholderText(self.tr("benefits, e.g. 每月一张免费升杯券"))
        self.add_level_button = QPushButton(self.tr("Add Level"), tab)
        self.add_level_button.clicked.connect(
            lambda: require(self, self.store, self.add_level))  # levels are the manager's
        self.level_message = QLabel(tab)
        self.upgrades_title = QLabel(tab)
        self.upgrades = make_table(tab, [self.tr("When"), self.tr("Member"), self.tr("From level"),
                                     self.tr("To level")], 1)  # fmt: skip
        self.upgrades.itemDoubleClicked.connect(
            lambda item: self.openMember.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        form = QHBoxLayout()
        form.addWidget(self.level_name, 1)
        form.addWidget(self.level_threshold)
        form.addWidget(self.level_benefits, 2)
        form.addWidget(self.add_level_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.levels, 1)
        layout.addLayout(form)
        layout.addWidget(self.level_message)
        layout.addWidget(self.upgrades_title)
        layout.addWidget(self.upgrades, 1)
        return tab

    def load_levels(self) -> None:
        counts = rewards.level_counts(self.store)
        spend = ledger.rules(self.store).level_basis == "spend"
        unit = self.tr("¥%1 spent") if spend else self.tr("%1 points")
        levels = rewards.list_levels(self.store)
        fill_table(self.levels, [
            (lv.name, unit.replace("%1", f"{lv.threshold / 100:,.0f}" if spend else
                                   f"{lv.threshold:,}"),
             f"{counts.get(lv.id, 0):,}", lv.benefits)
            for lv in levels
        ], numeric={1, 2})  # fmt: skip
        ups = rewards.recent_upgrades(self.store)
        self.upgrades_title.setText(
            self.tr("%n member(s) moved up in the last 30 days: send them a congratulation.",
                    "", len(ups))
        )  # fmt: skip
        fill_table(self.upgrades, [(u.at.astimezone().strftime("%Y-%m-%d"), f"{u.code} {u.name}",
                               u.from_level or "—", u.to_level) for u in ups])  # fmt: skip
        for r, u in enumerate(ups):
            for c in range(4):
                self.upgrades.item(r, c).setData(Qt.ItemDataRole.UserRole, u.member_id)
        self.add_level_button.setEnabled(not self.store.read_only)

    def add_level(self) -> bool:
        try:
            rewards.add_level(self.store, name=self.level_name.text(),
                              threshold=self.level_threshold.value(),
                              benefits=self.level_benefits.text().strip())  # fmt: skip
        except ledger.PointsError as exc:
            self.level_message.setText(self.words.error_html(refusal_text(exc)))
            return False
        self.level_message.setText("")
        self.level_name.clear()
        self.level_benefits.clear()
        announce(Area.POINTS, Area.MEMBERS)  # members may move to the new level
        return True

    # --- rules ---------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        tab = QWidget(self)
        self.ppy = QSpinBox(tab)
        self.ppy.setRange(0, 100)
        # Days of the month, as Settings takes them ("8", "8, 18"; empty: none).
        self.member_day = QLineEdit(tab)
        self.member_day.setPlaceholderText(self.tr("e.g. 8, or 8, 18; empty: no member day"))
        self.member_day.textChanged.connect(self._show_example)
        self.member_mult = QSpinBox(tab)
        self.member_mult.setRange(1, 10)
        self.birthday_mult = QSpinBox(tab)
        self.birthday_mult.setRange(1, 10)
        self.first_bonus = QSpinBox(tab)
        self.first_bonus.setRange(0, 100_000)
        self.referral_bonus = QSpinBox(tab)
        self.referral_bonus.setRange(0, 100_000)
        self.streak_days = QSpinBox(tab)
        self.streak_days.setRange(2, 60)
        self.streak_bonus = QSpinBox(tab)
        self.streak_bonus.setRange(0, 100_000)
        self.activity_points = QSpinBox(tab)
        self.activity_points.setRange(0, 100_000)
        self.expiry = QComboBox(tab)
        labels = {"12_months": self.tr("12 months after they are earned"),
                  "end_of_next_year": self.tr("at the end of the following year"),
                  "never": self.tr("never")}  # fmt: skip
        for policy in EXPIRY_POLICIES:
            self.expiry.addItem(labels[policy], policy)
        self.basis = QComboBox(tab)
        self.basis.addItem(self.tr("points earned in the last 12 months"), "points")
        self.basis.addItem(self.tr("spend in the last 12 months (cents)"), "spend")
        self.example = QLabel(tab)
        self.example.setObjectName("rulesExample")
        self.example.setWordWrap(True)
        self.save_rules_button = QPushButton(self.tr("Save Rules"), tab)
        self.save_rules_button.clicked.connect(
            lambda: require(self, self.store, self.save_rules))  # so are the earning rules
        self.rules_message = QLabel(tab)
        form = QFormLayout()
        form.addRow(self.tr("Points per yuan (rounded down)"), self.ppy)
        form.addRow(self.tr("Member day (day of the month)"), self.member_day)
        form.addRow(self.tr("Member day multiplier"), self.member_mult)
        form.addRow(self.tr("Birthday month multiplier"), self.birthday_mult)
        form.addRow(self.tr("First visit bonus"), self.first_bonus)
        form.addRow(self.tr("Referral bonus (to the referrer)"), self.referral_bonus)
        form.addRow(self.tr("Check-in streak: days"), self.streak_days)
        form.addRow(self.tr("Check-in streak: bonus"), self.streak_bonus)
        form.addRow(self.tr("Points for taking part in an activity"), self.activity_points)
        form.addRow(self.tr("Points expire"), self.expiry)
        form.addRow(self.tr("Levels go by"), self.basis)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.example)
        layout.addWidget(self.save_rules_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.rules_message)
        layout.addStretch(1)
        for w in (self.ppy, self.member_mult, self.birthday_mult,
                  self.first_bonus, self.referral_bonus, self.streak_days, self.streak_bonus,
                  self.activity_points):  # fmt: skip
            w.valueChanged.connect(self._show_example)
        self._load_rules()
        return tab

    def _load_rules(self) -> None:
        r = ledger.rules(self.store)
        self.ppy.setValue(r.points_per_yuan)
        self.member_day.setText(", ".join(str(d) for d in r.member_days))
        self.member_mult.setValue(r.member_day_multiplier)
        self.birthday_mult.setValue(r.birthday_month_multiplier)
        self.first_bonus.setValue(r.first_visit_bonus)
        self.referral_bonus.setValue(r.referral_bonus)
        self.streak_days.setValue(r.checkin_streak_days)
        self.streak_bonus.setValue(r.checkin_streak_bonus)
        self.activity_points.setValue(r.activity_points)
        self.expiry.setCurrentIndex(max(0, self.expiry.findData(r.expiry_policy)))
        self.basis.setCurrentIndex(max(0, self.basis.findData(r.level_basis)))
        self.save_rules_button.setEnabled(not self.store.read_only)
        self._show_example()

    def rules(self) -> EarningRules:
        try:
            days = self._member_days()
        except shop_settings.SettingsError:
            days = ledger.rules(self.store).member_days  # refused when saved (save_rules)
        return EarningRules(
            points_per_yuan=self.ppy.value(),
            member_days=days,
            member_day_multiplier=self.member_mult.value(),
            birthday_month_multiplier=self.birthday_mult.value(),
            first_visit_bonus=self.first_bonus.value(),
            referral_bonus=self.referral_bonus.value(),
            checkin_streak_days=self.streak_days.value(),
            checkin_streak_bonus=self.streak_bonus.value(),
            activity_points=self.activity_points.value(),
            expiry_policy=self.expiry.currentData(),
            level_basis=self.basis.currentData(),
        )

    def _member_days(self) -> tuple[int, ...]:
        key = "points.member_days"
        return shop_settings.check(key, shop_settings.parse(key, self.member_day.text()))

    def _show_example(self) -> None:
        rules = self.rules()
        day = date(2026, 5, rules.member_days[0]) if rules.member_days else date(2026, 5, 20)
        awards = visit_awards(3850, day, birthday=None, first_visit=True, rules=rules)
        parts = " + ".join(f"{a.points} ({self.words.award(a)})" for a in awards) or "0"
        lines = [
            self.tr("Example: a new member spends ¥38.50 on %1 → %2 = <b>%3 points</b>.")
            .replace("%1", day.isoformat()).replace("%2", parts)
            .replace("%3", str(sum(a.points for a in awards))),
            self.tr("The member who brought them gets %1 points on that first purchase.")
            .replace("%1", str(rules.referral_bonus)),
            self.tr("Checking in %1 days in a row pays %2 points; taking part in an activity "
                    "pays %3.").replace("%1", str(rules.checkin_streak_days))
            .replace("%2", str(rules.checkin_streak_bonus))
            .replace("%3", str(rules.activity_points)),
        ]  # fmt: skip
        self.example.setText("<br>".join(lines))

    def save_rules(self) -> bool:
        try:
            self._member_days()
            ledger.save_rules(self.store, self.rules())
        except (ledger.PointsError, shop_settings.SettingsError) as exc:
            self.rules_message.setText(self.words.error_html(refusal_text(exc)))
            return False
        self.rules_message.setText(self.tr("Saved. New visits earn by these rules."))
        announce(Area.POINTS)
        return True
