"""Screens and dialogs of the juror's app."""
