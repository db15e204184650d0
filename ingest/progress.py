"""Progress, summary and failures report of an ingest run.

A live bar (tqdm) when stderr is a terminal, plain log lines otherwise, so
cron jobs and CI logs stay readable; the tally doubles as the run's result.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("ingest")


@dataclass(frozen=True)
class Failure:
    """One item that could not be read, extracted or loaded, and why."""

    source: str
    stage: str  # "read" | "extract" | "load"
    reason: str
    article_id: str | None = None

    def line(self) -> str:
        """The failure as one report line."""
        where = f"{self.source} ({self.article_id})" if self.article_id else self.source
        return f"{self.stage:<8} {where}: {self.reason}"


@dataclass
class Tally:
    """What an ingest run did; `exit_code` turns it into the command's status."""

    read: int = 0
    unchanged: int = 0
    new: int = 0
    updated: int = 0
    entities: int = 0
    relations: int = 0
    evidence: int = 0
    merges: int = 0
    batches: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        return self.new + self.updated

    def exit_code(self) -> int:
        """0 when everything went in, 1 when some items failed (the rest is in)."""
        return 1 if self.failures else 0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (for `--json` output and tests)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "failures"}
        data["failures"] = [asdict(f) for f in self.failures]
        return data


class Progress:
    """Reports a run as it goes: a bar on a terminal, a log line per batch elsewhere."""

    def __init__(self, stream: IO[str] | None = None, *, tty: bool | None = None) -> None:
        self.tally = Tally()
        self._stream = stream or sys.stderr
        self._tty = self._stream.isatty() if tty is None else tty
        self._start = time.monotonic()
        self._bar: Any = None
        if self._tty:
            from tqdm import tqdm  # only needed for the interactive bar

            # A terminal reporting a 0x0 size (some emulators, `script`) would hide the bar entirely.
            size = shutil.get_terminal_size()
            self._bar = tqdm(file=self._stream, unit="art", desc="ingest", ncols=size.columns,
                             nrows=size.lines)

    def elapsed(self) -> float:
        return time.monotonic() - self._start

    def read(self, n: int = 1) -> None:
        """Articles read successfully (advances the bar)."""
        self.tally.read += n
        if self._bar is not None:
            self._bar.update(n)
            self._postfix()

    def unchanged(self, n: int) -> None:
        """Articles skipped because the store already holds the same content."""
        self.tally.unchanged += n

    def fail(self, failure: Failure) -> None:
        """Record a failed item; shown at once so long runs don't hide problems."""
        self.tally.failures.append(failure)
        if self._bar is not None:
            self._bar.write(f"failed  {failure.line()}", file=self._stream)
            self._postfix()
        else:
            log.warning("failed %s", failure.line())

    def batch_done(self, *, new: int, updated: int, entities: int, relations: int,
                   evidence: int, merges: int) -> None:
        """Add one loaded batch's figures."""
        t = self.tally
        t.batches += 1
        t.new, t.updated = t.new + new, t.updated + updated
        t.entities, t.relations, t.evidence = t.entities + entities, t.relations + relations, \
            t.evidence + evidence
        t.merges += merges
        if self._bar is not None:
            self._postfix()
        else:
            log.info("batch %d: %d read, %d loaded, %d unchanged, %d failed, %.1f articles/s",
                     t.batches, t.read, t.loaded, t.unchanged, len(t.failures), self._rate())

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _rate(self) -> float:
        return self.tally.read / max(self.elapsed(), 1e-9)

    def _postfix(self) -> None:
        t = self.tally
        self._bar.set_postfix(ent=t.entities, rel=t.relations, failed=len(t.failures), refresh=False)


def summary(tally: Tally, elapsed: float) -> str:
    """The end-of-run summary, followed by the failures report when there are failures."""
    rate = tally.read / elapsed if elapsed > 0 else 0.0
    lines = [
        f"read {tally.read} articles in {elapsed:.1f}s ({rate:.1f} articles/s): "
        f"{tally.new} new, {tally.updated} updated, {tally.unchanged} unchanged",
        f"wrote {tally.entities} entities, {tally.relations} relations, {tally.evidence} evidence items "
        f"in {tally.batches} batches; {tally.merges} cross-article merges",
    ]
    if tally.failures:
        lines.append(f"{len(tally.failures)} items failed:")
        lines.extend("  " + f.line() for f in tally.failures)
    else:
        lines.append("no failures")
    return "\n".join(lines)


def write_failures(path: str | Path, failures: Iterable[Failure]) -> None:
    """The failures as JSON lines (one object per failed item), for scripts to pick up."""
    with Path(path).open("w", encoding="utf-8") as out:
        for failure in failures:
            out.write(json.dumps(asdict(failure), ensure_ascii=False) + "\n")
