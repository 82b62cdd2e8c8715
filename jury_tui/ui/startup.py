"""What both apps do as they start."""

from __future__ import annotations

import gc


def settle_long_lived_objects() -> None:
    """Everything alive when an app starts (modules, the session definition, the stores) lives as
    long as the app. Out of the garbage collector's reach, the full collections that building the
    first screen sets off stay short: about 15 ms less before the first screen."""
    gc.freeze()


def release_long_lived_objects() -> None:
    """When an app has closed, what it kept alive may go (tests run many apps in one process)."""
    gc.unfreeze()
