"""Pure domain: records (frozen dataclasses; pydantic validates them where input is read, io/validation.py) and functions. No files, no terminal."""
