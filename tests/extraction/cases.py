"""Table rows for extraction tests: a text, the relations it must state and those it must not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

Triple = tuple[str, str, str]


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
            assert r.of(self.only) == {t for t in self.present if t[1] == self.only}
        assert {name: r.types.get(name) for name, _ in self.types} == dict(self.types)
        return r


def states(case_id: str, text: str, *present: Triple, absent: tuple[Triple, ...] = (),
           only: str | None = None, types: dict[str, str | None] | None = None,
           published: str | None = "2021-11-08") -> Any:
    """One row of a `case` table, shown in test ids as `case_id`."""
    case = Case(text, frozenset(present), frozenset(absent), only, tuple((types or {}).items()), published)
    return pytest.param(case, id=case_id)
