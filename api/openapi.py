"""OpenAPI 3.1 settings and the finishing pass over the generated document.

APIFlask generates the document from the schemas and decorators; this pass
makes every error response the problem+json shape, adds the statuses any
operation can answer with, and points the docs page at locally served assets.
"""

from __future__ import annotations

from typing import Any

PROBLEM_MEDIA = "application/problem+json"
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "URI naming the kind of problem"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "What went wrong, naming any limit crossed"},
    },
}
ASSETS = "/docs/assets"
CONFIG: dict[str, Any] = {
    "OPENAPI_VERSION": "3.1.0",
    "INFO": {"description": "Political actors, their relations and the evidence for each, as a graph.",
             "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
    "SECURITY_SCHEMES": {"BearerAuth": {"type": "http", "scheme": "bearer"}},
    "AUTO_404_RESPONSE": False,
    "SWAGGER_UI_CSS": f"{ASSETS}/swagger-ui.css",
    "SWAGGER_UI_BUNDLE_JS": f"{ASSETS}/swagger-ui-bundle.js",
    "SWAGGER_UI_STANDALONE_PRESET_JS": f"{ASSETS}/swagger-ui-standalone-preset.js",
    "DOCS_FAVICON": f"{ASSETS}/favicon-32x32.png",
    "SWAGGER_UI_CONFIG": {"validatorUrl": None},
}

EVERYWHERE = {
    "400": "Invalid parameter or a limit exceeded (the detail names it)",
    "500": "Unexpected server error (no trace is ever shown)",
    "503": "The store cannot be reached, or the request's searches ran past their deadline "
           "(`search_seconds`); retry after `Retry-After` seconds",
}
SEARCHES = {"422": "The request needed more work than its budget (`search_steps`) or the graph is over "
                   "the analytics limit; the detail names the limit. Narrow the request"}
WITH_PATH_ID = {"404": "Unknown id"}
ON_WRITES = {
    "401": "Missing or wrong bearer token",
    "403": "Writes are disabled: no API token is configured",
    "413": "Request body over the size limit (`max_body_bytes`; chunked bodies too)",
    "422": "Malformed request body",
}
LOOKUPS = {"404": "An id given in the parameters is unknown (or, for paths, no path joins them)"}


def _problem(description: str, retry: bool = False, challenge: bool = False) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {PROBLEM_MEDIA: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    if retry:
        response["headers"] = {"Retry-After": {"schema": {"type": "string"},
                                               "description": "Seconds to wait before retrying"}}
    if challenge:
        response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True,
                                                    "description": "`Bearer realm=\"actorgraph\"`"}}
    return response


def _finish_operation(path: str, method: str, op: dict[str, Any]) -> None:
    responses = op.setdefault("responses", {})
    extra = {code: str(responses.pop(code).get("description") or "Error")
             for code in [c for c in responses if c[0] in "45"]}
    extra.update(EVERYWHERE)
    if "{" in path:
        extra.update(WITH_PATH_ID)
    elif op.get("parameters"):
        extra.setdefault("404", "An id given in the parameters is unknown")
    if method in ("post", "delete", "put", "patch"):
        extra.update(ON_WRITES)
        op["security"] = [{"BearerAuth": []}]
    if path.endswith(("/subgraph", "/paths")):
        extra.update(LOOKUPS)
    if method == "get" and path.startswith("/api/v1/"):
        extra.update(SEARCHES)
    for code, description in sorted(extra.items()):
        responses[code] = _problem(description, retry=code == "503", challenge=code == "401")


def finish_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Problem responses on every operation, the Problem schema, no leftover APIFlask error schemas."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for leftover in ("HTTPError", "ValidationError"):
        schemas.pop(leftover, None)
    schemas["Problem"] = PROBLEM_SCHEMA
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            if isinstance(op, dict) and "responses" in op:
                _finish_operation(path, method, op)
    return spec
