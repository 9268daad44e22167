"""Alarm notification to phones and e-mail: rules by priority, area and class to on-call
rosters, escalation when nobody acknowledges, delivery by SMTP, ntfy push or webhook
through a durable queue in the store (sent when the link allows, once, journaled)."""
