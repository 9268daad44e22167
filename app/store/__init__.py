"""The terminal's local SQLite store: historian, outbox, audit log, schema registry.

One writer thread owns the write connection; every write API returns at once.
"""

from app.store.audit import AuditLog, AuditRecord
from app.store.errors import StoreError, StoreFullError, StoreHealth
from app.store.historian import Buckets, Historian
from app.store.outbox import Outbox, OutboxMessage
from app.store.schema import register_schema
from app.store.store import Store

__all__ = [
    "AuditLog", "AuditRecord", "Buckets", "Historian", "Outbox", "OutboxMessage", "Store",
    "StoreError", "StoreFullError", "StoreHealth", "register_schema",
]
