"""Screenshot one page of the main window (for looking at a page before calling it done).

    xvfb-run -a .venv/bin/python scripts/page_shot.py STORE OUT.png PAGE [zh_CN|en] [group]

PAGE is the navigation row (0 Members, 1 Points, 2 WeChat Groups ...); the window is
grabbed after the page has settled.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sqdesk.core.store import Store
from sqdesk.ui.i18n import install_translators
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.style import apply_style

store_path, out, page = sys.argv[1], sys.argv[2], int(sys.argv[3])
lang = sys.argv[4] if len(sys.argv) > 4 else "zh_CN"
row = int(sys.argv[5]) if len(sys.argv) > 5 else 0
app = QApplication(sys.argv[:1])
keep = install_translators(app, lang)
apply_style(app)
window = MainWindow(Store.open(store_path))
window.resize(1180, 760)
window.show()
window.nav.setCurrentRow(page)
current = window.pages.currentWidget()
if hasattr(current, "list") and row:
    current.list.setCurrentRow(row)


def grab() -> None:
    window.grab().save(out)
    app.quit()


QTimer.singleShot(1500, grab)
app.exec()
