"""Ed25519 keys and signatures: who wrote a submission, not only that it is unchanged.

Keys travel as text: a private key is its raw 32 bytes (the Ed25519 seed) in 64 lowercase hex
digits, a public key its raw 32 bytes in 64 hex digits, a signature its raw 64 bytes in 128 hex
digits. Pure functions over bytes; no files.
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

KEY_HEX_LENGTH = 64
SIGNATURE_HEX_LENGTH = 128
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
_DERIVED = b"jury-tui/derived-key/v1\n"


def new_private_key() -> bytes:
    """A fresh private key (32 random bytes from the operating system, as `cryptography` makes it)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def derived_private_key(seed: str, juror_id: str) -> bytes:
    """A private key anyone can compute from `seed` and the juror's id: for the demo (and tests),
    whose keys are public by design. Never for a real session."""
    return hashlib.sha256(_DERIVED + seed.encode("utf-8") + b"\n" + juror_id.encode("utf-8")).digest()


def public_key(private_key: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes(*_RAW)


def sign(private_key: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def from_hex(text: str, length: int) -> bytes | None:
    """The bytes of `length` lowercase hex digits, or None for anything else."""
    if len(text) != length or not all(c in "0123456789abcdef" for c in text):
        return None
    return bytes.fromhex(text)
