"""What a clause tells as still to come (RDR5 F7): a present tense after "until" or "once"
is to come. Made-up sentences, parsed by the pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from test_events import _run


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("The minister said the government must hold off until envoy Anna Lindqvist visits "
     "Bergen in a last effort at diplomacy.", "visits", "planned"),
    ("Talks with Nordavia will resume once the envoy arrives in Oslo.", "arrives", "planned"),
    # told as done: unchanged
    ("Talks with Nordavia resumed after the envoy arrived in Oslo.", "arrived", "happened"),
])
def test_a_present_in_a_clause_of_a_time_to_come_is_planned(nlp: Any, text: str,
                                                            trigger: str, status: str) -> None:
    found = [e for e in _run(nlp, text, []) if e.trigger == trigger]
    assert found and {e.status for e in found} == {status}

