"""A bounded run of a third-party fuzzer, schemathesis, against the office served over
real HTTP (SQLite, the demo seed, a real enrolled till's token, so the authenticated
paths are exercised) and the committed docs/openapi.json: valid and invalid requests of
every operation, with these checks on every answer: no 500, a status the document
declares, a body and headers that match its schema, the content type it declares."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from officekit import Terminal
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from office.server import OfficeServer

pytestmark = pytest.mark.integration
DOC = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 200  # per mode, over all five operations: some 20 s on a loaded machine


@pytest.mark.expected_log(r"audit events refused")  # the fuzzer sends bad events
@pytest.mark.parametrize(
    "mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
)
def test_the_office_answers_as_its_document_says(
    office: OfficeServer, terminal: Terminal, mode: schemathesis.GenerationMode
) -> None:
    schema = schemathesis.openapi.from_path(str(DOC))
    headers = {"Authorization": f"Bearer {terminal.creds.token}"}

    @given(case=schema.as_strategy(mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same requests on every run: a failure is reproducible
        suppress_health_check=list(HealthCheck),
    )
    def exchange(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=office.url, headers=headers, checks=CHECKS, timeout=10)

    exchange()
