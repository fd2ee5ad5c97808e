"""The command line's coupons and draws (wired into sqdesk.cli's parser):

    coupon type add NAME --off YUAN [--min-spend YUAN] [--valid-days N]
    coupon types [--json]
    coupon issue CODE TYPE [--json]
    coupon list CODE [--json]
    coupon print CODE --out FILE.pdf [--layout LAYOUT]   (a member's valid coupons, or one)
    draw (--activity ID --date DATE | --segment NAME) --winners N [--seed S] [--json]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

# Loaded by sqdesk.cli's parser, after sqdesk.cli itself: its helpers are one way to open a
# store, find a member and print JSON.
from sqdesk.cli import UsageError, _member_by_code, _open, _print_json


def _type_json(t) -> dict:
    return {"id": t.id, "name": t.name, "kind": t.kind, "value": t.value,
            "min_spend": t.min_spend_cents / 100, "valid_days": t.valid_days,
            "valid_from": t.valid_from.isoformat() if t.valid_from else None,
            "valid_to": t.valid_to.isoformat() if t.valid_to else None,
            "weekdays": t.weekdays, "max_held": t.max_held, "builtin": t.key is not None,
            "active": t.active}  # fmt: skip


def cmd_coupon(args: argparse.Namespace) -> int:
    from sqdesk.core import coupons, ledger, money

    if args.action == "type":
        if args.sub != "add" or not args.name:
            raise UsageError("coupon type add NAME --off YUAN [--min-spend YUAN] "
                             "[--valid-days N]")  # fmt: skip
        try:
            off = money.parse_yuan(args.off) if args.off is not None else None
            minimum = money.parse_yuan(args.min_spend) if args.min_spend else 0
        except ledger.PointsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if off is None:
            raise UsageError("--off YUAN is needed (the amount off)")
        with _open(args, write=True) as store:
            t, warnings = coupons.add_type(store, args.name, "amount_off", off,
                                           min_spend_cents=minimum,
                                           valid_days=args.valid_days)  # fmt: skip
        if "min_below_value" in warnings:
            print("warning: the minimum spend is lower than the amount off", file=sys.stderr)
        print(f"coupon type {t.id}: {t.name}")
        return 0
    if args.action == "types":
        with _open(args) as store:
            found = coupons.types(store)
        if args.json:
            _print_json([_type_json(t) for t in found])
        else:
            for t in found:
                print(f"{t.id:>4}  {t.name}  ({t.kind} {t.value})")
        return 0
    if not args.name:
        raise UsageError(f"coupon {args.action} needs a member code")
    if args.action == "print":
        from sqdesk.cli_cards import print_coupons

        return print_coupons(args)
    with _open(args, write=args.action == "issue") as store:
        member_id = _member_by_code(store, args.name)
        if member_id is None:
            return 1
        if args.action == "issue":
            if not args.sub:
                raise UsageError("coupon issue CODE TYPE")
            t = coupons.find_type(store, args.sub)
            c = coupons.issue(store, member_id, t.id, source="cli")
            payload = {"coupon_code": c.code, "member_code": c.member_code, "type": c.type_name,
                       "expires_on": c.expires_on.isoformat()}  # fmt: skip
            if args.json:
                _print_json(payload)
            else:
                print(f"coupon {c.code} ({c.type_name}) for {c.member_code}, until "
                      f"{c.expires_on}")  # fmt: skip
            return 0
        held = coupons.for_member(store, member_id)
    today = date.today()
    if args.json:
        _print_json([{"coupon_code": c.code, "type": c.type_name,
                      "valid_from": c.valid_from.isoformat(),
                      "expires_on": c.expires_on.isoformat(), "status": c.status(today),
                      "used_at": c.used_at.isoformat() if c.used_at else None}
                     for c in held])  # fmt: skip
    else:
        for c in held:
            print(f"{c.code}  {c.type_name}  until {c.expires_on}  {c.status(today)}")
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    from sqdesk.core import activities, draws, filters, segments

    if (args.activity is None) == (args.segment is None):
        raise UsageError("draw from --activity ID --date DATE, or from --segment NAME")
    with _open(args, write=True) as store:
        if args.activity is not None:
            if not args.date:
                raise UsageError("--activity needs --date (the occurrence's date)")
            try:
                day = date.fromisoformat(args.date)
            except ValueError:
                raise UsageError(f"--date {args.date!r} is not a date like 2026-11-30") from None
            if activities.get(store, args.activity) is None:
                print(f"error: no activity {args.activity}", file=sys.stderr)
                return 1
            pool = activities.attendees(store, args.activity, day)
            name = f"activity:{args.activity}:{day.isoformat()}"
        else:
            tree = segments.resolve(store, args.segment)
            if tree is None:
                print(f"error: no segment named {args.segment!r}", file=sys.stderr)
                return 1
            pool, name = filters.member_ids(store, tree), f"segment:{args.segment}"
        result = draws.draw(store, pool, args.winners, seed=args.seed, title=args.title,
                            pool_name=name)  # fmt: skip
    if args.json:
        _print_json({"seed": result.seed, "winners": [{"member_code": w.code, "name": w.name}
                                                      for w in result.winners]})  # fmt: skip
        return 0
    print(f"draw {result.id}: seed {result.seed}, {len(result.winners)} of {result.pool_size}")
    for w in result.winners:
        print(f"  {w.code}  {w.name}")
    return 0


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from sqdesk.core import leaderboards

    month = leaderboards.month_of(args.month)
    with _open(args) as store:
        rows = leaderboards.board(store, args.by, month=month, limit=args.limit)
    if args.json:
        _print_json([{"rank": r.rank, "member_code": r.code, "name": r.name or r.nickname,
                      "nickname": r.nickname, "value": r.value} for r in rows])  # fmt: skip
        return 0
    print(f"{args.by}, {month:%Y-%m}")
    for r in rows:
        print(f"{r.rank:>3}. {r.name or r.nickname} ({r.code})  {r.value}")
    return 0


def cmd_award(args: argparse.Namespace) -> int:
    from sqdesk.core import awards, ledger

    with _open(args, write=True) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        paid = awards.give(store, member_id, args.kind)
        balance = ledger.balance(store, member_id)
    if args.json:
        _print_json({"member_code": args.code, "award": args.kind, "paid": paid,
                     "balance": balance})  # fmt: skip
    else:
        print(f"{args.kind}: {'paid' if paid else 'paid today already'}; balance {balance}")
    return 0


def add_commands(sub) -> None:
    coupon = sub.add_parser("coupon", help="coupon types, issuing a coupon, a member's coupons")
    coupon.add_argument("action", choices=["type", "types", "issue", "list", "print"])
    coupon.add_argument("name", nargs="?", metavar="NAME_OR_CODE",
                        help="type add: the word add; issue, list and print: the member's "
                             "code (print: or a coupon's own code)")
    coupon.add_argument("sub", nargs="?", metavar="ARG",
                        help="type add NAME; issue CODE TYPE")
    coupon.add_argument("--off", metavar="YUAN", help="type add: the amount off")
    coupon.add_argument("--min-spend", metavar="YUAN", help="type add: the smallest bill")
    coupon.add_argument("--valid-days", type=int, default=30, metavar="N",
                        help="type add: days from the day it is issued (default 30)")
    coupon.add_argument("--out", metavar="FILE.pdf", help="print: the PDF to write")
    coupon.add_argument("--layout", default="thermal-58", metavar="LAYOUT",
                        help="print: thermal-58 (default), thermal-80, cr80 or a4-10")
    coupon.add_argument("--json", action="store_true")
    coupon.set_defaults(handler=_dispatch)

    draw = sub.add_parser("draw", help="draw winners fairly (the seed replays the draw)")
    draw.add_argument("--activity", type=int, metavar="ID", help="from this activity's...")
    draw.add_argument("--date", metavar="DATE", help="...attendees on this day")
    draw.add_argument("--segment", metavar="NAME", help="or from a segment's members")
    draw.add_argument("--winners", type=int, required=True, metavar="N")
    draw.add_argument("--seed", type=int, metavar="S", help="the same seed and pool: the same "
                                                              "winners")
    draw.add_argument("--title", default="", metavar="TEXT")
    draw.add_argument("--json", action="store_true")
    draw.set_defaults(handler=cmd_draw)

    board = sub.add_parser("leaderboard", help="a month's leaders: points, check-in streaks, "
                                               "referrals or activities")
    board.add_argument("--by", default="points", metavar="BOARD",
                       help="points (default), checkins, referrals or attendance")
    board.add_argument("--month", metavar="YYYY-MM", help="default: this month")
    board.add_argument("--limit", type=int, default=10, metavar="N")
    board.add_argument("--json", action="store_true")
    board.set_defaults(handler=cmd_leaderboard)

    award = sub.add_parser("award", help="a quick award (晒单, 好评 …): its points, once a day")
    award.add_argument("code", metavar="CODE")
    award.add_argument("kind", metavar="AWARD", help="the award's name, e.g. 晒单")
    award.add_argument("--json", action="store_true")
    award.set_defaults(handler=cmd_award)


def _dispatch(args: argparse.Namespace) -> int:
    # "coupon type add NAME": the positional words arrive as action, name, sub.
    if args.action == "type":
        args.sub, args.name = args.name, args.sub
    return cmd_coupon(args)
