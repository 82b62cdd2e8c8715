"""Pure domain: records (frozen dataclasses that pydantic validates and writes, domain/canonical.py and formats/validation.py) and functions. No files, no terminal."""
