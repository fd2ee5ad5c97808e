"""The command line's dashboard figures (wired into sqdesk.cli's parser):

    metrics [--from DATE] [--to DATE] [--group NAME | --segment NAME] [--json]

The figures and their definitions are sqdesk.core.metrics'; the JSON is its `to_json`.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

# Loaded by sqdesk.cli's parser, after sqdesk.cli itself (see cli_coupons).
from sqdesk.cli import UsageError, _day, _open, _print_json

DEFAULT_DAYS = 30


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def cmd_metrics(args: argparse.Namespace) -> int:
    from sqdesk.core import metrics

    if args.group and args.segment:
        raise UsageError("give --group or --segment, not both")
    last = _day(args.to, date.today())
    first = _day(getattr(args, "from"), last - timedelta(days=DEFAULT_DAYS - 1))
    metrics.check_period(first, last)
    with _open(args) as store:
        scope = metrics.STORE
        if args.group:
            scope = metrics.group_scope(store, args.group)
        elif args.segment:
            scope = metrics.segment_scope(store, args.segment)
        f = metrics.compute(store, first, last, scope)
    if args.json:
        _print_json(metrics.to_json(f))
        return 0
    avg = f.avg_spend_per_visit_cents
    lines = [
        f"{first} to {last}, {scope.label}",
        f"members          {f.members_total} ({f.members_new} new, {f.members_archived} "
        "archived)",
        f"active           {f.active_members} ({_pct(f.active_rate)})",
        f"visits           {f.visits} by {f.visitors} members, repurchase "
        f"{_pct(f.repurchase_rate)}",
        f"spend            ¥{f.spend_cents / 100:,.2f}"
        + (f", ¥{avg / 100:,.2f} a visit" if avg is not None else ""),
        f"retention        7 days {_pct(f.retention.get(7))}, 30 days "
        f"{_pct(f.retention.get(30))}",
        f"referrals        {f.referrals.new_with_referrer} by {f.referrals.referrers} members",
        f"points           +{f.points.issued} −{f.points.redeemed} redeemed −"
        f"{f.points.expired} expired, {f.points.adjusted:+} adjusted; outstanding "
        f"{f.points.outstanding:,}",
        f"activities       {f.participation.occurrences}, mean participation "
        f"{_pct(f.participation.mean_rate)}",
        f"posts copied     {f.posts_copied}",
    ]  # fmt: skip
    print("\n".join(lines))
    return 0


def add_commands(sub) -> None:
    m = sub.add_parser("metrics", help="the dashboard's figures for a period (default: the "
                                       "30 days ending today)")  # fmt: skip
    m.add_argument("--from", metavar="DATE", help="the first day (default: 29 days before --to)")
    m.add_argument("--to", metavar="DATE", help="the last day (default: today)")
    m.add_argument("--group", metavar="NAME", help="only this WeChat group's members")
    m.add_argument("--segment", metavar="NAME", help="only this segment's members")
    m.add_argument("--json", action="store_true")
    m.set_defaults(handler=cmd_metrics)
