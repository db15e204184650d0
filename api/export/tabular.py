"""JSON (the API's subgraph shape) and CSV for `neo4j-admin database import full`.

CSV: `nodes.csv` with `:ID` and `:LABEL` (`Entity;<Type>`, as the Neo4j store
labels nodes) and `relationships.csv` with `:START_ID`, `:END_ID` and `:TYPE`
(the predicate); arrays use the tool's default `;` delimiter. Over HTTP the two
files come as one zip.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from graph.model import Subgraph
from queries.serialize import subgraph_json

NODE_HEADER = ("id:ID", ":LABEL", "name", "type", "aliases:string[]", "external_ids", "attrs")
REL_HEADER = (":START_ID", ":END_ID", ":TYPE", "id", "attrs", "first_seen", "last_seen",
              "evidence_count:int", "confidence:double")
ARRAY_DELIMITER = ";"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # fixed member timestamps: the same graph gives the same zip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_json(sub: Subgraph) -> bytes:
    """`{nodes, edges, truncated}` exactly as `GET /api/v1/subgraph` answers."""
    return json.dumps(subgraph_json(sub), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _compact(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _array(items: tuple[str, ...]) -> str:
    # a `;` inside an alias would split it on import; a comma keeps the reading
    return ARRAY_DELIMITER.join(item.replace(ARRAY_DELIMITER, ",") for item in items)


def cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: CSV injection).

    Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
    which spreadsheets show as text and hide; numbers are written as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _table(header: tuple[str, ...], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()


def csv_files(sub: Subgraph) -> dict[str, str]:
    """`nodes.csv` and `relationships.csv`, in the subgraph's order."""
    nodes = [[e.id, f"Entity{ARRAY_DELIMITER}{e.type.value}", e.name, e.type.value, _array(e.aliases),
              _compact(e.external_ids), _compact(e.attrs)] for e in sub.nodes]
    rels = [[r.subject, r.object, r.predicate.value, r.id, _compact(r.attrs), r.first_seen or "",
             r.last_seen or "", r.evidence_count, repr(float(r.confidence))] for r in sub.edges]
    return {"nodes.csv": _table(NODE_HEADER, nodes), "relationships.csv": _table(REL_HEADER, rels)}


def csv_zip(sub: Subgraph) -> bytes:
    """Both CSV files in one deterministic zip, with the import command as a README."""
    files = {**csv_files(sub), "README.txt": IMPORT_HELP}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), text.encode("utf-8"))
    return buffer.getvalue()


IMPORT_HELP = """Load into an empty database (Neo4j 5):
  neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv
external_ids and attrs are JSON text; aliases is a ';'-separated string array.
Text cells that began with = + - @, a tab or a carriage return carry a leading ' so that
spreadsheets do not run them as formulas; strip it if you need the exact text.
"""
