"""What both apps do as they start."""

from __future__ import annotations

import gc


def settle_long_lived_objects() -> None:
    """Everything alive when an app starts (modules, the session definition, the stores; in the
    chair's app also the submissions it has read) lives as long as the app. Out of the garbage
    collector's reach, the full collections that building the first screen sets off stay short
    (about 15 ms less before the first screen), and so do those while the chair works: at 1000
    applications × 25 jurors a full collection walked 175,000 scores and held a key press up for
    about 120 ms; now about 30 ms. They stay frozen until the process ends (one app per process),
    which also makes quitting quicker."""
    gc.freeze()
