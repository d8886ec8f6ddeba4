"""Simhash: a 64-bit fingerprint that near-duplicate texts share, or nearly share.

Charikar's simhash: each feature (here, a run of three words) is hashed to
64 bits; each bit position votes +1 or -1 across all features, and the
fingerprint keeps the bits with a positive vote. Two texts that differ in a
few words get fingerprints a few bits apart, so near-duplicates are found by
Hamming distance (:func:`hamming`), typically ``<= 3`` of 64 bits.

Hashing uses BLAKE2b, which is the same in every process (Python's ``hash``
is salted per process), so fingerprints compare across workers and runs.

>>> a = text_simhash("The council voted on Tuesday to close the old bridge for repairs, officials said.")
>>> b = text_simhash("The council voted on Tuesday to close the old bridge for repairs, officials say.")
>>> c = text_simhash("Rain is expected across the north of the country for most of the weekend.")
>>> hamming(a, b) < hamming(a, c)
True
>>> format(text_simhash(""), "016x")
'0000000000000000'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

_WORD = re.compile(r"\w+")
_SHINGLE = 3


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(features: Iterable[int]) -> int:
    """The simhash of already hashed 64-bit features (an empty input gives 0).

    >>> simhash([0b1011, 0b0011, 0b1000]) == 0b1011
    True
    """
    return _simhash_array(np.fromiter(features, dtype=np.uint64))


def _simhash_array(values: np.ndarray[Any, np.dtype[np.uint64]]) -> int:
    if values.size == 0:
        return 0
    # One row per feature, one column per bit (most significant first): count the
    # ones in each column, keep the majority, pack the 64 bits back into an int.
    bits = np.unpackbits(values.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)
    ones = bits.sum(axis=0, dtype=np.int64)
    return int.from_bytes(np.packbits(ones * 2 > values.size).tobytes(), "big")


def text_simhash(text: str) -> int:
    """The simhash of a text's overlapping three-word runs (lower-cased words).

    A text of one or two words is a single feature.

    >>> text_simhash("Hello world") == text_simhash("hello,  WORLD!")
    True
    """
    words = _WORD.findall(text.lower())
    if not words:
        return 0
    cache: dict[str, int] = {}
    hashes = np.fromiter((cache.get(w) or cache.setdefault(w, _word_hash(w)) for w in words), dtype=np.uint64)
    if hashes.size < _SHINGLE:
        return _simhash_array(np.bitwise_xor.reduce(hashes, keepdims=True))
    # A run's hash combines its words' hashes rotated by their position, so
    # "a b c" and "c b a" differ; vectorised, this costs one hash per word.
    features = hashes[: -(_SHINGLE - 1)].copy()
    for k in range(1, _SHINGLE):
        part = hashes[k : hashes.size - (_SHINGLE - 1) + k]
        features ^= (part << np.uint64(k)) | (part >> np.uint64(64 - k))
    return _simhash_array(features)


def hamming(a: int, b: int) -> int:
    """Number of bits in which two fingerprints differ.

    >>> hamming(0b1011, 0b0010)
    2
    """
    return (a ^ b).bit_count()
