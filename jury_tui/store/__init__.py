"""Persistence: atomic TinyDB storage, sessions on disk, one folder per juror."""
