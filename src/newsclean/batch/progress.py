"""The progress bar: tqdm on standard error, counting documents (it shows docs/s)."""

from __future__ import annotations

import sys
from typing import Any


def progress_bar(total: int, desc: str, show: bool) -> Any:
    """A tqdm bar over ``total`` documents, or ``None`` when ``show`` is false."""
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total or None, desc=desc, unit="docs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1
    )
