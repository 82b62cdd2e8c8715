"""Screens of the chair's app."""
