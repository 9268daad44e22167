"""The one table of who may do what. The UI and the domain both ask `allowed()`.

Actions an operator can take are declared here once, with the roles that may run
them (napari-style actions as data); tests and widgets call the same declaration.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    TEAM_LEAD = "team_lead"
    MAINTENANCE = "maintenance"
    SAFETY_OFFICER = "safety_officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    PURCHASING = "purchasing"


class Action(StrEnum):
    ALARM_ACK = "alarm.ack"
    ALARM_SHELVE = "alarm.shelve"
    ALARM_OUT_OF_SERVICE = "alarm.out_of_service"
    ESTOP_RESET = "estop.reset"
    LINE_START = "line.start"  # start after a reset; never part of the reset itself
    SETPOINT_WRITE = "setpoint.write"
    LAYOUT_EDIT = "layout.edit"
    KIOSK_EXIT = "kiosk.exit"
    USERS_MANAGE = "users.manage"
    VITALS_VIEW_ALL = "vitals.view_all"  # every worker's health state, by pseudonym
    ANDON_REPORT = "andon.report"
    ANDON_TAKE = "andon.take"
    ANDON_CLOSE = "andon.close"
    SUPERVISOR_OVERVIEW = "overview.view"
    ENERGY_APPLY = "energy.apply"  # switch on a recommended energy-saving mode
    SUPPLIERS_EDIT = "suppliers.edit"
    RISKS_EDIT = "risks.edit"  # risks, their indicators and response plans
    MEASURE_UPDATE = "risks.measure_update"  # mark a response measure done
    NOTIFICATIONS_MANAGE = "notifications.manage"
    ENV_NOTE = "environment.note"  # cause and action of an exceedance or early warning
    ENV_DISMISS = "environment.dismiss"  # dismiss an advisory anomaly, with a reason
    REPORT_MAKE = "report.make"  # make an ESG report now
    STEP_RELEASE = "job.release"  # accept a measured value out of limits
    SUPERVISE_WORK = "job.supervise"  # confirm a supervised session of an unqualified worker
    SKILLS_EDIT = "skills.edit"  # the skills matrix
    SCHEDULE_ACCEPT = "schedule.accept"  # accept or reject a re-plan of the line
    SCHEDULE_ORDERS = "schedule.orders"  # import or cancel production orders
    SHORTAGE_FLAG = "schedule.shortage"  # flag material missing at the line
    MAINTENANCE_TAKE = "maintenance.take"  # maintenance work orders
    MAINTENANCE_CLOSE = "maintenance.close"


_ALL = frozenset(Role)
_LEADS = frozenset({Role.TEAM_LEAD, Role.SUPERVISOR, Role.ADMIN})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.ALARM_ACK: _ALL,
    Action.ALARM_SHELVE: _LEADS | {Role.MAINTENANCE},
    Action.ALARM_OUT_OF_SERVICE: frozenset({Role.MAINTENANCE, Role.SUPERVISOR, Role.ADMIN}),
    Action.ESTOP_RESET: _LEADS | {Role.MAINTENANCE, Role.SAFETY_OFFICER},
    Action.LINE_START: _LEADS | {Role.MAINTENANCE},
    Action.SETPOINT_WRITE: _LEADS | {Role.MAINTENANCE},
    Action.LAYOUT_EDIT: _ALL,
    Action.KIOSK_EXIT: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Action.USERS_MANAGE: frozenset({Role.ADMIN}),
    Action.VITALS_VIEW_ALL: frozenset({Role.SAFETY_OFFICER}),
    Action.ANDON_REPORT: _ALL,
    Action.ANDON_TAKE: _LEADS | {Role.MAINTENANCE},
    Action.ANDON_CLOSE: _LEADS | {Role.MAINTENANCE},
    Action.SUPERVISOR_OVERVIEW: _LEADS | {Role.SAFETY_OFFICER},
    Action.ENERGY_APPLY: _LEADS | {Role.MAINTENANCE},
    Action.SUPPLIERS_EDIT: frozenset({Role.PURCHASING, Role.SUPERVISOR, Role.ADMIN}),
    Action.RISKS_EDIT: frozenset({Role.SAFETY_OFFICER, Role.SUPERVISOR, Role.ADMIN}),
    Action.MEASURE_UPDATE: _LEADS | {Role.SAFETY_OFFICER, Role.MAINTENANCE, Role.PURCHASING},
    Action.NOTIFICATIONS_MANAGE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Action.ENV_NOTE: _ALL,
    Action.ENV_DISMISS: _LEADS | {Role.SAFETY_OFFICER},
    Action.REPORT_MAKE: _LEADS | {Role.SAFETY_OFFICER},
    Action.STEP_RELEASE: _LEADS,
    Action.SUPERVISE_WORK: _LEADS,
    Action.SKILLS_EDIT: _LEADS,
    Action.SCHEDULE_ACCEPT: _LEADS,
    Action.SCHEDULE_ORDERS: _LEADS,
    Action.SHORTAGE_FLAG: _ALL,
    Action.MAINTENANCE_TAKE: _LEADS | {Role.MAINTENANCE},
    Action.MAINTENANCE_CLOSE: _LEADS | {Role.MAINTENANCE},
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for translation without Qt: the view translates it in `context`."""
    return text


# The roles as a worker names them, in the order a sentence lists them (most common
# first). Context "Permissions": widgets/permission_text.py translates them.
ROLE_WORDS: dict[Role, str] = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Permissions", "operator"),
    Role.TEAM_LEAD: QT_TRANSLATE_NOOP("Permissions", "team lead"),
    Role.MAINTENANCE: QT_TRANSLATE_NOOP("Permissions", "maintenance technician"),
    Role.SAFETY_OFFICER: QT_TRANSLATE_NOOP("Permissions", "safety officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Permissions", "supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Permissions", "administrator"),
    Role.PURCHASING: QT_TRANSLATE_NOOP("Permissions", "purchaser"),
}

# The same with the article, for the first role of a sentence ("Only an operator ...").
ROLE_WORDS_FIRST: dict[Role, str] = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Permissions", "an operator"),
    Role.TEAM_LEAD: QT_TRANSLATE_NOOP("Permissions", "a team lead"),
    Role.MAINTENANCE: QT_TRANSLATE_NOOP("Permissions", "a maintenance technician"),
    Role.SAFETY_OFFICER: QT_TRANSLATE_NOOP("Permissions", "a safety officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Permissions", "a supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Permissions", "an administrator"),
    Role.PURCHASING: QT_TRANSLATE_NOOP("Permissions", "a purchaser"),
}

# What each action does, as the end of "Only a team lead can ...".
ACTION_WORDS: dict[Action, str] = {
    Action.ALARM_ACK: QT_TRANSLATE_NOOP("Permissions", "acknowledge alarms"),
    Action.ALARM_SHELVE: QT_TRANSLATE_NOOP("Permissions", "shelve alarms"),
    Action.ALARM_OUT_OF_SERVICE: QT_TRANSLATE_NOOP("Permissions", "take alarms out of service"),
    Action.ESTOP_RESET: QT_TRANSLATE_NOOP("Permissions", "reset the stop"),
    Action.LINE_START: QT_TRANSLATE_NOOP("Permissions", "start the line"),
    Action.SETPOINT_WRITE: QT_TRANSLATE_NOOP("Permissions", "change setpoints"),
    Action.LAYOUT_EDIT: QT_TRANSLATE_NOOP("Permissions", "change the screen layout"),
    Action.KIOSK_EXIT: QT_TRANSLATE_NOOP("Permissions", "leave kiosk mode"),
    Action.USERS_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage users"),
    Action.VITALS_VIEW_ALL: QT_TRANSLATE_NOOP("Permissions", "see every worker's health state"),
    Action.ANDON_REPORT: QT_TRANSLATE_NOOP("Permissions", "report a problem"),
    Action.ANDON_TAKE: QT_TRANSLATE_NOOP("Permissions", "take on a problem"),
    Action.ANDON_CLOSE: QT_TRANSLATE_NOOP("Permissions", "close a problem"),
    Action.SUPERVISOR_OVERVIEW: QT_TRANSLATE_NOOP("Permissions", "see the plant overview"),
    Action.ENERGY_APPLY: QT_TRANSLATE_NOOP("Permissions", "switch on an energy-saving mode"),
    Action.SUPPLIERS_EDIT: QT_TRANSLATE_NOOP("Permissions", "edit suppliers"),
    Action.RISKS_EDIT: QT_TRANSLATE_NOOP("Permissions", "edit risks"),
    Action.MEASURE_UPDATE: QT_TRANSLATE_NOOP("Permissions", "mark a measure done"),
    Action.NOTIFICATIONS_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage notifications"),
    Action.ENV_NOTE: QT_TRANSLATE_NOOP("Permissions", "note a cause and action"),
    Action.ENV_DISMISS: QT_TRANSLATE_NOOP("Permissions", "dismiss an anomaly"),
    Action.REPORT_MAKE: QT_TRANSLATE_NOOP("Permissions", "make a report"),
    Action.STEP_RELEASE: QT_TRANSLATE_NOOP("Permissions", "accept a value out of limits"),
    Action.SUPERVISE_WORK: QT_TRANSLATE_NOOP("Permissions", "confirm supervised work"),
    Action.SKILLS_EDIT: QT_TRANSLATE_NOOP("Permissions", "edit the skills matrix"),
    Action.SCHEDULE_ACCEPT: QT_TRANSLATE_NOOP("Permissions", "accept or reject a re-plan"),
    Action.SCHEDULE_ORDERS: QT_TRANSLATE_NOOP("Permissions", "import or cancel orders"),
    Action.SHORTAGE_FLAG: QT_TRANSLATE_NOOP("Permissions", "flag missing material"),
    Action.MAINTENANCE_TAKE: QT_TRANSLATE_NOOP("Permissions", "take a work order"),
    Action.MAINTENANCE_CLOSE: QT_TRANSLATE_NOOP("Permissions", "close a work order"),
}


def who_may(action: Action) -> list[Role]:
    """The roles that may run `action`, in the order a sentence names them."""
    return [r for r in ROLE_WORDS if r in PERMISSIONS[action]]


def join_words(words: list[str], *, sep: str = ", ", last: str = " or ") -> str:
    """["a", "b", "c"] -> "a, b or c" (the separators come translated from a view)."""
    if len(words) <= 1:
        return "".join(words)
    return sep.join(words[:-1]) + last + words[-1]


def denied_text(action: Action, role: Role | str | None) -> str:
    """Who may do it, in plain English words: "Only a team lead or supervisor can reset
    the stop." The view's translated form is widgets.permission_text.denied_text."""
    do = ACTION_WORDS.get(action, str(action))
    roles = who_may(action)
    if role is None and len(roles) == len(ROLE_WORDS):
        return f"Sign in to {do}."
    names = join_words([ROLE_WORDS_FIRST[roles[0]]] + [ROLE_WORDS[r] for r in roles[1:]])
    text = f"Only {names} can {do}."
    return text if role is not None else f"{text} Sign in first."


class PermissionDenied(PermissionError):
    """Raised when `role` may not run `action`; its text says who may, in words."""

    def __init__(self, role: Role | None, action: Action) -> None:
        super().__init__(denied_text(action, role))
        self.role, self.action = role, action


def allowed(role: Role | None, action: Action) -> bool:
    return role is not None and role in PERMISSIONS[action]


def require(role: Role | None, action: Action) -> None:
    if not allowed(role, action):
        raise PermissionDenied(role, action)
