"""The Posts page: the template library, an editor with a placeholder picker and its
problems marked on their line, a preview as WeChat shows it, rendered for a member, an
activity occurrence or a group, and one-click copy (Ctrl+Enter) with today's history."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import activities, groups, members, post_runs, post_values, posts, segments
from sqdesk.core.post_render import PLACEHOLDERS, RenderError, check, render
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.groups.member_picker import MemberPicker
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.posts.bubble import ChatBubble
from sqdesk.ui.posts.readable import TemplateView
from sqdesk.ui.posts.run_dialog import RunDialog, open_run, start_run
from sqdesk.ui.posts.words import PostWords, copy_post
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, warn

TemplateRole = Qt.ItemDataRole.UserRole + 1
CHECK_DELAY_MS = 200


class PostsPage(QWidget):
    status = Signal(str)
    openMembers = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postsPage")
        self.store = store
        self.member_id: int | None = None
        self.header = PageHeader(self.tr("Posts"), parent=self)
        # Filled when first shown. Later changes elsewhere refill only what they touch: the
        # template being edited is never reloaded under the user's hands.
        follow(self, set(), self.refresh, fill_when_shown=True)
        follow(self, {Area.POSTS}, self._copies_changed)
        follow(self, {Area.CALENDAR, Area.GROUPS, Area.MEMBERS, Area.DAY,
                      Area.SHOP}, self._sources_changed)

        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setMinimumWidth(150)
        self.list.currentItemChanged.connect(lambda *_: self._load_current())

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("templateEditor")
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._check_timer.start)
        self.picker = QToolButton(self)
        self.picker.setText(self.tr("Insert Placeholder"))
        self.picker.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.picker)
        for group, names in PLACEHOLDERS.items():
            menu.addSection(self._group_name(group))
            for name, english in names.items():
                a = menu.addAction(name)
                a.setToolTip(english)
                a.triggered.connect(lambda _c=False, n=name: self.insert_placeholder(n))
        self.picker.setMenu(menu)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton(self.tr("Restore Default"), self)
        self.restore_button.clicked.connect(self.restore)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("A template of your own"))
        self.new_button.clicked.connect(self.ask_new)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.clicked.connect(self.ask_delete)
        # The template reads as text with named placeholders; its Jinja text a click away.
        self.template_view = TemplateView(self.editor, self)
        self.edit_button = QPushButton(self.tr("Edit Text"), self)
        self.edit_button.setObjectName("editTemplateText")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self.template_view.set_editing)
        self.template_view.editingChanged.connect(self.edit_button.setChecked)
        edit_bar = QHBoxLayout()
        edit_bar.addWidget(self.edit_button)
        edit_bar.addWidget(self.picker)
        edit_bar.addStretch(1)
        edit_bar.addWidget(self.save_button)
        # Under the text, beside what is wrong with it: the bar above stays narrow enough
        # for an 800-pixel window.
        problem_bar = QHBoxLayout()
        problem_bar.addWidget(self.problem, 1)
        problem_bar.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)

        self.member_button = QPushButton(self.tr("Choose Member…"), self)
        self.member_button.clicked.connect(self.ask_member)
        self.occurrence = QComboBox(self)
        self.group = QComboBox(self)
        for combo in (self.occurrence, self.group):
            combo.currentIndexChanged.connect(self.update_preview)
        self.bubble = ChatBubble(self)
        self.count = QLabel(self)
        self.copy_button = QPushButton(self.tr("Copy (Ctrl+Enter)"), self)
        self.copy_button.setObjectName("copyPost")
        self.copy_button.clicked.connect(self.copy)
        self.send_button = QToolButton(self)
        self.send_button.setObjectName("sendOneByOne")
        self.send_button.setText(self.tr("Send One by One"))
        self.send_button.setToolTip(self.tr("This personal message for each member of a list, "
                                            "one after the other"))  # fmt: skip
        self.send_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.send_button.setMenu(QMenu(self.send_button))
        self.send_button.menu().aboutToShow.connect(self._fill_send_menu)
        self.history = QListWidget(self)
        self.history.setObjectName("copyHistory")
        self.runs = QListWidget(self)
        self.runs.setObjectName("runList")
        self.runs.itemActivated.connect(lambda _i: self.resume_run())  # double-click too
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.resume_button.clicked.connect(self.resume_run)
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.clicked.connect(self.discard_run)
        runs_box = QWidget(self)
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.setContentsMargins(0, 0, 0, 0)
        runs_layout.addWidget(self.runs, 1)
        run_buttons = QHBoxLayout()
        run_buttons.addStretch(1)
        run_buttons.addWidget(self.discard_button)
        run_buttons.addWidget(self.resume_button)
        runs_layout.addLayout(run_buttons)
        self.lists = QTabWidget(self)
        self.lists.setObjectName("postLists")
        self.lists.setMaximumHeight(130)
        self.lists.addTab(self.history, self.tr("Copied today"))
        self.lists.addTab(runs_box, self.tr("Unfinished one by one"))
        form = QFormLayout()
        form.addRow(self.tr("Member"), self.member_button)
        form.addRow(self.tr("Activity"), self.occurrence)
        form.addRow(self.tr("Group"), self.group)
        copy_bar = QHBoxLayout()
        copy_bar.addWidget(self.count, 1)
        copy_bar.addWidget(self.send_button)
        copy_bar.addWidget(self.copy_button)

        editor_side = QWidget(self)
        left = QVBoxLayout(editor_side)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(edit_bar)
        left.addWidget(self.template_view, 1)
        left.addLayout(problem_bar)
        preview_side = QWidget(self)
        right = QVBoxLayout(preview_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(form)
        right.addWidget(self.bubble, 1)
        right.addLayout(copy_bar)
        right.addWidget(self.lists)
        # The editor above its preview: the page fits a 1024-pixel screen beside the menu.
        work = QSplitter(Qt.Orientation.Vertical, self)
        work.addWidget(editor_side)
        work.addWidget(preview_side)
        work.setStretchFactor(1, 2)
        work.setSizes([200, 420])
        # New and Delete sit under the list they change, which keeps the page narrow.
        library = QWidget(self)
        library_layout = QVBoxLayout(library)
        library_layout.setContentsMargins(0, 0, 0, 0)
        library_layout.addWidget(self.list, 1)
        library_buttons = QHBoxLayout()
        library_buttons.addWidget(self.new_button)
        library_buttons.addWidget(self.delete_button)
        library_layout.addLayout(library_buttons)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(library)
        self.splitter.addWidget(work)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        copy_action = QAction(self)
        copy_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_action.triggered.connect(self.copy)
        self.addAction(copy_action)
        self._text = ""
        self._copies: list[posts.CopyInfo] = []
        self.words = PostWords(self)

    def _group_name(self, key: str) -> str:
        names = {"store": self.tr("Shop"), "date": self.tr("Date"), "member": self.tr("Member"),
                 "activity": self.tr("Activity"), "lists": self.tr("Lists")}  # fmt: skip
        return names.get(key, key)

    # --- filling ----------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        self.member_id = None
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        current = self.current()
        self.templates = posts.list_templates(self.store)
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            mark = " ✎" if t.modified else ""
            item = QListWidgetItem(t.name + mark)
            item.setToolTip(
                f"{self.words.category(t.category)} · {self.words.audience(t.audience)}"
            )
            item.setData(TemplateRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        index = next((i for i, t in enumerate(self.templates)
                      if current and t.id == current.id), 0)  # fmt: skip
        self.list.setCurrentRow(index)
        self._fill_sources()
        self._fill_history()
        self._fill_runs()
        self._load_current()

    def _copies_changed(self) -> None:
        self._fill_history()
        self._fill_runs()
        self.update_preview()  # "already copied today"

    def _sources_changed(self) -> None:
        self._fill_sources()
        self.update_preview()

    def _fill_sources(self) -> None:
        """The activity occurrences and groups a post can be rendered for."""
        today = date.today()
        chosen_occurrence, chosen_group = self.occurrence.currentData(), self.group.currentData()
        self.occurrence.blockSignals(True)
        self.occurrence.clear()
        self.occurrence.addItem(self.tr("(none)"), None)
        for o in activities.occurrences(self.store, today - timedelta(days=1),
                                        today + timedelta(days=7)):  # fmt: skip
            if o.category != "daily":
                self.occurrence.addItem(f"{o.day.month}/{o.day.day} {o.title}",
                                        (o.activity_id, o.original_date.toordinal()))  # fmt: skip
        self.occurrence.blockSignals(False)
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("(none)"), None)
        for g in groups.list_groups(self.store):
            self.group.addItem(g.name, g.id)
        self.occurrence.setCurrentIndex(max(0, self.occurrence.findData(chosen_occurrence)))
        self.group.setCurrentIndex(max(0, self.group.findData(chosen_group)))
        self.group.blockSignals(False)

    def current(self) -> posts.TemplateInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((t for t in self.templates if t.id == item.data(TemplateRole)), None)

    def _load_current(self) -> None:
        t = self.current()
        self.editor.blockSignals(True)
        self.editor.setPlainText(t.body if t else "")
        self.editor.blockSignals(False)
        self.template_view.reload()  # another template: read it first
        self.restore_button.setEnabled(bool(t and t.modified))
        self.delete_button.setEnabled(bool(t and not t.builtin) and not self.store.read_only)
        for b in (self.save_button, self.new_button):
            b.setEnabled(not self.store.read_only)
        self.send_button.setEnabled(bool(t and t.audience == "member") and
                                    not self.store.read_only)  # fmt: skip
        self.update_preview()

    def _fill_history(self) -> None:
        self.history.clear()
        self._copies = posts.copies_on(self.store)
        for c in self._copies:
            when = c.copied_at.astimezone().strftime("%H:%M")
            self.history.addItem(
                f"{when}  {c.template_name}" + (f" → {c.label}" if c.label else "")
            )

    # --- editing --------------------------------------------------------------------------

    def insert_placeholder(self, name: str) -> None:
        self.template_view.set_editing(True)
        self.editor.insertPlainText("{{ " + name + " }}")
        self.editor.setFocus()

    def _mark_line(self, line: int | None) -> None:
        marks = []
        if line:
            block = self.editor.document().findBlockByNumber(line - 1)
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor("#fde2e1"))
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            marks.append(sel)
        self.editor.setExtraSelections(marks)

    def _chosen_occurrence(self) -> activities.Occurrence | None:
        key = self.occurrence.currentData()
        if not key:
            return None
        return activities.occurrence(self.store, key[0], date.fromordinal(key[1]))

    def values(self) -> dict:
        return post_values.values_for(self.store, member_id=self.member_id,
                                      occurrence=self._chosen_occurrence(),
                                      group_id=self.group.currentData())  # fmt: skip

    def update_preview(self) -> None:
        body = self.editor.toPlainText()
        problems = check(body)
        self._mark_line(next((p.line for p in problems if p.line), None))
        if problems:
            self._text = ""
            self.problem.setText(self.words.problems(problems))
            self.bubble.setText("")
            self.count.setText(self.tr("Fix the template to copy it."))
            self.copy_button.setEnabled(False)
            return
        try:
            self._text = render(body, self.values())
        except RenderError as exc:
            self._text = ""
            self.problem.setText(self.words.problems(exc.problems))
            self.copy_button.setEnabled(False)
            return
        self.problem.clear()
        self.bubble.setText(self._text)
        count = self.tr("%n character(s)", "", len(self._text))
        t = self.current()
        when = posts.copied_at(self._copies, t, self._target()[0]) if t else None
        self.count.setText(count + ("  " + self.words.sent_at(when) if when else ""))
        self.copy_button.setEnabled(True)

    def save(self) -> None:
        t = self.current()
        if t is None or self.store.read_only:
            return
        try:
            posts.change_template(self.store, t.id, body=self.editor.toPlainText())
        except posts.PostError as exc:
            warn(self, self.tr("Save Template"), refusal_text(exc))
            return
        self.status.emit(self.tr("Saved %1.").replace("%1", t.name))
        self.refresh()
        announce(Area.POSTS)

    def restore(self) -> None:
        t = self.current()
        if t is not None and t.builtin:
            posts.restore_default(self.store, t.id)
            self.refresh()
            announce(Area.POSTS)

    def ask_new(self) -> QDialog:
        """Name, category and audience of a template of the shop's own."""
        dialog = QDialog(self)
        dialog.setObjectName("newTemplateDialog")
        dialog.setWindowTitle(self.tr("New Template"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        name = QLineEdit(dialog)
        name.setObjectName("templateName")
        name.setMaxLength(60)
        category = QComboBox(dialog)
        category.setObjectName("templateCategory")
        for key in posts.CATEGORIES:
            category.addItem(self.words.category(key), key)
        category.setCurrentIndex(category.findData("topic"))
        audience = QComboBox(dialog)
        audience.setObjectName("templateAudience")
        for key in ("group", "member"):
            audience.addItem(self.words.audience(key), key)
        personal = {"birthday", "levelup", "expiring", "reactivation", "vip_invite", "referral",
                    "yearly_report"}  # fmt: skip
        category.currentIndexChanged.connect(lambda _i: audience.setCurrentIndex(
            1 if category.currentData() in personal else 0))  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)  # fmt: skip
        form = QFormLayout(dialog)
        form.addRow(self.tr("Name"), name)
        form.addRow(self.tr("Category"), category)
        form.addRow(self.tr("Sent to"), audience)
        form.addRow(buttons)

        def ok() -> None:
            if self.add_named(name.text(), category.currentData(), audience.currentData()):
                dialog.accept()

        buttons.accepted.connect(ok)
        buttons.rejected.connect(dialog.reject)
        dialog.open()
        return dialog

    def add_named(self, name: str, category: str = "topic", audience: str = "group") -> int | None:
        start = "{{ 称呼 or '亲' }}，" if audience == "member" else "【{{ 店名 or '本店' }}】"
        try:
            new_id = posts.add_template(self.store, name, start, category=category,
                                        audience=audience)  # fmt: skip
        except posts.PostError as exc:
            warn(self, self.tr("New Template"), refusal_text(exc))
            return None
        self.refresh()
        announce(Area.POSTS)
        self.list.setCurrentRow(next(i for i, t in enumerate(self.templates) if t.id == new_id))
        self.template_view.set_editing(True)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.setFocus()
        return new_id

    def ask_delete(self) -> QMessageBox | None:
        t = self.current()
        if t is None or t.builtin:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Template"),
                          self.tr("Delete the template %1? What was copied with it stays in "
                                  "the history.").replace("%1", t.name),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)

        def done(_r: int) -> None:
            if box.clickedButton() is delete:
                posts.delete_template(self.store, t.id)
                self.refresh()
                announce(Area.POSTS)

        box.finished.connect(done)
        box.open()
        return box

    def ask_member(self) -> MemberPicker:
        picker = MemberPicker(self.store, self.tr("Render for Member"), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(lambda ids: self.set_member(ids[0]))
        picker.open()
        return picker

    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        row = members.rows(self.store, [member_id]).get(member_id) if member_id else None
        choose = self.tr("Choose Member…")
        self.member_button.setText((row.name or row.nickname) if row else choose)
        self.update_preview()

    # --- copy -------------------------------------------------------------------------------

    def copy(self) -> str:
        """Put exactly the preview on the clipboard and remember it was sent."""
        t = self.current()
        self.update_preview()
        if t is None or not self._text:
            return ""
        target, label = self._target()
        text = self._text
        copy_post(self, self.store, t, text, rendered_for=target, label=label)
        self.status.emit(self.words.copied(t.name))
        return text

    def _target(self) -> tuple[str, str]:
        """What the preview is rendered for, as the copy history names it, and its label."""
        occurrence = self._chosen_occurrence()
        group = self.group.currentData()
        target = posts.target_of(member_id=self.member_id, occurrence=occurrence,
                                 group_id=group)  # fmt: skip
        if self.member_id:
            return target, self.member_button.text()
        if occurrence is not None:
            return target, occurrence.title
        return target, self.group.currentText() if group else ""

    # --- one by one ---------------------------------------------------------------------------

    def _fill_send_menu(self) -> None:
        menu = self.send_button.menu()
        menu.clear()
        seg_words = SegmentWords(self)
        menu.addAction(self.tr("Birthdays this week"), lambda: self.send_to("birthdays_week"))
        menu.addAction(self.tr("VIP-eligible, in no VIP group"),
                       lambda: self.send_to("vip_invites"))  # fmt: skip
        menu.addSection(self.tr("Segments"))
        for key in segments.BUILTIN:
            menu.addAction(seg_words.name(key), lambda k=key: self.send_to(f"segment:{k}"))
        for name in segments.saved(self.store):
            menu.addAction(name, lambda n=name: self.send_to(f"segment:{n}"))
        menu.addSeparator()
        menu.addAction(self.tr("Selected members: choose them on the Members page"),
                       self.openMembers.emit)  # fmt: skip

    def send_to(self, source: str) -> RunDialog | None:
        """Start a one-by-one run of the current template for a list of members."""
        t = self.current()
        if t is None:
            return None
        titles = {"birthdays_week": self.tr("Birthdays this week"),
                  "vip_invites": self.tr("VIP-eligible, in no VIP group")}  # fmt: skip
        key = source.removeprefix("segment:")
        title = titles.get(source) or SegmentWords(self).name(key)
        ids = post_runs.members_for(self.store, source)
        dialog = start_run(self, self.store, t, ids, title)
        return dialog

    def _fill_runs(self) -> None:
        self.runs.clear()
        for r in post_runs.runs(self.store):
            text = self.tr("%1 · %2: %3 of %4 done").replace("%1", r.template_name).replace(
                "%2", r.title).replace("%3", str(r.done)).replace("%4", str(r.total))  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(TemplateRole, r.id)
            self.runs.addItem(item)
        if self.runs.count():
            self.runs.setCurrentRow(0)
        self.lists.setTabText(1, self.tr("Unfinished one by one (%1)").replace(
            "%1", str(self.runs.count())))  # fmt: skip
        for b in (self.resume_button, self.discard_button):
            b.setEnabled(self.runs.count() > 0 and not self.store.read_only)

    def resume_run(self) -> RunDialog | None:
        item = self.runs.currentItem()
        if item is None or self.store.read_only:
            return None
        return open_run(self, self.store, item.data(TemplateRole))

    def discard_run(self) -> None:
        item = self.runs.currentItem()
        if item is not None:
            post_runs.discard(self.store, item.data(TemplateRole))
            announce(Area.POSTS)
