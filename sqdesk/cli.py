"""sqdesk-cli: the core services from a terminal, for automation, support and tests.

Commands, flags and JSON outputs here are a contract other tools rely on: keep them stable.
Each command is a thin layer over a core service and holds no logic of its own.
Exit codes: 0 success, 1 the command ran and found a problem, 2 bad usage or store error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqdesk import __version__
from sqdesk.core.check import check_location
from sqdesk.core.errors import StoreError
from sqdesk.core.store import Store

Handler = Callable[[argparse.Namespace], int]


def _open(args: argparse.Namespace) -> Store:
    return Store.open(args.db)


def cmd_demo(args: argparse.Namespace) -> int:
    from sqdesk.core.demo import fill_demo_store

    if args.members < 0:
        print("--members must be 0 or more", file=sys.stderr)
        return 2
    with _open(args) as store:
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
    with _open(args) as store:
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
    from sqdesk.core import members
    from sqdesk.core.member_export import ExportError, export_members

    path = Path(args.file)
    with _open(args) as store:
        ids = members.ordered_ids(store)
        try:
            n = export_members(store, path, member_ids=ids)
        except ExportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"exported {n} members to {path}")
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
    exp.set_defaults(handler=cmd_export)

    find = sub.add_parser("search", help="search members as the roster does")
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--json", action="store_true", help="print a JSON array, best first")
    find.add_argument("--limit", type=int, default=0, metavar="N", help="at most N results")
    find.set_defaults(handler=cmd_search)
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
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
