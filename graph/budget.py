"""A work budget and a deadline per request, checked inside the search loops.

The API opens one budget per request (`limited`); every traversal and analytics
loop calls `charge()` as it works, so a search that would run for minutes stops
with a clear error instead of pinning a worker. The budget lives in a context
variable: each request thread has its own, and `graph/` needs no new arguments.
Outside a request (CLI, notebooks) the default budget has no deadline and a
large step allowance.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from graph.errors import LimitExceeded, StoreUnavailable

DEFAULT_STEPS = 20_000_000  # outside a request: generous, but never unbounded
CLOCK_EVERY = 4096  # steps between clock reads (a clock read costs more than a step)


class WorkLimitExceeded(LimitExceeded):
    """A search needed more steps than its work budget allows (narrow it: fewer hops, k, a filter)."""

    status = 422
    title = "Work limit exceeded"


class SearchTimeout(StoreUnavailable):
    """A search ran past its deadline; the client may retry (Retry-After) or narrow the request."""

    status = 503
    title = "Search timed out"


@dataclass
class Budget:
    """Steps left and the monotonic deadline of one request's searches."""

    steps: int = DEFAULT_STEPS
    seconds: float | None = None
    started: float = field(default_factory=time.monotonic)
    spent: int = 0
    _next_clock: int = CLOCK_EVERY

    @property
    def deadline(self) -> float | None:
        """Monotonic time at which searches stop, or None."""
        return None if self.seconds is None else self.started + self.seconds

    def remaining(self) -> float | None:
        """Seconds left before the deadline (at least a millisecond), or None without one."""
        deadline = self.deadline
        return None if deadline is None else max(deadline - time.monotonic(), 0.001)

    def charge(self, steps: int = 1) -> None:
        """Count work; raise when the steps or the time are used up."""
        self.spent += steps
        if self.spent > self.steps:
            raise WorkLimitExceeded(
                f"the search needed more than {self.steps} steps (search_steps, ACTORGRAPH_SEARCH_STEPS): "
                "ask for fewer hops, fewer paths, a smaller depth or add predicate filters")
        if self.spent >= self._next_clock:
            self._next_clock = self.spent + CLOCK_EVERY
            self.check_clock()

    def check_clock(self) -> None:
        """Raise SearchTimeout once the deadline has passed."""
        deadline = self.deadline
        if deadline is not None and time.monotonic() > deadline:
            raise SearchTimeout(
                f"the search ran past its deadline of {self.seconds:g} s "
                "(search_seconds, ACTORGRAPH_SEARCH_SECONDS): narrow it or retry later")


_current: ContextVar[Budget | None] = ContextVar("actorgraph_budget", default=None)


def current() -> Budget:
    """The budget of the running request, or a fresh default one outside any."""
    found = _current.get()
    return found if found is not None else Budget()


@contextmanager
def limited(steps: int = DEFAULT_STEPS, seconds: float | None = None) -> Iterator[Budget]:
    """Run the block under one budget (nested blocks share the outer one)."""
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(steps=steps, seconds=seconds)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def start(steps: int, seconds: float | None) -> object:
    """Open a budget without a block (for request hooks); pass the token to `stop`."""
    return _current.set(Budget(steps=steps, seconds=seconds))


def stop(token: object) -> None:
    """Close a budget opened by `start`."""
    _current.reset(token)  # type: ignore[arg-type]
