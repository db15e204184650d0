"""Incidents told by a verb instead of a noun: who did what to whom, and what the weapon hit.

"Zarqan Front gunmen stormed a hotel in Mosul", "In 2011 it bombed the UN building in
Abuja" (the pronoun's antecedent is the doer), "A car bomb exploded outside the police
headquarters in Mogadishu" (the weapon names the incident; its doer is told elsewhere).
Each is a finished act: no negation, no modal, no plan, and no incident noun in its own
clause (that noun is the anchor then).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ingest.lexicon import Lexicon, lexicon

HIT_VERBS = {"kill", "hit", "strike", "target", "wound", "injure", "destroy", "damage"}
# An incident told by its verb, as the noun that names it and the preposition of its target:
# "gunmen stormed the hotel" -> "storming of the hotel", "X ambushed a convoy" -> "ambush on ...".
INCIDENT_VERBS: dict[str, tuple[str, str]] = {
    "attack": ("attack", "on"), "storm": ("storming", "of"), "ambush": ("ambush", "on"),
    "bomb": ("bombing", "of"), "kidnap": ("kidnapping", "of"), "abduct": ("abduction", "of"),
    "assassinate": ("assassination", "of"), "raid": ("raid", "on"), "shell": ("shelling", "of"),
    "massacre": ("massacre", "of"), "blow": ("bombing", "of"), "kill": ("killing", "of"),
    "hijack": ("hijacking", "of"),
}
# Incident nouns the shared lexicon's kinds lack: "the Mamasapano clash", "the hijacking of a train".
MORE_KINDS = frozenset({"clash", "hijacking"})
_ARMED_ONLY = frozenset({"kill"})  # "X killed 30 villagers in Y" is an incident when X is an armed group
_FIRING = frozenset({"fire", "launch", "lob"})  # "X fired rockets at Y": the weapon is no target
# A weapon as the subject of a hit verb names the incident: "a drone struck the base" -> "drone strike".
WEAPON_KINDS: dict[str, str] = {
    "drone": "drone strike", "missile": "missile strike", "rocket": "rocket attack",
    "mortar": "mortar attack", "shell": "shelling", "bomb": "bombing", "grenade": "grenade attack",
    "explosive": "bombing", "ied": "bombing", "airstrike": "airstrike",
}
WEAPON_VERBS = frozenset({"strike", "hit", "explode", "detonate", "slam", "target", "land", "rip"})
HELD_PLACES = frozenset({"base", "bases", "hideout", "position", "camp", "stronghold", "post", "compound",
                         "facility", "headquarters", "depot"})  # a group's place: "two bases of X" names X
DOER_NOUNS = frozenset({"gunman", "gunmen", "militant", "fighter", "attacker", "insurgent", "bomber",
                        "rebel", "assailant", "jihadist", "member"})
# Auxiliaries of a plan, a possibility or a habit ("are often attacked"), not of one finished act.
_NOT_DONE = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "to", "is", "are",
                       "am", "be", "being"})
PLACE_NOUNS = frozenset({"neighbourhood", "neighborhood", "district", "area", "town", "village", "camp",
                         "city", "region", "province", "suburb", "quarter", "township", "valley", "county"})
_VEHICLES = frozenset({"car", "truck", "roadside", "suicide"})
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "from", "inside", "on"})


def names_target(token: Token | None, named: set[int]) -> bool:
    """The target phrase is a name, or a place owned by a name ("X's residence")."""
    if token is None:
        return False
    if token.i in named or any(c.dep_ == "compound" and c.i in named for c in token.children):
        return True  # "X", "a Kabul mosque"
    if token.lemma_.lower() in lexicon().owned_places and any(
            c.dep_ == "poss" and c.i in named for c in token.children):
        return True
    if (token.lemma_.lower() in HELD_PLACES or token.lower_ in HELD_PLACES) and any(  # "bases of X"
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in named
                                                          for g in c.children) for c in token.children):
        return True
    # "the K-1 base near Kirkuk", "an army post at Nassara": an unnamed target placed by a name
    return any(c.dep_ == "prep" and c.lower_ in {"in", "near", "at"} and any(
        g.dep_ == "pobj" and g.i in named for g in c.children) for c in token.children)


def event_noun(token: Token, lex: Lexicon) -> bool:
    """An incident noun ("attack", "bombing", "assassination attempt") heading its own phrase."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.lemma_.lower() == "attempt":
        return any(c.lemma_ in lex.event_kinds for c in token.lefts if c.dep_ == "compound")
    lemma = token.lemma_.lower()
    return (lemma in lex.event_kinds or lemma in MORE_KINDS) and token.dep_ != "compound"


def weapon(verb: Token) -> Token | None:
    """The weapon of an incident verb: the subject of a hit verb ("a car bomb exploded", "a drone
    struck the base") or the object of a firing verb ("X fired rockets at Y")."""
    if verb.lemma_ in WEAPON_VERBS:
        arm = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif verb.lemma_ in _FIRING:
        arm = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return None
    return arm if arm is not None and arm.lemma_.lower() in WEAPON_KINDS else None


def verb_target(verb: Token) -> Token | None:
    """What an incident verb hit: its object, its passive subject, or what a weapon was fired at
    (none for an unnamed attacker's killing: the dead are victims, its place is told by "at" / "in")."""
    if _doer_kind(verb) is not None:
        return None
    if verb.lemma_ in _FIRING:
        return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "on", "into"}
                     for g in c.children if g.dep_ == "pobj"), None)
    return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _weapon_kind(arm: Token) -> str:
    """ "a car bomb" -> "car bombing", "a drone" -> "drone strike"."""
    kind = WEAPON_KINDS[arm.lemma_.lower()]
    vehicle = next((c.lower_ for c in arm.children if c.dep_ == "compound" and c.lower_ in _VEHICLES), None)
    return f"{vehicle} {kind}" if vehicle else kind


def verb_kind(verb: Token) -> tuple[str, str] | None:
    """(noun, target preposition) an incident verb is named by, or None ("blew up" but not "blew")."""
    if verb.pos_ != "VERB":
        return None
    arm = weapon(verb)
    if arm is not None:
        return _weapon_kind(arm), "on"
    if verb.lemma_ == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    by_doer = _doer_kind(verb)
    if by_doer is not None:
        return by_doer, "on"
    return INCIDENT_VERBS.get(verb.lemma_)


# "A suicide bomber killed 20 people at a mosque in X": an unnamed attacker's killing is named by
# the attacker ("suicide bombing"), and its victims are no target.
_ATTACKER_KINDS = {"bomber": "bombing", "gunman": "shooting", "gunmen": "shooting", "attacker": "attack",
                   "assailant": "attack", "militant": "attack", "insurgent": "attack", "jihadist": "attack"}


def _doer_kind(verb: Token) -> str | None:
    """ "suicide bombing", "shooting", "attack" for a killing by an unnamed attacker, else None."""
    if verb.lemma_ != "kill" or verb.tag_ != "VBD":  # "militants have killed thousands in X": no one act
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    kind = _ATTACKER_KINDS.get(subject.lower_) or _ATTACKER_KINDS.get(subject.lemma_.lower()) \
        if subject is not None else None
    if kind is None or any(c.dep_ in {"poss", "prep"} or c.dep_ == "compound" and c.pos_ == "PROPN"
                           for c in subject.children):
        return None  # "Zanu Front gunmen killed ...": a named doer, told by `verb_doers`
    suicide = any(c.lower_ == "suicide" for c in subject.children)
    return f"suicide {kind}" if suicide else kind


_RELATIVE = frozenset({"who", "that", "which"})
_LEADING = frozenset({"lead", "command", "head", "send", "dispatch"})


def subject_of(verb: Token) -> Token | None:
    """The subject of an incident verb; in a relative clause its antecedent ("gunmen who stormed")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.tag_ == "VBD":
        return verb.head
    return subject


def _leader(doers: Token, named: set[int]) -> list[Token]:
    """ "X led 30 gunmen who ambushed ...": the named subject of the verb that led the doers."""
    governor = doers.head
    if doers.dep_ != "dobj" or governor.lemma_ not in _LEADING:
        return []
    return [c for c in governor.children if c.dep_ == "nsubj" and c.i in named]


def verb_doers(verb: Token, named: set[int]) -> list[Token]:
    """The named doer tokens of an incident verb: its subject name (or a pronoun standing for one),
    "X gunmen", "its gunmen", "fighters of / from X", the "by" agent of a passive, or who led
    the unnamed gunmen of a relative clause ("X led gunmen who stormed ...")."""
    out: list[Token] = []
    subject = subject_of(verb)
    subs = [c for c in verb.children if c.dep_ == "agent"] + ([subject] if subject is not None else [])
    antecedent = subject is not None and subject.dep_ != "nsubj"  # of "who": "X led gunmen who ..."
    if antecedent and DOER_NOUNS & {subject.lemma_.lower(), subject.lower_}:
        out += _leader(subject, named)
    for sub in subs:
        head = next((g for g in sub.children if g.dep_ == "pobj"), sub) if sub.dep_ == "agent" else sub
        if head.i in named:
            out.append(head)
        elif head.lemma_.lower() in DOER_NOUNS or head.lower_ in DOER_NOUNS:
            out += [c for c in head.children if c.dep_ in {"compound", "poss"} and c.i in named]
            out += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                    for g in c.children if g.dep_ == "pobj" and g.i in named]
    return out


def _finished(verb: Token) -> bool:
    """A reported act, not a plan, a denial or a modifier ("planned to attack", "did not attack")."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ in {"xcomp", "amod", "acl"}:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return not any(c.dep_ == "neg" or c.dep_ in {"aux", "auxpass"} and c.lower_ in _NOT_DONE
                   for c in verb.children)


def _own_clause(verb: Token) -> list[Token]:
    """The words of the verb's own clause: its subtree without coordinated or subordinate clauses."""
    cut = {c.i for c in verb.children if c.dep_ in {"conj", "advcl", "ccomp", "parataxis"} and c.pos_ in {
        "VERB", "AUX"}}
    out: list[Token] = []
    for tok in verb.subtree:
        node, inside = tok, True
        while node != verb:
            if node.i in cut:
                inside = False
                break
            node = node.head
        if inside:
            out.append(tok)
    return out


def _placed(verb: Token, named: set[int]) -> bool:
    """A named place in the verb's prepositions, directly or one phrase down ("from a compound in X")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.i in named or names_target(obj, named):
                return True
    return False


def _unnamed_doer(verb: Token) -> bool:
    """ "Gunmen stormed ...", "X was kidnapped in Y": an act whose doer is not named (yet)."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return not any(c.dep_ == "agent" for c in verb.children)
    subject = subject_of(verb)
    return subject is not None and subject.lemma_.lower() in DOER_NOUNS and subject.tag_ == "NNS" and not any(
        c.dep_ in {"compound", "poss", "prep"} for c in subject.children)


@dataclass(frozen=True)
class Names:
    """Token indexes of a doc's names: all of them, with pronouns that stand for one, the sides
    of a conflict (groups, states, parties), and armed groups."""

    ents: set[int]
    named: set[int]
    sides: set[int]
    armed: set[int]


def verb_anchor(verb: Token, names: Names) -> bool:
    """A finished incident told by its verb, with a named doer (or a weapon) and a named target or
    place, and no incident noun in its own clause ("Zarqan Front gunmen stormed a hotel in Mosul")."""
    if verb_kind(verb) is None or not _finished(verb):
        return False
    doers = verb_doers(verb, names.named)
    unnamed_attacker = _doer_kind(verb) is not None
    if verb.lemma_ in _ARMED_ONLY and not unnamed_attacker and not any(d.i in names.armed for d in doers):
        return False
    if not (doers or weapon(verb) is not None or _unnamed_doer(verb) or unnamed_attacker):
        return False
    lex = lexicon()
    if any(event_noun(t, lex) for t in _own_clause(verb) if t != verb):
        return False
    target = verb_target(verb)
    if target is not None and target.i in names.sides:
        return False  # "A attacked B": two sides fighting, no incident named
    return names_target(target, names.ents) or _placed(verb, names.ents)
