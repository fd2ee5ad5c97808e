"""Personal messages one by one: each member's message rendered for them, "Copy and next"
(Ctrl+Enter) to paste it into their chat and move on, Skip, Back, and Stop to carry on
later (the run is stored: see sqdesk.core.post_runs). "With each message" picks a coupon
that copying issues to that member; the preview already lists it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons, members, post_runs, post_values, posts
from sqdesk.core.coupons import CouponError
from sqdesk.core.post_render import RenderError, render
from sqdesk.core.posts import PostError
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.posts.bubble import ChatBubble
from sqdesk.ui.posts.words import PostWords, copy_post
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import warn


class RunDialog(QDialog):

    def __init__(self, store: Store, run_id: int, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("runDialog")
        self.store = store
        self.run_id = run_id
        self.today = today or date.today()
        self.words = PostWords(self)
        self.info = post_runs.run(store, run_id)
        self.template = next((t for t in posts.list_templates(store)
                              if t.id == self.info.template_id), None)  # fmt: skip
        self.steps = post_runs.steps(store, run_id)
        self.setWindowTitle(self.tr("Send One by One"))

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(1, len(self.steps)))
        self.progress.setFormat(self.tr("%v of %m done"))
        self.who = QLabel(self)
        self.who.setObjectName("runMember")
        self.who.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.bubble = ChatBubble(self)
        self.bubble.setMinimumHeight(150)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.coupon_box = QComboBox(self)
        self.coupon_box.setObjectName("runCoupon")
        self.coupon_box.addItem(self.tr("No coupon"), None)
        for t in coupons.types(store):
            self.coupon_box.addItem(t.name, t.id)
        self.coupon_box.setCurrentIndex(max(0, self.coupon_box.findData(self.info.coupon_type_id)))
        self.coupon_box.setEnabled(not store.read_only)
        self.coupon_box.setToolTip(self.tr("Copying a member's message gives them this coupon "
                                           "(not when skipped); {{ 优惠券 }} lists it"))
        self.coupon_box.currentIndexChanged.connect(self._coupon_changed)
        self.coupon_line = QLabel(self)
        self.coupon_line.setObjectName("runCouponLine")
        self.coupon_line.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.skip_button.setToolTip(self.tr("Not this member (they stay unsent)"))
        self.skip_button.clicked.connect(self.skip)
        self.stop_button = QPushButton(self.tr("Stop for Now"), self)
        self.stop_button.setToolTip(self.tr("Carry on later from the Posts page"))
        self.stop_button.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("Copy and Next (Ctrl+Enter)"), self)
        self.next_button.setObjectName("copyAndNext")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.copy_and_next)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.copy_and_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        with_coupon = QHBoxLayout()
        with_coupon.addWidget(QLabel(self.tr("With each message:"), self))
        with_coupon.addWidget(self.coupon_box, 1)
        layout.addLayout(with_coupon)
        layout.addWidget(self.who)
        layout.addWidget(self.bubble, 1)
        layout.addWidget(self.coupon_line)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.resize(460, 440)
        title = self.info.title or self.tr("%n member(s)", "", len(self.steps))
        self.heading.setText(f"<b>{self.info.template_name}</b> · {title}")
        self.rows = members.rows(store, [st.member_id for st in self.steps])
        self._text = ""
        start = post_runs.resume_position(self.steps)
        positions = [st.position for st in self.steps]
        self.go(positions.index(start) if start in positions else len(self.steps))

    # --- moving through the list -----------------------------------------------------------

    def _done_count(self) -> int:
        return sum(1 for st in self.steps if st.state)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps)))
        self.progress.setValue(self._done_count())
        self.back_button.setEnabled(self.index > 0)
        if self.index >= len(self.steps) or self.template is None:
            self._finished()
            return
        step = self.steps[self.index]
        row = self.rows.get(step.member_id)
        name = (row.nickname or row.name) if row else "?"
        # What finds their chat in WeChat: the name, and the WeChat ID when recorded.
        bits = [name, row.code if row else ""] + ([row.wechat_id] if row and row.wechat_id else [])
        self.who.setText(self.tr("%1 of %2: %3").replace("%1", str(self.index + 1)).replace(
            "%2", str(len(self.steps))).replace("%3", "  ·  ".join(bits)))  # fmt: skip
        state = {post_runs.COPIED: self.tr("Already copied for this member."),
                 post_runs.SKIPPED: self.tr("Skipped before.")}.get(step.state, "")  # fmt: skip
        self.state.setText(state)
        self._text = self._render(step, self._show_coupon(step))
        self.bubble.setText(self._text)
        for b in (self.skip_button, self.next_button):
            b.setEnabled(bool(self._text))

    def _show_coupon(self, step: post_runs.Step) -> post_runs.PlannedCoupon | None:
        """Say what coupon copying gives (or why none); return the one the preview lists."""
        planned = post_runs.planned_coupon(self.store, self.run_id, step.position)
        if step.coupon_id is not None:
            code = coupons.get(self.store, step.coupon_id).code
            self.coupon_line.setText(self.tr("🎟 Given with this message: coupon %1.")
                                     .replace("%1", code))  # fmt: skip
        elif planned is None:
            self.coupon_line.setText("")
        elif planned.refusal is not None:
            self.coupon_line.setText(self.tr("🎟 No %1 this time: %2").replace(
                "%1", planned.name).replace("%2", refusal_text(planned.refusal)))  # fmt: skip
            return None
        else:
            self.coupon_line.setText(self.tr("🎟 Copying gives them %1, valid until %2.")
                                     .replace("%1", planned.name)
                                     .replace("%2", planned.last_day.isoformat()))  # fmt: skip
        return planned

    def _render(self, step: post_runs.Step, planned: post_runs.PlannedCoupon | None) -> str:
        coupon = (planned.last_day, planned.name) if planned is not None else None
        values = post_values.values_for(self.store, member_id=step.member_id, today=self.today,
                                        planned_coupon=coupon)  # fmt: skip
        try:
            return render(self.template.body, values)
        except RenderError as exc:
            self.state.setText(self.words.problems(exc.problems))
            return ""

    def _coupon_changed(self) -> None:
        try:
            post_runs.set_coupon(self.store, self.run_id, self.coupon_box.currentData())
        except (CouponError, PostError) as exc:
            warn(self, self.windowTitle(), refusal_text(exc))
            self.coupon_box.blockSignals(True)
            self.coupon_box.setCurrentIndex(0)
            self.coupon_box.blockSignals(False)
            post_runs.set_coupon(self.store, self.run_id, None)
        announce(Area.POSTS)
        self.go(self.index)

    def _give_coupon(self, step: post_runs.Step) -> post_runs.Step:
        """Issue the step's coupon before its message is copied; the text is rendered again
        with it held (as the preview showed). A refusal sends the message without one."""
        try:
            coupon_id = post_runs.give_coupon(self.store, self.run_id, step.position)
        except CouponError:
            coupon_id = None
        if coupon_id is not None and coupon_id != step.coupon_id:
            announce(Area.POINTS, Area.MEMBERS)
            step = post_runs.Step(step.position, step.member_id, step.state, coupon_id)
            self.steps[self.index] = step
            self._text = self._render(step, None) or self._text
        return step

    def _finished(self) -> None:
        self.coupon_line.setText("")
        self._text = ""
        info = post_runs.run(self.store, self.run_id)
        if self.template is None:
            self.who.setText(self.tr("The template of this list was deleted."))
        else:
            self.who.setText(self.tr("All done: %1 copied, %2 skipped.").replace(
                "%1", str(info.copied if info else 0)).replace(
                "%2", str(info.skipped if info else 0)))  # fmt: skip
        self.bubble.setText("")
        self.state.setText("")
        self.skip_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.stop_button.setText(self.tr("Close"))

    def _mark(self, state: str) -> None:
        step = self.steps[self.index]
        row = self.rows.get(step.member_id)
        label = (row.nickname or row.name) if row else ""
        try:
            if state == post_runs.COPIED:
                if not self.store.read_only:
                    step = self._give_coupon(step)
                copy_post(self, self.store, self.template, self._text,
                          rendered_for=f"member:{step.member_id}", label=label,
                          run=(self.run_id, step.position))  # fmt: skip
            else:
                post_runs.mark(self.store, self.run_id, step.position, state)
                announce(Area.POSTS)  # copy_post announces a copy itself
        except PostError as exc:
            warn(self, self.windowTitle(), refusal_text(exc))
            self.reject()
            return
        self.steps[self.index] = post_runs.Step(step.position, step.member_id, state,
                                                step.coupon_id)  # fmt: skip
        # On to the next one not done yet (or the end).
        later = [i for i in range(self.index + 1, len(self.steps)) if not self.steps[i].state]
        self.go(later[0] if later else len(self.steps))

    def copy_and_next(self) -> None:
        if self._text and self.index < len(self.steps):
            self._mark(post_runs.COPIED)

    def skip(self) -> None:
        if self.index < len(self.steps):
            self._mark(post_runs.SKIPPED)


def start_run(parent: QWidget, store: Store, t: posts.TemplateInfo, member_ids: list[int],
              title: str) -> RunDialog | None:  # fmt: skip
    """Make a run of `t` for these members and open it; a refusal is explained."""
    try:
        run_id = post_runs.start(store, t, member_ids, title=title)
        announce(Area.POSTS)
    except PostError as exc:
        warn(parent, RunWords(parent).title(), refusal_text(exc))
        return None
    return open_run(parent, store, run_id)


def open_run(parent: QWidget, store: Store, run_id: int) -> RunDialog:
    dialog = RunDialog(store, run_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class RunWords(PostWords):
    def title(self) -> str:
        return self.tr("Send One by One")
