"""Follow folders and feed URLs in one process: each poll ingests what is new or changed.

A folder is listed every poll (hidden files skipped, so a crawler writes
`.name.tmp` and renames it when complete); a file whose size or modification
time changed is read again. Feed and article URLs are fetched with a
conditional GET, so an unchanged feed costs one 304. The store's content hashes
make every poll idempotent: a restart re-reads the folder and writes only what
the store does not hold yet, so nothing is lost or written twice.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.readers import read_paths
from ingest.readers.fetch import Fetcher, is_url, read_urls

log = logging.getLogger(__name__)


@dataclass
class Follower:
    """The sources to follow and what was seen of them so far."""

    sources: list[str]
    fetcher: Fetcher = field(default_factory=Fetcher)
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # file -> (mtime_ns, size)

    def poll(self) -> Iterator[Any]:
        """Articles (and read errors) that appeared or changed since the last poll."""
        urls = [s for s in self.sources if is_url(s)]
        files = [f for s in self.sources if not is_url(s) for f in self._changed(Path(s))]
        if files:
            yield from read_paths(files)
        if urls:
            yield from read_urls(urls, self.fetcher)

    def _changed(self, root: Path) -> Iterator[str]:
        for path in sorted(_files(root)):
            try:
                stat = path.stat()
            except OSError:  # removed between listing and looking
                continue
            mark = (stat.st_mtime_ns, stat.st_size)
            if self._seen.get(str(path)) != mark:
                self._seen[str(path)] = mark
                yield str(path)


def _files(root: Path) -> Iterator[Path]:
    """Visible files under `root` (or `root` itself), hidden files and folders skipped."""
    if root.is_file():
        yield root
        return
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(folder) / n for n in names if not n.startswith("."))


def follow(follower: Follower, ingest: Callable[[Iterable[Any]], Any], *, interval: float,
           polls: int | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll every `interval` seconds (forever, or `polls` times); returns the number of polls made."""
    for number in itertools.count(1):
        items = list(follower.poll())
        if items:
            log.info("poll %d: %d new or changed items", number, len(items))
            ingest(items)
        if polls is not None and number >= polls:
            return number
        sleep(interval)
    raise AssertionError("unreachable")
