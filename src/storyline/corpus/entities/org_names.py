"""How an organisation's longer name relates to a shorter one it opens with, and the
spelling forms organisation names are compared in.

"McDonald's Corp." is McDonald's own name; "Lenovo Yoga C940" and "NASA's Office of the
Inspector General" are a product and an office of theirs; "Senate Judiciary Committee" is
a body of its own. The organisation joins and the canonical name read a longer name the
same way (``name_adds``), so they can never disagree on it.
"""

from __future__ import annotations

import re

from ...analyze import names
from .clusters import ORG_SUFFIXES, Cluster

# Shortest word prefix that counts as the same word in organisation names
# ("Coalition of Willing" / "Coalition for Will").
MIN_PREFIX = 4
# An organisation's canonical name is a longer form that adds words after a shorter one of
# its names ("NBA League Pass" after "NBA", "Zentrix Aurora" after "Zentrix") only
# while the shorter is mentioned less than this many times as often: articles call the
# organisation by its name, and a longer form mentioned once beside a name used a dozen
# times names a product, an office or a service of it. 3 as SURNAME_DOMINANCE: it keeps
# "State Department" (4 "State", 2 "State Department"), "Interior Department" and "Kraft
# Foods" on the eval exports and names "NASA" (99), not "NASA's Office of the Inspector
# General" (1).
SHORT_NAME_DOMINANCE = 3
# A word with a digit names a model, a version or an edition ("Yoga C940", "ES 350",
# "Artemis 2"), never an organisation's own name after its first words.
_MODEL_WORD = re.compile(r"\d")
# A possessive after a name's first words ("NASA's Office of ...", "Apple's AirPods Pro"):
# what follows belongs to that name; it is not its longer form.
_POSSESSIVE = re.compile(r"^[^\s]+?(?:'s|’s|s'|s’)$")
# Head nouns of an organisation's units, bodies and programmes. A longer name that adds
# words of its own ending in one ("Senate" + "Judiciary Committee", "UN" + "Security
# Council", "iPhone" + "Developer Program", "Royal Oak" + "Beaumont Hospital") names a
# body within or beside the shorter one, not the shorter one's full name. Only the head
# added ("Interior" + "Department", "Ohio State" + "University") is the shorter name's own
# full name and still joins. Drawn from the kinds of bodies news names (government,
# courts, schools, programmes), not from any evaluation text; "store", "airlines",
# "foods", "films" are left out as words that end a company's own name.
ORG_UNIT_HEADS = frozenset({
    "committee", "subcommittee", "department", "dept", "office", "ministry", "council",
    "agency", "bureau", "division", "program", "programme", "service", "services",
    "commission", "court", "board", "institute", "center", "centre", "school", "college",
    "faculty", "hospital", "clinic", "laboratory", "laboratories", "lab", "labs", "unit",
    "panel", "caucus", "branch", "directorate", "authority", "administration", "foundation",
    "fund", "museum", "academy", "initiative", "project", "task", "force", "team", "squad",
    "secretariat", "inspectorate", "tribunal", "chamber", "conference",
})
# A word with a capital after a lower-case letter ("xCloud", "AirPods", "CarPlay") is a
# product's name; after an organisation's name it names that product, not the maker.
_PRODUCT_WORD = re.compile(r"[a-z][A-Z]")
# Words that, opening the added words, show the shorter name was cut inside a longer one
# ("U.S. Fish" + "and Wildlife Service"): the longer is the same name, not a part.
_NAME_JOINERS = frozenset({"and", "&"})
# Words that, after a name ending in a unit head, say which unit the longer name is ("the
# state Department of Public Safety" is not the "State Department").
_UNIT_OF = frozenset({"of", "for"})
# British word endings and their American spelling, for organisation names written both
# ways ("Centre"/"Center", "Programme"/"Program"). Only whole-word endings after a stem of
# three letters or more: both spellings of one name fold to one word, and a word that
# merely ends so ("Metre") folds the same way on both sides. Only the endings no two
# organisations are told apart by: -our/-or and -ence/-ense are left out, because the
# spelling is the name there: Britain's Labour Party is not Australia's Labor Party, and
# Britain's or Australia's Ministry of Defence is not the Ministry of Defense of a
# country written the American way.
_BRITISH_ENDINGS = (
    (re.compile(r"(?<=[a-z]{3})tre$"), "ter"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})amme$"), "am"),
)
_BRITISH_TAILS = ("tre", "ise", "ised", "ises", "ising", "isation", "isations", "amme")
# Head nouns an organisation's own full name ends with after its short name ("Ohio State"
# + "University", "China Eastern" + "Airlines"): a longer name adding one of them alone is
# the short name written in full however rarely, never something named after it. The unit
# heads alone count too ("Interior" + "Department").
FULL_NAME_HEADS = ORG_UNIT_HEADS | ORG_SUFFIXES | frozenset({
    "university", "airlines", "airways", "foods", "films"})
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "a", "an", "in", "on", "at"})


def american_spelling(word: str) -> str:
    """A folded word with its British spelling written the American way ('centre' ->
    'center', 'recognised' -> 'recognized', 'programme' -> 'program'), so that the two
    spellings of one organisation's name compare equal; 'labour' and 'defence' stay as
    they are (``_BRITISH_ENDINGS``)."""
    if not word.endswith(_BRITISH_TAILS):
        return word
    for pattern, american in _BRITISH_ENDINGS:
        word = pattern.sub(american, word)
    return word


def prefix_match(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= MIN_PREFIX and long_.startswith(short))


def outnumbers(short: int, longer: int) -> bool:
    """Whether a shorter name is used so much more often than a longer one that adds words
    to it that the longer names a product, office or service of it: articles call an
    organisation by its name."""
    return short >= SHORT_NAME_DOMINANCE * longer


def added_kind(c: Cluster, key: str, n: int) -> str | None:
    """What the cluster's names with this key add after its first ``n`` words
    (``name_adds``): "part" where one names something of theirs, else "unit" where one
    names a body of its own, else None (the same name, or words of its own)."""
    kinds = {name_adds(name, key, n) for name, k, _ in c.named_keys() if k == key}
    return "part" if "part" in kinds else "unit" if "unit" in kinds else None


def name_adds(name: str, key: str, n: int) -> str | None:
    """What a written name whose key is ``key`` adds after the key's first ``n`` words:
    "same" where it goes on with their name (added company suffixes: "McDonald's Corp.";
    a cut inside one word or inside the name, before a joiner: "U.S. Fish" + "and Wildlife
    Service"); "part" where it names something of theirs (a model word follows: "Lenovo
    Yoga C940", "Lexus ES 350"; the n-th word is a possessive: "NASA's Office of the
    Inspector General"; a product word: "Microsoft xCloud"); "unit" where it names a body
    of its own ("Senate Judiciary Committee", ``_names_a_unit``; "State Department" + "of
    Public Safety": which department); else None (words of its own, or a name that does
    not open with those words). The one reading of a longer name both the joins and the
    canonical name use."""
    added = key.split()[n:]
    if set(added) <= ORG_SUFFIXES:
        return "same"
    if any(_MODEL_WORD.search(w) for w in added):
        return "part"
    raw = bare_name(name).split()
    words = _key_words(raw)
    if len(words) <= n or [k for k, _ in words[:len(added) + n]] != key.split():
        return None
    last, nxt = words[n - 1][1], words[n][1]
    if last == nxt or any(w.lower() in _NAME_JOINERS for w in raw[last + 1:nxt + 1]):
        return "same"
    if _POSSESSIVE.match(raw[last]) or any(_PRODUCT_WORD.search(w) for w in raw[nxt:]):
        return "part"
    if _names_a_unit(raw[nxt:]) or (names.name_key(raw[last]) in ORG_UNIT_HEADS
                                    and raw[nxt].lower() in _UNIT_OF):
        return "unit"
    return None


def _key_words(raw: list[str]) -> list[tuple[str, int]]:
    """The key words of a name's written words, each with the index of the word it comes
    from ("U.S. Fish" -> [("u", 0), ("s", 0), ("fish", 1)]); a word folding to nothing
    ("&") gives none."""
    return [(p, i) for i, w in enumerate(raw) for p in names.name_key(w).split()]


def _names_a_unit(added: list[str]) -> bool:
    """Whether the added written words name a body of their own: a unit head noun
    (``ORG_UNIT_HEADS``) and a capitalised word of their own before or after it
    ("Judiciary Committee", "Office of the Inspector General"); not the head alone
    ("Department": "Interior Department") nor a description in lower case ("IRNA news
    agency")."""
    folded = [names.name_key(w) for w in added]
    if not any(w in ORG_UNIT_HEADS for w in folded):
        return False
    return any(w[:1].isupper() and f not in ORG_UNIT_HEADS and f not in FUNCTION_WORDS
               and f not in ORG_SUFFIXES for w, f in zip(added, folded, strict=True))


def bare_name(name: str) -> str:
    """A name without its leading article ("the Justice Department")."""
    return name[4:] if name.lower().startswith("the ") else name
