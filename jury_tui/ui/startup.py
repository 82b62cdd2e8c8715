"""What both apps do as they start."""

from __future__ import annotations

import gc


def settle_long_lived_objects() -> None:
    """Everything alive when an app starts (modules, the session, the stores, the chair's
    submissions) lives as long as the app: frozen out of the garbage collector's reach, full
    collections stay short and no longer hold up key presses (figures: benchmarks/RESULTS.md)."""
    gc.freeze()
