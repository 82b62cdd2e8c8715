"""Readers and writers of the files people exchange: criteria, applications, jurors, CSV."""
