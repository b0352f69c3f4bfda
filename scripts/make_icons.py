"""Draws the skill's store icons, docs/icons/small.png (108x108) and large.png (512x512), with the standard library.

A white ring on teal: plain, legible at 108 pixels, no text (the store shows the name beside it).

    python scripts/make_icons.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "docs" / "icons"
SIZES = {"small.png": 108, "large.png": 512}
TEAL, WHITE = (0, 105, 120), (255, 255, 255)


def pixel(x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y), both from 0 to 1: a ring between radii 0.24 and 0.34 around the centre."""
    distance = ((x - 0.5) ** 2 + (y - 0.5) ** 2) ** 0.5
    return WHITE if 0.24 <= distance <= 0.34 else TEAL


def png(size: int) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel((i + 0.5) / size, (j + 0.5) / size)) for i in range(size)) for j in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        (ICONS / name).write_bytes(png(size))
        print(f"wrote {ICONS / name}")
