"""One graph version in compact form: CSR adjacency in numpy arrays, saved beside the database.

Built from the tables on the first traversal (never on open), written once per
version into `<db>.csr/<epoch>-v<version>/` as `.npy` files and memory-mapped,
so every process (each gunicorn worker) on the file shares one copy in the page
cache. Nodes are numbered in id order; edges are ordered by (subject, object),
so a node's out-edges are one slice and its in-edges one slice of `in_edge`.
Only what traversals and the query twins read is kept (no attrs, no evidence).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import json
import os
import shutil
import sqlite3
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

NODE_SQL = "SELECT id, type, name FROM entities ORDER BY id"
EDGE_SQL = ("SELECT id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count"
            " FROM relations")
SMALL = 64  # slices shorter than this are read as lists (numpy calls cost more than they save)
FETCH = 65_536  # rows per fetch while building: the whole table never sits in Python lists
ARRAYS = ("node_off", "node_blob", "name_off", "name_blob", "node_type", "src", "dst", "pred", "conf",
          "first", "last", "count", "rid_off", "rid_blob", "out_ptr", "in_ptr", "in_edge")

Array = npt.NDArray[Any]


class Filter(Protocol):
    """What an edge filter says (`embedded_traverse.EdgeFilter`)."""

    @property
    def predicates(self) -> frozenset[str] | None: ...
    @property
    def since(self) -> str | None: ...
    @property
    def until(self) -> str | None: ...
    @property
    def min_confidence(self) -> float | None: ...

    @property
    def trivial(self) -> bool:
        """Whether every edge passes."""

    def ok(self, d: dict[str, Any]) -> bool:
        """Whether one edge's data passes."""


@dataclass(frozen=True, eq=False)
class Csr:
    """The arrays of one version plus the small per-process tables decoded from them."""

    version: int
    arrays: dict[str, Array]
    ids: list[str]  # node ids in id order: position = node number
    index: dict[str, int]
    types: list[str]  # vocabularies the code arrays index into
    preds: list[str]
    dates: list[str]

    @property
    def edges(self) -> int:
        """Number of relations held."""
        return len(self.arrays["src"])

    def name(self, node: int) -> str:
        """A node's name (decoded on demand: names are rarely read by traversals)."""
        return _text(self.arrays["name_off"], self.arrays["name_blob"], node)

    def rids(self, edges: list[int] | Array) -> list[str]:
        """Relation ids of these edge numbers."""
        off, blob = self.arrays["rid_off"], self._rid_bytes
        starts, ends = off[edges].tolist(), off[np.asarray(edges, dtype=np.int64) + 1].tolist()
        return [str(blob[a:b], "utf-8") for a, b in zip(starts, ends, strict=True)]

    @functools.cached_property
    def _rid_bytes(self) -> memoryview:
        """The relation-id blob as a buffer (slicing it costs far less than slicing the array)."""
        return memoryview(self.arrays["rid_blob"].data).cast("B")

    @functools.cached_property
    def ptrs(self) -> tuple[list[int], list[int]]:
        """`out_ptr` and `in_ptr` as lists: a list item costs a fraction of a numpy scalar read."""
        return self.arrays["out_ptr"].tolist(), self.arrays["in_ptr"].tolist()

    @functools.cached_property
    def degrees(self) -> list[int]:
        """Edges out of and into each node."""
        a = self.arrays
        return (np.diff(a["out_ptr"]) + np.diff(a["in_ptr"])).tolist()  # type: ignore[no-any-return]

    def incident(self, k: int, out: bool) -> Array:
        """Edge numbers out of (or into) node k."""
        outs, ins = self.ptrs
        if out:
            return np.arange(outs[k], outs[k + 1])
        return np.asarray(self.arrays["in_edge"][ins[k]:ins[k + 1]])

    def degree(self, k: int) -> int:
        """Edges out of and into node k."""
        return self.degrees[k]

    def allowed(self, edges: Array, f: Filter) -> Array:
        """Which of these edges pass the filter (vectorised `EdgeFilter.ok`)."""
        a, keep = self.arrays, np.ones(len(edges), dtype=bool)
        if f.predicates is not None:
            keep &= np.isin(a["pred"][edges], [i for i, p in enumerate(self.preds) if p in f.predicates])
        if f.min_confidence is not None:
            keep &= a["conf"][edges] >= f.min_confidence
        if f.since is not None:  # dates are sorted, so comparing codes compares the dates
            last = a["last"][edges]
            keep &= (last < 0) | (last >= bisect.bisect_left(self.dates, f.since))
        if f.until is not None:
            first = a["first"][edges]
            keep &= first < bisect.bisect_right(self.dates, f.until)
        return keep

    def between(self, ks: int, ko: int) -> range:
        """Edge numbers from node ks to node ko (edges are sorted by subject, then object)."""
        outs = self.ptrs[0]
        lo, hi = outs[ks], outs[ks + 1]
        if hi - lo <= SMALL:  # a short list and bisect beat two numpy searches
            near = self.arrays["dst"][lo:hi].tolist()
            return range(lo + bisect.bisect_left(near, ko), lo + bisect.bisect_right(near, ko))
        dst = self.arrays["dst"][lo:hi]
        return range(lo + int(np.searchsorted(dst, ko, "left")), lo + int(np.searchsorted(dst, ko, "right")))

    def rows(self, edges: list[int]) -> list[tuple[str, int, float, int, int, int]]:
        """(relation id, predicate, confidence, first, last, evidence count codes) of a few edges."""
        a, off, blob = self.arrays, self.arrays["rid_off"], self._rid_bytes
        pred, conf, first, last, count = a["pred"], a["conf"], a["first"], a["last"], a["count"]
        return [(str(blob[off.item(e):off.item(e + 1)], "utf-8"), pred.item(e), conf.item(e), first.item(e),
                 last.item(e), count.item(e)) for e in edges]

    def locate(self, rid: str, s: str, o: str) -> int | None:
        """The edge number of a relation given its ends, or None when the base lacks it."""
        ks, ko = self.index.get(s), self.index.get(o)
        if ks is None or ko is None:
            return None
        edges = list(self.between(ks, ko))
        return next((e for e, r in zip(edges, self.rids(edges), strict=True) if r == rid), None)


def _text(off: Array, blob: Array, i: int) -> str:
    return bytes(blob[int(off[i]):int(off[i + 1])]).decode()


def _strings(items: list[str]) -> tuple[Array, Array]:
    """Offsets and one utf-8 blob for a list of strings."""
    encoded = [s.encode() for s in items]
    off = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=off[1:])
    return off, np.frombuffer(b"".join(encoded), dtype=np.uint8)


def _decode_all(off: Array, blob: Array) -> list[str]:
    raw, bounds = bytes(blob), off.tolist()
    return [raw[a:b].decode() for a, b in zip(bounds, bounds[1:], strict=False)]


class _Codes:
    """Small vocabularies (types, predicates, dates) as int codes while building."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def code(self, value: str | None) -> int:
        if value is None:
            return -1
        got = self.seen.get(value)
        if got is None:
            got = self.seen[value] = len(self.seen)
        return got

    def codes(self, values: tuple[str | None, ...]) -> list[int]:
        """`code` of each value (a few distinct values among many rows)."""
        for value in set(values).difference(self.seen):
            self.code(value)
        seen = self.seen
        return [-1 if v is None else seen[v] for v in values]

    def sorted_table(self, codes: Array) -> tuple[list[str], Array]:
        """The vocabulary in sorted order, and `codes` renumbered to it (-1 stays -1)."""
        table = sorted(self.seen)
        rank = {v: i for i, v in enumerate(table)}
        remap = np.full(len(self.seen) + 1, -1, dtype=np.int32)  # the last slot answers code -1
        for value, old in self.seen.items():
            remap[old] = rank[value]
        return table, remap[codes]


def build(conn: sqlite3.Connection, version: int) -> Csr:
    """Read the tables (in the caller's read transaction) into a Csr."""
    ids, type_codes, names, kinds = [], array("b"), [], _Codes()
    for i, t, n in conn.execute(NODE_SQL):
        ids.append(i)
        type_codes.append(kinds.code(t))
        names.append(n)
    index = {i: k for k, i in enumerate(ids)}
    cols, rids, preds, dates = _edge_columns(conn, index)
    return _assemble(version, ids, index, names, kinds, np.array(type_codes, dtype=np.int8),
                     cols, rids, preds, dates)


def _edge_columns(conn: sqlite3.Connection, index: dict[str, int]
                  ) -> tuple[dict[str, array[Any]], list[str], _Codes, _Codes]:
    """The relations table as typed columns, a chunk at a time (columns transposed in C)."""
    cols: dict[str, array[Any]] = {"src": array("i"), "dst": array("i"), "pred": array("b"),
                                   "conf": array("d"), "first": array("i"), "last": array("i"),
                                   "count": array("i")}
    rids: list[str] = []
    preds, dates = _Codes(), _Codes()
    cursor = conn.execute(EDGE_SQL)
    while rows := cursor.fetchmany(FETCH):
        rid, s, o, p, conf, first, last, count = zip(*rows, strict=True)
        rids.extend(rid)
        cols["src"].extend(map(index.__getitem__, s))
        cols["dst"].extend(map(index.__getitem__, o))
        cols["pred"].extend(preds.codes(p))
        cols["conf"].extend(conf)
        cols["first"].extend(dates.codes(first))
        cols["last"].extend(dates.codes(last))
        cols["count"].extend(count)
    return cols, rids, preds, dates


def _assemble(version: int, ids: list[str], index: dict[str, int], names: list[str], kinds: _Codes,
              node_type: Array, cols: dict[str, array[Any]], rids: list[str], preds: _Codes,
              dates: _Codes) -> Csr:
    a: dict[str, Array] = {k: np.frombuffer(v, dtype=v.typecode) if len(v) else
                           np.zeros(0, dtype=v.typecode) for k, v in cols.items()}
    order = np.lexsort((a["dst"], a["src"]))
    a = {k: v[order] for k, v in a.items()}
    types, a["node_type"] = kinds.sorted_table(node_type)
    pred_names, a["pred"] = preds.sorted_table(a["pred"])
    date_names, a["first"] = dates.sorted_table(a["first"])
    _, a["last"] = dates.sorted_table(a["last"])
    a["rid_off"], a["rid_blob"] = _strings([rids[i] for i in order.tolist()])
    a["node_off"], a["node_blob"] = _strings(ids)
    a["name_off"], a["name_blob"] = _strings(names)
    n = len(ids)
    a["out_ptr"] = np.searchsorted(a["src"], np.arange(n + 1)).astype(np.int64)
    a["in_edge"] = np.lexsort((a["src"], a["dst"])).astype(np.int32)
    a["in_ptr"] = np.searchsorted(a["dst"][a["in_edge"]], np.arange(n + 1)).astype(np.int64)
    return Csr(version, a, ids, index, types, pred_names, date_names)


# ---------------------------------------------------------------- files


def folder(db: Path) -> Path:
    """Where the versions of a database's compact graph live."""
    return db.with_name(db.name + ".csr")


def _name(epoch: str, version: int) -> str:
    return f"{epoch}-v{version}"


def saved_versions(db: Path, epoch: str) -> list[int]:
    """Versions saved for this database's epoch, ascending."""
    found = []
    with contextlib.suppress(OSError):
        for entry in folder(db).iterdir():
            head, _, tail = entry.name.rpartition("-v")
            if head == epoch and tail.isdigit():
                found.append(int(tail))
    return sorted(found)


def save(db: Path, epoch: str, csr: Csr) -> None:
    """Write the arrays once, atomically (a temporary folder renamed); older versions go."""
    root = folder(db)
    final = root / _name(epoch, csr.version)
    if final.exists():
        return
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    for key in ARRAYS:
        np.save(tmp / f"{key}.npy", csr.arrays[key], allow_pickle=False)
    meta = {"version": csr.version, "types": csr.types, "preds": csr.preds, "dates": csr.dates}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.rename(tmp, final)
    except OSError:  # another process saved the same version first
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(root, final.name)


def _prune(root: Path, keep: str) -> None:
    """Remove every other saved version (a process still mapping one keeps its pages)."""
    for entry in root.iterdir():
        if entry.name != keep and not entry.name.startswith(".tmp-"):
            shutil.rmtree(entry, ignore_errors=True)


def load(db: Path, epoch: str, version: int) -> Csr | None:
    """The saved arrays of a version, memory-mapped; None when absent or unreadable."""
    where = folder(db) / _name(epoch, version)
    try:
        meta = json.loads((where / "meta.json").read_text(encoding="utf-8"))
        # plain ndarray views of the maps: slicing a np.memmap costs several times more
        arrays = {k: np.load(where / f"{k}.npy", mmap_mode="r", allow_pickle=False).view(np.ndarray)
                  for k in ARRAYS}
    except (OSError, ValueError):
        return None
    ids = _decode_all(arrays["node_off"], arrays["node_blob"])
    return Csr(version, arrays, ids, {i: k for k, i in enumerate(ids)},
               meta["types"], meta["preds"], meta["dates"])
