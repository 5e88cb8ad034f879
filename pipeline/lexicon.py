"""Opening phrases of preambular and operative clauses.

Evidence, never the only gate: numbering and layout decide first (see structure.py).
Multi-word phrases are matched before single words when computing a clause's `lead`.
"""

from __future__ import annotations

from .config import active

PREAMBULAR_PHRASES: frozenset[str] = frozenset({
    "acknowledging", "affirming", "alarmed", "appreciating", "aware", "bearing in mind",
    "believing", "cognizant", "concerned", "conscious", "considering", "convinced",
    "deeply concerned", "deeply convinced", "deeply disturbed", "deploring", "desiring",
    "determined", "emphasizing", "emphasising", "encouraged", "expressing", "fully aware",
    "guided by", "having adopted", "having considered", "having examined", "having heard",
    "having received", "having regard to", "having reviewed", "keeping in mind", "mindful",
    "noting", "noting with concern", "noting with appreciation", "noting with satisfaction",
    "observing", "reaffirming", "realizing", "recalling", "recognizing", "recognising",
    "referring", "reiterating", "seeking", "stressing", "taking into account",
    "taking into consideration", "taking note", "underlining", "welcoming", "whereas",
})

OPERATIVE_PHRASES: frozenset[str] = frozenset({
    "accepts", "adopts", "affirms", "agrees", "appeals", "approves", "authorizes", "believes",
    "calls for", "calls upon", "calls on", "commends", "concurs", "condemns", "confirms",
    "considers", "decides", "declares", "demands", "deplores", "designates", "directs",
    "draws", "emphasizes", "emphasises", "encourages", "endorses", "expresses", "invites",
    "notes", "proclaims", "reaffirms", "recognizes", "recognises", "recommends", "regrets",
    "reiterates", "reminds", "renews", "requests", "resolves", "resolved", "stresses",
    "suggests", "supports", "takes note", "transmits", "trusts", "underlines", "urges",
    "welcomes",
})

# "Also decides", "Further recommends", "Strongly urges": adverbs in front of an operative verb.
OPERATIVE_ADVERBS: frozenset[str] = frozenset({
    "also", "further", "furthermore", "again", "once", "strongly", "firmly", "hereby",
    "moreover", "finally", "accordingly", "therefore", "emphatically", "solemnly",
})

# Words that say nothing on their own: "to promote", "the promotion" keep the next word.
_LEAD_CARRIERS = frozenset({"to", "the", "a", "an"})
_ALL_PHRASES = PREAMBULAR_PHRASES | OPERATIVE_PHRASES
_MAX_PHRASE_WORDS = max(len(p.split()) for p in _ALL_PHRASES)


def lead_of(words: list[str]) -> str:
    """The opening phrase of a clause from its first words (already lower-cased)."""
    configured = active().phrases
    longest = max(_MAX_PHRASE_WORDS, active().longest_phrase)
    for size in range(min(longest, len(words)), 1, -1):
        phrase = " ".join(words[:size])
        if phrase in _ALL_PHRASES or phrase in configured:
            return phrase
    if not words:
        return ""
    if words[0] in _LEAD_CARRIERS and len(words) > 1:
        return " ".join(words[:2])
    return words[0]


# Words ending in -ing that do not open a participial clause.
_NOT_PARTICIPLES = frozenset({
    "during", "according", "regarding", "concerning", "notwithstanding", "including", "following",
    "nothing", "something", "anything", "everything", "morning", "evening", "king", "thing", "bring",
    "spring", "string", "being", "meeting", "building", "funding", "training", "hearing", "spending",
})


def is_participle(word: str) -> bool:
    """'having', 'attaching', 'pointing': a present participle (the usual preambular opening)."""
    return len(word) > 4 and word.endswith("ing") and word not in _NOT_PARTICIPLES


def is_preambular(lead: str) -> bool:
    """A preambular opening: a listed phrase ('bearing in mind', 'deeply concerned'), or a
    present participle ('having asked', 'attaching importance') that no list needs to name."""
    first = lead.split(" ", 1)[0]
    extra = active().preambular_set
    return (lead in PREAMBULAR_PHRASES or first in PREAMBULAR_PHRASES or is_participle(first)
            or lead in extra or first in extra)


def is_operative(words: list[str]) -> bool:
    """True when the first words (lower-cased) open an operative clause: an operative verb,
    possibly after adverbs ('also decides', 'further recommends', 'once again urges')."""
    rest = list(words)
    while rest and rest[0] in OPERATIVE_ADVERBS:
        rest = rest[1:]
    if not rest:
        return False
    extra = active().operative_set
    if rest[0] in OPERATIVE_PHRASES or " ".join(rest[:2]) in OPERATIVE_PHRASES:
        return True
    return any(" ".join(rest[:len(phrase.split())]) == phrase for phrase in extra)


PREAMBULAR_FIRST_WORDS: frozenset[str] = frozenset(p.split()[0] for p in PREAMBULAR_PHRASES)
