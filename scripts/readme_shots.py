"""The README's screenshots, made again from a fresh demo store (run under Xvfb, with
fonts-noto-cjk installed; see scripts/setup.sh):

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/readme_shots.py docs

Each page of the main window at 1180 × 760 in Chinese (the roster also in English), the
filter builder, a member's profile and timeline, the Notes page (a search, the follow-ups),
the note capture window, a sheet of member cards in the print preview, the dashboard, the
settings and the first-run set-up. Look at every
one before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from sqdesk.core.demo import fill_demo_store
from sqdesk.core.members import SortKey
from sqdesk.core.store import Store
from sqdesk.ui import prefs
from sqdesk.ui.i18n import install_translators
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.style import apply_style

SIZE = (1180, 760)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    work = Path(tempfile.mkdtemp(prefix="sqdesk-shots-"))
    app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("sqdesk-screenshots")  # not the user's own settings
    prefs.settings().clear()
    keep = install_translators(app, lang)  # noqa: F841 (the translators must stay alive)
    apply_style(app)
    with Store.open(work / "demo.sqdesk") as store:
        fill_demo_store(store, members=3000, seed=42)
    store = Store.open(work / "demo.sqdesk")
    window = MainWindow(store, demo=True)
    window.resize(*SIZE)
    window.show()
    steps = []

    def page(index: int, name: str):
        def go():
            window.nav.setCurrentRow(index)
            return lambda: window.grab().save(str(out / f"screenshot-{name}-{lang}.png"))
        steps.append(go)

    def roster():
        window.show_page(window.members_page)
        return lambda: window.grab().save(str(out / f"screenshot-{lang}.png"))

    def filtered():
        window.show_page(window.members_page)
        segments = window.members_page.segments
        segments.filter_button.setChecked(True)
        segments.filter_panel.add_condition("last_visit")
        return lambda: window.grab().save(str(out / f"screenshot-filter-{lang}.png"))

    def profile():
        segments = window.members_page.segments
        segments.filter_button.setChecked(False)
        page_ = window.members_page
        page_.segments.show_all()
        page_.sort_by(SortKey.SPEND)  # a member with a story to tell
        dialog = page_.open_member(page_.model.member_id(2))
        return lambda: (dialog.grab().save(str(out / f"screenshot-profile-{lang}.png")),
                        dialog.close())

    def timeline():
        page_ = window.members_page
        dialog = page_.open_member(page_.model.member_id(2))
        dialog.tabs.setCurrentWidget(dialog.timeline)
        return lambda: (dialog.grab().save(str(out / f"screenshot-timeline-{lang}.png")),
                        dialog.close())

    def notes_page():
        window.show_page(window.notes_page)
        window.notes_page.search.setText("太甜")
        return lambda: window.grab().save(str(out / f"screenshot-notes-{lang}.png"))

    def follow_ups():
        window.notes_page.show_follow_ups()
        return lambda: window.grab().save(str(out / f"screenshot-followups-{lang}.png"))

    def capture():
        dialog = window.new_note()
        dialog.finder.setText("zhangs")
        dialog.take_match()
        dialog.text.setPlainText("说新品的芝士奶盖太甜了，下次要少糖🍵；女儿下周六过生日")
        dialog.kind.setCurrentIndex(dialog.kind.findData("counter"))
        dialog.follow_up.setText("下周一")
        return lambda: (dialog.grab().save(str(out / f"screenshot-note-{lang}.png")),
                        dialog.reject())

    def card_preview():
        window.show_page(window.members_page)
        window.members_page.segments.show_segment("new")
        dialog = window.members_page.selection.print_cards()
        preview = dialog.preview()
        preview.resize(900, 700)
        return lambda: (preview.grab().save(str(out / f"screenshot-cards-{lang}.png")),
                        preview.close(), dialog.close(),
                        window.members_page.segments.show_all())

    def settings():
        dialog = window.show_settings()
        return lambda: (dialog.grab().save(str(out / f"screenshot-settings-{lang}.png")),
                        dialog.close())

    def setup():
        fresh = Store.open(work / "new.sqdesk")
        window.set_store(fresh)
        wizard = window.offer_setup()
        fields = wizard.fields
        fields["shop.name"].widget.setText("茶语时光 · 天河店")
        fields["shop.address"].widget.setText("天河路 385 号 1 楼")
        fields["shop.hours"].widget.setText("10:00-22:00")
        fields["shop.manager"].widget.setText("林店长")
        wizard.next()
        wizard.next()
        return lambda: (wizard.grab().save(str(out / f"screenshot-setup-{lang}.png")),
                        wizard.reject())

    def dashboard():
        window.show_page(window.dashboard_page)
        return lambda: window.grab().save(str(out / f"screenshot-dashboard-{lang}.png"))

    steps.append(roster)
    page(0, "today")
    page(2, "calendar")
    page(3, "points")
    steps += [filtered, profile, timeline, notes_page, follow_ups, capture, card_preview,
              dashboard, settings, setup]

    def run(i: int = 0) -> None:
        if i == len(steps):
            app.quit()
            return
        shoot = steps[i]()
        QTimer.singleShot(1200, lambda: (shoot(), run(i + 1)))

    QTimer.singleShot(1500, run)
    app.exec()
    print(f"saved screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
