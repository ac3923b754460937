"""Another outlet's report of one happening on its stated day: a gathering whoever each
names, any other kind only with someone both name (code review REV5 #2: two people's
arrests or deaths on one day were one event)."""

from __future__ import annotations

import pytest

from test_events_titles import DateFrom, _two_reports


@pytest.mark.parametrize("kind", ["press-conference", "meeting", "summit", "election"])
def test_a_gathering_retold_by_another_outlet_is_one_whoever_each_names(kind: str) -> None:
    assert _two_reports(kind, DateFrom.TRIGGER.value, same_article=False) == 1


@pytest.mark.parametrize("kind", ["arrest", "death", "killing", "resignation", "interview"])
def test_two_reports_naming_different_people_are_two_happenings(kind: str) -> None:
    assert _two_reports(kind, DateFrom.TRIGGER.value, same_article=False) == 2
