"""Publication dates: stamps, datelines with a weekday, inference from the text."""

from __future__ import annotations

from datetime import date

from storyline import published

NOW = date(2026, 11, 23)


def test_stamps_with_years() -> None:
    assert published.stamp_date("11:57 03.09.2025") == date(2025, 9, 3)
    assert published.stamp_date("March 01, 2008") == date(2008, 3, 1)
    assert published.stamp_date("2024-02-29") == date(2024, 2, 29)
    assert published.stamp_date("December 2") is None


def test_dateline_year_from_weekday() -> None:
    text = "Brussels, December 2 (X) – He said today, Tuesday, that the 2024 summit mattered."
    assert published.from_dateline("December 2", text, NOW) == (date(2025, 12, 2),
                                                                "dateline + weekday")


def test_dateline_with_year_is_taken_as_is() -> None:
    assert published.from_dateline("March 4, 2023", "", NOW) == (date(2023, 3, 4), "dateline")


def test_inferred_from_latest_date_and_lead_weekday() -> None:
    text = ("The envoy reached the capital on Friday.\n"
            "They had met on Monday. On August 18 the plan was shown; on August 19 it leaked.")
    day, how = published.infer(text, NOW, "The envoy reached the capital on Friday.") or (None, "")
    assert day == date(2025, 8, 22)
    assert how.startswith("inferred: latest explicit date 2025-08-19")


def test_inferred_never_in_the_future() -> None:
    found = published.infer("The vote is set for December 30, 2026.", NOW)
    assert found is None


def test_date_from_text_prefers_a_stamp_at_the_top() -> None:
    text = "Posted 08:05 10.03.2024\nThe ferry left on March 12, 2024."
    assert published.date_from_text(text, NOW) == ("2024-03-10", "text-stamp")


def test_date_from_text_none_without_dates() -> None:
    assert published.date_from_text("No dates here at all.", NOW) is None
