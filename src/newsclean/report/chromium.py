"""How to open the reports in a headless Chromium without network: the binary and its switches.

Used by the browser tests and the docs' screenshot script. Chromium phones home at start (updates,
field trials, sync); on a machine without network those connections stall it, so every switch
below turns one of them off, and each run gets a fresh profile directory.

>>> "--headless" in LAUNCH_ARGS and "--disable-background-networking" in LAUNCH_ARGS
True
"""

from __future__ import annotations

import os
from pathlib import Path

#: Debian's ``chromium`` package; ``NEWSCLEAN_CHROMIUM`` points elsewhere.
CHROMIUM = Path(os.environ.get("NEWSCLEAN_CHROMIUM", "/usr/bin/chromium"))

LAUNCH_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)
