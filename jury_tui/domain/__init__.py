"""Pure domain: pydantic models and functions. No files, no terminal."""
