"""The docs show a preview of every layout, made by the code as it is."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.receipts.make_docs import DOCS, expected, main


def test_every_layout_has_a_preview_in_the_docs():
    text = (DOCS.parent / "printing.md").read_text(encoding="utf-8")
    for name in expected():
        path = DOCS / name
        assert path.exists(), f"{path}: run python -m tests.receipts.make_docs"
        with Image.open(path) as img:
            assert img.width in (416, 608)
    for kind in ("purchase_80", "spend_80", "gift_80", "return_80", "adjustment_80", "shift_80"):
        assert f"receipts/{kind}.png" in text


def test_the_previews_are_made_by_the_current_code(tmp_path: Path):
    main(tmp_path)
    for name in expected():
        with Image.open(tmp_path / name) as new, Image.open(DOCS / name) as kept:
            assert new.size == kept.size, name
