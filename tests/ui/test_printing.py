"""Printed cards and posters (issue 15), read back as a phone or a scanner would: the PDF
rasterised by pdftoppm and its QR codes decoded by zbarimg (an independent decoder, not the
code that made them)."""

import subprocess
from pathlib import Path

import pytest
import segno
from PySide6.QtGui import QImage, QPainter

from sqdesk import cli
from sqdesk.core import cards, codes, members
from sqdesk.core.cards import Card, Shop
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.printing.cards import THERMAL, CardDocument
from sqdesk.printing.page import Page
from tests.conftest import need_tool

SHOP = Shop("茶语时光 · 天河店", None, "扫码加社群，领第二杯半价券", "name")


def decode_pdf(pdf: Path, dpi: int = 200) -> list[str]:
    """Every QR code on every page, as zbarimg reads the pages pdftoppm draws."""
    subprocess.run([need_tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf),
                    str(pdf.with_suffix(""))], check=True)  # fmt: skip
    found = []
    for png in sorted(pdf.parent.glob(pdf.stem + "-*.png")):
        out = subprocess.run([need_tool("zbarimg"), "-q", "--raw", str(png)],
                             capture_output=True, text=True)  # fmt: skip
        found += out.stdout.split()
    return found


def test_an_a4_sheet_of_cards_gives_back_exactly_the_codes_asked_for(qtbot, store, tmp_path):
    ids = [create(store, MemberInput(name=f"会员{i}号", mobile=f"1380013{i:04d}"))
           for i in range(13)]  # fmt: skip
    wanted = [members.detail(store, i).code for i in ids[:12]]
    out = tmp_path / "cards.pdf"
    assert cli.main(["--db", store.location, "cards", "--out", str(out), "--codes",
                     ",".join(wanted)]) == 0  # fmt: skip
    assert sorted(decode_pdf(out)) == sorted(wanted)  # 12 cards on two sheets
    fonts = subprocess.run([need_tool("pdffonts"), str(out)], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]  # fmt: skip
    assert any("CJK" in f for f in fonts) and all(f.split()[-5] == "yes" for f in fonts)
    # Printed once: the thirteenth member is the only one not printed yet.
    assert cards.select_members(store, not_printed=True) == [ids[12]]


@pytest.mark.parametrize("layout", ["cr80", "thermal-58", "thermal-80"])
def test_each_layout_reads_back(qtbot, tmp_path, layout):
    made = [Card(1, codes.make_code(28), "张诗芳", "黄金会员"),
            Card(2, codes.make_code(29), "Lily 🌸", "")]  # fmt: skip
    from sqdesk.printing.page import write_pdf

    out = tmp_path / f"{layout}.pdf"
    assert write_pdf(CardDocument(made, SHOP, layout), out) == 2
    assert decode_pdf(out, dpi=300) == [c.code for c in made]


@pytest.mark.parametrize("layout", ["thermal-58", "thermal-80"])
def test_a_receipt_card_stays_inside_what_the_printer_reaches(qtbot, layout):
    paper, printable = THERMAL[layout]
    doc = CardDocument([Card(1, codes.make_code(28), "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜", "黄金会员")],
                       Shop("一个名字很长很长很长的奶茶店 · 天河路旗舰店", None,
                            "扫码加社群，领第二杯半价券，还有更多惊喜等你来拿", "name"),
                       layout)  # fmt: skip
    dpi = 200
    image = QImage(round(paper / 25.4 * dpi), round(doc.height_mm / 25.4 * dpi),
                   QImage.Format.Format_Grayscale8)  # fmt: skip
    image.fill(255)
    painter = QPainter(image)
    doc.paint(Page(painter, paper, doc.height_mm, dpi), 0)
    painter.end()
    margin = (paper - printable) / 2 / 25.4 * dpi
    inked = [x for y in range(0, image.height(), 2) for x in range(image.width())
             if image.pixelColor(x, y).lightness() < 128]  # fmt: skip
    assert inked and min(inked) >= margin - 1 and max(inked) <= image.width() - margin + 1


def test_a_poster_redraws_the_qr_it_was_given(qtbot, store, tmp_path, capsys):
    picture = tmp_path / "group.png"
    segno.make("https://weixin.qq.com/g/AbCdEf123", error="m").save(str(picture), scale=6)
    out = tmp_path / "poster.pdf"
    assert cli.main(["--db", store.location, "poster", "--out", str(out), "--qr", str(picture),
                     "--text", "领第二杯半价券", "--layout", "a4"]) == 0  # fmt: skip
    assert "7 days" in capsys.readouterr().err  # a WeChat group's QR: say it expires
    assert decode_pdf(out) == ["https://weixin.qq.com/g/AbCdEf123"]
    own = tmp_path / "own.png"
    segno.make("https://u.wechat.com/manager-lin", error="q").save(str(own), scale=4)
    tent = tmp_path / "tent.pdf"
    assert cli.main(["--db", store.location, "poster", "--out", str(tent), "--qr", str(own)]) == 0
    assert "7 days" not in capsys.readouterr().err
    assert decode_pdf(tent) == ["https://u.wechat.com/manager-lin"] * 2  # both faces


def test_a_picture_without_a_qr_is_refused(qtbot, store, tmp_path, capsys):
    blank = tmp_path / "blank.png"
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.save(str(blank))
    out = tmp_path / "p.pdf"
    assert cli.main(["--db", store.location, "poster", "--out", str(out), "--qr",
                     str(blank)]) == 1  # fmt: skip
    assert "no QR code" in capsys.readouterr().err and not out.exists()
    assert cli.main(["--db", store.location, "poster", "--out", str(out), "--qr", str(blank),
                     "--layout", "a3"]) == 1  # fmt: skip


def test_cards_refuse_unknown_codes_segments_and_layouts(qtbot, store, tmp_path, capsys):
    out = str(tmp_path / "c.pdf")
    for extra in (["--codes", codes.make_code(999)], ["--segment", "nobody"],
                  ["--layout", "a5", "--codes", "1000028"]):  # fmt: skip
        assert cli.main(["--db", store.location, "cards", "--out", out, *extra]) == 1
    assert not Path(out).exists()


@pytest.mark.parametrize("layout", ["a4-10", "thermal-58"])
def test_coupons_print_with_their_own_code_which_the_counter_takes(qtbot, store, tmp_path,
                                                                   layout):  # fmt: skip
    """`coupon print` on a member's valid coupons: the QR of each reads back as exactly the
    coupon's own nine-digit code, and that code (scanned) finds the coupon at the counter;
    a used coupon is not printed; a member with none is told so (exit 1, no file)."""
    from sqdesk.core import coupons

    fang = create(store, MemberInput(name="张诗芳🌸", nickname="芳芳"))
    nobody = create(store, MemberInput(name="李伟"))
    t, _w = coupons.add_type(store, "满50减10", "amount_off", 1000, min_spend_cents=5000)
    free, _w = coupons.add_type(store, "生日饮品", "free_item", 3000)
    given = [coupons.issue(store, fang, t.id), coupons.issue(store, fang, free.id)]
    code = members.detail(store, fang).code
    out = tmp_path / f"coupons-{layout}.pdf"
    assert cli.main(["--db", store.location, "coupon", "print", code, "--out", str(out),
                     "--layout", layout]) == 0  # fmt: skip
    read = decode_pdf(out, dpi=300)
    assert sorted(read) == sorted(c.code for c in given)
    assert all(len(c) == 9 and coupons.by_code(store, c).member_id == fang for c in read)
    # One coupon by its own code.
    one = tmp_path / "one.pdf"
    assert cli.main(["--db", store.location, "coupon", "print", given[0].code, "--out",
                     str(one)]) == 0  # fmt: skip
    assert decode_pdf(one, dpi=300) == [given[0].code]
    empty = tmp_path / "none.pdf"
    assert cli.main(["--db", store.location, "coupon", "print",
                     members.detail(store, nobody).code, "--out", str(empty)]) == 1  # fmt: skip
    assert not empty.exists()


def test_a_coupon_card_names_its_holder_and_what_it_gives(qtbot, store):
    from sqdesk.core import coupons
    from sqdesk.printing.coupons import CouponTerms

    fang = create(store, MemberInput(name="张诗芳🌸", nickname="芳芳"))
    t, _w = coupons.add_type(store, "会员日", "second_half", 50, weekdays="2")
    c = coupons.issue(store, fang, t.id)
    (card,) = cards.for_coupons(store, [c.id, c.id, 999_999], show="nickname")
    assert (card.code, card.title, card.holder, card.expires_on) == (c.code, "会员日", "芳芳",
                                                                      c.expires_on)  # fmt: skip
    assert cards.for_coupons(store, [c.id])[0].holder == "张诗芳🌸"
    from PySide6.QtCore import QCoreApplication, QLocale

    from sqdesk.ui.i18n import install_translators

    # In the interface's language, on screen and on paper alike.
    for lang, wednesday, amount, percent, days in (
            ("zh_CN", " · 周三", "满¥50 减¥10", "8折", "周一、周日"),
            ("en", " · Wed", "¥10 off over ¥50", "20% off", "Mon, Sun")):  # fmt: skip
        installed = install_translators(QCoreApplication.instance(), lang)
        try:
            words = CouponTerms()
            assert words.terms(card.kind, card.value, card.min_spend_cents,
                               card.weekdays).endswith(wednesday)  # fmt: skip
            assert words.terms("amount_off", 1000, 5000) == amount
            assert words.terms("percent_off", 20) == percent
            assert words.terms("fixed_price", 990) == "¥9.90"
            assert words.days("06") == days
        finally:
            for t in installed:
                QCoreApplication.removeTranslator(t)
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
