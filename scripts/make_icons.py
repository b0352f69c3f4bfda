"""Draws the skill's store icons into the skill package, with the standard library.

``interaction_models/skill-package/assets/images/small.png`` (108x108) and
``large.png`` (512x512), which the manifest names as ``file://assets/images/…``
so ASK CLI uploads them with the package. The letters "MMN" in white on teal,
in a blocky 5x7 face: legible at 108 pixels, and nothing like Alexa's ring.

    python scripts/make_icons.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "interaction_models" / "skill-package" / "assets" / "images"
SIZES = {"small.png": 108, "large.png": 512}
TEAL, WHITE = (0, 105, 120), (255, 255, 255)
GLYPHS = {
    "M": ("X...X", "XX.XX", "X.X.X", "X.X.X", "X...X", "X...X", "X...X"),
    "N": ("X...X", "XX..X", "X.X.X", "X..XX", "X...X", "X...X", "X...X"),
}
WORD = "MMN"
GAP = 1  # columns between letters
MARGIN = 0.14  # of the icon's width, on each side of the word
COLUMNS = len(WORD) * 5 + (len(WORD) - 1) * GAP


def lit(column: int, row: int) -> bool:
    """Whether the cell at (column, row) of the word's grid is part of a letter."""
    letter, offset = divmod(column, 5 + GAP)
    return offset < 5 and 0 <= row < 7 and GLYPHS[WORD[letter]][row][offset] == "X"


def pixel(x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y), both from 0 to 1: the word centred, its cells square."""
    cell = (1 - 2 * MARGIN) / COLUMNS
    column = (x - MARGIN) / cell
    row = (y - (0.5 - 3.5 * cell)) / cell
    inside = 0 <= column < COLUMNS and 0 <= row < 7
    return WHITE if inside and lit(int(column), int(row)) else TEAL


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
