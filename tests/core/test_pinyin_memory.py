"""Readings are of single characters: pypinyin's phrase dictionary stays unloaded."""

import subprocess
import sys


def test_the_phrase_dictionary_is_never_loaded():
    code = (
        "import sys; from sqdesk.core import pinyin; "
        "print(pinyin.name_readings('曾乐行'), 'pypinyin.phrases_dict' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert "zeng" in out  # the readings were read (the dictionary was imported)
    assert out.split()[-1] == "False"
