"""`lineside users add|list|disable|enable|set-pin`: manage who may sign in at a terminal."""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from pathlib import Path

from app import paths
from app.auth.permissions import Role
from app.auth.pin import PIN_RULE, PinPolicyError, check_policy
from app.auth.users import UserError, UserRepo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="add, list, disable users and set their PINs")
    p.add_argument("--store", type=Path, default=None,
                   help="local store file (default: <data dir>/lineside.db)")
    users = p.add_subparsers(dest="users_command", metavar="ACTION")

    add = users.add_parser("add", help="add a user (asks for the PIN twice)")
    add.add_argument("user_id")
    add.add_argument("--name", required=True, help="full name shown at sign-in")
    add.add_argument("--role", required=True, choices=list(Role), metavar="ROLE",
                     help=f"one of {', '.join(Role)}")
    add.add_argument("--badge", help="badge number (digits)")
    add.add_argument("--pseudonym", help="pseudonym for wearables (vitals on the wire)")
    add.add_argument("--pin-stdin", action="store_true",
                     help="read the PIN from the first line of standard input (scripts)")
    add.set_defaults(func=_add)

    lst = users.add_parser("list", help="list users")
    lst.set_defaults(func=_list)

    dis = users.add_parser("disable", help="stop a user from signing in")
    dis.add_argument("user_id")
    dis.set_defaults(func=_disable, disabled=True)

    ena = users.add_parser("enable", help="let a disabled user sign in again")
    ena.add_argument("user_id")
    ena.set_defaults(func=_disable, disabled=False)

    pin = users.add_parser("set-pin", help="set a new PIN (also lifts a lockout)")
    pin.add_argument("user_id")
    pin.add_argument("--pin-stdin", action="store_true",
                     help="read the PIN from the first line of standard input (scripts)")
    pin.set_defaults(func=_set_pin)

    p.set_defaults(func=lambda _a: (p.print_help(), 2)[1])


def _fail(message: str, code: int = 1) -> int:
    print(f"lineside users: {message}", file=sys.stderr)
    return code


def _read_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
        check_policy(pin)
        return pin
    if not sys.stdin.isatty():
        raise PinPolicyError("no terminal to ask for the PIN; use --pin-stdin in scripts")
    pin = getpass.getpass(f"PIN for {args.user_id} ({PIN_RULE}): ")
    check_policy(pin)
    if getpass.getpass("Same PIN again: ") != pin:
        raise PinPolicyError("the two PINs differ; nothing was changed")
    return pin


def _with_repo(args: argparse.Namespace, action) -> int:
    from app.store import Store, StoreError

    path = args.store or paths.data_dir() / "lineside.db"
    try:
        store = Store(path, terminal_id=socket.gethostname()).open()
    except StoreError as e:
        return _fail(str(e))
    try:
        return action(UserRepo(store))
    except (UserError, PinPolicyError) as e:
        return _fail(str(e))
    finally:
        store.close()


def _audit(repo: UserRepo, action: str, target: str, detail: str = "") -> None:
    # The operating-system account is the actor: the CLI has no signed-in user.
    repo.store.audit.record(f"cli:{getpass.getuser()}", action, target, detail).result(5)


def _add(args: argparse.Namespace) -> int:
    def run(repo: UserRepo) -> int:
        if repo.get(args.user_id) is not None:
            raise UserError(f"user {args.user_id!r} already exists")
        pin = _read_pin(args)
        user = repo.add(args.user_id, args.name, args.role, pin, badge=args.badge,
                        pseudonym=args.pseudonym).result(10)
        _audit(repo, "users.add", user.user_id, f"role {user.role}")
        print(f"added {user.user_id} ({user.name}, {user.role})"
              + (f", badge {args.badge}" if args.badge else ""))
        return 0

    return _with_repo(args, run)


def _list(args: argparse.Namespace) -> int:
    def run(repo: UserRepo) -> int:
        users = repo.list()
        if not users:
            print("no users yet; add one with: lineside users add USER_ID --name N --role R")
            return 0
        rows = [("USER", "NAME", "ROLE", "BADGE", "STATE")]
        for u in users:
            state = "disabled" if u.disabled else "active"
            # only a keyed hash is stored: the number itself cannot be shown
            rows.append((u.user_id, u.name, str(u.role), "set" if u.badge else "-", state))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        return 0

    return _with_repo(args, run)


def _disable(args: argparse.Namespace) -> int:
    def run(repo: UserRepo) -> int:
        repo.set_disabled(args.user_id, args.disabled).result(10)
        word = "disabled" if args.disabled else "enabled"
        _audit(repo, f"users.{word[:-1]}", args.user_id)
        print(f"{args.user_id} {word}")
        return 0

    return _with_repo(args, run)


def _set_pin(args: argparse.Namespace) -> int:
    def run(repo: UserRepo) -> int:
        if repo.get(args.user_id) is None:
            raise UserError(f"no user {args.user_id!r} (see: lineside users list)")
        pin = _read_pin(args)
        repo.set_pin(args.user_id, pin).result(10)
        _audit(repo, "users.set_pin", args.user_id)
        print(f"new PIN set for {args.user_id}")
        return 0

    return _with_repo(args, run)
