"""`lineside demo`: the whole system on embedded defaults (simulated plant, local
broker, local store) and the terminal GUI, or a live text view with --headless."""

from __future__ import annotations

import argparse
import contextlib
import logging
import threading

from app import shutdown
from app.auth.users import UserRepo
from app.terminal import Terminal

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the simulated plant, a local broker and the terminal")
    p.add_argument("--headless", action="store_true", help="live text view, no GUI")
    p.add_argument("--seconds", type=float, help="stop after N seconds")
    p.add_argument("--fault", action="append", default=[], metavar="NAME",
                   help="inject a simulator fault at start (repeatable)")
    p.add_argument("--terminal-id", default="demo-terminal-1",
                   help="run a second terminal with another id to see roaming and sharing")
    p.add_argument("--role", default="operator",
                   help="the terminal's default role layout (operator, supervisor, ...)")
    p.add_argument("--kiosk", action="store_true", help="full screen, no window decorations")
    p.add_argument("--size", default="1280x800", help="window size (WxH) when not kiosk")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app import paths
    from app.demo import DemoStack
    from app.simulator.energy import schedule_of

    # the demo site's [energy.simulator] schedule: breaks within minutes
    stack = DemoStack.start(faults=args.fault, terminal_id=args.terminal_id, background=True,
                            schedule=schedule_of(paths.DEMO_SITE))
    b = stack.broker
    print(f"LineSide demo: PLC {stack.sim.endpoint}, broker {b.host}:{b.port} ({b.kind}).\n"
          f"  Sign in with a demo user (README), inject faults with e.g.\n"
          f"  uv run lineside fault gas_leak --mqtt {b.host}:{b.port}", flush=True)
    # The plant starts in its own process (2-6 s); the terminal connects once it
    # serves (bounded), so the first window is live rather than BAD and OFFLINE.
    print("  Waiting for the simulated plant to serve…", flush=True)
    stack.wait_for_plant(timeout=30.0)  # 2-6 s usually; 18 s measured on a loaded box
    term = Terminal(stack.config, store_path=stack.data_dir / "lineside.db",
                    terminal_role=args.role)
    try:
        term.start()
        _demo_users(term)
        _demo_registers(term)
        if args.headless:
            from app.headless import run as headless

            with contextlib.suppress(KeyboardInterrupt):
                headless(term, args.seconds)
            return 0
        shutdown.defer_signals()  # a signal while Qt is imported and built is only noted
        from widgets.application import run_gui

        return run_gui(term, kiosk=args.kiosk, size=args.size, seconds=args.seconds,
                       demo=stack)
    finally:
        # The plant stops beside the terminal, not after it: a stop (SIGTERM, Ctrl-C,
        # closing the window) is over within 2 s. The broker goes last, once the
        # terminal has said it is offline.
        # A simulated plant has nothing to save: a second for its clean stop, then kill.
        plant = threading.Thread(target=stack.sim.stop, kwargs={"timeout": 1.0},
                                 name="demo-plant-stop")
        plant.start()
        term.stop()
        plant.join()
        stack.broker.stop()


DEMO_USERS = (  # user id, name, role, PIN, badge, wearable pseudonym
    ("anna", "Anna Operator", "operator", "1111", "10001", "W-3F7A"),
    ("ben", "Ben Operator", "operator", "2222", "10002", "W-81C2"),
    ("tara", "Tara Team Lead", "team_lead", "3333", "10003", None),
    ("max", "Max Maintenance", "maintenance", "4444", "10004", None),
    ("sofia", "Sofia Safety", "safety_officer", "5555", "10005", None),
    ("sam", "Sam Supervisor", "supervisor", "6666", "10006", None),
    ("ada", "Ada Admin", "admin", "9999", "10009", None),
    ("paul", "Paul Purchasing", "purchasing", "7777", "10007", None),
)


def _demo_users(term: Terminal) -> None:
    """Seed the demo's users once (documented in the README); never in `run`."""
    users = term.service(UserRepo)
    for uid, name, role, pin, badge, pseudo in DEMO_USERS:
        if users.get(uid) is None:
            try:
                users.add(uid, name, role, pin, badge=badge, pseudonym=pseudo).result(5)
            except Exception as e:  # an existing badge or id from an older demo store
                log.warning("demo user %s not added: %s", uid, e)


def _demo_registers(term: Terminal) -> None:
    """An ERP supplier file to import, the demo's risks and skills (README)."""
    import datetime as dt

    from app.registers.demo_data import seed
    from app.registers.service import Registers

    registers = term.find(Registers)
    if registers is not None:
        from app.instructions.demo_data import seed as seed_skills

        seed(registers, registers.import_dir, dt.date.today())
        seed_skills(registers.skills, dt.date.today())
