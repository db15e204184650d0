"""A disk cache of built knowledge bases: a 100,000-entity FtM file is parsed and merged once.

(`ingest.kb.ruler` keeps the entity ruler's patterns in the same folder, under `ruler/`.)

One pickle per knowledge-base configuration under `<cache dir>/kb/`, named by a
digest of every input: each extra file's absolute path, size and mtime, the
packaged YAML data, the source of the knowledge-base modules and the versions of
the libraries that shape the result. Change any and the entry is simply not
found (stale ones stay until the folder is cleared). A corrupt or unreadable
entry is ignored and rebuilt; a cache dir that cannot be written only costs the
rebuild next time. The cache is the user's own folder, trusted like their code.

The directory comes from `ACTORGRAPH_CACHE_DIR` (declared in `api.settings`),
default `~/.cache/actorgraph`. It is read here, at load time, because the
knowledge base is loaded inside spaCy factories and spawned worker processes
that receive only the list of files; both inherit the environment.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
CACHE_ENV = "ACTORGRAPH_CACHE_DIR"
FORMAT = "kb-cache-1"
_CODE = ("__init__.py", "files.py", "keys.py", "variants.py", "ftm.py", "ftm_merge.py",
         "cache.py")
_LIBRARIES = ("followthemoney", "pycountry")


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The cache directory: `ACTORGRAPH_CACHE_DIR`, else `~/.cache/actorgraph`."""
    environ = os.environ if environ is None else environ
    configured = environ.get(CACHE_ENV)
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "actorgraph"


def cache_key(files: Sequence[Path]) -> str:
    """Digest of the files' identity (path, size, mtime) and of the code and data that read them."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for path in files:
        stat = path.stat()
        digest.update(f"|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    digest.update(code_version().encode())
    return digest.hexdigest()[:32]


def code_version() -> str:
    """Digest of our knowledge-base code, the packaged data and the library versions."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    data = resources.files("ingest.kb.data")
    for item in sorted((p for p in data.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        digest.update(item.name.encode() + item.read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}={_version(library)}".encode())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def entry_path(directory: Path, key: str, folder: str = "kb") -> Path:
    """Where the entry for `key` lives (`folder`: kb for knowledge bases, ruler for matcher patterns)."""
    return directory / folder / f"{key}.pickle"


def read(directory: Path, key: str, kind: type[T], folder: str = "kb") -> T | None:
    """The cached `kind` object, or None when absent, unreadable, corrupt or of another kind."""
    path = entry_path(directory, key, folder)
    try:
        with path.open("rb") as handle, paused_gc():
            value = pickle.load(handle)  # noqa: S301 - our own cache folder
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
            KeyError, TypeError, ValueError) as exc:
        log.warning("ignoring the corrupt knowledge-base cache %s (%s); rebuilding it", path, exc)
        return None
    if not isinstance(value, kind):
        log.warning("ignoring the corrupt knowledge-base cache %s (holds a %s); rebuilding it",
                    path, type(value).__name__)
        return None
    return value


def write(directory: Path, key: str, value: Any, folder: str = "kb") -> None:
    """Store `value` atomically (a reader never sees half a file); failure to write is only logged."""
    path = entry_path(directory, key, folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(handle.name, path)
    except OSError as exc:
        log.warning("cannot write the knowledge-base cache %s (%s)", path, exc)


class _Pickler(pickle.Pickler):
    """Named tuples rebuilt by `tuple.__new__` in C: half a million forms load in a fraction of the time."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is not tuple and isinstance(obj, tuple) and hasattr(kind, "_fields"):
            return tuple.__new__, (kind, tuple(obj))
        return NotImplemented


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection while building or loading ~a million objects that hold no cycles to free:
    the collector's full passes over a growing heap cost more than the work itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
