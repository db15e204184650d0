"""The assets of the browsable API docs, served from the `flask-swagger-ui` package: no CDN."""

from __future__ import annotations

from importlib import resources

from flask import Blueprint, Response, abort, send_file

bp = Blueprint("docs_assets", __name__, url_prefix="/docs/assets")
ASSETS = resources.files("flask_swagger_ui").joinpath("dist")
SERVED = frozenset({
    "swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
    "favicon-16x16.png", "favicon-32x32.png",
})


@bp.get("/<name>")
def asset(name: str) -> Response:
    """One of the bundled Swagger UI files, cached for a day."""
    if name not in SERVED:
        abort(404)
    return send_file(str(ASSETS.joinpath(name)), max_age=86400)
