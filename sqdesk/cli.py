"""sqdesk-cli: the core services from a terminal, for automation, support and tests.

Commands, flags and JSON outputs here are a contract other tools rely on: keep them stable.
Each command is a thin layer over a core service and holds no logic of its own.
Exit codes: 0 success, 1 the command ran and found a problem, 2 bad usage or store error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from sqdesk import __version__
from sqdesk.core.check import check_location
from sqdesk.core.errors import CodedError, StoreError
from sqdesk.core.lock import StoreLocked
from sqdesk.core.store import OPEN_STEPS, Store

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit 2)."""


def _open(args: argparse.Namespace, *, write: bool = False) -> Store:
    """The store, for reading; `write` also takes the store's lock, so a command that
    changes it is refused while the app (or another command) has it open."""
    store = Store.open(args.db, lock=write, progress=_say_step)
    try:
        from sqdesk.cli_trust import acting_role

        acting_role(store)  # with no PIN set, whoever runs a command is the manager
    except BaseException:
        store.close()
        raise
    return store


# What opening a store of an older version is doing, on stderr (stdout stays the command's).
STEP_WORDS = {
    "backup": "keeping a copy of the store before upgrading it...",
    "upgrade": "upgrading the store for this version of sqdesk (once; a big store takes a "
               "minute or two)...",
    "tidy": "giving back the space the upgrade freed...",
    "index": "rebuilding the search index...",
}


def _say_step(step: int, _total: int) -> None:
    print(STEP_WORDS[OPEN_STEPS[step]], file=sys.stderr, flush=True)


GUARDED_EXPORT = 20  # exporting more members than this asks for the manager's PIN


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return n


def cmd_demo(args: argparse.Namespace) -> int:
    from sqdesk.core.demo import fill_demo_store

    if args.members < 0:
        print("--members must be 0 or more", file=sys.stderr)
        return 2
    with _open(args, write=True) as store:
        added = fill_demo_store(store, members=args.members, seed=args.seed)
        print(f"added {added} demo members to {store.location}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with _open(args) as store:
        info = store.info()
    if args.json:
        payload = {
            "location": info.location,
            "revision": info.revision,
            "head": info.head,
            "counts": info.counts,
        }
        _print_json(payload)
    else:
        print(f"store:    {info.location}")
        print(f"revision: {info.revision} (newest known: {info.head})")
        for table, count in info.counts.items():
            print(f"{table:>10}: {count}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    problems = check_location(args.db)
    if not problems:
        print("ok: the store passed every check")
        return 0
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found", file=sys.stderr)
    return 1


def cmd_import(args: argparse.Namespace) -> int:
    from sqdesk.core import member_import
    from sqdesk.core.sheets import SheetError

    path = Path(args.file)
    with _open(args, write=True) as store:
        try:
            plan = member_import.prepare(store, path)
        except SheetError as exc:
            return _import_failed(args, path, [{"row": None, "field": None,
                                                "message": f"{path.name} {exc}"}])  # fmt: skip
        problems = [
            {"row": r.row, "field": p.field, "message": p.english}
            for r in plan.bad_rows
            for p in r.problems
        ]
        if problems and not args.skip_invalid:
            return _import_failed(args, path, problems)
        added, updated = member_import.commit(store, plan, skip_invalid=args.skip_invalid)
    payload = {
        "file": str(path),
        "imported": True,
        "added": added,
        "updated": updated,
        "skipped": len(plan.bad_rows),
        "problems": problems,
    }
    if args.json:
        _print_json(payload)
    else:
        for p in problems:
            print(f"skipped row {p['row']}: {p['field']}: {p['message']}")
        print(f"imported {path.name}: {added} added, {updated} updated, "
              f"{len(plan.bad_rows)} row(s) skipped")  # fmt: skip
    return 0


def _import_failed(args: argparse.Namespace, path: Path, problems: list[dict]) -> int:
    if args.json:
        _print_json({"file": str(path), "imported": False, "added": 0, "updated": 0,
                     "skipped": 0, "problems": problems})  # fmt: skip
    else:
        for p in problems:
            where = f"row {p['row']}: {p['field']}: " if p["row"] is not None else ""
            print(f"{where}{p['message']}", file=sys.stderr)
        print(f"nothing imported from {path.name}: {len(problems)} problem(s) "
              "(--skip-invalid imports the good rows)", file=sys.stderr)  # fmt: skip
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    from sqdesk.core import filters, members, segments
    from sqdesk.core.member_export import ExportError, export_members

    path = Path(args.file)
    with _open(args) as store:
        if args.segment:
            tree = segments.resolve(store, args.segment)
            if tree is None:
                known = ", ".join([*segments.BUILTIN, *segments.saved(store)])
                print(f"error: no segment named {args.segment!r} (known: {known})",
                      file=sys.stderr)  # fmt: skip
                return 1
            ids = filters.member_ids(store, tree)
        else:
            ids = members.ordered_ids(store)
        if len(ids) > GUARDED_EXPORT:
            from sqdesk.cli_trust import as_manager

            as_manager(store)  # more than a handful of members' data: the manager's call
        try:
            n = export_members(store, path, member_ids=ids)
        except ExportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"exported {n} members to {path}")
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    from sqdesk.core import filters, segments

    with _open(args) as store:
        rows = [{"name": key, "builtin": True, "count": n}
                for key, n in segments.counts(store).items()]  # fmt: skip
        rows += [{"name": name, "builtin": False, "count": filters.count(store, tree)}
                 for name, tree in segments.saved(store).items()]  # fmt: skip
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['count']:>8}  {r['name']}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from sqdesk.core import members

    with _open(args) as store:
        ids = members.ordered_ids(store, search_text=args.query, sort=None)
        shown = ids[: args.limit] if args.limit else ids
        rows = members.rows(store, shown)
    found = [rows[i] for i in shown if i in rows]
    if args.json:
        _print_json([
            {"id": r.id, "code": r.code, "name": r.name, "nickname": r.nickname,
             "mobile": r.mobile_masked}
            for r in found
        ])  # fmt: skip
    else:
        for r in found:
            print(f"{r.code}  {r.name or '-'}  {r.nickname}  {r.mobile_masked}".rstrip())
        print(f"{len(ids)} match(es)", file=sys.stderr)
    return 0


def _member_by_code(store, code: str) -> int | None:
    from sqdesk.core import members

    member_id = members.find_by_code(store, code)
    if member_id is None:
        print(f"error: no member has the code {code}", file=sys.stderr)
    return member_id


def _parse_time(text: str | None):
    from datetime import datetime

    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--at {text!r} is not a time like 2026-11-25T14:30") from exc
    return moment if moment.tzinfo else moment.astimezone()  # naive: the PC's local time


def cmd_visit(args: argparse.Namespace) -> int:
    from sqdesk.core import ledger, money

    try:
        cents = money.parse_yuan(args.amount)  # as the visit dialog reads it
    except ledger.PointsError as exc:
        raise UsageError(f"--amount {args.amount!r}: {exc}") from None
    at = _parse_time(args.at)
    with _open(args, write=True) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        try:
            result = ledger.record_visit(store, member_id, amount_cents=cents, at=at,
                                         actor="cli", coupon_code=args.coupon)  # fmt: skip
        except (ledger.PointsError, CodedError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    payload = {
        "visit_id": result.visit_id,
        "amount": cents / 100,
        "points": result.points,
        "awards": [{"rule": a.rule, "points": a.points, "why": a.english} for a in result.awards],
        "referral": {"points": result.referral.points} if result.referral else None,
        "balance": result.balance,
        "paid": result.paid / 100,
        "discount": result.discount / 100,
    }
    if args.json:
        _print_json(payload)
    else:
        for a in result.awards:
            print(f"+{a.points:<6} {a.english}")
        if result.referral:
            print(f"+{result.referral.points:<6} {result.referral.english} (to the referrer)")
        coupon = (f"; coupon −¥{result.discount / 100:.2f}, paid ¥{result.paid / 100:.2f}"
                  if args.coupon else "")  # fmt: skip
        print(f"visit {result.visit_id}: {result.points} points; balance {result.balance}"
              f"{coupon}")  # fmt: skip
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    from sqdesk.core import points_view

    with _open(args) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        summary = points_view.summary(store, member_id, limit=args.limit)
    payload = {
        "code": summary.code,
        "name": summary.name,
        "balance": summary.balance,
        "level": summary.level,
        "entries": [
            {"id": e.id, "at": e.at.isoformat(), "kind": e.kind, "amount": e.amount,
             "balance": e.running_balance, "reason": e.reason, "source": e.source,
             "reversed": e.reversed_by is not None}
            for e in summary.entries
        ],
        "expiring": [{"points": b.points, "expires_on": b.expires_on.isoformat()}
                     for b in summary.expiring],
    }  # fmt: skip
    if args.json:
        _print_json(payload)
    else:
        print(f"{summary.code} {summary.name}: {summary.balance} points, "
              f"level {summary.level or '-'}")  # fmt: skip
        for e in summary.entries:
            mark = " (reversed)" if e.reversed_by is not None else ""
            print(f"{e.at.astimezone():%Y-%m-%d %H:%M}  {e.kind:<7} {e.amount:>+7} "
                  f"= {e.running_balance:<7} {e.reason}{mark}")  # fmt: skip
    return 0


def cmd_redeem(args: argparse.Namespace) -> int:
    from sqdesk.core import ledger, rewards

    with _open(args, write=True) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        reward = rewards.find(store, args.reward)
        if reward is None:
            print(f"error: no reward named or numbered {args.reward!r}", file=sys.stderr)
            return 1
        try:
            entry = ledger.redeem(store, member_id, reward.id, actor="cli")
        except ledger.PointsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    print(f"redeemed {reward.name} for {-entry.amount} points; balance {entry.balance}")
    return 0


def cmd_expire(args: argparse.Namespace) -> int:
    from sqdesk.core import ledger

    with _open(args, write=True) as store:
        made = ledger.expire(store)
    print(f"expired points in {made} batch(es)")
    return 0


def _day(text: str | None, default):
    from datetime import date

    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date like 2026-11-25") from None


def cmd_calendar(args: argparse.Namespace) -> int:
    from datetime import date, timedelta

    from sqdesk.core import activities, festivals, ics

    if args.action in ("export", "import") and not args.file:
        print(f"error: calendar {args.action} needs a FILE.ics", file=sys.stderr)
        return 2
    with _open(args, write=args.action == "import") as store:
        if args.action == "export":
            n = ics.export_ics(store, Path(args.file))
            print(f"exported {n} activities to {args.file}")
            return 0
        if args.action == "import":
            report = ics.import_ics(store, Path(args.file))
            print(f"imported {report.created} activities ({report.already} imported before, "
                  f"{report.cancelled} occurrences cancelled, {report.moved} moved)")  # fmt: skip
            for problem in report.problems:
                print(f"not imported: {problem}")
            return 0 if report.created or not report.problems else 1
        lo = _day(args.date_from, date.today())
        hi = _day(args.date_to, lo + timedelta(days=30))
        if hi < lo:
            print("error: --to is before --from", file=sys.stderr)
            return 2
        if (hi - lo).days > 366:
            print("error: at most a year at a time", file=sys.stderr)
            return 2
        items = []
        for o in activities.occurrences(store, lo, hi):
            end = o.starts + timedelta(minutes=o.duration_minutes)
            items.append({"type": "occurrence", "date": o.day.isoformat(),
                          "time": o.starts.strftime("%H:%M"), "end": end.isoformat(" ", "minutes"),
                          "activity_id": o.activity_id, "title": o.title, "category": o.category,
                          "original_date": o.original_date.isoformat(), "moved": o.moved,
                          "place": o.place, "points": o.points})  # fmt: skip
        for t in activities.phase_tasks(store, lo, hi):
            items.append({"type": "phase", "date": t.due.isoformat(), "time": "",
                          "phase": t.phase, "activity_id": t.occurrence.activity_id,
                          "title": t.occurrence.title,
                          "occurrence_date": t.occurrence.original_date.isoformat(),
                          "done": t.done})  # fmt: skip
        for ov in festivals.overlays(store, lo, hi):
            items.append({"type": "overlay", "date": ov.day.isoformat(), "time": "",
                          "kind": ov.kind, "name": ov.name, "member_id": ov.member_id})  # fmt: skip
    order = {"overlay": 0, "phase": 1, "occurrence": 2}
    items.sort(key=lambda i: (i["date"], order[i["type"]], i["time"]))
    if args.json:
        _print_json({"from": lo.isoformat(), "to": hi.isoformat(), "items": items})
        return 0
    for i in items:
        if i["type"] == "occurrence":
            print(f"{i['date']} {i['time']}  {i['title']}" + ("  (moved)" if i["moved"] else ""))
        elif i["type"] == "phase":
            done = "x" if i["done"] else " "
            print(f"{i['date']}        [{done}] {i['phase']}: {i['title']}")
        else:
            print(f"{i['date']}        ({i['kind']}) {i['name']}")
    return 0


def cmd_jielong(args: argparse.Namespace) -> int:
    from sqdesk.core import activities, jielong, members

    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
    day = _day(args.date, None)
    with _open(args, write=not args.dry_run) as store:
        o = activities.occurrence(store, args.activity_id, day)
        if o is None:
            print(f"error: activity {args.activity_id} has no occurrence on {day}",
                  file=sys.stderr)  # fmt: skip
            return 1
        parsed = jielong.parse(text)
        results = jielong.match(store, parsed)
        ids = {r.member_id for r in results if r.member_id}
        ids.update(c for r in results for c in r.candidates)
        found = members.rows(store, list(ids))
        recorded = None
        matched = [r for r in results if r.status == "matched"]
        if not args.dry_run and matched:
            notes = {r.member_id: r.line.remark for r in matched}
            chosen = [r.member_id for r in matched]
            rec = activities.record_attendance(
                store,
                o.activity_id,
                o.original_date,
                chosen,
                source="jielong",
                notes=notes,
                actor="cli",
            )
            recorded = {"added": rec.added, "already": rec.already,
                        "points_paid": rec.points_paid, "checkins": rec.checkins}  # fmt: skip

    def who(mid):
        r = found.get(mid)
        return {"id": mid, "code": r.code, "name": r.name, "nickname": r.nickname} if r else None

    payload = {
        "activity_id": o.activity_id,
        "title": o.title,
        "date": o.original_date.isoformat(),
        "header": parsed.header,
        "skipped_lines": parsed.skipped,
        "lines": [{"number": r.line.number, "text": r.line.text, "name": r.line.name,
                   "remark": r.line.remark, "extra": r.line.extra, "status": r.status,
                   "how": r.how, "member": who(r.member_id) if r.member_id else None,
                   "candidates": [who(c) for c in r.candidates]} for r in results],
        "summary": jielong.summary(results),
        "recorded": recorded,
    }  # fmt: skip
    if args.json:
        _print_json(payload)
    else:
        for line in payload["lines"]:
            m = line["member"]
            target = f"{m['code']} {m['name']}" if m else ", ".join(
                f"{c['code']} {c['name']}" for c in line["candidates"])  # fmt: skip
            print(f"{line['number']:>4}. {line['name']:<10} {line['status']:<10} {target}")
        print(" ".join(f"{k} {v}" for k, v in payload["summary"].items()))
        if recorded:
            print(f"recorded {recorded['added']} new attendees ({recorded['already']} already), "
                  f"points paid to {recorded['points_paid']}")  # fmt: skip
        elif not parsed.lines:
            print("no numbered lines (1. 张三) found in the text")
    return 0 if parsed.lines else 1


def cmd_post(args: argparse.Namespace) -> int:
    from sqdesk.core import activities, groups, post_values, posts
    from sqdesk.core.post_render import RenderError, render

    with _open(args) as store:
        if args.action == "list":
            templates = posts.list_templates(store)
            if args.json:
                _print_json([{"id": t.id, "name": t.name, "key": t.key, "category": t.category,
                              "audience": t.audience, "builtin": t.builtin,
                              "modified": t.modified} for t in templates])  # fmt: skip
            else:
                for t in templates:
                    print(f"{t.name}  ({t.category}, {t.audience})")
            return 0
        if not args.name:
            print("error: post render needs a template NAME", file=sys.stderr)
            return 2
        if args.activity is not None and not args.date:
            raise UsageError("--activity needs --date: the day of the occurrence (as the rule "
                             "gives it), like 2026-12-01")  # fmt: skip
        t = posts.find(store, args.name)
        if t is None:
            print(f"error: no template named {args.name!r}", file=sys.stderr)
            return 1
        member_id = occurrence = group_id = None
        if args.member:
            member_id = _member_by_code(store, args.member)
            if member_id is None:
                return 1
        if args.activity is not None:
            occurrence = activities.occurrence(store, args.activity, _day(args.date, None))
            if occurrence is None:
                print(f"error: activity {args.activity} has no occurrence on {args.date}",
                      file=sys.stderr)  # fmt: skip
                return 1
        if args.group:
            found = [g for g in groups.list_groups(store) if g.name == args.group.strip()]
            if not found:
                print(f"error: no WeChat group named {args.group!r}", file=sys.stderr)
                return 1
            group_id = found[0].id
        values = post_values.values_for(store, member_id=member_id, occurrence=occurrence,
                                        group_id=group_id)  # fmt: skip
        try:
            text = render(t.body, values)
        except RenderError as exc:
            print(f"error: {t.name} cannot render: {exc}", file=sys.stderr)
            return 1
    print(text)
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from sqdesk.core import shop_settings

    if args.action is None:
        if args.key is not None:
            raise UsageError("to change a setting: settings set KEY VALUE")
        with _open(args) as store:
            values = shop_settings.values(store)
        if args.json:
            _print_json(shop_settings.as_json(values))
            return 0
        width = max(len(k) for k in values)
        for sp in shop_settings.SPECS:
            shown = shop_settings.show(sp.key, values[sp.key]) or "(not set)"
            print(f"{sp.key:<{width}}  {shown:<16}  {sp.help}")
        return 0
    if args.key is None or args.value is None:
        raise UsageError("settings set needs a KEY and a VALUE, like: settings set shop.name "
                         "茶语时光 (\"\" clears one)")  # fmt: skip
    shop_settings.spec(args.key)  # an unknown key is refused before the store is locked
    with _open(args, write=True) as store:
        from sqdesk.cli_trust import as_manager

        as_manager(store)
        saved = shop_settings.set_value(store, args.key, args.value)
    key = shop_settings.spec(args.key).key
    if args.json:
        _print_json({key: shop_settings.as_json({key: saved})[key]})
    else:
        print(f"{key} = {shop_settings.show(key, saved) or '(not set)'}")
    return 0


def _note_json(n) -> dict:
    return {"id": n.id, "member_code": n.member_code, "at": n.at.isoformat(), "kind": n.kind,
            "text": n.text,
            "follow_up": n.follow_up_at.isoformat() if n.follow_up_at else None}  # fmt: skip


def cmd_note(args: argparse.Namespace) -> int:
    from sqdesk.core import notes

    if args.kind not in notes.KINDS:
        raise UsageError(f"--kind is one of {', '.join(notes.KINDS)}")
    follow_up = notes.parse_follow_up(args.follow_up) if args.follow_up else None
    with _open(args, write=True) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        note = notes.add(store, member_id, args.text, kind=args.kind, follow_up_at=follow_up,
                         author="sqdesk-cli", reason=args.reason)  # fmt: skip
    if args.json:
        _print_json(_note_json(note))
    else:
        due = f", follow up {note.follow_up_at.astimezone():%Y-%m-%d %H:%M}" \
            if note.follow_up_at else ""  # fmt: skip
        print(f"note {note.id} for {note.member_name} ({note.member_code}){due}")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from sqdesk.core import note_search, notes

    if args.action == "lapses":
        since = date.today() - timedelta(days=args.days) if args.days else None
        with _open(args) as store:
            counts = notes.lapse_reasons(store, since=since)
        if args.json:
            _print_json([{"reason": c.reason, "members": c.members,
                          "share": round(c.share, 4)} for c in counts])  # fmt: skip
            return 0
        for c in counts:
            print(f"{c.reason or '(not said)':<12} {c.members:>6}  {c.share:6.1%}")
        return 0
    if args.query is None:
        raise UsageError("notes search needs the words to search for")
    with _open(args) as store:
        hits = note_search.search_notes(store, args.query, limit=args.limit).hits
    if args.json:
        _print_json([{"id": h.id, "member_code": h.member_code, "member_name": h.member_name,
                      "at": h.at.isoformat(), "kind": h.kind, "text": h.text}
                     for h in hits])  # fmt: skip
        return 0
    for h in hits:
        line = h.text.replace("\n", " ")
        print(f"{h.id:>7}  {h.at.astimezone():%Y-%m-%d %H:%M}  {h.member_name} "
              f"({h.member_code})  [{h.kind}] {line[:80]}")  # fmt: skip
    return 0


def cmd_followups(args: argparse.Namespace) -> int:
    from sqdesk.core import notes

    with _open(args) as store:
        due = notes.follow_ups_due(store)
    if args.json:
        _print_json([{"note_id": f.note.id, "member_code": f.note.member_code,
                      "member_name": f.note.member_name, "due": f.due.isoformat(),
                      "text": f.note.text, "overdue": f.overdue} for f in due])  # fmt: skip
        return 0
    for f in due:
        late = " (overdue)" if f.overdue else ""
        print(f"{f.note.id:>6}  {f.due.astimezone():%Y-%m-%d %H:%M}{late}  "
              f"{f.note.member_name} ({f.note.member_code})  {f.note.text[:60]}")  # fmt: skip
    return 0


def cmd_followup(args: argparse.Namespace) -> int:
    from sqdesk.core import notes

    with _open(args, write=True) as store:
        note = notes.follow_up_done(store, args.note_id, outcome=args.outcome or "")
    print(f"follow-up of note {note.id} done")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from sqdesk.core import timeline

    with _open(args) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        found = timeline.events(store, member_id, limit=args.limit)
    if args.json:
        _print_json([{"at": e.at.isoformat(), "type": e.type, "text": _event_text(e)}
                     for e in found])  # fmt: skip
        return 0
    for e in found:
        print(f"{e.at.astimezone():%Y-%m-%d %H:%M}  {e.type:<10}  {_event_text(e)}")
    return 0


def _event_text(e) -> str:
    """One line for an event (English words around the shop's own text)."""
    if e.type == "note":
        amends = f"(amends note {e.amends}) " if e.amends else ""
        return f"[{e.detail}] {amends}{e.text}"
    if e.type == "visit":
        return f"{e.text} ({e.detail})"
    if e.type == "ledger":
        return f"{e.amount:+} {e.detail}: {e.text}"
    if e.type == "group":
        return f"{e.detail} {e.text}"
    return e.text


def cmd_losing_touch(args: argparse.Namespace) -> int:
    from sqdesk.core import contacts

    with _open(args) as store:
        found = contacts.losing_touch(store, days=args.days)
    if args.json:
        _print_json([{"member_code": m.code, "name": m.name,
                      "last_contact": m.last_contact.isoformat() if m.last_contact else None,
                      "days_since": m.days_since} for m in found])  # fmt: skip
        return 0
    for m in found:
        last = f"{m.last_contact.astimezone():%Y-%m-%d}" if m.last_contact else "never"
        since = f" ({m.days_since} days)" if m.days_since is not None else ""
        print(f"{m.code}  {m.name}  last contact {last}{since}")
    return 0


def _print_json(payload: object) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sqdesk-cli", description="sqdesk from the command line.")
    parser.add_argument("--version", action="version", version=f"sqdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None,
        help="store file or SQLAlchemy URL (default: the store in your data folder)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the store with realistic demo members")
    demo.add_argument("--members", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=42, metavar="S")
    demo.set_defaults(handler=cmd_demo)

    info = sub.add_parser("info", help="location, schema revision and row counts")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)

    check = sub.add_parser("check", help="verify the file and every invariant")
    check.set_defaults(handler=cmd_check)

    imp = sub.add_parser("import", help="import members from .xlsx/.xls/.csv")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the good rows and report the bad ones")  # fmt: skip
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser("export", help="export members to .xlsx or .csv (by extension)")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--segment", metavar="NAME", help="only this segment's members")
    exp.set_defaults(handler=cmd_export)

    segs = sub.add_parser("segments", help="member count of every segment")
    segs.add_argument("--json", action="store_true", help="print JSON")
    segs.set_defaults(handler=cmd_segments)

    find = sub.add_parser("search", help="search members as the roster does")
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--json", action="store_true", help="print a JSON array, best first")
    find.add_argument("--limit", type=_positive, default=None, metavar="N",
                      help="at most N results (1 or more)")
    find.set_defaults(handler=cmd_search)

    visit = sub.add_parser("visit", help="record a visit (purchase) and the points it earns")
    visit.add_argument("code", metavar="CODE")
    visit.add_argument("--amount", required=True, metavar="YUAN")
    visit.add_argument("--at", metavar="TIME", help="when, like 2026-11-25T14:30 (default now)")
    visit.add_argument("--coupon", metavar="COUPON_CODE",
                       help="use this coupon: --amount is the bill before it")
    visit.add_argument("--json", action="store_true", help="print JSON")
    visit.set_defaults(handler=cmd_visit)

    points = sub.add_parser("points", help="a member's balance, level and ledger")
    points.add_argument("code", metavar="CODE")
    points.add_argument("--json", action="store_true", help="print JSON")
    points.add_argument("--limit", type=_positive, default=100, metavar="N",
                        help="newest N entries (default 100)")  # fmt: skip
    points.set_defaults(handler=cmd_points)

    redeem = sub.add_parser("redeem", help="redeem a reward for a member's points")
    redeem.add_argument("code", metavar="CODE")
    redeem.add_argument("reward", metavar="REWARD", help="the reward's name or number")
    redeem.set_defaults(handler=cmd_redeem)

    expire = sub.add_parser("expire", help="expire the points whose date has come")
    expire.set_defaults(handler=cmd_expire)

    cal = sub.add_parser("calendar", help="activity occurrences, phases and overlays; "
                                          "export or import .ics")  # fmt: skip
    cal.add_argument("action", nargs="?", choices=["export", "import"],
                     help="export FILE.ics or import FILE.ics")  # fmt: skip
    cal.add_argument("file", nargs="?", help="the .ics file to export to or import")
    cal.add_argument("--from", dest="date_from", help="first day (default today)")
    cal.add_argument("--to", dest="date_to", help="last day (default 30 days on)")
    cal.add_argument("--json", action="store_true")
    cal.set_defaults(handler=cmd_calendar)

    jl = sub.add_parser("jielong", help="match a pasted 接龙 list to members and record "
                                        "attendance")  # fmt: skip
    jl.add_argument("activity_id", type=int)
    jl.add_argument("date", help="the occurrence's date (as the rule gives it)")
    jl.add_argument("file", help="a text file with the 接龙 (- for standard input)")
    jl.add_argument("--dry-run", action="store_true", help="parse and match, record nothing")
    jl.add_argument("--json", action="store_true")
    jl.set_defaults(handler=cmd_jielong)

    post = sub.add_parser("post", help="post templates: list them, or render one")
    post.add_argument("action", choices=["list", "render"])
    post.add_argument("name", nargs="?", help="the template to render (its name)")
    post.add_argument("--member", metavar="CODE", help="render for this member")
    post.add_argument("--activity", type=int, metavar="ID", help="render for this activity…")
    post.add_argument("--date", help="…on this day (the occurrence's date)")
    post.add_argument("--group", metavar="NAME", help="render for this WeChat group")
    post.add_argument("--json", action="store_true", help="post list as JSON")
    post.set_defaults(handler=cmd_post)

    note = sub.add_parser("note", help="notes about members: add one")
    note.add_argument("action", choices=["add"])
    note.add_argument("code", metavar="CODE", help="the member's code")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--kind", default="other", metavar="KIND",
                      help="counter, private, group, phone, complaint, suggestion, lapse, other")
    note.add_argument("--follow-up", metavar="DATE",
                      help="when to follow up: 2026-12-05, 3d, 明天, 下周一 …")
    note.add_argument("--reason", default="", metavar="REASON",
                      help="on a lapse note: moved, price, taste, service, wait, elsewhere, "
                           "busy, other")
    note.add_argument("--json", action="store_true")
    note.set_defaults(handler=cmd_note)

    nts = sub.add_parser("notes", help="search all notes, or count why members stopped coming")
    nts.add_argument("action", choices=["search", "lapses"])
    nts.add_argument("query", nargs="?", metavar="QUERY",
                     help="words (2 characters or more) or a member's name, pinyin or code")
    nts.add_argument("--json", action="store_true")
    nts.add_argument("--limit", type=_positive, default=50, metavar="N")
    nts.add_argument("--days", type=_positive, metavar="N", help="lapses: in the last N days")
    nts.set_defaults(handler=cmd_notes)

    fups = sub.add_parser("followups", help="open follow-ups due today or earlier")
    fups.add_argument("--json", action="store_true")
    fups.set_defaults(handler=cmd_followups)

    fup = sub.add_parser("followup", help="mark a follow-up done")
    fup.add_argument("action", choices=["done"])
    fup.add_argument("note_id", type=int, metavar="NOTE_ID")
    fup.add_argument("--outcome", metavar="TEXT", help="what came of it")
    fup.set_defaults(handler=cmd_followup)

    tl = sub.add_parser("timeline", help="a member's notes, visits, points, activities, "
                                         "groups and posts, newest first")
    tl.add_argument("code", metavar="CODE")
    tl.add_argument("--json", action="store_true")
    tl.add_argument("--limit", type=_positive, default=100, metavar="N")
    tl.set_defaults(handler=cmd_timeline)

    lt = sub.add_parser("losing-touch", help="members with no contact of any kind for N days "
                                             "(default: the dormant threshold), by value")
    lt.add_argument("--days", type=_positive, metavar="N")
    lt.add_argument("--json", action="store_true")
    lt.set_defaults(handler=cmd_losing_touch)

    sets = sub.add_parser("settings", help="the shop's settings: list them, or set one")
    sets.add_argument("action", nargs="?", choices=["set"], help="set KEY VALUE")
    sets.add_argument("key", nargs="?", metavar="KEY", help="e.g. shop.name, shop.hours")
    sets.add_argument("value", nargs="?", metavar="VALUE", help="the new value (\"\" clears)")
    sets.add_argument("--json", action="store_true")
    sets.set_defaults(handler=cmd_settings)

    from sqdesk import cli_cards, cli_coupons, cli_metrics, cli_trust

    cli_cards.add_commands(sub)  # cards, poster, checkin
    cli_coupons.add_commands(sub)  # coupon ...
    cli_metrics.add_commands(sub)  # metrics
    cli_trust.add_commands(sub)  # pin, audit
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Names and emoji must print even on a console that is not UTF-8 (Windows cp936).
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except StoreLocked as exc:
        print(f"error: {exc} Close it there first (or wait for the other command); "
              "nothing was changed.", file=sys.stderr)  # fmt: skip
        return 2
    except (StoreError, UsageError) as exc:  # no store to work on, or a bad argument
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CodedError as exc:  # a refusal: the command found a problem
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`sqdesk-cli search 张 --json | head`): not an error
        # of ours. Point stdout at nothing so Python's own flush at exit stays quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
