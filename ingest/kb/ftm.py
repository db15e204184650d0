"""FollowTheMoney entity files (OpenSanctions, Aleph) as knowledge-base actors.

A file of FtM entities, one JSON object per line (`{"id", "schema", "properties"}`),
is read with the `followthemoney` package (imported only when such a file is
given: it costs about a second), which validates every value. Legal-entity
schemata become actors; others (addresses, sanctions, vessels...) are skipped:

    Person                                   -> Person (`role.pep` kept as an attr)
    PublicBody                               -> StateBody
    Organization / Company / LegalEntity     -> by topics, first match:
        crime.terror, crime.war              -> ArmedGroup
        pol.party                            -> PoliticalParty
        gov.national/state/muni/soe/security -> StateBody   (gov.igo stays Organization)
        otherwise                            -> Organization

Names: the first `name` is canonical; other names, `alias` and `previousName`
are aliases; `weakAlias` (nicknames such as "Abu Ali") only when it has two words
and 6 characters or more, and then only case-sensitively: a short or one-word
weak alias would mark common words and other people everywhere. Persons get no
surname-only forms (third-party people by surname alone are noise).
`wikidataId` must be a Q-id; `country`/`nationality`/`jurisdiction` ISO codes
become the name of our Country actor (via `pycountry`), unknown codes no country.

Third-party data never breaks the knowledge base: an entity with our Wikidata id,
or whose exact normalised name belongs to an actor of the same type, extends that
actor (aliases); any other name or alias another actor owns (or respells) is
dropped and counted (`ingest.kb.ftm_merge`); a bad line is reported with file:line
and skipped. Keys are `ftm-<slug of the FtM id>`, stable across runs. Our YAML files
are read first whatever the order given. `ingest.kb.cache` keeps the result.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.model import EntityType
from ingest.kb import cache as kb_cache
from ingest.kb.files import KnowledgeBaseError, RawActor, merge_entries, parse_file
from ingest.kb.ftm_merge import FtmMerger, country_resolver

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

log = logging.getLogger(__name__)
FTM_SUFFIXES = (".json", ".jsonl", ".ndjson")  # `.ftm.json` ends in `.json`
_QID = re.compile(r"^Q[1-9][0-9]*$")
_GOV_TOPICS = ("gov.national", "gov.state", "gov.muni", "gov.soe", "gov.security")
_ALIAS_PROPS = ("alias", "previousName")
_COUNTRY_PROPS = ("country", "nationality", "jurisdiction")
_READ_PROPS = ("name", *_ALIAS_PROPS, "weakAlias", "wikidataId", *_COUNTRY_PROPS, "topics")
_REPORTED_LINES = 20  # bad lines logged one by one per file; the rest only counted


@dataclass(frozen=True)
class FtmEntity:
    """The parts of one validated FtM entity that make an actor."""

    id: str
    type: EntityType
    where: str
    names: tuple[str, ...]
    weak: tuple[str, ...] = ()
    wikidata: str | None = None
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass
class FtmReport:
    """What loading one FtM file did: counts, and the bad lines with file:line."""

    source: str
    actors: int = 0
    extended: int = 0
    not_actors: int = 0
    weak_skipped: int = 0
    dropped_names: int = 0
    dropped_entities: int = 0
    bad_lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the log."""
        return (f"{self.source}: {self.actors} actors added, {self.extended} merged into known actors, "
                f"{self.not_actors} non-actor entities skipped, "
                f"{len(self.bad_lines)} bad lines or values skipped, "
                f"{self.dropped_names} names/aliases dropped (owned by other actors), "
                f"{self.dropped_entities} entities dropped, {self.weak_skipped} weak aliases skipped")

    def bad(self, message: str) -> None:
        """Record (and, for the first few, log) a skipped line."""
        if len(self.bad_lines) < _REPORTED_LINES:
            log.warning("%s", message)
        self.bad_lines.append(message)


def is_ftm_file(path: str | Path) -> bool:
    """True for a FollowTheMoney JSON-lines file: by extension, else a first line that is an entity."""
    path = Path(path)
    if path.name.lower().endswith(FTM_SUFFIXES):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).lstrip()
    except OSError:
        return False
    return head.startswith(b"{") and b'"schema"' in head


def entity_type(schema: Any, topics: Sequence[str]) -> EntityType | None:
    """Our type for an FtM schema (a `followthemoney` Schema) and its topics; None: not an actor."""
    if schema.is_a("Person"):
        return EntityType.PERSON
    if schema.is_a("PublicBody"):
        return EntityType.STATE_BODY
    if not schema.is_a("LegalEntity"):
        return None
    if any(t in ("crime.terror", "crime.war") for t in topics):
        return EntityType.ARMED_GROUP
    if "pol.party" in topics:
        return EntityType.POLITICAL_PARTY
    if any(t in _GOV_TOPICS for t in topics):
        return EntityType.STATE_BODY
    return EntityType.ORGANIZATION


def read_entities(path: Path, report: FtmReport) -> Iterator[FtmEntity]:
    """The actor entities of one file, validated by `followthemoney`; bad lines go to `report`."""
    from followthemoney import model

    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield from _read_line(model, line, f"{path}:{number}", report)


def _read_line(model: Any, line: bytes, where: str, report: FtmReport) -> Iterator[FtmEntity]:
    import orjson  # comes with followthemoney; parses a line several times faster than json
    from followthemoney.exc import FollowTheMoneyException

    try:
        data = _check_shape(orjson.loads(line))
        proxy = model.get_proxy(data, cleaned=False)
    except (ValueError, FollowTheMoneyException) as exc:
        report.bad(f"{where}: line skipped: {exc}")
        return
    etype = entity_type(proxy.schema, proxy.get("topics", quiet=True))
    if etype is None:
        report.not_actors += 1
        return
    entity = _entity(proxy, etype, where, report, data["properties"].get("wikidataId", ()))
    if entity is not None:
        yield entity


def _check_shape(data: Any) -> dict[str, Any]:
    """The envelope FtM itself tolerates but an actor cannot do without, cut to the properties we read
    (real entities carry dozens more: validating only ours makes a large file several times faster)."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    if not isinstance(data.get("id"), str) or not data["id"].strip():
        raise ValueError("missing entity id")
    if not isinstance(data.get("schema"), str):
        raise ValueError("missing schema")
    props = data.get("properties", {})
    if not isinstance(props, dict):
        raise ValueError("'properties' must be a JSON object")
    wanted = {name: props[name] for name in _READ_PROPS if name in props}
    if not all(isinstance(v, list) for v in wanted.values()):
        raise ValueError("'properties' must map property names to lists of values")
    return {"id": data["id"], "schema": data["schema"], "properties": wanted}


def _entity(proxy: Any, etype: EntityType, where: str, report: FtmReport,
            qids: Sequence[Any]) -> FtmEntity | None:
    names = [n for prop in ("name", *_ALIAS_PROPS) for n in proxy.get(prop, quiet=True)]
    names = list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    if not names:
        report.bad(f"{where}: line skipped: entity {proxy.id!r} has no name")
        return None
    topics = tuple(proxy.get("topics", quiet=True))
    return FtmEntity(proxy.id, etype, where, tuple(names), _weak(proxy, report),
                     _wikidata(qids, where, report), _countries(proxy), topics)


def _wikidata(values: Sequence[Any], where: str, report: FtmReport) -> str | None:
    """The first well-formed Q-id, checked on the raw values (FtM silently drops some, keeps `Q0`)."""
    found = None
    for value in values:
        qid = value.strip().upper() if isinstance(value, str) else ""
        if _QID.match(qid):
            found = found or qid
        else:
            report.bad(f"{where}: malformed wikidataId {value!r} ignored (expected Q followed by digits)")
    return found


def _weak(proxy: Any, report: FtmReport) -> tuple[str, ...]:
    given = proxy.get("weakAlias", quiet=True)
    weak = tuple(w for w in given if _usable_weak(w))
    report.weak_skipped += len(given) - len(weak)
    return weak


def _countries(proxy: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for p in _COUNTRY_PROPS for c in proxy.get(p, quiet=True)))


def _usable_weak(alias: str) -> bool:
    """A weak alias is kept only when long enough to be specific: two words and 6+ characters."""
    return len(alias.split()) >= 2 and len(alias.strip()) >= 6


@dataclass(frozen=True)
class Built:
    """A knowledge base built with FtM files, and what each file contributed (cached together)."""

    kb: KnowledgeBase
    reports: tuple[FtmReport, ...]


def load_with_ftm(files: Sequence[str | Path], packaged: Sequence[RawActor],
                  cache_dir: Path | None = None) -> Built:
    """The knowledge base of packaged data, YAML files and FtM files, from the cache when unchanged."""
    paths = [Path(f) for f in files]
    try:
        key = kb_cache.cache_key(paths)
    except OSError as exc:
        raise KnowledgeBaseError([f"{exc.filename}: cannot read the file ({exc.strerror})"]) from exc
    directory = kb_cache.cache_dir() if cache_dir is None else cache_dir
    built = kb_cache.read(directory, key, Built)
    if built is None:
        with kb_cache.paused_gc():
            built = build_with_ftm(paths, packaged)
        kb_cache.write(directory, key, built)
    for report in built.reports:
        log.log(logging.WARNING if report.bad_lines or report.dropped_names else logging.INFO,
                "%s", report.summary())
    return built


def build_with_ftm(paths: Sequence[Path], packaged: Sequence[RawActor]) -> Built:
    """Parse and merge: our YAML first (it always wins), then each FtM file in order."""
    from ingest.kb import KnowledgeBase, _actor

    extra: list[RawActor] = []
    problems: list[str] = []
    for path in (p for p in paths if not is_ftm_file(p)):
        parsed, errors = parse_file(path)
        extra.extend(parsed)
        problems.extend(errors)
    if problems:
        raise KnowledgeBaseError(problems)
    base = merge_entries(packaged, extra)
    merger = FtmMerger(base, country_resolver(base))
    reports = tuple(_merge_file(merger, p) for p in paths if is_ftm_file(p))
    entries = list(merger.entries.values())
    kb = KnowledgeBase((_actor(raw) for raw in entries), {raw.key: raw.source for raw in entries})
    return Built(kb, reports)


def _merge_file(merger: FtmMerger, path: Path) -> FtmReport:
    report = FtmReport(str(path))
    try:
        for entity in read_entities(path, report):
            merger.add(entity, report)
    except OSError as exc:
        raise KnowledgeBaseError([f"{path}: cannot read the file ({exc})"]) from exc
    return report
