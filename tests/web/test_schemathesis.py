"""Property-based run over the OpenAPI schema (schemathesis): no input makes a server error,
every error is a problem+json document, and every answer conforms to its documented schema.
Bounded so that it runs in well under 2 minutes."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MAX_EXAMPLES = 60


def problem_json_on_errors(ctx: Any, response: Any, case: Any) -> bool | None:
    if response.status_code >= 400:
        ctype = response.headers.get("content-type", [""])
        ctype = ctype[0] if isinstance(ctype, list) else ctype
        assert ctype.startswith("application/problem+json"), (response.status_code, ctype)
        body = response.json()
        assert {"type", "title", "status", "detail"} <= set(body), body
    return None


def test_no_server_error(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error, problem_json_on_errors,
                                           response_schema_conformance])

        run()
