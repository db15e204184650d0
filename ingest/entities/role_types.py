"""The type a relation's role gives an unknown name: a seat winner is a party, an attack's doer a group.

A results line ("Liberal Forum - 15") or a claim ("Zorvan carried out the raid") often
says no more about a new name than that role, and the small model's ORG label makes
it an Organization. The role is better evidence than that fallback, so a name whose
type nothing stronger than the model's label gave takes the role's type (basis
CONTEXT, which batch resolution then weighs against the name's other articles).
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.model import EntityType, Predicate, entity_id
from ingest.entities.cluster import Cluster, Clusters
from ingest.entities.type_basis import Basis

T = EntityType
# predicate -> (the type its subject takes, {type it may overrule: the strongest basis it overrules})
# Winning seats outweighs a generic head word ("Union", "Forum", "Network"): no company or NGO sits in a
# parliament; a place name is overruled only when the model's label alone gave it (never a person:
# "Modi's party won 240 seats" may be read as the leader's win).
_SUBJECT_ROLES: dict[Predicate, tuple[EntityType, dict[EntityType, Basis]]] = {
    Predicate.WON_SEATS: (T.POLITICAL_PARTY, {T.ORGANIZATION: Basis.WORDS, T.LOCATION: Basis.LABEL}),
    Predicate.PERPETRATED: (T.ARMED_GROUP, {T.ORGANIZATION: Basis.FALLBACK}),
}


def type_by_role(doc: Doc, clusters: Clusters) -> None:
    """Retype, in place, the clusters only the model's label typed, when their role says more."""
    for found in doc._.ag_relations or ():
        role = _SUBJECT_ROLES.get(found.predicate)
        cluster = clusters.of(found.subject)
        if role is None or cluster is None:
            continue
        etype, overruled = role
        if cluster.basis <= overruled.get(cluster.type, -1):
            _retype(cluster, etype)


def _retype(cluster: Cluster, etype: EntityType) -> None:
    cluster.type = etype
    cluster.id = entity_id(etype, cluster.name)
    cluster.basis = Basis.CONTEXT
