"""A schemathesis check, loaded through SCHEMATHESIS_HOOKS: a request the document's schemas admit may be refused
(400 or 422) only for a rule the schemas cannot state, which the problem names in `rule` from the list the
document gives (Problem.rule). schemathesis.toml lets positive_data_acceptance take 400 and 422 so that this
check, which is stricter about them, decides."""
import json

import schemathesis
from schemathesis.specs.openapi.checks import is_unexpected_http_status_case


def documented_rules(case) -> set[str]:
    problem = case.operation.schema.raw_schema["components"]["schemas"]["Problem"]
    return set(problem["properties"]["rule"]["enum"])


@schemathesis.check
def refused_only_by_rules_beyond_the_schema(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or is_unexpected_http_status_case(case):
        return None
    if response.status_code not in (400, 422):
        return None
    try:
        rule = json.loads(response.content).get("rule")
    except (ValueError, AttributeError):
        rule = None
    if rule not in documented_rules(case):
        raise AssertionError(
            f"Schema-valid request refused with {response.status_code} for no documented rule beyond the schemas: "
            f"{response.content[:300]!r}")
    return None
