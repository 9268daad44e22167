"""Production scheduling: a CP-SAT model of the line, orders, re-planning, maintenance, OEE.

`cpsat` holds the one model (interval variables, NoOverlap per station, optional
intervals for alternative stations, hints, frozen work, sequence rules); `formats` feeds
it the standard benchmark formats; `line` and `orders` read the site's line model and
production orders; `planner` turns live events into re-plans; `service` shares plans.
Nothing here imports Qt.
"""
