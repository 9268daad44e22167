"""`lineside secrets set|delete|where SOURCE_ID`: source passwords in the keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from app import secrets


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("secrets", help="store source passwords in the system keyring")
    ssub = p.add_subparsers(dest="secrets_command", required=True)
    s = ssub.add_parser("set", help="store the password of a source")
    s.add_argument("source_id")
    s.add_argument("--stdin", action="store_true", help="read the secret from standard input")
    s.set_defaults(func=_set)
    d = ssub.add_parser("delete", help="remove the stored password of a source")
    d.add_argument("source_id")
    d.set_defaults(func=_delete)
    w = ssub.add_parser("where", help="say where the secret of a source comes from")
    w.add_argument("source_id")
    w.set_defaults(func=_where)


def _set(args: argparse.Namespace) -> int:
    if args.stdin:
        value = sys.stdin.readline().rstrip("\n")
    else:
        value = getpass.getpass(f"Secret for {args.source_id}: ")
        if getpass.getpass("Again: ") != value:
            print("lineside: the two entries differ; nothing stored", file=sys.stderr)
            return 1
    if not value:
        print("lineside: empty secret; nothing stored", file=sys.stderr)
        return 1
    try:
        secrets.set_secret(args.source_id, value)
    except secrets.SecretsError as e:
        print(f"lineside: {e}", file=sys.stderr)
        return 1
    print(f"stored the secret of {args.source_id} in the system keyring")
    return 0


def _delete(args: argparse.Namespace) -> int:
    gone = secrets.delete_secret(args.source_id)
    print(f"deleted the secret of {args.source_id}" if gone else
          f"no secret of {args.source_id} in the keyring")
    return 0


def _where(args: argparse.Namespace) -> int:
    import os

    env = secrets.env_name(args.source_id)
    if env in os.environ:
        print(f"{args.source_id}: from the environment variable {env}")
    elif secrets.get_secret(args.source_id) is not None:
        print(f"{args.source_id}: from the system keyring")
    else:
        print(f"{args.source_id}: no secret (set one with 'lineside secrets set "
              f"{args.source_id}' or the environment variable {env})")
    return 0
