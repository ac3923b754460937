"""An exact, table-driven stand-in for spaCy's ``attribute_ruler``.

The trained English pipelines map each fine-grained tag to a coarse part of speech and
morphology with an ``attribute_ruler``: about 180 token patterns run through spaCy's
general ``Matcher``. That costs about a tenth of the whole pipeline, as much as the parser,
for what is almost always one dictionary lookup per token. ``AttributeTable`` compiles the
single-token patterns into lookups keyed by tag and by lower-cased form, keeps a small
``Matcher`` for the few multi-token ones, and applies every match in the ruler's own order
(a later rule overrides an earlier one) with spaCy's own ``set_token_attrs``, so the
annotations are the same as the ruler's (tests/test_language.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

# Token fields a compiled pattern may test, and how to read each off a token.
FIELDS: dict[str, Callable[[Token], str | bool]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
# Keys whose lookups narrow the rules a token must be checked against.
INDEXED = ("TAG", "LOWER")
# Words whose stand-in is remembered; the memo is emptied when full.
MAX_STAND_INS = 100_000


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's rule index: later rules take precedence
    tests: tuple[tuple[str, Callable[[Any], bool]], ...]
    attrs: dict[int, Any]

    def matches(self, values: dict[str, Any]) -> bool:
        return all(test(values[field]) for field, test in self.tests)


class AttributeTable:
    """Applies an ``AttributeRuler``'s rules to a Doc with lookups instead of a Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self._by_value: dict[tuple[str, Any], list[_Rule]] = {}
        self._anywhere: list[_Rule] = []
        self._matcher = Matcher(ruler.vocab)
        self._matcher_attrs: dict[int, tuple[dict[int, Any], int]] = {}
        self._cache: dict[tuple[int, ...], tuple[list[tuple[int, int]], dict[int, Any]]] = {}
        # Words some rule names. Any other word is cached under a stand-in: a word that
        # every pattern test (REGEX, NOT_IN) judges alike, or 0 when no test looks past the
        # words it names; so the cache holds a few entries per tag and dependency, not one
        # per word of the corpus.
        self._named_words: set[int] = set()
        self._word_tests: list[Callable[[Any], bool]] = []
        self._stand_ins: dict[int, int] = {}
        self._by_verdicts: dict[tuple[bool, ...], int] = {}
        self._window_words: set[int] | None = set()
        self._longest = 1
        for order, (patterns, attrs, index) in enumerate(_rules(ruler)):
            if all(_compilable(p) for p in patterns):
                for pattern in patterns:
                    self._note_words(ruler.vocab, pattern[0].get("LOWER"))
                    self._add(_Rule(order, _tests(pattern[0]), attrs), pattern[0])
            else:
                key = ruler.vocab.strings.add(str(order))
                self._matcher.add(key, patterns)
                self._matcher_attrs[key] = (attrs, index)
                self._longest = max([self._longest] + [len(p) for p in patterns])
                self._window_words = _needed_words(ruler.vocab, patterns, self._window_words)

    @classmethod
    def compilable(cls, ruler: AttributeRuler) -> bool:
        """Whether every test in ``ruler`` is one this table (or its small Matcher) can run."""
        return all(_known(token) for patterns, _, _ in _rules(ruler)
                   for pattern in patterns for token in pattern)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        columns = {POS: 0, MORPH: 1, LEMMA: 2}
        values = doc.to_array([POS, MORPH, LEMMA])
        matched = self._matcher_hits(doc, keys[:, 1])
        # Each distinct word once: its stand-in when no rule names it. Then each distinct
        # (tag, word, dependency, is_space) key once: a document holds about half as many
        # keys as tokens, and a Python step per token was most of this component's time.
        words, word_at = numpy.unique(keys[:, 1], return_inverse=True)
        strings = doc.vocab.strings
        keys[:, 1] = numpy.asarray(
            [w if w in self._named_words else self._stand_in(w, strings) for w in words.tolist()],
            dtype=keys.dtype)[word_at.reshape(-1)]
        rows, row_at = _distinct_rows(keys)
        found = [self._folded(doc, tuple(row), columns) for row in rows.tolist()]
        setting = numpy.zeros((len(rows), len(columns)), dtype=bool)
        folded = numpy.zeros((len(rows), len(columns)), dtype=values.dtype)
        for r, (common, _) in enumerate(found):
            for column, value in common:
                setting[r, column] = True
                folded[r, column] = value
        values = numpy.where(setting[row_at], folded[row_at], values)
        with_rest = {i for i in numpy.flatnonzero(
            numpy.asarray([bool(rest) for _, rest in found])[row_at]).tolist()}
        # Tokens a multi-token rule touches (every rule applied in order) or that a rule
        # sets more on than these three columns, in the ruler's token order.
        for i in sorted(with_rest | set(matched)):
            if i in matched:
                fields = {field: read(doc[i]) for field, read in FIELDS.items()}
                for attrs in self._ordered_rules(fields, matched[i]):
                    set_token_attrs(doc[i], attrs)
                morph = doc[i].morph.key  # type: ignore[attr-defined]  # the stub leaves it out
                values[i] = [doc[i].pos, morph, doc[i].lemma]
            else:
                set_token_attrs(doc[i], found[row_at[i]][1])
        # The stub types to_array as float64; it is spaCy's uint64 ids, as from_array wants.
        doc.from_array([POS, MORPH, LEMMA], cast("Ints2d", values))
        return doc

    def _folded(self, doc: Doc, key: tuple[int, ...], columns: dict[int, int]
                ) -> tuple[list[tuple[int, int]], dict[int, Any]]:
        """What the rules matching a (tag, lower, dep, is_space) token set, later over earlier:
        (column, value) pairs for POS/MORPH/LEMMA, and any other attributes apart."""
        found = self._cache.get(key)
        if found is None:
            tag, lower, dep, space = key
            strings = doc.vocab.strings
            fields = {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else "",
                      "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}
            folded: dict[int, Any] = {}
            for attrs in self._ordered_rules(fields):
                folded.update(attrs)
            common = [(columns[a], v) for a, v in folded.items() if a in columns]
            rest = {a: v for a, v in folded.items() if a not in columns}
            found = self._cache[key] = (common, rest)
        return found

    def _stand_in(self, lower: int, strings: StringStore) -> int:
        """A word that every rule treats as it treats ``lower``, a word no rule names."""
        if not self._word_tests:
            return 0
        found = self._stand_ins.get(lower)
        if found is None:
            verdicts = tuple(test(strings[lower]) for test in self._word_tests)
            found = self._by_verdicts.setdefault(verdicts, lower)
            if len(self._stand_ins) >= MAX_STAND_INS:
                self._stand_ins.clear()  # bounded: a long run's vocabulary keeps growing
            self._stand_ins[lower] = found
        return found

    def _ordered_rules(self, fields: dict[str, Any],
                       extra: Iterable[tuple[int, dict[int, Any]]] = ()) -> list[dict[int, Any]]:
        """The attributes of every rule matching ``fields`` (and ``extra`` matches), in the
        ruler's order."""
        hits = {r.order: r.attrs for r in self._candidates(fields) if r.matches(fields)}
        hits.update(extra)
        return [attrs for _, attrs in sorted(hits.items())]

    def _candidates(self, values: dict[str, Any]) -> Iterable[_Rule]:
        yield from self._anywhere
        for field in INDEXED:
            yield from self._by_value.get((field, values[field]), ())

    def _matcher_hits(self, doc: Doc, words: Any
                      ) -> dict[int, list[tuple[int, dict[int, Any]]]]:
        hits: dict[int, list[tuple[int, dict[int, Any]]]] = {}
        for key, start, end in self._matches(doc, words):
            attrs, index = self._matcher_attrs[key]
            token = doc[start:end][index]
            hits.setdefault(token.i, []).append((int(doc.vocab.strings[key]), attrs))
        return hits

    def _matches(self, doc: Doc, words: Any) -> set[tuple[int, int, int]]:
        # Every multi-token rule names a word it needs ("gon" "na"): the Matcher runs only
        # on the few short windows around those words, not over the whole document.
        if not self._matcher_attrs:
            return set()
        if self._window_words is None:
            return set(self._matcher(doc, allow_missing=True))
        found: set[tuple[int, int, int]] = set()
        reach = self._longest - 1
        needed = numpy.fromiter(self._window_words, dtype=words.dtype)
        for i in numpy.flatnonzero(numpy.isin(words, needed)).tolist():
            start = max(0, i - reach)
            window = doc[start:min(len(doc), i + reach + 1)]
            found.update((key, start + s, start + e)
                         for key, s, e in self._matcher(window, allow_missing=True))
        return found

    def _note_words(self, vocab: Vocab, test: Any) -> None:
        if isinstance(test, str):
            self._named_words.add(vocab.strings.add(test))
        elif isinstance(test, dict) and set(test) == {"IN"}:
            self._named_words.update(vocab.strings.add(w) for w in test["IN"])
        elif test is not None:  # NOT_IN or REGEX: any word may decide
            self._word_tests.append(_checked(_test(test)))

    def _add(self, rule: _Rule, pattern: dict[str, Any]) -> None:
        # Filed under one exact value it requires, so a token only meets rules it may match.
        for field in INDEXED:
            value = pattern.get(field)
            if isinstance(value, str):
                self._by_value.setdefault((field, value), []).append(rule)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                for each in value["IN"]:
                    self._by_value.setdefault((field, each), []).append(rule)
                return
        self._anywhere.append(rule)


def _distinct_rows(keys: Any) -> tuple[Any, Any]:
    """The distinct rows of an integer array and, for each row, the index of its own: as
    ``numpy.unique(keys, axis=0, return_inverse=True)``, through one integer per row (each
    column's values numbered, the numbers combined), which sorts several times faster."""
    code = numpy.zeros(len(keys), dtype=numpy.int64)
    for column in range(keys.shape[1]):
        values, at = numpy.unique(keys[:, column], return_inverse=True)
        code = code * len(values) + at.reshape(-1)
    _, first, row_at = numpy.unique(code, return_index=True, return_inverse=True)
    return keys[first], row_at.reshape(-1)


def _rules(ruler: AttributeRuler
           ) -> Iterable[tuple[list[list[dict[str, Any]]], dict[int, Any], int]]:
    # The ruler's own list of (patterns, attrs, index), in the order it applies them.
    for order, attrs in enumerate(ruler.attrs):
        key = ruler.vocab.strings[str(order)]
        yield ruler.matcher.get(key)[1], attrs, ruler.indices[order]


def _needed_words(vocab: Vocab, patterns: list[list[dict[str, Any]]],
                  words: set[int] | None) -> set[int] | None:
    """``words`` plus, for each pattern, the words one of its tokens must be; None when some
    pattern needs no particular word (the Matcher must then see every token)."""
    if words is None:
        return None
    for pattern in patterns:
        literal = next((t["LOWER"] for t in pattern if isinstance(t.get("LOWER"), str)
                        or (isinstance(t.get("LOWER"), dict) and set(t["LOWER"]) == {"IN"})),
                       None)
        if literal is None:
            return None
        words = words | {vocab.strings.add(w)
                         for w in ([literal] if isinstance(literal, str) else literal["IN"])}
    return words


def _checked(test: Callable[[Any], bool] | None) -> Callable[[Any], bool]:
    if test is None:
        raise ValueError("a word test AttributeTable.compilable should have refused")
    return test


def _known(token_pattern: dict[str, Any]) -> bool:
    return all(field in FIELDS and _test(value) is not None
               for field, value in token_pattern.items())


def _compilable(pattern: list[dict[str, Any]]) -> bool:
    return len(pattern) == 1 and _known(pattern[0])


def _tests(token_pattern: dict[str, Any]) -> tuple[tuple[str, Callable[[Any], bool]], ...]:
    tests = []
    for field, value in token_pattern.items():
        test = _test(value)
        assert test is not None  # _compilable checked
        tests.append((field, test))
    return tuple(tests)


def _test(value: Any) -> Callable[[Any], bool] | None:
    """A predicate for one Matcher value: a literal, or one of IN / NOT_IN / REGEX."""
    if isinstance(value, (str, bool)):
        return lambda seen: bool(seen == value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda seen: seen in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda seen: seen not in banned
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda seen: bool(pattern.search(seen))
    return None
