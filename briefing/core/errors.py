"""OperationError in a module of its own: the GUI names it at start-up (its ReadOnlyError is one) without loading
the operations, which load with the first edit."""

from __future__ import annotations


class OperationError(ValueError):
    """An operation cannot be applied; the briefing is unchanged."""
