"""Fill translations into a Qt .ts file from a TSV, for those who translate without Linguist.

    python scripts/ts_fill.py resources/i18n/sqdesk_zh_CN.ts < new.tsv

Each TSV line: context, source, translation (tab-separated; "*" as context matches any).
For a plural message give the forms separated by " || ". Backslash-n stands for a newline.
Only messages whose source matches are touched; they are marked finished.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def fill(ts_path: str, lines: list[str]) -> int:
    wanted: dict[tuple[str, str], str] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        context, source, translation = line.rstrip("\n").split("\t")
        wanted[(context, unescape(source))] = unescape(translation)
    tree = ET.parse(ts_path)
    filled = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            text = wanted.get((name, source), wanted.get(("*", source)))
            if text is None:
                continue
            tr = msg.find("translation")
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in text.split(" || "):
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = text
            filled += 1
    ET.indent(tree, space="    ")
    with open(ts_path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="unicode")
        fh.write("\n")
    return filled


if __name__ == "__main__":
    print(f"filled {fill(sys.argv[1], sys.stdin.readlines())} message(s)")
