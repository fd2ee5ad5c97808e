"""The command line's printed things and scans: `cards`, `poster`, `checkin` (wired into
sqdesk.cli's parser). Cards and posters are painted by sqdesk/printing, the same painting
the app's preview and printer use, on an offscreen Qt GUI application."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

# Loaded by sqdesk.cli's parser, after sqdesk.cli itself (see cli_coupons).
from sqdesk.cli import _open, _print_json

_app = None  # the offscreen QGuiApplication, kept for the process (painting needs one)
_translators: list = []  # kept alive with it


def _gui() -> None:
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        from sqdesk.ui.i18n import install_translators, system_language

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["sqdesk-cli"])
        # Words printed on paper (a coupon's "valid … to …") in the system's language.
        _translators.extend(install_translators(_app, system_language()))


def cmd_cards(args: argparse.Namespace) -> int:
    from sqdesk.core import cards
    from sqdesk.printing.cards import CardDocument
    from sqdesk.printing.page import write_pdf

    cards.check_layout(args.layout)
    chosen = [c for c in (args.codes or "").split(",") if c.strip()]
    if sum(bool(x) for x in (chosen, args.segment, args.not_printed)) > 1:
        print("error: give one of --codes, --segment and --not-printed", file=sys.stderr)
        return 2
    with _open(args, write=True) as store:
        ids = cards.select_members(store, codes_=chosen, segment=args.segment,
                                   not_printed=args.not_printed or not (chosen or args.segment))
        shop = cards.shop(store)
        made = cards.for_members(store, ids, show=shop.show)
        if not made:
            print("no members to print cards for", file=sys.stderr)
            return 1
        _gui()
        pages = write_pdf(CardDocument(made, shop, args.layout), Path(args.out),
                          title=f"{shop.name} member cards")  # fmt: skip
        cards.mark_printed(store, [c.member_id for c in made])
    print(f"{len(made)} cards on {pages} pages: {args.out}")
    return 0


def print_coupons(args: argparse.Namespace) -> int:
    """`coupon print CODE --out FILE.pdf`: a member's valid coupons (a member code) or one
    coupon (its own nine-digit code), each with its QR."""
    from sqdesk.cli import UsageError, _member_by_code
    from sqdesk.core import cards, coupons
    from sqdesk.printing.coupons import CouponDocument
    from sqdesk.printing.page import write_pdf

    if not args.out:
        raise UsageError("coupon print CODE --out FILE.pdf")
    cards.check_layout(args.layout)
    with _open(args) as store:
        one = coupons.by_code(store, args.name)
        if one is not None:
            ids = [one.id]
        else:
            member_id = _member_by_code(store, args.name)
            if member_id is None:
                return 1
            ids = [c.id for c in coupons.for_member(store, member_id, only_valid=True)]
        shop = cards.shop(store)
        made = cards.for_coupons(store, ids, show=shop.show)
    if not made:
        print("no valid coupons to print", file=sys.stderr)
        return 1
    _gui()
    pages = write_pdf(CouponDocument(made, shop, args.layout), Path(args.out),
                      title=f"{shop.name} coupons")  # fmt: skip
    print(f"{len(made)} coupon(s) on {pages} page(s): {args.out}")
    return 0


def cmd_poster(args: argparse.Namespace) -> int:
    from sqdesk.core import qr, shop_settings
    from sqdesk.printing.decode import read_qr
    from sqdesk.printing.page import write_pdf
    from sqdesk.printing.posters import Poster, PosterDocument, check_layout

    check_layout(args.layout)
    _gui()
    text = read_qr(Path(args.qr))
    if qr.is_wechat_group(text):
        print("warning: this is a WeChat group QR: it stops working 7 days after it was made. "
              "For anything printed in bulk use the manager's own WeChat or WeCom QR, or a live "
              "code.", file=sys.stderr)  # fmt: skip
    with _open(args) as store:
        shop = shop_settings.value(store, "shop.name") or ""
    poster = Poster(text, args.title, args.text, str(shop))
    pages = write_pdf(PosterDocument(poster, args.layout), Path(args.out), title=args.title)
    print(f"poster ({args.layout}, {pages} page): {args.out}")
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from sqdesk.core import scan_checkin

    with _open(args, write=True) as store:
        done = scan_checkin.check_in(store, args.code)
    if args.json:
        _print_json({"member_code": done.code, "name": done.name, "at": done.at.isoformat(),
                     "streak": done.streak, "points": done.points})  # fmt: skip
        return 0
    bonus = f", +{done.points} points" if done.points else ""
    print(f"{done.name} ({done.code}) checked in {date.today():%Y-%m-%d}: "
          f"{done.streak} day(s) in a row{bonus}")  # fmt: skip
    return 0


def add_commands(sub) -> None:
    card = sub.add_parser("cards", help="member cards to a PDF (QR of the member code)")
    card.add_argument("--out", required=True, metavar="FILE.pdf")
    card.add_argument("--layout", default="a4-10", metavar="LAYOUT",
                      help="a4-10 (default), cr80, thermal-58 or thermal-80")
    card.add_argument("--segment", metavar="NAME", help="a segment's members")
    card.add_argument("--codes", metavar="C1,C2", help="these members (codes, comma-separated)")
    card.add_argument("--not-printed", action="store_true",
                      help="members whose card was never printed (the default)")
    card.set_defaults(handler=cmd_cards)

    poster = sub.add_parser("poster", help="a group entry poster from a QR picture, to a PDF")
    poster.add_argument("--out", required=True, metavar="FILE.pdf")
    poster.add_argument("--qr", required=True, metavar="IMAGE", help="a picture of the QR code")
    poster.add_argument("--title", default="扫码加入会员群", metavar="TEXT")
    poster.add_argument("--text", default="", metavar="TEXT", help="the offer, e.g. 领第二杯半价券")
    poster.add_argument("--layout", default="table-tent", metavar="LAYOUT",
                        help="table-tent (default), sleeve, a4 or receipt")
    poster.set_defaults(handler=cmd_poster)

    check = sub.add_parser("checkin", help="a store check-in (签到) for a scanned member code")
    check.add_argument("code", metavar="CODE")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=cmd_checkin)
