"""Stage 7, write: deterministic bytes, written atomically.

UTF-8 without escapes, keys in model order, two-space indent, trailing newline, no
timestamps or absolute paths. A file is written to a temporary name in the target folder and
renamed over the target, so a reader (or a crash) never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def to_json(instance: Any) -> str:
    return json.dumps(instance, ensure_ascii=False, indent=2) + "\n"


def write_atomic(target: Path, content: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
