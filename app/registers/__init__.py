"""Plant registers shared by every terminal: suppliers, risks, channel messages.

One replicated-record mechanism (`records`, `replica`) carries every register: a record
is stored locally first, published retained per record through the outbox, and merged
field by field (newest change wins, terminal id breaks ties; the losing concurrent edit
is kept as a conflict). The registers themselves (`suppliers`, `risks`, `channels`) are
validation and rules on top of it.
"""
