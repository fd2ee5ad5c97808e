"""Qt's own words that its Simplified Chinese translation (qtbase_zh_CN) misses in the Qt
this app ships: their English changed after they were translated (a shortcut letter added:
"&Look in:") or they were never translated (a folder's kind in the file list). The file
dialog, where a manager picks a store or a backup folder, showed them in English, and the
print dialog (member cards) one of its own.

Nothing imports this module and nothing calls `_words`: lupdate reads the calls (scripts/
update_translations.py), so the words are in sqdesk's own .ts with their Chinese, in Qt's
own context; Qt looks a word up in every installed translator, sqdesk's included."""

from PySide6.QtCore import QCoreApplication


def _words() -> None:
    QCoreApplication.translate("QFileDialog", "&Look in:")
    QCoreApplication.translate("QFileDialog", "Files of &type:")
    QCoreApplication.translate("QPrintSettingsOutput", "Page &Set:")  # the print dialog
    QCoreApplication.translate("QAbstractFileIconProvider", "Drive")
    QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
    # On Windows, where the shops' PCs are, Qt names a folder as Explorer does.
    QCoreApplication.translate("QAbstractFileIconProvider", "File Folder",
                               "Match Windows Explorer")  # fmt: skip
