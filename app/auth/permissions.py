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


class PermissionDenied(PermissionError):
    def __init__(self, role: Role | None, action: Action) -> None:
        who = f"role {role}" if role else "nobody signed in"
        super().__init__(f"{who} may not {action}")
        self.role, self.action = role, action


def allowed(role: Role | None, action: Action) -> bool:
    return role is not None and role in PERMISSIONS[action]


def require(role: Role | None, action: Action) -> None:
    if not allowed(role, action):
        raise PermissionDenied(role, action)
