"""Table rows for extraction tests: a text, the relations it must state and those it must not."""

from __future__ import annotations

from typing import Any

import pytest

Triple = tuple[str, str, str]
FIELDS = ("text", "published", "present", "absent")


def states(case_id: str, text: str, *present: Triple, absent: tuple[Triple, ...] = (),
           published: str | None = "2021-11-08") -> Any:
    """One case of a table: `text` (dated `published`) gives every `present` triple and no `absent` one."""
    return pytest.param(text, published, frozenset(present), frozenset(absent), id=case_id)


def check(run: Any, text: str, published: str | None, present: frozenset[Triple],
          absent: frozenset[Triple]) -> Any:
    """Extract `text` and assert the case; the result, for any further checks."""
    r = run(text, published)
    assert not present - r.triples, f"missing {sorted(present - r.triples)} in {sorted(r.triples)}"
    assert not absent & r.triples, f"unwanted {sorted(absent & r.triples)}"
    return r
