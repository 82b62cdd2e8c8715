"""jury-tui: a keyboard-driven terminal application for grant juries."""

__version__ = "0.1.0"
