"""Request and response schemas: the OpenAPI document is generated from these."""

from __future__ import annotations

from typing import Any

from apiflask import Schema
from apiflask.fields import Boolean, Dict, Float, Integer, List, Nested, String
from apiflask.validators import Length, OneOf, Range, Regexp
from marshmallow import ValidationError, pre_load

from graph.model import EntityType, Predicate, Provenance
from graph.store import MAX_PAGE
from queries.scope import DEFAULT_LIMITS as LIMITS

TYPES = [t.value for t in EntityType]
PREDICATES = [p.value for p in Predicate]
# Real calendar dates only, leap days included, years 1000-9999: the pattern says it all, so
# generated requests that match it are accepted (queries.params checks the same in code).
_YEAR = r"[1-9]\d{3}"
_LEAP = r"(?:[1-9]\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
_MONTH_DAY = (r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
              r"|(?:0[13578]|1[02])-31)")
DATE_PATTERN = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP}-02-29)$"
DATE = Regexp(DATE_PATTERN, error="must be a real ISO date: YYYY, YYYY-MM or YYYY-MM-DD (year >= 1000)")
MAX_OFFSET = 10**9
MAX_ARTICLE_CHARS = 100_000  # extraction memory grows with the text: ~0.5 GB at this size
WINDOW_RULE = "`since` must not be after `until` (400 otherwise)."
# A search text must keep a letter or digit once case, accents and punctuation are dropped.
SEARCH_PATTERN = r"[^\W_]"


class CommaList(List):
    """A list given as repeated parameters (`?p=A&p=B`) or comma-separated (`?p=A,B`)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> list[Any]:
        items = value if isinstance(value, list | tuple) else [value]
        if any(item == "" for item in items):  # `?p=` names no value: leave the parameter out for "all"
            raise ValidationError("an empty value is not allowed; leave the parameter out instead")
        flat: list[Any] = []
        for item in items:
            flat.extend([s for s in item.split(",") if s] if isinstance(item, str) else [item])
        return super()._deserialize(flat, attr, data, **kwargs)


def _predicates() -> CommaList:
    return CommaList(String(validate=OneOf(PREDICATES)),
                     metadata={"description": "Relationship types to follow (all when absent)"})


def _min_confidence() -> Float:
    return Float(validate=Range(0.0, 1.0), allow_nan=False, metadata={
        "description": "Leave out relations whose confidence is below this (0..1; all when absent)",
        "example": 0.5})


def _types() -> CommaList:
    return CommaList(String(validate=OneOf(TYPES)),
                     metadata={"description": "Entity types allowed beyond the centres (all when absent)"})


# --- query parameters ------------------------------------------------------------------------

class PageQuery(Schema):
    limit = Integer(load_default=20, validate=Range(1, MAX_PAGE))
    offset = Integer(load_default=0, validate=Range(0, MAX_OFFSET))


class SearchQuery(PageQuery):
    q = String(required=True, validate=[Length(1, 200), Regexp(SEARCH_PATTERN)], metadata={
        "description": "Name or alias fragment; it must keep a letter or digit once case, accents and "
                       "punctuation are dropped (400 otherwise)", "example": "kadhimi"})
    type = String(validate=OneOf(TYPES))


class WindowQuery(Schema):
    predicates = _predicates()
    types = _types()
    since = String(validate=DATE, metadata={
        "description": f"Keep relations last seen on or after this date. {WINDOW_RULE}",
        "example": "2020-01-01"})
    until = String(validate=DATE, metadata={
        "description": f"Keep relations first seen on or before this date. {WINDOW_RULE}",
        "example": "2022-12-31"})


def centers(required: bool, description: str = "Centre entity ids (repeat or comma-separate)"
            ) -> CommaList:
    """The `center` parameter of subgraphs, views and exports."""
    return CommaList(String(validate=Length(1, LIMITS.max_id_chars)), required=required,
                     validate=Length(int(required), LIMITS.max_centers),
                     metadata={"description": description})


class SubgraphQuery(WindowQuery):
    """Documents `/subgraph`; `queries.scope.parse_subgraph` checks the values (same limits)."""

    center = centers(required=True)
    depth = Integer(load_default=1, validate=Range(1, LIMITS.max_depth))
    limit = Integer(load_default=LIMITS.default_nodes, validate=Range(1, LIMITS.max_nodes),
                    metadata={"description": "Node limit; `truncated` is set when hit"})
    min_confidence = _min_confidence()


class PathsQuery(Schema):
    """Documents `/paths`; `queries.scope.parse_paths` checks the values (same limits)."""

    source = String(required=True, validate=Length(1, LIMITS.max_id_chars), metadata={
        "description": "Entity id the paths start from; must differ from `target` (400 otherwise)"})
    target = String(required=True, validate=Length(1, LIMITS.max_id_chars), metadata={
        "description": "Entity id the paths end at; must differ from `source` (400 otherwise)"})
    max_hops = Integer(load_default=LIMITS.default_hops, validate=Range(1, LIMITS.max_hops))
    k = Integer(load_default=1, validate=Range(1, LIMITS.max_k), metadata={"description": "Number of paths"})
    predicates = _predicates()
    directed = Boolean(load_default=False, metadata={"description": "Follow subject -> object only"})
    min_confidence = _min_confidence()


class NeighborsQuery(PageQuery):
    predicates = _predicates()
    direction = String(load_default="both", validate=OneOf(["out", "in", "both"]))
    min_confidence = _min_confidence()


class ProfileQuery(Schema):
    min_confidence = _min_confidence()


class CentralityQuery(WindowQuery):
    measure = String(load_default="pagerank", validate=OneOf(["degree", "betweenness", "pagerank"]))
    limit = Integer(load_default=20, validate=Range(1, MAX_PAGE))


class CommunitiesQuery(WindowQuery):
    resolution = Float(load_default=1.0, validate=Range(0.01, 10.0))
    seed = Integer(load_default=42, validate=Range(0, 2**31 - 1))
    limit = Integer(load_default=20, validate=Range(1, MAX_PAGE))


class SponsorsQuery(PageQuery):
    since = String(validate=DATE, metadata={"description": f"Last seen on or after. {WINDOW_RULE}"})
    until = String(validate=DATE, metadata={"description": f"First seen on or before. {WINDOW_RULE}"})


# --- responses ---------------------------------------------------------------------------------

class EntityOut(Schema):
    id = String(required=True)
    name = String(required=True)
    type = String(required=True, validate=OneOf(TYPES))
    aliases = List(String(), required=True)
    external_ids = Dict(keys=String(), values=String(), required=True)
    attrs = Dict(required=True)


class EdgeOut(Schema):
    id = String(required=True)
    source = String(required=True)
    target = String(required=True)
    predicate = String(required=True, validate=OneOf(PREDICATES))
    attrs = Dict(required=True)
    first_seen = String(required=True, allow_none=True)
    last_seen = String(required=True, allow_none=True)
    evidence_count = Integer(required=True)
    confidence = Float(required=True)


class ResolvedOut(Schema):
    text = String(required=True, metadata={"description": "The anaphor as written (\"it\", \"the group\")"})
    start = Integer(required=True)
    end = Integer(required=True)
    entity = String(required=True, metadata={"description": "Id of the entity it was resolved to"})


class EvidenceOut(Schema):
    id = String(required=True)
    article_id = String(required=True)
    sentence = String(required=True)
    start = Integer(required=True)
    end = Integer(required=True)
    date = String(required=True, allow_none=True)
    confidence = Float(required=True)
    provenance = String(required=True, validate=OneOf([p.value for p in Provenance]))
    resolved = List(Nested(ResolvedOut), required=True, metadata={
        "description": "Relation ends this sentence names only through coreference"})


class SubgraphOut(Schema):
    nodes = List(Nested(EntityOut), required=True)
    edges = List(Nested(EdgeOut), required=True)
    truncated = Boolean(required=True)


class HopOut(EdgeOut):
    from_ = String(required=True, data_key="from")
    to = String(required=True)
    forward = Boolean(required=True, metadata={"description": "True when the hop runs subject -> object"})
    evidence = List(Nested(EvidenceOut), required=True, metadata={"description": "Top evidence sentences"})


class PathOut(Schema):
    length = Integer(required=True)
    nodes = List(String(), required=True)
    hops = List(Nested(HopOut), required=True)


class PathsOut(SubgraphOut):
    paths = List(Nested(PathOut), required=True)


class PageOut(Schema):
    limit = Integer(required=True)
    offset = Integer(required=True)


class EntityListOut(PageOut):
    items = List(Nested(EntityOut), required=True)


class EvidenceListOut(PageOut):
    relation = String(required=True)
    items = List(Nested(EvidenceOut), required=True)


class ProfileOut(EntityOut):
    relation_counts = Dict(keys=String(), values=Integer(), required=True,
                           metadata={"description": "Relations by predicate, both directions"})
    first_seen = String(required=True, allow_none=True)
    last_seen = String(required=True, allow_none=True)
    degree = Integer(required=True)


class NeighborOut(Schema):
    relation = Nested(EdgeOut, required=True)
    direction = String(required=True, validate=OneOf(["out", "in"]))
    neighbor = Nested(EntityOut, required=True)


class NeighborListOut(PageOut):
    entity = String(required=True)
    items = List(Nested(NeighborOut), required=True)


class TimelineOut(NeighborListOut):
    """An actor's relations in first-seen order: the same shape as its neighbours."""


class ScoreOut(Schema):
    id = String(required=True)
    name = String(required=True)
    type = String(required=True)
    score = Float(required=True)


class CentralityOut(Schema):
    measure = String(required=True)
    nodes = Integer(required=True, metadata={"description": "Nodes in the filtered graph"})
    edges = Integer(required=True, metadata={"description": "Edges in the filtered graph"})
    pivots = Integer(metadata={"description": (
        "Betweenness only: source nodes used. Equal to `nodes`: exact scores; fewer: a seeded "
        "sample (at most 2000, and what a quarter of the request's work budget allows), whose scores "
        "are estimates with a relative standard error of about sqrt((nodes - pivots) / "
        "(pivots * nodes)) for the top brokers")})
    items = List(Nested(ScoreOut), required=True)


class CommunityOut(Schema):
    id = Integer(required=True)
    size = Integer(required=True)
    members = List(Nested(ScoreOut), required=True, metadata={"description": "Members, by degree"})


class CommunitiesOut(Schema):
    nodes = Integer(required=True)
    edges = Integer(required=True)
    modularity = Float(required=True)
    items = List(Nested(CommunityOut), required=True)


class SponsorOut(Schema):
    id = String(required=True)
    name = String(required=True)
    type = String(required=True)
    groups = Integer(required=True, metadata={"description": "Distinct actors backed by this sponsor"})
    backed = List(String(), required=True, metadata={"description": "Ids of the backed actors"})


class SponsorListOut(Schema):
    items = List(Nested(SponsorOut), required=True)
    limit = Integer(required=True)
    offset = Integer(required=True)


class StatsOut(Schema):
    articles = Integer(required=True)
    entities = Dict(keys=String(), values=Integer(), required=True)
    relations = Dict(keys=String(), values=Integer(), required=True)
    evidence = Integer(required=True)


class HealthOut(Schema):
    status = String(required=True)
    store = String(required=True)


class ArticleIn(Schema):
    id = String(validate=Length(1, 300))
    title = String(load_default="", validate=Length(0, 2000))
    body = String(required=True,
                  validate=[Length(1, MAX_ARTICLE_CHARS), Regexp(r"\S", error="body is blank")],
                  metadata={"description": f"Article text, at most {MAX_ARTICLE_CHARS} characters "
                            "(extraction memory grows with it); split longer reports into parts"})
    published = String(validate=DATE, allow_none=True)
    url = String(validate=Length(1, 2000), allow_none=True, metadata={
        "description": "Link to the article; only http(s) addresses are kept (others are dropped)"})
    source = String(validate=Length(1, 2000))


class ArticlesIn(Schema):
    """`{"articles": [...]}`; a single article object is accepted too."""

    articles = List(Nested(ArticleIn), required=True, validate=Length(1, 500))

    @pre_load
    def one_article(self, data: Any, **kwargs: Any) -> Any:
        """A bare article object stands for a list of one."""
        if isinstance(data, dict) and "articles" not in data and "body" in data:
            return {"articles": [data]}
        return data


class IngestOut(Schema):
    articles = Integer(required=True, metadata={"description": "Articles received"})
    written = Integer(required=True, metadata={"description": "Articles written (new or changed)"})
    skipped = Integer(required=True, metadata={"description": "Articles already held unchanged"})
    entities = Integer(required=True)
    relations = Integer(required=True)
    ids = List(String(), required=True)


class RetractOut(Schema):
    article_id = String(required=True)
    evidence = Integer(required=True)
    relations = Integer(required=True)
    entities = Integer(required=True)


class ProblemOut(Schema):
    type = String(required=True)
    title = String(required=True)
    status = Integer(required=True)
    detail = String(required=True)
