"""Plain extraction cases as data: a text, the relations it must state and those it must not.

Each `case_tables/<family>.yaml` lists rows with the keys of `KEYS`; test_case_tables.py checks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

Triple = tuple[str, str, str]
TABLES = Path(__file__).parent / "case_tables"
KEYS = {"id", "text", "present", "absent", "only", "types", "published", "note"}


@dataclass(frozen=True)
class Case:
    """`text` (dated `published`) gives every `present` triple and no `absent` one.

    With `only`, the triples of that predicate must be exactly the `present` ones of it (none if none);
    `types` pairs names with the entity type each must have (None: no entity of that name).
    """

    text: str
    present: frozenset[Triple]
    absent: frozenset[Triple]
    only: str | None
    types: tuple[tuple[str, str | None], ...]
    published: str | None

    def check(self, run: Any) -> Any:
        """Extract the text and assert the case; the result, for any further checks."""
        r = run(self.text, self.published)
        missing, unwanted = self.present - r.triples, self.absent & r.triples
        assert not missing, f"missing {sorted(missing)} in {sorted(r.triples)}"
        assert not unwanted, f"unwanted {sorted(unwanted)}"
        if self.only is not None:
            want = {t for t in self.present if t[1] == self.only}
            assert r.of(self.only) == want, f"only {self.only}: {sorted(r.of(self.only))}"
        types = {name: r.types.get(name) for name, _ in self.types}
        assert types == dict(self.types), f"types {types}"
        return r


def _triples(rows: list[list[str]]) -> frozenset[Triple]:
    """YAML triples `[subject, PREDICATE, object]` as tuples."""
    assert all(len(t) == 3 for t in rows), rows
    return frozenset((s, p, o) for s, p, o in rows)


def row_case(row: dict[str, Any], where: str) -> Any:
    """One YAML row as a test parameter, shown in test ids as `<family>/<id>`."""
    assert set(row) <= KEYS and {"id", "text"} <= set(row), f"{where}: keys {sorted(row)}"
    case = Case(row["text"], _triples(row.get("present", [])), _triples(row.get("absent", [])),
                row.get("only"), tuple((row.get("types") or {}).items()), row.get("published", "2021-11-08"))
    return pytest.param(case, id=f"{where}/{row['id']}")


def load_tables(folder: Path = TABLES) -> list[Any]:
    """Every row of every table in `folder`, in file then row order."""
    params = []
    for path in sorted(folder.glob("*.yaml")):
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        params += [row_case(row, path.stem) for row in rows]
    return params
