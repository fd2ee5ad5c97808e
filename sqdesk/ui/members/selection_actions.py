"""What the roster does with the members selected (or, for messages, all in view): tag
them, add them to a WeChat group, send them a message, archive, restore or delete them;
and the right-click menu that offers all of it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton, QWidget

from sqdesk.core import groups, member_edit, members, posts, tags
from sqdesk.ui.cards.print_dialog import CardPrintDialog
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.coupons.draw_dialog import DrawDialog
from sqdesk.ui.coupons.give_dialog import GiveCouponDialog
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.members.duplicates_dialog import DuplicatesDialog
from sqdesk.ui.members.tags_dialog import TagsDialog, swatch
from sqdesk.ui.posts.copy_dialog import open_copy_dialog
from sqdesk.ui.posts.run_dialog import start_run
from sqdesk.ui.refusals import failure_text, refusal_text
from sqdesk.ui.widgets import warn


class SelectionActions(QObject):
    status = Signal(str)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.tag_button = QToolButton(page)
        self.tag_button.setObjectName("tagButton")
        self.tag_button.setText(self.tr("Tag"))
        self.tag_button.setToolTip(self.tr("Add or remove a tag on the selected members "
                                           "(Ctrl+T)"))  # fmt: skip
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_button.setMenu(QMenu(self.tag_button))
        self.tag_button.menu().aboutToShow.connect(self._refill_tag_button_menu)
        self.duplicates_action = QAction(self.tr("Duplicates…"), self)
        self.duplicates_action.setToolTip(self.tr("Find members entered twice and merge them"))
        self.duplicates_action.triggered.connect(self.show_duplicates)
        self.tags_action = QAction(self.tr("Manage Tags…"), self)
        self.tags_action.triggered.connect(self.show_tags)

    @property
    def store(self):
        return self.page.store

    def _selected(self) -> list[int]:
        return self.page.selected_ids()

    # --- tags and groups -------------------------------------------------------------------

    def tag_selected(self, tag_id: int, add: bool = True) -> int | Job:
        """Tag (or untag) the selected members. Tagging or untagging more than
        tags.BACKUP_ABOVE copies the store first (seconds on a big store): that runs in the
        background behind a progress dialog whose Cancel changes nobody; the Job is
        returned."""
        ids = self._selected()
        if not ids:
            return 0
        store = self.store
        if len(ids) > tags.BACKUP_ABOVE and store.path is not None:
            change = tags.add_tag if add else tags.remove_tag
            return run_job(self.page, self.tr("Add Tag") if add else self.tr("Remove Tag"),
                           lambda _p, _s: change(store, ids, tag_id),
                           label=self.tr("Saving a copy of the store, then tagging %n "
                                         "member(s)…", "", len(ids)) if add else
                           self.tr("Saving a copy of the store, then untagging %n "
                                   "member(s)…", "", len(ids)),
                           on_success=lambda n: self._tagged(n, add),
                           on_failure=lambda exc: self._tag_failed(exc, add),
                           on_cancel=lambda: self.status.emit(
                               self.tr("Stopped: nobody was tagged.") if add else
                               self.tr("Stopped: nobody was untagged.")))  # fmt: skip
        changed = (tags.add_tag if add else tags.remove_tag)(store, ids, tag_id)
        self._tagged(changed, add)
        return changed

    def _tagged(self, changed: int, add: bool) -> None:
        self.status.emit(
            self.tr("Tagged %n member(s).", "", changed) if add
             else self.tr("Untagged %n member(s).", "", changed)
        )  # fmt: skip
        announce(Area.TAGS)

    def _tag_failed(self, exc: Exception, add: bool = True) -> None:
        text = failure_text(exc)
        self.status.emit((self.tr("Nobody was tagged: %1") if add else
                          self.tr("Nobody was untagged: %1")).replace("%1", text))  # fmt: skip

    def fill_tag_menu(self, menu: QMenu) -> None:
        """Add Tag / Remove Tag for the selected members (the context menu, the Tag button)."""
        add_menu = menu.addMenu(self.tr("Add Tag"))
        remove_menu = menu.addMenu(self.tr("Remove Tag"))
        for t in tags.list_tags(self.store):
            add_menu.addAction(
                swatch(t.color), t.name, lambda tid=t.id: self.tag_selected(tid, True)
            )
            remove_menu.addAction(swatch(t.color), t.name,
                                  lambda tid=t.id: self.tag_selected(tid, False))  # fmt: skip
        add_menu.addSeparator()
        add_menu.addAction(self.tr("New Tag…"), self.ask_new_tag)

    def _refill_tag_button_menu(self) -> None:
        menu = self.tag_button.menu()
        menu.clear()
        n = len(self._selected())
        if n == 0:
            menu.addAction(self.tr("Select members in the list first")).setEnabled(False)
            return
        menu.addSection(self.tr("%n selected member(s)", "", n))
        self.fill_tag_menu(menu)

    def ask_new_tag(self) -> QInputDialog:
        dialog = QInputDialog(self.page)
        dialog.setWindowTitle(self.tr("New Tag"))
        dialog.setLabelText(self.tr("Name of the new tag for the selected members:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def create(name: str) -> None:
            try:
                group = next((t.group_id for t in tags.list_tags(self.store)), None)
                if group is None:
                    group = tags.create_group(self.store, self.tr("My tags"))
                tag_id = tags.create_tag(self.store, group, name)
            except tags.TagError as exc:
                warn(self.page, self.tr("New Tag"), refusal_text(exc))
                return
            announce(Area.TAGS)  # the new tag, before the tagging (which may take a moment)
            self.tag_selected(tag_id, True)

        dialog.textValueSelected.connect(create)
        dialog.open()
        return dialog

    def add_selected_to_group(self, group_id: int) -> int:
        ids = self._selected()
        try:
            result = groups.add_members(self.store, group_id, ids)
        except groups.GroupError as exc:
            warn(self.page, self.tr("Add to WeChat Group"), refusal_text(exc))
            return 0
        self.status.emit(self.tr("Added %n member(s) to the group.", "", result.added))
        announce(Area.GROUPS)
        return result.added

    def show_tags(self) -> TagsDialog:
        dialog = TagsDialog(self.store, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.store, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- archive and delete -----------------------------------------------------------------

    def archive_selected(self, archived: bool = True) -> int:
        ids = self._selected()
        if not ids:
            return 0
        changed = member_edit.set_archived(self.store, ids, archived)
        announce(Area.MEMBERS)
        return changed

    def delete_selected(self) -> QMessageBox | None:
        ids = self._selected()
        if not ids:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete members"),
            self.tr("Delete %n archived member(s) for good? This cannot be undone.", "", len(ids)),
            QMessageBox.StandardButton.Cancel,
            self.page,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                try:
                    member_edit.delete_archived(self.store, ids)
                except member_edit.MemberError as exc:
                    warn(self.page, self.tr("Delete members"), refusal_text(exc))
                    return
                announce(Area.MEMBERS)

        box.finished.connect(done)
        box.open()
        return box

    # --- personal messages ------------------------------------------------------------------

    def add_message_actions(self, menu: QMenu) -> None:
        menu.setEnabled(not self.store.read_only)
        for t in posts.templates_for(self.store, "member"):
            menu.addAction(t.name, lambda tid=t.id: self.send_message(tid))

    def send_message(self, template_id: int) -> QWidget | None:
        """One member: the message ready to copy. Several selected, or none selected (then
        everyone in view): "Copy and next" through them."""
        t = next((t for t in posts.list_templates(self.store) if t.id == template_id), None)
        if t is None:
            return None
        ids = self._selected()
        if len(ids) == 1:
            row = members.rows(self.store, ids).get(ids[0])
            return open_copy_dialog(self.page, self.store,
                                    posts.templates_for(self.store, "member"), chosen=t.id,
                                    about=(row.name or row.nickname) if row else "",
                                    member_id=ids[0])  # fmt: skip
        ids, title, _ = self._chosen()
        return start_run(self.page, self.store, t, ids, title)

    def _chosen(self) -> tuple[list[int], str, bool]:
        """The selection, or everyone in view (a segment, a search) when nothing is
        selected: (ids, what to call them, whether it is a selection)."""
        ids = self._selected()
        if ids:
            return ids, self.tr("%n selected member(s)", "", len(ids)), True
        return self.page.model.view_ids(), self.page.segments.current_title(), False

    def give_coupons(self) -> GiveCouponDialog:
        """A coupon for the selection, or for everyone in view."""
        ids, about, _ = self._chosen()
        dialog = GiveCouponDialog(self.store, ids, about, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def lucky_draw(self) -> DrawDialog:
        """A draw from the selection, or from everyone in view."""
        ids, about, selected = self._chosen()
        name = "selection" if selected else f"view:{about}"
        dialog = DrawDialog(self.store, ids, about, name, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_cards(self) -> CardPrintDialog:
        """Member cards for the selection, or for everyone in view."""
        ids, about, _ = self._chosen()
        dialog = CardPrintDialog(self.store, ids, about, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- the right-click menu ---------------------------------------------------------------

    def row_menu(self, pos: QPoint) -> QMenu | None:
        ids = self._selected()
        if not ids:
            return None
        page = self.page
        menu = QMenu(page)
        menu.addAction(self.tr("Open"), page.open_current)
        if self.store.read_only:
            menu.popup(page.table.viewport().mapToGlobal(pos))
            return menu
        menu.addSeparator()
        if len(ids) == 1:
            menu.addAction(self.tr("New Note…"), lambda: page.newNote.emit(ids[0]))
        self.add_message_actions(menu.addMenu(self.tr("Send a Message")))
        menu.addAction(self.tr("Print Cards…"), self.print_cards)
        menu.addAction(self.tr("Give a Coupon…"), self.give_coupons)
        self.fill_tag_menu(menu)
        group_list = groups.list_groups(self.store)
        if group_list:
            group_menu = menu.addMenu(self.tr("Add to WeChat Group"))
            for g in group_list:
                group_menu.addAction(f"{g.name} ({g.members}/{g.capacity})",
                                     lambda gid=g.id: self.add_selected_to_group(gid))  # fmt: skip
        menu.addSeparator()
        menu.addAction(self.tr("Archive"), lambda: self.archive_selected(True))
        if page.model.include_archived:
            menu.addAction(self.tr("Restore"), lambda: self.archive_selected(False))
            menu.addAction(self.tr("Delete…"), self.delete_selected)
        menu.popup(page.table.viewport().mapToGlobal(pos))
        return menu
