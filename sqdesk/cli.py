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
        print(json.dumps(payload, ensure_ascii=False, indent=2))
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
