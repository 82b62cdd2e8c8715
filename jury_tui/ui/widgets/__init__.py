"""Widgets of the juror's app."""
