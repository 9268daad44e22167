"""LineSide application core: everything except the Qt widgets.

Domain modules here import no Qt, so they run headless (tests, gateway, probe).
"""
