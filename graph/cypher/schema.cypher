// Constraints and indexes of the Neo4j store; idempotent (IF NOT EXISTS).
// Statements are separated by semicolons and run one by one by `ensure_schema()`.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (ev:Evidence) REQUIRE ev.id IS UNIQUE;
// A relation's sentences are found by this index (see write_evidence.cypher).
CREATE INDEX evidence_relation IF NOT EXISTS FOR (ev:Evidence) ON (ev.relation_id);
// Exact lookup and ordering by the canonical normalised name.
CREATE INDEX entity_norm_name IF NOT EXISTS FOR (e:Entity) ON (e.norm_name);
// Trigram text index: `norm_blob CONTAINS $q` (substring search over all names) uses it.
CREATE TEXT INDEX entity_norm_blob IF NOT EXISTS FOR (e:Entity) ON (e.norm_blob);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
// One relationship index per predicate on the stable relation id (relations_by_id.cypher).
CREATE INDEX rel_id_backed_by IF NOT EXISTS FOR ()-[r:BACKED_BY]-() ON (r.id);
CREATE INDEX rel_id_leads IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.id);
CREATE INDEX rel_id_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX rel_id_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX rel_id_spokesperson_for IF NOT EXISTS FOR ()-[r:SPOKESPERSON_FOR]-() ON (r.id);
CREATE INDEX rel_id_holds_office IF NOT EXISTS FOR ()-[r:HOLDS_OFFICE]-() ON (r.id);
CREATE INDEX rel_id_won_seats IF NOT EXISTS FOR ()-[r:WON_SEATS]-() ON (r.id);
CREATE INDEX rel_id_targeted IF NOT EXISTS FOR ()-[r:TARGETED]-() ON (r.id);
CREATE INDEX rel_id_perpetrated IF NOT EXISTS FOR ()-[r:PERPETRATED]-() ON (r.id);
CREATE INDEX rel_id_condemned IF NOT EXISTS FOR ()-[r:CONDEMNED]-() ON (r.id);
CREATE INDEX rel_id_blamed IF NOT EXISTS FOR ()-[r:BLAMED]-() ON (r.id);
CREATE INDEX rel_id_accused IF NOT EXISTS FOR ()-[r:ACCUSED]-() ON (r.id);
CREATE INDEX rel_id_designated_terrorist_by IF NOT EXISTS FOR ()-[r:DESIGNATED_TERRORIST_BY]-() ON (r.id);
CREATE INDEX rel_id_sanctioned_by IF NOT EXISTS FOR ()-[r:SANCTIONED_BY]-() ON (r.id);
CREATE INDEX rel_id_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.id);
CREATE INDEX rel_id_allied_with IF NOT EXISTS FOR ()-[r:ALLIED_WITH]-() ON (r.id);
CREATE INDEX rel_id_opposes IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.id);
CREATE INDEX rel_id_met_with IF NOT EXISTS FOR ()-[r:MET_WITH]-() ON (r.id);
