"""Word lists that mark speech in news French (lemmas, lower case).

The French counterparts of ``cues``: the reporting verbs of French wire and newspaper
prose (« a déclaré », « a affirmé », « a indiqué », « a ajouté », « estime », ...), the
pronouns that stand for a speaker, and « selon » (attribution by preposition). ``cues``
adds them to its English lists; none of them is an English word, so English text reads
as before.
"""

from __future__ import annotations

CUE_VERBS: frozenset[str] = frozenset({
    "dire", "déclarer", "affirmer", "indiquer", "ajouter", "estimer", "expliquer",
    "souligner", "préciser", "annoncer", "confirmer", "assurer", "rappeler", "insister",
    "avertir", "prévenir", "reconnaître", "admettre", "démentir", "nier", "répondre",
    "répliquer", "lancer", "marteler", "juger", "considérer", "déplorer",
    "dénoncer", "regretter", "promettre", "réagir", "confier", "raconter", "poursuivre",
    "conclure", "noter", "observer", "écrire", "tweeter",
    "commenter", "révéler", "signaler", "rapporter",
    # the French pipeline's rule lemmatizer leaves « estime » as it is (it knows it as
    # a noun), so the verb is also listed in that form
    "estime",
})

# Speech verbs that describe rather than report (« qualifier ... de »).
DESCRIPTIVE_CUES: frozenset[str] = frozenset({"qualifier"})

# « Selon X, ... »: one word, so its second element is empty.
SOURCE_PREPOSITIONS: tuple[tuple[str, str], ...] = (("selon", ""), ("d'après", ""))

# Subject pronouns, also as spaCy splits an inverted one off its verb (« a-t-il dit »).
PERSON_PRONOUNS: frozenset[str] = frozenset({"il", "elle", "lui", "-il", "-elle"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"ils", "elles", "eux", "-ils", "-elles"})
