"""text.py: the folds, words and tokens, the day and month tables, batched."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from storyline import text


def test_fold_lowers_drops_accents_and_makes_punctuation_one_space() -> None:
    assert text.fold("  Nordic-Wire  ") == "nordic wire"
    assert text.fold("Público") == "publico"
    assert text.fold("Mr. O’Brien's") == "mr o brien s"
    assert text.fold("a \t\n b") == "a b"
    assert text.fold("") == ""


def test_fold_name_drops_possessive_and_abbreviation_dots() -> None:
    assert text.fold_name("Zelénskyy’s") == "zelenskyy"
    assert text.fold_name("U.S. Air Force") == "us air force"
    assert text.fold_name("the  Harbour-Herald") == "the harbour herald"
    assert text.fold_name("Lopez's") == text.fold_name("López")


def test_fold_words_keeps_apostrophes_and_hyphens_inside_words() -> None:
    assert text.fold_words("Don't  STOP, well-known O’Brien!") == "don't stop well-known o’brien"
    assert text.words("Straße _x_ 1,5") == ["strasse", "x", "1", "5"]


def test_tokens_leave_out_stop_words_numbers_and_single_letters() -> None:
    assert text.tokens("The 3 ministers met in Oslo, a city") == ["ministers", "met", "oslo",
                                                                   "city"]


def test_strip_marks_drops_only_combining_marks() -> None:
    decomposed = unicodedata.normalize("NFKD", "Zelénskyy — “Київ”, Škoda, naïve 東京 ﬁ")
    assert text.strip_marks(decomposed) == "".join(
        c for c in decomposed if not unicodedata.combining(c))
    assert text.strip_marks("plain ascii") == "plain ascii"


def test_month_and_weekday_tables_count_as_the_calendar_does() -> None:
    assert len(text.MONTH_NAMES) == 12 and len(text.WEEKDAY_NAMES) == 7
    for name, number in text.MONTH_NUMBERS.items():
        assert dt.date(2024, number, 1).strftime("%B").lower().startswith(name[:3])
    assert text.MONTH_NUMBERS["sept"] == text.MONTH_NUMBERS["sep"] == 9
    assert set(text.MONTH_ABBREVIATIONS) <= set(text.MONTH_NUMBERS)
    for name, number in text.WEEKDAY_NUMBERS.items():
        assert dt.date(2024, 1, 1 + number).strftime("%A").lower() == name  # 1 Jan 2024: Monday


def test_batched_yields_lists_lazily_with_a_short_last_one() -> None:
    assert list(text.batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(text.batched([], 3)) == []
    endless = text.batched(iter(int, 1), 2)  # never ends: only what is asked for is read
    assert next(endless) == [0, 0]


def test_batched_rejects_a_size_below_one() -> None:
    with pytest.raises(ValueError, match="size"):
        list(text.batched([1], 0))


def test_calendar_day_is_none_for_numbers_that_name_no_day() -> None:
    from datetime import date

    from storyline.text import calendar_day

    assert calendar_day(2024, 2, 29) == date(2024, 2, 29)
    assert calendar_day(2023, 2, 29) is None
    assert calendar_day(2024, 13, 1) is None
    assert calendar_day(2024, 4, 31) is None


def test_words_keep_the_vowel_signs_of_indic_and_thai_scripts() -> None:
    # Class-0 marks are part of a word's spelling: split at them, every Hindi text would
    # share the same one-letter fragments and look alike to dedup and stories.
    assert text.words("जनवरी में लगातार") == ["जनवरी", "में", "लगातार"]
    assert text.words("ภาษาไทย สวัสดี") == ["ภาษาไทย", "สวัสดี"]
    # Accents still fold away, and an underscore still splits words outside ASCII too.
    assert text.words("Zelénskyy’s a_b") == ["zelenskyy’s", "a", "b"]
