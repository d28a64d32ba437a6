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


def test_every_rejection_code_the_office_gives_is_documented_and_explained_at_the_till() -> None:
    """The codes written in the office's modules (a rejection, a held reversal) are the
    document's, and the till has words for each one it may park."""
    import pathlib
    import re

    from office.openapi import REJECTION_CODES
    from terminal.services.messages import PARK_REASONS

    given = re.compile(
        r"(?:_reject\([a-z_]+, |_refused\([a-z_]+, |OpStatus\.(?:REJECTED|HELD),\s*|return \(?)"
        r'"([a-z][a-z_]+)"'
    )
    root = pathlib.Path(__file__).resolve().parents[2] / "office"
    codes: set[str] = set()
    for path in root.glob("*.py"):
        if path.name == "holds.py":  # a hold's refusal reasons are its own (HoldAnswer)
            continue
        codes |= set(given.findall(path.read_text(encoding="utf-8")))
    codes &= set(REJECTION_CODES) | {c for c in codes if "_" in c}  # codes, not other words
    assert codes - set(REJECTION_CODES) == set()
    assert {"staff_not_here", "id_not_yours", "conflict"} <= set(REJECTION_CODES)
    unexplained = set(REJECTION_CODES) - set(PARK_REASONS) - {"target_missing"}
    assert unexplained == set()
