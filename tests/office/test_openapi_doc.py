"""docs/openapi.json is the office's own document, and every answer it declares exists."""

from __future__ import annotations

import json
from pathlib import Path

from office.app import openapi_document as document
from office.openapi import RESPONSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_the_committed_openapi_file_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == document(), (
        "docs/openapi.json is out of date: .venv/bin/python -m office openapi > docs/openapi.json"
    )


def test_every_path_has_its_answers_and_every_reference_resolves() -> None:
    doc = json.loads(document())
    assert {(p, m) for p, ms in doc["paths"].items() for m in ms} == set(RESPONSES)
    text = json.dumps(doc)
    refs = {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}
    assert refs <= set(doc["components"]["schemas"])
    for spec in (doc["paths"][p][m] for p, m in RESPONSES):
        assert "200" in spec["responses"]
        assert "422" not in spec["responses"]
